"""The database file as the window sees it: the errors opening or reading it can give, its
backups (listed, checked, made, restored). The window (ui/) asks here, never the store.
"""

from __future__ import annotations

import os
from pathlib import Path

from imsmap.services.checks import check_restorable
from imsmap.store import backup as _backup
from imsmap.store.backup import (
    BACKUP_NAME,
    BackupInfo,
    backup_folder_for,
    own_backups,
    parse_backup_name,
    verify_backup,
)
from imsmap.store.db import Database, DamagedFileError, StoreError

__all__ = ["BACKUP_NAME", "BackupInfo", "DamagedFileError", "StoreError", "back_up",
           "backup_folder_for", "own_backups", "parse_backup_name", "restore", "verify_backup"]


def back_up(db_path: str | os.PathLike[str], reason: str = "") -> Path:
    """A backup of the database file, through a read-only connection of its own (a thread
    may call this while the window works on the file)."""
    db = Database.open(db_path, create=False, readonly=True)
    try:
        return _backup.backup_now(db, reason)
    finally:
        db.close()


def restore(backup: str | os.PathLike[str], db_path: str | os.PathLike[str]):
    """Put a checked backup in place of the database (store.backup.restore, forced: the user
    confirmed twice); the backup must pass the full check of its records first."""
    return _backup.restore(backup, db_path, force=True, check=check_restorable)
