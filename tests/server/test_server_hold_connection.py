"""Server schema 4 tried for real: a session's hold ends the moment the connection holding it
ends (a room's process killed), not 90 s later; a live holder still blocks, a hung one (its
connection open, its heartbeat stopped) until the heartbeat lapses; a take-over is still
audited; and a database upgraded from schema 3 keeps its holds and gets the new rule."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psycopg
import pytest
from live_support import make_people, one, patient, session

from imsmap.store.postgres import holds, schema
from imsmap.store.postgres.connection import connect

# A room's connection in a process of its own: it holds the session, says so, and waits.
HOLDER = """
import sys, time
from imsmap.store.postgres import holds
from imsmap.store.postgres.connection import connect
conn = connect(sys.argv[1])
got = holds.hold(conn, int(sys.argv[2]), "Room 1")
print("holding" if got.mine else "not holding", conn.info.backend_pid, flush=True)
time.sleep(600)
"""
FREE_WITHIN_S = 5.0  # generous: the server sees the socket close at once (a loaded machine)


@pytest.fixture
def people(pg_server, clinic_dsn):
    return make_people(pg_server, clinic_dsn)


def _holder(dsn: str, sid: int) -> tuple[subprocess.Popen, int]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, dsn, str(sid)],
                            stdout=subprocess.PIPE, text=True)
    said, pid = proc.stdout.readline().split()
    assert said == "holding"
    return proc, int(pid)


def _end(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGCONT)
        proc.kill()
    proc.wait(10)
    proc.stdout.close()


def _free_within(conn, sid: int, room: str, seconds: float) -> float:
    """Ask for the session until this room gets it; how long that took (fails after
    ``seconds``)."""
    start = time.monotonic()
    while True:
        got = holds.hold(conn, sid, room)
        if got.mine:
            return time.monotonic() - start
        assert time.monotonic() - start < seconds, f"still held: {got}"
        time.sleep(0.05)


def test_a_killed_holders_hold_ends_with_its_connection(people, clinic_dsn):
    anna_dsn, ben_dsn = people["practitioner"][1], people["practitioner2"][1]
    anna = people["practitioner"][0]
    sid = session(anna_dsn, patient(anna_dsn, "C-1"))
    proc, backend = _holder(anna_dsn, sid)
    try:
        with connect(ben_dsn) as ben:
            # A live holder blocks: the second room sees who, and nothing changes.
            theirs = holds.hold(ben, sid, "Room 2")
            assert not theirs.mine and (theirs.held_by, theirs.room) == (anna, "Room 1")
            assert one(clinic_dsn, "SELECT holder_pid FROM imsmap.session_holds"
                                   " WHERE session_id = %s", (sid,)) == (backend,)
            time.sleep(0.3)
            assert not holds.hold(ben, sid, "Room 2").mine
            with ben.transaction():  # the write path's own question: held elsewhere
                assert ben.execute("SELECT * FROM hold_elsewhere(%s, 'Room 2')",
                                   (sid,)).fetchall() == [(anna, "Room 1")]
            # Killed: no release, no word to the server; its heartbeat is fresh.
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
            _free_within(ben, sid, "Room 2", FREE_WITHIN_S)
            with ben.transaction():
                assert ben.execute("SELECT * FROM hold_elsewhere(%s, 'Room 2')",
                                   (sid,)).fetchall() == []
            # Free, not taken over: the audit trail records no take-over.
            assert one(clinic_dsn, "SELECT count(*) FROM imsmap.audit"
                                   " WHERE action = 'take_over'") == (0,)
    finally:
        _end(proc)


# The same room, then signing: the unit of work locks the session's row first, and waits here
# for another transaction that has it locked.
SIGNING = HOLDER.replace('time.sleep(600)', """
sys.stdin.readline()  # the row locked elsewhere meanwhile (asking for a hold would wait too)
conn.execute("SELECT id FROM sessions WHERE id = %s FOR UPDATE", (int(sys.argv[2]),))
time.sleep(600)
""")


def test_a_holder_killed_while_it_waits_for_a_lock_lets_go_of_its_hold(people, clinic_dsn):
    """A room killed in the middle of signing while its statement waits for a row another
    transaction holds: PostgreSQL looks at the socket only when the statement ends, so the
    room's server process, and its hold, lived on as long as that other transaction (22 s in
    the walk of 7 December, the lock held from psql), the draft read-only in every other
    room. A room's connection asks the server to look at its socket during a statement every
    CLIENT_CHECK_S (store.postgres.connection)."""
    from imsmap.store.postgres.connection import CLIENT_CHECK_S

    anna_dsn, ben_dsn = people["practitioner"][1], people["practitioner2"][1]
    sid = session(anna_dsn, patient(anna_dsn, "C-4"))
    with psycopg.connect(clinic_dsn) as locker, connect(ben_dsn) as ben:
        proc = subprocess.Popen([sys.executable, "-c", SIGNING, anna_dsn, str(sid)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            said, backend = proc.stdout.readline().split()
            assert said == "holding"
            locker.execute("SELECT id FROM imsmap.sessions WHERE id = %s FOR UPDATE", (sid,))
            proc.stdin.write("sign\n")
            proc.stdin.flush()
            deadline = time.monotonic() + 30
            while one(clinic_dsn, "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s",
                      (int(backend),)) != ("Lock",):  # waiting for the locker's row
                assert time.monotonic() < deadline
                time.sleep(0.05)
            assert not holds.hold(ben, sid, "Room 2").mine
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
            _free_within(ben, sid, "Room 2", CLIENT_CHECK_S + FREE_WITHIN_S)
            assert locker.info.transaction_status == psycopg.pq.TransactionStatus.INTRANS
        finally:
            locker.rollback()
            _end(proc)
            proc.stdin.close()


def test_a_hung_holder_blocks_until_its_heartbeat_lapses_or_it_is_taken_over(people,
                                                                             clinic_dsn):
    anna_dsn, ben_dsn = people["practitioner"][1], people["practitioner2"][1]
    anna, ben = people["practitioner"][0], people["practitioner2"][0]
    sid = session(anna_dsn, patient(anna_dsn, "C-2"))
    proc, _ = _holder(anna_dsn, sid)
    try:
        os.kill(proc.pid, signal.SIGSTOP)  # hung: its connection stays open
        with connect(ben_dsn) as b:
            time.sleep(0.3)
            assert not holds.hold(b, sid, "Room 2").mine
            # Taken over deliberately: audited, from whom and which room.
            taken = holds.take_over(b, sid, "Room 2")
            assert taken.mine and taken.held_by == ben
            assert one(clinic_dsn, "SELECT actor, action, entity_id, changes FROM imsmap.audit"
                                   " ORDER BY id DESC LIMIT 1")[:3] == (ben, "take_over", sid)
            assert anna in one(clinic_dsn, "SELECT changes FROM imsmap.audit"
                                           " ORDER BY id DESC LIMIT 1")[0]
            assert holds.release(b, sid, "Room 2")
        # Held again by the hung room (woken a moment to ask): a new room waits for it...
        os.kill(proc.pid, signal.SIGCONT)
        with connect(anna_dsn) as a:
            assert holds.hold(a, sid, "Room 1").mine  # this test's stand-in for Room 1
            with connect(ben_dsn) as b:
                assert not holds.hold(b, sid, "Room 2").mine
                # ...until its heartbeat is older than hold_expiry(): then it is free.
                one(clinic_dsn, "UPDATE imsmap.session_holds SET heartbeat = heartbeat"
                                " - imsmap.hold_expiry() - interval '1 second' RETURNING 1")
                assert holds.hold(b, sid, "Room 2").mine
                assert not holds.heartbeat(a, sid, "Room 1")  # Room 1 learns it
    finally:
        _end(proc)


def test_one_connection_holds_the_same_login_and_room_only_once(people):
    """Two windows of one person in one room (two connections): the second reads only."""
    dsn = people["practitioner"][1]
    sid = session(dsn, patient(dsn, "C-3"))
    with connect(dsn) as first, connect(dsn) as second:
        assert holds.hold(first, sid, "Room 1").mine
        assert not holds.hold(second, sid, "Room 1").mine
        assert not holds.heartbeat(second, sid, "Room 1")
        assert not holds.release(second, sid, "Room 1")
        assert holds.hold(first, sid, "Room 1").mine  # the first one's, still
    # Both closed: whoever comes next gets it, at once.
    with connect(dsn) as third:
        assert holds.hold(third, sid, "Room 1").mine


def test_a_server_upgraded_from_schema_3_keeps_its_holds(pg_server, monkeypatch):
    """A clinic's server at schema 3 with holds in it, upgraded: every hold is kept (with no
    process: it lives by its heartbeat, as before), and new holds end with their connection."""
    from imsmap.store.postgres import users

    name = pg_server.new_database()
    dsn = pg_server.dsn(name)
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:3])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 3)
    schema.init(dsn)
    login = "upgrade.physio"
    with pg_server.admin() as admin:
        if not admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone():
            users.add_user(dsn, login, "practitioner", "upgrade-secret-123")
    monkeypatch.undo()
    mine = pg_server.dsn(name, user=login, password="upgrade-secret-123")
    sids = [session(mine, patient(mine, f"U-{n}")) for n in range(2)]
    with connect(mine) as conn:
        for sid in sids:  # schema 3's functions: holds without a process (five columns)
            conn.execute("SELECT * FROM hold_session(%s, 'Room 1')", (sid,))
        conn.commit()
    with connect(dsn) as owner:
        owner.execute("UPDATE session_holds SET heartbeat = heartbeat - interval '91 seconds'"
                      " WHERE session_id = %s", (sids[1],))
        owner.commit()
        before = owner.execute("SELECT session_id, held_by, room, since, heartbeat"
                               " FROM session_holds ORDER BY 1").fetchall()
        assert schema.current_version(owner) == 3
        assert schema.apply_migrations(owner) == list(range(4, schema.SCHEMA_VERSION + 1))
        assert schema.current_version(owner) == schema.SCHEMA_VERSION
        after = owner.execute("SELECT session_id, held_by, room, since, heartbeat, holder_pid"
                              " FROM session_holds ORDER BY 1").fetchall()
        owner.commit()
    assert [row[:5] for row in after] == before and all(row[5] is None for row in after)
    with connect(mine) as other_room, connect(mine) as same_room:
        # The fresh one is still held (by its heartbeat); the lapsed one is free.
        assert not holds.hold(other_room, sids[0], "Room 2").mine
        assert holds.hold(other_room, sids[1], "Room 2").mine
        # The same login in the same room takes its schema-3 hold on as its own, and from
        # then on the hold ends with this connection.
        taken = holds.hold(same_room, sids[0], "Room 1")
        assert taken.mine and taken.since == before[0][3]
    with connect(mine) as later:
        assert holds.hold(later, sids[0], "Room 2").mine


def test_the_connection_lock_is_taken_once_and_only_through_the_functions(people):
    dsn = people["practitioner"][1]
    sids = [session(dsn, patient(dsn, f"C-4{n}")) for n in range(3)]
    with connect(dsn) as conn:
        for sid in sids:
            assert holds.hold(conn, sid, "Room 1").mine
        conn.commit()
        locks = conn.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                             " AND pid = pg_backend_pid()").fetchone()[0]
        assert locks == 1
        for fn in ("hold_connection()", "hold_connection_alive(1)", "hold_lock_space()"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"SELECT {fn}")
            conn.rollback()
