"""Sites for research: one CSV row per needle insertion, holding only coded fields.

Patients appear as `P<id>` and sessions as `S<id>` (database ids, meaningless outside this
database). No free text leaves the record: every text cell is a code from a closed vocabulary
(the atlas's muscle, view and layer ids and what the atlas says of the muscle, the record's
enumerations, vertebral levels) or a number; a stored value outside its vocabulary (a layer
someone typed a name into, an import from elsewhere) becomes the code `withheld`. Chart numbers,
names, birth dates and notes are left out; age at the session and sex stay, as research needs
them. Session dates stay too: they are needed for trends, and are quasi-identifiers, so the file
is still clinical data (docs/export-format.md says so).

As a last line of defence every text cell that a spreadsheet would read as a formula (starting
with =, +, -, @, a tab or a carriage return) gets a leading apostrophe (OWASP, CSV injection);
numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Iterator

from imsmap.atlas import Atlas, AtlasError
from imsmap.domain.local_time import local_date
from imsmap.domain.models import SessionStatus, Sex, Side, Site
from imsmap.domain.vocabulary import GRASP_MAX, RELEASE, SENSATION, TISSUE_FEEL
from imsmap.services.queries import effective_sites_of
from imsmap.services.records import Records, age_on
from imsmap.store import export_rows

COLUMNS: tuple[str, ...] = (
    "patient", "session", "session_date", "visit_number", "age_at_session", "sex",
    "pain_before", "pain_after", "session_status", "atlas_version", "site_number",
    "muscle_id", "muscle_name", "region", "side", "level", "view", "layer", "x", "y", "nerve",
    "roots", "dominant_root", "needle_diameter_mm", "needle_length_mm", "depth_mm", "grasp",
    "cramp", "twitch", "tissue_feel", "release", "sensation", "estim", "planned", "amendments",
)

WITHHELD = "withheld"  # a stored value outside its closed vocabulary
_LEVEL = re.compile(r"(C[1-8]|T(1[0-2]|[1-9])|L[1-5]|S[1-5])")
_VERSION = re.compile(r"[0-9][0-9A-Za-z.]{0,31}")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _code(value: object, vocabulary: Collection[str]) -> str:
    """`value` if it is one of `vocabulary`, '' if there is none, else WITHHELD."""
    if value is None or value == "":
        return ""
    text = getattr(value, "value", value)  # an enumeration member: its code
    return text if isinstance(text, str) and text in vocabulary else WITHHELD


def _number(value: object, low: float | None = None, high: float | None = None
            ) -> int | float | None:
    """An int or float (never a bool, never text) within [low, high]; None otherwise."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return None
    if (low is not None and value < low) or (high is not None and value > high):
        return None
    return value


def _flag(value: object) -> int | None:
    """1 or 0 for a yes/no field; None (empty) for anything else."""
    if value in (True, 1):
        return 1
    if value in (False, 0, None):
        return 0
    return None


