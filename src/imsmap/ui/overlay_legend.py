"""The legend under the chart (`OverlayLegend`): how earlier sites look by age, the diamond of a
muscle needled on another chart, and the heat map's scale. The history bar (`ui.history_bar`)
holds it between its choice of earlier sessions and the visits row."""

from __future__ import annotations

import copy

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
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
    title wraps, and the markers follow it on its last row while they fit, then on as many
    rows as they need. Where the chart marks a muscle needled on another chart, the key's last
    marker is that diamond.

    While earlier sessions are shown (`earlier_on`) it keeps the rows of the longest words it
    may say (`room`: three ages, the diamond), whichever the patient: the chart above is then
    as tall for every patient, neither resized nor painted again at each open, and it does not
    jump (at 1280 px the bar went 112 <-> 130 px between a patient of one age and one of three,
    the warm open 36 -> 45 ms of main-thread CPU). It keeps them only where they take at most
    `ROOM_ROWS` rows (`kept_rows`): the smallest windows are weighed first.

    Where it keeps no room and the bar is folded on a short chart (`compact`: 960 x 540,
    touch-sized, the bar opened), it takes one row (`one_line`): each marker with its age in
    visits (1: last time), the diamond bare, the title only where all of it fits, every word
    in its tooltip. In four rows (French, three ages and the diamond) it left the chart 82-100
    px tall (117-154 now); in the demo's window its fourth row was even cut off under the
    visits row, the bar given less than it asked (now whole)."""

    ROW = 26  # px: one row of the legend
    WRAPPED = 18  # px: each further row (of the title, of markers) when the words need more
    # The most rows the longest words may take and still be kept for every patient. Two rows
    # cost the chart at most one row (18 px) against a patient with the fewest words, and
    # they are what the longest take wherever the chart's column is 428 px or wider (1280 px
    # and up, mouse- or touch-sized, English and French: the column is as wide either way).
    # At 960 px (the column 262-274 px) they take three rows in English, four in French: kept,
    # the touch-sized French chart was left 68 px tall at 960 x 540 with the history bar opened
    # (82 with the legend's own rows), too short for a tap to open the muscle chooser. There
    # the legend keeps no room, its rows follow its words as they always did: on so short a
    # window the bar folds (ui.short_chart) and shows the legend only when it is opened.
    ROOM_ROWS = 2
    HEAT = 44  # px: the heat scale under them

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart: ChartPainter | None = None
        self.ages: list[tuple[int, str]] = []
        self.oldest = 1
        self.heat_vmax: float | None = None
        self.heat_on = False  # the heat map is asked for: its row is kept, with or without a scale
        self.elsewhere = False  # the chart marks muscles needled on another chart (a diamond)
        self.earlier_on = False  # earlier sessions are asked for: the rows of `room` are kept
        # The longest ages' words it may show, given by the history bar ("last time", "99
        # visits ago" twice): their rows, with the diamond's, are kept while `earlier_on`.
        self.room: list[str] = []
        self.compact = False  # the history bar is folded on a short chart (`one_line`)
        self._widths: dict[tuple[str, bool], float] = {}  # text_width's
        # Its height follows its width (`heightForWidth`), asked by the layouts as they place
        # it, as a wrapping row's is: set from its own resize, the history bar learnt of a
        # third row only after it had been placed, and the visits row was drawn over the key.
        self.setToolTip(self.about())
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def about(self) -> str:
        return self.tr("Each age's marker is drawn as for a strong grasp; the older the visit, "
                       "the paler its sites.")

    def set_compact(self, on: bool) -> None:
        """On one row where its words would take more than `ROOM_ROWS` (`one_line`), or not."""
        if on != self.compact:
            self.compact = on
            self._changed()

    def one_line(self, width: int | None = None) -> bool:
        """True when it takes one row at `width` (or its own): folded on a short chart, where
        the longest words it may say take more than `ROOM_ROWS` rows (never from 1280 px up,
        where they take two: there it keeps what it had)."""
        return self.compact and self.longest_rows(width) > self.ROOM_ROWS

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(380, self.heightForWidth(380))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(10, self.heightForWidth(max(10, self.width())))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt naming
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        height = self.ROW + self.WRAPPED * (self.kept_rows(width) - 1)
        if self.heat_on or self.heat_vmax is not None:
            height += self.HEAT
        return height

    def set_state(self, chart: ChartPainter | None, ages: list[tuple[int, str]], oldest: int,
                  heat_vmax: float | None, heat_on: bool = False,
                  elsewhere: bool = False, earlier_on: bool = False) -> None:
        """`heat_on`: the heat map is asked for. Its row stays while it is, scale or none (a
        patient's first visit has nothing to sum), so the chart above does not jump by the
        row's height from one patient or visit to the next. `elsewhere`: the chart marks a
        muscle needled on another chart; the key then says what the diamond is. `earlier_on`:
        earlier sessions are asked for; the rows of the longest ages (`room`) are kept, ages
        or none, for the same reason."""
        ages = list(ages)
        if (chart is self.chart and ages == self.ages and oldest == self.oldest
                and heat_vmax == self.heat_vmax and heat_on == self.heat_on
                and elsewhere == self.elsewhere and earlier_on == self.earlier_on):
            return  # a site tapped today changes nothing here: no repaint (about 1 ms a tap)
        self.chart, self.ages, self.oldest, self.heat_vmax = chart, ages, oldest, heat_vmax
        self.heat_on, self.elsewhere, self.earlier_on = heat_on, elsewhere, earlier_on
        self._changed()

    def tool_tip(self) -> str:
        """Every word of the key (on one row its markers say only their ages in visits)."""
        lines = [self.title()] if self.ages else []
        key = self.tr("{marker}: {words}")
        lines += [key.format(marker=age, words=text) for age, text in self.ages]
        if self.ages and self.elsewhere:
            lines.append(key.format(marker="\u25c6", words=self.elsewhere_text()))
        return "\n".join([*lines, self.about()])

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:  # made when asked, never at each open
            self.setToolTip(self.tool_tip())
        return super().event(event)

    def _changed(self) -> None:
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
    _GAP = 10.0  # px after each age's words (10, not 12: two ages a row in French at 960 px)

    def title(self) -> str:
        # Short, so that the ages follow it on its row: "Earlier sites, e.g. strong grasp:"
        # took a row of its own in French at 1280 and 1366 px, and the diamond a third, which
        # folded the bar at 1280 x 690. What the markers' pips show is said in the tooltip.
        return self.tr("Earlier sites:")

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
        """True when its words take more than one row (at `width`, or the legend's own)."""
        return self.needed_width() > (self.width() if width is None else width)

    def places(self, width: int | None = None) -> list[tuple[float, int]]:
        """Each marker's (the ages', then the diamond's): its left edge and its row (0: the
        title's first), at `width` or the legend's own. The markers follow the title's last
        row, a row holding those whose words fit, at least one."""
        if not self.ages:
            return []
        width = self.width() if width is None else width
        if self.one_line(width):
            return self._line_places(width)
        return self._places(self._marker_texts(), width)

    def _line_texts(self) -> list[str]:
        """On one row: each age's number of visits, the diamond without words."""
        texts = [str(age) for age, _ in self.ages]
        return [*texts, ""] if self.elsewhere else texts

    def line_title(self, width: int) -> bool:
        """On one row: True when the title fits before the markers."""
        markers = sum(self._age_width(text) + self._GAP for text in self._line_texts())
        return (self._LEFT + self.text_width(self.title(), True) + self._AFTER_TITLE
                + markers <= width)

    def _line_places(self, width: int) -> list[tuple[float, int]]:
        x = self._LEFT
        if self.line_title(width):
            x += self.text_width(self.title(), True) + self._AFTER_TITLE
        out = []
        for text in self._line_texts():
            out.append((x, 0))
            x += self._age_width(text) + self._GAP
        return out

    def _places(self, texts: list[str], width: int) -> list[tuple[float, int]]:
        lines = self.title_lines(width)
        row = len(lines) - 1
        x = self._LEFT + self.text_width(lines[-1], True) + self._AFTER_TITLE
        out = []
        for text in texts:
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

    def kept_rows(self, width: int | None = None) -> int:
        """The rows it takes at `width` (or its own): its words', or, while earlier sessions
        are asked for, those of the longest it may say (`room` and the diamond), the more,
        where those take at most `ROOM_ROWS` rows."""
        width = self.width() if width is None else width
        if self.one_line(width):
            return 1
        own = self.rows(width)
        room = self.room_rows(width)
        return max(own, room) if room <= self.ROOM_ROWS else own

    def room_rows(self, width: int | None = None) -> int:
        """The rows the longest words it may say (`room` and the diamond) take at `width` (or
        its own) while earlier sessions are asked for (`longest_rows`); 0 while they are not,
        or no room is given."""
        return self.longest_rows(width) if self.earlier_on else 0

    def longest_rows(self, width: int | None = None) -> int:
        """The rows the longest words it may say (`room` and the diamond) would take at `width`
        (or its own), kept or not (`room_rows`, `one_line` ask it); 0 where no room is given."""
        if not self.room:
            return 0
        width = self.width() if width is None else width
        room = self._places([*self.room, self.elsewhere_text()], width)
        return 1 + max(row for _, row in room)

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
        line = self.one_line()
        if line and self.ages and self.line_title(self.width()):
            label(self.title(), self._LEFT, y, bold=True)
        elif self.ages and not line:
            for number, words in enumerate(self.title_lines(self.width())):
                label(words, self._LEFT, y + number * self.WRAPPED, bold=True)
        places = self.places()
        for (age, text), (x, row) in zip(self.ages, places, strict=False):
            if line:
                text = str(age)
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
            if not line:
                label(self.elsewhere_text(), x + 2 * r + 4, at_y)
        top = self.ROW + self.WRAPPED * (self.kept_rows() - 1)
        if self.heat_vmax is None and self.heat_on:
            label(self.tr("Heat map: no earlier visit to sum"), 4.0, top + 13.0)
        elif self.heat_vmax is not None:
            paint_heat_legend(p, QRectF(4, top, min(320.0, self.width() - 8), 42),
                              self.heat_vmax, title=self.tr("Heat map: grasp summed over those visits"))
        p.end()
