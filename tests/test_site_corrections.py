"""Structured amendments: an amendment corrects a signed session's sites (a grade, the cramp
mark, recorded in error); the signed record stays as it was, and every figure counts the
effective sites (domain.corrections.effective_sites)."""

from __future__ import annotations

from datetime import datetime

import pytest

import support
from imsmap.domain.errors import ValidationError
from imsmap.domain.progress import session_metrics
from imsmap.services.history import PatientHistories
from imsmap.store import audit

pytestmark = pytest.mark.both_backends


def _signed_visit(records, patient, grades=(3, 2)):
    session = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                    complaint="Low back pain")
    sites = []
    for n, grade in enumerate(grades):
        view_id, x, y, muscle, side = support.spot(records.atlas, n * 7)
        sites.append(records.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side,
                                      grasp=grade))
    return records.sign_session(session.id), sites


def test_a_grade_corrected_reaches_the_figures_and_the_signed_record_stays(records, patient):
    session, (first, second) = _signed_visit(records, patient)
    signed_hash = session.content_hash
    amendment = records.amend_session(session.id, "Grade entered 3 for 1", "",
                                      [(first.id, "grasp", 1)])
    # The signed site, its session and the hash are as signed; the seal still holds.
    assert records.read.site(first.id).grasp == 3
    assert records.read.session(session.id).content_hash == signed_hash
    assert records.read.seal(session.id).problems == ()
    # The effective sites: the corrected grade.
    effective = records.read.effective_sites_for_session(session.id)
    assert [(s.id, s.grasp) for s in effective] == [(first.id, 1), (second.id, 2)]
    corrections = records.read.site_corrections([session.id])[session.id]
    assert [(c.amendment_id, c.seq, c.field, c.old, c.new) for c in corrections] == [
        (amendment.id, first.seq, "grasp", 3, 1)]
    # The amendment's one audit entry records its corrections with its words.
    entry = [e for e in records.audit_entries(session.id) if e.action == "amend"][-1]
    assert entry.changes["corrections"] == [None, [[first.seq, "grasp", 3, 1]]]
    # The Progress tab's history counts the corrected grade.
    history = PatientHistories(records.read, records.bus).history(patient.id)
    (metrics,) = session_metrics(history)
    assert metrics.max_grasp == 2 and metrics.grasp_burden == 3


def test_a_site_recorded_in_error_counts_nowhere(records, patient):
    session, (first, second) = _signed_visit(records, patient)
    records.amend_session(session.id, "Wrong patient's site", "Tapped by mistake.",
                          [(second.id, "in_error", True)])
    assert [s.id for s in records.read.effective_sites_for_session(session.id)] == [first.id]
    assert [s.id for s in records.read.sites_for_session(session.id)] == [first.id, second.id]
    (metrics,) = session_metrics(PatientHistories(records.read, records.bus).history(patient.id))
    assert metrics.sites == 1
    # Once in error, a site's grade is not corrected further.
    with pytest.raises(ValidationError):
        records.amend_session(session.id, "Grade", "", [(second.id, "grasp", 0)])


def test_corrections_apply_in_amendment_order_and_each_knows_the_value_before(records, patient):
    session, (first, _) = _signed_visit(records, patient)
    records.amend_session(session.id, "Grade", "", [(first.id, "grasp", 1)])
    records.amend_session(session.id, "Grade again", "", [(first.id, "grasp", 2),
                                                          (first.id, "cramp", True)])
    effective = records.read.effective_sites_for_session(session.id)[0]
    assert (effective.grasp, effective.cramp) == (2, True)
    olds = [(c.field, c.old, c.new) for c in records.read.site_corrections([session.id])[session.id]]
    assert olds == [("grasp", 3, 1), ("grasp", 1, 2), ("cramp", False, True)]


def test_a_correction_is_refused_when_it_is_no_correction(records, patient):
    session, (first, _) = _signed_visit(records, patient)
    before = records.db.conn.execute("SELECT count(*) FROM amendments").fetchone()[0]
    for corrections in ([(first.id, "grasp", 3)], [(first.id, "grasp", 4)],
                        [(first.id, "side", "L")], [(first.id + 999, "grasp", 1)]):
        with pytest.raises(ValidationError):
            records.amend_session(session.id, "Grade", "", corrections)
    with pytest.raises(ValidationError):  # words or a correction: one of them
        records.amend_session(session.id, "Grade", "", [])
    assert records.db.conn.execute("SELECT count(*) FROM amendments").fetchone()[0] == before


