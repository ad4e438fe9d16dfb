"""A dialog holding what was typed asks before Escape, Cancel or its title bar's ✕ throw it away.

The French walk of 6 December: three fields of a new patient, or an amendment's reason and
words, went with one Escape (a key a gloved hand meets beside 1 on the keyboard), unsaid and
unsaved. `TypedGuard` asks « Abandonner ce qui a été tapé ? » first; Escape or Enter on the
question keeps typing (pressed twice, Escape loses nothing). A dialog closed by the program
(`reject()`: the system ending the session, a conflict) is not asked about: only the person's
own Escape, Cancel and ✕ are.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QGridLayout, QMessageBox, QSizePolicy, QSpacerItem

from imsmap.ui.title_width import title_width


class TypedGuard(QObject):
    """Watches `dialog`: while `typed()` is true its Escape, ✕ and `cancel` (give it the Cancel
    button) ask before rejecting it."""

    def __init__(self, dialog: QDialog, typed: Callable[[], bool]):
        """`typed`: a method of `dialog`. Both are held weakly: a child holding its dialog
        kept every closed one alive (tests/test_ui_day_leaks.py)."""
        super().__init__(dialog)
        self._dialog = weakref.ref(dialog)
        self._typed = weakref.WeakMethod(typed)  # type: ignore[arg-type]
        dialog.installEventFilter(self)

    @property
    def dialog(self) -> QDialog | None:
        return self._dialog()

    def typed(self) -> bool:
        typed = self._typed()
        return bool(typed is not None and typed())

    def may_discard(self) -> bool:
        """True when nothing was typed, or the person chose to throw it away."""
        dialog = self.dialog
        if dialog is None or not self.typed():
            return True
        box = QMessageBox(QMessageBox.Icon.Question, dialog.windowTitle(),
                          self.tr("Discard what you typed?"), parent=dialog)
        box.setInformativeText(self.tr("It is not saved: closing this window now loses it."))
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep typing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        # As wide as its title needs: at the width of its question the window manager cut
        # « Nouveau patient » to « Nouveau pa… nt » (a QMessageBox sizes itself to its text,
        # past its minimum width: a spacer across its grid holds it open).
        grid = box.layout()
        if isinstance(grid, QGridLayout):
            grid.addItem(QSpacerItem(title_width(box, box.windowTitle()), 0,
                                     QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum),
                         grid.rowCount(), 0, 1, grid.columnCount())
        box.exec()
        discarded = box.clickedButton() is discard
        box.deleteLater()
        return discarded

    def cancel(self) -> None:
        """The Cancel button: reject the dialog, once asked if something was typed."""
        dialog = self.dialog
        if dialog is not None and self.may_discard():
            dialog.reject()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.dialog and watched is not None:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                    event.key() == Qt.Key.Key_Escape and \
                    event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.cancel()
                return True
            if event.type() == QEvent.Type.Close and event.spontaneous() and \
                    not self.may_discard():
                event.ignore()
                return True
        return super().eventFilter(watched, event)
