"""The privacy screen and the lock as states of the main window (`PrivacyMixin`).

The widgets these states use (the lock screen, the PIN dialog, the idle watcher) are in
`ui.privacy`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from imsmap.services import lock
from imsmap.ui.privacy import PinDialog


class PrivacyMixin:
    """The privacy screen and the lock, mixed into MainWindow."""

    def set_names_hidden(self, hidden: bool) -> None:
        """The privacy screen (F12 or Ctrl+H): no name or identifier anywhere in the window."""
        self.hide_names = bool(hidden)
        if self.act_hide.isChecked() != self.hide_names:
            self.act_hide.setChecked(self.hide_names)
        self.patients.set_names_hidden(self.hide_names)
        self._show_patient_texts()

    def lock_available(self) -> bool:
        return not self.locked and lock.has_pin(self.records)

    def apply_lock_settings(self) -> None:
        settings = lock.load(self.records)
        self.idle.set_minutes(settings.idle_minutes if settings.has_pin else 0)
        self.act_lock.setEnabled(self.lock_available())

    def lock_settings(self) -> None:
        dialog = PinDialog(self.records, self)
        if dialog.exec():
            self.apply_lock_settings()
            s = dialog.result_settings
            if s is not None and s.has_pin:
                after = f" after {s.idle_minutes} idle minutes" if s.idle_minutes else \
                    " with Lock now (Ctrl+Shift+K)"
                self.show_message(f"PIN saved: the window locks{after}.")
            else:
                self.show_message("No PIN: the window does not lock.")

    def _idle_lock(self) -> None:
        if QApplication.activeModalWidget() is not None:
            # A dialog is open (its text would be lost): try again after another idle spell.
            self.idle.poke()
            return
        self.lock()

    def lock(self) -> bool:
        """Show only the lock screen until the practitioner's PIN is entered."""
        if self.locked or not self.lock_available():
            return False
        self.session_panel.flush()
        self.details.flush()
        self.history_bar.set_replaying(False)
        self._enabled_before_lock = {a: a.isEnabled() for a in self.actions()}
        for action in self._enabled_before_lock:
            action.setEnabled(False)
        self.locked = True
        self.stack.setCurrentWidget(self.lock_screen)
        self.menuBar().hide()
        self.statusBar().hide()
        self.hover_label.clear()
        self._update_title()
        self.lock_screen.reset()
        self.idle.timer.stop()
        return True

    def unlock(self) -> None:
        if not self.locked:
            return
        self.locked = False
        for action, enabled in getattr(self, "_enabled_before_lock", {}).items():
            action.setEnabled(enabled)
        self.stack.setCurrentIndex(0)
        self.menuBar().show()
        self.statusBar().show()
        self._update_title()
        self._update_actions()
        self.apply_lock_settings()
        self.refresh_all(force=False)
