"""Moving a single-PC clinic onto the server (`imsmap server migrate`): all or nothing.

The SQLite file is only read (opened read-only; its bytes do not change). Everything is copied
in one server transaction, as the owner of the tables, with the triggers on: sessions come in as
drafts, their sites, findings, adverse events and photos (with their bytes) follow, then each
signed session is signed again with the signature it carries (the same hash, signer and time)
and its amendments and withdrawal or entered-in-error marks come in; the audit trail is appended
entry by entry, the server checking that each one links to the one before it exactly as the
file's chain does. Before the transaction commits, every table is compared with the file row for
row, the server's chain is verified with store/audit.py's rules and must end in the same link as
the file's, and every signature must match the entry that recorded it. One difference, a lost
connection or an interruption, and the server keeps nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from imsmap.domain.text import QT_TRANSLATE_NOOP, quoted, sentence
from imsmap.store import audit as sqlite_audit
from imsmap.store import chart_digits, name_order, name_parts
from imsmap.store.migrations import SCHEMA_VERSION as SQLITE_SCHEMA_VERSION
from imsmap.store.postgres import chain
from imsmap.store.postgres.connection import (
    OWNER,
    SCHEMA,
    ServerError,
    connect,
    one,
    require_psycopg,
    statement_error,
    where,
)
from imsmap.store.postgres.schema import require_current

if TYPE_CHECKING:
    from imsmap.store.postgres.connection import PgConnection

# The file's tables in the order they are copied (each refers only to those before it).
TABLES = ("terms", "practitioners", "settings", "patients", "patient_merges", "protocols",
          "protocol_sites",
          "sessions", "sites", "findings", "adverse_events", "photos", "photo_blobs",
          "amendments", "site_corrections", "retractions", "audit", "imported_audit")
_SIGNATURE = ("status", "signed_at", "signed_by", "content_hash")
_AUDIT_PG = ("id", "at", "at_text", "actor", "action", "entity", "entity_id", "session_id",
             "changes", "digest", "hash")
FETCH_ROWS = 5000
# One row of a table as both sides read it: the column values in the table's column order.
Values = tuple[object, ...]


class MigrateError(ServerError):
    """The clinic was not moved; the server keeps nothing of it."""


@dataclass
class Moved:
    """What a migration copied and checked."""

    counts: dict[str, int] = field(default_factory=dict)
    audit_entries: int = 0
    chain_link: str = ""  # the newest entry's link in hex, the same on the file and the server
    signed_sessions: int = 0


def migrate(file_conn: sqlite3.Connection, file_name: str, dsn: str) -> Moved:
    """Copy the open (read-only) file's records onto an initialised, empty server."""
    require_psycopg()
    import psycopg

    version = file_conn.execute("PRAGMA user_version").fetchone()[0]
    if version != SQLITE_SCHEMA_VERSION:
        raise MigrateError(sentence("ServerTransfer", QT_TRANSLATE_NOOP(
            "ServerTransfer", "%1 has database schema %2; this imsmap moves schema %3. Open it "
            "once in this imsmap (it is upgraded in place, every record kept), then migrate. "
            "Nothing was moved."), file_name, version, SQLITE_SCHEMA_VERSION))
    conn = connect(dsn, application_name="imsmap server migrate")
    place = where(dsn)
    try:
        require_current(conn, place)
        try:
            with conn.transaction():
                conn.execute(f"SET LOCAL ROLE {OWNER}")
                conn.execute(f"SET LOCAL search_path TO {SCHEMA}, pg_catalog")
                conn.execute("SET LOCAL imsmap.copying = 'on'")
                if not one(conn.execute("SELECT copying()"))[0]:
                    raise MigrateError(sentence("ServerTransfer", QT_TRANSLATE_NOOP(
                        "ServerTransfer", "The login used here is not the owner of the "
                        "clinic's tables on the %1; run migrate as the server's superuser. "
                        "Nothing was moved."), place))
                _refuse_unless_empty(conn, place)
                moved = _copy(conn, file_conn)
                _verify(conn, file_conn, file_name, moved)
        except psycopg.Error as exc:
            error = statement_error(exc)
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if isinstance(exc, psycopg.OperationalError) or error is None:
                raise MigrateError(sentence("ServerTransfer", QT_TRANSLATE_NOOP(
                    "ServerTransfer", "Moving %1 onto the %2 stopped (%3); the server keeps "
                    "nothing of it and the file is unchanged. Fix the cause and run migrate "
                    "again."), file_name, place, detail)) from None
            raise MigrateError(sentence("ServerTransfer", QT_TRANSLATE_NOOP(
                "ServerTransfer", "The %1 refused a record of %2 (%3); the server keeps "
                "nothing of it and the file is unchanged."), place, file_name, detail)) from None
        return moved
    finally:
        conn.close()


