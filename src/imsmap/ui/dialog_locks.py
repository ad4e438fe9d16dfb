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

A dialog made without a parent (a message box or a file dialog given None, the crash dialog
when the crash handler has no window to give it) is no window's, and Qt tells no window
that it opened: the lock follows it all the same (`follows`), since whatever shows on the
screen while the window is locked must be covered. Every dialog of the app is given its
window (or a dialog of it) as parent; those made before a window exists (signing in, the
first start's questions, a damaged file's dialog) have no window to lock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QToolTip, QWidget

from imsmap.services.records import Records
from imsmap.ui.privacy import LockScreen
from imsmap.ui.privacy_cover import Cover


def _belongs_to(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        parent = parent.parentWidget()
    return parent is window


def follows(widget: QWidget, window: QWidget) -> bool:
    """`widget` is locked with `window`: one of its dialogs (or theirs), or a dialog of no
    window at all (made without a parent)."""
    return _belongs_to(widget, window) or (
        isinstance(widget, QDialog) and widget.parentWidget() is None)


def open_dialogs(window: QWidget) -> list[QWidget]:
    """The windows open over `window` (its dialogs, their message boxes, the dialogs of no
    window), not its popups."""
    return [w for w in QApplication.topLevelWidgets()
            if w is not window and w.isVisible()
            and w.windowType() not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)
            and follows(w, window)]


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
        self._sizes: tuple[QSize, QSize, QSize] | None = None  # the dialog's, when grown
        self.gone = False  # uncovered: hidden, kept for the dialog's next lock

    def covered_title(self) -> str:
        return self.tr("Locked") if self.lock_screen is not None else super().covered_title()

    def cover(self) -> None:
        """Over the whole dialog, the dialog made as large as the PIN panel while covered: a
        message box is sized to its text, and a short one (« Enregistré. ») was narrower than
        the panel, its field running to the box's edges and « Déverrouiller » cut in two
        (tests/test_ui_lock_box_sizes.py). Its own size comes back with `uncover`."""
        if self.covering:
            return
        dialog = self.dialog
        self._sizes = (dialog.minimumSize(), dialog.maximumSize(), dialog.size())
        self.fit()
        super().cover()

    def fit(self) -> None:
        """The dialog at least as large as the panel (again after a message box fixed its
        own size once more, as it does on its next layout)."""
        dialog = self.dialog
        need = self.minimumSizeHint().expandedTo(self.minimumSize())
        if dialog.width() < need.width() or dialog.height() < need.height():
            grown = dialog.size().expandedTo(need)
            dialog.setMinimumSize(dialog.minimumSize().expandedTo(grown))
            dialog.setMaximumSize(dialog.maximumSize().expandedTo(grown))
            dialog.resize(grown)

    def uncover(self) -> None:
        if not self.covering:
            return
        super().uncover()
        if self._sizes is not None:  # perhaps grown for the panel: as it was
            least, most, size = self._sizes
            self._sizes = None
            if self.dialog.size() != size:
                self.dialog.setMinimumSize(least)
                self.dialog.setMaximumSize(most)
                self.dialog.resize(size)

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
        # The privacy screen's guard (ui.privacy_cover), given to a dialog opened over one it
        # covers: the restore dialog's question lists chart numbers, as the dialog does
        self.guard: Callable[[QWidget], None] | None = None
        self.records: Records | None = None  # locked with a PIN: its check
        self.locked = False
        window.installEventFilter(self)
        # While locked, a dialog that opens without blocking the window (no WindowBlocked):
        # a parentless one shown without exec(), covered as it shows
        self._shown = _ShownDialogs(self)

    def lock(self, records: Records | None) -> None:
        """Cover every dialog open over the window: with the PIN field (`records`) or not."""
        self.unlock()
        self.locked = True
        self.records = records
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._shown)
        close_popups(self.window)
        for dialog in open_dialogs(self.window):
            self._cover(dialog)
        top = QApplication.activeModalWidget()
        if top is not None and follows(top, self.window):
            top.activateWindow()  # its PIN field takes the keys (the window is blocked)

    def unlock(self) -> None:
        if not self.locked:
            return
        self.locked = False
        self.records = None
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._shown)
        for dialog in open_dialogs(self.window):
            self._uncover(dialog)

    def adopt(self, dialog: QWidget) -> None:
        """A modal dialog opened over the window: Lock now and the privacy screen work in it;
        covered at once if the window is locked."""
        for action in self.actions:
            if action not in dialog.actions() and not _shortcut_taken(dialog, action):
                dialog.addAction(action)
        if self.guard is not None and _over_guarded(dialog):
            self.guard(dialog)
        dialog.installEventFilter(self)  # a dialog opened over it, its close button
        if self.locked:
            self._cover(dialog)

    def _cover(self, dialog: QWidget) -> None:
        if _lock_cover(dialog) is not None:
            return
        dialog.installEventFilter(self)
        cover = _spare_cover(dialog, with_pin=self.records is not None)
        if cover is None:
            cover = LockCover(dialog, self.records)
            if cover.lock_screen is not None:
                cover.lock_screen.unlocked.connect(self.unlocked)
        else:  # the dialog's cover of an earlier lock, of the same kind: again
            cover.gone = False
            if cover.lock_screen is not None and self.records is not None:
                cover.lock_screen.records = self.records
                cover.lock_screen.pin.clear()
                cover.lock_screen.error.clear()
        cover.cover()

    def _uncover(self, dialog: QWidget) -> None:
        cover = _lock_cover(dialog)
        if cover is not None:
            cover.uncover()
            # Hidden and kept, never deleted on its own: it goes with its dialog, and covers
            # it again at the next lock (`_spare_cover`). Deleted by Python, the PIN's Return
            # that unlocked was still being handled by its field; deleted later by Qt, it
            # crashed in QWidget's destructor once the dialog unlocked in its exec() was
            # closed, or deleted by the collector (a dialog of no window), first
            # (tests/test_ui_lock_parentless.py, test_ui_lock_box_sizes.py).
            cover.gone = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        kind = event.type()
        if kind == QEvent.Type.WindowBlocked:
            top = QApplication.activeModalWidget()
            # A window closed (not yet deleted) is blocked too by a dialog of no window: it
            # shows nothing to lock, and its Lock now would take the keys from the open one's
            if top is not None and top is not watched and self.window.isVisible() \
                    and follows(top, self.window):
                self.adopt(top)
        elif watched is not self.window and isinstance(watched, QWidget):
            if kind == QEvent.Type.Close and self.locked:
                event.ignore()  # closed only once unlocked: what was typed stays
                return True
            if kind == QEvent.Type.Resize:
                cover = _lock_cover(watched)
                if cover is not None and cover.covering:
                    cover.fit()
                    cover.setGeometry(watched.rect())
            elif kind == QEvent.Type.Hide:
                self._uncover(watched)  # answered by itself (a busy box): nothing left on it
            elif kind == QEvent.Type.Show and self.locked:
                self._cover(watched)  # shown again (restored from the taskbar): still locked
        return False


