"""The rows `imsmap check` and a signed session's PDF compare: signed sessions and amendments,
the audit entries that signed or wrote them, and the audit trails kept by imports. Only the
reading is here; what makes a row and its entry agree is in services.signatures,
services.import_trail and services.checks.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from imsmap.domain.models import Session
from imsmap.store import audit
from imsmap.store.db import Database
from imsmap.store.dialect import RecordRow, dialect_of
from imsmap.store.record_rows import SESSION_COLUMNS, session_from_tuple
from imsmap.store.site_rows import SITE_COLUMNS
from imsmap.store.terms import terms_of

SIGNED_SESSION_COLUMNS = ("id", "status", "content_hash", "signed_by", "signed_at")


@contextmanager
def one_moment(db: Database) -> Iterator[None]:
    """One read transaction around the block: everything read in it is the file as of one
    moment, while other windows go on writing. Nothing is written (ROLLBACK at the end). On the
    clinic server: a REPEATABLE READ snapshot (its default, READ COMMITTED, reads each statement
    as of its own moment)."""
    db.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" if db.is_server
                    else "BEGIN")
    try:
        yield
    finally:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")


def _forms(conn: sqlite3.Connection, word: str) -> list[object]:
    """A word as older entries hold it, and its terms id as compact ones do (the clinic
    server's trail keeps the words)."""
    if dialect_of(conn).server_audit:
        return [word]
    term = terms_of(conn).maybe_id(word)
    return [word] if term is None else [word, term]


def entries_about(conn: sqlite3.Connection, entity: str | tuple[str, ...],
                  actions: tuple[str, ...], session_id: int | None = None,
                  sessions: tuple[int, int] | None = None) -> Iterator[audit.AuditRow]:
    """The audit entries about `entity` (or any of several) made by one of `actions` (of one
    session, or of the sessions `sessions` = (first id, last id), if given), in id order,
    filtered in SQL (entity and action are term ids in compact entries; sessions through the
    audit_session index)."""
    entities = [form for one in ((entity,) if isinstance(entity, str) else entity)
                for form in _forms(conn, one)]
    words = [form for action in actions for form in _forms(conn, action)]
    where = (f"WHERE entity IN ({', '.join('?' * len(entities))})"
             f" AND action IN ({', '.join('?' * len(words))})")
    params: tuple[object, ...] = (*entities, *words)
    if session_id is not None:
        where += " AND session_id = ?"
        params += (session_id,)
    if sessions is not None:
        where += " AND session_id BETWEEN ? AND ?"
        params += sessions
    return audit.rows(conn, where, params, fresh=True)


def audit_count(conn: sqlite3.Connection) -> int:
    count: int = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    return count


_SIGNED = ("SELECT s.id, s.started_at, s.signed_at, s.signed_by, s.content_hash,"
           " p.chart_number FROM sessions s LEFT JOIN patients p ON p.id = s.patient_id"
           " WHERE s.status = 'signed'")


def signed_count(db: Database) -> int:
    """How many sessions are signed."""
    row = db.query_one("SELECT count(*) FROM sessions WHERE status = 'signed'")
    return int(row[0]) if row is not None else 0


def signed_session_batches(db: Database, size: int = 2000) -> Iterator[list[RecordRow]]:
    """Every signed session's signature columns with its patient's chart number, by id, in
    batches of `size`: the check of half a million signed sessions holds one batch at a time,
    not all of them."""
    after = 0
    while True:
        rows = db.query(_SIGNED + " AND s.id > ? ORDER BY s.id LIMIT ?", (after, size))
        if not rows:
            return
        yield rows
        after = rows[-1]["id"]


def session_batches(db: Database, size: int = 500
                    ) -> Iterator[list[tuple[Session, str | None]]]:
    """Every session (signed or not) with its patient's chart number, by id, in batches of
    `size` (one batch held at a time: half a million sessions at ten million sites)."""
    after = 0
    chart = "(SELECT p.chart_number FROM patients p WHERE p.id = sessions.patient_id)"
    while True:
        rows = db.conn.execute(f"SELECT {SESSION_COLUMNS}, {chart} FROM sessions WHERE id > ?"
                               " ORDER BY id LIMIT ?", (after, size)).fetchall()
        if not rows:
            return
        yield [(session_from_tuple(tuple(r[:-1])), r[-1]) for r in rows]
        after = rows[-1][0]


def sites_of_sessions(conn: sqlite3.Connection, sessions: tuple[int, int]
                      ) -> list[tuple[Any, ...]]:
    """The rows of every site of the sessions `sessions` = (first id, last id), removed ones
    too, by id: store.site_rows.SITE_COLUMNS and then whether it is removed, read through the
    sites' index by session (an SQLite file's encoding: store.site_rows, whose `decode` makes
    a Site of the row less its last value, with the words of `terms_of(conn)`)."""
    # Sorted here: ORDER BY id could make SQLite read the table by id, not by the index.
    return sorted(conn.execute(f"SELECT {SITE_COLUMNS}, deleted_at IS NOT NULL FROM sites"
                               " WHERE session_id BETWEEN ? AND ?", sessions).fetchall())


# The rows of a session other than its sites that their audit entries created and changed
# (entity -> table and the fields compared; services.detail_origins): a finding's and an
# adverse event's creation recorded every field (a removal only the row's removal); a photo's,
# its description (its bytes: services.photos.photo_problems) and each caption or chart site
# change. The fields an import's entry adds (created_at, created_by) are compared where
# recorded.
DETAIL_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "finding": ("findings", ("sign", "location", "side", "notes", "created_at",
                             "created_by")),
    "adverse_event": ("adverse_events", ("kind", "severity", "action_taken", "created_at",
                                         "created_by")),
    "photo": ("photos", ("sha256", "mime", "width", "height", "bytes", "caption", "site_id",
                         "amendment_id", "created_at", "created_by"))}


