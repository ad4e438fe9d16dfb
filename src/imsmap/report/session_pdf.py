"""The session record as a PDF/A-1b document: what goes into the clinic's records system.

One call, ``write_session_pdf(records, session_id, out_path)``. Charts are painted as vectors by the
same ``ChartPainter`` the screen uses; all colours are opaque (PDF/A-1b has no transparency); text
is real text in an embedded font so that the records system can index it. The file appears
atomically: it is written next to ``out_path`` under a temporary name and then renamed.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPainter,
    QPen,
)
from PySide6.QtCore import qVersion

from imsmap import __version__
from imsmap.atlas import AtlasError
from imsmap.domain.models import (
    ADVERSE_EVENT_KINDS,
    FINDING_SIGNS,
    GRASP_LABELS,
    SessionRecord,
    Side,
    Site,
)
from imsmap.domain.segments import segmental_summary
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.style import LIGHT, ChartStyle, blend
from imsmap.report.layout import (
    INK,
    MUTED,
    RULE,
    Block,
    Cell,
    Column,
    Doc,
    Heading,
    KeyValues,
    Paragraph,
    Spacer,
    Table,
)
from imsmap.report.document import (
    DPI,
    DRAFT_INK,
    PAPERS,
    Frame,
    ReportError,
    device_resolution,
    lay_out,
    new_pdf_writer,
    paint_pages,
    paper_key,
    write_atomically,
)
from imsmap.report.pdfmeta import DocumentInfo, set_metadata
from imsmap.services import clinic as clinic_settings
from imsmap.services.clinic import ClinicSettings
from imsmap.services.records import Records, age_on, content_hash
from imsmap.services.safety import over_thorax

__all__ = ["DPI", "PAPERS", "ReportError", "write_session_pdf", "render_session_pdf"]

CHART_HEIGHT_MM = 118.0  # enlargement panels, when the page has room
CHART_MIN_MM = 82.0  # ... squeezed down to this to keep two charts on a page
CHART_GAP_MM = 5.0
PANEL_PENALTY = 0.75
READABLE_SPACING_MM = 6.0  # markers this far apart (centre to centre) read without overlap
MARKER_RADIUS_MM = 2.3  # numbered markers on the enlarged chart
MIN_MARKER_MM = 1.6
OVERVIEW_MARKER_MM = 0.85
ALERT = "#8a1c1c"


def _paler(colours: tuple[str, ...], t: float) -> tuple[str, ...]:
    return tuple(blend(c, "#ffffff", t).name() for c in colours)


# The screen's palette with the muscles paler: on paper, and above all on a grey printer, the
# grasp colours of the markers must stand out from the muscle under them. Still opaque colours.
PRINT_STYLE: ChartStyle = replace(
    LIGHT,
    name="print",
    muscle_fills=_paler(LIGHT.muscle_fills, 0.5),
    deep_fills=_paler(LIGHT.deep_fills, 0.5),
    fibre=blend(LIGHT.fibre, "#ffffff", 0.45).name(),
    highlight_fill=blend(LIGHT.highlight_fill, "#ffffff", 0.45).name(),
)


def _grasp_text(grasp: int | None, labels: Sequence[str] = GRASP_LABELS) -> str:
    if grasp is None:
        return "—"
    return f"{grasp} {labels[grasp]}" if 0 <= grasp < len(labels) else str(grasp)


def grasp_scale_text(labels: Sequence[str]) -> str:
    """"0 none, 1 mild, 2 moderate, 3 strong" in the clinic's own words."""
    return ", ".join(f"{g} {label}" for g, label in enumerate(labels))


def practitioner_line(session, settings: ClinicSettings) -> str:
    """The practitioner with a registration number: the session's own, else the clinic's list."""
    name = session.practitioner or ""
    reg = session.practitioner_registration or ""
    if not reg and name:
        known = settings.practitioner(name)
        reg = known.registration if known is not None else ""
    if not name:
        return "not recorded"
    return f"{name}\nReg. no. {reg}" if reg else f"{name}\nRegistration no. not recorded"


def logo_image(data: bytes | None, max_w: float, max_h: float) -> QImage | None:
    """The clinic logo scaled to fit ``max_w`` x ``max_h`` device pixels and composited onto
    white: an opaque image (PDF/A-1b has no transparency, so no alpha channel may reach the
    file). None when there is no logo or it cannot be read."""
    if not data:
        return None
    source = QImage.fromData(data)
    if source.isNull() or source.width() < 1 or source.height() < 1:
        return None
    k = min(max_w / source.width(), max_h / source.height())
    w, h = max(1, round(source.width() * k)), max(1, round(source.height() * k))
    out = QImage(w, h, QImage.Format.Format_RGB32)
    out.fill(QColor("#ffffff"))
    p = QPainter(out)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    p.drawImage(QRectF(0, 0, w, h), source)
    p.end()
    return out


