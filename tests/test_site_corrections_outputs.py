"""An amendment's corrections of sites in every output: the JSON export carries them (and an
import keeps them, refusing them changed), the research CSV holds the effective values, and a
FHIR Observation the corrected value with the signed one kept beside it."""

from __future__ import annotations

import copy
import json
import re

import pytest

import fhir_reader
import support
from imsmap.services import export_csv
from imsmap.services.context import build_context
from imsmap.services.export import export_document
from imsmap.services.fhir.bundle import fhir_bundle
from imsmap.services.import_checks import ImportProblems
from imsmap.services.importer import import_document
from imsmap.store.db import Database


def _clinic(path):
    return build_context(Database.open(path), support.chart_atlas(), actor="ben").records


@pytest.fixture
def amended(tmp_path):
    """A signed visit of three sites graded 3, 2, 1; an amendment corrects site 1 to 1 and says
    site 3 was recorded in error."""
    records = _clinic(tmp_path / "source.sqlite3")
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen", given_name="A")
    session = records.start_session(patient.id, complaint="Low back pain")
    sites = []
    for n, grade in enumerate((3, 2, 1)):
        view_id, x, y, muscle, side = support.spot(records.atlas, n * 7)
        sites.append(records.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side,
                                      grasp=grade))
    records.sign_session(session.id)
    records.amend_session(session.id, "Grade entered 3 for 1", "Noticed after signing.",
                          [(sites[0].id, "grasp", 1), (sites[2].id, "in_error", True)])
    yield records, session, sites
    records.db.close()


def test_the_export_carries_the_corrections_and_an_import_keeps_them(amended, tmp_path):
    records, session, sites = amended
    doc = export_document(records)
    (visit,) = doc["patients"][0]["visits"]
    assert [s["grasp"] for s in visit["sites"]] == [3, 2, 1]  # as signed
    assert visit["amendments"][0]["corrections"] == [[1, "grasp", 3, 1], [3, "in_error", False,
                                                                           True]]
    target = _clinic(tmp_path / "target.sqlite3")
    try:
        import_document(target, json.loads(json.dumps(doc)))
        (imported,) = target.read.sessions_for_patient(1)
        assert [(s.seq, s.grasp) for s in target.read.effective_sites_for_session(imported.id)
                ] == [(1, 1), (2, 2)]
        assert target.read.seal(imported.id).problems == ()
        from imsmap.services.checks import full_check
        assert full_check(target).ok
    finally:
        target.db.close()


@pytest.mark.parametrize("change", ["new", "old", "dropped", "site"])
def test_an_import_refuses_corrections_changed_in_the_file(amended, tmp_path, change):
    records, _, _ = amended
    doc = copy.deepcopy(export_document(records))
    fixes = doc["patients"][0]["visits"][0]["amendments"][0]["corrections"]
    if change == "new":
        fixes[0][3] = 2
    elif change == "old":
        fixes[0][2] = 2
    elif change == "dropped":
        del fixes[1]
    else:
        fixes[0][0] = 2
    target = _clinic(tmp_path / "target.sqlite3")
    try:
        with pytest.raises(ImportProblems):
            import_document(target, doc)
        assert target.read.search_patients("") == []
    finally:
        target.db.close()


def test_the_csv_holds_the_effective_sites(amended):
    records, session, sites = amended
    rows = [r for r in export_csv.rows(records) if r["session"] == f"S{session.id}"]
    assert [r["grasp"] for r in rows] == [1, 2]
    assert {r["amendments"] for r in rows} == {1}


def test_fhir_says_the_corrected_value_and_keeps_the_signed_one(amended):
    records, session, sites = amended
    bundle = fhir_bundle(records)
    resources = [e["resource"] for e in bundle["entry"]]
    grasps = [r for r in resources if r["resourceType"] == "Observation"
              and r["code"]["coding"][0]["code"] == "grasp"]
    statuses = sorted((r["status"], r.get("valueInteger")) for r in grasps)
    assert statuses == [("corrected", 1), ("entered-in-error", 1), ("final", 2)]
    corrected = next(r for r in grasps if r["status"] == "corrected")
    assert "Recorded as 3, corrected to 1" in corrected["note"][0]["text"]
    assert "Grade entered 3 for 1" in corrected["note"][0]["text"]
    procedures = [r for r in resources if r["resourceType"] == "Procedure"]
    assert sorted(r["status"] for r in procedures) == ["completed", "completed",
                                                       "entered-in-error"]


def test_fhir_says_a_grade_taken_back_is_not_graded_in_codes_and_narrative(amended):
    """A grade corrected to "not graded": the grasp Observation is corrected and has no value;
    its dataAbsentReason says why, and the document's narrative says "not graded", not the
    "present" of an Observation that records a finding without a value."""
    records, session, sites = amended
    records.amend_session(session.id, "Site 2 was not graded", "Graded from memory.",
                          [(sites[1].id, "grasp", None)])
    bundle = fhir_bundle(records, session_ids=[session.id], document=True,
                         pdf=lambda sid, at: b"%PDF")
    fhir_reader.parse(bundle)  # valid R4B: a dataAbsentReason only without a value
    resources = [e["resource"] for e in bundle["entry"]]
    grasps = [r for r in resources if r["resourceType"] == "Observation"
              and r["code"]["coding"][0]["code"] == "grasp"]
    assert len(grasps) == 3  # the grade taken back stays, as its correction's record
    grasp = next(r for r in grasps if "valueInteger" not in r)
    assert grasp["status"] == "corrected"
    assert not any(key.startswith("value") for key in grasp)
    assert grasp["dataAbsentReason"]["coding"][0]["code"] == "not-performed"
    assert grasp["dataAbsentReason"]["text"] == "not graded"
    assert "Recorded as 2, corrected to not graded" in grasp["note"][0]["text"]
    composition = resources[0]
    div = next(s["text"]["div"] for s in composition["section"]
               if s["title"] == "Responses at each insertion")
    assert re.search(r"<li>2\. [^<]* - Grasp grade [^<]*: not graded \(corrected\)</li>", div)
    assert "present" not in div
