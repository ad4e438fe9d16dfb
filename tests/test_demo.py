"""The demo clinic: a new file only, realistic courses of treatment, every site on its muscle."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import sys
from collections import defaultdict
from datetime import date, datetime, timedelta

import pytest

from imsmap.atlas import Atlas, load_atlas
from imsmap.atlas.catalogue import load_catalogue
from imsmap.atlas.view_parser import parse_view
from imsmap.atlas.views import LEVELS
from imsmap.services import demo, demo_placement
from imsmap.services.demo import DemoError, create_demo, default_anchor
from imsmap.store import audit, site_rows
from imsmap.store.db import StoreError

ANCHOR = date(2026, 11, 16)  # a Monday


def _cell(x, y, w, h):
    """An irregular outline (straight edges and a curve) inside a w x h cell."""
    return (f"M {x + w * 0.2} {y} L {x + w * 0.8} {y} L {x + w} {y + h * 0.5} "
            f"C {x + w} {y + h * 0.8} {x + w * 0.8} {y + h} {x + w * 0.5} {y + h} "
            f"L {x} {y + h * 0.5} Z")


def synthetic_atlas(leave_out: frozenset[str] = frozenset(), spinal_chart: bool = True) -> Atlas:
    """Every catalogue muscle on both sides of an anterior and a posterior view, a paraspinal
    strip without levels, and a spinal chart with multifidus per level. Some labels are put at
    a corner outside the outline, and a superficial region overlaps another, so the demo has to
    look for points rather than trust the label."""
    catalogue = load_catalogue()
    muscles = [m for m in catalogue if m.id != "multifidus" and m.id not in leave_out]
    views = {}
    for vid, left in (("anterior", "R"), ("posterior", "L")):
        regions = []
        for i, m in enumerate(muscles):
            row, col = divmod(i, 10)
            layer = "deep" if m.depth == "deep" else "superficial"
            for half, side in enumerate((left, "R" if left == "L" else "L")):
                x, y = 20 + half * 500 + col * 46, 100 + row * 46
                label = [x + 1, y + 1] if i % 3 == 0 else [x + 20, y + 20]
                regions.append({"id": f"{vid}.{layer}.{m.id}.{side}", "muscle": m.id,
                                "side": side, "layer": layer, "d": _cell(x, y, 40, 40),
                                "label": label})
        if vid == "posterior":
            regions.append({"id": "posterior.superficial.overlap", "muscle": "gracilis",
                            "side": "M", "layer": "superficial",
                            "d": "M 20 100 L 45 100 L 45 125 L 20 125 Z", "label": [30, 110]})
            if "multifidus" not in leave_out:
                for side, x in (("L", 470), ("R", 510)):
                    regions.append({"id": f"posterior.deep.multifidus.{side}",
                                    "muscle": "multifidus", "side": side, "layer": "deep",
                                    "d": f"M {x} 1000 L {x + 20} 1000 L {x + 20} 1500 "
                                         f"L {x} 1500 Z", "label": [x + 10, 1250]})
        views[vid] = parse_view({"id": vid, "name": vid.title(), "kind": "body", "width": 1000,
                                 "height": 2000, "viewer_left_is": left,
                                 "layers": [{"id": "superficial"}, {"id": "deep"}],
                                 "outline": ["M 0 0 L 1000 0 L 1000 2000 L 0 2000 Z"],
                                 "regions": regions})
    if "multifidus" not in leave_out and spinal_chart:
        spinal = []
        for i, level in enumerate(LEVELS[1:24]):  # C2 ... L5; S1 only on the posterior strip
            for side, x in (("L", 200), ("R", 320)):
                y = 40 + i * 45
                spinal.append({"id": f"spinal.multifidus.{level}.{side}", "muscle": "multifidus",
                               "side": side, "layer": "deep", "level": level,
                               "d": f"M {x} {y} L {x + 80} {y} L {x + 80} {y + 40} L {x} "
                                    f"{y + 40} Z", "label": [x + 40, y + 20]})
        views["spinal"] = parse_view({"id": "spinal", "name": "Spinal", "kind": "spinal",
                                      "width": 600, "height": 1200, "viewer_left_is": "L",
                                      "layers": [{"id": "deep"}],
                                      "outline": ["M 0 0 L 600 0 L 600 1200 L 0 1200 Z"],
                                      "regions": spinal})
    return Atlas(catalogue=catalogue, views=views)


def _real_atlas_or_skip() -> Atlas:
    atlas = load_atlas()
    assert any(v.regions for v in atlas.views.values()), "the shipped atlas has no chart views"
    return atlas


@pytest.fixture(scope="module")
def synthetic():
    return synthetic_atlas()


@pytest.fixture(scope="module")
def made(tmp_path_factory, synthetic):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    # English whatever the system's language (the tests below read its complaints)
    counts = create_demo(path, anchor=ANCHOR, atlas=synthetic, language="en")
    return path, counts


def _rows(path, sql, params=()):
    """Rows of ``sql``, which may read the sites in words as ``site_records``."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    if "site_records" in sql:
        sql = f"WITH site_records AS ({site_rows.READABLE}) {sql}"
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