def _fmt_dt(value: datetime | None, seconds: bool = False) -> str:
    if value is None:
        return "—"
    text = value.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    if value.tzinfo is not None:
        offset = value.strftime("%z")
        text += f" {offset[:3]}:{offset[3:]}" if offset else ""
    return text


def _fmt_mm(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}"


def _side_label(side: Side | str) -> str:
    return Side(side).label


# ------------------------------------------------------------------------------------- muscles
@dataclass(frozen=True)
class MuscleText:
    name: str
    nerve: str
    roots: str
    thorax: bool


def _muscle_text(records: Records, site: Site) -> MuscleText:
    try:
        m = records.atlas.muscle(site.muscle_id)
    except (AtlasError, KeyError):
        return MuscleText(site.muscle_id.replace("_", " ").capitalize(), "—", "—", False)
    roots = getattr(m, "roots_text", None) or "-".join(m.roots)
    nerve = m.nerve
    # The same rule as the signing checks (services.safety), so that the table's dagger and
    # the pneumothorax line of the consent section agree.
    thorax = over_thorax(records.atlas, site)
    if site.level:
        # A paraspinal site: the segment is its level, not the muscle's whole range.
        nerve = "Dorsal ramus (medial br.)"
        roots = f"{site.level} (segmental)"
    return MuscleText(m.name, nerve, roots, thorax)


# -------------------------------------------------------------------------------------- charts
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


def _bbox(sites: Sequence[Site]) -> tuple[float, float, float, float]:
    return (min(s.x for s in sites), min(s.y for s in sites), max(s.x for s in sites),
            max(s.y for s in sites))


def cluster_levels(sites: Sequence[Site], max_groups: int = 4) -> list[list[list[Site]]]:
    """Ways to group nearby sites: for 1..``max_groups`` groups, each a list of groups.

    Agglomerative: repeatedly merge the two groups whose joint extent is smallest. Each grouping
    comes out top to bottom, then left to right; sites in a group by number.
    """
    groups = [[s] for s in sites]
    levels: dict[int, list[list[Site]]] = {}

    def extent(a: list[Site], b: list[Site]) -> float:
        x0, y0, x1, y1 = _bbox(a + b)
        return max(x1 - x0, y1 - y0)

    def ordered(gs: list[list[Site]]) -> list[list[Site]]:
        out = [sorted(g, key=lambda s: s.seq) for g in gs]
        out.sort(key=lambda g: ((_bbox(g)[1] + _bbox(g)[3]) / 2, (_bbox(g)[0] + _bbox(g)[2]) / 2))
        return out

    while True:
        if len(groups) <= max_groups:
            levels[len(groups)] = ordered(groups)
        if len(groups) <= 1:
            break
        _size, i, j = min(((extent(groups[a], groups[b]), a, b) for a in range(len(groups))
                           for b in range(a + 1, len(groups))), key=lambda t: t[0])
        groups[i] = groups[i] + groups[j]
        del groups[j]
    return [levels[n] for n in sorted(levels)]


