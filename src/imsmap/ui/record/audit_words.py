"""The audit trail in a clinician's words: what each entry's action, thing and values are called
in the window's language, and its times in this computer's time zone.

The trail stores what the services wrote (services.changes' actions and entities, the columns
and keys of each kind of entry, values as the rows hold them: "R", 0/1, muscle ids, ISO times).
Nothing of that reaches the screen as stored: every action, entity and key the store can write
has its words in the tables below (tests/test_ui_audit_trail.py enumerates them, so a new key
without words fails), and each value is said the way the rest of the window says it (the
atlas's names, the domain's vocabulary, a grade with the clinic's word, "yes"/"no", a site's
number rather than its row id, a time through imsmap.ui.wording)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from imsmap.atlas import Atlas
from imsmap.domain.models import AuditEntry, Patient, RetractionKind, SessionStatus, Sex, Side
from imsmap.domain.vocabulary import ADVERSE_EVENT_KINDS, FINDING_SIGNS, GRASP_LABELS
from imsmap.services.audit_view import TrailNames
from imsmap.services.changes import Action, Entity
from imsmap.ui.wording import (
    grasp_text,
    layer_name,
    muscle_name,
    numeric_date,
    numeric_datetime,
    root_name,
    said,
    time_of_day,
    view_name,
    vocabulary,
)

CONTEXT = "AuditTrail"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# What happened, by the trail's action (services.changes.Action).
ACTIONS: dict[str, str] = {
    Action.CREATE.value: QT_TRANSLATE_NOOP("AuditTrail", "Created"),
    Action.UPDATE.value: QT_TRANSLATE_NOOP("AuditTrail", "Changed"),
    Action.REMOVE.value: QT_TRANSLATE_NOOP("AuditTrail", "Removed"),
    Action.RESTORE.value: QT_TRANSLATE_NOOP("AuditTrail", "Restored"),
    Action.SIGN.value: QT_TRANSLATE_NOOP("AuditTrail", "Signed"),
    Action.AMEND.value: QT_TRANSLATE_NOOP("AuditTrail", "Amendment added"),
    Action.IMPORT.value: QT_TRANSLATE_NOOP("AuditTrail", "Imported"),
    Action.WITHDRAW.value: QT_TRANSLATE_NOOP("AuditTrail", "Draft withdrawn"),
    Action.ENTERED_IN_ERROR.value: QT_TRANSLATE_NOOP("AuditTrail", "Marked entered in error"),
    Action.MERGE.value: QT_TRANSLATE_NOOP("AuditTrail", "Records merged"),
    Action.SEPARATE.value: QT_TRANSLATE_NOOP("AuditTrail", "Records separated"),
}

# The thing changed, by the trail's entity (services.changes.Entity, and the two entities
# written by name: a protocol, services.planning; an imported trail, services.import_trail).
# {number}: the site's, photo's or amendment's number in the session.
ENTITIES: dict[str, str] = {
    Entity.PATIENT.value: QT_TRANSLATE_NOOP("AuditTrail", "Patient record"),
    Entity.SESSION.value: QT_TRANSLATE_NOOP("AuditTrail", "Session"),
    Entity.SITE.value: QT_TRANSLATE_NOOP("AuditTrail", "Site {number}"),
    Entity.AMENDMENT.value: QT_TRANSLATE_NOOP("AuditTrail", "Amendment {number}"),
    Entity.FINDING.value: QT_TRANSLATE_NOOP("AuditTrail", "Examination finding"),
    Entity.ADVERSE_EVENT.value: QT_TRANSLATE_NOOP("AuditTrail", "Adverse event"),
    Entity.SETTINGS.value: QT_TRANSLATE_NOOP("AuditTrail", "Settings"),
    Entity.PHOTO.value: QT_TRANSLATE_NOOP("AuditTrail", "Photo {number}"),
    Entity.RETRACTION.value: QT_TRANSLATE_NOOP("AuditTrail", "Session"),
    Entity.PATIENT_MERGE.value: QT_TRANSLATE_NOOP("AuditTrail", "Patient records"),
    "protocol": QT_TRANSLATE_NOOP("AuditTrail", "Protocol"),
    "history": QT_TRANSLATE_NOOP("AuditTrail", "Imported audit trail"),
}
NUMBERED = {Entity.SITE.value, Entity.AMENDMENT.value, Entity.PHOTO.value}
UNNUMBERED = {  # a site, photo or amendment the file no longer has
    Entity.SITE.value: QT_TRANSLATE_NOOP("AuditTrail", "A site no longer in the file"),
    Entity.AMENDMENT.value: QT_TRANSLATE_NOOP("AuditTrail", "An amendment no longer in the file"),
    Entity.PHOTO.value: QT_TRANSLATE_NOOP("AuditTrail", "A photo no longer in the file"),
}

# The recorded values, by key: the columns of each row the trail copies or digests (patients,
# sessions: store.audit.SESSION_CONTENT; sites: store.site_rows.CONTENT_FIELDS; findings,
# adverse events, photos, amendments, retractions, merges) and the keys the services add.
FIELDS: dict[str, str] = {
    # a patient's record
    "chart_number": QT_TRANSLATE_NOOP("AuditTrail", "Chart number"),
    "family_name": QT_TRANSLATE_NOOP("AuditTrail", "Family name"),
    "given_name": QT_TRANSLATE_NOOP("AuditTrail", "Given name"),
    "birth_date": QT_TRANSLATE_NOOP("AuditTrail", "Date of birth"),
    "sex": QT_TRANSLATE_NOOP("AuditTrail", "Sex"),
    # a session
    "patient_id": QT_TRANSLATE_NOOP("AuditTrail", "Patient"),
    "uid": QT_TRANSLATE_NOOP("AuditTrail", "Permanent identifier"),
    "atlas_version": QT_TRANSLATE_NOOP("AuditTrail", "Body chart version"),
    "started_at": QT_TRANSLATE_NOOP("AuditTrail", "Started"),
    "practitioner": QT_TRANSLATE_NOOP("AuditTrail", "Practitioner"),
    "practitioner_registration": QT_TRANSLATE_NOOP("AuditTrail", "Registration number"),
    "complaint": QT_TRANSLATE_NOOP("AuditTrail", "Complaint"),
    "pain_before": QT_TRANSLATE_NOOP("AuditTrail", "Pain before (0 to 10)"),
    "pain_after": QT_TRANSLATE_NOOP("AuditTrail", "Pain after (0 to 10)"),
    "notes": QT_TRANSLATE_NOOP("AuditTrail", "Notes"),
    "consent": QT_TRANSLATE_NOOP("AuditTrail", "Informed consent"),
    "pneumothorax_discussed": QT_TRANSLATE_NOOP("AuditTrail", "Pneumothorax risk discussed"),
    "needle_count": QT_TRANSLATE_NOOP("AuditTrail", "Needles used"),
    "needles_accounted": QT_TRANSLATE_NOOP("AuditTrail", "All needles accounted for"),
    "tolerance": QT_TRANSLATE_NOOP("AuditTrail", "Tolerance"),
    "plan": QT_TRANSLATE_NOOP("AuditTrail", "Plan"),
    # signing (services.records.sign_session) and an imported signature
    "status": QT_TRANSLATE_NOOP("AuditTrail", "Status"),
    "content_hash": QT_TRANSLATE_NOOP("AuditTrail", "Content hash (SHA-256)"),
    "signer_name": QT_TRANSLATE_NOOP("AuditTrail", "Signed as"),
    "signed_at": QT_TRANSLATE_NOOP("AuditTrail", "Signed on"),
    "signed_by": QT_TRANSLATE_NOOP("AuditTrail", "Signed by"),
    # what an import keeps of a row's first writing
    "created_at": QT_TRANSLATE_NOOP("AuditTrail", "First recorded on"),
    "created_by": QT_TRANSLATE_NOOP("AuditTrail", "First recorded by"),
    # a site
    "session_id": QT_TRANSLATE_NOOP("AuditTrail", "Session"),
    "seq": QT_TRANSLATE_NOOP("AuditTrail", "Site number"),
    "view_id": QT_TRANSLATE_NOOP("AuditTrail", "Chart"),
    "x": QT_TRANSLATE_NOOP("AuditTrail", "Place on the chart, across"),
    "y": QT_TRANSLATE_NOOP("AuditTrail", "Place on the chart, down"),
    "muscle_id": QT_TRANSLATE_NOOP("AuditTrail", "Muscle"),
    "side": QT_TRANSLATE_NOOP("AuditTrail", "Side"),
    "layer": QT_TRANSLATE_NOOP("AuditTrail", "Layer"),
    "level": QT_TRANSLATE_NOOP("AuditTrail", "Level"),
    "needle_diameter_mm": QT_TRANSLATE_NOOP("AuditTrail", "Needle diameter"),
    "needle_length_mm": QT_TRANSLATE_NOOP("AuditTrail", "Needle length"),
    "depth_mm": QT_TRANSLATE_NOOP("AuditTrail", "Depth reached"),
    "grasp": QT_TRANSLATE_NOOP("AuditTrail", "Grasp"),
    "cramp": QT_TRANSLATE_NOOP("AuditTrail", "Cramp"),
    "twitch": QT_TRANSLATE_NOOP("AuditTrail", "Local twitch response"),
    "tissue_feel": QT_TRANSLATE_NOOP("AuditTrail", "Tissue feel"),
    "release": QT_TRANSLATE_NOOP("AuditTrail", "Release"),
    "sensation": QT_TRANSLATE_NOOP("AuditTrail", "Patient sensation"),
    "estim": QT_TRANSLATE_NOOP("AuditTrail", "Electrical stimulation"),
    "planned": QT_TRANSLATE_NOOP("AuditTrail", "Planned"),
    "in_error": QT_TRANSLATE_NOOP("AuditTrail", "Recorded in error"),
    "protocol": QT_TRANSLATE_NOOP("AuditTrail", "From the protocol"),
    "copied_from_session": QT_TRANSLATE_NOOP("AuditTrail", "Copied forward from"),
    # an examination finding, an adverse event
    "sign": QT_TRANSLATE_NOOP("AuditTrail", "Sign"),
    "location": QT_TRANSLATE_NOOP("AuditTrail", "Location"),
    "kind": QT_TRANSLATE_NOOP("AuditTrail", "Kind"),
    "severity": QT_TRANSLATE_NOOP("AuditTrail", "Severity"),
    "action_taken": QT_TRANSLATE_NOOP("AuditTrail", "Action taken"),
    # a photo
    "sha256": QT_TRANSLATE_NOOP("AuditTrail", "Fingerprint (SHA-256)"),
    "mime": QT_TRANSLATE_NOOP("AuditTrail", "Image type"),
    "width": QT_TRANSLATE_NOOP("AuditTrail", "Width (pixels)"),
    "height": QT_TRANSLATE_NOOP("AuditTrail", "Height (pixels)"),
    "bytes": QT_TRANSLATE_NOOP("AuditTrail", "Size (bytes)"),
    "caption": QT_TRANSLATE_NOOP("AuditTrail", "Caption"),
    "site_id": QT_TRANSLATE_NOOP("AuditTrail", "Site shown"),
    "amendment_id": QT_TRANSLATE_NOOP("AuditTrail", "Added by"),
    # an amendment (services.amending, services.photo_amending)
    "reason": QT_TRANSLATE_NOOP("AuditTrail", "Reason"),
    "text": QT_TRANSLATE_NOOP("AuditTrail", "Amendment text"),
    "corrections": QT_TRANSLATE_NOOP("AuditTrail", "Corrections of sites"),
    "adds_photo": QT_TRANSLATE_NOOP("AuditTrail", "Photo added"),
    # a merge of two patient records, or the separation that ends one (services.merging)
    "duplicate_id": QT_TRANSLATE_NOOP("AuditTrail", "Duplicate record"),
    "kept_id": QT_TRANSLATE_NOOP("AuditTrail", "Record kept"),
    "ends": QT_TRANSLATE_NOOP("AuditTrail", "Ends"),
    # a creation whose content cannot be shown as created (services.audit_view)
    "record": QT_TRANSLATE_NOOP("AuditTrail", "Content"),
}
# A key that means another thing for one entity.
ENTITY_FIELDS: dict[tuple[str, str], str] = {
    (Entity.ADVERSE_EVENT.value, "kind"): QT_TRANSLATE_NOOP("AuditTrail", "Event"),
    (Entity.RETRACTION.value, "session_id"): QT_TRANSLATE_NOOP("AuditTrail", "Marked session"),
    (Entity.RETRACTION.value, "kind"): QT_TRANSLATE_NOOP("AuditTrail", "Mark"),
}

BOOLEANS = frozenset({"consent", "pneumothorax_discussed", "needles_accounted", "cramp",
                      "twitch", "estim", "planned", "in_error"})
MILLIMETRES = frozenset({"needle_diameter_mm", "needle_length_mm", "depth_mm"})
TIMES = frozenset({"started_at", "signed_at", "created_at"})
STATUSES = {SessionStatus.DRAFT.value: QT_TRANSLATE_NOOP("AuditTrail", "draft"),
            SessionStatus.SIGNED.value: QT_TRANSLATE_NOOP("AuditTrail", "signed")}
RETRACTIONS = {RetractionKind.WITHDRAWN.value: QT_TRANSLATE_NOOP("AuditTrail", "withdrawn draft"),
               RetractionKind.ENTERED_IN_ERROR.value:
                   QT_TRANSLATE_NOOP("AuditTrail", "entered in error")}
YES_NO = (QT_TRANSLATE_NOOP("AuditTrail", "no"), QT_TRANSLATE_NOOP("AuditTrail", "yes"))
VOCABULARY_KEYS = {"tissue_feel": "TissueFeel", "release": "Release", "sensation": "Sensation",
                   "severity": "Severity"}


@dataclass(frozen=True)
class TrailRow:
    """One row of the dialog: one value an entry recorded (or the entry, when it records
    none), in words."""

    when: str
    who: str
    action: str
    what: str
    old: str
    new: str


def when_text(at: datetime) -> str:
    """2026-12-05 16:15:23 (2026-12-05 16 h 15 min 23 s): the numeric date and the language's
    time of day with its seconds, in this computer's time zone."""
    return f"{numeric_date(at)} {time_of_day(at, seconds=True)}"


