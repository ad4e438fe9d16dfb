"""Optimistic checks for edits made from a window: an edit carries the values its editor started
from (``expected``), and the write is refused with a ConflictError when the stored values differ,
because another window or program changed them meanwhile. The check runs inside the write's own
transaction (BEGIN IMMEDIATE), so nothing can change between the check and the write.

The sentence says who changed the field and when, when the audit trail knows.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from imsmap.domain.errors import ConflictError, ValidationError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store import audit
from imsmap.store.repository import to_sql

WHAT = {"patient": "this patient's", "session": "this session's", "site": "this site's"}


def _comparable(value: object) -> object:
    value = to_sql(value)
    return None if value == "" else value


def check(conn: sqlite3.Connection, entity: str, entity_id: int, session_id: int | None,
          stored: object, expected: dict[str, object], wanted: dict[str, object],
          allowed: tuple[str, ...]) -> None:
    """Raise ConflictError when `stored` (the record as the transaction reads it) no longer
    holds the `expected` values of its fields, unless it holds the `wanted` ones already."""
    unknown = set(expected) - set(allowed)
    if unknown:
        raise ValidationError(sentence("Conflicts", QT_TRANSLATE_NOOP(
            "Conflicts", "Unknown %1 field(s): %2."), entity, ', '.join(sorted(unknown))))
    changed = tuple(k for k, value in expected.items()
                    if _comparable(getattr(stored, k)) != _comparable(value) and
                    (k not in wanted or
                     _comparable(getattr(stored, k)) != _comparable(wanted[k])))
    if not changed:
        return
    names = " and ".join(k.replace("_", " ") for k in changed)
    were = "were" if len(changed) > 1 or changed[0] == "notes" else "was"
    who = last_change(conn, entity, entity_id, session_id, changed)
    by = f" (by {who[0]} at {who[1]:%Y-%m-%d %H:%M})" if who else ""
    raise ConflictError(
        sentence("Conflicts", QT_TRANSLATE_NOOP(
        "Conflicts", "%1 %2 %3 changed in another window or program%4 after you began editing, "
        "so your change was not saved; nothing was overwritten."),
        WHAT.get(entity, entity).capitalize(), names, were, by), changed)


def last_change(conn: sqlite3.Connection, entity: str, entity_id: int,
                session_id: int | None, names: tuple[str, ...]) -> tuple[str, datetime] | None:
    """(actor, time) of the newest audit entry that changed one of `names` of the record."""
    found = None
    where, params = (("WHERE session_id IS NULL AND entity_id = ?", (entity_id,))
                     if session_id is None else
                     ("WHERE session_id = ? AND entity_id = ?", (session_id, entity_id)))
    for row in audit.rows(conn, where, params):
        if row[3] != "update" or row[4] != entity or not isinstance(row[7], str):
            continue
        try:
            changes = json.loads(row[7])
        except ValueError:
            continue
        if isinstance(changes, dict) and any(k in changes for k in names):
            found = (row[2], audit.when(row[1]).astimezone())
    return found
