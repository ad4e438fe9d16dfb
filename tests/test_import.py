"""Importing an imsmap export: checked first, all or nothing, signatures kept, fuzzed."""

from __future__ import annotations

import copy
import json
from datetime import datetime

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from imsmap.atlas import Atlas
from imsmap.cli import main
from imsmap.domain.errors import ReadOnlyError, UserFacingError, ValidationError
from imsmap.services import checks
from imsmap.services.context import build_context
from imsmap.services.import_checks import ImportProblems
from imsmap.services.importer import import_document
from imsmap.services.records import Records
from imsmap.store import audit
from imsmap.store.db import Database
from support import chart_atlas, spot

export = pytest.importorskip("imsmap.services.export")


# -- helpers -----------------------------------------------------------------------------
def open_clinic(path, actor: str = "test.physio") -> Records:
    return build_context(Database.open(path), chart_atlas(), actor=actor).records


def build_clinic(recs: Records, patients: int = 2) -> None:
    """Patients with a signed, amended visit and a draft visit each."""
    for p in range(patients):
        patient = recs.create_patient(chart_number=f"C-{100 + p}", family_name=f"Family{p}",
                                      given_name="Zoë", birth_date="1970-04-12", sex="F",
                                      notes="Allergic to latex.\nPrefers mornings.")
        for day, signed in ((13, True), (20, False)):
            s = recs.start_session(patient.id, started_at=datetime(2026, 11, day, 9, 30),
                                   practitioner="J. Physio", complaint="Low back pain, L5",
                                   pain_before=6, pain_after=3 if signed else None,
                                   consent=True, needle_count=12, needles_accounted=signed,
                                   plan="Weekly for four weeks")
            recs.add_finding(s.id, "tender_paraspinals", "L4-S1", "R", "worse on the right")
            recs.add_adverse_event(s.id, "soreness", "mild", "advice, heat")
            for i in range(3):
                view, x, y, muscle, side = spot(recs.atlas, i)
                recs.add_site(s.id, view, x + i, y, muscle_id=muscle, side=side, grasp=i % 4,
                              cramp=bool(i % 2), tissue_feel="grasp", release="partial",
                              depth_mm=12.5, notes=f"site {i}")
            if signed:
                recs.sign_session(s.id)
                recs.amend_session(s.id, "Pain after was recorded late",
                                   "Pain after the session: 3/10, reported by phone.")


def strip(doc: dict) -> dict:
    """The records of an export, without database ids, export time or audit trail."""
    def walk(node):
        if isinstance(node, dict):
            return {k: walk(val) for k, val in node.items() if k != "id"}
        if isinstance(node, list):
            return [walk(x) for x in node]
        return node
    return walk({k: val for k, val in doc.items() if k not in ("exported_at", "audit")})


def counts(recs: Records) -> dict:
    return recs.repo.counts()


@pytest.fixture
def source(tmp_path):
    recs = open_clinic(tmp_path / "source.sqlite3")
    build_clinic(recs)
    yield recs
    recs.db.close()


@pytest.fixture
def target(tmp_path):
    recs = open_clinic(tmp_path / "target.sqlite3", actor="importer")
    yield recs
    recs.db.close()


def brief_doc(atlas: Atlas, *, patients: int = 1, sites: int = 2) -> dict:
    """A document in the documented format, written by hand (no ids, no bookkeeping)."""
    out = []
    for p in range(patients):
        visit_sites = []
        for i in range(sites):
            view, x, y, muscle, side = spot(atlas, i)
            visit_sites.append({
                "seq": i + 1, "muscle": muscle, "side": side, "view": view,
                "layer": "superficial", "x": x, "y": y, "level": None,
                "needle_diameter_mm": 0.25, "needle_length_mm": 40.0, "depth_mm": None,
                "grasp": 2, "cramp": True, "twitch": False, "tissue_feel": "grasp",
                "release": "full", "sensation": "ache/cramp", "estim": False, "notes": "",
                "planned": False})
        out.append({
            "chart_number": f"B-{p}", "family_name": "Okafor", "given_name": "Chidi",
            "birth_date": "1962-01-30", "sex": "M", "notes": "",
            "visits": [{
                "started_at": "2026-11-18T14:00:00+01:00", "practitioner": "A. Physio",
                "complaint": "Neck pain", "pain_before": 7, "pain_after": 4, "notes": "",
                "status": "draft", "atlas_version": atlas.version, "signed_at": None,
                "signed_by": "", "content_hash": "", "amendments": [], "sites": visit_sites}]})
    return {"format": "imsmap-export", "version": 1, "patients": out}


