"""Live rooms against a real server: what one room commits reaches another room's change bus,
ids only, on the GUI thread; and nothing is lost when the listening connection is killed or the
server restarts, because the room reads back what it missed from its last known point."""

from __future__ import annotations

import json
import threading

import psycopg
from live_support import audit, patient, session, site

from imsmap.services.changes import Action, Change, ChangeBus, Entity, Tier
from imsmap.store.postgres import holds
from imsmap.store.postgres.connection import connect
from imsmap.store.postgres.listen import APPLICATION, ChangeFeed
from imsmap.ui.live_rooms import LiveRooms


def _commit_site(dsn: str, session_id: int, seq: int) -> tuple[int, int]:
    """A site and its audit entry, one transaction, as a room writes them; (site, entry)."""
    with connect(dsn) as conn:
        with conn.transaction():
            site_id = site(conn, session_id, seq)
            entry = audit(conn, "create", "site", site_id, session_id)
    return site_id, entry


def _heard(feed: ChangeFeed, want: int, rounds: int = 80) -> list:
    out = []
    for _ in range(rounds):
        out += feed.wait(0.25)
        if len([n for n in out if n.audit_id is not None]) >= want:
            break
    return out


def _kill(pg_server, pid: int) -> None:
    with pg_server.admin() as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]


def test_notifications_carry_ids_only_and_only_what_was_committed(people, clinic_dsn):
    _, dsn = people["practitioner"]
    pid = patient(dsn, "L-1", family="Vasquez-Delacroix")
    sid = session(dsn, pid)
    with psycopg.connect(clinic_dsn, autocommit=True) as ear, connect(dsn) as room:
        ear.execute("LISTEN imsmap_changes")
        with room.transaction():
            audit(room, "update", "patient", pid, None, '{"family_name":["A","Vasquez"]}')
        room.execute("INSERT INTO settings (key, value) VALUES ('lock.pin.' || session_user,"
                     " 'secret')")
        room.commit()
        site_id = site(room, sid)
        audit(room, "create", "site", site_id, sid)
        room.rollback()  # rolled back: never announced
        holds.hold(room, sid, "Room 1")
        got = [json.loads(n.payload) for n in ear.notifies(timeout=1.0, stop_after=3)]
        assert not list(ear.notifies(timeout=0.3))
    assert got[0] == {"a": 1, "x": "update", "t": "patient", "id": pid, "s": None, "p": pid}
    assert got[1] == {"t": "settings"}
    assert got[2] == {"t": "hold", "s": sid, "p": pid}
    text = json.dumps(got)
    assert "Vasquez" not in text and "secret" not in text and "Room" not in text


def test_each_role_reads_back_only_what_it_may_hear_of(people):
    _, practitioner = people["practitioner"]
    reception_name, reception = people["reception"]
    _, admin = people["admin"]
    pid = patient(reception, "L-2")
    sid = session(practitioner, pid)
    with connect(reception) as conn:
        with conn.transaction():
            audit(conn, "create", "patient", pid)
    with connect(practitioner) as conn:
        with conn.transaction():
            audit(conn, "create", "session", sid, sid)
    with connect(admin) as conn:
        with conn.transaction():
            audit(conn, "update", "settings", 0)

    def since(dsn):
        with connect(dsn) as conn:
            return [r[:3] for r in conn.execute("SELECT * FROM changes_since(0, 100)")]

    assert since(practitioner) == [(1, "create", "patient"), (2, "create", "session"),
                                   (3, "update", "settings")]
    assert since(reception) == [(1, "create", "patient")]
    assert since(admin) == [(3, "update", "settings")]


def test_a_killed_connection_and_a_restarted_server_lose_nothing(people, pg_server):
    _, writer = people["practitioner"]
    _, reader = people["practitioner2"]
    sid = session(writer, patient(writer, "L-3"))
    feed = ChangeFeed(reader)
    assert feed.open() == [] and feed.point == 0
    try:
        first = _commit_site(writer, sid, 1)
        heard = _heard(feed, 1)
        assert [(n.entity, n.entity_id, n.audit_id) for n in heard] == [("site", first[0],
                                                                          first[1])]
        # Its connection killed, two sites committed before it is back: read back.
        _kill(pg_server, feed.backend_pid())
        missed = [_commit_site(writer, sid, n) for n in (2, 3)]
        heard = _heard(feed, 2)
        assert feed.reconnects == 1 and feed.caught_up == 2
        assert [(n.entity_id, n.audit_id) for n in heard if n.audit_id] == missed
        assert {"settings", "hold"} <= {n.entity for n in heard}  # read again as well
        # The server restarts: while it is down the feed says so; afterwards nothing is lost.
        pg_server.stop("fast")
        assert feed.wait(0.5) == [] and not feed.connected
        assert feed.wait(0.5) == [] and "server" in (feed.error or "")
        pg_server.start()
        after = [_commit_site(writer, sid, n) for n in (4, 5)]
        heard = _heard(feed, 2)
        assert [(n.entity_id, n.audit_id) for n in heard if n.audit_id] == after
        assert feed.error is None and feed.point == after[-1][1]
    finally:
        feed.close()


