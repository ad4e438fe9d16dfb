"""Pain before/after per session, with the counts under it: painted with QPainter, no plotting
library. Top: pain 0-10, before as a solid line with filled dots, after as a dashed line with
open dots (told apart in grey by line style, not colour). Bottom: sites needled (light bars),
muscles grasping (dark bars) and the grasp burden (each muscle's strongest grade added up:
diamonds on the bars' scale, the left-hand one). A visit needled without grades has no bar of
muscles grasping but "–" in its place, and the key says so: its 0 is no count of muscles that
released (`SessionMetrics.graded`, as the summary and the report's tables tell it).

A draft chosen (today's before signing, one left unsigned, another room's) is plotted as the
progress report's trend plot plots it (render.plot's rule): hollow with a dotted outline, joined
to no line, "draft" under its date, and a key entry saying so.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from imsmap.domain.local_time import local_date
from imsmap.domain.progress import SessionMetrics
from imsmap.render.plot import (
    broken_polyline,
    count_axis,
    diamond,
    draft_pen,
    joined,
    labelled,
)
from imsmap.ui.wording import numeric_date

__all__ = ["PainPlot", "PlotLayout", "paint_progress_plot"]

BEFORE = QColor("#1f3b57")
AFTER = QColor("#4f86b6")
SITES = QColor("#d9d9d9")
GRASPING = QColor("#8a8a8a")
MEAN = QColor("#7a1426")
GRID = QColor("#e6e6e6")
AXIS = QColor("#555555")
TEXT = QColor("#333333")
PAIN_MAX = 10


class PlotLayout:
    """Where things go inside a rectangle: shared by painting and by tests."""

    def __init__(self, rect: QRectF, n: int, count_max: int, drafts: bool = False,
                 ungraded: bool = False):
        self.rect = rect
        self.n = n
        # the scale reaches its top label, at or above the highest value drawn
        self.count_step, self.count_max = count_axis(count_max)
        # a draft's "draft" under its date takes a second line
        left, right, top, bottom = 34.0, 34.0, 26.0, 46.0 if drafts else 30.0
        # The keys' items, on as many rows as the width needs (their words ran off the plot's
        # right edge in a narrow window: « charge de préhen », "draft, not signed: hollo").
        self.pain_key = key_places(pain_key_words(drafts), rect.left() + PAIN_KEY_AT,
                                   rect.left() + 4, rect.right() - 4)
        top += KEY_ROW * key_rows(self.pain_key)
        inner_left = rect.left() + left
        self.counts_key = key_places(counts_key_words(ungraded), inner_left, inner_left,
                                     rect.right() - 4)
        inner = QRectF(inner_left, rect.top() + top,
                       max(10.0, rect.width() - left - right),
                       max(10.0, rect.height() - top - bottom))
        # room for the second key between the panels
        gap = 40.0 + KEY_ROW * key_rows(self.counts_key)
        pain_h = (inner.height() - gap) * 0.58
        self.pain = QRectF(inner.left(), inner.top(), inner.width(), pain_h)
        self.counts = QRectF(inner.left(), self.pain.bottom() + gap, inner.width(),
                             inner.height() - pain_h - gap)
        self.slot = inner.width() / max(1, n)

    def x(self, i: int) -> float:
        return self.pain.left() + self.slot * (i + 0.5)

    def pain_point(self, i: int, pain: float) -> QPointF:
        return QPointF(self.x(i), self.pain.bottom() - self.pain.height() * pain / PAIN_MAX)

    def count_y(self, count: float) -> float:
        # 15% headroom above the tallest bar for its number
        return self.counts.bottom() - self.counts.height() * count / (self.count_max * 1.15)

    def burden_point(self, i: int, burden: float) -> QPointF:
        """The grasp burden, on the bars' scale (it is a count of grades)."""
        return QPointF(self.x(i), self.count_y(burden))


KEY_ROW = 16.0  # a key's second row, and third, below its first
KEY_PX = 10  # its words' size
KEY_MARK = 22.0  # an item's mark, before its words
KEY_SPACE = 14.0  # between one item's words and the next item's mark
DRAFT_MARK = "draft"  # a key's mark for a draft's points: a hollow, dotted ring
PAIN_KEY_AT = 120.0  # the pain key's first item, after the title
UNGRADED = "–"  # in place of the bar of muscles grasping of a visit that graded nothing