# -- round trip --------------------------------------------------------------------------------
def test_round_trip_gives_the_same_records(source, target):
    first = export.export_document(source)
    imported = import_document(target, json.loads(json.dumps(first)))
    assert imported == {"patients": 2, "sessions": 4, "sites": 12, "amendments": 2,
                        "findings": 4, "adverse_events": 4, "photos": 0, "patient_merges": 0}
    second = export.export_document(target)
    assert strip(second) | {"exported_by": None} == strip(first) | {"exported_by": None}


def test_imported_signed_visits_keep_their_signature_and_stay_locked(source, target):
    doc = export.export_document(source)
    import_document(target, doc)
    # Keyed by content hash: two visits may start within the same second.
    original = {s["content_hash"]: s for p in doc["patients"] for s in p["visits"]
                if s["status"] == "signed"}
    signed = target.db.query("SELECT * FROM sessions WHERE status = 'signed'")
    assert len(signed) == len(original) == 2
    for row in signed:
        visit = original[row["content_hash"]]
        assert row["started_at"] == visit["started_at"]
        assert (row["signed_at"], row["signed_by"], row["content_hash"]) == \
            (visit["signed_at"], visit["signed_by"], visit["content_hash"])
        site = target.repo.sites_for_session(row["id"])[0]
        with pytest.raises(ReadOnlyError):
            target.update_site(site.id, grasp=3)
        amendments = target.repo.amendments(row["id"])
        assert [(a.reason, a.created_by) for a in amendments] == \
            [("Pain after was recorded late", "test.physio")]
    report = checks.full_check(target)
    assert report.ok, report.text()


def test_imported_rows_get_import_audit_entries(source, target):
    import_document(target, export.export_document(source))
    entries = audit.entries(target.db.conn)
    assert entries and {e.action for e in entries} == {"import"}
    assert {e.actor for e in entries} == {"importer"}
    assert {e.entity for e in entries} >= {"patient", "session", "site", "amendment"}
    assert audit.verify_chain(target.db.conn) == []


def test_a_document_written_by_hand_in_the_documented_format(target):
    doc = brief_doc(target.atlas, patients=2)
    assert import_document(target, doc)["sites"] == 4
    site = target.repo.sites_for_session(1)[0]
    assert site.grasp == 2 and site.cramp is True and site.needle_diameter_mm == 0.25


# -- problems are named by their place in the file --------------------------------------------
def test_an_out_of_range_grasp_is_named_by_its_place(target):
    doc = brief_doc(target.atlas, patients=3, sites=6)
    doc["patients"][2]["visits"][0]["sites"][5]["grasp"] = 4
    before = counts(target)
    with pytest.raises(ImportProblems) as err:
        import_document(target, doc)
    assert "patients[2].visits[0].sites[5].grasp: Grasp 4 is out of range" in str(err.value)
    assert "nothing was changed" in str(err.value)
    assert counts(target) == before


def test_every_problem_is_named_up_to_a_limit(target):
    doc = brief_doc(target.atlas, patients=2, sites=3)
    doc["patients"][0]["birth_date"] = "2999-01-01"
    doc["patients"][1]["family_name"] = "A\x07B"
    visit = doc["patients"][1]["visits"][0]
    visit["pain_before"] = 11
    del visit["sites"][0]["view"]
    visit["sites"][1]["muscle"] = "musculus_imaginarius"
    visit["sites"][2]["side"] = "Q"
    with pytest.raises(ImportProblems) as err:
        import_document(target, doc)
    places = [place for place, _ in err.value.problems]
    assert places == ["patients[0].birth_date", "patients[1].family_name",
                      "patients[1].visits[0].pain_before", "patients[1].visits[0].sites[0].view",
                      "patients[1].visits[0].sites[1].muscle",
                      "patients[1].visits[0].sites[2].side"]
    assert "control character (U+0007)" in str(err.value)
    assert "is missing" in str(err.value)
    assert counts(target)["patients"] == 0


