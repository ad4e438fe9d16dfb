"""Atlas 2026.12: levels on the segmental muscles, the level-to-root rule, thorax risk by tier and
level (the consent prompt and the chart's warning follow it), the JSON shape, and records made on
atlas 2026.11.1 (tests/fixtures/atlas_2026_11.sql, written by the code of that version)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from imsmap.atlas import AtlasError
from imsmap.atlas.catalogue import RISK_TIERS, bodycharts_folder, load_catalogue
from imsmap.cli import main
from imsmap.domain.errors import UserFacingError
from imsmap.domain.segments import UNLEVELLED, level_root, segmental_summary, site_roots
from imsmap.services.context import open_records
from imsmap.services.safety import needs_pneumothorax_prompt, signing_checks, thorax_tier
from imsmap.ui.chart_words import describe_region

FIXTURE = Path(__file__).parent / "fixtures" / "atlas_2026_11.sql"


def levels(prefix: str, first: int, last: int) -> list[str]:
    return [f"{prefix}{i}" for i in range(first, last + 1)]


SEGMENTAL = {
    "multifidus": levels("C", 2, 8) + levels("T", 1, 12) + levels("L", 1, 5) + levels("S", 1, 4),
    # atlas 2026.12.2 (issue 17): the other paraspinal muscles
    "semispinalis_cervicis": levels("C", 2, 7),
    "longissimus_cervicis": levels("C", 2, 7),
    "spinalis": levels("T", 1, 12),
    "semispinalis_thoracis": levels("T", 1, 10),
    "levatores_costarum": ["C8"] + levels("T", 1, 11),
    "rotatores": levels("T", 1, 12),
    "interspinales": levels("C", 2, 7) + levels("L", 1, 5),
    "intertransversarii": levels("L", 1, 4),
    "erector_spinae": levels("C", 2, 8) + levels("T", 1, 12) + levels("L", 1, 5) + levels("S", 1, 4),
    "longissimus_thoracis": levels("T", 1, 12),
    "iliocostalis_thoracis": levels("T", 1, 12),
    "longissimus_lumborum": levels("L", 1, 5),
    "iliocostalis_lumborum": levels("L", 1, 4),
    "external_intercostals": levels("T", 1, 11),
    "internal_intercostals": levels("T", 1, 11),
    "rectus_abdominis": levels("T", 7, 12),
}


@pytest.fixture(scope="module")
def cat():
    return load_catalogue()


def spinal_spot(atlas, level: str, side: str = "R"):
    view = atlas.view("spinal")
    region = next(r for r in view.regions
                  if r.muscle == "multifidus" and r.level == level and r.side == side)
    return view.id, *region.label


# ------------------------------------------------------------------------------------ levels


def test_the_catalogue_states_which_muscles_are_segmental_and_their_levels(cat):
    assert cat.version == "2026.12.9"
    assert {m.id: list(m.levels) for m in cat if m.levels} == SEGMENTAL
    for m in cat:
        assert m.segmental == bool(m.levels)
        # A level names the root it counts for, so it must be one of the muscle's roots.
        assert set(m.levels) <= set(m.roots), m.id
    for not_segmental in ("deltoid_middle", "splenius_capitis", "semispinalis_capitis",
                          "external_oblique", "quadratus_lumborum"):
        assert cat.get(not_segmental).levels == ()


def test_level_to_root_keeps_the_number_across_the_cervical_offset():
    # C5 leaves above vertebra C5 and L4 below vertebra L4; the medial branch of each runs at
    # the vertebra of its own number, so the level keeps its number.
    assert [level_root(x) for x in ("C2", "C5", "C7", "C8", "T1", "T6", "L4", "S1")] == \
        ["C2", "C5", "C7", "C8", "T1", "T6", "L4", "S1"]
    for bad in ("C9", "T13", "t6", "L6", "", "CN11"):
        with pytest.raises(ValueError):
            level_root(bad)


def test_the_level_rule_is_written_down():
    text = (Path(__file__).parents[1] / "docs" / "atlas-format.md").read_text(encoding="utf-8")
    assert "## Levels (segmental muscles) and the root a level counts for" in text
    assert "**C8** has no vertebra" in text and "C7-T1 junction" in text
    for muscle in SEGMENTAL:
        assert f"`{muscle}`" in text, muscle


def test_a_levelled_site_counts_for_that_root_only(records, session, cat):
    atlas = records.atlas
    view, x, y = spinal_spot(atlas, "T6")
    records.add_site(session.id, view, x, y, grasp=2)
    records.add_site(session.id, view, x, y, muscle_id="external_intercostals", side="L",
                     level="T4", grasp=1)
    records.add_site(session.id, view, x, y, muscle_id="rectus_abdominis", side="R",
                     level="T10", grasp=3)
    rows = {r.root: r for r in segmental_summary(records.repo.sites_for_session(session.id), cat)}
    assert list(rows) == ["T4", "T6", "T10"]
    assert rows["T6"].side("R").dominant == 1 and rows["T6"].muscles == ["multifidus"]
    assert rows["T4"].side("L").sites == [2] and rows["T4"].muscles == ["external_intercostals"]
    assert rows["T10"].side("R").max_grasp == 3


def test_a_segmental_site_without_a_level_counts_for_no_root(records, session, cat):
    view, x, y = spinal_spot(records.atlas, "T6")
    site = records.add_site(session.id, view, x, y, muscle_id="internal_intercostals", side="R",
                            grasp=2)
    assert site.level is None
    assert site_roots(site, cat.get("internal_intercostals")) == []
    rows = segmental_summary([site], cat)
    # Not spread over T1-T11 with a made-up dominant T6: one row, "level not recorded".
    assert [r.root for r in rows] == [UNLEVELLED]
    assert rows[0].unlevelled and rows[0].side("R").sites == [site.seq]
    assert rows[0].side("R").dominant == 0 and rows[0].muscles == ["internal_intercostals"]
    # A muscle that is not segmental still counts for its root range.
    deltoid = records.add_site(session.id, view, x, y, muscle_id="deltoid_middle", side="R")
    assert [r for r, _ in site_roots(deltoid, cat.get("deltoid_middle"))] == ["C5", "C6"]


def test_a_level_is_recorded_only_on_a_segmental_muscle_at_one_of_its_levels(records, session):
    view, x, y = spinal_spot(records.atlas, "L4")
    site = records.add_site(session.id, view, x, y)
    assert (site.muscle_id, site.level) == ("multifidus", "L4")
    with pytest.raises(UserFacingError) as info:
        records.update_site(site.id, level="T13")
    assert "not a vertebral level" in str(info.value)
    with pytest.raises(UserFacingError) as info:
        records.update_site(site.id, muscle_id="longissimus_thoracis")
    name = records.atlas.muscle("longissimus_thoracis").name
    assert str(info.value) == f"{name} has no level L4: its levels are T1 to T12."
    with pytest.raises(UserFacingError) as info:
        records.add_site(session.id, view, x, y, muscle_id="deltoid_middle", level="C5")
    name = records.atlas.muscle("deltoid_middle").name
    assert str(info.value).startswith(f"{name} is not a segmental muscle")
    # Nothing changed, and a valid change goes through.
    assert records.repo.site(site.id).muscle_id == "multifidus"
    assert len(records.repo.sites_for_session(session.id)) == 1
    assert records.update_site(site.id, level="C8").level == "C8"
    moved = records.update_site(site.id, muscle_id="longissimus_lumborum", level="L3")
    assert (moved.muscle_id, moved.level) == ("longissimus_lumborum", "L3")


# ------------------------------------------------------------------------------ thorax risk


@pytest.mark.parametrize(("muscle", "level", "tier"), [
    ("multifidus", "L5", "none"), ("multifidus", "S1", "none"), ("multifidus", "C3", "none"),
    ("multifidus", "C6", "caution"), ("multifidus", "C7", "high"), ("multifidus", "C8", "high"),
    ("multifidus", "T1", "high"), ("multifidus", "T6", "high"), ("multifidus", "L1", "caution"),
    ("multifidus", None, "high"),
    ("quadratus_lumborum", None, "caution"), ("supraspinatus", None, "caution"),
    ("external_oblique", None, "caution"), ("longissimus_lumborum", "L3", "none"),
    ("longissimus_lumborum", None, "caution"), ("iliocostalis_lumborum", "L1", "caution"),
    ("rectus_abdominis", "T7", "caution"), ("rectus_abdominis", "T10", "none"),
    ("external_intercostals", "T5", "high"), ("trapezius_upper", None, "high"),
    ("deltoid_middle", None, "none"), ("internal_oblique", None, "none"),
    # atlas 2026.12.2
    ("multifidus", "S3", "none"), ("rotatores", "T6", "high"), ("rotatores", None, "high"),
    ("semispinalis_cervicis", "C3", "none"), ("semispinalis_cervicis", "C7", "caution"),
    ("longissimus_cervicis", "C4", "none"), ("spinalis", "T4", "high"),
    ("semispinalis_thoracis", "T8", "high"), ("levatores_costarum", "C8", "high"),
    ("interspinales", "L4", "none"), ("interspinales", "C7", "none"),
    ("intertransversarii", "L1", "caution"), ("intertransversarii", "L3", "none"),
    ("erector_spinae", "S2", "none"), ("erector_spinae", "T6", "high"), ("erector_spinae", None, "high"),
    ("iliocostalis_cervicis", None, "high"), ("longissimus_capitis", None, "none"),
    ("rectus_capitis_posterior_major", None, "none"),
])
def test_thorax_tiers_by_level(cat, muscle, level, tier):
    assert cat.get(muscle).thorax_risk(level) == tier
    assert cat.get(muscle).pneumothorax_risk == (cat.get(muscle).highest_thorax_risk != "none")


def test_every_muscle_has_a_tier_and_the_default_is_its_highest(cat):
    for m in cat:
        assert m.thorax_default in RISK_TIERS
        assert m.highest_thorax_risk == m.thorax_default, m.id
        assert all(level in m.levels for level, _ in m.thorax_levels)


def catalogue_with(**changes):
    """The shipped catalogue's data with multifidus changed."""
    data = json.loads((bodycharts_folder() / "catalogue.json").read_text(encoding="utf-8"))
    muscle = next(m for m in data["muscles"] if m["id"] == "multifidus")
    muscle.update(changes)
    return data


