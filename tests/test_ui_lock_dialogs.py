"""Lock now and the privacy screen with a dialog open (ui.dialog_locks). A clinician called away
with the patient's details or an amendment open pressed Ctrl+Shift+K: nothing happened (a modal
dialog blocks the window's shortcuts; only F12 reached the few dialogs given to the privacy
covers), and the idle lock waited for the dialog to close. Behind Lock now without a PIN the
complaint, the notes and the chart's markers stayed readable. Now Lock now works in any dialog,
covers the window and every open dialog (a PIN field over each where a PIN is set), and
unlocking gives the dialog back with what was typed; without a PIN nothing of the patient
shows until F12. The dialogs run in their real exec(), as a clinician meets them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from imsmap.services import lock
from imsmap.services.context import open_context
from imsmap.ui.dialog_locks import LockCover
from imsmap.ui.privacy_cover import COVER_COLOUR, Cover
from test_ui_lock_without_pin import CTRL_SHIFT, set_pin
from test_ui_privacy import SECRETS
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

COMPLAINT = "Low back pain, L5"  # the fixture session's
TYPED = "Seen by Dr Tremblay"


def _under_cover(widget: QWidget, top: QWidget) -> bool:
    w: QWidget | None = widget
    while w is not None and w is not top:
        if isinstance(w, Cover):
            return True
        w = w.parentWidget()
    return False


def readable(top: QWidget) -> list[str]:
    """Every text a user can read in `top` (a window or a dialog): of its visible labels and
    fields whose middle no cover lies over, and its title."""
    texts = [top.windowTitle()]
    for widget in top.findChildren(QWidget):
        if widget.window() is not top:
            continue  # a dialog over it: its own
        if not widget.isVisibleTo(top) or _under_cover(widget, top):
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
        elif isinstance(widget, QLineEdit):
            text = widget.displayText()
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            text = widget.toPlainText()
        else:
            continue
        point = widget.mapTo(top, widget.rect().center())
        at = top.childAt(point)
        if at is not None and _under_cover(at, top):
            continue
        texts.append(text)
    return texts


def patient_texts(top: QWidget) -> list[str]:
    return [t for t in readable(top) for s in (*SECRETS, COMPLAINT, TYPED) if s in t]


def covered_share(widget: QWidget) -> float:
    image = widget.grab().toImage()
    colour = QColor(COVER_COLOUR).rgb()
    pixels = [image.pixel(x, y) for x in range(0, image.width(), 4)
              for y in range(0, image.height(), 4)]
    return sum(p == colour for p in pixels) / max(1, len(pixels))


def in_exec(qtbot, window, open_dialog: Callable[[], object],
            scenario: Callable[[QWidget], None]) -> None:
    """`scenario` run on the modal dialog that `open_dialog` opens, inside its real exec();
    whatever happens, the window is unlocked and the dialog closed after it."""
    failed: list[BaseException] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, run)
            return
        try:
            qtbot.waitExposed(dialog)
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow)
            scenario(dialog)
        except BaseException as exc:  # noqa: BLE001 - raised again below, out of exec()
            failed.append(exc)
        finally:
            if window.locked:
                window.screen_lock.unlock()
            window.set_names_hidden(False)
            while (top := QApplication.activeModalWidget()) is not None:
                top.close()

    QTimer.singleShot(0, run)
    open_dialog()
    if failed:
        raise failed[0]


def cover_of(dialog: QWidget) -> LockCover:
    cover = dialog.findChild(LockCover, options=Qt.FindChildOption.FindDirectChildrenOnly)
    assert cover is not None and cover.covering and not cover.gone
    return cover


def covers_left(dialog: QWidget) -> list[LockCover]:
    return [c for c in dialog.findChildren(LockCover) if not c.gone]


def test_lock_now_in_the_patient_editor_locks_it_and_unlocking_gives_it_back(
        qtbot, window, monkeypatch):
    set_pin(window, monkeypatch)
    seen: dict[str, object] = {}

    def scenario(dialog: QWidget) -> None:
        dialog.notes.setFocus()
        qtbot.keyClicks(dialog.notes, TYPED)
        assert patient_texts(dialog)  # the check sees the names and what was typed
        qtbot.keyClick(dialog.notes, Qt.Key.Key_K, CTRL_SHIFT)
        seen["locked"] = window.locked and window.stack.currentWidget() is window.lock_screen
        seen["dialog"] = patient_texts(dialog)
        seen["window"] = patient_texts(window)
        seen["titles"] = (dialog.windowTitle(), window.windowTitle())
        cover = cover_of(dialog)
        seen["share"] = covered_share(dialog)
        # Escape and the close button keep the dialog and what was typed in it
        qtbot.keyClick(cover.lock_screen.pin, Qt.Key.Key_Escape)
        dialog.close()
        seen["still open"] = dialog.isVisible() and window.locked
        qtbot.keyClicks(cover.lock_screen.pin, "1111")
        qtbot.keyClick(cover.lock_screen.pin, Qt.Key.Key_Return)
        seen["wrong"] = window.locked and "not right" in cover.lock_screen.error.text()
        qtbot.keyClicks(cover.lock_screen.pin, "2468")
        qtbot.keyClick(cover.lock_screen.pin, Qt.Key.Key_Return)
        seen["unlocked"] = not window.locked and dialog.isVisible()
        seen["notes"] = dialog.notes.toPlainText()
        seen["focus"] = dialog.focusWidget() is dialog.notes
        seen["title after"] = dialog.windowTitle()
        seen["covers left"] = covers_left(dialog)

    in_exec(qtbot, window, window.menus.act_edit_patient.trigger, scenario)
    assert seen["locked"] is True
    assert seen["dialog"] == [] and seen["window"] == []
    assert seen["titles"] == ("Locked", "Locked")
    assert seen["share"] > 0.6
    assert seen["still open"] and seen["wrong"] and seen["unlocked"]
    assert seen["notes"] == TYPED and seen["focus"]
    assert seen["title after"] != "Locked" and seen["covers left"] == []


def test_lock_now_in_a_message_box_over_an_amendment_locks_both(
        qtbot, records, session, make_window):
    records.sign_session(session.id)
    window = make_window(patient_id=session.patient_id, session_id=session.id)
    lock.save(records, pin="2468", idle_minutes=0)
    window.screen_lock.apply_settings()
    seen: dict[str, object] = {}

    def scenario(dialog: QWidget) -> None:
        qtbot.keyClicks(dialog.reason, TYPED)
        # F12 reaches this dialog too (it was not one of the privacy covers' dialogs)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_F12)
        seen["F12"] = window.hide_names
        qtbot.keyClick(dialog.reason, Qt.Key.Key_F12)
        box = QMessageBox(QMessageBox.Icon.Question, "Nguyen, Anna", "Keep Nguyen, Anna's note?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, dialog)
        box.open()
        qtbot.waitExposed(box)
        box.activateWindow()
        qtbot.waitUntil(box.isActiveWindow)
        qtbot.keyClick(box, Qt.Key.Key_K, CTRL_SHIFT)
        seen["locked"] = window.locked
        seen["readable"] = patient_texts(box) + patient_texts(dialog) + patient_texts(window)
        cover = cover_of(box)
        cover_of(dialog)
        qtbot.keyClick(cover.lock_screen.pin, Qt.Key.Key_Return)  # nothing typed: refused
        seen["box kept"] = box.isVisible() and box.result() == 0
        qtbot.keyClicks(cover.lock_screen.pin, "2468")
        qtbot.keyClick(cover.lock_screen.pin, Qt.Key.Key_Return)
        seen["unlocked"] = (not window.locked and box.isVisible()
                            and box.windowTitle() == "Nguyen, Anna")
        seen["both back"] = (covers_left(dialog) + covers_left(box) == []
                             and dialog.reason.text() == TYPED)
        box.close()

    in_exec(qtbot, window, window.menus.act_amend.trigger, scenario)
    assert seen["F12"] is True
    assert seen["locked"] is True and seen["readable"] == []
    assert seen["box kept"] and seen["unlocked"] and seen["both back"]


def test_lock_now_without_a_pin_leaves_nothing_of_the_patient_readable(
        qtbot, records, session, make_window):
    records.add_site(session.id, "posterior", 600, 1000, muscle_id="gluteus_medius", side="L")
    records.sign_session(session.id)
    window = make_window(patient_id=session.patient_id, session_id=session.id)
    assert patient_texts(window)  # the complaint, the names
    assert window.chart.view.isVisibleTo(window) and window.edits.sites
    seen: dict[str, object] = {}

    def scenario(dialog: QWidget) -> None:
        qtbot.keyClicks(dialog.reason, TYPED)
        window.chart.hoverText.emit("Site 1: gluteus medius, left")  # the pointer on a marker
        qtbot.keyClick(dialog.reason, Qt.Key.Key_K, CTRL_SHIFT)
        seen["hover"] = window.hover_text
        seen["state"] = (window.hide_names, window.locked, window.no_pin_note.isVisible())
        seen["readable"] = patient_texts(dialog) + patient_texts(window)
        seen["chart shown"] = window.chart.view.isVisibleTo(window)
        seen["page"] = covered_share(window.stack)
        seen["dialog"] = covered_share(dialog)
        seen["title"] = dialog.windowTitle()
        # Anyone lifts it, from the dialog: the window and the dialog as they were
        qtbot.keyClick(cover_of(dialog), Qt.Key.Key_F12)
        seen["lifted"] = (not window.hide_names and window.chart.view.isVisibleTo(window)
                          and not window.no_pin_note.isVisible())
        seen["typed"] = dialog.reason.text()
        seen["title after"] = dialog.windowTitle()

    in_exec(qtbot, window, window.menus.act_amend.trigger, scenario)
    assert seen["state"] == (True, False, True) and seen["hover"] == ""
    assert seen["readable"] == [] and seen["chart shown"] is False
    assert seen["page"] > 0.9 and seen["dialog"] > 0.8
    assert seen["title"] == "Privacy screen"
    assert seen["lifted"] and seen["typed"] == TYPED
    assert seen["title after"] == "Amend signed session"
    assert any(COMPLAINT in t for t in readable(window))


def test_the_idle_lock_locks_an_open_dialog_too(qtbot, window, monkeypatch):
    set_pin(window, monkeypatch)
    window.screen_lock.apply_settings()
    seen: dict[str, object] = {}

    def scenario(dialog: QWidget) -> None:
        qtbot.keyClicks(dialog.notes, TYPED)
        window.idle.set_minutes(0.002)  # ~0.1 s for the test
        qtbot.waitUntil(lambda: window.locked, timeout=3000)
        seen["readable"] = patient_texts(dialog)
        cover = cover_of(dialog)
        qtbot.keyClicks(cover.lock_screen.pin, "2468")
        qtbot.keyClick(cover.lock_screen.pin, Qt.Key.Key_Return)
        seen["back"] = not window.locked and dialog.notes.toPlainText() == TYPED

    in_exec(qtbot, window, window.menus.act_edit_patient.trigger, scenario)
    assert seen["readable"] == [] and seen["back"]


def test_on_a_read_only_file_the_no_pin_line_says_no_pin_can_be_set_there(
        qtbot, records, session, qt_settings):
    from imsmap.ui.main_window import MainWindow

    readonly = open_context(records.db.path, readonly=True)
    try:
        w = MainWindow(readonly)
        w.show()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: w.built)
        w.patients.select_patient(session.patient_id)
        assert not w.menus.act_pin.isEnabled()
        tip = w.menus.act_lock.statusTip()
        assert "read-only" in tip and "Screen lock PIN" not in tip
        w.menus.act_lock.trigger()
        note = w.no_pin_note.text()
        assert w.no_pin_note.isVisible() and w.hide_names
        assert note == ("No PIN is set, so anyone can lift this privacy screen (F12). This file "
                        "is open read-only, so no PIN can be set here.")
        assert patient_texts(w) == []
        w.set_names_hidden(False)
        w.close()
        w.deleteLater()
    finally:
        readonly.db.close()
