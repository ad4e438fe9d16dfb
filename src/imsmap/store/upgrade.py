"""Upgrading a database's schema with progress, and stopping it without harm.

`Database.open` upgrades a file silently, which is right for a small one. A file of earlier
schema with many records (schema 3 to 4 rewrites every site and audit entry: minutes at ten
million sites) is upgraded first through `upgrade`, which reports how far it has come and stops
when asked: the migration's transaction is rolled back, the file stays at its old schema
(readable by the imsmap that wrote it) and is upgraded the next time it is opened. The window
shows this in a dialog (ui.upgrade_dialog), the command line as a bar (cli.progress).

How far: SQLite counts the instructions it runs; the migration of schema 3 to 4 costs about
`OPS_PER_ROW` instructions per site and audit entry (measured on the benchmark's file), so the
rows, counted first, give the total; schemas 11 to 15 cost `OPS_PER_PATIENT` per patient.
The fraction shown is capped below 1 until the last transaction has committed.

How it writes: with a rollback journal, not the write-ahead log the app otherwise uses, and
holding the file alone. In the log, every page the migration writes (the new tables, and the
old ones' pages zeroed as they are dropped) was written twice, once to the log and once when the
log was copied back at the end: at ten million sites the log grew to 13.9 GB beside a 7.9 GB
file, and the copy back held the bar at 99 % for 12 minutes (docs/performance.md). The rollback
journal holds only the earlier contents of the pages the upgrade overwrites, the new tables are
written once, into the file, and nothing is copied at the end. A process killed partway leaves
that journal beside the file; the next opening plays it back (`pending` sees to it), and the
file is again exactly what it was. Another program with the file open (an older imsmap, say)
is a refusal, not an upgrade under its feet.

Before the first migration writes, the file as it is is copied into its backup folder
(``imsmap-backup-...-before-upgrade.sqlite3``, store.backup): the imsmap that wrote the file
can open that copy again, never the upgraded file. The copy is part of the progress shown, and
a stop while it is made leaves no copy and the file unchanged. A chosen backup folder that is
not there (its drive unplugged) gets no copy: the data folder's default folder does, as the
log and the dialog say.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from imsmap import paths
from imsmap.domain.errors import UserFacingError
from imsmap.domain.os_reasons import reason
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.logs import shown
from imsmap.store.backup import (
    BackupReason,
    Cancelled,
    backup_folder_for,
    backup_name,
    copy_to,
    default_backup_dir,
)
from imsmap.store.db import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    StoreError,
    play_back_journal,
    refuse,
)
from imsmap.store.migrations import PROGRESS_OPS, SCHEMA_VERSION, apply_migrations
from imsmap.store.sqlite_errors import Fault, fault_of, interrupted

# SQLite instructions per row the migrations rewrite (sites + audit entries), measured with
# bench/schema3.py on a 200,000-site file, and 259.9 on the 10,000,000-site one (4 December):
# see docs/performance.md, "A long schema upgrade".
OPS_PER_ROW = {4: 260}
# Schemas 11 to 14 write rows made in Python for each patient (its name parts, its order
# keys, its name parts again, its chart number's digit runs): SQLite instructions per patient,
# measured on a file of 100,000 (6 December; the Python between them is not counted, so the
# bar moves batch by batch as they are written). Schema 13: 63 (13 s for the 100,000, loaded).
# Schema 14: 39 for chart numbers C-100001..., 42 for DEMO-00001... (2 rows a patient; 0.4 s
# of CPU for the 100,000). Schema 15 builds an index of the patients' folded chart numbers: 10
# (0.18 s for the 100,000, 7 December; most of it in SQLite's sorter, which counts little).
OPS_PER_PATIENT = {11: 62, 12: 43, 13: 63, 14: 42, 15: 10}
OPS_FIXED = 50_000  # a migration that rewrites nothing
SHOWN_BEFORE_COMMIT = 0.99
# Disk the upgrade to schema 4 takes beside the file, over the file's size: the new tables
# (about 0.8) and the journal of the old tables' pages as they are dropped (about 1.0), measured
# on the benchmark's schema-3 files at 200,000 and 10,000,000 sites (docs/performance.md).
SPACE_PER_FILE_BYTE = {4: 1.8}
# The copy of the file as it was, made first: SQLite's online backup copies a page in about the
# time the migration of schema 3 to 4 takes for 200 of its instructions (0.10 s for the 10,207
# pages of a 240,000-row file, whose upgrade took 3.3 s for 62.7 million; local disk, 5 Dec).
OPS_PER_PAGE_COPIED = 200

log = logging.getLogger(__name__)


class UpgradeInterrupted(UserFacingError):
    """The upgrade was stopped; nothing was changed."""


class UpgradeRefused(UserFacingError):
    """The upgrade cannot start (the file in use, too little disk); nothing was changed."""


@dataclass(frozen=True)
class Pending:
    path: Path
    version: int  # the file's schema
    target: int = SCHEMA_VERSION
    rows: int = 0  # sites and audit entries: what the long migration rewrites
    pages: int = 0  # the file's pages: what the copy kept before the upgrade copies
    patients: int = 0  # what schemas 11 to 15 write rows for, when the file is before them


def pending(path: str | Path) -> Pending | None:
    """The upgrade an existing imsmap database needs, or None (new, current, not ours,
    unreadable: `Database.open` says what is wrong with those)."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0 or not os.access(path, os.R_OK):
        return None
    if not play_back_journal(path):  # a killed upgrade's: a normal connection plays it
        return None  # being written by another program: Database.open says it is busy
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
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            patients = 0
            if version < max(OPS_PER_PATIENT):
                patients = conn.execute("SELECT count(*) FROM patients").fetchone()[0]
            return Pending(path, version, SCHEMA_VERSION, rows, pages, patients)
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError):
        return None