@pytest.mark.parametrize(("changes", "message"), [
    ({"thorax_risk": {"default": "none", "levels": {"T6": "high"}}},
     "Muscle 'multifidus': the default thorax risk (none) is below the tier of one of its levels"),
    ({"thorax_risk": {"default": "severe"}},
     "Muscle 'multifidus''s default thorax risk is 'severe'; expected one of none, caution, high."),
    ({"thorax_risk": {"default": "high", "levels": {"T13": "high"}}},
     "Muscle 'multifidus' gives a thorax risk at 'T13', which is not one of its levels."),
    ({"levels": ["L5", "L4"]}, "Muscle 'multifidus' lists out of cranio-caudal order its levels"),
    ({"levels": ["X1"]}, "Muscle 'multifidus' has the unknown level 'X1'"),
    ({"pneumothorax_risk": True}, "Muscle 'multifidus' has both thorax_risk and the older"),
])
def test_a_bad_tier_or_level_is_refused_in_one_sentence(changes, message):
    with pytest.raises(AtlasError) as info:
        load_catalogue(catalogue_with(**changes))
    assert str(info.value).startswith(message)


def test_an_older_catalogue_with_the_true_false_flag_still_loads():
    data = catalogue_with()
    for m in data["muscles"]:
        tier = m.pop("thorax_risk")
        m.pop("levels")
        m["pneumothorax_risk"] = tier["default"] != "none"
    old = load_catalogue(data)
    assert old.get("multifidus").thorax_risk("L5") == "high"  # what the flag said: everywhere
    assert old.get("deltoid_middle").thorax_risk() == "none"
    assert old.get("multifidus").levels == () and old.get("multifidus").pneumothorax_risk


