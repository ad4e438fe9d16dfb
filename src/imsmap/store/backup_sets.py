"""Automatic backups that scale: a full, compressed backup now and then, and a journal of what
was written since (store.journal), restorable together.

A backup set is two files in the backup folder (store.backup.backup_dir):
- ``imsmap-backup-YYYYMMDD-HHMMSS-full.sqlite3.gz``: the database as of one moment, copied with
  SQLite's online backup API, checked with ``PRAGMA integrity_check``, then gzip-compressed;
- ``imsmap-backup-YYYYMMDD-HHMMSS-full.journal``: the rows written after that moment, a record
  appended (and fsynced) when a session is signed, when the window starts and when it closes.

The policy (settings ``backup.full_every_days``, default 7, and ``backup.keep_fulls``, default
3; `imsmap backup --full-every-days N --keep-fulls N` sets them): a new full backup when the
newest set is that many days old (or was made at another schema); rotation keeps the newest
``keep_fulls`` restore points (sets, or plain backups of earlier imsmap versions) and only ever
deletes files named like ours in that folder. A set is published only when whole: the copy and
the compressed file are written under hidden ``.partial`` names, checked, fsynced, and then
linked to their names, the journal first. A full backup that is abandoned (the window closed, the
process killed) publishes nothing; its partial files are removed by the next one, which starts
again.

Two databases can share a backup folder (the default folder is named after the file's stem; a
copy of a database carries its ``backup.dir``). Each set therefore names its owner: a database
is given a random identity (setting ``backup.database_id``) when its first set is made, and the
journal's start record holds it with the file's resolved path. A database continues, and
rotates, only sets of its own identity; a set of another identity is never appended to nor
deleted. A set made before sets had owners (no identity in its start) is never appended to (a
new full backup is made: it cannot be told cheaply whose it is, and rows of another clinic in a
journal would be restored with its full backup); rotation lets it go like the plain backups of
earlier versions. A copy of a database (same identity, another file, the first file still there
with that identity) is given an identity of its own before it backs up; a database that was
moved (its former file gone) keeps its identity and its set.
"""

from __future__ import annotations

import contextlib
import gzip
import logging
import os
import re
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from imsmap.domain.errors import ValidationError
from imsmap.domain.os_reasons import reason
from imsmap.domain.text import QT_TRANSLATE_NOOP, counted, joined, sentence
from imsmap.logs import shown
from imsmap.store import journal
from imsmap.store.backup import (
    BACKUP_NAME,
    Cancelled,
    backup_dir,
    copy_database,
    make_private,
    parse_backup_name,
    publish,
    ready_backup_dir,
    remove_partial,
    verify_backup,
)
from imsmap.store.db import BUSY_TIMEOUT_MS, Database, StoreError, user_error
from imsmap.store.durable import fsync_dir
from imsmap.store.leftovers import alive
from imsmap.store.packed import CHUNK, FULL_NAME, JOURNAL_NAME, copy_number, journal_of
from imsmap.store.repository import Repository
from imsmap.store.sqlite_reasons import reason as sqlite_reason

log = logging.getLogger(__name__)

FULL_EVERY_SETTING = "backup.full_every_days"
KEEP_FULLS_SETTING = "backup.keep_fulls"
IDENTITY_SETTING = "backup.database_id"  # whose backup sets are whose (see the docstring)
DEFAULT_FULL_EVERY_DAYS = 7
DEFAULT_KEEP_FULLS = 3
COMPRESS_LEVEL = 1  # 0.49 of the file at 70 MB/s here; level 6 gives 0.45 at 28 MB/s
# The compressed file is flushed every few chunks as it is written (a few MB), as the copy is
# at each step (_PacedCopy): a window's commit then never queues behind a whole backup.
SYNC_EVERY_CHUNKS = 8
STEP_PAGES = 1024  # pages copied between two looks at `cancel`
# What a full backup, or the check of one, leaves behind when its process is killed.
PARTIAL_NAME = re.compile(r"^\.imsmap-backup-\d{8}-\d{6}-full(?:-\d+)?\.(?:sqlite3\.gz|journal)"
                          r"\.(\d+)\.(?:copy\.partial|partial|verify)"
                          r"(?:-journal|-wal|-shm)?$")  # what SQLite left beside a copy


