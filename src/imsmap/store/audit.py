"""The append-only, hash-chained audit trail.

Each entry's hash is sha256(previous entry's hash || canonical JSON of this entry, id included),
so an entry changed, removed or reordered outside the app breaks the chain and `verify_chain`
names where. Triggers in the schema refuse UPDATE and DELETE on the table.

Schema 4 made new entries compact (old entries stay exactly as they were written, and are
verified as they were): ``at`` is whole seconds since 1970 UTC, ``actor``, ``action`` and
``entity`` are ``terms`` ids, the chain link is the first 16 bytes of the sha256 and is stored
on every 16th entry (``CHECKPOINT_EVERY``; ``audit_head`` keeps the newest link), and the creation
of a site or a session carries a 16-byte digest of the created content (``content_digest``)
instead of a copy of it: the row is the record, and later changes carry their before and after
values, so the created content can be rebuilt and checked against the digest. The canonical form
of a compact entry holds the words, not the term ids, so a term changed around the app breaks the
chain too. An integer ``at`` marks a compact entry. An entry altered or removed is found to
within its block of 16 entries.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from imsmap.domain.models import AuditEntry, Session
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.damage import UNDECODABLE, reading, unreadable
from imsmap.store.dialect import dialect_of
from imsmap.store.site_rows import instant, moment
from imsmap.store.terms import terms_of

GENESIS = bytes(32)
COMPACT_HASH_BYTES = 16
CHECKPOINT_EVERY = 16  # compact entries whose id is a multiple of this store their link

# What a session's creation digest covers (its content, not its bookkeeping or signature).
SESSION_CONTENT = ("patient_id", "uid", "atlas_version", "started_at", "practitioner",
                   "practitioner_registration", "complaint", "pain_before", "pain_after",
                   "notes", "consent", "pneumothorax_discussed", "needle_count",
                   "needles_accounted", "tolerance", "plan")


def server_trail(conn: object) -> Any:
    """The clinic server's audit trail (store/postgres/trail.py) when ``conn`` is the server's
    connection, else None. On the server the triggers number, time, sign and link every entry
    and keep the words, so the functions below hand over to it: the client never appends the
    chain a second time, and reads it in the same form as a file's."""
    return getattr(conn, "trail", None) if dialect_of(conn).server_audit else None


# json.dumps with these arguments, made once (dumps makes an encoder at every call: a tenth of
# checking a site's digest, `imsmap check` checks every site's)
_DIGESTED = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                             default=str)


def content_digest(values: dict[str, object]) -> bytes:
    """16 bytes of sha256 over the compact, key-sorted JSON of a created record's content."""
    blob = _DIGESTED.encode(values)
    return hashlib.sha256(blob.encode("utf-8")).digest()[:COMPACT_HASH_BYTES]


def session_content(session: Session) -> dict[str, object]:
    out: dict[str, object] = {}
    for key in SESSION_CONTENT:
        value = getattr(session, key)
        if isinstance(value, bool):
            value = int(value)
        elif isinstance(value, datetime):
            value = value.isoformat(timespec="seconds")
        out[key] = value
    return out


