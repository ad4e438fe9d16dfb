"""Grasp heat maps as images: a colour ramp legible in grey, and opaque compositing for PDFs.

QtGui only (no widgets): the screen and the report share this code. The grid comes from
`imsmap.domain.heat.grasp_heat` (float32, rows x cols over a view's coordinates).

Two ways to show a heat map:
- `heat_image`: translucent ARGB pixels (alpha grows with the value), for the screen on top of a
  chart already painted;
- `blend_heat` / `paint_heat_over_chart`: the heat map composited into a background colour or a
  rendered chart, giving OPAQUE pixels. PDF/A-1b drops transparency, so the report uses these.

The ramp runs from pale yellow through orange and red to a dark wine (the "strong grasp" colour
of render.style), its lightness falling steadily, so hot stays dark when printed in grey.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

from imsmap.domain.heat import HeatGrid
from imsmap.render.chart_painter import ChartPainter, text_path
from imsmap.render.style import LIGHT, ChartStyle, blend
from imsmap.render.text import text_width

HEAT_TITLE = QT_TRANSLATE_NOOP("ChartLegend", "Grasp, summed over the sessions shown")
MORE_GRASP = QT_TRANSLATE_NOOP("ChartLegend", "more grasp →")

# numpy, a large library, is imported by the functions that compute with it: the heat map and
# the progress figures, which only a patient's history needs (opening the window does not).
if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "RAMP_STOPS",
    "HeatLegendLayout",
    "LegendText",
    "blend_heat",
    "heat_alpha",
    "heat_image",
    "heat_legend_layout",
    "heat_rgba",
    "heat_vmax",
    "scale_top",
    "paint_heat_legend",
    "paint_heat_over_chart",
    "quiet_style",
    "ramp_colour",
    "ramp_lut",
    "wrap_words",
]

# (position, colour): lightness falls monotonically (Rec. 601 luma 0.95 -> 0.12).
RAMP_STOPS: tuple[tuple[float, str], ...] = (
    (0.00, "#fff5b8"),
    (0.25, "#fdc45a"),
    (0.50, "#f07f2c"),
    (0.75, "#c2361d"),
    (1.00, "#5a0c1e"),
)
MAX_ALPHA = 0.88  # even the hottest spot lets the muscle outline show through a little
GAMMA = 0.6  # alpha = (v / vmax) ** GAMMA: faint heat is still visible
CAP_OF_LINE = 0.62  # the legend's words: their cap height, of a line's height
TITLE_LINES_MAX = 3  # the legend's title wraps on up to this many lines
TITLE_SHRINK = 0.8  # ... or, a little too wide for one line, is made up to this much smaller


def ramp_lut(n: int = 256) -> np.ndarray:
    """(n, 3) uint8 RGB colours along the ramp."""
    import numpy as np
    pos = np.array([p for p, _ in RAMP_STOPS])
    rgb = np.array([[QColor(c).red(), QColor(c).green(), QColor(c).blue()]
                    for _, c in RAMP_STOPS], dtype=np.float64)
    t = np.linspace(0.0, 1.0, n)
    out = np.stack([np.interp(t, pos, rgb[:, k]) for k in range(3)], axis=1)
    return np.round(out).astype(np.uint8)


@lru_cache(maxsize=1)
def _lut() -> np.ndarray:
    return ramp_lut()


def ramp_colour(t: float) -> QColor:
    """The ramp colour at t in 0..1."""
    r, g, b = _lut()[int(round(min(1.0, max(0.0, t)) * (len(_lut()) - 1)))]
    return QColor(int(r), int(g), int(b))


def heat_vmax(grid: HeatGrid | np.ndarray, floor: float = 3.0) -> float:
    """A sensible top of the scale: the peak, but at least `floor` (one strong grasp), so a
    single mild grasp does not look red-hot; a whole number (scale_top)."""
    values = grid.values if isinstance(grid, HeatGrid) else grid
    return scale_top(float(values.max()) if values.size else 0.0, floor)


def scale_top(peak: float, floor: float = 3.0) -> float:
    """The heat scale's top for a peak: the whole number at or above it (a tenth over a whole
    number is taken as that number: splats summed on a grid land near, not on, their sum), and
    at least ``floor``. One rule for the window and the PDF: the window's legend read "12.5"
    where the report's read a whole number, and grasps are counted in whole grades."""
    return max(float(math.ceil(round(peak, 1))), floor)


