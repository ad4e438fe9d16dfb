"""The Progress tab's Chart: one body chart with the heat map of the chosen signed sessions,
their sites faded by age (the latest on top), and the muscles needled at one of them on another
chart marked with a diamond, as on the main chart (render.other_charts); its key in a column
beside it.

"Today" is this window's own session open, while it is a draft (`set_current`): its sites on
top. Another window's or room's draft on the same patient is no "today", and no draft is an
earlier visit (domain.progress.earlier_visits) nor summed in the heat map: a line under the
options says the drafts chosen and left out ("draft, not signed"), as the history bar does.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.heat import grasp_heat
from imsmap.domain.models import Session
from imsmap.domain.progress import History, earlier_visits
from imsmap.domain.vocabulary import GRASP_LABELS
from imsmap.render.chart_painter import ChartPainter, text_path
from imsmap.render.heatmap import heat_vmax, paint_heat_legend, paint_heat_over_chart
from imsmap.render.other_charts import (
    OtherChartMark,
    other_chart_marks,
    paint_other_chart_mark,
    paint_other_chart_marks,
)
from imsmap.render.overlay import (
    VERTICAL_TEXT,
    age_fade,
    earlier_markers,
    paint_overlay,
    paint_overlay_legend,
    vertical_legend_width,
)
from imsmap.render.style import LIGHT, ChartStyle
from imsmap.render.text import text_width
from imsmap.ui.progress.compare import ChartPicture
from imsmap.ui.wording import in_window_language, numeric_datetime, view_name

__all__ = ["CHART_MIN_WIDTH", "CHART_ROOMY_WIDTH", "HistoryChart"]

FADING = ((QT_TRANSLATE_NOOP("ProgressPanel", "No fading"), 0.0),
          (QT_TRANSLATE_NOOP("ProgressPanel", "Half-life 2 weeks"), 14.0),
          (QT_TRANSLATE_NOOP("ProgressPanel", "Half-life 4 weeks"), 28.0),
          (QT_TRANSLATE_NOOP("ProgressPanel", "Half-life 8 weeks"), 56.0))
HEAT_PIXELS_PER_UNIT = 0.6
# The Chart view's body chart, beside its legend: a body chart (1:2) 160 px wide is 320 px tall,
# about the height the tab gives it where the window is narrow (960 x 540): narrower, the chart
# and its markers would shrink for nothing. (At 250 px, the panel did not fit its column there.)
CHART_MIN_WIDTH = 160
# ... and where there is room, a body chart at the height a laptop gives it (1366 x 768): the
# width the window makes room for (ui.progress_room) by folding the patients column.
CHART_ROOMY_WIDTH = 250


class HistoryChart(QWidget):
    """A chart view with the heat map of the chosen sessions and their sites, the latest on top."""

    def __init__(self, parent=None, style: ChartStyle = LIGHT):
        super().__init__(parent)
        self.style = style
        self.atlas = None
        self.history = History(())
        self.highlight: frozenset = frozenset()
        self.grasp_labels: tuple[str, ...] = GRASP_LABELS  # the clinic's words (its legend)
        self._heat_cache: QImage | None = None
        self._heat_notes = True  # the cached picture has the chart's notes on it
        self.grid = None
        self._grid_stale = False
        self._others: list[OtherChartMark] | None = None  # computed when first painted
        self.current_id: int | None = None  # the window's own session open (set_current)

        self.view_box = QComboBox()
        self.earlier = QCheckBox(self.tr("Earlier sites"))
        self.earlier.setChecked(True)
        self.heat = QCheckBox(self.tr("Heat map"))
        self.heat.setChecked(True)
        self.fading = QComboBox()
        for text, value in FADING:
            # marked in the context ProgressPanel (QT_TRANSLATE_NOOP), not this class's
            self.fading.addItem(QCoreApplication.translate("ProgressPanel", text), value)
        self.fading.setToolTip(self.tr("Older sessions count less in the heat map"))
        self.canvas = ChartPicture(style=style)
        self.canvas.painter_fn = self._paint
        # No narrower than a body chart (1:2) at the height a small window gives it: narrower,
        # the chart and its markers shrink for nothing. It is the tab's minimum width with the
        # legend, and so the panel's (ui.progress_room widens the right column for it).
        self.canvas.setMinimumWidth(CHART_MIN_WIDTH)
        self.legend = _LegendStrip(self)
        for w in (self.view_box, self.fading):
            w.currentIndexChanged.connect(self._changed)
        for w in (self.earlier, self.heat):
            w.toggled.connect(self._changed)
        # Two rows: the chart and its earlier sites; the heat map and its fading. On one row
        # the view's name was cut (« Vue postér… ») beside the French words at 1366 px.
        which = QHBoxLayout()
        which.addWidget(QLabel(self.tr("Chart:")))
        which.addWidget(self.view_box, 1)
        which.addWidget(self.earlier)
        heat = QHBoxLayout()
        heat.addWidget(self.heat)
        heat.addWidget(self.fading)
        heat.addStretch(1)
        # The drafts chosen that the chart leaves out (not signed): said, never dropped unseen.
        self.drafts = QLabel()
        self.drafts.setObjectName("progressDrafts")
        self.drafts.setWordWrap(True)
        self.drafts.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(which)
        layout.addLayout(heat)
        layout.addWidget(self.drafts)
        self.body = QHBoxLayout()
        self.body.addWidget(self.canvas, 1)
        self.body.addWidget(self.legend)
        layout.addLayout(self.body, 1)

    def set_history(self, history: History, atlas) -> None:
        self.history = history
        self.atlas = atlas
        current = self.view_box.currentData() if self.view_box.currentIndex() >= 0 else None
        counts: dict[str, int] = {}
        for sid in history.ids:
            for s in history.sites_of(sid):
                counts[s.view_id] = counts.get(s.view_id, 0) + 1
        views = list(getattr(atlas, "views", {}) or {})
        used = sorted((v for v in counts if v in views), key=lambda v: (-counts[v], views.index(v)))
        self.view_box.blockSignals(True)
        self.view_box.clear()
        for v in used + [v for v in views if v not in used]:
            self.view_box.addItem(view_name(atlas, v) + (f" ({counts[v]})" if v in counts else ""),
                                  v)
        i = self.view_box.findData(current)
        self.view_box.setCurrentIndex(i if i >= 0 else 0)
        self.view_box.blockSignals(False)
        self._changed()

    def set_current(self, session_id: int | None) -> None:
        """The window's own session open (None: none): "today" while it is a draft chosen.
        What is drawn changes only with today's draft (`today`): a patient opened is told the
        panel first, with the session before still open here (no draft of theirs), then its
        own session, which for a signed visit changes nothing drawn (the chart was worked out
        twice an open); the chart shown stays the one chosen either way."""
        if session_id == self.current_id:
            return
        today = self.today()
        self.current_id = session_id
        if self.today() != today:
            self._redraw()

    def set_view(self, view_id: str) -> None:
        i = self.view_box.findData(view_id)
        if i >= 0:
            self.view_box.setCurrentIndex(i)

    def set_highlight(self, muscle_ids: frozenset) -> None:
        self.highlight = frozenset(muscle_ids)
        self._changed()

    def _changed(self, *_args) -> None:
        view_id = self.view_box.currentData() if self.view_box.currentIndex() >= 0 else None
        chart = None
        if self.atlas is not None and view_id is not None:
            chart = in_window_language(ChartPainter(self.atlas, view_id, style=self.style),
                                       self.atlas)
        self.canvas.caption = ""
        self.canvas.set_chart(chart)
        self._redraw()

    def _redraw(self) -> None:
        """What the chart shown draws from the sessions chosen and today's draft, worked out
        anew when it is next painted; the legend and the drafts line said anew now."""
        self._heat_cache = None
        self._grid_stale = True  # the heat map is computed when first painted (heat_grid)
        self._others = None  # and so are the diamonds (other_marks)
        self.grid = None
        self.canvas.update()
        if self.legend.fit():
            # Its least width asked afresh, shown or not: a page the tabs do not show keeps
            # Qt's cached sizes (its rows', its own, the tabs' stack's) until it is shown.
            self.body.invalidate()
            self.layout().invalidate()
            self.updateGeometry()
        self.legend.update()
        self._show_drafts()

    def drafts_left_out(self) -> list[Session]:
        """The drafts chosen that the chart neither draws nor sums: all but today's."""
        today = self.today()
        return [s for s in self.history.sessions if not s.is_signed and s.id != today]

    def _show_drafts(self) -> None:
        drafts = self.drafts_left_out()
        self.drafts.setVisible(bool(drafts))
        if not drafts:
            self.drafts.setText("")
            self.drafts.setToolTip("")
            return
        self.drafts.setText(self.tr("%n draft(s), not signed: not drawn, not in the heat map",
                                    "", len(drafts)))
        self.drafts.setToolTip(self.tr(
            "A draft is drawn and summed with the earlier visits once it is signed: until then "
            "it may still change, be withdrawn or be entered in error. Today's sites are those "
            "of the draft open in this window. Not signed: {sessions}.").format(
                sessions=", ".join(numeric_datetime(s.started_at) for s in drafts)))

    def heat_grid(self):
        """The heat map of the chosen signed sessions on the chart shown (None: nothing to
        show), computed when the chart or its legend is first painted after a change. Faded,
        their ages count from today's draft, else from the latest of them."""
        if self._grid_stale:
            self._grid_stale = False
            chart = self.canvas.chart
            self.grid = None
            signed = [s.id for s in self.history.sessions if s.is_signed]
            if chart is not None and signed:
                v = chart.view
                today = self.today()
                reference = self.history.session(today).started_at if today is not None \
                    else None
                self.grid = grasp_heat(self.history, v.id, v.width, v.height,
                                       session_ids=signed, reference=reference,
                                       half_life_days=self.fading.currentData() or None)
                self.legend.vmax = heat_vmax(self.grid)
        return self.grid

    def earlier_ids(self) -> list[int]:
        """The chosen sessions drawn as earlier ones, oldest first: the signed ones before
        today's draft (all the signed ones with none). Another draft chosen (one left unsigned,
        or in progress in another room or window) is no earlier visit: the grid says "draft,
        not signed" of it, the chart draws it nowhere and says so (`drafts_left_out`;
        domain.progress.earlier_visits)."""
        today = self.today()
        return [s.id for s in earlier_visits(self.history.sessions, today)]

    def other_marks(self) -> list[OtherChartMark]:
        """The diamonds of the muscles this chart draws that an earlier chosen session needled
        on another chart (render.other_charts), as the main chart and the progress report mark
        them; none while "Earlier sites" is off."""
        if self._others is None:
            chart = self.canvas.chart
            ids = self.earlier_ids()
            self._others = other_chart_marks(
                self.history, ids, {sid: len(ids) - i for i, sid in enumerate(ids)},
                chart) if chart is not None and ids and self.earlier.isChecked() else []
        return self._others

    def _paint(self, painter: QPainter, chart: ChartPainter) -> None:
        ids = self.history.ids
        notes = self.canvas.notes_on_chart()  # else the picture writes the key under it
        if self.heat.isChecked() and self.heat_grid() is not None:
            if self._heat_cache is None or self._heat_notes != notes:
                # (cleared whenever the data or options change)
                scratch = QImage(1, 1, QImage.Format.Format_RGB32)
                p = QPainter(scratch)  # the composed image is all we want here
                self._heat_cache = paint_heat_over_chart(
                    p, chart, self.grid, self.legend.vmax, pixels_per_unit=HEAT_PIXELS_PER_UNIT,
                    base_kwargs={"highlight": self.highlight, "notes": notes})
                self._heat_notes = notes
                p.end()
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(QRectF(0, 0, chart.view.width, chart.view.height),
                              self._heat_cache)
            painter.restore()
        else:
            chart.paint_base(painter, highlight=self.highlight, notes=notes)
        if not ids:
            return
        today, n_earlier = self.today_and_count()
        earlier = (earlier_markers(self.history.select(self.earlier_ids()), None,
                                   chart.view.id) if self.earlier.isChecked() else [])
        today_sites = ([s for s in self.history.sites_of(today) if s.view_id == chart.view.id]
                       if today is not None else [])
        scale = self.canvas.marker_scale()
        # The earlier sites, the diamonds over them, today's sites on top (the main chart's
        # order: its marks are on the overlay under the session's markers).
        paint_overlay(painter, chart, earlier, (), oldest=max(1, n_earlier), scale=scale)
        paint_other_chart_marks(painter, chart, self.other_marks(), max(1, n_earlier),
                                scale=scale)
        if today_sites:
            paint_overlay(painter, chart, (), today_sites, scale=scale)

    def today(self) -> int | None:
        """Today's session: this window's own session open, while it is a draft and chosen;
        else None (another room's or window's draft is never today's)."""
        if self.current_id is None or self.current_id not in self.history.ids:
            return None
        return None if self.history.session(self.current_id).is_signed else self.current_id

    def today_and_count(self) -> tuple[int | None, int]:
        """Today's session (`today`) and how many chosen visits came before it: the signed
        ones, each an age on the chart ("last time" the latest)."""
        return self.today(), len(self.earlier_ids())


