"""The session record's body charts: one block per view and layer, with the whole figure for
orientation and the parts with sites enlarged, markers numbered as in the site table; the group
that shrinks charts to fill a page; the legend of the markers.
"""

from __future__ import annotations

import copy
import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from imsmap.atlas import AtlasError
from imsmap.domain.models import Site
from imsmap.domain.text import fill
from imsmap.domain.vocabulary import GRASP_LABELS, layer_word
from imsmap.i18n.records import PLURAL, language, translate
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.lit_rows import site_parts
from imsmap.report.crop_words import enlargement_word_size, levels_shown, paint_levels
from imsmap.report.layout import INK, RULE, Block, Doc, draw_titled
from imsmap.report.print_chart import (
    PRINT_STYLE,
    bbox,
    captions_in_records_language,
    crop_around,
    one_piece_side,
    paint_side_captions,
)
from imsmap.report.site_text import grasp_text
from imsmap.services.records import Records

__all__ = ["CHART_HEIGHT_MM", "CHART_MAX_MM", "CHART_MIN_MM", "MARKER_RADIUS_MM", "MIN_MARKER_MM", "ChartBlock",
           "ChartGroup", "LegendBlock", "MarkerDrawer", "Panel", "chart_blocks", "cluster_levels"]

CHART_HEIGHT_MM = 118.0  # enlargement panels, when the page has room
CHART_MIN_MM = 82.0  # ... squeezed down to this to keep two charts on a page
# ... and drawn up to this where the room left under the last chart on a page is too small for
# the next one: a page 1 ended 21-31 mm blank under its one chart (the demo's sessions),
# the enlargements are drawn larger instead (their markers and words keep their size on paper)
CHART_MAX_MM = 150.0
CHART_GAP_MM = 5.0
PANEL_PENALTY = 0.75
READABLE_SPACING_MM = 6.0  # markers this far apart (centre to centre) read without overlap
MARKER_RADIUS_MM = 2.3  # numbered markers on the enlarged chart
MIN_MARKER_MM = 1.6
OVERVIEW_MARKER_MM = 0.85


class MarkerDrawer:
    """Draws grasp markers exactly as the charts do, at a size in device units."""

    def __init__(self, chart: ChartPainter):
        self.chart = chart

    def __call__(self, painter: QPainter, rect: QRectF, number: int | str | None,
                 grasp: int | None, cramp: bool = False, planned: bool = False) -> None:
        r_units = self.chart.style.marker_radius + (3.6 if cramp else 0.0)
        scale = (min(rect.width(), rect.height()) / 2.0) / r_units
        self.chart.paint_marker(painter, rect.center().x(), rect.center().y(), number, grasp,
                                cramp=cramp, planned=planned, scale=scale)


