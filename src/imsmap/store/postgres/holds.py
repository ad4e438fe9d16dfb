"""Who holds a session open, in which room (server schemas 3 to 5, sql/v3_live.sql,
sql/v4_hold_connection.sql and sql/v5_hold_return.sql).

A room that opens a session for editing holds it on the connection it calls from: the server
records the login that is connected (never a name the client gives), the room's name, since
when, the server process of that connection, and a heartbeat the room renews every
HEARTBEAT_S. Another room asking for the same session gets the holder back and edits nothing
until the hold is released, the holding connection ends (the room's imsmap closed or killed:
the server sees its socket close, and the connection's advisory lock goes with it), its
heartbeat has lapsed (the server's hold_expiry(), 90 s: a room hung, or cut off without the
server noticing yet), or it takes the session over, which the audit trail records (action
``take_over``). A restart of the server ends every connection, but not the holds: for a minute
after the server started (its hold_return_window()) a hold from before is kept for its login in
its room (``kept_until``), which gets it back when it connects again; another room is told who
had it and may take it over. Each call is its own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from imsmap.domain.errors import ValidationError
from imsmap.domain.local_time import local_time
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.postgres.dsn import one

if TYPE_CHECKING:
    from imsmap.store.postgres.connection import PgConnection

HEARTBEAT_S = 30
# How long a hold lives after its last heartbeat: the server's hold_expiry() (sql/v3_live.sql;
# a test checks that they agree). Three heartbeats: a beat or two refused by a lock is harmless.
HOLD_EXPIRY_S = 90
ROOM_MAX = 80
# How long a room's hold calls wait for a lock another transaction holds, where nobody's
# gesture is behind them (the waiting room's look, the heartbeat: not at all), and as a
# session opens (briefly: another room's hold call holds the hold's row for milliseconds).
LOOK_WAIT = "1ms"
OPEN_WAIT = "500ms"


@dataclass(frozen=True)
class Hold:
    session_id: int
    held_by: str  # the login
    room: str
    since: datetime
    heartbeat: datetime
    mine: bool  # held by this login in this room
    # Held when the server went away, and kept for that room until then (None: a live hold)
    kept_until: datetime | None = None
    # Held by another window on the same single-PC file (store.file_holds): ``room`` is then
    # that window's user and computer, and the hold cannot be taken over, only let go there.
    on_file: bool = False

    def sentence(self) -> str:
        if self.kept_until is not None and not self.mine:
            return sentence("ServerHolds", QT_TRANSLATE_NOOP(
                "ServerHolds", "%1 had this session open in %2 when the clinic server went "
                "away; it is kept for that room until %3. It can be read here, and edited once "
                "it is free or taken over."),
                self.held_by, self.room, f'{local_time(self.kept_until):%H:%M:%S}')
        if self.mine:
            return sentence("ServerHolds", QT_TRANSLATE_NOOP(
                "ServerHolds", "You hold this session in %1."), self.room)
        return (sentence("ServerHolds", QT_TRANSLATE_NOOP(
            "ServerHolds", "%1 has this session open in %2 (since %3); it can be read here, "
            "and edited once it is free or taken over."),
            self.held_by, self.room, f'{local_time(self.since):%H:%M}'))


def check_room(room: str) -> str:
    text = (room or "").strip()
    if not text or len(text) > ROOM_MAX:
        raise ValidationError(sentence("ServerHolds", QT_TRANSLATE_NOOP(
            "ServerHolds", "A room's name is 1 to %1 characters (for example Room 2)."),
            ROOM_MAX), "room")
    return text


def _one(conn: PgConnection, function: str, session_id: int, room: str) -> Hold:
    with conn.transaction():
        held_by, in_room, since, heartbeat, mine, kept_until = one(conn.execute(
            f"SELECT * FROM {function}(%s, %s)", (session_id, check_room(room))))
    return Hold(session_id, held_by, in_room, since, heartbeat, mine, kept_until)


def hold(conn: PgConnection, session_id: int, room: str) -> Hold:
    """Hold the session in ``room``, or learn who holds it (``mine`` False): nothing changes."""
    return _one(conn, "hold_session", session_id, room)


def _without_waiting(conn: PgConnection, wait: str, sql: str,
                     params: tuple[object, ...]) -> tuple[Any, ...] | None:
    """One row of ``sql``, asked in a transaction whose lock_timeout is ``wait``; None when a
    lock another transaction holds was in the way that long (rolled back, nothing of it
    changed). The setting is the transaction's own (set_config's is_local), so it ends with
    it; in a savepoint of a longer transaction the window's own bound is put back before the
    savepoint ends. (Put back each time, it cost a round trip more on each open and
    heartbeat: 1 to 2 ms on the test server's socket, an RTT more on a network.)"""
    import psycopg  # installed: the connection is psycopg's

    nested = conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE
    try:
        with conn.transaction():
            bound = one(conn.execute("SELECT current_setting('lock_timeout'),"
                                     " set_config('lock_timeout', %s, true)", (wait,)))[0]
            row = one(conn.execute(sql, params))
            if nested:
                conn.execute("SELECT set_config('lock_timeout', %s, true)", (bound,))
    except psycopg.errors.LockNotAvailable:
        return None  # rolled back, and the bound with it
    return row


def _hold_without_waiting(conn: PgConnection, session_id: int, room: str,
                          wait: str) -> Hold | None:
    row = _without_waiting(conn, wait, "SELECT * FROM hold_session(%s, %s)",
                           (session_id, check_room(room)))
    if row is None:
        return None
    held_by, in_room, since, beat, mine, kept_until = row
    return Hold(session_id, held_by, in_room, since, beat, mine, kept_until)


def look(conn: PgConnection, session_id: int, room: str) -> Hold | None:
    """``hold`` that never waits for a lock: the waiting room's look, every second, on the
    window's thread. The same question as ``hold`` (free: this room gets it; held: who holds
    it), asked with the transaction's lock_timeout at its least, 1 ms: where ``hold`` would
    wait for a lock another transaction holds (the hold's row, FOR UPDATE in hold_session,
    held by another room's call under way, an administrator's psql, a client stuck), the look
    is refused at once, nothing of it changed, and None says so: the session is still held,
    as far as this room can tell, and the next look asks again. (Waiting there was the
    window's lock_timeout, 3 s, on every look: the window stalled 3 s of every 4.)"""
    return _hold_without_waiting(conn, session_id, room, LOOK_WAIT)


def open_hold(conn: PgConnection, session_id: int, room: str) -> Hold | None:
    """``hold`` as a session opens: it waits for a lock OPEN_WAIT at most (another room's
    hold call holds the hold's row for milliseconds; a lock that lasts longer is a psql left
    open or a client stuck, which no bearable wait outlasts), then None: who holds the session
    is not known yet, nothing changed, and the room looks again (``look``). Waiting there was
    the window's lock_timeout, 3 s, then the refusal of a write to a clinician who had only
    opened the session, which stayed read-only with nothing said or asked again."""
    return _hold_without_waiting(conn, session_id, room, OPEN_WAIT)


def renew(conn: PgConnection, session_id: int, room: str) -> bool | None:
    """``heartbeat`` that never waits for a lock (the room's heartbeat runs on the window's
    thread with nobody's gesture behind it): True renewed, False no longer this room's, None
    not renewed this time, a lock being in the way (the hold's row, held by another room's
    call, a psql...): nothing changed; the hold lives HOLD_EXPIRY_S from its last renewal."""
    row = _without_waiting(conn, LOOK_WAIT, "SELECT hold_heartbeat(%s, %s)",
                           (session_id, check_room(room)))
    return None if row is None else bool(row[0])


def let_go(conn: PgConnection, session_id: int, room: str) -> bool | None:
    """``release`` as another session opens: it waits for a lock OPEN_WAIT at most, then
    None: not let go (nothing changed); the hold, no longer renewed, lapses HOLD_EXPIRY_S
    after its last heartbeat, or ends with this connection."""
    row = _without_waiting(conn, OPEN_WAIT, "SELECT hold_release(%s, %s)",
                           (session_id, check_room(room)))
    return None if row is None else bool(row[0])


def take_over(conn: PgConnection, session_id: int, room: str) -> Hold:
    """Take the session over from the room that holds it (audited)."""
    return _one(conn, "hold_take_over", session_id, room)


def heartbeat(conn: PgConnection, session_id: int, room: str) -> bool:
    """Renew the hold; False when it is no longer this room's (taken over, or lapsed and taken)."""
    with conn.transaction():
        return bool(one(conn.execute("SELECT hold_heartbeat(%s, %s)",
                                     (session_id, check_room(room))))[0])


def release(conn: PgConnection, session_id: int, room: str) -> bool:
    with conn.transaction():
        return bool(one(conn.execute("SELECT hold_release(%s, %s)",
                                     (session_id, check_room(room))))[0])


def taken_over(conn: PgConnection, session_id: int, since: datetime) -> bool:
    """Was the hold that began at ``since`` (another room's, as this room learns of it) taken
    over, not opened once free? hold_take_over stamps its audit entry in the transaction that
    makes the hold, so the entry's time is the hold's since, in whole seconds."""
    with conn.transaction():
        return bool(one(conn.execute(
            "SELECT EXISTS (SELECT 1 FROM audit WHERE session_id = %s AND action = 'take_over'"
            " AND at = floor(extract(epoch FROM %s::timestamptz))::bigint)",
            (session_id, since)))[0])


def holder(conn: PgConnection, session_id: int, room: str) -> Hold | None:
    """The session's hold as it stands (ended and lapsed ones included), or None; ``mine``
    when it is this connection's, for this login in ``room``."""
    with conn.transaction():
        row = conn.execute("SELECT held_by, room, since, heartbeat,"
                           " held_by = session_user AND room = %s"
                           " AND holder_pid = pg_backend_pid() AS mine FROM session_holds"
                           " WHERE session_id = %s", (check_room(room), session_id)).fetchone()
    if row is None:
        return None
    held_by, in_room, since, beat, mine = row
    return Hold(session_id, held_by, in_room, since, beat, mine)