def details_of_sessions(conn: sqlite3.Connection, sessions: tuple[int, int], *,
                        photos: bool = True, by_amendment: bool = True
                        ) -> list[tuple[str, tuple[Any, ...]]]:
    """(entity, row) of every finding, adverse event and photo of the sessions `sessions` =
    (first id, last id), removed ones too, each read through its table's index by session: a
    row is id, session id, the fields of DETAIL_FIELDS, when it was last written (a photo's
    updated_at, else created_at; None for the others, whose rows keep no such time) and whether
    it is removed. `photos`: the database has the photo tables (schema 6); `by_amendment`:
    their amendment_id (schema 10; NULL before)."""
    out: list[tuple[str, tuple[Any, ...]]] = []
    for entity, (table, fields) in DETAIL_FIELDS.items():
        if entity == "photo" and not photos:
            continue
        columns = ", ".join("NULL" if f == "amendment_id" and not by_amendment else f
                            for f in fields)
        written = "coalesce(updated_at, created_at)" if entity == "photo" else "NULL"
        out.extend((entity, tuple(r)) for r in sorted(conn.execute(
            f"SELECT id, session_id, {columns}, {written}, deleted_at IS NOT NULL"
            f" FROM {table} WHERE session_id BETWEEN ? AND ?", sessions).fetchall()))
    return out


def session_count(db: Database) -> int:
    """How many sessions there are."""
    row = db.query_one("SELECT count(*) FROM sessions")
    return int(row[0]) if row is not None else 0


def creations_of(conn: sqlite3.Connection, entity: str, ids: Iterable[int]
                 ) -> dict[int, tuple[int, int | None]]:
    """entity id -> (entry id, session id) of the entries that created or imported these
    records of one kind: one pass over the trail (it has no index by entity), for the few
    records whose creation is not among their session's entries (moved to another session
    around the app, or never audited)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    entities = _forms(conn, entity)
    actions = [form for action in ("create", "import") for form in _forms(conn, action)]
    out: dict[int, tuple[int, int | None]] = {}
    for chunk in range(0, len(wanted), 900):  # one pass a 900 (SQLite's least limit: 999)
        part = wanted[chunk:chunk + 900]
        for entry_id, entity_id, session_id in conn.execute(
                "SELECT id, entity_id, session_id FROM audit"
                f" WHERE entity IN ({', '.join('?' * len(entities))})"
                f" AND action IN ({', '.join('?' * len(actions))})"
                f" AND entity_id IN ({', '.join('?' * len(part))}) ORDER BY id",
                (*entities, *actions, *part)):
            out.setdefault(int(entity_id), (int(entry_id), session_id))
    return out


def drafts_with_signing_entries(db: Database) -> list[RecordRow]:
    """The sessions that are not signed but have an entry that could have signed them (``sign``,
    or ``import`` of a visit brought in signed or not), with their patient's chart number, by
    id: each looked up through the trail's index by session (a signing entry's session is the
    session it signs), so only the drafts are read, not the trail."""
    conn = db.conn
    entities = _forms(conn, "session")
    actions = [form for action in ("sign", "import") for form in _forms(conn, action)]
    return db.query(
        "SELECT s.id, s.started_at, p.chart_number FROM sessions s"
        " LEFT JOIN patients p ON p.id = s.patient_id WHERE s.status <> 'signed' AND EXISTS"
        " (SELECT 1 FROM audit a WHERE a.session_id = s.id AND a.entity_id = s.id"
        f" AND a.entity IN ({', '.join('?' * len(entities))})"
        f" AND a.action IN ({', '.join('?' * len(actions))})) ORDER BY s.id",
        (*entities, *actions))


def amendments(db: Database) -> list[RecordRow]:
    """Every amendment as stored, by id."""
    return db.query("SELECT * FROM amendments ORDER BY id")


def retractions(db: Database) -> list[RecordRow]:
    """Every withdrawal and entered-in-error mark as stored, by id (none before schema 8)."""
    if not has_retractions(db.conn):
        return []
    return db.query("SELECT * FROM retractions ORDER BY id")


def has_retractions(conn: sqlite3.Connection) -> bool:
    """Whether the database has the table of withdrawals and entered-in-error marks (a file
    opened read-only at a schema before 7 has not)."""
    try:
        conn.execute("SELECT 1 FROM retractions LIMIT 0")
    except Exception:  # noqa: BLE001 - sqlite3's or psycopg's "no such table"
        return False
    return True


def patient_merges(db: Database) -> list[RecordRow]:
    """Every merge and separation of patient records as stored, by id (none before schema
    9)."""
    if not has_patient_merges(db.conn):
        return []
    return db.query("SELECT * FROM patient_merges ORDER BY id")


def has_patient_merges(conn: sqlite3.Connection) -> bool:
    """Whether the database has the table of merged patient records (a file opened read-only
    at a schema before 9 has not)."""
    try:
        conn.execute("SELECT 1 FROM patient_merges LIMIT 0")
    except Exception:  # noqa: BLE001 - sqlite3's or psycopg's "no such table"
        return False
    return True


def session_retraction(conn: sqlite3.Connection, session_id: int) -> dict[str, object] | None:
    """A session's withdrawal or entered-in-error mark as stored, or None."""
    if not has_retractions(conn):
        return None
    cur = conn.execute("SELECT * FROM retractions WHERE session_id = ?", (session_id,))
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    return None if row is None else dict(zip(names, row))


