"""The backup journal: an append-only, fsynced file of what changed since a full backup.

A full backup (store.backup_sets) is a snapshot; its journal holds, record by record, every row
written after it, so that the full backup plus its journal give back the records as of the last
record. A record is written when a session is signed, at start-up and when the window closes:
signing costs the rows it wrote, never a copy of the whole database.

What a record holds, read in one read transaction (one moment of the database):
- the audit entries, terms and imported audit entries added since the previous record (their
  ids only grow: the tables are append-only);
- every session an audit entry since then names, with all its sites, findings, adverse events,
  amendments, photos and its withdrawal or entered-in-error mark, and every one of these added
  since; the bytes of the photos added since (a photo's bytes never change);
- every patient an audit entry names or a journalled session belongs to, and every patient
  added since;
- the small tables whole (settings, practitioners, protocols and their sites, the audit head).
Every change imsmap makes is audited with the session or patient it concerns, so this is every
row that changed. The restore's full check (signatures, audit chain, an audit entry for every
record) would fail if one were missing; tests compare every table after a restore.

The file is text, one record a line: ``<sha256 of the JSON> <JSON>\\n``. A record is appended with
one write and fsynced before the caller goes on; a line without its newline or whose checksum
does not match at the end of the file is a record cut short (the process stopped mid-write) and
is ignored: what it held is still in the database and goes into the next record, which starts
from the last whole record. A damaged record before the end is refused (`JournalError`).
The first line is the journal's start: which full backup it continues and where that ends,
and whose it is (the database's identity and file; store.backup_sets).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from imsmap.domain.os_reasons import reason as os_reason
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store import chart_digits, durable, name_order, name_parts
from imsmap.store.db import StoreError
from imsmap.store.sqlite_errors import Fault, fault_of
from imsmap.store.sqlite_reasons import reason as sqlite_reason

FORMAT = 1
# Tables whose ids only grow and whose rows never change: new rows are those past the mark.
# (An amendment's corrections of sites, schema 7, belong to the amendment, not to a session.)
# A merge or separation of patient records (schema 9) is one insert-only row as well.
APPEND_ONLY = ("terms", "audit", "imported_audit", "site_corrections", "patient_merges")
# Rows of a session: all of them travel with the session when it is journalled.
SESSION_ROWS = ("sites", "findings", "adverse_events", "amendments", "photos", "retractions")
# A photo's bytes (schema 6) never change: journalled once, with the new photo they belong to.
PHOTO_BYTES = ("photo_blobs",)
# Small tables copied whole in every record.
WHOLE = ("settings", "practitioners", "protocols", "protocol_sites", "audit_head")
# Every table of the schema is one of these or DERIVED (tests/test_backup_sets.py checks it).
TABLES = APPEND_ONLY + ("patients", "sessions") + SESSION_ROWS + PHOTO_BYTES + WHOLE
# Made from the rows applied, not journalled: the patients' name parts and chart digits for
# search and their order keys (written again for each patient applied, store.name_parts,
# store.chart_digits, store.name_order).
DERIVED = ("patient_name_parts", "patient_order", "patient_chart_digits")
# The order a record is applied in: words first, a session's rows before the session (a signed
# session takes no new rows), amendments and withdrawal or entered-in-error marks after their
# session (a mark needs its session's status), merges of patient records after the patients
# (in id order, as the triggers took them), the audit trail last.
# A photo added to a signed session by amendment (schema 10) comes in after its amendment (the
# file's triggers check that it was written with it): "photos by amendment" and their bytes are
# the photos rows (and blobs) whose amendment_id is set, applied in that later place.
BY_AMENDMENT = ("photos by amendment", "photo_blobs by amendment")
APPLY_ORDER = ("terms", "settings", "practitioners", "protocols", "protocol_sites", "patients",
               "patient_merges", "sites", "findings", "adverse_events", "photos", "photo_blobs", "sessions",
               "amendments", *BY_AMENDMENT, "site_corrections", "retractions", "audit",
               "imported_audit", "audit_head")
MARKED = ("patients", "sessions") + SESSION_ROWS + APPEND_ONLY  # where "since" is an id


class JournalError(StoreError):
    """A journal that cannot be used: damaged, or not the journal of this full backup."""


@dataclass(frozen=True)
class Record:
    kind: str  # "start" (the first line) or "rows"
    at: str
    marks: dict[str, int]  # table -> the highest id the database had when the record was read
    tables: dict[str, dict[str, Any]]  # table -> {"cols": [...], "rows": [[...], ...]}
    signed: tuple[int, ...] = ()  # signed sessions among the journalled ones
    full: str = ""  # the start record: the full backup's file name
    schema: int = 0  # the start record: the schema of the full backup (and of every record)
    after_cut: bool = False  # the line before this record is one cut short (and left there)
    # The start record: the identity of the database the set belongs to (its setting
    # store.backup_sets.IDENTITY_SETTING) and the resolved path of its file then; "" in a
    # journal made before sets had owners (unknown: never appended to by anyone).
    identity: str = ""
    path: str = ""

    @property
    def row_count(self) -> int:
        return sum(len(t["rows"]) for t in self.tables.values())


# -- values in JSON ------------------------------------------------------------------------
def _encode(value: object) -> object:
    if isinstance(value, bytes):
        return {"b": value.hex()}
    return value


def _decode(value: object) -> object:
    if isinstance(value, dict):
        return bytes.fromhex(value["b"])
    return value


def line_of(record: Record) -> bytes:
    body = json.dumps({"v": FORMAT, "kind": record.kind, "at": record.at, "marks": record.marks,
                       "tables": record.tables, "signed": list(record.signed),
                       "full": record.full, "schema": record.schema,
                       "after_cut": record.after_cut,
                       **({"identity": record.identity, "path": record.path}
                          if record.identity or record.path else {})},
                      separators=(",", ":"), allow_nan=False)
    return f"{hashlib.sha256(body.encode()).hexdigest()} {body}\n".encode()


def parse_line(line: bytes) -> Record | None:
    """The record on one whole line, or None when the line is not one (damaged, cut short)."""
    try:
        digest, body = line.rstrip(b"\n").split(b" ", 1)
        if hashlib.sha256(body).hexdigest().encode() != digest:
            return None
        data = json.loads(body)
        if data.get("v") != FORMAT:
            return None
        return Record(data["kind"], data["at"], {k: int(v) for k, v in data["marks"].items()},
                      data["tables"], tuple(data.get("signed", ())), data.get("full", ""),
                      int(data.get("schema", 0)), bool(data.get("after_cut", False)),
                      str(data.get("identity", "")), str(data.get("path", "")))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


# -- reading ------------------------------------------------------------------------------
def read(path: Path) -> list[Record]:
    """The records of a journal, in order; a record cut short at the end is left out.
    JournalError for a journal that is missing its start or damaged before its end."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise JournalError(sentence("StoreJournal", QT_TRANSLATE_NOOP(
            "StoreJournal", "The backup journal %1 cannot be read (%2)."), path, os_reason(exc))) \
            from None
    lines = data.split(b"\n")
    torn_tail = lines.pop()  # b"" when the file ends with a newline
    parsed = [parse_line(line) for line in lines]
    records = []
    for n, record in enumerate(parsed, 1):
        if record is None:
            if n == len(lines) and not torn_tail:
                break  # the last line, cut short before its checksum matched
            following = parsed[n] if n < len(parsed) else None
            if following is not None and following.after_cut:
                continue  # cut short, and the next record says so (it took what it held)
            raise JournalError(
                sentence("StoreJournal", QT_TRANSLATE_NOOP(
                "StoreJournal", "The backup journal %1 is damaged at record %2 of %3; nothing "
                "was restored. To restore the full backup alone, move the journal out of the "
                "folder first (what it holds after the full backup is then not restored)."),
                path.name, n, len(lines)))
        records.append(record)
    if not records or records[0].kind != "start":
        raise JournalError(sentence("StoreJournal", QT_TRANSLATE_NOOP(
            "StoreJournal", "The backup journal %1 has lost its first record; nothing was "
            "restored. Move it out of the folder to restore the full backup alone."),
            path.name))
    return records


