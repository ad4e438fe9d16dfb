"""Upgrading a database's schema with progress, and stopping it without harm.

`Database.open` upgrades a file silently, which is right for a small one. A file of earlier
schema with many records (schema 3 to 4 rewrites every site and audit entry: minutes at ten
million sites) is upgraded first through `upgrade`, which reports how far it has come and stops
when asked: the migration's transaction is rolled back, the file stays at its old schema
(readable by the imsmap that wrote it) and is upgraded the next time it is opened. The window
shows this in a dialog (ui.upgrade_dialog), the command line as a bar (cli.progress).

How far: SQLite counts the instructions it runs; the migration of schema 3 to 4 costs about
`OPS_PER_ROW` instructions per site and audit entry (measured on the benchmark's file), so the
rows, counted first, give the total. The fraction shown is capped below 1 until the last
transaction has committed.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from imsmap.domain.errors import UserFacingError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.db import APPLICATION_ID, BUSY_TIMEOUT_MS, refuse
from imsmap.store.migrations import PROGRESS_OPS, SCHEMA_VERSION, apply_migrations
from imsmap.store.sqlite_errors import interrupted

# SQLite instructions per row the migrations rewrite (sites + audit entries), measured with
# bench/schema3.py on a 200,000-site file: see docs/performance.md, "schema_upgrade_s".
OPS_PER_ROW = {4: 260}
OPS_FIXED = 50_000  # a migration that rewrites nothing
SHOWN_BEFORE_COMMIT = 0.99


class UpgradeInterrupted(UserFacingError):
    """The upgrade was stopped; nothing was changed."""


@dataclass(frozen=True)
class Pending:
    path: Path
    version: int  # the file's schema
    target: int = SCHEMA_VERSION
    rows: int = 0  # sites and audit entries: what the long migration rewrites


def pending(path: str | Path) -> Pending | None:
    """The upgrade an existing imsmap database needs, or None (new, current, not ours,
    unreadable: `Database.open` says what is wrong with those)."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0 or not os.access(path, os.R_OK):
        return None
    try:
        # Immutable: no lock and no -wal/-shm made beside a file that may be refused later
        # (a file being upgraded by an older imsmap meanwhile reads as not ours: None).
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                               timeout=1.0)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if app_id != APPLICATION_ID or not 1 <= version < SCHEMA_VERSION:
                return None
            rows = 0
            if version < 4:
                rows = sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                           for t in ("sites", "audit"))
            return Pending(path, version, SCHEMA_VERSION, rows)
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError):
        return None


def estimate_ops(p: Pending) -> int:
    return sum(OPS_PER_ROW.get(v, 0) * p.rows + OPS_FIXED
               for v in range(p.version + 1, p.target + 1))


def upgrade(p: Pending, progress: Callable[[float], None] | None = None,
            stop: threading.Event | None = None) -> None:
    """Run the migrations `p` needs, calling ``progress(fraction)`` as they go; `stop` set:
    UpgradeInterrupted, the file unchanged at its schema (the migration running is rolled
    back; those already committed stay, each one whole)."""
    total = max(1, estimate_ops(p))
    done = [0]

    def tick(_version: int) -> bool:
        try:
            done[0] += PROGRESS_OPS
            if progress is not None:
                progress(min(SHOWN_BEFORE_COMMIT, done[0] / total))
            return not (stop is not None and stop.is_set())
        except KeyboardInterrupt:  # Ctrl+C on the command line: stop here, rolled back
            return False

    try:
        conn = sqlite3.connect(str(p.path), isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        refuse(exc, p.path)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        apply_migrations(conn, tick)
    except sqlite3.OperationalError as exc:
        if interrupted(exc):
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            raise UpgradeInterrupted(
                sentence("StoreUpgrade", QT_TRANSLATE_NOOP(
                "StoreUpgrade", "The upgrade of %1 was stopped and nothing of it was kept: the "
                "file is still at schema %2 and is upgraded the next time it is opened."),
                p.path.name, version)
            ) from None
        refuse(exc, p.path)
    except sqlite3.DatabaseError as exc:
        refuse(exc, p.path)
    finally:
        conn.close()
    if progress is not None:
        progress(1.0)
