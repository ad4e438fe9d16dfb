"""Schema 4 (compact sites and audit entries) keeps every record of a schema 3 file exactly, or
changes nothing; the compact forms read back as the domain objects, and the chain still proves
what it proved."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from imsmap.domain.errors import UserFacingError
from imsmap.services import checks
from imsmap.services.context import build_context
from imsmap.services.export import export_document
from imsmap.services.record_fields import EDITABLE_SITE_FIELDS
from imsmap.services.records import Records
from imsmap.store import audit, migrations, site_rows
from imsmap.store.db import APPLICATION_ID, Database
from imsmap.store.terms import terms_of
from support import chart_atlas, outside_edit
from support import spot as atlas_spot

PLUS_ONE = timezone(timedelta(hours=1))
# (seq, muscle, side, view, layer, x, y, level, diameter, length, depth, grasp, cramp, tissue,
#  release, sensation, notes, created_at, created_by, updated_at, updated_by, deleted_at,
#  deleted_by)
SITES = [
    (1, "multifidus", "L", "spinal", "deep", 434.23, 480.07, "L5", 0.3, 60.0, 35.5, 2, 0,
     "gritty-fibrotic", "partial", "deep pressure", "", "2025-03-04T10:02:00+01:00", "a.physio",
     "2025-03-04T10:02:00+01:00", "a.physio", None, None),
    (2, "gluteus_medius", "R", "posterior", "superficial", 400.0, 900.5, None, 0.25, 40.0, None,
     3, 1, None, None, None, "Twitch ×3, «dense»", "2025-03-04T10:03:10+01:00", "a.physio",
     "2025-03-04T10:20:00+01:00", "b.locum", None, None),
    (2, "piriformis", "R", "posterior", "deep", 380.5, 950.25, None, 0.25, 50.0, None, None, 0,
     None, None, None, "", "2025-03-04T10:04:00+01:00", "a.physio",
     "2025-03-04T10:05:00+01:00", "a.physio", "2025-03-04T10:05:00+01:00", "a.physio"),
]
COLUMNS = ("seq, muscle_id, side, view_id, layer, x, y, level, needle_diameter_mm,"
           " needle_length_mm, depth_mm, grasp, cramp, tissue_feel, release, sensation, notes,"
           " created_at, created_by, updated_at, updated_by, deleted_at, deleted_by")


def _old_hash(conn, rows):
    prev = audit.GENESIS
    for i, (at, actor, action, entity, entity_id, session_id, changes) in enumerate(rows, 1):
        text = audit.changes_text(changes)
        prev = hashlib.sha256(prev + audit.canonical(i, at, actor, action, entity, entity_id,
                                                     session_id, text)).digest()
        conn.execute("INSERT INTO audit (id, at, actor, action, entity, entity_id, session_id,"
                     " changes, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (i, at, actor, action, entity, entity_id, session_id, text, prev))


def _signature(session: dict, sites: list[tuple]) -> str:
    """services.records.content_hash, from the schema 3 values as they were stored."""
    names = COLUMNS.replace(" ", "").split(",")
    live = [dict(zip(names, s)) for s in sites if s[21] is None]
    doc = {"session": session,
           "sites": [{k: s[k] for k in ("seq", "view_id", "x", "y", *EDITABLE_SITE_FIELDS)
                      if k in s} | {k: 0 for k in ("twitch", "estim", "planned")} for s in live],
           "findings": [], "adverse_events": []}
    blob = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _v3_database(path, sites=SITES):
    """A file as schema 3 left it: a signed session, an updated and a removed site, local
    times an hour off UTC, and an audit trail in the old (full sha256, ISO text) form."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for version, _d, sql in migrations.MIGRATIONS[:3]:
        for statement in migrations.split_statements(sql):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("BEGIN")  # one transaction: a commit (and its sync) per row took ~40 s
    at = "2025-03-04T10:00:00+01:00"
    conn.execute("INSERT INTO patients (chart_number, family_name, created_at, created_by,"
                 " updated_at, updated_by) VALUES ('A-1', 'Okafor', ?, 'a.physio', ?, 'a.physio')",
                 (at, at))
    session = {"uid": "0b3510b0b46ee1da317017a6205738d1", "started_at": at,
               "atlas_version": "2025.1", "practitioner": "A. Physio",
               "practitioner_registration": "", "complaint": "Low back pain",
               "pain_before": 6, "pain_after": 3, "notes": "", "consent": 1,
               "pneumothorax_discussed": 0, "needle_count": None, "needles_accounted": 0,
               "tolerance": "", "plan": ""}
    conn.execute("INSERT INTO sessions (patient_id, started_at, atlas_version, uid, practitioner,"
                 " complaint, pain_before, pain_after, consent, created_at, created_by,"
                 " updated_at, updated_by) VALUES (1, ?, '2025.1', ?, 'A. Physio',"
                 " 'Low back pain', 6, 3, 1, ?, 'a.physio', ?, 'a.physio')",
                 (at, session["uid"], at, at))
    for site in sites:
        conn.execute(f"INSERT INTO sites (session_id, {COLUMNS}) VALUES (1, "
                     + ", ".join("?" * len(site)) + ")", site)
    signed_at = "2025-03-04T10:30:00+01:00"
    digest = _signature(session, sites)
    conn.execute("UPDATE sessions SET status = 'signed', signed_at = ?, signed_by = 'a.physio',"
                 " content_hash = ? WHERE id = 1", (signed_at, digest))
    _old_hash(conn, [(at, "a.physio", "create", "patient", 1, None,
                      {"family_name": [None, "Okafor"]}),
                     (at, "a.physio", "create", "session", 1, 1, {"pain_before": [None, 6]})]
              + [(s[17], "a.physio", "create", "site", i, 1, {"muscle_id": [None, s[1]]})
                 for i, s in enumerate(sites, 1)]
              + [(signed_at, "a.physio", "sign", "session", 1, 1,
                  {"status": ["draft", "signed"], "content_hash": [None, digest]})])
    conn.execute("COMMIT")
    conn.close()