@dataclass(frozen=True)
class Policy:
    full_every_days: int = DEFAULT_FULL_EVERY_DAYS
    keep_fulls: int = DEFAULT_KEEP_FULLS

    def describe(self) -> str:
        return joined("; ", [counted("StoreBackupSets", QT_TRANSLATE_NOOP(
            "StoreBackupSets", "a full, compressed backup every %1 day(s) and a journal of what "
            "was written since (appended at each signature, start and close)"),
            self.full_every_days), counted("StoreBackupSets", QT_TRANSLATE_NOOP(
                "StoreBackupSets", "the newest %1 full backup(s) with their journals are kept"),
                self.keep_fulls)])


def check_policy(full_every_days: object, keep_fulls: object) -> Policy:
    """A valid policy from what was typed; ValidationError with one sentence otherwise."""
    try:
        every, keep = int(str(full_every_days)), int(str(keep_fulls))
    except ValueError:
        raise ValidationError(sentence("StoreBackupSets", QT_TRANSLATE_NOOP(
            "StoreBackupSets", "The backup policy takes whole numbers of days and of backups.")),
                              "backup") from None
    if not 1 <= every <= 90:
        raise ValidationError(sentence("StoreBackupSets", QT_TRANSLATE_NOOP(
            "StoreBackupSets", "A full backup is made every 1 to 90 days.")), "backup")
    if not 1 <= keep <= 20:
        raise ValidationError(sentence("StoreBackupSets", QT_TRANSLATE_NOOP(
            "StoreBackupSets", "Keep 1 to 20 full backups.")), "backup")
    return Policy(every, keep)


def policy_of(db: Database) -> Policy:
    repo = Repository(db)
    try:
        return check_policy(repo.setting(FULL_EVERY_SETTING) or DEFAULT_FULL_EVERY_DAYS,
                            repo.setting(KEEP_FULLS_SETTING) or DEFAULT_KEEP_FULLS)
    except ValidationError:  # written around imsmap: the defaults, never fewer backups
        return Policy()


@dataclass(frozen=True)
class BackupSet:
    full: Path
    journal: Path
    stamp: datetime


def _stamp(match: re.Match[str]) -> datetime | None:
    try:
        return datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
    except ValueError:
        return None


def sets(folder: Path) -> list[BackupSet]:
    """The whole sets in `folder` (a full backup and its journal), oldest first."""
    try:
        names = {e.name for e in os.scandir(folder) if e.is_file(follow_symlinks=False)}
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StoreError(sentence("StoreBackupSets", QT_TRANSLATE_NOOP(
            "StoreBackupSets", "The backup folder %1 cannot be read (%2)."),
            folder, reason(exc))) from None
    found = []
    for name in names:
        match = FULL_NAME.match(name)
        stamp = _stamp(match) if match else None
        if stamp is not None and journal_of(folder / name).name in names:
            found.append(BackupSet(folder / name, journal_of(folder / name), stamp))
    return sorted(found, key=lambda s: (s.stamp, copy_number(s.full.name), s.full.name))


def starts(folder: Path) -> list[tuple[BackupSet, journal.Record | None]]:
    """The sets in `folder`, oldest first, each with its journal's start (None: damaged)."""
    found: list[tuple[BackupSet, journal.Record | None]] = []
    for s in sets(folder):
        try:
            found.append((s, _start_record(s.journal)))
        except (StoreError, OSError):
            found.append((s, None))
    return found


def current_set(folder: Path, schema: int, identity: str | None) -> BackupSet | None:
    """The newest set of the database `identity`, if its journal continues a full backup at
    `schema`. None for a database without identity: it has no set of its own yet."""
    if not identity:
        return None
    own = [(s, start) for s, start in starts(folder)
           if start is not None and start.identity == identity]
    if not own:
        return None
    newest, start = own[-1]
    return newest if start.schema == schema and start.full == newest.full.name else None


def _start_record(path: Path) -> journal.Record:
    with open(path, "rb") as fh:
        record = journal.parse_line(fh.readline())
    if record is None or record.kind != "start":
        raise journal.JournalError(sentence("StoreBackupSets", QT_TRANSLATE_NOOP(
            "StoreBackupSets", "The backup journal %1 has lost its first record."), path.name))
    return record