def test_the_prompt_follows_the_level(records, session):
    atlas = records.atlas
    view, x, y = spinal_spot(atlas, "L5")
    l5 = records.add_site(session.id, view, x, y, grasp=2)
    assert thorax_tier(atlas, l5) == "none"
    record = records.session_record(session.id)
    assert not needs_pneumothorax_prompt(atlas, record.session, record.sites)
    assert "pneumothorax" not in {c.key for c in signing_checks(atlas, record)}
    view, x, y = spinal_spot(atlas, "T6", "L")
    records.add_site(session.id, view, x, y, grasp=1)
    record = records.session_record(session.id)
    assert needs_pneumothorax_prompt(atlas, record.session, record.sites)
    check = next(c for c in signing_checks(atlas, record) if c.key == "pneumothorax")
    assert "over the thorax: Multifidus T6" in check.message and "L5" not in check.message
    records.add_site(session.id, "posterior", *next(
        r.label for r in atlas.view("posterior").regions
        if r.muscle == "quadratus_lumborum" and r.side == "R"), muscle_id="quadratus_lumborum",
        side="R")
    check = next(c for c in signing_checks(records.atlas, records.session_record(session.id))
                 if c.key == "pneumothorax")
    assert "near the pleura: Quadratus lumborum" in check.message


