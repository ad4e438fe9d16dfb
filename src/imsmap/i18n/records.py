"""The records' language: what the PDFs, the command line and the sentences of the services and
the domain speak, chosen apart from the window's (a French record from an English window).

The words live in the records catalog (``translations/imsmap_records_<language>.ts``, sources in
cli/, report/, domain/ and services/). Code that writes records text calls ``translate`` with a
literal context and text, which pyside6-lupdate extracts::

    translate("SessionPdf", "Examination findings")
    translate("SessionPdf", "%n site(s)", "", count, PLURAL)   # numerus forms in the .ts

The language is the one of the innermost ``speaking(language)`` block (a PDF writer opens one with
the clinic's ``records_language``; the command line with ``system_language()``), English outside
any. A plural source says "(s)" where English adds an s ("%n site(s)"); the English catalog holds
its plural forms ("1 site", "2 sites"), and ``translate`` says one the catalog lacks (not yet
updated) the same way. ``PLURAL`` is there for
pyside6-lupdate: its Python reader marks a message numerus only when
the call has a fifth argument (a count in a variable alone is not enough), so every plural call
passes it.

The domain and the services, which know nothing of Qt, mark their sentences with
``QT_TRANSLATE_NOOP`` and raise them as ``imsmap.domain.text.Sentence`` (English, with its
template and arguments kept); ``sentence_text`` says one in the current language.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from functools import lru_cache

from PySide6.QtCore import QDate, QLocale, QTime

from imsmap.domain.local_time import local_date, local_time
from imsmap.domain.segments import CRANIAL_ABBREVIATION, root_label
from imsmap.domain.text import DATE_AT_TIME, QUOTES, Quoted, Sentence, fill, plural_marks
from imsmap.i18n import SOURCE_LANGUAGE, SUPPORTED, Catalog, first_of_month

__all__ = ["PLURAL", "catalog", "cranial_abbreviation", "current", "date_time", "day_month",
           "language", "locale", "long_date", "medium_date", "number", "quote", "root_name",
           "sentence_text", "speaking", "translate"]

PLURAL = True
_CURRENT: ContextVar[Catalog | None] = ContextVar("imsmap_records_catalog", default=None)


@lru_cache(maxsize=len(SUPPORTED))
def catalog(language: str) -> Catalog:
    """The records catalog of `language` (loaded once per process)."""
    return Catalog(language)


@contextmanager
def speaking(language: str) -> Iterator[Catalog]:
    """Within the block, records text is in `language` ("en", "fr_CA")."""
    token = _CURRENT.set(catalog(language))
    try:
        yield _CURRENT.get() or catalog(language)
    finally:
        _CURRENT.reset(token)


def current() -> Catalog:
    return _CURRENT.get() or catalog(SOURCE_LANGUAGE)


def language() -> str:
    return current().language


def locale() -> QLocale:
    return current().locale


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1,
              plural: bool = False) -> str:
    """`text` in the current records language (``%n``: `n`). `plural`: see the module's
    docstring; it changes nothing at run time."""
    catalog = current()
    found = catalog.tr(context, text, disambiguation or None, n)
    if n >= 0 and catalog.language == SOURCE_LANGUAGE:
        # A plural the English catalog does not hold yet: the source's "(s)", said here.
        found = found.replace("(s)", "" if n == 1 else "s")
    return found


def cranial_abbreviation() -> str:
    """A cranial nerve's abbreviation before its number: "CN" in English, « NC » in French."""
    return translate("Roots", CRANIAL_ABBREVIATION)


def root_name(root: str) -> str:
    """A root as the records language writes it ("CN11" is « NC11 » in French; "C5" stays)."""
    return root_label(root, cranial_abbreviation())


def number(value: float, decimals: int = 0) -> str:
    """A number written the records language's way: 0.30 in English, 0,30 in French (Python's
    rounding and no thousands separator in every language, so a language changes only the
    decimal mark)."""
    if decimals <= 0:
        return str(int(round(value)))
    return f"{value:.{decimals}f}".replace(".", locale().decimalPoint())


