"""Earlier sessions' sites under today's, on one chart: "what grasped last time?" at a glance.

Earlier sites are painted with the chart painter's own markers, smaller and without numbers,
coloured by their grasp and faded with age by blending toward the background: last time almost
full strength, older sessions paler. Their grade is also told by dice pips (render.markers:
none for 0, one to three dots; ungraded keeps its dashed ring): the fade lightens the fills, so
lightness alone cannot tell an old strong grasp from a moderate one today, in grey print or to
a colour-blind eye, and the pips can. All colours stay opaque (no alpha), so the same painting
is PDF/A-clean. Oldest first, so the most recent lie on top; today's numbered markers go last.

On a chart of one layer (the window's), an earlier site recorded on another layer of the view is
drawn as today's sites of other layers are (ChartPainter.on_other_layer): paler, blended as far
toward the background as today's are made transparent, with the same dashed ring; a muscle of the
superficial sheet no longer shows its old grasps at full strength over the deep sheet.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPaintEngine, QPainter

from imsmap.domain.models import Site
from imsmap.domain.progress import History
from imsmap.domain.vocabulary import GRASP_LABELS, UNGRADED, clinic_grasp_word
from imsmap.render.chart_painter import ChartPainter, text_path
from imsmap.render.markers import OTHER_LAYER_OPACITY, OTHER_LAYER_RING, other_layer_ring
from imsmap.render.style import ChartStyle, blend
from imsmap.render.text import text_width

__all__ = [
    "EARLIER_SCALE",
    "EarlierMarkers",
    "LAST_SCALE",
    "VERTICAL_TEXT",
    "OverlayMarker",
    "age_fade",
    "earlier_markers",
    "faded_chart",
    "faded_style",
    "marker_sprite",
    "other_layer_fade",
    "paint_overlay",
    "paint_overlay_legend",
    "vertical_legend_width",
]

EARLIER_SCALE = 0.55  # older sites: a bit over half the size of today's
LAST_SCALE = 0.75  # last time's sites: the ones the clinician asks about first
NEAREST_FADE = 0.12  # last time: nearly full colour
# The oldest session shown: paler, but each grade's colour still nearer (in CIELAB) to its own
# full colour in the key than to any other grade's, on the light and the dark chart (at 0.72
# a strong grasp two visits back read as "none": tests/test_render_overlay.py).
FARTHEST_FADE = 0.35
VERTICAL_TEXT = 0.36  # the vertical legend's words: their cap height, of a line's height


@dataclass(frozen=True)
class OverlayMarker:
    x: float
    y: float
    grasp: int | None
    age: int  # sessions back: 1 = last time
    session_id: int = 0
    muscle_id: str = ""
    side: str = ""
    layer: str = ""  # the layer it was recorded on ("": not known, drawn as on the layer shown)


def age_fade(age: int, oldest: int, nearest: float = NEAREST_FADE,
             farthest: float = FARTHEST_FADE) -> float:
    """How far toward the background an earlier site is blended: ``nearest`` for last time
    (age 1), rising evenly to ``farthest`` for the oldest session shown."""
    if oldest <= 1 or age <= 1:
        return nearest
    return nearest + (farthest - nearest) * min(1.0, (age - 1) / (oldest - 1))


def faded_style(style: ChartStyle, t: float) -> ChartStyle:
    """The style with grasp fills, text and ring blended ``t`` of the way to the background."""
    bg = style.background
    return replace(
        style,
        grasp_fills={g: blend(c, bg, t).name() for g, c in style.grasp_fills.items()},
        grasp_text={g: blend(c, bg, t).name() for g, c in style.grasp_text.items()},
        marker_ring=blend(style.marker_ring, bg, t).name(),
    )


def earlier_markers(history: History, today_id: int | None, view_id: str, *,
                    max_sessions: int | None = None) -> list[OverlayMarker]:
    """Sites on `view_id` of the sessions before `today_id` (all sessions if None), newest
    ``max_sessions`` only, each with its age in sessions. Oldest first (paint order)."""
    ids = list(history.ids)
    if today_id is not None and today_id in ids:
        ids = ids[: ids.index(today_id)]
    if max_sessions is not None:
        ids = ids[-max_sessions:] if max_sessions > 0 else []
    out: list[OverlayMarker] = []
    for age, sid in zip(range(len(ids), 0, -1), ids):
        for site in history.sites_of(sid):
            if site.view_id == view_id:
                out.append(OverlayMarker(site.x, site.y, site.grasp, age, sid, site.muscle_id,
                                         getattr(site.side, "value", str(site.side)),
                                         site.layer))
    return out


def paint_overlay(painter: QPainter, chart: ChartPainter,
                  earlier: Iterable[OverlayMarker] | EarlierMarkers,
                  today: Iterable[Site] = (), *, oldest: int | None = None,
                  scale: float = 1.0, selected: int | None = None,
                  sprites: bool | None = None, one_layer: bool = False) -> None:
    """Paint earlier markers (faded by age) and then today's sites (numbered, full colour).

    Last time's markers are drawn at ``LAST_SCALE``, older ones at ``EARLIER_SCALE`` of
    today's size; ``scale`` multiplies all of them (for small renderings).
    earlier: the markers, or the same already put in paint order (`EarlierMarkers`: what a
    view that repaints them often keeps while they stay the same).
    oldest: the age that gets the palest fade (default: the oldest marker given; ignored for
    an `EarlierMarkers`, which has its own).
    selected: a site id of today's to show selected.
    sprites: draw the earlier markers as images rendered once per look at the device's
    resolution (thousands of them in a frame); None: on screen and into images yes, into a
    PDF, a picture or an SVG never (they stay vector there).
    one_layer: the chart shows its layer alone (the window's chart, with a button per layer):
    earlier markers of the view's other layers are drawn paler with a dashed ring (ignored for
    an `EarlierMarkers`, which was made knowing it or not). Charts that gather every layer of a
    view into one (the Progress tab's, the progress report's) draw them all alike.
    """
    if not isinstance(earlier, EarlierMarkers):
        earlier = EarlierMarkers(earlier, oldest, chart if one_layer else None)
    _paint_overlay(painter, chart, earlier, today, scale, selected, sprites)


class EarlierMarkers:
    """Earlier markers in paint order (oldest first, so the most recent lie on top), each with
    its look: made once for a set of markers, painted at any scale. Each look (an age, a grasp
    and whether it lies on another layer: its fade, its colour, its size, its dashed ring) is
    listed once; ``look_of[i]`` is marker i's.

    shown: the chart of one layer they are painted on (ChartPainter.on_other_layer says which
    markers lie on another layer); None draws every marker as on the layer shown.

    A marker wholly under a later one at the same point is left out (`_not_covered`): a visit
    whose sites were copied from the last one (the Session menu's copy, a protocol) puts its
    markers where the earlier visits' are, and of a hundred such visits only the last marker at
    each point shows. ``markers`` holds the ones painted."""

    def __init__(self, markers: Iterable[OverlayMarker], oldest: int | None = None,
                 shown: ChartPainter | None = None):
        ordered = sorted(markers, key=lambda m: -m.age)
        if oldest is None:
            oldest = max((m.age for m in ordered), default=1)
        self.oldest = oldest
        keys = [(m.age, m.grasp, shown is not None and shown.on_other_layer(m.layer))
                for m in ordered]
        kept = _not_covered(ordered, keys)
        self.markers = [ordered[i] for i in kept]
        index: dict[tuple[int, int | None, bool], int] = {}
        self.look_of: list[int] = [index.setdefault(keys[i], len(index)) for i in kept]
        # (fade, grasp, size as a fraction of today's markers, on another layer) of each look
        self.looks: list[tuple[float, int | None, float, bool]] = [
            (other_layer_fade(age_fade(age, oldest)) if other else age_fade(age, oldest),
             grasp, _size(age), other)
            for age, grasp, other in index]
        self.xs = [m.x for m in self.markers]
        self.ys = [m.y for m in self.markers]

    def __len__(self) -> int:
        return len(self.markers)


def _size(age: int) -> float:
    """An earlier marker's size, of today's: last time's larger than older ones'."""
    return LAST_SCALE if age <= 1 else EARLIER_SCALE


def _not_covered(markers: Sequence[OverlayMarker],
                 keys: Sequence[tuple[int, int | None, bool]]) -> list[int]:
    """The indexes of the markers (in paint order, each with its look's (age, grasp, on
    another layer)) that no marker painted after it at the same point hides wholly.

    A graded marker is an opaque disc to the outer edge of its solid ring, and its size is its
    age's alone, so at the same point it hides an earlier one no larger than itself: all of it
    if larger, all but the soft edge its own edge paints over again if the same size (the stack
    of a hundred markers then keeps the edge of one). An ungraded marker's ring is dashed: it
    hides nothing. A marker of another layer reaches out to its dashed ring, which only the same
    ring, as large, covers."""
    largest: dict[tuple[float, float], float] = {}  # the largest graded marker over a point
    rings: set[tuple[float, float, float]] = set()  # graded ones of another layer: x, y, size
    kept: list[int] = []
    for i in range(len(markers) - 1, -1, -1):
        m = markers[i]
        age, grasp, other = keys[i]
        size = _size(age)
        point = (m.x, m.y)
        hidden = (m.x, m.y, size) in rings if other else largest.get(point, 0.0) >= size
        if hidden:
            continue  # (what it would hide, the marker over it hides too)
        kept.append(i)
        if grasp is not None:
            largest[point] = max(size, largest.get(point, 0.0))
            if other:
                rings.add((m.x, m.y, size))
    kept.reverse()
    return kept


def other_layer_fade(fade: float) -> float:
    """An earlier marker's fade once it lies on another layer than the one shown: its colours
    blended toward the background as far again as today's markers of other layers are made
    transparent (render.markers.OTHER_LAYER_OPACITY), staying opaque."""
    return 1.0 - (1.0 - fade) * OTHER_LAYER_OPACITY


def _paint_overlay(painter: QPainter, chart: ChartPainter, earlier: EarlierMarkers,
                   today: Iterable[Site], scale: float, selected: int | None,
                   sprites: bool | None = None) -> None:
    device = _sprite_scale(painter) if sprites is not False and len(earlier) else None
    if device is not None:
        _paint_sprites(painter, chart, earlier, scale, device)
    else:
        for m, look in zip(earlier.markers, earlier.look_of):
            fade, grasp, size, other = earlier.looks[look]
            faded = faded_chart(chart, fade)
            faded.paint_marker(painter, m.x, m.y, None, grasp, scale=scale * size, pips=True)
            if other:
                other_layer_ring(painter, faded.style, m.x, m.y, scale=scale * size)
    for site in today:
        if site.planned:
            chart.paint_marker(painter, site.x, site.y, site.seq, None, planned=True,
                               selected=site.id == selected, scale=scale)
        else:
            chart.paint_marker(painter, site.x, site.y, site.seq, site.grasp, cramp=site.cramp,
                               selected=site.id == selected, scale=scale)


# -- earlier markers as sprites ----------------------------------------------------------------
_SPRITES_MAX = 4000  # cached marker images per chart painter (a few hundred in practice)
_FADES_MAX = 1000  # faded painters per chart painter (one per age shown, for each number shown)


def _sprite_scale(painter: QPainter) -> tuple[float, float] | None:
    """(device pixels per view unit, device pixel ratio) when sprites can stand in for vector
    markers: a raster device and a transform that only scales evenly and moves. Qt's combined
    transform already holds the device's pixel ratio (an image or a screen at 2: twice the
    scale); multiplied by it again, markers came out twice their size at twice their distance
    from the corner on a screen at 200 % (and cut off where the cached picture ended)."""
    engine = painter.paintEngine()
    if engine is None or engine.type() != QPaintEngine.Type.Raster:
        return None
    t = painter.combinedTransform()
    k = t.m11()
    if k <= 0 or abs(t.m12()) > 1e-9 or abs(t.m21()) > 1e-9 or abs(t.m22() - k) > 1e-6 * k:
        return None
    device = painter.device()
    dpr = float(device.devicePixelRatioF()) if device is not None else 1.0
    return k, dpr or 1.0


class _Looks:
    """A chart painter's faded painters (one per fade) and marker sprites, for its style."""

    def __init__(self, style: ChartStyle):
        self.style = style
        self.painters: dict[float, ChartPainter] = {}
        self.sprites: dict[tuple, QImage] = {}


