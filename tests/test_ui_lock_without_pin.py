"""Lock now without a PIN. A French walk of the window found Ctrl+Shift+K (Lock now) doing
nothing when no PIN was set: the action was off and nothing said so, and a clinician who locked
before leaving the treatment room left the patients' names readable. Without a PIN, Lock now
now raises the privacy screen (every name and identifier hidden, the open dialogs of patient
data covered, as F12 does) with one line over the window saying that no PIN is set, so anyone
can lift it, and where a PIN is set; with a PIN it shows the lock screen, as before. The action
is on in both cases, its tip saying which it does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QWidget

from imsmap.ui.dialogs import PatientDialog
from imsmap.ui.privacy import PinDialog
from imsmap.ui.privacy_cover import Cover
from test_ui_french import english_words, french  # noqa: F401 - a fixture
from test_ui_privacy import SECRETS, leaks, visible_texts
from test_ui_privacy_dialogs import covered_share
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def set_pin(window, monkeypatch, pin: str = "2468") -> None:
    """The PIN set through View > Screen lock PIN…, its dialog filled in."""
    def fill(dialog: PinDialog) -> int:
        dialog.new_pin.setText(pin)
        dialog.repeat.setText(pin)
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(PinDialog, "exec", fill)
    window.menus.act_pin.trigger()


def show(qtbot, dialog: QDialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(10)


def dialog_leaks(dialog: QWidget) -> list[str]:
    """The names and identifiers a user sees in the dialog's labels and fields: those whose
    middle is not under the privacy screen's cover."""
    seen = []
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, QLabel):
            text = widget.text()
        elif isinstance(widget, QLineEdit):
            text = widget.displayText()
        else:
            continue
        if not text or not widget.isVisibleTo(dialog):
            continue
        top = dialog.childAt(widget.mapTo(dialog, widget.rect().center()))
        if top is not None and (isinstance(top, Cover) or isinstance(top.parent(), Cover)):
            continue
        seen.append(text)
    return [t for t in seen for s in SECRETS if s in t]


def _lock_now_by_key(qtbot, window) -> None:
    """Ctrl+Shift+K, typed where the clinician's hands are (the chart)."""
    qtbot.keyClick(window.chart.view, Qt.Key.Key_K, CTRL_SHIFT)


def test_lock_now_without_a_pin_hides_every_name_and_says_anyone_can_lift_it(
        qtbot, window, monkeypatch):
    lock = window.menus.act_lock
    assert lock.isEnabled()
    assert "No PIN is set" in lock.statusTip() and "View > Screen lock PIN…" in lock.statusTip()
    assert lock.toolTip() == lock.statusTip()
    assert leaks(window)  # the names are there to begin with
    assert not window.no_pin_note.isVisible()
    least_width = window.minimumSizeHint().width()

    _lock_now_by_key(qtbot, window)
    assert window.hide_names and window.menus.act_hide.isChecked() and not window.locked
    assert leaks(window) == []
    note = window.no_pin_note
    assert note.isVisible()
    assert note.text() == ("No PIN is set, so anyone can lift this privacy screen (F12). To "
                           "lock with a PIN: View > Screen lock PIN…")
    assert "\n" not in note.text() and note.height() < 3 * note.fontMetrics().height()
    assert window.windowTitle().startswith("privacy screen")
    # The line wraps on a narrow window rather than widening it
    assert window.minimumSizeHint().width() <= least_width

    # A dialog of patient data opened now is covered, as behind F12.
    seen: dict[str, object] = {}

    def look(dialog: QDialog) -> int:
        show(qtbot, dialog)
        seen["covered"] = covered_share(dialog)
        seen["leaks"] = dialog_leaks(dialog)
        dialog.reject()
        return 0

    monkeypatch.setattr(PatientDialog, "exec", look)
    window.menus.act_edit_patient.trigger()
    assert seen["covered"] > 0.8 and seen["leaks"] == []

    # Anyone lifts it (F12), and the line goes with it.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.chart.view, Qt.Key.Key_F12)
    assert not window.hide_names and not note.isVisible()
    assert any("Nguyen" in t for t in visible_texts(window))
    assert lock.isEnabled()


def test_lock_now_without_a_pin_covers_the_dialog_of_patient_data_already_open(
        qtbot, window, monkeypatch):
    """The clinician leaves with the patient's details open: Lock now covers them."""
    seen: dict[str, object] = {}

    def look(dialog: QDialog) -> int:
        show(qtbot, dialog)
        seen["before"] = dialog_leaks(dialog)
        window.menus.act_lock.trigger()
        qtbot.wait(10)
        seen["covered"] = covered_share(dialog)
        seen["after"] = dialog_leaks(dialog)
        dialog.reject()
        return 0

    monkeypatch.setattr(PatientDialog, "exec", look)
    window.menus.act_edit_patient.trigger()
    assert seen["before"]  # the check can see a name
    assert seen["covered"] > 0.8 and seen["after"] == []
    assert window.hide_names and window.no_pin_note.isVisible()


def test_with_a_pin_lock_now_shows_the_lock_screen_as_before(qtbot, window, monkeypatch):
    _lock_now_by_key(qtbot, window)  # no PIN yet: the privacy screen and its line
    assert window.no_pin_note.isVisible()
    set_pin(window, monkeypatch)
    assert not window.no_pin_note.isVisible()  # a PIN is set now: the line would be wrong
    lock = window.menus.act_lock
    assert lock.isEnabled()
    assert lock.statusTip() == "Show only the lock screen until your PIN is entered"

    _lock_now_by_key(qtbot, window)
    assert window.locked and window.stack.currentWidget() is window.lock_screen
    assert not window.no_pin_note.isVisible() and leaks(window) == []
    qtbot.keyClicks(window.lock_screen.pin, "2468")
    qtbot.keyClick(window.lock_screen.pin, Qt.Key.Key_Return)
    assert not window.locked and lock.isEnabled() and not window.no_pin_note.isVisible()


def test_lock_now_without_a_pin_in_french(qtbot, french, window):
    lock = window.menus.act_lock
    assert lock.isEnabled()
    assert "Affichage > NIP de verrouillage…" in lock.statusTip()
    assert english_words(lock.statusTip()) == []

    _lock_now_by_key(qtbot, window)
    assert window.hide_names and leaks(window) == []
    note = window.no_pin_note.text()
    assert window.no_pin_note.isVisible() and "NIP" in note and "F12" in note
    assert note.endswith("Affichage > NIP de verrouillage…")
    assert english_words(note) == [], note

    window.menus.act_hide.trigger()
    assert not window.hide_names and not window.no_pin_note.isVisible()
