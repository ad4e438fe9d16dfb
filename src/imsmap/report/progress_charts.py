"""The progress report's body charts: for each view used, the grasp of the signed sessions as a
heat map blended into the chart (opaque: PDF/A-1b has no transparency), the earlier sessions'
sites faded by age and the latest session's on top; two views to a row, one heat scale for all. A
muscle of a chart that an earlier session needled on another chart has the window's diamond
with its grade at the muscle's label (render.other_charts).

Which chosen sessions the charts draw (`chart_sessions`), the window's rule
(domain.progress.earlier_visits): a comparison is made of signed visits, as amended.

- The latest chosen session is drawn on top as itself, signed or not. A draft there is the
  clinician previewing the course before signing: its sites are drawn with their grades, the
  key calls it "latest: draft, not signed" and a line over the charts says so; it is never a
  visit "before" anything, nor counted in the heat map (it may still change, be withdrawn or be
  entered in error).
- The sessions drawn faded under it ("the one before", ...) are the signed ones chosen before
  it, the latest ``EARLIER_SESSIONS`` of them; the heat map sums the signed ones chosen.
- Any other draft chosen stays in the report's tables, labelled "draft" there, and is drawn on
  no chart: the line over the charts names it (its visit number), never dropped silently.
"""
from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from imsmap.atlas import AtlasError
from imsmap.domain.heat import gaussian_heat
from imsmap.domain.models import Session, Site
from imsmap.domain.progress import History, earlier_visits
from imsmap.domain.text import fill
from imsmap.i18n.records import PLURAL, language, locale, translate
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.heatmap import blend_heat, paint_heat_legend, quiet_style, scale_top
from imsmap.render.other_charts import (
    other_chart_marks,
    paint_other_chart_mark,
    paint_other_chart_marks,
)
from imsmap.render.overlay import (
    EARLIER_SCALE,
    LAST_SCALE,
    age_fade,
    earlier_markers,
    faded_style,
    paint_overlay,
)
from imsmap.report.crop_words import enlargement_word_size, levels_shown, paint_levels
from imsmap.report.layout import INK, MUTED, RULE, Block, Doc, Paragraph, draw_titled
from imsmap.report.print_chart import (
    PRINT_STYLE,
    captions_in_records_language,
    crop_around,
    one_piece_side,
    paint_side_captions,
    records_words,
)
from imsmap.report.site_text import grasp_text
from imsmap.services.records import Records

__all__ = ["ChartLegend", "ChartSessions", "HeatChart", "HeatChartRow", "chart_sessions",
           "heat_chart_blocks"]

CHART_PANEL_MM = 112.0
# A row of charts at the foot of a page is drawn down to this share of CHART_PANEL_MM high
# rather than go over whole and leave half the page blank; smaller, its muscles and markers
# (drawn at a fixed size on paper) would crowd.
LEAST_PANEL_SHARE = 0.7
# ... or to this share where the charts draw the sites of one session only (a report of one
# visit): no earlier session's markers crowd among its own, and its charts went over whole and
# left 38-54 mm blank under the pain plot on page 1, which has one visit to plot
ONE_VISIT_PANEL_SHARE = 0.5
# ... and drawn up to this high where the row after it goes over to the next page: page 2 of
# the demo's reports ended 24 mm blank under their row of body views, the spinal chart's row
# going over
MOST_PANEL_MM = 140.0
EARLIER_SESSIONS = 3  # earlier sessions whose sites are drawn (faded) under the latest one's
HEAT_DPI = 200  # the chart-with-heat image (the markers on top stay vector)
HEAT_CELL = 6.0  # view units per heat-grid cell


def grade_mark(grasp: int | None) -> str | None:
    """What the latest session's markers carry written in them: their grade (earlier ones, and
    the key's grades, have its pips: render.markers).
    The grades' colours step down in lightness, but a clinic printing in black and white, or a
    reader who does not see colours as most do, could not tell a mild grasp from none, nor a
    strong one from a moderate one an age fade lightened, by their grey alone. These charts
    print no site numbers, so a digit here can only be the grade; an ungraded site has its
    dashed ring."""
    return None if grasp is None else str(grasp)


