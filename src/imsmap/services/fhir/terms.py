"""The codes and identifiers the FHIR export uses, and imsmap's own code systems.

Two kinds of code (docs/fhir.md, "Codes"):

- codes from an outside terminology (LOINC, SNOMED CT, HL7's own code systems, UCUM), each used
  only where it was checked against a source docs/fhir.md cites;
- everything else is in a code system imsmap defines under https://imsmap.org/fhir/ and ships
  inside every bundle as a CodeSystem resource (`code_systems`): the IMS observation and
  qualifier codes (versioned with the export format), and the atlas's muscles (versioned with the
  atlas, the muscle's name as the display and as the text of every CodeableConcept).

Languages (docs/fhir.md, "Language"): a bundle speaks the clinic's records language (`Words`).
Every resource says it (`language`, "fr-CA"); what a person reads is in it: the text of every
CodeableConcept, titles, descriptions and narrative, and the display of imsmap's own codes (each
concept of its code systems ships a `designation` in that language beside its English display).
An outside code's display stays its terminology's own (English: LOINC's, SNOMED CT's, HL7's), as
FHIR asks ("following the rules of the system"); the concept's text carries the language.

Resource ids are name-based UUIDs (RFC 4122 version 5) in one imsmap namespace, from the
record's own permanent keys: the same record always exports under the same ids (`urn`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import overload

from imsmap.domain.local_time import local_date
from imsmap.domain.text import QT_TRANSLATE_NOOP, fill
from imsmap.domain.values import JsonObject
from imsmap.domain.vocabulary import ADVERSE_EVENT_KINDS, FINDING_SIGNS

SOURCE_LANGUAGE = "en"
Say = Callable[[str, str], str]  # (context, English text) -> the text in a language


def _as_written(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Words:
    """The language a bundle's human-readable text is written in (the clinic's records
    language): `say(context, text)` translates a text marked with QT_TRANSLATE_NOOP (the
    records catalog, handed in from above: the services load no translations), `muscle(id)`
    names a muscle of the atlas in the language (None: the export's own name stands), and the
    narrative writes a number with the language's `decimal_point` (« 0,3 mm »)."""

    language: str = SOURCE_LANGUAGE
    say: Say = _as_written
    muscle: Callable[[str], str | None] | None = None
    decimal_point: str = "."

    @property
    def tag(self) -> str:
        """The language as FHIR writes it (BCP 47): "fr-CA"."""
        return self.language.replace("_", "-")

    def __call__(self, text: str, context: str = "Fhir") -> str:
        return self.say(context, text)


ENGLISH = Words()

BASE = "https://imsmap.org/fhir"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, BASE)

# imsmap's code systems, extensions and identifier systems.
IMS = f"{BASE}/CodeSystem/ims"
IMS_VERSION = "1"  # follows the export format (docs/export-format.md, "version")
MUSCLE = f"{BASE}/CodeSystem/atlas-muscle"
LEVEL = f"{BASE}/CodeSystem/spinal-level"
EXT = f"{BASE}/StructureDefinition"
EXT_CHART_POSITION = f"{EXT}/chart-position"
EXT_PNEUMOTHORAX = f"{EXT}/pneumothorax-risk-discussed"
EXT_ATLAS_VERSION = f"{EXT}/atlas-version"
EXT_PAIN_TIMING = f"{EXT}/pain-timing"
EXT_ACTION_TAKEN = f"{EXT}/action-taken"
EXT_CONTENT_HASH = f"{EXT}/content-sha256"
EXT_ENCOUNTER = f"{EXT}/encounter"
# a withdrawn or entered-in-error visit's mark (kind, reason, author, date), on its Encounter
EXT_RETRACTION = f"{EXT}/retraction"
SID_CHART = f"{BASE}/sid/chart-number"
SID_USER = f"{BASE}/sid/user"
URI = "urn:ietf:rfc:3986"  # an identifier that is itself a URI (urn:uuid:...)

# Outside code systems (sources: docs/fhir.md, "Codes from outside terminologies").
LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
PROVENANCE_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
AE_SEVERITY = "http://terminology.hl7.org/CodeSystem/adverse-event-severity"
DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
TARGET_BODY_STRUCTURE = "http://hl7.org/fhir/StructureDefinition/procedure-targetBodyStructure"

PAIN = {"system": LOINC, "code": "72514-3",
        "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported"}
