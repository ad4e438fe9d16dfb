"""Merging a duplicate patient record into the record kept, and separating them again
(SQLite schema 9, server schema 8, services/merging.py): one insert-only row each, nothing of
either record rewritten; the history of the record kept is read from both; on both backends."""

from __future__ import annotations

from datetime import datetime

import pytest

from imsmap.domain.errors import UserFacingError, ValidationError
from imsmap.domain.progress import History
from imsmap.services import merging

pytestmark = pytest.mark.both_backends


def _site(records, session, n=0, grasp=2):
    import support

    view, x, y, muscle, side = support.spot(records.atlas, n)
    return records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=grasp)


def _visit(records, patient, day, n=0, grasp=2, sign=True):
    s = records.start_session(patient.id, started_at=datetime(2026, 11, day, 9, 30))
    _site(records, s, n, grasp)
    if sign:
        records.sign_session(s.id)
    return records.read.session(s.id)


def split_course(records):
    """John Smith registered twice: "John" born 1980-03-14 (C-2001) has the visits of the 2nd
    and the 16th, "Jon" born 1980-03-41... 1980-04-13 (C-2002), the typo, those of the 9th and
    the 23rd."""
    john = records.create_patient(chart_number="C-2001", family_name="Smith",
                                  given_name="John", birth_date="1980-03-14", sex="M")
    jon = records.create_patient(chart_number="C-2002", family_name="Smith",
                                 given_name="Jon", birth_date="1980-04-13", sex="M")
    visits = [_visit(records, john, 2, 0, 3), _visit(records, jon, 9, 1, 2),
              _visit(records, john, 16, 2, 1), _visit(records, jon, 23, 3, 1)]
    return john, jon, visits


def test_a_merge_reads_one_history_and_rewrites_nothing(records):
    john, jon, visits = split_course(records)
    before = {s.id: (s.patient_id, s.content_hash) for s in visits}
    assert [s.id for s in records.read.sessions_for_patient(john.id)] == \
        [visits[2].id, visits[0].id]
    with pytest.raises(ValidationError):
        merging.merge_records(records, john.id, jon.id, "  ")
    merge = merging.merge_records(records, john.id, jon.id, "Same person: DOB typo, Jon/John")
    assert (merge.kept_id, merge.duplicate_id, merge.created_by) == (john.id, jon.id,
                                                                     records.actor)
    # every session of both records, in order, from either id
    both = [s.id for s in reversed(visits)]
    assert [s.id for s in records.read.sessions_for_patient(john.id)] == both
    assert [s.id for s in records.read.sessions_for_patient(jon.id)] == both
    sessions = records.read.sessions_for_patient(john.id)
    history = History.of(sessions, {})
    assert [history.number(s.id) for s in visits] == [1, 2, 3, 4]
    # nothing rewritten: patient ids and content hashes as signed
    assert {s.id: (s.patient_id, s.content_hash) for s in sessions} == before
    from imsmap.services import signatures

    for s in visits:
        assert signatures.session_problems(records.db.conn, s.id) == []
    # copy forward takes the last visit, of either record
    later = records.start_session(john.id, started_at=datetime(2026, 11, 30, 9, 30))
    assert records.read.previous_session_id(later.id) == visits[3].id
    # the duplicate takes no new session
    with pytest.raises(ValidationError, match="C-2001"):
        records.start_session(jon.id)
    # the audit trail says who, when, why
    entry = [e for e in records.audit_entries() if e.action == "merge"]
    assert len(entry) == 1 and entry[0].changes["reason"] == \
        [None, "Same person: DOB typo, Jon/John"]


def test_separating_ends_the_merge_and_both_read_as_before(records):
    john, jon, visits = split_course(records)
    merge = merging.merge_records(records, john.id, jon.id, "Same person")
    with pytest.raises(ValidationError):
        merging.separate_records(records, merge.id, "")
    separation = merging.separate_records(records, merge.id, "Not the same person: twins")
    assert separation.ends == merge.id
    assert [s.id for s in records.read.sessions_for_patient(john.id)] == \
        [visits[2].id, visits[0].id]
    assert [s.id for s in records.read.sessions_for_patient(jon.id)] == \
        [visits[3].id, visits[1].id]
    with pytest.raises(ValidationError):
        merging.separate_records(records, merge.id, "twice")
    # merged again, the other way round: a wrong merge does not forbid the right one
    again = merging.merge_records(records, jon.id, john.id, "Same person after all")
    assert again.kept_id == jon.id
    assert len(records.read.sessions_for_patient(jon.id)) == 4
    entries = [e.action for e in records.audit_entries() if e.entity == "patient_merge"]
    assert entries == ["merge", "separate", "merge"]


