"""Words the window shows that are not its own sentences: the clinical vocabulary of the domain
(translated in the context of each of its lists: "Grasp", "Side"...), the atlas's names (muscles,
nerves, views, layers, landmarks, regions: the atlas's names files, atlas/names.py) and dates,
times and numbers as the window's language writes them (QLocale's default, which
imsmap.i18n.install sets; the patterns are translatable: a language writes its own order).

Numeric dates are ISO 8601 (2026-11-05) in every language: the date a clinical record and its
audit trail carry, and in French the form Quebec's Office québécois de la langue française
recommends for an all-numeric date (QLocale("fr_CA")'s own short date); the time of day is the
language's (09:00, 09 h 00)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, QTime

from imsmap import i18n
from imsmap.atlas import Atlas, AtlasError, Muscle
from imsmap.domain.local_time import local_date, local_time
from imsmap.domain.progress import Target
from imsmap.domain.segments import root_label
from imsmap.domain.vocabulary import GRASP_LABELS, clinic_grasp_word
from imsmap.domain.vocabulary import layer_word as vocabulary_layer_word
from imsmap.i18n import records as records_text
from imsmap.render.chart_painter import ChartPainter

# Each supported language by its QLocale language, the first in i18n.SUPPORTED for one they
# share: QLocale(code) parses its name, and `language` is asked for every muscle, view and layer
# named (115 times as a patient opens), so the names are parsed once, here.
_BY_QT_LANGUAGE = {QLocale(code).language(): code for code in reversed(i18n.SUPPORTED)}


def language() -> str:
    """The language the window speaks now ("en", "fr_CA"): the one whose QLocale
    imsmap.i18n.install made the default."""
    return _BY_QT_LANGUAGE.get(QLocale().language(), i18n.SOURCE_LANGUAGE)


def said(message: object) -> str:
    """What the services said, in the window's language: a records sentence (or an error that
    carries one) translated and filled with its arguments; any other text as it is."""
    text = getattr(message, "message", message)
    with records_text.speaking(language()):
        return records_text.sentence_text(text)


def quoted(value: object) -> str:
    """`value` in the quotes of the window's language ('0.25x4' in English, « 0.25x4 » in French):
    the records' one helper (imsmap.i18n.records.quote), so that the window and the services
    quote alike."""
    with records_text.speaking(language()):
        return records_text.quote(value)


def database_title(read) -> str:
    """Which database the window shows, for its title: the file's name; on a clinic server the
    login and where, in the window's language (« anna à la base de données clinic sur
    db:5432 »). `read`: the services' queries (records.read)."""
    if read.place is None or read.login is None:
        return read.path.name
    return QCoreApplication.translate("Wording", "{login} at {place}").format(
        login=read.login, place=said(read.place))


# -- the atlas's names, in the window's language ---------------------------------------------
def muscle_name(atlas: Atlas, muscle_id: str) -> str:
    """A muscle's name ("Moyen fessier"); its id when this atlas has no such muscle (a record
    made on another atlas version)."""
    try:
        return atlas.muscle(muscle_id).display_name(language())
    except (AtlasError, KeyError):
        return muscle_id


def muscle_text(muscle: Muscle) -> str:
    return muscle.display_name(language())


def nerve_text(muscle: Muscle) -> str:
    return muscle.nerve_in(language())


def view_name(atlas: Atlas, view_id: str) -> str:
    """A view's name as a tab or a list says it ("Anterior", "Vue antérieure")."""
    return atlas.view_name(view_id, language())


def view_tab_name(atlas: Atlas, view_id: str) -> str:
    """A view's name on the chart's tab: shorter where the language gives a tab name
    ("Antérieure"; the whole name, "Vue antérieure", is the tab's tooltip)."""
    return atlas.view_tab_name(view_id, language())


def layer_name(atlas: Atlas, view_id: str, layer_id: str) -> str:
    """A layer's name ("Deep", "Profonde"); its id when the view has no such layer."""
    try:
        return atlas.layer_name(view_id, layer_id, language())
    except (AtlasError, KeyError):
        return layer_id


def layer_short_name(atlas: Atlas, view_id: str, layer_id: str) -> str:
    """A layer's name on a tight row of layer buttons ("Superf.", "Paroi post."): its short
    name where the atlas gives one in the window's language, else its name."""
    try:
        return atlas.layer_short_name(view_id, layer_id, language())
    except (AtlasError, KeyError):
        return layer_id


# The layers named by a noun, marked again for the window's catalog (domain.vocabulary marks
# them for the records'): « couche de la paroi postérieure ».
_LAYER_WORDS = (QT_TRANSLATE_NOOP("LayerWord", "posterior wall"),)


def layer_word(atlas: Atlas, view_id: str, layer_id: str) -> str:
    """A layer's name as it follows the word layer in the window's language ("posterior wall",
    « profonde », « de la paroi postérieure »: domain.vocabulary.layer_word)."""
    return vocabulary_layer_word(layer_id, layer_name(atlas, view_id, layer_id),
                                 QCoreApplication.translate)


