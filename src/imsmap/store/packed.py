"""A full backup's files, read back: the compressed copy and its journal (store.backup_sets
makes them). Below store.backup, which checks and restores them through `expand`."""

from __future__ import annotations

import errno
import gzip
import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from imsmap.domain.os_reasons import reason
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store import journal
from imsmap.store.db import StoreError
from imsmap.store.sqlite_errors import Fault, fault_of

CHUNK = 1 << 20
FULL_NAME = re.compile(r"^imsmap-backup-(\d{8})-(\d{6})-full(?:-\d+)?\.sqlite3\.gz$")
JOURNAL_NAME = re.compile(r"^imsmap-backup-(\d{8})-(\d{6})-full(?:-\d+)?\.journal$")
# "-N" after the time and the words of a backup's name: the N-th made in that second
_COPY = re.compile(r"^imsmap-backup-\d{8}-\d{6}(?:-[a-z][a-z-]*)?-(\d+)"
                   r"\.(?:sqlite3\.gz|sqlite3|journal)$")


def copy_number(name: str) -> int:
    """Which backup of its second the file `name` is: 1, or N for "...-full-N" (a full backup
    made in the same second as the one before it; "...-manual-N" a plain copy). Ordered by name
    alone, "-full-2.sqlite3.gz" came before "-full.sqlite3.gz": the rotation let the later go
    first, and the journal and the restore took the earlier for the newest (walk of 7
    December)."""
    match = _COPY.search(name)
    return int(match.group(1)) if match else 1


def journal_of(full: Path) -> Path:
    return full.with_name(full.name[:-len(".sqlite3.gz")] + ".journal")


def is_full(path: Path) -> bool:
    return FULL_NAME.match(Path(path).name) is not None


def expand(full: Path, target: Path, *, where: Path | None = None) -> int:
    """Write the full backup, and its journal's records when the journal is beside it, into
    the new, empty file `target`. Returns the number of journal records applied.
    StoreError (one sentence) for a damaged file, a journal that does not fit, or a `target`
    that cannot be written (its disk full or read-only: the backup itself is not at fault;
    the sentence names `where`, the folder the clinic knows, else the target's)."""
    try:
        src = gzip.open(full, "rb")
    except OSError as exc:
        raise _damaged(full, exc) from None
    try:
        with src, open(target, "wb") as out:
            while True:
                try:
                    chunk = src.read(CHUNK)
                except (OSError, EOFError) as exc:
                    raise _damaged(full, exc) from None
                if not chunk:
                    break
                try:
                    out.write(chunk)
                except OSError as exc:
                    raise unwritable(where or target.parent, exc) from None
            try:
                out.flush()
            except OSError as exc:
                raise unwritable(where or target.parent, exc) from None
    except OSError as exc:  # closing `out` flushes what was left: the target's disk again
        raise unwritable(where or target.parent, exc) from None
    journal_path = journal_of(full)
    if not journal_path.exists():
        return 0
    records = journal.read(journal_path)
    if records[0].full != full.name:
        raise journal.JournalError(sentence("StorePacked", QT_TRANSLATE_NOOP(
            "StorePacked", "The backup journal %1 belongs to another full backup; nothing was "
            "restored."), journal_path.name))
    conn = sqlite3.connect(str(target), isolation_level=None)
    try:
        _check_continues(conn, records[0], full, journal_path)
        journal.apply(conn, records[1:])
    except sqlite3.DatabaseError as exc:
        if fault_of(exc) is not Fault.FULL:
            raise
        raise unwritable(where or target.parent, OSError(errno.ENOSPC, "disk full")) from None
    finally:
        conn.close()
    return len(records) - 1


def _damaged(full: Path, exc: BaseException) -> StoreError:
    """The sentence for a full backup that cannot be read: what the system said (the drive
    unplugged: an input/output error), else its compressed data cut short."""
    detail = reason(exc) if isinstance(exc, OSError) and exc.strerror else sentence(
        "StorePacked", QT_TRANSLATE_NOOP("StorePacked", "its compressed data is cut short or "
                                         "damaged"))
    return StoreError(sentence("StorePacked", QT_TRANSLATE_NOOP(
        "StorePacked", "%1 is damaged (%2); it cannot be used."), full, detail))


# A disk full, a quota reached, or a file larger than the file system (or a limit) takes.
FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def unwritable(folder: Path, exc: OSError) -> StoreError:
    """The sentence for a restored copy that cannot be written where the records go: a full
    disk said as such (it once read "the backup is damaged", of the clinic's only good copy)."""
    if exc.errno in FULL_ERRNOS:
        return StoreError(sentence("StorePacked", QT_TRANSLATE_NOOP(
            "StorePacked", "The disk of %1 is full: there is no room for the restored records. "
            "Nothing was changed and the backup is fine; free some space on that disk, or "
            "restore into a folder on another disk."), folder))
    return StoreError(sentence("StorePacked", QT_TRANSLATE_NOOP(
        "StorePacked", "The restored records cannot be written in %1 (%2). Nothing was changed "
        "and the backup is fine; choose a folder you can write to."),
        folder, reason(exc)))


def _check_continues(conn: sqlite3.Connection, start: journal.Record, full: Path,
                     journal_path: Path) -> None:
    """The journal starts where this full backup ends: the highest id of each table in the
    copy is the one its start record noted when the full backup was taken. A journal beside
    a full backup of other records (another clinic's, another computer's, copied over it
    under the same name) is refused before a row of it is written."""
    present = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table'")}
    for table, mark in start.marks.items():
        if table not in journal.MARKED or table not in present:
            continue  # never a name from the file in SQL unless it is one of ours
        has = conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
        if has != mark:
            raise journal.JournalError(sentence("StorePacked", QT_TRANSLATE_NOOP(
                "StorePacked", "The backup journal %1 does not belong with the full backup "
                "%2: they hold different records (another clinic's or another computer's "
                "backup copied under the same name). Nothing was restored; check that both "
                "files come from the same backup folder."), journal_path.name, full.name))


def lone_fulls(folder: Path) -> list[Path]:
    """The full backups in `folder` whose journal is not beside them (left behind on the old
    computer, or moved out because it was damaged): each restorable alone, as of its name."""
    try:
        names = {e.name for e in os.scandir(folder) if e.is_file(follow_symlinks=False)}
    except OSError:
        return []
    return sorted(folder / n for n in names
                  if FULL_NAME.match(n) and journal_of(folder / n).name not in names)


def last_written(full: Path) -> datetime | None:
    """When the set's newest journal record was written (what a restore brings back)."""
    try:
        return datetime.fromisoformat(journal.last_record(journal_of(full)).at)
    except (OSError, StoreError, ValueError):
        return None