def test_structure_errors_are_problems_not_crashes(target):
    for doc, place in [([], ""), ({"format": "csv"}, "format"),
                       ({"format": "imsmap-export", "version": "1"}, "version"),
                       ({"format": "imsmap-export", "version": 1}, "patients"),
                       ({"format": "imsmap-export", "version": 1, "patients": {}}, "patients"),
                       ({"format": "imsmap-export", "version": 1, "patients": [3]},
                        "patients[0]")]:
        with pytest.raises(ImportProblems) as err:
            import_document(target, doc)
        assert err.value.problems[0][0] == place


def test_a_newer_export_version_is_refused_naming_both(target):
    doc = brief_doc(target.atlas)
    doc["version"] = 2
    with pytest.raises(ImportProblems, match="newer imsmap .export format version 2.; this "
                                             "imsmap reads version 1"):
        import_document(target, doc)


def test_existing_chart_numbers_are_refused(target):
    target.create_patient(chart_number="B-1", family_name="Someone Else")
    before = counts(target)
    with pytest.raises(ImportProblems) as err:
        import_document(target, brief_doc(target.atlas, patients=2))
    assert err.value.problems == [("patients[1].chart_number", err.value.problems[0][1])]
    assert "B-1 already exists" in str(err.value)
    assert counts(target) == before


def test_a_chart_number_in_other_capitals_is_refused_as_the_same_number(target, tmp_path,
                                                                        capsys, monkeypatch):
    """Walk: a file's patient "b-1" came in beside B-1 as a second patient, two records under
    one number on paper (the new-patient form refuses it: test_ui_patients)."""
    target.create_patient(chart_number="B-1", family_name="Someone Else")
    before = counts(target)
    doc = brief_doc(target.atlas, patients=2)
    doc["patients"][1]["chart_number"] = "b-1"
    with pytest.raises(ImportProblems) as err:
        import_document(target, doc)
    assert err.value.problems == [(
        "patients[1].chart_number",
        "Chart number b-1 already exists in this database, written B-1; records are never "
        "merged. Import into another database, or change the chart number in the file.")]
    assert counts(target) == before
    # The command says it the same way, and the file keeps every record for a second try.
    monkeypatch.setattr("imsmap.services.context.load_atlas", chart_atlas)
    path = tmp_path / "capitals.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    db = tmp_path / "clinic.sqlite3"
    made = open_clinic(db)
    made.create_patient(chart_number="B-1", family_name="Someone Else")
    made.db.close()
    assert main(["import", "--db", str(db), str(path)]) == 2
    assert "patients[1].chart_number: Chart number b-1 already exists in this database, " \
           "written B-1" in capsys.readouterr().err
    doc["patients"][1]["chart_number"] = "B-2"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["import", "--db", str(db), str(path)]) == 0
    made = open_clinic(db)
    try:
        assert [p.chart_number for p in made.repo.patients_by_chart_number_folded("b-1")] == \
            ["B-1"]
        assert made.repo.patient_by_chart_number("B-2") is not None
    finally:
        made.db.close()


def test_the_write_checks_the_capitals_again(target, monkeypatch):
    """Inside the write: a patient added in other capitals since the file was read is named."""
    from imsmap.services import importer

    doc = brief_doc(target.atlas)
    real = importer.read_document

    def read_then_another_room_adds(records, document):
        read = real(records, document)
        target.create_patient(chart_number=doc["patients"][0]["chart_number"].lower(),
                              family_name="Added Meanwhile")
        return read

    monkeypatch.setattr(importer, "read_document", read_then_another_room_adds)
    with pytest.raises(ImportProblems, match=r"patients\[0\].chart_number: Chart number B-0 "
                                             r"already exists in this database, written b-0"):
        import_document(target, doc)
    assert counts(target)["patients"] == 1


