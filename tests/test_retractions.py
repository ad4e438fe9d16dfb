"""Withdrawing a draft started by mistake and marking a signed session entered in error
(schema 8, services/retractions.py): one insert-only mark, the session kept and readable,
counted nowhere; on both backends."""

from __future__ import annotations

from datetime import datetime

import pytest

from imsmap.domain.errors import ReadOnlyError, UserFacingError, ValidationError
from imsmap.domain.models import RetractionKind
from imsmap.services import retractions

pytestmark = pytest.mark.both_backends


def _site(records, session, n=0):
    import support

    view, x, y, muscle, side = support.spot(records.atlas, n)
    return records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)


def test_withdrawn_draft_is_kept_readable_and_locked(records, session):
    site = _site(records, session)
    with pytest.raises(ValidationError):
        retractions.withdraw_draft(records, session.id, "   ")
    mark = retractions.withdraw_draft(records, session.id, "Started on the wrong patient")
    assert mark.kind is RetractionKind.WITHDRAWN
    assert mark.created_by == records.actor
    again = records.read.session(session.id)
    assert again.is_withdrawn and not again.counts and not again.is_signed
    # the sites stay, readable
    assert [s.id for s in records.read.sites_for_session(session.id)] == [site.id]
    # every write is refused with a sentence that says why
    with pytest.raises(ReadOnlyError, match="withdrawn"):
        _site(records, session, 1)
    with pytest.raises(ReadOnlyError, match="withdrawn"):
        records.update_site(site.id, grasp=3)
    with pytest.raises(ReadOnlyError, match="withdrawn"):
        records.update_session(session.id, notes="more")
    with pytest.raises(ReadOnlyError, match="withdrawn"):
        records.sign_session(session.id)
    with pytest.raises(ReadOnlyError, match="withdrawn"):
        retractions.withdraw_draft(records, session.id, "twice")
    # the audit trail says who, when and why
    entry = [e for e in records.audit_entries(session.id) if e.action == "withdraw"]
    assert len(entry) == 1 and entry[0].changes["reason"] == [None, "Started on the wrong patient"]


def test_entered_in_error_only_for_a_signed_session(records, session):
    _site(records, session)
    with pytest.raises(ValidationError, match="withdrawn instead"):
        retractions.mark_entered_in_error(records, session.id, "Wrong patient")
    records.sign_session(session.id)
    with pytest.raises(ReadOnlyError):
        retractions.withdraw_draft(records, session.id, "Wrong patient")
    mark = retractions.mark_entered_in_error(records, session.id, "Signed on the wrong patient")
    assert mark.kind is RetractionKind.ENTERED_IN_ERROR
    s = records.read.session(session.id)
    assert s.is_entered_in_error and s.is_signed and not s.counts
    with pytest.raises(UserFacingError):
        retractions.mark_entered_in_error(records, session.id, "again")
    # still amendable: an amendment may say more
    records.amend_session(session.id, "Note", "The patient was C-1002.")


def test_marks_are_never_changed_or_deleted(records, session):
    _site(records, session)
    retractions.withdraw_draft(records, session.id, "Empty one started twice")
    for sql in ("UPDATE retractions SET reason = 'other'", "DELETE FROM retractions",
                "UPDATE sites SET grasp = 0", "UPDATE sessions SET notes = 'x'"):
        with pytest.raises(Exception, match="never|locked|refused"):
            with records.db.transaction():
                records.db.conn.execute(sql)


# -- outputs: counted nowhere, kept in the record --------------------------------------------
def _course(records, patient):
    """Three visits: the first signed (grasp 2), the second signed on the wrong patient and
    marked entered in error (grasp 3), the third a draft started twice, withdrawn."""
    first = records.start_session(patient.id, started_at=datetime(2026, 11, 6, 9, 30))
    _site(records, first)
    records.sign_session(first.id)
    wrong = records.start_session(patient.id, started_at=datetime(2026, 11, 13, 9, 30))
    for n in range(3):
        _site(records, wrong, n)
    records.sign_session(wrong.id)
    retractions.mark_entered_in_error(records, wrong.id, "Signed on the wrong patient")
    twice = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30))
    _site(records, twice, 4)
    retractions.withdraw_draft(records, twice.id, "New session pressed twice")
    return first, wrong, twice