@pytest.fixture
def spot(records):
    return atlas_spot(records.atlas, 0)


def _records(path) -> Records:
    return build_context(Database.open(path), chart_atlas(), actor="c.physio").records


def test_schema_3_sites_read_back_exactly_and_the_signature_still_holds(tmp_path):
    path = tmp_path / "v3.sqlite3"
    _v3_database(path)
    recs = _records(path)
    try:
        assert recs.db.schema_version == migrations.SCHEMA_VERSION
        live = recs.repo.sites_for_session(1)
        assert [s.muscle_id for s in live] == ["multifidus", "gluteus_medius"]
        first, second = live
        assert (first.x, first.y, first.view_id, first.layer, first.level) == (
            434.23, 480.07, "spinal", "deep", "L5")
        assert (first.needle_diameter_mm, first.depth_mm, first.tissue_feel, first.release,
                first.sensation) == (0.3, 35.5, "gritty-fibrotic", "partial", "deep pressure")
        assert second.notes == "Twitch ×3, «dense»" and second.cramp is True
        assert first.created_at == datetime(2025, 3, 4, 10, 2, tzinfo=PLUS_ONE)  # same instant
        assert (first.updated_at, first.updated_by) == (first.created_at, "a.physio")
        assert (second.updated_at, second.updated_by) == (
            datetime(2025, 3, 4, 10, 20, tzinfo=PLUS_ONE), "b.locum")
        removed = recs.repo.site(3, include_removed=True)
        assert removed.muscle_id == "piriformis" and removed.x == 380.5
        # The signature made over the schema 3 values still matches the records read now.
        report = checks.full_check(recs)
        assert report.ok, [s.problems for s in report.sections if not s.ok]
        # The site never changed has no updated_* stored; the changed one keeps its change.
        stored = recs.db.conn.execute(
            "SELECT typeof(muscle_id), typeof(x), typeof(created_at), updated_at, updated_by"
            " FROM sites ORDER BY id").fetchall()
        assert stored[0] == ("integer", "integer", "integer", None, None)
        assert stored[1][3] is not None and stored[2][3] is not None
        # The view shows the file in words for anyone reading it by hand.
        by_hand = recs.db.query(f"WITH site_records AS ({site_rows.READABLE})"
                                " SELECT * FROM site_records ORDER BY id")
        assert [r["muscle_id"] for r in by_hand] == ["multifidus", "gluteus_medius", "piriformis"]
        assert by_hand[0]["x"] == 434.23 and by_hand[0]["created_at"] == "2025-03-04T09:02:00+00:00"
        assert by_hand[2]["deleted_by"] == "a.physio"
    finally:
        recs.db.close()


