"""The reception desk's window locks as the practitioner's does (ui.desk_window with
ui.privacy_screen). A desk PC shows patients' names all day in a room patients walk through,
and it had only F12: no Lock now, no idle lock, no PIN. Now the receptionist sets a PIN of
her own (View > Screen lock PIN…, kept on the server under her login), Ctrl+Shift+K or the
idle time shows only the lock screen, the patient's dialog open is locked with the window,
and without a PIN Lock now hides everything behind the privacy screen, saying that anyone can
lift it. On a real clinic server, through the real widgets."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from test_server_window_roles import answer_dialog, open_window, people  # noqa: F401

from imsmap.services import lock
from imsmap.ui.desk_window import DeskWindow
from imsmap.ui.privacy import PinDialog
from test_ui_lock_dialogs import CTRL_SHIFT, cover_of, covered_share, readable
from test_ui_support import qt_settings  # noqa: F401 - a fixture

NAMES = ("Martin", "Claire", "A-1", "1961")
# Each as a whole word: the lock screen says who is signed in where ("... on 127.0.0.1:51961"),
# and a server port ending in 1961 read as the patient's birth year (CI, 8 December).
SHOWN = re.compile("|".join(rf"(?<!\w){re.escape(s)}(?!\w)" for s in NAMES))
TYPED = "Martin-Roy"


def names_shown(top: QWidget) -> list[str]:
    return [t for t in readable(top) if SHOWN.search(t)]


def reception(open_window, people, qtbot) -> DeskWindow:  # noqa: F811 - fixtures
    w = open_window(people["reception"])
    assert isinstance(w, DeskWindow)
    w.patients.patients.setCurrentRow(0)
    qtbot.waitUntil(lambda: w.fields["family_name"].text() == "Martin")
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def set_pin(w: DeskWindow, monkeypatch, pin: str = "2468", idle: int = 0) -> str:
    """The PIN set through View > Screen lock PIN…, its dialog filled in: what its error line
    says ("" when saved)."""
    said: list[str] = []

    def fill(dialog: PinDialog) -> int:
        dialog.new_pin.setText(pin)
        dialog.repeat.setText(pin)
        dialog.idle.setValue(idle)
        dialog.save_button.click()
        said.append(dialog.error.text())
        return dialog.result()

    monkeypatch.setattr(PinDialog, "exec", fill)
    w.act_pin.trigger()
    return said[0]


def type_pin(qtbot, field, pin: str) -> None:
    qtbot.keyClicks(field, pin)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_the_desk_locks_with_the_receptionists_own_pin(people, open_window, qtbot,
                                                       monkeypatch):
    w = reception(open_window, people, qtbot)
    assert names_shown(w)  # the check sees the names
    assert w.act_lock.isEnabled() and "No PIN is set" in w.act_lock.toolTip()
    assert set_pin(w, monkeypatch) == ""
    assert lock.has_pin(w.records) and w.screen_lock.has_pin
    assert "lock screen" in w.act_lock.toolTip()
    qtbot.keyClick(w, Qt.Key.Key_K, CTRL_SHIFT)
    assert w.locked and w.stack.currentWidget() is w.privacy_screen.lock_screen
    assert not w.menuBar().isVisible() and not w.act_new_patient.isEnabled()
    assert names_shown(w) == []
    w.close()  # a locked desk is not closed (the next person would sign in as her)
    assert w.isVisible()
    field = w.privacy_screen.lock_screen.pin
    type_pin(qtbot, field, "1111")
    assert w.locked and "not right" in w.privacy_screen.lock_screen.error.text()
    type_pin(qtbot, field, "2468")
    assert not w.locked and w.menuBar().isVisible() and w.act_new_patient.isEnabled()
    assert w.fields["family_name"].text() == "Martin"


def test_lock_now_in_the_patients_details_locks_the_dialog_too(people, open_window, qtbot,
                                                              monkeypatch):
    w = reception(open_window, people, qtbot)
    set_pin(w, monkeypatch)
    seen: dict[str, object] = {}

    def scenario(dialog) -> None:
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.family_name.setFocus()
        dialog.family_name.setText(TYPED)
        qtbot.keyClick(dialog.family_name, Qt.Key.Key_K, CTRL_SHIFT)
        seen["locked"] = w.locked
        seen["shown"] = names_shown(dialog) + names_shown(w)
        seen["share"] = covered_share(dialog)
        cover = cover_of(dialog)
        type_pin(qtbot, cover.lock_screen.pin, "2468")
        seen["back"] = (not w.locked, dialog.isVisible(), dialog.family_name.text())

    answer_dialog(qtbot, scenario)
    qtbot.mouseClick(w.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "back" in seen, timeout=5000)
    assert seen["locked"] is True and seen["shown"] == []
    assert seen["share"] > 0.6
    assert seen["back"] == (True, True, TYPED)


def test_lock_now_without_a_pin_hides_the_desk_behind_the_privacy_screen(people, open_window,
                                                                         qtbot):
    w = reception(open_window, people, qtbot)
    qtbot.keyClick(w, Qt.Key.Key_K, CTRL_SHIFT)
    assert not w.locked and w.hide_names
    assert w.stack.currentWidget() is w.privacy_screen.page
    note = w.privacy_screen.no_pin_note
    assert note.isVisible() and note.text() == (
        "No PIN is set, so anyone can lift this privacy screen (F12). To lock with a PIN: "
        "View > Screen lock PIN…")
    assert names_shown(w) == [] and covered_share(w.stack) > 0.9
    qtbot.keyClick(w, Qt.Key.Key_F12)  # anyone lifts it: the desk as it was
    assert not w.hide_names and not note.isVisible()
    assert w.stack.currentIndex() == 0 and w.fields["family_name"].text() == "Martin"


def test_the_idle_time_locks_the_desk(people, open_window, qtbot, monkeypatch):
    """The idle time is the clinic's on a server: its administrator sets it (the server
    refuses it to other logins, and their PIN dialog shows it without offering it)."""
    admin = open_window(people["admin"])
    assert set_pin(admin, monkeypatch, pin="9753", idle=5) == ""
    w = reception(open_window, people, qtbot)
    seen: list[tuple[bool, int]] = []
    monkeypatch.setattr(PinDialog, "exec", lambda d: seen.append(
        (d.idle.isEnabled(), d.idle.value())) or 0)
    w.act_pin.trigger()
    assert seen == [(False, 5)]
    set_pin(w, monkeypatch, idle=5)
    idle = w.privacy_screen.idle
    assert idle.active() and idle.timer.interval() == 5 * 60_000
    idle.set_minutes(0.002)  # ~0.1 s for the test
    qtbot.waitUntil(lambda: w.locked, timeout=3000)
    assert names_shown(w) == []
    type_pin(qtbot, w.privacy_screen.lock_screen.pin, "2468")
    assert not w.locked


@pytest.mark.parametrize("role", ["admin"])
def test_the_administrators_window_locks_too(people, open_window, qtbot, monkeypatch, role):
    w = open_window(people[role])
    assert isinstance(w, DeskWindow) and not w.reception
    assert set_pin(w, monkeypatch) == ""
    w.act_lock.trigger()
    assert w.locked and "Practitioners" not in " ".join(readable(w))
    type_pin(qtbot, w.privacy_screen.lock_screen.pin, "2468")
    assert not w.locked
