"""The screen lock: after the idle time or on Lock now, only the lock screen shows until the
practitioner's PIN is entered. Without a PIN, Lock now raises the privacy screen instead (every
name and identifier hidden, the dialogs of patient data covered), which says that no PIN is set
and so anyone can lift it: a clinician who locks before leaving the room never leaves names
readable because nobody set a PIN (the action was off then, and said nothing). A controller the
main window makes in step 2 and gives what it locks; the widgets it uses (the lock screen, the
PIN dialog, the idle watcher) are in `ui.privacy`, the PIN and the idle time in the database (`services.lock`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from imsmap.services import lock
from imsmap.services.records import Records
from imsmap.ui.privacy import IdleWatcher, LockScreen, PinDialog


def lock_now_tip(has_pin: bool, pin_path: str | None) -> str:
    """What Lock now does, as its tip says it: the lock screen with a PIN, the privacy screen
    (which anyone can lift) without one; `pin_path` is where a PIN is set (None: nowhere, a
    file open read-only). The same words in every window that locks (the practitioner's,
    the reception desk's)."""
    if has_pin:
        return QCoreApplication.translate("WindowMenus", "Show only the lock screen until your "
                                          "PIN is entered")
    if pin_path is None:
        return QCoreApplication.translate(
            "WindowMenus", "No PIN is set: hide the patient behind the privacy screen, which "
            "anyone can lift (this file is open read-only, so no PIN can be set here)")
    return QCoreApplication.translate(
        "WindowMenus", "No PIN is set: hide the patient behind the privacy screen, which "
        "anyone can lift (set a PIN: {path})").format(path=pin_path)


class ScreenLock(QObject):
    """Locks `window`: its actions off, its menu and status bars hidden, `stack` showing
    `lock_screen`. ``before_lock`` saves what is being typed first; ``changed`` says when the
    window locked (True) or unlocked (False); ``availableChanged`` whether Lock now can be
    used (the window is not locked; `has_pin` says which it does). ``without_pin`` raises the
    window's privacy screen, saying that no PIN is set (Lock now without a PIN)."""

    changed = Signal(bool)
    availableChanged = Signal(bool)

    def __init__(self, records: Records, window: QMainWindow, stack: QStackedWidget,
                 lock_screen: LockScreen, idle: IdleWatcher,
                 before_lock: Callable[[], None], say: Callable[[str], None],
                 without_pin: Callable[[], None]):
        super().__init__(window)
        self.records = records
        self.window = window
        self.stack = stack
        self.lock_screen = lock_screen
        self.idle = idle
        self.before_lock = before_lock
        self.say = say
        self.without_pin = without_pin
        self.locked = False
        # Whether a PIN is stored, as `apply_settings` last read it (the window's actions ask
        # at every change of state: the setting is not read each time)
        self.has_pin = False
        self._enabled_before: dict[QAction, bool] = {}
        idle.idle.connect(self._idle_lock)
        lock_screen.unlocked.connect(self.unlock)

    def available(self) -> bool:
        """Lock now can be used: the lock screen with a PIN, the privacy screen without."""
        return not self.locked

    def lock_now(self) -> bool:
        """Lock now (Ctrl+Shift+K): the lock screen if a PIN is set; without one, the privacy
        screen, saying so (`without_pin`). True if the window is locked."""
        if self.locked:
            return True
        self.apply_settings()  # a PIN set or removed meanwhile (another window, another room)
        if self.has_pin:
            return self.lock()
        self.without_pin()
        return False

    def apply_settings(self) -> None:
        """Follow the stored PIN and idle time (as the window starts, after the set-up wizard
        or the PIN dialog, when another program wrote to the record): one read of each."""
        settings = lock.load(self.records)
        self.has_pin = settings.has_pin
        self.idle.set_minutes(settings.idle_minutes if settings.has_pin else 0)
        self.availableChanged.emit(self.available())

    def edit_settings(self) -> None:
        """The PIN dialog (View > Screen lock PIN…)."""
        dialog = PinDialog(self.records, self.window)
        if dialog.exec():
            self.apply_settings()
            s = dialog.result_settings
            if s is not None and s.has_pin:
                self.say(self.tr("PIN saved: the window locks after %n idle minute(s).", "",
                                 s.idle_minutes) if s.idle_minutes else
                         self.tr("PIN saved: the window locks with Lock now (Ctrl+Shift+K)."))
            else:
                self.say(self.tr("No PIN: the window does not lock."))

    def _idle_lock(self) -> None:
        # A dialog open is locked too, what was typed in it kept (ui.dialog_locks)
        self.lock()

    def lock(self) -> bool:
        """Show only the lock screen until the practitioner's PIN is entered (no PIN: nothing)."""
        if not self.locked:
            self.apply_settings()  # never a lock screen for a PIN removed meanwhile
        if self.locked or not self.has_pin:
            return False
        self.before_lock()
        self._enabled_before = {a: a.isEnabled() for a in self.window.actions()}
        for action in self._enabled_before:
            action.setEnabled(False)
        self.locked = True
        self.stack.setCurrentWidget(self.lock_screen)
        self.window.menuBar().hide()
        self.window.statusBar().hide()
        self.lock_screen.reset()
        self.idle.timer.stop()
        self.changed.emit(True)
        return True

    def unlock(self) -> None:
        if not self.locked:
            return
        self.locked = False
        for action, enabled in self._enabled_before.items():
            action.setEnabled(enabled)
        self.stack.setCurrentIndex(0)
        self.window.menuBar().show()
        self.window.statusBar().show()
        self.apply_settings()
        self.changed.emit(False)