def canonical(entry_id: int, at: str | int, actor: str, action: str, entity: str,
              entity_id: int | None, session_id: int | None, changes_json: str) -> bytes:
    return json.dumps([entry_id, at, actor, action, entity, entity_id, session_id, changes_json],
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def changes_text(changes: dict[str, Any]) -> str:
    return json.dumps(changes, ensure_ascii=False, sort_keys=True, default=str,
                      separators=(",", ":"))


def _changes_form(changes: str | bytes) -> str:
    """What the canonical form holds for a stored ``changes``: the JSON, or a digest in hex."""
    return changes.hex() if isinstance(changes, bytes) else changes


def link(prev_hash: bytes, entry_id: int, at: int, actor: str, action: str, entity: str,
         entity_id: int | None, session_id: int | None, changes: str | bytes) -> bytes:
    """The stored hash of a compact (schema 4) entry."""
    content = canonical(entry_id, at, actor, action, entity, entity_id, session_id,
                        _changes_form(changes))
    return hashlib.sha256(prev_hash + content).digest()[:COMPACT_HASH_BYTES]


def append(conn: sqlite3.Connection, *, at: str, actor: str, action: str, entity: str,
           entity_id: int | None, session_id: int | None, changes: dict[str, Any] | bytes) -> int:
    """Add one entry; call inside the transaction that makes the change it describes.

    ``changes`` is {column: [before, after]}, or for a creation the 16-byte ``content_digest``
    of the created record.
    """
    server = server_trail(conn)
    if server is not None:
        return int(server.append(conn, action=action, entity=entity, entity_id=entity_id,
                                 session_id=session_id, changes=changes))
    prev_id, prev_link = head(conn)
    entry_id = prev_id + 1
    stored = bytes(changes) if isinstance(changes, (bytes, bytearray)) else changes_text(changes)
    seconds = instant(at)
    terms = terms_of(conn)
    digest = link(prev_link, entry_id, seconds, actor, action, entity, entity_id, session_id,
                  stored)
    conn.execute(
        "INSERT INTO audit (id, at, actor, action, entity, entity_id, session_id, changes, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entry_id, seconds, terms.id(actor), terms.id(action), terms.id(entity), entity_id,
         session_id, stored, digest if entry_id % CHECKPOINT_EVERY == 0 else None))
    conn.execute("INSERT INTO audit_head (one, entry_id, hash) VALUES (1, ?, ?) ON CONFLICT (one)"
                 " DO UPDATE SET entry_id = excluded.entry_id, hash = excluded.hash",
                 (entry_id, digest))
    return entry_id


def head(conn: sqlite3.Connection) -> tuple[int, bytes]:
    """(id, chain link) of the newest entry: from audit_head, or worked out again from the last
    stored link when audit_head does not describe the newest entry."""
    server = server_trail(conn)
    if server is not None:
        entry_id, last_link = server.head(conn)
        return int(entry_id), bytes(last_link)
    with reading(conn):
        last = conn.execute("SELECT max(id) FROM audit").fetchone()[0] or 0
        row = conn.execute("SELECT entry_id, hash FROM audit_head").fetchone()
        if row is not None and row[0] == last:
            return last, _stored_link("audit_head", 1, row[1])
        if last == 0:
            return 0, GENESIS
        start = conn.execute("SELECT id, hash FROM audit WHERE id <= ? AND hash IS NOT NULL"
                             " ORDER BY id DESC LIMIT 1", (last,)).fetchone()
        prev_link, after = ((_stored_link("audit", start[0], start[1]), start[0]) if start
                            else (GENESIS, 0))
        for r in rows(conn, "WHERE id > ?", (after,)):
            prev_link = _checked_link(prev_link, r)
        return last, prev_link


def _stored_link(table: str, row_id: object, value: object) -> bytes:
    """A stored chain link: bytes (a damaged file may hold anything there)."""
    if not isinstance(value, bytes):
        raise unreadable(table, row_id, TypeError(sentence("StoreAudit", QT_TRANSLATE_NOOP(
            "StoreAudit", "its hash is a %1"), type(value).__name__)))
    return value


def _checked_link(prev_link: bytes, row: tuple[Any, ...]) -> bytes:
    try:
        return _link_of(prev_link, row)
    except UNDECODABLE as exc:  # a value json cannot write: the row holds what it never could
        raise unreadable("audit", row[0], exc) from None