def test_the_chart_warning_follows_the_tier_of_the_region(atlas):
    def region(muscle, level=None, view="spinal"):
        return next(r for r in atlas.view(view).regions if r.muscle == muscle and r.level == level)

    assert "pneumothorax" not in describe_region(atlas, region("multifidus", "L5"))
    t6 = describe_region(atlas, region("multifidus", "T6"))
    assert "over the thorax: pneumothorax risk" in t6
    assert "near the pleura" in describe_region(atlas, region("quadratus_lumborum", None,
                                                              "posterior"))
    assert "near the pleura" in describe_region(atlas, region("supraspinatus", None, "posterior"))
    assert "pneumothorax" not in describe_region(atlas, region("gluteus_medius", None,
                                                               "posterior"))


def test_atlas_json_gives_levels_and_thorax_risk(capsys):
    assert main(["atlas", "--json"]) == 0
    muscles = {m["id"]: m for m in json.loads(capsys.readouterr().out)["muscles"]}
    assert muscles["multifidus"]["levels"] == SEGMENTAL["multifidus"]
    assert muscles["deltoid_middle"]["levels"] == []
    assert muscles["deltoid_middle"]["thorax_risk"] == {"default": "none", "levels": {}}
    risk = muscles["multifidus"]["thorax_risk"]
    assert risk["default"] == "high" and risk["levels"]["L5"] == "none"
    assert "T6" not in risk["levels"] and risk["levels"]["C6"] == "caution"
    assert muscles["quadratus_lumborum"]["thorax_risk"] == {"default": "caution", "levels": {}}
    for m in muscles.values():
        assert set(m["thorax_risk"]) == {"default", "levels"}
        assert set(m["thorax_risk"]["levels"]) <= set(m["levels"])
        assert m["pneumothorax_risk"] == (m["thorax_risk"]["default"] != "none")  # old readers


# ------------------------------------------------------------------------------ old records


