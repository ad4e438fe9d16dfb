"""A backup folder, as the clinic meets it on a new computer: which backup is the newest there,
what it holds, what it cannot bring back, and what the records open now hold that it lacks.

The newest restore point is the newest full backup with its journal (store.backup_sets), or a
plain copy (store.backup) if one is newer; a full backup whose journal is not beside it is one
too, as of when it was made, and says so (journal_missing). It is read the way the restore reads it: expanded
into a private scratch folder with its journal applied, checked by store.backup.verify_backup
and services.checks.check_restorable (signatures, audit trail), then counted. Nothing in the
backup folder or in the records is written here; the restore itself is
services.database_files.restore (store.restore.restore), the one the command line runs.

Whose backup is whose: each set's journal names the database that made it (its identity and
its file's path, store.backup_sets), and two databases may back up into one folder. Restored
over records that have an identity and hold records, the newest backup of those records is
chosen (`mine`); a newer one of another database is never chosen for them, only named
(`others_newer`), and a folder that holds none of theirs chooses nothing (NotOwn): the clinic
chooses one explicitly (a file named to the command, a line of the dialog's list). Restored
where there are no records (a new computer, a file lost) or over records without identity, the
newest that passes its checks is chosen, as before owners, and whose records it holds is said.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum
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

__all__ = ["Choice", "NotOwn", "RestoreLosses", "RestorePoint", "Whose", "candidates", "chosen",
           "listing", "newest", "offerable", "owner", "records_identity", "read", "restore_losses"]


class Whose(Enum):
    """A backup's owner, beside the records it would be restored over."""

    OWN = "own"  # a backup of those records (their identity)
    OTHER = "other"  # a backup of another database
    UNKNOWN = "unknown"  # not known: a set made before sets had owners, a full backup without
    # its journal, a plain copy without identity; or records restored over without identity


@dataclass(frozen=True)
class Choice:
    """One restore point in a backup folder, as its name and its journal's start say (nothing
    expanded or checked yet)."""

    path: Path
    taken_at: datetime  # what it holds is as of then (its journal's last record, else its name)
    identity: str = ""  # the database's whose backup it is ("" not known)
    made_from: str = ""  # that database's file when the backup was made ("" not known)

    def whose(self, mine: str | None) -> Whose:
        return _whose(self.identity, mine)


class NotOwn(StoreError):
    """Restored over records with an identity, the folder holds no usable backup of theirs:
    nothing is chosen for them. `choices` (every restore point there, newest first) and
    `others` (those of other databases) let the clinic choose one explicitly."""

    def __init__(self, message: str, choices: tuple[Choice, ...], others: tuple[Choice, ...]):
        super().__init__(message)
        self.choices = choices
        self.others = others


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
    identity: str = ""  # the database's whose backup it is ("" not known)
    made_from: str = ""  # that database's file when the backup was made ("" not known)
    # the identity of the records it would be restored over, when they hold records (their
    # own backups are preferred); None: no records there, or records without identity
    mine: str | None = None
    choices: tuple[Choice, ...] = ()  # every restore point in the folder, newest first
    others_newer: tuple[Choice, ...] = ()  # newer backups of other databases, not chosen
    picked: bool = False  # chosen by the clinic in the list, not found as the newest

    @property
    def whose(self) -> Whose:
        return _whose(self.identity, self.mine)


def _whose(identity: str, mine: str | None) -> Whose:
    """A backup's owner by its identity, beside the identity of the records (None, "": not
    known)."""
    if not mine or not identity:
        return Whose.UNKNOWN
    return Whose.OWN if identity == mine else Whose.OTHER


def candidates(folder: Path) -> list[tuple[datetime, Path]]:
    """The folder's restore points, newest first, by when what they hold was written: a full
    backup's journal's last record (else its name), a plain copy's name."""
    return [(c.taken_at, c.path) for c in listing(folder)]


def listing(folder: Path) -> list[Choice]:
    """The folder's restore points, newest first (as `candidates`), each with whose it is: a
    set's journal's start, a plain copy's own setting; not known for a full backup without its
    journal (only expanding it would tell)."""
    found: list[Choice] = []
    for s in backup_sets.sets(folder):
        taken = packed.last_written(s.full)
        identity, made_from = backup_sets.set_owner(s.full)
        found.append(Choice(s.full, taken.astimezone().replace(tzinfo=None) if taken else s.stamp,
                            identity, made_from))
    for path in packed.lone_fulls(folder):  # its journal missing: as of the full backup
        stamp = name_stamp(path)
        if stamp is not None:
            found.append(Choice(path, stamp))
    for path, stamp in store_backup.own_backups(folder):
        found.append(Choice(path, stamp, backup_sets.identity_in(path) or ""))
    return sorted(found, key=_newness, reverse=True)


def _newness(choice: Choice) -> tuple[datetime, int, str]:
    """The order of restore points: when what they hold was written, then (two full backups of
    one second) which was made after the other (store.packed.copy_number)."""
    return choice.taken_at, packed.copy_number(choice.path.name), choice.path.name


def offerable(folder: Path, current: Path) -> list[Path]:
    """The restore points of `folder` that may be offered for the database file `current`
    without the clinic choosing (the damaged-file dialog), newest first: another database's are
    left out. Whose the file is comes from its identity when it can still be read, else from
    the path its sets' journals name: a file emptied or too damaged to read offers the backups
    made from its own path first, then, where none were, the others as before owners."""
    found = listing(folder)
    mine = backup_sets.identity_in(current)
    if mine:
        return [c.path for c in found if c.whose(mine) is not Whose.OTHER]
    here = str(current.resolve())
    made_here = [c.path for c in found if c.made_from == here]
    return made_here + [c.path for c in found if c.path not in made_here]


