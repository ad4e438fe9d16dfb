"""The spinal-segment chart: multifidus per level and side, landmarks with their levels, drawing
invariants, clicks that resolve to the level under the finger, and the window recording them."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from imsmap.atlas import geometry
from imsmap.atlas.view_files import load_views
from imsmap.atlas.view_parser import parse_view
from imsmap.atlas.views import SEGMENT_LEVELS
from test_ui_support import (  # noqa: F401 - fixtures
    click_region,
    make_window,
    qt_settings,
    window,
)

VIEWS = load_views(validate=True)  # every path parsed and checked
# Multifidus on the spinal chart (atlas 2026.12.2): C2-C7, C8 (the C7-T1 junction), T1-L5, S1-S4.
SPINAL_LEVELS = ["C2", "C3", "C4", "C5", "C6", "C7", "C8", *(f"T{i}" for i in range(1, 13)),
                 *(f"L{i}" for i in range(1, 6)), "S1", "S2", "S3", "S4"]
assert set(SPINAL_LEVELS) <= set(SEGMENT_LEVELS)
LONG_COLUMN = {
    "longissimus_cervicis": [f"C{i}" for i in range(2, 8)],
    "longissimus_thoracis": [f"T{i}" for i in range(1, 13)],
    "iliocostalis_thoracis": [f"T{i}" for i in range(1, 13)],
    "longissimus_lumborum": [f"L{i}" for i in range(1, 6)],
    "iliocostalis_lumborum": [f"L{i}" for i in range(1, 5)],
    "erector_spinae": ["S2", "S3", "S4"],
}
SECOND_LAYER = {
    "semispinalis_cervicis": [f"C{i}" for i in range(2, 8)],
    "rotatores": [f"T{i}" for i in range(1, 13)],
    "interspinales": [f"C{i}" for i in range(2, 8)] + [f"L{i}" for i in range(1, 6)],
    "intertransversarii": [f"L{i}" for i in range(1, 5)],
    "levatores_costarum": ["C8", *(f"T{i}" for i in range(1, 12))],
}


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
    assert [(layer.id, layer.name) for layer in view.layers] == [
        ("superficial", "Multifidus and erector spinae"),
        ("deep", "Semispinalis, rotatores and short muscles")]
    assert {d.kind for d in view.details} >= {"bone", "vertebra", "contour", "label", "underlay"}


def test_multifidus_at_every_level_on_both_sides(view):
    mf = [r for r in view.regions if r.muscle == "multifidus"]
    assert len(mf) == 2 * len(SPINAL_LEVELS) == 56
    for r in mf:
        assert r.layer == "superficial" and r.tag == "Mf"
        assert r.id == f"spinal.superficial.multifidus.{r.level}.{r.side}"
    for level in SPINAL_LEVELS:
        for side in "LR":
            r = _mf(view, level, side)
            assert (r.level, r.side) == (level, side)


def test_the_long_column_and_the_second_layer_carry_their_levels(view):
    from imsmap.atlas.catalogue import load_catalogue

    cat = load_catalogue()
    for layer, columns in (("superficial", LONG_COLUMN), ("deep", SECOND_LAYER)):
        for muscle, levels in columns.items():
            regions = [r for r in view.regions_on(layer) if r.muscle == muscle]
            sides = "M" if muscle == "interspinales" else "LR"
            assert sorted((r.level, r.side) for r in regions) == sorted(
                (lv, s) for lv in levels for s in sides), muscle
            for r in regions:  # every level drawn is one the catalogue lets a site record
                assert r.level in cat.get(muscle).levels and r.tag, r.id
    # C1: the suboccipital recti beside the midline, no level (one root, C1)
    for muscle in ("rectus_capitis_posterior_minor", "rectus_capitis_posterior_major"):
        regions = [r for r in view.regions if r.muscle == muscle]
        assert {r.side for r in regions} == {"L", "R"} and {r.level for r in regions} == {None}
        assert cat.get(muscle).roots == ("C1",)
        assert all(r.bbox[3] < _mf(view, "C2", "R").bbox[1] for r in regions)


def test_patient_right_is_on_the_viewer_right(view):
    for r in view.regions:
        if r.side == "R":
            assert r.bbox[0] > view.width / 2, r.id
        elif r.side == "L":
            assert r.bbox[2] < view.width / 2, r.id
        else:
            assert r.bbox[0] < view.width / 2 < r.bbox[2], r.id


def test_levels_run_top_to_bottom(view):
    for side in "LR":
        tops = [_mf(view, lv, side).bbox[1] for lv in SPINAL_LEVELS]
        labels = [_mf(view, lv, side).label[1] for lv in SPINAL_LEVELS]
        assert tops == sorted(tops) and labels == sorted(labels)
        # no level hides under the next: each starts below the previous one's label
        for above, below in zip(SPINAL_LEVELS, SPINAL_LEVELS[1:]):
            assert _mf(view, below, side).bbox[1] > _mf(view, above, side).label[1]
        # a row reads across: each long-column box sits at the height of the multifidus of its level
        for muscle, levels in LONG_COLUMN.items():
            for lv in levels:
                r = view.region(f"spinal.superficial.{muscle}.{lv}.{side}")
                mf = _mf(view, lv, side)
                if lv == "C7":  # the C7 row holds both halves of the groove, C7 and C8
                    mf = _mf(view, "C8", side)
                assert r.bbox[1] - 14 < mf.label[1] < r.bbox[3] + 14, r.id


def test_c8_is_the_lower_half_of_the_groove_below_the_c7_lamina(view):
    for side in "LR":
        c7, c8, t1 = _mf(view, "C7", side), _mf(view, "C8", side), _mf(view, "T1", side)
        assert c7.bbox[1] < c8.bbox[1] and c7.bbox[3] < c8.bbox[3] and c8.label[1] < t1.bbox[1]
        assert c7.label[1] < c8.label[1] and not c7.contains(*c8.label) and not c8.contains(*c7.label)
        # the two share the groove's width (between the C7 spinous process and the transverse process)
        assert abs(c7.bbox[0] - c8.bbox[0]) < 6 and abs(c7.bbox[2] - c8.bbox[2]) < 6
    text = (Path(__file__).parents[1] / "docs" / "atlas-format.md").read_text(encoding="utf-8")
    assert "lower half" in text and "C7-T1 junction" in text


def test_landmarks_carry_their_levels(view):
    marks = {m.id: m for m in view.landmarks}
    expected = {"c7_prominens": "C7", "spine_of_scapula": "T3", "inferior_angle_scapula": "T7",
                "iliac_crest": "L4", "psis": "S2"}
    assert {k: marks[k].level for k in expected} == expected
    for m in view.landmarks:
        assert 0 <= m.x <= view.width and 0 <= m.y <= view.height and view.in_outline(m.x, m.y)
        assert m.level in m.name or m.id == "c7_prominens" and "C7" in m.name
    # C7 sits on the midline; each landmark lies at the height of the multifidus of its level (the
    # tip of the long C7 spinous process hangs over the C7-T1 junction: the C7 or C8 box)
    assert marks["c7_prominens"].x == view.width / 2
    c7 = marks["c7_prominens"]
    assert _mf(view, "C7", "R").bbox[1] - 12 <= c7.y <= _mf(view, "C8", "R").bbox[3] + 12
    for key in ("spine_of_scapula", "inferior_angle_scapula"):
        m = marks[key]
        r = _mf(view, m.level, "R")
        assert r.bbox[1] - 12 <= m.y <= r.bbox[3] + 12, key
    ys = [marks[k].y for k in expected]
    assert ys == sorted(ys)
    # the iliac crest between the L4 and L5 levels, the PSIS at S2 below the S1 fascicles
    assert _mf(view, "L4", "R").bbox[1] < marks["iliac_crest"].y < _mf(view, "L5", "R").label[1]
    assert marks["psis"].y > _mf(view, "S1", "R").bbox[3]
    s2 = _mf(view, "S2", "R")
    assert s2.bbox[1] - 4 <= marks["psis"].y <= s2.bbox[3] + 4


def test_regions_lie_inside_the_outline(view):
    for r in view.regions:
        pts = np.asarray(r.polygon)
        inside = np.zeros(len(pts), dtype=bool)
        for poly in view.outline_polygons:
            inside |= geometry.points_in_polygon(poly, pts[:, 0], pts[:, 1])
        assert inside.all(), r.id


def test_regions_of_a_layer_do_not_overlap(view):
    step = 1.0
    for layer in view.layer_ids:
        regions = view.regions_on(layer)
        for i, a in enumerate(regions):
            for b in regions[i + 1 :]:
                x0, y0 = max(a.bbox[0], b.bbox[0]), max(a.bbox[1], b.bbox[1])
                x1, y1 = min(a.bbox[2], b.bbox[2]), min(a.bbox[3], b.bbox[3])
                if x1 <= x0 or y1 <= y0:
                    continue
                xs, ys = np.meshgrid(np.arange(x0, x1, step), np.arange(y0, y1, step))
                both = (geometry.points_in_polygon(a.polygon, xs, ys)
                        & geometry.points_in_polygon(b.polygon, xs, ys))
                assert not both.any(), (a.id, b.id)


def test_left_and_right_are_exact_mirrors(view):
    by_id = {r.id: r for r in view.regions}
    pairs = 0
    for r in view.regions:
        if r.side != "R":
            continue
        left = by_id[r.id[:-1] + "L"]
        mirrored = [(view.width - x, y) for x, y in r.polygon]
        assert len(mirrored) == len(left.polygon)
        assert np.allclose(mirrored, left.polygon, atol=0.06), r.id
        assert left.label == pytest.approx((view.width - r.label[0], r.label[1]), abs=0.06)
        assert len(left.fibres) == len(r.fibres) > 2
        pairs += 1
    assert pairs == len([r for r in view.regions if r.side == "L"]) > 100


def _section(region, x=None, y=None):
    """Length of the vertical (x given) or horizontal (y given) cut through the region."""
    if x is not None:
        ys = np.arange(region.bbox[1] - 1, region.bbox[3] + 1, 0.25)
        return float(geometry.points_in_polygon(region.polygon, np.full(ys.shape, x), ys).sum() * 0.25)
    xs = np.arange(region.bbox[0] - 1, region.bbox[2] + 1, 0.25)
    return float(geometry.points_in_polygon(region.polygon, xs, np.full(xs.shape, y)).sum() * 0.25)


# C7 and C8 share the groove below the C7 lamina (one groove, two segments): each is half as tall,
# and as wide as its neighbours.
HALF_GROOVES = {"C7", "C8"}


def test_regions_are_comfortable_touch_targets(view):
    for r in view.regions:
        lx, ly = r.label
        tall = 20 if (r.muscle == "multifidus" and r.level in HALF_GROOVES) else 26
        assert _section(r, x=lx) >= tall, (r.id, _section(r, x=lx))
        assert _section(r, y=ly) >= 40, (r.id, _section(r, y=ly))
        assert geometry.inscribed_extent(r.polygon, step=1.0) >= min(tall, 26), r.id


def test_a_click_at_each_label_resolves_to_its_level_and_side(view):
    for r in view.regions:
        hits = [h for h in view.regions_at(*r.label) if h.layer == r.layer]
        assert [h.id for h in hits] == [r.id]
        assert (hits[0].level, hits[0].side) == (r.level, r.side)
    # between the two sides, on the spinous processes, nothing is recorded on the first layer
    for level in SPINAL_LEVELS:
        hits = view.regions_at(view.width / 2, _mf(view, level, "R").label[1])
        assert [h for h in hits if h.layer == "superficial"] == []


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
