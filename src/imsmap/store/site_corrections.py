"""The site_corrections table (schema 7): an amendment's corrections of its signed session's
sites, insert-only (its triggers refuse a change or a deletion, and a correction of a site of
another session). What a correction means is in domain.corrections.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from imsmap.domain.corrections import SiteCorrection, Value, from_text, to_text
from imsmap.store.damage import UNDECODABLE, reading, unreadable
from imsmap.store.dialect import dialect_of

_SELECT = (
    "SELECT c.id, c.amendment_id, c.site_id, c.field, c.old_value, c.new_value, s.seq,"
    " a.session_id, a.created_at, a.created_by, a.reason FROM site_corrections c"
    " JOIN amendments a ON a.id = c.amendment_id JOIN sites s ON s.id = c.site_id")
CHUNK = 500


def _decode(row: tuple[Any, ...]) -> SiteCorrection:
    (id_, amendment_id, site_id, field, old, new, seq, session_id, created_at, created_by,
     reason) = row
    try:
        return SiteCorrection(int(id_), int(amendment_id), int(site_id), str(field),
                              from_text(str(field), old), from_text(str(field), new), int(seq),
                              int(session_id), datetime.fromisoformat(str(created_at)),
                              str(created_by), str(reason))
    except UNDECODABLE as exc:
        raise unreadable("site_corrections", id_, exc) from None


def for_sessions(conn: sqlite3.Connection, session_ids: Iterable[int]
                 ) -> dict[int, list[SiteCorrection]]:
    """{session id: its corrections in amendment order} (sessions without any left out)."""
    ids = list(dict.fromkeys(session_ids))
    out: dict[int, list[SiteCorrection]] = {}
    with reading(conn):
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            rows = conn.execute(
                f"{_SELECT} WHERE a.session_id IN ({', '.join('?' * len(chunk))})"
                " ORDER BY a.session_id, a.id, c.id", tuple(chunk)).fetchall()
            for row in rows:
                c = _decode(row)
                out.setdefault(c.session_id, []).append(c)
    return out


def for_amendment(conn: sqlite3.Connection, amendment_id: int) -> list[SiteCorrection]:
    with reading(conn):
        rows = conn.execute(f"{_SELECT} WHERE c.amendment_id = ? ORDER BY c.id",
                            (amendment_id,)).fetchall()
    return [_decode(r) for r in rows]


def every(conn: sqlite3.Connection) -> dict[int, list[SiteCorrection]]:
    """{amendment id: its corrections} of the whole database (`imsmap check`)."""
    out: dict[int, list[SiteCorrection]] = {}
    with reading(conn):
        for row in conn.execute(f"{_SELECT} ORDER BY c.amendment_id, c.id").fetchall():
            c = _decode(row)
            out.setdefault(c.amendment_id, []).append(c)
    return out


def insert(conn: sqlite3.Connection, amendment_id: int, site_id: int, field: str,
           old: Value, new: Value) -> int:
    """One correction, inside its amendment's transaction."""
    return dialect_of(conn).insert(
        conn, "INSERT INTO site_corrections (amendment_id, site_id, field, old_value, new_value)"
        " VALUES (?, ?, ?, ?, ?)",
        (amendment_id, site_id, field, to_text(field, old), to_text(field, new)))