def _looks(chart: ChartPainter) -> _Looks:
    looks = chart.__dict__.get("_overlay_looks")
    if looks is None or looks.style is not chart.style:  # a new style: new colours
        looks = chart.__dict__["_overlay_looks"] = _Looks(chart.style)
    return looks


def faded_chart(chart: ChartPainter, fade: float) -> ChartPainter:
    """The chart painter with its markers' colours faded ``fade`` of the way to the
    background: made once per fade (a hundred visits shown: a hundred fades), not per marker."""
    painters = _looks(chart).painters
    faded = painters.get(fade)
    if faded is None:
        faded = copy.copy(chart)  # shares the view and cached paths; only the style differs
        faded.style = faded_style(chart.style, fade)
        if len(painters) >= _FADES_MAX:
            painters.clear()
        painters[fade] = faded
    return faded


def marker_sprite(chart: ChartPainter, fade: float, grasp: int | None, size: float,
                  device: tuple[float, float], other_layer: bool = False) -> QImage:
    """One earlier marker (no number) as an image at the device's resolution, its centre in
    the middle; cached on the chart painter, keyed by everything that changes its pixels.

    Its pixels depend on ``size`` and the scale only through their product, the marker's
    size in device pixels: the window keeps markers the same size on screen over most of its
    zoom range (chart_scene.MIN/MAX_MARKER_RADIUS_PX), so a zoom step there reuses them."""
    k, dpr = device
    px = size * k  # device pixels per view unit of a marker of size 1
    sprites = _looks(chart).sprites
    key = (round(fade, 6), grasp, round(px, 6), dpr, other_layer)
    image = sprites.get(key)
    if image is not None:
        return image
    extent = (chart.style.marker_radius + 1.5 + (OTHER_LAYER_RING if other_layer else 0.0)) * px + 2.0
    side = 2 * int(extent + 1)
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.translate(side / 2, side / 2)
    p.scale(px, px)
    faded = faded_chart(chart, fade)
    faded.paint_marker(p, 0.0, 0.0, None, grasp, pips=True)
    if other_layer:
        other_layer_ring(p, faded.style, 0.0, 0.0)
    p.end()
    image.setDevicePixelRatio(dpr)
    if len(sprites) >= _SPRITES_MAX:
        sprites.clear()
    sprites[key] = image
    return image


