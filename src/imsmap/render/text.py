"""Words drawn on a chart, and the halo that keeps them readable over the drawing.

Each text is laid out once, at a base size, and placed by a transform, so it scales exactly with
any transform and needs no font hinting: the same in a window, a PNG and a PDF. On a raster
device (a window, a PNG) the letters are their outlines, filled. On a vector device (a PDF, a
printer) they are the font's own glyphs at the same places, so the document holds the chart's
words as text: a records system finds "multifidus" or "Crête iliaque" by a search, and the
letters' curves are not written out a second time (the session PDF's content was 41 % glyph
outlines, written twice).

The halo is the band a pen of ``HALO_WIDTH`` times the text's size, with round caps and joins,
paints along the glyphs' outlines. On a vector device it is that stroke, stroked by the viewer:
the outline written once, under the transform that places the glyphs, at the layout's own
numbers. There the layout is at the font's em (``EM_PX``, 2048 units for DejaVu), so that the
outline's points are whole font units: a PDF writes each in four digits where a placed point
took ten, and compresses them faster (the halos were a sixth of a chart page's bytes and the
dearest part of it to compress). On a raster device stroking is the dearest thing a chart paints (a line
of the spinal chart's key is about 2,000 curve segments, each with a round join: 12 ms for the
key at "fit", 70 ms zoomed in); there the halo is the stroke's outline, made once per glyph
(`QPainterPathStroker` then `simplified`, so that no part of it overlaps another) and filled:
the same pixels to within the anti-aliasing of its edge, at about a third of the cost.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QRawFont,
    QTextLayout,
    QTransform,
)

__all__ = ["CAP_HEIGHT", "HALO_WIDTH", "draw_text", "halo_outline", "is_raster", "text_path",
           "text_width"]

FONT_FAMILY = "DejaVu Sans"
BASE_PX = 100  # the size texts are laid out at; placed by a transform
# ... on a vector device: the font's em, so that outlines are whole font units (on a raster
# device the halo's outline is made by `simplified`, which at this size gives three times the
# segments for the same pixels)
EM_PX = 2048
HALO_WIDTH = 0.28  # the halo's pen, as a fraction of the text's size
# A text's size here is its capitals' height: about this fraction of its font's size
CAP_HEIGHT = 0.72


def _base_font(bold: bool, px: int = BASE_PX) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(px)
    font.setBold(bold)
    # No "fi"/"fl" ligatures, as in the records' text (report.layout): a PDF holds the chart's
    # words as text, and a search for "multifidus" must find it.
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


# `px` has no default: lru_cache keys on the arguments as they are passed, so a call with the
# size left out and one that names it would outline the same text twice (every text the
# window drew was outlined twice until 7 December: text_path left it out, _placement named it).
@lru_cache(maxsize=2048)
def _text_path_base(text: str, bold: bool, px: int) -> QPainterPath:
    path = QPainterPath()
    path.addText(0, 0, _base_font(bold, px), text)
    return path


def _placement(text: str, size: float, bold: bool, anchor: str,
               at: tuple[float, float], px: int = BASE_PX) -> QTransform:
    """The transform from the layout at ``px`` to ``text`` with cap height about ``size``
    units, placed by ``anchor`` (center, left, right; vertically centred) at ``at``."""
    k = size / (px * CAP_HEIGHT)
    r = QTransform.fromScale(k, k).mapRect(_text_path_base(text, bold, px).boundingRect())
    ax, ay = at
    if anchor == "left":
        dx = ax - r.left()
    elif anchor == "right":
        dx = ax - r.right()
    else:
        dx = ax - r.center().x()
    return QTransform.fromScale(k, k) * QTransform.fromTranslate(dx, ay - r.center().y())


def text_path(text: str, size: float, *, bold: bool = False, anchor: str = "center",
              at: tuple[float, float] = (0.0, 0.0)) -> QPainterPath:
    """Outline of ``text`` with cap height about ``size`` units, placed by ``anchor`` at ``at``.

    anchor: center, left, right (vertically centred on ``at``).
    """
    return _placement(text, size, bold, anchor, at).map(_text_path_base(text, bold, BASE_PX))


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text``'s outline (text_path) at cap height ``size``."""
    return text_path(text, size, bold=bold, anchor="left").boundingRect().width()


def _halo_stroker() -> QPainterPathStroker:
    stroker = QPainterPathStroker()
    stroker.setWidth(HALO_WIDTH * BASE_PX * CAP_HEIGHT)  # HALO_WIDTH of the size, at the base size
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return stroker


_glyph_halos: dict[tuple[str, str, int], QPainterPath] = {}