def test_a_rooms_own_writes_are_not_heard_back(people):
    _, dsn = people["practitioner"]
    sid = session(dsn, patient(dsn, "L-4"))
    with connect(dsn) as mine:
        feed = ChangeFeed(dsn, own_pids=lambda: {mine.info.backend_pid})
        feed.open()
        try:
            with mine.transaction():
                audit(mine, "update", "session", sid, sid)
            other = _commit_site(dsn, sid, 1)
            heard = _heard(feed, 1)
            assert [n.audit_id for n in heard] == [other[1]]
            assert feed.point == other[1]
        finally:
            feed.close()


def test_another_rooms_change_reaches_the_bus_on_the_gui_thread(qtbot, people, pg_server):
    _, writer = people["practitioner"]
    _, reader = people["practitioner2"]
    pid = patient(writer, "L-5")
    sid = session(writer, pid)
    bus = ChangeBus()
    received: list[tuple[Change, bool]] = []
    bus.subscribe(lambda c: received.append((c, threading.current_thread()
                                             is threading.main_thread())), Tier.VIEW)
    rooms = LiveRooms(bus, ChangeFeed(reader))
    states: list[str] = []
    rooms.connection_changed.connect(states.append)
    rooms.start()  # it connects on its own thread
    qtbot.waitUntil(lambda: rooms.feed.connected, timeout=10_000)
    try:
        site_id, _ = _commit_site(writer, sid, 1)
        expected = Change(Action.CREATE, Entity.SITE, site_id, session_id=sid, patient_id=pid)
        qtbot.waitUntil(lambda: (expected, True) in received, timeout=1000)
        # Kill its connection, then restart the server: every site committed meanwhile and
        # afterwards arrives, once.
        _kill(pg_server, rooms.feed.backend_pid())
        during = [_commit_site(writer, sid, n)[0] for n in (2, 3)]
        pg_server.stop("fast")
        pg_server.start()
        after = [_commit_site(writer, sid, n)[0] for n in (4, 5)]

        def sites():
            return [c.entity_id for c, _ in received if c.entity is Entity.SITE]

        qtbot.waitUntil(lambda: set(during + after) <= set(sites()), timeout=20_000)
        assert sorted(sites()) == sorted([site_id, *during, *after])
        assert all(on_gui for _, on_gui in received)
    finally:
        rooms.stop()
    assert rooms.feed.conn is None
    if states:  # it saw the server down, then said it was back
        assert states[-1] == ""
    with psycopg.connect(pg_server.dsn(), autocommit=True) as admin:
        qtbot.waitUntil(lambda: not admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
            (APPLICATION,)).fetchone()[0], timeout=5000)  # its connection was closed


def test_a_listener_that_fails_says_so_and_leaves_the_error_to_the_log(qtbot, people,
                                                                       pg_server, clinic_dsn,
                                                                       monkeypatch):
    _, reader = people["practitioner2"]
    hooked: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: hooked.append(args.exc_value))
    rooms = LiveRooms(ChangeBus(), ChangeFeed(reader))
    states: list[str] = []
    rooms.connection_changed.connect(states.append)
    rooms.start()  # it connects on its own thread
    qtbot.waitUntil(lambda: rooms.feed.connected, timeout=10_000)
    try:
        with connect(clinic_dsn) as owner:  # a server that no longer lets it read back
            owner.execute("REVOKE EXECUTE ON FUNCTION changes_since(bigint, integer)"
                          " FROM imsmap_practitioner")
            owner.commit()
        _kill(pg_server, rooms.feed.backend_pid())
        qtbot.waitUntil(lambda: bool(states), timeout=10_000)
    finally:
        rooms.stop()
    assert "no longer arrive" in states[-1] and "\n" not in states[-1]
    assert len(hooked) == 1 and isinstance(hooked[0], psycopg.errors.InsufficientPrivilege)