def test_refused_merges(records):
    john, jon, visits = split_course(records)
    third = records.create_patient(chart_number="C-2003", family_name="Smith",
                                   given_name="J.", birth_date="1980-03-14")
    with pytest.raises(ValidationError, match="itself"):
        merging.merge_records(records, john.id, john.id, "x")
    merging.merge_records(records, john.id, jon.id, "Same person")
    with pytest.raises(UserFacingError, match="already"):
        merging.merge_records(records, third.id, jon.id, "x")  # jon merged away already
    with pytest.raises(UserFacingError, match="already"):
        merging.merge_records(records, jon.id, third.id, "x")  # into a record merged away
    with pytest.raises(UserFacingError, match="kept"):
        merging.merge_records(records, third.id, john.id, "x")  # a chain
    merging.merge_records(records, john.id, third.id, "Third registration")
    assert len(records.read.sessions_for_patient(third.id)) == 4


def test_the_table_refuses_what_the_service_refuses(records):
    """The triggers, under the services: a row is never changed or deleted, and no merge into
    itself, twice, into a record merged away, or in a chain."""
    john, jon, visits = split_course(records)
    third = records.create_patient(chart_number="C-2003", family_name="Smith")
    merging.merge_records(records, john.id, jon.id, "Same person")
    at, me = "2026-12-01T10:00:00+00:00", records.actor
    for sql, params in (
            ("UPDATE patient_merges SET reason = 'other'", ()),
            ("DELETE FROM patient_merges", ()),
            ("INSERT INTO patient_merges (duplicate_id, kept_id, reason, created_at, created_by)"
             " VALUES (?, ?, 'x', ?, ?)", (third.id, third.id, at, me)),
            ("INSERT INTO patient_merges (duplicate_id, kept_id, reason, created_at, created_by)"
             " VALUES (?, ?, 'x', ?, ?)", (jon.id, third.id, at, me)),
            ("INSERT INTO patient_merges (duplicate_id, kept_id, reason, created_at, created_by)"
             " VALUES (?, ?, 'x', ?, ?)", (third.id, jon.id, at, me)),
            ("INSERT INTO patient_merges (duplicate_id, kept_id, reason, created_at, created_by)"
             " VALUES (?, ?, 'x', ?, ?)", (john.id, third.id, at, me)),
            ("INSERT INTO patient_merges (duplicate_id, kept_id, ends, reason, created_at,"
             " created_by) VALUES (?, ?, 1, 'x', ?, ?)", (third.id, john.id, at, me))):
        with pytest.raises(Exception, match="never|merged|itself|chain|separation|CHECK|check|refused"):
            with records.db.transaction():
                records.db.conn.execute(sql, params)
    assert [s.id for s in records.read.sessions_for_patient(jon.id)] == \
        [s.id for s in reversed(visits)]


def test_imsmap_check_knows_merges_and_separations(records):
    from imsmap.services import checks

    john, jon, visits = split_course(records)
    merge = merging.merge_records(records, john.id, jon.id, "Same person")
    merging.separate_records(records, merge.id, "Twins")
    merging.merge_records(records, jon.id, john.id, "Same person after all")
    report = checks.full_check(records)
    assert report.problems == []
    assert "3 merges and separations of patient records" in [str(s.checked) for s in report.sections]


