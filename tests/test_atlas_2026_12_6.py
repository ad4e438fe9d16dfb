"""Atlas 2026.12.6: the posterior paraspinal sheet's spinalis columns run from 359 to 671 (they ran
from 384 to 646) and carry level rows (`level_rows`, a field new in the view format), so a tap on
spinalis records the level of the spine beside it; on 2026.12.5 it recorded none. The catalogue
changes only in its version. A clinic file written by the code of atlas 2026.12.5
(tests/fixtures/atlas_2026_12_5.sql, made by make_atlas_2026_12_5.py) keeps every site's meaning:
a spinalis site tapped without a level keeps none (nothing is rewritten from its height), one whose
level was chosen in the inspector keeps that level; the PDF of its signed session says what it said
when that code wrote it (tests/fixtures/atlas_2026_12_5_session1.txt), apart from one marked line
about the charts."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from imsmap.atlas.archive import archived_catalogue
from imsmap.atlas.folder import bodycharts_folder
from imsmap.domain.segments import UNLEVELLED, segmental_summary
from imsmap.report.session_pdf import write_session_pdf
from imsmap.services.context import open_records
from support import file_from_sql, presented_today, rows_by_id, says_what_it_said
from test_ui_support import click_chart, make_window, qt_settings, window  # noqa: F401 - fixtures

FIXTURES = Path(__file__).parent / "fixtures"
SCRIPT = FIXTURES / "atlas_2026_12_5.sql"
# what session 1 of the file recorded: (muscle, side, layer, level, point)
RECORDED = [("spinalis", "R", "paraspinal", None, (512.0, 626.0)),
            ("spinalis", "L", "paraspinal", None, (488.0, 470.0)),
            ("spinalis", "R", "paraspinal", "T8", (512.0, 420.0)),  # level chosen in the inspector
            ("longissimus_thoracis", "R", "paraspinal", None, (542.0, 604.0)),
            ("iliocostalis_thoracis", "L", "paraspinal", None, (422.0, 560.0)),
            ("multifidus", "R", "superficial", "T6", (495.1, 880.5))]


@pytest.fixture
def old_file(tmp_path):
    return file_from_sql(SCRIPT, tmp_path / "old.sqlite3")


@pytest.fixture
def old_records(old_file):
    recs = open_records(old_file, actor="test.physio")
    yield recs
    recs.db.close()


def _spinalis(atlas, side):
    return next(r for r in atlas.view("posterior").regions_on("paraspinal")
                if r.muscle == "spinalis" and r.side == side)


def test_the_2026_12_5_catalogue_ships_as_released_and_only_the_version_changed():
    folder = bodycharts_folder()
    then = json.loads((folder / "archive" / "catalogue-2026.12.5.json").read_text(encoding="utf-8"))
    # 2026.12.6 as released (archived since 2026.12.7, which changed notes of the erector spinae)
    now = json.loads((folder / "archive" / "catalogue-2026.12.6.json").read_text(encoding="utf-8"))
    assert (then.pop("version"), now.pop("version")) == ("2026.12.5", "2026.12.6")
    assert then == now  # ids, nerves, roots, levels, tiers, notes: all as released
    old = archived_catalogue("2026.12.5")
    assert old is not None and old.version == "2026.12.5"
    assert old.get("spinalis").levels == tuple(f"T{k}" for k in range(1, 13))


@pytest.mark.parametrize("side", ["R", "L"])
def test_the_spinalis_column_of_2026_12_6(atlas, side):
    region = _spinalis(atlas, side)
    top, bottom = region.bbox[1], region.bbox[3]
    assert (round(top), round(bottom)) == (359, 671)  # 384-646 on 2026.12.5
    assert region.level is None and region.levels == tuple(f"T{k}" for k in range(1, 13))


def test_records_made_on_atlas_2026_12_5_keep_their_meaning(old_file, tmp_path, qapp):
    before = rows_by_id(old_file)
    recs = open_records(old_file, actor="test.physio")
    try:
        session = recs.repo.session(1)
        assert session.atlas_version == "2026.12.5" and recs.atlas.version == "2026.12.9"
        assert session.is_signed
        sites = [s for s in sorted(recs.repo.sites_for_session(1), key=lambda s: s.seq)]
        assert [(s.muscle_id, s.side.value, s.layer, s.level, (round(s.x, 1), round(s.y, 1)))
                for s in sites] == RECORDED
        # where today's column would give a level from the height, the sites keep what they
        # recorded: none for the two tapped without one, T8 (not T3) for the one chosen
        column = _spinalis(recs.atlas, "R")
        assert [column.level_at(s.y) for s in sites[:3]] == ["T11", "T5", "T3"]
        rows = {r.root: r for r in segmental_summary(sites, recs.atlas.catalogue)}
        assert set(rows) == {"T6", "T8", UNLEVELLED}
        # reading the file and writing its PDF rewrote nothing (the PDF's integrity line, that the
        # signature still holds: the next test)
        write_session_pdf(recs, 1, tmp_path / "s.pdf", paper="A4",
                          generated=datetime(2026, 12, 5, 19, 0))
    finally:
        recs.db.close()
    assert rows_by_id(old_file) == before


def test_the_pdf_of_a_session_signed_on_2026_12_5_says_what_it_said(old_records, tmp_path, qapp,
                                                                     charts_as_pictures):
    out = write_session_pdf(old_records, 1, tmp_path / "s.pdf", paper="A4",
                            generated=datetime(2026, 12, 5, 19, 0))
    then = presented_today((FIXTURES / "atlas_2026_12_5_session1.txt").read_text(encoding="utf-8"))
    text = says_what_it_said(out, then, "2026.12.5", old_records.atlas.version)
    assert "(atlas 2026.12.5)" in text and "(atlas 2026.12.9)" not in text


def test_a_tap_on_spinalis_on_2026_12_6_records_its_level(qtbot, window, records, session):
    # where the right spinalis site of the 2026.12.5 file was tapped (no level then)
    window.chart.set_view("posterior")
    window.chart.set_layer("paraspinal")
    click_chart(qtbot, window, *RECORDED[0][4])
    (site,) = records.repo.sites_for_session(session.id)
    assert (site.muscle_id, site.side.value, site.layer, site.level) == (
        "spinalis", "R", "paraspinal", "T11")
    assert records.repo.session(session.id).atlas_version == "2026.12.9"
    rows = {r.root for r in segmental_summary([site], records.atlas.catalogue)}
    assert rows == {"T11"}
