"""The legend under the chart (`OverlayLegend`): how earlier sites look by age, the diamond of a
muscle needled on another chart, and the heat map's scale. The history bar (`ui.history_bar`)
holds it between its choice of earlier sessions and the visits row."""

from __future__ import annotations

import copy

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from imsmap.render.chart_painter import ChartPainter, text_path
from imsmap.render.heatmap import paint_heat_legend
from imsmap.render.other_charts import paint_other_chart_mark
from imsmap.render.overlay import EARLIER_SCALE, LAST_SCALE, age_fade, faded_style
from imsmap.render.text import text_width


class OverlayLegend(QWidget):
    """How earlier sites look by age, and the heat scale when the heat map is on. Its words
    take one row, or more where the chart is too narrow for them (longer in French; at 960 px,
    1080p at 200 %, the third age was cut off at the chart's edge, and the French title): the
    markers then go under the title, on as many rows as they need, the title too. Where the
    chart marks a muscle needled on another chart, the key's last marker is that diamond."""

    ROW = 26  # px: one row of the legend
    WRAPPED = 18  # px: each further row (of the title, of markers) when the words need more
    HEAT = 44  # px: the heat scale under them

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart: ChartPainter | None = None
        self.ages: list[tuple[int, str]] = []
        self.oldest = 1
        self.heat_vmax: float | None = None
        self.heat_on = False  # the heat map is asked for: its row is kept, with or without a scale
        self.elsewhere = False  # the chart marks muscles needled on another chart (a diamond)
        self._widths: dict[tuple[str, bool], float] = {}  # text_width's
        # Its height follows its width (`heightForWidth`), asked by the layouts as they place
        # it, as a wrapping row's is: set from its own resize, the history bar learnt of a
        # third row only after it had been placed, and the visits row was drawn over the key.
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(380, self.heightForWidth(380))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(10, self.heightForWidth(max(10, self.width())))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt naming
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        height = self.ROW + self.WRAPPED * (self.rows(width) - 1)
        if self.heat_on or self.heat_vmax is not None:
            height += self.HEAT
        return height

    def set_state(self, chart: ChartPainter | None, ages: list[tuple[int, str]], oldest: int,
                  heat_vmax: float | None, heat_on: bool = False,
                  elsewhere: bool = False) -> None:
        """`heat_on`: the heat map is asked for. Its row stays while it is, scale or none (a
        patient's first visit has nothing to sum), so the chart above does not jump by the
        row's height from one patient or visit to the next. `elsewhere`: the chart marks a
        muscle needled on another chart; the key then says what the diamond is."""
        ages = list(ages)
        if (chart is self.chart and ages == self.ages and oldest == self.oldest
                and heat_vmax == self.heat_vmax and heat_on == self.heat_on
                and elsewhere == self.elsewhere):
            return  # a site tapped today changes nothing here: no repaint (about 1 ms a tap)
        self.chart, self.ages, self.oldest, self.heat_vmax = chart, ages, oldest, heat_vmax
        self.heat_on, self.elsewhere = heat_on, elsewhere
        self.updateGeometry()  # its height for a width may have changed
        # and so may the history bar's: said to the chart's column now. Qt keeps a widget's
        # height for a width in its parent's layout until that widget's updateGeometry, which
        # the bar's own layout pass does later; the column, laid out in between (a patient
        # chosen), kept the bar's old height until something else laid it out again (a tab, a
        # resize): in French at 1366 px the legend's second row was cut, or not, depending on
        # which layouts had run before.
        if self.parentWidget() is not None:
            self.parentWidget().updateGeometry()
        self.update()

    # The legend's words: the title, then a marker and its words for each age.
    SIZE = 10.5
    _R = 9.0
    _LEFT = 4.0  # px before the title and each row of markers
    _AFTER_TITLE = 8.0
    _GAP = 12.0  # px after each age's words

    def title(self) -> str:
        return self.tr("Earlier sites, e.g. strong grasp:")

    def text_width(self, text: str, bold: bool = False) -> float:
        # Measured once a text (an outline each time: the layouts ask the legend's height for
        # a width many times over, and the words are few).
        key = (text, bold)
        if key not in self._widths:
            self._widths[key] = text_width(text, OverlayLegend.SIZE, bold=bold)
        return self._widths[key]

    def _age_width(self, text: str) -> float:
        return 2 * self._R + 4 + self.text_width(text)

    def elsewhere_text(self) -> str:
        return self.tr("needled on another chart")

    def _marker_texts(self) -> list[str]:
        """The words of the key's markers: each age's, then the diamond's when it shows."""
        texts = [text for _, text in self.ages]
        return [*texts, self.elsewhere_text()] if texts and self.elsewhere else texts

    def needed_width(self) -> float:
        """The px the legend's words need on one row (0 when it shows none)."""
        if not self.ages:
            return 0.0
        return self._LEFT + self.text_width(self.title(), True) + self._AFTER_TITLE + sum(
            self._age_width(text) + self._GAP for text in self._marker_texts())

    def wrapped(self, width: int | None = None) -> bool:
        """True when the markers go on rows of their own, under the title (at `width`, or the
        legend's own)."""
        return self.needed_width() > (self.width() if width is None else width)

    def places(self, width: int | None = None) -> list[tuple[float, int]]:
        """Each marker's (the ages', then the diamond's): its left edge and its row (0: the
        title's), at `width` or the legend's own. Under the title, a row holds the markers
        whose words fit, at least one."""
        width = self.width() if width is None else width
        if not self.wrapped(width):
            x = self._LEFT + self.text_width(self.title(), True) + self._AFTER_TITLE
            out = []
            for text in self._marker_texts():
                out.append((x, 0))
                x += self._age_width(text) + self._GAP
            return out
        out, x, row = [], self._LEFT, len(self.title_lines(width))
        for text in self._marker_texts():
            if x > self._LEFT and x + self._age_width(text) > width:
                x, row = self._LEFT, row + 1
            out.append((x, row))
            x += self._age_width(text) + self._GAP
        return out

    def title_lines(self, width: int) -> list[str]:
        """The title's words on rows `width` wide (one row where it fits: French is longer)."""
        title = self.title()
        if self._LEFT + self.text_width(title, True) <= width:
            return [title]
        lines, line = [], ""
        for word in title.split(" "):
            longer = f"{line} {word}" if line else word
            if line and self._LEFT + self.text_width(longer, True) > width:
                lines.append(line)
                line = word
            else:
                line = longer
        return [*lines, line]

    def elsewhere_apart(self, width: int | None = None) -> bool:
        """True when the diamond and its words go on a row of their own, under the ages'."""
        if not (self.ages and self.elsewhere):
            return False
        places = self.places(width)
        return places[-1][1] > places[-2][1]

    def rows(self, width: int | None = None) -> int:
        """The legend's rows of words at `width` (or its own): the title's and the markers'."""
        return 1 + max((row for _, row in self.places(width)), default=0)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt naming
        if self.chart is None or not (self.ages or self.heat_on):
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        s = self.chart.style
        r = self._R
        scale = r / s.marker_radius
        colour = QColor(s.caption)

        def label(text: str, at_x: float, at_y: float, bold: bool = False) -> None:
            path = text_path(text, self.SIZE, anchor="left", at=(at_x, at_y), bold=bold)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawPath(path)

        y = 13.0
        if self.ages:
            for number, line in enumerate(self.title_lines(self.width())):
                label(line, self._LEFT, y + number * self.WRAPPED, bold=True)
        places = self.places()
        for (age, text), (x, row) in zip(self.ages, places, strict=False):
            at_y = y + row * self.WRAPPED
            faded = copy.copy(self.chart)
            faded.style = faded_style(s, age_fade(age, self.oldest))
            faded.paint_marker(p, x + r, at_y, None, 3,
                               scale=scale * (LAST_SCALE if age <= 1 else EARLIER_SCALE),
                               pips=True)
            label(text, x + 2 * r + 4, at_y)
        if len(places) > len(self.ages):  # the diamond of a muscle needled on another chart
            x, row = places[-1]
            at_y = y + row * self.WRAPPED
            paint_other_chart_mark(p, self.chart, x + r, at_y, 3, age_fade(1, self.oldest), r)
            label(self.elsewhere_text(), x + 2 * r + 4, at_y)
        top = self.ROW + self.WRAPPED * (self.rows() - 1)
        if self.heat_vmax is None and self.heat_on:
            label(self.tr("Heat map: no earlier visit to sum"), 4.0, top + 13.0)
        elif self.heat_vmax is not None:
            paint_heat_legend(p, QRectF(4, top, min(320.0, self.width() - 8), 42),
                              self.heat_vmax, title=self.tr("Heat map: grasp summed over those visits"))
        p.end()