@pytest.mark.sqlite_only("changes the file behind imsmap's back")
def test_imsmap_check_names_a_merge_changed_or_added_outside_imsmap(records, db_path):
    import support
    from imsmap.services import checks

    john, jon, visits = split_course(records)
    merging.merge_records(records, john.id, jon.id, "Same person")
    third = records.create_patient(chart_number="C-2003", family_name="Other")
    support.outside_edit(db_path, "UPDATE patient_merges SET reason = 'Nothing wrong'",
                         "INSERT INTO patient_merges (duplicate_id, kept_id, reason, created_at,"
                         f" created_by) VALUES ({third.id}, {john.id}, 'x',"
                         " '2026-11-30T10:00:00+00:00', 'intruder')")
    fresh = support.open_clinic(db_path)
    problems = " | ".join(checks.full_check(fresh).problems)
    fresh.db.close()
    assert "merge of patient records 1" in problems and "reason differs" in problems, problems
    assert "patient_merges row" in problems, problems


# -- exports: JSON (carries the merges; the import checks them), FHIR, CSV --------------------
def test_json_export_and_import_keep_merges_and_refuse_a_changed_one(records, tmp_path):
    import copy

    import support
    from imsmap.services import checks
    from imsmap.services.export import export_document
    from imsmap.services.import_checks import ImportProblems
    from imsmap.services.importer import import_document

    john, jon, visits = split_course(records)
    third = records.create_patient(chart_number="C-2003", family_name="Smith", given_name="J")
    wrong = merging.merge_records(records, third.id, jon.id, "Wrong one")
    merging.separate_records(records, wrong.id, "Not him")
    merging.merge_records(records, john.id, jon.id, "Same person: DOB typo")
    doc = export_document(records)
    rows = doc["patient_merges"]
    assert [(r["duplicate_id"], r["kept_id"], r["ends"] is not None) for r in rows] == [
        (jon.id, third.id, False), (jon.id, third.id, True), (jon.id, john.id, False)]

    for n, change in enumerate(({"reason": "Nothing wrong"}, {"kept_id": third.id},
                                {"created_by": "someone.else"})):
        tampered = copy.deepcopy(doc)
        tampered["patient_merges"][2].update(change)
        other = support.open_clinic(tmp_path / f"t-{n}.sqlite3")
        with pytest.raises(ImportProblems, match="patient_merges"):
            import_document(other, tampered)
        assert other.repo.counts()["patients"] == 0
        other.db.close()

    target = support.open_clinic(tmp_path / "target.sqlite3")
    import_document(target, doc)
    by_chart = {p.chart_number: p for p in target.repo.search_patients("")}
    kept = target.read.sessions_for_patient(by_chart["C-2001"].id)
    assert sorted(s.uid for s in kept) == sorted(s.uid for s in visits)
    assert target.read.merged_into(by_chart["C-2002"].id).reason == "Same person: DOB typo"
    assert len(target.read.sessions_for_patient(by_chart["C-2003"].id)) == 0
    assert checks.full_check(target).problems == []
    again = support.open_clinic(tmp_path / "again.sqlite3")
    import_document(again, export_document(target))  # witnessed by the import entries now
    assert checks.full_check(again).problems == []
    target.db.close()
    again.db.close()


def test_fhir_links_the_duplicate_and_the_record_kept(records):
    import fhir_reader
    from imsmap.services.fhir.bundle import fhir_bundle

    john, jon, visits = split_course(records)
    merging.merge_records(records, john.id, jon.id, "Same person")
    bundle = fhir_bundle(records)
    fhir_reader.parse(bundle)  # valid FHIR R4
    patients = {e["fullUrl"]: e["resource"] for e in bundle["entry"]
                if e["resource"]["resourceType"] == "Patient"}
    by_chart = {r["identifier"][0]["value"]: (url, r) for url, r in patients.items()}
    (john_url, john_res), (jon_url, jon_res) = by_chart["C-2001"], by_chart["C-2002"]
    assert jon_res["link"] == [{"other": {"reference": john_url}, "type": "replaced-by"}]
    assert john_res["link"] == [{"other": {"reference": jon_url}, "type": "replaces"}]


def test_csv_gives_one_patient_key_and_one_course(records):
    from imsmap.services import export_csv

    john, jon, visits = split_course(records)
    before = {r["patient"] for r in export_csv.rows(records)}
    assert len(before) == 2
    merging.merge_records(records, john.id, jon.id, "Same person")
    rows = list(export_csv.rows(records))
    assert {r["patient"] for r in rows} == {f"P{john.id}"}
    assert [(r["session"], r["visit_number"]) for r in rows] == [
        (f"S{s.id}", n) for n, s in enumerate(visits, 1)]


