"""Restoring a backup: putting a checked copy of it in place of the database.

Restoring checks the backup first (store.backup.verify_backup), never overwrites a database
unless told to, and keeps the database it replaces beside it under a new name: nothing is
deleted. It needs the file to itself (an exclusive SQLite lock, held from the check to the end)
and writes the backup into the file rather than renaming another file over it, so no program
that has the file open, or is opening it at that moment, goes on writing into the file set
aside.

Apart from store.backup, which takes backups and checks them: taking one only ever adds a file
beside the database, while restoring is the one place that replaces the database itself, with
its own locking and setting aside.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from imsmap.domain.os_reasons import reason
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.logs import shown
from imsmap.store import packed
from imsmap.store.backup import (
    BackupInfo,
    copy_database,
    make_private,
    naming,
    publish,
    sidecar,
    verify_backup,
)
from imsmap.store.db import StoreError, refuse
from imsmap.store.durable import fsync_dir, fsync_file, publish_new
from imsmap.store.leftovers import aside_copy_name, remove_restore_copies, restoring_name
from imsmap.store.sqlite_errors import Fault, fault_of

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    db_path: Path
    replaced: Path | None  # where the database that was replaced now lives, if there was one
    info: BackupInfo
    # The file replaced held no patient and no session (a new computer's new, empty clinic):
    # set aside all the same, but nothing a clinic would miss, so not said as records kept.
    replaced_empty: bool = False


def restore(backup: str | os.PathLike[str], db_path: str | os.PathLike[str], *,
            force: bool = False, now: datetime | None = None,
            check: Callable[[Path], None] | None = None) -> RestoreResult:
    """Put a verified copy of `backup` in place of `db_path`.

    An existing database is only replaced with `force`; it is then kept beside the new one,
    as ``<name>.replaced-YYYYMMDD-HHMMSS<suffix>``. Replacing it needs the file to ourselves:
    an SQLite connection takes it exclusively (every other connection gone, none let in) and
    holds it while the current records are copied aside and the backup's pages are written
    into the file, in one SQLite transaction. Anyone who opens the file afterwards, even one
    that was already waiting for it, sees the restored records; a file open in another window
    or program is refused and nothing is changed.
    ``check`` is given the copy before it goes in place, and refuses it by raising StoreError
    (the services check signatures and the audit trail there: services.checks.check_restorable).
    """
    backup = Path(backup).expanduser()
    db_path = Path(db_path).expanduser()
    compressed = packed.is_full(backup) and backup.is_file()
    # A compressed full backup is checked once expanded (with its journal), below.
    info = None if compressed else verify_backup(backup)
    if db_path.is_dir():
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "%1 is a folder, not a database file; give a file name."), db_path))
    folder = db_path.parent
    if not folder.is_dir():
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "The folder %1 does not exist; create it first or choose another."),
            folder))
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "%1 is the database itself; choose a backup file."), backup))
    exists = db_path.exists() and db_path.stat().st_size > 0
    if exists and not force:
        raise StoreError(
            sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "%1 already exists and nothing was changed. To replace it with the "
            "backup, add --force; the current file will be kept beside it under a new name."),
            db_path))
    remove_restore_copies(db_path)  # of restores killed halfway (also at every open)
    tmp = restoring_name(db_path, os.getpid())
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError as exc:
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "The restored database cannot be written in %1 (%2); nothing was "
            "changed."), folder, reason(exc))) \
            from None
    replaced = None
    replaced_empty = False
    try:
        make_private(tmp)
        records = 0
        if compressed:
            records = packed.expand(backup, tmp)
        else:
            _copy_into(backup, tmp, db_path)
        try:
            fsync_file(tmp)
        except OSError as exc:
            raise packed.unwritable(folder, exc) from None
        try:
            checked = verify_backup(tmp)
        except StoreError as exc:
            raise naming(exc, tmp, backup) from None
        if info is None:
            info = BackupInfo(backup, checked.schema_version, checked.patients,
                              checked.sessions, records, packed.last_written(backup))
        if check is not None:
            check(tmp)
        stamp = (now or datetime.now()).replace(microsecond=0)
        if not db_path.exists():
            publish(tmp, db_path)
        else:
            owner = _take_exclusively(db_path)
            if owner is None:  # too damaged for SQLite to lock: the file itself is set aside
                replaced = _set_aside_damaged(db_path, stamp)
                os.replace(tmp, db_path)
            else:
                try:
                    _room_for(owner, db_path, tmp)
                    replaced_empty = _holds_no_records(owner)
                    replaced = _set_aside(owner, db_path, stamp)
                    try:
                        _write_into(owner, tmp, db_path)
                    except _NoRoom:
                        # Rolled back: the records are in place as they were, and the copy
                        # aside, named as if they had been replaced, only a duplicate of them.
                        replaced.unlink(missing_ok=True)
                        raise
                finally:
                    owner.close()
        fsync_dir(folder)
    finally:
        for copy in (tmp, aside_copy_name(db_path, os.getpid())):
            for leftover in (copy, sidecar(copy, "-wal"), sidecar(copy, "-shm"),
                             sidecar(copy, "-journal")):
                leftover.unlink(missing_ok=True)  # our own temporary copies, never the database
    log.warning("restored %s into %s (schema %d); the file it replaced is kept as %s",
                shown(info.path), shown(db_path), info.schema_version,
                shown(replaced) if replaced else "nothing")
    return RestoreResult(db_path, replaced, info, replaced_empty=replaced_empty)


def _holds_no_records(owner: sqlite3.Connection) -> bool:
    """The database held by `owner` has no patient and no session (a new, empty clinic file).
    A file that cannot be asked (not imsmap's, or damaged) is taken as holding records."""
    try:
        row = owner.execute("SELECT NOT EXISTS (SELECT 1 FROM patients)"
                            " AND NOT EXISTS (SELECT 1 FROM sessions)").fetchone()
    except sqlite3.DatabaseError:
        return False
    return bool(row and row[0])


def _copy_into(backup: Path, tmp: Path, db_path: Path) -> None:
    try:
        src = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            copy_database(src, tmp)
        finally:
            src.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        refuse(exc, db_path)


def _in_use(db_path: Path) -> StoreError:
    return StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
        "StoreBackup", "%1 is open in another imsmap window or program; close it and try "
        "again. Nothing was changed."), db_path))