def pain_key_words(drafts: bool) -> list[str]:
    words = [QCoreApplication.translate("PainPlot", "before"),
             QCoreApplication.translate("PainPlot", "after")]
    if drafts:
        words.append(QCoreApplication.translate("PainPlot",
                                                "draft, not signed: hollow, not joined"))
    return words


def counts_key_words(ungraded: bool = False) -> list[str]:
    grasping = QCoreApplication.translate("PainPlot", "muscles grasping")
    if ungraded:
        grasping = QCoreApplication.translate(
            "PainPlot", "{grasping} (–: needled, not graded)").format(grasping=grasping)
    return [QCoreApplication.translate("PainPlot", "sites"), grasping,
            QCoreApplication.translate("PainPlot", "grasp burden (sum of grades)")]


def key_places(words: Sequence[str], start: float, left: float,
               right: float) -> list[tuple[QPointF, str]]:
    """Where each item of a key goes (its mark's left, its row's middle from the first's) and
    its words: in a row from `start`, then on rows from `left`, none past `right` where it fits
    a row (a wider one alone on its row)."""
    places: list[tuple[QPointF, str]] = []
    x, row, first = start, 0, True
    for text in words:
        width = key_width(text)
        if x + width > right and not first:
            row, x = row + 1, left
        places.append((QPointF(x, row * KEY_ROW), text))
        x += width + KEY_SPACE
        first = False
    return places


def key_width(text: str) -> float:
    """An item's width in a key: its mark, then its words."""
    return KEY_MARK + QFontMetricsF(_font(KEY_PX)).horizontalAdvance(text)


def key_rows(places: Sequence[tuple[QPointF, str]]) -> int:
    """The rows a key takes below its first."""
    return round(max((p.y() for p, _text in places), default=0.0) / KEY_ROW)


def _font(px: float, bold: bool = False) -> QFont:
    f = QFont("DejaVu Sans")
    f.setPixelSize(max(6, int(round(px))))
    f.setBold(bold)
    return f


def _layout(metrics: Sequence[SessionMetrics], rect: QRectF) -> PlotLayout:
    count_max = max([m.sites for m in metrics] + [m.muscles_grasping for m in metrics]
                    + [m.grasp_burden or 0 for m in metrics] + [4])
    return PlotLayout(rect, len(metrics), count_max, any(not m.signed for m in metrics),
                      any(not m.graded for m in metrics))


def paint_progress_plot(painter: QPainter, rect: QRectF,
                        metrics: Sequence[SessionMetrics]) -> PlotLayout:
    """Paint the whole plot into ``rect``; returns the layout used."""
    lay = _layout(metrics, rect)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.fillRect(rect, QColor("#ffffff"))
    painter.setFont(_font(11))
    if not metrics:
        painter.setPen(TEXT)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter,
                         QCoreApplication.translate("PainPlot", "No sessions to show."))
        painter.restore()
        return lay
    _paint_pain(painter, lay, metrics)
    _paint_counts(painter, lay, metrics)
    _paint_x_labels(painter, lay, metrics)
    painter.restore()
    return lay