def last_record(path: Path) -> Record:
    """The newest whole record, read backwards from the end (a journal grows for a week)."""
    with open(path, "rb") as fh:
        pos = fh.seek(0, os.SEEK_END)
        tail = b""
        while True:
            step = min(pos, 1 << 16)
            pos -= step
            fh.seek(pos)
            tail = fh.read(step) + tail
            lines = tail.split(b"\n")
            if pos > 0:
                lines = lines[1:]  # the first may be the end of an earlier line
            for line in reversed(lines):
                record = parse_line(line) if line else None
                if record is not None:
                    return record
            if pos == 0:
                raise JournalError(sentence("StoreJournal", QT_TRANSLATE_NOOP(
                    "StoreJournal", "The backup journal %1 holds no whole record."), path.name))


# -- writing ------------------------------------------------------------------------------
def _write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def create(path: Path, start: Record) -> None:
    """A new journal holding its start record: written beside, then given its name durably
    (store.durable: flushed, linked without ever replacing a file, the folder flushed)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        _write(fd, line_of(start))
    finally:
        os.close(fd)
    try:
        durable.into_place(tmp, path, publish=os.link)
    except FileExistsError:
        raise StoreError(sentence("StoreJournal", QT_TRANSLATE_NOOP(
            "StoreJournal", "%1 already exists; a backup never overwrites a file."),
            path)) from None
    finally:
        tmp.unlink(missing_ok=True)


def append(path: Path, conn: sqlite3.Connection, at: str) -> Record | None:
    """Append what changed since the journal's last whole record; None when nothing did.
    Appends from several processes are taken one at a time (a lock on the journal)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_APPEND)
    except OSError as exc:
        raise StoreError(sentence("StoreJournal", QT_TRANSLATE_NOOP(
            "StoreJournal", "The backup journal %1 cannot be written (%2)."), path, os_reason(exc))) \
            from None
    try:
        _lock(fd)
        since = last_record(path).marks
        record = capture(conn, since, at)
        if record is None:
            return None
        if os.fstat(fd).st_size and _last_byte(fd) != b"\n":
            # After a record cut short: ours starts on a line of its own and says so.
            record = dataclasses.replace(record, after_cut=True)
            data = b"\n" + line_of(record)
        else:
            data = line_of(record)
        try:
            _write(fd, data)
            os.fsync(fd)
        except OSError as exc:
            raise StoreError(sentence("StoreJournal", QT_TRANSLATE_NOOP(
                "StoreJournal", "The backup journal %1 could not be written (%2); the records "
                "themselves are safe in the database."), path, os_reason(exc))) from None
        return record
    finally:
        os.close(fd)  # drops the lock


