"""Writing a whole clinic at once (the demo clinic, services.demo): SQLite's sync off while it is
written, and what was written, counted."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypedDict

from imsmap.store.db import Database


@contextmanager
def unsynced(db: Database) -> Iterator[None]:
    """For a file written all or nothing (a failure removes it): waiting for the disk after each
    of hundreds of transactions buys nothing. After the block, sync as usual again and fold the
    write-ahead log into the file; after a failure the caller throws the file away."""
    db.conn.execute("PRAGMA synchronous = OFF")
    yield
    db.conn.execute("PRAGMA synchronous = FULL")
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class RecordCounts(TypedDict):
    patients: int
    sessions: int
    signed: int
    drafts: int
    sites: int  # live ones
    amended_sessions: int
    amendments: int
    audit_entries: int


def record_counts(db: Database) -> RecordCounts:
    """How many of each kind of record the file holds."""
    def one(sql: str) -> int:
        count: int = db.conn.execute(sql).fetchone()[0]
        return count

    return {
        "patients": one("SELECT count(*) FROM patients"),
        "sessions": one("SELECT count(*) FROM sessions"),
        "signed": one("SELECT count(*) FROM sessions WHERE status = 'signed'"),
        "drafts": one("SELECT count(*) FROM sessions WHERE status = 'draft'"),
        "sites": one("SELECT count(*) FROM sites WHERE deleted_at IS NULL"),
        "amended_sessions": one("SELECT count(DISTINCT session_id) FROM amendments"),
        "amendments": one("SELECT count(*) FROM amendments"),
        "audit_entries": one("SELECT count(*) FROM audit"),
    }
