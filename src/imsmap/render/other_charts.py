"""Muscles needled at an earlier visit on another chart, marked on this one.

A site's x/y belongs to the chart it was recorded on (gluteus minimus needled on the posterior
deep chart has no place on the right lateral one), but the muscle may be drawn on this chart
too: the Progress grid merges the two by muscle, and so does this mark. It goes at the muscle's
label point on this chart (a paraspinal level at its own level's box): a small diamond (never a
circle, which is a site) coloured by the grasp, with the grade written in it, faded by age as
the earlier sites are, never past legible.

One mark per muscle (and side, and level for a paraspinal column), whatever the number of
visits shown: the latest visit drawn that needled it elsewhere, unless this chart's own earlier
markers already show a visit at least as recent (then the mark would say less than they do).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from imsmap.atlas.views import Region
from imsmap.domain.progress import History
from imsmap.render.chart_painter import ChartPainter, text_path
from imsmap.render.overlay import age_fade, faded_chart
from imsmap.render.style import grey_level

__all__ = ["OtherChartMark", "other_chart_marks", "paint_other_chart_marks", "paint_other_chart_mark"]

MARK_SIZE = 0.85  # the diamond's half-diagonal, of a site marker's radius at the same scale


@dataclass(frozen=True)
class OtherChartMark:
    """A muscle of this chart needled at an earlier visit on another chart."""

    region_id: str
    x: float  # the muscle's label point on this chart
    y: float
    grasp: int | None  # the strongest grade of that visit's sites of the muscle
    age: int  # visits back: 1 = last time
    session_id: int
    muscle_id: str
    side: str
    level: str | None
    charts: tuple[tuple[str, str], ...]  # (view id, layer) it was needled on, that visit


def _matches(region: Region, muscle_id: str, side: str, level: str | None) -> bool:
    return (region.muscle == muscle_id and region.side == side
            and (region.level is None or region.level == level))


def other_chart_marks(history: History, drawn: Sequence[int], age_of: Mapping[int, int],
                      chart: ChartPainter) -> list[OtherChartMark]:
    """The marks on `chart` (its view, its layer) for the visits `drawn` (oldest first)."""
    view_id = chart.view.id
    # One region per muscle, side and level: a muscle drawn in parts (the four lumbricals of a
    # hand, the external oblique in two) gets one mark, on its largest part.
    shown: dict[tuple[str, str, str | None], Region] = {}
    for region in chart.regions():
        key = (region.muscle, region.side, region.level)
        if key not in shown or region.area > shown[key].area:
            shown[key] = region
    by_muscle: dict[tuple[str, str], list[Region]] = {}
    for region in shown.values():
        by_muscle.setdefault((region.muscle, region.side), []).append(region)
    if not by_muscle:
        return []
    here: dict[str, int] = {}  # region id -> the latest visit (index in drawn) that needled it here
    elsewhere: dict[str, tuple[int, int, list]] = {}  # region id -> (index, session, sites)
    for i, sid in enumerate(drawn):
        for site in history.sites_of(sid):
            side = getattr(site.side, "value", str(site.side))
            for region in by_muscle.get((site.muscle_id, side), ()):
                if not _matches(region, site.muscle_id, side, site.level):
                    continue
                if site.view_id == view_id:
                    here[region.id] = i
                else:
                    known = elsewhere.get(region.id)
                    if known is None or known[0] != i:
                        elsewhere[region.id] = (i, sid, [site])
                    else:
                        known[2].append(site)
    marks = []
    for region_id, (i, sid, sites) in elsewhere.items():
        if here.get(region_id, -1) >= i:
            continue  # this chart's own earlier marker is as recent
        region = chart.view.region(region_id)
        # at the muscle's name: the group's, for a muscle named once for all its parts; but a
        # region of one level (multifidus drawn a box a level) at its own place: at the name,
        # L4, L5 and S1 went one on another beside L3
        group = None if region.level is not None else next(
            (g for g in chart.view.groups if g.covers(region)), None)
        (x, y), _ = (group or region).placement(chart.language)
        grades = [s.grasp for s in sites if s.grasp is not None]
        charts = tuple(dict.fromkeys((s.view_id, s.layer) for s in sites))
        marks.append(OtherChartMark(region_id, x, y, max(grades) if grades else None,
                                    age_of.get(sid, 1), sid, region.muscle, region.side,
                                    sites[0].level, charts))
    marks.sort(key=lambda m: (-m.age, m.region_id))  # oldest first: the latest on top
    return marks


def mark_radius(chart: ChartPainter, scale: float = 1.0) -> float:
    """The diamond's half-diagonal in view units (``scale`` as paint_overlay's): the same at
    every age (the fade tells the age), large enough for its figure to read."""
    return chart.style.marker_radius * scale * MARK_SIZE


def paint_other_chart_mark(painter: QPainter, chart: ChartPainter, x: float, y: float,
                           grasp: int | None, fade: float, r: float) -> None:
    """One diamond of half-diagonal ``r`` at (x, y): filled with the grasp colour faded
    ``fade`` toward the background, its grade written in it (a dashed outline and no figure
    when ungraded). Opaque colours, text as a path: the same in a PDF."""
    style = faded_chart(chart, fade).style
    ring = QColor(chart.style.marker_ring)  # the outline keeps its strength: the shape reads
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    diamond = QPainterPath(QPointF(x, y - r))
    diamond.lineTo(x + r, y)
    diamond.lineTo(x, y + r)
    diamond.lineTo(x - r, y)
    diamond.closeSubpath()
    pen = QPen(ring, max(r * 0.11, 0.5),
               Qt.PenStyle.DashLine if grasp is None else Qt.PenStyle.SolidLine)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(style.grasp_fill(grasp))
    painter.drawPath(diamond)
    if grasp is not None:
        # The figure in black or white, whichever reads on the faded fill.
        fill = style.grasp_fill(grasp)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff" if grey_level(fill) < 0.55 else "#202020"))
        painter.drawPath(text_path(str(grasp), r * 0.8, bold=True, at=(x, y)))
    painter.restore()


def paint_other_chart_marks(painter: QPainter, chart: ChartPainter,
                            marks: Iterable[OtherChartMark], oldest: int,
                            scale: float = 1.0) -> None:
    """The marks, oldest first, faded by age as the earlier sites are (render.overlay)."""
    for m in marks:
        paint_other_chart_mark(painter, chart, m.x, m.y, m.grasp, age_fade(m.age, oldest),
                               mark_radius(chart, scale))
