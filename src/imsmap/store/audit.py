"""The append-only, hash-chained audit trail.

Each entry's hash is sha256(previous entry's hash || canonical JSON of this entry, id included),
so an entry changed, removed or reordered outside the app breaks the chain and `verify_chain`
names where. Triggers in the schema refuse UPDATE and DELETE on the table.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime

from imsmap.domain.models import AuditEntry

GENESIS = bytes(32)


def canonical(entry_id: int, at: str, actor: str, action: str, entity: str,
              entity_id: int | None, session_id: int | None, changes_json: str) -> bytes:
    return json.dumps([entry_id, at, actor, action, entity, entity_id, session_id, changes_json],
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def append(conn: sqlite3.Connection, *, at: str, actor: str, action: str, entity: str,
           entity_id: int | None, session_id: int | None, changes: dict) -> int:
    """Add one entry; call inside the transaction that makes the change it describes."""
    last = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    prev_id, prev_hash = (last[0], bytes(last[1])) if last else (0, GENESIS)
    entry_id = prev_id + 1
    changes_json = json.dumps(changes, ensure_ascii=False, sort_keys=True, default=str,
                              separators=(",", ":"))
    digest = hashlib.sha256(prev_hash + canonical(entry_id, at, actor, action, entity, entity_id,
                                                  session_id, changes_json)).digest()
    conn.execute(
        "INSERT INTO audit (id, at, actor, action, entity, entity_id, session_id, changes, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entry_id, at, actor, action, entity, entity_id, session_id, changes_json, digest))
    return entry_id


def verify_chain(conn: sqlite3.Connection) -> list[str]:
    """Problems with the chain, in order; an empty list means it is unbroken."""
    problems = []
    prev_hash, expected_id = GENESIS, 1
    rows = conn.execute(
        "SELECT id, at, actor, action, entity, entity_id, session_id, changes, hash"
        " FROM audit ORDER BY id")
    for row in rows:
        entry_id = row[0]
        if entry_id != expected_id:
            problems.append(f"audit entries {expected_id}-{entry_id - 1} are missing")
        digest = hashlib.sha256(prev_hash + canonical(*row[:8])).digest()
        if digest != bytes(row[8]):
            problems.append(f"audit entry {entry_id} ({row[3]} {row[4]} {row[5]}) was altered "
                            "or an earlier entry was removed")
        prev_hash, expected_id = bytes(row[8]), entry_id + 1
    return problems


def entries(conn: sqlite3.Connection, session_id: int | None = None) -> list[AuditEntry]:
    sql = "SELECT id, at, actor, action, entity, entity_id, session_id, changes FROM audit"
    params: tuple = ()
    if session_id is not None:
        sql += " WHERE session_id = ?"
        params = (session_id,)
    sql += " ORDER BY id"
    return [AuditEntry(id=r[0], at=datetime.fromisoformat(r[1]), actor=r[2], action=r[3],
                       entity=r[4], entity_id=r[5], session_id=r[6], changes=json.loads(r[7]))
            for r in conn.execute(sql, params)]