def in_window_language(chart: ChartPainter, atlas: Atlas) -> ChartPainter:
    """`chart` with the words it paints from the atlas (its title, the landmarks' names, the
    words drawn on it) in the window's language, as the reports paint them in the records'.
    Returns `chart`."""
    return chart.speak(atlas, language())


# The patient's side after a muscle's name in the progress tables ("Moyen fessier L4 D"): one
# letter (the midline has none).
SIDE_LETTERS = {"L": QT_TRANSLATE_NOOP("SideLetter", "L"),
                "R": QT_TRANSLATE_NOOP("SideLetter", "R")}


def target_label(target: Target, name: str) -> str:
    """A muscle, its level and side as the progress tables say it: "Gluteus medius R",
    "Multifidus L4 L" ("Moyen fessier D", "Multifide L4 G")."""
    text = f"{name} {target.level}" if target.level else name
    letter = SIDE_LETTERS.get(target.side)
    return f"{text} {QCoreApplication.translate('SideLetter', letter)}" if letter else text


CRANIAL = QT_TRANSLATE_NOOP("Roots", "CN")  # a cranial nerve before its number: « NC » in French


def cranial_abbreviation() -> str:
    """A cranial nerve's abbreviation before its number in the window's language ("NC")."""
    return QCoreApplication.translate("Roots", CRANIAL)


def root_name(root: str) -> str:
    """A root as the window's language writes it ("CN11" is « NC11 » in French)."""
    return root_label(root, cranial_abbreviation())


def vocabulary(context: str, word: str) -> str:
    """A word of the domain's vocabulary in the window's language: `context` names its list
    ("Side", "Sex", "Grasp", "TissueFeel", "Release", "Sensation", "FindingSign",
    "AdverseEvent", "Severity": the contexts the domain marks its words with); a word no catalog
    has (a clinic's own grasp label) as it is."""
    return QCoreApplication.translate(context, word)


def grasp_word(grade: int, labels: Sequence[str] = GRASP_LABELS) -> str:
    """The clinic's word for ``grade`` (``labels``: services.clinic.grasp_labels) in the
    window's language: a default word translated, the clinic's own word as it typed it."""
    return clinic_grasp_word(grade, labels, QCoreApplication.translate)


def grasp_text(grade: int, labels: Sequence[str] = GRASP_LABELS) -> str:
    """"2 moderate": a grade's number and the clinic's word for it (`grasp_word`)."""
    return f"{grade} {grasp_word(grade, labels)}"


def _qdatetime(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day),
                     QTime(value.hour, value.minute, value.second))


_NUMBER_SPACE = re.compile(r"(?<=\d) (?=\w)|(?<=\w) (?=\d)")


def bind_numbers(text: str) -> str:
    """The text with each number bound to the word beside it by a no-break space (« 3 patients »,
    « 7 décembre 2026 », « 09 h 30 »), so that a message box never wraps between them (a
    restore's message read « 3 » at a line's end and « patients » on the next). For counts and
    dates, never for a path or what a user copies."""
    return _NUMBER_SPACE.sub("\u00a0", text)


def long_datetime(value: datetime) -> str:
    """Thursday 3 December 2026, 10:30 (jeudi 3 décembre 2026, 10 h 30). Every formatter of a
    time here shows it in this computer's time zone (domain.local_time: an aware time is
    converted once; a naive one is local already), so callers pass the stored time as it is."""
    value = local_time(value)
    pattern = QCoreApplication.translate("Dates", "dddd d MMMM yyyy, HH:mm",
                                         "QLocale pattern of a long date and time")
    return QLocale().toString(_qdatetime(value), i18n.first_of_month(pattern, value.day,
                                                                      language()))


def long_date(value: date) -> str:
    """3 December 2026 (3 décembre 2026; the first of the month « 1er décembre 2026 »). A
    datetime gives its local day (domain.local_time.local_date), as every date here."""
    value = local_date(value)
    pattern = QCoreApplication.translate("Dates", "d MMMM yyyy", "QLocale pattern of a date")
    return QLocale().toString(QDate(value.year, value.month, value.day),
                              i18n.first_of_month(pattern, value.day, language()))


def numeric_date(value: date) -> str:
    """2026-11-05 in every language (the module's docstring says why). Not strftime: it imports
    the time module on every call, through PySide6's import hook (a long visit list)."""
    return _ymd(local_date(value))


def _ymd(value: date) -> str:
    """A day already in this computer's time zone, as numeric_date writes it."""
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def time_of_day(value: datetime, seconds: bool = False) -> str:
    """09:00 (09 h 00), in this computer's time zone; with ``seconds`` 09:00:05
    (09 h 00 min 05 s)."""
    return _clock(local_time(value), seconds)


def _clock_pattern(seconds: bool = False) -> str:
    """The language's QLocale pattern of a time of day (with its seconds)."""
    if seconds:
        return QCoreApplication.translate("Dates", "HH:mm:ss",
                                          "QLocale pattern of a time of day with its seconds")
    return QCoreApplication.translate("Dates", "HH:mm", "QLocale pattern of a time of day")


