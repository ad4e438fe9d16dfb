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
from imsmap.domain.local_time import local_time
from imsmap.domain.text import QT_TRANSLATE_NOOP, joined, sentence
from imsmap.store import audit
from imsmap.store.record_rows import to_sql

# "This session's notes changed in another window...": one sentence per kind of record, so that
# a language agrees its words with it.
_CHANGED = {
    "patient": QT_TRANSLATE_NOOP(
        "Conflicts", "This patient's %1 changed in another window or program%2 after you began "
        "editing, so your change was not saved; nothing was overwritten."),
    "session": QT_TRANSLATE_NOOP(
        "Conflicts", "This session's %1 changed in another window or program%2 after you began "
        "editing, so your change was not saved; nothing was overwritten."),
    "site": QT_TRANSLATE_NOOP(
        "Conflicts", "This site's %1 changed in another window or program%2 after you began "
        "editing, so your change was not saved; nothing was overwritten."),
    "photo": QT_TRANSLATE_NOOP(
        "Conflicts", "This photo's %1 changed in another window or program%2 after you began "
        "editing, so your change was not saved; nothing was overwritten."),
    "record": QT_TRANSLATE_NOOP(
        "Conflicts", "This record's %1 changed in another window or program%2 after you began "
        "editing, so your change was not saved; nothing was overwritten."),
}
# The fields a conflict names, as people call them.
_FIELDS = {key: sentence("Field", text) for key, text in (
    ("chart_number", QT_TRANSLATE_NOOP("Field", "chart number")),
    ("family_name", QT_TRANSLATE_NOOP("Field", "family name")),
    ("given_name", QT_TRANSLATE_NOOP("Field", "given name")),
    ("birth_date", QT_TRANSLATE_NOOP("Field", "date of birth")),
    ("sex", QT_TRANSLATE_NOOP("Field", "sex")),
    ("notes", QT_TRANSLATE_NOOP("Field", "notes")),
    ("started_at", QT_TRANSLATE_NOOP("Field", "date and time")),
    ("practitioner", QT_TRANSLATE_NOOP("Field", "practitioner")),
    ("practitioner_registration", QT_TRANSLATE_NOOP("Field", "registration number")),
    ("complaint", QT_TRANSLATE_NOOP("Field", "complaint")),
    ("pain_before", QT_TRANSLATE_NOOP("Field", "pain before")),
    ("pain_after", QT_TRANSLATE_NOOP("Field", "pain after")),
    ("consent", QT_TRANSLATE_NOOP("Field", "consent")),
    ("pneumothorax_discussed", QT_TRANSLATE_NOOP("Field", "pneumothorax risk discussion")),
    ("needle_count", QT_TRANSLATE_NOOP("Field", "needle count")),
    ("needles_accounted", QT_TRANSLATE_NOOP("Field", "needles accounted for")),
    ("tolerance", QT_TRANSLATE_NOOP("Field", "tolerance")),
    ("plan", QT_TRANSLATE_NOOP("Field", "plan")),
    ("muscle_id", QT_TRANSLATE_NOOP("Field", "muscle")),
    ("side", QT_TRANSLATE_NOOP("Field", "side")),
    ("layer", QT_TRANSLATE_NOOP("Field", "layer")),
    ("level", QT_TRANSLATE_NOOP("Field", "level")),
    ("needle_diameter_mm", QT_TRANSLATE_NOOP("Field", "needle diameter")),
    ("needle_length_mm", QT_TRANSLATE_NOOP("Field", "needle length")),
    ("depth_mm", QT_TRANSLATE_NOOP("Field", "depth")),
    ("grasp", QT_TRANSLATE_NOOP("Field", "grasp")),
    ("cramp", QT_TRANSLATE_NOOP("Field", "cramp")),
    ("twitch", QT_TRANSLATE_NOOP("Field", "twitch")),
    ("tissue_feel", QT_TRANSLATE_NOOP("Field", "tissue feel")),
    ("release", QT_TRANSLATE_NOOP("Field", "release")),
    ("sensation", QT_TRANSLATE_NOOP("Field", "sensation")),
    ("estim", QT_TRANSLATE_NOOP("Field", "electrical stimulation")),
    ("planned", QT_TRANSLATE_NOOP("Field", "planned")),
    ("in_error", QT_TRANSLATE_NOOP("Field", "recorded in error")),
    ("caption", QT_TRANSLATE_NOOP("Field", "caption")),
    ("site_id", QT_TRANSLATE_NOOP("Field", "chart site")))}


def field_name(key: str) -> str:
    """A field as people call it ("pain before", "grasp")."""
    return _FIELDS.get(key) or key.replace("_", " ")



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
    names = joined(", ", [field_name(k) for k in changed])
    who = last_change(conn, entity, entity_id, session_id, changed)
    by = sentence("Conflicts", QT_TRANSLATE_NOOP("Conflicts", " (by %1 at %2)"), who[0],
                  f"{who[1]:%Y-%m-%d %H:%M}") if who else ""
    raise ConflictError(sentence("Conflicts", _CHANGED.get(entity, _CHANGED["record"]), names, by),
                        changed)


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
            found = (row[2], local_time(audit.when(row[1])))
    return found
