"""Backups of the database and checking one, with SQLite's online backup API.

A backup is one self-contained SQLite file (journal mode DELETE, owner-only, mode 600) named
``imsmap-backup-YYYYMMDD-HHMMSS[-reason].sqlite3`` in the backup folder: ``backup.dir`` from the
settings table, else ``<data folder>/backups/<database file name without .sqlite3>``. These
plain copies are what `imsmap backup --out` writes; the automatic backups are full, compressed
backups with a journal (store.backup_sets), which this module's verify_backup and
store.restore read too. `rotate` (the rule for plain copies: the newest ten and the newest of each day for thirty
days) only ever deletes files in that folder that match that name: it never touches anything
else.

Restoring one, which replaces the database itself, is store.restore.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from imsmap import __version__, paths
from imsmap.domain.os_reasons import reason
from imsmap.domain.text import QT_TRANSLATE_NOOP, Sentence, sentence
from imsmap.logs import shown
from imsmap.store import packed
from imsmap.store.db import APPLICATION_ID, DamagedFileError, Database, StoreError, refuse
from imsmap.store.durable import fsync_dir, fsync_file, publish_new
from imsmap.store.leftovers import alive
from imsmap.store.migrations import SCHEMA_VERSION
from imsmap.store.repository import Repository
from imsmap.store.sqlite_errors import Fault, fault_of, interrupted
from imsmap.store.sqlite_reasons import reason as sqlite_reason

log = logging.getLogger(__name__)

BACKUP_DIR_SETTING = "backup.dir"
KEEP_LAST = 10
KEEP_DAILY_DAYS = 30
_PREFIX = "imsmap-backup-"
_SUFFIX = ".sqlite3"
# Our own backup files, and only those: rotation deletes nothing that does not match this.
BACKUP_NAME = re.compile(r"^imsmap-backup-(\d{8})-(\d{6})(?:-[a-z0-9]+(?:-[a-z0-9]+)*)?"
                         r"\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    """What a verified backup holds."""

    path: Path
    schema_version: int
    patients: int
    sessions: int
    journal_records: int = 0  # a full backup's journal records, applied in the check
    taken_at: datetime | None = None  # what the backup holds is as of then (its newest record)


class BackupReason(Enum):
    """Why a backup is made. Its value is the word a plain copy's file name ends in
    (imsmap-backup-YYYYMMDD-HHMMSS-<word>.sqlite3), the same words the files made before this
    enum carry, so ``BackupReason(word)`` reads one back; BACKUP_NAME reads any word."""

    STARTUP = "startup"  # the window's start: a full backup when one is due, else the journal
    FIRST = "first"  # no backup set yet for the journal to continue: a full backup
    MANUAL = "manual"  # "Back up now" (and `imsmap backup`)
    SIGNED = "signed"  # a session was signed: the journal catches up at once
    SETUP = "setup"  # the set-up chose a backup folder: a first copy there proves it works
    # The file as an earlier imsmap left it, copied before this imsmap's upgrade changes its
    # format (store.upgrade): that imsmap can open the copy again; the upgraded file it cannot.
    UPGRADE = "before-upgrade"


class Cancelled(Exception):
    """A backup was abandoned (the window closed); nothing was published."""


# -- names and rotation (pure) ------------------------------------------------------------
def backup_name(stamp: datetime, reason: BackupReason | None = None, copy: int = 1) -> str:
    """The file name of a plain copy made at ``stamp``; ``copy`` > 1 for another made in the
    same second."""
    words = [reason.value] if reason is not None else []
    if copy > 1:
        words.append(str(copy))
    return f"{_PREFIX}{stamp:%Y%m%d-%H%M%S}{''.join('-' + w for w in words)}{_SUFFIX}"


def parse_backup_name(name: str) -> datetime | None:
    """The time a backup file was made, from its name; None if it is not one of ours."""
    match = BACKUP_NAME.match(name)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
    except ValueError:
        return None


def plan_rotation(backups: Iterable[tuple[str, datetime]], now: datetime, *,
                  keep_last: int = KEEP_LAST, daily_days: int = KEEP_DAILY_DAYS) -> set[str]:
    """The names to delete: all but the newest `keep_last` and the newest of each of the last
    `daily_days` calendar days (today included). Backups dated after `now` are kept."""
    ordered = sorted(backups, key=lambda b: (b[1], b[0]), reverse=True)
    keep = {name for name, _ in ordered[:keep_last]}
    days_seen: set[object] = set()
    for name, stamp in ordered:
        age = (now.date() - stamp.date()).days
        if stamp > now:
            keep.add(name)
        elif age < daily_days and stamp.date() not in days_seen:
            days_seen.add(stamp.date())
            keep.add(name)
    return {name for name, _ in ordered} - keep


def own_backups(folder: Path) -> list[tuple[Path, datetime]]:
    """Regular files in `folder` (not below it) named like our backups."""
    found = []
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "The backup folder %1 cannot be read (%2)."),
            folder, reason(exc))) from None
    for entry in entries:
        stamp = parse_backup_name(entry.name)
        if stamp is not None and entry.is_file(follow_symlinks=False):
            found.append((Path(entry.path), stamp))
    return sorted(found, key=lambda b: (b[1], b[0].name))


def rotate(folder: Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups `plan_rotation` lets go; returns what was deleted."""
    now = now or datetime.now()
    backups = own_backups(folder)
    doomed = plan_rotation(((p.name, stamp) for p, stamp in backups), now)
    deleted = []
    for path, _ in backups:
        if path.name in doomed and BACKUP_NAME.match(path.name) and path.parent == folder:
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            deleted.append(path)
    return deleted