def _take_exclusively(db_path: Path) -> sqlite3.Connection | None:
    """A connection that holds `db_path` exclusively until it is closed: out of WAL (which needs
    every other connection gone: each holds a shared lock on the file while it is open), in
    exclusive locking mode, with an exclusive lock taken. StoreError when another connection
    has the file; None when the file is too damaged for SQLite to read its first page."""
    try:
        conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=1.0)
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        return None
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise _in_use(db_path)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")  # in exclusive locking mode the lock stays until close
    except sqlite3.OperationalError as exc:
        conn.close()
        if fault_of(exc) is Fault.BUSY:
            raise _in_use(db_path) from None
        return None
    except (sqlite3.DatabaseError, UnicodeDecodeError):  # damaged: its message quotes bytes
        conn.close()
        return None
    except BaseException:
        conn.close()
        raise
    if sidecar(db_path, "-wal").exists():  # left WAL, so this cannot be; never meet it
        conn.close()
        raise _in_use(db_path)
    # The shared-memory index of the WAL days: no connection can be using it (each would hold
    # a shared lock on the file), and the restored file starts without one.
    sidecar(db_path, "-shm").unlink(missing_ok=True)
    return conn


def _aside_name(db_path: Path, stamp: datetime, copy: Path) -> Path:
    """Give the whole copy `copy` of the database being replaced its name beside `db_path`,
    a new one, never a file's that exists."""
    base = f"{db_path.stem}.replaced-{stamp:%Y%m%d-%H%M%S}"
    n = 1
    while True:
        aside = db_path.with_name(base + (f"-{n}" if n > 1 else "") + db_path.suffix)
        try:
            publish_new(copy, aside)
        except FileExistsError:
            n += 1
            continue
        except OSError as exc:
            raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
                "StoreBackup", "%1 cannot be set aside (%2); nothing was replaced."),
                db_path, reason(exc))) from None
        return aside


