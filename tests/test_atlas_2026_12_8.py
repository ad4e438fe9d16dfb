"""Atlas 2026.12.8: the posterior sheets draw the inferior angle of the scapula level with the tip
of the T7 spine, the surface landmark (it lay at 569, between the T8 and T9 tips), with the
muscles on it (infraspinatus, teres minor and major, latissimus on the superficial sheet, rhomboid
major, infraspinatus and teres minor on the deep one, the deep erector columns up to rhomboid
major's lower border); the spine is where it was. Iliocostalis thoracis on the lateral deep sheets
carries level rows (`level_rows`), the rib at its angle under the tap, as on the posterior sheets
(on 2026.12.7 it recorded none). The catalogue changes its version and iliocostalis thoracis's
note. A clinic file written by the code of atlas 2026.12.7 (tests/fixtures/atlas_2026_12_7.sql,
made by make_atlas_2026_12_7.py) keeps every site's meaning: a site tapped where the old drawing
had infraspinatus, teres major or rhomboid major still names that muscle (its marker now lies
beside the new drawing), a lateral iliocostalis site tapped without a level keeps none, one whose
level was chosen keeps it; the PDF of its signed session says what it said
(tests/fixtures/atlas_2026_12_7_session1.txt), apart from one marked line about the charts."""

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
SCRIPT = FIXTURES / "atlas_2026_12_7.sql"
T7_TIP = 372 + 26 * 6  # the tip of the T7 spine on the posterior view (posterior.details)
# what session 1 of the file recorded: (view, layer, muscle, side, level, point)
RECORDED = [
    ("posterior", "superficial", "infraspinatus", "R", None, (595.0, 550.0)),
    ("posterior", "superficial", "teres_major", "L", None, (380.0, 560.0)),
    ("posterior", "deep", "rhomboid_major", "R", None, (570.0, 530.0)),
    ("lateral_right", "deep", "iliocostalis_thoracis", "R", None, (440.0, 600.0)),
    ("lateral_left", "deep", "iliocostalis_thoracis", "L", "T8", (568.0, 540.0)),  # chosen
    ("spinal", "superficial", "multifidus", "R", "L5", None)]
# what a tap at those points finds on 2026.12.8 (sites 1-3: the drawing moved from under them),
# and the level today's lateral columns would give at sites 4 and 5, which the sites do not take
TODAY_MUSCLES = ["latissimus_dorsi", "latissimus_dorsi", None]
TODAY_LEVELS = ["T9", "T7"]


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


def _lowest(d: str) -> tuple[float, float]:
    points = geometry.flatten(d)[0]
    return max(points, key=lambda p: p[1])


def test_the_2026_12_7_catalogue_ships_as_released_and_only_iliocostalis_s_note_changed():
    folder = bodycharts_folder()
    then = json.loads((folder / "archive" / "catalogue-2026.12.7.json").read_text(encoding="utf-8"))
    # 2026.12.8 as released (archived since 2026.12.9, which changed only the version)
    now = json.loads((folder / "archive" / "catalogue-2026.12.8.json").read_text(encoding="utf-8"))
    assert (then.pop("version"), now.pop("version")) == ("2026.12.7", "2026.12.8")
    assert then["renamed"] == now["renamed"] == {}
    for old, new in zip(then["muscles"], now["muscles"], strict=True):
        if old["id"] == "iliocostalis_thoracis":
            note = new.pop("note")
            assert old.pop("note") != note and "on the lateral deep sheets" in note
        assert old == new  # names, nerves, roots, levels, tiers: all as released
    old = archived_catalogue("2026.12.7")
    assert old is not None and old.version == "2026.12.7"


