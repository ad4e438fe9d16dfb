"""A visit's withdrawal or entered-in-error mark (schema 8) through the JSON export and import.

The export writes each visit's ``retraction`` (null for a visit that counts); the import keeps
it: the visit comes in with the same mark, kind, reason, author and time. Like a signature and
an amendment, a mark is taken only as the file's own complete, unbroken audit trail recorded it
(its ``withdraw`` or ``entered_in_error`` entry, or the ``import`` entry of the database it came
through): a mark rewritten in the file, or one the trail does not hold, is refused, and nothing
is imported. A mark that does not fit its visit (a withdrawn signed visit, a draft entered in
error) is refused as the database's own triggers would.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from imsmap.domain import validation as v
from imsmap.domain.errors import ValidationError
from imsmap.domain.models import Retraction, RetractionKind, SessionStatus
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.domain.values import JsonObject
from imsmap.services import import_fields as rules
from imsmap.services.import_trail import FileTrail
from imsmap.services.signatures import Witness, retraction_problems
from imsmap.store.record_rows import to_sql
from imsmap.store.site_rows import instant

KINDS = tuple(k.value for k in RetractionKind)


def exported(mark: Retraction | None) -> JsonObject | None:
    """The visit's ``retraction`` in the export document."""
    if mark is None:
        return None
    return {"id": mark.id, "kind": mark.kind.value, "reason": mark.reason,
            "created_at": to_sql(mark.created_at), "created_by": mark.created_by}


def _kind(value: Any) -> str:
    if value not in KINDS:
        raise ValidationError(sentence("ImportRetractions", QT_TRANSLATE_NOOP(
            "ImportRetractions", "The mark's kind must be withdrawn or entered_in_error.")),
            "kind")
    return str(value)


def read(reader: Any, obj: JsonObject, place: str, status: object) -> JsonObject | None:
    """The visit's mark made clean (None when it has none); problems go to the reader."""
    raw = obj.get("retraction")
    if raw is None:
        return None
    where = f"{place}.retraction"
    mark = reader.obj(raw, where)
    if mark is None:
        return None
    values = {
        "kind": reader.get(mark, "kind", where, _kind, required=True),
        "reason": reader.get(mark, "reason", where, lambda x: v.text(
            x, "reason", label=QT_TRANSLATE_NOOP("Label", "The reason"),
            max_len=v.MAX_SHORT_TEXT, required=True), required=True),
        "created_at": reader.get(mark, "created_at", where, rules.timestamp, required=True),
        "created_by": reader.get(mark, "created_by", where, lambda x: v.text(
            x, "created_by", label=QT_TRANSLATE_NOOP("Label", "The author"),
            max_len=v.MAX_NAME, required=True, multiline=False), required=True),
    }
    withdrawn = values["kind"] == RetractionKind.WITHDRAWN.value
    if status is SessionStatus.SIGNED and withdrawn:
        reader.problem(f"{where}.kind", sentence("ImportRetractions", QT_TRANSLATE_NOOP(
            "ImportRetractions", "A signed visit is not withdrawn; it is marked entered in "
            "error.")))
    if status is SessionStatus.DRAFT and not withdrawn and values["kind"] in KINDS:
        reader.problem(f"{where}.kind", sentence("ImportRetractions", QT_TRANSLATE_NOOP(
            "ImportRetractions", "A draft is not marked entered in error; it is withdrawn.")))
    values["file_id"] = mark.get("id")
    return values


def _witnesses(trail: FileTrail) -> dict[int, Witness]:
    """file mark id -> the file's entry that wrote it (or imported it)."""
    out: dict[int, Witness] = {}
    for e in trail.entries:
        if e["entity"] != "retraction" or e["entity_id"] is None or e["action"] not in (
                "withdraw", "entered_in_error", "import"):
            continue
        changes = e["changes"] if isinstance(e["changes"], dict) else {}
        values = {k: x[1] for k, x in changes.items() if isinstance(x, list) and len(x) == 2}
        if e["action"] != "import":
            at = e["at_seconds"] if e.get("at_seconds") is not None else e["at"]
            values = {**values, "created_by": e["actor"], "created_at": at,
                      "session_id": e["session_id"]}
        out[e["entity_id"]] = Witness(e["id"], e["action"], values)
    return out


def check(visits: Sequence[Any], trail: FileTrail, problem: Callable[[str, str], None], *,
          now: datetime) -> None:
    """Each marked visit's mark (import_checks.FileVisit.retraction) against the file's trail."""
    if not visits:
        return
    if not trail.verified:
        why = "; ".join(trail.problems)
        for visit in visits:
            problem(f"{visit.place}.retraction", sentence("ImportRetractions", QT_TRANSLATE_NOOP(
                "ImportRetractions", "A withdrawn or entered-in-error visit is imported only "
                "with the complete, unbroken audit trail of the database it was exported "
                "from, and %1. Export the whole database (imsmap export) and import that "
                "file."), why))
        return
    written = _witnesses(trail)
    latest = instant(now) + int(timedelta(days=1).total_seconds())
    for visit in visits:
        mark = visit.retraction
        file_id = visit.file_id if isinstance(visit.file_id, int) else None
        file_mark = mark.get("file_id")
        witness = written.get(file_mark) if isinstance(file_mark, int) else None
        if witness is not None and witness.values.get("session_id") != file_id:
            witness = None  # an entry about another visit's mark
        row = {k: mark[k] for k in ("kind", "reason", "created_at", "created_by")}
        for text in retraction_problems({**row, "session_id": file_id}, witness):
            problem(f"{visit.place}.retraction", f"In the file, {text}.")
        if instant(mark["created_at"]) > latest:
            problem(f"{visit.place}.retraction.created_at", sentence(
                "ImportRetractions", QT_TRANSLATE_NOOP(
                    "ImportRetractions", "The mark is dated in the future.")))


def values_to_insert(mark: JsonObject, session_id: int) -> JsonObject:
    """The retractions row of an imported visit's mark."""
    return {"session_id": session_id, "kind": mark["kind"], "reason": mark["reason"],
            "created_at": mark["created_at"], "created_by": mark["created_by"]}
