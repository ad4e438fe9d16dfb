"""The words on a report's crop of a chart (the session record's enlargements, the progress
report's charts): their size on paper, and the spinal levels a crop shows, lettered at its left
edge where the drawing's own level names (its lettering beside the column) are not in it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter

from imsmap.render.chart_painter import ChartPainter
from imsmap.render.text import CAP_HEIGHT, draw_text
from imsmap.report.layout import Doc

__all__ = ["ENLARGEMENT_WORD_PT", "enlargement_word_size", "levels_shown", "levels_unnamed",
           "paint_levels"]

# The words drawn on an enlargement (a landmark's name, the levels), as the words of the tables
# around it: a font of this many points on paper
ENLARGEMENT_WORD_PT = 7.5
# A level's name on the drawing is level with its segments' middle: within 10 units (C8, whose
# name is squeezed under C7's), the levels 33 units apart and more
LEVEL_NAME_SLACK = 12.0


def enlargement_word_size(doc: Doc) -> float:
    """The cap height, in device units, of the words drawn on an enlargement."""
    return doc.pt(ENLARGEMENT_WORD_PT) * CAP_HEIGHT


def levels_shown(chart: ChartPainter, crop: QRectF) -> list[tuple[str, float]]:
    """The spinal levels whose segments ``crop`` (view units) shows, (level, view y) top to
    bottom: those whose segments' middle is inside it, a little away from its edges."""
    if chart.view.kind != "spinal":
        return []
    ys: dict[str, list[float]] = {}
    for r in chart.view.regions_on(chart.layer):
        if r.level:
            ys.setdefault(r.level, []).append(r.label[1])
    margin = 0.04 * crop.height()
    shown = [(level, sum(y) / len(y)) for level, y in ys.items()]
    return sorted(((level, y) for level, y in shown
                   if crop.top() + margin < y < crop.bottom() - margin), key=lambda t: t[1])


def levels_unnamed(chart: ChartPainter, crop: QRectF) -> list[tuple[str, float]]:
    """The levels ``crop`` shows (levels_shown) whose own name on the drawing (its "label"
    detail beside the column, level with its segments) is not whole inside it: the crop's frame
    cuts it, and the crop leaves it out (ChartPainter.paint_base's ``whole_labels``), or it is
    beyond the frame. A crop of a few segments would otherwise not say which they are."""
    named = [b.center().y() for b in (chart.box(d.d) for d in chart.view.details
                                      if d.kind == "label")
             if crop.contains(b)]
    return [(level, y) for level, y in levels_shown(chart, crop)
            if not any(abs(y - n) < LEVEL_NAME_SLACK for n in named)]


def paint_levels(doc: Doc, painter: QPainter, chart: ChartPainter,
                 levels: list[tuple[str, float]], left: float,
                 page_y: Callable[[float], float]) -> None:
    """``levels`` (levels_shown) lettered as the chart letters them, at ``left`` (device units)
    beside their segments (``page_y``: a view y on the page)."""
    size = enlargement_word_size(doc)
    style = chart.style
    for level, y in levels:
        draw_text(painter, level, size, (left + doc.mm(1.2), page_y(y)),
                  QColor(style.bone_line), QColor(style.label_halo), anchor="left", bold=True)
