"""The progress report's trend plot: pain before and after each session, and under it the sites
needled, the muscles grasping and the grasp burden (each muscle's strongest grade added up), told
apart by line style and lightness (it must read on a grey printer).

A draft chosen (today's previewed before signing, one left unsigned) is plotted, never looking
like a signed visit (domain.progress.earlier_visits: a comparison is made of signed visits): its
points, bars and diamond hollow with a dotted outline, joined to no line (the lines join the
signed visits), "draft" under its visit's label, and the key says so.

A visit needled without grades has no bar of muscles grasping but "–" in its place, and the key
says so: a bar of 0 (drawn as nothing) read as every muscle released (`SessionMetrics.graded`,
as the report's tables tell it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from imsmap.domain.progress import History, SessionMetrics
from imsmap.domain.text import fill
from imsmap.i18n.records import day_month, translate
from imsmap.render.plot import (
    broken_polyline,
    count_axis,
    diamond,
    draft_pen,
    joined,
    labelled,
)
from imsmap.report.layout import INK, MUTED, RULE, Block, Doc

__all__ = ["TrendBlock"]

BEFORE = "#1f3b57"
AFTER = "#4f86b6"
RELIEF = "#c7d5e2"
SITES_FILL = "#d4d4d4"
GRASPING_FILL = "#6f6f6f"
MEAN = "#7a1426"
PLOT_GRID = "#e2e2e2"
TREND_MM = 78.0  # the plot's height, its titles and axes' labels included
# drawn down to this share of TREND_MM at a page's foot rather than go over (its pain scale
# keeps ~3 mm to each 2 points, its labels their size): at 75 % the plot and its heading still
# went over and left the progress report's page 1 blank 37-63 mm under the change section
# (the demo's patients 2 to 6), and at 47 mm high the pain and count scales read as well
LEAST_TREND_SHARE = 0.6
# ... and drawn up to this high where what follows it goes over to the next page: the plot
# under the sessions' table ended page 1 of some reports with 20-40 mm blank under it, the
# change section's table going over with its heading
MOST_TREND_MM = 100.0
UNGRADED = "–"  # in place of the bar of muscles grasping of a visit that graded nothing


class TrendBlock(Block):
    """Pain before (solid line, filled dots) and after (dashed, open dots) over the sessions;
    under it the sites needled (light bars), muscles grasping (dark bars) and the grasp burden
    (diamonds, on the bars' scale). Told apart by line style and lightness, not colour."""

    def __init__(self, history: History, metrics: Sequence[SessionMetrics],
                 height_mm: float = TREND_MM, after_mm: float = 3.0):
        self.history = history
        self.metrics = list(metrics)
        self.height_mm = height_mm
        self.after_mm = after_mm  # the space under it (none where a page break ends it)

    def height(self, doc: Doc, width: float) -> float:
        return doc.mm(self.height_mm + self.after_mm)

    def min_height(self, doc: Doc, width: float) -> float:
        return doc.mm(TREND_MM * LEAST_TREND_SHARE)

    def split(self, doc: Doc, width: float, avail: float, lead: float = 0.0
              ) -> tuple[Block, None] | None:
        """The plot without the space under it, drawn lower where the room left on the page
        asks it, down to LEAST_TREND_SHARE of its height: with its heading it went over whole
        and left page 1 blank under the change table."""
        room = min(avail / doc.mm(1), self.height_mm)
        if room < TREND_MM * LEAST_TREND_SHARE:
            return None
        return TrendBlock(self.history, self.metrics, room, 0.0), None

    def shrink(self, doc: Doc, width: float, by: float) -> TrendBlock | None:
        """The plot drawn ``by`` lower, down to LEAST_TREND_SHARE of its height, where what
        follows it would go over to the next page and leave a blank (``layout.paginate``): a
        report of one visit has little to plot, and its body charts went over."""
        height_mm = max(TREND_MM * LEAST_TREND_SHARE, self.height_mm - by / doc.mm(1))
        if height_mm >= self.height_mm:
            return None
        return TrendBlock(self.history, self.metrics, height_mm, self.after_mm)

    def grow(self, doc: Doc, width: float, extra: float) -> TrendBlock | None:
        """The plot drawn taller into the blank what follows it leaves going over (up to
        MOST_TREND_MM): its scales spread, its labels keep their size."""
        height_mm = min(MOST_TREND_MM, self.height_mm + extra / doc.mm(1))
        if height_mm <= self.height_mm:
            return None
        return TrendBlock(self.history, self.metrics, height_mm, self.after_mm)

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        m = self.metrics
        n = len(m)
        draft = [not s.signed for s in m]
        small = doc.font(6.5)
        label_font = doc.font(7.5, bold=True)
        lh = doc.line_height(small)
        left, right = doc.mm(9), doc.mm(9)
        top = y + doc.line_height(label_font) + doc.mm(1.5)
        total_h = doc.mm(self.height_mm)
        x_axis_h = (3 if any(draft) else 2) * lh + doc.mm(1)
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

        # the scale reaches its top label, at or above the highest value drawn
        step, count_max = count_axis(max([s.sites for s in m] + [s.muscles_grasping for s in m]
                                         + [s.grasp_burden or 0 for s in m] + [4]))

        def cy(v: float) -> float:
            return counts.bottom() - counts.height() * v / (count_max * 1.12)

        painter.save()
        # Titles and legends
        pain_title = translate("TrendPlot", "Pain (0–10)")
        doc.draw_text(painter, QRectF(x, y, width, lh * 2), pain_title, label_font, INK,
                      wrap=False)
        lx = x + doc.text_width(pain_title, label_font) + doc.mm(5)
        lx = self._legend_line(doc, painter, lx, y + doc.line_height(label_font) / 2, BEFORE,
                               Qt.PenStyle.SolidLine, True,
                               translate("TrendPlot", "before treatment"))
        lx = self._legend_line(doc, painter, lx, y + doc.line_height(label_font) / 2, AFTER,
                               Qt.PenStyle.DashLine, False,
                               translate("TrendPlot", "after treatment"))
        if any(draft):
            self._legend_draft(doc, painter, lx, y + doc.line_height(label_font) / 2,
                               translate("TrendPlot", "draft, not signed: hollow, not joined"))
        ty = pain.bottom() + doc.mm(2)
        per = translate("TrendPlot", "Per session")
        doc.draw_text(painter, QRectF(x, ty, width, lh * 2), per, label_font, INK,
                      wrap=False)
        lx = x + doc.text_width(per, label_font) + doc.mm(5)
        mid = ty + doc.line_height(label_font) / 2
        lx = self._legend_box(doc, painter, lx, mid, SITES_FILL,
                               translate("TrendPlot", "sites needled"))
        grasping = translate("TrendPlot", "muscles grasping")
        if not all(s.graded for s in m):
            grasping = fill(translate("TrendPlot", "%1 (–: needled, not graded)"), [grasping])
        lx = self._legend_box(doc, painter, lx, mid, GRASPING_FILL, grasping)
        lx = self._legend_diamond(doc, painter, lx, mid,
                                  translate("TrendPlot", "grasp burden (sum of grades)"))
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
            broken_polyline(painter, joined(pts, draft),
                            QPen(QColor(colour), doc.pt(1.3), style, Qt.PenCapStyle.RoundCap,
                                 Qt.PenJoinStyle.RoundJoin))
            for p, is_draft in zip(pts, draft):
                if p is None:
                    continue
                if is_draft:
                    painter.setPen(_draft_pen(doc, colour))
                    painter.setBrush(QColor("#ffffff"))
                    painter.drawEllipse(p, dot * 1.25, dot * 1.25)
                    continue
                painter.setPen(QPen(QColor(colour), doc.pt(1.0)))
                painter.setBrush(QColor(colour if filled else "#ffffff"))
                painter.drawEllipse(p, dot, dot)
        # Counts
        for v in range(0, count_max + 1, step):
            doc.rule(painter, counts.left(), counts.right(), cy(v), 0.4, PLOT_GRID)
            doc.draw_text(painter, QRectF(x, cy(v) - lh / 2, left - doc.mm(1.5), lh), str(v),
                          small, MUTED, Qt.AlignmentFlag.AlignRight, wrap=False)
        bar_w = min(doc.mm(3.2), slot * 0.34)
        for i, s in enumerate(m):
            for value, colour, bx in ((s.sites, SITES_FILL, cx(i) - bar_w - doc.pt(0.4)),
                                      (s.muscles_grasping, GRASPING_FILL, cx(i) + doc.pt(0.4))):
                if colour == GRASPING_FILL and not s.graded:  # no count: "–" in its place
                    doc.draw_text(painter, QRectF(bx - bar_w, counts.bottom() - lh, 3 * bar_w,
                                                  lh), UNGRADED, small, INK,
                                  Qt.AlignmentFlag.AlignHCenter, wrap=False)
                    continue
                bar = QRectF(bx, cy(value), bar_w, counts.bottom() - cy(value))
                if draft[i]:  # hollow: its outline in the bar's own grey, a darker one for light
                    painter.setPen(_draft_pen(doc, GRASPING_FILL if colour == SITES_FILL
                                              else INK))
                    painter.setBrush(QColor("#ffffff"))
                    painter.drawRect(bar.adjusted(doc.pt(0.4), doc.pt(0.4), -doc.pt(0.4), 0))
                    continue
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(colour))
                painter.drawRect(bar)
        doc.rule(painter, counts.left(), counts.right(), counts.bottom(), 0.6, RULE)
        pts = [QPointF(cx(i), cy(s.grasp_burden)) if s.grasp_burden is not None else None
               for i, s in enumerate(m)]
        broken_polyline(painter, joined(pts, draft),
                        QPen(QColor(MEAN), doc.pt(1.1)))
        d = min(doc.mm(1.2), slot * 0.32)
        for p, is_draft in zip(pts, draft):
            if p is None:
                continue
            painter.setPen(_draft_pen(doc, MEAN) if is_draft else QPen(QColor(MEAN), doc.pt(0.6)))
            painter.setBrush(QColor("#ffffff" if is_draft else MEAN))
            painter.drawPath(diamond(p, d * 1.15 if is_draft else d))
        # Each diamond's number above it (the window's plot has them in its tooltip), where it
        # fits: over 60 visits the numbers ran into each other ("16171818"). The first and the
        # last are placed first; a number that would touch one placed is left out.
        placed: list[QRectF] = []
        order = [i for i in (0, n - 1) if i < n] + list(range(1, n - 1))
        for i in dict.fromkeys(order):
            p, value = pts[i], m[i].grasp_burden
            if p is None:
                continue
            text = str(value)
            w = doc.text_width(text, small) + doc.mm(0.8)
            box = QRectF(p.x() - w / 2, p.y() - d - lh, w, lh)
            if any(box.intersects(other) for other in placed):
                continue
            placed.append(box)
            doc.draw_text(painter, box, text, small, MEAN, Qt.AlignmentFlag.AlignHCenter,
                          wrap=False)
        # x labels: visit number and date, thinned to what fits
        draft_word = translate("TrendPlot", "draft", "a visit not signed, under its label")
        label_w = max(doc.text_width("00 Mmm", small),
                      doc.text_width(draft_word, small) if any(draft) else 0.0) + doc.mm(1.5)
        every = max(1, math.ceil(label_w / slot))
        # the last label gets its place (no overlap with the one before), then the drafts': a
        # label too near one is left out
        shown = labelled(n, every, draft)
        for i in shown:
            s = m[i]
            box = QRectF(cx(i) - label_w / 2, counts.bottom() + doc.mm(0.8), label_w, lh)
            doc.draw_text(painter, box, f"#{self.history.number(s.session_id)}", small, INK,
                          Qt.AlignmentFlag.AlignHCenter, wrap=False)
            doc.draw_text(painter, box.translated(0, lh),
                          day_month(s.started_at), small, MUTED,
                          Qt.AlignmentFlag.AlignHCenter, wrap=False)
            if draft[i]:
                doc.draw_text(painter, box.translated(0, 2 * lh), draft_word, small, INK,
                              Qt.AlignmentFlag.AlignHCenter, wrap=False)
        painter.restore()

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

    def _legend_draft(self, doc, painter, x, mid, text) -> float:
        painter.setPen(_draft_pen(doc, BEFORE))
        painter.setBrush(QColor("#ffffff"))
        painter.drawEllipse(QPointF(x + doc.mm(1.2), mid), doc.mm(1.1), doc.mm(1.1))
        return self._legend_text(doc, painter, x + doc.mm(3.5), mid, text)

    def _legend_diamond(self, doc, painter, x, mid, text) -> float:
        painter.setPen(QPen(QColor(MEAN), doc.pt(1.1)))
        painter.drawLine(QPointF(x, mid), QPointF(x + doc.mm(6), mid))
        painter.setBrush(QColor(MEAN))
        painter.drawPath(diamond(QPointF(x + doc.mm(3), mid), doc.mm(1.1)))
        return self._legend_text(doc, painter, x + doc.mm(7.5), mid, text)



def _draft_pen(doc: Doc, colour: str) -> QPen:
    return draft_pen(colour, doc.pt(0.9))