def full_due(folder: Path, policy: Policy, schema: int, now: datetime,
             identity: str | None) -> bool:
    current = current_set(folder, schema, identity)
    return current is None or now - current.stamp >= timedelta(days=policy.full_every_days)


# -- whose sets are whose ------------------------------------------------------------------
def identity_of(db: Database, folder: Path, *, give: bool = False) -> str | None:
    """This database's identity for its backup sets. A copy of another database whose sets are
    in `folder` is given one of its own first. None: it has none, and `give` is False or it
    cannot be given one (a read-only file)."""
    own = Repository(db).setting(IDENTITY_SETTING)
    if not own:
        return _give_identity(db, None) if give else None
    here = str(db.path.resolve())
    for _s, start in reversed(starts(folder)):
        if start is None or start.identity != own:
            continue
        if start.path and start.path != here and _another_file_is(Path(start.path), own):
            log.warning("the database %s is a copy of another one whose backups are in %s: "
                        "it is given an identity of its own and its own backups",
                        shown(db.path), shown(folder))
            return _give_identity(db, own)
        break  # the newest set of this identity is this file's (or the file was moved)
    return own


def set_owner(full: Path) -> tuple[str, str]:
    """Whose set the full backup `full` is: (identity, the resolved path of the database file
    that made it), from its journal's start; ("", "") when not known (a set made before sets
    had owners, a journal missing or damaged)."""
    try:
        start = _start_record(journal_of(full))
    except (StoreError, OSError):
        return "", ""
    return start.identity, start.path


def identity_in(path: Path, *, with_records: bool = False) -> str | None:
    """The identity of the database file at `path` (or of a plain copy of one), read-only.
    None: no file there, none set, or a file that cannot be read; with `with_records`, also a
    database that holds no patient and no session (a new computer's new, empty clinic)."""
    if not path.is_file() or not path.stat().st_size:
        return None
    try:
        return _stored_identity(path, with_records=with_records)
    except (sqlite3.Error, UnicodeDecodeError):  # damaged, or text that is not UTF-8
        return None


def _another_file_is(path: Path, identity: str) -> bool:
    """Whether the database file at `path` still has `identity` (the file was copied, not
    moved). A file there that cannot be read counts as one: a new set is the safe side."""
    if not path.exists():
        return False  # moved: the identity and its sets go with the file
    try:
        return _stored_identity(path) == identity
    except (sqlite3.Error, UnicodeDecodeError):
        return True