def _set_aside(owner: sqlite3.Connection, db_path: Path, stamp: datetime) -> Path:
    """Copy the current database, through the connection holding it, into a file beside it.
    The copy is made under a hidden name (`store.leftovers.aside_copy_name`) and flushed
    before it takes its ``NAME.replaced-...`` name: a restore killed while copying leaves no
    file of that name cut short (which would be taken for the records as they were), only the
    hidden one, which the next open removes; the records themselves are still in place."""
    copy = aside_copy_name(db_path, os.getpid())
    try:
        fd = os.open(copy, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError as exc:
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "%1 cannot be set aside (%2); nothing was replaced."),
            db_path, reason(exc))) from None
    make_private(copy)
    try:
        copy_database(owner, copy)
    except sqlite3.DatabaseError as exc:
        if fault_of(exc) is Fault.FULL:  # the part copied is of a file still in place
            raise _NoRoom(_no_room(db_path)) from None
        aside = _aside_name(db_path, stamp, copy)  # what could be copied, said as such
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "%1 cannot be copied aside (%2); nothing was replaced, and %3 holds "
            "what could be copied."), db_path, exc, aside)) from None
    fsync_file(copy)
    aside = _aside_name(db_path, stamp, copy)
    fsync_dir(db_path.parent)
    copy.unlink(missing_ok=True)  # the copy keeps its new name (renamed, where no links)
    return aside


def _write_into(owner: sqlite3.Connection, source: Path, db_path: Path) -> None:
    """Write the checked copy's pages into the file held by `owner`: one SQLite transaction,
    rolled back from its journal if the computer stops halfway."""
    try:
        src = sqlite3.connect(str(source), isolation_level=None)  # our own copy
        try:
            # Out of WAL (the check opens the copy as imsmap does): the pages written in carry
            # a rollback-journal header, and the copy leaves no -wal or -shm behind.
            src.execute("PRAGMA journal_mode = DELETE")
            src.backup(owner)
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        if fault_of(exc) is Fault.FULL:
            raise _NoRoom(_no_room(db_path)) from None
        refuse(exc, db_path)


class _NoRoom(StoreError):
    """The disk of the database is too full to replace it (nothing was replaced)."""


def _no_room(db_path: Path) -> str:
    return sentence("StoreBackup", QT_TRANSLATE_NOOP(
        "StoreBackup", "The disk of %1 is full: there is no room to keep the records it holds "
        "aside before the backup replaces them. Nothing was replaced; free some space on that "
        "disk and try again."), db_path)


def _room_for(owner: sqlite3.Connection, db_path: Path, source: Path) -> None:
    """Refuse, before anything is written, a replacement the disk has no room for: the copy
    of the records kept aside, and the rollback journal of the pages written over (up to the
    smaller of the two files), with a little to spare."""
    page = owner.execute("PRAGMA page_size").fetchone()[0]
    size = owner.execute("PRAGMA page_count").fetchone()[0] * page
    needed = size + min(size, source.stat().st_size) + 64 * page
    try:
        free = shutil.disk_usage(db_path.parent).free
    except OSError:
        return  # not known: the copy and the write say it if they meet a full disk
    if free < needed:
        raise _NoRoom(_no_room(db_path))


def _set_aside_damaged(db_path: Path, stamp: datetime) -> Path:
    """A file SQLite cannot read is kept exactly as it is, under a new name, with its journal;
    the restored copy then takes its place in one atomic rename."""
    base = f"{db_path.stem}.replaced-{stamp:%Y%m%d-%H%M%S}"
    aside = db_path.with_name(base + db_path.suffix)
    n = 1
    while aside.exists():
        n += 1
        aside = db_path.with_name(f"{base}-{n}{db_path.suffix}")
    try:
        try:
            os.link(db_path, aside)  # db_path stays in place until the atomic replace
        except OSError:
            shutil.copy2(db_path, aside)
        for suffix in ("-wal", "-shm"):
            side = sidecar(db_path, suffix)
            if side.exists():
                os.rename(side, sidecar(aside, suffix))
    except OSError as exc:
        raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
            "StoreBackup", "%1 cannot be set aside (%2); nothing was replaced."),
            db_path, reason(exc))) from None
    return aside
