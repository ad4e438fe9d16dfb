"""Hearing what other rooms change: LISTEN on a connection of its own (server schema 3).

The server announces every audited write on the channel ``imsmap_changes`` when it commits
(sql/v3_live.sql): the audit entry's number, action, entity, ids and the patient's id, never a
name or a note. Settings and session holds are announced too, without their content. A
notification sent while this connection is down is lost, so the feed remembers the newest
entry it has heard of (its *point*) and, after every reconnect, reads what came after it
(``changes_since``, ids only, as the notifications) before it listens again.

`ChangeFeed` is plain psycopg, used from one thread: services.live runs it on a thread of its
own and hands what it hears to the window.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.postgres.connection import (
    ServerError,
    connect,
    one,
    require_psycopg,
)

if TYPE_CHECKING:
    from psycopg import Notify

    from imsmap.store.postgres.connection import PgConnection

CHANNEL = "imsmap_changes"
APPLICATION = "imsmap live"
CATCH_UP_MOST = 5000  # more than this after a reconnect: re-read everything instead
RETRY_S = (0.2, 0.5, 1.0, 2.0, 5.0)  # waits between reconnects, the last one repeated
KEEPALIVES = {"keepalives": "1", "keepalives_idle": "10", "keepalives_interval": "5",
              "keepalives_count": "3"}  # a silent loss noticed within about 25 s


@dataclass(frozen=True)
class Notice:
    """One change heard of. ``entity`` is the audit trail's entity name, or ``settings``,
    ``hold`` (a session's hold moved; ``session_id`` None: any of them), or ``everything``
    (too much changed while away: read everything again)."""

    entity: str
    action: str | None = None
    entity_id: int | None = None
    session_id: int | None = None
    patient_id: int | None = None
    audit_id: int | None = None


EVERYTHING = Notice("everything")
ALL_SETTINGS = Notice("settings")
ALL_HOLDS = Notice("hold")


def parse(payload: str) -> Notice | None:
    """A notification's payload as a Notice; None for one this imsmap does not know."""
    try:
        data = json.loads(payload)
        entity = data["t"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(entity, str):
        return None

    def number(key: str) -> int | None:
        value = data.get(key)
        return value if isinstance(value, int) else None

    action = data.get("x")
    return Notice(entity, action if isinstance(action, str) else None, number("id"),
                  number("s"), number("p"), number("a"))


class ChangeFeed:
    """Its own autocommit connection listening on CHANNEL; ``wait`` returns what was heard.

    ``own_pids`` gives the server process ids of this room's own writing connections: what
    they announce is left out (the room published it already when it committed). Entries read
    back after a reconnect carry no process id and are all returned.
    """

    def __init__(self, dsn: str, *, own_pids: Callable[[], set[int]] = set,
                 clock: Callable[[], float] = time.monotonic, point: int | None = None):
        self.dsn = dsn
        self.own_pids = own_pids
        self.clock = clock
        self.conn: PgConnection | None = None
        # The newest audit entry heard of. Given (the window's sign-in's), the first `open`
        # reads what came after it, as after a reconnect: what another room changed before
        # this feed first listened is not lost, however late that is.
        self.point: int | None = point
        self._opened = False
        self.reconnects = 0  # how many times it came back after losing the connection
        self.caught_up = 0  # entries read back after a reconnect
        self.error: str | None = None  # the sentence while the server cannot be reached
        self._failures = 0
        self._next_try = 0.0

    @property
    def connected(self) -> bool:
        return self.conn is not None and not self.conn.closed

    @property
    def opened_once(self) -> bool:
        """It has connected at least once (a loss after that is a reconnect)."""
        return self._opened

    def open(self) -> list[Notice]:
        """Connect and listen; after a reconnect (or with a point given), what changed since
        the point. ServerError (a sentence) when the server cannot be reached."""
        # A listener only waits, so a connection that died without a word (a cable pulled, a
        # server's machine gone) is noticed by TCP keepalives, unless the DSN says otherwise.
        require_psycopg()
        import psycopg

        params = {**KEEPALIVES, **psycopg.conninfo.conninfo_to_dict(self.dsn)}
        conn = connect(psycopg.conninfo.make_conninfo("", **params), application_name=APPLICATION,
                       autocommit=True)
        try:
            conn.execute(f"LISTEN {CHANNEL}")
            missed: list[Notice] = []
            if self.point is None:
                self.point = int(one(conn.execute("SELECT change_point()"))[0])
            else:
                missed = self._catch_up(conn)
        except psycopg.Error:
            conn.close()
            raise
        if self._opened:
            self.reconnects += 1
        self._opened = True
        self.conn = conn
        self.error = None
        self._failures = 0
        return missed

    def _catch_up(self, conn: PgConnection) -> list[Notice]:
        rows = conn.execute("SELECT * FROM changes_since(%s, %s)",
                            (self.point, CATCH_UP_MOST + 1)).fetchall()
        self.caught_up += len(rows)
        if len(rows) > CATCH_UP_MOST:
            self.point = int(one(conn.execute("SELECT change_point()"))[0])
            return [EVERYTHING]
        out = [Notice(entity, action, entity_id, session_id, patient_id, audit_id)
               for audit_id, action, entity, entity_id, session_id, patient_id in rows]
        if rows:
            self.point = max(self.point or 0, rows[-1][0])
        # Settings and holds are not in the trail: whatever moved while away is read again.
        return [*out, ALL_SETTINGS, ALL_HOLDS]

    def wait(self, timeout: float) -> list[Notice]:
        """What was heard within ``timeout`` seconds (returns early when something arrives).
        Reconnects when the connection is gone (and reads back what it missed); while the
        server cannot be reached, ``error`` holds the sentence and nothing is returned."""
        conn = self.conn
        if conn is None or conn.closed:
            return self._reconnect(timeout)
        import psycopg  # installed: the connection is psycopg's

        heard: list[Notify] = []
        try:
            # Never leave the generator early: the rest of a packet would be lost with it.
            heard.extend(conn.notifies(timeout=timeout, stop_after=1))
            if heard:  # whatever else arrived with it, without waiting
                heard.extend(conn.notifies(timeout=0.0))
        except psycopg.OperationalError:
            self._lost()
            return self._reconnect(0.0)
        own = self.own_pids() if heard else set()
        out: list[Notice] = []
        for note in heard:
            notice = parse(note.payload)
            if notice is None:
                continue
            if notice.audit_id is not None:
                if self.point is not None and notice.audit_id <= self.point:
                    continue  # read back already
                self.point = notice.audit_id
            if note.pid in own:
                continue
            out.append(notice)
        return out

    def _lost(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:  # noqa: BLE001 - a broken connection closes as it can
                pass
        self.conn = None
        self._next_try = 0.0

    def _reconnect(self, timeout: float) -> list[Notice]:
        now = self.clock()
        if now < self._next_try:
            time.sleep(min(timeout, self._next_try - now))
            if self.clock() < self._next_try:
                return []
        require_psycopg()
        import psycopg

        try:
            return self.open()
        except (ServerError, psycopg.OperationalError) as exc:
            self.error = exc.message if isinstance(exc, ServerError) else sentence(
                "ServerListen", QT_TRANSLATE_NOOP(
                    "ServerListen", "The connection to the clinic server was lost; "
                    "reconnecting."))
            self._next_try = self.clock() + RETRY_S[min(self._failures, len(RETRY_S) - 1)]
            self._failures += 1
            return []

    def backend_pid(self) -> int | None:
        conn = self.conn
        return conn.info.backend_pid if conn is not None and not conn.closed else None

    def close(self) -> None:
        self._lost()
