"""Server schema 5 tried on a real server stopped and started again: a restart ends every
connection, and with it (under schema 4) every hold, so whichever room reconnected first got the
session (the walk of 4 December). Now the room that held it gets it back when it connects again,
for hold_return_window() after the server started; another room meanwhile is told who had it
and until when, and may take it over (audited); after the window it is free as before. A server
at schema 4 with holds in it is upgraded with every row kept."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from datetime import timedelta

import pytest
from live_support import make_people, one, patient, session

from imsmap.store.postgres import holds, schema, users
from imsmap.store.postgres.connection import connect


@pytest.fixture(scope="module")
def own_server():
    """A server of this module's own, which its tests stop and start."""
    from pg_support import serve

    for server in serve(pytest.fail, pytest.skip):
        server.stop("fast")
        server.durable = True  # a kill or a crash must not take back what was committed
        server.start()
        yield server


def running(server) -> None:
    if server.run("pg_ctl", "status", "-D", str(server.datadir), check=False).returncode != 0:
        server.start()


@pytest.fixture
def clinic(own_server):
    """(the server, the superuser's DSN of a new clinic there, its people)."""
    running(own_server)
    dsn = own_server.dsn(own_server.new_database())
    schema.init(dsn)
    yield own_server, dsn, make_people(own_server, dsn)
    running(own_server)


def restart(server, how: str = "restart") -> None:
    """The server goes away and comes back: stopped and started, killed (SIGKILL, as a power
    cut) and started, or one of its processes crashing (PostgreSQL then ends every connection
    and starts afresh in place, without a new postmaster)."""
    if how == "restart":
        server.stop("fast")
        server.start()
    elif how == "kill":
        server.kill()
        server.start()
    else:
        victim = connect(server.dsn())
        os.kill(victim.info.backend_pid, signal.SIGKILL)
        _close(victim)
        deadline = time.monotonic() + 30
        while True:
            try:
                with connect(server.dsn()) as conn:
                    conn.execute("SELECT 1")
                break
            except Exception:
                assert time.monotonic() < deadline, "the server did not come back"
                time.sleep(0.2)


def _close(conn) -> None:
    with contextlib.suppress(Exception):
        conn.close()


def _takeovers(dsn: str) -> int:
    return one(dsn, "SELECT count(*) FROM imsmap.audit WHERE action = 'take_over'")[0]


@pytest.mark.parametrize("how", ["restart", "kill", "crash"])
def test_the_room_that_held_a_session_gets_it_back_after_a_restart(clinic, how):
    server, dsn, people = clinic
    (ben, ben_dsn), (_anna, anna_dsn) = people["practitioner"], people["practitioner2"]
    sid = session(ben_dsn, patient(ben_dsn, "H-1"))
    room1 = connect(ben_dsn)
    held = holds.hold(room1, sid, "Room 1")
    assert held.mine and held.kept_until is None
    with connect(anna_dsn) as room2:
        assert not holds.hold(room2, sid, "Room 2").mine
    restart(server, how)
    _close(room1)  # its connection ended with the server

    # Anna's room is back first: the session is still Ben's, kept for Room 1, and she is told
    # until when; her room's writes are refused by the server's own write path too.
    with connect(anna_dsn) as room2:
        theirs = holds.hold(room2, sid, "Room 2")
        assert not theirs.mine and (theirs.held_by, theirs.room) == (ben, "Room 1")
        assert theirs.kept_until is not None
        started = one(dsn, "SELECT imsmap.hold_server_run()")[0]
        assert theirs.kept_until == started + timedelta(seconds=60)
        assert "when the clinic server went away" in theirs.sentence()
        with room2.transaction():
            assert room2.execute("SELECT * FROM hold_elsewhere(%s, 'Room 2')",
                                 (sid,)).fetchall() == [(ben, "Room 1")]
        # Another login in Ben's room's name is not Ben: the hold is not theirs either.
        assert not holds.hold(room2, sid, "Room 1").mine

        # Ben's room connects again: its first ask gets the session back, since unchanged.
        with connect(ben_dsn) as again:
            with again.transaction():  # before it asks, its writes are not refused either
                assert again.execute("SELECT * FROM hold_elsewhere(%s, 'Room 1')",
                                     (sid,)).fetchall() == []
            back = holds.hold(again, sid, "Room 1")
            assert back.mine and back.since == held.since and back.kept_until is None
            assert holds.heartbeat(again, sid, "Room 1")
            # Anna's room now sees a live hold, as before the restart.
            now_theirs = holds.hold(room2, sid, "Room 2")
            assert not now_theirs.mine and now_theirs.held_by == ben
            assert now_theirs.kept_until is None
        # Ben's room closes: the session is free as ever (the hold ended with its connection,
        # once its server process has exited: a moment, on a loaded machine).
        deadline = time.monotonic() + 5
        while not holds.hold(room2, sid, "Room 2").mine:
            assert time.monotonic() < deadline, "still held after Ben's room closed"
            time.sleep(0.05)
    assert _takeovers(dsn) == 0