def _refuse_unless_empty(conn: PgConnection, place: str) -> None:
    counts = one(conn.execute(
        "SELECT (SELECT count(*) FROM patients), (SELECT count(*) FROM sessions),"
        " (SELECT entry_id FROM audit_head), (SELECT count(*) FROM settings)"))
    if any(counts):
        raise MigrateError(sentence("ServerTransfer", QT_TRANSLATE_NOOP(
            "ServerTransfer", "The %1 already holds records (%2 patients, %3 sessions, %4 "
            "audit entries, %5 settings); migrate moves a clinic only onto a newly initialised "
            "server. Nothing was moved."),
            place, counts[0], counts[1], counts[2], counts[3]))


def file_columns(file_conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in file_conn.execute(f"PRAGMA table_info({table})")]


def _file_rows(file_conn: sqlite3.Connection, table: str, columns: Sequence[str]
               ) -> Iterator[Values]:
    order = "id" if "id" in columns else columns[0]
    cur = file_conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}")
    while batch := cur.fetchmany(FETCH_ROWS):
        yield from batch


def _audit_rows(file_conn: sqlite3.Connection) -> Iterator[Values]:
    """The file's entries as the server's audit columns hold them (the stored link, where the
    file has one, for the server to check its own against)."""
    for r in sqlite_audit.rows(file_conn, fresh=True):
        at, changes = r[1], r[7]
        yield (r[0], at if isinstance(at, int) else None, at if isinstance(at, str) else None,
               r[2], r[3], r[4], r[5], r[6], changes if isinstance(changes, str) else None,
               changes if isinstance(changes, bytes) else None, r[8])


def _copy(conn: PgConnection, file_conn: sqlite3.Connection) -> Moved:
    moved = Moved()
    signed: list[Values] = []
    for table in TABLES:
        columns: Sequence[str] = _AUDIT_PG if table == "audit" else file_columns(file_conn, table)
        source = (_audit_rows(file_conn) if table == "audit"
                  else _file_rows(file_conn, table, columns))
        if table == "sessions":
            source = _as_drafts(source, columns, signed)
        if table == "amendments":
            _sign(conn, signed)
        count = 0
        with conn.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in source:
                copy.write_row(row)
                count += 1
        moved.counts[table] = count
        if "id" in columns and table != "audit":
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{SCHEMA}.{table}', 'id'),"
                         f" greatest(max(id), 1), max(id) IS NOT NULL) FROM {table}")
        if table == "patients":  # their order keys and name parts are the server's own,
            name_order.fill(conn, "%s")  # made as it would (the keys first: each part
            name_parts.fill(conn, "%s")  # is given its patient's)
            chart_digits.fill(conn, "%s")
    moved.audit_entries = moved.counts["audit"]
    moved.signed_sessions = len(signed)
    return moved


def _as_drafts(rows: Iterator[Values], columns: Sequence[str], signed: list[Values]
               ) -> Iterator[Values]:
    """Sessions as drafts (a session is created a draft); the signed ones' signatures are kept
    in ``signed`` for ``_sign``."""
    at = {name: columns.index(name) for name in _SIGNATURE}
    blank = {"status": "draft", "signed_at": None, "signed_by": "", "content_hash": ""}
    ident = columns.index("id")
    for row in rows:
        if row[at["status"]] != "signed":
            yield row
            continue
        signed.append((row[ident], *(row[at[name]] for name in _SIGNATURE)))
        values: list[object] = list(row)
        for name, value in blank.items():
            values[at[name]] = value
        yield tuple(values)


def _sign(conn: PgConnection, signed: list[Values]) -> None:
    with conn.cursor() as cur:
        cur.executemany("UPDATE sessions SET status = %s, signed_at = %s, signed_by = %s,"
                        " content_hash = %s WHERE id = %s AND status = 'draft'",
                        [(*values, session_id) for session_id, *values in signed])


