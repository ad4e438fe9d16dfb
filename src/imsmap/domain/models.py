"""The clinical record as plain dataclasses. No Qt, no SQL.

Objects are immutable snapshots of what the store holds; services change the store and hand back
fresh snapshots. Field validation lives in `imsmap.domain.validation`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from imsmap.domain.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from imsmap.domain.photos import Photo


class Side(str, enum.Enum):
    LEFT = "L"
    RIGHT = "R"
    MIDLINE = "M"

    @property
    def label(self) -> str:
        return {"L": QT_TRANSLATE_NOOP("Side", "Left"), "R": QT_TRANSLATE_NOOP("Side", "Right"),
                "M": QT_TRANSLATE_NOOP("Side", "Midline")}[self.value]


class Sex(str, enum.Enum):
    FEMALE = "F"
    MALE = "M"
    OTHER = "X"
    UNKNOWN = "U"

    @property
    def label(self) -> str:
        return {"F": QT_TRANSLATE_NOOP("Sex", "Female"), "M": QT_TRANSLATE_NOOP("Sex", "Male"),
                "X": QT_TRANSLATE_NOOP("Sex", "Other"),
                "U": QT_TRANSLATE_NOOP("Sex", "Not recorded")}[self.value]


class SessionStatus(str, enum.Enum):
    DRAFT = "draft"
    SIGNED = "signed"


# The grasp grades and the words of each observation: domain/vocabulary.py.


@dataclass(frozen=True)
class Patient:
    id: int
    chart_number: str
    family_name: str
    given_name: str
    birth_date: date | None = None
    sex: Sex = Sex.UNKNOWN
    notes: str = ""
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""

    @property
    def display_name(self) -> str:
        return f"{self.family_name}, {self.given_name}" if self.given_name else self.family_name


@dataclass(frozen=True)
class Site:
    """One needle insertion site on a chart."""

    id: int
    session_id: int
    seq: int  # the number shown on the chart and in the PDF table, 1-based within the session
    muscle_id: str
    side: Side
    view_id: str
    x: float
    y: float
    layer: str = "superficial"
    level: str | None = None  # vertebral level for paraspinal sites, e.g. "L4"
    needle_diameter_mm: float | None = None
    needle_length_mm: float | None = None
    depth_mm: float | None = None
    grasp: int | None = None  # 0-3, None = not graded
    cramp: bool = False
    twitch: bool = False
    tissue_feel: str | None = None
    release: str | None = None
    sensation: str | None = None
    estim: bool = False
    notes: str = ""
    planned: bool = False
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""


@dataclass(frozen=True)
class Amendment:
    id: int
    session_id: int
    created_at: datetime
    created_by: str
    reason: str
    text: str


class RetractionKind(str, enum.Enum):
    """How a session recorded by mistake is taken out of the clinical story (schema 8): a draft
    is withdrawn, a signed session is marked entered in error. Either way the session stays,
    readable, and counts in no figure."""

    WITHDRAWN = "withdrawn"
    ENTERED_IN_ERROR = "entered_in_error"


@dataclass(frozen=True)
class Retraction:
    """The one, final mark that takes a session out of the clinical story: why, when, who."""

    id: int
    session_id: int
    kind: RetractionKind
    reason: str
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class PatientMerge:
    """One row of the patient_merges table (schema 9): a duplicate record merged into the one
    kept (``ends`` None), or the separation that ends such a merge (``ends``: the merge's id).
    Nothing of either record is rewritten: their sessions keep their patient id, and a
    history is read from the kept record's id and those of its duplicates."""

    id: int
    duplicate_id: int
    kept_id: int
    reason: str
    created_at: datetime
    created_by: str
    ends: int | None = None
    # For a merge: the separation that ended it, if any (read with it).
    ended_by: PatientMerge | None = None

    @property
    def is_separation(self) -> bool:
        return self.ends is not None

    @property
    def in_force(self) -> bool:
        """A merge no separation has ended."""
        return self.ends is None and self.ended_by is None


@dataclass(frozen=True)
class Session:
    id: int
    patient_id: int
    started_at: datetime
    atlas_version: str
    uid: str = ""  # random and permanent; the same in every database the session moves to
    practitioner: str = ""
    complaint: str = ""
    pain_before: int | None = None
    pain_after: int | None = None
    notes: str = ""
    practitioner_registration: str = ""
    consent: bool = False
    pneumothorax_discussed: bool = False
    needle_count: int | None = None
    needles_accounted: bool = False
    tolerance: str = ""
    plan: str = ""
    status: SessionStatus = SessionStatus.DRAFT
    signed_at: datetime | None = None
    signed_by: str = ""
    content_hash: str = ""
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""
    # "withdrawn" or "entered_in_error" when the session is taken out of the clinical story
    # (table retractions, schema 8); "" for a session that counts.
    retracted: str = ""

    @property
    def is_signed(self) -> bool:
        return self.status is SessionStatus.SIGNED

    @property
    def counts(self) -> bool:
        """Part of the patient's treatment: neither withdrawn nor entered in error. A session
        that does not count stays readable and in the history, and in no figure."""
        return not self.retracted

    @property
    def is_withdrawn(self) -> bool:
        return self.retracted == RetractionKind.WITHDRAWN.value

    @property
    def is_entered_in_error(self) -> bool:
        return self.retracted == RetractionKind.ENTERED_IN_ERROR.value


# Finding signs, adverse event kinds and severities: domain/vocabulary.py.


@dataclass(frozen=True)
class Finding:
    id: int
    session_id: int
    sign: str  # a key of FINDING_SIGNS
    location: str = ""  # a region or segment, e.g. "L5" or "lumbar"
    side: Side = Side.MIDLINE
    notes: str = ""


@dataclass(frozen=True)
class AdverseEvent:
    id: int
    session_id: int
    kind: str  # a key of ADVERSE_EVENT_KINDS
    severity: str  # one of ADVERSE_SEVERITIES
    action_taken: str = ""


@dataclass(frozen=True)
class SessionRecord:
    """A session with everything that belongs to it, as one snapshot."""

    session: Session
    patient: Patient
    sites: tuple[Site, ...] = ()
    amendments: tuple[Amendment, ...] = ()
    findings: tuple[Finding, ...] = ()
    adverse_events: tuple[AdverseEvent, ...] = ()
    photos: tuple[Photo, ...] = ()  # in their order (issue 18)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    session_id: int | None
    changes: dict[str, Any] = field(default_factory=dict)
    # Since schema 4 a site's creation is recorded as a digest of its content (16 bytes, hex)
    # instead of a copy of it; services.audit_view shows the content and checks it.
    digest: str | None = None