# -- the file -------------------------------------------------------------------------------


def test_the_demo_reaches_its_counts(made):
    path, counts = made
    assert counts.path == path
    assert counts.patients >= 8
    assert counts.sites >= 100
    assert counts.sessions >= 30
    assert counts.signed >= 0.8 * counts.sessions
    assert counts.drafts >= 1
    assert counts.amendments >= 1 and counts.amended_sessions >= 1
    assert counts.skipped_muscles == ()
    assert _rows(path, "SELECT count(*) FROM site_records")[0][0] == counts.sites
    assert counts.as_dict()["patients"] == counts.patients


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_demo_file_is_private(made):
    assert stat.S_IMODE(made[0].stat().st_mode) == 0o600


def test_an_existing_file_is_never_overwritten(tmp_path, synthetic):
    path = tmp_path / "mine.sqlite3"
    path.write_bytes(b"precious")
    with pytest.raises(StoreError) as info:
        create_demo(path, anchor=ANCHOR, atlas=synthetic)
    assert str(info.value) == (f"{path} exists already; the demo never overwrites a file. "
                               "Choose another path.")
    assert path.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["mine.sqlite3"]


def test_a_folder_or_a_missing_folder_is_refused(tmp_path, synthetic):
    with pytest.raises(DemoError, match="is a folder"):
        create_demo(tmp_path, atlas=synthetic)
    with pytest.raises(DemoError, match="does not exist"):
        create_demo(tmp_path / "no" / "demo.sqlite3", atlas=synthetic)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_half_way_leaves_no_file(tmp_path, monkeypatch, synthetic):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(demo.Records, "sign_session", broken)
    with pytest.raises(RuntimeError):
        create_demo(tmp_path / "demo.sqlite3", anchor=ANCHOR, atlas=synthetic)
    assert list(tmp_path.iterdir()) == []


def test_the_audit_chain_is_whole(made):
    conn = sqlite3.connect(made[0])
    try:
        assert audit.verify_chain(conn) == []
        times = [audit.when(r[1]) for r in audit.rows(conn)]
    finally:
        conn.close()
    assert times == sorted(times)  # entries read in time order


def test_the_demo_is_deterministic(made, tmp_path, synthetic):
    again = tmp_path / "again.sqlite3"
    create_demo(again, anchor=ANCHOR, atlas=synthetic)
    sql = ("SELECT seq, muscle_id, side, view_id, x, y, level, grasp, created_at FROM site_records"
           " ORDER BY id")
    assert [tuple(r) for r in _rows(again, sql)] == [tuple(r) for r in _rows(made[0], sql)]


# -- what is in it --------------------------------------------------------------------------