def _crop(view, sites: Sequence[Site], aspect: float) -> tuple[float, float, float, float]:
    """A view-unit rectangle (x, y, w, h) around the sites with aspect w/h = ``aspect``."""
    vw, vh = view.width, view.height
    pad = 0.075 * min(vw, vh)
    x0, y0, x1, y1 = _bbox(sites)
    x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    least = 0.34 * min(vw, vh)
    if x1 - x0 < least:
        cx = (x0 + x1) / 2
        x0, x1 = cx - least / 2, cx + least / 2
    if y1 - y0 < least:
        cy = (y0 + y1) / 2
        y0, y1 = cy - least / 2, cy + least / 2
    w, h = x1 - x0, y1 - y0
    if w / h < aspect:
        w = h * aspect
    else:
        h = w / aspect
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2

    def place(c: float, size: float, limit: float) -> float:
        if size >= limit:
            return (limit - size) / 2
        return min(max(c - size / 2, 0.0), limit - size)

    return place(cx, w, vw), place(cy, h, vh), w, h


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
        self.view = self.chart.view
        self.sites = list(sites)
        deep = self.chart.layer != self.view.layer_ids[0]
        layer_name = next((lay.name for lay in self.view.layers if lay.id == self.chart.layer),
                          self.chart.layer)
        name = f"{self.view.name} view" if self.view.kind == "body" else self.view.name
        self.title = name + (f" — {layer_name.lower()} layer" if deep else "")
        numbers = ", ".join(str(s.seq) for s in self.sites)
        self.note = f"site{'s' if len(self.sites) > 1 else ''} {numbers}"
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
                    panels.append(Panel(rect, _crop(self.view, group, pw / ph), group))
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
        title_font = doc.font(9.5, bold=True)
        lh = doc.line_height(title_font)
        doc.draw_text(painter, QRectF(x, y, width, lh), self.title, title_font, INK, wrap=False)
        small = doc.font(7.5)
        tx = x + doc.text_width(self.title, title_font) + doc.mm(2.5)
        doc.draw_text(painter, QRectF(tx, y + doc.metrics(title_font).ascent()
                                      - doc.metrics(small).ascent(), width - (tx - x), lh),
                      self.note, small, MUTED, wrap=False)
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
            self._paint_view(doc, painter, p, MARKER_RADIUS_MM, numbers=True, labels=False)
            if over is not None:
                painter.setPen(QPen(QColor(RULE), doc.pt(0.6)))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(p.rect)
                self._paint_sides(doc, painter, p)

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
        vli = self.view.viewer_left_is
        if vli not in ("L", "R"):
            return
        left = "Patient's right" if vli == "R" else "Patient's left"
        right = "Patient's left" if vli == "R" else "Patient's right"
        font = doc.font(6.5)
        lh = doc.line_height(font)
        pad = doc.mm(0.8)
        y = rect.bottom() - lh - pad
        for text, bx in ((left, rect.left() + pad),
                         (right, rect.right() - pad - doc.text_width(right, font))):
            w = doc.text_width(text, font)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#ffffff"))
            painter.drawRect(QRectF(bx - doc.mm(0.5), y, w + doc.mm(1.0), lh))
            doc.draw_text(painter, QRectF(bx, y, w + 1, lh), text, font, INK, wrap=False)

    def _paint_view(self, doc: Doc, painter: QPainter, panel: Panel, marker_mm: float, *,
                    numbers: bool, labels: bool) -> None:
        sx, sy, sw, sh = panel.crop
        k = panel.scale
        painter.save()
        painter.setClipRect(panel.rect)
        painter.translate(panel.rect.x(), panel.rect.y())
        painter.scale(k, k)
        painter.translate(-sx, -sy)
        painter.fillRect(QRectF(sx, sy, sw, sh), QColor(self.chart.style.background))
        needled = frozenset(s.muscle_id for s in self.sites)
        self.chart.paint_base(painter, labels=labels, highlight=needled if numbers else frozenset())
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
    pages fill rather than leave a hole the height of a chart."""

    def __init__(self, charts: Sequence[ChartBlock]):
        self.charts = list(charts)

    def height(self, doc: Doc, width: float) -> float:
        return sum(c.height(doc, width) for c in self.charts)

    def min_height(self, doc: Doc, width: float) -> float:
        return self.charts[0].with_height(CHART_MIN_MM).height(doc, width)

    def split(self, doc: Doc, width: float, avail: float
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
        panel_mm = min(CHART_HEIGHT_MM, (avail - overhead) / k / doc.mm(1.0))
        head = ChartGroup([c.with_height(panel_mm) for c in self.charts[:k]])
        tail = ChartGroup(self.charts[k:]) if k < len(self.charts) else None
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

    def height(self, doc: Doc, width: float) -> float:
        return doc.mm(5.0) + doc.mm(3)

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        font = doc.font(7.5)
        size = doc.mm(4.2)
        items: list[tuple[str, dict]] = [
            (f"{g} {label}", {"grasp": g}) for g, label in enumerate(self.labels)]
        items += [("not graded", {"grasp": None}), ("cramp felt", {"grasp": 1, "cramp": True}),
                  ("planned, not needled", {"grasp": None, "planned": True})]
        label = "Grasp:"
        lf = doc.font(7.5, bold=True)
        doc.draw_text(painter, QRectF(x, y + (size - doc.line_height(lf)) / 2, width, size),
                      label, lf, INK, wrap=False)
        cx = x + doc.text_width(label, lf) + doc.mm(2)
        for text, kw in items:
            self.drawer(painter, QRectF(cx, y, size, size), None, kw.get("grasp"),
                        cramp=kw.get("cramp", False), planned=kw.get("planned", False))
            cx += size + doc.mm(1.2)
            doc.draw_text(painter, QRectF(cx, y + (size - doc.line_height(font)) / 2, width, size),
                          text, font, INK, wrap=False)
            cx += doc.text_width(text, font) + doc.mm(4)


# ------------------------------------------------------------------------------ header/signing
class TitleBlock(Block):
    """Document title on the left; the clinic's logo, name and address on the right."""

    LOGO_MAX_MM = (42.0, 11.5)

    def __init__(self, clinic: str, address: str, draft: bool, logo: bytes | None = None,
                 title: str = "IMS treatment record",
                 subtitle: str = "Intramuscular stimulation (Gunn IMS) / dry needling"):
        self.clinic, self.address, self.draft = clinic, address, draft
        self.logo = logo
        self.title, self.subtitle = title, subtitle
        self._image: tuple[float, QImage | None] | None = None

    def _logo(self, doc: Doc) -> QImage | None:
        if self._image is None or self._image[0] != doc.dpi:
            w, h = (doc.mm(v) for v in self.LOGO_MAX_MM)
            self._image = (doc.dpi, logo_image(self.logo, w, h))
        return self._image[1]

    def height(self, doc: Doc, width: float) -> float:
        return doc.mm(15)

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        title_font = doc.font(15, bold=True)
        sub_font = doc.font(8)
        doc.draw_text(painter, QRectF(x, y, width, doc.mm(8)), self.title,
                      title_font, INK, wrap=False)
        doc.draw_text(painter, QRectF(x, y + doc.line_height(title_font), width, doc.mm(5)),
                      self.subtitle, sub_font, MUTED, wrap=False)
        right = Qt.AlignmentFlag.AlignRight
        text_right = x + width
        image = self._logo(doc)
        if image is not None:
            # Drawn 1:1 in device pixels (the image was scaled to the page's resolution).
            box = QRectF(x + width - image.width(), y, image.width(), image.height())
            painter.drawImage(box, image)
            text_right = box.left() - doc.mm(3)
        left_edge = x + doc.text_width(self.title, title_font) + doc.mm(6)
        if self.clinic:
            doc.draw_text(painter, QRectF(left_edge, y, text_right - left_edge, doc.mm(8)),
                          self.clinic, doc.font(11, bold=True), INK, right, wrap=False)
        if self.address:
            doc.draw_text(painter, QRectF(left_edge, y + doc.mm(5.5), text_right - left_edge,
                                          doc.mm(9)), self.address, sub_font, MUTED, right)
        doc.rule(painter, x, x + width, y + doc.mm(12.5), 1.4, INK)


