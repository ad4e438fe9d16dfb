"""Field validation. Each check returns the clean value or raises ValidationError with one sentence.

Limits are stated here once and quoted in the messages, so the UI, the CLI and the importer refuse
the same values with the same words.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta

from imsmap.domain.errors import ValidationError
from imsmap.domain.local_time import local_date, local_time
from imsmap.domain.models import Sex, Side
from imsmap.domain.text import QT_TRANSLATE_NOOP, Sentence, quoted, sentence
from imsmap.domain.vocabulary import GRASP_MAX

MAX_NAME = 100
MAX_CHART_NUMBER = 32
MAX_SHORT_TEXT = 500  # complaint, practitioner
MAX_LONG_TEXT = 20_000  # notes
EARLIEST_BIRTH_DATE = date(1900, 1, 1)
NEEDLE_DIAMETER_MM = (0.12, 0.50)
NEEDLE_LENGTH_MM = (7.0, 150.0)
DEPTH_MM = (0.0, 150.0)
PAIN = (0, 10)
# A start time a little ahead of this machine's clock is tolerated (clocks drift between PCs).
FUTURE_TOLERANCE = timedelta(minutes=5)

_CONTROL_OK = {"\n", "\t"}
# Embeddings, overrides, isolates and marks that change the order letters are shown in: a name
# or a note holding one prints reversed or shuffled, and can be made to read as something else.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                          "\u200e\u200f\u061c")


def _say(template: str, *args: object) -> Sentence:
    """A sentence of the records catalog's context "Validation" (imsmap.domain.text)."""
    return sentence("Validation", template, *args)


def _label(label: str) -> Sentence:
    """A field's label ("The clinic name") as a sentence of the context "Label", so that it is
    said in the language of the sentence it is part of. Callers mark theirs with
    QT_TRANSLATE_NOOP("Label", ...)."""
    return label if isinstance(label, Sentence) else sentence("Label", label)


def _plural(label: str) -> bool:
    """"The notes contain", "The name contains"."""
    return str(label).endswith("notes")


def _refuse_hidden(value: str, field: str, label: str, multiline: bool) -> None:
    """Refuse characters a printed record would show reversed or not at all: the direction
    controls everywhere; in one-line fields (names, numbers) also every other invisible format
    character (zero-width space and joiners, word joiner, byte order mark...) and line breaks."""
    for i, ch in enumerate(value):
        code = f"U+{ord(ch):04X}"
        many = _plural(label)
        if ch in BIDI_CONTROLS:
            raise ValidationError(_say(QT_TRANSLATE_NOOP(
                "Validation", "%1 contain an invisible character that reverses or reorders the "
                "text (%2); remove it.") if many else QT_TRANSLATE_NOOP(
                "Validation", "%1 contains an invisible character that reverses or reorders the "
                "text (%2); remove it."), _label(label), code), field)
        if _is_noncharacter(ch):
            raise ValidationError(_say(QT_TRANSLATE_NOOP(
                "Validation", "%1 contain a character reserved for programs' own use (%2), "
                "which is never part of a text; remove it.") if many else QT_TRANSLATE_NOOP(
                "Validation", "%1 contains a character reserved for programs' own use (%2), "
                "which is never part of a text; remove it."), _label(label), code), field)
        if multiline:
            continue
        category = unicodedata.category(ch)
        if category == "Cf" and not _joins_letters(value, i):
            raise ValidationError(_say(QT_TRANSLATE_NOOP(
                "Validation", "%1 contain an invisible character (%2); remove it.") if many
                else QT_TRANSLATE_NOOP(
                "Validation", "%1 contains an invisible character (%2); remove it."),
                _label(label), code), field)
        if category in ("Zl", "Zp"):
            raise ValidationError(_say(QT_TRANSLATE_NOOP(
                "Validation", "%1 contain a line break (%2); it must be one line.") if many
                else QT_TRANSLATE_NOOP(
                "Validation", "%1 contains a line break (%2); it must be one line."),
                _label(label), code), field)