PROCEDURE_NOTE = {"system": LOINC, "code": "28570-0", "display": "Procedure note"}
PATIENT_CONSENT = {"system": LOINC, "code": "59284-0", "display": "Patient Consent"}
AMBULATORY = {"system": ACT_CODE, "code": "AMB", "display": "ambulatory"}
LATERALITY = {
    "L": {"system": SNOMED, "code": "7771000", "display": "Left"},
    "R": {"system": SNOMED, "code": "24028007", "display": "Right"},
    "M": {"system": SNOMED, "code": "399488007", "display": "Midline"},
}
SIDE_TEXT = {"L": QT_TRANSLATE_NOOP("Fhir", "Left"), "R": QT_TRANSLATE_NOOP("Fhir", "Right"),
             "M": QT_TRANSLATE_NOOP("Fhir", "Midline")}

# The IMS code system: what imsmap records that no checked outside code says.
SITE_CODES: dict[str, str] = {
    "grasp": QT_TRANSLATE_NOOP("Fhir", "Grasp grade (0 none, 1 mild, 2 moderate, 3 strong)"),
    "cramp": QT_TRANSLATE_NOOP("Fhir", "Cramp felt by the patient"),
    "twitch": QT_TRANSLATE_NOOP("Fhir", "Local twitch response"),
    "tissue-feel": QT_TRANSLATE_NOOP("Fhir", "Tissue feel at the needle"),
    "release": QT_TRANSLATE_NOOP("Fhir", "Release of the grasp"),
    "sensation": QT_TRANSLATE_NOOP("Fhir", "Sensation reported by the patient"),
    "estim": QT_TRANSLATE_NOOP("Fhir", "Electrical stimulation through the needle"),
    "needle-diameter": QT_TRANSLATE_NOOP("Fhir", "Needle diameter"),
    "needle-length": QT_TRANSLATE_NOOP("Fhir", "Needle length"),
    "depth": QT_TRANSLATE_NOOP("Fhir", "Depth of insertion"),
}
SESSION_CODES: dict[str, str] = {
    "session-notes": QT_TRANSLATE_NOOP("Fhir", "Session notes"),
    "tolerance": QT_TRANSLATE_NOOP("Fhir", "How the patient tolerated treatment"),
    "needle-count": QT_TRANSLATE_NOOP("Fhir", "Number of needles used"),
    "needles-accounted": QT_TRANSLATE_NOOP(
        "Fhir", "All needles accounted for and disposed of as sharps"),
}
OTHER_CODES: dict[str, str] = {
    "insertion": QT_TRANSLATE_NOOP("Fhir", "Intramuscular stimulation (IMS) needle insertion"),
    "laterality": QT_TRANSLATE_NOOP("Fhir", "Side of the body"),
}
SPINAL_LEVEL = QT_TRANSLATE_NOOP("Fhir", "Spinal level %1")
LEVELS = tuple([f"C{n}" for n in range(1, 9)] + [f"T{n}" for n in range(1, 13)]
               + [f"L{n}" for n in range(1, 6)] + [f"S{n}" for n in range(1, 6)])


def ims_concepts() -> list[JsonObject]:
    concepts = [{"code": c, "display": d} for c, d in
                {**OTHER_CODES, **SITE_CODES, **SESSION_CODES}.items()]
    concepts += [{"code": f"finding-{k}", "display": v} for k, v in FINDING_SIGNS.items()]
    concepts += [{"code": f"adverse-{k}", "display": v} for k, v in ADVERSE_EVENT_KINDS.items()]
    return concepts


_IMS_DISPLAY = {c["code"]: c["display"] for c in ims_concepts()}


def _ims_context(code: str) -> str:
    """The catalog context of an IMS code's display (the domain marks the signs and events)."""
    if code.startswith("finding-"):
        return "FindingSign"
    if code.startswith("adverse-"):
        return "AdverseEvent"
    return "Fhir"


def ims_display(code: str, words: Words = ENGLISH) -> str:
    return words(_IMS_DISPLAY[code], _ims_context(code))


def level_display(level: str, words: Words = ENGLISH) -> str:
    return fill(words(SPINAL_LEVEL), [level])


def urn(*key: object) -> str:
    """The fullUrl (and reference) of the resource named by `key`: urn:uuid:<uuid5>."""
    return "urn:uuid:" + str(uuid.uuid5(NAMESPACE, "/".join(str(k) for k in key)))