def test_patients_are_fictional_and_varied(made):
    patients = _rows(made[0], "SELECT * FROM patients ORDER BY id")
    assert all(p["chart_number"].startswith("DEMO-") for p in patients)
    assert all("ictional" in p["notes"] for p in patients)
    assert len({p["family_name"] for p in patients}) == len(patients)
    assert {p["sex"] for p in patients} >= {"F", "M"}
    assert any(not p["family_name"].isascii() or not p["given_name"].isascii()
               for p in patients)
    for p in patients:
        assert date(1930, 1, 1) < date.fromisoformat(p["birth_date"]) < date(2008, 1, 1)
    complaints = " ".join(r[0] for r in _rows(made[0], "SELECT complaint FROM sessions"))
    for words in ("L5 radiculopathy", "C5-6", "frozen shoulder", "tennis elbow",
                  "low back pain", "Fibromyalgia", "heel pain", "headache", "piriformis"):
        assert words.lower() in complaints.lower(), words


def test_sessions_are_weekly_in_the_past_and_stamped_when_they_happened(made):
    sessions = _rows(made[0], "SELECT * FROM sessions ORDER BY patient_id, started_at")
    by_patient = defaultdict(list)
    for s in sessions:
        by_patient[s["patient_id"]].append(s)
        started = datetime.fromisoformat(s["started_at"])
        assert started.date() < ANCHOR + timedelta(days=7)
        assert s["created_at"] == s["started_at"]
        if s["status"] == "signed":
            assert datetime.fromisoformat(s["signed_at"]) > started
    for visits in by_patient.values():
        gaps = {(datetime.fromisoformat(b["started_at"]) - datetime.fromisoformat(
            a["started_at"])).days for a, b in zip(visits, visits[1:])}
        assert gaps <= {7, 14}
    for site in _rows(made[0], "SELECT s.created_at, v.started_at"
                               " FROM site_records s JOIN sessions v"
                               " ON v.id = s.session_id"):
        delta = datetime.fromisoformat(site[0]) - datetime.fromisoformat(site[1])
        assert timedelta(0) < delta < timedelta(hours=1)


def test_drafts_are_only_the_latest_visits(made):
    rows = _rows(made[0], "SELECT patient_id, id, status, started_at FROM sessions"
                          " ORDER BY patient_id, started_at")
    last = {}
    for r in rows:
        last[r["patient_id"]] = r["id"]
    drafts = [r for r in rows if r["status"] == "draft"]
    assert drafts and all(last[r["patient_id"]] == r["id"] for r in drafts)
    assert all(datetime.fromisoformat(r["started_at"]).date() >= ANCHOR for r in drafts)


def test_signed_visits_are_complete_notes(made):
    for s in _rows(made[0], "SELECT * FROM sessions WHERE status = 'signed'"):
        n = _rows(made[0], "SELECT count(*)"
                           " FROM site_records WHERE session_id = ?", (s["id"],))[0][0]
        assert s["consent"] == 1 and s["needles_accounted"] == 1
        assert s["needle_count"] == n
        assert s["pain_before"] is not None and s["pain_after"] is not None
        assert s["pain_after"] <= s["pain_before"]
        assert s["plan"] and s["practitioner"] and s["practitioner_registration"]


def test_amendments_have_reasons_and_follow_signing(made):
    rows = _rows(made[0], "SELECT a.*, s.signed_at, s.status FROM amendments a JOIN sessions s"
                          " ON s.id = a.session_id")
    assert rows
    for r in rows:
        assert r["reason"].strip() and r["text"].strip() and r["status"] == "signed"
        assert datetime.fromisoformat(r["created_at"]) > datetime.fromisoformat(r["signed_at"])


def test_every_site_lies_inside_its_muscle_region(made, synthetic):
    _check_sites_inside(made[0], synthetic)


def _check_sites_inside(path, atlas):
    sites = _rows(path, "SELECT * FROM site_records")
    assert sites
    for s in sites:
        view = atlas.view(s["view_id"])
        hits = [r for r in view.regions_at(s["x"], s["y"])
                if r.muscle == s["muscle_id"] and r.side == s["side"]
                and r.layer == s["layer"] and r.level in (None, s["level"])]
        assert hits, f"site {s['id']} ({s['muscle_id']} {s['side']}) is off its region"


