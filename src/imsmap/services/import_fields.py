"""The rules an export file's own values follow, beyond what a clinician types (the app's
validation covers those): types, timestamps, statuses, hashes, uids and choices, each refused with
a sentence that names the value."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import datetime
from typing import Any

from imsmap.atlas import AtlasError, Catalogue
from imsmap.domain.errors import ValidationError
from imsmap.domain.models import SessionStatus
from imsmap.domain.text import QT_TRANSLATE_NOOP, quoted, sentence
from imsmap.store.record_rows import sql_time

_HASH = re.compile(r"^[0-9a-f]{64}$")


def kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false",
            int: "a number", float: "a number", type(None): "null"}.get(type(value),
                                                                          type(value).__name__)


def short(value: Any) -> str:
    """A value a file held, for a sentence about it: text quoted in the sentence's language
    (shortened), anything else as Python writes it."""
    if isinstance(value, str):
        return quoted(value if len(value) <= 38 else value[:35] + "...")
    try:
        text = repr(value)
    except ValueError:  # an integer past Python's 4,300-digit conversion limit
        return sentence("ImportFields", QT_TRANSLATE_NOOP(
            "ImportFields", "a number of thousands of digits"))
    return text if len(text) <= 40 else text[:37] + "..."


_NUMBERS = {"pain_before", "pain_after", "needle_count", "needle_diameter_mm", "needle_length_mm",
            "depth_mm", "grasp", "x", "y"}
_FLAGS = {"consent", "pneumothorax_discussed", "needles_accounted", "cramp", "twitch", "estim",
          "planned"}


def typed(name: str, value: Any) -> Any:
    """A file gives numbers as JSON numbers and yes/no as true/false: text such as "2" is not
    what an export writes, and a value of the wrong type is refused rather than guessed at."""
    if value is None:
        return value
    if name in _NUMBERS and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise ValidationError(sentence("ImportFields", QT_TRANSLATE_NOOP(
            "ImportFields", "%1 must be a number, not %2."), short(value), kind(value)), name)
    if name in _FLAGS and not isinstance(value, bool):
        raise ValidationError(sentence("ImportFields", QT_TRANSLATE_NOOP(
            "ImportFields", "%1 must be true or false, not %2."), short(value), kind(value)),
                              name)
    return value


def timestamp(value: Any) -> str:
    if not isinstance(value, str):
        raise ValidationError(sentence("ImportFields", QT_TRANSLATE_NOOP(
            "ImportFields", "A date and time must be text such as 2026-11-20T09:30:00+01:00.")))
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(sentence("ImportFields", QT_TRANSLATE_NOOP(
            "ImportFields", "%1 is not a date and time (YYYY-MM-DDTHH:MM:SS)."),
            short(value))) from None
    if moment.year < 1990:
        raise ValidationError(sentence("ImportFields", QT_TRANSLATE_NOOP(
            "ImportFields", "%1 is before 1990; check the date."), short(value)))
    return sql_time(moment)


def status(value: Any) -> SessionStatus:
    try:
        return SessionStatus(value)
    except (ValueError, TypeError):
        raise ValidationError(sentence("ImportFields", QT_TRANSLATE_NOOP(
            "ImportFields", "The status %1 is not 'draft' or 'signed'."), short(value))) \
            from None


def signature_hash(value: Any) -> str:
    if not isinstance(value, str) or not _HASH.match(value):
        raise ValidationError(sentence("ImportFields", QT_TRANSLATE_NOOP(
            "ImportFields", "%1 is not a content hash (64 hexadecimal digits)."), short(value)))
    return value


_UID = re.compile(r"^[0-9a-f]{32}$")


def uid(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not _UID.match(value):
        raise ValidationError(sentence("ImportFields", QT_TRANSLATE_NOOP(
            "ImportFields", "%1 is not a session uid (32 hexadecimal digits)."), short(value)))
    return value


def whole(value: Any, field_name: str, label: str, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ValidationError(sentence("ImportFields", QT_TRANSLATE_NOOP(
            "ImportFields", "%1 %2 must be a whole number from %3 to %4."),
            label, short(value), lo, hi), field_name)
    return value


def muscle(value: Any, catalogue: Catalogue) -> str:
    if not isinstance(value, str) or not value:
        raise ValidationError(sentence("ImportFields", QT_TRANSLATE_NOOP(
            "ImportFields", "The muscle must be given by its catalogue id (text).")), "muscle")
    try:
        catalogue.resolve_id(value)
    except AtlasError as exc:
        raise ValidationError(str(exc), "muscle") from None
    return value


def choice(value: Any, field_name: str, label: str, allowed: Collection[str]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise ValidationError(sentence("ImportFields", QT_TRANSLATE_NOOP(
            "ImportFields", "%1 %2 is not one of: %3."), label, short(value), ', '.join(allowed)),
                              field_name)
    return value
