"""The room the Progress tab takes in the main window's columns while it is shown.

The progress panel (a visit list beside a summary and the trend, chart and comparison tabs) needs
more width than the right column has for the session. While its tab is shown the right column
widens to what the panel needs, so that it shows whole without scrolling sideways:

- first as before: the patients column narrows (to 200 px, or its minimum) and the chart column
  gives up what it can above 380 px (never less than its own minimum: the chart shows the earlier
  sites' overlay beside the progress, and stays usable);
- when that is still too narrow for the panel (a 1366 x 768 laptop), the patients column folds
  away (its splitter handle stays at the window's left edge: dragging it brings the list back) and
  the chart keeps, as on a wide screen, 380 px or its minimum: the rest shows more of the trend.

Leaving the tab (or closing the window) gives the columns their sizes from before.
"""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QSplitter, QStyle, QTabWidget, QWidget

from imsmap.ui.progress import ProgressPanel

PATIENTS, CHART, RIGHT = 0, 1, 2
PATIENTS_WIDTH = 200  # the patients column narrows to this (or its minimum) while Progress shows
CHART_KEEPS = 380  # the chart column gives up only what it has above this (and its minimum)


def min_width(widget: QWidget) -> int:
    """The least width a splitter gives `widget` (what QSplitter itself uses)."""
    return max(widget.minimumWidth(), widget.minimumSizeHint().width())


def progress_sizes(sizes: list[int], mins: list[int], need: int) -> tuple[list[int], bool]:
    """The columns' sizes while the progress tab is shown, from `sizes` (patients, chart, right)
    and their minimum widths `mins`, for a right column that needs `need` pixels; and whether the
    patients column folds away for it."""
    total = sum(sizes)
    left = max(min(sizes[PATIENTS], PATIENTS_WIDTH), mins[PATIENTS])
    right = max(sizes[RIGHT], total - left - CHART_KEEPS, need)
    chart = max(mins[CHART], total - left - right)
    right = total - left - chart
    if right >= need or left == 0:
        return [left, chart, right], False
    chart = max(mins[CHART], CHART_KEEPS)
    return [0, chart, total - chart], True


class ProgressRoom:
    """Widens the right column of `splitter` while `page` (the Progress tab of `tabs`) is shown,
    for the panel inside the page's scroll area; gives the columns back when it is left."""

    def __init__(self, splitter: QSplitter, tabs: QTabWidget, page: QWidget,
                 panel: ProgressPanel):
        self.splitter = splitter
        self.tabs = tabs
        self.page = page
        self.panel = panel
        self.narrow_sizes: list[int] | None = None  # the sizes to give back, while widened
        tabs.currentChanged.connect(self._tab_changed)

    @property
    def folded(self) -> bool:
        """The patients column folded away for the progress panel."""
        return self.narrow_sizes is not None and self.splitter.sizes()[PATIENTS] == 0

    def need(self) -> int:
        """The right column's width that shows the panel whole: its roomy width (its muscle
        names whole, its chart as wide as a laptop's height makes it; at least its minimum, the
        panel giving way below it, as it does at 960 px), the page's margins around its scroll
        area, and room for that area's scroll bar (a short screen scrolls it up and down)."""
        margins = self.page.layout().contentsMargins()
        area = next((a for a in self.page.findChildren(QScrollArea) if a.widget() is self.panel),
                    None)
        frame = 2 * area.frameWidth() if area is not None else 0
        bar = self.page.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        panel = max(min_width(self.panel), self.panel.roomy_width())
        return (panel + margins.left() + margins.right() + frame + bar
                + max(0, self.tabs.width() - self.page.width()))

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.page:
            self.enter()
        else:
            self.leave()

    def enter(self) -> None:
        if self.narrow_sizes is not None:
            return
        sizes = self.splitter.sizes()
        self.narrow_sizes = sizes
        mins = [min_width(self.splitter.widget(i)) for i in range(self.splitter.count())]
        wide, fold = progress_sizes(sizes, mins, self.need())
        if fold:
            self.splitter.setCollapsible(PATIENTS, True)
        self.splitter.setSizes(wide)

    def leave(self) -> None:
        if self.narrow_sizes is None:
            return
        sizes, self.narrow_sizes = self.narrow_sizes, None
        self.splitter.setSizes(sizes)
        self.splitter.setCollapsible(PATIENTS, False)
