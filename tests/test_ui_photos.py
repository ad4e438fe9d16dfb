"""The photo strip under the session and the full-size viewer, through the real window (issue 18
item 4): drop files, add from the file dialog, open, caption, tie to a site, remove after a
confirmation; a signed session's photos only show."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from imsmap.services.photos import Photos
from imsmap.ui import file_dialogs
from photo_support import phone_jpeg, png_bytes, write
from support import spot
from test_ui_french import french  # noqa: F401 - fixture
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures


def _drop(strip, paths) -> bool:
    """Drag files from a file manager onto the strip and let go; True if it took the drag."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPointF(strip.rect().center())
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(strip, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(strip, drop)
    return True


def _open_first(qtbot, strip):
    item = strip.list.item(0)
    centre = strip.list.visualItemRect(item).center()
    # A double-click is a click, then the second press (QTest's DClick sends only that part)
    qtbot.mouseClick(strip.list.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, centre)
    qtbot.mouseDClick(strip.list.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, centre)
    qtbot.waitUntil(lambda: strip.viewer is not None and strip.viewer.isVisible())
    return strip.viewer


def test_dropped_photos_show_in_the_strip_and_a_bad_file_is_one_sentence(
        qtbot, window, records, session, tmp_path):
    strip = window.photo_strip
    assert strip.isVisibleTo(window) and strip.list.count() == 0
    assert strip.hint.text() == "drop photo files here"
    good = write(tmp_path / "IMG_0042.jpg", phone_jpeg())
    bad = write(tmp_path / "scan.jpg", b"%PDF-1.4 a letter, not a photo\n" * 20)

    assert _drop(strip, [good, bad])

    assert strip.list.count() == 1 and len(Photos(records).for_session(session.id)) == 1
    assert window.statusBar().currentMessage() == (
        "scan.jpg is not a photo imsmap can read (it is not a JPEG, PNG, WebP, TIFF, BMP or GIF "
        "image).")
    # The thumbnail is the upright picture: the blue band is at the top right.
    icon = strip.list.item(0).icon().pixmap(96, 96).toImage()
    assert icon.height() == 96 and icon.width() < 96
    top_right = icon.pixelColor(icon.width() - 3, 3)
    assert top_right.blue() > 180 and top_right.red() < 90


def test_add_photo_opens_the_file_dialog_and_the_viewer_shows_it_full_size(
        qtbot, window, records, session, tmp_path, monkeypatch):
    path = write(tmp_path / "posture.jpg", phone_jpeg())
    monkeypatch.setattr(file_dialogs, "open_file_names",
                        lambda *a, **k: ([str(path)], "Photos"))
    strip = window.photo_strip
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    assert strip.list.count() == 1
    assert "attached, upright and without GPS" in window.statusBar().currentMessage()

    viewer = _open_first(qtbot, strip)
    room = viewer.scroll.viewport().size()
    width, height = viewer.shown_size()
    assert height <= room.height() and width <= room.width() and height > 200  # fitted
    viewer.fit.setChecked(False)
    assert viewer.shown_size() == (1365, 2048)  # the stored photo, full size
    viewer.close()
    qtbot.waitUntil(lambda: strip.viewer is None)


def test_caption_and_site_are_saved_from_the_viewer(qtbot, window, records, session, tmp_path):
    view_id, x, y, _m, _s = spot(records.atlas, 2)
    site = records.add_site(session.id, view_id, x, y)
    photos = Photos(records)
    photos.add_file(session.id, write(tmp_path / "a.png", png_bytes()))
    strip = window.photo_strip
    qtbot.waitUntil(lambda: strip.list.count() == 1)
    viewer = _open_first(qtbot, strip)

    viewer.caption.setFocus()
    qtbot.keyClicks(viewer.caption, "Redness over L5, right")
    qtbot.keyClick(viewer.caption, Qt.Key.Key_Return)
    viewer.site.setCurrentIndex(viewer.site.findData(site.id))
    stored = photos.for_session(session.id)[0]
    assert (stored.caption, stored.site_id) == ("Redness over L5, right", site.id)
    assert strip.list.item(0).toolTip().startswith("Photo 1 · Redness over L5, right")
    assert f"site {site.seq}" in strip.list.item(0).toolTip()


def test_removal_asks_first_and_cancel_keeps_the_photo(qtbot, window, records, session,
                                                        tmp_path):
    photos = Photos(records)
    photos.add_file(session.id, write(tmp_path / "a.png", png_bytes()))
    strip = window.photo_strip
    qtbot.waitUntil(lambda: strip.list.count() == 1)

    viewer = _open_first(qtbot, strip)
    qtbot.mouseClick(viewer.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: viewer.confirm is not None and viewer.confirm.isVisible())
    viewer.confirm.button(QMessageBox.StandardButton.Cancel).click()
    assert len(photos.for_session(session.id)) == 1 and strip.list.count() == 1

    qtbot.mouseClick(viewer.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: viewer.confirm is not None and viewer.confirm.isVisible())
    remove = next(b for b in viewer.confirm.buttons() if b.text() == "Remove photo")
    remove.click()
    qtbot.waitUntil(lambda: strip.list.count() == 0)
    assert photos.for_session(session.id) == [] and strip.viewer is None
    assert records.audit_entries(session.id)[-1].action == "remove"


def test_a_signed_sessions_own_photos_are_locked_with_it(qtbot, window, records, session,
                                                         tmp_path):
    photos = Photos(records)
    photos.add_file(session.id, write(tmp_path / "a.png", png_bytes()), "before")
    records.sign_session(session.id)
    strip = window.photo_strip
    qtbot.waitUntil(lambda: strip.amendable)
    assert not strip.editable
    # More than one photo at once: each is added by an amendment with its reason.
    assert _drop(strip, [write(tmp_path / "b.png", png_bytes()),
                         write(tmp_path / "c.png", png_bytes(320, 200))])
    assert "one photo at a time" in window.statusBar().currentMessage()
    assert len(photos.for_session(session.id)) == 1

    viewer = _open_first(qtbot, strip)
    assert not viewer.caption.isEnabled() and not viewer.site.isEnabled()
    assert not viewer.remove_button.isVisibleTo(viewer)
    viewer.close()


def test_the_strip_follows_the_open_session(qtbot, window, records, session, patient, tmp_path):
    Photos(records).add_file(session.id, write(tmp_path / "a.png", png_bytes()))
    strip = window.photo_strip
    qtbot.waitUntil(lambda: strip.list.count() == 1)
    other = records.start_session(patient.id)
    window.patients.select_session(other.id)
    qtbot.waitUntil(lambda: window.session_id == other.id)
    assert strip.list.count() == 0 and strip.session_id == other.id
    window.patients.select_session(session.id)
    qtbot.waitUntil(lambda: strip.list.count() == 1)


def test_the_privacy_screen_blanks_the_photos_and_opens_none(
        qtbot, window, records, session, tmp_path):
    strip = window.photo_strip
    assert _drop(strip, [write(tmp_path / "face.jpg", phone_jpeg())])
    viewer = _open_first(qtbot, strip)
    caption = "left shoulder, front"
    Photos(records).set_caption(strip.photo_ids()[0], caption)

    window.menus.act_hide.trigger()  # F12 / Ctrl+H, as the menu does it

    assert window.hide_names and strip.hidden
    qtbot.waitUntil(lambda: strip.viewer is None)  # an open photo closes
    assert not viewer.isVisible()
    item = strip.list.item(0)
    assert caption not in item.toolTip() and caption not in str(
        item.data(Qt.ItemDataRole.AccessibleTextRole))
    icon = item.icon().pixmap(96, 96).toImage()
    colours = {icon.pixel(x, y) for x in range(0, icon.width(), 7)
               for y in range(0, icon.height(), 7)}
    assert len(colours) == 1  # a blank tile, not the picture
    centre = strip.list.visualItemRect(item).center()  # a double-click on the tile, as above
    qtbot.mouseClick(strip.list.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, centre)
    qtbot.mouseDClick(strip.list.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, centre)
    assert strip.viewer is None
    assert "hidden while the privacy screen is on" in window.statusBar().currentMessage()

    window.menus.act_hide.trigger()
    assert not strip.hidden and caption in strip.list.item(0).toolTip()


def test_the_viewer_says_a_sites_side_in_french(french, qtbot, window, records, session,
                                               tmp_path):
    sides = {}
    for i in range(4):
        view_id, x, y, _m, _s = spot(records.atlas, i)
        site = records.add_site(session.id, view_id, x, y)
        sides[site.id] = site.side.value
    Photos(records).add_file(session.id, write(tmp_path / "a.png", png_bytes()))
    strip = window.photo_strip
    qtbot.waitUntil(lambda: strip.list.count() == 1)
    viewer = _open_first(qtbot, strip)
    said = {"L": "(gauche)", "R": "(droite)", "M": "(ligne médiane)"}
    for site_id, side in sides.items():
        text = viewer.site.itemText(viewer.site.findData(site_id))
        assert text.startswith("point ") and said[side] in text, text


def test_several_refused_files_are_said_in_the_windows_language(french, qtbot, window, records,
                                                               session, tmp_path):
    """Dropping two files that are not photos on a French window: the first one's sentence, and
    how many more, in French (the first one was said in English)."""
    strip = window.photo_strip
    window.resize(1920, 900)  # room for the whole sentence in the status bar
    scan = write(tmp_path / "scan.jpg", b"%PDF-1.4 a letter, not a photo\n" * 20)
    notes = write(tmp_path / "notes.jpg", b"plain text, not a photo\n" * 20)

    assert _drop(strip, [scan, notes])

    assert window.statusBar().currentMessage() == (
        "scan.jpg n'est pas une photo qu'imsmap peut lire (ce n'est pas une image JPEG, PNG, "
        "WebP, TIFF, BMP ou GIF). (1 autre fichier refusé aussi.)")
    assert Photos(records).for_session(session.id) == []


def test_an_empty_file_is_said_to_be_empty(qtbot, window, records, session, tmp_path):
    """A zero-byte file (a copy from the phone that did not finish) is named as empty, not as a
    file that is not a photo; nothing is stored."""
    strip = window.photo_strip
    window.resize(1920, 900)
    assert _drop(strip, [write(tmp_path / "IMG_0043.jpg", b"")])

    assert window.statusBar().currentMessage() == (
        "IMG_0043.jpg is empty (0 bytes): its copy or download did not finish. Copy it again "
        "from the camera or phone.")
    assert Photos(records).for_session(session.id) == []


def test_the_viewer_fits_the_screen_with_its_close_button(qtbot, window, records, session,
                                                          tmp_path):
    """Opened on a screen less high than the viewer's 860 px (a 1366 x 768 laptop; the test
    platform's screen is smaller still), the viewer fits in the screen's room, its caption and
    Close button on the screen, not below its edge."""
    Photos(records).add_file(session.id, write(tmp_path / "IMG_0042.jpg", phone_jpeg()))
    strip = window.photo_strip
    qtbot.waitUntil(lambda: strip.list.count() == 1)
    room = window.screen().availableGeometry()
    assert room.height() < 860  # the case this test is about

    viewer = _open_first(qtbot, strip)

    assert room.contains(viewer.geometry()), (viewer.geometry(), room)
    close = next(b for b in viewer.findChildren(QPushButton) if b.text() == "Close")
    for widget in (viewer.caption, close):
        corner = widget.mapToGlobal(widget.rect().bottomRight())
        assert room.contains(corner), (widget, corner, room)
    viewer.close()


def test_a_photo_attached_in_another_window_shows_when_it_is_refused_as_a_duplicate(
        no_file_holds, qtbot, window, records, session, open_records_as, tmp_path):
    """Another window on the same file attached the photo; this window, not yet re-read (it was
    not activated: a drop from a file manager does not activate it), is given the same file: the
    refusal names that window's photo 1, and the strip shows it instead of staying empty. (Where
    the file's holds cannot be kept: else the other window is refused, as the draft is held
    here: tests/test_file_holds_processes.py.)"""
    photo = write(tmp_path / "IMG_0042.jpg", phone_jpeg())
    Photos(open_records_as("test.physio").records).add_file(session.id, photo)
    strip = window.photo_strip
    assert strip.list.count() == 0  # this window has not seen it

    assert _drop(strip, [photo])

    assert window.statusBar().currentMessage() == (
        "This photo is attached to this session already (photo 1); nothing was added.")
    assert strip.list.count() == 1 and strip.hint.isHidden()


def test_a_withdrawn_drafts_strip_only_shows_and_says_why(qtbot, window, records, session,
                                                         tmp_path):
    """A withdrawn draft is locked (services.retractions): its strip offered Add photo… and took
    drops, decoding each photo before the record refused it; now it only shows and says why."""
    from imsmap.services.retractions import withdraw_draft

    photos = Photos(records)
    photos.add_file(session.id, write(tmp_path / "a.png", png_bytes()))
    withdraw_draft(records, session.id, "Opened for the wrong patient")
    strip = window.photo_strip
    qtbot.waitUntil(lambda: not window.session_panel.editable)
    assert not strip.add_button.isEnabled() and not strip.editable

    assert _drop(strip, [write(tmp_path / "b.png", png_bytes(320, 200))])

    assert window.statusBar().currentMessage() == (
        "This draft was withdrawn: it is locked and kept for the record, so nothing was added.")
    assert len(photos.for_session(session.id)) == 1

    viewer = _open_first(qtbot, strip)  # shows, says why, changes nothing
    assert not viewer.caption.isEnabled() and not viewer.remove_button.isVisibleTo(viewer)
    said = [label.text() for label in viewer.findChildren(QLabel)]
    assert "The draft was withdrawn: this photo is locked with it." in said
    assert "The session is signed: this photo is locked with it." not in said
    viewer.close()


def test_the_photo_dialog_opens_in_the_folder_the_last_photo_came_from(
        qtbot, window, records, session, tmp_path, monkeypatch):
    """The camera's folder chosen once is where the next "Add photo…" opens (each dialog began
    in the home folder); a folder since removed gives the home folder back."""
    camera = tmp_path / "Photos appareil"
    camera.mkdir()
    first = write(camera / "posture.jpg", phone_jpeg())
    offered: list[str] = []

    def choose(paths):
        def ask(parent, title, folder, *rest, **kw):
            offered.append(folder)
            return [str(p) for p in paths], "Photos"
        monkeypatch.setattr(file_dialogs, "open_file_names", ask)

    strip = window.photo_strip
    choose([first])
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    assert Path(offered[0]) == Path.home() and strip.list.count() == 1
    choose([])  # cancelled: the folder stays
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    assert Path(offered[1]) == camera
    first.unlink()
    camera.rmdir()
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    assert Path(offered[2]) == Path.home()
