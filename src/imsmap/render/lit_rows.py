"""One level's row of a region drawn across several levels, lit on its own.

A region with `level_rows` (spinalis, longissimus and iliocostalis thoracis on the posterior
paraspinal and deep sheets) is one shape for T1 to T12: a chosen root lights only its row there,
the band where a tap records that level (`Region.row_span`), not the whole column. What is lit is
given to the painter as region ids, muscle ids and `LitRow`s (ChartPainter.paint_base's
``highlight``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath

from imsmap.atlas.views import Region
from imsmap.render.paths import painter_path


@dataclass(frozen=True)
class LitRow:
    """The row of `level` in the region `region_id` (its `level_rows`)."""

    region_id: str
    level: str


def rows_lit(highlight: Iterable[object]) -> dict[str, tuple[str, ...]]:
    """The levels lit in each region by the `LitRow`s of a highlight: {region id: levels}."""
    rows: dict[str, tuple[str, ...]] = {}
    for h in highlight:
        if isinstance(h, LitRow):
            rows[h.region_id] = (*rows.get(h.region_id, ()), h.level)
    return rows


def lit_part(region: Region, level: str | None) -> str | LitRow | None:
    """What of `region` lights for a site (or a muscle chosen) at `level`: in a region drawn
    across several levels, its row of that level (`LitRow`); a region at one level, by its id
    if that is the level; a region without levels, or any region when no level is given, by its
    id, whole. None where the region has no part at that level (its own level is another, or
    its rows begin lower: the deep sheet's long column is T7 to T12)."""
    if level is None or (region.level is None and not region.level_rows):
        return region.id
    if region.level is not None:
        return region.id if region.level == level else None
    return LitRow(region.id, level) if level in region.levels else None


def level_parts(regions: Iterable[Region], level: str | None, *, whole: bool = False
                ) -> list[str | LitRow]:
    """What of `regions` (one muscle's) lights at `level` (lit_part). With `whole`, where none
    of them has a part at that level, their columns drawn across several levels light whole, as
    before rows were drawn: a site on a column lit nothing when its level was set to one the
    column has no row of (iliocostalis thoracis at T1, a column drawn from T2; a level recorded
    that is not the muscle's)."""
    regions = list(regions)
    parts = [p for p in (lit_part(r, level) for r in regions) if p is not None]
    if whole and not parts:
        parts = [r.id for r in regions if r.level_rows]
    return parts


def site_parts(muscle_id: str, side: str, layer: str, level: str | None,
               regions: Iterable[Region]) -> list[str | LitRow]:
    """What a site lights among `regions`: its muscle on its side (`side`: "L", "R" or "M"), at
    its level (lit_part): the row of that level in a column drawn across several, not T1 to T12.
    On the site's own layer, a column without a row of its level (the level edited) lights
    whole; on another, nothing of it (the deep sheet's column begins at T7). The window's
    selection and the session record's enlargements light the same parts: the record lit the
    muscle by its id, on both sides and at every level (multifidus L3 to S1 left and right for
    two sites)."""
    own = [r for r in regions if r.muscle == muscle_id and r.side == side]
    return (level_parts([r for r in own if r.layer == layer], level, whole=True)
            + level_parts([r for r in own if r.layer != layer], level))


def row_point(region: Region, level: str) -> tuple[float, float] | None:
    """A point in the middle of the region's row of `level`, where a site there records that
    level; None for a level it has no row of."""
    span = region.row_span(level)
    if span is None:
        return None
    y = (span[0] + span[1]) / 2
    x0, _, x1, _ = region.bbox
    steps = 64
    xs = [x for x in (x0 + (x1 - x0) * i / steps for i in range(steps + 1))
          if region.contains(x, y)]
    return (xs[len(xs) // 2] if xs else (x0 + x1) / 2), y


def lit_ids(highlight: Iterable[object]) -> set[str]:
    """What a highlight lights, as ids: its region and muscle ids, and the region of each row."""
    return {h.region_id if isinstance(h, LitRow) else str(h) for h in highlight}


def row_part(region: Region, level: str) -> QPainterPath:
    """The part of the region where a site records `level`; empty for a level it has no row
    of."""
    span = region.row_span(level)
    return QPainterPath() if span is None else QPainterPath(_band_of(region.d, *span))


@lru_cache(maxsize=256)
def _band_of(d: str, top: float, bottom: float) -> QPainterPath:
    """The shape of path data `d` between two heights: made once per row (a lit row is
    painted again each time the pointer moves over it)."""
    path = painter_path(d)
    box = path.boundingRect()
    band = QPainterPath()
    # a little wider than the shape, so that the band's sides are not drawn as its edges
    band.addRect(QRectF(box.left() - 1, top, box.width() + 2, bottom - top))
    return _closed(path.intersected(band))


def _closed(path: QPainterPath) -> QPainterPath:
    """The path with each of its sub-paths closed: QPainterPath.intersected may leave out a
    piece's last edge (the bottom of a row of the left spinalis column), which its outline
    then lacks."""
    closed = QPainterPath()
    i, count = 0, path.elementCount()
    while i < count:
        e = path.elementAt(i)
        if e.type == QPainterPath.ElementType.MoveToElement:
            if i:
                closed.closeSubpath()
            closed.moveTo(e.x, e.y)
        elif e.type == QPainterPath.ElementType.CurveToElement:
            c, end = path.elementAt(i + 1), path.elementAt(i + 2)
            closed.cubicTo(e.x, e.y, c.x, c.y, end.x, end.y)
            i += 2
        else:
            closed.lineTo(e.x, e.y)
        i += 1
    closed.closeSubpath()
    return closed
