"""Atlas 2026.12.5: the anatomical audit (docs/atlas-audit.md). Four facts of the catalogue were
wrong and are corrected, one test each through the catalogue loader and, where it shows, through
the window and the session PDF:

- sternocleidomastoid lies over the cervical pleura at its lower attachments: tier `caution`
  (was `none`), so a site on it asks for the pneumothorax discussion, "near the pleura";
- splenius cervicis arises on T3-T6 and is charted down to the level of the T2 spinous process,
  beside rhomboid minor (`high`) and the lower levator scapulae (`caution`): tier `caution` (was
  `none`);
- the foot's lumbricals are in the second plantar layer (depth `intermediate`, was `deep`);
- flexor digiti minimi brevis of the foot is in the third plantar layer (depth `deep`, was
  `intermediate`).

A clinic file written by the code of atlas 2026.12.4 (tests/fixtures/atlas_2026_12_4.sql, made by
make_atlas_2026_12_4.py), whose signed session needled both sternocleidomastoids and a splenius
cervicis without a pneumothorax discussion recorded (2026.12.4 asked for none), keeps its meaning: its PDF says what it
said when that code wrote it (tests/fixtures/atlas_2026_12_4_session1.txt), apart from one marked
line about the charts, because it follows the catalogue of 2026.12.4, archived as released."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from imsmap.atlas import load_atlas
from imsmap.atlas.archive import archived_catalogue
from imsmap.atlas.folder import bodycharts_folder
from imsmap.report.session_pdf import write_session_pdf
from imsmap.services.context import open_records
from imsmap.services.safety import needs_pneumothorax_prompt, signing_checks, thorax_tier
from support import presented_today, says_what_it_said
from test_ui_support import click_region, make_window, qt_settings, window  # noqa: F401 - fixtures

FIXTURES = Path(__file__).parent / "fixtures"
CHANGED = {("sternocleidomastoid", "thorax_risk"), ("sternocleidomastoid", "note"),
           ("splenius_cervicis", "thorax_risk"), ("splenius_cervicis", "note"),
           ("lumbricals_foot", "depth"), ("lumbricals_foot", "note"),
           ("flexor_digiti_minimi_brevis_foot", "depth"), ("flexor_digiti_minimi_brevis_foot", "note")}


@pytest.fixture
def old_records(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "atlas_2026_12_4.sql").read_text(encoding="utf-8"))
    conn.close()
    recs = open_records(path, actor="test.physio")
    yield recs
    recs.db.close()


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the PDF back")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_2026_12_4_ships_as_released_and_the_audit_changed_only_its_four_facts():
    folder = bodycharts_folder()
    then = json.loads((folder / "archive" / "catalogue-2026.12.4.json").read_text(encoding="utf-8"))
    # 2026.12.5 as released (archived since 2026.12.6, which changed only its version)
    now = json.loads((folder / "archive" / "catalogue-2026.12.5.json").read_text(encoding="utf-8"))
    assert (then.pop("version"), now.pop("version")) == ("2026.12.4", "2026.12.5")
    assert then["renamed"] == now["renamed"] == {}
    assert [m["id"] for m in then["muscles"]] == [m["id"] for m in now["muscles"]]
    changed = {(a["id"], key) for a, b in zip(then["muscles"], now["muscles"])
               for key in a.keys() | b.keys() if a.get(key) != b.get(key)}
    assert changed == CHANGED  # no id, nerve, root, level or other tier moved
    assert archived_catalogue("2026.12.4").version == "2026.12.4"


def test_sternocleidomastoid_is_near_the_pleura():
    scm = load_atlas().catalogue.get("sternocleidomastoid")
    assert scm.thorax_risk() == "caution" and scm.pneumothorax_risk
    assert "cervical pleura" in scm.note
    # the nerve and roots stay: CN XI, with the C2-C3 branches (it counts for C2 and C3)
    assert (scm.roots, scm.dominant_root) == (("CN11", "C2", "C3"), "CN11")
    # as released in 2026.12.4 (what its signed records follow)
    assert archived_catalogue("2026.12.4").get("sternocleidomastoid").thorax_risk() == "none"


def test_splenius_cervicis_is_near_the_pleura():
    atlas = load_atlas()
    splenius = atlas.catalogue.get("splenius_cervicis")
    assert splenius.thorax_risk() == "caution" and splenius.pneumothorax_risk
    assert archived_catalogue("2026.12.4").get("splenius_cervicis").thorax_risk() == "none"
    # where it is charted: down beside rhomboid minor (on the ribs) and the lower levator
    # scapulae (over the first ribs and the apex), as low as they reach
    view = atlas.view("posterior")
    for side in ("R", "L"):
        deep = {r.muscle: r for r in view.regions_on("deep") if r.side == side}
        low = deep["splenius_cervicis"].bbox[3]
        assert low > deep["rhomboid_minor"].bbox[1] and low >= deep["levator_scapulae"].bbox[3] - 1
        assert atlas.catalogue.get("rhomboid_minor").thorax_risk() == "high"
        assert atlas.catalogue.get("levator_scapulae").thorax_risk() == "caution"


@pytest.mark.parametrize("view_id,layer,muscle,name", [
    ("anterior", "superficial", "sternocleidomastoid", "Sternocleidomastoid"),
    ("head_neck", "superficial", "sternocleidomastoid", "Sternocleidomastoid"),
    ("lateral_left", "superficial", "sternocleidomastoid", "Sternocleidomastoid"),
    ("posterior", "deep", "splenius_cervicis", "Splenius cervicis")])
def test_a_tap_on_the_muscle_asks_for_the_pneumothorax_discussion(
        qtbot, window, records, session, view_id, layer, muscle, name):
    window.chart.set_view(view_id)
    window.chart.set_layer(layer)
    scene = window.chart.scene
    region = next(r for r in scene.chart.regions() if r.muscle == muscle)
    assert scene.region_at(*region.label) is region
    click_region(qtbot, window, region)
    (site,) = records.repo.sites_for_session(session.id)
    assert site.muscle_id == muscle
    assert thorax_tier(records.atlas, site) == "caution"
    # what the window shows: the banner beside the sites, worded "near the pleura"
    details = window.details
    assert not details.thorax_banner.isHidden()
    assert f"Near the pleura: {name}." in details.thorax_text.text()
    # and signing asks for the discussion
    record = records.session_record(session.id)
    assert needs_pneumothorax_prompt(records.atlas, record.session, record.sites)
    assert "pneumothorax" in {c.key for c in signing_checks(records.atlas, record)}


def test_a_new_session_s_pdf_says_sternocleidomastoid_is_near_the_pleura(
        records, session, tmp_path, qapp, charts_as_pictures):
    region = next(r for r in records.atlas.view("anterior").regions
                  if r.muscle == "sternocleidomastoid" and r.side == "R")
    records.add_site(session.id, "anterior", *region.label, layer=region.layer, grasp=2)
    out = write_session_pdf(records, session.id, tmp_path / "s.pdf", paper="A4",
                            generated=datetime(2026, 12, 5, 9, 0))
    text = " ".join(_pdf_text(out).split())
    assert "Pneumothorax risk" in text and "Near the pleura: Sternocleidomastoid (1)." in text


def test_the_foot_s_lumbricals_and_flexor_digiti_minimi_brevis_lie_in_their_plantar_layers():
    atlas = load_atlas()
    cat = atlas.catalogue
    # Standring: first layer abductor hallucis, flexor digitorum brevis, abductor digiti minimi;
    # second quadratus plantae and the lumbricals; third flexor hallucis brevis, adductor hallucis
    # and flexor digiti minimi brevis; fourth the interossei
    layers = {"superficial": ("abductor_hallucis", "flexor_digitorum_brevis", "abductor_digiti_minimi_foot"),
              "intermediate": ("quadratus_plantae", "lumbricals_foot"),
              "deep": ("flexor_hallucis_brevis", "adductor_hallucis", "flexor_digiti_minimi_brevis_foot",
                       "plantar_interossei", "dorsal_interossei_foot")}
    for depth, muscles in layers.items():
        assert {m: cat.get(m).depth for m in muscles} == {m: depth for m in muscles}
    # the sole's sheets already drew them there: the catalogue now agrees with the drawing
    plantar = atlas.view("foot_plantar")
    for muscle in ("lumbricals_foot", "flexor_digiti_minimi_brevis_foot"):
        drawn = {r.layer for r in plantar.regions if r.muscle == muscle}
        assert drawn == {cat.get(muscle).depth}, muscle
    old = archived_catalogue("2026.12.4")
    assert (old.get("lumbricals_foot").depth, old.get("flexor_digiti_minimi_brevis_foot").depth) == (
        "deep", "intermediate")


def test_records_made_on_atlas_2026_12_4_keep_their_meaning(old_records):
    recs = old_records
    session = recs.repo.session(1)
    assert session.atlas_version == "2026.12.4" and recs.atlas.version == "2026.12.9"
    assert session.is_signed and not session.pneumothorax_discussed
    sites = {s.seq: s for s in recs.repo.sites_for_session(1)}
    assert [(sites[n].muscle_id, sites[n].side.value) for n in sorted(sites)] == [
        ("sternocleidomastoid", "R"), ("sternocleidomastoid", "L"), ("deltoid_middle", "R"),
        ("lumbricals_foot", "L"), ("flexor_digiti_minimi_brevis_foot", "R"),
        ("splenius_cervicis", "R")]
    record = recs.session_record(1)
    # read with the catalogue it was signed on, it needed no discussion, as then
    then = recs.atlas.as_of("2026.12.4")
    assert not needs_pneumothorax_prompt(then, record.session, record.sites)
    assert [thorax_tier(then, sites[n]) for n in sorted(sites)] == ["none"] * 6
    # today's catalogue would ask (what a new session on the same muscles is asked)
    assert [thorax_tier(recs.atlas, sites[n]) for n in sorted(sites)] == [
        "caution", "caution", "none", "none", "none", "caution"]


def test_the_pdf_of_a_session_signed_on_2026_12_4_says_what_it_said(old_records, tmp_path, qapp,
                                                                     charts_as_pictures):
    out = write_session_pdf(old_records, 1, tmp_path / "s.pdf", paper="A4",
                            generated=datetime(2026, 12, 4, 19, 0))
    # presented as today's code presents the same record (support.presented_today)
    then = presented_today(
        (FIXTURES / "atlas_2026_12_4_session1.txt").read_text(encoding="utf-8"),
        one_piece=(("Feet, plantar (soles) — intermediate layer", "left"),
                   ("Feet, plantar (soles) — deep layer", "right"),
                   ("Head and neck, lateral", "left")))
    text = says_what_it_said(out, then, "2026.12.4", old_records.atlas.version)
    assert "Pneumothorax risk" not in text and "Near the pleura" not in text
