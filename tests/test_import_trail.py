"""Import and the file's own audit trail (issue 12, H4/M1, M8): signed visits and amendments are
taken only with a complete, unbroken trail that recorded them as they are, and that trail is
kept in the database, covered by its own chain."""

from __future__ import annotations

import copy
import sqlite3
from datetime import datetime

import pytest

from imsmap.services import checks, export
from imsmap.services.context import build_context
from imsmap.services.import_checks import ImportProblems
from imsmap.services.importer import import_document
from imsmap.services.records import Records, content_hash
from imsmap.store.db import Database
from support import chart_atlas, outside_edit, spot


def open_clinic(path, actor="test.physio") -> Records:
    return build_context(Database.open(path), chart_atlas(), actor=actor).records


@pytest.fixture
def source(tmp_path):
    recs = open_clinic(tmp_path / "source.sqlite3")
    patient = recs.create_patient(chart_number="S-1", family_name="Okafor", given_name="Chidi")
    session = recs.start_session(patient.id, started_at=datetime(2026, 11, 18, 14, 0),
                                 practitioner="A. Physio", notes="C6 root.")
    view, x, y, muscle, side = spot(recs.atlas)
    recs.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=3)
    recs.sign_session(session.id)
    recs.amend_session(session.id, "Correction", "The grasp was moderate.")
    recs.session_id = session.id
    yield recs
    recs.db.close()


@pytest.fixture
def target(tmp_path):
    recs = open_clinic(tmp_path / "target.sqlite3", actor="importer")
    yield recs
    recs.db.close()


def refused(target, doc) -> str:
    before = target.repo.counts()
    with pytest.raises(ImportProblems) as err:
        import_document(target, doc)
    assert target.repo.counts() == before
    return str(err.value)


def test_the_file_trail_is_kept_and_checked(source, target):
    doc = export.export_document(source)
    import_document(target, doc)
    kept = target.db.query("SELECT source_id FROM imported_audit ORDER BY id")
    assert [r["source_id"] for r in kept] == [e["id"] for e in doc["audit"]]
    assert checks.full_check(target).ok, checks.full_check(target).text()
    outside_edit(target.db.path, "UPDATE imported_audit SET entry = replace(entry, "
                                 "'Correction', 'Nothing') WHERE entry LIKE '%Correction%'")
    assert any("imported by entry" in p for p in checks.full_check(target).problems)


def test_the_kept_trail_cannot_be_changed_by_plain_sql(source, target):
    import_document(target, export.export_document(source))
    conn = sqlite3.connect(target.db.path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM imported_audit")
    finally:
        conn.close()


def test_a_forged_signature_with_a_recomputed_hash_is_refused(source, target):
    """Content changed and its hash recomputed in the source: its sign entry says otherwise."""
    outside_edit(source.db.path, "UPDATE sites SET grasp = 0")
    forged = content_hash(source.session_record(source.session_id))
    outside_edit(source.db.path, f"UPDATE sessions SET content_hash = '{forged}'")
    text = refused(target, export.export_document(source))
    assert "content hash is not the one audit entry" in text


def test_a_forged_sign_entry_breaks_the_file_chain(source, target):
    doc = export.export_document(source)
    visit = doc["patients"][0]["visits"][0]
    visit["sites"][0]["grasp"] = 0
    from imsmap.services.import_checks import Reader, record_of

    # Recompute the visit's hash the way a forger would, and write it into the sign entry too.
    reader = Reader(target)
    parsed = reader.visit(copy.deepcopy(visit), "v")
    forged = content_hash(record_of(parsed))
    for entry in doc["audit"]:
        if entry["action"] == "sign":
            entry["changes"]["content_hash"][1] = forged
    visit["content_hash"] = forged
    text = refused(target, doc)
    assert "audit trail is broken at entry" in text


@pytest.mark.parametrize("field, value, words", [
    ("signed_by", "dr.someone.else", "its signer (dr.someone.else)"),
    ("signed_at", "2020-01-05T10:00:00+00:00", "signing time"),
])
def test_a_rewritten_signer_or_time_is_refused(source, target, field, value, words):
    doc = export.export_document(source)
    doc["patients"][0]["visits"][0][field] = value
    assert words in refused(target, doc)


def test_a_rewritten_amendment_is_refused(source, target):
    doc = export.export_document(source)
    amendment = doc["patients"][0]["visits"][0]["amendments"][0]
    amendment.update(created_by="someone.else", text="Nothing happened.")
    text = refused(target, doc)
    assert "text, created_by differ from what audit entry" in text


def test_an_amendment_dated_before_the_signature_is_refused(source, target):
    doc = export.export_document(source)
    doc["patients"][0]["visits"][0]["amendments"][0]["created_at"] = "2021-01-01T10:00:00"
    assert "dated before the visit was signed" in refused(target, doc)


def test_signed_visits_need_the_whole_trail(source, target):
    partial = export.export_document(source, [source.session_id])
    partial["audit"] = partial["audit"][1:]  # as an export of chosen sessions leaves entries out
    assert "Export the whole database" in refused(target, partial)
    without = export.export_document(source)
    del without["audit"]
    assert "holds no audit trail" in refused(target, without)


def test_drafts_come_in_without_a_trail(source, target):
    doc = export.export_document(source)
    del doc["audit"]
    for patient in doc["patients"]:
        for visit in patient["visits"]:
            visit.update(status="draft", signed_at=None, signed_by="", content_hash="",
                         amendments=[])
    assert import_document(target, doc)["sessions"] == 1
    assert checks.full_check(target).ok