# -- making backups -----------------------------------------------------------------------
def default_backup_dir(db_path: str | os.PathLike[str]) -> Path:
    """<data folder>/backups/<database file name>: the demo's backups and the clinic's never mix
    in one rotation, and a database moved to another folder still finds its backups."""
    return paths.data_dir() / "backups" / Path(db_path).stem


def backup_dir(db: Database) -> Path:
    configured = Repository(db).setting(BACKUP_DIR_SETTING)
    if configured and configured.strip():
        return Path(configured.strip()).expanduser()
    return default_backup_dir(db.path)


def backup_folder_for(db_path: str | os.PathLike[str]) -> Path:
    """The backup folder of a database that may be too damaged to open normally: its
    ``backup.dir`` setting when that can still be read, else its default folder."""
    db_path = Path(db_path)
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?",
                               (BACKUP_DIR_SETTING,)).fetchone()
        finally:
            conn.close()
        if row and str(row[0]).strip():
            return Path(str(row[0]).strip()).expanduser()
    except (sqlite3.Error, OSError, ValueError):
        pass
    return default_backup_dir(db_path)


def ready_backup_dir(db: Database) -> Path:
    """The backup folder, created owner-only if it is missing; a sentence if it cannot be.
    A folder the clinic chose existed when it was chosen (the set-up made it, the settings
    refuse one that does not exist): gone, it went with its drive (a USB drive unplugged, a
    disk not mounted), and making it again would put the backups on the records' own disk
    without a word. Only the data folder's default is made when missing."""
    folder = backup_dir(db)
    if folder != default_backup_dir(db.path) and not folder.is_dir():
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "The backup folder %1 is not there: is its drive connected? "
            "Nothing was backed up; connect it, or choose another folder in the settings."),
            folder))
    try:
        paths.ensure_private_dir(folder)
    except OSError as exc:
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "The backup folder %1 cannot be created (%2); choose another in the "
            "settings."), folder, reason(exc))) from None
    return folder


def backup_now(db: Database, reason: BackupReason | None = None, *,
               now: datetime | None = None) -> Path:
    """Back up into the backup folder, then rotate the old backups there; the new file's path."""
    folder = ready_backup_dir(db)
    stamp = (now or datetime.now()).replace(microsecond=0)
    target = folder / backup_name(stamp, reason)
    n = 1
    while target.exists():
        n += 1
        target = folder / backup_name(stamp, reason, n)
    backup_to(db, target)
    deleted = rotate(folder, now=stamp)
    log.info("backup written (%s): %s; %d older let go",
             (reason or BackupReason.MANUAL).value, shown(target), len(deleted))
    return target


def backup_to(db: Database, target: str | os.PathLike[str]) -> Path:
    """Copy the open database, consistent as of one moment, into the new file `target`."""
    return copy_to(db.conn, db.path, target)