def _glyph_halo(raw: QRawFont, glyph: int) -> QPainterPath:
    """One glyph's halo at the base size, made once per font and glyph."""
    key = (raw.familyName(), raw.styleName(), glyph)
    halo = _glyph_halos.get(key)
    if halo is None:
        halo = _glyph_halos[key] = _halo_stroker().createStroke(raw.pathForGlyph(glyph)).simplified()
    return halo


@lru_cache(maxsize=2048)
def _halo_parts(text: str, bold: bool) -> tuple[QPainterPath, ...]:
    """The halo of ``text`` at the base size: its glyphs' halos where ``addText`` puts the
    glyphs (the same layout: QTextLayout's glyph runs), each part the union of those whose
    boxes meet, as a rule a word. Qt's rasteriser goes over an outline again for each band of
    rows it fits in its memory, and a whole line's is long: the spinal chart's key at "fit"
    took 3.1 ms as four paths, 1.1 ms a word at a time. Filled part by part, a line's halo
    paints what it does as one path but where two words' halos come within a pixel of each
    other, small on screen: there a few edge pixels (at most about ten a line) are a shade
    lighter (up to about 45/255), blended twice."""
    layout = QTextLayout(text, _base_font(bold))
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    parts: list[tuple[QPainterPath, QRectF]] = []
    for run in layout.glyphRuns():
        raw = run.rawFont()
        for glyph, pos in zip(run.glyphIndexes(), run.positions()):
            # addText puts the baseline at y = 0; the layout's line starts at its top
            shape = QTransform.fromTranslate(pos.x(), pos.y() - line.ascent()).map(
                _glyph_halo(raw, glyph))
            halo = QPainterPath()
            halo.setFillRule(Qt.FillRule.WindingFill)
            box = shape.boundingRect()
            apart = []
            for part in parts:  # the parts it meets join it (overlaps are filled once)
                if part[1].intersects(box):
                    halo.addPath(part[0])
                    box = box.united(part[1])
                else:
                    apart.append(part)
            halo.addPath(shape)
            parts = [*apart, (halo, box)]
    return tuple(halo for halo, _ in parts)


def halo_outline(text: str, size: float, *, bold: bool = False, anchor: str = "center",
                 at: tuple[float, float] = (0.0, 0.0)) -> QPainterPath:
    """The area the halo of ``text_path(text, size, ...)`` covers, as a path to fill."""
    whole = QPainterPath()
    whole.setFillRule(Qt.FillRule.WindingFill)
    for part in _halo_parts(text, bold):
        whole.addPath(part)
    return _placement(text, size, bold, anchor, at).map(whole)


def _halo_outlines(text: str, size: float, bold: bool, anchor: str,
                   at: tuple[float, float]) -> list[QPainterPath]:
    """halo_outline in parts that do not meet (_halo_parts), to fill one by one."""
    placement = _placement(text, size, bold, anchor, at)
    return [placement.map(part) for part in _halo_parts(text, bold)]


def is_raster(painter: QPainter) -> bool:
    """Whether ``painter`` paints pixels (a window, a QImage), not vectors (a PDF, a printer)."""
    engine = painter.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Raster


def draw_text(painter: QPainter, text: str, size: float, at: tuple[float, float],
              colour: QColor, halo: QColor | None, *, anchor: str = "center",
              bold: bool = False) -> None:
    """``text`` filled in ``colour`` over its halo in ``halo`` (None: no halo)."""
    if is_raster(painter):
        if halo is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(halo)
            for part in _halo_outlines(text, size, bold, anchor, at):
                painter.drawPath(part)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawPath(text_path(text, size, bold=bold, anchor=anchor, at=at))
        return
    # On a vector device (a PDF, a printer) the layout at EM_PX is placed by the painter's
    # transform: the halo is its outline, stroked with the pen of HALO_WIDTH of the size (at
    # that size), and the letters are the font's own glyphs, laid out as addText lays out the
    # outline (the same QTextLayout, the baseline at y = 0): the same shapes, written once as
    # text the document holds (found by a search, copied, read aloud) rather than a second
    # time as curves.
    painter.save()
    painter.setTransform(_placement(text, size, bold, anchor, at, EM_PX), True)
    if halo is not None:
        painter.setPen(QPen(halo, HALO_WIDTH * EM_PX * CAP_HEIGHT, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(_text_path_base(text, bold, EM_PX))
    painter.setFont(_base_font(bold, EM_PX))
    painter.setPen(QPen(colour))
    painter.drawText(QPointF(0.0, 0.0), text)
    painter.restore()
