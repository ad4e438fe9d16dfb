"""How wide a small window must be for the window manager to show its whole title."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget

SMALL_DIALOG_WIDTH = 420  # as wide as the window's other small dialogs
# What a window manager's title bar takes beside the title: the icon, three buttons, margins.
TITLE_BAR_ROOM = 160


def title_width(widget: QWidget, title: str) -> int:
    """A window's width that holds its whole title (with the application's name the window
    manager adds) in a bold title bar: at the width of its label the progress window of the
    FHIR export read « Exporter le Bun… HIR — imsmap » (walk of 6 December)."""
    bold = QFont(widget.font())
    bold.setBold(True)
    whole = f"{title} — {QApplication.applicationDisplayName() or 'imsmap'}"
    return max(SMALL_DIALOG_WIDTH, QFontMetrics(bold).horizontalAdvance(whole) + TITLE_BAR_ROOM)
