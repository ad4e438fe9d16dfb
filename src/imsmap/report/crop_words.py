"""The words on a report's crop of a chart (the session record's enlargements, the progress
report's charts): their size on paper, and the spinal levels a crop shows, lettered at its left
edge. A crop leaves out the drawing's own level names (ChartPainter.paint_base's
``level_names``): at its scale they are larger than the words around it, its frame cuts those it
reaches, and most lie outside it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter

from imsmap.atlas import AtlasError
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.text import CAP_HEIGHT, draw_text
from imsmap.report.layout import MUTED, Doc

__all__ = ["ENLARGEMENT_WORD_PT", "enlargement_word_size", "levels_shown", "paint_levels"]

# The words drawn on an enlargement (a landmark's name, the levels), as the words of the tables
# around it: a font of this many points on paper
ENLARGEMENT_WORD_PT = 7.5


def enlargement_word_size(doc: Doc) -> float:
    """The cap height, in device units, of the words drawn on an enlargement."""
    return doc.pt(ENLARGEMENT_WORD_PT) * CAP_HEIGHT


def levels_shown(chart: ChartPainter, crop: QRectF, atlas: Any = None) -> list[tuple[str, float]]:
    """The spinal levels whose segments ``crop`` (view units) shows, (level, view y) top to
    bottom: those whose segments' middle is inside it, a little away from its edges. With the
    ``atlas``, a muscle drawn without a level whose nerve has one root is at that root's level:
    the suboccipital muscles at C1 (the chart letters C1 beside them, but their regions carry
    no level, so a crop of them was the only one without its level)."""
    if chart.view.kind != "spinal":
        return []
    ys: dict[str, list[float]] = {}
    for r in chart.view.regions_on(chart.layer):
        level = r.level or (_one_root(atlas, r.muscle) if atlas is not None else None)
        if level:
            ys.setdefault(level, []).append(r.label[1])
    margin = 0.04 * crop.height()
    shown = [(level, sum(y) / len(y)) for level, y in ys.items()]
    return sorted(((level, y) for level, y in shown
                   if crop.top() + margin < y < crop.bottom() - margin), key=lambda t: t[1])


def _one_root(atlas: Any, muscle_id: str | None) -> str | None:
    """The one root of a muscle's nerve (None for none, several, or a muscle not in the atlas)."""
    if not muscle_id:
        return None
    try:
        roots = atlas.muscle(muscle_id).roots
    except (KeyError, AtlasError):
        return None
    return roots[0] if len(roots) == 1 else None


def paint_levels(doc: Doc, painter: QPainter, chart: ChartPainter,
                 levels: list[tuple[str, float]], left: float,
                 page_y: Callable[[float], float]) -> None:
    """``levels`` (levels_shown) lettered at ``left`` (device units) beside their segments
    (``page_y``: a view y on the page), bold in the ink of the words around the crop (the
    chart's pale bone colour is hard to read over a muscle on paper); drawn, not written: a
    PDF's text stays what the record says."""
    size = enlargement_word_size(doc)
    for level, y in levels:
        draw_text(painter, level, size, (left + doc.mm(1.2), page_y(y)), QColor(MUTED),
                  QColor(chart.style.label_halo), anchor="left", bold=True)
