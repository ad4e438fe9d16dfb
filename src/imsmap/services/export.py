"""The whole record as one JSON document (format: docs/export-format.md).

A fixed number of queries however large the clinic: patients, sessions, sites (through
`Repository.sites_for_sessions`, in chunks), amendments and the audit trail, each read once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from imsmap.atlas import AtlasError
from imsmap.domain.models import Amendment, Patient, Session, Site
from imsmap.domain.values import JsonObject
from imsmap.services import import_merges, import_retractions
from imsmap.services.photo_export import export_photos
from imsmap.services.records import Records
from imsmap.store import audit, export_rows, site_corrections
from imsmap.store.damage import UNDECODABLE, reading, unreadable
from imsmap.store.db import Database
from imsmap.store.record_rows import to_sql

FORMAT = "imsmap-export"
VERSION = 1


def export_document(records: Records, session_ids: Iterable[int] | None = None) -> JsonObject:
    """Every patient, visit, site, amendment and audit entry, as plain JSON values.

    With `session_ids`, only those visits (NotFoundError if one does not exist), their patients,
    and the audit entries about them. A damaged file is DamagedFileError: nothing half-read is
    exported.
    """
    with reading(records.db.path):
        return _document(records, session_ids)


def _document(records: Records, session_ids: Iterable[int] | None) -> JsonObject:
    repo, db = records.repo, records.db
    wanted: set[int] | None = None
    if session_ids is not None:
        wanted = set()
        for sid in session_ids:
            wanted.add(repo.session(int(sid)).id)  # NotFoundError names the missing id
    sessions = export_rows.all_sessions(db)
    if wanted is not None:
        sessions = [s for s in sessions if s.id in wanted]
    patient_ids = {s.patient_id for s in sessions} if wanted is not None else None
    patients = export_rows.all_patients(db)
    if patient_ids is not None:
        patients = [p for p in patients if p.id in patient_ids]

    sites = repo.sites_for_sessions([s.id for s in sessions])
    amendments: dict[int, list[Amendment]] = {}
    for a in export_rows.all_amendments(db):
        amendments.setdefault(a.session_id, []).append(a)
    # An amendment's corrections of sites, by the site's number (as its audit entry recorded
    # them): the sites are exported as signed, and an import applies these as this one does.
    # (One query, however many sessions: a visit looks up its own amendments' ids.)
    corrected = {aid: [c.recorded() for c in found]
                 for aid, found in site_corrections.every(db.conn).items()}
    findings = _details(db, "findings", ("id", "sign", "location", "side", "notes",
                                         "created_at", "created_by"))
    adverse = _details(db, "adverse_events", ("id", "kind", "severity", "action_taken",
                                              "created_at", "created_by"))
    photos = records.photo_store.for_sessions(s.id for s in sessions)
    marks = export_rows.all_retractions(db)  # withdrawn, entered in error (schema 8)
    by_patient: dict[int, list[Session]] = {}
    for s in sessions:
        by_patient.setdefault(s.patient_id, []).append(s)

    names: dict[str, str | None] = {}
    signers = records.read.signer_names(wanted)  # of the sessions chosen, or of all
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": to_sql(records.clock()),
        "exported_by": records.actor,
        "atlas_version": records.atlas.version,
        "schema_version": db.schema_version,
        "patients": [
            _patient(p, [_visit(s, sites.get(s.id, []), amendments.get(s.id, []),
                                findings.get(s.id, []), adverse.get(s.id, []), records, names,
                                corrected)
                         | {"signed_by_name": signers.get(s.id)}
                         | {"retraction": import_retractions.exported(marks.get(s.id))}
                         | {"photos": export_photos(records, photos.get(s.id, []),
                                                    sites.get(s.id, []))}
                         for s in by_patient.get(p.id, [])])
            for p in patients],
        # duplicate records merged into the one kept, and separations (schema 9)
        import_merges.KEY: import_merges.exported(repo.all_merges(), {p.id for p in patients}
                                                  if patient_ids is not None else None),
        "audit": _audit(db, wanted, patient_ids),
    }


def dumps(document: JsonObject) -> str:
    """The document as UTF-8 JSON text, indented, with a final newline."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _patient(p: Patient, visits: list[JsonObject]) -> dict[str, Any]:
    return {
        "id": p.id,
        "chart_number": p.chart_number,
        "family_name": p.family_name,
        "given_name": p.given_name,
        "birth_date": to_sql(p.birth_date),
        "sex": p.sex.value,
        "notes": p.notes,
        "created_at": to_sql(p.created_at),
        "created_by": p.created_by,
        "updated_at": to_sql(p.updated_at),
        "updated_by": p.updated_by,
        "visits": visits,
    }


