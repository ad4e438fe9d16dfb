"""In the window: a photo dropped on (or chosen for) a signed session asks, in one dialog, for
the amendment's reason and a caption; the strip then marks the photo as added by amendment
(who, when, why), and the session's amendments say which photo it added."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from imsmap.services import retractions
from imsmap.services.photos import Photos
from imsmap.ui import file_dialogs
from imsmap.ui.photo_strip import BADGE
from imsmap.ui.record.photo_amend_dialog import PhotoAmendDialog
from photo_support import phone_jpeg, png_bytes, write
from test_ui_photos import _drop, _open_first
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures


def _answer(qtbot, answers: list) -> list[str]:
    """Answer the photo's amendment dialog when it opens: each answer is (reason, caption),
    typed and Add pressed, or None for Cancel; what the dialog said after each press."""
    said: list[str] = []

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PhotoAmendDialog) or not dialog.isVisible():
            QTimer.singleShot(20, step)
            return
        answer = answers.pop(0)
        if answer is None:
            dialog.reject()
            return
        reason, caption = answer
        dialog.reason.setText(reason)
        dialog.caption.setText(caption)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        said.append(dialog.error.text() if dialog.isVisible() else "")
        if dialog.isVisible() and answers:
            QTimer.singleShot(0, step)

    QTimer.singleShot(0, step)
    return said


def _badge_pixels(image) -> int:
    """Pixels of the badge's colour in the bottom-right quarter of a thumbnail."""
    w, h = image.width(), image.height()
    return sum(1 for x in range(w // 2, w) for y in range(h // 2, h)
               if all(abs(a - b) < 30 for a, b in zip(QColor(image.pixel(x, y)).getRgb()[:3],
                                                      BADGE.getRgb()[:3])))


def test_a_photo_dropped_on_a_signed_session_is_added_by_amendment(qtbot, window, records,
                                                                  session, tmp_path):
    photos = Photos(records)
    photos.add_file(session.id, write(tmp_path / "a.png", png_bytes()), "before")
    signed = records.sign_session(session.id)
    strip = window.photo_strip
    qtbot.waitUntil(lambda: strip.amendable and strip.add_button.isEnabled())
    assert "by an amendment" in strip.add_button.toolTip()

    # Cancelled: nothing added. No reason: the dialog says so and stays open; nothing added.
    said = _answer(qtbot, [None])
    assert _drop(strip, [write(tmp_path / "b.jpg", phone_jpeg())])
    assert len(photos.for_session(session.id)) == 1 and not said
    said = _answer(qtbot, [("  ", "Bruise"), ("Bruise at site 1 the next morning", "Bruise")])
    assert _drop(strip, [write(tmp_path / "b.jpg", phone_jpeg())])
    assert "reason" in said[0].lower()
    qtbot.waitUntil(lambda: strip.list.count() == 2)
    assert "added by amendment" in window.statusBar().currentMessage()

    shown = photos.for_session(session.id)
    assert [p.by_amendment for p in shown] == [False, True]
    [amendment] = records.read.amendments(session.id)
    assert amendment.reason == "Bruise at site 1 the next morning"
    assert records.read.session(session.id).content_hash == signed.content_hash
    # The strip marks it, and says who added it, when and why.
    item = strip.list.item(1)
    assert "Added after signing, by the amendment of" in item.toolTip()
    assert records.actor in item.toolTip() and "next morning" in item.toolTip()
    assert _badge_pixels(item.icon().pixmap(96, 96).toImage()) > 20
    assert _badge_pixels(strip.list.item(0).icon().pixmap(96, 96).toImage()) == 0
    # The session's amendments say which photo it added.
    panel = window.session_panel
    qtbot.waitUntil(lambda: "Photo 2 added: Bruise." in panel.amendments.text())
    viewer = _open_first(qtbot, strip)
    viewer.close()
    viewer = strip.open_photo(shown[1].id)
    assert not viewer.caption.isEnabled()
    assert any("Added after signing" in w.text() for w in viewer.findChildren(type(
        strip.hint)))
    viewer.close()


def test_add_photo_on_a_signed_session_chooses_one_file_then_asks(qtbot, window, records,
                                                                  session, tmp_path,
                                                                  monkeypatch):
    records.sign_session(session.id)
    strip = window.photo_strip
    qtbot.waitUntil(lambda: strip.amendable)
    assert strip.hint.text() == "none; adding one makes an amendment"
    chosen = write(tmp_path / "consent.png", png_bytes())
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: (str(chosen), ""))
    said = _answer(qtbot, [("Consent form scanned at reception", "")])
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: strip.list.count() == 1)
    assert said == [""]
    [photo] = Photos(records).for_session(session.id)
    assert photo.by_amendment and photo.caption == ""


def test_a_bad_file_or_a_session_entered_in_error_adds_nothing(qtbot, window, records, session,
                                                               tmp_path):
    records.sign_session(session.id)
    strip = window.photo_strip
    qtbot.waitUntil(lambda: strip.amendable)
    said = _answer(qtbot, [("Rash", ""), None])
    assert _drop(strip, [write(tmp_path / "notes.jpg", b"just text\n")])
    assert "not a photo imsmap can read" in said[0]
    assert Photos(records).for_session(session.id) == [] and not records.read.amendments(
        session.id)
    retractions.mark_entered_in_error(records, session.id, "Wrong patient")
    qtbot.waitUntil(lambda: not strip.amendable)
    assert not strip.add_button.isEnabled()
    assert _drop(strip, [write(tmp_path / "b.png", png_bytes())])
    assert "entered in error" in window.statusBar().currentMessage()
    assert Photos(records).for_session(session.id) == []


def test_a_photo_added_is_scrolled_into_sight(qtbot, window, records, session, tmp_path,
                                              monkeypatch):
    """On a 1366 x 768 screen the right column scrolls, and the photo strip lay under its fold:
    a photo added by amendment showed nowhere but in the status bar (walk of 6 December)."""
    records.sign_session(session.id)
    for n in range(3):  # amendments above the sites push the strip down
        records.amend_session(session.id, f"Reason {n}", "A note added after signing.")
    window.resize(1366, 700)
    window.patients.select_session(session.id)
    strip = window.photo_strip
    qtbot.waitUntil(lambda: strip.amendable)
    column = window.right_tabs.widget(0)
    viewport = column.viewport()

    def in_sight() -> bool:
        top = strip.mapTo(viewport, strip.rect().topLeft())
        bottom = strip.mapTo(viewport, strip.rect().bottomLeft())
        return top.y() >= 0 and bottom.y() <= viewport.height()

    qtbot.wait(20)
    assert column.verticalScrollBar().maximum() > 0 and not in_sight()
    chosen = write(tmp_path / "bruise.png", png_bytes())
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: (str(chosen), ""))
    _answer(qtbot, [("Bruise at site 1 the next morning", "day 2")])
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: strip.list.count() == 1)
    qtbot.waitUntil(in_sight, timeout=2000)