def test_history_csv_and_previous_visit_count_only_what_counts(records, patient):
    from imsmap.domain.progress import History, session_metrics
    from imsmap.services import export_csv

    first, wrong, twice = _course(records, patient)
    sessions = records.read.sessions_for_patient(patient.id)
    history = History.of(sessions, records.read.sites_for_sessions([s.id for s in sessions]))
    assert history.ids == (first.id,) and history.number(first.id) == 1
    assert [s.id for s in history.retracted] == [wrong.id, twice.id]
    assert [s.id for s in history.listed()] == [first.id, wrong.id, twice.id]
    assert [m.sites for m in session_metrics(history)] == [1]
    rows = list(export_csv.rows(records))
    assert {r["session"] for r in rows} == {f"S{first.id}"}
    assert [r["visit_number"] for r in rows] == [1]
    # the last visit a new session copies from is the last that counts
    later = records.start_session(patient.id, started_at=datetime(2026, 11, 27, 9, 30))
    assert records.read.previous_session_id(later.id) == first.id


def test_fhir_says_entered_in_error_for_every_resource_of_the_visit(records, patient):
    from imsmap.services.fhir.bundle import fhir_bundle

    first, wrong, twice = _course(records, patient)
    bundle = fhir_bundle(records)
    by_encounter: dict[str, list[dict]] = {}
    for entry in bundle["entry"]:
        res = entry["resource"]
        ref = res.get("encounter", {}).get("reference") if res["resourceType"] != "Encounter" \
            else entry["fullUrl"]
        if ref:
            by_encounter.setdefault(ref, []).append(res)
    statuses = {}
    for resources in by_encounter.values():
        encounter = next(r for r in resources if r["resourceType"] == "Encounter")
        uid = encounter["identifier"][0]["value"].replace("urn:uuid:", "").replace("-", "")
        statuses[uid] = {r["resourceType"]: r["status"] for r in resources if "status" in r}
        marks = [e for e in encounter.get("extension", []) if e["url"].endswith("/retraction")]
        if marks:
            parts = {p["url"]: next(v for k, v in p.items() if k.startswith("value"))
                     for p in marks[0]["extension"]}
            statuses[uid]["mark"] = (parts["kind"], parts["reason"])
    assert set(statuses[first.uid].values()) <= {"finished", "completed", "final", "active"}
    for s, kind, reason in ((wrong, "entered_in_error", "Signed on the wrong patient"),
                            (twice, "withdrawn", "New session pressed twice")):
        got = statuses[s.uid]
        assert got.pop("mark") == (kind, reason)
        assert set(got.values()) == {"entered-in-error"}, got
        assert {"Encounter", "Procedure", "Observation"} <= set(got)


def test_export_and_import_keep_the_marks_and_refuse_a_changed_one(records, patient, tmp_path):
    import copy

    import support
    from imsmap.services.export import export_document
    from imsmap.services.import_checks import ImportProblems
    from imsmap.services.importer import import_document

    first, wrong, twice = _course(records, patient)
    doc = export_document(records)
    visits = {v["uid"]: v for v in doc["patients"][0]["visits"]}
    assert visits[first.uid]["retraction"] is None
    assert visits[wrong.uid]["retraction"]["kind"] == "entered_in_error"
    assert visits[twice.uid]["retraction"]["reason"] == "New session pressed twice"

    for change in ({"reason": "Nothing wrong"}, {"kind": "withdrawn"},
                   {"created_by": "someone.else"}):
        tampered = copy.deepcopy(doc)
        for v in tampered["patients"][0]["visits"]:
            if v["uid"] == wrong.uid:
                v["retraction"].update(change)
        other = support.open_clinic(tmp_path / f"t-{len(change)}-{list(change)[0]}.sqlite3")
        with pytest.raises(ImportProblems, match="retraction"):
            import_document(other, tampered)
        assert other.repo.counts()["sessions"] == 0
        other.db.close()
    untrailed = copy.deepcopy(doc)
    untrailed["audit"] = []
    other = support.open_clinic(tmp_path / "untrailed.sqlite3")
    with pytest.raises(ImportProblems, match="audit trail"):
        import_document(other, untrailed)
    other.db.close()

    target = support.open_clinic(tmp_path / "target.sqlite3")
    import_document(target, doc)
    got = {s.uid: s for p in target.repo.search_patients("") for s in
           target.read.sessions_for_patient(p.id)}
    assert got[first.uid].counts
    assert got[wrong.uid].is_entered_in_error and got[twice.uid].is_withdrawn
    for s in (wrong, twice):
        mine, theirs = records.read.retraction(s.id), target.read.retraction(got[s.uid].id)
        assert (mine.kind, mine.reason, mine.created_by, mine.created_at) == \
            (theirs.kind, theirs.reason, theirs.created_by, theirs.created_at)
    from imsmap.services import checks

    assert checks.full_check(target).problems == []
    # and again from the imported copy: the marks' import entries witness them
    again = support.open_clinic(tmp_path / "again.sqlite3")
    import_document(again, export_document(target))
    assert checks.full_check(again).problems == []
    target.db.close()
    again.db.close()


