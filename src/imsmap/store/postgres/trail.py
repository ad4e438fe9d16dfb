"""The audit trail as the record services use it on the clinic server (store/audit.py hands over
to these when its connection is the server's: store.audit.server_trail).

On the server the triggers (sql/v1_rules.sql) number each entry, time it, name its author (the
login) and link it; the client gives only what happened. So ``append`` inserts the entry without
those and reads back its number; the chain is never computed twice. ``rows`` gives the entries in
the form store.audit.rows gives a file's, so signatures, conflicts, the audit view and the check
read both backends with the same code.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from imsmap.store.audit import changes_text
from imsmap.store.postgres import chain

_COLUMNS = ("id, at, at_text, actor, action, entity, entity_id, session_id, changes, digest,"
            " hash")


def append(conn, *, action: str, entity: str, entity_id: int | None, session_id: int | None,
           changes: dict[str, Any] | bytes) -> int:
    """Add one entry in the caller's transaction; the server writes its number, time, author
    and link. Returns its number."""
    digest = bytes(changes) if isinstance(changes, (bytes, bytearray)) else None
    text = None if digest is not None else changes_text(changes)  # type: ignore[arg-type]
    row = conn.execute(
        "INSERT INTO audit (action, entity, entity_id, session_id, changes, digest)"
        " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        (action, entity, entity_id, session_id, text, digest)).fetchone()
    return int(row[0])


def head(conn) -> tuple[int, bytes]:
    return chain.head(conn.pg)


def link_at(conn, entry_id: int) -> bytes | None:
    """The server stores every entry's link."""
    row = conn.execute("SELECT hash FROM audit WHERE id = ?", (entry_id,)).fetchone()
    return None if row is None else bytes(row[0])


def rows(conn, where: str = "", params: tuple = ()) -> Iterator[tuple]:
    """(id, at, actor, action, entity, entity_id, session_id, changes, link) in id order;
    ``where`` as written for store.audit.rows (with ? placeholders)."""
    cur = conn.execute(f"SELECT {_COLUMNS} FROM audit {where} ORDER BY id", params)
    for r in cur:
        yield (r[0], r[1] if r[1] is not None else r[2], r[3], r[4], r[5], r[6], r[7],
               r[8] if r[8] is not None else bytes(r[9]), bytes(r[10]))


def verify_chain(conn) -> list[str]:
    """The chain verified with store/audit.py's rules, in one snapshot."""
    with conn.snapshot():
        return chain.verify_chain(conn.pg)