@pytest.mark.sqlite_only("the backup journal is a file's")
def test_a_merge_reaches_the_journal_and_a_restore_keeps_it(records, db_path, tmp_path):
    import sqlite3

    import support
    from imsmap.services.checks import check_restorable
    from imsmap.store import backup_sets as sets
    from imsmap.store import restore as rs
    from imsmap.store.restore_losses import restore_losses
    from test_backup_sets import DAY, dump

    made = sets.make_full(records.db, now=DAY)
    john, jon, visits = split_course(records)
    merge = merging.merge_records(records, john.id, jon.id, "Same person")
    merging.separate_records(records, merge.id, "Twins")
    merging.merge_records(records, john.id, jon.id, "Same person after all")
    assert sets.append(records.db) is not None
    restored = tmp_path / "restored.sqlite3"
    rs.restore(made.full, restored, check=check_restorable)
    assert dump(restored) == dump(db_path)
    back = support.open_clinic(restored)
    assert len(back.read.sessions_for_patient(john.id)) == 4
    back.db.close()
    # a copy without the merges (as a backup from before them): a restore of it says so
    old = tmp_path / "old.sqlite3"
    source, copy = sqlite3.connect(db_path), sqlite3.connect(old)
    source.backup(copy)
    source.close()
    copy.close()
    support.outside_edit(old, "DELETE FROM patient_merges")
    lost = restore_losses(db_path, old)
    assert [(m.duplicate_chart, m.kept_chart, m.kind, m.reason) for m in lost.merges] == [
        ("C-2002", "C-2001", "merge", "Same person"),
        ("C-2002", "C-2001", "merge", "Same person after all"),
        ("C-2002", "C-2001", "separate", "Twins")]
    assert lost and not lost.signed_sessions


# -- the PDFs: a duplicate's session names its record and the merge; one course reported ------
@pytest.mark.sqlite_only("the PDFs read the same records on either backend")
def test_the_pdfs_name_the_duplicate_and_report_one_course(qapp, records, tmp_path):
    import re

    from imsmap.report.progress_pdf import write_progress_pdf
    from imsmap.report.session_pdf import write_session_pdf
    from test_report import GENERATED, text_of

    john, jon, visits = split_course(records)
    merging.merge_records(records, john.id, jon.id, "Same person: DOB typo")
    _reader, text = text_of(write_session_pdf(records, visits[1].id, tmp_path / "jon.pdf",
                                              generated=GENERATED))
    flat = re.sub(r"\s+", " ", text)
    assert "C-2002" in flat  # the record it was signed under, in the patient's details
    assert "Recorded under Smith, Jon (C-2002). That record was merged into Smith, John " \
           f"(C-2001) by {records.actor}" in flat and "Same person: DOB typo" in flat
    _reader, text = text_of(write_session_pdf(records, visits[0].id, tmp_path / "john.pdf",
                                              generated=GENERATED))
    assert "Recorded under" not in text
    _reader, text = text_of(write_progress_pdf(records, john.id, tmp_path / "progress.pdf",
                                               generated=GENERATED))
    flat = re.sub(r"\s+", " ", text)
    assert "Sessions 4 sessions, oldest first" in flat
    assert "Includes 2 sessions recorded under Smith, Jon (C-2002), a duplicate record merged " \
           "into this one" in flat
    for s in visits:
        assert f"{s.started_at:%Y-%m-%d %H:%M}" in flat


@pytest.mark.sqlite_only("the command reads and writes files")
def test_the_import_command_says_the_merges_it_kept(records, tmp_path, capsys):
    from imsmap.cli import main
    from imsmap.services import export

    john, jon, visits = split_course(records)
    merging.merge_records(records, john.id, jon.id, "Same person")
    path = tmp_path / "export.json"
    path.write_text(export.dumps(export.export_document(records)), encoding="utf-8")
    assert main(["import", "--db", str(tmp_path / "second.sqlite3"), str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 merge or separation of duplicate patient records kept" in out, out
