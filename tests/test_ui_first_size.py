"""The window's size at a first start on this computer (window_layout.first_size), on the
screens clinics have. On a 1280 x 1024 screen it opened 1280 x 900: as wide as the screen, with
a strip of desktop under it and the tall body chart 100 px shorter than the screen allowed. A
screen narrower than 1440 px now gives the window its whole room; a wider one 1440 x 900, as
before. The tests' offscreen screen is 800 x 800: the window is given a screen of each size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from tests.test_ui_support import qt_settings  # noqa: F401 - fixture

from imsmap.ui import window_layout
from imsmap.ui.main_window import MainWindow


class Screen:
    """A screen of `room` (its available geometry: less the task bar)."""

    def __init__(self, width: int, height: int):
        self.room = QRect(0, 0, width, height)

    def availableGeometry(self) -> QRect:  # noqa: N802 - Qt naming
        return self.room


@pytest.mark.parametrize("room, size", [
    ((1280, 994), (1280, 994)),  # 1280 x 1024 less a 30 px task bar: all of it
    ((1280, 1024), (1280, 1024)),
    ((1366, 738), (1366, 738)),  # a 1366 x 768 laptop, as before
    ((1093, 614), (1093, 614)),  # the same at 125 %
    ((960, 540), (960, 540)),  # 1080p at 200 %
    ((1440, 870), (1440, 870)),  # a 1440 x 900 screen, as before
    ((1920, 1050), (1440, 900)),  # room to spare: 1440 x 900, as before
    ((2560, 1400), (1440, 900)),
])
def test_the_first_size_on_each_screen(context, qtbot, qt_settings, monkeypatch,  # noqa: F811
                                       room, size):
    monkeypatch.setattr(MainWindow, "screen", lambda self: Screen(*room))
    w = MainWindow(context)
    qtbot.addWidget(w)
    try:
        assert (w.width(), w.height()) == size
        assert window_layout.first_size_in(QSize(*room)) == QSize(*size)
    finally:
        w.close()