class TrailWords:
    """Says a session's trail (services.audit_view.session_trail) row by row."""

    def __init__(self, atlas: Atlas, names: TrailNames,
                 grasp_labels: Sequence[str] = GRASP_LABELS):
        self.atlas = atlas
        self.names = names
        self.grasp_labels = grasp_labels

    def rows(self, entry: AuditEntry) -> list[TrailRow]:
        when = when_text(entry.at)
        action = _tr(ACTIONS[entry.action]) if entry.action in ACTIONS else entry.action
        thing = self.thing(entry)
        changes = entry.changes or {"": [None, None]}
        out = []
        for key, pair in changes.items():
            old, new = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
            what = thing if not key else QCoreApplication.translate(
                "AuditTrail", "{thing}: {field}").format(thing=thing,
                                                         field=self.field(entry.entity, key))
            out.append(TrailRow(when, entry.actor, action, what,
                                self.value(entry, key, old), self.value(entry, key, new)))
        return out

    def thing(self, entry: AuditEntry) -> str:
        word = ENTITIES.get(entry.entity)
        if word is None:
            return entry.entity
        if entry.entity not in NUMBERED:
            return _tr(word)
        number = self._number(entry.entity, entry.entity_id)
        if number is None:
            return _tr(UNNUMBERED[entry.entity])
        return _tr(word).format(number=number)

    def _number(self, entity: str, row_id: int | None) -> int | None:
        if row_id is None:
            return None
        if entity == Entity.SITE.value:
            site = self.names.sites.get(row_id)
            return None if site is None else site.seq
        if entity == Entity.PHOTO.value:
            return self.names.photos.get(row_id)
        return self.names.amendments.get(row_id)

    @staticmethod
    def field(entity: str, key: str) -> str:
        word = ENTITY_FIELDS.get((entity, key)) or FIELDS.get(key)
        return key if word is None else _tr(word)

    def value(self, entry: AuditEntry, key: str, value: object) -> str:
        if value is None or value == "":
            return ""
        try:
            return self._value(entry, key, value)
        except (TypeError, ValueError, KeyError, IndexError):
            return _plain(value)  # a value not of its key's form (a damaged or foreign trail)

    def _value(self, entry: AuditEntry, key: str, value: object) -> str:
        entity = entry.entity
        if key in BOOLEANS:
            return _tr(YES_NO[bool(value)])
        if key in TIMES and isinstance(value, str):
            return numeric_datetime(datetime.fromisoformat(value))
        if key == "birth_date" and isinstance(value, str):
            return numeric_date(date.fromisoformat(value[:10]))
        if key in MILLIMETRES:
            return f"{_number(value)} mm"
        if key in ("x", "y"):  # chart units: 1658, never "1,658"
            return _number(value, grouped=False)
        if key in ("pain_before", "pain_after", "needle_count", "width", "height",
                   "bytes", "seq"):
            return _number(value)
        if key == "muscle_id":
            return muscle_name(self.atlas, str(value))
        if key == "view_id":
            return view_name(self.atlas, str(value))
        if key == "layer":
            return layer_name(self.atlas, self._view_of(entry), str(value))
        if key == "level":
            return root_name(str(value))
        if key == "side" and value in {s.value for s in Side}:
            return vocabulary("Side", Side(value).label)
        if key == "sex" and value in {s.value for s in Sex}:
            return vocabulary("Sex", Sex(value).label)
        if key == "grasp":
            return grasp_text(_int(value), self.grasp_labels)
        if key in VOCABULARY_KEYS:
            return vocabulary(VOCABULARY_KEYS[key], str(value))
        if key == "sign":
            return vocabulary("FindingSign", FINDING_SIGNS.get(str(value), str(value)))
        if key == "kind" and entity == Entity.ADVERSE_EVENT.value:
            return vocabulary("AdverseEvent", ADVERSE_EVENT_KINDS.get(str(value), str(value)))
        if key == "kind" and value in RETRACTIONS:
            return _tr(RETRACTIONS[str(value)])
        if key == "status" and value in STATUSES:
            return _tr(STATUSES[str(value)])
        if key in ("session_id", "copied_from_session"):
            return self._session(_int(value))
        if key in ("patient_id", "duplicate_id", "kept_id"):
            return self._patient(_int(value))
        if key == "site_id":
            return self._numbered(Entity.SITE.value, _int(value))
        if key == "amendment_id":
            return self._numbered(Entity.AMENDMENT.value, _int(value))
        if key == "ends":
            merge = self.names.merges.get(_int(value))
            if merge is None:
                return QCoreApplication.translate("AuditTrail", "a merge no longer in the file")
            return QCoreApplication.translate("AuditTrail", "the merge of {when}").format(
                when=numeric_datetime(merge.created_at))
        if key == "corrections" and isinstance(value, list):
            return "\n".join(self._correction(entry, *c) for c in value)
        if key == "adds_photo" and isinstance(value, list):
            number, sha256 = value
            return QCoreApplication.translate(
                "AuditTrail", "Photo {number} (SHA-256 {sha256})").format(number=number,
                                                                           sha256=sha256)
        if key == "record":
            return said(value)
        return _plain(value)

    def _view_of(self, entry: AuditEntry) -> str:
        view = (entry.changes.get("view_id") or [None, None])
        if isinstance(view, list) and view[-1]:
            return str(view[-1])
        site = self.names.sites.get(entry.entity_id or -1)
        return "" if site is None else site.view_id

    def _numbered(self, entity: str, row_id: int) -> str:
        number = self._number(entity, row_id)
        if number is None:
            return _tr(UNNUMBERED[entity])
        return _tr(ENTITIES[entity]).format(number=number)

    def _session(self, session_id: int) -> str:
        if session_id == self.names.session_id:
            return QCoreApplication.translate("AuditTrail", "this session")
        session = self.names.sessions.get(session_id)
        if session is None:
            return QCoreApplication.translate("AuditTrail", "a session no longer in the file")
        return QCoreApplication.translate("AuditTrail", "the session of {when}").format(
            when=numeric_datetime(session.started_at))

    def _patient(self, patient_id: int) -> str:
        patient = self.names.patients.get(patient_id)
        if patient is None:
            return QCoreApplication.translate("AuditTrail",
                                              "a patient record no longer in the file")
        return patient_text(patient)

    def _correction(self, entry: AuditEntry, seq: int, key: str, old: object,
                    new: object) -> str:
        """Site 2: Grasp 2 moderate → 3 strong."""
        site = next((s for s in self.names.sites.values()
                     if s.seq == seq and s.session_id == self.names.session_id), None)
        on_site = entry if site is None else AuditEntry(
            entry.id, entry.at, entry.actor, entry.action, Entity.SITE.value, site.id,
            entry.session_id, {})
        return QCoreApplication.translate("AuditTrail", "Site {number}: {field} {old} → {new}").format(
            number=seq, field=self.field(Entity.SITE.value, key),
            old=self.value(on_site, key, old) or "—", new=self.value(on_site, key, new) or "—")


def patient_text(patient: Patient) -> str:
    """C-1001 Nguyen, Ana: a record's chart number and name."""
    name = ", ".join(p for p in (patient.family_name, patient.given_name) if p)
    return f"{patient.chart_number} {name}".strip()


def _int(value: object) -> int:
    """A stored whole number (an id, a grade); TypeError for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(value)
    return int(value)


def _number(value: object, grouped: bool = True) -> str:
    """A stored number as the window's language writes it (0,25; 1 583)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise TypeError(value)
    number = float(value)
    locale = QLocale()
    if not grouped:
        locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    if number.is_integer():
        return locale.toString(int(number))
    return locale.toString(number, "f", 2).rstrip("0").rstrip(locale.decimalPoint())


def _plain(value: object) -> str:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