def _paint_sprites(painter: QPainter, chart: ChartPainter, earlier: EarlierMarkers,
                   scale: float, device: tuple[float, float]) -> None:
    """The earlier markers, oldest first, each its look's sprite blitted unscaled at its
    place: per frame, a sprite per look (cached) and a blit per marker that can show (zoomed
    in, most of them are beyond the part painted).

    Plain floats, one pass: with numpy (its arrays for the places and the test of what
    shows) the first patient's open imported it, about 0.1 s of CPU, for a few hundred
    markers; at 4,000 markers the pass costs about half a millisecond more than numpy's."""
    t = painter.combinedTransform()
    dpr = device[1]
    k, dx, dy = t.m11(), t.dx(), t.dy()
    images = [marker_sprite(chart, fade, grasp, scale * size, device, other)
              for fade, grasp, size, other in earlier.looks]
    halves = [image.width() / (2 * dpr) for image in images]
    painter.save()
    painter.resetTransform()  # (the device's pixel ratio stays: Qt keeps it under the transform)
    # The painter's device (a widget, an image): an image at a pixel ratio over 1 counts its
    # size in pixels, more than shows, which only leaves fewer markers out.
    target = painter.device()
    shown = QRectF(0, 0, target.width(), target.height())
    if painter.hasClipping():
        shown = shown.intersected(painter.clipBoundingRect())
    left, top, right, bottom = shown.left(), shown.top(), shown.right(), shown.bottom()
    draw = painter.drawImage
    # The raster engine puts an unscaled image at the nearest whole device pixel. At a pixel
    # ratio of 1 that is the nearest whole pixel here, and drawImage(int, int, image) gives the
    # same pixels (tests/test_render_overlay_cache.py) at under half the cost of building a
    # QPointF for each of thousands of markers.
    whole = dpr == 1.0
    for x, y, look in zip(earlier.xs, earlier.ys, earlier.look_of):
        # in the painter's coordinates once its transform is reset: device pixels over the ratio
        half = halves[look]
        x = (x * k + dx) / dpr - half
        y = (y * k + dy) / dpr - half
        if x < right and x + 2 * half > left and y < bottom and y + 2 * half > top:
            if whole:
                draw(math.floor(x + 0.5), math.floor(y + 0.5), images[look])
            else:
                draw(QPointF(x, y), images[look])
    painter.restore()