def rid(full_url: str) -> str:
    """A resource's id: the UUID of its urn:uuid fullUrl."""
    return full_url.removeprefix("urn:uuid:")


def ref(full_url: str, display: str | None = None) -> JsonObject:
    out = {"reference": full_url}
    if display:
        out["display"] = display
    return out


def ims(code: str, words: Words = ENGLISH) -> JsonObject:
    """A coding in the IMS code system (KeyError for a code it does not define), its display
    in the bundle's language (a designation the code system ships)."""
    return {"system": IMS, "version": IMS_VERSION, "code": code,
            "display": ims_display(code, words)}


def concept(coding: JsonObject, text: str | None = None) -> JsonObject:
    return {"coding": [coding], "text": text or coding["display"]}


@overload
def when(text: str) -> str: ...


@overload
def when(text: None) -> None: ...


def when(text: str | None) -> str | None:
    """An export datetime as a FHIR dateTime: with its UTC offset (a time without one, which
    the app never writes, is taken as local time as the app does everywhere)."""
    if text is None:
        return None
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.astimezone()
    return value.isoformat(timespec="seconds")


def day(text: str) -> str:
    """The day of an export datetime as the clinic reads it, for a display text (a document's
    title, a correction's note): its day in this computer's time zone (domain.local_time), as
    the PDF and the window date it. A session stored at 2026-12-04T04:30+00:00 is the 3rd in
    Toronto; the dateTime elements keep the stored instant and offset (``when``)."""
    return local_date(datetime.fromisoformat(text)).isoformat()


def latest(texts: list[str]) -> str:
    """The latest of export datetimes by the instant, not by the text (two offsets)."""
    return max(texts, key=lambda text: datetime.fromisoformat(text).timestamp())


def _designated(concepts: list[JsonObject], words: Words,
                said: Callable[[JsonObject], str]) -> list[JsonObject]:
    """`concepts` (English displays, the code system's own) with a designation in the
    bundle's language when it is not English: the display a coding of this bundle uses."""
    if words.language == SOURCE_LANGUAGE:
        return concepts
    return [{**c, "designation": [{"language": words.tag, "value": said(c)}]} for c in concepts]


def code_systems(atlas_version: str, muscles: dict[str, str | None],
                 levels: set[str], words: Words = ENGLISH) -> list[tuple[str, JsonObject]]:
    """The imsmap code systems, as (fullUrl, CodeSystem) pairs: the IMS codes whole, and the
    muscles and spinal levels this bundle uses (content `fragment`); in English, with each
    concept's designation in the bundle's language."""
    out = []
    ims_system = _code_system(IMS, IMS_VERSION, "IMSObservationCodes",
                              "imsmap IMS observation and qualifier codes", "complete",
                              _designated(ims_concepts(), words,
                                          lambda c: ims_display(c["code"], words)))
    out.append((urn("CodeSystem", IMS, IMS_VERSION), ims_system))
    known = [{"code": m, "display": n} for m, n in sorted(muscles.items()) if n is not None]
    if known:
        named = _designated(known, words, lambda c: (words.muscle(c["code"]) if words.muscle
                                                     else None) or c["display"])
        out.append((urn("CodeSystem", MUSCLE, atlas_version),
                    _code_system(MUSCLE, atlas_version, "IMSMapAtlasMuscles",
                                 f"imsmap atlas {atlas_version} muscles", "fragment", named)))
    if levels:
        used = _designated([{"code": lv, "display": level_display(lv)} for lv in LEVELS
                            if lv in levels], words, lambda c: level_display(c["code"], words))
        out.append((urn("CodeSystem", LEVEL, IMS_VERSION),
                    _code_system(LEVEL, IMS_VERSION, "IMSMapSpinalLevels",
                                 "imsmap spinal (vertebral) levels", "fragment", used)))
    return out


def _code_system(url: str, version: str, name: str, title: str, content: str,
                 concepts: list[JsonObject]) -> JsonObject:
    out = {"resourceType": "CodeSystem", "id": rid(urn("CodeSystem", url, version)),
           "language": SOURCE_LANGUAGE, "url": url, "version": version, "name": name, "title": title,
           "status": "active", "publisher": "imsmap", "caseSensitive": True,
           "content": content, "concept": concepts}
    if content == "complete":  # a fragment's count would be the whole system's
        out["count"] = len(concepts)
    return out
