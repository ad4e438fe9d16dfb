"""Updates guarded by the row's version (server schema 3, sql/v3_live.sql).

Every row a client updates carries a ``version`` that the server counts: 1 when inserted, one
more at each update (a trigger; a client never writes it). A room updates what it read:

    UPDATE sites SET ... WHERE id = $1 AND version = $2 RETURNING version

No row means another room changed it since it was read: `VersionConflict`, a sentence, and
nothing is written; the room reads the row again and the person decides. Not ``xmin``: a
version survives a dump and restore, a VACUUM FULL and a migrate, and means "changed by a
person" only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from imsmap.domain.errors import ConflictError, NotFoundError, ReadOnlyError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.postgres.connection import require_psycopg

if TYPE_CHECKING:
    from imsmap.store.postgres.connection import PgConnection

# Tables whose rows carry a version, and the column that names a row.
VERSIONED = {"practitioners": "id", "patients": "id", "sessions": "id", "sites": "id",
             "findings": "id", "adverse_events": "id", "protocols": "id",
             "protocol_sites": "id", "photos": "id", "settings": "key"}
_WHAT = {table: sentence("ServerVersions", what) for table, what in (
    ("practitioners", QT_TRANSLATE_NOOP("ServerVersions", "practitioner")),
    ("patients", QT_TRANSLATE_NOOP("ServerVersions", "patient")),
    ("sessions", QT_TRANSLATE_NOOP("ServerVersions", "session")),
    ("sites", QT_TRANSLATE_NOOP("ServerVersions", "site")),
    ("findings", QT_TRANSLATE_NOOP("ServerVersions", "finding")),
    ("adverse_events", QT_TRANSLATE_NOOP("ServerVersions", "adverse event")),
    ("protocols", QT_TRANSLATE_NOOP("ServerVersions", "protocol")),
    ("protocol_sites", QT_TRANSLATE_NOOP("ServerVersions", "protocol site")),
    ("photos", QT_TRANSLATE_NOOP("ServerVersions", "photo")),
    ("settings", QT_TRANSLATE_NOOP("ServerVersions", "setting")))}
# The server's SQLSTATE for an update that wrote a version other than the row's own.
STALE_VERSION = "23V01"


class VersionConflict(ConflictError):
    """The row was changed by someone else (another room) after it was read."""

    def __init__(self, table: str, key: object, expected: int, current: int):
        self.table, self.key, self.expected, self.current = table, key, expected, current
        super().__init__(sentence("ServerVersions", QT_TRANSLATE_NOOP(
            "ServerVersions", "This %1 was changed in another room while you had it open, so "
            "your change was not saved and theirs was kept; it has been read again: make your "
            "change again if it is still needed."), _WHAT[table]))


def _table(table: str) -> str:
    if table not in VERSIONED:
        raise ValueError(f"{table!r} carries no version")
    return VERSIONED[table]


def version_of(conn: PgConnection, table: str, key: object) -> int:
    """The row's version now; NotFoundError when there is no such row."""
    require_psycopg()
    from psycopg import sql

    row = conn.execute(sql.SQL("SELECT version FROM {} WHERE {} = %s").format(
        sql.Identifier(table), sql.Identifier(_table(table))), (key,)).fetchone()
    if row is None:
        raise NotFoundError(sentence("ServerVersions", QT_TRANSLATE_NOOP(
            "ServerVersions", "There is no %1 %2 on the server."), _WHAT[table], str(key)))
    return int(row[0])


def guarded_update(conn: PgConnection, table: str, key: object, version: int,
                   values: Mapping[str, object]) -> int:
    """Write ``values`` into the row if it is still at ``version``; its new version. In the
    caller's transaction (a unit of work): VersionConflict, and nothing written, when the row
    has moved on; NotFoundError when there is no such row (or none this login may see);
    ReadOnlyError when a row-level policy keeps this login from changing it."""
    if not values:
        raise ValueError("an update changes at least one column")
    if "version" in values:
        raise ValueError("the server counts the version; do not write it")
    require_psycopg()
    from psycopg import sql

    column = _table(table)
    statement = sql.SQL("UPDATE {} SET {} WHERE {} = %s AND version = %s RETURNING version"
                        ).format(sql.Identifier(table),
                                 sql.SQL(", ").join(sql.SQL("{} = %s").format(sql.Identifier(c))
                                                    for c in values),
                                 sql.Identifier(column))
    row = conn.execute(statement, (*values.values(), key, version)).fetchone()
    if row is not None:
        return int(row[0])
    current = version_of(conn, table, key)
    if current == version:  # seen, at that version, yet not updated: a row-level policy
        raise ReadOnlyError(sentence("ServerVersions", QT_TRANSLATE_NOOP(
            "ServerVersions", "The server does not let your login change this %1; nothing was "
            "changed."), _WHAT[table]))
    raise VersionConflict(table, key, version, current)


def is_stale_version(exc: BaseException) -> bool:
    """The server refused an update that wrote a stale version (by SQLSTATE)."""
    return getattr(exc, "sqlstate", None) == STALE_VERSION
