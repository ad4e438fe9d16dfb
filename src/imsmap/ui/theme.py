"""The chart follows the system's light or dark palette."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette

from imsmap.render.style import DARK, LIGHT, ChartStyle


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def screen_style() -> ChartStyle:
    """The chart style for the screen: dark charts on a dark desktop (PDFs are always light)."""
    return DARK if is_dark() else LIGHT
