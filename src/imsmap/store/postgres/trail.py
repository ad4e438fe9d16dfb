"""The audit trail as the record services use it on the clinic server (store/audit.py hands over
to these when its connection is the server's: store.audit.server_trail).

On the server the triggers (sql/v1_rules.sql) number each entry, time it, name its author (the
login) and link it; the client gives only what happened. So ``append`` inserts the entry without
those and reads back its number; the chain is never computed twice. ``rows`` gives the entries in
the form store.audit.rows gives a file's, so signatures, conflicts, the audit view and the check
read both backends with the same code.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

from imsmap.store.audit import changes_text
from imsmap.store.postgres import chain

if TYPE_CHECKING:
    import psycopg
    from psycopg.rows import TupleRow

    from imsmap.store.postgres.connection import PgConnection


class ServerConnection(Protocol):
    """What the trail asks of the record services' connection to the server
    (store.postgres.database.ServerConnection, which carries this module as its ``trail``)."""

    pg: PgConnection

    def execute(self, sql: str, params: Sequence[object] = ..., /
                ) -> psycopg.Cursor[TupleRow]: ...
    def snapshot(self) -> AbstractContextManager[None]: ...

_COLUMNS = ("id, at, at_text, actor, action, entity, entity_id, session_id, changes, digest,"
            " hash")


def append(conn: ServerConnection, *, action: str, entity: str, entity_id: int | None, session_id: int | None,
           changes: dict[str, Any] | bytes) -> int:
    """Add one entry in the caller's transaction; the server writes its number, time, author
    and link. Returns its number."""
    digest, text = (bytes(changes), None) if isinstance(changes, (bytes, bytearray)) else \
        (None, changes_text(changes))
    row = conn.execute(
        "INSERT INTO audit (action, entity, entity_id, session_id, changes, digest)"
        " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        (action, entity, entity_id, session_id, text, digest)).fetchone()
    if row is None:
        raise RuntimeError("the server returned no id for the audit entry it inserted")
    return int(row[0])


def head(conn: ServerConnection) -> tuple[int, bytes]:
    return chain.head(conn.pg)


def link_at(conn: ServerConnection, entry_id: int) -> bytes | None:
    """The server stores every entry's link."""
    row = conn.execute("SELECT hash FROM audit WHERE id = ?", (entry_id,)).fetchone()
    return None if row is None else bytes(row[0])


def rows(conn: ServerConnection, where: str = "", params: tuple[object, ...] = ()
         ) -> Iterator[chain.ServerAuditRow]:
    """(id, at, actor, action, entity, entity_id, session_id, changes, link) in id order;
    ``where`` as written for store.audit.rows (with ? placeholders)."""
    cur = conn.execute(f"SELECT {_COLUMNS} FROM audit {where} ORDER BY id", params)
    for r in cur:
        yield chain.audit_row(r)


def verify_chain(conn: ServerConnection) -> list[str]:
    """The chain verified with store/audit.py's rules, in one snapshot."""
    with conn.snapshot():
        return chain.verify_chain(conn.pg)