def test_the_old_chain_verifies_and_goes_on_in_compact_entries(tmp_path):
    path = tmp_path / "v3.sqlite3"
    _v3_database(path)
    recs = _records(path)
    try:
        assert audit.verify_chain(recs.db.conn) == []
        old = recs.db.conn.execute("SELECT typeof(at), length(hash) FROM audit WHERE id = 1"
                                   ).fetchone()
        assert old == ("text", 32)
        session = recs.start_session(1, started_at=datetime(2025, 3, 11, 10, 0))
        for i in range(20):
            view, x, y, muscle, side = atlas_spot(recs.atlas, i)
            recs.add_site(session.id, view, x, y, muscle_id=muscle, side=side)
        assert audit.verify_chain(recs.db.conn) == []
        entries = recs.audit_entries(session.id)
        assert entries[0].action == "create" and entries[0].digest is not None
        assert entries[0].actor == "c.physio" and entries[0].at.tzinfo is not None
        # The export carries the old entries as they were and the new ones compactly.
        doc = export_document(recs)
        assert doc["audit"][0]["at"] == "2025-03-04T10:00:00+01:00"
        assert "at_seconds" not in doc["audit"][0] and "at_seconds" in doc["audit"][-1]
    finally:
        recs.db.close()


def test_a_value_that_would_not_come_across_exactly_stops_the_upgrade(tmp_path):
    path = tmp_path / "v3.sqlite3"
    odd = list(SITES[0])
    odd[5] = 434.235  # finer than 0.01: never written by imsmap, but the file is not ours to fix
    _v3_database(path, [tuple(odd), *SITES[1:]])
    before = path.read_bytes()
    with pytest.raises(UserFacingError, match=r"not converted to schema 4 and is unchanged: "
                                              r"sites 1 would not"):
        Database.open(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        assert conn.execute("SELECT x, muscle_id FROM sites WHERE id = 1").fetchone() == (
            434.235, "multifidus")
        assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE name IN"
                            " ('terms', 'sites_v4', 'audit_v4')").fetchone()[0] == 0
    finally:
        conn.close()
    assert len(path.read_bytes()) >= len(before) // 2  # still the whole file


def test_a_word_added_by_a_transaction_that_failed_is_not_remembered(records, session, spot):
    terms = terms_of(records.db.conn)
    with pytest.raises(RuntimeError):
        with records.db.transaction():
            lost = terms.id("a word that will be rolled back")
            raise RuntimeError("the change fails")
    with records.db.transaction():
        kept = terms.id("a word that will be rolled back")
    assert records.db.conn.execute("SELECT text FROM terms WHERE id = ?", (kept,)).fetchone() \
        == ("a word that will be rolled back",)
    assert lost == kept or records.db.conn.execute(
        "SELECT 1 FROM terms WHERE id = ?", (lost,)).fetchone() is None
    # And a site tapped afterwards reads back with its words.
    view, x, y, muscle, side = spot
    site = records.add_site(session.id, view, x, y, muscle_id=muscle, side=side,
                            tissue_feel="bone contact")
    assert records.repo.site(site.id).tissue_feel == "bone contact"


