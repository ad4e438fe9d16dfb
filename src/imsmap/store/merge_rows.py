"""The rows of the patient_merges table (SQLite schema 9, server schema 8): a duplicate patient
record merged into the record kept, and the separation that ends a merge made by mistake.

`history_ids` is the one function that says which patient ids a record's history is read from:
every reader of a patient's sessions (store.repository) asks it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from imsmap.domain.models import PatientMerge
from imsmap.store.damage import UNDECODABLE, unreadable
from imsmap.store.dialect import RecordRow

# A merge row (alias m) that no separation ends: the merge is in force.
IN_FORCE = ("m.ends IS NULL AND NOT EXISTS"
            " (SELECT 1 FROM patient_merges s WHERE s.ends = m.id)")
# The record a history is read for (the kept one, if the id given was merged away), then the
# records merged into it, in the order they were merged.
_HISTORY_IDS = (
    "WITH kept (id) AS (SELECT coalesce((SELECT m.kept_id FROM patient_merges m"
    f" WHERE m.duplicate_id = ? AND {IN_FORCE}), ?))"
    " SELECT kept.id, 0 FROM kept"
    " UNION ALL SELECT m.duplicate_id, m.id FROM patient_merges m JOIN kept ON m.kept_id = kept.id"
    f" WHERE {IN_FORCE} ORDER BY 2")
INSERT = ("INSERT INTO patient_merges (duplicate_id, kept_id, ends, reason, created_at,"
          " created_by) VALUES (?, ?, ?, ?, ?, ?)")
# Every row about a record, as the duplicate or the kept one, oldest first.
OF_PATIENT = ("SELECT * FROM patient_merges WHERE duplicate_id = ? OR kept_id = ?"
              " ORDER BY id")
ALL = "SELECT * FROM patient_merges ORDER BY id"


def history_ids(conn: Any, patient_id: int) -> tuple[int, ...]:
    """The patient ids a record's history is read from: the record kept first (``patient_id``
    itself, or the record it is merged into), then every record merged into it and not
    separated since. A record with no merge: ``(patient_id,)``."""
    rows = conn.execute(_HISTORY_IDS, (patient_id, patient_id)).fetchall()
    return tuple(int(r[0]) for r in rows) or (patient_id,)


def placeholders(ids: tuple[int, ...]) -> str:
    """``?, ?, ...`` for an IN list of ``ids``."""
    return ", ".join("?" * len(ids))


def merge_from_row(r: RecordRow) -> PatientMerge:
    try:
        return PatientMerge(id=int(r["id"]), duplicate_id=int(r["duplicate_id"]),
                            kept_id=int(r["kept_id"]), reason=r["reason"],
                            created_at=datetime.fromisoformat(r["created_at"]),
                            created_by=r["created_by"],
                            ends=None if r["ends"] is None else int(r["ends"]))
    except UNDECODABLE as exc:
        raise unreadable("patient_merges", r["id"], exc) from None


def with_separations(rows: list[RecordRow]) -> list[PatientMerge]:
    """The merges among ``rows`` (oldest first), each with the separation that ended it."""
    rows_read = [merge_from_row(r) for r in rows]
    ended = {m.ends: m for m in rows_read if m.ends is not None}
    return [PatientMerge(m.id, m.duplicate_id, m.kept_id, m.reason, m.created_at,
                         m.created_by, None, ended.get(m.id))
            for m in rows_read if m.ends is None]