class SignatureBlock(Block):
    def __init__(self, record: SessionRecord, digest_now: str):
        self.record = record
        self.digest_now = digest_now

    def _lines(self) -> list[tuple[str, str, str]]:
        """(text, style, colour) lines; style: 'b' bold, 'm' mono, '' plain."""
        s = self.record.session
        if s.is_signed:
            ok = self.digest_now == s.content_hash
            return [
                (f"Signed electronically by {s.signed_by or '—'} on {_fmt_dt(s.signed_at)}.",
                 "b", INK),
                ("Content hash (SHA-256) recorded at signing:", "", MUTED),
                (s.content_hash or "—", "m", INK),
                ("Integrity check: the session content printed here matches the signed hash."
                 if ok else
                 "INTEGRITY WARNING: the session content no longer matches the hash recorded at "
                 "signing. Refer to the audit trail before relying on this record.",
                 "" if ok else "b", INK if ok else ALERT),
                ("A signed record is locked; corrections appear below as dated amendments.", "",
                 MUTED),
            ]
        return [
            ("DRAFT — NOT SIGNED", "B", DRAFT_INK),
            ("This session has not been signed. It may still change and is not the final "
             "clinical record.", "", INK),
            ("Content hash (SHA-256) at export:", "", MUTED),
            (self.digest_now, "m", INK),
        ]

    def _font(self, doc: Doc, style: str):
        if style == "B":
            return doc.font(12, bold=True)
        return doc.font(8.5, bold=style == "b", mono=style == "m")

    def height(self, doc: Doc, width: float) -> float:
        inner = width - doc.mm(6)
        return (sum(doc.text_height(t, self._font(doc, st), inner) + doc.mm(0.6)
                    for t, st, _c in self._lines()) + doc.mm(6) + doc.mm(3))

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        draft = not self.record.session.is_signed
        h = self.height(doc, width) - doc.mm(3)
        painter.setPen(QPen(QColor(DRAFT_INK if draft else INK), doc.pt(2.0 if draft else 0.8)))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(QRectF(x, y, width, h))
        cy = y + doc.mm(3)
        inner = width - doc.mm(6)
        for text, style, colour in self._lines():
            font = self._font(doc, style)
            th = doc.text_height(text, font, inner)
            doc.draw_text(painter, QRectF(x + doc.mm(3), cy, inner, th), text, font, colour)
            cy += th + doc.mm(0.6)


