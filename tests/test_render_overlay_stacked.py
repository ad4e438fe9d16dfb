"""Earlier visits' markers stacked at the same point (a visit whose sites were copied from the
last one): only what shows is painted, and the picture is the one every marker painted in turn
gives, but for the soft edge of a stack of markers of one size."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from imsmap.atlas.view_parser import parse_view
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.markers import OTHER_LAYER_RING
from imsmap.render.overlay import (
    EARLIER_SCALE,
    EarlierMarkers,
    OverlayMarker,
    paint_overlay,
)

VIEW = parse_view({
    "id": "posterior", "name": "Posterior", "kind": "body", "width": 1000, "height": 2000,
    "viewer_left_is": "L", "layers": [{"id": "superficial"}, {"id": "deep"}],
    "outline": ["M 100 100 L 900 100 L 900 1900 L 100 1900 Z"],
    "regions": [{"id": "gmed_r", "muscle": "gluteus_medius", "side": "R", "layer": "superficial",
                 "d": "M 500 800 L 800 800 L 800 1100 L 500 1100 Z", "label": [650, 950]},
                {"id": "gmin_r", "muscle": "gluteus_minimus", "side": "R", "layer": "deep",
                 "d": "M 500 800 L 800 800 L 800 1100 L 500 1100 Z", "label": [650, 950]}],
}, "test view")

POINTS = [(200.0 + 150 * (i % 5), 300.0 + 200 * (i // 5)) for i in range(15)]
SCALE = 0.5  # device pixels a view unit


def _visits(ages, grade=lambda age, i: (0, 1, 2, 3)[(age + i) % 4], layer=""):
    """The same points at each visit of these ages, as copied forward."""
    return [OverlayMarker(x, y, grade(age, i), age, layer=layer)
            for age in ages for i, (x, y) in enumerate(POINTS)]


def _paint(markers, *, sprites: bool, one_by_one: bool, chart=None) -> np.ndarray:
    """The markers painted at once, or each alone in paint order (oldest first): what painting
    every marker gives."""
    chart = chart or ChartPainter(VIEW, "posterior")
    image = QImage(500, 1000, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    p = QPainter(image)
    p.scale(SCALE, SCALE)
    oldest = max(m.age for m in markers)
    shown = chart if chart.layer else None
    if one_by_one:
        for m in sorted(markers, key=lambda m: -m.age):
            paint_overlay(p, chart, EarlierMarkers([m], oldest, shown), (), sprites=sprites)
    else:
        paint_overlay(p, chart, EarlierMarkers(markers, oldest, shown), (), sprites=sprites)
    p.end()
    ptr = image.constBits()
    return np.frombuffer(ptr, np.uint8).reshape(1000, image.bytesPerLine())[:, :2000].reshape(
        1000, 500, 4)[:, :, :3].astype(int)


def _on_rings(every: np.ndarray, kept: np.ndarray, radii: list[float]) -> None:
    """Every pixel where the two pictures differ is within a pixel and a half of a circle of
    one of these radii (device pixels) round one of the points; some differ."""
    ys, xs = np.nonzero(np.abs(every - kept).max(axis=2) > 0)
    assert len(xs)
    for x, y in zip(xs + 0.5, ys + 0.5):
        d = min(math.hypot(x - px * SCALE, y - py * SCALE) for px, py in POINTS)
        assert min(abs(d - r) for r in radii) <= 1.5, (x, y, d, radii)


@pytest.mark.parametrize("sprites", [True, False])
def test_last_times_markers_over_copied_visits_paint_alone_the_same_picture(qapp, sprites):
    # Ten visits at the same 15 points: last time's markers, larger than older ones, hide
    # every older marker under them wholly.
    markers = _visits(range(10, 0, -1))
    earlier = EarlierMarkers(markers)
    assert len(earlier) == len(POINTS) and {m.age for m in earlier.markers} == {1}
    every = _paint(markers, sprites=sprites, one_by_one=True)
    kept = _paint(markers, sprites=sprites, one_by_one=False)
    assert (every != 255).any() and np.array_equal(every, kept)


@pytest.mark.parametrize("sprites", [True, False])
def test_a_stack_of_one_size_keeps_its_top_marker_and_differs_only_on_its_soft_edge(qapp,
                                                                                   sprites):
    markers = _visits(range(6, 1, -1))  # older visits: all the same size
    earlier = EarlierMarkers(markers)
    assert len(earlier) == len(POINTS) and {m.age for m in earlier.markers} == {2}
    every = _paint(markers, sprites=sprites, one_by_one=True)
    kept = _paint(markers, sprites=sprites, one_by_one=False)
    assert (kept != 255).any()
    # Every pixel that differs lies within a pixel and a half of a marker's outer edge (its
    # ring's), where the stack painted the same soft edge over itself again and again.
    radius = ChartPainter(VIEW, "posterior").style.marker_radius
    _on_rings(every, kept, [(radius + 1.0) * EARLIER_SCALE * SCALE])


def test_what_a_later_marker_does_not_cover_is_kept(qapp):
    x, y = POINTS[0]
    # an ungraded marker's ring is dashed: the one under it shows between its dashes
    assert len(EarlierMarkers([OverlayMarker(x, y, 3, 2), OverlayMarker(x, y, None, 1)])) == 2
    # a marker a little apart is not under it
    assert len(EarlierMarkers([OverlayMarker(x, y, 3, 2), OverlayMarker(x + 0.5, y, 2, 1)])) == 2
    # a graded one covers an ungraded one as large, or smaller
    assert len(EarlierMarkers([OverlayMarker(x, y, None, 2), OverlayMarker(x, y, 2, 2)])) == 1
    assert len(EarlierMarkers([OverlayMarker(x, y, None, 2), OverlayMarker(x, y, 0, 1)])) == 1
    # a site of another layer reaches out to its dashed ring: a marker of the layer shown
    # does not cover it, the same ring as large does, a larger one's dashes fall elsewhere
    superficial = ChartPainter(VIEW, "posterior", "superficial")
    deep, top = "deep", "superficial"
    assert len(EarlierMarkers([OverlayMarker(x, y, 3, 2, layer=deep),
                               OverlayMarker(x, y, 3, 1, layer=top)], shown=superficial)) == 2
    assert len(EarlierMarkers([OverlayMarker(x, y, 3, 3, layer=deep),
                               OverlayMarker(x, y, 1, 2, layer=deep)], shown=superficial)) == 1
    assert len(EarlierMarkers([OverlayMarker(x, y, 3, 2, layer=deep),
                               OverlayMarker(x, y, 1, 1, layer=deep)], shown=superficial)) == 2
    # ... and a marker of the layer shown is covered by one of another layer over it
    assert len(EarlierMarkers([OverlayMarker(x, y, 3, 2, layer=top),
                               OverlayMarker(x, y, 1, 2, layer=deep)], shown=superficial)) == 1


@pytest.mark.parametrize("sprites", [True, False])
def test_sites_of_another_layer_stacked_paint_the_same_picture(qapp, sprites):
    # the deep muscle's sites drawn on the superficial chart, paler and ringed: last time's
    # (larger, its dashes elsewhere) over older ones leaves the older rings showing
    markers = _visits(range(4, 0, -1), layer="deep")
    superficial = ChartPainter(VIEW, "posterior", "superficial")
    earlier = EarlierMarkers(markers, shown=superficial)
    assert len(earlier) == 2 * len(POINTS)  # last time's and the next one under it, ringed
    every = _paint(markers, sprites=sprites, one_by_one=True, chart=superficial)
    kept = _paint(markers, sprites=sprites, one_by_one=False, chart=superficial)
    assert (every != 255).any()
    # the older markers' soft edges, their rings' and their dashed rings' (each a ring of
    # pixels, the dashes thinner than a pixel here), differ; nothing else
    radius = superficial.style.marker_radius
    _on_rings(every, kept, [(radius + 1.0) * EARLIER_SCALE * SCALE,
                            (radius + OTHER_LAYER_RING) * EARLIER_SCALE * SCALE])


def test_a_stack_is_blitted_once_a_point(qapp):
    drawn = []

    class Counting(QPainter):
        def drawImage(self, *args):  # noqa: N802 - Qt's name
            drawn.append(args)
            super().drawImage(*args)

    image = QImage(500, 1000, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    p = Counting(image)
    p.scale(SCALE, SCALE)
    paint_overlay(p, ChartPainter(VIEW, "posterior"), _visits(range(40, 0, -1)), (),
                  sprites=True)
    p.end()
    assert len(drawn) == len(POINTS)  # of 600 markers, 40 visits at 15 points
