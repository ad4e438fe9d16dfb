"""The lock over the window's open dialogs.

A clinician called away with a dialog open (a patient's details, an amendment, a finding, a
message box) must be able to lock, and nothing of the patient may stay readable. Qt gives a
window's shortcuts nothing while a modal dialog blocks it, so Lock now (Ctrl+Shift+K) and the
privacy screen (F12, Ctrl+H) did nothing there, or only F12 where the dialog had been given to
the privacy covers. `DialogLocks` follows the window's modal dialogs as they open (Qt tells a
window it is blocked: `QEvent.WindowBlocked`, then the dialog when another opens over it) and
gives each the two actions.

Locked, every dialog open over the window (message boxes too) is covered by a `LockCover`:
the lock screen's PIN field where a PIN is set (any of them unlocks the window and every
dialog), or, for Lock now without a PIN, the privacy screen's words. Its title says only
"Locked", Escape and its close button do nothing (what was typed stays), and unlocking gives
it back as it was left, the keyboard where it was. A dialog that opens while the window is
locked (a message of the background work) is covered as it opens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from imsmap.services.records import Records
from imsmap.ui.privacy import LockScreen
from imsmap.ui.privacy_cover import Cover


def _belongs_to(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        parent = parent.parentWidget()
    return parent is window


def open_dialogs(window: QWidget) -> list[QWidget]:
    """The windows open over `window` (its dialogs, their message boxes), not its popups."""
    return [w for w in QApplication.topLevelWidgets()
            if w is not window and w.isVisible()
            and w.windowType() not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)
            and _belongs_to(w, window)]


def close_popups(window: QWidget) -> None:
    """The window's open menus, lists of suggestions (a name typed in Find) and tooltip
    closed."""
    QToolTip.hideText()
    popup = QApplication.activePopupWidget()
    while popup is not None and _belongs_to(popup, window) and popup.close():
        popup = QApplication.activePopupWidget()


class LockCover(Cover):
    """Over a dialog while the window is locked: the lock screen's PIN field (``records``
    given), or the privacy screen's words (Lock now without a PIN). Every key stays on it."""

    def __init__(self, dialog: QWidget, records: Records | None):
        self.lock_screen = LockScreen(records, compact=True) if records is not None else None
        super().__init__(dialog, self.lock_screen)
        self.gone = False  # uncovered for good: deleted by Qt once its events are over

    def covered_title(self) -> str:
        return self.tr("Locked") if self.lock_screen is not None else super().covered_title()

    def focus_target(self) -> QWidget:
        return self.lock_screen.pin if self.lock_screen is not None else self

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        event.accept()  # no Escape (what was typed would be lost), no Enter for the dialog


class DialogLocks(QObject):
    """The lock over `window`'s dialogs: `lock` covers them (`records` for the PIN lock,
    None for Lock now without a PIN), `unlock` gives them back. ``actions`` are given to
    each modal dialog as it opens (Lock now, the privacy screen); ``unlocked`` is called when
    a PIN typed over a dialog is right."""

    def __init__(self, window: QWidget, unlocked: Callable[[], None]):
        super().__init__(window)
        self.window = window
        self.unlocked = unlocked
        self.actions: Sequence[QAction] = ()
        self.records: Records | None = None  # locked with a PIN: its check
        self.locked = False
        window.installEventFilter(self)

    def lock(self, records: Records | None) -> None:
        """Cover every dialog open over the window: with the PIN field (`records`) or not."""
        self.unlock()
        self.locked = True
        self.records = records
        close_popups(self.window)
        for dialog in open_dialogs(self.window):
            self._cover(dialog)
        top = QApplication.activeModalWidget()
        if top is not None and _belongs_to(top, self.window):
            top.activateWindow()  # its PIN field takes the keys (the window is blocked)

    def unlock(self) -> None:
        if not self.locked:
            return
        self.locked = False
        self.records = None
        for dialog in open_dialogs(self.window):
            self._uncover(dialog)

    def adopt(self, dialog: QWidget) -> None:
        """A modal dialog opened over the window: Lock now and the privacy screen work in it;
        covered at once if the window is locked."""
        for action in self.actions:
            if action not in dialog.actions():
                dialog.addAction(action)
        dialog.installEventFilter(self)  # a dialog opened over it, its close button
        if self.locked:
            self._cover(dialog)

    def _cover(self, dialog: QWidget) -> None:
        if _lock_cover(dialog) is not None:
            return
        dialog.installEventFilter(self)
        cover = LockCover(dialog, self.records)
        if cover.lock_screen is not None:
            cover.lock_screen.unlocked.connect(self.unlocked)
        cover.cover()

    def _uncover(self, dialog: QWidget) -> None:
        cover = _lock_cover(dialog)
        if cover is not None:
            cover.uncover()
            # Deleted by Qt, never by Python: the PIN's Return that unlocked is still being
            # handled by the cover's field
            cover.gone = True
            cover.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        kind = event.type()
        if kind == QEvent.Type.WindowBlocked:
            top = QApplication.activeModalWidget()
            if top is not None and top is not watched and _belongs_to(top, self.window):
                self.adopt(top)
        elif watched is not self.window and isinstance(watched, QWidget):
            if kind == QEvent.Type.Close and self.locked:
                event.ignore()  # closed only once unlocked: what was typed stays
                return True
            if kind == QEvent.Type.Resize:
                cover = _lock_cover(watched)
                if cover is not None:
                    cover.setGeometry(watched.rect())
            elif kind == QEvent.Type.Hide:
                self._uncover(watched)  # answered by itself (a busy box): nothing left on it
            elif kind == QEvent.Type.Show and self.locked:
                self._cover(watched)  # shown again (restored from the taskbar): still locked
        return False


def _lock_cover(dialog: QWidget) -> LockCover | None:
    for cover in dialog.findChildren(LockCover, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if not cover.gone:
            return cover
    return None