@pytest.mark.parametrize("statements, found", [
    (["UPDATE audit SET entity_id = 99 WHERE id = 7"], "one of audit entries 1-16 was altered"),
    (["UPDATE audit SET at = at + 3600 WHERE id = 20"], "newest audit entries (17-21)"),
    (["UPDATE terms SET text = 'someone.else' WHERE text = 'test.physio'"],
     "one of audit entries 1-16 was altered"),
    (["DELETE FROM audit_head"], "cannot be checked"),
    (["UPDATE audit_head SET hash = zeroblob(16)"], "do not end where the trail recorded"),
])
def test_an_edit_around_the_app_breaks_the_compact_chain(records, db_path, spot, statements,
                                                         found):
    s = records.start_session(records.create_patient(chart_number="A-2", family_name="X").id)
    view, x, y, muscle, side = spot
    for _ in range(19):
        records.add_site(s.id, view, x, y, muscle_id=muscle, side=side)
    assert records.repo.counts()["audit"] == 21 and audit.verify_chain(records.db.conn) == []
    outside_edit(db_path, *statements)
    problems = audit.verify_chain(records.db.conn)
    assert problems and any(found in p for p in problems), problems


def test_a_site_is_stored_compactly_and_updated_columns_wait_for_a_change(records, session, spot):
    view, x, y, muscle, side = spot
    site = records.add_site(session.id, view, x, y, muscle_id=muscle, side=side)
    row = records.db.conn.execute("SELECT x, created_at, updated_at, updated_by FROM sites"
                                  " WHERE id = ?", (site.id,)).fetchone()
    assert row[0] == round(site.x * 100) and isinstance(row[1], int) and row[2:] == (None, None)
    assert site.updated_at == site.created_at and site.updated_by == "test.physio"
    records.update_site(site.id, grasp=2)
    row = records.db.conn.execute("SELECT updated_at, updated_by FROM sites WHERE id = ?",
                                  (site.id,)).fetchone()
    assert row[0] is not None and row[1] is not None
    # A creation entry holds a digest of the content the site was created with.
    entry = next(e for e in records.audit_entries(session.id) if e.entity == "site")
    assert entry.digest == audit.content_digest(site_rows.content(site)).hex()


def test_the_audit_view_gives_a_creation_its_content_back_and_notices_an_outside_edit(
        records, session, spot, db_path):
    from imsmap.services.audit_view import MISMATCH, session_trail

    view, x, y, muscle, side = spot
    site = records.add_site(session.id, view, x, y, muscle_id=muscle, side=side)
    records.update_site(site.id, grasp=2, notes="dense band")
    records.move_site(site.id, x + 0.5, y)
    records.update_session(session.id, pain_before=7)
    trail = session_trail(records, session.id)
    created = next(e for e in trail if (e.action, e.entity) == ("create", "site"))
    assert created.changes["muscle_id"] == [None, muscle]
    assert "grasp" not in created.changes and "notes" not in created.changes  # empty then
    assert created.changes["x"] == [None, site.x]  # where it was tapped, before the move
    started = next(e for e in trail if (e.action, e.entity) == ("create", "session"))
    assert started.changes["uid"] == [None, session.uid]
    assert started.changes.get("pain_before", [None, None]) == [None, session.pain_before]
    # A change made around the app no longer matches what was recorded at creation.
    outside_edit(db_path, f"UPDATE sites SET needle_length_mm = 99 WHERE id = {site.id}")
    created = next(e for e in session_trail(records, session.id)
                   if (e.action, e.entity) == ("create", "site"))
    assert created.changes == {"record": [None, MISMATCH]}


def test_a_read_only_check_of_an_older_file_says_what_to_do_and_a_backup_still_copies_it(
        tmp_path, capsys):
    from imsmap.cli import main

    path = tmp_path / "v3.sqlite3"
    _v3_database(path)
    before = path.read_bytes()
    assert main(["check", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("imsmap: ") and "database schema 3" in err and "Traceback" not in err
    assert path.read_bytes() == before  # a check never upgrades
    copy = tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(path), "--out", str(copy)]) == 0  # any schema copies
    with Database.open(copy) as db:  # and the copy opens, upgraded, with its records
        assert db.schema_version == migrations.SCHEMA_VERSION
        assert db.query_one("SELECT count(*) AS n FROM sites")["n"] == len(SITES)
    assert path.read_bytes() == before