def _values(grid: HeatGrid | np.ndarray) -> np.ndarray:
    import numpy as np
    return np.asarray(grid.values if isinstance(grid, HeatGrid) else grid, dtype=np.float32)


def heat_alpha(values: np.ndarray, vmax: float, max_alpha: float = MAX_ALPHA,
               gamma: float = GAMMA) -> np.ndarray:
    """Opacity 0..max_alpha per cell (0 where there is no heat)."""
    import numpy as np
    t = np.clip(values / np.float32(vmax), 0.0, 1.0) if vmax > 0 else np.zeros_like(values)
    return (t ** gamma) * max_alpha


def heat_rgba(grid: HeatGrid | np.ndarray, vmax: float | None = None, *,
              max_alpha: float = MAX_ALPHA, gamma: float = GAMMA) -> np.ndarray:
    """(rows, cols, 4) float32: ramp colour (0..255) and straight alpha (0..1)."""
    import numpy as np
    v = _values(grid)
    vmax = heat_vmax(v) if vmax is None else float(vmax)
    t = np.clip(v / np.float32(vmax), 0.0, 1.0) if vmax > 0 else np.zeros_like(v)
    idx = np.round(t * (len(_lut()) - 1)).astype(np.intp)
    out = np.empty(v.shape + (4,), dtype=np.float32)
    out[..., :3] = _lut()[idx]
    out[..., 3] = heat_alpha(v, vmax, max_alpha, gamma)
    return out


def _to_qimage(rgb: np.ndarray, alpha: np.ndarray | None = None) -> QImage:
    """uint8 arrays -> a QImage that owns its pixels (RGB32 opaque, or ARGB32 premultiplied)."""
    import numpy as np
    h, w = rgb.shape[:2]
    buf = np.empty((h, w, 4), dtype=np.uint8)
    # QImage 32-bit formats are 0xAARRGGBB words: B, G, R, A bytes on little-endian machines.
    if np.little_endian:
        buf[..., 0], buf[..., 1], buf[..., 2] = rgb[..., 2], rgb[..., 1], rgb[..., 0]
        buf[..., 3] = 255 if alpha is None else alpha
    else:  # pragma: no cover - big-endian
        buf[..., 1], buf[..., 2], buf[..., 3] = rgb[..., 0], rgb[..., 1], rgb[..., 2]
        buf[..., 0] = 255 if alpha is None else alpha
    fmt = QImage.Format.Format_RGB32 if alpha is None else QImage.Format.Format_ARGB32_Premultiplied
    image = QImage(buf.data, w, h, 4 * w, fmt)
    return image.copy()  # detach from the numpy buffer


def _from_qimage(image: QImage) -> np.ndarray:
    """An opaque QImage -> (h, w, 3) uint8 RGB."""
    import numpy as np
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    w, h = img.width(), img.height()
    arr = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes())
    arr = arr.reshape(h, img.bytesPerLine())[:, : 4 * w].reshape(h, w, 4)
    if np.little_endian:
        return arr[..., 2::-1].copy()
    return arr[..., 1:4].copy()  # pragma: no cover


def heat_image(grid: HeatGrid | np.ndarray, vmax: float | None = None, *,
               max_alpha: float = MAX_ALPHA, gamma: float = GAMMA) -> QImage:
    """Translucent heat pixels (ARGB32 premultiplied), one per grid cell: for the screen, drawn
    scaled over a chart. Use `blend_heat` where transparency is not allowed."""
    import numpy as np
    rgba = heat_rgba(grid, vmax, max_alpha=max_alpha, gamma=gamma)
    a = rgba[..., 3:4]
    premultiplied = np.round(rgba[..., :3] * a).astype(np.uint8)
    return _to_qimage(premultiplied, np.round(a[..., 0] * 255).astype(np.uint8))


