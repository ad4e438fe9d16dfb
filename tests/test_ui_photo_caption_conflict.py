"""A photo's caption typed in the viewer and refused because another window (on the clinic
server, another room) changed it first: the viewer shows the stored caption, and what was typed
is kept in its notice to copy, as a refused session note is kept (ui.conflict_notice); the viewer
stays open with it until it is dismissed, covered while the privacy screen is up. On both
backends, the second writer a second Records of its own login. (Two processes on one file:
tests/test_photo_processes.py.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from imsmap.services.photos import Photos
from photo_support import png_bytes, write
from test_ui_french import french  # noqa: F401 - fixture
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

pytestmark = pytest.mark.both_backends

BENS = "Left knee, lateral, before needling"


@pytest.fixture
def refused(qtbot, no_file_holds, window, records, session, open_records_as,  # noqa: F811
            tmp_path):
    """The window's viewer on photo 1 (captioned "Knee"), Ben's caption saved elsewhere
    meanwhile, and "Knee, medial" typed in the viewer and refused: (window, viewer). On a
    file, where two windows may write one draft (its holds cannot be kept: no_file_holds;
    where they are, the second only reads)."""
    photo = Photos(records).add_file(session.id, write(tmp_path / "knee.png", png_bytes()),
                                     "Knee")
    window.photo_strip.refresh()
    viewer = window.photo_strip.open_photo(photo.id)
    qtbot.waitExposed(viewer)
    ben = open_records_as("ben.physio").records
    Photos(ben).set_caption(photo.id, BENS)
    viewer.caption.setFocus()
    viewer.caption.selectAll()
    qtbot.keyClicks(viewer.caption, "Knee, medial")
    qtbot.keyClick(viewer.caption, Qt.Key.Key_Return)  # editing finished: saved, or refused
    assert Photos(records).photo(photo.id).caption == BENS  # Ben's is not written over
    return window, viewer


def test_a_refused_caption_is_kept_to_copy_and_the_viewer_stays_open_until_dismissed(
        qtbot, refused):
    window, viewer = refused
    assert viewer.caption.text() == BENS
    assert viewer.conflict.isVisible() and viewer.conflict.text() == "Knee, medial"
    words = viewer.conflict.sentence.text()
    assert "ben.physio" in words and "copy it into the field" in words
    qtbot.mouseClick(viewer.conflict.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "Knee, medial"

    viewer.reject()  # Escape, or the window's close button: kept, still open
    assert viewer.isVisible() and viewer.conflict.text() == "Knee, medial"
    qtbot.mouseClick(viewer.conflict.dismiss_button, Qt.MouseButton.LeftButton)
    assert not viewer.conflict.isVisible()
    viewer.accept()
    qtbot.waitUntil(lambda: window.photo_strip.viewer is None, timeout=5000)
    assert BENS in window.photo_strip.list.item(0).toolTip()


def test_the_privacy_screen_covers_a_viewer_keeping_a_refused_caption(qtbot, refused):
    """Closed, the viewer took the caption typed with it: covered (as the window's other
    dialogs are), nothing of the photo shows and it stays as it was left."""
    from imsmap.ui.privacy_cover import Cover

    window, viewer = refused
    assert viewer.conflict.holds_text()
    window.menus.act_hide.trigger()  # F12 / Ctrl+H: a photo shows a face as plainly as a name
    cover = viewer.findChild(Cover, options=Qt.FindChildOption.FindDirectChildrenOnly)
    assert window.photo_strip.hidden and viewer.isVisible()
    assert cover is not None and cover.covering and cover.geometry() == viewer.rect()
    picture = viewer.grab().toImage()
    colours = {picture.pixel(x, y) for x in range(0, picture.width(), 17)
               for y in range(0, picture.height() * 2 // 3, 17)}
    assert len(colours) <= 3, len(colours)  # the cover's dark ground and its words, no photo
    window.menus.act_hide.trigger()
    assert not cover.covering and viewer.conflict.text() == "Knee, medial"
    qtbot.mouseClick(viewer.conflict.dismiss_button, Qt.MouseButton.LeftButton)
    viewer.accept()
    qtbot.waitUntil(lambda: window.photo_strip.viewer is None, timeout=5000)


def test_lock_now_without_a_pin_covers_it_too_and_lifting_gives_it_back(qtbot, refused):
    from test_ui_lock_dialogs import cover_of
    from test_ui_privacy_dialogs import covered_share

    window, viewer = refused
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(viewer.caption, Qt.Key.Key_K, ctrl_shift)  # Lock now, in the viewer
    assert window.hide_names and viewer.isVisible()
    assert covered_share(viewer) > 0.8
    qtbot.keyClick(cover_of(viewer), Qt.Key.Key_F12)  # anyone lifts it: no PIN is set
    assert not window.hide_names and covered_share(viewer) < 0.1
    assert viewer.conflict.text() == "Knee, medial" and viewer.caption.text() == BENS


def test_the_privacy_screen_closes_a_viewer_once_its_notice_is_dismissed(qtbot, refused):
    window, viewer = refused
    qtbot.mouseClick(viewer.conflict.dismiss_button, Qt.MouseButton.LeftButton)
    window.menus.act_hide.trigger()
    qtbot.waitUntil(lambda: window.photo_strip.viewer is None, timeout=5000)
    assert not viewer.isVisible()
    window.menus.act_hide.trigger()


def test_the_refused_caption_is_said_in_french(french, qtbot, refused):  # noqa: F811
    _window, viewer = refused
    words = viewer.conflict.sentence.text()
    assert "ben.physio" in words and "copiez-le" in words, words