# ------------------------------------------------------------------------------------- tables
SITE_COLUMNS = (  # weights are millimetres on A4 (178 mm between the margins)
    Column("#", 6.5, Qt.AlignmentFlag.AlignRight),
    Column("Muscle", 27),
    Column("Side", 10),
    Column("Level", 10),
    Column("Nerve · roots", 32),
    Column("Needle mm Ø × L", 15),
    Column("Depth mm", 10.5),
    Column("Grasp", 21.5),
    Column("Response", 21),
    Column("Notes", 24.5),
)


def _response(site: Site) -> str:
    parts = []
    if site.cramp:
        parts.append("cramp")
    if site.twitch:
        parts.append("twitch")
    if site.tissue_feel:
        parts.append(f"feel: {site.tissue_feel}")
    if site.release:
        parts.append(f"release: {site.release}")
    if site.sensation:
        parts.append(f"sensation: {site.sensation}")
    if site.estim:
        parts.append("e-stim")
    return "; ".join(parts) if parts else "—"


def _site_table(records: Records, sites: Sequence[Site], drawer: MarkerDrawer,
                labels: Sequence[str] = GRASP_LABELS) -> Table:
    rows = []
    thorax = False
    for s in sites:
        mt = _muscle_text(records, s)
        thorax = thorax or mt.thorax
        extra = []
        if s.layer and s.layer != "superficial":
            extra.append(f"{s.layer} layer")
        if s.planned:
            extra.append("PLANNED — not needled")

        def draw(painter, rect, s=s):
            drawer(painter, rect, None, s.grasp, cramp=s.cramp, planned=s.planned)

        rows.append([
            Cell(str(s.seq), bold=True),
            Cell(mt.name + (" †" if mt.thorax else ""), bold=True, small="; ".join(extra)),
            _side_label(s.side),
            s.level or "—",
            Cell(mt.nerve, small=mt.roots),
            f"{_fmt_mm(s.needle_diameter_mm)} × {_fmt_mm(s.needle_length_mm)}",
            _fmt_mm(s.depth_mm),
            Cell(_grasp_text(s.grasp, labels), draw=draw, draw_mm=3.4),
            _response(s),
            s.notes or "",
        ])
    foot = [f"Grasp graded {grasp_scale_text(labels)}; — not graded. "
            "Roots: * marks the dominant root; paraspinal sites are listed by their own level."]
    if thorax:
        foot.append("† Muscle over the thorax: pneumothorax risk.")
    return Table(SITE_COLUMNS, rows, size=7.5, footnote=" ".join(foot), title="Insertion sites")


def _segment_table(records: Records, sites: Sequence[Site], drawer: MarkerDrawer) -> Table | None:
    rows = segmental_summary(sites, records.atlas.catalogue)
    if not rows:
        return None
    sides = [Side.LEFT, Side.RIGHT]
    if any(r.side(Side.MIDLINE).count for r in rows):
        sides.append(Side.MIDLINE)
    by_seq = {s.seq: s for s in sites}
    columns = [Column("Root", 8)] + [Column(side.label, 27) for side in sides] + \
        [Column("Muscles (site numbers)", 60 if len(sides) == 2 else 40)]
    out = []
    for row in rows:
        cells: list[Cell | str] = [Cell(row.root, bold=True)]
        for side in sides:
            cell = row.side(side)
            if not cell.count:
                cells.append("")
                continue
            n = cell.count
            text = f"{n} site{'s' if n != 1 else ''}"
            if cell.dominant and cell.contributing:
                text += f" ({cell.dominant} dominant)"
            elif cell.dominant:
                text += " (dominant)"
            grades = [str(g) for g in range(len(cell.grades) - 1, -1, -1)
                      for _ in range(cell.grades[g])]
            small = ("grasp " + ", ".join(grades)) if grades else ""
            if cell.ungraded:
                small += ("; " if small else "") + f"{cell.ungraded} not graded"

            def draw(painter, rect, g=cell.max_grasp):
                drawer(painter, rect, None, g)

            cells.append(Cell(text, draw=draw, draw_mm=3.4, small=small))
        names: dict[str, list[int]] = {}
        for side in sides:
            for seq in row.side(side).sites:
                site = by_seq[seq]
                names.setdefault(_muscle_text(records, site).name, []).append(seq)
        cells.append("; ".join(f"{name} {', '.join(str(n) for n in sorted(nums))}"
                               for name, nums in names.items()))
        out.append(cells)
    note = ("The marker shows the strongest grasp on that side. 'Dominant': sites for which this "
            "is the muscle's main root; other sites share the root with neighbours. Root ranges "
            f"follow the body-chart catalogue (atlas {records.atlas.version}); textbooks vary.")
    return Table(columns, out, size=7.5, footnote=note, title="Segmental summary")


