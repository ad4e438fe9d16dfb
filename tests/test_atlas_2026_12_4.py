"""Atlas 2026.12.4 (issue 17 follow-ups): teres major on the lateral deep sheets, and the crowded
names of the posterior hip, the paraspinal sheet and the anterior neck placed by the generators'
hints. The catalogue changes only in its version. A clinic file written by the code of atlas
2026.12.3 (tests/fixtures/atlas_2026_12_3.sql, made by make_atlas_2026_12_3.py) keeps every site's
meaning, among them a site tapped on an intercostal space at a point teres major now covers; the PDF
of its signed session says what it said when that code wrote it
(tests/fixtures/atlas_2026_12_3_session1.txt), apart from one marked line about the charts."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from imsmap.atlas import geometry, load_atlas
from imsmap.atlas.archive import archived_catalogue
from imsmap.atlas.folder import bodycharts_folder
from imsmap.domain.segments import segmental_summary
from imsmap.render.chart_labels import label_text
from imsmap.render.chart_painter import text_path
from imsmap.render.style import LIGHT
from imsmap.report.session_pdf import write_session_pdf
from imsmap.services.context import open_records
from imsmap.services.safety import thorax_tier
from support import presented_today, says_what_it_said
from test_ui_support import click_region, make_window, qt_settings, window  # noqa: F401 - fixtures

FIXTURES = Path(__file__).parent / "fixtures"
LATERAL = ("lateral_right", "lateral_left")


@pytest.fixture
def old_records(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "atlas_2026_12_3.sql").read_text(encoding="utf-8"))
    conn.close()
    recs = open_records(path, actor="test.physio")
    yield recs
    recs.db.close()


def _one(view, layer, muscle):
    found = [r for r in view.regions_on(layer) if r.muscle == muscle]
    assert len(found) == 1, (view.id, layer, muscle, [r.id for r in found])
    return found[0]


def test_the_2026_12_3_catalogue_ships_as_released_and_only_the_version_changed():
    folder = bodycharts_folder()
    then = json.loads((folder / "archive" / "catalogue-2026.12.3.json").read_text(encoding="utf-8"))
    # 2026.12.4 as released (archived since 2026.12.5, which changed three muscles: test_atlas_2026_12_5)
    now = json.loads((folder / "archive" / "catalogue-2026.12.4.json").read_text(encoding="utf-8"))
    assert (then.pop("version"), now.pop("version")) == ("2026.12.3", "2026.12.4")
    assert then == now  # ids, nerves, roots, notes: all as released
    old = archived_catalogue("2026.12.3")
    assert old.version == "2026.12.3"
    teres = load_atlas().catalogue.get("teres_major")
    assert (teres.nerve, teres.roots, teres.dominant_root) == (
        "Lower subscapular nerve", ("C5", "C6", "C7"), "C6")
    assert (old.get("teres_major").nerve, old.get("teres_major").roots) == (teres.nerve, teres.roots)


@pytest.mark.parametrize("view_id", LATERAL)
def test_teres_major_runs_below_teres_minor_from_the_inferior_angle_to_the_humerus(view_id):
    view = load_atlas().view(view_id)
    major, minor = _one(view, "deep", "teres_major"), _one(view, "deep", "teres_minor")
    assert major.side == ("R" if view_id == "lateral_right" else "L")
    underlays = [geometry.flatten(d.d)[0] for d in view.details if d.kind == "underlay"]
    scapula = next(p for p in underlays if geometry.point_in_polygon(p, *minor.label))
    sx0, sy0, sx1, sy1 = geometry.bbox(scapula)
    x0, y0, x1, y1 = major.bbox
    # below teres minor: its centre lower, and it reaches lower, to the inferior angle
    assert geometry.centroid(major.polygon)[1] > geometry.centroid(minor.polygon)[1]
    assert y1 >= sy1 - 2 and y1 > minor.bbox[3]
    ax, ay = max(scapula, key=lambda p: p[1])  # the inferior angle: the muscle covers it
    assert any(major.contains(ax + dx, ay - dy) for dx in (-3, -1.5, 0, 1.5, 3) for dy in (0, 2, 4))
    # up and forwards to the humerus (the underlay the cuff reaches, cut below its neck): its
    # upper end touches the shaft at the level of the surgical neck, not the head or tubercle
    forward = 1 if view_id == "lateral_right" else -1
    front = max(minor.polygon, key=lambda p: forward * p[0])  # teres minor's insertion
    humerus = next(p for p in underlays if p is not scapula and geometry.point_in_polygon(p, *front))
    tip = min(major.polygon, key=lambda p: p[1])
    assert any(geometry.point_in_polygon(humerus, tip[0] + forward * dx, tip[1] + dy)
               for dx in (0, 2, 4) for dy in (-3, 0, 3)), tip
    hx0, hy0, hx1, hy1 = geometry.bbox(humerus)
    assert hy1 - 20 < tip[1] < hy1 + 8  # at the cut shaft, below the head
    assert y0 > hy0 + 30  # nothing of it over the humeral head
    # thicker than teres minor (it is the larger of the two)
    assert geometry.inscribed_extent(major.polygon, step=1.0) > geometry.inscribed_extent(minor.polygon, step=1.0)
    # the intercostal spaces stop where it covers the chest wall
    for r in view.regions_on("deep"):
        if r.muscle == "external_intercostals":
            xs, ys = np.meshgrid(np.arange(x0, x1, 2.0), np.arange(y0, y1, 2.0))
            both = geometry.points_in_polygon(major.polygon, xs, ys) & geometry.points_in_polygon(
                r.polygon, xs, ys)
            assert both.sum() * 4 < 30, r.id


@pytest.mark.parametrize("view_id", LATERAL)
def test_a_tap_on_teres_major_on_the_lateral_deep_sheet_records_teres_major(qtbot, window, records,
                                                                           session, view_id):
    window.chart.set_view(view_id)
    window.chart.set_layer("deep")
    scene = window.chart.scene
    region = next(r for r in scene.chart.regions() if r.muscle == "teres_major")
    assert scene.region_at(*region.label) is region
    click_region(qtbot, window, region)
    (site,) = records.repo.sites_for_session(session.id)
    side = "R" if view_id == "lateral_right" else "L"
    assert (site.muscle_id, site.side.value, site.layer, site.view_id, site.level) == (
        "teres_major", side, "deep", view_id, None)
    # its nerve and roots as before: it counts for C5-C7, and near the pleura (caution)
    rows = {r.root: r for r in segmental_summary([site], records.atlas.catalogue)}
    assert all(rows[root].side(side).sites == [site.seq] for root in ("C5", "C6", "C7"))
    assert thorax_tier(records.atlas, site) == "caution"


def test_records_made_on_atlas_2026_12_3_keep_their_meaning(old_records):
    recs = old_records
    session = recs.repo.session(1)
    assert session.atlas_version == "2026.12.3" and recs.atlas.version == "2026.12.9"
    assert session.is_signed
    sites = {s.seq: s for s in recs.repo.sites_for_session(1)}
    assert [(sites[n].view_id, sites[n].layer, sites[n].muscle_id, sites[n].side, sites[n].level)
            for n in sorted(sites)] == [
        ("lateral_right", "deep", "external_intercostals", "R", "T6"),
        ("lateral_left", "deep", "teres_minor", "L", None),
        ("posterior", "deep", "gemellus_superior", "L", None),
        ("posterior", "paraspinal", "iliocostalis_thoracis", "R", None),
        ("anterior", "deep", "scalene_middle", "L", None),
        ("posterior", "superficial", "teres_major", "R", None)]
    # the sixth space was tapped where teres major lay from 2026.12.4 to 2026.12.8 (a tap there
    # recorded teres major), the old site keeping its space, its level and its root; since
    # 2026.12.9 the inferior angle of the scapula lies higher, over rib 7, teres major with it,
    # and a tap there records the sixth space again
    first = sites[1]
    assert recs.resolve_muscle("lateral_right", first.x, first.y, "deep") == (
        "external_intercostals", "R", "deep", "T6")
    rows = {r.root: r for r in segmental_summary(sites.values(), recs.atlas.catalogue)}
    assert rows["T6"].side("R").sites == [1]
    assert 6 in rows["C6"].side("R").sites and 2 in rows["C5"].side("L").sites
    # every other old site still lies on its own muscle's region, but teres major's (6): since
    # 2026.12.8 the posterior sheets draw the inferior angle of the scapula higher, at the T7
    # spine, and its point lies over latissimus dorsi; the site names teres major still
    for n in (1, 2, 3, 4, 5):
        s = sites[n]
        assert any(r.muscle == s.muscle_id and r.side == s.side and r.contains(s.x, s.y)
                   for r in recs.atlas.view(s.view_id).regions_on(s.layer)), s
    assert recs.resolve_muscle("posterior", sites[6].x, sites[6].y, "superficial")[:3] == (
        "latissimus_dorsi", "R", "superficial")
    assert [thorax_tier(recs.atlas, sites[n]) for n in sorted(sites)] == [
        "high", "none", "none", "high", "high", "caution"]


def test_the_pdf_of_a_session_signed_on_2026_12_3_says_what_it_said(old_records, tmp_path, qapp, charts_as_pictures):
    out = write_session_pdf(old_records, 1, tmp_path / "s.pdf", paper="A4",
                            generated=datetime(2026, 12, 3, 20, 0))
    # presented as today's code presents the same record (support.presented_today)
    then = presented_today((FIXTURES / "atlas_2026_12_3_session1.txt").read_text(encoding="utf-8"))
    says_what_it_said(out, then, "2026.12.3", old_records.atlas.version)


def _name_box(view, region):
    text, k = label_text(region, view.kind, view.in_group(region))
    return text_path(text, LIGHT.label_size * k, at=region.name_at or region.label).boundingRect()


def test_the_hip_rotators_are_named_in_a_column_under_the_buttock_in_their_order():
    view = load_atlas().view("posterior")
    order = ("gemellus_superior", "obturator_internus", "gemellus_inferior", "quadratus_femoris")
    for side in ("L", "R"):
        regions = [next(r for r in view.regions_on("deep") if r.muscle == m and r.side == side)
                   for m in order]
        assert all(r.name_at is not None for r in regions)
        rows = [r.name_at[1] for r in regions]
        assert rows == sorted(rows) and len(set(rows)) == 4  # top to bottom in their order
        lowest = max(max(p[1] for p in r.polygon) for r in regions)
        boxes = [_name_box(view, r) for r in regions]
        assert all(b.top() > lowest for b in boxes)  # under the buttock, over the thigh
        # short leaders straight down, none past the hip towards the forearm
        assert all(abs(r.name_at[1] - r.label[1]) < 190 for r in regions)
        hand = 500 + (-1 if side == "L" else 1) * 261  # the hand's inner edge beside the thigh
        for b in boxes:
            assert (b.left() > hand - 12) if side == "L" else (b.right() < hand + 12)
            assert (b.right() < 500) if side == "L" else (b.left() > 500)


def test_the_paraspinal_and_neck_names_stay_beside_their_own_muscles():
    atlas = load_atlas()
    view = atlas.view("posterior")
    para = {(r.muscle, r.side): r for r in view.regions_on("paraspinal")}
    for side, out in (("R", 1), ("L", -1)):
        ilio, longi = para[("iliocostalis_thoracis", side)], para[("longissimus_thoracis", side)]
        for r in (ilio, longi):  # beside the back, lateral to iliocostalis, not over longissimus
            box = _name_box(view, r)
            edge = max(out * p[0] for p in ilio.polygon)
            assert min(out * box.left(), out * box.right()) > edge, r.id
            assert not any(longi.contains(box.center().x() + dx, box.center().y())
                           for dx in np.linspace(-0.45, 0.45, 9) * box.width()), r.id
    neck = atlas.view("anterior")
    for side in ("R", "L"):
        names = [next(r for r in neck.regions_on("deep") if r.muscle == m and r.side == side)
                 for m in ("longus_colli", "scalene_anterior", "scalene_middle", "scalene_posterior")]
        rows = [r.name_at[1] for r in names]
        assert rows == sorted(rows)
        for r in names:  # beside the neck, above the clavicle, on its own side
            box = _name_box(neck, r)
            assert box.bottom() < 345 and abs(r.name_at[1] - r.label[1]) < 60, r.id
            assert (box.right() < 500) if neck.viewer_left_is == side else (box.left() > 500), r.id
