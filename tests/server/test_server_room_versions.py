"""The row's version guards every update the services make on a clinic server (issue 15): an
update made from what a room read before another room committed its change is refused with a
sentence, nothing written, and two rooms signing one session at once give one signature."""

from __future__ import annotations

import threading

import pytest
from live_support import make_people, one

from imsmap.domain.errors import ConflictError, ReadOnlyError
from imsmap.services.context import open_server_context
from support import spot


@pytest.fixture
def two_rooms(pg_server, clinic_dsn):
    """Anna's and Ben's services on one clinic, each on a connection of its own; a draft
    session with one site."""
    people = make_people(pg_server, clinic_dsn)
    contexts = [open_server_context(people[k][1]) for k in ("practitioner", "practitioner2")]
    anna, ben = (c.records for c in contexts)
    patient = anna.create_patient(chart_number="V-1", family_name="Okafor")
    session = anna.start_session(patient.id)
    view, x, y, muscle, side = spot(anna.atlas)
    site = anna.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=1)
    yield anna, ben, session, site
    for context in contexts:
        context.close()


def _meanwhile(monkeypatch, records, table: str, other_write) -> None:
    """When ``records`` has read the version of a row of ``table`` in its unit of work,
    another room commits ``other_write`` before it goes on (as two rooms do at once)."""
    read = records.repo.row_version

    def version_then_other_room(name: str, row_id: int):
        version = read(name, row_id)
        if name == table:
            monkeypatch.setattr(records.repo, "row_version", read)
            other_write()
        return version

    monkeypatch.setattr(records.repo, "row_version", version_then_other_room)


def _entries(clinic_dsn: str) -> int:
    return one(clinic_dsn, "SELECT count(*) FROM imsmap.audit")[0]


def test_a_stale_grade_is_refused_and_the_other_rooms_kept(monkeypatch, two_rooms, clinic_dsn):
    anna, ben, session, site = two_rooms
    _meanwhile(monkeypatch, ben, "sites", lambda: anna.update_site(site.id, grasp=3))
    before = _entries(clinic_dsn)
    with pytest.raises(ConflictError, match="changed in another room") as refused:
        ben.update_site(site.id, grasp=2)
    assert "shown again as it is now" in refused.value.message
    assert ben.read.site(site.id).grasp == 3
    assert _entries(clinic_dsn) == before + 1  # Anna's change only
    assert ben.update_site(site.id, grasp=2).grasp == 2  # read again: it goes through


def test_stale_flags_notes_removal_patient_and_session_edits_are_refused(
        monkeypatch, two_rooms, clinic_dsn):
    anna, ben, session, site = two_rooms
    cases = [
        ("sites", lambda: anna.update_site(site.id, notes="Anna's"),
         lambda: ben.update_site(site.id, cramp=True)),
        ("sites", lambda: anna.update_site(site.id, twitch=True),
         lambda: ben.remove_site(site.id)),
        ("patients", lambda: anna.update_patient(session.patient_id, given_name="Ada"),
         lambda: ben.update_patient(session.patient_id, notes="Ben's")),
        ("sessions", lambda: anna.update_session(session.id, notes="Anna's"),
         lambda: ben.update_session(session.id, complaint="Ben's")),
    ]
    for table, other, stale in cases:
        before = _entries(clinic_dsn)
        _meanwhile(monkeypatch, ben, table, other)
        with pytest.raises(ConflictError, match="changed in another room"):
            stale()
        assert _entries(clinic_dsn) == before + 1, table
    assert ben.read.site(site.id).cramp is False and ben.read.site(site.id).twitch is True
    assert ben.read.patient(session.patient_id).notes in ("", None)
    assert ben.read.session(session.id).complaint in ("", None)


def test_two_rooms_signing_at_once_give_one_signature(monkeypatch, two_rooms, clinic_dsn):
    anna, ben, session, _ = two_rooms
    both_there = threading.Barrier(2, timeout=10)
    for records in (anna, ben):
        lock = records.repo.lock_session

        def together(session_id: int, lock=lock):
            both_there.wait()  # both units of work are open: now they race for the row
            lock(session_id)

        monkeypatch.setattr(records.repo, "lock_session", together)
    outcomes: dict[str, object] = {}

    def sign(name, records):
        try:
            outcomes[name] = records.sign_session(session.id)
        except ReadOnlyError as exc:
            outcomes[name] = exc

    threads = [threading.Thread(target=sign, args=(n, r)) for n, r in
               (("anna", anna), ("ben", ben))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    told = [o for o in outcomes.values() if isinstance(o, ReadOnlyError)]
    signed = [o for o in outcomes.values() if not isinstance(o, ReadOnlyError)]
    assert len(told) == 1 and len(signed) == 1
    assert "signed" in told[0].message and "locked" in told[0].message
    assert one(clinic_dsn, "SELECT count(*) FROM imsmap.audit WHERE action = 'sign'")[0] == 1
    assert one(clinic_dsn, "SELECT signed_role FROM imsmap.sessions WHERE id = %s",
               (session.id,))[0] == signed[0].signed_by