def _last_byte(fd: int) -> bytes:
    return os.pread(fd, 1, os.fstat(fd).st_size - 1)


def _lock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - one window per computer there
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_EX)


# -- reading the database -----------------------------------------------------------------
def marks(conn: sqlite3.Connection) -> dict[str, int]:
    """The highest id of each marked table (call inside the read transaction it describes);
    a file of an earlier schema lacks the later tables (`imsmap backup` of a file not yet
    upgraded stopped with a traceback on them)."""
    present = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table'")}
    return {t: conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0]
            for t in MARKED if t in present}


def _rows(conn: sqlite3.Connection, table: str, where: str = "",
          params: tuple[Any, ...] = ()) -> dict[str, Any]:
    cur = conn.execute(f"SELECT * FROM {table} {where}", params)
    cols = [d[0] for d in cur.description]
    return {"cols": cols, "rows": [[_encode(v) for v in row] for row in cur]}


def capture(conn: sqlite3.Connection, since: dict[str, int], at: str) -> Record | None:
    """Everything written after `since` (marks), read as of one moment; None if nothing was."""
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    try:
        now = marks(conn)
        if now["audit"] <= since["audit"] and all(now[t] <= since.get(t, 0) for t in MARKED):
            return None
        a = since["audit"]
        # The entries after the mark, by id, their sessions taken here: asked for DISTINCT
        # non-null sessions, SQLite walked the whole audit_session index (0.4 s at ten million
        # sites, at every signature).
        sessions = {r[0] for r in conn.execute("SELECT session_id FROM audit WHERE id > ?", (a,))
                    if r[0] is not None}
        sessions |= {r[0] for r in conn.execute("SELECT id FROM sessions WHERE id > ?",
                                                (since["sessions"],))}
        patients = {r[0] for r in conn.execute(
            "SELECT entity_id FROM audit WHERE id > ? AND entity_id IS NOT NULL AND entity IN"
            " ('patient', (SELECT id FROM terms WHERE text = 'patient'))", (a,))}
        ids = ",".join(str(int(s)) for s in sorted(sessions)) or "NULL"
        patients |= {r[0] for r in conn.execute(
            f"SELECT DISTINCT patient_id FROM sessions WHERE id IN ({ids})")}
        patients |= {r[0] for r in conn.execute("SELECT id FROM patients WHERE id > ?",
                                                (since["patients"],))}
        pids = ",".join(str(int(p)) for p in sorted(patients)) or "NULL"
        tables = {t: _rows(conn, t, "WHERE id > ? ORDER BY id", (since.get(t, 0),))
                  for t in APPEND_ONLY}
        tables["patients"] = _rows(conn, "patients", f"WHERE id IN ({pids}) ORDER BY id")
        tables["sessions"] = _rows(conn, "sessions", f"WHERE id IN ({ids}) ORDER BY id")
        for t in SESSION_ROWS:
            # Two searches joined, not one WHERE with OR: with OR and ORDER BY id SQLite read
            # the whole table (1.1 s for the sites at ten million, at every signature).
            tables[t] = _rows(conn, t, f"WHERE session_id IN ({ids}) UNION SELECT * FROM {t}"
                                       " WHERE id > ? ORDER BY id", (since[t],))
        tables["photo_blobs"] = _rows(conn, "photo_blobs",
                                      "WHERE photo_id > ? ORDER BY photo_id", (since["photos"],))
        for t in WHOLE:
            tables[t] = _rows(conn, t)
        signed = tuple(r[0] for r in conn.execute(
            f"SELECT id FROM sessions WHERE id IN ({ids}) AND status = 'signed' ORDER BY id"))
        return Record("rows", at, now, tables, signed)
    finally:
        if own:
            conn.execute("ROLLBACK")


