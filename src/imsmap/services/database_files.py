"""The database file as the window sees it: the errors opening or reading it can give, its
backups (listed, checked, made, restored). The window (ui/) asks here, never the store.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

from imsmap.services.checks import check_restorable
from imsmap.store import backup as _backup
from imsmap.store import backup_sets as _sets
from imsmap.store import upgrade as _upgrade
from imsmap.store.backup import (
    BACKUP_NAME,
    BackupInfo,
    BackupReason,
    Cancelled,
    backup_folder_for,
    own_backups,
    parse_backup_name,
    verify_backup,
)
from imsmap.store.backup_sets import JournalOutcome, Scheduled, ScheduledBackup
from imsmap.store.db import BusyError, DamagedFileError, Database, StoreError, user_error
from imsmap.store.restore import RestoreResult
from imsmap.store.restore import restore as _restore
from imsmap.store.upgrade import Pending, UpgradeInterrupted, UpgradeRefused

__all__ = ["BACKUP_NAME", "BackupInfo", "BackupReason", "BusyError", "Cancelled",
           "DamagedFileError", "JournalOutcome", "Pending", "Scheduled", "ScheduledBackup",
           "StoreError", "UpgradeInterrupted", "UpgradeRefused", "back_up", "backup_folder_for", "damage_in",
           "full_backup", "journal_backup", "own_backups", "parse_backup_name",
           "pending_upgrade", "restore", "scheduled_backup", "upgrade", "upgrade_copy_folder",
           "verify_backup"]


def damage_in(exc: BaseException, db_path: str | os.PathLike[str]) -> DamagedFileError | None:
    """``exc`` as the damaged-file error it is (DamagedFileError, or an SQLite error whose code
    says the file is damaged), else None (the user's other errors, or a bug)."""
    if isinstance(exc, DamagedFileError):
        return exc
    error = user_error(exc, Path(db_path))
    return error if isinstance(error, DamagedFileError) else None


def back_up(db_path: str | os.PathLike[str], reason: BackupReason | None = None) -> Path:
    """A backup of the database file, through a read-only connection of its own (a thread
    may call this while the window works on the file)."""
    db = Database.open(db_path, create=False, readonly=True)
    try:
        return _backup.backup_now(db, reason)
    finally:
        db.close()


def scheduled_backup(db_path: str | os.PathLike[str],
                     cancel: threading.Event | None = None) -> ScheduledBackup:
    """What start-up does (store.backup_sets.run_scheduled): a full backup when one is due,
    else the journal brought up to date; through a read-only connection of its own."""
    db = Database.open(db_path, create=False, readonly=True)
    try:
        return _sets.run_scheduled(db, cancel=cancel)
    finally:
        db.close()


def full_backup(db_path: str | os.PathLike[str],
                cancel: threading.Event | None = None) -> Path:
    """A new full backup and journal (store.backup_sets.make_full); `cancel` abandons it."""
    db = Database.open(db_path, create=False, readonly=True)
    try:
        return _sets.make_full(db, cancel=cancel).full
    finally:
        db.close()


def journal_backup(db_path: str | os.PathLike[str]) -> JournalOutcome:
    """What was written since the journal's last record, appended and fsynced (WRITTEN);
    NOTHING_NEW; or NO_SET: there is no full backup to continue, one is due."""
    db = Database.open(db_path, create=False, readonly=True)
    try:
        if _sets.append(db) is not None:
            return JournalOutcome.WRITTEN
        folder = _backup.backup_dir(db)
        current = _sets.current_set(folder, db.schema_version, _sets.identity_of(db, folder))
        return JournalOutcome.NOTHING_NEW if current is not None else JournalOutcome.NO_SET
    finally:
        db.close()


def pending_upgrade(db_path: str | os.PathLike[str]) -> Pending | None:
    return _upgrade.pending(Path(db_path))


def upgrade(pending: Pending, progress: Callable[[float], None] | None = None,
            stop: threading.Event | None = None) -> Path:
    """store.upgrade.upgrade: a copy of the file as it was kept first, then the migrations
    with progress; `stop` rolls back. The copy's path."""
    return _upgrade.upgrade(pending, progress, stop)


def upgrade_copy_folder(db_path: str | os.PathLike[str]) -> Path:
    """Where `upgrade` keeps the copy of the file as it was (store.upgrade.copy_folder)."""
    return _upgrade.copy_folder(Path(db_path))


def restore(backup: str | os.PathLike[str], db_path: str | os.PathLike[str], *,
            also: Callable[[Path], None] | None = None) -> RestoreResult:
    """Put a checked backup in place of the database (store.restore.restore, forced: the user
    confirmed); the backup must pass the full check of its records first, then `also` (given
    the checked copy; it refuses it by raising UserFacingError, and nothing changes)."""

    def check(copy: Path) -> None:
        check_restorable(copy)
        if also is not None:
            also(copy)

    return _restore(backup, db_path, force=True, check=check)
