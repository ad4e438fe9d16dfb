"""The record's rows as domain objects and back: how a patient, a visit or an amendment read
from the database becomes a Patient, a Session or an Amendment (a damaged value is an
unreadable row, store.damage), and how a domain value is written (`to_sql`, `as_dict`).

Pure mapping, no SQL: store.repository runs the queries and hands their rows here, and so do
the other readers of whole tables (store.export_rows) and the services that write values
(`to_sql`). Sites have their own mapping, with their encoded words (store.site_rows).
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from imsmap.domain.models import Amendment, Patient, Session, SessionStatus, Sex, Side
from imsmap.log_privacy import PRIVATE
from imsmap.store import retraction_rows as marks
from imsmap.store.damage import UNDECODABLE, unreadable
from imsmap.store.dialect import RecordRow

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

PATIENT_FIELDS = ("chart_number", "family_name", "given_name", "birth_date", "sex", "notes")
SESSION_FIELDS = ("patient_id", "started_at", "practitioner", "complaint", "pain_before",
                  "pain_after", "notes", "atlas_version")
SITE_FIELDS = ("session_id", "seq", "muscle_id", "side", "view_id", "layer", "x", "y", "level",
               "needle_diameter_mm", "needle_length_mm", "depth_mm", "grasp", "cramp", "twitch",
               "tissue_feel", "release", "sensation", "estim", "notes", "planned")
# Rows are read as plain tuples and unpacked by position, twice as fast as sqlite3.Row by name
# for a long history (sites: store.site_rows, which also knows how they are encoded).
_SESSION_ORDER = tuple(f.name for f in fields(Session))
SESSION_COLUMNS = ", ".join(marks.RETRACTED if name == "retracted" else name
                            for name in _SESSION_ORDER)
# `SELECT * FROM sessions` with the mark: what session_from_row reads.
SESSION_ROW = f"sessions.*, {marks.RETRACTED}"
_STATUSES = {s.value: s for s in SessionStatus}


def sql_time(value: datetime) -> str:
    """A time as the database stores it (ISO 8601, to the second)."""
    return value.isoformat(timespec="seconds")


def to_sql(value: object) -> object:
    """Domain value -> SQLite value."""
    if isinstance(value, (Side, Sex, SessionStatus)):
        return value.value
    if isinstance(value, datetime):
        return sql_time(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _at(value: str) -> datetime:
    """A time the schema requires (NOT NULL): an empty one is a damaged row."""
    return datetime.fromisoformat(value)


def patient_from_row(r: RecordRow) -> Patient:
    try:
        patient = _patient(r)
    except UNDECODABLE as exc:  # a stored value of the wrong type or form: a damaged row
        raise unreadable("patients", r["id"], exc) from None
    # Whatever this process may log from now on, never these (log_privacy.PRIVATE).
    PRIVATE.note((patient.family_name, patient.given_name, patient.chart_number))
    return patient


def _patient(r: RecordRow) -> Patient:
    return Patient(id=r["id"], chart_number=r["chart_number"], family_name=r["family_name"],
                   given_name=r["given_name"],
                   birth_date=date.fromisoformat(r["birth_date"]) if r["birth_date"] else None,
                   sex=Sex(r["sex"]), notes=r["notes"], created_at=_dt(r["created_at"]),
                   created_by=r["created_by"], updated_at=_dt(r["updated_at"]),
                   updated_by=r["updated_by"])


def session_from_row(r: RecordRow) -> Session:
    try:
        return _session(r)
    except UNDECODABLE as exc:
        raise unreadable("sessions", r["id"], exc) from None


def _session(r: RecordRow) -> Session:
    return Session(id=r["id"], patient_id=r["patient_id"], started_at=_at(r["started_at"]),
                   atlas_version=r["atlas_version"], uid=r["uid"] or "", practitioner=r["practitioner"],
                   complaint=r["complaint"], pain_before=r["pain_before"],
                   pain_after=r["pain_after"], notes=r["notes"],
                   practitioner_registration=r["practitioner_registration"],
                   consent=bool(r["consent"]),
                   pneumothorax_discussed=bool(r["pneumothorax_discussed"]),
                   needle_count=r["needle_count"],
                   needles_accounted=bool(r["needles_accounted"]),
                   tolerance=r["tolerance"], plan=r["plan"],
                   status=SessionStatus(r["status"]), signed_at=_dt(r["signed_at"]),
                   signed_by=r["signed_by"], content_hash=r["content_hash"],
                   created_at=_dt(r["created_at"]), created_by=r["created_by"],
                   updated_at=_dt(r["updated_at"]), updated_by=r["updated_by"],
                   retracted=r["retracted"] or "")


def session_from_tuple(t: tuple[Any, ...]) -> Session:
    """A Session from a row of `SESSION_COLUMNS`: the same object as session_from_row."""
    (id_, patient_id, started_at, atlas_version, uid, practitioner, complaint, pain_before,
     pain_after, notes, registration, consent, pneumothorax, needle_count, accounted,
     tolerance, plan, status, signed_at, signed_by, content_hash, created_at, created_by,
     updated_at, updated_by, retracted) = t
    try:
        return Session(id_, patient_id, _at(started_at), atlas_version, uid or "",
                       practitioner, complaint, pain_before, pain_after, notes, registration,
                       bool(consent), bool(pneumothorax), needle_count, bool(accounted),
                       tolerance, plan, _STATUSES[status], _dt(signed_at), signed_by,
                       content_hash, _dt(created_at), created_by, _dt(updated_at), updated_by,
                       retracted or "")
    except UNDECODABLE as exc:
        raise unreadable("sessions", id_, exc) from None


def amendment_from_row(r: RecordRow) -> Amendment:
    try:
        return Amendment(id=r["id"], session_id=r["session_id"],
                         created_at=datetime.fromisoformat(r["created_at"]),
                         created_by=r["created_by"], reason=r["reason"], text=r["text"])
    except UNDECODABLE as exc:
        raise unreadable("amendments", r["id"], exc) from None


def as_dict(obj: DataclassInstance, names: tuple[str, ...]) -> dict[str, object]:
    return {f.name: to_sql(getattr(obj, f.name)) for f in fields(obj) if f.name in names}