# The words of the legends (painted in the chart's language: ChartPainter.translate). The ages'
# texts a caller gives are looked up too (the defaults here; a caller's own come translated).
LEGEND_WORDS = (QT_TRANSLATE_NOOP("ChartLegend", "Grasp"), QT_TRANSLATE_NOOP("ChartLegend", "Sessions"),
                QT_TRANSLATE_NOOP("ChartLegend", "Grasp:"), QT_TRANSLATE_NOOP("ChartLegend", "Age:"))
DEFAULT_AGES = ((0, QT_TRANSLATE_NOOP("ChartLegend", "today")),
                (1, QT_TRANSLATE_NOOP("ChartLegend", "last time")),
                (3, QT_TRANSLATE_NOOP("ChartLegend", "older")))


def paint_overlay_legend(painter: QPainter, chart: ChartPainter, rect: QRectF, *,
                         ages: Sequence[tuple[int, str]] = DEFAULT_AGES,
                         oldest: int = 3, grades: Sequence[int | None] = (3, 2, 1, 0, None),
                         background: str | QColor | None = None,
                         vertical: bool = False,
                         labels: Sequence[str] = GRASP_LABELS) -> None:
    """The grasp colours, then how a strong grasp looks by age, in ``rect``: two rows, or with
    ``vertical`` one item per line (for a narrow column beside a chart).

    labels: the clinic's words for the grades (services.clinic.grasp_labels): its own words
    as it typed them, the default ones in the chart's language.
    Painted with the chart's own markers (opaque), text as paths.
    """
    words = [(g, _grasp_word(chart, g, labels)) for g in grades]
    if vertical:
        _paint_legend_vertical(painter, chart, rect, ages, oldest, words, background)
    else:
        _paint_legend(painter, chart, rect, ages, oldest, words, background)


