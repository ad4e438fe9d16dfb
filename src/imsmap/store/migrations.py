"""Schema migrations, numbered by SQLite's PRAGMA user_version.

A migration only adds: new tables, new columns, new indexes, data copied forward. Existing records
are never dropped: a table is rebuilt (schema 4) only by copying every row into its new form,
checking each copy against its original, and then replacing the old table, all in one
transaction. Append new migrations to MIGRATIONS; never edit one that has shipped.

This module is the register and the runner. The SQL of the shipped migrations is in modules of
their own: store/migration_v1_v3.py (schemas 1-3), store/migration_v4.py (schema 4's rebuild,
with its check), store/migration_v5_v11.py (schemas 5-11), and store/migration_v12.py to
migration_v15.py (schemas 12 to 15). A new migration goes in a module of
its own and is registered here by a line in MIGRATIONS (and in AFTER_MIGRATION or FILL_AFTER
when Python finishes it).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from imsmap.store import (
    chart_digits,
    migration_v1_v3,
    migration_v4,
    migration_v5_v11,
    migration_v12,
    migration_v13,
    migration_v14,
    migration_v15,
    name_order,
    name_parts,
)

log = logging.getLogger(__name__)

# (version, description, SQL). The database's user_version is the last one applied.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "patients, sessions, sites, amendments, audit trail", migration_v1_v3.V1),
    (2, "consent, needle count, plan; findings, adverse events, protocols", migration_v1_v3.V2),
    (3, "a permanent identity (uid) for every session", migration_v1_v3.V3),
    (4, "compact sites and audit entries: terms, integer times and positions",
     migration_v4.SQL),
    (5, "amendments immutable; imported audit trails kept", migration_v5_v11.V5),
    (6, "clinical photos, their bytes apart, locked with a signed session", migration_v5_v11.V6),
    (7, "structured amendments: corrections of a signed session's sites", migration_v5_v11.V7),
    (8, "withdrawn drafts and sessions entered in error (retractions)", migration_v5_v11.V8),
    (9, "duplicate patient records merged and separated (patient_merges)", migration_v5_v11.V9),
    (10, "photos added to a signed session by amendment", migration_v5_v11.V10),
    (11, "the folded parts of patients' names, for search", migration_v5_v11.V11),
    (12, "each patient's order keys: the list in the same order on a file and a server",
     migration_v12.V12),
    (13, "the name parts again: « œ » and « æ » as « oe » and « ae » (search)",
     migration_v13.V13),
    (14, "the digit runs of each chart number: « 0006 » or « 6 » finds DEMO-0006 (search)",
     migration_v14.V14),
    (15, "the chart number folded, indexed: « c-1001 » beside C-1001 found without reading "
     "every patient", migration_v15.V15),
)
# Run after a migration's SQL, in its transaction: a check that raises to roll it all back,
# then the statements that finish it.
AFTER_MIGRATION = {4: (migration_v4.check, migration_v4.SWAP)}
# Run after a migration's SQL, in its transaction: data made in Python, then its check.
FILL_AFTER: dict[int, tuple[Callable[[sqlite3.Connection], None],
                            Callable[[sqlite3.Connection], None]]] = {
    11: (name_parts.fill, name_parts.check_filled),
    12: (name_order.fill, name_order.check_filled),
    13: (name_parts.refill, name_parts.check_filled),
    14: (chart_digits.fill, chart_digits.check_filled)}

SCHEMA_VERSION = MIGRATIONS[-1][0]


PROGRESS_OPS = 20_000  # SQLite instructions between two calls of `progress`


def apply_migrations(conn: sqlite3.Connection,
                     progress: Callable[[int], bool] | None = None) -> list[int]:
    """Bring the schema up to SCHEMA_VERSION; each migration is its own transaction.

    ``progress(version)`` is called every PROGRESS_OPS SQLite instructions while a migration
    runs (store.upgrade shows it); it returns False to stop: the migration's transaction is
    rolled back, the file stays at the version before, and sqlite3.OperationalError
    ("interrupted") is raised."""
    applied = []
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    for version, description, sql in MIGRATIONS:
        if version <= current:
            continue
        if conn.execute("PRAGMA database_list").fetchone()[2]:  # a file, not a scratch copy
            log.info("migrating the database schema %d -> %d: %s", current, version, description)
        if progress is not None:
            def handler(v: int = version, ask: Callable[[int], bool] = progress) -> int:
                return 0 if ask(v) else 1

            conn.set_progress_handler(handler, PROGRESS_OPS)
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in split_statements(sql):
                conn.execute(statement)
            if version in FILL_AFTER:
                make, made = FILL_AFTER[version]
                make(conn)
                made(conn)
            if version in AFTER_MIGRATION:
                check, finish = AFTER_MIGRATION[version]
                check(conn)
                for statement in split_statements(finish):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(version)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # an interrupted statement may have rolled it back
                conn.execute("ROLLBACK")
            log.warning("migration to schema %d rolled back", version)
            raise
        finally:
            if progress is not None:
                conn.set_progress_handler(None, 0)
        applied.append(version)
        current = version
    return applied


def split_statements(sql: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    statements, buf = [], []
    for line in sql.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        buf.append(line)
        joined = "\n".join(buf)
        if sqlite3.complete_statement(joined):
            statements.append(joined.strip())
            buf = []
    if buf and "\n".join(buf).strip():
        statements.append("\n".join(buf).strip())
    return statements