def _findings_table(record: SessionRecord) -> Table:
    cols = (Column("Sign (Gunn)", 52), Column("Location", 34), Column("Side", 14),
            Column("Notes", 78))
    rows = [[Cell(FINDING_SIGNS.get(f.sign, f.sign), bold=True), f.location or "—",
             _side_label(f.side), f.notes or ""] for f in record.findings]
    return Table(cols, rows, size=8, title="Examination findings")


NOT_RECORDED = "NOT RECORDED"


def _yes(value: bool, yes: str) -> Cell:
    return Cell(yes) if value else Cell(NOT_RECORDED, bold=True, colour=ALERT)


def _consent_table(records: Records, record: SessionRecord) -> Table:
    s = record.session
    rows: list[list[Cell | str]] = [
        [Cell("Informed consent", bold=True),
         _yes(s.consent, "Obtained before needling.")]]
    thoracic = [x for x in record.sites if not x.planned and over_thorax(records.atlas, x)]
    if thoracic:
        names: dict[str, list[int]] = {}
        for x in thoracic:
            names.setdefault(_muscle_text(records, x).name, []).append(x.seq)
        where = "; ".join(f"{n} ({', '.join(str(q) for q in seqs)})" for n, seqs in names.items())
        cell = _yes(s.pneumothorax_discussed, "Discussed with the patient.")
        cell.small = f"Muscles over the thorax needled: {where}."
        rows.append([Cell("Pneumothorax risk", bold=True), cell])
    return Table((Column("Item", 42), Column("Record", 136)), rows, size=8, zebra=False)


def _needles_table(record: SessionRecord) -> Table:
    s = record.session
    needled = sum(1 for x in record.sites if not x.planned)
    if s.needle_count is None:
        count = Cell(NOT_RECORDED, bold=True, colour=ALERT)
    else:
        count = Cell(str(s.needle_count), small=f"{needled} insertion site"
                     f"{'s' if needled != 1 else ''} charted")
    rows: list[list[Cell | str]] = [
        [Cell("Needles used", bold=True), count],
        [Cell("Needles accounted for", bold=True),
         _yes(s.needles_accounted, "All needles accounted for and disposed of as sharps.")],
    ]
    return Table((Column("Item", 42), Column("Record", 136)), rows, size=8, zebra=False)


def _adverse_table(record: SessionRecord) -> Table:
    cols = (Column("Adverse event", 52), Column("Severity", 24), Column("Action taken", 102))
    rows = [[Cell(ADVERSE_EVENT_KINDS.get(a.kind, a.kind), bold=True,
                  colour=ALERT if a.severity == "severe" else INK),
             Cell(a.severity, bold=a.severity == "severe"), a.action_taken or "—"]
            for a in record.adverse_events]
    return Table(cols, rows, size=8, title="Adverse events")


def _amendment_table(record: SessionRecord) -> Table:
    cols = (Column("Date", 17), Column("By", 14), Column("Reason", 30), Column("Amendment", 70))
    rows = [[_fmt_dt(a.created_at), a.created_by, a.reason, a.text] for a in record.amendments]
    return Table(cols, rows, size=8, title="Amendments")


# --------------------------------------------------------------------------------- the document
@dataclass
class Prepared:
    """Everything measured and paginated, ready to paint."""

    record: SessionRecord
    blocks: list[Block]
    pages: list
    doc_id: str
    digest: str
    generated: datetime
    running: str
    chart_blocks: list[ChartBlock]


def clinic_name(records: Records, settings: ClinicSettings) -> str:
    return settings.clinic_name or records.repo.setting("clinic.name", "") or ""


