"""The JSON export: every key of docs/export-format.md, the values as stored, a fixed number of
queries however many sites, and an audit trail that can be re-verified from the file alone."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from imsmap.domain.errors import NotFoundError
from imsmap.services.export import FORMAT, VERSION, dumps, export_document
from imsmap.store import audit
from support import spot

pytestmark = pytest.mark.both_backends

DOC = Path(__file__).resolve().parents[1] / "docs" / "export-format.md"

TOP_KEYS = {"format", "version", "exported_at", "exported_by", "atlas_version",
            "schema_version", "patients", "patient_merges", "audit"}
PATIENT_KEYS = {"id", "chart_number", "family_name", "given_name", "birth_date", "sex", "notes",
                "created_at", "created_by", "updated_at", "updated_by", "visits"}
VISIT_KEYS = {"id", "uid", "started_at", "practitioner", "practitioner_registration", "complaint",
              "pain_before", "pain_after", "notes", "consent", "pneumothorax_discussed",
              "needle_count", "needles_accounted", "tolerance", "plan", "status",
              "atlas_version", "signed_at", "signed_by", "signed_by_name", "content_hash",
              "created_at",
              "created_by", "updated_at", "updated_by", "amendments", "findings",
              "adverse_events", "sites", "photos", "retraction"}
SITE_KEYS = {"id", "seq", "muscle", "muscle_name", "side", "view", "layer", "x", "y", "level",
             "needle_diameter_mm", "needle_length_mm", "depth_mm", "grasp", "cramp", "twitch",
             "tissue_feel", "release", "sensation", "estim", "notes", "planned", "created_at",
             "created_by", "updated_at", "updated_by"}
AMENDMENT_KEYS = {"id", "created_at", "created_by", "reason", "text"}
FINDING_KEYS = {"id", "sign", "location", "side", "notes", "created_at", "created_by"}
ADVERSE_KEYS = {"id", "kind", "severity", "action_taken", "created_at", "created_by"}
AUDIT_KEYS = {"id", "at", "actor", "action", "entity", "entity_id", "session_id", "changes",
              "hash"}


@pytest.fixture
def filled(records, patient, session):
    """One signed, amended session with findings, an adverse event and a removed site; one
    draft."""
    view_id, x, y, muscle, side = spot(records.atlas)
    a = records.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side, grasp=3,
                         cramp=True, depth_mm=30, tissue_feel="grasp", release="partial",
                         sensation="ache/cramp", notes="Strong grasp")
    gone = records.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side)
    records.remove_site(gone.id)
    records.add_finding(session.id, "tender_paraspinals", "L5", "R")
    records.add_adverse_event(session.id, "bruising", "mild", "Pressure applied")
    records.update_session(session.id, pain_before=7, pain_after=4, consent=True,
                           needle_count=2, needles_accounted=True, plan="Weekly")
    records.sign_session(session.id)
    records.amend_session(session.id, "Late entry", "Soreness next day.")
    draft = records.start_session(patient.id, complaint="Review")
    records.add_site(draft.id, view_id, x, y, muscle_id=muscle, side=side, grasp=1)
    return a


def test_every_documented_key_is_there_with_its_type(records, filled):
    doc = export_document(records)
    assert set(doc) == TOP_KEYS
    assert (doc["format"], doc["version"]) == (FORMAT, VERSION) == ("imsmap-export", 1)
    assert doc["atlas_version"] == records.atlas.version
    datetime.fromisoformat(doc["exported_at"])
    [patient] = doc["patients"]
    assert set(patient) == PATIENT_KEYS
    assert patient["chart_number"] == "C-1001" and patient["birth_date"] == "1970-04-12"
    assert patient["sex"] == "F"
    signed, draft = patient["visits"]
    for visit in (signed, draft):
        assert set(visit) == VISIT_KEYS
    assert signed["status"] == "signed" and draft["status"] == "draft"
    assert re.fullmatch(r"[0-9a-f]{64}", signed["content_hash"])
    assert draft["signed_at"] is None and draft["content_hash"] == ""
    assert (signed["pain_before"], signed["pain_after"], signed["consent"]) == (7, 4, True)
    [amendment] = signed["amendments"]
    assert set(amendment) == AMENDMENT_KEYS and amendment["reason"] == "Late entry"
    [finding] = signed["findings"]
    assert set(finding) == FINDING_KEYS and finding["side"] == "R"
    [event] = signed["adverse_events"]
    assert set(event) == ADVERSE_KEYS and event["kind"] == "bruising"
    [site] = signed["sites"]  # the removed one is not a site any more (the audit has it)
    assert set(site) == SITE_KEYS
    assert site["id"] == filled.id and site["seq"] == 1
    assert site["muscle"] == filled.muscle_id
    assert site["muscle_name"] == records.atlas.muscle(filled.muscle_id).name
    assert (site["grasp"], site["cramp"], site["twitch"], site["depth_mm"]) == (3, True, False,
                                                                               30.0)
    assert isinstance(site["x"], float) and isinstance(site["needle_length_mm"], float)
    for entry in doc["audit"]:
        assert set(entry) - {"at_seconds"} == AUDIT_KEYS  # at_seconds: compact entries only
        assert isinstance(entry["changes"], dict)
        datetime.fromisoformat(entry["at"])
        assert entry["hash"] is None or re.fullmatch(r"[0-9a-f]{32}", entry["hash"])
    assert all("at_seconds" in e for e in doc["audit"])  # all written since schema 4
    creation = next(e for e in doc["audit"] if (e["action"], e["entity"]) == ("create", "site"))
    assert re.fullmatch(r"[0-9a-f]{32}", creation["changes"]["content_digest"])


def test_the_json_text_round_trips(records, filled):
    doc = export_document(records)
    text = dumps(doc)
    assert text.endswith("\n") and json.loads(text) == doc


def test_the_audit_chain_can_be_verified_from_the_file(records, filled):
    doc = json.loads(dumps(export_document(records)))
    assert audit.verify_chain(records.db.conn) == []
    previous = audit.GENESIS
    checked = 0
    for entry in doc["audit"]:  # as docs/export-format.md says, from the file alone
        changes = json.dumps(entry["changes"], ensure_ascii=False, sort_keys=True,
                             separators=(",", ":"))
        compact = "at_seconds" in entry
        if compact and set(entry["changes"]) == {"content_digest"}:
            changes = entry["changes"]["content_digest"]
        blob = audit.canonical(entry["id"], entry["at_seconds"] if compact else entry["at"],
                               entry["actor"], entry["action"], entry["entity"],
                               entry["entity_id"], entry["session_id"], changes)
        digest = hashlib.sha256(previous + blob).digest()[:16 if compact else 32]
        assert entry["hash"] in (None, digest.hex())
        checked += entry["hash"] is not None
        previous = digest
    assert doc["audit"][-1]["hash"] == previous.hex() and checked >= len(doc["audit"]) // 16
    total = records.db.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    assert [e["id"] for e in doc["audit"]] == list(range(1, total + 1))


def test_one_session_only(records, filled, patient):
    other = records.create_patient(chart_number="C-2", family_name="Other")
    records.start_session(other.id)
    sid = records.db.conn.execute("SELECT min(id) FROM sessions").fetchone()[0]
    doc = export_document(records, session_ids=[sid])
    assert [p["id"] for p in doc["patients"]] == [patient.id]
    assert [v["id"] for v in doc["patients"][0]["visits"]] == [sid]
    assert doc["audit"] and all(
        e["session_id"] == sid or (e["entity"] == "patient" and e["entity_id"] == patient.id)
        for e in doc["audit"])
    with pytest.raises(NotFoundError, match="no session with id 4242"):
        export_document(records, session_ids=[4242])


def test_an_empty_clinic_exports(records):
    doc = export_document(records)
    assert doc["patients"] == [] and doc["audit"] == []


@pytest.mark.sqlite_only('drops an SQLite trigger to write around the app')
def test_a_muscle_the_atlas_no_longer_knows_keeps_its_id(records, filled):
    records.db.conn.execute("DROP TRIGGER signed_site_locked")
    records.db.conn.execute("INSERT INTO terms (text) VALUES ('retired_muscle')")
    records.db.conn.execute(
        "UPDATE sites SET muscle_id = (SELECT id FROM terms WHERE text = 'retired_muscle')")
    doc = export_document(records)
    site = doc["patients"][0]["visits"][0]["sites"][0]
    assert (site["muscle"], site["muscle_name"]) == ("retired_muscle", None)


def _statements(records, call):
    seen = []
    records.db.conn.set_trace_callback(seen.append)
    try:
        call()
    finally:
        records.db.conn.set_trace_callback(None)
    return [s for s in seen if s.lstrip().upper().startswith("SELECT")]


@pytest.mark.sqlite_only("counts statements with sqlite3's trace callback")
def test_the_number_of_queries_does_not_grow_with_the_clinic(records, filled):
    small = _statements(records, lambda: export_document(records))
    view_id, x, y, muscle, side = spot(records.atlas)
    for n in range(3):
        p = records.create_patient(chart_number=f"Q-{n}", family_name=f"Query{n}")
        for _ in range(3):
            s = records.start_session(p.id)
            for _ in range(6):
                records.add_site(s.id, view_id, x, y, muscle_id=muscle, side=side, grasp=1)
    big = _statements(records, lambda: export_document(records))
    # (15: the amendments' corrections of sites, schema 7; the withdrawal and entered-in-error
    # marks, schema 8; 16: the merges of patient records, schema 9)
    assert len(big) == len(small) <= 16


def test_docs_describe_every_key():
    text = DOC.read_text(encoding="utf-8")
    for key in (TOP_KEYS | PATIENT_KEYS | VISIT_KEYS | SITE_KEYS | AMENDMENT_KEYS
                | FINDING_KEYS | ADVERSE_KEYS | AUDIT_KEYS):
        assert f"`{key}`" in text, key


def test_dates_are_iso_8601(records, filled):
    doc = export_document(records)
    p = doc["patients"][0]
    date.fromisoformat(p["birth_date"])
    for v in p["visits"]:
        assert datetime.fromisoformat(v["started_at"]).tzinfo is not None
        for s in v["sites"]:
            datetime.fromisoformat(s["created_at"])
