"""The one body-chart painter, used by the screen and by the PDF report.

Everything is painted in view coordinates (e.g. 1000 x 2000 for body views); the caller sets the
painter's transform. Only QtGui/QtCore are used, so the painter works on a QImage, a QPdfWriter or
a widget alike. All colours are opaque (see render.style).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)

from imsmap.atlas.names import SOURCE_LANGUAGE
from imsmap.atlas.views import GroupName, Region, View
from imsmap.render import markers
from imsmap.render.chart_labels import chart_names, group_text, label_leader, label_text
from imsmap.render.chart_lettering import ChartLettering
from imsmap.render.lit_rows import row_part, rows_lit
from imsmap.render.paths import painter_path, painter_paths
from imsmap.render.style import LIGHT, ChartStyle, blend
from imsmap.render.text import is_raster, text_path

__all__ = ["READABLE_LABEL_PX", "ChartPainter", "text_path"]


@lru_cache(maxsize=8192)
def _bounds(d: str) -> QRectF:
    """The bounding box of path data ``d``: a shape's path is the atlas's, the same for every
    painter of its view (a report makes one painter per chart, and asks again for each part)."""
    return painter_path(d).boundingRect()


@lru_cache(maxsize=8192)
def _padded_bounds(d: str, pad: float) -> QRectF:
    """_bounds(d) grown by ``pad`` on every side: asked for every shape of a chart at every
    paint (which shapes reach the part painted), made once (no caller changes it)."""
    return _bounds(d).adjusted(-pad, -pad, pad, pad)


@lru_cache(maxsize=4096)
def _joined(ds: tuple[str, ...]) -> QPainterPath:
    """Several path strings as one path, made once per process (a region's fibres). Each
    begins with its own M, so their text joined is the same path, parsed in one go: a chart
    has about 3,600 fibre lines, and parsing and building each as a path of its own took a
    fifth more."""
    return painter_path(" ".join(ds))


@lru_cache(maxsize=4096)
def _apart(ds: tuple[str, ...]) -> tuple[QPainterPath, ...]:
    """Several path strings, a path each, made once per process (a region's fibres)."""
    return tuple(painter_path(d) for d in ds)


def _device_scale(painter: QPainter) -> float:
    """Device pixels per unit of the painter's coordinates (the larger of its two axes')."""
    t = painter.deviceTransform()
    return max(math.hypot(t.m11(), t.m21()), math.hypot(t.m12(), t.m22()))


def _get(marker: Any, key: str, default: Any = None) -> Any:
    if isinstance(marker, Mapping):
        return marker.get(key, default)
    return getattr(marker, key, default)


# Fibre lines wider than this many device pixels are stroked a line at a time, narrower ones as
# one path a muscle (ChartPainter._paint_fibres says why).
FIBRES_APART_ABOVE_PX = 1.0

# The muscles' names are painted only where their capitals are at least this many device pixels
# tall (a font of about 6 pixels): smaller, they are a grey smudge over the muscles that no one
# can read (the body views fitted in a 1366 x 768 window, 3 pixels). Zoomed in, they are read.
READABLE_LABEL_PX = 4.5

# A detail of this kind is a bone drawn under the muscle regions (they lie on it), not over them.
UNDERLAY = "underlay"
# A detail of this kind is a word drawn as a shape: the spinal chart's level names (C1 ... S4).
LEVEL_NAME = "label"


class ChartPainter(ChartLettering):
    """Paints one view of the atlas on one layer.

    ``atlas`` is an ``imsmap.atlas.Atlas`` (anything with ``view(id)``), a mapping of view id to
    View, or a View itself.
    """

    def __init__(self, atlas: Any, view_id: str, layer: str = "superficial",
                 style: ChartStyle | None = None,
                 translate: Callable[..., str] | None = None) -> None:
        """`translate(context, text)`: the words painted on the chart (its side captions,
        legends) in a language: the window's (QCoreApplication.translate, the default), or a
        document's (imsmap.i18n.Catalog.translate)."""
        if isinstance(atlas, View):
            view = atlas
        elif hasattr(atlas, "view"):
            view = atlas.view(view_id)
        else:
            view = atlas[view_id]
        self.view: View = view
        if layer not in view.layer_ids:
            layer = view.layer_ids[0]
        self.layer = layer
        self.style = style or LIGHT
        self.translate: Callable[..., str] = translate or QCoreApplication.translate
        # The caption of a view without sides and the landmarks' names, when the caller paints
        # them in another language than the atlas's English (the reports: their records
        # language); None and {} keep the atlas's own.
        self.title_caption: str | None = None
        self.landmark_captions: dict[str, str] = {}
        self.landmark_names = True  # False: their diamonds alone (the window writes the names)
        # The words drawn on the chart (View.notes: the spinal chart's key, the hand and foot
        # sheets' cues) by note id, likewise; {} keeps the atlas's English.
        self.note_captions: dict[str, str] = {}
        # The language of the muscles' names (View > Labels) and where they go (the view's
        # placement for that language, Region.placement), and their words (chart_names); "en"
        # and {} paint the ids' English words.
        self.language: str = SOURCE_LANGUAGE
        self.muscle_names: dict[str, str] = {}
        self._paths: dict[str, QPainterPath] = {}
        self._outline = painter_paths(view.outline)
        # Shapes' boxes (by path data), taken once: which shapes reach the part painted is
        # asked at every paint. And paint_emphasis's last clip, kept while the same muscles
        # are lit (the repaints of a hover, of a marker, while one selection stays).
        self._emphasis_clip: tuple[tuple, QPainterPath] | None = None
        self._text_boxes: dict[tuple, QRectF] = {}
        # _plain_look's pens and fills, for the style they were made in
        self._plain_looks: tuple[ChartStyle | None, dict[str, tuple[QColor, QPen, QPen]]] = (
            None, {})

    def speak(self, atlas: Any, language: str) -> ChartPainter:
        """Paint the atlas's words on this chart (its title, the landmarks' names, its notes)
        in `language` ("en", "fr_CA"): `atlas` is an imsmap.atlas.Atlas, which has the names of
        every language. Returns self."""
        v = self.view
        self.title_caption = atlas.view_name(v.id, language)
        self.landmark_captions = {lm.id: atlas.landmark_name(v.id, lm.id, language)
                                  for lm in v.landmarks}
        self.note_captions = {n.id: atlas.note_text(v.id, n.id, language) for n in v.notes}
        self.language = language
        self.muscle_names = chart_names(atlas.catalogue, language)
        return self

    def speak_as(self, other: ChartPainter) -> ChartPainter:
        """Paint this chart's words as `other` paints them (its language, the translate it
        uses): a second painter of the same chart, e.g. under a heat map. Returns self."""
        self.translate, self.title_caption = other.translate, other.title_caption
        self.landmark_captions, self.note_captions = other.landmark_captions, other.note_captions
        self.language, self.muscle_names = other.language, other.muscle_names
        return self

    # -- geometry -------------------------------------------------------------------------------
    @property
    def is_deep(self) -> bool:
        return self.layer != self.view.layer_ids[0]

    @property
    def layer_above(self) -> str:
        """The layer drawn ghosted over this one: the one just above it (a third sheet shows
        the second, the muscles removed to expose it), the layer itself on the top sheet."""
        ids = self.view.layer_ids
        return ids[max(ids.index(self.layer) - 1, 0)]

    def on_other_layer(self, layer: str) -> bool:
        """Whether a site recorded on `layer` lies on another layer of this view than the one
        painted: its marker is then drawn faded with a dashed ring (render.markers
        OTHER_LAYER_OPACITY), today's (ui.chart_markers) as an earlier visit's (render.overlay).
        A layer the view does not have (an unknown or empty one) is no other layer of it."""
        return bool(layer) and layer != self.layer and layer in self.view.layer_ids

    def regions(self) -> tuple[Region, ...]:
        """Regions of the current layer, in paint order."""
        return self.view.regions_on(self.layer)

    def region_path(self, region_id: str) -> QPainterPath:
        path = self._paths.get(region_id)
        if path is None:
            path = painter_path(self.view.region(region_id).d)
            self._paths[region_id] = path
        return QPainterPath(path)

    def fibre_path(self, region: Region) -> QPainterPath:
        """The region's fibre lines as one path: stroked with one call, not one per line (a
        view has about 2,300 of them), with the same pixels."""
        return _joined(region.fibres)

    def box(self, d: str) -> QRectF:
        """The bounding box of path data ``d`` (a region's or a detail's), view units."""
        return QRectF(_bounds(d))

    def outline_path(self) -> QPainterPath:
        return QPainterPath(self._outline)

    def draws_in(self, rect: QRectF, notes: bool = True) -> bool:
        """Whether the chart draws anything but its background in ``rect`` (view units): the
        body, or the words written on it (its landmarks; its key, the notes, if ``notes``)."""
        return (self._outline.intersects(rect)
                or (notes and any(self.note_bounds(n).intersects(rect) for n in self.view.notes))
                or (self.view.kind == "spinal"
                    and any(self.landmark_bounds(lm).intersects(rect)
                            for lm in self.view.landmarks)))

    def bounding_rect(self) -> QRectF:
        return QRectF(0, 0, self.view.width, self.view.height)

    # -- base chart -------------------------------------------------------------------------------
    def paint_base(self, painter: QPainter, *, labels: bool = False, highlight: frozenset = frozenset(),
                   hover: str | None = None, dim: frozenset = frozenset(),
                   within: QRectF | None = None, notes: bool = True,
                   word_size: float | None = None, level_names: bool = True,
                   caption: bool = True) -> None:
        """Outline, (ghosted) superficial layer, current layer's muscles, bones, landmarks, caption.

        ``labels``: the muscles' names, where they can be read at the painter's scale
        (labels_readable). ``highlight``, ``dim`` and ``hover`` take region ids (muscle ids also
        work for highlight and dim, so a whole muscle lights up on both sides; ``highlight`` also
        takes render.lit_rows.LitRow, one level's row of a region). ``within`` (view units):
        the part of the view the caller shows (its clip); what cannot reach it is not painted,
        the same picture there. A PDF writes every path it is given, clipped away or not: a
        report's enlargement of a few muscles would otherwise carry the whole chart.
        ``notes``: False leaves out the words drawn on the chart (the spinal chart's key), for an
        enlargement beside the whole chart, where its frame would cut them.
        ``word_size`` (view units): the landmarks' names at this size rather than the style's, for
        a report's enlargement, whose scale would print them several times the size of the words
        around it and cut them at its frame.
        ``level_names``: False leaves out the spinal chart's own level names (C1 ... S4), which an
        enlargement would print at its scale and cut at its frame; it letters the levels it shows
        itself.
        ``caption``: False leaves out the view's caption at its top (its sides, or its name),
        for a report's crop that names the view and its sides itself, whose frame cut it in
        half ("Vue latérale gauche" at two thirds of its height).
        """
        self._paint_base(painter, labels, highlight, hover, dim, within, notes, word_size,
                         level_names, caption)

    def _reach(self) -> float:
        """How far past a shape's box the widest line the chart strokes around it reaches."""
        s = self.style
        return 4.0 + max(s.hover_width, s.muscle_width * 1.6, s.body_width)

    def _reaching(self, shapes: Iterable[Any], within: QRectF | None) -> list[Any]:
        """The shapes (regions, details) whose path, with the widest line the chart strokes
        around a shape, can paint inside ``within``; all of them for None."""
        if within is None:
            return list(shapes)
        pad = self._reach()
        # the shape's box padded, not the area: a straight line's box has no width, and an
        # empty rectangle intersects nothing
        return [x for x in shapes if _padded_bounds(x.d, pad).intersects(within)]

    def build_steps(self) -> Iterator[None]:
        """Build the paths this chart's first paint at its whole size would build, one shape
        a step: each detail (bones, contours), each muscle of the layer (its outline, its
        box, its fibres as one path, its fill and pens) and, on a deep layer, the layer
        above's outlines. A paint then takes them as built (the paths are kept per path text
        for the process, the muscles' outlines and looks by this painter). The window builds
        the charts a visit is likely to be on while nobody waits for them (ui.chart_panel.
        ChartPanel.build_ahead): the spinal chart's 401 paths are about 40 ms, which its first
        paint paid in the first open of a patient."""
        pad = self._reach()
        for d in self.view.details:
            _padded_bounds(d.d, pad)
            yield
        for r in self.regions():
            _padded_bounds(r.d, pad)
            self.region_path(r.id)
            if r.fibres:
                self.fibre_path(r)
            self._plain_look(r)
            yield
        for r in self.view.regions_on(self.layer_above) if self.is_deep else ():
            _padded_bounds(r.d, pad)
            self.region_path(r.id)  # drawn ghosted, without fibres
            yield

    def _paint_base(self, painter: QPainter, labels: bool, highlight: frozenset, hover: str | None,
                    dim: frozenset, within: QRectF | None = None, notes: bool = True,
                    word_size: float | None = None, level_names: bool = True,
                    caption: bool = True) -> None:
        s = self.style
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        # Body
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(s.skin))
        painter.drawPath(self._outline)
        details = self._reaching(self.view.details, within)
        contours = [d for d in details if d.kind == "contour"]
        under = [d for d in details if d.kind == UNDERLAY]
        bones = [d for d in details if d.kind not in ("contour", UNDERLAY)
                 and (level_names or d.kind != LEVEL_NAME)]
        self._paint_details(painter, contours)
        above = self._reaching(self.view.regions_on(self.layer_above), within)
        if self.is_deep:
            for r in above:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(s.ghost_fill))
                painter.drawPath(self.region_path(r.id))
        # bones that the muscles lie on (the sacrum under the sacral multifidus, the atlas under the
        # suboccipital muscles): over the ghosted layer above, under this layer's muscles
        self._paint_bones(painter, under)
        raster = is_raster(painter)
        apart = raster and self._fibres_wide(painter)
        rows = rows_lit(highlight) if highlight else {}
        for r in self._reaching(self.regions(), within):
            self._paint_region(painter, r, highlight, hover, dim, raster, apart,
                               rows.get(r.id, ()))
        if self.is_deep:
            pen = QPen(QColor(s.ghost_line), 1.0, Qt.PenStyle.DashLine)
            pen.setCosmetic(False)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for r in above:
                painter.drawPath(self.region_path(r.id))
        self._paint_bones(painter, bones)
        if notes:
            self._paint_notes(painter, within=within)
        painter.setPen(QPen(QColor(s.body_line), s.body_width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._outline)
        if hover is not None and self.view.has_region(hover) and self.view.region(hover).layer == self.layer:
            painter.setPen(QPen(QColor(s.hover_line), s.hover_width))
            painter.drawPath(self.region_path(hover))
        if self.view.kind == "spinal":
            self._paint_landmarks(painter, within=within, size=word_size)
        if labels:
            self._paint_labels(painter, highlight, dim)
        if caption and (within is None or within.top() < self._caption_bottom()):
            self._paint_caption(painter)
        painter.restore()

    def paint_emphasis(self, painter: QPainter, *, labels: bool = False,
                       highlight: frozenset = frozenset(), hover: str | None = None,
                       within: QRectF | None = None, notes: bool = True,
                       caption: bool = True) -> None:
        """The lit and hovered regions alone, as paint_base draws them, with what paint_base
        draws over them (bones, the body line, landmarks, labels) clipped to those regions.
        Over a paint_base without highlight or hover it gives paint_base's picture with them: the
        screen keeps that plain chart cached and repaints only this when the selection or the
        pointer moves. ``within`` (view units), as for paint_base: the part the caller shows
        (a tap repaints a marker's square); what cannot reach it is not painted. ``notes`` and
        ``caption``: as paint_base's."""
        s = self.style
        hover_ok = (hover is not None and self.view.has_region(hover)
                    and self.view.region(hover).layer == self.layer)
        rows = rows_lit(highlight)
        shown = [r for r in self.regions() if r.id in highlight or r.muscle in highlight
                 or r.id in rows or (hover_ok and r.id == hover)]
        if not shown:
            return
        clip = self._clip_around(shown)
        # Only what can reach the clip and the part shown: the regions, the bones whose shapes
        # meet it, the caption band at the top.
        area = clip.boundingRect()
        if within is not None:
            area = area.intersected(within)
            if area.isEmpty():
                return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setClipPath(clip, Qt.ClipOperation.IntersectClip)
        raster = is_raster(painter)
        apart = raster and self._fibres_wide(painter)
        for r in self._reaching(shown, area):
            self._paint_region(painter, r, highlight, hover, frozenset(), raster, apart,
                               rows.get(r.id, ()))
        if self.is_deep:
            pen = QPen(QColor(s.ghost_line), 1.0, Qt.PenStyle.DashLine)
            pen.setCosmetic(False)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for r in self._reaching(self.view.regions_on(self.layer_above), area):
                painter.drawPath(self.region_path(r.id))
        self._paint_bones(painter, self._reaching(
            [d for d in self.view.details if d.kind not in ("contour", UNDERLAY)], area))
        if notes:
            self._paint_notes(painter, within=area)
        painter.setPen(QPen(QColor(s.body_line), s.body_width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._outline)
        if hover_ok and self._reaching([self.view.region(hover)], area):
            painter.setPen(QPen(QColor(s.hover_line), s.hover_width))
            painter.drawPath(self.region_path(hover))
        if self.view.kind == "spinal":
            self._paint_landmarks(painter, within=area)
        if labels:
            self._paint_labels(painter, highlight, frozenset())
        if caption and area.top() < self._caption_bottom():
            self._paint_caption(painter)
        painter.restore()

    def _clip_around(self, shown: list[Region]) -> QPainterPath:
        """paint_emphasis's clip: the regions shown and a band around them as wide as the
        widest line drawn along their edge, stroked: made again only when the regions or the
        widths change."""
        s = self.style
        width = max(s.muscle_width * 1.6, s.hover_width, s.body_width) + 2.0
        key = (tuple(r.id for r in shown), width)
        if self._emphasis_clip is None or self._emphasis_clip[0] != key:
            clip = QPainterPath()
            clip.setFillRule(Qt.FillRule.WindingFill)
            for r in shown:
                clip.addPath(self.region_path(r.id))
            stroker = QPainterPathStroker()
            stroker.setWidth(width)
            clip.addPath(stroker.createStroke(clip))
            self._emphasis_clip = (key, clip)
        return self._emphasis_clip[1]

    def _paint_region(self, painter: QPainter, r: Region, highlight: frozenset, hover: str | None,
                      dim: frozenset, raster: bool, fibres_apart: bool,
                      rows: tuple[str, ...] = ()) -> None:
        """One muscle. ``raster``: the painter paints pixels (is_raster); ``fibres_apart``:
        its fibres are stroked a line at a time (_paint_fibres); both asked once a paint.
        ``rows``: the levels whose rows are lit in a region drawn across several (lit_rows)."""
        path = self.region_path(r.id)
        lit = r.id in highlight or r.muscle in highlight
        dimmed = (r.id in dim or r.muscle in dim) and not lit
        if lit or dimmed or r.id == hover:
            fill, fibre, line = self._region_look(r, lit, dimmed, r.id == hover)
        else:
            fill, fibre, line = self._plain_look(r)
        self._paint_shape(painter, r, path, fill, fibre, line, raster, fibres_apart)
        if lit:
            return
        for level in rows:  # each lit row over the region, with its own lit outline
            fill, fibre, line = self._region_look(r, True, False, r.id == hover)
            self._paint_shape(painter, r, row_part(r, level), fill, fibre, line, raster,
                              fibres_apart)

    def _paint_shape(self, painter: QPainter, r: Region, path: QPainterPath, fill: QColor,
                     fibre: QPen, line: QPen, raster: bool, fibres_apart: bool) -> None:
        """A muscle's shape (the region's path, or a row of it) in its look."""
        if r.fibres and not raster:
            # A PDF writes every path it is given, and the outline is the bulk of a muscle:
            # the clip the fibres need is filled instead of writing the outline once more to
            # fill it (the fill's edge, clipped rather than filled, lies under the stroke).
            painter.save()
            painter.setClipPath(path, Qt.ClipOperation.IntersectClip)
            painter.fillRect(path.boundingRect(), fill)
            self._paint_fibres(painter, r, fibre, apart=False)
            painter.restore()
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawPath(path)
            if r.fibres:
                painter.save()
                painter.setClipPath(path, Qt.ClipOperation.IntersectClip)
                self._paint_fibres(painter, r, fibre, apart=fibres_apart)
                painter.restore()
        painter.setPen(line)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    def _region_look(self, r: Region, lit: bool, dimmed: bool, hovered: bool
                     ) -> tuple[QColor, QPen, QPen]:
        """A region's fill, fibre pen and outline pen in this painter's style."""
        s = self.style
        fill = s.muscle_fill(r.muscle, deep=self.is_deep)
        fibre = QColor(s.fibre)
        line = QColor(s.muscle_line)
        if lit:
            fill, fibre, line = (QColor(s.highlight_fill),
                                 blend(s.highlight_fill, s.highlight_line, 0.35),
                                 QColor(s.highlight_line))
        elif dimmed:
            fill, fibre, line = (QColor(s.dim_fill), blend(s.dim_fill, s.fibre, 0.3),
                                 blend(s.dim_fill, s.muscle_line, 0.4))
        if hovered and not lit:
            fill = blend(fill, s.background, 0.25)
        return (fill, QPen(fibre, s.fibre_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap),
                QPen(line, s.muscle_width * (1.6 if lit else 1.0), Qt.PenStyle.SolidLine,
                     Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))

    def _plain_look(self, r: Region) -> tuple[QColor, QPen, QPen]:
        """_region_look of a region neither lit, dimmed nor hovered: made once per region and
        style, not at every paint (a chart paints about 140 muscles at each zoom step)."""
        if self._plain_looks[0] is not self.style:
            self._plain_looks = (self.style, {})
        looks = self._plain_looks[1]
        look = looks.get(r.id)
        if look is None:
            look = looks[r.id] = self._region_look(r, False, False, False)
        return look

    def _fibres_wide(self, painter: QPainter) -> bool:
        """Whether a fibre line is wider than a device pixel on this painter."""
        return self.style.fibre_width * _device_scale(painter) > FIBRES_APART_ABOVE_PX

    def _paint_fibres(self, painter: QPainter, r: Region, pen: QPen, apart: bool) -> None:
        """The region's fibres, in the clip its caller set to the region.

        As one path (one call for its ~16 lines) while a line is at most a device pixel wide:
        Qt then draws each line on its own as a hairline. Wider (zoomed in: from about 2.3
        times "fit" in the window), Qt fills the outline of each stroke, and the outline of
        lines spread over a whole muscle is far dearer to fill than each line's alone (the
        rasteriser goes over the whole outline again for each band of rows it fits in its
        memory): a line at a time, the same pixels, a quarter of the time at 3 and 6 times."""
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if apart:  # on a raster device, lines wider than a device pixel (_fibres_wide)
            for line in _apart(r.fibres):
                painter.drawPath(line)
        else:
            painter.drawPath(self.fibre_path(r))

    def _paint_details(self, painter: QPainter, contours: list) -> None:
        s = self.style
        painter.setPen(QPen(QColor(s.contour), 1.1, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for d in contours:
            painter.drawPath(painter_path(d.d))

    def _paint_bones(self, painter: QPainter, bones: list) -> None:
        s = self.style
        fill = QBrush(QColor(s.bone_fill))  # one pen and one brush for all: set again only
        no_fill = QBrush(Qt.BrushStyle.NoBrush)  # when a bone changes them (a PDF writes each)
        painter.setPen(QPen(QColor(s.bone_line), 1.3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        for d in bones:
            painter.setBrush(fill if d.d.rstrip().endswith("Z") else no_fill)
            painter.drawPath(painter_path(d.d))

    def labels_readable(self, scale: float) -> bool:
        """Whether the muscles' names can be read at ``scale`` device pixels per view unit (their
        capitals READABLE_LABEL_PX tall at least): paint_base and paint_emphasis paint them only
        then, and the window says to zoom in otherwise."""
        return self.style.label_size * scale >= READABLE_LABEL_PX

    def _paint_labels(self, painter: QPainter, highlight: frozenset, dim: frozenset) -> None:
        s = self.style
        if not self.labels_readable(_device_scale(painter)):
            return
        colour = QColor(s.label_text)
        names = []
        language, words = self.language, self.muscle_names
        labelled: list[tuple[Region | GroupName, str, float]] = [
            (r, *label_text(r, self.view.kind, self.view.in_group(r), words))
            for r in self.regions()]
        labelled += [(g, *group_text(g, words)) for g in self.view.groups_on(self.layer)]
        for r, text, k in labelled:
            size = s.label_size * k
            point, name_at = r.placement(language)
            at = name_at if name_at is not None else point
            names.append((text, size, at))
            # a name drawn away from its region (tools/atlas/labels.py put it where it overlaps
            # no other name) is tied to the region's point by a thin leader and a dot
            leader = label_leader(r, text_path(text, size, at=at).boundingRect(), language)
            if leader is not None:
                painter.setPen(QPen(colour, 0.8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawLine(*leader)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawEllipse(leader[0], 1.8, 1.8)
        for text, size, at in names:
            self._draw_text(painter, text, size, at, colour)

    # -- markers ----------------------------------------------------------------------------------
    def paint_marker(self, painter: QPainter, x: float, y: float, number: int | str | None,
                     grasp: int | None, *, cramp: bool = False, selected: bool = False,
                     planned: bool = False, scale: float = 1.0, pips: bool = False) -> None:
        """A site's marker in this chart's style (render.markers.paint_marker)."""
        markers.paint_marker(painter, self.style, x, y, number, grasp, cramp=cramp,
                             selected=selected, planned=planned, scale=scale, pips=pips)

    def paint_markers(self, painter: QPainter, sites: Iterable[Any], scale: float = 1.0) -> None:
        """Many markers in this chart's style (render.markers.paint_markers)."""
        markers.paint_markers(painter, self.style, sites, scale)