def cluster_levels(sites: Sequence[Site], max_groups: int = 4) -> list[list[list[Site]]]:
    """Ways to group nearby sites: for 1..``max_groups`` groups, each a list of groups.

    Agglomerative: repeatedly merge the two groups whose joint extent is smallest. Each grouping
    comes out top to bottom, then left to right; sites in a group by number.
    """
    # One bounding box per group, merged with the groups: the joint extent of two groups is
    # that of their two boxes (not of their joined site lists, recomputed for every pair). The
    # pairs wait in a heap ordered as the pairs were scanned before (extent, then position), so
    # a merge only adds the merged group's pairs.
    n = len(sites)
    groups: dict[int, list[Site]] = {k: [s] for k, s in enumerate(sites)}  # in position order
    boxes = {k: bbox([s]) for k, s in enumerate(sites)}
    version = dict.fromkeys(groups, 0)
    levels: dict[int, list[list[Site]]] = {}

    def joint(a: int, b: int) -> float:
        ax0, ay0, ax1, ay1 = boxes[a]
        bx0, by0, bx1, by1 = boxes[b]
        return max(max(ax1, bx1) - min(ax0, bx0), max(ay1, by1) - min(ay0, by0))

    def ordered() -> list[list[Site]]:
        keyed = sorted(groups, key=lambda k: ((boxes[k][1] + boxes[k][3]) / 2,
                                              (boxes[k][0] + boxes[k][2]) / 2))
        return [sorted(groups[k], key=lambda s: s.seq) for k in keyed]

    heap = [(joint(a, b), a, b, 0, 0) for a in range(n) for b in range(a + 1, n)]
    heapq.heapify(heap)
    while True:
        if len(groups) <= max_groups:
            levels[len(groups)] = ordered()
        if len(groups) <= 1:
            break
        while True:
            _size, i, j, vi, vj = heapq.heappop(heap)
            if version.get(i) == vi and version.get(j) == vj:
                break  # both groups still as they were when the pair was weighed
        (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = boxes[i], boxes[j]
        boxes[i] = (min(ax0, bx0), min(ay0, by0), max(ax1, bx1), max(ay1, by1))
        groups[i] = groups[i] + groups[j]
        del groups[j], boxes[j], version[j]
        version[i] += 1
        for k in groups:
            if k != i:
                a, b = (k, i) if k < i else (i, k)
                heapq.heappush(heap, (joint(a, b), a, b, version[a], version[b]))
    return [levels[m] for m in sorted(levels)]


@dataclass
class Panel:
    rect: QRectF  # device units on the page
    crop: tuple[float, float, float, float]  # view units
    sites: list[Site]
    letter: str = ""

    @property
    def scale(self) -> float:
        return min(self.rect.width() / self.crop[2], self.rect.height() / self.crop[3])

    def to_page(self, x: float, y: float) -> tuple[float, float]:
        k = self.scale
        return self.rect.x() + (x - self.crop[0]) * k, self.rect.y() + (y - self.crop[1]) * k


def _min_distance(sites: Sequence[Site]) -> float:
    """The least distance between two sites, in view units (inf for fewer than two)."""
    best = float("inf")
    for i, a in enumerate(sites):
        for b in sites[i + 1:]:
            best = min(best, ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5)
    return best


def _grids(n: int) -> list[tuple[int, int]]:
    return [(rows, cols) for rows in range(1, n + 1) for cols in range(1, n + 1)
            if rows * cols >= n and rows * cols - n < min(rows, cols)]


class ChartBlock(Block):
    """One view (one layer) with its sites: the whole figure for orientation, and the parts with
    sites enlarged (one panel per group of nearby sites), markers numbered as in the site table."""

    def __init__(self, records: Records, view_id: str, layer: str, sites: Sequence[Site]):
        self.chart = ChartPainter(records.atlas, view_id, layer, style=PRINT_STYLE)
        captions_in_records_language(self.chart, records.atlas)
        self.view = self.chart.view
        self.atlas = records.atlas  # the levels of the muscles drawn without one (crop_words)
        self.sites = list(sites)
        deep = self.chart.layer != self.view.layer_ids[0]
        atlas, lang = records.atlas, language()
        try:
            layer_name = atlas.layer_name(self.view.id, self.chart.layer, lang)
        except AtlasError:
            layer_name = self.chart.layer
        name = atlas.view_title(self.view.id, lang)
        self.title = fill(translate("SessionCharts", "%1 — %2 layer"),
                          [name, layer_word(self.chart.layer, layer_name, translate)]) \
            if deep else name
        numbers = ", ".join(str(s.seq) for s in self.sites)
        count = len(self.sites)
        self.note = fill(translate("SessionCharts", "site(s) %1", "", count, PLURAL),
                         [numbers])
        self.levels = cluster_levels(self.sites)
        self.panel_mm = CHART_HEIGHT_MM

    def with_height(self, panel_mm: float) -> ChartBlock:
        other = copy.copy(self)
        other.panel_mm = panel_mm
        return other

    def _title_height(self, doc: Doc) -> float:
        return doc.line_height(doc.font(9.5, bold=True)) + doc.mm(1.5)

    def height(self, doc: Doc, width: float) -> float:
        return self._title_height(doc) + doc.mm(self.panel_mm) + doc.mm(CHART_GAP_MM)

    def layout(self, doc: Doc, x: float, y: float, width: float
               ) -> tuple[QRectF | None, list[Panel]]:
        """The overview rectangle (None when one large figure serves) and the enlargements."""
        y += self._title_height(doc)
        panel_h = doc.mm(self.panel_mm)
        vw, vh = self.view.width, self.view.height
        full = (0.0, 0.0, vw, vh)
        overview_w = min(panel_h * vw / vh, width * 0.34)
        gap = doc.mm(4)
        area = QRectF(x + overview_w + gap, y, width - overview_w - gap, panel_h)
        best: tuple[tuple[float, float], float, list[Panel]] | None = None
        for groups in self.levels:
            n = len(groups)
            for rows, cols in _grids(n):
                pw = (area.width() - gap * (cols - 1)) / cols
                ph = (area.height() - gap * (rows - 1)) / rows
                panels = []
                for i, group in enumerate(groups):
                    r, c = divmod(i, cols)
                    rect = QRectF(area.x() + c * (pw + gap), area.y() + r * (ph + gap), pw, ph)
                    panels.append(Panel(rect, crop_around(self.view, group, pw / ph), group))
                zoom = min(p.scale for p in panels)
                # First: markers far enough apart to read (clamped: beyond that it is all one);
                # then: enlargement, each extra panel having to earn its place.
                spacing = min(_min_distance(p.sites) * p.scale for p in panels) / doc.mm(1.0)
                merit = (round(min(spacing, READABLE_SPACING_MM) * 4) / 4,
                         zoom * PANEL_PENALTY ** (n - 1))
                if best is None or merit > best[0]:
                    best = (merit, zoom, panels)
        assert best is not None
        _merit, zoom, panels = best
        whole = self._fit(QRectF(x, y, width, panel_h))
        whole_k = whole.width() / vw
        crowded = _min_distance(self.sites) * whole_k < 2.4 * doc.mm(MARKER_RADIUS_MM)
        if zoom < whole_k * 1.3 or (zoom < whole_k * 2.0 and not crowded):
            # Enlarging gains little: one large figure, centred, serves better.
            return None, [Panel(whole, full, self.sites)]
        if len(panels) > 1:
            for i, p in enumerate(panels):
                p.letter = "ABCDEFGH"[i]
        return self._fit(QRectF(x, y, overview_w, panel_h)), panels

    def marker_positions(self, doc: Doc, x: float, y: float, width: float
                         ) -> dict[int, tuple[float, float]]:
        """Device coordinates of each numbered marker when the block is painted at (x, y)."""
        _over, panels = self.layout(doc, x, y, width)
        return {s.seq: p.to_page(s.x, s.y) for p in panels for s in p.sites}

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        draw_titled(doc, painter, x, y, width, self.title, doc.font(9.5, bold=True), self.note,
                    doc.font(7.5))
        over, panels = self.layout(doc, x, y, width)
        if over is not None:
            self._paint_view(doc, painter, Panel(over, (0, 0, self.view.width, self.view.height),
                                                 self.sites), OVERVIEW_MARKER_MM,
                             numbers=False, labels=False)
            k = over.width() / self.view.width
            for p in panels:
                cx, cy, cw, ch = p.crop
                box = QRectF(over.x() + cx * k, over.y() + cy * k, cw * k, ch * k)
                box = box.intersected(over)
                painter.setPen(QPen(QColor(INK), doc.pt(0.9)))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(box)
                if p.letter:
                    self._tag(doc, painter, QPointF(box.left(), box.top()), p.letter, outside=True)
        for p in panels:
            # The chart's key (the spinal chart's abbreviations) is the overview's: an
            # enlargement's frame would cut it into fragments ("Il iliocost"). So is its
            # caption: the view's name, at the enlargement's scale, spanned the top of the
            # enlarged head ("Right lateral"); its sides are said at its foot (_paint_sides).
            self._paint_view(doc, painter, p, MARKER_RADIUS_MM, numbers=True, labels=False,
                             notes=over is None, caption=over is None,
                             word_cap=enlargement_word_size(doc) if over is not None else None)
            if over is not None:
                self._paint_levels(doc, painter, p)
                painter.setPen(QPen(QColor(RULE), doc.pt(0.6)))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(p.rect)
                self._paint_sides(doc, painter, p)

    def levels_beside(self, panel: Panel) -> list[tuple[str, float]]:
        """The spinal levels an enlargement shows, (level, view y) top to bottom. The chart's
        own level names are left out of an enlargement (at its scale they are several times the
        size of the words around it, cut by its frame, and most lie outside it): without these
        an enlargement of a few segments would not say which they are."""
        return levels_shown(self.chart, QRectF(*panel.crop), self.atlas)

    def _paint_levels(self, doc: Doc, painter: QPainter, panel: Panel) -> None:
        """The levels an enlargement shows, lettered at its left edge (crop_words)."""
        paint_levels(doc, painter, self.chart, self.levels_beside(panel), panel.rect.x(),
                     lambda y: panel.to_page(panel.crop[0], y)[1])

    def _tag(self, doc: Doc, painter: QPainter, at: QPointF, letter: str,
             outside: bool = False) -> None:
        """A small boxed letter tying an enlargement to its frame on the overview."""
        font = doc.font(7, bold=True)
        s = doc.line_height(font)
        box = QRectF(at.x() - (s if outside else 0), at.y(), s, s)
        painter.setPen(QPen(QColor(INK), doc.pt(0.6)))
        painter.setBrush(QColor(INK))
        painter.drawRect(box)
        doc.draw_text(painter, box, letter, font, "#ffffff", Qt.AlignmentFlag.AlignHCenter,
                      wrap=False)

    def _fit(self, box: QRectF) -> QRectF:
        """The largest rectangle of the view's aspect centred in ``box``."""
        vw, vh = self.view.width, self.view.height
        k = min(box.width() / vw, box.height() / vh)
        w, h = vw * k, vh * k
        return QRectF(box.x() + (box.width() - w) / 2, box.y() + (box.height() - h) / 2, w, h)

    def _paint_sides(self, doc: Doc, painter: QPainter, panel: Panel) -> None:
        """The letter of the enlargement, and which side of the patient is which (the chart's own
        caption is usually outside the enlarged part)."""
        rect = panel.rect
        if panel.letter:
            self._tag(doc, painter, rect.topLeft(), panel.letter)
        paint_side_captions(doc, painter, rect, self.view.viewer_left_is,
                            only=one_piece_side(self.chart, QRectF(*panel.crop)))

    def _paint_view(self, doc: Doc, painter: QPainter, panel: Panel, marker_mm: float, *,
                    numbers: bool, labels: bool, notes: bool = True, caption: bool = True,
                    word_cap: float | None = None) -> None:
        sx, sy, sw, sh = panel.crop
        k = panel.scale
        painter.save()
        painter.setClipRect(panel.rect)
        painter.translate(panel.rect.x(), panel.rect.y())
        painter.scale(k, k)
        painter.translate(-sx, -sy)
        painter.fillRect(QRectF(sx, sy, sw, sh), QColor(self.chart.style.background))
        # each site's muscle on its side, at its level, as the window lights it: by the
        # muscle's id both sides were lit, and multifidus at every level (a reader saw muscles
        # lit that nobody needled)
        regions = self.chart.regions()
        needled = frozenset(part for s in self.sites
                            for part in site_parts(s.muscle_id, s.side.value, s.layer,
                                                   s.level or None, regions))
        self.chart.paint_base(painter, labels=labels, highlight=needled if numbers else frozenset(),
                              within=QRectF(sx, sy, sw, sh),  # an enlargement: its part only
                              notes=notes, caption=caption,
                              word_size=None if word_cap is None else word_cap / k,
                              # an enlargement letters the levels it shows itself
                              level_names=word_cap is None)
        radius = doc.mm(marker_mm)
        if numbers:  # smaller markers where sites crowd, but never too small to read
            radius = max(doc.mm(MIN_MARKER_MM), min(radius, 0.5 * _min_distance(panel.sites) * k))
        scale = radius / (self.chart.style.marker_radius * k)
        for s in sorted(panel.sites, key=lambda s: -s.seq):  # low numbers on top
            self.chart.paint_marker(painter, s.x, s.y, s.seq if numbers else None, s.grasp,
                                    cramp=s.cramp, planned=s.planned, scale=scale)
        painter.restore()


class ChartGroup(Block):
    """The charts, in order; on a page with less room they shrink (down to CHART_MIN_MM) so that
    pages fill rather than leave a hole the height of a chart; above the next chart that goes
    over they grow (up to CHART_MAX_MM) into the room it leaves."""

    def __init__(self, charts: Sequence[ChartBlock]):
        self.charts = list(charts)

    def height(self, doc: Doc, width: float) -> float:
        return sum(c.height(doc, width) for c in self.charts)

    def min_height(self, doc: Doc, width: float) -> float:
        return self.charts[0].with_height(CHART_MIN_MM).height(doc, width)

    def split(self, doc: Doc, width: float, avail: float, lead: float = 0.0
              ) -> tuple[Block, Block | None] | None:
        used, k = 0.0, 0
        for chart in self.charts:
            need = chart.with_height(CHART_MIN_MM).height(doc, width)
            if used + need > avail:
                break
            used += need
            k += 1
        if k == 0:
            return None
        overhead = sum(c.height(doc, width) - doc.mm(c.panel_mm) for c in self.charts[:k])
        tail = ChartGroup(self.charts[k:]) if k < len(self.charts) else None
        # The charts this page holds share its room: squeezed where two fit only so, and, where
        # the next chart goes over anyway, drawn larger into the room it cannot use.
        most = CHART_MAX_MM if tail is not None else CHART_HEIGHT_MM
        panel_mm = min(most, (avail - overhead) / k / doc.mm(1.0))
        head = ChartGroup([c.with_height(panel_mm) for c in self.charts[:k]])
        return head, tail

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        for chart in self.charts:
            chart.paint(doc, painter, x, y, width)
            y += chart.height(doc, width)


class LegendBlock(Block):
    """What the marker colours and rings mean; the grade is also printed in the table."""

    keep_with_next = True

    def __init__(self, drawer: MarkerDrawer, labels: Sequence[str] = GRASP_LABELS):
        self.drawer = drawer
        self.labels = tuple(labels)

    ROW_MM = 5.0

    def items(self) -> list[tuple[str, dict]]:
        """What the key shows: each entry's words and its marker's look."""
        items: list[tuple[str, dict]] = [
            (grasp_text(g, self.labels), {"grasp": g}) for g in range(len(self.labels))]
        items += [(translate("SessionCharts", "not graded"), {"grasp": None}),
                  (translate("SessionCharts", "cramp felt"), {"grasp": 1, "cramp": True}),
                  (translate("SessionCharts", "planned, not needled"),
                   {"grasp": None, "planned": True})]
        return items

    def placed(self, doc: Doc, width: float) -> tuple[str, list[tuple[float, int, str, dict]]]:
        """The title, and each item's left edge (from the block's) and row: the items flow
        onto a second row when one row is too narrow for them (longer words, a clinic's own
        grasp labels)."""
        font, lf = doc.font(7.5), doc.font(7.5, bold=True)
        size = doc.mm(4.2)
        label = translate("SessionCharts", "Grasp:")
        start = doc.text_width(label, lf) + doc.mm(2)
        placed, cx, row = [], start, 0
        for text, kw in self.items():
            item_w = size + doc.mm(1.2) + doc.text_width(text, font)
            if cx > start and cx + item_w > width:
                cx, row = start, row + 1
            placed.append((cx, row, text, kw))
            cx += item_w + doc.mm(4)
        return label, placed

    def height(self, doc: Doc, width: float) -> float:
        rows = 1 + max(row for _x, row, _t, _k in self.placed(doc, width)[1])
        return doc.mm(self.ROW_MM) * rows + doc.mm(3)

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        font = doc.font(7.5)
        size = doc.mm(4.2)
        lf = doc.font(7.5, bold=True)
        label, placed = self.placed(doc, width)
        doc.draw_text(painter, QRectF(x, y + (size - doc.line_height(lf)) / 2, width, size),
                      label, lf, INK, wrap=False)
        for cx, row, text, kw in placed:
            top = y + row * doc.mm(self.ROW_MM)
            self.drawer(painter, QRectF(x + cx, top, size, size), None, kw.get("grasp"),
                        cramp=kw.get("cramp", False), planned=kw.get("planned", False))
            left = x + cx + size + doc.mm(1.2)
            doc.draw_text(painter, QRectF(left, top + (size - doc.line_height(font)) / 2,
                                          x + width - left, size), text, font, INK, wrap=False)


def chart_blocks(records: Records, sites: Sequence[Site]
                 ) -> tuple[list[ChartBlock], list[Site], MarkerDrawer | None]:
    """One chart per view and layer with sites, in the atlas's order of views and layers; the
    sites whose view this atlas lacks; and the marker drawer for the legend and the tables
    (None only when the atlas has no views at all)."""
    charts: list[ChartBlock] = []
    groups: dict[tuple[str, str], list[Site]] = {}
    for site in sites:
        groups.setdefault((site.view_id, site.layer), []).append(site)
    order = list(records.atlas.views)

    def key(item):
        (vid, layer), _ = item
        view = records.atlas.views.get(vid)
        lidx = view.layer_ids.index(layer) if view and layer in view.layer_ids else 99
        return (order.index(vid) if vid in order else len(order), lidx, vid)

    missing: list[Site] = []
    for (vid, layer), group in sorted(groups.items(), key=key):
        try:
            charts.append(ChartBlock(records, vid, layer, group))
        except AtlasError:
            missing.extend(group)
    if charts:
        drawer = MarkerDrawer(charts[0].chart)
    else:
        first = next(iter(records.atlas.views), None)
        drawer = (MarkerDrawer(ChartPainter(records.atlas, first, style=PRINT_STYLE)) if first
                  else None)
    return charts, missing, drawer
