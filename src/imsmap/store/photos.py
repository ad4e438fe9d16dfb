"""Photos in the database: their descriptions (``photos``) and their bytes (``photo_blobs``),
read apart so that a patient's history and the search never read a photo's pages (schema 6).

No Qt. Writes happen inside the caller's transaction (services.photos); the schema's triggers
refuse a change to a signed session's photos, any change to a photo's bytes, and any deletion.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from imsmap.domain.errors import NotFoundError
from imsmap.domain.photos import Photo
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.damage import UNDECODABLE, reading, reads, unreadable
from imsmap.store.db import Database
from imsmap.store.dialect import dialect_of

_COLUMNS = ("id, session_id, seq, sha256, mime, width, height, bytes, caption, site_id,"
            " created_at, created_by, updated_at, updated_by")
SCHEMA_WITH_PHOTOS = 6
SCHEMA_WITH_AMENDMENT_PHOTOS = 10  # photos.amendment_id: a photo added by amendment


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def photo_from_row(r: tuple[Any, ...]) -> Photo:
    try:
        return Photo(id=r[0], session_id=r[1], seq=r[2], sha256=r[3], mime=r[4], width=r[5],
                     height=r[6], bytes=r[7], caption=r[8], site_id=r[9],
                     created_at=_dt(r[10]), created_by=r[11], updated_at=_dt(r[12]),
                     updated_by=r[13] or "", amendment_id=r[14])
    except UNDECODABLE as exc:
        raise unreadable("photos", r[0], exc) from None


class PhotoStore:
    """The photo tables of one database."""

    def __init__(self, db: Database):
        self.db = db
        self.dialect = dialect_of(db.conn)
        self._available: bool | None = None
        self._columns: str | None = None

    @property
    def available(self) -> bool:
        """The file has the photo tables (a schema 5 file opened read-only has not)."""
        if self._available is None:
            self._available = self.db.schema_version >= SCHEMA_WITH_PHOTOS
        return self._available

    @property
    def by_amendment_available(self) -> bool:
        """The file takes photos added by amendment (schema 10)."""
        return self.db.schema_version >= SCHEMA_WITH_AMENDMENT_PHOTOS

    @property
    def columns(self) -> str:
        """The columns a Photo is read from (a schema 6-9 file opened read-only has no
        amendment_id: none of its photos was added by amendment)."""
        if self._columns is None:
            by_amendment = "amendment_id" if self.by_amendment_available else "NULL"
            self._columns = f"{_COLUMNS}, {by_amendment}"
        return self._columns

    # -- reading ---------------------------------------------------------------------------
    @reads
    def for_session(self, session_id: int) -> list[Photo]:
        if not self.available:
            return []
        rows = self.db.conn.execute(
            f"SELECT {self.columns} FROM photos WHERE session_id = ? AND deleted_at IS NULL"
            " ORDER BY seq, id", (session_id,)).fetchall()
        return [photo_from_row(r) for r in rows]

    @reads
    def for_sessions(self, session_ids: Iterable[int]) -> dict[int, list[Photo]]:
        """Live photos by session, in one query (the export)."""
        wanted = set(session_ids)
        out: dict[int, list[Photo]] = {}
        if not self.available or not wanted:
            return out
        for r in self.db.conn.execute(f"SELECT {self.columns} FROM photos WHERE deleted_at IS NULL"
                                      " ORDER BY session_id, seq, id"):
            if r[1] in wanted:
                out.setdefault(r[1], []).append(photo_from_row(r))
        return out

    @reads
    def photo(self, photo_id: int, *, include_removed: bool = False) -> Photo:
        row = None
        if self.available:
            row = self.db.conn.execute(
                f"SELECT {self.columns} FROM photos WHERE id = ?"
                + ("" if include_removed else " AND deleted_at IS NULL"),
                (photo_id,)).fetchone()
        if row is None:
            raise NotFoundError(sentence("StorePhotos", QT_TRANSLATE_NOOP(
                "StorePhotos", "There is no photo %1."), str(photo_id)))
        return photo_from_row(row)

    @reads
    def thumbnail(self, photo_id: int) -> bytes:
        return self._blob("thumbnail", photo_id)

    @reads
    def data(self, photo_id: int) -> bytes:
        return self._blob("data", photo_id)

    def _blob(self, column: str, photo_id: int) -> bytes:
        row = self.db.conn.execute(f"SELECT {column} FROM photo_blobs WHERE photo_id = ?",
                                   (photo_id,)).fetchone() if self.available else None
        if row is None:
            raise NotFoundError(sentence("StorePhotos", QT_TRANSLATE_NOOP(
                "StorePhotos", "The bytes of photo %1 are not in the database."), str(photo_id)))
        if not isinstance(row[0], bytes):
            raise unreadable("photo_blobs", photo_id,
                             TypeError(f"its {column} is a {type(row[0]).__name__}"))
        return row[0]

    def stored(self) -> Iterator[tuple[int, int, str, bytes | None]]:
        """(id, session id, recorded sha256, stored bytes or None) of every photo, removed ones
        too, one at a time (`imsmap check`)."""
        if not self.available:
            return
        # CAST AS BLOB: a damaged file's text in place of the bytes reads as not bytes (the
        # server's column is bytea, never anything else).
        data = "CAST(b.data AS BLOB)" if self.dialect.name == "sqlite" else "b.data"
        with reading(self.db.path):  # a damaged file's errors, as the iteration meets them
            for r in self.db.conn.execute(
                    f"SELECT p.id, p.session_id, p.sha256, {data} FROM photos p"
                    " LEFT JOIN photo_blobs b ON b.photo_id = p.id ORDER BY p.id"):
                yield r[0], r[1], r[2], r[3] if isinstance(r[3], bytes) else None

    @reads
    def count(self) -> int:
        if not self.available:
            return 0
        return int(self.db.conn.execute(
            "SELECT count(*) FROM photos WHERE deleted_at IS NULL").fetchone()[0])

    # -- writing (inside the caller's transaction) -----------------------------------------
    def insert(self, session_id: int, *, sha256: str, mime: str, width: int, height: int,
               data: bytes, thumbnail: bytes, caption: str, site_id: int | None, at: str,
               actor: str, amendment_id: int | None = None) -> int:
        """``amendment_id``: the amendment of a signed session that adds the photo, written in
        this transaction with the same time and author (the schema's triggers check it)."""
        conn: sqlite3.Connection = self.db.conn
        seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM photos WHERE session_id = ?",
                           (session_id,)).fetchone()[0]
        by_amendment = ("", "") if amendment_id is None else (", amendment_id", ", ?")
        photo_id = dialect_of(conn).insert(
            conn,
            "INSERT INTO photos (session_id, seq, sha256, mime, width, height, bytes, caption,"
            f" site_id, created_at, created_by{by_amendment[0]})"
            f" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?{by_amendment[1]})",
            (session_id, seq, sha256, mime, width, height, len(data), caption, site_id, at,
             actor, *(() if amendment_id is None else (amendment_id,))))
        conn.execute("INSERT INTO photo_blobs (photo_id, thumbnail, data) VALUES (?, ?, ?)",
                     (photo_id, thumbnail, data))
        return photo_id

    def update(self, photo_id: int, values: dict[str, object], at: str, actor: str) -> None:
        sets = ", ".join(f"{k} = ?" for k in values)
        self.db.conn.execute(
            f"UPDATE photos SET {sets}, updated_at = ?, updated_by = ? WHERE id = ?",
            (*values.values(), at, actor, photo_id))

    def mark_removed(self, photo_id: int, at: str, actor: str) -> None:
        self.db.conn.execute("UPDATE photos SET deleted_at = ?, deleted_by = ? WHERE id = ?",
                             (at, actor, photo_id))
