"""An earlier visit's marker says its grade on its own, at any age, in grey print and to a
colour-blind eye: its dice pips (render.markers), not its lightness. The grades' fills step down
in lightness and the overlay fades earlier markers toward the background with age, so a strong
grasp three visits back had the grey of a moderate one today; with deuteranopia or protanopia
lightness is all that is left. Earlier markers carry no number (it would read as a site number
beside today's), so the pips count the grade: none for 0, one to three dots; ungraded keeps its
dashed ring. Counted here in the grey of the pixels the overlay's painter gives."""

from __future__ import annotations

from collections import deque

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from imsmap.atlas.view_parser import parse_view
from imsmap.domain.models import Side, Site
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.overlay import (
    EARLIER_SCALE,
    LAST_SCALE,
    EarlierMarkers,
    OverlayMarker,
    age_fade,
    faded_style,
    paint_overlay,
)
from imsmap.render.style import DARK, LIGHT, grey_level
from imsmap.ui.chart_scene import MIN_MARKER_RADIUS_PX
from imsmap.ui.chart_view import LegendSwatch
from imsmap.ui.history_overlay import EARLIER_BOOST

VIEW = parse_view({
    "id": "posterior", "name": "Posterior", "kind": "body", "width": 600, "height": 400,
    "viewer_left_is": "L", "layers": [{"id": "superficial"}],
    "outline": ["M 10 10 L 590 10 L 590 390 L 10 390 Z"],
    "regions": [{"id": "gmed_r", "muscle": "gluteus_medius", "side": "R", "layer": "superficial",
                 "d": "M 500 300 L 580 300 L 580 380 L 500 380 Z", "label": [540, 340]}],
}, "test view")
GRADES = (None, 0, 1, 2, 3)
OLDEST = 3
# The window at fitted size: today's markers at their smallest on screen, earlier ones at the
# overlay's sizes of that (HistoryOverlayItem.paint); one view unit to a pixel here.
SCALE = MIN_MARKER_RADIUS_PX / LIGHT.marker_radius * EARLIER_BOOST


def _grey(image: QImage) -> np.ndarray:
    """Rec. 601 grey, 0..1: what a grey printer (or a colour-blind eye's lightness) keeps."""
    img = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h = img.width(), img.height()
    raw = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes())
    rgb = raw.reshape(h, img.bytesPerLine())[:, : 3 * w].reshape(h, w, 3) / 255.0
    return rgb @ np.array([0.299, 0.587, 0.114])


def _blobs(mask: np.ndarray) -> int:
    """Connected groups of True pixels (8 neighbours)."""
    seen = np.zeros_like(mask)
    count = 0
    for y0, x0 in zip(*np.nonzero(mask)):
        if seen[y0, x0]:
            continue
        count += 1
        seen[y0, x0] = True
        todo = deque([(y0, x0)])
        while todo:
            y, x = todo.popleft()
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    v, u = y + dy, x + dx
                    if (0 <= v < mask.shape[0] and 0 <= u < mask.shape[1] and mask[v, u]
                            and not seen[v, u]):
                        seen[v, u] = True
                        todo.append((v, u))
    return count


def pips_in(grey: np.ndarray, cx: float, cy: float, r: float, fill_grey: float) -> int:
    """The dots inside a marker of radius r at (cx, cy) (its ring left out): groups of pixels
    whose grey stands apart from the fill's."""
    ys, xs = np.mgrid[0:grey.shape[0], 0:grey.shape[1]]
    inside = (xs + 0.5 - cx) ** 2 + (ys + 0.5 - cy) ** 2 <= (0.86 * r) ** 2
    return _blobs(inside & (np.abs(grey - fill_grey) > 0.25))


def _site(x: float, y: float, grasp: int | None) -> Site:
    return Site(id=1, session_id=9, seq=1, muscle_id="gluteus_medius", side=Side.RIGHT,
                view_id="posterior", x=x, y=y, grasp=grasp)


@pytest.mark.parametrize("sprites", [None, False], ids=["sprites", "vector"])
@pytest.mark.parametrize("style", [LIGHT, DARK], ids=["light", "dark"])
def test_each_earlier_grade_shows_its_pips_at_every_age_in_grey(qapp, style, sprites):
    """Every grade at every age shown, last time to the oldest: as many pips as its grade in
    the grey of the pixels; an old strong grasp and a moderate one last time, about as light
    as each other, differ by their pips."""
    chart = ChartPainter(VIEW, "posterior", style=style)
    markers = [OverlayMarker(60 + 100 * i, 60 + 100 * (age - 1), g, age)
               for i, g in enumerate(GRADES) for age in range(1, OLDEST + 1)]
    image = QImage(VIEW.width, VIEW.height, QImage.Format.Format_RGB32)
    image.fill(QColor(style.background))
    p = QPainter(image)
    paint_overlay(p, chart, EarlierMarkers(markers, OLDEST), [_site(540, 340, 2)], scale=SCALE,
                  sprites=sprites)
    p.end()
    grey = _grey(image)
    counted = {}
    for m in markers:
        faded = faded_style(style, age_fade(m.age, OLDEST))
        r = style.marker_radius * SCALE * (LAST_SCALE if m.age <= 1 else EARLIER_SCALE)
        counted[m.grasp, m.age] = pips_in(grey, m.x, m.y, r,
                                          grey_level(faded.grasp_fill(m.grasp)))
    assert counted == {(g, age): g or 0 for g in GRADES for age in range(1, OLDEST + 1)}
    # On the light chart (and on paper) the fade lightens: an old strong grasp is about as
    # light as a moderate one last time, and only the pips tell them apart.
    fill = {age: faded_style(style, age_fade(age, OLDEST)) for age in (1, OLDEST)}
    if style is LIGHT:
        assert abs(grey_level(fill[OLDEST].grasp_fill(3))
                   - grey_level(fill[1].grasp_fill(2))) < 0.15
    assert counted[3, OLDEST] != counted[2, 1]


@pytest.mark.parametrize("grasp", GRADES)
def test_the_keys_grade_swatch_shows_the_pips_an_earlier_marker_has(qapp, grasp):
    """The legend under the chart says the code: each grade's swatch, beside its words, has
    its pips (the earlier markers' only sign of their grade but their colour)."""
    chart = ChartPainter(VIEW, "posterior")
    swatch = LegendSwatch(chart, grasp, size=18)
    image = swatch.grab().toImage()
    k = swatch.width() / (2 * chart.style.marker_radius + 6)
    centre = (chart.style.marker_radius + 3) * k
    fill = grey_level(chart.style.grasp_fill(grasp))
    assert pips_in(_grey(image), centre, centre, chart.style.marker_radius * k, fill) \
        == (grasp or 0)
