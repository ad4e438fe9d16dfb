"""Is a missing table or column the file's damage, or the query's mistake? Compared with the
schema this imsmap's migrations build (a module of its own, so that store.db can ask it without
importing the rest of store.damage, which imports store.db)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.migrations import SCHEMA_VERSION, apply_migrations


def schema_damage(path: Path) -> str | None:
    """A query named a table or column the file does not have: is that the file's schema
    damaged (it lacks a table or column this imsmap's schema has), or the query wrong (a bug)?
    What the file lacks, or None. Only asked when such an error happened."""
    reference = sqlite3.connect(":memory:", isolation_level=None)
    try:
        file = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, OSError, ValueError):
        reference.close()
        return None
    try:
        apply_migrations(reference)
        if file.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return None
        for (table,) in reference.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                          " ORDER BY name"):
            want = [r[1] for r in reference.execute(f"PRAGMA table_info({table})")]
            have = {r[1] for r in file.execute(f"PRAGMA table_info({table})")}
            if not have:
                return sentence("StoreSchemaCheck", QT_TRANSLATE_NOOP(
                    "StoreSchemaCheck", "its schema has no table %1"), table)
            missing = [c for c in want if c not in have]
            if missing:
                return sentence("StoreSchemaCheck", QT_TRANSLATE_NOOP(
                    "StoreSchemaCheck", "its schema's table %1 has no column %2"),
                    table, ', '.join(missing))
        return None
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        return sentence("StoreSchemaCheck", QT_TRANSLATE_NOOP(
            "StoreSchemaCheck", "its schema cannot be read"))
    finally:
        file.close()
        reference.close()