def _paint_pain(painter: QPainter, lay: PlotLayout, metrics: Sequence[SessionMetrics]) -> None:
    r = lay.pain
    painter.setFont(_font(10))
    for v in range(0, PAIN_MAX + 1, 2):
        y = lay.pain_point(0, v).y()
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
        painter.setPen(AXIS)
        painter.drawText(QRectF(r.left() - 30, y - 8, 24, 16),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(v))
    painter.setPen(TEXT)
    painter.setFont(_font(11, bold=True))
    painter.drawText(QRectF(lay.rect.left() + 4, lay.rect.top() + 3, 200, 18),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     QCoreApplication.translate("PainPlot", "Pain (0–10)"))
    _legend(painter, lay.rect.top() + 12, lay.pain_key, [
        (BEFORE, Qt.PenStyle.SolidLine, True), (AFTER, Qt.PenStyle.DashLine, False),
        (BEFORE, DRAFT_MARK, False)])
    drafts = [not m.signed for m in metrics]
    # In-session relief: a thin bar from before to after.
    painter.setPen(QPen(QColor("#b9c9d8"), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    for i, m in enumerate(metrics):
        if m.pain_before is not None and m.pain_after is not None:
            painter.drawLine(lay.pain_point(i, m.pain_before), lay.pain_point(i, m.pain_after))
    for attr, colour, style, filled in (("pain_after", AFTER, Qt.PenStyle.DashLine, False),
                                        ("pain_before", BEFORE, Qt.PenStyle.SolidLine, True)):
        pts = [(i, getattr(m, attr)) for i, m in enumerate(metrics)]
        broken_polyline(painter, joined([lay.pain_point(i, v) if v is not None else None
                                         for i, v in pts], drafts),
                        QPen(colour, 2.2, style, Qt.PenCapStyle.RoundCap,
                             Qt.PenJoinStyle.RoundJoin))
        for i, v in pts:
            if v is None:
                continue
            if drafts[i]:
                painter.setPen(draft_pen(colour, 1.5))
                painter.setBrush(QColor("#ffffff"))
                painter.drawEllipse(lay.pain_point(i, v), 5.2, 5.2)
                continue
            painter.setPen(QPen(colour, 1.8))
            painter.setBrush(colour if filled else QColor("#ffffff"))
            painter.drawEllipse(lay.pain_point(i, v), 4.2, 4.2)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _paint_counts(painter: QPainter, lay: PlotLayout, metrics: Sequence[SessionMetrics]) -> None:
    r = lay.counts
    painter.setPen(QPen(AXIS, 1))
    painter.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()))
    # The bars' scale on the left, which the grasp burden shares (the bars carry their numbers,
    # the burden's are in the tooltip and the Segments tab's table).
    painter.setFont(_font(10))
    for v in range(0, lay.count_max + 1, lay.count_step):
        y = lay.count_y(v)
        painter.setPen(QPen(GRID, 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
        painter.setPen(AXIS)
        painter.drawText(QRectF(r.left() - 30, y - 8, 24, 16),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(v))
    _legend(painter, r.top() - 18 - KEY_ROW * key_rows(lay.counts_key), lay.counts_key, [
        (SITES, None, True), (GRASPING, None, True), (MEAN, Qt.PenStyle.SolidLine, True)])
    bar_w = min(16.0, lay.slot * 0.28)
    painter.setFont(_font(9))
    for i, m in enumerate(metrics):
        x = lay.x(i)
        for value, colour, left in ((m.sites, SITES, x - bar_w - 1), (m.muscles_grasping,
                                                                        GRASPING, x + 1)):
            top = lay.count_y(value)
            if colour == GRASPING and not m.graded:  # no count: "–" where its bar would be
                painter.setPen(TEXT)
                painter.drawText(QRectF(left - 6, top - 14, bar_w + 12, 13),
                                 Qt.AlignmentFlag.AlignCenter, UNGRADED)
                continue
            bar = QRectF(left, top, bar_w, r.bottom() - top)
            if not m.signed:  # hollow: its outline in the bar's own grey, a darker for light
                painter.setPen(draft_pen(GRASPING if colour == SITES else AXIS, 1.4))
                painter.setBrush(QColor("#ffffff"))
                painter.drawRect(bar.adjusted(0.7, 0.7, -0.7, 0))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRect(bar)
            painter.setPen(TEXT)
            painter.drawText(QRectF(left - 6, top - 14, bar_w + 12, 13),
                             Qt.AlignmentFlag.AlignCenter, str(value))
    pts = [lay.burden_point(i, m.grasp_burden) if m.grasp_burden is not None else None
           for i, m in enumerate(metrics)]
    drafts = [not m.signed for m in metrics]
    broken_polyline(painter, joined(pts, drafts), QPen(MEAN, 2.0))
    for p, draft in zip(pts, drafts):
        if p is None:
            continue
        painter.setPen(draft_pen(MEAN, 1.4) if draft else QPen(MEAN, 1.2))
        painter.setBrush(QColor("#ffffff") if draft else MEAN)
        painter.drawPath(diamond(p, 5.2 if draft else 4.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _paint_x_labels(painter: QPainter, lay: PlotLayout, metrics: Sequence[SessionMetrics]) -> None:
    painter.setFont(_font(10))
    painter.setPen(AXIS)
    every = max(1, math.ceil(len(metrics) * 52 / max(1.0, lay.counts.width())))
    n = len(metrics)
    # the last label gets its place, then the drafts': a label too near one is left out (as
    # the report's trend plot does)
    shown = labelled(n, every, [not m.signed for m in metrics])
    word = QCoreApplication.translate("PainPlot", "draft", "a visit not signed, under its date")
    for i in shown:
        m = metrics[i]
        box = QRectF(lay.x(i) - 30, lay.counts.bottom() + 4, 60, 16)
        painter.setPen(AXIS)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter,
                         QLocale().toString(QDate(local_date(m.started_at)), "d MMM"))
        if not m.signed:
            painter.setPen(TEXT)
            painter.drawText(box.translated(0, 16), Qt.AlignmentFlag.AlignCenter, word)




def _legend(painter: QPainter, top: float, places: Sequence[tuple[QPointF, str]],
            marks) -> None:
    """Draw a key's items where `key_places` put them, their first row's middle at `top`: each
    its mark (colour, line: a bar for None, a hollow dotted ring for DRAFT_MARK, else a line
    through a dot, filled or not) and its words."""
    painter.setFont(_font(KEY_PX))
    for (at, text), (colour, line, filled) in zip(places, marks):
        x, y = at.x(), top + at.y()
        if line is None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(QRectF(x, y - 5, 12, 10))
        elif line == DRAFT_MARK:
            painter.setPen(draft_pen(colour, 1.5))
            painter.setBrush(QColor("#ffffff"))
            painter.drawEllipse(QPointF(x + 9, y), 4.5, 4.5)
        else:
            painter.setPen(QPen(colour, 2, line))
            painter.drawLine(QPointF(x, y), QPointF(x + 18, y))
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(colour if filled else QColor("#ffffff"))
            painter.drawEllipse(QPointF(x + 9, y), 3.2, 3.2)
        painter.setPen(TEXT)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawText(QPointF(x + KEY_MARK, y + 4), text)


class PainPlot(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._metrics: list[SessionMetrics] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)

    def set_metrics(self, metrics: Sequence[SessionMetrics]) -> None:
        self._metrics = list(metrics)
        self.setToolTip(self._tooltip())
        self.update()

    @property
    def metrics(self) -> list[SessionMetrics]:
        return list(self._metrics)

    def layout_for(self, rect: QRectF) -> PlotLayout:
        return _layout(self._metrics, rect)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(520, 300)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        paint_progress_plot(painter, QRectF(self.rect()), self._metrics)
        painter.end()

    def render_image(self, width: int, height: int) -> QImage:
        """The plot alone as an opaque image (for tests and reports)."""
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        paint_progress_plot(painter, QRectF(0, 0, width, height), self._metrics)
        painter.end()
        return image

    def _tooltip(self) -> str:
        lines = []
        for m in self._metrics:
            if m.graded:
                line = self.tr("{date}: pain {before} \u2192 {after}, {grasping} of %n "
                               "muscle(s) grasping, {sites} sites", "", m.muscles_treated)
            else:  # not "0 of 4 muscles grasping": nothing was graded
                line = self.tr("{date}: pain {before} \u2192 {after}, %n muscle(s) needled, "
                               "not graded, {sites} sites", "", m.muscles_treated)
            line = line.format(
                date=numeric_date(m.started_at),
                before=m.pain_before if m.pain_before is not None else "-",
                after=m.pain_after if m.pain_after is not None else "-",
                grasping=m.muscles_grasping, sites=m.sites)
            if m.grasp_burden is not None:
                line = self.tr("{line}, grasp burden {burden}").format(
                    line=line, burden=m.grasp_burden)
            if not m.signed:
                line = self.tr("{line} (draft, not signed: not compared)").format(line=line)
            lines.append(line)
        return "\n".join(lines)
