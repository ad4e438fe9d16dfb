"""The Qt binding must not leak or steal references: the chart makes thousands of Qt calls a paint.

PySide6 6.12.0 on CPython 3.11 returns None from void methods without taking a reference, so a
long session at the chart ends in "Fatal Python error: none_dealloc". pyproject.toml keeps that
release out; this test fails if it (or a release like it) comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QImage, QPainter


def test_void_qt_calls_keep_none_alive(qapp):
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(5000):
            painter.setPen(QColor("red"))
        after = sys.getrefcount(None)
    finally:
        painter.end()
    assert after - before > -100, (
        f"{before - after} references to None were lost in 5000 QPainter.setPen calls: this "
        "PySide6 build has the 6.12.0 reference bug; install a version pyproject.toml allows")
