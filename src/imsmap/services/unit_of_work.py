"""One write to the record: one transaction, its time stamp, its audit entries, and the changes
it announces once it has committed.

Every write of the services goes through `Records.write()`:

    with records.write() as work:
        session = work.draft(session_id)          # refuses a signed session
        site_id = work.store.insert_site(values, work.at, work.actor)
        work.audit(Action.CREATE, Entity.SITE, site_id, session_id, digest)
        work.changed(Change(Action.CREATE, Entity.SITE, site_id, session_id=session_id))

Nothing is announced when the transaction rolls back; what was announced is published on the
change bus (services.changes) after COMMIT, in the order it was announced.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum

from imsmap.domain.errors import ReadOnlyError
from imsmap.domain.local_time import local_time
from imsmap.domain.models import Session
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.domain.values import AuditChanges
from imsmap.services.changes import Change, ChangeBus
from imsmap.store import audit
from imsmap.store.db import Database
from imsmap.store.file_holds import FileHolds, HoldsUnavailable
from imsmap.store.repository import Repository

log = logging.getLogger(__name__)


class UnitOfWork:
    """What a write may use while its transaction is open."""

    def __init__(self, store: Repository, connection: sqlite3.Connection, actor: str,
                 stamp: Callable[[], str], room: str | None = None,
                 file_holds: FileHolds | None = None,
                 held_here: Callable[[int], int | None] | None = None):
        self.store = store  # the rows (store.repository): where the SQL lives
        self.connection = connection  # for the store's own helpers (audit, import trail)
        self.actor = actor
        # On a clinic server, the room this window holds sessions in (services.room_hold): a
        # draft another room holds is not changed from here.
        self.room = room
        # Whether this room believes it holds a draft (its RoomHold: services.queries), on
        # which connection: the write then checks that the server agrees, and takes the hold
        # again or refuses.
        self.held_here = held_here
        # On a single-PC file, the drafts this window holds (store.file_holds): a draft
        # another window or command holds is not changed from here either. One this write
        # touches and nobody holds is held until the write ends (`let_go`).
        self.file_holds = file_holds
        self._held_for_write: list[int] = []
        self._stamp = stamp
        self._at: str | None = None
        self.changes: list[Change] = []

    @property
    def at(self) -> str:
        """The write's time (as stored), read from the clock once per unit of work."""
        if self._at is None:
            self._at = self._stamp()
        return self._at

    def draft(self, session_id: int, *, lock: bool = False) -> Session:
        """The session, if it is still a draft; ReadOnlyError (one sentence) if it is signed,
        or, on a clinic server, while another room holds it (services.room_hold). ``lock``:
        on the server, no other room writes to the session until this unit of work ends."""
        if lock:
            self.store.lock_session(session_id)
        session = self.store.session(session_id)
        if session.is_signed:
            raise ReadOnlyError(sentence("Records", QT_TRANSLATE_NOOP(
                "Records", "This session was signed by %1 on %2 and is locked, so nothing "
                "was changed here; a correction is added as an amendment."),
                session.signed_by or "?",
                f"{local_time(session.signed_at):%Y-%m-%d %H:%M}" if session.signed_at else "?"))
        mark = self.store.retraction(session_id) if session.is_withdrawn else None
        if mark is not None:
            # Withdrawn in another window or room since this one read it: refused, and said.
            raise ReadOnlyError(sentence("Records", QT_TRANSLATE_NOOP(
                "Records", "This draft was withdrawn by %1 on %2 (reason: %3) and is locked: "
                "nothing more is written to it, and nothing was changed here."),
                mark.created_by, f"{local_time(mark.created_at):%Y-%m-%d %H:%M}", mark.reason))
        held_on = None if self.held_here is None else self.held_here(session_id)
        if self.room is not None and held_on is not None:
            # This room believes it holds the draft: the server must agree, inside this write.
            # A hold that ended with this room's connection (it hung inside a write, or its
            # connection was lost) is taken again when nobody else has it; when another room
            # has it now, nothing is written: the room never writes a draft it no longer holds.
            other = self.store.session_held_here(session_id, self.room)
            if other is not None and other[2] == held_on:  # taken over from this connection
                raise ReadOnlyError(sentence("Records", QT_TRANSLATE_NOOP(
                    "Records", "%1 has this session open in %2, so nothing was changed here; "
                    "it can be edited once it is free or taken over."), other[0], other[1]))
            if other is not None:
                raise ReadOnlyError(sentence("Records", QT_TRANSLATE_NOOP(
                    "Records", "This room's hold on this session ended with its connection to "
                    "the clinic server (imsmap stopped answering, or the connection was lost), "
                    "and %1 has opened it in %2 since, so nothing was changed here. What was "
                    "saved here before is kept; it can be edited here once it is free or "
                    "taken over."), other[0], other[1]))
            return session
        holder = self.held_elsewhere(session_id)
        if holder is not None:
            login, where, on_file = holder
            if on_file:
                raise ReadOnlyError(sentence("Records", QT_TRANSLATE_NOOP(
                    "Records", "%1 has this session open in another imsmap window (%2), so "
                    "nothing was changed here; it can be edited once it is closed there."),
                    login, where))
            raise ReadOnlyError(sentence("Records", QT_TRANSLATE_NOOP(
                "Records", "%1 has this session open in %2, so nothing was changed here; "
                "it can be edited once it is free or taken over."), login, where))
        return session

    def held_elsewhere(self, session_id: int, *, any_room: bool = False
                       ) -> tuple[str, str, bool] | None:
        """Who holds the draft elsewhere, asked inside this write: (login, room, False) for
        another room of a clinic server, (login, user@computer, True) for another window or
        command on a file; None when nobody else does. On a file the draft is then held by
        this write until it ends, so no window takes it meanwhile; where the holds folder
        cannot be written the write goes on without (the window said so). ``any_room``: on
        a server, any room's hold, even where this window holds none (a merge)."""
        holds = self.file_holds
        if holds is None:  # a clinic server (a read-only file writes nothing)
            if self.room is None and not any_room:
                return None
            room = self.store.session_held_elsewhere(session_id, self.room or "")
            return None if room is None else (room[0], room[1], False)
        if holds.holds(session_id):
            return None
        try:
            holder = holds.take(session_id)
        except HoldsUnavailable as exc:
            log.warning("write without holds: %s", exc)
            return None
        if holder is not None:
            return holder.login, holder.where, True
        self._held_for_write.append(session_id)
        return None

    def let_go(self) -> None:
        """Let go of the drafts held for this write only (it has ended)."""
        while self._held_for_write and self.file_holds is not None:
            self.file_holds.release(self._held_for_write.pop())

    def version(self, table: str, row_id: int) -> int | None:
        """The row's version on a clinic server, read before the row itself; the update
        passes it on (store.row_versions). None on an SQLite file."""
        return self.store.row_version(table, row_id)

    def audit(self, action: Enum | str, entity: Enum | str, entity_id: int | None,
              session_id: int | None, changes: AuditChanges | bytes) -> int:
        """Append one audit entry for what this write did (at its time, by its actor)."""
        return audit.append(self.connection, at=self.at, actor=self.actor,
                            action=_word(action), entity=_word(entity), entity_id=entity_id,
                            session_id=session_id, changes=changes)

    def changed(self, change: Change) -> None:
        """Announce `change` on the bus once the transaction has committed."""
        self.changes.append(change)


def _word(value: Enum | str) -> str:
    return value.value if isinstance(value, Enum) else value


@contextmanager
def unit_of_work(db: Database, store: Repository, bus: ChangeBus, actor: str,
                 stamp: Callable[[], str], room: str | None = None,
                 file_holds: FileHolds | None = None,
                 held_here: Callable[[int], int | None] | None = None
                 ) -> Iterator[UnitOfWork]:
    """BEGIN IMMEDIATE ... COMMIT around the block, then publish what it announced."""
    work: UnitOfWork | None = None
    try:
        with db.transaction() as conn:
            work = UnitOfWork(store, conn, actor, stamp, room, file_holds, held_here)
            yield work
    finally:
        if work is not None:
            work.let_go()  # after COMMIT or ROLLBACK: nothing of it is half-written then
    for change in work.changes:
        bus.publish(change)