def _blocks(records: Records, record: SessionRecord, digest: str,
            settings: ClinicSettings) -> tuple[list[Block], list[ChartBlock]]:
    s, p = record.session, record.patient
    labels = settings.grasp_labels
    address = records.repo.setting("clinic.address", "") or ""
    blocks: list[Block] = [TitleBlock(clinic_name(records, settings), address,
                                      not s.is_signed, settings.logo_png)]
    age = age_on(p.birth_date, s.started_at.date())
    dob = p.birth_date.isoformat() if p.birth_date else "—"
    if age is not None:
        dob += f" (age {age})"
    needled = [x for x in record.sites if not x.planned]
    planned = len(record.sites) - len(needled)
    insertions = f"{len(needled)}" + (f" (+{planned} planned)" if planned else "")

    def pain(v: int | None) -> str:
        return "—" if v is None else f"{v}/10"

    blocks.append(KeyValues([
        ("Patient", p.display_name),
        ("Chart number", p.chart_number),
        ("Date of birth", dob),
        ("Session date and time", f"{s.started_at:%Y-%m-%d %H:%M}"),
        ("Practitioner", practitioner_line(s, settings)),
        ("Status", f"Signed {s.signed_at:%Y-%m-%d}" if s.is_signed and s.signed_at
         else ("Signed" if s.is_signed else "DRAFT — not signed")),
        ("Pain before → after (0-10)", f"{pain(s.pain_before)} → {pain(s.pain_after)}"),
        ("Insertion sites", insertions),
        ("Sex", p.sex.label),
    ], columns=3))
    blocks.append(Paragraph(s.complaint or "—", 9, label="Complaint"))
    if s.notes:
        blocks.append(Paragraph(s.notes, 9, label="Session notes"))

    blocks.append(Spacer(2))
    nf = len(record.findings)
    blocks.append(Heading("Examination findings",
                          note=f"{nf} sign{'s' if nf != 1 else ''} of neuropathy" if nf else ""))
    if record.findings:
        blocks.append(_findings_table(record))
    else:
        blocks.append(Paragraph("No examination findings were recorded.", 9, italic=True))
    blocks.append(Spacer(2))
    blocks.append(Heading("Consent"))
    blocks.append(_consent_table(records, record))

    drawer: MarkerDrawer | None = None
    charts: list[ChartBlock] = []
    groups: dict[tuple[str, str], list[Site]] = {}
    for site in record.sites:
        groups.setdefault((site.view_id, site.layer), []).append(site)
    order = list(records.atlas.views)

    def key(item):
        (vid, layer), _ = item
        view = records.atlas.views.get(vid)
        lidx = view.layer_ids.index(layer) if view and layer in view.layer_ids else 99
        return (order.index(vid) if vid in order else len(order), lidx, vid)

    missing: list[Site] = []
    for (vid, layer), sites in sorted(groups.items(), key=key):
        try:
            charts.append(ChartBlock(records, vid, layer, sites))
        except AtlasError:
            missing.extend(sites)
    if charts:
        drawer = MarkerDrawer(charts[0].chart)
    else:
        first = next(iter(records.atlas.views), None)
        drawer = (MarkerDrawer(ChartPainter(records.atlas, first, style=PRINT_STYLE)) if first
                  else None)

    blocks.append(Spacer(3))
    blocks.append(Heading("Body charts", note=f"{len(charts)} view{'s' if len(charts) != 1 else ''}"
                          " with sites; numbers match the site table"))
    if charts and drawer is not None:
        blocks.append(LegendBlock(drawer, labels))
        blocks.append(ChartGroup(charts))
    else:
        blocks.append(Paragraph("No sites were recorded in this session.", 9, italic=True))
    if missing:
        blocks.append(Paragraph(
            "Sites " + ", ".join(str(x.seq) for x in missing) + " belong to a chart view that "
            "this version of imsmap does not have; they are listed in the table only.", 8.5,
            colour=ALERT))

    if record.sites and drawer is not None:
        blocks.append(Spacer(3))
        blocks.append(Heading("Insertion sites", note=f"{len(record.sites)} site"
                              f"{'s' if len(record.sites) != 1 else ''}"))
        blocks.append(_site_table(records, record.sites, drawer, labels))
        seg = _segment_table(records, record.sites, drawer)
        if seg is not None:
            blocks.append(Spacer(3))
            blocks.append(Heading("Segmental summary", note="roots needled, by side"))
            blocks.append(seg)

    blocks.append(Spacer(3))
    blocks.append(Heading("Needles and adverse events"))
    blocks.append(_needles_table(record))
    if record.adverse_events:
        blocks.append(Spacer(1))
        blocks.append(_adverse_table(record))
    else:
        blocks.append(Paragraph("No adverse events were recorded.", 9, italic=True))
    blocks.append(Spacer(3))
    blocks.append(Heading("Outcome and plan"))
    blocks.append(Paragraph(f"{pain(s.pain_before)} → {pain(s.pain_after)}", 9,
                            label="Pain (0-10)", label_mm=34))
    blocks.append(Paragraph(s.tolerance or "not recorded", 9, label="Tolerance",
                            label_mm=34, italic=not s.tolerance))
    blocks.append(Paragraph(s.plan or "not recorded", 9, label="Plan", label_mm=34,
                            italic=not s.plan))

    blocks.append(Spacer(3))
    blocks.append(Heading("Signature"))
    blocks.append(SignatureBlock(record, digest))
    if s.is_signed or record.amendments:
        blocks.append(Spacer(2))
        blocks.append(Heading("Amendments", note=f"{len(record.amendments)}"))
        if record.amendments:
            blocks.append(_amendment_table(record))
        else:
            blocks.append(Paragraph("None.", 9, italic=True))
    return blocks, charts