# -- applying -----------------------------------------------------------------------------
def apply(conn: sqlite3.Connection, records: list[Record]) -> None:
    """Write the journal's records, in order, into `conn` (the full backup's copy being
    restored), in one transaction. StoreError (nothing written) if one does not fit."""
    conn.execute("PRAGMA foreign_keys = OFF")  # a session's rows come before the session
    conn.execute("BEGIN IMMEDIATE")
    try:
        for record in records:
            blocks = _with_photos_by_amendment_apart(record.tables)
            for table in APPLY_ORDER:
                block = blocks.get(table)
                if block and block["rows"]:
                    _apply_rows(conn, table.split()[0], block)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _with_photos_by_amendment_apart(tables: dict[str, dict[str, Any]]
                                    ) -> dict[str, dict[str, Any]]:
    """The record's tables, the photos added by amendment (and their bytes) apart under the
    names of BY_AMENDMENT; the record as it is when it has none (an older schema's)."""
    photos = tables.get("photos")
    if not photos or "amendment_id" not in photos["cols"]:
        return tables
    k = photos["cols"].index("amendment_id")
    later = [row for row in photos["rows"] if row[k] is not None]
    if not later:
        return tables
    ids = {row[photos["cols"].index("id")] for row in later}
    out = dict(tables)
    out["photos"] = {"cols": photos["cols"],
                     "rows": [row for row in photos["rows"] if row[k] is None]}
    out[BY_AMENDMENT[0]] = {"cols": photos["cols"], "rows": later}
    blobs = tables.get("photo_blobs")
    if blobs:
        b = blobs["cols"].index("photo_id")
        out["photo_blobs"] = {"cols": blobs["cols"],
                              "rows": [row for row in blobs["rows"] if row[b] not in ids]}
        out[BY_AMENDMENT[1]] = {"cols": blobs["cols"],
                                "rows": [row for row in blobs["rows"] if row[b] in ids]}
    return out


