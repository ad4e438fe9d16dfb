"""An Undo button beside the site's grade buttons: a finger undoes a wrong tap or grade without
a trip to the Edit menu (a keyboard's Ctrl+Z). It says the step it undoes in its tooltip, and is
off when there is nothing to undo."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QPushButton


class UndoButton(QPushButton):
    """The button for the window's undo `stack`, at least `least_width` pixels wide. It follows
    the stack by its signals' values (the stack may be going when it says it has nothing left)."""

    def __init__(self, stack: QUndoStack, least_width: int):
        super().__init__(self.tr("↶ Undo"))
        self.setAccessibleName(self.tr("Undo"))
        self.setMinimumWidth(max(least_width, self.fontMetrics().horizontalAdvance(self.text()) + 16))
        self._step = stack.undoText()
        self.clicked.connect(stack.undo)
        stack.canUndoChanged.connect(self._can_undo)
        stack.undoTextChanged.connect(self._undo_text)
        self._can_undo(stack.canUndo())

    def _undo_text(self, step: str) -> None:
        self._step = step
        self._can_undo(self.isEnabled())

    def _can_undo(self, can: bool) -> None:
        self.setEnabled(can)
        tip = (self.tr("Undo: {step} (Ctrl+Z)").format(step=self._step) if can
               else self.tr("Nothing to undo"))
        self.setToolTip(tip)
        self.setAccessibleDescription(tip)