def day_month(when: date) -> str:
    """"3 Dec" in English, "3 déc." in French: a short date for a narrow column. A datetime
    gives its day in this computer's time zone, as every date and time here
    (domain.local_time)."""
    when = local_date(when)
    return f"{when.day} {locale().monthName(when.month, QLocale.FormatType.ShortFormat)}"


def long_date(when: date) -> str:
    """A date as the records language writes it in running text and headings: "3 décembre
    2026" in French (as a Quebec record spells it out); ISO 8601 "2026-12-03" in English, which
    no English-speaking reader misreads (12/03 is March in one country, December in another).
    Tables, identifiers and metadata keep ISO in every language. A datetime: its local day."""
    when = local_date(when)
    if language() == SOURCE_LANGUAGE:
        return when.isoformat()
    return locale().toString(QDate(when.year, when.month, when.day),
                             first_of_month("d MMMM yyyy", when.day, language()))


def medium_date(when: date, year: bool = True) -> str:
    """A date where the width is short (a running header): "23 sept. 2026" in French, ISO in
    English. Without `year`, the first date of a period within one year, as French writes it
    (« du 23 sept. au 4 déc. 2026 »); English keeps ISO whole. A datetime: its local day."""
    when = local_date(when)
    if language() == SOURCE_LANGUAGE:
        return when.isoformat()
    pattern = "d MMM yyyy" if year else "d MMM"
    return locale().toString(QDate(when.year, when.month, when.day),
                             first_of_month(pattern, when.day, language()))


def date_time(when: datetime, offset: bool = True, short: bool = False) -> str:
    """A date and time in running text: "3 décembre 2026 à 9 h 30" in French, "2026-12-03 09:30"
    in English; with `offset`, a time that knows its offset from UTC says it ("+01:00" after a
    no-break space, so that it never starts a line of its own: a session's start on the first
    page of its record, when something was signed or generated; a running header says it
    without). `short`: the month abbreviated in French (« 7 oct. 2026 à 8 h 00 »), for a
    running header. An aware time is said in this computer's time zone (domain.local_time),
    whatever offset wrote it: the offset said is then this computer's at that instant."""
    when = local_time(when)
    if language() == SOURCE_LANGUAGE:
        text = f"{when:%Y-%m-%d %H:%M}"
    else:
        text = fill(translate("Dates", DATE_AT_TIME), [
            (medium_date if short else long_date)(when.date()),
            # no-break spaces: « 15 h 00 » is never cut at a line's end (as the window's times)
            locale().toString(QTime(when.hour, when.minute), "H'\u00a0h\u00a0'mm")])
    if offset and when.tzinfo is not None:
        utc = when.strftime("%z")
        # a no-break space: the offset never goes to a line of its own ("15 h 00 / +00:00")
        text += f"\u00a0{utc[:3]}:{utc[3:]}" if utc else ""
    return text


def quote(value: object) -> str:
    """`value` in the quotes of the records language: '1990-13-01' in English, « 1990-13-01 » in
    French. Every sentence that quotes what was typed says it through this (or passes
    ``domain.text.quoted(value)`` as an argument, which is said here)."""
    return fill(translate("Quoted", QUOTES), [value.value if isinstance(value, Quoted) else str(value)])


def sentence_text(message: object) -> str:
    """A user-facing message in the current records language: a ``Sentence`` translated and
    filled with its arguments; any other text as it is."""
    if isinstance(message, Sentence):
        said = translate(message.context, message.template)
        if message.counted is not None:
            said = plural_marks(said, message.counted, language())
        return fill(said, [_argument(a) for a in message.args])
    return str(message)


def _argument(arg: object) -> str:
    """A sentence's argument in the current language: a sentence said, a number written the
    language's way ("20,000" / "20 000", "0.12" / "0,12")."""
    if isinstance(arg, Sentence):
        return sentence_text(arg)
    if isinstance(arg, Quoted):
        return quote(arg)
    message = getattr(arg, "message", None)
    if isinstance(message, Sentence):  # a UserFacingError
        return sentence_text(message)
    if isinstance(arg, bool) or not isinstance(arg, (int, float)):
        return str(arg)
    if isinstance(arg, int):
        return locale().toString(arg)
    return f"{arg:g}".replace(".", locale().decimalPoint())