def session_signature(conn: sqlite3.Connection, session_id: int) -> dict[str, object] | None:
    """A session's `SIGNED_SESSION_COLUMNS`, or None if there is no such session."""
    row = conn.execute(f"SELECT {', '.join(SIGNED_SESSION_COLUMNS)} FROM sessions WHERE id = ?",
                       (session_id,)).fetchone()
    return None if row is None else dict(zip(SIGNED_SESSION_COLUMNS, row))


def session_of(conn: sqlite3.Connection, session_id: int) -> Session | None:
    """A session as the records read it, or None if there is no such session."""
    row = conn.execute(f"SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?",
                       (session_id,)).fetchone()
    return None if row is None else session_from_tuple(tuple(row))


def session_amendments(conn: sqlite3.Connection, session_id: int) -> list[dict[str, object]]:
    """A session's amendments as stored, by id."""
    cur = conn.execute("SELECT * FROM amendments WHERE session_id = ? ORDER BY id",
                       (session_id,))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, values)) for values in cur.fetchall()]


def keep_trail(conn: sqlite3.Connection, import_entry: int,
               entries: Iterable[tuple[int, str]]) -> None:
    """Keep an imported file's audit entries, (their id in the file, their text), under the
    entry of this database's chain that records the import (inside its transaction)."""
    conn.executemany("INSERT INTO imported_audit (import_entry, source_id, entry)"
                     " VALUES (?, ?, ?)",
                     ((import_entry, source_id, text) for source_id, text in entries))


def kept_trail(conn: sqlite3.Connection, import_entry: int) -> list[str]:
    """The entries (as their text) kept by one import, in the order they were kept."""
    return [r[0] for r in conn.execute(
        "SELECT entry FROM imported_audit WHERE import_entry = ? ORDER BY id", (import_entry,))]


def unowned_kept_entries(conn: sqlite3.Connection, import_entries: Iterable[int]) -> int:
    """How many kept entries belong to none of `import_entries`."""
    owners = ", ".join(str(int(i)) for i in import_entries) or "NULL"
    count: int = conn.execute("SELECT count(*) FROM imported_audit WHERE import_entry NOT IN"
                              f" ({owners})").fetchone()[0]
    return count


def server_chain_breaks(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """The clinic server's own check of its chain (sql/v1_rules.sql's audit_breaks()): every
    link recomputed inside the server; no rows when the chain is whole."""
    return [(int(r[0]), str(r[1])) for r in
            conn.execute("SELECT entry_id, problem FROM audit_breaks()").fetchall()]


def unaudited_writes(conn: sqlite3.Connection, session_id: int | None = None
                     ) -> list[tuple[str, int, int, str, str, str]]:
    """The clinic server's record of writes (server schema 15, sql/v15_record_writes.sql):
    (table, row id, session id, insert or update, login, when, ISO) of each write to a
    session's rows (of every session, or of `session_id`'s) whose transaction wrote no audit
    entry of that session, oldest first: made around imsmap, which writes both in one
    transaction. Nothing on a file, or on a server before schema 15 (a migrate's check runs at
    the schema it copies into)."""
    if not dialect_of(conn).server_audit or not conn.execute(
            "SELECT to_regclass('record_writes') IS NOT NULL").fetchone()[0]:
        return []
    one_session, params = ("", ()) if session_id is None else (" AND w.session_id = ?",
                                                              (session_id,))
    rows = conn.execute(
        "SELECT w.tbl, w.row_id, w.session_id, w.op, w.login, w.at FROM record_writes w"
        f" WHERE w.tbl <> 'audit'{one_session} AND NOT EXISTS (SELECT 1 FROM record_writes a"
        " WHERE a.tbl = 'audit' AND a.xact = w.xact AND a.at = w.at"
        " AND a.session_id = w.session_id) ORDER BY w.id", params).fetchall()
    return [(str(t), int(r), int(s), str(op), str(who), at.isoformat(timespec="seconds"))
            for t, r, s, op, who, at in rows]
