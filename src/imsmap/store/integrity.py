"""What SQLite itself can say about a database file: quick check, full integrity check,
foreign keys, and whether every record has the audit entry that created it.

Each function returns a list of problems in plain words; an empty list means all is well. A file
too damaged to answer raises StoreError.
"""

from __future__ import annotations

import sqlite3
from typing import NoReturn

from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.damage import reading
from imsmap.store.db import DamagedFileError, Database, refuse
from imsmap.store.dialect import dialect_of
from imsmap.store.sqlite_errors import Fault, fault_of
from imsmap.store.sqlite_reasons import reason as sqlite_reason
from imsmap.store.terms import terms_of

MAX_REPORTED = 100  # SQLite stops after this many problems; more would not help anyone

# table -> the audit entity name the services use for its rows
AUDITED_TABLES = {"patients": "patient", "sessions": "session", "sites": "site",
                  "amendments": "amendment", "photos": "photo", "retractions": "retraction",
                  "patient_merges": "patient_merge"}
# ... and the rows whose deletion `vanished_rows` names besides: a finding's and an adverse
# event's creating entries are in the trail since they came in (schema 2), but one without its
# entry is named by services.origin_check, which compares each with its entries, not here.
RECORDED_TABLES = {**AUDITED_TABLES, "findings": "finding", "adverse_events": "adverse_event"}
# tables a file opened read-only at an older schema lacks
SINCE_SCHEMA = {"findings": 2, "adverse_events": 2, "photos": 6, "retractions": 8,
                "patient_merges": 9}
# an amendment is created by "amend", a withdrawal or entered-in-error mark by its own action,
# a merge or separation of patient records by its own
CREATING_ACTIONS = ("create", "import", "amend", "withdraw", "entered_in_error", "merge",
                    "separate")


def _pragma_problems(db: Database, pragma: str) -> list[str]:
    try:
        rows = [str(r[0]) for r in db.conn.execute(f"PRAGMA {pragma}({MAX_REPORTED})")]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        _too_damaged(exc, db)
    return [] if rows == ["ok"] else rows


def quick_check(db: Database) -> list[str]:
    """PRAGMA quick_check: the file's structure, fast (no index contents)."""
    return _pragma_problems(db, "quick_check")


def integrity_check(db: Database) -> list[str]:
    """PRAGMA integrity_check: structure, and every index against its table."""
    return _pragma_problems(db, "integrity_check")


def foreign_key_check(db: Database) -> list[str]:
    """Rows that point to a row that does not exist (a session without its patient...)."""
    try:
        # Read as a stream, the first MAX_REPORTED kept and the rest counted: a file whose
        # sessions were cut off would otherwise hold every orphaned site's row at once.
        cursor = db.conn.execute("PRAGMA foreign_key_check")
        rows = cursor.fetchmany(MAX_REPORTED)
        beyond = sum(1 for _ in cursor)
        problems: list[str] = []
        for table, rowid, parent, fkid in rows:
            column = "?"
            for fk in db.conn.execute(f"PRAGMA foreign_key_list({table})"):
                if fk[0] == fkid:
                    column = fk[3]
            value = db.conn.execute(f"SELECT {column} FROM {table} WHERE rowid = ?",
                                    (rowid,)).fetchone() if column != "?" else None
            problems.append(sentence("StoreIntegrity", QT_TRANSLATE_NOOP(
                "StoreIntegrity", "%1 row %2 refers to %3 row %4, which does not exist"),
                table, str(rowid), parent, value[0] if value else '?'))
        if beyond:
            problems.append(sentence("StoreIntegrity", QT_TRANSLATE_NOOP(
                "StoreIntegrity", "... and %1 more rows like these"), beyond))
        return problems
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        _too_damaged(exc, db)


def _too_damaged(exc: sqlite3.DatabaseError | UnicodeDecodeError, db: Database) -> NoReturn:
    """A check SQLite could not finish: the file is too damaged (or busy, unreadable) to check;
    an error of the code's own is raised as it is."""
    if fault_of(exc) in (Fault.DAMAGED, Fault.NOT_A_DATABASE):
        raise DamagedFileError(sentence("StoreIntegrity", QT_TRANSLATE_NOOP(
            "StoreIntegrity", "%1 is too damaged to check (%2). Restore it from a backup."),
            db.path, sqlite_reason(exc))) from None
    refuse(exc, db.path)


def unaudited_rows(db: Database) -> list[str]:
    """Records without the audit entry that created or imported them.

    The audit chain shows an entry changed or taken out of the middle; this also catches the
    newest entries cut off the end, and rows written into the database around the app.
    """
    with reading(db.path):
        return _unaudited(db)