def _is_noncharacter(ch: str) -> bool:
    """Unicode's noncharacters (U+FDD0-U+FDEF and the last two code points of every plane) are
    never interchanged as text; the PDF layout uses one internally (report.textflow.KEPT_BREAK)."""
    code = ord(ch)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _joins_letters(value: str, i: int) -> bool:
    """A zero-width non-joiner between two letters: Persian spelling needs it in names
    (it changes how the letters join, never their order or what they say)."""
    return (value[i] == "\u200c" and 0 < i < len(value) - 1
            and value[i - 1].isalpha() and value[i + 1].isalpha())


def text(value: object, field: str, *, label: str, max_len: int, required: bool = False,
         multiline: bool = True) -> str:
    """Any script is welcome; control characters (other than newline and tab) are refused, and
    so are invisible characters that would print the text reversed or hide part of it."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(_say(QT_TRANSLATE_NOOP("Validation", "%1 must be text."),
                                   _label(label)), field)
    value = unicodedata.normalize("NFC", value)
    stripped = value.strip()
    if required and not stripped:
        raise ValidationError(_say(QT_TRANSLATE_NOOP("Validation", "%1 cannot be empty."),
                                   _label(label)), field)
    if len(value) > max_len:
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "%1 is %2 characters long; the limit is %3."), _label(label),
            len(value), max_len), field)
    for ch in value:
        if unicodedata.category(ch) in ("Cc", "Cs") and not (multiline and ch in _CONTROL_OK):
            raise ValidationError(_say(QT_TRANSLATE_NOOP(
                "Validation", "%1 contains a control character (%2); remove it."),
                _label(label), f"U+{ord(ch):04X}"), field)
    _refuse_hidden(value, field, label, multiline)
    return stripped if not multiline else value.rstrip()


def chart_number(value: object) -> str:
    v = text(value, "chart_number", label=QT_TRANSLATE_NOOP("Label", "The chart number"),
             max_len=MAX_CHART_NUMBER,
             required=True, multiline=False)
    return v


def name(value: object, field: str, label: str, *, required: bool) -> str:
    return text(value, field, label=label, max_len=MAX_NAME, required=required, multiline=False)


def birth_date(value: object, today: date | None = None) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(_say(QT_TRANSLATE_NOOP(
                "Validation", "The date of birth %1 is not a date; write it as YYYY-MM-DD."),
                quoted(value)), "birth_date") from None
    if not isinstance(value, date):
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "The date of birth must be a date (YYYY-MM-DD).")), "birth_date")
    today = today or date.today()
    if value > today:
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "The date of birth %1 is in the future."), value.isoformat()),
            "birth_date")
    if value < EARLIEST_BIRTH_DATE:
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "The date of birth %1 is before %2."), value.isoformat(),
            str(EARLIEST_BIRTH_DATE.year)), "birth_date")
    return value


def sex(value: object) -> Sex:
    if isinstance(value, Sex):
        return value
    if value in (None, ""):
        return Sex.UNKNOWN
    try:
        return Sex(str(value).strip().upper()[:1])
    except ValueError:
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "Sex %1 is not one of F, M, X (other) or U (not recorded)."),
            quoted(value)), "sex") from None


def side(value: object) -> Side:
    if isinstance(value, Side):
        return value
    try:
        return Side(str(value).strip().upper())
    except ValueError:
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "Side %1 is not L, R or M (midline)."), quoted(value)), "side") from None


def _integer(value: object, field: str, label: str, lo: int, hi: int) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "%1 must be a whole number from %2 to %3."), _label(label), lo, hi),
            field)
    try:
        number = float(value)
    except ValueError:
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "%1 %2 is not a number; give a whole number from %3 to %4."),
            _label(label), quoted(value), lo, hi), field) from None
    if not number.is_integer() or not lo <= number <= hi:
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "%1 %2 is out of range; give a whole number from %3 to %4."),
            _label(label), value, lo, hi), field)
    return int(number)


def yes_no(value: object, field: str) -> bool:
    if isinstance(value, bool) or (isinstance(value, int) and value in (0, 1)):
        return bool(value)
    label = field.replace("_", " ").capitalize()
    raise ValidationError(_say(QT_TRANSLATE_NOOP("Validation", "%1 must be yes or no."),
                               _label(label)), field)


def needle_count(value: object) -> int | None:
    return _integer(value, "needle_count", QT_TRANSLATE_NOOP("Label", "The needle count"), 0,
                    999)


def pain(value: object, field: str = "pain") -> int | None:
    label = {"pain_before": QT_TRANSLATE_NOOP("Label", "Pain before"),
             "pain_after": QT_TRANSLATE_NOOP("Label", "Pain after")}.get(
                 field, QT_TRANSLATE_NOOP("Label", "Pain"))
    return _integer(value, field, label, *PAIN)


def grasp(value: object) -> int | None:
    return _integer(value, "grasp", QT_TRANSLATE_NOOP("Label", "Grasp"), 0, GRASP_MAX)


def _measure(value: object, field: str, label: str, bounds: tuple[float, float]) -> float | None:
    if value is None or value == "":
        return None
    lo, hi = bounds
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "%1 %2 is not a number of millimetres."), _label(label), quoted(value)),
            field) from None
    if isinstance(value, bool) or not math.isfinite(number) or not lo <= number <= hi:
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "%1 %2 mm is outside %3-%4 mm."), _label(label), value, float(lo),
            float(hi)), field)
    return round(number, 3)


def needle_diameter(value: object) -> float | None:
    return _measure(value, "needle_diameter_mm", QT_TRANSLATE_NOOP("Label", "Needle diameter"),
                    NEEDLE_DIAMETER_MM)


def needle_length(value: object) -> float | None:
    return _measure(value, "needle_length_mm", QT_TRANSLATE_NOOP("Label", "Needle length"),
                    NEEDLE_LENGTH_MM)


def depth(value: object) -> float | None:
    return _measure(value, "depth_mm", QT_TRANSLATE_NOOP("Label", "Depth"), DEPTH_MM)


def coordinate(value: object, field: str, limit: float) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "Position %1 %2 is not a number."), field, quoted(value)),
            field) from None
    if not math.isfinite(number) or not 0 <= number <= limit:
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "Position %1=%2 lies outside the chart."), field, str(value)), field)
    return number


def started_at(value: object, now: datetime | None = None) -> datetime:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(_say(QT_TRANSLATE_NOOP(
                "Validation", "The start time %1 is not a date and time (YYYY-MM-DD HH:MM)."),
                quoted(value)), "started_at") from None
    if not isinstance(value, datetime):
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "The start time must be a date and time.")), "started_at")
    if value.tzinfo is None:
        value = value.astimezone()  # local time, as the clinician means it
    now = now or datetime.now().astimezone()
    if value > now + FUTURE_TOLERANCE:
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "The start time %1 is in the future."),
            f"{local_time(value):%Y-%m-%d %H:%M}"),
            "started_at")
    if value.year < 1990:
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "The start time %1 is before 1990; check the date."),
            f"{local_date(value):%Y-%m-%d}"), "started_at")
    return value.replace(microsecond=0)


_LEVEL = re.compile(r"^(C[1-8]|T(1[0-2]|[1-9])|L[1-5]|S[1-5])$")


def level(value: object) -> str | None:
    if value in (None, ""):
        return None
    v = str(value).strip().upper()
    if not _LEVEL.match(v):
        raise ValidationError(_say(QT_TRANSLATE_NOOP(
            "Validation", "Level %1 is not a vertebral level such as C5, T7 or L4."),
            quoted(value)), "level")
    return v
