"""The server's audit trail read back, and verified by the rules of store/audit.py.

The server links each entry itself (sql/v1_rules.sql, in SQL); this module reads the entries in
the form ``store.audit.rows`` gives for an SQLite file and recomputes every link with
``store.audit.entry_link``, the one rule both backends share. So a link the server worked out
differently from the Python code, an entry altered by someone who switched the triggers off, or
an entry removed, is named here. The server stores every entry's link (SQLite stores one in 16),
so a problem is placed at its entry.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.audit import GENESIS, entry_link
from imsmap.store.postgres.dsn import one
from imsmap.store.site_rows import instant

if TYPE_CHECKING:
    from psycopg.rows import TupleRow

    from imsmap.store.postgres.connection import PgConnection

_COLUMNS = ("id, at, at_text, actor, action, entity, entity_id, session_id, changes, digest,"
            " hash")
FETCH_ROWS = 5000
# An entry in the form store.audit.rows gives (AuditRow); the server stores every entry's link.
ServerAuditRow = tuple[int, str | int, str, str, str, int | None, int | None, str | bytes, bytes]


def rows(conn: PgConnection, where: str = "", params: tuple[object, ...] = ()
         ) -> Iterator[ServerAuditRow]:
    """(id, at, actor, action, entity, entity_id, session_id, changes, link) in id order, as
    store.audit.rows yields them: ``at`` seconds (int) or the ISO text of an older entry,
    ``changes`` the JSON text or a creation's 16-byte digest. Read in one snapshot."""
    with conn.transaction():
        with conn.cursor(name="imsmap_audit_rows") as cur:
            cur.itersize = FETCH_ROWS
            cur.execute(f"SELECT {_COLUMNS} FROM audit {where} ORDER BY id", params)
            for r in cur:
                yield audit_row(r)


def audit_row(r: TupleRow) -> ServerAuditRow:
    """An entry as the server's audit columns hold it (id, at, at_text, actor, action, entity,
    entity_id, session_id, changes, digest, hash) in the form store.audit.rows gives."""
    return (r[0], r[1] if r[1] is not None else r[2], r[3], r[4], r[5], r[6], r[7],
            r[8] if r[8] is not None else bytes(r[9]), bytes(r[10]))


def head(conn: PgConnection) -> tuple[int, bytes]:
    """(id, link) of the newest entry, as the server recorded it (0 and GENESIS when empty)."""
    entry_id, link = one(conn.execute("SELECT entry_id, hash FROM audit_head"))
    return int(entry_id), bytes(link)


def verify_chain(conn: PgConnection) -> list[str]:
    """Problems with the server's chain, in order; an empty list means it is unbroken. Runs in
    the caller's transaction (one snapshot); needs a login that reads the whole trail."""
    problems: list[str] = []
    prev_link, expected_id, last = GENESIS, 1, 0
    for row in rows(conn):
        entry_id = last = row[0]
        if entry_id != expected_id:
            problems.append(sentence("ServerChain", QT_TRANSLATE_NOOP(
                "ServerChain", "audit entries %1-%2 are missing"), str(expected_id), str(entry_id - 1)))
        if entry_link(prev_link, row) != row[8]:
            problems.append(sentence("ServerChain", QT_TRANSLATE_NOOP(
                "ServerChain", "audit entry %1 (%2 %3 %4) was altered or an earlier entry was "
                "removed"), str(entry_id), row[3], row[4], row[5]))
        prev_link, expected_id = row[8], entry_id + 1
    recorded_id, recorded_link = head(conn)
    if (recorded_id, recorded_link) != (last, prev_link):
        problems.append(sentence("ServerChain", QT_TRANSLATE_NOOP(
            "ServerChain", "the newest audit entries do not end where the trail recorded its "
            "end (entry %1; the last entry is %2): one was altered or removed"),
            str(recorded_id), last))
    return problems


def same_second(a: object, b: object) -> bool:
    """Two recorded times (ISO text, a datetime, or seconds since 1970) name the same second."""
    try:
        return _seconds(a) == _seconds(b)
    except (TypeError, ValueError, OverflowError):
        return False


def _seconds(value: object) -> int:
    if isinstance(value, (str, datetime)):
        return instant(value)
    if isinstance(value, (int, float)):
        return int(value)
    raise TypeError(f"a recorded time is text, a datetime or seconds, not {type(value).__name__}")


def signature_problems(conn: PgConnection) -> list[str]:
    """Signed sessions whose content hash, signer or signing time is not what the audit entry
    that signed them (``sign``, or ``import`` of a visit signed elsewhere) recorded: the rules
    of services/signatures.py, read from the server's trail."""
    witnesses: dict[int, tuple[int, dict[str, object]]] = {}
    for row in rows(conn, "WHERE entity = 'session' AND action IN ('sign', 'import')"
                          " AND changes IS NOT NULL AND entity_id IS NOT NULL"):
        if not isinstance(row[7], str) or row[5] is None:
            continue  # a creation's digest, or an entry of no session (the WHERE keeps both out)
        try:
            changes = json.loads(row[7])
        except ValueError:
            continue
        values = {k: v[1] for k, v in changes.items() if isinstance(v, list) and len(v) == 2} \
            if isinstance(changes, dict) else {}
        if "content_hash" not in values:
            continue
        if row[3] == "sign":
            values = {"content_hash": values["content_hash"], "signed_by": row[2],
                      "signed_at": row[1]}
        witnesses[row[5]] = (row[0], values)
    problems: list[str] = []
    signed = conn.execute("SELECT id, content_hash, signed_by, signed_at FROM sessions"
                          " WHERE status = 'signed' ORDER BY id").fetchall()
    for session_id, content_hash, signed_by, signed_at in signed:
        found = witnesses.get(session_id)
        if found is None:
            problems.append(sentence("ServerChain", QT_TRANSLATE_NOOP(
                "ServerChain", "session %1: the audit trail holds no entry recording its "
                "signature"), str(session_id)))
            continue
        entry_id, values = found
        if (values.get("content_hash") != content_hash or values.get("signed_by") != signed_by
                or not same_second(values.get("signed_at"), signed_at)):
            problems.append(sentence("ServerChain", QT_TRANSLATE_NOOP(
                "ServerChain", "session %1: its signature is not what audit entry %2 recorded "
                "when it was signed"), str(session_id), str(entry_id)))
    return problems
