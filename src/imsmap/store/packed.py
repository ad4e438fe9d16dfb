"""A full backup's files, read back: the compressed copy and its journal (store.backup_sets
makes them). Below store.backup, which checks and restores them through `expand`."""

from __future__ import annotations

import gzip
import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store import journal
from imsmap.store.db import StoreError

CHUNK = 1 << 20
FULL_NAME = re.compile(r"^imsmap-backup-(\d{8})-(\d{6})-full(?:-\d+)?\.sqlite3\.gz$")
JOURNAL_NAME = re.compile(r"^imsmap-backup-(\d{8})-(\d{6})-full(?:-\d+)?\.journal$")


def journal_of(full: Path) -> Path:
    return full.with_name(full.name[:-len(".sqlite3.gz")] + ".journal")


def is_full(path: Path) -> bool:
    return FULL_NAME.match(Path(path).name) is not None


def expand(full: Path, target: Path) -> int:
    """Write the full backup, and its journal's records when the journal is beside it, into
    the new, empty file `target`. Returns the number of journal records applied.
    StoreError (one sentence) for a damaged file or a journal that does not fit."""
    try:
        with gzip.open(full, "rb") as src, open(target, "wb") as out:
            shutil.copyfileobj(src, out, CHUNK)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        detail = getattr(exc, "strerror", None) or sentence("StorePacked", QT_TRANSLATE_NOOP(
            "StorePacked", "its compressed data is cut short or damaged"))
        raise StoreError(sentence("StorePacked", QT_TRANSLATE_NOOP(
            "StorePacked", "%1 is damaged (%2); it cannot be used."), full, detail)) from None
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
        journal.apply(conn, records[1:])
    finally:
        conn.close()
    return len(records) - 1


def last_written(full: Path) -> datetime | None:
    """When the set's newest journal record was written (what a restore brings back)."""
    try:
        return datetime.fromisoformat(journal.last_record(journal_of(full)).at)
    except (OSError, StoreError, ValueError):
        return None
