"""Importing an "imsmap-export" document (docs/export-format.md) into a database.

Everything is checked before anything is written (services.import_checks, which walks the file
and writes nothing; this module writes what it holds). Then the whole document goes in as one
transaction, or nothing does. Problems are named by their place in the file:
``patients[2].visits[0].sites[5].grasp: Grasp 4 is out of range...``.

Signed visits stay signed, with their original signer, time and content hash; the hash must match
the visit's content as imported, or the file is refused (it was changed after signing). Signed
visits and amendments are taken only with the file's complete, unbroken audit trail, whose
entries must have recorded the same signature and amendments (services/import_trail.py); that
trail is kept beside this database's own. Amendments are re-created. Each imported row gets an
audit entry with the action "import".
Database ids in the file are ignored: rows get new ids here. Chart numbers already in the target
database, in any capitals, are refused, never merged; so are two of the file's apart only in
capitals, unless its trail recorded them so (services/import_chart_pairs.py).
"""

from __future__ import annotations

from typing import Any

from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.domain.values import FieldValues
from imsmap.services import import_corrections, import_retractions, import_trail
from imsmap.services.changes import Action, Change, Entity
from imsmap.services.import_checks import (
    FilePatient,
    FileVisit,
    ImportProblems,
    chart_number_taken,
    read_document,
)
from imsmap.services.photo_export import import_photos
from imsmap.services.records import Records, content_hash
from imsmap.services.signatures import SIGNER_NAME
from imsmap.services.unit_of_work import UnitOfWork
from imsmap.store import site_corrections


def import_document(records: Records, doc: Any) -> dict[str, int]:
    """Import everything in `doc`, or nothing; the numbers of rows imported, by kind."""
    patients, trail = read_document(records, doc)
    counts = dict.fromkeys(("patients", "sessions", "sites", "amendments", "findings",
                            "adverse_events", "photos"), 0)
    with records.write() as work:
        at, actor = work.at, work.actor
        problems: list[tuple[str, str]] = []
        _check_chart_numbers_again(records, patients, problems)
        _check_uids(records, patients, problems)
        if problems:
            raise ImportProblems(problems)
        # The file's own history first, bound into this database's chain by one entry.
        import_trail.keep(work.connection, trail, at=at, actor=actor,
                          source=f"export by {str(doc.get('exported_by', '?'))[:100]} at "
                                 f"{str(doc.get('exported_at', '?'))[:40]}")

        def insert(table: str, entity: Entity, values: FieldValues,
                   session_id: int | None) -> int:
            values = dict(values)
            created_at = values.pop("created_at", at)
            created_by = values.pop("created_by", actor)
            if table in ("patients", "sessions", "sites"):
                values.setdefault("updated_at", created_at)
                values.setdefault("updated_by", created_by)
            corrections = values.pop(import_corrections.KEY, None)  # an amendment's
            row_id = work.store.insert_row(table, values, created_at, created_by)
            work.audit(Action.IMPORT, entity, row_id,
                       session_id if entity is not Entity.SESSION else row_id,
                       changes={k: [None, val] for k, val in values.items()
                                if k not in ("updated_at", "updated_by")}
                       | {"created_at": [None, created_at], "created_by": [None, created_by]}
                       | ({import_corrections.KEY: [None, corrections]} if corrections else {}))
            for seq, field, old, new in corrections or ():
                site_corrections.insert(work.connection, row_id, site_ids[seq], field, old, new)
            return row_id

        new_ids: dict[int, int] = {}  # the file's patient id -> this database's
        for patient in patients:
            pid = insert("patients", Entity.PATIENT, patient.values, None)
            new_ids[int(patient.place[len("patients["):-1])] = pid
            counts["patients"] += 1
            work.changed(Change(Action.IMPORT, Entity.PATIENT, pid, patient_id=pid))
            for visit in patient.visits:
                values = {"patient_id": pid, **visit.values}
                sid = insert("sessions", Entity.SESSION, values, None)
                counts["sessions"] += 1
                site_ids = {}
                for site in sorted(visit.sites, key=lambda x: x["seq"]):
                    site_ids[site["seq"]] = insert("sites", Entity.SITE,
                                                   {"session_id": sid, **site}, sid)
                    counts["sites"] += 1
                signed_photos = [x for x in visit.photos if x.get("amendment") is None]
                counts["photos"] += import_photos(records, work, sid, signed_photos, site_ids)
                for finding in visit.findings:
                    insert("findings", Entity.FINDING, {"session_id": sid, **finding}, sid)
                    counts["findings"] += 1
                for event in visit.adverse_events:
                    insert("adverse_events", Entity.ADVERSE_EVENT,
                           {"session_id": sid, **event}, sid)
                    counts["adverse_events"] += 1
                if visit.signature is not None:
                    _sign(records, work, sid, visit)
                for amendment, file_id in zip(visit.amendments, visit.amendment_ids,
                                              strict=True):
                    aid = insert("amendments", Entity.AMENDMENT,
                                 {"session_id": sid, **amendment}, sid)
                    counts["amendments"] += 1
                    added = [x for x in visit.photos
                             if file_id is not None and x.get("amendment") == file_id]
                    if added:  # photos it added after signing: with its time and author
                        counts["photos"] += import_photos(
                            records, work, sid, added, site_ids,
                            (aid, amendment.get("created_at", at),
                             amendment.get("created_by", actor)))
                if visit.retraction is not None:  # the same mark, as the file's trail has it
                    insert("retractions", Entity.RETRACTION,
                           import_retractions.values_to_insert(visit.retraction, sid), sid)
                work.changed(Change(Action.IMPORT, Entity.SESSION, sid, session_id=sid,
                                    patient_id=pid))
        # Merged records, as the file's trail recorded them (services.import_merges).
        by_place = {i: p.get("id") for i, p in enumerate(doc.get("patients") or [])
                    if isinstance(p, dict)}
        pids = {by_place[i]: pid for i, pid in new_ids.items()}
        merge_ids: dict[int, int] = {}
        for row in trail.merges:
            values = {"duplicate_id": pids[row["duplicate_id"]],
                      "kept_id": pids[row["kept_id"]],
                      "ends": merge_ids[row["ends"]] if row["ends"] is not None else None,
                      "reason": row["reason"], "created_at": row["created_at"],
                      "created_by": row["created_by"]}
            merge_ids[row["id"]] = insert("patient_merges", Entity.PATIENT_MERGE, values,
                                          None)
            work.changed(Change(Action.IMPORT, Entity.PATIENT_MERGE, merge_ids[row["id"]],
                                patient_id=values["kept_id"]))
        counts["patient_merges"] = len(trail.merges)
    return counts