def test_a_chart_number_twice_in_the_file_is_refused(target):
    doc = brief_doc(target.atlas, patients=2)
    doc["patients"][1]["chart_number"] = "B-0"
    with pytest.raises(ImportProblems, match=r"patients\[1\].chart_number: Chart number B-0 is "
                                             r"used twice in the file .also at patients\[0\]"):
        import_document(target, doc)


@pytest.mark.parametrize("tamper", [
    lambda visit: visit["sites"][1].update(grasp=3),
    lambda visit: visit.update(consent=False),
    lambda visit: visit.update(pain_after=1),
    lambda visit: visit["sites"].pop(),
    lambda visit: visit["findings"][0].update(notes="edited"),
    lambda visit: visit["adverse_events"].clear(),
], ids=["grasp", "consent", "pain", "site-removed", "finding", "adverse-event-removed"])
def test_a_signed_visit_changed_after_signing_is_refused(source, target, tamper):
    doc = export.export_document(source)
    visit = doc["patients"][1]["visits"][0]
    assert visit["status"] == "signed"
    tamper(visit)
    with pytest.raises(ImportProblems) as err:
        import_document(target, doc)
    assert err.value.problems[0][0] == "patients[1].visits[0].content_hash"
    assert "changed after signing" in str(err.value)
    assert counts(target)["patients"] == 0


def test_a_draft_cannot_pose_as_signed_or_carry_amendments(target):
    doc = brief_doc(target.atlas)
    visit = doc["patients"][0]["visits"][0]
    visit["content_hash"] = "0" * 64
    visit["amendments"] = [{"created_at": "2026-11-19T10:00:00+01:00", "created_by": "x",
                            "reason": "r", "text": "t"}]
    with pytest.raises(ImportProblems) as err:
        import_document(target, doc)
    assert [p for p, _ in err.value.problems] == ["patients[0].visits[0].content_hash",
                                                  "patients[0].visits[0].amendments"]


@pytest.mark.parametrize("odd_id", [[1, 2], {"n": 1}], ids=["list", "object"])
def test_an_amendment_whose_id_is_not_a_number_is_refused_not_a_crash(source, target, odd_id):
    """The fuzz below found it: an amendment's id that is a list or an object (it is matched
    against the ids of photos added by amendment) raised TypeError instead of a problem."""
    doc = export.export_document(source)
    visit = doc["patients"][1]["visits"][0]
    assert visit["status"] == "signed" and visit["amendments"]
    visit["amendments"][0]["id"] = odd_id
    before = counts(target)
    with pytest.raises(ImportProblems) as err:
        import_document(target, doc)
    assert err.value.problems and all(p.startswith("patients[1].visits[0]")
                                      for p, _ in err.value.problems), err.value.problems
    assert counts(target) == before


def test_a_failure_while_writing_leaves_nothing_behind(target, monkeypatch):
    doc = brief_doc(target.atlas, patients=3)
    calls = {"n": 0}
    real = audit.append

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 7:
            raise OSError("simulated failure half-way")
        return real(*args, **kwargs)

    monkeypatch.setattr(audit, "append", failing)
    with pytest.raises(OSError):
        import_document(target, doc)
    monkeypatch.setattr(audit, "append", real)
    assert all(n == 0 for n in counts(target).values())
    assert import_document(target, doc)["patients"] == 3


