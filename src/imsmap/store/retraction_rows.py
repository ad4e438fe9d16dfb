"""The rows of the retractions table (schema 8): a session's withdrawal or entered-in-error
mark, read with the session (``RETRACTED``) and on its own."""

from __future__ import annotations

from datetime import datetime

from imsmap.domain.models import Retraction, RetractionKind
from imsmap.store.damage import UNDECODABLE, unreadable
from imsmap.store.dialect import RecordRow

# A session's mark kind, read with the session: one lookup by the table's unique index on
# session_id (NULL for a session that counts).
RETRACTED = ("(SELECT r.kind FROM retractions r WHERE r.session_id = sessions.id)"
             " AS retracted")
# A session neither withdrawn nor entered in error, in a WHERE on the sessions table.
COUNTS = "NOT EXISTS (SELECT 1 FROM retractions r WHERE r.session_id = sessions.id)"
OF_SESSION = "SELECT * FROM retractions WHERE session_id = ?"
# The marks of a history's sessions: ``{ids}``, the IN list of store.merge_rows.history_ids.
OF_PATIENTS = ("SELECT r.* FROM retractions r JOIN sessions s ON s.id = r.session_id"
               " WHERE s.patient_id IN ({ids}) ORDER BY r.id")
INSERT = ("INSERT INTO retractions (session_id, kind, reason, created_at, created_by)"
          " VALUES (?, ?, ?, ?, ?)")


def retraction_from_row(r: RecordRow) -> Retraction:
    try:
        return Retraction(id=r["id"], session_id=r["session_id"],
                          kind=RetractionKind(r["kind"]), reason=r["reason"],
                          created_at=datetime.fromisoformat(r["created_at"]),
                          created_by=r["created_by"])
    except UNDECODABLE as exc:
        raise unreadable("retractions", r["id"], exc) from None

