"""The main window's privacy screen and lock, wired: what the window hides and how it locks.

The window makes one `PrivacyScreen` as it is built (step 1: the line saying no PIN is set,
the covers of its dialogs, whether names are hidden), and `PrivacyScreen.build` makes the
lock in step 2 (the lock screen in the window's stack, the idle watcher, the
`ui.screen_lock.ScreenLock` controller). The widgets it uses are in `ui.privacy` (the lock
screen, the PIN dialog, the idle watcher) and `ui.privacy_cover` (the covers of the dialogs,
the no-PIN line).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from imsmap.services.records import Records
from imsmap.ui.privacy import IdleWatcher, LockScreen
from imsmap.ui.privacy_cover import NoPinNote, PrivacyCovers
from imsmap.ui.screen_lock import ScreenLock


class PrivacyScreen(QObject):
    """The window's privacy screen (names hidden: `set_names_hidden`) and its lock (`build`).
    ``show_patient_texts`` writes the window's own words of the patient again (the title,
    the headers) as names are hidden or shown."""

    def __init__(self, window: QMainWindow, show_patient_texts: Callable[[], None]):
        super().__init__(window)
        self.window = window
        self.show_patient_texts = show_patient_texts
        self.hide_names = False  # the privacy screen (`set_names_hidden`)
        # Over the window, while Lock now's privacy screen is up without a PIN, the line saying so.
        self.no_pin_note = NoPinNote()
        self.covers = PrivacyCovers(window)  # the privacy screen over dialogs of patient data
        self.maskers: Sequence[Callable[[bool], None]] = ()  # the panels that hide names
        self.act_hide: QAction | None = None  # Privacy screen (F12), once the menus exist
        self.pin_menu_path: Callable[[], str] = lambda: ""

    def build(self, records: Records, stack: QStackedWidget, before_lock: Callable[[], None],
              say: Callable[[str], None], lock_changed: Callable[[bool], None]) -> None:
        """The lock (step 2): the lock screen in `stack`, the idle watcher, the controller."""
        self.lock_screen = LockScreen(records)
        stack.addWidget(self.lock_screen)
        self.idle = IdleWatcher(self.window)
        self.screen_lock = ScreenLock(records, self.window, stack, self.lock_screen, self.idle,
                                      before_lock, say, without_pin=self.lock_without_pin)
        self.screen_lock.changed.connect(lock_changed)
        self.screen_lock.availableChanged.connect(self.follow_pin)

    def bind(self, act_hide: QAction, pin_menu_path: Callable[[], str],
             maskers: Sequence[Callable[[bool], None]]) -> None:
        """The menus' Privacy screen action and where the PIN is set, and the panels that
        hide names (once they all exist)."""
        self.act_hide = act_hide
        self.covers.action = act_hide  # F12 and Ctrl+H in the dialogs it covers
        self.pin_menu_path = pin_menu_path
        self.maskers = maskers

    def follow_pin(self, _available: bool = True) -> None:
        """A PIN set (here, in another window or room) or the lock screen up: no line saying
        that no PIN is set."""
        if self.screen_lock.has_pin or self.screen_lock.locked:
            self.no_pin_note.hide()

    def lock_without_pin(self) -> None:
        """Lock now without a PIN: the privacy screen, and the line saying anyone can lift it."""
        self.set_names_hidden(True)
        self.no_pin_note.say(self.pin_menu_path())

    def set_names_hidden(self, hidden: bool) -> None:
        """The privacy screen (F12 or Ctrl+H): no name or identifier anywhere in the window."""
        self.hide_names = bool(hidden)
        if not self.hide_names:
            self.no_pin_note.hide()
        if self.act_hide is not None and self.act_hide.isChecked() != self.hide_names:
            self.act_hide.setChecked(self.hide_names)
        for mask in self.maskers:
            mask(self.hide_names)
        self.covers.set_hidden(self.hide_names)  # and the dialogs open (ui.privacy_cover)
        self.show_patient_texts()
