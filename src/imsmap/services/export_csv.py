"""Sites for research: one CSV row per needle insertion, without names or identifiers.

Patients appear as `P<id>` and sessions as `S<id>` (database ids, meaningless outside this
database). Chart numbers, names, birth dates and free-text notes are left out; age at the session
and sex stay, as research needs them. Session dates stay too: they are needed for trends, and are
quasi-identifiers, so the file is still clinical data (docs/export-format.md says so).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from imsmap.atlas import AtlasError
from imsmap.services.records import Records, age_on

COLUMNS: tuple[str, ...] = (
    "patient", "session", "session_date", "visit_number", "age_at_session", "sex",
    "pain_before", "pain_after", "session_status", "atlas_version", "site_number",
    "muscle_id", "muscle_name", "region", "side", "level", "view", "layer", "x", "y", "nerve",
    "roots", "dominant_root", "needle_diameter_mm", "needle_length_mm", "depth_mm", "grasp",
    "cramp", "twitch", "tissue_feel", "release", "sensation", "estim", "planned",
)


def rows(records: Records) -> Iterator[dict[str, object]]:
    repo = records.repo
    patients = {p.id: p for p in repo.search_patients("", limit=10**9)}
    sessions = repo.db.query("SELECT id, patient_id FROM sessions ORDER BY patient_id, started_at,"
                             " id")
    by_patient: dict[int, list[int]] = {}
    for r in sessions:
        by_patient.setdefault(r["patient_id"], []).append(r["id"])
    for patient_id, session_ids in by_patient.items():
        patient = patients[patient_id]
        sites = repo.sites_for_sessions(session_ids)
        for visit, session_id in enumerate(session_ids, start=1):
            s = repo.session(session_id)
            for site in sites[session_id]:
                try:
                    m = records.atlas.muscle(site.muscle_id)
                    if site.level and m.region == "paraspinal":
                        # a multifidus fascicle: the root of its own level (domain.segments)
                        roots, dominant = site.level, site.level
                    else:
                        roots, dominant = " ".join(m.roots), m.dominant_root
                    muscle = (m.id, m.name, m.region, m.nerve, roots, dominant)
                except AtlasError:
                    muscle = (site.muscle_id, "", "", "", "", "")
                yield {
                    "patient": f"P{patient_id}", "session": f"S{session_id}",
                    "session_date": s.started_at.date().isoformat(), "visit_number": visit,
                    "age_at_session": age_on(patient.birth_date, s.started_at.date()),
                    "sex": patient.sex.value, "pain_before": s.pain_before,
                    "pain_after": s.pain_after, "session_status": s.status.value,
                    "atlas_version": s.atlas_version, "site_number": site.seq,
                    "muscle_id": muscle[0], "muscle_name": muscle[1], "region": muscle[2],
                    "side": site.side.value, "level": site.level, "view": site.view_id,
                    "layer": site.layer, "x": site.x, "y": site.y, "nerve": muscle[3],
                    "roots": muscle[4], "dominant_root": muscle[5],
                    "needle_diameter_mm": site.needle_diameter_mm,
                    "needle_length_mm": site.needle_length_mm, "depth_mm": site.depth_mm,
                    "grasp": site.grasp, "cramp": int(site.cramp), "twitch": int(site.twitch),
                    "tissue_feel": site.tissue_feel, "release": site.release,
                    "sensation": site.sensation, "estim": int(site.estim),
                    "planned": int(site.planned),
                }


def to_csv(records: Records) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows(records):
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return out.getvalue()