# -- the command -----------------------------------------------------------------------------
def test_cli_import(source, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("imsmap.services.context.load_atlas", chart_atlas)
    path = tmp_path / "export.json"
    path.write_text(export.dumps(export.export_document(source)), encoding="utf-8")
    db = tmp_path / "new.sqlite3"
    assert main(["import", "--db", str(db), str(path)]) == 0
    assert "Imported 2 patients, 4 sessions, 12 sites and 2 amendments" in capsys.readouterr().out
    assert main(["import", "--db", str(db), str(path)]) == 2  # the chart numbers exist now
    err = capsys.readouterr().err
    assert "patients[0].chart_number: Chart number C-100 already exists" in err
    assert main(["check", "--db", str(db)]) == 0


def test_cli_import_says_sessions_as_every_other_command_does(source, tmp_path, capsys,
                                                              monkeypatch):
    """Its help and its summary said "visits" (« visites »), every other command "sessions"
    (« séances »)."""
    monkeypatch.setattr("imsmap.services.context.load_atlas", chart_atlas)
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    path = tmp_path / "export.json"
    path.write_text(export.dumps(export.export_document(source)), encoding="utf-8")
    assert main(["import", "--db", str(tmp_path / "new.sqlite3"), str(path)]) == 0
    out = capsys.readouterr().out
    assert "2 patients, 4 séances, 12 points et 2 addendas importés de" in out, out
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = capsys.readouterr().out
    assert "Importer les patients, séances, points" in out and "visite" not in out, out


def test_cli_import_of_files_that_are_not_exports(tmp_path, capsys):
    db = tmp_path / "new.sqlite3"
    cases = {"broken.json": b'{"format": "imsmap-export", ', "latin1.json": b"\xff\xfe\x00{",
             "deep.json": b"[" * 100_000 + b"]" * 100_000}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        assert main(["import", "--db", str(db), str(tmp_path / name)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("imsmap: ") and "Traceback" not in err, err
    assert main(["import", "--db", str(db), str(tmp_path / "missing.json")]) == 2
    assert "There is no file" in capsys.readouterr().err
    # Another program's JSON, without a format: said so, without Python's None (it said
    # "format None").
    (tmp_path / "other.json").write_text('{"patients": []}', encoding="utf-8")
    assert main(["import", "--db", str(db), str(tmp_path / "other.json")]) == 2
    err = capsys.readouterr().err
    assert "This is not an imsmap export (it names no format; an imsmap export says format " \
        "'imsmap-export')." in err and "None" not in err, err


def test_cli_import_of_a_fhir_bundle_says_it_imports_its_own_export(source, tmp_path, capsys,
                                                                     monkeypatch):
    """A FHIR bundle of the record (`imsmap export --fhir`) given to `imsmap import`: one
    sentence that names it and says which file to export instead (it said "format None"), and
    nothing imported."""
    from imsmap.services.fhir.bundle import dumps, fhir_bundle

    monkeypatch.setattr("imsmap.services.context.load_atlas", chart_atlas)
    path = tmp_path / "patient.fhir.json"
    path.write_text(dumps(fhir_bundle(source)), encoding="utf-8")
    db = tmp_path / "new.sqlite3"
    assert main(["import", "--db", str(db), str(path)]) == 2
    err = capsys.readouterr().err
    assert "This is a FHIR bundle, written for other records systems; imsmap imports only its " \
        "own export. Export from the other imsmap without --fhir" in err, err
    assert "None" not in err
    target = open_clinic(db)
    try:
        assert all(n == 0 for n in counts(target).values())
    finally:
        target.db.close()


# -- fuzzing -----------------------------------------------------------------------------------
def _paths(node, prefix=()):
    """Every (container path, key) in the document below `patients`."""
    if isinstance(node, dict):
        items = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return
    for key, child in items:
        yield prefix, key
        yield from _paths(child, prefix + (key,))


def _at(doc, path):
    for key in path:
        doc = doc[key]
    return doc


NASTY_TEXT = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp"]),
            min_size=1, max_size=5),
    st.sampled_from(["", " ", "\x00", "a\x1bb", "\ud800", "2026-13-45", "L4", "signed", "draft",
                     "x" * 20_001, "y" * 1_000_000, "NaN", "1e309", "0x10"]),
)
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.sampled_from([10 ** 400, -1, 0, 4, 11, 2 ** 63]),
    st.floats(allow_nan=True, allow_infinity=True), NASTY_TEXT,
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(),
                                                         max_size=2),
)


