"""What may be recorded in each field of the record: the checks a value typed by a clinician
(or read from an imported file) passes before anything is written.

The use cases (services.records) clean what they are given here, then write it in one
transaction; the importer (services.import_checks) cleans a file's values with the same rules
through them. The limits themselves are imsmap.domain.validation's; this module says which
limit applies to which field, and which fields of a visit and a site may be edited at all.
Nothing here reads or writes the database.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from imsmap.atlas import Atlas, AtlasError
from imsmap.domain import validation as v
from imsmap.domain.errors import ValidationError
from imsmap.domain.text import QT_TRANSLATE_NOOP, quoted, sentence
from imsmap.domain.values import FieldValues
from imsmap.domain.vocabulary import RELEASE, SENSATION, TISSUE_FEEL
from imsmap.store.record_rows import PATIENT_FIELDS

EDITABLE_SESSION_FIELDS = ("started_at", "practitioner", "practitioner_registration",
                           "complaint", "pain_before", "pain_after", "notes", "consent",
                           "pneumothorax_discussed", "needle_count", "needles_accounted",
                           "tolerance", "plan")
EDITABLE_SITE_FIELDS = ("muscle_id", "side", "layer", "level", "needle_diameter_mm",
                        "needle_length_mm", "depth_mm", "grasp", "cramp", "twitch",
                        "tissue_feel", "release", "sensation", "estim", "notes", "planned")


def clean_patient_fields(fields: FieldValues, clock: Callable[[], datetime]) -> FieldValues:
    """A patient's fields as typed, checked and made clean (ValidationError names the
    first that is not); `clock` says what today is, for the birth date."""
    unknown = set(fields) - set(PATIENT_FIELDS)
    if unknown:
        raise ValidationError(sentence("Records", QT_TRANSLATE_NOOP(
            "Records", "Unknown patient field(s): %1."), ', '.join(sorted(unknown))))
    clean: dict[str, object] = {}
    for key, value in fields.items():
        if key == "chart_number":
            clean[key] = v.chart_number(value)
        elif key == "family_name":
            clean[key] = v.name(value, key, QT_TRANSLATE_NOOP("Label", "The family name"),
                                required=True)
        elif key == "given_name":
            clean[key] = v.name(value, key, QT_TRANSLATE_NOOP("Label", "The given name"),
                                required=False)
        elif key == "birth_date":
            clean[key] = v.birth_date(value, today=clock().date())
        elif key == "sex":
            clean[key] = v.sex(value)
        elif key == "notes":
            clean[key] = v.text(value, key, label=QT_TRANSLATE_NOOP("Label", "The notes"),
                                max_len=v.MAX_LONG_TEXT)
    return clean


def clean_session_fields(fields: FieldValues, clock: Callable[[], datetime]) -> FieldValues:
    """A visit's editable fields (EDITABLE_SESSION_FIELDS), checked and made clean."""
    unknown = set(fields) - set(EDITABLE_SESSION_FIELDS)
    if unknown:
        raise ValidationError(sentence("Records", QT_TRANSLATE_NOOP(
            "Records", "Unknown session field(s): %1."), ', '.join(sorted(unknown))))
    clean: dict[str, object] = {}
    for key, value in fields.items():
        if key == "started_at":
            clean[key] = v.started_at(value, now=clock())
        elif key in ("pain_before", "pain_after"):
            clean[key] = v.pain(value, key)
        elif key in ("practitioner", "practitioner_registration"):
            label = {"practitioner": "The practitioner",
                     "practitioner_registration": sentence("Records", QT_TRANSLATE_NOOP(
                         "Records", "The registration number"))}[key]
            clean[key] = v.text(value, key, label=label, max_len=v.MAX_NAME,
                                multiline=False)
        elif key in ("consent", "pneumothorax_discussed", "needles_accounted"):
            clean[key] = v.yes_no(value, key)
        elif key == "needle_count":
            clean[key] = v.needle_count(value)
        elif key in ("tolerance", "plan"):
            label = (QT_TRANSLATE_NOOP("Label", "The tolerance") if key == "tolerance"
                     else QT_TRANSLATE_NOOP("Label", "The plan"))
            clean[key] = v.text(value, key, label=label, max_len=v.MAX_LONG_TEXT)
        elif key == "complaint":
            clean[key] = v.text(value, key, label=QT_TRANSLATE_NOOP("Label", "The complaint"),
                                max_len=v.MAX_SHORT_TEXT)
        elif key == "notes":
            clean[key] = v.text(value, key, label=QT_TRANSLATE_NOOP("Label", "The notes"),
                                max_len=v.MAX_LONG_TEXT)
    return clean


