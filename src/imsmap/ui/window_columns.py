"""The main window's three columns: the patient list, the chart over its history bar, the
session's tabs, side by side in a splitter.

The window is built in two steps (`ui.main_window`), and its columns with it:
1. `chart_column` and `column_places` before the first paint: the chart's column between two
   empty places for the side panels, at the widths the panels will have, so that the chart does
   not narrow when they arrive a frame later;
2. `put_panels` in `MainWindow.build_rest`: the patient list and the session's tabs in those
   places.
The widths the columns start at, and those remembered between runs, are `ui.window_layout`'s.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from imsmap.ui import window_layout
from imsmap.ui.window_layout import RIGHT_MIN_WIDTH

PATIENTS, CHART, SESSION = 0, 1, 2  # the columns, left to right


def chart_column(chart: QWidget, history_bar: QWidget) -> QWidget:
    """The centre column: the chart over the history bar."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(chart, 1)
    layout.addWidget(history_bar)
    return box


def column_places(chart_box: QWidget) -> QSplitter:
    """The columns as the first paint shows them: the chart's, between the side panels' empty
    places at their widths (`put_panels` puts the panels there). Only the chart's column takes
    what the window gains or loses, and no column can be pushed shut."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(QWidget())
    splitter.addWidget(chart_box)
    right_place = QWidget()
    right_place.setMinimumWidth(RIGHT_MIN_WIDTH)
    splitter.addWidget(right_place)
    splitter.setStretchFactor(PATIENTS, 0)
    splitter.setStretchFactor(CHART, 1)
    splitter.setStretchFactor(SESSION, 0)
    splitter.setSizes(list(window_layout.COLUMN_WIDTHS))
    splitter.setChildrenCollapsible(False)
    return splitter


def put_panels(splitter: QSplitter, patients: QWidget, session_tabs: QWidget) -> None:
    """Step 2: the patient list and the session's tabs in their places; a side column narrower
    than its panel's least width is widened to it, the chart's column giving the room."""
    sizes = splitter.sizes()
    for index, panel in ((PATIENTS, patients), (SESSION, session_tabs)):
        splitter.replaceWidget(index, panel).deleteLater()
        # The panel's minimum width applies now, as if it had been there from the start,
        # not at some later event (a chart that shrinks under a held mouse button...).
        panel.show()
        panel.ensurePolished()
        grow = max(0, panel.minimumSizeHint().width() - sizes[index])
        sizes[index] += grow
        sizes[CHART] -= grow
    splitter.setSizes(sizes)