def test_imsmap_check_knows_the_marks(records, patient):
    from imsmap.services import checks

    _course(records, patient)
    assert checks.full_check(records).problems == []


@pytest.mark.sqlite_only("changes the file behind imsmap's back")
def test_imsmap_check_names_a_mark_changed_or_added_outside_imsmap(records, patient, db_path):
    import support
    from imsmap.services import checks

    first, wrong, twice = _course(records, patient)
    support.outside_edit(db_path, "UPDATE retractions SET reason = 'Nothing wrong'"
                                  f" WHERE session_id = {wrong.id}",
                         "INSERT INTO retractions (session_id, kind, reason, created_at,"
                         f" created_by) VALUES ({first.id}, 'entered_in_error', 'x',"
                         " '2026-11-30T10:00:00+00:00', 'intruder')")
    fresh = support.open_clinic(db_path)
    problems = " | ".join(checks.full_check(fresh).problems)
    fresh.db.close()
    assert f"session {wrong.id}" in problems and "reason differs" in problems, problems
    assert "retractions row" in problems, problems


@pytest.mark.sqlite_only("the backup journal is a file's")
def test_a_mark_reaches_the_journal_and_a_restore_keeps_it(records, patient, db_path, tmp_path):
    from imsmap.services.checks import check_restorable
    from imsmap.store import backup_sets as sets
    from imsmap.store import restore as rs
    from imsmap.store.restore_losses import restore_losses
    from test_backup_sets import DAY, dump

    made = sets.make_full(records.db, now=DAY)
    first, wrong, twice = _course(records, patient)
    assert sets.append(records.db) is not None  # the window appends at a mark, as at signing
    restored = tmp_path / "restored.sqlite3"
    rs.restore(made.full, restored, check=check_restorable)
    assert dump(restored) == dump(db_path)
    import support

    back = support.open_clinic(restored)
    assert back.read.session(wrong.id).is_entered_in_error
    assert back.read.session(twice.id).is_withdrawn
    back.db.close()
    # a copy without the marks (as a backup from before them): a restore of it says so
    import sqlite3

    old = tmp_path / "old.sqlite3"
    source, copy = sqlite3.connect(db_path), sqlite3.connect(old)
    source.backup(copy)
    source.close()
    copy.close()
    support.outside_edit(old, "DELETE FROM retractions")
    lost = restore_losses(db_path, old)
    assert sorted((r.kind, r.reason, r.created_by) for r in lost.retractions) == [
        ("entered_in_error", "Signed on the wrong patient", records.actor),
        ("withdrawn", "New session pressed twice", records.actor)]
    assert lost and not lost.signed_sessions and not lost.amendments


def test_the_import_command_says_which_visits_arrive_marked(records, patient, tmp_path, capsys,
                                                            monkeypatch):
    """`imsmap import` counted withdrawn and entered-in-error visits among "visits" and said
    nothing of their mark."""
    from imsmap.cli import main
    from imsmap.services import export

    _course(records, patient)
    path = tmp_path / "export.json"
    path.write_text(export.dumps(export.export_document(records)), encoding="utf-8")
    assert main(["import", "--db", str(tmp_path / "second.sqlite3"), str(path)]) == 0
    out = capsys.readouterr().out
    assert "Imported 1 patients, 3 sessions" in out
    assert "2 of these sessions withdrawn or entered in error, with that mark kept: counted in " \
           "no figure." in out, out