def link_at(conn: sqlite3.Connection, entry_id: int) -> bytes | None:
    """The chain link of one entry, worked out from the nearest stored link before it; None
    when there is no such entry. Printed on a signed session's PDF, it lets anyone holding the
    paper tell whether the trail up to that signature was rewritten since."""
    server = server_trail(conn)
    if server is not None:
        found = server.link_at(conn, entry_id)
        return None if found is None else bytes(found)
    with reading(conn):
        start = conn.execute("SELECT id, hash FROM audit WHERE id < ? AND hash IS NOT NULL"
                             " ORDER BY id DESC LIMIT 1", (entry_id,)).fetchone()
        prev_link, after = ((_stored_link("audit", start[0], start[1]), start[0]) if start
                            else (GENESIS, 0))
        found = None
        for r in rows(conn, "WHERE id > ? AND id <= ?", (after, entry_id), fresh=True):
            prev_link = _checked_link(prev_link, r)
            found = r[0]
        return prev_link if found == entry_id else None


def _link_of(prev_link: bytes, row: tuple[Any, ...]) -> bytes:
    if isinstance(row[1], int):
        return link(prev_link, *row[:8])
    return hashlib.sha256(prev_link + canonical(*row[:8])).digest()


def entry_link(prev_link: bytes, row: tuple[Any, ...]) -> bytes:
    """The chain link of an entry given as ``rows`` yields it (id, at, actor, action, entity,
    entity_id, session_id, changes, ...): the one rule every backend's chain is verified by
    (store/postgres/chain.py for the clinic server)."""
    return _link_of(prev_link, row)


_COLUMNS = "id, at, actor, action, entity, entity_id, session_id, changes, hash"


# One entry as `rows` gives it: id, at, actor, action, entity, entity id, session id, changes
# (JSON text, or a creation's 16-byte digest), and the stored chain link (None between
# checkpoints).
AuditRow = tuple[int, str | int, str, str, str, int | None, int | None, str | bytes, bytes | None]


def rows(conn: sqlite3.Connection, where: str = "", params: tuple[Any, ...] = (), *,
         fresh: bool = False) -> Iterator[AuditRow]:
    """The entries as written, in id order, with the words in place of term ids (the stored
    link is None on compact entries between checkpoints)."""
    server = server_trail(conn)
    if server is not None:
        yield from server.rows(conn, where, params)
        return
    with reading(conn):
        terms = terms_of(conn)
        # fresh: the words as the file holds them now, not as this connection first read them
        texts = dict(conn.execute("SELECT id, text FROM terms")) if fresh else terms.known()
        for r in conn.execute(f"SELECT {_COLUMNS} FROM audit {where} ORDER BY id", params):
            if isinstance(r[1], int):
                try:
                    words: tuple[str, ...] = (texts[r[2]], texts[r[3]], texts[r[4]])
                except (KeyError, TypeError):
                    texts = dict(conn.execute("SELECT id, text FROM terms"))
                    words = tuple(texts.get(t, f"<missing term {t}>") if _is_key(t)
                                  else f"<missing term {t!r}>" for t in r[2:5])
                link_ = None if r[8] is None else _stored_link("audit", r[0], r[8])
                yield (r[0], r[1], *words, r[5], r[6], r[7], link_)
            else:
                yield (*r[:8], _stored_link("audit", r[0], r[8]))