def _details(db: Database, table: str, columns: tuple[str, ...]) -> dict[int, list[JsonObject]]:
    """Live rows of a per-session table (findings, adverse events), by session, in one query."""
    out: dict[int, list[JsonObject]] = {}
    for r in export_rows.live_details(db, table, columns):
        out.setdefault(r["session_id"], []).append({c: r[c] for c in columns})
    return out


def _visit(s: Session, sites: list[Site], amendments: list[Amendment], findings: list[JsonObject],
           adverse_events: list[JsonObject], records: Records,
           names: dict[str, str | None], corrected: dict[int, list[list[object]]]
           ) -> dict[str, Any]:
    return {
        "id": s.id,
        "uid": s.uid,
        "started_at": to_sql(s.started_at),
        "practitioner": s.practitioner,
        "practitioner_registration": s.practitioner_registration,
        "complaint": s.complaint,
        "pain_before": s.pain_before,
        "pain_after": s.pain_after,
        "notes": s.notes,
        "consent": s.consent,
        "pneumothorax_discussed": s.pneumothorax_discussed,
        "needle_count": s.needle_count,
        "needles_accounted": s.needles_accounted,
        "tolerance": s.tolerance,
        "plan": s.plan,
        "status": s.status.value,
        "atlas_version": s.atlas_version,
        "signed_at": to_sql(s.signed_at),
        "signed_by": s.signed_by,
        "content_hash": s.content_hash,
        "created_at": to_sql(s.created_at),
        "created_by": s.created_by,
        "updated_at": to_sql(s.updated_at),
        "updated_by": s.updated_by,
        "amendments": [{"id": a.id, "created_at": to_sql(a.created_at),
                        "created_by": a.created_by, "reason": a.reason, "text": a.text,
                        **({"corrections": corrected[a.id]} if a.id in corrected else {})}
                       for a in amendments],
        "findings": findings,
        "adverse_events": adverse_events,
        "sites": [_site(site, records, names) for site in sites],
    }


def _muscle_name(muscle_id: str, records: Records, names: dict[str, str | None]) -> str | None:
    if muscle_id not in names:
        try:
            names[muscle_id] = records.atlas.muscle(muscle_id).name
        except (AtlasError, KeyError):
            names[muscle_id] = None  # a muscle this atlas does not know: the id still says it
    return names[muscle_id]


def _site(site: Site, records: Records, names: dict[str, str | None]) -> dict[str, Any]:
    return {
        "id": site.id,
        "seq": site.seq,
        "muscle": site.muscle_id,
        "muscle_name": _muscle_name(site.muscle_id, records, names),
        "side": site.side.value,
        "view": site.view_id,
        "layer": site.layer,
        "x": site.x,
        "y": site.y,
        "level": site.level,
        "needle_diameter_mm": site.needle_diameter_mm,
        "needle_length_mm": site.needle_length_mm,
        "depth_mm": site.depth_mm,
        "grasp": site.grasp,
        "cramp": site.cramp,
        "twitch": site.twitch,
        "tissue_feel": site.tissue_feel,
        "release": site.release,
        "sensation": site.sensation,
        "estim": site.estim,
        "notes": site.notes,
        "planned": site.planned,
        "created_at": to_sql(site.created_at),
        "created_by": site.created_by,
        "updated_at": to_sql(site.updated_at),
        "updated_by": site.updated_by,
    }


def _audit(db: Database, wanted: set[int] | None, patient_ids: set[int] | None) -> list[dict[str, Any]]:
    """The entries as written; a compact (schema 4) entry's time is given as ISO text like the
    others, a creation's content digest as {"content_digest": hex}, and the chain link where it
    is stored (every 16th compact entry) and on the newest entry (docs/export-format.md)."""
    out = []
    end = audit.head(db.conn)  # the newest entry carries the recorded end of the trail
    for r in audit.rows(db.conn):
        if wanted is not None and r[6] not in wanted and not (
                r[4] == "patient" and patient_ids is not None and r[5] in patient_ids):
            continue
        stored = end[1] if r[0] == end[0] else r[8]  # the newest: the recorded end
        try:
            entry = {"id": r[0], "at": to_sql(audit.when(r[1])), "actor": r[2],
                     "action": r[3], "entity": r[4], "entity_id": r[5], "session_id": r[6],
                     "changes": ({"content_digest": r[7].hex()} if isinstance(r[7], bytes)
                                 else audit.stored_changes(r[7])),
                     "hash": None if stored is None else stored.hex()}
        except UNDECODABLE as exc:
            raise unreadable("audit", r[0], exc) from None
        if isinstance(r[1], int):
            entry["at_seconds"] = r[1]  # what the chain hashed (docs/export-format.md)
        out.append(entry)
    return out
