"""The chart keeps most of a short window's height (`ShortChart`).

At 960 x 540 (a 1080p screen at 200 %) with touch-sized controls the chart's column held the
earlier visits' bar (about 230 px: its choices and the visits row on two lines each, the legend
of ages on three) and the grasp legend on two lines, and the chart was left 114-132 px: the
patient's sides' captions covered most of the figure, and a tap could land on one. Where the chart
would be shorter than `SHARE` of its column with them whole, the bar folds into one line (its
`more` button shows the rest while pressed: ui.history_bar) and the grasp legend goes on one line
(its grades' digits, the whole of it in a tooltip: ChartPanel.set_legend_short). In a column
shorter than `LOW_COLUMN` (a short window: 960 x 540, 1093 x 584) the layer buttons keep one line
too (ui.layer_row), and the opened bar says the visit beside its button, not in the visits row's
own words (HistoryBar.set_brief_visits). At 1366 x 768 and larger the chart keeps more than that
share, and nothing changes there; at 1280 x 690 the column is taller than `LOW_COLUMN`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from imsmap.ui.chart_panel import ChartPanel
from imsmap.ui.history_bar import HistoryBar

SHARE = 0.6  # the least part of the column the chart keeps before the bars give way
# px more the chart must have before they come back whole: the grasp legend's second line
# (about 20 px), that their folding itself gives, must not unfold them again
HYSTERESIS = 40
# A column shorter than this (px: 499 at 960 x 540; about 640 at 1280 x 690, where nothing more
# changes) is a short window's: there, folded, the layer buttons keep one line and the opened
# bar's visits row its controls without their words (ui.layer_row,
# HistoryBar.set_brief_visits); at 960 x 540 they left the chart 117-236 px with the bar opened
LOW_COLUMN = 560


class ShortChart(QObject):
    """Folds `bar` and shortens `chart`'s legend while the chart in `column` (the two of them
    one above the other) would be short, and unfolds them when it would not."""

    def __init__(self, column: QWidget, chart: ChartPanel, bar: HistoryBar):
        super().__init__(column)
        self.column, self.chart, self.bar = column, chart, bar
        self.short = False
        self.low = False  # short, in a column shorter than LOW_COLUMN
        self.width = 0  # the bar's when it folded
        self._busy = False
        # Once the layouts have placed everything: folding from inside a layout's pass (a
        # resize it sends) left the bar at its old height.
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.follow)
        for watched in (column, chart, bar):
            watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and not self._busy:
            self._soon.start()
        return False

    def chart_height(self) -> int:
        """The chart's height with the bar and the legend whole: as it is, or folded, with the
        bar's rows' height when it folded (the legend's second line is in HYSTERESIS). Read
        from the widgets as placed, never asking the layouts' sizes for a width: asked here,
        they changed how the French window at 1366 px came out by a pixel."""
        height = self.chart.view.height()
        if self.short:
            height += self.bar.height() - self.bar.unfolded_height
            height -= self.chart.layer_row.saved()
        return height

    def follow(self) -> None:
        if self._busy or not self.column.isVisible() or self.column.height() <= 0:
            return
        self._busy = True  # folding sends events that come back here
        try:
            self._follow()
        finally:
            self._busy = False

    def _follow(self) -> None:
        if self.short and self.bar.width() != self.width:
            # folded, the bar's rows take no room to measure: whole again to measure them at
            # this width (synchronously, before anything is painted), folded again if need be
            self._set(False)
        least = SHARE * self.column.height()
        self._set(self.chart_height() < least + (HYSTERESIS if self.short else 0))
        low = self.short and self.column.height() < LOW_COLUMN
        if low != self.low:
            self.low = low
            self.chart.layer_row.set_short(low)
            self.bar.set_brief_visits(low)
            self._place_again()

    def _set(self, short: bool) -> None:
        if short != self.short:
            self.short = short
            self.bar.set_compact(short)
            self.chart.set_legend_short(short)
            self._place_again()
            self.width = self.bar.width()

    def _place_again(self) -> None:
        # placed again now: the column's layout, told of the bar's new height by the bar's
        # own only at times, left the bar at its old one
        for widget in (self.bar, self.chart, self.column):
            widget.updateGeometry()
            widget.layout().invalidate()
            widget.layout().activate()