def _check_uids(records: Records, patients: list[FilePatient],
                problems: list[tuple[str, str]]) -> None:
    """A visit already in this database (same uid), or twice in the file, is never merged."""
    seen: dict[str, str] = {}
    for patient in patients:
        for visit in patient.visits:
            uid = visit.values["uid"]
            if uid in seen:
                problems.append((f"{visit.place}.uid", sentence("Importer", QT_TRANSLATE_NOOP(
                    "Importer", "This visit is in the file twice (also at %1)."), seen[uid])))
            seen[uid] = visit.place
            if records.repo.session_uid_exists(uid):
                problems.append((f"{visit.place}.uid", sentence("Importer", QT_TRANSLATE_NOOP(
                    "Importer", "This visit exists in this database already; records are never "
                    "merged."))))


def _check_chart_numbers_again(records: Records, patients: list[FilePatient],
                               problems: list[tuple[str, str]]) -> None:
    """Inside the write transaction: another window may have added a patient meanwhile (on
    the server, one adding it now waits for this write, or this one for it)."""
    records.repo.lock_chart_numbers(p.values["chart_number"] for p in patients)
    for patient in patients:
        taken = chart_number_taken(records, patient.values["chart_number"])
        if taken is not None:
            problems.append((f"{patient.place}.chart_number", taken))


def _sign(records: Records, work: UnitOfWork, sid: int, visit: FileVisit) -> None:
    """Lock the imported visit with its original signature, after its content is in."""
    signature = visit.signature or {}
    digest = content_hash(records.session_record(sid))
    if digest != signature["content_hash"]:  # the stored content must be what was signed
        raise ImportProblems([(f"{visit.place}.content_hash",
                               sentence("Importer", QT_TRANSLATE_NOOP(
                                   "Importer", "The visit as stored does not match its "
                                   "signature; nothing was imported. This is a bug in imsmap: "
                                   "please report it.")))])
    values = {"status": "signed", **signature}
    if visit.signer_name:  # the PDF printed here names them as the exporting clinic's did
        values[SIGNER_NAME] = visit.signer_name
    work.store.mark_imported_signed(
        sid, signature, visit.values.get("updated_at", signature["signed_at"]),
        visit.values.get("updated_by", signature["signed_by"]))
    work.audit(Action.IMPORT, Entity.SESSION, sid, sid,
               changes={k: [None, val] for k, val in values.items()})
