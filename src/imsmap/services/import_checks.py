"""Checking an "imsmap-export" document (docs/export-format.md) before anything is written.

`read_document` walks the whole file and writes nothing: every value is checked with the same
rules the app applies to what a clinician types (imsmap.domain.validation, through the Records
use cases), a signed visit's content must match the hash taken when it was signed, signed and
withdrawn visits must agree with the file's audit trail (services.import_trail,
services.import_retractions), and no chart number may exist here already. What it returns (the
patients and visits as FilePatient and FileVisit, their values ready for SQL, and the file's
trail) is what services.importer writes. Problems are named by their place in the file:
``patients[2].visits[0].sites[5].grasp: Grasp 4 is out of range...``, in ImportProblems.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from imsmap.atlas import AtlasError, View
from imsmap.domain import validation as v
from imsmap.domain.errors import ValidationError
from imsmap.domain.models import (
    AdverseEvent,
    Finding,
    Patient,
    Session,
    SessionRecord,
    SessionStatus,
    Side,
    Site,
)
from imsmap.domain.photos import Photo
from imsmap.domain.text import QT_TRANSLATE_NOOP, joined, quoted, sentence
from imsmap.domain.values import FieldValues, JsonObject
from imsmap.domain.vocabulary import ADVERSE_EVENT_KINDS, ADVERSE_SEVERITIES, FINDING_SIGNS
from imsmap.services import (
    import_chart_pairs,
    import_corrections,
    import_merges,
    import_retractions,
    import_trail,
)
from imsmap.services import import_fields as rules
from imsmap.services.photo_export import read_photos
from imsmap.services.record_fields import EDITABLE_SESSION_FIELDS, EDITABLE_SITE_FIELDS
from imsmap.services.records import Records, content_hash
from imsmap.store.record_rows import PATIENT_FIELDS, to_sql

FORMAT = "imsmap-export"
VERSION = 1
MAX_PROBLEMS = 20  # collected before giving up; the message names the first few
SHOWN_PROBLEMS = 10
MAX_SEQ = 10_000
_BOOKKEEPING = ("created_at", "created_by", "updated_at", "updated_by")
# Site fields in the file whose names differ from the database's.
_SITE_RENAMES = {"muscle": "muscle_id", "view": "view_id"}


class ImportProblems(ValidationError):
    """The document cannot be imported; `problems` holds (place, sentence) pairs."""

    def __init__(self, problems: list[tuple[str, str]], more: bool = False):
        self.problems = problems
        shown = [joined(": ", [place, text]) if place else text
                 for place, text in problems[:SHOWN_PROBLEMS]]
        rest = len(problems) - len(shown)
        tail = [sentence("Importer", QT_TRANSLATE_NOOP("Importer", "... and %1 more"), rest)
                ] if rest > 0 else []
        if more:
            tail.append(sentence("Importer", QT_TRANSLATE_NOOP(
                "Importer", "(checking stopped there)")))
        head = sentence("Importer", QT_TRANSLATE_NOOP(
            "Importer", "The file cannot be imported; nothing was changed. %1 problems:"),
            len(problems)) if len(problems) > 1 else sentence("Importer", QT_TRANSLATE_NOOP(
                "Importer", "The file cannot be imported; nothing was changed. The problem:"))
        super().__init__(joined("\n  ", [head, *shown, *tail]),
                         problems[0][0] if problems else None)


class _TooMany(Exception):
    pass


_MISSING = object()
_MISSING_TEXT = sentence("Importer", QT_TRANSLATE_NOOP("Importer", "is missing."))
_EMPTY_TEXT = sentence("Importer", QT_TRANSLATE_NOOP("Importer", "cannot be empty."))


@dataclass
class FileVisit:
    """A visit of the file as checked: its session columns and what it holds, ready to write."""

    place: str
    values: dict[str, Any]  # session columns, ready for SQL
    signature: dict[str, Any] | None  # signed_at, signed_by, content_hash
    file_id: Any = None  # the visit's id in the file, which its audit entries name
    # the person the file's audit trail names as the signer (import_trail.check_signed_visits)
    signer_name: str | None = None
    sites: list[dict[str, Any]] = field(default_factory=list)
    amendments: list[dict[str, Any]] = field(default_factory=list)
    amendment_ids: list[Any] = field(default_factory=list)  # their ids in the file
    findings: list[dict[str, Any]] = field(default_factory=list)
    adverse_events: list[dict[str, Any]] = field(default_factory=list)
    photos: list[dict[str, Any]] = field(default_factory=list)  # services.photo_export
    retraction: dict[str, Any] | None = None  # withdrawn / entered in error (import_retractions)


@dataclass
class FilePatient:
    """A patient of the file as checked, with their visits."""

    place: str
    values: dict[str, Any]
    visits: list[FileVisit] = field(default_factory=list)


class Reader:
    """Walks the document, collecting clean values and problems with their places."""

    def __init__(self, records: Records):
        self.records = records
        self.problems: list[tuple[str, str]] = []

    def problem(self, place: str, text: str) -> None:
        self.problems.append((place, text))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _TooMany

    def get(self, obj: JsonObject, key: str, place: str, clean: Callable[[Any], Any], *,
            required: bool = False, default: Any = None) -> Any:
        """obj[key] made clean, or `default`; a problem (and _MISSING) if it is refused."""
        where = f"{place}.{key}" if place else key
        if key not in obj or (obj[key] is None and required):
            if required:
                self.problem(where, _MISSING_TEXT if key not in obj else _EMPTY_TEXT)
                return _MISSING
            return default
        try:
            return clean(obj[key])
        except ValidationError as exc:
            self.problem(where, exc.message)
        except (TypeError, ValueError, OverflowError, ArithmeticError):
            self.problem(where, sentence("Importer", QT_TRANSLATE_NOOP(
                "Importer", "%1 is not a valid value here."), rules.short(obj[key])))
        return _MISSING

    def obj(self, value: Any, place: str) -> JsonObject | None:
        if not isinstance(value, dict):
            self.problem(place, sentence("Importer", QT_TRANSLATE_NOOP(
                "Importer", "must be an object ({...}), not %1."), rules.kind(value)))
            return None
        return value

    def items(self, obj: JsonObject, key: str, place: str, *, required: bool) -> list[Any]:
        where = f"{place}.{key}" if place else key
        value = obj.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.problem(where, _MISSING_TEXT)
            return []
        if not isinstance(value, list):
            self.problem(where, sentence("Importer", QT_TRANSLATE_NOOP(
                "Importer", "must be a list ([...]), not %1."), rules.kind(value)))
            return []
        return value

    # -- the document ----------------------------------------------------------------------
    def document(self, doc: Any) -> list[FilePatient]:
        if not isinstance(doc, dict):
            self.problem("", sentence("Importer", QT_TRANSLATE_NOOP(
                "Importer", "The file must hold one JSON object, not %1."), rules.kind(doc)))
            return []
        if doc.get("format") != FORMAT and doc.get("resourceType") == "Bundle":
            # `imsmap export --fhir` writes for other records systems; this reads its own
            # export. Said plainly, not as "format None".
            self.problem("", sentence("Importer", QT_TRANSLATE_NOOP(
                "Importer", "This is a FHIR bundle, written for other records systems; imsmap "
                "imports only its own export. Export from the other imsmap without --fhir "
                "(imsmap export --out FILE.json) and import that file.")))
            return []
        if "format" not in doc:  # said as such, not as "format None"
            self.problem("format", sentence("Importer", QT_TRANSLATE_NOOP(
                "Importer", "This is not an imsmap export (it names no format; an imsmap export "
                "says format %1)."), quoted(FORMAT)))
            return []
        if doc.get("format") != FORMAT:
            self.problem("format", sentence("Importer", QT_TRANSLATE_NOOP(
                "Importer", "This is not an imsmap export (format %1, expected %2)."),
                rules.short(doc.get('format')), quoted(FORMAT)))
            return []
        version = doc.get("version")
        if isinstance(version, bool) or not isinstance(version, int):
            self.problem("version", sentence("Importer", QT_TRANSLATE_NOOP(
                "Importer", "%1 is not an export format version."), rules.short(version)))
            return []
        if version > VERSION:
            self.problem("version", sentence("Importer", QT_TRANSLATE_NOOP(
                "Importer", "The file was written by a newer imsmap (export format version "
                "%1); this imsmap reads version %2. Update imsmap to import it."),
                version, VERSION))
            return []
        if version < 1:
            self.problem("version", sentence("Importer", QT_TRANSLATE_NOOP(
                "Importer", "%1 is not an export format version."), version))
            return []
        patients = []
        charts: dict[str, str] = {}
        for i, raw in enumerate(self.items(doc, "patients", "", required=True)):
            patient = self.patient(raw, f"patients[{i}]")
            if patient is None:
                continue
            chart = patient.values.get("chart_number")
            if isinstance(chart, str):
                if chart in charts:
                    self.problem(f"{patient.place}.chart_number",
                                 sentence("Importer", QT_TRANSLATE_NOOP(
                                     "Importer", "Chart number %1 is used twice in the file "
                                     "(also at %2)."), chart, charts[chart]))
                charts.setdefault(chart, patient.place)
            patients.append(patient)
        return patients

    def _fields(self, obj: JsonObject, place: str, names: tuple[str, ...],
                clean: Callable[[FieldValues], FieldValues],
                required: tuple[str, ...] = ()) -> FieldValues:
        values = {}
        for name in names:
            def one(x: Any, n: str = name) -> Any:
                return clean({n: rules.typed(n, x)})[n]

            value = self.get(obj, name, place, one, required=name in required,
                             default=_MISSING)
            if value is not _MISSING:
                values[name] = to_sql(value)
        return values

    def _bookkeeping(self, obj: JsonObject, place: str,
                     names: tuple[str, ...] = _BOOKKEEPING) -> JsonObject:
        out = {}
        for name in names:
            if name.endswith("_at"):
                value = self.get(obj, name, place, rules.timestamp, default=_MISSING)
            else:
                def name_text(x: Any, name: str = name) -> str:
                    return v.text(x, name, label=QT_TRANSLATE_NOOP("Label", "The name"),
                                  max_len=v.MAX_NAME, required=True, multiline=False)

                value = self.get(obj, name, place, name_text, default=_MISSING)
            if value is not _MISSING:
                out[name] = value
        return out

    def patient(self, raw: Any, place: str) -> FilePatient | None:
        obj = self.obj(raw, place)
        if obj is None:
            return None
        values = self._fields(obj, place, PATIENT_FIELDS, self.records.clean_patient_fields,
                              required=("chart_number", "family_name"))
        values.update(self._bookkeeping(obj, place))
        patient = FilePatient(place, values)
        for j, visit in enumerate(self.items(obj, "visits", place, required=False)):
            parsed = self.visit(visit, f"{place}.visits[{j}]")
            if parsed is not None:
                patient.visits.append(parsed)
        return patient

    def visit(self, raw: Any, place: str) -> FileVisit | None:
        obj = self.obj(raw, place)
        if obj is None:
            return None
        values = self._fields(obj, place, EDITABLE_SESSION_FIELDS,
                              self.records.clean_session_fields,
                              required=("started_at",))
        atlas_version = self.get(obj, "atlas_version", place, lambda x: v.text(
            x, "atlas_version", label=QT_TRANSLATE_NOOP("Label", "The atlas version"), max_len=40,
                required=True,
            multiline=False), required=True)
        if atlas_version is not _MISSING:
            values["atlas_version"] = atlas_version
        values.update(self._bookkeeping(obj, place))
        uid = self.get(obj, "uid", place, rules.uid, required=False)
        values["uid"] = uid if isinstance(uid, str) and uid else uuid.uuid4().hex
        status = self.get(obj, "status", place, rules.status, required=True)
        signature = None
        if status is SessionStatus.SIGNED:
            signature = {
                "signed_at": self.get(obj, "signed_at", place, rules.timestamp, required=True),
                "signed_by": self.get(obj, "signed_by", place, lambda x: v.text(
                    x, "signed_by", label=QT_TRANSLATE_NOOP("Label", "The signer"),
                        max_len=v.MAX_NAME, required=True,
                    multiline=False), required=True),
                "content_hash": self.get(obj, "content_hash", place, rules.signature_hash,
                                         required=True),
            }
        elif status is SessionStatus.DRAFT:
            for key in ("signed_at", "signed_by", "content_hash"):
                if obj.get(key) not in (None, ""):
                    self.problem(f"{place}.{key}", sentence("Importer", QT_TRANSLATE_NOOP(
                        "Importer", "A draft visit cannot carry a signature; its status says "
                        "draft.")))
        visit = FileVisit(place, values, signature, obj.get("id"))
        visit.retraction = import_retractions.read(self, obj, place, status)
        seqs: dict[int, str] = {}
        file_site_ids: dict[Any, int] = {}  # a site's id in the file -> its seq (photos)
        for k, raw_site in enumerate(self.items(obj, "sites", place, required=False)):
            site = self.site(raw_site, f"{place}.sites[{k}]")
            if site is None:
                continue
            seq = site.get("seq")
            if isinstance(seq, int) and isinstance(raw_site.get("id"), int):
                file_site_ids[raw_site["id"]] = seq
            if isinstance(seq, int):
                if seq in seqs:
                    self.problem(f"{place}.sites[{k}].seq", sentence("Importer", QT_TRANSLATE_NOOP(
                        "Importer", "Site number %1 is used twice in this visit (also at %2)."),
                        str(seq), str(seqs[seq])))
                seqs.setdefault(seq, f"{place}.sites[{k}]")
            visit.sites.append(site)
        for k, raw_finding in enumerate(self.items(obj, "findings", place, required=False)):
            finding = self.finding(raw_finding, f"{place}.findings[{k}]")
            if finding is not None:
                visit.findings.append(finding)
        for k, raw_event in enumerate(self.items(obj, "adverse_events", place, required=False)):
            event = self.adverse_event(raw_event, f"{place}.adverse_events[{k}]")
            if event is not None:
                visit.adverse_events.append(event)
        visit.photos = read_photos(self, obj, place, file_site_ids)
        amendments = self.items(obj, "amendments", place, required=False)
        if amendments and status is SessionStatus.DRAFT:
            self.problem(f"{place}.amendments", sentence("Importer", QT_TRANSLATE_NOOP(
                "Importer", "Only a signed visit has amendments; this one is a draft.")))
        adding = {x["amendment"] for x in visit.photos if x["amendment"] is not None}
        for k, raw_amendment in enumerate(amendments):
            # The file's id of an amendment, where a number (as elsewhere: any other is none).
            file_ida = raw_amendment.get("id") if isinstance(raw_amendment, dict) else None
            amendment = self.amendment(
                raw_amendment, f"{place}.amendments[{k}]",
                adds_photo=isinstance(file_ida, int) and file_ida in adding)
            if amendment is not None:
                visit.amendments.append(amendment)
                visit.amendment_ids.append(raw_amendment.get("id"))
        import_corrections.check(self, visit)
        return visit

    def site(self, raw: Any, place: str) -> JsonObject | None:
        obj = self.obj(raw, place)
        if obj is None:
            return None
        values: dict[str, Any] = {}
        seq = self.get(obj, "seq", place, lambda x: rules.whole(x, "seq", sentence("Importer", QT_TRANSLATE_NOOP(
            "Importer", "The site number")), 1,
                                                          MAX_SEQ), required=True)
        if seq is not _MISSING:
            values["seq"] = seq
        catalogue = self.records.atlas.catalogue
        muscle = self.get(obj, "muscle", place, lambda x: rules.muscle(x, catalogue),
                          required=True)
        if muscle is not _MISSING:
            values["muscle_id"] = muscle  # kept as written: a signed visit's hash covers it
        view = self.get(obj, "view", place, self._view, required=True)
        if view is not _MISSING:
            values["view_id"] = view.id
        for axis in ("x", "y"):
            limit = (view.width if axis == "x" else view.height) if view is not _MISSING else \
                float("inf")
            def coordinate(x: Any, a: str = axis, lim: float = limit) -> float:
                return float(v.coordinate(rules.typed(a, x), a, lim))

            value = self.get(obj, axis, place, coordinate, required=True)
            if value is not _MISSING:
                values[axis] = value
        names = tuple(f for f in EDITABLE_SITE_FIELDS if f != "muscle_id")
        values.update(self._fields(obj, place, names, self.records.clean_site_fields,
                                   required=("side",)))
        values.setdefault("layer", "superficial")
        for flag in ("cramp", "twitch", "estim", "planned"):
            values.setdefault(flag, 0)
        values.setdefault("notes", "")
        values.update(self._bookkeeping(obj, place))
        return values

    def _view(self, value: Any) -> View:
        if not isinstance(value, str):
            raise ValidationError(sentence("Importer", QT_TRANSLATE_NOOP(
                "Importer", "The chart view must be given by its id (text).")), "view")
        try:
            return self.records.atlas.view(value)
        except AtlasError as exc:
            raise ValidationError(str(exc), "view") from None

    def amendment(self, raw: Any, place: str, *, adds_photo: bool = False
                  ) -> JsonObject | None:
        """``adds_photo``: a photo of the visit names it (added after signing): its words
        may then be empty, as an amendment's with corrections may."""
        obj = self.obj(raw, place)
        if obj is None:
            return None
        values = {
            "created_at": self.get(obj, "created_at", place, rules.timestamp, required=True),
            "created_by": self.get(obj, "created_by", place, lambda x: v.text(
                x, "created_by", label=QT_TRANSLATE_NOOP("Label", "The author"),
                    max_len=v.MAX_NAME, required=True,
                multiline=False), required=True),
            "reason": self.get(obj, "reason", place, lambda x: v.text(
                x, "reason", label=QT_TRANSLATE_NOOP("Label", "The reason for the amendment"),
                    max_len=v.MAX_SHORT_TEXT,
                required=True), required=True),
            "text": self.get(obj, "text", place, lambda x: v.text(
                x, "text", label=QT_TRANSLATE_NOOP("Label", "The amendment"),
                    max_len=v.MAX_LONG_TEXT,
                required=not obj.get(import_corrections.KEY) and not adds_photo),
                required=True),
        }
        corrections = import_corrections.read(self, obj, place)
        if corrections:
            values[import_corrections.KEY] = corrections
        return values

    def finding(self, raw: Any, place: str) -> JsonObject | None:
        obj = self.obj(raw, place)
        if obj is None:
            return None
        return {
            **self._bookkeeping(obj, place, ("created_at", "created_by")),
            "sign": self.get(obj, "sign", place, lambda x: rules.choice(x, "sign", "Finding",
                                                                   FINDING_SIGNS), required=True),
            "location": self.get(obj, "location", place, lambda x: v.text(
                x, "location", label=QT_TRANSLATE_NOOP("Label", "The location"),
                    max_len=v.MAX_NAME, multiline=False),
                default=""),
            "side": self.get(obj, "side", place, lambda x: v.side(x).value, default="M"),
            "notes": self.get(obj, "notes", place, lambda x: v.text(
                x, "notes", label=QT_TRANSLATE_NOOP("Label", "The notes"),
                    max_len=v.MAX_SHORT_TEXT), default=""),
        }

    def adverse_event(self, raw: Any, place: str) -> JsonObject | None:
        obj = self.obj(raw, place)
        if obj is None:
            return None
        return {
            **self._bookkeeping(obj, place, ("created_at", "created_by")),
            "kind": self.get(obj, "kind", place, lambda x: rules.choice(
                x, "kind", "Adverse event", ADVERSE_EVENT_KINDS), required=True),
            "severity": self.get(obj, "severity", place, lambda x: rules.choice(
                x, "severity", "Severity", ADVERSE_SEVERITIES), required=True),
            "action_taken": self.get(obj, "action_taken", place, lambda x: v.text(
                x, "action_taken", label=QT_TRANSLATE_NOOP("Label", "The action taken"),
                    max_len=v.MAX_SHORT_TEXT),
                default=""),
        }