@pytest.fixture(scope="module")
def fuzz_source(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "source.sqlite3"
    recs = open_clinic(path)
    build_clinic(recs, patients=1)
    doc = export.export_document(recs)
    recs.db.close()
    return doc  # with its audit trail: signed visits come only with it


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_fuzzed_documents_import_fully_or_not_at_all(target, fuzz_source, data):
    doc = copy.deepcopy(fuzz_source)
    serial = counts(target)["audit"]
    for patient in doc["patients"]:  # fresh chart numbers, so a sound document can go in
        patient["chart_number"] = f"F{serial}-{patient['chart_number']}"
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        places = list(_paths(doc["patients"], ("patients",)))
        if not places:
            break
        path, key = data.draw(st.sampled_from(places), label="place")
        container = _at(doc, path)
        how = data.draw(st.sampled_from(["replace", "delete", "control", "huge"]), label="how")
        if how == "delete":
            del container[key]
        elif how == "control" and isinstance(container[key], str):
            container[key] = container[key] + data.draw(
                st.sampled_from(["\x00", "\x07", "\x1b[31m", "\u2028", "\r"]))
        elif how == "huge":
            container[key] = "ä" * data.draw(st.sampled_from([101, 501, 20_001, 2_000_000]))
        else:
            container[key] = data.draw(VALUES, label="value")
    before = counts(target)
    try:
        result = import_document(target, doc)
    except (ValidationError, UserFacingError) as exc:
        event("refused")
        assert str(exc)
        assert counts(target) == before, "a refused import changed the database"
        return
    event("imported")
    after = counts(target)
    assert after["patients"] == before["patients"] + result["patients"]
    assert after["sessions"] == before["sessions"] + result["sessions"]
    assert after["sites"] == before["sites"] + result["sites"]
    assert audit.verify_chain(target.db.conn) == []


def test_fuzz_database_is_sound_afterwards(target, fuzz_source):
    doc = copy.deepcopy(fuzz_source)
    import_document(target, doc)
    report = checks.full_check(target)
    assert report.ok, report.text()


def test_the_same_visits_are_never_imported_twice(source, target):
    doc = export.export_document(source)
    import_document(target, doc)
    before = target.repo.counts()
    for patient in doc["patients"]:
        patient["chart_number"] += "-again"  # a new chart number does not make it a new visit
    with pytest.raises(ValidationError, match="exists in this database already"):
        import_document(target, doc)
    assert target.repo.counts() == before


def test_a_signature_does_not_fit_another_visit_with_the_same_content(source):
    """Two visits with identical notes still have different hashes: the uid is signed too."""
    doc = export.export_document(source)
    hashes = [v["content_hash"] for p in doc["patients"] for v in p["visits"]
              if v["status"] == "signed"]
    assert len(hashes) == len(set(hashes))


# -- values a file must give in their own type (issue 12) ------------------------------------
@pytest.mark.parametrize("key, value, words", [
    ("grasp", "2", "must be a number, not text"),
    ("cramp", 1, "must be true or false"),
    ("x", "120", "must be a number, not text"),
    ("x", -500, "lies outside the chart"),
    ("y", "huge", "a number of thousands of digits"),
], ids=["grasp-text", "cramp-number", "x-text", "x-off-chart", "y-huge"])
def test_a_value_of_the_wrong_kind_is_refused(target, key, value, words):
    doc = brief_doc(target.atlas)
    doc["patients"][0]["visits"][0]["sites"][0][key] = 10 ** 5000 if value == "huge" else value
    with pytest.raises(ImportProblems, match=words):
        import_document(target, doc)
    assert counts(target)["patients"] == 0


def test_a_number_of_thousands_of_digits_in_the_file_is_one_sentence(target, tmp_path, capsys):
    from imsmap.cli import main

    path = tmp_path / "big.json"
    path.write_text('{"format": "imsmap-export", "version": 1, "patients": [{"x": '
                    + "9" * 5000 + "}]}")
    assert main(["import", "--db", str(target.db.path), str(path)]) == 2
    err = capsys.readouterr().err
    assert "number too long" in err and "Traceback" not in err


def test_a_refused_import_into_a_new_file_leaves_no_file(source, tmp_path, capsys, monkeypatch):
    """"Nothing was changed": a refused import does not leave behind the empty database it
    opened for the records (an `ls` showed a new 200 kB file after the refusal)."""
    monkeypatch.setattr("imsmap.services.context.load_atlas", chart_atlas)
    doc = export.export_document(source)
    doc["patients"][0]["visits"][0]["sites"][0]["grasp"] = 9
    path = tmp_path / "export.json"
    path.write_text(export.dumps(doc), encoding="utf-8")
    db = tmp_path / "new.sqlite3"
    assert main(["import", "--db", str(db), str(path)]) == 2
    assert "nothing was changed" in capsys.readouterr().err
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith("new.sqlite3")]
