"""The main window's privacy screen and lock, wired: what the window hides and how it locks.

The window makes one `PrivacyScreen` as it is built (step 1: the line saying no PIN is set,
the covers of its dialogs, whether names are hidden), and `PrivacyScreen.build` makes the
lock in step 2 (the lock screen in the window's stack, the idle watcher, the
`ui.screen_lock.ScreenLock` controller, the lock of the open dialogs). The widgets it uses
are in `ui.privacy` (the lock screen, the PIN dialog, the idle watcher), `ui.privacy_cover`
(the covers of the dialogs, the no-PIN line and page) and `ui.dialog_locks` (the lock over the
open dialogs, Lock now and F12 in them).

Three states hide the patient, from least to most:
- the privacy screen (F12 or Ctrl+H): names and identifiers masked panel by panel, the dialogs
  that show patient data covered; the clinician may go on working behind it;
- Lock now without a PIN: the privacy screen, and nothing of the patient left on screen: the
  panels (the chart's markers, the complaint, the notes) give way to `PrivacyPage`, every open
  dialog is covered, the no-PIN line says anyone can lift it (F12 or Ctrl+H, in the window or
  in a dialog, lifts it all);
- the lock (a PIN set): only the lock screen shows, in the window and over every open dialog,
  until the PIN is typed in any of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from imsmap.services.records import Records
from imsmap.ui.dialog_locks import DialogLocks, close_popups
from imsmap.ui.privacy import IdleWatcher, LockScreen
from imsmap.ui.privacy_cover import NoPinNote, PrivacyCovers, PrivacyPage
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
        self.pin_menu_path: Callable[[], str | None] = lambda: None
        self.covered = False  # Lock now's privacy screen without a PIN: nothing shows

    def build(self, records: Records, stack: QStackedWidget, before_lock: Callable[[], None],
              say: Callable[[str], None], lock_changed: Callable[[bool], None]) -> None:
        """The lock (step 2): the lock screen in `stack`, the idle watcher, the controller."""
        self.records = records
        self.stack = stack
        self.lock_changed = lock_changed  # also as Lock now's privacy screen goes up and down
        self.lock_screen = LockScreen(records)
        stack.addWidget(self.lock_screen)
        self.page = PrivacyPage()  # Lock now without a PIN: in place of the panels
        stack.addWidget(self.page)
        self.idle = IdleWatcher(self.window)
        self.screen_lock = ScreenLock(records, self.window, stack, self.lock_screen, self.idle,
                                      before_lock, say, without_pin=self.lock_without_pin)
        # The open dialogs: Lock now and F12 in them, covered while locked
        self.dialogs = DialogLocks(self.window, self.screen_lock.unlock)
        self.dialogs.guard = self.covers.guard  # a question over a covered dialog: covered
        self.screen_lock.changed.connect(self._lock_dialogs)
        self.screen_lock.changed.connect(lock_changed)
        self.screen_lock.availableChanged.connect(self.follow_pin)

    def bind(self, act_hide: QAction, act_lock: QAction, pin_menu_path: Callable[[], str | None],
             maskers: Sequence[Callable[[bool], None]]) -> None:
        """The menus' Privacy screen and Lock now actions, where the PIN is set (None where
        none can be set), and the panels that hide names (once they all exist)."""
        self.act_hide = act_hide
        self.covers.action = act_hide  # F12 and Ctrl+H in the dialogs it covers
        self.dialogs.actions = (act_lock, act_hide)  # and in every modal dialog
        self.pin_menu_path = pin_menu_path
        self.maskers = maskers

    def _lock_dialogs(self, locked: bool) -> None:
        """The lock over the open dialogs too (a PIN field over each)."""
        if locked:
            self.covered = False  # the lock screen takes the privacy page's place
            self.dialogs.lock(self.records)
        else:
            self.dialogs.unlock()

    def follow_pin(self, _available: bool = True) -> None:
        """A PIN set (here, in another window or room) or the lock screen up: no line saying
        that no PIN is set."""
        if self.screen_lock.has_pin or self.screen_lock.locked:
            self.no_pin_note.hide()

    def lock_without_pin(self) -> None:
        """Lock now without a PIN: the privacy screen, nothing of the patient in the window or
        its dialogs, and the line saying anyone can lift it."""
        self.set_names_hidden(True)
        self.covered = True
        close_popups(self.window)
        self.stack.setCurrentWidget(self.page)
        self.dialogs.lock(None)
        self.window.statusBar().clearMessage()  # (what was just said may name the patient)
        self.lock_changed(True)  # (what the pointer was over: a site of the chart)
        self.no_pin_note.say(self.pin_menu_path())

    def set_names_hidden(self, hidden: bool) -> None:
        """The privacy screen (F12 or Ctrl+H): no name or identifier anywhere in the window."""
        self.hide_names = bool(hidden)
        lifted = not self.hide_names and self.covered
        if not self.hide_names:
            self.no_pin_note.hide()
            if lifted:  # Lock now's privacy screen lifted: the panels and dialogs back
                self.covered = False
                self.stack.setCurrentIndex(0)
                self.dialogs.unlock()
        if self.act_hide is not None and self.act_hide.isChecked() != self.hide_names:
            self.act_hide.setChecked(self.hide_names)
        for mask in self.maskers:
            mask(self.hide_names)
        self.covers.set_hidden(self.hide_names)  # and the dialogs open (ui.privacy_cover)
        self.show_patient_texts()
        if lifted:
            self.lock_changed(False)  # the actions, and what others wrote meanwhile