def test_a_correction_is_never_changed_or_deleted_nor_of_another_session(records, patient):
    session, (first, _) = _signed_visit(records, patient)
    other, (elsewhere, _) = _signed_visit(records, patient)
    amendment = records.amend_session(session.id, "Grade", "", [(first.id, "grasp", 1)])
    conn = records.db.conn
    for statement, params in (
            ("UPDATE site_corrections SET new_value = '0'", ()),
            ("DELETE FROM site_corrections", ()),
            ("INSERT INTO site_corrections (amendment_id, site_id, field, old_value, new_value)"
             " VALUES (?, ?, 'grasp', '3', '1')", (amendment.id, elsewhere.id))):
        with pytest.raises(Exception, match="never|correction is of|refused"):
            with records.db.transaction():
                conn.execute(statement, params)
    assert [c.new for c in records.read.site_corrections([session.id])[session.id]] == [1]
    assert audit.verify_chain(conn) == []


@pytest.mark.sqlite_only("rewrites the file around imsmap, its triggers dropped")
def test_a_correction_rewritten_or_added_around_imsmap_is_named(records, patient, db_path):
    from imsmap.services.checks import full_check

    session, (first, second) = _signed_visit(records, patient)
    records.amend_session(session.id, "Grade", "", [(first.id, "grasp", 1)])
    assert full_check(records).ok and records.read.seal(session.id).problems == ()
    support.outside_edit(db_path, "UPDATE site_corrections SET new_value = '0'")
    (problem,) = records.read.seal(session.id).problems
    assert "corrections" in problem
    assert any("corrections" in p for s in full_check(records).sections for p in s.problems)
    support.outside_edit(db_path, "UPDATE site_corrections SET new_value = '1'")
    assert records.read.seal(session.id).problems == ()
    support.outside_edit(  # a correction slipped in under the amendment afterwards
        db_path, "INSERT INTO site_corrections (amendment_id, site_id, field, old_value,"
        f" new_value) SELECT id, {second.id}, 'in_error', '0', '1' FROM amendments")
    assert records.read.seal(session.id).problems != ()
    assert not full_check(records).ok


def test_two_rooms_amending_at_once_both_land_in_order(backend, open_records_as, patient,
                                                        records):
    """On the server, two rooms amend the same session at the same instant (threads, one
    connection each): the session's row is held by the first until it commits, so the second
    reads the first's corrections and its value before is right (SQLite: two processes,
    tests/test_amending_processes.py)."""
    import threading

    if backend != "server":
        pytest.skip("two processes on one file: tests/test_amending_processes.py")
    session, (first, second) = _signed_visit(records, patient)
    rooms = [open_records_as(actor).records for actor in ("anna.physio", "ben.physio")]
    errors: list[BaseException] = []

    def amend(room, site):
        try:
            for n in range(6):
                room.amend_session(session.id, f"{room.actor} {n}", "",
                                   [(site.id, "grasp", n % 2)])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=amend, args=(room, site))
               for room, site in zip(rooms, (first, second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    corrections = records.read.site_corrections([session.id])[session.id]
    assert len(corrections) == 12
    for site, signed in ((first, 3), (second, 2)):
        mine = [c for c in corrections if c.site_id == site.id]
        assert [c.old for c in mine] == [signed] + [c.new for c in mine[:-1]]
    assert records.read.seal(session.id).problems == ()


def test_a_site_in_error_is_not_copied_forward_nor_kept_in_a_protocol(records, patient):
    from imsmap.services import planning

    session, (first, second) = _signed_visit(records, patient)
    records.amend_session(session.id, "Tapped by mistake", "", [(second.id, "in_error", True)])
    draft = records.start_session(patient.id)
    copied = planning.copy_forward(records, draft.id, session.id)
    assert [(s.muscle_id, s.x, s.y) for s in copied] == [(first.muscle_id, first.x, first.y)]
    protocol = planning.save_protocol(records, "Shoulder", session.id)
    assert len(protocol.sites) == 1