def _verify(conn: PgConnection, file_conn: sqlite3.Connection, file_name: str, moved: Moved) -> None:
    """Every table the same as the file's, row for row; the chain unbroken and ending in the
    file's link; every signature matching its entry. MigrateError (all rolled back) if not."""
    for table in TABLES:
        same: Callable[[Values, Values], bool]
        if table == "audit":
            mine, theirs = _server_audit(conn), _audit_rows(file_conn)
            same = _same_audit
        else:
            columns = file_columns(file_conn, table)
            order = "id" if "id" in columns else columns[0]
            mine = _server_rows(conn, table, columns, order)
            theirs = _file_rows(file_conn, table, columns)
            same = _same_row
        count = 0
        for count, (a, b) in enumerate(_pairs(mine, theirs, table), start=1):  # noqa: B007 - read after the loop
            if not same(a, b):
                raise MigrateError(sentence("ServerTransfer", QT_TRANSLATE_NOOP(
                    "ServerTransfer", "After copying, %1 row %2 on the server differs from "
                    "%3's; the server keeps nothing of it and the file is unchanged. Report "
                    "this."), table, quoted(b[0]), file_name))
        if count != moved.counts[table]:
            raise MigrateError(sentence("ServerTransfer", QT_TRANSLATE_NOOP(
                "ServerTransfer", "%1 %2 rows were copied but %3 compared; the server keeps "
                "nothing. Report this."), moved.counts[table], table, count))
    problems = chain.verify_chain(conn) + chain.signature_problems(conn)
    file_head = sqlite_audit.head(file_conn)
    server_head = chain.head(conn)
    if file_head != server_head:
        problems.append(sentence("ServerTransfer", QT_TRANSLATE_NOOP(
            "ServerTransfer", "the server's trail ends at entry %1, the file's at %2, with "
            "different links"), server_head[0], file_head[0]))
    if problems:
        raise MigrateError(sentence("ServerTransfer", QT_TRANSLATE_NOOP(
            "ServerTransfer", "After copying %1, the server's records did not check: %2. The "
            "server keeps nothing of it and the file is unchanged."),
            file_name, '; '.join(problems[:5])))
    moved.chain_link = server_head[1].hex()


def _server_rows(conn: PgConnection, table: str, columns: list[str], order: str
                 ) -> Iterator[Values]:
    with conn.cursor(name=f"imsmap_verify_{table}") as cur:
        cur.itersize = FETCH_ROWS
        cur.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}")
        yield from cur


def _server_audit(conn: PgConnection) -> Iterator[Values]:
    with conn.cursor(name="imsmap_verify_audit") as cur:
        cur.itersize = FETCH_ROWS
        cur.execute(f"SELECT {', '.join(_AUDIT_PG)} FROM audit ORDER BY id")
        for r in cur:
            yield (*r[:9], None if r[9] is None else bytes(r[9]), bytes(r[10]))


def _pairs(mine: Iterator[Values], theirs: Iterator[Values], table: str
           ) -> Iterator[tuple[Values, Values]]:
    while True:  # a row is a tuple, never None: None is the end of either side
        a, b = next(mine, None), next(theirs, None)
        if a is None and b is None:
            return
        if a is None or b is None:
            raise MigrateError(sentence("ServerTransfer", QT_TRANSLATE_NOOP(
                "ServerTransfer", "The server holds a different number of %1 rows than the "
                "file after copying; it keeps nothing. Report this."), table))
        yield a, b


def _same_row(server: Values, file: Values) -> bool:
    return len(server) == len(file) and all(
        a == b and type(a) is type(b) or _same_value(a, b) for a, b in zip(server, file))


def _same_value(server: object, file: object) -> bool:
    """A REAL the file wrote as an integer comes back from the server as a float."""
    if isinstance(server, float) and isinstance(file, int) and not isinstance(file, bool):
        return server == float(file)
    if isinstance(server, (bytes, memoryview)) and isinstance(file, bytes):
        return bytes(server) == file
    return False


def _same_audit(server: Values, file: Values) -> bool:
    """The same entry; the file stores a link only on some entries, the server on all."""
    return _same_row(server[:10], file[:10]) and (file[10] is None or file[10] == server[10])