PAGES_PER_STEP = 1024  # pages SQLite's backup copies between two calls of `progress`


def copy_to(conn: sqlite3.Connection, source: Path, target: str | os.PathLike[str], *,
            progress: Callable[[float], None] | None = None,
            interrupt: threading.Event | None = None) -> Path:
    """Copy the database `conn` has open (the file `source`), consistent as of one moment, into
    the new file `target`, checked before it takes that name. ``progress(fraction)`` as the
    pages are copied; `interrupt` set: Cancelled, and no file is left."""
    target = Path(target).expanduser()
    if target.exists() or target.is_symlink():
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "%1 already exists; a backup never overwrites a file. Choose a new "
            "file name."), target))
    folder = target.parent
    if not folder.is_dir():
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "The folder %1 does not exist; create it first or choose another."),
            folder))
    clean_stale_partials(folder)
    tmp = folder / f".{target.name}.{os.getpid()}.partial"
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError as exc:
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "A backup cannot be written in %1 (%2)."),
            folder, reason(exc))) from None
    try:
        make_private(tmp)
        try:
            if progress is None and interrupt is None:
                copy_database(conn, tmp)
            else:
                def step(_status: int, remaining: int, total: int) -> None:
                    if interrupt is not None and interrupt.is_set():
                        raise Cancelled()
                    if progress is not None:
                        progress((total - remaining) / max(1, total))

                copy_database(conn, tmp, pages=PAGES_PER_STEP, progress=step)
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            refuse(exc, target)
        fsync_file(tmp)
        try:
            verify_backup(tmp, interrupt=interrupt)
        except StoreError as exc:  # the copy is as the database is: that is damaged
            raise DamagedFileError(
                sentence("StoreBackup", QT_TRANSLATE_NOOP(
                "StoreBackup", "%1 is damaged, so no backup was made: SQLite's check of the "
                "copy failed (imsmap check lists the problems). Keep the file as it is and "
                "restore the latest good backup."), source)) from exc
        publish(tmp, target)
    finally:
        remove_partial(tmp)
    fsync_dir(folder)
    return target


def clean_stale_partials(folder: Path) -> None:
    """Remove what copies into `folder` left when their process was killed (kill -9, a power
    cut): each a hidden, whole copy of the records beside where a backup was to go (a USB
    stick), that nothing else would ever remove. Only a file named as our partial copies are
    (``.NAME.PID.partial``) that is empty or an SQLite file, with what SQLite left beside it;
    never the partial file of a copy still running."""
    pattern = re.compile(r"^\.(.+)\.(\d+)\.partial$")
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        match = pattern.match(entry.name)
        if (not match or not entry.is_file(follow_symlinks=False)
                or alive(int(match.group(2))) or not _empty_or_sqlite(Path(entry.path))):
            continue
        remove_partial(Path(entry.path))


def _empty_or_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return head in (b"", b"SQLite format 3\0")


def remove_partial(tmp: Path) -> None:
    """A half backup's file gone, with what SQLite left beside it when the copy failed: its
    -wal and -shm (a full disk refused leaving write-ahead mode) or -journal."""
    for path in (tmp, *(tmp.with_name(tmp.name + end) for end in ("-wal", "-shm", "-journal"))):
        path.unlink(missing_ok=True)


def publish(tmp: Path, target: Path) -> None:
    """Give `tmp` the name `target` without ever replacing a file that appeared meanwhile
    (durable.publish_new, on file systems with hard links or without)."""
    try:
        publish_new(tmp, target)
    except FileExistsError:
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "%1 already exists; a backup never overwrites a file. Choose a new "
            "file name."), target)) from None