def _document_id(record: SessionRecord, digest: str) -> str:
    return f"IMS-{record.session.id}-{digest[:12]}"


def render_session_pdf(records: Records, record: SessionRecord, device: QPagedPaintDevice, *,
                       generated: datetime, settings: ClinicSettings | None = None,
                       painter: QPainter | None = None) -> Prepared:
    """Lay out and paint ``record`` on a paged device: a QPdfWriter or a QPrinter (paper size
    already set). ``painter``: one already active on the device (print preview hands one
    over); otherwise one is begun and ended here."""
    if settings is None:
        settings = clinic_settings.load(records)
    return _render(records, record, device, generated, settings, painter)


def _render(records: Records, record: SessionRecord, device: QPagedPaintDevice,
            generated: datetime, settings: ClinicSettings, painter: QPainter | None) -> Prepared:
    doc = Doc(device, device_resolution(device))
    s, p = record.session, record.patient
    digest = s.content_hash if s.is_signed and s.content_hash else content_hash(record)
    doc_id = _document_id(record, digest)
    blocks, charts = _blocks(records, record, content_hash(record), settings)
    running = (f"{p.display_name} · Chart {p.chart_number}"
               + (f" · DOB {p.birth_date.isoformat()}" if p.birth_date else "")
               + f" · Session {s.started_at:%Y-%m-%d %H:%M}")
    frame = Frame(running=running, title="IMS treatment record", doc_id=doc_id,
                  generated=generated, draft=not s.is_signed)
    laid = lay_out(doc, device, blocks)
    paint_pages(device, laid, frame, painter)
    return Prepared(record, blocks, laid.pages, doc_id, digest, generated, running, charts)


def _title(record: SessionRecord) -> str:
    return (f"IMS treatment record — chart {record.patient.chart_number} — "
            f"{record.session.started_at:%Y-%m-%d %H:%M}")


def _subject(record: SessionRecord) -> str:
    s = record.session
    needled = sum(1 for x in record.sites if not x.planned)
    status = "signed" if s.is_signed else "draft, not signed"
    return (f"Intramuscular stimulation (Gunn IMS) / dry needling session of "
            f"{s.started_at:%Y-%m-%d} for chart {record.patient.chart_number}: {needled} "
            f"insertion site{'s' if needled != 1 else ''}; {status}.")


def write_session_pdf(records: Records, session_id: int, out_path: str | os.PathLike[str], *,
                      paper: str | None = None, generated: datetime | None = None) -> Path:
    """Write the session's record as a PDF/A-1b file at ``out_path``; return the path.

    paper: "A4" or "Letter"; None takes the clinic's setting. Needs a QGuiApplication (fonts).
    Raises NotFoundError for an unknown session, ReportError if the file cannot be written; an
    existing file is replaced atomically.
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("write_session_pdf needs a QGuiApplication (fonts); create one first.")
    return _write(records, session_id, out_path, paper, generated)


def _write(records: Records, session_id: int, out_path: str | os.PathLike[str],
           paper: str | None, generated: datetime | None) -> Path:
    settings = clinic_settings.load(records)
    key = paper_key(paper, settings.paper)
    record = records.session_record(session_id)
    generated = generated or datetime.now().astimezone().replace(microsecond=0)
    s = record.session
    digest = s.content_hash if s.is_signed and s.content_hash else content_hash(record)
    doc_id = _document_id(record, digest)
    author = s.practitioner or ""

    def write(tmp: Path) -> None:
        writer = new_pdf_writer(tmp, key, _title(record), author, doc_id)
        render_session_pdf(records, record, writer, generated=generated, settings=settings)
        del writer  # flush and close the file before the metadata update and the rename
        set_metadata(tmp, DocumentInfo(
            title=_title(record), author=author, subject=_subject(record),
            creator=f"imsmap {__version__}", producer=f"Qt {qVersion()}",
            created=generated, keywords=f"IMS; dry needling; chart {record.patient.chart_number}"))

    return write_atomically(out_path, write)
