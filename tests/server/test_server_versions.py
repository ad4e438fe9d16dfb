"""Server schema 3 tried for real, as each role: row versions that refuse a stale update, the
signed-session refusal under its own SQLSTATE, and session holds with an audited take-over."""

from __future__ import annotations

import threading
from datetime import timedelta

import psycopg
import pytest
from live_support import NOW, one, patient, session, site

from imsmap.domain.errors import NotFoundError, ReadOnlyError, ValidationError
from imsmap.store.postgres import holds
from imsmap.store.postgres.connection import connect
from imsmap.store.postgres.versions import VersionConflict, guarded_update, version_of


def test_a_stale_update_is_refused_and_writes_nothing(people):
    _, dsn = people["practitioner"]
    pid = patient(dsn, "V-1")
    sid = session(dsn, pid)
    with connect(dsn) as a, connect(dsn) as b:
        assert version_of(a, "sessions", sid) == 1
        a.rollback()
        with a.transaction():
            assert guarded_update(a, "sessions", sid, 1, {"notes": "room 1"}) == 2
        # Room 2 read version 1 before room 1 wrote: its change is refused, room 1's kept.
        with pytest.raises(VersionConflict) as info:
            with b.transaction():
                guarded_update(b, "sessions", sid, 1, {"notes": "room 2"})
        assert (info.value.expected, info.value.current) == (1, 2)
        assert "another room" in str(info.value) and "\n" not in str(info.value)
        assert b.execute("SELECT notes, version FROM sessions WHERE id = %s",
                         (sid,)).fetchone() == ("room 1", 2)
        b.rollback()
        # Writing the number by hand is refused by the server (SQLSTATE 23V01), whatever
        # the WHERE clause: only the server counts.
        for number in (1, 7):
            with pytest.raises(psycopg.errors.IntegrityError) as raw:
                b.execute("UPDATE sessions SET notes = 'x', version = %s WHERE id = %s",
                          (number, sid))
            assert raw.value.sqlstate == "23V01"
            b.rollback()
        with pytest.raises(NotFoundError):
            with b.transaction():
                guarded_update(b, "sessions", 999_999, 1, {"notes": "x"})
        # An update that leaves version out still counts (the trigger), so a room that read
        # before it sees a conflict too.
        b.execute("UPDATE sessions SET complaint = 'neck' WHERE id = %s", (sid,))
        b.commit()
        assert version_of(b, "sessions", sid) == 3
        b.rollback()


def test_a_concurrent_update_waits_then_finds_the_row_moved_on(people):
    _, dsn = people["practitioner"]
    sid = session(dsn, patient(dsn, "V-2"))
    with connect(dsn) as a, connect(dsn) as b:
        with a.transaction():
            sites = [site(a, sid, n) for n in (1, 2)]
        a.execute("UPDATE sites SET notes = 'first' WHERE id = %s", (sites[0],))  # holds the row
        outcome: list[BaseException | int] = []

        def second_room():
            try:
                with b.transaction():
                    outcome.append(guarded_update(b, "sites", sites[0], 1, {"notes": "second"}))
            except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
                outcome.append(exc)

        worker = threading.Thread(target=second_room)
        worker.start()
        worker.join(0.3)
        assert worker.is_alive()  # waiting on room 1's row lock
        a.commit()
        worker.join(10)
        assert len(outcome) == 1 and isinstance(outcome[0], VersionConflict)
        assert a.execute("SELECT notes, version FROM sites WHERE id = %s",
                         (sites[0],)).fetchone() == ("first", 2)
        a.rollback()


def test_each_role_updates_by_version_only_what_it_may(people, clinic_dsn):
    _, practitioner = people["practitioner"]
    _, reception = people["reception"]
    _, admin = people["admin"]
    pid = patient(reception, "V-3")
    with connect(reception) as conn:
        with conn.transaction():
            assert guarded_update(conn, "patients", pid, 1, {"family_name": "Okafor-Ude"}) == 2
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            with conn.transaction():
                guarded_update(conn, "patients", pid, 2, {"notes": "clinical"})
    with connect(admin) as conn:
        with conn.transaction():
            conn.execute("INSERT INTO settings (key, value) VALUES ('clinic.name', '\"A\"')")
    with connect(reception) as conn:  # reception reads the clinic's settings, changes none
        with pytest.raises(ReadOnlyError):
            with conn.transaction():
                guarded_update(conn, "settings", "clinic.name", 1, {"value": '"x"'})
    with connect(admin) as conn:
        with conn.transaction():
            assert guarded_update(conn, "settings", "clinic.name", 1, {"value": '"B"'}) == 2
        with pytest.raises(VersionConflict):
            with conn.transaction():
                guarded_update(conn, "settings", "clinic.name", 1, {"value": '"C"'})
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            with conn.transaction():
                guarded_update(conn, "patients", pid, 2, {"family_name": "x"})
    with connect(practitioner) as conn:
        with conn.transaction():
            assert guarded_update(conn, "patients", pid, 2, {"notes": "left-handed"}) == 3
    assert one(clinic_dsn, "SELECT value, version FROM settings WHERE key = 'clinic.name'") \
        == ('"B"', 2)


