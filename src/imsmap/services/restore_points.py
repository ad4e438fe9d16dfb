"""A backup folder, as the clinic meets it on a new computer: which backup is the newest there,
what it holds, what it cannot bring back, and what the records open now hold that it lacks.

The newest restore point is the newest full backup with its journal (store.backup_sets), or a
plain copy (store.backup) if one is newer; a full backup whose journal is not beside it is one
too, as of when it was made, and says so (journal_missing). It is read the way the restore reads it: expanded
into a private scratch folder with its journal applied, checked by store.backup.verify_backup
and services.checks.check_restorable (signatures, audit trail), then counted. Nothing in the
backup folder or in the records is written here; the restore itself is
services.database_files.restore (store.restore.restore), the one the command line runs.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from imsmap.domain.errors import UserFacingError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.services.checks import check_restorable
from imsmap.store import backup as store_backup
from imsmap.store import backup_sets, leftovers, packed
from imsmap.store.db import StoreError
from imsmap.store.restore_losses import RestoreLosses, holdings, restore_losses

SCRATCH = ".imsmap-restore-check-"
SCRATCH_NAME = re.compile(r"^\.imsmap-restore-check-(\d+)-[A-Za-z0-9_]+$")

__all__ = ["RestoreLosses", "RestorePoint", "candidates", "newest", "read", "restore_losses"]


@dataclass(frozen=True)
class RestorePoint:
    """What one checked backup holds."""

    path: Path  # the backup file: a full backup (.sqlite3.gz, its journal beside it) or a copy
    journal: Path | None  # a full backup's journal, applied unless missing (None: a plain copy)
    made_at: datetime | None  # when the backup file was made (its name)
    taken_at: datetime | None  # what it holds is as of then (the journal's last record)
    journal_records: int
    patients: int
    sessions: int
    signed: int
    drafts: int
    amendments: int
    photos: int
    last_signed_at: datetime | None  # the newest signature in it
    last_signed_chart: str | None  # that session's patient (chart number)
    clinic: str = ""  # whose records: the clinic's name in the backup ("" when none was set)
    # records the open database holds that this backup lacks (restoring takes them out of it)
    losses: RestoreLosses = field(default_factory=RestoreLosses)
    # newer backups in the folder that could not be used, each with its refusal
    passed_over: tuple[tuple[Path, str], ...] = ()
    # a full backup whose journal is not beside it: what was signed after it is not in it
    journal_missing: bool = False


def candidates(folder: Path) -> list[tuple[datetime, Path]]:
    """The folder's restore points, newest first, by when what they hold was written: a full
    backup's journal's last record (else its name), a plain copy's name."""
    found: list[tuple[datetime, Path]] = []
    for s in backup_sets.sets(folder):
        taken = packed.last_written(s.full)
        found.append(((taken.astimezone().replace(tzinfo=None) if taken else s.stamp),
                      s.full))
    for path in packed.lone_fulls(folder):  # its journal missing: as of the full backup
        stamp = name_stamp(path)
        if stamp is not None:
            found.append((stamp, path))
    for path, stamp in store_backup.own_backups(folder):
        found.append((stamp, path))
    return sorted(found, key=lambda c: (c[0], c[1].name), reverse=True)