def fitted_lines(text: str, size: float, width: float) -> list[str]:
    """`text` in lines no wider than `width` at `size` (a word longer than that alone on its
    line), broken between words."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


class _LegendStrip(QWidget):
    """The marker and heat legends, in a column beside the (tall, narrow) body chart: as wide
    as its words (`fit`), the rest of the tab the chart's.

    It was 230 px whatever it said, and the chart at least 250 px: with the visit list beside
    them, the panel was 684 px wide at least, 134 px more than its column at 960 px, and the
    newest visits of the Trend grid, the right end of each page, were out of sight until the
    panel was scrolled sideways (walk of 6 December)."""

    LINE = 26.0  # one line of the legends
    MARGIN = 8  # around the words
    LEAST = 120  # the heat legend's numbers and "more grasp" between them, the title wrapped
    MOST = 230  # the longest words a clinic could give its grades: the column's widest

    def __init__(self, owner: HistoryChart):
        super().__init__(owner)
        self.owner = owner
        self.vmax = 3.0
        self.setFixedWidth(self.MOST)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def ages(self) -> list[tuple[int, str]]:
        """The sessions' part of the legend: today's, last time's, the oldest's, as shown."""
        today, n_earlier = self.owner.today_and_count()
        ages = [(0, self.tr("today"))] if today is not None else []
        if n_earlier:
            ages.append((1, self.tr("last time")))
        if n_earlier > 2:
            ages.append((n_earlier, self.tr("%n session(s) ago", "", n_earlier)))
        return ages

    def fit(self) -> bool:
        """As wide as its longest word needs (the grades as the clinic calls them, the ages
        shown), between LEAST and MOST: the longer words ("needled on another chart", the heat
        map's title) go on more lines. Whether its width changed."""
        chart = self.owner.canvas.chart
        if chart is None:
            return False
        words = vertical_legend_width(chart, self.LINE, ages=self.ages(), grades=(3, 2, 1, 0),
                                      labels=self.owner.grasp_labels)
        width = min(self.MOST, max(self.LEAST, math.ceil(words) + 2 * self.MARGIN))
        if width == self.minimumWidth():
            return False
        self.setFixedWidth(width)
        return True

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        chart = self.owner.canvas.chart
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if chart is not None:
            w = self.width() - 12
            _today, n_earlier = self.owner.today_and_count()
            ages = self.ages()
            lines = 2 + 4 + len(ages)
            height = self.LINE * lines
            paint_overlay_legend(painter, chart, QRectF(8, 8, w, height), ages=ages,
                                 oldest=max(1, n_earlier), grades=(3, 2, 1, 0), vertical=True,
                                 labels=self.owner.grasp_labels)
            if self.owner.other_marks():
                # The diamond under the sessions' markers, as paint_overlay_legend sets them.
                r = self.LINE * 0.36
                y = 8 + self.LINE * (lines + 0.5)
                x = 8 + r * 1.2 + 2
                paint_other_chart_mark(painter, chart, x, y, 3, age_fade(1, max(1, n_earlier)),
                                       r)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(chart.style.caption))
                size, left = self.LINE * VERTICAL_TEXT, x + r * 1.8
                # on as many lines as the column needs (« puncturé sur un autre schéma »)
                lines_of = fitted_lines(self.tr("needled on another chart"), size,
                                        self.width() - 6 - left)
                for i, line in enumerate(lines_of):
                    painter.drawPath(text_path(line, size, anchor="left",
                                               at=(left, y + i * size * 1.25)))
                height += self.LINE + (len(lines_of) - 1) * size * 1.25
            if self.owner.heat.isChecked():
                self.owner.heat_grid()  # its top of the scale
                # A third heading under « Préhension » and « Séances », as large and bold,
                # its title on two lines where the column is too narrow for one.
                paint_heat_legend(painter, QRectF(8, height + 24, w - 4, self.LINE * 4),
                                  self.vmax, title=self.tr("Heat: grasp summed"),
                                  text_size=self.LINE * VERTICAL_TEXT, bold_title=True)
        painter.end()
