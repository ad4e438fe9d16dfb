"""The FHIR R4 export (issue 18, docs/fhir.md): every resource validates with fhir.resources
(R4B), the bundle says what the record says (read back and compared with the JSON export of
the same record), ids are stable, and every code is either a checked outside code that
docs/fhir.md cites or defined in a code system the bundle ships."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest

import fhir_reader
from imsmap.domain.errors import UserFacingError
from imsmap.services import planning
from imsmap.services.export import export_document
from imsmap.services.fhir import build_bundle, dumps, fhir_bundle
from support import spot

pytestmark = pytest.mark.both_backends

DOC = Path(__file__).resolve().parents[1] / "docs" / "fhir.md"
NOW = datetime(2026, 11, 30, 17, 5, 9, tzinfo=UTC)

# The outside codes the export may use: each checked against the source docs/fhir.md cites.
CHECKED = {
    "http://loinc.org": {"72514-3", "28570-0", "59284-0"},
    "http://snomed.info/sct": {"7771000", "24028007", "399488007"},
    "http://terminology.hl7.org/CodeSystem/v3-ActCode": {"AMB"},
    "http://terminology.hl7.org/CodeSystem/observation-category": {"survey", "exam",
                                                                    "procedure"},
    "http://terminology.hl7.org/CodeSystem/consentscope": {"treatment"},
    "http://terminology.hl7.org/CodeSystem/provenance-participant-type": {"legal", "author"},
    "http://terminology.hl7.org/CodeSystem/adverse-event-severity": {"mild", "moderate",
                                                                     "severe"},
    "http://unitsofmeasure.org": {"1", "mm"},
    "http://terminology.hl7.org/CodeSystem/media-type": {"image"},  # photos (test_photo_export)
    "http://terminology.hl7.org/CodeSystem/list-empty-reason": {"nilknown"},
    # a grade an amendment took back (test_site_corrections_outputs)
    "http://terminology.hl7.org/CodeSystem/data-absent-reason": {"not-performed"},
}


@pytest.fixture
def clock(records):
    records.clock = lambda: NOW
    return records


@pytest.fixture
def filled(clock, patient, session):
    """The edge cases by hand: a signed, amended session with a removed site, a finding, an
    adverse event, a levelled paraspinal site and non-ASCII text; a draft without pain scores
    whose sites were copied forward as planned (one confirmed); a patient with no sessions."""
    records = clock
    view_id, x, y, muscle, side = spot(records.atlas)
    records.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side, grasp=3,
                     cramp=True, twitch=False, depth_mm=30, tissue_feel="grasp",
                     release="partial", sensation="ache/cramp", notes="Strong <grasp> & ache")
    gone = records.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side, grasp=1)
    records.remove_site(gone.id)
    records.add_site(session.id, view_id, x, y, muscle_id="multifidus", side="L", level="L5",
                     grasp=0, twitch=True, estim=True)
    records.add_finding(session.id, "tender_paraspinals", "L5", "R", "Worse on extension")
    records.add_finding(session.id, "shortening", "", "M")
    records.add_adverse_event(session.id, "bruising", "mild", "Pressure applied")
    records.update_session(session.id, pain_before=7, pain_after=4, consent=True,
                           pneumothorax_discussed=True, needle_count=2, needles_accounted=True,
                           plan="Weekly; review in 4 weeks", tolerance="Well",
                           notes="Trophedema L5 — matchstick test ✓ <5 min & better",
                           practitioner="Zoë Ångström-Łukasiewicz, PT",
                           practitioner_registration="PT-Ø42")
    records.sign_session(session.id)
    records.amend_session(session.id, "Late entry", "Soreness next day, résolu.")
    records.amend_session(session.id, "Correction", "Needle count was 3.")
    draft = records.start_session(session.patient_id, complaint="Review: ça va mieux",
                                  practitioner="J. Physio")
    planning.copy_forward(records, draft.id, session.id)
    first = records.repo.sites_for_session(draft.id)[0]
    records.update_site(first.id, planned=False, grasp=2)
    other = records.create_patient(chart_number="C-李-7", family_name="Ó Súilleabháin",
                                   given_name="", sex="X")
    bare = records.create_patient(chart_number="C-3", family_name="Bare", given_name="B")
    empty = records.start_session(bare.id)  # no practitioner, complaint or sites
    records.update_session(empty.id, pain_before=0, pain_after=0, needle_count=0)
    return records, session.id, draft.id, other


def _codings(node):
    if isinstance(node, dict):
        if "system" in node and "code" in node:
            yield node
        for value in node.values():
            yield from _codings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _codings(value)


def _references(node):
    if isinstance(node, dict):
        if isinstance(node.get("reference"), str):
            yield node["reference"]
        for value in node.values():
            yield from _references(value)
    elif isinstance(node, list):
        for value in node:
            yield from _references(value)


def test_round_trip_of_the_hand_made_record(filled):
    records, signed, draft, other = filled
    bundle = fhir_bundle(records)
    assert bundle["type"] == "collection"
    assert fhir_reader.read(bundle) == fhir_reader.expected(export_document(records))
    patients = {p["chart_number"]: p for p in fhir_reader.read(bundle)}
    assert patients["C-李-7"]["visits"] == [] and patients["C-李-7"]["family_name"] \
        == "Ó Súilleabháin"
    first, second = patients["C-1001"]["visits"]
    assert [len(first["sites"]), len(second["sites"])] == [2, 2]  # the removed site is not
    assert [a["reason"] for a in first["amendments"]] == ["Late entry", "Correction"]
    assert (second["pain_before"], second["pain_after"]) == (None, None)
    assert [s["planned"] for s in second["sites"]] == [False, True]
    assert first["practitioner"] == "Zoë Ångström-Łukasiewicz, PT"
    [empty] = patients["C-3"]["visits"]
    assert (empty["pain_before"], empty["pain_after"], empty["needle_count"]) == (0, 0, 0)
    assert (empty["practitioner"], empty["sites"]) == ("", [])


def test_what_the_bundle_holds_for_a_visit(filled):
    records, signed, draft, _ = filled
    bundle = fhir_bundle(records, session_ids=[signed, draft])
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds[:3] == ["CodeSystem"] * 3  # IMS codes, the muscles used, the levels used
    res = [e["resource"] for e in bundle["entry"]]
    [pain_before] = [r for r in res if r["resourceType"] == "Observation"
                     and r["code"]["text"].startswith("Pain before")]
    assert pain_before["code"]["coding"][0]["code"] == "72514-3"
    assert pain_before["valueQuantity"] == {"value": 7, "unit": "1",
                                            "system": "http://unitsofmeasure.org", "code": "1"}
    [practitioner] = [r for r in res if r["resourceType"] == "Practitioner"
                      and r.get("identifier")]
    assert practitioner["identifier"][0]["value"] == "PT-Ø42"
    lefts = [r for r in res if r["resourceType"] == "BodyStructure"
             and r["locationQualifier"][0]["coding"][0]["code"] == "7771000"]
    assert lefts and all(r["locationQualifier"][1]["coding"][0]["code"] == "L5" for r in lefts)
    procs = [r for r in res if r["resourceType"] == "Procedure"]
    assert sorted(p["status"] for p in procs) == ["completed"] * 3 + ["preparation"]
    assert [r["resourceType"] for r in res].count("Provenance") == 3  # signature, 2 amendments
    [consent] = [r for r in res if r["resourceType"] == "Consent"]
    assert consent["status"] == "active"
    assert not any(r["resourceType"] == "DocumentReference" and
                   r["content"][0]["attachment"]["contentType"] == "application/pdf"
                   for r in res)  # without a PDF source, no PDF


def test_every_reference_resolves_and_every_code_is_checked_or_shipped(filled):
    records, signed, *_ = filled
    pdf = b"%PDF-1.4 stand-in bytes are not used here"
    for bundle in (fhir_bundle(records),
                   fhir_bundle(records, session_ids=[signed], document=True,
                               pdf=lambda sid, at: pdf)):
        urls = {e["fullUrl"] for e in bundle["entry"]}
        assert set(_references(bundle)) <= urls
        assert len(urls) == len(bundle["entry"])
        shipped = {(e["resource"]["url"], c["code"]): c.get("display")
                   for e in bundle["entry"] if e["resource"]["resourceType"] == "CodeSystem"
                   for c in e["resource"]["concept"]}
        for coding in _codings(bundle["entry"]):
            system, code = coding["system"], coding["code"]
            if system.startswith("https://imsmap.org/fhir/"):
                assert (system, code) in shipped, coding
                assert coding.get("display") == shipped[(system, code)]
            else:
                assert code in CHECKED[system], coding
    text = DOC.read_text(encoding="utf-8")
    for system, codes in CHECKED.items():
        assert system in text
        for code in codes:
            assert f"`{code}`" in text, f"docs/fhir.md does not cite {system} {code}"


def test_a_signed_session_as_a_document(filled):
    records, signed, draft, _ = filled
    pdf = bytes(range(256)) * 3
    bundle = fhir_bundle(records, session_ids=[signed], document=True,
                         pdf=lambda sid, at: pdf if (sid, at) == (signed, NOW) else b"")
    fhir_reader.parse(bundle)
    assert bundle["type"] == "document" and bundle["timestamp"] == "2026-11-30T17:05:09+00:00"
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", bundle["identifier"]["value"])
    first = bundle["entry"][0]["resource"]
    assert first["resourceType"] == "Composition" and first["status"] == "amended"
    assert first["attester"][0]["mode"] == "legal"
    sections = {s["title"]: s for s in first["section"]}
    div = sections["Pain, needles and tolerance"]["text"]["div"]
    assert "matchstick test ✓ &lt;5 min &amp; better" in div
    ElementTree.fromstring(div)  # well-formed XHTML
    assert "<li>1. " in sections["Insertions"]["text"]["div"]
    [doc] = [e["resource"] for e in bundle["entry"] if e["fullUrl"] ==
             sections["Signed record (PDF/A)"]["entry"][0]["reference"]]
    parsed = fhir_reader.parse({"resourceType": "Bundle", "type": "collection",
                                "entry": [{"resource": doc}]}).entry[0].resource
    assert parsed.content[0].attachment.data == pdf
    assert parsed.content[0].attachment.contentType == "application/pdf"
    assert base64.b64decode(doc["content"][0]["attachment"]["hash"]) == \
        hashlib.sha1(pdf).digest()
    amendments = [e["resource"] for e in bundle["entry"]
                  if e["resource"]["resourceType"] == "DocumentReference"
                  and e["resource"] is not doc]
    assert [a["relatesTo"][0] for a in amendments] == [
        {"code": "appends", "target": {"reference": sections["Signed record (PDF/A)"]["entry"][0]
                                       ["reference"]}}] * 2
    assert fhir_reader.read(bundle) == fhir_reader.expected(
        export_document(records, session_ids=[signed]))


def test_a_document_says_that_none_were_recorded(clock, session):
    """A signed record without findings or adverse events says so, as its PDF does ("No adverse
    events were recorded."): the sections are there, empty for a reason (nil known). Left out,
    a receiving system could not tell "none" from "not part of this document"."""
    records = clock
    records.update_session(session.id, consent=True, pain_before=5, pain_after=3)
    records.sign_session(session.id)
    bundle = fhir_bundle(records, session_ids=[session.id], document=True,
                         pdf=lambda sid, at: b"%PDF-1.4 stand-in")
    fhir_reader.parse(bundle)  # validates: cmp-1 (text), cmp-2 (emptyReason only when empty)
    sections = {s["title"]: s for s in bundle["entry"][0]["resource"]["section"]}
    for title, said in (("Examination findings", "No examination findings were recorded."),
                        ("Adverse events", "No adverse events were recorded.")):
        assert "entry" not in sections[title]
        assert sections[title]["emptyReason"]["coding"] == [{
            "system": "http://terminology.hl7.org/CodeSystem/list-empty-reason",
            "code": "nilknown", "display": "Nil Known"}]
        assert f"<li>{said}</li>" in sections[title]["text"]["div"]
    assert "Photos" not in sections and "Amendments" not in sections  # none: not in the record
    for coding in _codings(bundle["entry"]):
        if not coding["system"].startswith("https://imsmap.org/fhir/"):
            assert coding["code"] in CHECKED[coding["system"]], coding


def test_a_document_is_one_signed_session(filled):
    records, signed, draft, _ = filled
    for ids in ([draft], [signed, draft]):
        with pytest.raises(UserFacingError, match="one signed session"):
            fhir_bundle(records, session_ids=ids, document=True)


def test_the_same_record_exports_the_same_bundle(filled):
    records, signed, *_ = filled
    first = dumps(fhir_bundle(records))
    assert dumps(fhir_bundle(records)) == first
    records.clock = lambda: datetime(2027, 1, 2, 3, 4, 5, tzinfo=UTC)
    later = fhir_bundle(records)
    assert later["timestamp"] == "2027-01-02T03:04:05+00:00"
    assert [e["fullUrl"] for e in later["entry"]] == \
        [e["fullUrl"] for e in json.loads(first)["entry"]]
    assert later["entry"] == json.loads(first)["entry"]  # only the export time differs


def test_ids_follow_the_record_not_the_row_order(filled):
    """The same session read from a document whose other visits differ keeps its ids."""
    records, signed, *_ = filled
    alone = fhir_bundle(records, session_ids=[signed])
    together = fhir_bundle(records)
    alone_urls = {e["fullUrl"] for e in alone["entry"]
                  if e["resource"]["resourceType"] != "CodeSystem"}
    assert alone_urls <= {e["fullUrl"] for e in together["entry"]}


def test_a_muscle_the_atlas_does_not_know_is_text_only(filled):
    records, signed, *_ = filled
    doc = export_document(records, session_ids=[signed])
    doc["patients"][0]["visits"][0]["sites"][0].update(muscle="musculus_ignotus",
                                                       muscle_name=None)
    bundle = build_bundle(doc)
    [proc] = [e["resource"] for e in bundle["entry"]
              if e["resource"]["resourceType"] == "Procedure"
              and e["resource"]["bodySite"][0]["text"] == "musculus_ignotus"]
    assert "coding" not in proc["bodySite"][0]
    assert fhir_reader.read(bundle) == fhir_reader.expected(doc)


def test_round_trip_of_the_demo_clinic(tmp_path):
    from imsmap.services.context import open_records
    from imsmap.services.demo import create_demo

    create_demo(tmp_path / "demo.sqlite3")
    records = open_records(tmp_path / "demo.sqlite3", create=False)
    try:
        bundle = fhir_bundle(records)
        assert fhir_reader.read(bundle) == fhir_reader.expected(export_document(records))
    finally:
        records.db.close()
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert kinds >= {"CodeSystem", "Patient", "Practitioner", "Encounter", "Procedure",
                     "BodyStructure", "Observation", "Consent", "AdverseEvent", "Provenance",
                     "CarePlan", "DocumentReference"}