# -- signature check -----------------------------------------------------------------------
def record_of(visit: FileVisit) -> SessionRecord:
    """The visit as the snapshot `content_hash` reads, without database ids."""
    s = visit.values
    session = Session(
        id=0, patient_id=0, started_at=datetime.fromisoformat(s["started_at"]),
        atlas_version=s["atlas_version"], uid=s["uid"],
        **{k: _from_sql(k, s[k]) for k in EDITABLE_SESSION_FIELDS
           if k != "started_at" and k in s})
    sites = tuple(  # id: the seq, which a photo's site_seq names (content_hash maps it)
        Site(id=x["seq"], session_id=0, seq=x["seq"], muscle_id=x["muscle_id"], side=Side(x["side"]),
             view_id=x["view_id"], x=x["x"], y=x["y"],
             **{k: _from_sql(k, x[k]) for k in EDITABLE_SITE_FIELDS
                if k not in ("muscle_id", "side") and k in x})
        for x in sorted(visit.sites, key=lambda x: x["seq"]))
    findings = tuple(Finding(id=0, session_id=0, sign=f["sign"], location=f["location"],
                             side=Side(f["side"]), notes=f["notes"]) for f in visit.findings)
    events = tuple(AdverseEvent(id=0, session_id=0, kind=a["kind"], severity=a["severity"],
                                action_taken=a["action_taken"]) for a in visit.adverse_events)
    patient = Patient(id=0, chart_number="", family_name="", given_name="")
    photos = tuple(Photo(id=0, session_id=0, seq=n, sha256=x["sha256"], mime=x["mime"],
                         width=x["width"], height=x["height"], bytes=len(x["data"]),
                         caption=x["caption"], site_id=x["site_seq"],
                         amendment_id=x.get("amendment"))
                   for n, x in enumerate(visit.photos, 1))
    return SessionRecord(session=session, patient=patient, sites=sites, findings=findings,
                         adverse_events=events, photos=photos)