# -- checking a backup --------------------------------------------------------------------
def verify_backup(path: str | os.PathLike[str], *,
                  interrupt: threading.Event | None = None) -> BackupInfo:
    """Open read-only; the file must pass PRAGMA integrity_check, be an imsmap database and
    have a schema this imsmap can read. StoreError otherwise. A full, compressed backup
    (store.backup_sets) is expanded beside it with its journal applied, and that is checked.
    `interrupt` set: Cancelled (the check is abandoned)."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "There is no backup file at %1."), path))
    if not os.access(path, os.R_OK):
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "%1 cannot be read (permission denied)."), path))
    if packed.is_full(path):
        expanded = path.with_name(f".{path.name}.{os.getpid()}.verify")
        try:
            fd = os.open(expanded, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
            records = packed.expand(path, expanded)
            try:
                info = verify_backup(expanded, interrupt=interrupt)
            except StoreError as exc:
                raise naming(exc, expanded, path) from None
        finally:
            for leftover in (expanded, sidecar(expanded, "-journal")):
                leftover.unlink(missing_ok=True)
        taken = packed.last_written(path) or parse_backup_name(path.name)
        return BackupInfo(path, info.schema_version, info.patients, info.sessions, records,
                          taken)
    # Read through SQLite only: this process may hold a connection to the file (the window),
    # and closing any other descriptor of it would drop that connection's locks.
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               isolation_level=None)
    except sqlite3.DatabaseError as exc:
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "%1 cannot be opened (%2)."), path, sqlite_reason(exc))) from None
    if interrupt is not None:
        conn.set_progress_handler(lambda: 1 if interrupt.is_set() else 0, 100_000)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
        if rows != ["ok"]:
            # SQLite's English findings are the maintainer's (the log); the user is told what
            # they mean
            log.info("the check of backup %s found: %s", shown(path),
                     "; ".join(" ".join(str(r).split()) for r in rows[:3]))
            raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
                "StoreBackup", "%1 is damaged (%2); it cannot be used."), path,
                sentence("StoreBackup", QT_TRANSLATE_NOOP(
                    "StoreBackup", "SQLite's check of its structure finds faults"))))
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
                "StoreBackup", "%1 is an SQLite database, but not an imsmap one."), path))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < 1:
            raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
                "StoreBackup", "%1 holds no imsmap records (its schema was never created)."), path))
        if version > SCHEMA_VERSION:
            raise StoreError(
                sentence("StoreBackup", QT_TRANSLATE_NOOP(
                "StoreBackup", "%1 was written by a newer imsmap (database schema %2); this "
                "imsmap %3 reads schema %4 and older. Update imsmap to use it."),
                path, version, __version__, SCHEMA_VERSION))
        patients = conn.execute("SELECT count(*) FROM patients").fetchone()[0]
        sessions = conn.execute("SELECT count(*) FROM sessions").fetchone()[0]
        return BackupInfo(path, version, patients, sessions, 0, parse_backup_name(path.name))
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        if interrupt is not None and interrupt.is_set() and interrupted(exc):
            raise Cancelled() from None
        if fault_of(exc) is Fault.NOT_A_DATABASE:
            raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
                "StoreBackup", "%1 is not an imsmap backup (it is not an SQLite file, or its "
                "first page is damaged)."), path)) from None
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "%1 is damaged or not an imsmap backup (%2)."),
            path, sqlite_reason(exc))) from None
    finally:
        conn.close()


def naming(exc: StoreError, copy: Path, backup: Path) -> StoreError:
    """The refusal of a backup's expanded or checked copy (a hidden file of our own) said of
    the backup itself, whose name the clinic knows."""
    message = exc.message
    if not isinstance(message, Sentence) or copy not in message.args:
        return exc
    return type(exc)(Sentence(message.context, message.template,
                              [backup if a == copy else a for a in message.args],
                              message.counted))


# -- files --------------------------------------------------------------------------------
def copy_database(conn: sqlite3.Connection, path: Path, *, pages: int = -1,
                  progress: Callable[[int, int, int], object] | None = None) -> None:
    """Copy the database `conn` has open into the file `path` with SQLite's online backup
    (`pages` a step, `progress` called after each), as one self-contained file: out of WAL, no
    -wal or -shm beside it. The one way a backup, a full backup of a set, a restore's copy and
    the database set aside before a restore are written; the caller words the errors."""
    dst = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.backup(dst, pages=pages, progress=progress)
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()


def sidecar(path: Path, suffix: str) -> Path:
    """The file SQLite keeps beside `path` (``-journal``, ``-wal``, ``-shm``)."""
    return path.with_name(path.name + suffix)


def make_private(path: Path) -> None:
    if sys.platform != "win32":
        os.chmod(path, 0o600)