@dataclass(frozen=True)
class ChartSessions:
    """The chosen sessions the charts draw, and how (the module's rule)."""

    latest: Session  # on top, as itself (a draft too: labelled so)
    before: tuple[int, ...]  # faded under it: signed, before it, the latest EARLIER_SESSIONS
    heat: tuple[int, ...]  # summed in the heat map: the signed ones chosen
    left_out: tuple[Session, ...]  # the other drafts chosen: in the tables, on no chart
    drawn: tuple[int, ...]  # every session a chart draws (heat or markers), oldest first

    @property
    def latest_is_draft(self) -> bool:
        return not self.latest.is_signed


def chart_sessions(history: History) -> ChartSessions:
    """Which of `history`'s (chosen, non-empty) sessions the charts draw: see the module."""
    latest = history.sessions[-1]
    before = [s.id for s in earlier_visits(history.sessions, latest.id)]
    return ChartSessions(
        latest=latest, before=tuple(before[-EARLIER_SESSIONS:]),
        heat=tuple(s.id for s in history.sessions if s.is_signed),
        left_out=tuple(s for s in history.sessions[:-1] if not s.is_signed),
        drawn=tuple(s.id for s in history.sessions if s.is_signed or s is latest))


class HeatChart:
    """One view: the signed sessions' grasp as a heat map blended into the chart (opaque), the
    earlier signed sessions' sites faded by age and the latest session's sites on top."""

    def __init__(self, records: Records, history: History, view_id: str, sites: list[Site],
                 chosen: ChartSessions | None = None):
        """`sites`: those of the sessions drawn on this view; `chosen`: which are drawn how
        (default: `chart_sessions(history)`)."""
        chosen = chosen if chosen is not None else chart_sessions(history)
        layers: dict[str, int] = {}
        for s in sites:
            layers[s.layer] = layers.get(s.layer, 0) + 1
        layer = max(layers, key=lambda k: layers[k]) if layers else "superficial"
        self.chart = ChartPainter(records.atlas, view_id, layer, style=PRINT_STYLE)
        captions_in_records_language(self.chart, records.atlas)
        self.view = self.chart.view
        self.atlas = records.atlas  # the levels of the muscles drawn without one (crop_words)
        self.history = history
        self.sites = sites
        self.chosen = chosen
        latest = chosen.latest.id
        self.latest = [s for s in history.sites_of(latest) if s.view_id == view_id]
        before = list(chosen.before)
        self.earlier = earlier_markers(history.select(before), None, view_id)
        heat = set(chosen.heat)
        self.heat_sites = [s for s in sites if s.session_id in heat]
        self.others = other_chart_marks(history, before,
                                        {sid: len(before) - i for i, sid in enumerate(before)},
                                        self.chart)
        self.title = records.atlas.view_title(view_id, language())
        count = len({s.session_id for s in sites})
        sessions = translate("ProgressCharts", "%n session(s)", "", count, PLURAL)
        count = len(sites)
        self.note = fill(translate("ProgressCharts", "%n site(s) in %1", "", count, PLURAL),
                         [sessions])

        self._prepared: dict[float, tuple[tuple[float, float, float, float], np.ndarray]] = {}

    def prepare(self, aspect: float) -> tuple[tuple[float, float, float, float], np.ndarray]:
        """The crop around the sites for a panel of this aspect, and its heat grid (cached)."""
        key = round(aspect, 4)
        if key not in self._prepared:
            # around the sites and the marks of muscles needled on another chart
            crop = crop_around(self.view, [*self.sites, *self.others], aspect)
            self._prepared[key] = (crop, self.heat(crop))
        return self._prepared[key]

    def heat(self, crop: tuple[float, float, float, float], cell: float = HEAT_CELL
             ) -> np.ndarray:
        """Grasp summed over the signed sessions' sites as Gaussians (domain.heat.gaussian_heat)
        on a grid over the crop. The blur is wide (sigma 28 view units), so a coarse grid loses
        nothing: blend_heat interpolates it to the image's pixels."""
        cx, cy, cw, ch = crop
        sites = self.heat_sites  # the signed sessions' (the module's rule)
        xs = np.array([s.x - cx for s in sites], dtype=np.float64)
        ys = np.array([s.y - cy for s in sites], dtype=np.float64)
        ws = np.array([float(s.grasp) if s.grasp is not None else 0.0 for s in sites])
        shape = (max(1, round(ch / cell)), max(1, round(cw / cell)))
        return gaussian_heat(xs, ys, ws, cw, ch, shape, sigma=28.0)

    def paint(self, doc: Doc, painter: QPainter, rect: QRectF, crop, heat: np.ndarray,
              vmax: float) -> None:
        cx, cy, cw, ch = crop
        k = min(rect.width() / cw, rect.height() / ch)
        # The chart, rendered at HEAT_DPI for the crop only, with the heat blended in: opaque.
        px_per_device = HEAT_DPI / doc.dpi
        w = max(1, round(cw * k * px_per_device))
        h = max(1, round(ch * k * px_per_device))
        base = QImage(w, h, QImage.Format.Format_RGB32)
        base.fill(QColor(PRINT_STYLE.background))
        p = QPainter(base)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.scale(w / cw, h / ch)
        p.translate(-cx, -cy)
        quiet = ChartPainter(self.view, self.view.id, self.chart.layer,
                             style=quiet_style(PRINT_STYLE, 0.45))
        quiet.speak_as(self.chart)
        # A crop of the chart: its frame cut the drawing's level names ("L3" half shown), its
        # landmarks' names ("C7 vertebra promine") and its key, which names the muscles' labels
        # this chart does not print. The levels it shows lettered at its edge, as the session
        # record's enlargements letter them (crop_words), the landmarks' names at the size of
        # the words around it, inside the frame, and no key. Nor the view's caption: the panel's
        # title names the view and its frame's corners the sides (the crop cut the caption).
        crop_rect = QRectF(cx, cy, cw, ch)
        quiet.paint_base(p, within=crop_rect, notes=False, level_names=False,
                         word_size=enlargement_word_size(doc) / k, caption=False)
        p.end()
        image = blend_heat(base, heat, vmax)
        painter.save()
        painter.setClipRect(rect)
        target = QRectF(rect.x(), rect.y(), cw * k, ch * k)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(target, image)
        paint_levels(doc, painter, self.chart, levels_shown(self.chart, crop_rect, self.atlas), rect.x(),
                     lambda y: rect.y() + (y - cy) * k)
        painter.translate(rect.x(), rect.y())
        painter.scale(k, k)
        painter.translate(-cx, -cy)
        scale = doc.mm(1.9) / (PRINT_STYLE.marker_radius * k)
        paint_overlay(painter, self.chart, self.earlier, (), oldest=EARLIER_SESSIONS,
                      scale=scale)
        paint_other_chart_marks(painter, self.chart, self.others, EARLIER_SESSIONS, scale=scale)
        for s in sorted(self.latest, key=lambda s: -s.seq):
            self.chart.paint_marker(painter, s.x, s.y, grade_mark(s.grasp), s.grasp,
                                    cramp=s.cramp, scale=scale)
        painter.restore()
        painter.setPen(QPen(QColor(RULE), doc.pt(0.6)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(target)
        paint_side_captions(doc, painter, target, self.view.viewer_left_is,
                            only=one_piece_side(self.chart, crop_rect))


class HeatChartRow(Block):
    """One or two views side by side, each cropped to where its sites are."""

    def __init__(self, charts: Sequence[HeatChart], vmax: float, panel_mm: float = CHART_PANEL_MM,
                 least_share: float = LEAST_PANEL_SHARE):
        """``least_share``: of CHART_PANEL_MM, the lowest it is drawn at a page's foot
        (LEAST_PANEL_SHARE, or ONE_VISIT_PANEL_SHARE for one session's sites)."""
        self.charts = list(charts)
        self.vmax = vmax
        self.panel_mm = panel_mm
        self.least_share = least_share

    def _drawn(self, panel_mm: float) -> HeatChartRow:
        return HeatChartRow(self.charts, self.vmax, panel_mm, self.least_share)

    def _title_h(self, doc: Doc) -> float:
        return doc.line_height(doc.font(9.5, bold=True)) + doc.mm(1.2)

    def aspect(self, width_mm: float) -> float:
        n = len(self.charts)
        return ((width_mm - 5.0 * (n - 1)) / n) / self.panel_mm

    def height(self, doc: Doc, width: float) -> float:
        return self._title_h(doc) + doc.mm(self.panel_mm) + doc.mm(4)

    def _least_mm(self) -> float:
        return CHART_PANEL_MM * self.least_share

    def min_height(self, doc: Doc, width: float) -> float:
        return self._title_h(doc) + doc.mm(self._least_mm()) + doc.mm(4)

    def split(self, doc: Doc, width: float, avail: float, lead: float = 0.0
              ) -> tuple[Block, None] | None:
        """The row drawn smaller, as high as the room left on the page, where that keeps it
        readable (LEAST_PANEL_SHARE): a row that went over whole left the page above it half
        blank (the spinal chart after a row of two body views)."""
        room = (avail - self._title_h(doc) - doc.mm(4)) / doc.mm(1)
        if room < self._least_mm():
            return None
        return self._drawn(min(room, self.panel_mm)), None

    def shrink(self, doc: Doc, width: float, by: float) -> HeatChartRow | None:
        """The row drawn ``by`` lower, down to LEAST_PANEL_SHARE, where the row after it would
        go over to the next page (``layout.paginate``): a report's spinal chart went over and
        left 44 mm blank under the row of body views, and the report took a page more."""
        panel_mm = max(self._least_mm(), self.panel_mm - by / doc.mm(1))
        if panel_mm >= self.panel_mm:
            return None
        return self._drawn(panel_mm)

    def grow(self, doc: Doc, width: float, extra: float) -> HeatChartRow | None:
        """The row drawn taller into the blank the row after it leaves, going over (up to
        MOST_PANEL_MM): its views cropped to their sites show more around them."""
        panel_mm = min(MOST_PANEL_MM, self.panel_mm + extra / doc.mm(1))
        if panel_mm <= self.panel_mm:
            return None
        return self._drawn(panel_mm)

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        gap = doc.mm(5)
        n = len(self.charts)
        pw = (width - gap * (n - 1)) / n
        ph = doc.mm(self.panel_mm)
        title_font = doc.font(9.5, bold=True)
        small = doc.font(7.5)
        for i, chart in enumerate(self.charts):
            px = x + i * (pw + gap)
            draw_titled(doc, painter, px, y, pw, chart.title, title_font, chart.note, small,
                        gap_mm=2.0)
            rect = QRectF(px, y + self._title_h(doc), pw, ph)
            crop, heat = chart.prepare(pw / ph)
            chart.paint(doc, painter, rect, crop, heat, self.vmax)


class ChartLegend(Block):
    """The heat scale, and what the markers mean in the clinic's own grasp words, painted with
    the charts' own code (markers) and real text."""

    keep_with_next = True  # never alone at the foot of a page, away from its charts

    def __init__(self, chart: ChartPainter, vmax: float, labels: Sequence[str],
                 elsewhere: bool = False, latest_draft: bool = False):
        """`elsewhere`: a chart marks a muscle needled on another chart (the key says how);
        `latest_draft`: the latest session drawn is a draft (the key says so). The legend and
        the first row of charts go on a page together, and the heading before them with them
        (it keeps with the next: layout.paginate counts the row's least with it)."""
        self.latest_draft = latest_draft
        self.chart = chart
        self.vmax = vmax
        self.labels = tuple(labels)
        self.elsewhere = elsewhere

    def height(self, doc: Doc, width: float) -> float:
        return doc.mm(11) + doc.mm(3) + (doc.mm(5.2) if self.elsewhere else 0.0)

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        heat_w = width * 0.34
        paint_heat_legend(painter, QRectF(x, y, heat_w, doc.mm(11)), self.vmax,
                          title=translate("ProgressCharts",
                                          "Grasp summed over the signed sessions"),
                          style=PRINT_STYLE, translate=records_words,
                          decimal=locale().decimalPoint(),
                          background="#ffffff")
        font = doc.font(7)
        bold = doc.font(7, bold=True)
        lh = doc.line_height(font)
        size = doc.mm(3.6)
        k = size / 2 / PRINT_STYLE.marker_radius  # marker scale in device units
        row_h = doc.mm(5.2)
        x0 = x + heat_w + doc.mm(7)

        def label(text: str, at: float, mid: float, f=font) -> float:
            doc.draw_text(painter, QRectF(at, mid - lh / 2, width, lh), text, f, INK, wrap=False)
            return at + doc.text_width(text, f)

        mid = y + row_h / 2
        cx = label(translate("ProgressCharts", "Grasp:"), x0, mid, bold) + doc.mm(2)
        items = [(g, grasp_text(g, self.labels)) for g in range(len(self.labels))][::-1]
        items.append((None, translate("ProgressCharts", "not graded")))
        # Each grade as an earlier session's marker says it: its colour and its pips
        # (render.markers; the latest session's markers carry the digit instead, as the row
        # under this one shows). The window's key under the chart shows them the same way.
        for g, text in items:
            self.chart.paint_marker(painter, cx + size / 2, mid, None, g, scale=k, pips=True)
            cx = label(text, cx + size + doc.mm(1), mid) + doc.mm(3)
        mid = y + row_h * 1.5
        cx = label(translate("ProgressCharts", "Sites:"), x0, mid, bold) + doc.mm(2)
        latest = translate("ProgressCharts", "latest: draft, not signed") if \
            self.latest_draft else translate("ProgressCharts", "latest session")
        for age, text in ((0, latest),
                          (1, translate("ProgressCharts", "the one before")),
                          (EARLIER_SESSIONS, translate("ProgressCharts", "%n session(s) back",
                                                       "", EARLIER_SESSIONS, PLURAL))):
            if age == 0:
                self.chart.paint_marker(painter, cx + size / 2, mid, grade_mark(3), 3, scale=k)
            else:
                faded = copy.copy(self.chart)
                faded.style = faded_style(PRINT_STYLE, age_fade(age, EARLIER_SESSIONS))
                kk = k * (LAST_SCALE if age <= 1 else EARLIER_SCALE)
                faded.paint_marker(painter, cx + size / 2, mid, None, 3, scale=kk, pips=True)
            cx = label(text, cx + size + doc.mm(1), mid) + doc.mm(3)
        if self.elsewhere:  # a row of its own: the two above fill the width in French
            mid = y + row_h * 2.5
            cx = x0 + doc.text_width(translate("ProgressCharts", "Sites:"), bold) + doc.mm(2)
            paint_other_chart_mark(painter, self.chart, cx + size / 2, mid, 3,
                                   age_fade(1, EARLIER_SESSIONS), size / 2)
            label(translate("ProgressCharts", "needled on another chart"), cx + size + doc.mm(1),
                  mid)


def heat_chart_blocks(records: Records, history: History, labels: Sequence[str],
                      width_mm: float) -> list[Block]:
    """The charts of the views used (in the atlas's order), two to a row, after their legend;
    one heat scale for every view; over them, a line for the drafts (the module's rule). A
    sentence instead when no site can be drawn."""
    if not history.sessions:
        return [Paragraph(translate("ProgressCharts", "No sites were recorded in these sessions."),
                          9, italic=True)]
    chosen = chart_sessions(history)
    by_view: dict[str, list[Site]] = {}
    for sid in chosen.drawn:
        for site in history.sites_of(sid):
            by_view.setdefault(site.view_id, []).append(site)
    order = list(records.atlas.views)
    charts: list[HeatChart] = []
    for vid in sorted(by_view, key=lambda v: order.index(v) if v in order else len(order)):
        try:
            charts.append(HeatChart(records, history, vid, by_view[vid], chosen))
        except AtlasError:
            continue
    drafts = drafts_line(history, chosen)
    if not charts:
        return [*drafts, Paragraph(translate(
            "ProgressCharts", "No sites were recorded in these sessions."), 9, italic=True)]
    least = ONE_VISIT_PANEL_SHARE if len(chosen.drawn) == 1 else LEAST_PANEL_SHARE
    rows = [HeatChartRow(charts[i:i + 2], 0.0, least_share=least)
            for i in range(0, len(charts), 2)]
    peaks = [float(c.prepare(row.aspect(width_mm))[1].max())
             for row in rows for c in row.charts]
    vmax = scale_top(max(peaks, default=0.0))  # one scale for every view, the window's rule
    for row in rows:
        row.vmax = vmax
    return [*drafts, ChartLegend(charts[0].chart, vmax, labels,
                                 elsewhere=any(c.others for c in charts),
                                 latest_draft=chosen.latest_is_draft), *rows]


def drafts_line(history: History, chosen: ChartSessions) -> list[Block]:
    """One short line over the charts for the drafts chosen: the latest drawn as itself, the
    others drawn nowhere (none: no line)."""
    parts = []
    if chosen.latest_is_draft:
        parts.append(fill(translate(
            "ProgressCharts", "Visit %1 is a draft, not signed: drawn on top as such, not in "
            "the heat map."), [history.number(chosen.latest.id)]))
    if chosen.left_out:
        n_left = len(chosen.left_out)  # (a name: pyside6-lupdate skips a call with a call in it)
        parts.append(fill(translate(
            "ProgressCharts", "Not on the charts: %n draft(s), not signed (visit(s) %1).", "",
            n_left, PLURAL), [", ".join(str(history.number(s.id)) for s in chosen.left_out)]))
    if not parts:
        return []
    return [Paragraph(" ".join(parts), 8, colour=MUTED, after_mm=0.8, keep_with_next=True)]
