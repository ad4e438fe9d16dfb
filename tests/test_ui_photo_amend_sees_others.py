"""Add photo… on a signed session sees the amendments another program wrote meanwhile.

A photo added to a signed session is an amendment (services.photo_amending), and had the blind
spot Add amendment… had (tests/test_ui_amend_sees_others.py): the active window is not polled
(ui.rereading), so its photo's amendment was written beside another program's it never showed.
Now the window reads the record again as the photo's dialog opens (when the file moved on), and
one added while the dialog is open is named there before the photo is added: the button again
adds it with the reason and caption as typed, Cancel adds nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from imsmap import i18n
from imsmap.services.photos import Photos
from imsmap.ui.record.photo_amend_dialog import PhotoAmendDialog
from photo_support import phone_jpeg, write
from test_signing_processes import imsmap_check
from test_ui_amend_sees_others import other_program_amends, signed_and_amended
from test_ui_photos import _drop
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def _open_on(qtbot, make_window, signed):
    """The window on the signed session, active as the clinician's is (no timer reads it)."""
    w = make_window(patient_id=signed.patient_id, session_id=signed.id)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.waitUntil(lambda: w.photo_strip.amendable)
    return w


def _when_open(step) -> None:
    """Run ``step(dialog)`` once the photo's amendment dialog is open."""
    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PhotoAmendDialog) or not dialog.isVisible():
            QTimer.singleShot(20, look)
            return
        step(dialog)

    QTimer.singleShot(0, look)


def test_the_photo_dialog_opens_on_what_another_program_amended(qtbot, make_window, records,
                                                                session, db_path, tmp_path):
    signed = signed_and_amended(records, session)
    w = _open_on(qtbot, make_window, signed)
    assert "Own first amendment" in w.session_panel.amendments.text()
    other_program_amends(db_path, signed.id, "Ben graded it on paper")
    qtbot.wait(50)
    seen: dict[str, object] = {}

    def step(dialog) -> None:
        seen["column"] = w.session_panel.amendments.text()  # behind the dialog, as it opens
        seen["heading"] = w.session_panel.amendments.heading.text()
        dialog.reject()

    _when_open(step)
    assert _drop(w.photo_strip, [write(tmp_path / "b.jpg", phone_jpeg())])
    assert "Ben graded it on paper" in str(seen["column"])
    assert "2 amendments" in str(seen["heading"])
    assert len(records.read.amendments(signed.id)) == 2  # Cancel: no photo, no amendment


def test_one_added_while_the_photo_dialog_is_open_is_said_before_the_photo_is_added(
        qtbot, make_window, records, session, db_path, tmp_path):
    signed = signed_and_amended(records, session)
    w = _open_on(qtbot, make_window, signed)
    photos = Photos(records)
    seen: dict[str, object] = {}

    def step(dialog) -> None:
        qtbot.keyClicks(dialog.reason, "Bruise at site 1 the next morning")
        qtbot.keyClicks(dialog.caption, "Bruise below site 1")
        other_program_amends(db_path, signed.id, "Ben graded it on paper")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        # Not added: the dialog names Ben's, the window behind shows it, nothing typed lost.
        seen["error"] = dialog.error.text()
        seen["column"] = w.session_panel.amendments.text()
        seen["count"] = (len(records.read.amendments(signed.id)),
                         len(photos.for_session(signed.id)))
        seen["kept"] = (dialog.reason.text(), dialog.caption.text(), dialog.isVisible())
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # read it: go on

    _when_open(step)
    assert _drop(w.photo_strip, [write(tmp_path / "b.jpg", phone_jpeg())])
    assert "Another amendment was added to this session" in str(seen["error"])
    assert "by ben.physio at" in str(seen["error"])
    assert "Ben graded it on paper" in str(seen["error"])
    assert "Add photo by amendment again" in str(seen["error"])
    assert "Ben graded it on paper" in str(seen["column"])
    assert seen["count"] == (2, 0)
    assert seen["kept"] == ("Bruise at site 1 the next morning", "Bruise below site 1", True)
    # Added the second time, after Ben's, as typed.
    amendments = records.read.amendments(signed.id)
    assert [a.reason for a in amendments] == ["Own first amendment", "Ben graded it on paper",
                                              "Bruise at site 1 the next morning"]
    [photo] = photos.for_session(signed.id)
    assert photo.amendment_id == amendments[-1].id and photo.caption == "Bruise below site 1"
    qtbot.waitUntil(lambda: w.photo_strip.list.count() == 1)
    assert "Bruise at site 1 the next morning" in w.session_panel.amendments.text()
    imsmap_check(db_path)


def test_cancel_after_the_notice_adds_no_photo(qtbot, make_window, records, session, db_path,
                                               tmp_path):
    signed = signed_and_amended(records, session)
    w = _open_on(qtbot, make_window, signed)
    said: dict[str, str] = {}

    def step(dialog) -> None:
        dialog.reason.setText("Bruise at site 1 the next morning")
        other_program_amends(db_path, signed.id, "Ben graded it on paper")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        said["error"] = dialog.error.text()
        dialog.reject()

    _when_open(step)
    assert _drop(w.photo_strip, [write(tmp_path / "b.jpg", phone_jpeg())])
    assert "Another amendment was added" in said["error"]
    assert [a.reason for a in records.read.amendments(signed.id)] == [
        "Own first amendment", "Ben graded it on paper"]
    assert Photos(records).for_session(signed.id) == []


def test_the_notice_is_french(qtbot, qapp, make_window, records, session, db_path, tmp_path):
    signed = signed_and_amended(records, session)
    i18n.install(qapp, "fr_CA")
    said: dict[str, str] = {}
    try:
        w = _open_on(qtbot, make_window, signed)

        def step(dialog) -> None:
            dialog.reason.setText("Ecchymose au site 1 le lendemain")
            other_program_amends(db_path, signed.id, "Cotation de Ben sur papier")
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
            said["error"] = dialog.error.text()
            dialog.reject()

        _when_open(step)
        assert _drop(w.photo_strip, [write(tmp_path / "b.jpg", phone_jpeg())])
    finally:
        i18n.install(qapp, "en")
    assert "Un autre addenda a été ajouté à cette séance" in said["error"]
    assert "par ben.physio, le" in said["error"]
    assert "Cotation de Ben sur papier" in said["error"]
    assert "Ajouter la photo par addenda" in said["error"]