def clean_site_fields(fields: FieldValues, atlas: Atlas) -> FieldValues:
    """A site's editable fields (EDITABLE_SITE_FIELDS), checked and made clean; a muscle is
    named by its id in `atlas` (an older id resolves to today's)."""
    unknown = set(fields) - set(EDITABLE_SITE_FIELDS)
    if unknown:
        raise ValidationError(sentence("Records", QT_TRANSLATE_NOOP(
            "Records", "Unknown site field(s): %1."), ', '.join(sorted(unknown))))
    clean: dict[str, object] = {}
    for key, value in fields.items():
        if key == "muscle_id":
            try:
                clean[key] = atlas.catalogue.resolve_id(str(value))
            except AtlasError as exc:
                raise ValidationError(str(exc), key) from None
        elif key == "side":
            clean[key] = v.side(value)
        elif key == "layer":
            clean[key] = v.text(value, key, label=QT_TRANSLATE_NOOP("Label", "The layer"),
                                max_len=40, required=True,
                                multiline=False)
        elif key == "level":
            clean[key] = v.level(value)
        elif key == "needle_diameter_mm":
            clean[key] = v.needle_diameter(value)
        elif key == "needle_length_mm":
            clean[key] = v.needle_length(value)
        elif key == "depth_mm":
            clean[key] = v.depth(value)
        elif key == "grasp":
            clean[key] = v.grasp(value)
        elif key in ("cramp", "twitch", "estim", "planned"):
            clean[key] = v.yes_no(value, key)
        elif key in ("tissue_feel", "release", "sensation"):
            allowed = {"tissue_feel": TISSUE_FEEL, "release": RELEASE,
                       "sensation": SENSATION}[key]
            if value not in (None, "") and value not in allowed:
                raise ValidationError(
                    sentence("Records", QT_TRANSLATE_NOOP(
                    "Records", "%1 %2 is not one of: %3."),
                    key.replace('_', ' ').capitalize(),
                    quoted(value),
                    ', '.join(allowed)), key)
            clean[key] = value or None
        elif key == "notes":
            clean[key] = v.text(value, key, label=QT_TRANSLATE_NOOP("Label", "The notes"),
                                max_len=v.MAX_LONG_TEXT)
    return clean


def check_level(atlas: Atlas, muscle_id: str, level: str | None) -> None:
    """A level is recorded only on a segmental muscle, and only one of its levels."""
    if level is None:
        return
    try:
        muscle = atlas.muscle(muscle_id)
    except AtlasError:
        return  # a muscle this atlas does not know: its level is kept as recorded
    if not muscle.levels:
        raise ValidationError(
            sentence("Records", QT_TRANSLATE_NOOP(
            "Records", "%1 is not a segmental muscle, so a site on it has no level (%2); "
            "levels belong to multifidus and the other segmental muscles."),
            muscle.name, level), "level")
    if level not in muscle.levels:
        raise ValidationError(
            sentence("Records", QT_TRANSLATE_NOOP(
            "Records", "%1 has no level %2: its levels are %3 to %4."),
            muscle.name, level, muscle.levels[0], muscle.levels[-1]), "level")