def newest(folder: str | Path, current: str | Path | None = None) -> RestorePoint:
    """The newest backup in `folder` that passes every check, with what it holds and, when
    `current` is an existing database, what that holds that the backup lacks. UserFacingError
    with one sentence when the folder has none that can be used. Each backup is expanded to be
    checked in the folder of `current` (the database it would be restored to), which needs
    that room anyway: a small temporary folder (a tmpfs) refused a large clinic's backup."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise StoreError(sentence("RestorePoints", QT_TRANSLATE_NOOP(
            "RestorePoints", "There is no folder %1: is the backup drive connected?"), folder))
    found = candidates(folder)
    if not found:
        raise StoreError(sentence("RestorePoints", QT_TRANSLATE_NOOP(
            "RestorePoints", "There is no imsmap backup in %1: choose the folder that holds "
            "the files named imsmap-backup-…"), folder))
    passed: list[tuple[Path, str]] = []
    first_refusal: UserFacingError | None = None
    for _stamp, path in found:
        try:
            point = read(path, current,
                         work=Path(current).expanduser().parent if current is not None else None)
        except UserFacingError as exc:
            first_refusal = first_refusal or exc
            passed.append((path, exc.message))
            continue
        return _with(point, tuple(passed))
    assert first_refusal is not None
    if len(found) == 1:
        raise first_refusal
    raise StoreError(sentence("RestorePoints", QT_TRANSLATE_NOOP(
        "RestorePoints", "None of the backups in %1 can be used; the newest: %2"),
        folder, first_refusal.message))


def _with(point: RestorePoint, passed: tuple[tuple[Path, str], ...]) -> RestorePoint:
    from dataclasses import replace

    return replace(point, passed_over=passed)


def read(backup: Path, current: str | Path | None = None, *,
         work: Path | None = None) -> RestorePoint:
    """One backup, expanded and checked as the restore does it, then counted; expanded in a
    private folder made in `work` (when it is there; else the system's temporary folder)."""
    backup = Path(backup)
    root = work if work is not None and work.is_dir() else Path(tempfile.gettempdir())
    _clean_scratch(root)
    try:
        scratch = Path(tempfile.mkdtemp(prefix=f"{SCRATCH}{os.getpid()}-", dir=root))  # 700
    except OSError as exc:  # read-only or full: where the records would go, said so
        raise packed.unwritable(root, exc) from None
    try:
        copy = scratch / "backup.sqlite3"
        records = 0
        if packed.is_full(backup):
            try:
                records = packed.expand(backup, copy, where=root)
            except FileNotFoundError:
                raise StoreError(sentence("StoreBackup", QT_TRANSLATE_NOOP(
                    "StoreBackup", "There is no backup file at %1."), backup)) from None
        else:
            store_backup.verify_backup(backup)  # checked where it is, then copied
            try:
                shutil.copyfile(backup, copy)
            except OSError as exc:
                raise packed.unwritable(root, exc) from None
        try:
            info = store_backup.verify_backup(copy)
            check_restorable(copy)
        except StoreError as exc:
            raise store_backup.naming(exc, copy, backup) from None
        except UserFacingError as exc:
            raise StoreError(sentence("RestorePoints", QT_TRANSLATE_NOOP(
                "RestorePoints", "%1 cannot be restored: %2"), backup, exc.message)) from None
        counts = _counts(copy)
        losses = RestoreLosses()
        if current is not None and Path(current).is_file() and Path(current).stat().st_size:
            try:
                losses = restore_losses(Path(current), copy)
            except sqlite3.Error:
                losses = RestoreLosses()  # a file that cannot be read to compare
        has_journal = packed.is_full(backup) and packed.journal_of(backup).is_file()
        taken = packed.last_written(backup) if has_journal else None
        made = name_stamp(backup)
        return RestorePoint(
            path=backup, journal=packed.journal_of(backup) if packed.is_full(backup) else None,
            journal_missing=packed.is_full(backup) and not has_journal,
            made_at=made, taken_at=(taken.astimezone().replace(tzinfo=None) if taken else made),
            journal_records=records, patients=info.patients, sessions=info.sessions,
            losses=losses, **counts)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _clean_scratch(root: Path) -> None:
    """Remove the scratch folders in `root` of checks whose process is gone: a look killed
    halfway (kill -9, the computer switched off) left a whole expanded copy of the records."""
    try:
        entries = list(os.scandir(root))
    except OSError:
        return
    for entry in entries:
        match = SCRATCH_NAME.match(entry.name)
        if (match and entry.is_dir(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_uid == _uid()
                and int(match.group(1)) != os.getpid()  # a look of ours still running
                and not leftovers.alive(int(match.group(1)))):
            shutil.rmtree(entry.path, ignore_errors=True)


def _uid() -> int:
    return os.getuid() if hasattr(os, "getuid") else 0


def name_stamp(path: Path) -> datetime | None:
    """When a backup file was made, from its name (None for a name not of ours)."""
    match = packed.FULL_NAME.match(path.name)
    if match:
        try:
            return datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
        except ValueError:
            return None
    return store_backup.parse_backup_name(path.name)


def _counts(copy: Path) -> dict[str, Any]:
    held = holdings(copy)
    last_at = None
    if held.last_signed_at:
        try:
            last_at = datetime.fromisoformat(held.last_signed_at).astimezone().replace(
                tzinfo=None)
        except ValueError:
            last_at = None
    return {"signed": held.signed, "drafts": held.drafts, "amendments": held.amendments,
            "photos": held.photos, "last_signed_at": last_at,
            "last_signed_chart": held.last_signed_chart, "clinic": held.clinic}