def _resample(values: np.ndarray, h: int, w: int) -> np.ndarray:
    """Bilinear resampling of a grid to (h, w) pixels, cell centres aligned."""
    import numpy as np
    rows, cols = values.shape
    if (rows, cols) == (h, w):
        return values

    def axis(n_out: int, n_in: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        f = np.clip((np.arange(n_out) + 0.5) * (n_in / n_out) - 0.5, 0.0, n_in - 1.0)
        i0 = np.floor(f).astype(np.intp)
        i1 = np.minimum(i0 + 1, n_in - 1)
        return i0, i1, (f - i0).astype(np.float32)

    r0, r1, tr = axis(h, rows)
    c0, c1, tc = axis(w, cols)
    top = values[r0][:, c0] * (1 - tc) + values[r0][:, c1] * tc
    bottom = values[r1][:, c0] * (1 - tc) + values[r1][:, c1] * tc
    return top * (1 - tr[:, None]) + bottom * tr[:, None]


def blend_heat(background: QImage | QColor | str, grid: HeatGrid | np.ndarray,
               vmax: float | None = None, *, size: tuple[int, int] | None = None,
               max_alpha: float = MAX_ALPHA, gamma: float = GAMMA) -> QImage:
    """The heat map composited into a background: OPAQUE pixels (Format_RGB32).

    background: a rendered chart (QImage; the heat grid is resampled to its size) or a colour
    (then the image is the grid's size, or ``size`` = (width, height) pixels).
    """
    import numpy as np
    v = _values(grid)
    vmax = heat_vmax(v) if vmax is None else float(vmax)
    if isinstance(background, QImage):
        base = _from_qimage(background).astype(np.float32)
        h, w = base.shape[:2]
    else:
        c = QColor(background)
        w, h = size if size is not None else (v.shape[1], v.shape[0])
        base = np.empty((h, w, 3), dtype=np.float32)
        base[...] = (c.red(), c.green(), c.blue())
    hv = _resample(v, h, w)
    rgba = heat_rgba(hv, vmax, max_alpha=max_alpha, gamma=gamma)
    a = rgba[..., 3:4]
    out = base * (1.0 - a) + rgba[..., :3] * a
    return _to_qimage(np.clip(np.round(out), 0, 255).astype(np.uint8))


def quiet_style(style: ChartStyle = LIGHT, amount: float = 0.6) -> ChartStyle:
    """The chart style with muscle fills faded toward the skin, so heat colours stand out."""
    return replace(
        style,
        muscle_fills=tuple(blend(c, style.skin, amount).name() for c in style.muscle_fills),
        deep_fills=tuple(blend(c, style.skin, amount).name() for c in style.deep_fills),
        fibre=blend(style.fibre, style.skin, amount).name(),
    )


def paint_heat_over_chart(painter: QPainter, chart: ChartPainter, grid: HeatGrid,
                          vmax: float | None = None, *, pixels_per_unit: float = 1.0,
                          quiet: bool = True, base_kwargs: dict[str, Any] | None = None) -> QImage:
    """Paint the chart with the heat map blended in, as one opaque image in view coordinates.

    The chart (in a quieter style unless ``quiet`` is False) is rendered into an image of
    ``pixels_per_unit`` pixels per view unit, the heat is blended into it, and the result is
    drawn over the view rectangle with the painter's current transform. Markers painted
    afterwards stay vector. Returns the composited image (handy for tests and caching).
    """
    return _paint_heat_over_chart(painter, chart, grid, vmax, pixels_per_unit, quiet,
                                  base_kwargs)


def _paint_heat_over_chart(painter: QPainter, chart: ChartPainter, grid: HeatGrid,
                           vmax: float | None, pixels_per_unit: float, quiet: bool,
                           base_kwargs: dict[str, Any] | None) -> QImage:
    view = chart.view
    w = max(1, round(view.width * pixels_per_unit))
    h = max(1, round(view.height * pixels_per_unit))
    # The composed image is kept on the chart painter until the grid (a new object when the
    # data changes: grids are not changed in place), the scale, the layer, the style or the
    # options change: a repaint at the same zoom is one drawImage.
    options = tuple(sorted((k, v if not isinstance(v, (set, frozenset)) else tuple(sorted(v)))
                           for k, v in (base_kwargs or {}).items()))
    key = (vmax, w, h, quiet, view.id, chart.layer, options)
    cached = chart.__dict__.get("_heat_composed")
    if cached is not None and cached[0] is grid and cached[1] is chart.style \
            and cached[2] == key:
        composed = cached[3]
    else:
        style = quiet_style(chart.style) if quiet else chart.style
        base = QImage(w, h, QImage.Format.Format_RGB32)
        base.fill(QColor(chart.style.background))
        p = QPainter(base)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.scale(w / view.width, h / view.height)
        under = ChartPainter(view, view.id, chart.layer, style)
        # the chart's words in the chart's language (its title, landmarks, notes, names)
        under.speak_as(chart)
        under.paint_base(p, **(base_kwargs or {}))
        p.end()
        composed = blend_heat(base, grid, vmax)
        chart.__dict__["_heat_composed"] = (grid, chart.style, key, composed)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawImage(QRectF(0, 0, view.width, view.height), composed)
    painter.restore()
    return composed


def paint_heat_legend(painter: QPainter, rect: QRectF, vmax: float, *,
                      title: str | None = None,
                      style: ChartStyle = LIGHT, background: str | QColor | None = None,
                      translate: Callable[..., str] | None = None,
                      decimal: str | None = None, text_size: float | None = None,
                      bold_title: bool = False) -> None:
    """A horizontal ramp bar with 0 and vmax, opaque (blended into ``background``).

    Layout inside ``rect``: the title on the top third, the bar in the middle, the numbers below;
    no word outside ``rect`` nor over another (heat_legend_layout: a title too wide for one line
    is made a little smaller or goes on more lines; "more grasp" fits between the numbers).
    ``text_size``: the words' cap height (a legend beside others of that size), the lines taken
    from the top of ``rect``; default: as large as ``rect`` allows. ``bold_title``: the title as
    a heading. `translate(context, text)`: its words in a language (default: the window's, as
    ChartPainter's); `decimal`: the decimal mark of vmax (default: the default QLocale's).
    """
    say = translate or QCoreApplication.translate  # (not "tr", which lupdate would extract)
    layout = heat_legend_layout(
        rect, vmax, say("ChartLegend", HEAT_TITLE) if title is None else title,
        say("ChartLegend", MORE_GRASP), QLocale().decimalPoint() if decimal is None else decimal,
        text_size=text_size, bold_title=bold_title)
    _paint_heat_legend(painter, layout, vmax, style, background)


@dataclass(frozen=True)
class LegendText:
    """One text of a legend: its words, cap height, whether bold, and where (text_path's
    ``anchor`` at ``at``)."""

    text: str
    size: float
    at: tuple[float, float]
    anchor: str = "left"
    bold: bool = False

    def path(self) -> QPainterPath:
        return text_path(self.text, self.size, bold=self.bold, anchor=self.anchor, at=self.at)


@dataclass(frozen=True)
class HeatLegendLayout:
    """Where a heat legend's ramp bar and words go."""

    bar: QRectF
    texts: tuple[LegendText, ...]  # the title's lines, "0", the top value, "more grasp"
    height: float  # from the top of the rect given to the numbers' line


def heat_legend_layout(rect: QRectF, vmax: float, title: str, more_grasp: str, decimal: str, *,
                       text_size: float | None = None,
                       bold_title: bool = False) -> HeatLegendLayout:
    """Where paint_heat_legend puts its bar and words in ``rect``: the title in lines that fit
    the width (up to TITLE_LINES_MAX; a word alone wider than the width is made smaller), then
    the bar, then "0", "more grasp" and the top of the scale, none of them over another.

    With ``text_size``, the words at that size and the title in as many lines as it needs. Else
    as large as ``rect`` allows, a third of its height a line: a title a little too wide for one
    line is made a little smaller (down to TITLE_SHRINK); a longer one takes more lines, and all
    the words are smaller to make room for them."""
    width = rect.width()
    if text_size is not None:
        text_h = text_size / CAP_OF_LINE
        lines = wrap_words(title, text_size, width, bold=bold_title)
    else:
        text_h = rect.height() / 3.0
        lines = [title]
        if text_width(title, text_h * CAP_OF_LINE, bold=bold_title) * TITLE_SHRINK > width:
            for _ in range(TITLE_LINES_MAX):
                lines = wrap_words(title, text_h * CAP_OF_LINE, width, bold=bold_title)
                rows = min(len(lines), TITLE_LINES_MAX) + 2
                if rows * text_h <= rect.height() + 1e-6:
                    break
                text_h = rect.height() / rows  # smaller words: fewer lines may do
    lines = lines[:TITLE_LINES_MAX - 1] + [" ".join(lines[TITLE_LINES_MAX - 1:])] \
        if len(lines) > TITLE_LINES_MAX else lines
    size = text_h * CAP_OF_LINE
    texts = []
    y = rect.top() + text_h * 0.5
    for line in lines:
        line_size = min(size, size * width / max(1e-6, text_width(line, size, bold=bold_title)))
        texts.append(LegendText(line, line_size, (rect.left(), y), bold=bold_title))
        y += text_h
    bar = QRectF(rect.left(), y - text_h * 0.5, width, text_h * 0.9)
    below = bar.bottom() + text_h * 0.55
    top = f"{vmax:.0f}" if abs(vmax - round(vmax)) < 0.05 else f"{vmax:.1f}".replace(".", decimal)
    zero = LegendText("0", size, (bar.left(), below))
    high = LegendText(top, size, (bar.right(), below), anchor="right")
    texts += [zero, high]
    # "more grasp", centred, between the numbers with a gap of half a line on each side
    gap = text_h * 0.5
    left = bar.left() + text_width("0", size) + gap
    right = bar.right() - text_width(top, size) - gap
    more_size = size * 0.9
    need = text_width(more_grasp, more_size)
    if need > right - left:
        more_size *= max(0.0, right - left) / need
    centre = min(max(bar.center().x(), left + need / 2), right - need / 2) \
        if need <= right - left else (left + right) / 2
    if more_size > 0:
        texts.append(LegendText(more_grasp, more_size, (centre, below), anchor="center"))
    return HeatLegendLayout(bar, tuple(texts), below + text_h * 0.5 - rect.top())


def wrap_words(text: str, size: float, width: float, *, bold: bool = False) -> list[str]:
    """``text`` in lines no wider than ``width`` at ``size``, broken between words (a word
    wider than the width alone on its line). Only at spaces: never at a no-break space (« :
    » in French keeps to its word)."""
    lines: list[str] = []
    for word in (w for w in text.split(" ") if w):
        if lines and text_width(f"{lines[-1]} {word}", size, bold=bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [text]


def _paint_heat_legend(painter: QPainter, layout: HeatLegendLayout, vmax: float,
                       style: ChartStyle, background: str | QColor | None) -> None:
    import numpy as np
    bg = QColor(background or style.background)
    bar = layout.bar
    n = max(2, int(bar.width()))
    ramp = np.linspace(0.0, float(vmax), n, dtype=np.float32)[None, :].repeat(2, axis=0)
    image = blend_heat(bg, ramp, vmax)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawImage(bar, image)
    painter.setPen(QPen(QColor(style.caption), max(0.5, bar.height() / 0.9 * 0.04)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(bar)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(style.caption))
    for text in layout.texts:
        painter.drawPath(text.path())
    painter.restore()