def neutralise(value: object) -> object:
    """A cell as written: numbers as they are, None as '', text that a spreadsheet would take
    for a formula with a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def rows(records: Records) -> Iterator[dict[str, object]]:
    repo, atlas = records.repo, records.atlas
    patients = {p.id: p for p in repo.search_patients("", limit=10**9)}
    # One key per patient: the sessions of a duplicate merged into the record kept are that
    # record's (services.merging), in one order, under its key, age and sex.
    by_patient: dict[int, list[int]] = {}
    for pid, ids in export_rows.session_ids_by_patient(repo.db).items():
        by_patient.setdefault(repo.history_ids(pid)[0], []).extend(ids)
    sexes = {s.value for s in Sex}
    statuses = {s.value for s in SessionStatus}
    sides = {s.value for s in Side}
    for patient_id, session_ids in sorted(by_patient.items()):
        patient = patients[patient_id]
        if len(repo.history_ids(patient_id)) > 1:  # merged: one course, in the order it ran
            when = {sid: repo.session(sid).started_at for sid in session_ids}
            session_ids = sorted(session_ids, key=lambda sid: (when[sid], sid))
        # The effective sites: a grade or cramp an amendment corrected is the corrected one, a
        # site recorded in error is not in the file (services.queries.effective_sites_of).
        sites = effective_sites_of(repo.db.conn, repo.sites_for_sessions(session_ids))
        # An amendment's words stay out of the file; that one exists does not: its words may
        # say more (a side or a muscle) than its corrections of the sites did.
        amended = repo.amendment_counts(patient_id)
        visit = 0
        for session_id in session_ids:
            s = repo.session(session_id)
            if not s.counts:
                # Withdrawn, or entered in error: not this patient's treatment. Left out, not
                # marked: a row in a research file is counted by whoever reads it, and a mark
                # asks every analysis to know to filter it (docs/export-format.md).
                continue
            visit += 1  # the visit numbers count the sessions that count, as the window's do
            version = s.atlas_version if isinstance(s.atlas_version, str) else ""
            session = {
                "patient": f"P{int(patient_id)}", "session": f"S{int(session_id)}",
                "session_date": local_date(s.started_at).isoformat(), "visit_number": visit,
                "age_at_session": _number(age_on(patient.birth_date, local_date(s.started_at)),
                                          0, 150),
                "sex": _code(patient.sex, sexes),
                "pain_before": _number(s.pain_before, 0, 10),
                "pain_after": _number(s.pain_after, 0, 10),
                "session_status": _code(s.status, statuses),
                "atlas_version": (version if _VERSION.fullmatch(version)
                                  else WITHHELD if version else ""),
            }
            session["amendments"] = amended.get(session_id, 0)
            for site in sites[session_id]:
                yield session | _site(site, atlas, sides)


def _site(site: Site, atlas: Atlas, sides: set[str]) -> dict[str, object]:
    try:
        view = atlas.view(site.view_id)
    except (AtlasError, KeyError, TypeError):
        view = None
    try:
        m = atlas.muscle(site.muscle_id)
    except (AtlasError, KeyError, TypeError):
        m = None
    level = site.level if isinstance(site.level, str) and _LEVEL.fullmatch(site.level) else None
    if m is None:
        muscle = (WITHHELD, "", "", "", "", "")
    elif level and m.region == "paraspinal":
        # a multifidus fascicle: the root of its own level (domain.segments)
        muscle = (m.id, m.name, m.region, m.nerve, level, level)
    else:
        muscle = (m.id, m.name, m.region, m.nerve, " ".join(m.roots), m.dominant_root)
    return {
        "site_number": _number(site.seq, 1), "muscle_id": muscle[0], "muscle_name": muscle[1],
        "region": muscle[2], "side": _code(site.side, sides),
        "level": level if level else (WITHHELD if site.level else ""),
        "view": view.id if view is not None else WITHHELD,
        "layer": _code(site.layer, view.layer_ids if view is not None else ()),
        "x": _number(site.x), "y": _number(site.y), "nerve": muscle[3], "roots": muscle[4],
        "dominant_root": muscle[5],
        "needle_diameter_mm": _number(site.needle_diameter_mm, 0),
        "needle_length_mm": _number(site.needle_length_mm, 0),
        "depth_mm": _number(site.depth_mm, 0),
        "grasp": _number(site.grasp, 0, GRASP_MAX) if isinstance(site.grasp, int) else None,
        "cramp": _flag(site.cramp), "twitch": _flag(site.twitch),
        "tissue_feel": _code(site.tissue_feel, TISSUE_FEEL),
        "release": _code(site.release, RELEASE), "sensation": _code(site.sensation, SENSATION),
        "estim": _flag(site.estim), "planned": _flag(site.planned),
    }


def to_csv(records: Records) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows(records):
        writer.writerow({k: neutralise(v) for k, v in row.items()})
    return out.getvalue()
