"""Atlas 2026.12.7: longissimus and iliocostalis thoracis on the posterior paraspinal and deep sheets
carry level rows (`level_rows`), so a tap on them records a level by the muscle's own anatomy at the
tap's height (the transverse process, the rib at its angle); on 2026.12.6 they recorded none. The
paraspinal sheet's longissimus columns reach up to 345 (they began at 380). The catalogue changes
its version and the notes of longissimus, iliocostalis thoracis and spinalis. A clinic file written
by the code of atlas 2026.12.6 (tests/fixtures/atlas_2026_12_6.sql, made by
make_atlas_2026_12_6.py) keeps every site's meaning: a longissimus or iliocostalis site tapped
without a level keeps none (nothing is rewritten from its height), one whose level was chosen in
the inspector keeps that level; the PDF of its signed session says what it said when that code
wrote it (tests/fixtures/atlas_2026_12_6_session1.txt), apart from one marked line about the
charts."""

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
from support import file_from_sql, rows_by_id, says_what_it_said
from test_ui_support import click_chart, make_window, qt_settings, window  # noqa: F401 - fixtures

FIXTURES = Path(__file__).parent / "fixtures"
SCRIPT = FIXTURES / "atlas_2026_12_6.sql"
# what session 1 of the file recorded: (view, layer, muscle, side, level, point)
RECORDED = [
    ("posterior", "paraspinal", "longissimus_thoracis", "R", None, (542.0, 502.0)),  # beside T6's tip
    ("posterior", "paraspinal", "longissimus_thoracis", "L", None, (458.0, 604.0)),
    ("posterior", "paraspinal", "iliocostalis_thoracis", "L", None, (422.0, 560.0)),
    ("posterior", "paraspinal", "iliocostalis_thoracis", "R", "T3", (572.0, 450.0)),  # chosen
    ("posterior", "deep", "longissimus_thoracis", "R", None, (519.4, 596.0)),
    ("posterior", "deep", "iliocostalis_thoracis", "L", None, (449.2, 562.0)),
    ("posterior", "paraspinal", "spinalis", "R", "T6", (512.0, 502.0)),
    ("spinal", "superficial", "longissimus_thoracis", "L", "T7", (332.0, 958.3))]
# what today's columns would give at those heights (sites 1-6), which the sites do not take
TODAY = ["T7", "T11", "T8", "T4", "T10", "T8"]
CHANGED_NOTES = {"longissimus_thoracis", "iliocostalis_thoracis", "spinalis"}


@pytest.fixture
def old_file(tmp_path):
    return file_from_sql(SCRIPT, tmp_path / "old.sqlite3")


@pytest.fixture
def old_records(old_file):
    recs = open_records(old_file, actor="test.physio")
    yield recs
    recs.db.close()


def _column(atlas, muscle, layer, side):
    return next(r for r in atlas.view("posterior").regions_on(layer)
                if r.muscle == muscle and r.side == side)


def test_the_2026_12_6_catalogue_ships_as_released_and_only_three_notes_changed():
    folder = bodycharts_folder()
    then = json.loads((folder / "archive" / "catalogue-2026.12.6.json").read_text(encoding="utf-8"))
    # 2026.12.7 as released (archived since 2026.12.8, which changed iliocostalis's note again)
    now = json.loads((folder / "archive" / "catalogue-2026.12.7.json").read_text(encoding="utf-8"))
    assert (then.pop("version"), now.pop("version")) == ("2026.12.6", "2026.12.7")
    assert then["renamed"] == now["renamed"] == {}
    assert [m["id"] for m in then["muscles"]] == [m["id"] for m in now["muscles"]]
    notes = {m["id"]: m.get("note") for m in now["muscles"]}
    for old, new in zip(then["muscles"], now["muscles"], strict=True):
        if old["id"] in CHANGED_NOTES:
            assert old.pop("note", None) != new.pop("note", None), old["id"]
        assert old == new  # names, nerves, roots, levels, tiers: all as released
    assert "transverse process" in notes["longissimus_thoracis"]
    assert "Geelhoed" in notes["longissimus_thoracis"]
    assert "angle" in notes["iliocostalis_thoracis"]
    old = archived_catalogue("2026.12.6")
    assert old is not None and old.version == "2026.12.6"


def test_the_longissimus_column_of_2026_12_7_reaches_t1(atlas):
    for side in "LR":
        region = _column(atlas, "longissimus_thoracis", "paraspinal", side)
        assert (round(region.bbox[1]), round(region.bbox[3])) == (345, 690)  # 380-690 on 2026.12.6
        assert region.level_at(region.bbox[1] + 4) == "T1"


def test_records_made_on_atlas_2026_12_6_keep_their_meaning(old_file, tmp_path, qapp):
    before = rows_by_id(old_file)
    recs = open_records(old_file, actor="test.physio")
    try:
        session = recs.repo.session(1)
        assert session.atlas_version == "2026.12.6" and recs.atlas.version == "2026.12.9"
        assert session.is_signed
        sites = sorted(recs.repo.sites_for_session(1), key=lambda s: s.seq)
        assert [(s.view_id, s.layer, s.muscle_id, s.side.value, s.level,
                 (round(s.x, 1), round(s.y, 1))) for s in sites] == RECORDED
        # where today's columns would give a level from the height, the sites keep what they
        # recorded: none for those tapped without one, T3 (not T4) for the one chosen
        today = [_column(recs.atlas, s.muscle_id, s.layer, s.side.value).level_at(s.y)
                 for s in sites[:6]]
        assert today == TODAY
        rows = {r.root for r in segmental_summary(sites, recs.atlas.catalogue)}
        assert rows == {"T3", "T6", "T7", UNLEVELLED}
        write_session_pdf(recs, 1, tmp_path / "s.pdf", paper="A4",
                          generated=datetime(2026, 12, 6, 2, 0))
    finally:
        recs.db.close()
    assert rows_by_id(old_file) == before  # reading the file and writing its PDF rewrote nothing


def test_the_pdf_of_a_session_signed_on_2026_12_6_says_what_it_said(old_records, tmp_path, qapp,
                                                                     charts_as_pictures):
    out = write_session_pdf(old_records, 1, tmp_path / "s.pdf", paper="A4",
                            generated=datetime(2026, 12, 6, 2, 0))
    # written by code that presents a record as today's does (support.presented_today: nothing
    # to bring up to date)
    then = (FIXTURES / "atlas_2026_12_6_session1.txt").read_text(encoding="utf-8")
    text = says_what_it_said(out, then, "2026.12.6", old_records.atlas.version)
    assert "(atlas 2026.12.6)" in text and "(atlas 2026.12.9)" not in text


def test_a_tap_on_longissimus_on_2026_12_7_records_its_level(qtbot, window, records, session):
    # where the right longissimus site of the 2026.12.6 file was tapped (no level then)
    window.chart.set_view("posterior")
    window.chart.set_layer("paraspinal")
    click_chart(qtbot, window, *RECORDED[0][5])
    (site,) = records.repo.sites_for_session(session.id)
    assert (site.muscle_id, site.side.value, site.layer, site.level) == (
        "longissimus_thoracis", "R", "paraspinal", "T7")
    assert records.repo.session(session.id).atlas_version == "2026.12.9"
    rows = {r.root for r in segmental_summary([site], records.atlas.catalogue)}
    assert rows == {"T7"}
