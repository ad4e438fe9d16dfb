"""The body chart as the reports paint it: the print palette, the crop around a group of sites,
and the captions that say which side of the patient is which. Shared by the session record and
the progress report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from imsmap.i18n.records import current, language, translate
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.style import LIGHT, ChartStyle, blend
from imsmap.report.layout import INK, Doc

__all__ = ["PRINT_STYLE", "bbox", "captions_in_records_language", "crop_around",
           "one_piece_side", "paint_side_captions", "records_words"]


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


class Placed(Protocol):
    """Anything at a place on a chart: a site, a mark (render.other_charts)."""

    @property
    def x(self) -> float: ...

    @property
    def y(self) -> float: ...


def bbox(sites: Sequence[Placed]) -> tuple[float, float, float, float]:
    return (min(s.x for s in sites), min(s.y for s in sites), max(s.x for s in sites),
            max(s.y for s in sites))


def crop_around(view, sites: Sequence[Placed], aspect: float
                ) -> tuple[float, float, float, float]:
    """A view-unit rectangle (x, y, w, h) around the sites (or marks) with aspect w/h =
    ``aspect``."""
    vw, vh = view.width, view.height
    pad = 0.075 * min(vw, vh)
    x0, y0, x1, y1 = bbox(sites)
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


# A sheet drawn in two pieces, one per side (the hands, the feet, the head's two profiles): its
# sides' muscles lie this far apart at least (a fraction of its width); a figure's meet at its
# midline.
PIECES_GAP = 0.05


def one_piece_side(chart: ChartPainter, crop: QRectF) -> str | None:
    """The side ("R" or "L") of the one piece ``crop`` (view units) lies within, on a sheet drawn
    in two pieces, one per side; None on a figure (whose crop's left and right are directions
    towards the patient's sides) or for a crop that reaches both pieces."""
    v = chart.view
    spans: dict[str, tuple[float, float]] = {}
    for layer in v.layer_ids:
        for region in v.regions_on(layer):
            if region.side not in ("R", "L"):
                continue
            box = chart.box(region.d)
            x0, x1 = spans.get(region.side, (box.left(), box.right()))
            spans[region.side] = (min(x0, box.left()), max(x1, box.right()))
    if len(spans) != 2:
        return None
    (left_side, (_a, left_end)), (right_side, (right_start, _b)) = sorted(
        spans.items(), key=lambda item: item[1][0])
    if right_start - left_end < PIECES_GAP * v.width:
        return None
    middle = (left_end + right_start) / 2
    if crop.right() <= middle:
        return left_side
    if crop.left() >= middle:
        return right_side
    return None


def paint_side_captions(doc: Doc, painter: QPainter, rect: QRectF, viewer_left_is: str | None,
                        only: str | None = None) -> None:
    """Which side of the patient is which, on white along the foot of ``rect`` (the chart's own
    caption is usually outside a cropped part); nothing for a view without sides. ``only``: the
    crop shows one piece of a sheet of two, one per side (one_piece_side): its side alone, at
    the left; its corners are not the patient's sides (a profile's are its face and its nape)."""
    if viewer_left_is not in ("L", "R"):
        return
    patient_right = translate("PrintChart", "Patient's right")
    patient_left = translate("PrintChart", "Patient's left")
    left = patient_right if viewer_left_is == "R" else patient_left
    right = patient_left if viewer_left_is == "R" else patient_right
    font = doc.font(6.5)
    lh = doc.line_height(font)
    pad = doc.mm(0.8)
    y = rect.bottom() - lh - pad
    words = ((left, rect.left() + pad),
             (right, rect.right() - pad - doc.text_width(right, font)))
    if only in ("R", "L"):
        words = ((patient_right if only == "R" else patient_left, rect.left() + pad),)
    for text, bx in words:
        w = doc.text_width(text, font)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(QRectF(bx - doc.mm(0.5), y, w + doc.mm(1.0), lh))
        doc.draw_text(painter, QRectF(bx, y, w + 1, lh), text, font, INK, wrap=False)


def captions_in_records_language(chart, atlas) -> None:
    """The chart painter's own words (whose side is which, a view's title, the landmarks, the
    words drawn on the chart) in the records language."""
    chart.translate = records_words
    chart.speak(atlas, language())


def records_words(context: str, text: str, *rest: object) -> str:
    """``translate`` as ChartPainter and the legends call it: the records language's words,
    from every catalog of that language (the chart's own words are in the window's)."""
    return current().tr(context, text)