def test_the_l5_course_improves_week_by_week(made):
    path = made[0]
    patient = _rows(path, "SELECT id FROM patients WHERE chart_number = 'DEMO-0001'")[0][0]
    visits = _rows(path, "SELECT * FROM sessions WHERE patient_id = ? ORDER BY started_at",
                   (patient,))
    assert len(visits) >= 8
    assert visits[0]["pain_before"] >= 6 and visits[-1]["pain_before"] <= 3
    pains = [v["pain_before"] for v in visits]
    assert pains == sorted(pains, reverse=True)
    sites = [_rows(path, "SELECT muscle_id, side, level, grasp"
                         " FROM site_records WHERE session_id = ?",
                   (v["id"],)) for v in visits]
    counts = [len(s) for s in sites]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 2 * counts[-1]
    strength = [sum(r["grasp"] for r in s) for s in sites]
    assert strength == sorted(strength, reverse=True) and strength[-1] < strength[0] / 4
    treated = [{(r["muscle_id"], r["side"], r["level"]) for r in s} for s in sites]
    assert all(later <= earlier for earlier, later in zip(treated, treated[1:]))
    # What a practitioner needles for a right L5 radiculopathy.
    first = treated[0]
    for level in ("L4", "L5", "S1"):
        assert ("multifidus", "R", level) in first
    for muscle in ("gluteus_medius", "gluteus_minimus", "piriformis", "tensor_fasciae_latae",
                   "biceps_femoris_long_head", "fibularis_longus", "tibialis_anterior",
                   "gastrocnemius_lateral_head"):
        assert (muscle, "R", None) in first, muscle
    # Each muscle grasps no more strongly than the visit before.
    last_grasp = {}
    for s in sites:
        for r in s:
            key = (r["muscle_id"], r["side"], r["level"])
            assert r["grasp"] <= last_grasp.get(key, 3)
            last_grasp[key] = r["grasp"]


def test_c56_sites_are_on_the_c5_6_myotome(made):
    path = made[0]
    rows = _rows(path, "SELECT DISTINCT x.muscle_id, x.level, x.side FROM site_records x"
                       " JOIN sessions s ON s.id = x.session_id JOIN patients p"
                       " ON p.id = s.patient_id WHERE p.chart_number = 'DEMO-0002'")
    got = {(r[0], r[1]) for r in rows}
    assert {("multifidus", "C4"), ("multifidus", "C5"), ("multifidus", "C6"),
            ("trapezius_upper", None), ("levator_scapulae", None), ("infraspinatus", None),
            ("supraspinatus", None)} <= got
    assert {r[2] for r in rows} == {"L"}


def test_levels_on_one_paraspinal_region_are_spread_top_to_bottom(made):
    """S1 has no level region on the synthetic spinal chart: it falls back on the posterior
    strip, drawn without levels."""
    rows = _rows(made[0], "SELECT view_id, level, y"
                          " FROM site_records WHERE muscle_id = 'multifidus'"
                          " AND level = 'S1'")
    assert rows and {r[0] for r in rows} == {"posterior"}


def test_without_a_spinal_chart_the_levels_share_the_paraspinal_strip(tmp_path):
    atlas = synthetic_atlas(spinal_chart=False)
    path = tmp_path / "strip.sqlite3"
    create_demo(path, anchor=ANCHOR, atlas=atlas)
    rows = _rows(path, "SELECT x.level, x.y, x.view_id FROM site_records x JOIN sessions s"
                       " ON s.id = x.session_id WHERE s.id = 1 AND x.muscle_id = 'multifidus'"
                       " AND x.side = 'R'")
    by_level = {r[0]: r[1] for r in rows}
    assert {r[2] for r in rows} == {"posterior"}
    assert by_level["L4"] < by_level["L5"] < by_level["S1"]
    _check_sites_inside(path, atlas)


