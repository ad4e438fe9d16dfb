"""Updates guarded by the row's version, on the clinic server (server schema 3).

On the server every row a room updates carries a ``version`` that the server counts (1 when
made, one more at each update; store/postgres/sql/v3_live.sql). A unit of work reads the
version of the row it is about to change *before* it reads the row, and its UPDATE carries
``AND version = ?``: when another room committed a change of that row in the meantime, no row
is updated and the write is refused with a sentence (`StaleRowError`, a ConflictError), so one
room never silently overwrites another's change. Not ``xmin``: a version survives a dump and
restore.

An SQLite file has no versions (one computer, BEGIN IMMEDIATE serializes every write, and the
editors' ``expected`` values guard against another window): there ``read`` gives None and
nothing is added to the update.
"""

from __future__ import annotations

from typing import Any

from imsmap.domain.errors import ConflictError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.dialect import dialect_of

# The tables whose rows the services update, and what the sentence calls one of them.
_SAID = {
    "patients": QT_TRANSLATE_NOOP(
        "Store", "This patient was changed in another room; your change was not saved, and "
        "the patient is shown again as it is now."),
    "sessions": QT_TRANSLATE_NOOP(
        "Store", "This session was changed in another room; your change was not saved, and "
        "the session is shown again as it is now."),
    "sites": QT_TRANSLATE_NOOP(
        "Store", "This site was changed in another room; your change was not saved, and the "
        "site is shown again as it is now."),
    "findings": QT_TRANSLATE_NOOP(
        "Store", "This finding was changed in another room; your change was not saved, and "
        "the session is shown again as it is now."),
    "adverse_events": QT_TRANSLATE_NOOP(
        "Store", "This adverse event was changed in another room; your change was not saved, "
        "and the session is shown again as it is now."),
}


class StaleRowError(ConflictError):
    """The row was changed by another room after this unit of work read it."""

    def __init__(self, table: str, row_id: int):
        super().__init__(sentence("Store", _SAID[table]), ("version",))
        self.table, self.row_id = table, row_id


def versioned(conn: object) -> bool:
    """True on the clinic server (its rows carry versions)."""
    return dialect_of(conn).name == "postgresql"


def read(conn: Any, table: str, row_id: int) -> int | None:
    """The row's version now (before the unit of work reads the row itself); None on an
    SQLite file, or when there is no such row (the reader that follows says so)."""
    if table not in _SAID:
        raise ValueError(f"{table!r} is not updated by version")
    if not versioned(conn):
        return None
    row = conn.execute(f"SELECT version FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return None if row is None else int(row[0])


def where(version: int | None) -> tuple[str, tuple[int, ...]]:
    """The clause and parameter an UPDATE ... WHERE id = ? adds for ``version``."""
    return ("", ()) if version is None else (" AND version = ?", (version,))


def check(cursor: Any, table: str, row_id: int, version: int | None) -> None:
    """After a guarded UPDATE: StaleRowError when it found the row at another version."""
    if version is not None and cursor.rowcount == 0:
        raise StaleRowError(table, row_id)