def _clock(value: datetime, seconds: bool = False) -> str:
    """A time already in this computer's time zone, as time_of_day writes it."""
    return QLocale().toString(QTime(value.hour, value.minute, value.second),
                              _clock_pattern(seconds))


def numeric_datetime(value: datetime) -> str:
    """2026-11-05 09:00 (2026-11-05 09 h 00): a numeric date and the language's time, both in
    this computer's time zone (converted once, here)."""
    return numeric_datetime_writer()(value)


def numeric_datetime_writer() -> Callable[[datetime], str]:
    """numeric_datetime with the language's time pattern and the locale asked once, for the
    many times of a list (a 200-visit history writes 400: the two were a third of each)."""
    pattern, locale = _clock_pattern(), QLocale()

    def write(value: datetime) -> str:
        value = local_time(value)
        clock = locale.toString(QTime(value.hour, value.minute, value.second), pattern)
        return f"{_ymd(value)} {clock}"

    return write


def datetime_edit_format() -> str:
    """The display format of a date-and-time editor, as numeric_datetime writes."""
    return "yyyy-MM-dd " + QCoreApplication.translate(
        "Dates", "HH:mm", "QLocale pattern of a time of day")


def short_date(value: date) -> str:
    """03 Dec 2026 (03 déc. 2026); a datetime's local day."""
    value = local_date(value)
    pattern = QCoreApplication.translate("Dates", "dd MMM yyyy",
                                         "QLocale pattern of a short date")
    return QLocale().toString(QDate(value.year, value.month, value.day), pattern)


# The domain's words the window shows (imsmap.domain.models and .vocabulary), marked here for the
# window's catalog in the contexts of their lists, where vocabulary() looks them up; the records'
# catalog has them too once the domain marks them (issue 19's records half): both say them alike
# (docs/translating.md's glossary). tests/test_ui_french.py checks that the list is complete.
VOCABULARY = (
    QT_TRANSLATE_NOOP("Side", "Left"), QT_TRANSLATE_NOOP("Side", "Right"),
    QT_TRANSLATE_NOOP("Side", "Midline"),
    QT_TRANSLATE_NOOP("Sex", "Female"), QT_TRANSLATE_NOOP("Sex", "Male"),
    QT_TRANSLATE_NOOP("Sex", "Other"), QT_TRANSLATE_NOOP("Sex", "Not recorded"),
    QT_TRANSLATE_NOOP("Grasp", "none"), QT_TRANSLATE_NOOP("Grasp", "mild"),
    QT_TRANSLATE_NOOP("Grasp", "moderate"), QT_TRANSLATE_NOOP("Grasp", "strong"),
    QT_TRANSLATE_NOOP("Grasp", "ungraded"),
    QT_TRANSLATE_NOOP("TissueFeel", "normal"), QT_TRANSLATE_NOOP("TissueFeel", "grasp"),
    QT_TRANSLATE_NOOP("TissueFeel", "gritty-fibrotic"),
    QT_TRANSLATE_NOOP("TissueFeel", "bone contact"),
    QT_TRANSLATE_NOOP("Release", "full"), QT_TRANSLATE_NOOP("Release", "partial"),
    QT_TRANSLATE_NOOP("Release", "none"),
    QT_TRANSLATE_NOOP("Sensation", "ache/cramp"), QT_TRANSLATE_NOOP("Sensation", "deep pressure"),
    QT_TRANSLATE_NOOP("Sensation", "referred"),
    QT_TRANSLATE_NOOP("Sensation", "electric/paraesthetic"),
    QT_TRANSLATE_NOOP("FindingSign", "Muscle shortening / taut bands"),
    QT_TRANSLATE_NOOP("FindingSign", "Restricted range of motion"),
    QT_TRANSLATE_NOOP("FindingSign", "Tender motor points"),
    QT_TRANSLATE_NOOP("FindingSign", "Tender paraspinals"),
    QT_TRANSLATE_NOOP("FindingSign", "Trophedema (matchstick test)"),
    QT_TRANSLATE_NOOP("FindingSign", "Peau d'orange on skin rolling"),
    QT_TRANSLATE_NOOP("FindingSign", "Local hair loss"),
    QT_TRANSLATE_NOOP("FindingSign", "Autonomic signs (cold, sweating, goosebumps)"),
    QT_TRANSLATE_NOOP("AdverseEvent", "Bruising"), QT_TRANSLATE_NOOP("AdverseEvent", "Bleeding"),
    QT_TRANSLATE_NOOP("AdverseEvent", "Post-needling soreness"),
    QT_TRANSLATE_NOOP("AdverseEvent", "Dizziness / fainting"),
    QT_TRANSLATE_NOOP("AdverseEvent", "Nerve symptoms"),
    QT_TRANSLATE_NOOP("AdverseEvent", "Pneumothorax (suspected)"),
    QT_TRANSLATE_NOOP("AdverseEvent", "Other"),
    QT_TRANSLATE_NOOP("Severity", "mild"), QT_TRANSLATE_NOOP("Severity", "moderate"),
    QT_TRANSLATE_NOOP("Severity", "severe"),
    QT_TRANSLATE_NOOP("Segments", "level not recorded"),
)
