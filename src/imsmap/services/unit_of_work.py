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

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum

from imsmap.domain.errors import ReadOnlyError
from imsmap.domain.models import Session
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.domain.values import AuditChanges
from imsmap.services.changes import Change, ChangeBus
from imsmap.store import audit
from imsmap.store.db import Database
from imsmap.store.repository import Repository


class UnitOfWork:
    """What a write may use while its transaction is open."""

    def __init__(self, store: Repository, connection: sqlite3.Connection, actor: str,
                 stamp: Callable[[], str], room: str | None = None):
        self.store = store  # the rows (store.repository): where the SQL lives
        self.connection = connection  # for the store's own helpers (audit, import trail)
        self.actor = actor
        # On a clinic server, the room this window holds sessions in (services.room_hold): a
        # draft another room holds is not changed from here.
        self.room = room
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
                session.signed_by or "?", f"{session.signed_at:%Y-%m-%d %H:%M}"))
        mark = self.store.retraction(session_id) if session.is_withdrawn else None
        if mark is not None:
            # Withdrawn in another window or room since this one read it: refused, and said.
            raise ReadOnlyError(sentence("Records", QT_TRANSLATE_NOOP(
                "Records", "This draft was withdrawn by %1 on %2 (reason: %3) and is locked: "
                "nothing more is written to it, and nothing was changed here."),
                mark.created_by, f"{mark.created_at:%Y-%m-%d %H:%M}", mark.reason))
        if self.room is not None:
            holder = self.store.session_held_elsewhere(session_id, self.room)
            if holder is not None:
                raise ReadOnlyError(sentence("Records", QT_TRANSLATE_NOOP(
                    "Records", "%1 has this session open in %2, so nothing was changed here; "
                    "it can be edited once it is free or taken over."), *holder))
        return session

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
                 stamp: Callable[[], str], room: str | None = None) -> Iterator[UnitOfWork]:
    """BEGIN IMMEDIATE ... COMMIT around the block, then publish what it announced."""
    with db.transaction() as conn:
        work = UnitOfWork(store, conn, actor, stamp, room)
        yield work
    for change in work.changes:
        bus.publish(change)