def _is_key(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def verify_chain(conn: sqlite3.Connection,
                 progress: Callable[[float], None] | None = None) -> list[str]:
    """Problems with the chain, in order; an empty list means it is unbroken. `progress`
    hears how far the reading has come (0 to 1) now and then (not on the clinic server,
    which recomputes it in one statement)."""
    server = server_trail(conn)
    if server is not None:
        return list(server.verify_chain(conn))
    with reading(conn):
        return _chain_problems(conn, progress)


PROGRESS_EVERY = 1 << 16  # entries between two reports of progress


def _chain_problems(conn: sqlite3.Connection,
                    progress: Callable[[float], None] | None = None) -> list[str]:
    problems: list[str] = []
    prev_link, expected_id, block_start, last = GENESIS, 1, 1, 0
    newest = conn.execute("SELECT max(id) FROM audit").fetchone()[0] if progress else None
    for row in rows(conn, fresh=True):
        entry_id = last = row[0]
        if not isinstance(entry_id, int):
            raise unreadable("audit", entry_id, TypeError(sentence("StoreAudit", QT_TRANSLATE_NOOP(
                "StoreAudit", "its id is not a number"))))
        if progress is not None and newest and entry_id % PROGRESS_EVERY == 0:
            progress(min(1.0, entry_id / newest))
        if entry_id != expected_id:
            problems.append(sentence("StoreAudit", QT_TRANSLATE_NOOP(
                "StoreAudit", "audit entries %1-%2 are missing"), str(expected_id), str(entry_id - 1)))
        digest = _checked_link(prev_link, row)
        if row[8] is None:
            prev_link = digest
        else:
            if digest != row[8]:
                what = (f"audit entry {entry_id} ({row[3]} {row[4]} {row[5]})"
                        if block_start == entry_id else
                        sentence("StoreAudit", QT_TRANSLATE_NOOP(
                            "StoreAudit", "one of audit entries %1-%2"), block_start, str(entry_id)))
                problems.append(sentence("StoreAudit", QT_TRANSLATE_NOOP(
                    "StoreAudit", "%1 was altered or an earlier entry was removed"), what))
            prev_link, block_start = row[8], entry_id + 1
        expected_id = entry_id + 1
    recorded = conn.execute("SELECT entry_id, hash FROM audit_head").fetchone() \
        if _has_head(conn) else None
    if recorded is not None and (recorded[0] != last or
                                 _stored_link("audit_head", 1, recorded[1]) != prev_link):
        span = f"{block_start}-{last}" if block_start <= last else str(last)
        problems.append(sentence("StoreAudit", QT_TRANSLATE_NOOP(
            "StoreAudit", "the newest audit entries (%1) do not end where the trail recorded "
            "its end (entry %2): one was altered or removed"), span, recorded[0]))
    elif recorded is None and block_start <= last:
        problems.append(sentence("StoreAudit", QT_TRANSLATE_NOOP(
            "StoreAudit", "the record of where the audit trail ends is missing, so entries "
            "%1-%2 cannot be checked"), block_start, last))
    return problems


def _has_head(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_schema WHERE name = 'audit_head'").fetchone() \
        is not None


def when(at: str | int) -> datetime:
    return moment(at) if isinstance(at, int) else datetime.fromisoformat(at)


def entries(conn: sqlite3.Connection, session_id: int | None = None) -> list[AuditEntry]:
    where, params = ("WHERE session_id = ?", (session_id,)) if session_id is not None else ("", ())
    return _entries(conn, where, params)


def entries_of(conn: sqlite3.Connection, entity: str, ids: Sequence[int]) -> list[AuditEntry]:
    """The entries of these records of one kind that belong to no session (a merge of
    patient records, its separation), in id order."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    return [e for e in _entries(conn, f"WHERE session_id IS NULL AND entity_id IN ({marks})",
                                tuple(ids)) if e.entity == entity]


def _entries(conn: sqlite3.Connection, where: str, params: tuple[Any, ...]) -> list[AuditEntry]:
    out = []
    with reading(conn):
        for r in rows(conn, where, params):
            try:
                digest = r[7].hex() if isinstance(r[7], bytes) else None
                out.append(AuditEntry(id=r[0], at=when(r[1]), actor=r[2], action=r[3],
                                      entity=r[4], entity_id=r[5], session_id=r[6],
                                      changes={} if digest else stored_changes(r[7]),
                                      digest=digest))
            except UNDECODABLE as exc:
                raise unreadable("audit", r[0], exc) from None
    return out


def stored_changes(changes: object) -> dict[str, Any]:
    """The {column: [before, after]} of an entry as stored (JSON text); ValueError if the
    stored value is not that."""
    value = json.loads(changes)  # type: ignore[arg-type]
    if not isinstance(value, dict):
        raise ValueError(sentence("StoreAudit", QT_TRANSLATE_NOOP(
            "StoreAudit", "its changes are a JSON %1, not an object"), type(value).__name__))
    return value
