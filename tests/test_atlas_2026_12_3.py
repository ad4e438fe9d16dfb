"""Atlas 2026.12.3 (issue 17, the deep sheets drawn as layers) and the records made on 2026.12.2: a
clinic file written by the code of atlas 2026.12.2 (tests/fixtures/atlas_2026_12_2.sql, made by
make_atlas_2026_12_2.py) keeps every site's meaning, although several of the regions it was tapped
on were redrawn, moved to another sheet or taken off a view; the PDF of its signed session says what
it said when that code wrote it (tests/fixtures/atlas_2026_12_2_session1.txt), apart from one marked
line about the charts. New taps on the redrawn sheets record what they show."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from imsmap.atlas import load_atlas
from imsmap.atlas.archive import archived_catalogue
from imsmap.domain.segments import UNLEVELLED, segmental_summary
from imsmap.report.session_pdf import write_session_pdf
from imsmap.services.context import open_records
from imsmap.services.safety import thorax_tier
from support import presented_today, says_what_it_said

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def old_records(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "atlas_2026_12_2.sql").read_text(encoding="utf-8"))
    conn.close()
    recs = open_records(path, actor="test.physio")
    yield recs
    recs.db.close()


def test_the_2026_12_2_catalogue_ships_as_released():
    old = archived_catalogue("2026.12.2")
    assert old is not None and old.version == "2026.12.2"
    assert "without a chart region" in old.get("interspinales").note  # its words of then
    then = archived_catalogue("2026.12.3")  # as released (2026.12.4 changed only its version)
    assert then.version == "2026.12.3" and "without a chart region" not in then.get("interspinales").note
    assert [m.id for m in old] == [m.id for m in then] == [m.id for m in load_atlas().catalogue]


def test_records_made_on_atlas_2026_12_2_keep_their_meaning(old_records):
    recs = old_records
    session = recs.repo.session(1)
    assert session.atlas_version == "2026.12.2" and recs.atlas.version == "2026.12.9"
    assert session.is_signed
    sites = {s.seq: s for s in recs.repo.sites_for_session(1)}
    assert [(sites[n].muscle_id, sites[n].side, sites[n].level) for n in sorted(sites)] == [
        ("semispinalis_thoracis", "L", None), ("psoas_major", "R", None),
        ("external_intercostals", "R", None), ("brachialis", "R", None),
        ("external_intercostals", "R", "T6"), ("interspinales", "M", "L4"),
        ("semispinalis_cervicis", "R", "C4"), ("multifidus", "L", "C8"), ("gracilis", "L", None)]
    for site in sites.values():  # every old id, view and layer is still valid
        assert recs.atlas.muscle(site.muscle_id).id == site.muscle_id
        assert site.layer in recs.atlas.view(site.view_id).layer_ids, site
    # tapped on regions 2026.12.3 took off those sheets: gracilis of the anterior deep sheet, the
    # arm of the lateral deep sheet, semispinalis thoracis beside spinalis (psoas major, taken off
    # the anterior deep sheet in 2026.12.3, is back on it since iliopsoas is drawn to the lesser
    # trochanter: the old site lies on its muscle's sheet again)
    gone = {(s.view_id, s.layer, s.muscle_id) for s in sites.values()} - {
        (v.id, r.layer, r.muscle) for v in recs.atlas.views.values() for r in v.regions}
    assert gone == {("anterior", "deep", "gracilis"), ("lateral_right", "deep", "brachialis"),
                    ("posterior", "paraspinal", "semispinalis_thoracis")}
    rows = {r.root: r for r in segmental_summary(sites.values(), recs.atlas.catalogue)}
    assert rows["T6"].side("R").sites == [5] and rows["L4"].side("M").sites == [6]
    assert rows["C4"].side("R").sites == [7] and rows["C8"].side("L").sites == [8]
    # segmental sites tapped without a level stay valid, in their own row, counted for no root
    assert rows[UNLEVELLED].side("L").sites == [1] and rows[UNLEVELLED].side("R").sites == [3]
    assert 4 in rows["C5"].side("R").sites and 2 in rows["L2"].side("R").sites
    assert thorax_tier(recs.atlas, sites[1]) == "high" and thorax_tier(recs.atlas, sites[6]) == "none"


def test_the_pdf_of_a_session_signed_on_2026_12_2_says_what_it_said(old_records, tmp_path, qapp, charts_as_pictures):
    out = write_session_pdf(old_records, 1, tmp_path / "s.pdf", paper="A4",
                            generated=datetime(2026, 12, 3, 10, 0))
    # presented as today's code presents the same record (support.presented_today)
    then = presented_today((FIXTURES / "atlas_2026_12_2_session1.txt").read_text(encoding="utf-8"))
    says_what_it_said(out, then, "2026.12.2", old_records.atlas.version)


def _tap(records, session, view_id, muscle, layer, level=None, side="R"):
    view = records.atlas.view(view_id)
    region = next(r for r in view.regions_on(layer) if r.muscle == muscle and r.level == level
                  and r.side == side)
    return records.add_site(session.id, view_id, *region.label, layer=layer)


def test_taps_on_the_redrawn_sheets_record_what_they_show(records, session):
    # an anterior intercostal space now records its level (the space below rib X is level X)
    site = _tap(records, session, "anterior", "internal_intercostals", "deep", "T3")
    assert (site.muscle_id, site.level) == ("internal_intercostals", "T3")
    # transversus abdominis lies under internal oblique: the same point, one sheet deeper
    oblique = next(r for r in records.atlas.view("anterior").regions_on("deep")
                   if r.muscle == "internal_oblique" and r.side == "R")
    below = records.resolve_muscle("anterior", *oblique.label, "deepest")
    assert below is not None and below[:3] == ("transversus_abdominis", "R", "deepest")
    # the cervical interspinous box, semispinalis thoracis by level under the erector
    site = _tap(records, session, "spinal", "interspinales", "deep", "C5", side="M")
    assert (site.muscle_id, site.side, site.level) == ("interspinales", "M", "C5")
    site = _tap(records, session, "posterior", "semispinalis_thoracis", "deepest", "T6", side="L")
    assert (site.muscle_id, site.side, site.level) == ("semispinalis_thoracis", "L", "T6")
    # the lateral trunk, with the arm lifted off it
    deep = {r.muscle for r in records.atlas.view("lateral_left").regions_on("deep")}
    assert {"iliocostalis_thoracis", "quadratus_lumborum", "internal_oblique"} <= deep
    assert not deep & {"brachialis", "supinator", "tibialis_posterior"}