def _apply_rows(conn: sqlite3.Connection, table: str, block: dict[str, Any]) -> None:
    cols = block["cols"]
    rows = [tuple(_decode(v) for v in row) for row in block["rows"]]
    names = ", ".join(cols)
    marks_ = ", ".join("?" for _ in cols)
    try:
        if table == "settings":  # copied whole: the table is what the record says
            conn.execute("DELETE FROM settings")
            conn.executemany(f"INSERT INTO settings ({names}) VALUES ({marks_})", rows)
            return
        key = _primary_key(conn, table)
        k = cols.index(key)
        sets = ", ".join(f"{c} = ?" for c in cols if c != key)
        for row in rows:
            found = conn.execute(f"SELECT {names} FROM {table} WHERE {key} = ?",
                                 (row[k],)).fetchone()
            if found is None:
                conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks_})", row)
            elif tuple(found) == row:
                continue  # already so (a signed session journalled again with an amendment)
            elif table in APPEND_ONLY:
                raise JournalError(sentence("StoreJournal", QT_TRANSLATE_NOOP(
                    "StoreJournal", "The backup journal does not fit its full backup (%1 %2 "
                    "differs); nothing was restored."), table, row[k]))
            else:
                conn.execute(f"UPDATE {table} SET {sets} WHERE {key} = ?",
                             tuple(v for c, v in zip(cols, row) if c != key) + (row[k],))
        if table == "patients":  # their order keys, name parts and chart digits, derived,
            for row in rows:     # are not journalled
                pid = row[k]
                family, given, chart = conn.execute(
                    "SELECT family_name, given_name, chart_number FROM patients WHERE id = ?",
                    (pid,)).fetchone()
                name_order.rewrite(conn, pid, family, given)
                name_parts.rewrite(conn, pid, family, given)
                chart_digits.rewrite(conn, pid, chart)
    except sqlite3.DatabaseError as exc:
        if fault_of(exc) is Fault.FULL:
            raise  # the disk of the copy being restored, not the journal: said by the caller
        raise JournalError(sentence("StoreJournal", QT_TRANSLATE_NOOP(
            "StoreJournal", "The backup journal does not fit its full backup (%1: %2); nothing "
            "was restored."), table, sqlite_reason(exc))) \
            from None


def _primary_key(conn: sqlite3.Connection, table: str) -> str:
    for row in conn.execute(f"PRAGMA table_info({table})"):
        if row[5] == 1:
            return str(row[1])
    raise JournalError(sentence("StoreJournal", QT_TRANSLATE_NOOP(
        "StoreJournal", "The table %1 has no key; the journal cannot be applied."), table))


def tables_of(conn: sqlite3.Connection) -> Iterator[str]:
    for (name,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name"
                                " NOT LIKE 'sqlite_%' ORDER BY name"):
        yield name