def test_another_room_may_take_a_kept_session_over_and_the_first_room_learns_it(clinic):
    server, dsn, people = clinic
    (ben, ben_dsn), (anna, anna_dsn) = people["practitioner"], people["practitioner2"]
    sid = session(ben_dsn, patient(ben_dsn, "H-2"))
    room1 = connect(ben_dsn)
    assert holds.hold(room1, sid, "Room 1").mine
    restart(server)
    _close(room1)
    with connect(anna_dsn) as room2:
        taken = holds.take_over(room2, sid, "Room 2")
        assert taken.mine and taken.held_by == anna and taken.kept_until is None
        actor, action, changes = one(dsn, "SELECT actor, action, changes FROM imsmap.audit"
                                          " ORDER BY id DESC LIMIT 1")
        assert (actor, action) == (anna, "take_over") and ben in changes and "Room 1" in changes
        with connect(ben_dsn) as again:  # Ben's room back: it reads only now
            theirs = holds.hold(again, sid, "Room 1")
            assert not theirs.mine and (theirs.held_by, theirs.room) == (anna, "Room 2")
            assert not holds.heartbeat(again, sid, "Room 1")
    assert _takeovers(dsn) == 1


def test_a_kept_session_is_free_once_the_window_is_over_and_ben_taking_it_is_no_take_over(
        clinic):
    server, dsn, people = clinic
    ben_dsn, anna_dsn = people["practitioner"][1], people["practitioner2"][1]
    sids = [session(ben_dsn, patient(ben_dsn, f"H-3{n}")) for n in range(2)]
    room1 = connect(ben_dsn)
    for sid in sids:
        assert holds.hold(room1, sid, "Room 1").mine
    restart(server)
    _close(room1)
    with connect(ben_dsn) as again:  # Ben's own take-over of his kept hold: simply his again
        assert holds.take_over(again, sids[0], "Room 1").mine
    assert _takeovers(dsn) == 0
    # The window, shortened for this test (it is a minute): Ben's room has not come back for
    # the other session, which is now free to the first room that asks, without a take-over.
    with connect(dsn, autocommit=True) as owner:
        owner.execute("CREATE OR REPLACE FUNCTION imsmap.hold_return_window() RETURNS interval"
                      " LANGUAGE sql IMMUTABLE AS $$ SELECT interval '0 seconds' $$")
    with connect(anna_dsn) as room2:
        got = holds.hold(room2, sids[1], "Room 2")
        assert got.mine and got.kept_until is None
    assert _takeovers(dsn) == 0


def test_a_server_upgraded_from_schema_4_keeps_its_holds(own_server, monkeypatch):
    running(own_server)
    name = own_server.new_database()
    dsn = own_server.dsn(name)
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:4])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 4)
    schema.init(dsn)
    login = "upgrade5.physio"
    with own_server.admin() as admin:
        if not admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone():
            users.add_user(dsn, login, "practitioner", "upgrade-secret-123")
    mine = own_server.dsn(name, user=login, password="upgrade-secret-123")
    sid = session(mine, patient(mine, "U-5"))
    room1 = connect(mine)
    with room1.transaction():  # schema 4's hold_session: five columns
        assert room1.execute("SELECT mine FROM hold_session(%s, 'Room 1')",
                             (sid,)).fetchone() == (True,)
    monkeypatch.undo()
    with connect(dsn) as owner:
        before = owner.execute("SELECT * FROM session_holds").fetchall()
        counts = owner.execute("SELECT (SELECT count(*) FROM patients),"
                               " (SELECT count(*) FROM sessions), (SELECT count(*) FROM audit)"
                               ).fetchone()
        owner.commit()
        assert schema.apply_migrations(owner) == list(range(5, schema.SCHEMA_VERSION + 1))
        assert schema.current_version(owner) == schema.SCHEMA_VERSION
        after = owner.execute("SELECT * FROM session_holds").fetchall()
        assert [row[:-1] for row in after] == before and after[0][-1] is None
        assert owner.execute("SELECT (SELECT count(*) FROM patients),"
                             " (SELECT count(*) FROM sessions), (SELECT count(*) FROM audit)"
                             ).fetchone() == counts
        owner.commit()
    # The hold made under schema 4 is still the connection's, and kept over a restart.
    assert holds.hold(room1, sid, "Room 1").mine
    restart(own_server)
    _close(room1)
    with connect(mine) as room2:
        assert holds.hold(room2, sid, "Room 2").kept_until is not None
    with connect(mine) as again:
        assert holds.hold(again, sid, "Room 1").mine