def test_levels_follow_the_landmarks_where_the_view_has_them(tmp_path):
    from dataclasses import replace

    from imsmap.atlas.views import Landmark

    base = synthetic_atlas(spinal_chart=False)
    posterior = base.view("posterior")
    # The paraspinal strip runs from y=1000 to 1500: put L4 at 1300 and S2 at 1420.
    marks = (Landmark("crest", "Iliac crests", "L4", 500, 1300),
             Landmark("psis", "PSIS", "S2", 500, 1420))
    atlas = Atlas(catalogue=base.catalogue,
                  views={**base.views, "posterior": replace(posterior, landmarks=marks,
                                                            _by_id={})})
    assert demo_placement.level_height(atlas.view("posterior"), "L5") == pytest.approx(1340)
    path = tmp_path / "marks.sqlite3"
    create_demo(path, anchor=ANCHOR, atlas=atlas)
    rows = _rows(path, "SELECT level, y FROM site_records WHERE session_id = 1 AND side = 'R'"
                       " AND muscle_id = 'multifidus'")
    ys = {r["level"]: r["y"] for r in rows}
    for level, expected in (("L4", 1300), ("L5", 1340), ("S1", 1380)):
        assert abs(ys[level] - expected) < 25, (level, ys[level])
    _check_sites_inside(path, atlas)


def test_missing_muscles_are_skipped_and_the_counts_still_reached(tmp_path):
    gone = frozenset({"piriformis", "gluteus_medius", "tibialis_anterior", "multifidus",
                      "trapezius_upper", "supraspinatus", "infraspinatus"})
    atlas = synthetic_atlas(leave_out=gone)
    counts = create_demo(tmp_path / "sparse.sqlite3", anchor=ANCHOR, atlas=atlas)
    assert gone <= set(counts.skipped_muscles)
    assert counts.patients >= 8 and counts.sites >= 100
    used = {r[0] for r in _rows(tmp_path / "sparse.sqlite3",
                                "SELECT DISTINCT muscle_id FROM site_records")}
    assert not used & gone
    # Without multifidus the paraspinal muscle drawn there takes the levels, top to bottom.
    rows = _rows(tmp_path / "sparse.sqlite3",
                 "SELECT muscle_id, level, y"
                 " FROM site_records WHERE session_id = 1 AND level IS NOT NULL")
    by_level = {r["level"]: (r["muscle_id"], r["y"]) for r in rows}
    assert {m for m, _ in by_level.values()} == {"longissimus_lumborum"}
    assert by_level["L4"][1] < by_level["L5"][1]
    # Longissimus lumborum has no level S1 (atlas 2026.12): that site is kept, without a level.
    assert "S1" not in by_level
    _check_sites_inside(tmp_path / "sparse.sqlite3", atlas)


def test_an_atlas_without_charts_is_refused_and_leaves_nothing(tmp_path):
    empty = Atlas(catalogue=load_catalogue(), views={})
    with pytest.raises(DemoError, match="too few muscles"):
        create_demo(tmp_path / "demo.sqlite3", anchor=ANCHOR, atlas=empty)
    assert list(tmp_path.iterdir()) == []


def test_default_anchor_is_last_weeks_monday():
    assert default_anchor(date(2026, 11, 28)) == date(2026, 11, 16)
    assert default_anchor(date(2026, 11, 23)) == date(2026, 11, 16)
    assert default_anchor().weekday() == 0


# -- with the atlas that ships --------------------------------------------------------------


def test_the_demo_with_the_shipped_atlas(tmp_path):
    atlas = _real_atlas_or_skip()
    path = tmp_path / "demo.sqlite3"
    counts = create_demo(path)
    assert counts.patients >= 8 and counts.sites >= 100 and counts.drafts >= 1
    assert counts.signed >= 0.8 * counts.sessions and counts.amendments >= 1
    _check_sites_inside(path, atlas)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StoreError, match="exists already"):
        create_demo(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not os.path.exists(str(path) + "-wal")


def test_the_real_demo_passes_the_full_check(tmp_path):
    """What a newcomer opens first must be a clean record: signatures, audit, muscles."""
    from imsmap.services.checks import full_check
    from imsmap.services.context import open_records

    path = tmp_path / "demo.sqlite3"
    create_demo(path)
    records = open_records(path)
    try:
        report = full_check(records)
        assert report.ok, report.text()
    finally:
        records.db.close()
