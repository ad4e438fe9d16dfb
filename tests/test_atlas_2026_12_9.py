"""Atlas 2026.12.9: the lateral deep sheets draw the inferior angle of the scapula over rib 7 at
its angle (534), level with the T7 spine as the posterior sheets have had it since 2026.12.8 (the
surface landmark); it lay at 572-576, between the angles of ribs 8 and 9. The body of the scapula
below its neck is drawn shorter and the muscles on it end at the angle: infraspinatus and teres
minor above it, teres major on it (its lower border rising from there to the humerus); the
iliocostalis column behind the medial border comes up to the angle and keeps its rows (T5-T12,
the rib at its angle under the tap). The catalogue changes only its version. A clinic file
written by the code of atlas 2026.12.8 (tests/fixtures/atlas_2026_12_8.sql, made by
make_atlas_2026_12_8.py) keeps every site's meaning: a site tapped where the old drawing had teres
major, infraspinatus or teres minor still names that muscle (its marker now lies over rib 8,
the iliocostalis column or teres major), a lateral iliocostalis site keeps its level; the
PDF of its signed session says what it said (tests/fixtures/atlas_2026_12_8_session1.txt), apart
from one marked line about the charts."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from imsmap.atlas import geometry
from imsmap.atlas.archive import archived_catalogue
from imsmap.atlas.folder import bodycharts_folder
from imsmap.domain.segments import UNLEVELLED, segmental_summary
from imsmap.report.session_pdf import write_session_pdf
from imsmap.services.context import open_records
from support import file_from_sql, rows_by_id, says_what_it_said
from test_ui_support import click_chart, make_window, qt_settings, window  # noqa: F401 - fixtures

FIXTURES = Path(__file__).parent / "fixtures"
SCRIPT = FIXTURES / "atlas_2026_12_8.sql"
T7_TIP = 372 + 26 * 6  # the tip of the T7 spine on the posterior view (posterior.details)
RIB7_ANGLE = 534  # where rib 7 leaves the back on the lateral views (tools/atlas/lateral.py)
LATERAL = (("lateral_right", "R"), ("lateral_left", "L"))
# what session 1 of the file recorded: (view, layer, muscle, side, level, point)
RECORDED = [
    ("lateral_right", "deep", "teres_major", "R", None, (462.0, 567.0)),
    ("lateral_left", "deep", "infraspinatus", "L", None, (552.0, 530.0)),
    ("lateral_right", "deep", "teres_minor", "R", None, (459.0, 520.0)),
    ("lateral_left", "deep", "iliocostalis_thoracis", "L", "T8", (562.0, 560.0)),
    ("spinal", "superficial", "multifidus", "R", "T7", None)]
# what a tap at sites 1-3 finds on 2026.12.9 (the drawing moved from under them): (muscle, level);
# site 1 now lies on rib 8, in front of the iliocostalis column
TODAY = [None, ("iliocostalis_thoracis", "T7"), ("teres_major", None)]


@pytest.fixture
def old_file(tmp_path):
    return file_from_sql(SCRIPT, tmp_path / "old.sqlite3")


@pytest.fixture
def old_records(old_file):
    recs = open_records(old_file, actor="test.physio")
    yield recs
    recs.db.close()


def _on(view, layer: str, x: float, y: float) -> list:
    """The regions of `layer` under the point."""
    return [r for r in view.regions_at(x, y) if r.layer == layer]


def _scapula(view) -> list[tuple[float, float]]:
    """The outline of the scapula: of the two bones under the muscles that reach from the root of
    the neck to below the T5 rib (the scapula and the sternum), the wider."""
    bones = [pts for d in view.details if d.kind == "underlay" for pts in [geometry.flatten(d.d)[0]]
             if 365 <= min(y for _, y in pts) <= 380 and max(y for _, y in pts) > 500]
    assert len(bones) == 2
    return max(bones, key=lambda pts: max(x for x, _ in pts) - min(x for x, _ in pts))


def test_the_2026_12_8_catalogue_ships_as_released_and_only_the_version_changed():
    folder = bodycharts_folder()
    then = json.loads((folder / "archive" / "catalogue-2026.12.8.json").read_text(encoding="utf-8"))
    now = json.loads((folder / "catalogue.json").read_text(encoding="utf-8"))
    assert (then.pop("version"), now.pop("version")) == ("2026.12.8", "2026.12.9")
    assert then == now  # names, nerves, roots, levels, tiers, notes: all as released
    old = archived_catalogue("2026.12.8")
    assert old is not None and old.version == "2026.12.8"


@pytest.mark.parametrize("view_id, side", LATERAL)
def test_the_inferior_angle_lies_over_rib_7_level_with_the_t7_spine(atlas, view_id, side):
    view = atlas.view(view_id)
    x, y = max(_scapula(view), key=lambda p: p[1])
    assert abs(y - RIB7_ANGLE) <= 1, (x, y)  # 572 on 2026.12.8, between the angles of ribs 8 and 9
    assert abs(y - T7_TIP) <= 13  # within half a level of the posterior sheets' angle
    # the iliocostalis column behind the medial border reads T7 at the angle's height, and keeps
    # its rows: the rib at its angle, T5-T12
    (column,) = [r for r in view.regions_on("deep") if r.muscle == "iliocostalis_thoracis"]
    assert column.side == side and column.level_at(y) == "T7"
    assert column.levels == tuple(f"T{k}" for k in range(5, 13))
    # the muscles on the scapula end at the angle: infraspinatus and teres minor above it, teres
    # major on it; none reaches below it
    bottoms = {r.muscle: r.bbox[3] for r in view.regions_on("deep")
               if r.muscle in ("infraspinatus", "teres_minor", "teres_major")}
    assert bottoms["teres_major"] == pytest.approx(y, abs=4)
    assert bottoms["infraspinatus"] < y - 10 and bottoms["teres_minor"] < y - 10
    # each still holds its own name's point
    for r in view.regions_on("deep"):
        if r.muscle in bottoms or r.muscle == "supraspinatus":
            assert r in view.regions_at(*r.label), r.id


def test_records_made_on_atlas_2026_12_8_keep_their_meaning(old_file, tmp_path, qapp):
    before = rows_by_id(old_file)
    recs = open_records(old_file, actor="test.physio")
    try:
        session = recs.repo.session(1)
        assert session.atlas_version == "2026.12.8" and recs.atlas.version == "2026.12.9"
        assert session.is_signed
        sites = sorted(recs.repo.sites_for_session(1), key=lambda s: s.seq)
        got = [(s.view_id, s.layer, s.muscle_id, s.side.value, s.level,
                (round(s.x, 1), round(s.y, 1))) for s in sites]
        assert got[:4] == RECORDED[:4] and got[4][:5] == RECORDED[4][:5]
        # the drawing moved from under sites 1-3: a tap there now finds another muscle (and the
        # level its rows give), or none; the sites keep theirs
        found = []
        for s in sites[:3]:
            there = _on(recs.atlas.view(s.view_id), s.layer, s.x, s.y)
            found.append((there[0].muscle, there[0].level_at(s.y)) if there else None)
        assert found == TODAY
        # the iliocostalis site keeps the level it took from its tap, which today's rows give too
        (column,) = _on(recs.atlas.view(sites[3].view_id), "deep", sites[3].x, sites[3].y)
        assert column.muscle == "iliocostalis_thoracis" and column.level_at(sites[3].y) == "T8"
        rows = {r.root for r in segmental_summary(sites, recs.atlas.catalogue)}
        assert {"T7", "T8", "C5", "C6"} <= rows and UNLEVELLED not in rows
        write_session_pdf(recs, 1, tmp_path / "s.pdf", paper="A4",
                          generated=datetime(2026, 12, 6, 10, 0))
    finally:
        recs.db.close()
    assert rows_by_id(old_file) == before  # reading the file and writing its PDF rewrote nothing


def test_the_pdf_of_a_session_signed_on_2026_12_8_says_what_it_said(old_records, tmp_path, qapp,
                                                                     charts_as_pictures):
    out = write_session_pdf(old_records, 1, tmp_path / "s.pdf", paper="A4",
                            generated=datetime(2026, 12, 6, 10, 0))
    then = (FIXTURES / "atlas_2026_12_8_session1.txt").read_text(encoding="utf-8")
    text = says_what_it_said(out, then, "2026.12.8", old_records.atlas.version)
    assert "(atlas 2026.12.8)" in text and "(atlas 2026.12.9)" not in text


def test_a_tap_where_infraspinatus_ended_records_iliocostalis_at_t7(qtbot, window, records, session):
    # where the left infraspinatus site of the 2026.12.8 file was tapped, on the right sheet:
    # behind the medial border at the height of the new angle
    window.chart.set_view("lateral_right")
    window.chart.set_layer("deep")
    x, y = RECORDED[1][5]
    click_chart(qtbot, window, 1000 - x, y)
    (site,) = records.repo.sites_for_session(session.id)
    assert (site.muscle_id, site.side.value, site.layer, site.level) == (
        "iliocostalis_thoracis", "R", "deep", "T7")
    assert records.repo.session(session.id).atlas_version == "2026.12.9"