def space_needed(p: Pending) -> int:
    """Bytes of free disk the upgrade takes beside the file, at most (0: it rewrites nothing)."""
    size = p.path.stat().st_size
    return int(sum(SPACE_PER_FILE_BYTE.get(v, 0) * size
                   for v in range(p.version + 1, p.target + 1)))


def estimate_ops(p: Pending) -> int:
    return copy_ops(p) + sum(OPS_PER_ROW.get(v, 0) * p.rows
                             + OPS_PER_PATIENT.get(v, 0) * p.patients + OPS_FIXED
                             for v in range(p.version + 1, p.target + 1))


def copy_ops(p: Pending) -> int:
    return OPS_PER_PAGE_COPIED * p.pages


def copy_folder(path: str | Path) -> Path:
    """Where the copy of `path` as it is goes before its upgrade: its backup folder, or the data
    folder's default one when the folder chosen in the settings is not there (a USB drive
    unplugged: it is not made again on this disk, as store.backup.ready_backup_dir says)."""
    folder = backup_folder_for(path)
    default = default_backup_dir(path)
    return folder if folder == default or folder.is_dir() else default


def upgrade(p: Pending, progress: Callable[[float], None] | None = None,
            stop: threading.Event | None = None) -> Path:
    """Keep a copy of the file as it is in `copy_folder`, then run the migrations `p` needs,
    calling ``progress(fraction)`` as they go; the copy's path. `stop` set: UpgradeInterrupted,
    the file unchanged at its schema (the migration running is rolled back; those already
    committed stay, each one whole)."""
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

    def copied(fraction: float) -> None:
        done[0] = int(fraction * copy_ops(p))
        if progress is not None:
            progress(min(SHOWN_BEFORE_COMMIT, done[0] / total))

    folder = copy_folder(p.path)  # read before this connection exists
    try:
        conn = sqlite3.connect(str(p.path), isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        refuse(exc, p.path)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        _hold_alone(conn, p, folder)
        conn.execute("PRAGMA synchronous = FULL")
        copy = _keep_a_copy(conn, p, folder, copied, stop)
        apply_migrations(conn, tick)
        conn.execute("PRAGMA journal_mode = WAL")  # as the app keeps it
    except (Cancelled, KeyboardInterrupt):  # the copy abandoned (Ctrl+C in the bar's call)
        raise _stopped(p.path.name, _version(conn)) from None
    except sqlite3.OperationalError as exc:
        if fault_of(exc) is Fault.BUSY and not _began(conn, p):
            # Another connection writes (another window upgrading it, which switched it out
            # of the write-ahead log first): nothing of this upgrade began.
            raise UpgradeRefused(sentence("StoreUpgrade", QT_TRANSLATE_NOOP(
                "StoreUpgrade", "Another imsmap window or program is writing to %1 (upgrading "
                "it, perhaps), so this upgrade cannot start; nothing was changed. Wait until it "
                "has finished, then open the file again."), p.path.name)) from None
        if interrupted(exc):
            raise _stopped(p.path.name, _version(conn)) from None
        refuse(exc, p.path)
    except sqlite3.DatabaseError as exc:
        refuse(exc, p.path)
    finally:
        conn.close()
    if progress is not None:
        progress(1.0)
    return copy


def _stopped(name: str, version: int) -> UpgradeInterrupted:
    return UpgradeInterrupted(sentence("StoreUpgrade", QT_TRANSLATE_NOOP(
        "StoreUpgrade", "The upgrade of %1 was stopped and nothing of it was kept: the "
        "file is still at schema %2 and is upgraded the next time it is opened."),
        name, version))


def _keep_a_copy(conn: sqlite3.Connection, p: Pending, folder: Path,
                 progress: Callable[[float], None], stop: threading.Event | None) -> Path:
    """The file as it is, copied into `folder` (store.backup.copy_to: checked, owner-only)
    before anything of the upgrade is written; `stop` set: Cancelled, no copy left."""
    stamp = datetime.now().replace(microsecond=0)
    target = folder / backup_name(stamp, BackupReason.UPGRADE)
    n = 1
    while target.exists():
        n += 1
        target = folder / backup_name(stamp, BackupReason.UPGRADE, n)
    try:
        copy_to(conn, p.path, target, progress=progress, interrupt=stop)
    except StoreError as exc:
        raise UpgradeRefused(sentence("StoreUpgrade", QT_TRANSLATE_NOOP(
            "StoreUpgrade", "Before upgrading %1, imsmap keeps a copy of it as it is now, and "
            "that copy could not be made: %2 Nothing was changed."),
            p.path.name, exc.message)) from None
    log.info("copy of %s at schema %d kept before its upgrade: %s",
             shown(p.path), p.version, shown(target))
    return target


def _version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _began(conn: sqlite3.Connection, p: Pending) -> bool:
    """Whether a migration of this upgrade has committed. The file locked by another
    connection so that even this reading fails: none has (this connection keeps the lock from
    its first write on)."""
    try:
        return _version(conn) != p.version
    except sqlite3.OperationalError:
        return False


def _hold_alone(conn: sqlite3.Connection, p: Pending, folder: Path) -> None:
    """The file in rollback-journal mode and locked to this connection until it closes, or
    UpgradeRefused: another program has it open (leaving the write-ahead log needs the file
    alone), the copy's `folder` cannot be made, or a disk has too little room for the copy
    and the upgrade."""
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError as exc:
        if fault_of(exc) is not Fault.BUSY:
            raise
        mode = "wal"
    if mode != "delete":
        raise UpgradeRefused(sentence("StoreUpgrade", QT_TRANSLATE_NOOP(
            "StoreUpgrade", "%1 is open in another imsmap window or program, so its upgrade "
            "cannot start; nothing was changed. Close the other window (an earlier imsmap, "
            "perhaps), then open the file again."), p.path.name))
    # From the first write on, no other connection until this one closes (readers meanwhile
    # see schema 3 whole, and are waited for).
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    try:
        paths.ensure_private_dir(folder)
    except OSError as exc:
        raise UpgradeRefused(sentence("StoreUpgrade", QT_TRANSLATE_NOOP(
            "StoreUpgrade", "Before upgrading %1, imsmap keeps a copy of it as it is now in "
            "%2, and that folder cannot be created (%3); nothing was changed."),
            p.path.name, folder, reason(exc))) from None
    need = space_needed(p)
    free = shutil.disk_usage(p.path.parent).free
    size = p.path.stat().st_size
    if os.stat(folder).st_dev == os.stat(p.path.parent).st_dev:
        need += size
    elif size > (room := shutil.disk_usage(folder).free):
        raise UpgradeRefused(sentence("StoreUpgrade", QT_TRANSLATE_NOOP(
            "StoreUpgrade", "Before upgrading %1, imsmap keeps a copy of it as it is now in "
            "%2, which needs about %3 GB there and there are %4 GB; nothing was changed. Free "
            "some space, then open the file again."),
            p.path.name, folder, round(size / 1e9, 1), round(room / 1e9, 1)))
    if need > free:
        raise UpgradeRefused(sentence("StoreUpgrade", QT_TRANSLATE_NOOP(
            "StoreUpgrade", "The upgrade of %1 needs about %2 GB of free disk beside it and "
            "there are %3 GB; nothing was changed. Free some space, then open the file again."),
            p.path.name, round(need / 1e9, 1), round(free / 1e9, 1)))
