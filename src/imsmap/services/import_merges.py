"""Merges and separations of patient records (schema 9) through the JSON export and import.

The export writes the document's ``patient_merges``: every row, oldest first, naming the
patients by their ``id`` in the file (a partial export keeps the rows whose two records it
holds). The import keeps them: the same records merged (or separated) by the same login at the
same time for the same reason. Like an amendment or a mark, a row is taken only as the file's
own complete, unbroken audit trail recorded it (its ``merge`` or ``separate`` entry, or the
``import`` entry of the database it came through): a row rewritten in the file, one the trail
does not hold, one naming a patient the file does not hold, or a separation of no merge before
it, is refused, and nothing is imported. The rules of the table (no merge into itself, twice,
into a record merged away, or in a chain) are the database's triggers', as for any merge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from imsmap.domain.models import PatientMerge
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.domain.values import JsonObject
from imsmap.services.import_trail import FileTrail
from imsmap.services.signatures import Witness, merge_problems
from imsmap.store.record_rows import to_sql

KEY = "patient_merges"
FIELDS = ("id", "duplicate_id", "kept_id", "ends", "reason", "created_at", "created_by")


def exported(merges: Sequence[PatientMerge], patient_ids: set[int] | None) -> list[JsonObject]:
    """Every merge and separation (each after the merge it ends), oldest first; of the
    records in the export only, when it holds some (``patient_ids``)."""
    rows = []
    for m in merges:
        for row in (m, m.ended_by) if m.ended_by is not None else (m,):
            if patient_ids is None or {row.duplicate_id, row.kept_id} <= patient_ids:
                rows.append({"id": row.id, "duplicate_id": row.duplicate_id,
                             "kept_id": row.kept_id, "ends": row.ends, "reason": row.reason,
                             "created_at": to_sql(row.created_at),
                             "created_by": row.created_by})
    return sorted(rows, key=lambda r: r["id"])


def _witnesses(trail: FileTrail) -> dict[int, Witness]:
    out: dict[int, Witness] = {}
    for e in trail.entries:
        if e["entity"] != "patient_merge" or e["entity_id"] is None or e["action"] not in (
                "merge", "separate", "import"):
            continue
        changes = e["changes"] if isinstance(e["changes"], dict) else {}
        values = {k: x[1] for k, x in changes.items() if isinstance(x, list) and len(x) == 2}
        if e["action"] != "import":
            at = e["at_seconds"] if e.get("at_seconds") is not None else e["at"]
            values = {**values, "created_by": e["actor"], "created_at": at}
        out[e["entity_id"]] = Witness(e["id"], e["action"], values)
    return out


def check(doc: Any, patient_ids: dict[int, str], trail: FileTrail,
          problem: Callable[[str, str], None]) -> list[JsonObject]:
    """The file's rows, checked (``patient_ids``: the file's patient ids, each with its place);
    problems go to ``problem``."""
    raw = doc.get(KEY) if isinstance(doc, dict) else None
    if not raw:
        return []
    if not isinstance(raw, list):
        problem(KEY, sentence("ImportMerges", QT_TRANSLATE_NOOP(
            "ImportMerges", "The merges of patient records must be a list.")))
        return []
    if not trail.verified:
        problem(KEY, sentence("ImportMerges", QT_TRANSLATE_NOOP(
            "ImportMerges", "Merged patient records are imported only with the complete, "
            "unbroken audit trail of the database they were exported from, and %1. Export the "
            "whole database (imsmap export) and import that file."), "; ".join(trail.problems)))
        return []
    written = _witnesses(trail)
    rows: list[JsonObject] = []
    seen: set[int] = set()
    for i, row in enumerate(raw):
        place = f"{KEY}[{i}]"
        if not isinstance(row, dict) or any(k not in row for k in FIELDS) or not all(
                isinstance(row[k], int) and not isinstance(row[k], bool)
                for k in ("id", "duplicate_id", "kept_id")) or not isinstance(
                row["reason"], str) or not row["reason"].strip():
            problem(place, sentence("ImportMerges", QT_TRANSLATE_NOOP(
                "ImportMerges", "A merge of patient records needs its id, duplicate_id, "
                "kept_id, ends, reason, created_at and created_by.")))
            continue
        for key in ("duplicate_id", "kept_id"):
            if row[key] not in patient_ids:
                problem(f"{place}.{key}", sentence("ImportMerges", QT_TRANSLATE_NOOP(
                    "ImportMerges", "The merge names patient %1, who is not in the file."),
                    str(row[key])))
        if row["ends"] is not None and row["ends"] not in seen:
            problem(f"{place}.ends", sentence("ImportMerges", QT_TRANSLATE_NOOP(
                "ImportMerges", "A separation ends a merge listed before it.")))
        for text in merge_problems(row, written.get(row["id"])):
            problem(place, f"In the file, {text}.")
        seen.add(row["id"])
        rows.append(row)
    return rows