@pytest.fixture
def old_records(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(FIXTURE.read_text(encoding="utf-8"))
    conn.close()
    recs = open_records(path, actor="test.physio")
    yield recs
    recs.db.close()


def test_records_made_on_atlas_2026_11_keep_their_meaning(old_records):
    recs = old_records
    session = recs.repo.session(1)
    assert session.atlas_version == "2026.11.1" and recs.atlas.version == "2026.12.9"
    sites = recs.repo.sites_for_session(1)
    assert len(sites) == 11
    for site in sites:  # every old muscle id is still valid
        assert recs.atlas.muscle(site.muscle_id).id == site.muscle_id
    by_seq = {s.seq: s for s in sites}
    assert [(by_seq[n].muscle_id, by_seq[n].level) for n in (1, 2, 3, 4)] == [
        ("multifidus", "L4"), ("multifidus", "T6"), ("multifidus", "L5"), ("multifidus", "C5")]
    rows = {r.root: r for r in segmental_summary(sites, recs.atlas.catalogue)}
    # The levelled multifidus sites count for their own root, as before (beside quadratus
    # lumborum, #7, and infraspinatus, #9, which share L4 and C5).
    assert rows["L4"].side("R").sites == [1, 7] and rows["L4"].side("R").dominant == 1
    assert rows["T6"].side("L").sites == [2] and rows["T6"].side("L").dominant == 1
    assert rows["L5"].side("R").sites == [3] and rows["C5"].side("L").sites == [4, 9]
    # The old unlevelled segmental sites (longissimus thoracis, iliocostalis lumborum, rectus
    # abdominis, the intercostal, a multifidus without level) stay valid, in their own row.
    unlevelled = rows[UNLEVELLED]
    assert sorted(unlevelled.side("R").sites + unlevelled.side("L").sites) == [5, 6, 8, 10, 11]
    assert "T1" not in rows and rows["T6"].count == 1  # no spread over T1-T12
    # Quadratus lumborum and infraspinatus (not segmental) still count for their roots.
    assert 7 in rows["L1"].side("R").sites and 9 in rows["C5"].side("L").sites
    # The prompt: the T6 multifidus and the thoracic paraspinals ask for it; the L5 site alone
    # would not.
    atlas = recs.atlas
    assert thorax_tier(atlas, by_seq[3]) == "none" and thorax_tier(atlas, by_seq[2]) == "high"
    assert thorax_tier(atlas, by_seq[11]) == "high"  # multifidus without level: as before
    record = recs.session_record(1)
    assert needs_pneumothorax_prompt(atlas, record.session, record.sites)
    # An old site is still edited as before, its level left alone.
    edited = recs.update_site(5, grasp=3)
    assert edited.level is None and edited.grasp == 3
    # ... and can now record its level.
    assert recs.update_site(5, level="T8").level == "T8"


def test_atlas_table_marks_high_and_caution(capsys):
    assert main(["atlas"]) == 0
    out = capsys.readouterr().out
    marks = {line.split()[0]: line.rstrip()[-1] for line in out.splitlines()
             if line.startswith(("quadratus_lumborum ", "rhomboid_major ", "deltoid_middle "))}
    assert marks["quadratus_lumborum"] == "?" and marks["rhomboid_major"] == "!"
    assert marks["deltoid_middle"] not in "!?"
    assert "? caution" in out


def test_the_chart_line_of_a_region_at_a_level_gives_that_segment(atlas):
    """Multifidus L4 is segment L4 on the chart's line, as the Segments tab and the PDF count
    it; the line gave the whole muscle's range, "C2–S4 (mainly L5)"."""
    def region(muscle, level=None, view="spinal"):
        return next(r for r in atlas.view(view).regions if r.muscle == muscle and r.level == level)

    l4 = describe_region(atlas, region("multifidus", "L4"))
    assert l4.startswith("Multifidus L4, left · L4 (segmental) · ") and "mainly" not in l4, l4
    assert "C8 (segmental)" in describe_region(atlas, region("multifidus", "C8"))
    # A muscle without a level keeps its range and main root.
    assert "L5–S2 (mainly S1)" in describe_region(
        atlas, next(r for r in atlas.view("posterior").regions if r.muscle == "gluteus_maximus"))