class _ShownDialogs(QObject):
    """The application's Show events while locked: a dialog that follows the window
    (`follows`) shown without blocking it is covered as it shows."""

    def __init__(self, locks: DialogLocks):
        super().__init__(locks)
        self.locks = locks

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if (event.type() == QEvent.Type.Show and isinstance(watched, QDialog)
                and watched.isWindow()
                and self.locks.locked and watched is not self.locks.window
                and follows(watched, self.locks.window)
                and _lock_cover(watched) is None):
            self.locks.adopt(watched)
        return False


def _shortcut_taken(dialog: QWidget, action: QAction) -> bool:
    """`dialog` has another window's action of `action`'s keys: a dialog of no window, adopted
    by each window of the process as it blocks them all. Two Lock now on one key would both
    be refused by Qt (an ambiguous shortcut): the first window's stays, and locks it."""
    keys = action.shortcuts()
    return bool(keys) and any(other is not action and set(other.shortcuts()) & set(keys)
                              for other in dialog.actions())


def _over_guarded(dialog: QWidget) -> bool:
    """`dialog` is opened over a dialog that the privacy screen covers."""
    parent = dialog.parentWidget()
    while parent is not None:
        if any(type(c) is Cover for c in parent.findChildren(
                Cover, options=Qt.FindChildOption.FindDirectChildrenOnly)):
            return True
        parent = parent.parentWidget()
    return False


def _spare_cover(dialog: QWidget, *, with_pin: bool) -> LockCover | None:
    """The dialog's cover of an earlier lock, uncovered since, with a PIN field or not."""
    for cover in dialog.findChildren(LockCover, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if cover.gone and (cover.lock_screen is not None) == with_pin:
            return cover
    return None


def _lock_cover(dialog: QWidget) -> LockCover | None:
    for cover in dialog.findChildren(LockCover, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if not cover.gone:
            return cover
    return None
