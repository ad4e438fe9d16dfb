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
"""

from __future__ import annotations

import contextlib
import gzip
import logging
import os
import re
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
    fsync_dir,
    make_private,
    parse_backup_name,
    publish,
    ready_backup_dir,
    remove_partial,
    verify_backup,
)
from imsmap.store.db import Database, StoreError, user_error
from imsmap.store.leftovers import alive
from imsmap.store.packed import CHUNK, FULL_NAME, JOURNAL_NAME, journal_of
from imsmap.store.repository import Repository

log = logging.getLogger(__name__)

FULL_EVERY_SETTING = "backup.full_every_days"
KEEP_FULLS_SETTING = "backup.keep_fulls"
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
    return sorted(found, key=lambda s: (s.stamp, s.full.name))


def current_set(folder: Path, schema: int) -> BackupSet | None:
    """The newest set, if its journal continues a full backup at `schema`."""
    found = sets(folder)
    if not found:
        return None
    newest = found[-1]
    try:
        start = _start_record(newest.journal)
    except StoreError:
        return None  # damaged: a new full backup is due
    return newest if start.schema == schema and start.full == newest.full.name else None


def _start_record(path: Path) -> journal.Record:
    with open(path, "rb") as fh:
        record = journal.parse_line(fh.readline())
    if record is None or record.kind != "start":
        raise journal.JournalError(sentence("StoreBackupSets", QT_TRANSLATE_NOOP(
            "StoreBackupSets", "The backup journal %1 has lost its first record."), path.name))
    return record


def full_due(folder: Path, policy: Policy, schema: int, now: datetime) -> bool:
    current = current_set(folder, schema)
    return current is None or now - current.stamp >= timedelta(days=policy.full_every_days)


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
            dst = sqlite3.connect(str(copy), isolation_level=None)
            try:
                with _PacedCopy(copy, cancel) as paced:
                    conn.backup(dst, pages=STEP_PAGES, progress=paced.step)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        except sqlite3.DatabaseError as exc:
            if user_error(exc, db.path) is None:
                raise  # the code's own error: a bug, not the user's
            raise StoreError(sentence("StoreBackupSets", QT_TRANSLATE_NOOP(
                "StoreBackupSets", "The backup of %1 could not be made (%2)."),
                db.path.name, ' '.join(str(exc).split())[:100])) from None
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        verify_backup(copy, interrupt=cancel)
        compress(copy, packed, cancel)
        start = journal.Record("start", stamp.astimezone().isoformat(), marks, {}, full=name,
                               schema=schema)
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
    deleted = rotate(folder, policy_of(db).keep_fulls)
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
    when there is no current set (a full backup is due)."""
    folder = backup_dir(db)
    current = current_set(folder, db.schema_version)
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
    if full_due(folder, policy_of(db), db.schema_version, now):
        return ScheduledBackup(Scheduled.FULL, make_full(db, now=now, cancel=cancel).full)
    current = current_set(folder, db.schema_version)
    record = append(db, now=now)
    return ScheduledBackup(Scheduled.JOURNAL,
                           current.journal if record is not None and current else None)


# -- rotation and leftovers ---------------------------------------------------------------
def rotate(folder: Path, keep: int) -> list[Path]:
    """Keep the newest `keep` restore points (sets, and plain backups of earlier versions);
    delete the files of the others. Only files named like ours, in this folder."""
    points: list[tuple[datetime, str, list[Path]]] = []
    for s in sets(folder):
        points.append((s.stamp, s.full.name, [s.full, s.journal]))
    for entry in os.scandir(folder):
        stamp = parse_backup_name(entry.name)
        if stamp is not None and entry.is_file(follow_symlinks=False):
            points.append((stamp, entry.name, [Path(entry.path)]))
    points.sort(reverse=True)
    deleted = []
    for _when, _name, files in points[keep:]:
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