def _stored_identity(path: Path, *, with_records: bool = False) -> str | None:
    """The identity setting of the database file at `path`, read-only (None: not set; with
    `with_records`, also none for a database without patients and sessions); SQLite's error
    when the file cannot be read."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        row = conn.execute("SELECT value FROM settings WHERE key = ?",
                           (IDENTITY_SETTING,)).fetchone()
        if with_records and row and conn.execute(
                "SELECT NOT EXISTS (SELECT 1 FROM patients)"
                " AND NOT EXISTS (SELECT 1 FROM sessions)").fetchone()[0]:
            return None
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else None


def _give_identity(db: Database, replacing: str | None) -> str | None:
    """A new random identity written, in one transaction, if the setting is still `replacing`
    (another process may have written one meanwhile: then that one). The database's read-only
    connection cannot write: a connection of its own does. None if the file refuses."""
    value = secrets.token_hex(16)
    try:
        conn = db.conn if not db.readonly else sqlite3.connect(
            str(db.path), isolation_level=None, check_same_thread=False)
        try:
            if conn is not db.conn:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                conn.execute("PRAGMA synchronous = FULL")
            conn.execute("BEGIN IMMEDIATE")
            try:
                row = conn.execute("SELECT value FROM settings WHERE key = ?",
                                   (IDENTITY_SETTING,)).fetchone()
                if (row[0] if row else None) == replacing:
                    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT"
                                 " (key) DO UPDATE SET value = excluded.value",
                                 (IDENTITY_SETTING, value))
                else:
                    value = row[0]
                conn.execute("COMMIT")
            finally:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
        finally:
            if conn is not db.conn:
                conn.close()
    except sqlite3.Error as exc:
        log.warning("the database %s could not be given its backup identity (%s): its backups"
                    " are made without one and never continued", shown(db.path),
                    ' '.join(str(exc).split())[:100])
        return None
    return value


# -- making a set -------------------------------------------------------------------------
def _full_name(folder: Path, stamp: datetime) -> str:
    base = f"imsmap-backup-{stamp:%Y%m%d-%H%M%S}-full"
    n = 1
    while True:
        name = f"{base}{'-' + str(n) if n > 1 else ''}.sqlite3.gz"
        if not (folder / name).exists() and not journal_of(folder / name).exists():
            return name
        n += 1


def checkpoint(cancel: threading.Event | None) -> None:
    """Between two steps of the copy and of the compression: stop (Cancelled) if asked to."""
    if cancel is not None and cancel.is_set():
        raise Cancelled()


def make_full(db: Database, *, now: datetime | None = None,
              cancel: threading.Event | None = None) -> BackupSet:
    """A new set: the database copied as of one moment, checked, compressed, with a new journal
    starting at that moment; then rotation. `cancel` set: Cancelled, nothing published."""
    folder = ready_backup_dir(db)
    clean_partials(folder)
    identity = identity_of(db, folder, give=True)  # before the copy: the copy holds it
    stamp = (now or datetime.now()).replace(microsecond=0)
    name = _full_name(folder, stamp)
    final = folder / name
    copy = folder / f".{name}.{os.getpid()}.copy.partial"
    packed = folder / f".{name}.{os.getpid()}.partial"
    conn = db.conn
    try:
        for path in (copy, packed):
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
            make_private(path)
        # One read transaction for the copy and its marks: the copy is one moment of the
        # database, steps and all, while windows go on writing.
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            marks = journal.marks(conn)
            schema = conn.execute("PRAGMA user_version").fetchone()[0]
            with _PacedCopy(copy, cancel) as paced:
                copy_database(conn, copy, pages=STEP_PAGES, progress=paced.step)
        except sqlite3.DatabaseError as exc:
            if user_error(exc, db.path) is None:
                raise  # the code's own error: a bug, not the user's
            raise StoreError(sentence("StoreBackupSets", QT_TRANSLATE_NOOP(
                "StoreBackupSets", "The backup of %1 could not be made (%2)."),
                db.path.name, sqlite_reason(exc))) from None
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        verify_backup(copy, interrupt=cancel)
        compress(copy, packed, cancel)
        start = journal.Record("start", stamp.astimezone().isoformat(), marks, {}, full=name,
                               schema=schema, identity=identity or "",
                               path=str(db.path.resolve()))
        journal.create(journal_of(final), start)  # the journal first: a set needs both
        publish(packed, final)
        fsync_dir(folder)
    except OSError as exc:  # the folder refuses files (read-only, no permission, full)
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "A backup cannot be written in %1 (%2)."),
            folder, reason(exc))) from None
    finally:
        for path in (copy, packed):
            with contextlib.suppress(OSError):  # never made there, or the folder went read-only
                remove_partial(path)
    deleted = rotate(folder, policy_of(db).keep_fulls, identity)
    log.info("backup written (full set): %s; %d older files let go", shown(final), len(deleted))
    return BackupSet(final, journal_of(final), stamp)



class _PacedCopy:
    """Between two steps of the copy: stop if asked to (`checkpoint`), and flush what the step
    wrote. Left to the kernel, the copy's gigabytes reached the disk at once (at the copy's end,
    or by the writeback 30 s later), and a window's commit, which waits for what is queued
    before its own flush, waited behind them for up to 0.4 s."""

    def __init__(self, path: Path, cancel: threading.Event | None):
        self._fd = os.open(path, os.O_RDWR)  # Windows flushes only a handle open to write
        self._cancel = cancel

    def step(self, *_progress: int) -> None:
        checkpoint(self._cancel)
        os.fsync(self._fd)

    def __enter__(self) -> _PacedCopy:
        return self

    def __exit__(self, *_exc: object) -> None:
        os.close(self._fd)


def compress(source: Path, target: Path, cancel: threading.Event | None) -> None:
    """gzip `source` into `target` in chunks, a `checkpoint` between them."""
    with open(source, "rb") as src, open(target, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", compresslevel=COMPRESS_LEVEL, fileobj=raw,
                           mtime=0) as out:
            for n, chunk in enumerate(iter(lambda: src.read(CHUNK), b""), 1):
                checkpoint(cancel)
                out.write(chunk)
                if n % SYNC_EVERY_CHUNKS == 0:
                    raw.flush()
                    os.fsync(raw.fileno())
        raw.flush()
        os.fsync(raw.fileno())


class Scheduled(Enum):
    """What the start-up backup (`run_scheduled`) made."""

    FULL = "full"  # a new full backup and its journal: one was due
    JOURNAL = "journal"  # the current set's journal brought up to date


class ScheduledBackup(NamedTuple):
    kind: Scheduled
    file: Path | None  # FULL: the new full backup; JOURNAL: the journal, None if nothing new


class JournalOutcome(Enum):
    """What bringing the journal up to date did (services.database_files.journal_backup)."""

    WRITTEN = "written"  # a record of what was written since, appended and fsynced
    NOTHING_NEW = "nothing new"  # nothing was written since the journal's last record
    NO_SET = "no set"  # no full backup for a journal to continue: one is due


def append(db: Database, *, now: datetime | None = None) -> journal.Record | None:
    """Add what was written since to the current set's journal. None when nothing was, or
    when there is no current set of this database's own (a full backup is due)."""
    folder = backup_dir(db)
    current = current_set(folder, db.schema_version, identity_of(db, folder))
    if current is None:
        return None
    at = (now or datetime.now()).astimezone().replace(microsecond=0).isoformat()
    return journal.append(current.journal, db.conn, at)