_BOOL_FIELDS = {"cramp", "twitch", "estim", "planned", "consent", "pneumothorax_discussed",
                "needles_accounted"}


def _from_sql(name: str, value: Any) -> Any:
    return bool(value) if name in _BOOL_FIELDS else value


# -- the whole file ---------------------------------------------------------------------------
def read_document(records: Records, doc: Any) -> tuple[list[FilePatient], import_trail.FileTrail]:
    """Check the whole document; ImportProblems names what is wrong. Writes nothing. The
    document's merges of patient records, checked, are `merges_of(trail)`."""
    reader = Reader(records)
    trail = import_trail.FileTrail([], [], "")
    try:
        patients = reader.document(doc)
        if not reader.problems:
            for patient in patients:
                for visit in patient.visits:
                    if visit.signature is not None and \
                            content_hash(record_of(visit)) != visit.signature["content_hash"]:
                        reader.problem(
                            f"{visit.place}.content_hash",
                            sentence("Importer", QT_TRANSLATE_NOOP(
                                "Importer", "The visit's content does not match the hash taken "
                                "when it was signed: it was changed after signing, so it "
                                "cannot be imported as a signed record.")))
            trail = import_trail.read_trail(doc.get("audit"))
            signed = [visit for patient in patients for visit in patient.visits
                      if visit.signature is not None]
            if signed:
                import_trail.check_signed_visits(signed, trail, reader.problem,
                                                 now=records.clock())
            import_retractions.check([visit for patient in patients for visit in patient.visits
                                      if visit.retraction is not None], trail, reader.problem,
                                     now=records.clock())
            _check_chart_numbers(records, patients, reader)
            listed = doc.get("patients") if isinstance(doc, dict) else None
            file_ids: dict[int, str] = {
                int(p["id"]): f"patients[{i}]" for i, p in enumerate(listed or [])
                if isinstance(p, dict) and isinstance(p.get("id"), int)}
            import_chart_pairs.check(records, patients, {v: k for k, v in file_ids.items()},
                                     trail, reader.problem)
            trail.merges.extend(import_merges.check(doc, file_ids, trail, reader.problem))
    except _TooMany:
        raise ImportProblems(reader.problems, more=True) from None
    if reader.problems:
        raise ImportProblems(reader.problems)
    return patients, trail


def _check_chart_numbers(records: Records, patients: list[FilePatient], reader: Reader) -> None:
    for patient in patients:
        taken = chart_number_taken(records, patient.values["chart_number"])
        if taken is not None:
            reader.problem(f"{patient.place}.chart_number", taken)


def chart_number_taken(records: Records, chart: str) -> str | None:
    """Why a patient of the file cannot come in under ``chart``, or None: the number is a
    patient's here already, or is one in other capitals ("c-1001" beside C-1001, one number on
    paper, which the new-patient form refuses too: RecordQueries.check_chart_number_free).
    Never merged: the import is refused whole, and the file keeps every record."""
    if records.repo.patient_by_chart_number(chart) is not None:
        return sentence("Importer", QT_TRANSLATE_NOOP(
            "Importer", "Chart number %1 already exists in this database; records are never "
            "merged. Import into another database, or change the chart number in the file."),
            chart)
    for other in records.repo.patients_by_chart_number_folded(chart):
        return sentence("Importer", QT_TRANSLATE_NOOP(
            "Importer", "Chart number %1 already exists in this database, written %2; records "
            "are never merged. Import into another database, or change the chart number in the "
            "file."), chart, other.chart_number)
    return None
