"""The whole record read at once, as the exports take it (services.export, services.export_csv):
every patient, session and amendment in one query each, and a per-session table's live rows.
"""

from __future__ import annotations

from imsmap.domain.models import Amendment, Patient, Retraction, Session
from imsmap.store.db import Database
from imsmap.store.dialect import RecordRow
from imsmap.store.record_rows import (
    SESSION_ROW,
    amendment_from_row,
    patient_from_row,
    session_from_row,
)
from imsmap.store.retraction_rows import retraction_from_row

DETAIL_TABLES = ("findings", "adverse_events")


def all_sessions(db: Database) -> list[Session]:
    """Every session, by patient, then in the order they started."""
    return [session_from_row(r) for r in
            db.query(f"SELECT {SESSION_ROW} FROM sessions ORDER BY patient_id, started_at, id")]


def all_retractions(db: Database) -> dict[int, Retraction]:
    """{session id: its withdrawal or entered-in-error mark}, for every marked session."""
    return {int(r["session_id"]): retraction_from_row(r)
            for r in db.query("SELECT * FROM retractions ORDER BY id")}


def all_patients(db: Database) -> list[Patient]:
    """Every patient, by id."""
    return [patient_from_row(r) for r in db.query("SELECT * FROM patients ORDER BY id")]


def all_amendments(db: Database) -> list[Amendment]:
    """Every amendment, by session, then in the order they were written."""
    return [amendment_from_row(r) for r in
            db.query("SELECT * FROM amendments ORDER BY session_id, created_at, id")]


def live_details(db: Database, table: str, columns: tuple[str, ...]) -> list[RecordRow]:
    """The live rows of a per-session table (one of `DETAIL_TABLES`), `session_id` and
    `columns` of each, by session then id."""
    if table not in DETAIL_TABLES:
        raise ValueError(f"not a per-session table: {table!r}")
    return db.query(f"SELECT session_id, {', '.join(columns)} FROM {table}"
                    " WHERE deleted_at IS NULL ORDER BY session_id, id")


def session_ids_by_patient(db: Database) -> dict[int, list[int]]:
    """patient id -> their session ids in the order they started; patients in id order
    (those without sessions left out)."""
    out: dict[int, list[int]] = {}
    for r in db.query("SELECT id, patient_id FROM sessions ORDER BY patient_id, started_at, id"):
        out.setdefault(r["patient_id"], []).append(r["id"])
    return out