def test_a_signed_session_refuses_by_its_own_sqlstate(people):
    name, dsn = people["practitioner"]
    sid = session(dsn, patient(dsn, "V-4"))
    with connect(dsn) as conn:
        with conn.transaction():
            version = version_of(conn, "sessions", sid)
            guarded_update(conn, "sessions", sid, version,
                           {"status": "signed", "signed_at": NOW, "signed_by": name,
                            "content_hash": "abc"})
        for sql in ("UPDATE sessions SET notes = 'x' WHERE id = %s",
                    "INSERT INTO findings (session_id, sign, created_at, created_by)"
                    " VALUES (%s, 'shortening', 'x', 'x')"):
            with pytest.raises(psycopg.errors.IntegrityError) as info:
                conn.execute(sql, (sid,))
            assert info.value.sqlstate == "23L01"
            conn.rollback()


def test_a_second_room_sees_the_holder_and_takes_over_only_deliberately(people, clinic_dsn):
    anna, dsn_a = people["practitioner"]
    ben, dsn_b = people["practitioner2"]
    sid = session(dsn_a, patient(dsn_a, "V-5"))
    with connect(dsn_a) as a, connect(dsn_b) as b:
        mine = holds.hold(a, sid, "Room 1")
        assert mine.mine and (mine.held_by, mine.room) == (anna, "Room 1")
        theirs = holds.hold(b, sid, "Room 2")
        assert not theirs.mine and (theirs.held_by, theirs.room) == (anna, "Room 1")
        assert anna in theirs.sentence() and "Room 1" in theirs.sentence()
        # The same login in another room is another room.
        assert not holds.hold(a, sid, "Room 3").mine
        assert holds.heartbeat(a, sid, "Room 1")
        entries = one(clinic_dsn, "SELECT count(*) FROM audit")[0]
        taken = holds.take_over(b, sid, "Room 2")
        assert taken.mine and (taken.held_by, taken.room) == (ben, "Room 2")
        assert not holds.heartbeat(a, sid, "Room 1")  # room 1 learns it lost the session
        assert not holds.release(a, sid, "Room 1")
        assert holds.holder(a, sid, "Room 1").held_by == ben
        entry = one(clinic_dsn, "SELECT id, actor, action, entity_id, changes FROM audit"
                                " ORDER BY id DESC LIMIT 1")
        assert entry[0] == entries + 1 and entry[1:4] == (ben, "take_over", sid)
        assert anna in entry[4] and "Room 1" in entry[4] and "Room 2" in entry[4]
        # Taking over what one holds already records nothing.
        holds.take_over(b, sid, "Room 2")
        assert one(clinic_dsn, "SELECT count(*) FROM audit")[0] == entries + 1
        assert holds.release(b, sid, "Room 2")
        assert holds.holder(a, sid, "Room 1") is None
        assert holds.hold(a, sid, "Room 1").mine


def test_a_lapsed_hold_is_free_without_a_take_over(people, clinic_dsn):
    _, dsn_a = people["practitioner"]
    ben, dsn_b = people["practitioner2"]
    sid = session(dsn_a, patient(dsn_a, "V-6"))
    with connect(dsn_a) as a, connect(dsn_b) as b:
        holds.hold(a, sid, "Room 1")
        # Room 1's computer was switched off: its heartbeat stopped 91 s ago.
        with connect(clinic_dsn) as owner:
            owner.execute("UPDATE session_holds SET heartbeat = heartbeat - %s",
                          (timedelta(seconds=91),))
            owner.commit()
        entries = one(clinic_dsn, "SELECT count(*) FROM audit")[0]
        assert holds.hold(b, sid, "Room 2").held_by == ben
        assert one(clinic_dsn, "SELECT count(*) FROM audit")[0] == entries


def test_holds_are_the_practitioners_and_written_only_through_the_server(people):
    _, practitioner = people["practitioner"]
    sid = session(practitioner, patient(practitioner, "V-7"))
    for role in ("reception", "admin"):
        with connect(people[role][1]) as conn:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                holds.hold(conn, sid, "Front desk")
    with connect(practitioner) as conn:
        holds.hold(conn, sid, "Room 1")
        for sql in ("UPDATE session_holds SET held_by = 'someone'",
                    "DELETE FROM session_holds",
                    "INSERT INTO session_holds VALUES (1, 'x', 'y', now(), now())"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
            conn.rollback()
        with pytest.raises(ValidationError):
            holds.hold(conn, sid, "   ")
        with pytest.raises(ValidationError):
            holds.hold(conn, sid, "x" * 81)
        assert holds.holder(conn, sid, "Room 1").mine  # the refusals changed nothing