def _grasp_word(chart: ChartPainter, grade: int | None, labels: Sequence[str]) -> str:
    if grade is None:
        return chart.translate("Grasp", UNGRADED)
    return clinic_grasp_word(grade, labels, chart.translate)


def _vertical_places(line_h: float) -> tuple[float, float, float]:
    """The vertical legend's marker radius, its markers' and its words' x from the rect's left,
    for lines of `line_h`."""
    r = line_h * 0.36
    x_marker = r * 1.2 + 2
    return r, x_marker, x_marker + r * 1.8


def vertical_legend_width(chart: ChartPainter, line_h: float, *,
                          ages: Sequence[tuple[int, str]] = DEFAULT_AGES,
                          grades: Sequence[int | None] = (3, 2, 1, 0, None),
                          labels: Sequence[str] = GRASP_LABELS) -> float:
    """How wide paint_overlay_legend(vertical=True) paints its words, lines of `line_h` (its
    rect's height over its lines, up to 30): from the rect's left to its longest word's end.
    A column beside a chart (the Progress tab's) is made as wide as that, and no wider."""
    _r, _x_marker, x_text = _vertical_places(min(line_h, 30.0))
    size = min(line_h, 30.0) * VERTICAL_TEXT
    say = chart.translate
    headings = [text_width(say("ChartLegend", h), size, bold=True) for h in ("Grasp", "Sessions")]
    words = [_grasp_word(chart, g, labels) for g in grades] + [say("ChartLegend", t)
                                                               for _age, t in ages]
    return max(headings + [x_text + text_width(w, size) for w in words])