def _unaudited(db: Database) -> list[str]:
    problems: list[str] = []
    terms = terms_of(db.conn)

    def spellings(word: str) -> list[object]:
        """The word as older entries hold it, and its terms id as compact ones do (the clinic
        server's trail keeps the words)."""
        if dialect_of(db.conn).server_audit:
            return [word]
        term = terms.maybe_id(word)
        return [word] if term is None else [word, term]

    actions = [form for action in CREATING_ACTIONS for form in spellings(action)]
    marks = ", ".join("?" * len(actions))
    version = db.schema_version
    for table, entity in AUDITED_TABLES.items():
        if version < SINCE_SCHEMA.get(table, 0):
            continue
        entities = spellings(entity)
        # One pass over each side, not a look into the audit trail per row: the trail has no
        # index by entity, and a correlated NOT EXISTS scanned all of it for every row (a
        # minute for the 10,000 sessions of a small clinic, days for ten years' sites, in
        # every restore's and `imsmap check`'s check).
        cursor = db.conn.execute(
            f"SELECT id FROM {table} EXCEPT SELECT entity_id FROM audit"
            f" WHERE entity IN ({', '.join('?' * len(entities))}) AND action IN ({marks})"
            f" ORDER BY 1", (*entities, *actions))
        rows = cursor.fetchmany(20)  # the first named, the rest counted, not held
        beyond = sum(1 for _ in cursor)
        if rows:
            ids = ", ".join(str(r[0]) for r in rows)
            more = sentence("StoreIntegrity", QT_TRANSLATE_NOOP("StoreIntegrity", " and %1 more"),
                            beyond) if beyond else ""
            problems.append(sentence("StoreIntegrity", QT_TRANSLATE_NOOP(
                "StoreIntegrity", "%1 row %2%3 has no audit entry recording how it came in"),
                table, ids, more) if len(rows) == 1 else sentence(
                "StoreIntegrity", QT_TRANSLATE_NOOP(
                    "StoreIntegrity", "%1 rows %2%3 have no audit entry recording how they "
                    "came in"), table, ids, more))
    return problems


def vanished_rows(db: Database) -> list[str]:
    """Records the audit trail recorded coming in (created, imported, amended, merged...)
    that are no longer in the database: imsmap never deletes a clinical row (the triggers
    refuse it), so such a row was deleted around the app, the triggers dropped first. The
    reverse of `unaudited_rows`; nothing is rewritten, so no hash and no link differs."""
    with reading(db.path):
        return _vanished(db)


def _vanished(db: Database) -> list[str]:
    terms = terms_of(db.conn)
    server = dialect_of(db.conn).server_audit

    def spellings(word: str) -> list[object]:
        term = None if server else terms.maybe_id(word)
        return [word] if term is None else [word, term]

    actions = [form for action in CREATING_ACTIONS for form in spellings(action)]
    version = db.schema_version
    tables = [(table, spellings(entity)) for table, entity in RECORDED_TABLES.items()
              if version >= SINCE_SCHEMA.get(table, 0)]
    # One pass over the trail, each creating entry's row looked up by its key: the trail has
    # no index by entity (see _unaudited).
    cases = " ".join(
        f"WHEN entity IN ({', '.join('?' * len(forms))}) THEN"
        f" NOT EXISTS (SELECT 1 FROM {table} t WHERE t.id = audit.entity_id)"
        for table, forms in tables)
    params = [form for _table, forms in tables for form in forms]
    cursor = db.conn.execute(
        f"SELECT DISTINCT entity, entity_id FROM audit WHERE entity_id IS NOT NULL"
        f" AND action IN ({', '.join('?' * len(actions))}) AND CASE {cases} ELSE FALSE END"
        f" ORDER BY entity_id", (*actions, *params))
    gone: dict[str, list[int]] = {}
    counted_beyond: dict[str, int] = {}
    for entity, entity_id in cursor:
        table = next(t for t, forms in tables if entity in forms)
        ids = gone.setdefault(table, [])
        if len(ids) < 20:  # the first named, the rest counted, not held
            ids.append(int(entity_id))
        else:
            counted_beyond[table] = counted_beyond.get(table, 0) + 1
    problems: list[str] = []
    for table, _forms in tables:
        if table not in gone:
            continue
        rows = gone[table]
        beyond = counted_beyond.get(table, 0)
        named = ", ".join(map(str, rows))
        more = sentence("StoreIntegrity", QT_TRANSLATE_NOOP("StoreIntegrity", " and %1 more"),
                        beyond) if beyond else ""
        problems.append(sentence("StoreIntegrity", QT_TRANSLATE_NOOP(
            "StoreIntegrity", "%1 row %2%3 is no longer in the file, though the audit trail "
            "recorded how it came in: it was deleted outside imsmap"), table, named, more)
            if len(rows) == 1 and not beyond else sentence(
            "StoreIntegrity", QT_TRANSLATE_NOOP(
                "StoreIntegrity", "%1 rows %2%3 are no longer in the file, though the audit "
                "trail recorded how they came in: they were deleted outside imsmap"),
            table, named, more))
    return problems
