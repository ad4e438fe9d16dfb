"""The same services on both backends: a file, and a clinic server where the server itself
keeps the audit chain, the signer and the locks. Two rooms are two connections (two contexts)
to the same records."""

from __future__ import annotations

from datetime import datetime

import pytest

import support
from imsmap.domain.errors import ReadOnlyError
from imsmap.store import audit

pytestmark = pytest.mark.both_backends


def _visit(records, chart="C-1"):
    patient = records.create_patient(chart_number=chart, family_name="Nguyen", given_name="Anna")
    session = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                    complaint="Low back pain")
    view_id, x, y, muscle, side = support.spot(records.atlas)
    site = records.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side, grasp=2)
    return patient, session, site


def test_the_backend_is_the_one_named(backend, records):
    assert records.db.is_server is (backend == "server")
    _visit(records)
    last = list(audit.rows(records.db.conn))[-1]
    assert last[2] == "test.physio" and last[3:5] == ("create", "site")
    if backend == "server":  # the server linked it, and its own check agrees with ours
        assert records.db.conn.execute("SELECT count(*) FROM audit_breaks()").fetchone()[0] == 0
        assert records.db.login == "test.physio"


def test_two_rooms_write_the_same_records_and_one_chain(open_records_as):
    anna = open_records_as("anna.physio").records
    ben = open_records_as("ben.physio").records
    patient, session, site = _visit(anna)
    # Ben's room reads what Anna's committed, and adds to it.
    assert [s.id for s in ben.read.sites_for_session(session.id)] == [site.id]
    view_id, x, y, muscle, side = support.spot(ben.atlas)
    ben.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side, grasp=1)
    ben.update_site(site.id, grasp=3)
    anna.sign_session(session.id)
    # Signed in Anna's name; Ben amends it in his; neither can change it otherwise.
    signed = ben.read.session(session.id)
    assert signed.is_signed and signed.signed_by == "anna.physio"
    ben.amend_session(session.id, "Late entry", "Bruising at the second site next day.")
    with pytest.raises(ReadOnlyError):
        ben.update_site(site.id, grasp=0)
    actors = [(r[2], r[3], r[4]) for r in audit.rows(anna.db.conn)]
    assert ("ben.physio", "amend", "amendment") in actors
    assert ("anna.physio", "sign", "session") in actors
    assert audit.verify_chain(anna.db.conn) == [] and audit.verify_chain(ben.db.conn) == []
    assert anna.read.seal(session.id).problems == ()


def test_a_signature_is_refused_when_the_content_changed_since_the_signer_read_it(
        open_records_as):
    # Anna reads the record (the sign dialog's content hash); Ben's room grades a site; Anna's
    # signature would cover a grade she was never shown: refused, nothing written.
    from imsmap.domain.errors import ConflictError
    from imsmap.services.records import content_hash

    anna = open_records_as("anna.physio").records
    ben = open_records_as("ben.physio").records
    _patient, session, site = _visit(anna)
    seen = content_hash(anna.session_record(session.id))
    ben.update_site(site.id, grasp=3)
    before = len(list(audit.rows(anna.db.conn)))
    with pytest.raises(ConflictError, match="changed in another window while you were signing"):
        anna.sign_session(session.id, seen=seen)
    assert not anna.read.session(session.id).is_signed
    assert len(list(audit.rows(anna.db.conn))) == before
    # read again, the same content signs
    anna.sign_session(session.id, seen=content_hash(anna.session_record(session.id)))
    assert anna.read.session(session.id).is_signed


def test_a_statement_around_the_services_cannot_change_a_signed_session(backend, records):
    _patient, session, _site = _visit(records)
    records.sign_session(session.id)
    before = list(audit.rows(records.db.conn))
    with pytest.raises(ReadOnlyError) as caught:
        with records.db.transaction() as conn:
            conn.execute("UPDATE sessions SET notes = ? WHERE id = ?", ("rewritten", session.id))
    assert "signed" in str(caught.value).lower() or "locked" in str(caught.value).lower()
    assert records.read.session(session.id).notes == ""
    assert list(audit.rows(records.db.conn)) == before


def test_a_write_refused_half_way_leaves_nothing(records):
    patient, session, _site = _visit(records)
    counts = records.repo.counts()
    with pytest.raises(ZeroDivisionError):
        with records.write() as work:
            work.store.update("sessions", session.id, {"notes": "half"}, work.at, work.actor)
            work.audit("update", "session", session.id, session.id, {"notes": ["", "half"]})
            raise ZeroDivisionError  # a bug in the middle of a write
    assert records.repo.counts() == counts
    assert records.read.session(session.id).notes == ""
    assert audit.verify_chain(records.db.conn) == []


def test_the_clinic_settings_are_the_admin_s_on_the_server(backend, records):
    """On a file the practitioner keeps the clinic's settings; on the server the admin login
    does (row-level security): the practitioner's save is one sentence and changes nothing."""
    from dataclasses import replace

    from imsmap.domain.errors import UserFacingError
    from imsmap.services import clinic

    before = records.repo.counts()
    wanted = replace(clinic.load(records), clinic_name="Harbour Physiotherapy")
    if backend == "sqlite":
        assert clinic.save(records, wanted).clinic_name == "Harbour Physiotherapy"
        return
    with pytest.raises(UserFacingError) as caught:
        clinic.save(records, wanted)
    message = caught.value.message
    assert message.endswith(".") and "\n" not in message and "refused" in message
    assert records.repo.counts() == before and clinic.load(records).clinic_name != wanted.clinic_name


def test_a_window_learns_that_another_room_wrote(open_records_as):
    """What the window's refresh compares (RecordQueries.data_version): it changes when
    another connection (room) has written."""
    anna = open_records_as("anna.physio").records
    ben = open_records_as("ben.physio").records
    _visit(anna)
    seen = anna.read.data_version()
    assert anna.read.data_version() == seen
    ben.create_patient(chart_number="C-2", family_name="Okafor")
    assert anna.read.data_version() != seen