def newest(folder: str | Path, current: str | Path | None = None) -> RestorePoint:
    """The newest backup in `folder` that passes every check, with what it holds and, when
    `current` is an existing database, what that holds that the backup lacks. Over records with
    an identity, the newest of their own backups (or of no known owner); NotOwn when there is
    none. UserFacingError with one sentence when the folder has none that can be used. Each
    backup is expanded to be checked in the folder of `current` (the database it would be
    restored to), which needs that room anyway: a small temporary folder (a tmpfs) refused a
    large clinic's backup."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise StoreError(sentence("RestorePoints", QT_TRANSLATE_NOOP(
            "RestorePoints", "There is no folder %1: is the backup drive connected?"), folder))
    found = tuple(listing(folder))
    if not found:
        raise StoreError(sentence("RestorePoints", QT_TRANSLATE_NOOP(
            "RestorePoints", "There is no imsmap backup in %1: choose the folder that holds "
            "the files named imsmap-backup-…"), folder))
    mine = records_identity(current)
    others = [c for c in found if c.whose(mine) is Whose.OTHER]
    passed: list[tuple[Path, str]] = []
    first_refusal: UserFacingError | None = None
    for choice in found:
        if choice in others:
            continue
        try:
            point = read(choice.path, current, work=_work(current))
        except UserFacingError as exc:
            first_refusal = first_refusal or exc
            passed.append((choice.path, exc.message))
            continue
        if mine and point.identity and point.identity != mine:  # told once expanded
            others.append(replace(choice, identity=point.identity))
            continue
        taken = point.taken_at or choice.taken_at
        return replace(point, passed_over=tuple(passed), mine=mine, choices=found,
                       others_newer=tuple(o for o in others if o.taken_at > taken))
    others.sort(key=_newness, reverse=True)
    if first_refusal is None:  # only other databases' backups
        other = others[0]
        if other.made_from:
            said = sentence("RestorePoints", QT_TRANSLATE_NOOP(
                "RestorePoints", "None of the backups in %1 is of the records in %2: they are "
                "of another database (the newest, %3, holds its records as of %4, backed up "
                "from %5). None is chosen for you: choose one explicitly to restore it in place "
                "of these records."), folder, current, other.path.name,
                _minute(other.taken_at), other.made_from)
        else:  # a plain copy, a full backup without its journal: its file is not known
            said = sentence("RestorePoints", QT_TRANSLATE_NOOP(
                "RestorePoints", "None of the backups in %1 is of the records in %2: they are "
                "of another database (the newest, %3, holds its records as of %4). None is "
                "chosen for you: choose one explicitly to restore it in place of these "
                "records."), folder, current, other.path.name, _minute(other.taken_at))
        raise NotOwn(said, found, tuple(others))
    if others:
        raise NotOwn(sentence("RestorePoints", QT_TRANSLATE_NOOP(
            "RestorePoints", "None of the backups of the records in %1 can be used (the newest: "
            "%2); the others in %3 are of another database: choose one explicitly to restore "
            "it in place of these records."), current, first_refusal.message, folder),
            found, tuple(others))
    if len(found) == 1:
        raise first_refusal
    raise NotOwn(sentence("RestorePoints", QT_TRANSLATE_NOOP(
        "RestorePoints", "None of the backups in %1 can be used; the newest: %2"),
        folder, first_refusal.message), found, tuple(others))


def chosen(path: str | Path, current: str | Path | None = None) -> RestorePoint:
    """The backup at `path`, chosen by the clinic (a line of the dialog's list), checked and
    counted as `newest` does, with the same folder's list and whose it is."""
    path = Path(path).expanduser()
    point = read(path, current, work=_work(current))
    return replace(point, mine=records_identity(current), picked=True,
                   choices=tuple(listing(path.parent)))


def owner(path: str | Path) -> Choice:
    """Whose the backup file at `path` is, as `listing` tells it (a full backup by its
    journal's start, a plain copy by its own setting), without expanding or checking it."""
    path = Path(path).expanduser()
    stamp = name_stamp(path) or datetime.min
    if packed.is_full(path):
        identity, made_from = backup_sets.set_owner(path)
        return Choice(path, stamp, identity, made_from)
    return Choice(path, stamp, backup_sets.identity_in(path) or "")


def records_identity(current: str | Path | None) -> str | None:
    """The identity of the records at `current` when there are records there (their own
    backups are preferred); None: no file, an empty new clinic, no identity yet."""
    if current is None:
        return None
    return backup_sets.identity_in(Path(current).expanduser(), with_records=True)


def _work(current: str | Path | None) -> Path | None:
    return Path(current).expanduser().parent if current is not None else None


def _minute(when: datetime) -> str:
    return f"{when:%Y-%m-%d %H:%M}"


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
        identity, made_from = backup_sets.set_owner(backup) if has_journal else ("", "")
        identity = identity or backup_sets.identity_in(copy) or ""
        made = name_stamp(backup)
        return RestorePoint(
            path=backup, journal=packed.journal_of(backup) if packed.is_full(backup) else None,
            journal_missing=packed.is_full(backup) and not has_journal,
            made_at=made, taken_at=(taken.astimezone().replace(tzinfo=None) if taken else made),
            journal_records=records, patients=info.patients, sessions=info.sessions,
            losses=losses, identity=identity, made_from=made_from, **counts)
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