def run_scheduled(db: Database, *, now: datetime | None = None,
                  cancel: threading.Event | None = None) -> ScheduledBackup:
    """What start-up does: a full backup when one is due, else the journal brought up to
    date."""
    now = now or datetime.now()
    folder = backup_dir(db)
    identity = identity_of(db, folder)
    if full_due(folder, policy_of(db), db.schema_version, now, identity):
        return ScheduledBackup(Scheduled.FULL, make_full(db, now=now, cancel=cancel).full)
    current = current_set(folder, db.schema_version, identity)
    record = append(db, now=now)
    return ScheduledBackup(Scheduled.JOURNAL,
                           current.journal if record is not None and current else None)


# -- rotation and leftovers ---------------------------------------------------------------
def rotate(folder: Path, keep: int, identity: str | None) -> list[Path]:
    """Keep the newest `keep` restore points (this database's sets, sets without an owner and
    plain backups of earlier versions); delete the files of the others. Only files named like
    ours, in this folder; never a set of another database (another identity)."""
    points: list[tuple[datetime, int, str, list[Path]]] = []
    for s, start in starts(folder):
        if start is not None and start.identity and start.identity != identity:
            continue  # another database's: its own rotation keeps or lets it go
        points.append((s.stamp, copy_number(s.full.name), s.full.name, [s.full, s.journal]))
    for entry in os.scandir(folder):
        stamp = parse_backup_name(entry.name)
        if stamp is not None and entry.is_file(follow_symlinks=False):
            points.append((stamp, copy_number(entry.name), entry.name, [Path(entry.path)]))
    points.sort(reverse=True)
    deleted = []
    for _when, _copy, _name, files in points[keep:]:
        for path in files:
            if path.parent == folder and (FULL_NAME.match(path.name) or
                                          JOURNAL_NAME.match(path.name) or
                                          BACKUP_NAME.match(path.name)):
                try:
                    path.unlink()
                except FileNotFoundError:
                    continue
                deleted.append(path)
    if deleted:
        fsync_dir(folder)
    return deleted


def clean_partials(folder: Path) -> list[Path]:
    """Remove the partial files of full backups whose process is gone (killed mid-backup)."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = PARTIAL_NAME.match(entry.name)
        if match and entry.is_file(follow_symlinks=False) and not alive(int(match.group(1))):
            Path(entry.path).unlink(missing_ok=True)
            removed.append(Path(entry.path))
    return removed
