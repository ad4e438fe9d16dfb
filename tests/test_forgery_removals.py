"""Forgery by taking away (issue 12's attacker: another process writing SQL into the file, the
triggers dropped and put back): a signed session made a draft again, a signed session or an
amendment deleted, a merge or its separation deleted. Nothing is rewritten, so no hash differs
and no entry of the chain is touched; but the audit trail recorded each of them, and `imsmap
check` (in a process of its own) and the signed session's integrity statement (the PDF's, the
window's) must name what is gone. (Rewriting: tests/test_forgery.py.)"""

from __future__ import annotations

from datetime import datetime

import pytest

from imsmap.domain.errors import ReadOnlyError
from imsmap.services import checks, merging, signatures
from imsmap.services import records as records_module
from support import outside_edit, spot
from test_signing_processes import python


@pytest.fixture
def clinic(records, patient):
    """Session 1 signed with a site and an amendment correcting its grade; patient 2 merged
    into the first record and separated again, patient 3 merged into it."""
    session = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                    practitioner="J. Physio", notes="L5 radiculopathy.")
    view, x, y, muscle, side = spot(records.atlas)
    site = records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=3)
    records.sign_session(session.id)
    records.amend_session(session.id, "Graded on the paper sheet", "Grade 2, not 3.",
                          [(site.id, "grasp", 2)])
    twin = records.create_patient(chart_number="C-1002", family_name="Nguyen",
                                  given_name="Ana", birth_date="1970-04-12", sex="F")
    merge = merging.merge_records(records, patient.id, twin.id, "Same person: a typo")
    merging.separate_records(records, merge.id, "Sisters, not one person")
    third = records.create_patient(chart_number="C-1003", family_name="Nguyen",
                                   given_name="Anna", birth_date="1970-04-12", sex="F")
    merging.merge_records(records, patient.id, third.id, "Same person: chart made twice")
    assert checks.full_check(records).ok
    return session.id


def problems(records) -> str:
    return " | ".join(checks.full_check(records).problems)


CHECK = """
    import sys
    from imsmap.cli import main
    sys.exit(main(["check", "--db", sys.argv[1]]))
"""


def check_in_another_process(db_path) -> str:
    import subprocess

    done = python(CHECK, db_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = done.communicate(timeout=120)
    assert done.returncode != 0, "imsmap check called the forged file whole:\n" + out + err
    return out


def test_a_signed_session_made_a_draft_again_is_named(records, clinic, db_path, monkeypatch):
    outside_edit(db_path, "UPDATE sessions SET status = 'draft', signed_by = '', "
                          f"signed_at = NULL, content_hash = '' WHERE id = {clinic}")
    found = problems(records)
    assert f"session {clinic} (chart C-1001" in found and "is a draft in the file" in found, \
        found
    assert signatures.seal(records.db.conn, clinic).problems
    assert "signature was taken away" in check_in_another_process(db_path)
    # imsmap no longer signs it again (tests/test_ui_signed_again.py); one that did (before 6
    # December 2026) took it for a draft: changed and signed again, the newest signature agrees
    # with the row, but the trail signed it twice, which imsmap never does.
    with pytest.raises(ReadOnlyError):
        records.sign_session(clinic)
    site = records.read.sites_for_session(clinic)[0]
    records.update_site(site.id, grasp=0)
    monkeypatch.setattr(records_module, "session_witnesses", lambda *_args: {})
    records.sign_session(clinic)
    found = problems(records)
    assert "it was signed again in audit entry" in found, found
    assert "signed again" in check_in_another_process(db_path)


def test_a_signed_session_deleted_with_its_rows_is_named(records, clinic, db_path):
    outside_edit(db_path,
                 "DELETE FROM site_corrections",
                 f"DELETE FROM amendments WHERE session_id = {clinic}",
                 f"DELETE FROM sites WHERE session_id = {clinic}",
                 f"DELETE FROM sessions WHERE id = {clinic}")
    found = problems(records)
    assert "sessions row 1 " in found and "sites row 1 " in found and \
        "amendments row 1 " in found, found
    assert "no longer in the file" in check_in_another_process(db_path)


def test_an_amendment_deleted_is_named_by_check_and_by_the_sessions_seal(records, clinic,
                                                                       db_path):
    outside_edit(db_path, "DELETE FROM site_corrections", "DELETE FROM amendments")
    found = problems(records)
    assert "amendments row 1 " in found, found
    # What the PDF and the window state before "Integrity check": not a whole record.
    seal = signatures.seal(records.db.conn, clinic)
    assert any("amendment 1" in p for p in seal.problems), seal.problems
    check_in_another_process(db_path)


def test_a_merge_or_its_separation_deleted_is_named(records, clinic, db_path):
    outside_edit(db_path, "DELETE FROM patient_merges WHERE ends IS NOT NULL")
    assert "patient_merges row 2 " in problems(records)
    outside_edit(db_path, "DELETE FROM patient_merges")
    found = problems(records)
    assert "patient_merges rows 1, 2, 3 " in found, found
    check_in_another_process(db_path)


def test_a_signed_session_moved_to_another_patient_is_named(records, clinic, db_path):
    """The session's patient is not in its content hash (ids move with an import), but its
    creation entry recorded it, and no write of imsmap's ever changes it."""
    other = records.create_patient(chart_number="C-2001", family_name="Osei")
    outside_edit(db_path, f"UPDATE sessions SET patient_id = {other.id} WHERE id = {clinic}")
    found = problems(records)
    assert f"session {clinic}" in found and "patient" in found, found
    seal = signatures.seal(records.db.conn, clinic)
    assert seal.problems, "the PDF would print the session under the other patient as whole"
    check_in_another_process(db_path)


def test_a_drafts_finding_or_adverse_event_deleted_or_added_around_the_app_is_named(
        records, clinic, patient, db_path):
    """A draft's rows are not in any content hash, and the section comparing them with their
    entries (services.origin_check) reads the rows there are: a finding or an adverse event
    deleted with sqlite3 was named by nothing, `check` said "All is well". Their creating
    entries are in the trail (since schema 2), so "Every record the audit trail recorded is
    still there" names them now. One written without its entry is named by that section,
    once, not again under "Every record has its audit entry": `imsmap check` (file and
    server) and every restore run both (services.checks.full_check)."""
    draft = records.start_session(patient.id, started_at=datetime(2026, 11, 27, 9, 30))
    finding = records.add_finding(draft.id, "shortening", "L5", "R", "Taut band")
    event = records.add_adverse_event(draft.id, "bruising", "mild", "Pressure applied")
    removed = records.add_finding(draft.id, "tender_paraspinals", "L4", "L")
    records.remove_finding(removed.id)  # marked removed, still in the file: not named
    assert checks.full_check(records).ok
    outside_edit(db_path, "INSERT INTO adverse_events (session_id, kind, severity,"
                 " action_taken, created_at, created_by) VALUES"
                 f" ({draft.id}, 'dizziness', 'mild', '', '2026-11-27T10:00:00+00:00',"
                 " 'test.physio')",
                 f"DELETE FROM findings WHERE id = {finding.id}",
                 f"DELETE FROM adverse_events WHERE id = {event.id}")
    found = problems(records)
    assert f"findings row {finding.id} is no longer in the file" in found, found
    assert f"adverse_events row {event.id} is no longer in the file" in found, found
    assert f"findings row {removed.id} " not in found and "rows" not in found, found
    said = check_in_another_process(db_path)
    assert said.count("deleted outside imsmap") == 2, said
    assert said.count("records no creation of it: it was written outside imsmap") == 1, said
    assert "ok       Every record has its audit entry" in said, said  # not named twice