def test_the_inferior_angle_of_the_scapula_lies_level_with_the_t7_spine(atlas):
    view = atlas.view("posterior")
    bones = [d for d in view.details if d.kind == "bone"]
    # the scapulae: the bone outlines whose lowest point lies beside the shoulder blade's column
    angles = [_lowest(d.d) for d in bones if 60 <= abs(_lowest(d.d)[0] - 500) <= 120
              and 450 <= _lowest(d.d)[1] <= 600]
    assert len(angles) == 2
    for x, y in angles:
        assert abs(y - T7_TIP) <= 1, (x, y)  # 569 on 2026.12.7, between the T8 and T9 tips
    # the spine is where it was: the T7 spinous process's box is centred on its tip
    boxes = [geometry.bbox(geometry.flatten(d.d)[0]) for d in bones]
    assert any(x0 > 490 and x1 < 510 and abs((y0 + y1) / 2 - T7_TIP) < 0.5 for x0, y0, x1, y1 in boxes)
    # the muscles on the angle end there: none of the scapula's reaches far below it
    for layer, muscles in (("superficial", ("infraspinatus", "teres_minor", "teres_major")),
                           ("deep", ("infraspinatus", "teres_minor", "rhomboid_major"))):
        for r in view.regions_on(layer):
            if r.muscle in muscles:
                assert r.bbox[3] <= T7_TIP + 24, (r.id, r.bbox)
    # below the angle lies latissimus dorsi, on both sides
    for x in (595.0, 405.0):
        (below,) = _on(view, "superficial", x, 550.0)
        assert below.muscle == "latissimus_dorsi"


def test_records_made_on_atlas_2026_12_7_keep_their_meaning(old_file, tmp_path, qapp):
    before = rows_by_id(old_file)
    recs = open_records(old_file, actor="test.physio")
    try:
        session = recs.repo.session(1)
        assert session.atlas_version == "2026.12.7" and recs.atlas.version == "2026.12.9"
        assert session.is_signed
        sites = sorted(recs.repo.sites_for_session(1), key=lambda s: s.seq)
        got = [(s.view_id, s.layer, s.muscle_id, s.side.value, s.level,
                (round(s.x, 1), round(s.y, 1))) for s in sites]
        assert got[:5] == RECORDED[:5] and got[5][:5] == RECORDED[5][:5]
        # the drawing moved from under sites 1-3: a tap there now finds another muscle, or none;
        # the sites keep theirs
        found = []
        for s in sites[:3]:
            there = _on(recs.atlas.view(s.view_id), s.layer, s.x, s.y)
            found.append(there[0].muscle if there else None)
        assert found == TODAY_MUSCLES
        # today's lateral columns would give a level from the height; the sites keep theirs
        today = [_on(recs.atlas.view(s.view_id), s.layer, s.x, s.y)[0].level_at(s.y)
                 for s in sites[3:5]]
        assert today == TODAY_LEVELS
        rows = {r.root for r in segmental_summary(sites, recs.atlas.catalogue)}
        assert {"T8", "L5", UNLEVELLED} <= rows and "T9" not in rows and "T7" not in rows
        write_session_pdf(recs, 1, tmp_path / "s.pdf", paper="A4",
                          generated=datetime(2026, 12, 6, 10, 0))
    finally:
        recs.db.close()
    assert rows_by_id(old_file) == before  # reading the file and writing its PDF rewrote nothing


def test_the_pdf_of_a_session_signed_on_2026_12_7_says_what_it_said(old_records, tmp_path, qapp,
                                                                     charts_as_pictures):
    out = write_session_pdf(old_records, 1, tmp_path / "s.pdf", paper="A4",
                            generated=datetime(2026, 12, 6, 10, 0))
    then = (FIXTURES / "atlas_2026_12_7_session1.txt").read_text(encoding="utf-8")
    text = says_what_it_said(out, then, "2026.12.7", old_records.atlas.version)
    assert "(atlas 2026.12.7)" in text and "(atlas 2026.12.9)" not in text


def test_a_tap_below_the_new_angle_records_latissimus(qtbot, window, records, session):
    # where the right infraspinatus site of the 2026.12.7 file was tapped
    window.chart.set_view("posterior")
    window.chart.set_layer("superficial")
    click_chart(qtbot, window, *RECORDED[0][5])
    (site,) = records.repo.sites_for_session(session.id)
    assert (site.muscle_id, site.side.value, site.layer) == ("latissimus_dorsi", "R", "superficial")
    assert records.repo.session(session.id).atlas_version == "2026.12.9"