def _paint_legend_vertical(painter: QPainter, chart: ChartPainter, rect: QRectF,
                           ages: Sequence[tuple[int, str]], oldest: int,
                           grades: Sequence[tuple[int | None, str]],
                           background: str | QColor | None) -> None:
    s = chart.style
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if background is not None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRect(rect)
    lines = 2 + len(grades) + len(ages)
    line_h = min(rect.height() / lines, 30.0)
    r, x_marker, x_text = _vertical_places(line_h)
    x_marker += rect.left()
    x_text += rect.left()
    scale = r / s.marker_radius
    text_size = line_h * VERTICAL_TEXT
    y = rect.top() + line_h * 0.5

    def label(text: str, x: float, bold: bool = False) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(s.caption))
        painter.drawPath(text_path(text, text_size, anchor="left", at=(x, y), bold=bold))

    say = chart.translate  # (not "tr": pyside6-lupdate would read these as QObject.tr)
    label(say("ChartLegend", "Grasp"), rect.left(), bold=True)
    for g, text in grades:
        y += line_h
        chart.paint_marker(painter, x_marker, y, None, g, scale=scale, pips=True)
        label(text, x_text)
    y += line_h
    label(say("ChartLegend", "Sessions"), rect.left(), bold=True)
    for age, text in ages:
        y += line_h
        if age <= 0:
            chart.paint_marker(painter, x_marker, y, 1, 3, scale=scale)
        else:
            faded = copy.copy(chart)
            faded.style = faded_style(s, age_fade(age, oldest))
            size = LAST_SCALE if age <= 1 else EARLIER_SCALE
            faded.paint_marker(painter, x_marker, y, None, 3, scale=scale * size, pips=True)
        label(say("ChartLegend", text), x_text)
    painter.restore()


def _paint_legend(painter: QPainter, chart: ChartPainter, rect: QRectF,
                  ages: Sequence[tuple[int, str]], oldest: int,
                  grades: Sequence[tuple[int | None, str]], background: str | QColor | None) -> None:
    s = chart.style
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if background is not None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRect(rect)
    say = chart.translate  # (not "tr": pyside6-lupdate would read these as QObject.tr)
    rows = [(say("ChartLegend", "Grasp:"), list(grades)),
            (say("ChartLegend", "Age:"), [(age, say("ChartLegend", text)) for age, text in ages])]
    row_h = rect.height() / 2.0
    # Shrink everything together if the longer row would not fit the width.
    k = 1.0
    for _ in range(2):
        r = row_h * 0.32 * k
        text_size = row_h * 0.3 * k
        need = max(text_width(head, text_size) + r * 1.6
                   + sum(r * 1.4 + text_width(t, text_size) + r * 2.4 for _, t in items)
                   for head, items in rows)
        if need <= rect.width():
            break
        k *= rect.width() / need
    scale = r / s.marker_radius
    text_colour = QColor(s.caption)

    def label(text: str, x: float, y: float) -> float:
        path = text_path(text, text_size, anchor="left", at=(x, y))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(text_colour)
        painter.drawPath(path)
        return path.boundingRect().right()

    y = rect.top() + row_h * 0.5
    x = label(rows[0][0], rect.left(), y) + r * 1.6
    for g, text in rows[0][1]:
        chart.paint_marker(painter, x, y, None, g, scale=scale, pips=True)
        x = label(text, x + r * 1.4, y) + r * 2.4
    y = rect.top() + row_h * 1.5
    x = label(rows[1][0], rect.left(), y) + r * 1.6
    for age, text in rows[1][1]:
        if age <= 0:
            chart.paint_marker(painter, x, y, 1, 3, scale=scale)
        else:
            faded = copy.copy(chart)
            faded.style = faded_style(s, age_fade(age, oldest))
            size = LAST_SCALE if age <= 1 else EARLIER_SCALE
            faded.paint_marker(painter, x, y, None, 3, scale=scale * size, pips=True)
        x = label(text, x + r * 1.4, y) + r * 2.4
    painter.restore()
