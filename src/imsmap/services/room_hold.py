"""This room's hold on the session it has open, on the clinic server (store.postgres.holds).

A room edits a session only while it holds it. Opening a session asks for the hold: either the
room gets it, or it learns who holds it and in which room, and shows the session read-only.
The hold is the connection's it was asked on: the window asks on its own connection, the one
it writes through (`OnConnection`), so the hold ends when that connection ends, however the
room's imsmap ends. The hold is renewed by a heartbeat (`beat`, every HEARTBEAT_S); a room that
learns its hold was taken over stops editing. Nothing here but the person's take-over waits for
a lock another transaction holds (a psql left open, a client stuck): the heartbeat and the looks
not at all, the open briefly (store.postgres.holds): a heartbeat refused so is missed, harmless
until the hold would lapse (HOLD_EXPIRY_S), and an open refused so is ``busy`` until a look
gets an answer. When the holder lets go (its connection ended,
or its heartbeat lapsed), a waiting room gets the session the next time it asks (`refresh`, on
the hold's notification, and every few seconds while it waits). Taking a session over is the
person's deliberate act, recorded in the audit trail by the server.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Concatenate, ParamSpec, Protocol, TypeVar

from imsmap.domain.errors import UserFacingError
from imsmap.store.postgres import holds
from imsmap.store.postgres.connection import require_psycopg
from imsmap.store.postgres.faults import RETRY_RECONNECT, classify, error_for
from imsmap.store.postgres.holds import HEARTBEAT_S, HOLD_EXPIRY_S, Hold, check_room
from imsmap.store.postgres.reconnect import unreachable

if TYPE_CHECKING:
    from imsmap.store.postgres.connection import PgConnection
    from imsmap.store.postgres.database import ServerConnection

__all__ = ["HEARTBEAT_S", "HOLD_EXPIRY_S", "Hold", "Link", "OnConnection", "RoomHold"]
T = TypeVar("T")
P = ParamSpec("P")


class Link(Protocol):
    """Where a room's hold calls go: a connection (made again when it was lost), and word
    that it was found lost (store.postgres.faults.Connector is one)."""

    def connection(self) -> PgConnection: ...

    def drop(self) -> None: ...

    @property
    def reconnecting(self) -> bool:
        """Found lost and being made again elsewhere (the window's own connection)."""
        ...


class OnConnection:
    """The hold's calls on the window's own connection, the one it writes through: the hold
    ends when that connection ends, and while it is being made again (elsewhere, in the
    window: store.postgres.database) a call is refused at once with a sentence."""

    def __init__(self, conn: ServerConnection):
        self.conn = conn

    def connection(self) -> PgConnection:
        return self.conn.current()

    def drop(self) -> None:
        self.conn.found_lost()

    @property
    def reconnecting(self) -> bool:
        return self.conn.reconnecting


class RoomHold:
    """The hold of one room (one window) on the session it shows."""

    def __init__(self, connector: Link, room: str):
        self.connector = connector
        self.room = check_room(room)
        self.session_id: int | None = None
        self.current: Hold | None = None
        # The last ask was met by a lock another transaction held: who holds the session is
        # not known (current None as a session opens), and the room looks again.
        self.busy = False
        self.renewed_at = time.monotonic()  # when this room's hold was last taken or renewed
        self.missed = 0  # heartbeats in a row not renewed because a lock was in the way
        # This room's hold ended with the connection it was held on (the room hung inside a
        # write longer than the server allows, or its connection was lost), and another room
        # has the session now: nobody took it over from this room (``ended``).
        self.ended = False
        self._held_on: object | None = None  # the connection this room's hold is on
        self.held_pid: int | None = None  # that connection's server process
        self._asked_on: object | None = None  # the connection of the last call

    @property
    def editable(self) -> bool:
        return self.current is not None and self.current.mine

    def _call(self, fn: Callable[Concatenate[PgConnection, P], T], *args: P.args,
              **kwargs: P.kwargs) -> T:
        """One call to the server; what it refused, or a lost connection, as a sentence."""
        require_psycopg()
        import psycopg

        try:
            conn = self.connector.connection()
            self._asked_on = conn
            return fn(conn, *args, **kwargs)
        except psycopg.Error as exc:
            if classify(exc) in RETRY_RECONNECT:
                self.connector.drop()  # made again at the next call, or elsewhere
                if self.connector.reconnecting:
                    # The window's own sentence: it is connecting again by itself. A look of
                    # the banner's (every second while another room holds the session) was
                    # the first to meet a stopped server and said "what was not saved was
                    # not kept ... Check the network and try again" to a room that had
                    # typed nothing (walk of 7 December).
                    raise unreachable() from None
            error = error_for(exc)
            if error is None:
                raise
            raise error from None

    def open(self, session_id: int | None) -> Hold | None:
        """Show ``session_id`` (None: none): the hold on the one shown before is let go. Until
        the server has answered (a sentence when it cannot), this room holds nothing. Behind
        a lock that lasts (holds.open_hold) the answer is None and ``busy``: who holds the
        session is not known yet, and the room looks again (``look``)."""
        previous = self.session_id if self.editable else None
        self.session_id = session_id
        self.current = None
        self.busy = False
        self.missed = 0
        self.ended = False
        self._held_on = None
        if previous is not None and previous != session_id:
            try:
                self._call(holds.let_go, previous, self.room)  # briefly: see holds.let_go
            except UserFacingError:
                pass  # the connection is gone, and the hold with it (holds.py)
        if session_id is not None:
            self._learn(holds.open_hold, session_id)
        return self.current

    def _learn(self, ask: Callable[[PgConnection, int, str], Hold | None],
               session_id: int) -> None:
        """Ask who holds the session without waiting long for a lock: an answer is the hold
        as it stands (renewed now when it is this room's); None (a lock in the way) keeps
        what this room knew, and says that it asked and was not answered (``busy``)."""
        asked = time.monotonic()
        was_mine = self.editable or self._held_on is not None
        seen = self._call(ask, session_id, self.room)
        self.busy = seen is None
        if seen is not None:
            self._seen(seen, was_mine)
            if seen.mine:
                self.renewed_at, self.missed = asked, 0

    def _seen(self, seen: Hold, was_mine: bool) -> None:
        """The hold as the server answered: this room's (on the connection asked), or another
        room's, which got it when this room's hold ended with its connection (``ended``) if
        this room held it on a connection that is no longer the one it asks on and the other
        room did not take it over (a hold kept after a restart is taken over: the audit trail
        says so)."""
        self.current = seen
        if seen.mine:
            self._held_on, self.ended = self._asked_on, False
            info = getattr(self._asked_on, "info", None)
            self.held_pid = None if info is None else info.backend_pid
            return
        if was_mine and self._held_on is not None:
            self.ended = self._held_on is not self._asked_on and not self._call(
                holds.taken_over, seen.session_id, seen.since)
        self._held_on = None

    def refresh(self) -> Hold | None:
        """Ask again (the hold moved, or it may be free now), without waiting for a lock: a
        notification or the connection coming back asks it, nobody's gesture."""
        if self.session_id is None:
            return None
        self._learn(holds.look, self.session_id)
        return self.current

    def look(self) -> Hold | None:
        """Ask again, without waiting for a lock (the waiting room's look, every second): a
        look refused at once because another transaction holds the hold's row is the hold as
        this room last knew it (still held, or not known yet: ``busy``); the next look asks
        again."""
        return self.refresh()

    def beat(self) -> Hold | None:
        """Renew this room's hold; when it is no longer this room's, who holds it now. A
        heartbeat behind a lock is not renewed this time (``missed`` counts them), without
        waiting: the hold lives HOLD_EXPIRY_S after its last renewal (``unrenewed_s``)."""
        if self.session_id is None or not self.editable:
            return self.current
        asked = time.monotonic()
        renewed = self._call(holds.renew, self.session_id, self.room)
        if renewed is None:
            self.missed += 1
        elif renewed:
            self.renewed_at, self.missed = asked, 0
        else:  # no longer this room's: who holds it now (not known yet behind a lock)
            self.current = None
            self.missed = 0
            self.refresh()  # ``ended`` if it ended with the connection it was held on
        return self.current

    def unrenewed_s(self) -> float:
        """Seconds since this room's hold was last renewed (counted from just before it was
        asked, so never fewer than the server counts)."""
        return time.monotonic() - self.renewed_at

    def take_over(self) -> Hold | None:
        if self.session_id is None:
            return None
        self._seen(self._call(holds.take_over, self.session_id, self.room), False)
        return self.current

    def release(self) -> None:
        if self.session_id is not None and self.editable:
            self._call(holds.release, self.session_id, self.room)
        self.current = None
        self._held_on = None

    def close(self) -> None:
        """Let go of the session for good (the window closes): nothing is asked again. It
        waits for a lock briefly (holds.let_go): behind one that lasts the hold is not let go
        here, and ends with the window's connection, which closes next (it waited 3 s, then
        closed all the same)."""
        try:
            if self.session_id is not None and self.editable:
                self._call(holds.let_go, self.session_id, self.room)
        finally:
            self.current = None
            self._held_on = None
            self.session_id = None
