"""Atlas 2026.12.2 (issue 17) and the records made before it: a clinic file written by the code of
atlas 2026.12.1 (tests/fixtures/atlas_2026_12_1.sql, made by make_atlas_2026_12_1.py) keeps every
site's meaning, and the PDF of its signed session says what it said when that code wrote it
(tests/fixtures/atlas_2026_12_1_session1.txt), apart from one marked line about the charts."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from imsmap.atlas import AtlasError, load_atlas
from imsmap.atlas.archive import archived_catalogue, archived_versions
from imsmap.domain.segments import UNLEVELLED, segmental_summary
from imsmap.report.session_pdf import atlas_version_notes, write_session_pdf
from imsmap.services.context import open_records
from imsmap.services.safety import thorax_tier
from support import presented_today, says_what_it_said

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def old_records(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "atlas_2026_12_1.sql").read_text(encoding="utf-8"))
    conn.close()
    recs = open_records(path, actor="test.physio")
    yield recs
    recs.db.close()


def test_released_catalogues_ship_as_they_were():
    assert archived_versions() == ("2026.11.1", "2026.12.1", "2026.12.2", "2026.12.3", "2026.12.4",
                                  "2026.12.5", "2026.12.6", "2026.12.7", "2026.12.8")
    old = archived_catalogue("2026.12.1")
    assert old.version == "2026.12.1" and old.get("multifidus").levels[-1] == "S1"
    assert "rotatores" not in old and "rotatores" in load_atlas().catalogue
    assert archived_catalogue("2026.11.1").get("multifidus").levels == ()  # before levels
    assert archived_catalogue("2099.1.1") is None and archived_catalogue("../catalogue") is None
    atlas = load_atlas()
    assert atlas.as_of(atlas.version) is atlas
    assert atlas.as_of("2026.12.1").views is atlas.views
    assert not atlas.carries("2025.1.1")
    with pytest.raises(AtlasError, match="does not carry the catalogue of atlas 2025.1.1"):
        atlas.as_of("2025.1.1")


def test_records_made_on_atlas_2026_12_1_keep_their_meaning(old_records):
    recs = old_records
    session = recs.repo.session(1)
    assert session.atlas_version == "2026.12.1" and recs.atlas.version == "2026.12.9"
    assert session.is_signed
    sites = {s.seq: s for s in recs.repo.sites_for_session(1)}
    assert [(sites[n].muscle_id, sites[n].level) for n in sorted(sites)] == [
        ("multifidus", "C7"), ("multifidus", "T4"), ("serratus_posterior_superior", None),
        ("longissimus_thoracis", None), ("transversus_abdominis", None),
        ("tibialis_posterior", None), ("lumbricals_hand", None), ("multifidus", "L5")]
    for site in sites.values():  # every old id and view is still valid
        assert recs.atlas.muscle(site.muscle_id).id == site.muscle_id
        assert site.view_id in recs.atlas.views
    rows = {r.root: r for r in segmental_summary(sites.values(), recs.atlas.catalogue)}
    # The C7 site, tapped in the middle of the whole groove of 2026.12.1 (now C7 above, C8 below),
    # keeps its level and its root; a site without a level stays valid, in its own row.
    assert rows["C7"].side("R").sites == [1] and 1 not in rows["C8"].side("R").sites
    assert rows["T4"].side("L").sites == [2] and rows["L5"].side("R").sites == [6, 8]  # with #6, L4-L5
    assert rows[UNLEVELLED].side("L").sites == [4]
    assert thorax_tier(recs.atlas, sites[1]) == "high" and thorax_tier(recs.atlas, sites[8]) == "none"


def test_the_pdf_of_an_old_signed_session_says_what_it_said(old_records, tmp_path, qapp, charts_as_pictures):
    out = write_session_pdf(old_records, 1, tmp_path / "s.pdf", paper="A4",
                            generated=datetime(2026, 12, 2, 15, 0))
    # presented as today's code presents the same record (support.presented_today)
    then = presented_today((FIXTURES / "atlas_2026_12_1_session1.txt").read_text(encoding="utf-8"),
                           one_piece=(("Hands, palmar", "right"),))
    text = says_what_it_said(out, then, "2026.12.1", old_records.atlas.version)
    assert "(atlas 2026.12.1)" in text and "(atlas 2026.12.9)" not in text


def test_a_signed_session_on_an_atlas_this_imsmap_lacks_is_marked(old_records):
    # as a record written by a newer imsmap, with a catalogue this one does not carry, would be
    record = old_records.session_record(1)
    record = replace(record, session=replace(record.session, atlas_version="2099.1.1"))
    used, notes = atlas_version_notes(old_records, record)
    assert used is old_records and len(notes) == 1
    assert notes[0].startswith("Recorded on atlas 2099.1.1, which this imsmap does not carry")
    assert "follow atlas 2026.12.9" in notes[0]
    # a draft, or a record of the current atlas, needs no note and no other catalogue
    draft = replace(record, session=replace(record.session, atlas_version="2026.12.9"))
    assert atlas_version_notes(old_records, draft) == (old_records, [])
