"""The spinal-segment chart: multifidus per level and side, landmarks with their levels, drawing
invariants, clicks that resolve to the level under the finger, and the window recording them."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from imsmap.atlas import geometry
from imsmap.atlas.views import LEVELS, load_views, parse_view
from test_ui_support import (  # noqa: F401 - fixtures
    click_region,
    make_window,
    qt_settings,
    window,
)

VIEWS = load_views(validate=True)  # every path parsed and checked
SPINAL_LEVELS = list(LEVELS[LEVELS.index("C2") : LEVELS.index("S1") + 1])


@pytest.fixture(scope="module")
def view():
    if "spinal" not in VIEWS:
        pytest.fail("the atlas ships no spinal chart (run python tools/atlas/build_spinal.py)")
    return VIEWS["spinal"]


def _mf(view, level, side):
    return view.region(f"spinal.superficial.multifidus.{level}.{side}")


def test_the_view_loads_and_validates(view):
    raw = json.loads((resources.files("imsmap.assets") / "bodycharts" / "views" / "spinal.json")
                     .read_text(encoding="utf-8"))
    again = parse_view(raw, "spinal.json")
    assert again.id == view.id == "spinal"
    assert view.kind == "spinal" and view.name == "Spine (segments)"
    assert view.viewer_left_is == "L"  # posterior: the patient's left on the viewer's left
    assert view.height > view.width >= 800
    assert [(layer.id, layer.name) for layer in view.layers] == [("superficial", "Paraspinal")]
    assert {d.kind for d in view.details} >= {"bone", "vertebra", "contour", "label"}


def test_multifidus_at_every_level_on_both_sides(view):
    assert len(view.regions) == 2 * len(SPINAL_LEVELS) == 48
    for r in view.regions:
        assert r.muscle == "multifidus" and r.layer == "superficial"
        assert r.id == f"spinal.superficial.multifidus.{r.level}.{r.side}"
    for level in SPINAL_LEVELS:
        for side in "LR":
            r = _mf(view, level, side)
            assert (r.level, r.side) == (level, side)


def test_patient_right_is_on_the_viewer_right(view):
    for level in SPINAL_LEVELS:
        left, right = _mf(view, level, "L"), _mf(view, level, "R")
        assert left.bbox[2] < view.width / 2 < right.bbox[0], level


def test_levels_run_top_to_bottom(view):
    for side in "LR":
        tops = [_mf(view, lv, side).bbox[1] for lv in SPINAL_LEVELS]
        labels = [_mf(view, lv, side).label[1] for lv in SPINAL_LEVELS]
        assert tops == sorted(tops) and labels == sorted(labels)
        # no level hides under the next: each starts below the previous one's label
        for above, below in zip(SPINAL_LEVELS, SPINAL_LEVELS[1:]):
            assert _mf(view, below, side).bbox[1] > _mf(view, above, side).label[1]


def test_landmarks_carry_their_levels(view):
    marks = {m.id: m for m in view.landmarks}
    expected = {"c7_prominens": "C7", "spine_of_scapula": "T3", "inferior_angle_scapula": "T7",
                "iliac_crest": "L4", "psis": "S2"}
    assert {k: marks[k].level for k in expected} == expected
    for m in view.landmarks:
        assert 0 <= m.x <= view.width and 0 <= m.y <= view.height and view.in_outline(m.x, m.y)
        assert m.level in m.name or m.id == "c7_prominens" and "C7" in m.name
    # C7 sits on the midline; each landmark lies at the height of the multifidus of its level
    assert marks["c7_prominens"].x == view.width / 2
    for key in ("c7_prominens", "spine_of_scapula", "inferior_angle_scapula"):
        m = marks[key]
        r = _mf(view, m.level, "R")
        assert r.bbox[1] - 12 <= m.y <= r.bbox[3] + 12, key
    ys = [marks[k].y for k in expected]
    assert ys == sorted(ys)
    # the iliac crest between the L4 and L5 levels, the PSIS below the S1 fascicles
    assert _mf(view, "L4", "R").bbox[1] < marks["iliac_crest"].y < _mf(view, "L5", "R").label[1]
    assert marks["psis"].y > _mf(view, "S1", "R").bbox[3]


def test_regions_lie_inside_the_outline(view):
    for r in view.regions:
        pts = np.asarray(r.polygon)
        inside = np.zeros(len(pts), dtype=bool)
        for poly in view.outline_polygons:
            inside |= geometry.points_in_polygon(poly, pts[:, 0], pts[:, 1])
        assert inside.all(), r.id


def test_regions_do_not_overlap(view):
    step = 1.0
    regions = view.regions
    for i, a in enumerate(regions):
        for b in regions[i + 1 :]:
            x0, y0 = max(a.bbox[0], b.bbox[0]), max(a.bbox[1], b.bbox[1])
            x1, y1 = min(a.bbox[2], b.bbox[2]), min(a.bbox[3], b.bbox[3])
            if x1 <= x0 or y1 <= y0:
                continue
            xs, ys = np.meshgrid(np.arange(x0, x1, step), np.arange(y0, y1, step))
            both = geometry.points_in_polygon(a.polygon, xs, ys) & geometry.points_in_polygon(b.polygon, xs, ys)
            assert not both.any(), (a.id, b.id)


def test_left_and_right_are_exact_mirrors(view):
    for level in SPINAL_LEVELS:
        left, right = _mf(view, level, "L"), _mf(view, level, "R")
        mirrored = [(view.width - x, y) for x, y in right.polygon]
        assert len(mirrored) == len(left.polygon)
        assert np.allclose(mirrored, left.polygon, atol=0.06), level
        assert left.label == pytest.approx((view.width - right.label[0], right.label[1]), abs=0.06)
        assert len(left.fibres) == len(right.fibres) > 3


def _section(region, x=None, y=None):
    """Length of the vertical (x given) or horizontal (y given) cut through the region."""
    if x is not None:
        ys = np.arange(region.bbox[1] - 1, region.bbox[3] + 1, 0.25)
        return float(geometry.points_in_polygon(region.polygon, np.full(ys.shape, x), ys).sum() * 0.25)
    xs = np.arange(region.bbox[0] - 1, region.bbox[2] + 1, 0.25)
    return float(geometry.points_in_polygon(region.polygon, xs, np.full(xs.shape, y)).sum() * 0.25)


def test_regions_are_comfortable_touch_targets(view):
    for r in view.regions:
        lx, ly = r.label
        assert _section(r, x=lx) >= 26, (r.id, _section(r, x=lx))
        assert _section(r, y=ly) >= 40, (r.id, _section(r, y=ly))
        assert geometry.inscribed_extent(r.polygon, step=1.0) >= 26, r.id


def test_a_click_at_each_label_resolves_to_its_level_and_side(view):
    for r in view.regions:
        hits = view.regions_at(*r.label)
        assert [h.id for h in hits] == [r.id]
        assert (hits[0].level, hits[0].side) == (r.level, r.side)
    # between the two sides, on the spinous processes, nothing is recorded
    for level in SPINAL_LEVELS:
        assert view.regions_at(view.width / 2, _mf(view, level, "R").label[1]) == []


def test_the_chart_paints(view, qapp):
    from PySide6.QtGui import QColor, QImage, QPainter

    from imsmap.render.chart_painter import ChartPainter
    from imsmap.render.style import LIGHT

    image = QImage(int(view.width / 2), int(view.height / 2), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(0.5, 0.5)
    ChartPainter(VIEWS, "spinal").paint_base(painter, labels=True)
    painter.end()
    r = _mf(view, "L4", "R")
    x, y = r.label
    pixel = image.pixelColor(round(x / 2) - 8, round(y / 2))  # muscle, beside the level text
    assert pixel != QColor("white") and pixel.name() != LIGHT.skin


def test_a_click_on_l4_right_records_multifidus_l4_right(qtbot, window, records, session):
    window.chart.set_view("spinal")
    assert window.chart.view_id == "spinal"
    region = _mf(window.chart.scene.chart.view, "L4", "R")
    click_region(qtbot, window, region)
    (site,) = records.repo.sites_for_session(session.id)
    assert (site.muscle_id, site.level, site.side.value) == ("multifidus", "L4", "R")
    assert site.view_id == "spinal" and site.layer == "superficial"
