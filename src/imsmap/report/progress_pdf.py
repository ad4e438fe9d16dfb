"""A patient's course of IMS treatment as one PDF/A-1b report: is it getting better?

``write_progress_pdf(records, patient_id, out_path)`` writes, in the session record's style
(same layout engine, header, footer and charts painter): the sessions in a table, each dated; the
change since the first session; the pain and grasp trend; the body charts of the views used, with
the grasp heat map and the latest sessions' sites; the muscle x session grasp matrix; and the
root x session matrix by side. Every colour is opaque (heat maps are blended into the chart
image, never laid over it), and every grasp cell carries its number, so it reads in grey.
"""

from __future__ import annotations

import copy
import hashlib
import math
import os
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, qVersion
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPainter,
    QPainterPath,
    QPen,
)

from imsmap import __version__
from imsmap.atlas import AtlasError
from imsmap.domain.models import GRASP_MAX, Patient, Site
from imsmap.domain.progress import (
    SIDES,
    GraspMatrix,
    History,
    RootMatrix,
    SessionMetrics,
    changes_since_first,
    compare_sessions,
    gaussian_heat,
    grasp_matrix,
    jaccard_consecutive,
    root_matrix,
    session_metrics,
)
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.heatmap import blend_heat, paint_heat_legend, quiet_style, ramp_colour
from imsmap.render.overlay import (
    EARLIER_SCALE,
    LAST_SCALE,
    age_fade,
    earlier_markers,
    faded_style,
    paint_overlay,
)
from imsmap.render.style import grey_level
from imsmap.report.document import (
    Frame,
    ReportError,
    device_resolution,
    lay_out,
    new_pdf_writer,
    paint_pages,
    paper_key,
    write_atomically,
)
from imsmap.report.layout import (
    GRID,
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
from imsmap.report.pdfmeta import DocumentInfo, set_metadata
from imsmap.report.session_pdf import (
    PRINT_STYLE,
    TitleBlock,
    _crop,
    clinic_name,
    grasp_scale_text,
)
from imsmap.services import clinic as clinic_settings
from imsmap.services.clinic import ClinicSettings
from imsmap.services.records import Records, age_on

__all__ = ["write_progress_pdf", "render_progress", "load_history"]

TITLE = "IMS progress report"
CHART_PANEL_MM = 112.0
EARLIER_SESSIONS = 3  # earlier sessions whose sites are drawn (faded) under the latest one's
HEAT_DPI = 200  # the chart-with-heat image (the markers on top stay vector)
HEAT_CELL = 6.0  # view units per heat-grid cell
MATRIX_LABEL_MM = 46.0
MATRIX_CELL_MIN_MM = 6.2
MATRIX_CHANGE_MM = 13.0


# ------------------------------------------------------------------------------------ the data
def load_history(records: Records, patient_id: int, session_ids: Iterable[int] | None = None
                 ) -> tuple[Patient, History]:
    """The patient and their sessions (all, or the chosen ones) with needled sites, oldest
    first. Visit numbers count all the patient's sessions, also when some are chosen."""
    patient = records.repo.patient(patient_id)
    sessions = records.repo.sessions_for_patient(patient_id)
    ids = [s.id for s in sessions]
    history = History.of(sessions, records.repo.sites_for_sessions(ids))
    if session_ids is not None:
        chosen = list(dict.fromkeys(session_ids))
        foreign = [sid for sid in chosen if sid not in set(ids)]
        if foreign:
            raise ReportError(f"Session {foreign[0]} is not one of {patient.display_name}'s "
                              f"(chart {patient.chart_number}) sessions.")
        history = history.select(chosen)
    return patient, history


def _muscle_name(records: Records, muscle_id: str) -> str:
    try:
        return records.atlas.muscle(muscle_id).name
    except (AtlasError, KeyError):
        return muscle_id.replace("_", " ").capitalize()


def _fmt_num(value: float, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:.{digits}f}"


def _signed(value: float | int | None, digits: int = 0, unit: str = "") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if digits:
        text = f"{value:+.{digits}f}"
    else:
        text = f"{int(round(value)):+d}"
    text = text.replace("-", "−")
    return text + unit


def _pain(v: int | None) -> str:
    return "—" if v is None else str(v)


# ------------------------------------------------------------------------------------ tables
def _sessions_table(history: History, metrics: Sequence[SessionMetrics]) -> Table:
    overlap = jaccard_consecutive(history)
    cols = (Column("Visit", 9, Qt.AlignmentFlag.AlignRight), Column("Date", 27),
            Column("Pain before", 13, Qt.AlignmentFlag.AlignRight),
            Column("Pain after", 13, Qt.AlignmentFlag.AlignRight),
            Column("Sites", 11, Qt.AlignmentFlag.AlignRight),
            Column("Muscles grasping", 20, Qt.AlignmentFlag.AlignRight),
            Column("Mean grasp", 14, Qt.AlignmentFlag.AlignRight),
            Column("Same muscles as before (Jaccard)", 27, Qt.AlignmentFlag.AlignRight),
            Column("Practitioner", 28), Column("Status", 16))
    rows = []
    for i, (s, m) in enumerate(zip(history.sessions, metrics)):
        j = "—" if i == 0 or math.isnan(overlap[i - 1]) else f"{overlap[i - 1]:.2f}"
        rows.append([
            Cell(str(history.number(s.id)), bold=True),
            Cell(f"{s.started_at:%Y-%m-%d %H:%M}", bold=True),
            _pain(m.pain_before), _pain(m.pain_after), str(m.sites),
            f"{m.muscles_grasping} of {m.muscles_treated}",
            _fmt_num(m.mean_grasp), j, s.practitioner or "—",
            Cell("signed" if s.is_signed else "DRAFT", bold=not s.is_signed),
        ])
    note = ("Pain 0-10. Muscles grasping: distinct muscles (per side; paraspinal sites per level) "
            "with a grasp of 1 or more, of those needled. Mean grasp over graded sites, 0-3. "
            "Same muscles as before: muscles needled in both this session and the one before, "
            "divided by those needled in either (1 = the same set, 0 = none in common).")
    return Table(cols, rows, size=7.5, footnote=note, title="Sessions")


def _change_table(history: History, metrics: Sequence[SessionMetrics]) -> Table:
    first, last = metrics[0], metrics[-1]
    since = changes_since_first(metrics)[-1]
    a = f"Visit {history.number(first.session_id)}, {first.started_at:%Y-%m-%d}"
    b = f"Visit {history.number(last.session_id)}, {last.started_at:%Y-%m-%d}"
    cols = (Column("", 42), Column(a, 34, Qt.AlignmentFlag.AlignRight),
            Column(b, 34, Qt.AlignmentFlag.AlignRight),
            Column("Change", 30, Qt.AlignmentFlag.AlignRight))

    def base(values: list) -> object:
        return next((v for v in values if v is not None and not
                     (isinstance(v, float) and math.isnan(v))), None)

    pb0 = base([m.pain_before for m in metrics])
    pa0 = base([m.pain_after for m in metrics])
    pct = "" if math.isnan(since.pain_before_pct) else f" ({since.pain_before_pct:+.0f}%)"
    rows = [
        [Cell("Pain before treatment", bold=True), _pain(pb0), _pain(last.pain_before),
         Cell(_signed(since.pain_before) + pct.replace("-", "−"), bold=True)],
        [Cell("Pain after treatment", bold=True), _pain(pa0), _pain(last.pain_after),
         Cell(_signed(since.pain_after), bold=True)],
        [Cell("Muscles grasping", bold=True), str(first.muscles_grasping),
         str(last.muscles_grasping), Cell(_signed(since.muscles_grasping), bold=True)],
        [Cell("Mean grasp (0-3)", bold=True), _fmt_num(first.mean_grasp),
         _fmt_num(last.mean_grasp), Cell(_signed(since.mean_grasp, 1), bold=True)],
        [Cell("Sites needled", bold=True), str(first.sites), str(last.sites),
         Cell(_signed(last.sites - first.sites), bold=True)],
    ]
    note = ("Pain is compared with the first session in which it was recorded; negative "
            "changes are improvements.")
    return Table(cols, rows, size=8, footnote=note, zebra=True)


def _comparison_paragraphs(records: Records, history: History) -> list[Block]:
    first, last = history.ids[0], history.ids[-1]
    cmp = compare_sessions(history, first, last, records.atlas.catalogue)

    def names(changes, grades: bool = True) -> str:
        out = []
        for c in changes:
            label = c.target.label(_muscle_name(records, c.target.muscle_id))
            if grades and c.before is not None and c.after is not None:
                label += f" {c.before}→{c.after}"
            out.append(label)
        return "; ".join(out) if out else "none"

    a, b = history.number(first), history.number(last)
    out: list[Block] = [Paragraph(
        f"Muscles compared between visit {a} and visit {b} (strongest grasp in each):", 8.5,
        colour=MUTED, after_mm=0.8)]
    for label, changes, grades in (("Released (grasp → 0)", cmp.resolved, True),
                                   ("Weaker grasp", cmp.better, True),
                                   ("Stronger grasp", cmp.worse, True),
                                   (f"Needled in visit {b} only", cmp.new, False),
                                   (f"Needled in visit {a} only", cmp.not_repeated, False)):
        out.append(Paragraph(names(changes, grades), 8.5, label=label, label_mm=44,
                             after_mm=0.8))
    return out


# ------------------------------------------------------------------------------------ trend plot
BEFORE = "#1f3b57"
AFTER = "#4f86b6"
RELIEF = "#c7d5e2"
SITES_FILL = "#d4d4d4"
GRASPING_FILL = "#6f6f6f"
MEAN = "#7a1426"
PLOT_GRID = "#e2e2e2"


class TrendBlock(Block):
    """Pain before (solid line, filled dots) and after (dashed, open dots) over the sessions;
    under it the sites needled (light bars), muscles grasping (dark bars) and mean grasp
    (diamonds, right-hand scale 0-3). Told apart by line style and lightness, not colour."""

    def __init__(self, history: History, metrics: Sequence[SessionMetrics], height_mm: float = 78):
        self.history = history
        self.metrics = list(metrics)
        self.height_mm = height_mm

    def height(self, doc: Doc, width: float) -> float:
        return doc.mm(self.height_mm + 3)

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        m = self.metrics
        n = len(m)
        small = doc.font(6.5)
        label_font = doc.font(7.5, bold=True)
        lh = doc.line_height(small)
        left, right = doc.mm(9), doc.mm(9)
        top = y + doc.line_height(label_font) + doc.mm(1.5)
        total_h = doc.mm(self.height_mm)
        x_axis_h = 2 * lh + doc.mm(1)
        gap = doc.line_height(label_font) + doc.mm(6)
        inner_h = total_h - (top - y) - x_axis_h - gap
        pain_h = inner_h * 0.55
        pain = QRectF(x + left, top, width - left - right, pain_h)
        counts = QRectF(pain.left(), pain.bottom() + gap, pain.width(), inner_h - pain_h)
        slot = pain.width() / max(1, n)

        def cx(i: int) -> float:
            return pain.left() + slot * (i + 0.5)

        def py(v: float) -> float:
            return pain.bottom() - pain.height() * v / 10.0

        count_max = max([s.sites for s in m] + [s.muscles_grasping for s in m] + [4])

        def cy(v: float) -> float:
            return counts.bottom() - counts.height() * v / (count_max * 1.12)

        def gy(v: float) -> float:
            return counts.bottom() - counts.height() * v / GRASP_MAX

        painter.save()
        # Titles and legends
        doc.draw_text(painter, QRectF(x, y, width, lh * 2), "Pain (0-10)", label_font, INK,
                      wrap=False)
        lx = x + doc.text_width("Pain (0-10)", label_font) + doc.mm(5)
        lx = self._legend_line(doc, painter, lx, y + doc.line_height(label_font) / 2, BEFORE,
                               Qt.PenStyle.SolidLine, True, "before treatment")
        lx = self._legend_line(doc, painter, lx, y + doc.line_height(label_font) / 2, AFTER,
                               Qt.PenStyle.DashLine, False, "after treatment")
        ty = pain.bottom() + doc.mm(2)
        doc.draw_text(painter, QRectF(x, ty, width, lh * 2), "Per session", label_font, INK,
                      wrap=False)
        lx = x + doc.text_width("Per session", label_font) + doc.mm(5)
        mid = ty + doc.line_height(label_font) / 2
        lx = self._legend_box(doc, painter, lx, mid, SITES_FILL, "sites needled")
        lx = self._legend_box(doc, painter, lx, mid, GRASPING_FILL, "muscles grasping")
        lx = self._legend_diamond(doc, painter, lx, mid, "mean grasp (0-3, right scale)")
        # Pain grid
        for v in range(0, 11, 2):
            doc.rule(painter, pain.left(), pain.right(), py(v), 0.4, PLOT_GRID)
            doc.draw_text(painter, QRectF(x, py(v) - lh / 2, left - doc.mm(1.5), lh), str(v),
                          small, MUTED, Qt.AlignmentFlag.AlignRight, wrap=False)
        doc.rule(painter, pain.left(), pain.right(), pain.bottom(), 0.6, RULE)
        # In-session relief: a thin bar from before to after
        painter.setPen(QPen(QColor(RELIEF), max(doc.pt(2.2), min(slot * 0.25, doc.pt(4))),
                            Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        for i, s in enumerate(m):
            if s.pain_before is not None and s.pain_after is not None:
                painter.drawLine(QPointF(cx(i), py(s.pain_before)), QPointF(cx(i),
                                                                           py(s.pain_after)))
        dot = min(doc.mm(1.1), slot * 0.3)
        for attr, colour, style, filled in (("pain_after", AFTER, Qt.PenStyle.DashLine, False),
                                            ("pain_before", BEFORE, Qt.PenStyle.SolidLine, True)):
            pts = [QPointF(cx(i), py(getattr(s, attr))) if getattr(s, attr) is not None else None
                   for i, s in enumerate(m)]
            self._polyline(painter, pts, QPen(QColor(colour), doc.pt(1.3), style,
                                              Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            painter.setPen(QPen(QColor(colour), doc.pt(1.0)))
            painter.setBrush(QColor(colour if filled else "#ffffff"))
            for p in pts:
                if p is not None:
                    painter.drawEllipse(p, dot, dot)
        # Counts
        for g in range(GRASP_MAX + 1):
            doc.rule(painter, counts.left(), counts.right(), gy(g), 0.4, PLOT_GRID)
            doc.draw_text(painter, QRectF(counts.right() + doc.mm(1.2), gy(g) - lh / 2,
                                          right, lh), str(g), small, MEAN, wrap=False)
        step = max(1, math.ceil(count_max / 4))
        for v in range(0, count_max + 1, step):
            doc.draw_text(painter, QRectF(x, cy(v) - lh / 2, left - doc.mm(1.5), lh), str(v),
                          small, MUTED, Qt.AlignmentFlag.AlignRight, wrap=False)
        bar_w = min(doc.mm(3.2), slot * 0.34)
        painter.setPen(Qt.PenStyle.NoPen)
        for i, s in enumerate(m):
            for value, colour, bx in ((s.sites, SITES_FILL, cx(i) - bar_w - doc.pt(0.4)),
                                      (s.muscles_grasping, GRASPING_FILL, cx(i) + doc.pt(0.4))):
                painter.setBrush(QColor(colour))
                painter.drawRect(QRectF(bx, cy(value), bar_w, counts.bottom() - cy(value)))
        doc.rule(painter, counts.left(), counts.right(), counts.bottom(), 0.6, RULE)
        pts = [QPointF(cx(i), gy(s.mean_grasp)) if not math.isnan(s.mean_grasp) else None
               for i, s in enumerate(m)]
        self._polyline(painter, pts, QPen(QColor(MEAN), doc.pt(1.1)))
        painter.setPen(QPen(QColor(MEAN), doc.pt(0.6)))
        painter.setBrush(QColor(MEAN))
        d = min(doc.mm(1.2), slot * 0.32)
        for p in pts:
            if p is not None:
                painter.drawPath(self._diamond(p, d))
        # x labels: visit number and date, thinned to what fits
        label_w = doc.text_width("00 Mmm", small) + doc.mm(1.5)
        every = max(1, math.ceil(label_w / slot))
        for i, s in enumerate(m):
            if i % every and i != n - 1:
                continue
            if i != n - 1 and n - 1 - i < every and (n - 1) % every:
                continue  # the last label gets its place; no overlap with the one before
            box = QRectF(cx(i) - label_w / 2, counts.bottom() + doc.mm(0.8), label_w, lh)
            doc.draw_text(painter, box, f"#{self.history.number(s.session_id)}", small, INK,
                          Qt.AlignmentFlag.AlignHCenter, wrap=False)
            doc.draw_text(painter, box.translated(0, lh),
                          f"{s.started_at.day} {s.started_at:%b}", small, MUTED,
                          Qt.AlignmentFlag.AlignHCenter, wrap=False)
        painter.restore()

    @staticmethod
    def _polyline(painter: QPainter, points: list[QPointF | None], pen: QPen) -> None:
        path = QPainterPath()
        drawing = False
        for p in points:
            if p is None:
                drawing = False
            elif drawing:
                path.lineTo(p)
            else:
                path.moveTo(p)
                drawing = True
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    @staticmethod
    def _diamond(c: QPointF, d: float) -> QPainterPath:
        path = QPainterPath(QPointF(c.x(), c.y() - d))
        path.lineTo(c.x() + d, c.y())
        path.lineTo(c.x(), c.y() + d)
        path.lineTo(c.x() - d, c.y())
        path.closeSubpath()
        return path

    def _legend_text(self, doc: Doc, painter: QPainter, x: float, mid: float, text: str) -> float:
        font = doc.font(7)
        lh = doc.line_height(font)
        doc.draw_text(painter, QRectF(x, mid - lh / 2, doc.text_width(text, font) + 2, lh), text,
                      font, INK, wrap=False)
        return x + doc.text_width(text, font) + doc.mm(4)

    def _legend_line(self, doc, painter, x, mid, colour, style, filled, text) -> float:
        painter.setPen(QPen(QColor(colour), doc.pt(1.3), style))
        painter.drawLine(QPointF(x, mid), QPointF(x + doc.mm(6), mid))
        painter.setPen(QPen(QColor(colour), doc.pt(1.0)))
        painter.setBrush(QColor(colour if filled else "#ffffff"))
        painter.drawEllipse(QPointF(x + doc.mm(3), mid), doc.mm(0.9), doc.mm(0.9))
        return self._legend_text(doc, painter, x + doc.mm(7.5), mid, text)

    def _legend_box(self, doc, painter, x, mid, colour, text) -> float:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRect(QRectF(x, mid - doc.mm(1.2), doc.mm(3.5), doc.mm(2.4)))
        return self._legend_text(doc, painter, x + doc.mm(4.5), mid, text)

    def _legend_diamond(self, doc, painter, x, mid, text) -> float:
        painter.setPen(QPen(QColor(MEAN), doc.pt(1.1)))
        painter.drawLine(QPointF(x, mid), QPointF(x + doc.mm(6), mid))
        painter.setBrush(QColor(MEAN))
        painter.drawPath(self._diamond(QPointF(x + doc.mm(3), mid), doc.mm(1.1)))
        return self._legend_text(doc, painter, x + doc.mm(7.5), mid, text)


# ------------------------------------------------------------------------------------ charts
class HeatChart:
    """One view: all the sessions' grasp as a heat map blended into the chart (opaque), the
    earlier sessions' sites faded by age and the latest session's sites on top."""

    def __init__(self, records: Records, history: History, view_id: str, sites: list[Site]):
        layers: dict[str, int] = {}
        for s in sites:
            layers[s.layer] = layers.get(s.layer, 0) + 1
        layer = max(layers, key=lambda k: layers[k]) if layers else "superficial"
        self.chart = ChartPainter(records.atlas, view_id, layer, style=PRINT_STYLE)
        self.view = self.chart.view
        self.history = history
        self.sites = sites
        latest = history.ids[-1]
        self.latest = [s for s in history.sites_of(latest) if s.view_id == view_id]
        self.earlier = earlier_markers(history, latest, view_id, max_sessions=EARLIER_SESSIONS)
        name = f"{self.view.name} view" if self.view.kind == "body" else self.view.name
        self.title = name
        self.note = (f"{len(sites)} site{'s' if len(sites) != 1 else ''} in "
                     f"{len({s.session_id for s in sites})} session"
                     f"{'s' if len({s.session_id for s in sites}) != 1 else ''}")

        self._prepared: dict[float, tuple[tuple[float, float, float, float], np.ndarray]] = {}

    def prepare(self, aspect: float) -> tuple[tuple[float, float, float, float], np.ndarray]:
        """The crop around the sites for a panel of this aspect, and its heat grid (cached)."""
        key = round(aspect, 4)
        if key not in self._prepared:
            crop = _crop(self.view, self.sites, aspect)
            self._prepared[key] = (crop, self.heat(crop))
        return self._prepared[key]

    def heat(self, crop: tuple[float, float, float, float], cell: float = HEAT_CELL
             ) -> np.ndarray:
        """Grasp summed over the sites as Gaussians (domain.progress.gaussian_heat) on a grid
        over the crop. The blur is wide (sigma 28 view units), so a coarse grid loses nothing:
        blend_heat interpolates it to the image's pixels."""
        cx, cy, cw, ch = crop
        xs = np.array([s.x - cx for s in self.sites], dtype=np.float64)
        ys = np.array([s.y - cy for s in self.sites], dtype=np.float64)
        ws = np.array([float(s.grasp) if s.grasp is not None else 0.0 for s in self.sites])
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
        quiet.paint_base(p)
        p.end()
        image = blend_heat(base, heat, vmax)
        painter.save()
        painter.setClipRect(rect)
        target = QRectF(rect.x(), rect.y(), cw * k, ch * k)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(target, image)
        painter.translate(rect.x(), rect.y())
        painter.scale(k, k)
        painter.translate(-cx, -cy)
        scale = doc.mm(1.9) / (PRINT_STYLE.marker_radius * k)
        paint_overlay(painter, self.chart, self.earlier, (), oldest=EARLIER_SESSIONS,
                      scale=scale)
        for s in sorted(self.latest, key=lambda s: -s.seq):
            self.chart.paint_marker(painter, s.x, s.y, None, s.grasp, cramp=s.cramp,
                                    scale=scale)
        painter.restore()
        painter.setPen(QPen(QColor(RULE), doc.pt(0.6)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(target)
        vli = self.view.viewer_left_is
        if vli in ("L", "R"):
            font = doc.font(6.5)
            lh = doc.line_height(font)
            pad = doc.mm(0.8)
            left = "Patient's right" if vli == "R" else "Patient's left"
            right_ = "Patient's left" if vli == "R" else "Patient's right"
            yy = target.bottom() - lh - pad
            for text, bx in ((left, target.left() + pad),
                             (right_, target.right() - pad - doc.text_width(right_, font))):
                tw = doc.text_width(text, font)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#ffffff"))
                painter.drawRect(QRectF(bx - doc.mm(0.5), yy, tw + doc.mm(1.0), lh))
                doc.draw_text(painter, QRectF(bx, yy, tw + 1, lh), text, font, INK, wrap=False)


class HeatChartRow(Block):
    """One or two views side by side, each cropped to where its sites are."""

    def __init__(self, charts: Sequence[HeatChart], vmax: float, panel_mm: float = CHART_PANEL_MM):
        self.charts = list(charts)
        self.vmax = vmax
        self.panel_mm = panel_mm

    def _title_h(self, doc: Doc) -> float:
        return doc.line_height(doc.font(9.5, bold=True)) + doc.mm(1.2)

    def aspect(self, width_mm: float) -> float:
        n = len(self.charts)
        return ((width_mm - 5.0 * (n - 1)) / n) / self.panel_mm

    def height(self, doc: Doc, width: float) -> float:
        return self._title_h(doc) + doc.mm(self.panel_mm) + doc.mm(4)

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        gap = doc.mm(5)
        n = len(self.charts)
        pw = (width - gap * (n - 1)) / n
        ph = doc.mm(self.panel_mm)
        title_font = doc.font(9.5, bold=True)
        small = doc.font(7.5)
        for i, chart in enumerate(self.charts):
            px = x + i * (pw + gap)
            doc.draw_text(painter, QRectF(px, y, pw, doc.line_height(title_font)), chart.title,
                          title_font, INK, wrap=False)
            tx = px + doc.text_width(chart.title, title_font) + doc.mm(2)
            doc.draw_text(painter, QRectF(tx, y + doc.metrics(title_font).ascent()
                                          - doc.metrics(small).ascent(), pw - (tx - px),
                                          doc.line_height(small)),
                          chart.note, small, MUTED, wrap=False)
            rect = QRectF(px, y + self._title_h(doc), pw, ph)
            crop, heat = chart.prepare(pw / ph)
            chart.paint(doc, painter, rect, crop, heat, self.vmax)


class ChartLegend(Block):
    """The heat scale, and what the markers mean in the clinic's own grasp words, painted with
    the charts' own code (markers) and real text."""

    keep_with_next = True  # never alone at the foot of a page, away from its charts

    def __init__(self, chart: ChartPainter, vmax: float, labels: Sequence[str],
                 first_row: Block | None = None):
        self.chart = chart
        self.vmax = vmax
        self.labels = tuple(labels)
        self.first_row = first_row

    def height(self, doc: Doc, width: float) -> float:
        return doc.mm(11) + doc.mm(3)

    def min_height(self, doc: Doc, width: float) -> float:
        # The legend and the first row of charts go on a page together (and the heading
        # before them with them).
        extra = self.first_row.height(doc, width) if self.first_row is not None else 0.0
        return self.height(doc, width) + extra

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        heat_w = width * 0.34
        paint_heat_legend(painter, QRectF(x, y, heat_w, doc.mm(11)), self.vmax,
                          title="Grasp summed over the sessions", style=PRINT_STYLE,
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
        cx = label("Grasp:", x0, mid, bold) + doc.mm(2)
        items = [(g, f"{g} {text}") for g, text in enumerate(self.labels)][::-1]
        items.append((None, "not graded"))
        for g, text in items:
            self.chart.paint_marker(painter, cx + size / 2, mid, None, g, scale=k)
            cx = label(text, cx + size + doc.mm(1), mid) + doc.mm(3)
        mid = y + row_h * 1.5
        cx = label("Sites:", x0, mid, bold) + doc.mm(2)
        for age, text in ((0, "latest session"), (1, "the one before"),
                          (EARLIER_SESSIONS, f"{EARLIER_SESSIONS} sessions back")):
            if age == 0:
                self.chart.paint_marker(painter, cx + size / 2, mid, None, 3, scale=k)
            else:
                faded = copy.copy(self.chart)
                faded.style = faded_style(PRINT_STYLE, age_fade(age, EARLIER_SESSIONS))
                kk = k * (LAST_SCALE if age <= 1 else EARLIER_SCALE)
                faded.paint_marker(painter, cx + size / 2, mid, None, 3, scale=kk)
            cx = label(text, cx + size + doc.mm(1), mid) + doc.mm(3)


# ------------------------------------------------------------------------------------ matrices
class MatrixBlock(Block):
    """Rows of labelled cells (a colour and a number each), one column per session; splits
    between rows and repeats its header. The number makes it read on a grey printer."""

    def __init__(self, title: str, columns: Sequence[tuple[str, str]],
                 rows: Sequence[tuple[str, Sequence[tuple[str, str, str] | None], str]],
                 change_title: str = "", first_row: int = 0, continued: bool = False,
                 footnote: str = ""):
        self.title = title
        self.columns = list(columns)  # (visit, date) per session column
        self.rows = list(rows)  # (label, cells (text, fill, ink) or None, change text)
        self.change_title = change_title
        self.first_row = first_row
        self.continued = continued
        self.footnote = footnote

    # geometry
    def _sizes(self, doc: Doc, width: float) -> tuple[float, float, float]:
        label_w = doc.mm(MATRIX_LABEL_MM)
        change_w = doc.mm(MATRIX_CHANGE_MM) if self.change_title else 0.0
        cell_w = (width - label_w - change_w) / max(1, len(self.columns))
        cell_w = min(cell_w, doc.mm(14))
        return label_w, change_w, cell_w

    def _row_h(self, doc: Doc) -> float:
        return doc.line_height(doc.font(7, condensed=True)) + doc.mm(1.3)

    def _header_h(self, doc: Doc) -> float:
        cap = doc.line_height(doc.font(8, bold=True)) + doc.mm(0.8) if self.continued else 0.0
        return cap + 3 * doc.line_height(doc.font(6.3, condensed=True)) + doc.mm(1.5)

    def _foot_h(self, doc: Doc, width: float) -> float:
        if not self.footnote:
            return 0.0
        return doc.mm(1) + doc.text_height(self.footnote, doc.font(6.8, condensed=True), width)

    def height(self, doc: Doc, width: float) -> float:
        return (self._header_h(doc) + len(self.rows) * self._row_h(doc)
                + self._foot_h(doc, width) + doc.mm(3))

    def min_height(self, doc: Doc, width: float) -> float:
        return self._header_h(doc) + self._row_h(doc) * min(3, len(self.rows))

    def split(self, doc: Doc, width: float, avail: float):
        fit = int((avail - self._header_h(doc)) // self._row_h(doc))
        if fit <= 0 or fit >= len(self.rows):
            return None
        if len(self.rows) - fit < 2 and fit > 2:
            fit -= 1
        head = MatrixBlock(self.title, self.columns, self.rows[:fit], self.change_title,
                           self.first_row, self.continued, "")
        tail = MatrixBlock(self.title, self.columns, self.rows[fit:], self.change_title,
                           self.first_row + fit, True, self.footnote)
        return head, tail

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        label_w, change_w, cell_w = self._sizes(doc, width)
        head_font = doc.font(6.3, condensed=True)
        hl = doc.line_height(head_font)
        font = doc.font(7, condensed=True)
        bold = doc.font(7, bold=True, condensed=True)
        rh = self._row_h(doc)
        if self.continued:
            doc.draw_text(painter, QRectF(x, y, width, doc.mm(5)), f"{self.title} (continued)",
                          doc.font(8, bold=True), MUTED, wrap=False)
            y += doc.line_height(doc.font(8, bold=True)) + doc.mm(0.8)
        total_w = label_w + cell_w * len(self.columns) + change_w
        hh = 3 * hl + doc.mm(1.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#dcdcdc"))
        painter.drawRect(QRectF(x, y, total_w, hh))
        doc.draw_text(painter, QRectF(x + doc.mm(1), y + doc.mm(0.7), label_w, hl),
                      "Visit", doc.font(6.3, bold=True, condensed=True), INK, wrap=False)
        doc.draw_text(painter, QRectF(x + doc.mm(1), y + doc.mm(0.7) + hl, label_w, hl),
                      "Day, month", head_font, MUTED, wrap=False)
        center = Qt.AlignmentFlag.AlignHCenter
        month_before = ""
        for j, (visit, date) in enumerate(self.columns):
            cx = x + label_w + j * cell_w
            day, _, month = date.partition(" ")
            doc.draw_text(painter, QRectF(cx, y + doc.mm(0.7), cell_w, hl), visit,
                          doc.font(6.3, bold=True, condensed=True), INK, center, wrap=False)
            doc.draw_text(painter, QRectF(cx, y + doc.mm(0.7) + hl, cell_w, hl), day,
                          head_font, MUTED, center, wrap=False)
            if month != month_before:  # the month where it starts, like a calendar
                doc.draw_text(painter, QRectF(cx, y + doc.mm(0.7) + 2 * hl, cell_w, hl), month,
                              head_font, MUTED, center, wrap=False)
                month_before = month
        if self.change_title:
            doc.draw_text(painter, QRectF(x + total_w - change_w, y + doc.mm(0.7), change_w, hh),
                          self.change_title, doc.font(6.3, bold=True, condensed=True), INK,
                          center)
        y += hh
        doc.rule(painter, x, x + total_w, y, 0.8, INK)
        pad = doc.mm(0.35)
        for i, (label, cells, change) in enumerate(self.rows):
            ry = y + i * rh
            doc.draw_text(painter, QRectF(x + doc.mm(1), ry + doc.mm(0.65), label_w - doc.mm(1.5),
                                          rh), label, font, INK, wrap=False)
            for j, cell in enumerate(cells):
                if cell is None:
                    continue
                text, fill, ink = cell
                box = QRectF(x + label_w + j * cell_w + pad, ry + pad, cell_w - 2 * pad,
                             rh - 2 * pad)
                painter.setPen(QPen(QColor(GRID), doc.pt(0.3)))
                painter.setBrush(QColor(fill))
                painter.drawRect(box)
                doc.draw_text(painter, box.adjusted(0, doc.mm(0.3), 0, 0), text, bold, ink,
                              center, wrap=False)
            if self.change_title:
                doc.draw_text(painter, QRectF(x + total_w - change_w, ry + doc.mm(0.65),
                                              change_w, rh), change, bold, INK, center,
                              wrap=False)
            doc.rule(painter, x, x + total_w, ry + rh, 0.25, GRID)
        if self.footnote:
            fy = y + len(self.rows) * rh + doc.mm(1)
            doc.draw_text(painter, QRectF(x, fy, width, 1e5), self.footnote,
                          doc.font(6.8, condensed=True), MUTED)


def _column_chunks(n: int, doc_width_mm: float, change: bool) -> list[range]:
    room = doc_width_mm - MATRIX_LABEL_MM - (MATRIX_CHANGE_MM if change else 0)
    per = max(1, int(room // MATRIX_CELL_MIN_MM))
    parts = math.ceil(n / per) if n else 1
    size = math.ceil(n / parts) if n else 0
    return [range(i, min(n, i + size)) for i in range(0, n, size)] if n else [range(0)]


def _session_columns(history: History, idx: Iterable[int]) -> list[tuple[str, str]]:
    return [(f"#{history.number(history.sessions[j].id)}",
             f"{history.sessions[j].started_at.day} {history.sessions[j].started_at:%b}")
            for j in idx]


def _grasp_matrix_blocks(records: Records, history: History, gm: GraspMatrix,
                         width_mm: float) -> list[Block]:
    style = PRINT_STYLE
    first, last = gm.first_last()
    out: list[Block] = []
    chunks = _column_chunks(len(gm.session_ids), width_mm, True)
    for c, cols in enumerate(chunks):
        rows = []
        for r, target in enumerate(gm.targets):
            cells: list[tuple[str, str, str] | None] = []
            for j in cols:
                if not gm.needled[r, j]:
                    cells.append(None)
                elif np.isnan(gm.grasp[r, j]):
                    cells.append(("–", "#ffffff", INK))
                else:
                    g = int(gm.grasp[r, j])
                    cells.append((str(g), style.grasp_fill(g).name(),
                                  style.grasp_text_colour(g).name()))
            if not any(cells) and len(chunks) > 1:
                continue  # not needled in these sessions: the other part shows it
            change = ("—" if np.isnan(first[r]) else
                      f"{int(first[r])}→{int(last[r])}")
            rows.append((target.label(_muscle_name(records, target.muscle_id)), cells, change))
        title = "Grasp by muscle and session"
        if len(chunks) > 1:
            a, b = history.number(history.sessions[cols[0]].id), \
                history.number(history.sessions[cols[-1]].id)
            title += f", visits {a}-{b}"
            out.append(Paragraph(f"Visits {a} to {b} (part {c + 1} of {len(chunks)})", 8,
                                 bold=True, colour=MUTED, after_mm=0.8))
        foot = ""
        if c == len(chunks) - 1:
            foot = (f"Strongest grasp of the muscle (per side; paraspinal sites per level) in "
                    f"the session: {grasp_scale_text(_labels(records))}; – needled, not graded; "
                    "blank: not needled. First→last: the first and the latest graded value.")
        out.append(MatrixBlock(title, _session_columns(history, cols), rows,
                               change_title="First→ last", footnote=foot))
    return out


def _labels(records: Records) -> tuple[str, ...]:
    return clinic_settings.load(records).grasp_labels


def _root_matrix_blocks(history: History, rm: RootMatrix, width_mm: float) -> list[Block]:
    total = rm.total
    vmax = float(total.max()) if total.size else 0.0
    vmax = max(vmax, 3.0)
    out: list[Block] = []
    chunks = _column_chunks(len(rm.session_ids), width_mm, False)
    side_names = {"L": "left", "R": "right", "M": "midline"}
    for c, cols in enumerate(chunks):
        rows = []
        for r, root in enumerate(rm.roots):
            for si, side in enumerate(SIDES):
                if not rm.sites[r, si, :].any():
                    continue
                cells: list[tuple[str, str, str] | None] = []
                for j in cols:
                    if not rm.sites[r, si, j]:
                        cells.append(None)
                        continue
                    v = float(total[r, si, j])
                    fill = ramp_colour(v / vmax) if v > 0 else QColor("#ffffff")
                    ink = "#ffffff" if grey_level(fill) < 0.5 else INK
                    cells.append((f"{v:g}", fill.name(), ink))
                if not any(cells) and len(chunks) > 1:
                    continue
                rows.append((f"{root} {side_names[side]}", cells, ""))
        title = "Summed grasp by root and side"
        if len(chunks) > 1:
            a, b = history.number(history.sessions[cols[0]].id), \
                history.number(history.sessions[cols[-1]].id)
            title += f", visits {a}-{b}"
            out.append(Paragraph(f"Visits {a} to {b} (part {c + 1} of {len(chunks)})", 8,
                                 bold=True, colour=MUTED, after_mm=0.8))
        foot = ""
        if c == len(chunks) - 1:
            foot = ("Sum of the grasp grades of the sites supplied by the root on that side "
                    "(a muscle with several roots counts for each; paraspinal sites for their "
                    "own level); 0: needled without grasp; blank: no site of that root. Darker "
                    "is more.")
        out.append(MatrixBlock(title, _session_columns(history, cols), rows, footnote=foot))
    return out


# ------------------------------------------------------------------------------------ document
def _practitioners(history: History, settings: ClinicSettings) -> str:
    seen: dict[str, str] = {}
    for s in history.sessions:
        if not s.practitioner:
            continue
        reg = s.practitioner_registration
        if not reg:
            known = settings.practitioner(s.practitioner)
            reg = known.registration if known else ""
        seen.setdefault(s.practitioner, reg)
    if not seen:
        return "not recorded"
    return "\n".join(f"{n}\nReg. no. {r}" if r else n for n, r in seen.items())


def _blocks(records: Records, patient: Patient, history: History, settings: ClinicSettings,
            width_mm: float) -> list[Block]:
    metrics = session_metrics(history)
    first, last = history.sessions[0], history.sessions[-1]
    address = records.repo.setting("clinic.address", "") or ""
    blocks: list[Block] = [TitleBlock(clinic_name(records, settings), address, False,
                                      settings.logo_png, title=TITLE,
                                      subtitle="Intramuscular stimulation (Gunn IMS) / dry "
                                               "needling: the course of treatment")]
    age = age_on(patient.birth_date, last.started_at.date())
    dob = patient.birth_date.isoformat() if patient.birth_date else "—"
    if age is not None:
        dob += f" (age {age})"
    total = len(records.repo.sessions_for_patient(patient.id))
    numbers = [history.number(s.id) for s in history.sessions]
    shown = f"{len(history)}" + (f" of {total}" if len(history) < total else "")
    drafts = sum(1 for s in history.sessions if not s.is_signed)
    blocks.append(KeyValues([
        ("Patient", patient.display_name),
        ("Chart number", patient.chart_number),
        ("Date of birth", dob),
        ("Period", f"{first.started_at:%Y-%m-%d} to {last.started_at:%Y-%m-%d}"),
        ("Sessions in this report", f"{shown} (visits {numbers[0]}-{numbers[-1]})"
         if len(numbers) > 1 else f"{shown} (visit {numbers[0]})"),
        ("Status", "all signed" if not drafts else f"{drafts} draft, not signed"),
        ("Practitioner", _practitioners(history, settings)),
        ("Sex", patient.sex.label),
        ("Complaint (latest session)", last.complaint or "—"),
    ], columns=3))

    blocks.append(Spacer(2))
    blocks.append(Heading("Sessions", note=f"{len(history)} session"
                          f"{'s' if len(history) != 1 else ''}, oldest first"))
    blocks.append(_sessions_table(history, metrics))
    if len(history) > 1:
        blocks.append(Spacer(2))
        blocks.append(Heading("Change since the first session",
                              note=f"visit {history.number(first.id)} → visit "
                                   f"{history.number(last.id)}"))
        blocks.append(_change_table(history, metrics))
        blocks.extend(_comparison_paragraphs(records, history))
    blocks.append(Spacer(3))
    blocks.append(Heading("Pain and grasp over the sessions"))
    blocks.append(TrendBlock(history, metrics))

    # Charts of the views used, most used first, two to a row.
    by_view: dict[str, list[Site]] = {}
    for s in history.sessions:
        for site in history.sites_of(s.id):
            by_view.setdefault(site.view_id, []).append(site)
    order = list(records.atlas.views)
    charts: list[HeatChart] = []
    for vid in sorted(by_view, key=lambda v: order.index(v) if v in order else len(order)):
        try:
            charts.append(HeatChart(records, history, vid, by_view[vid]))
        except AtlasError:
            continue
    blocks.append(Spacer(3))
    blocks.append(Heading("Where it grasped", note="heat: grasp summed over all sessions "
                          "shown; markers: the latest sessions' sites"))
    if charts:
        rows = [HeatChartRow(charts[i:i + 2], 0.0) for i in range(0, len(charts), 2)]
        peaks = [float(c.prepare(row.aspect(width_mm))[1].max())
                 for row in rows for c in row.charts]
        vmax = max(peaks + [3.0])  # one scale for every view: the same colour, the same sum
        for row in rows:
            row.vmax = vmax
        blocks.append(ChartLegend(charts[0].chart, vmax, settings.grasp_labels, rows[0]))
        blocks.extend(rows)
    else:
        blocks.append(Paragraph("No sites were recorded in these sessions.", 9, italic=True))

    gm = grasp_matrix(history, records.atlas.catalogue)
    blocks.append(Spacer(3))
    blocks.append(Heading("Grasp by muscle and session", note="strongest grasp per session"))
    if gm.targets:
        blocks.extend(_grasp_matrix_blocks(records, history, gm, width_mm))
    else:
        blocks.append(Paragraph("No needled sites.", 9, italic=True))
    rm = root_matrix(history, records.atlas.catalogue)
    blocks.append(Spacer(3))
    blocks.append(Heading("Summed grasp by root and side", note="the segmental view over time"))
    if rm.roots:
        blocks.extend(_root_matrix_blocks(history, rm, width_mm))
    else:
        blocks.append(Paragraph("No roots to show.", 9, italic=True))
    return blocks


def _doc_id(patient: Patient, history: History) -> str:
    h = hashlib.sha256()
    for s in history.sessions:
        h.update(f"{s.id}|{s.started_at.isoformat()}|{s.content_hash}|{s.updated_at};"
                 .encode())
    return f"IMS-P{patient.id}-{h.hexdigest()[:12]}"


def render_progress(records: Records, patient: Patient, history: History,
                    device: QPagedPaintDevice, *, generated: datetime,
                    settings: ClinicSettings | None = None,
                    painter: QPainter | None = None) -> int:
    """Lay out and paint the report on a paged device; returns the page count."""
    settings = settings or clinic_settings.load(records)
    doc = Doc(device, device_resolution(device))
    width_mm = (float(device.width()) / doc.mm(1.0)) - 2 * 16.0
    blocks = _blocks(records, patient, history, settings, width_mm)
    first, last = history.sessions[0], history.sessions[-1]
    running = (f"{patient.display_name} · Chart {patient.chart_number}"
               + (f" · DOB {patient.birth_date.isoformat()}" if patient.birth_date else "")
               + f" · Sessions {first.started_at:%Y-%m-%d} to {last.started_at:%Y-%m-%d}")
    frame = Frame(running=running, title=TITLE, doc_id=_doc_id(patient, history),
                  generated=generated)
    laid = lay_out(doc, device, blocks)
    paint_pages(device, laid, frame, painter)
    return len(laid.pages)


def write_progress_pdf(records: Records, patient_id: int, out_path: str | os.PathLike[str], *,
                       session_ids: Iterable[int] | None = None, paper: str | None = None,
                       generated: datetime | None = None) -> Path:
    """Write the patient's progress over their sessions (all, or ``session_ids``) as a
    PDF/A-1b file at ``out_path``; return the path. paper: "A4" or "Letter", None for the
    clinic's setting. Needs a QGuiApplication (fonts)."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("write_progress_pdf needs a QGuiApplication (fonts); create one "
                           "first.")
    settings = clinic_settings.load(records)
    key = paper_key(paper, settings.paper)
    patient, history = load_history(records, patient_id, session_ids)
    if not len(history):
        raise ReportError(f"{patient.display_name} (chart {patient.chart_number}) has no "
                          "sessions to report on.")
    generated = generated or datetime.now().astimezone().replace(microsecond=0)
    first, last = history.sessions[0], history.sessions[-1]
    title = (f"{TITLE} — chart {patient.chart_number} — {first.started_at:%Y-%m-%d} to "
             f"{last.started_at:%Y-%m-%d}")
    authors = list(dict.fromkeys(s.practitioner for s in history.sessions if s.practitioner))
    author = "; ".join(authors)
    subject = (f"Progress over {len(history)} intramuscular stimulation (Gunn IMS) / dry "
               f"needling session{'s' if len(history) != 1 else ''} for chart "
               f"{patient.chart_number}: pain, grasp by muscle and by root.")
    doc_id = _doc_id(patient, history)

    def write(tmp: Path) -> None:
        writer = new_pdf_writer(tmp, key, title, author, doc_id)
        render_progress(records, patient, history, writer, generated=generated,
                        settings=settings)
        del writer
        set_metadata(tmp, DocumentInfo(
            title=title, author=author, subject=subject, creator=f"imsmap {__version__}",
            producer=f"Qt {qVersion()}", created=generated,
            keywords=f"IMS; dry needling; progress; chart {patient.chart_number}"))

    return write_atomically(out_path, write)
