"""Sentences for people, translatable later. Pure Python: the domain knows nothing of Qt.

A user-facing sentence is written once, in English, as a template marked for pyside6-lupdate
(the records catalog, imsmap.i18n.records) with Qt's ``%1``, ``%2`` place holders, and raised
as a `Sentence`: a ``str`` (the English text, so every existing reader keeps working) that
keeps its context, template and arguments, so that the command line, the PDFs and the window can
say it in their language::

    raise ValidationError(sentence("Validation", QT_TRANSLATE_NOOP(
        "Validation", "The date of birth %1 is in the future."), day.isoformat()), "birth_date")

The same context goes to both calls: ``sentence`` needs it at run time, pyside6-lupdate reads it
from ``QT_TRANSLATE_NOOP``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["QT_TRANSLATE_NOOP", "QUOTES", "Quoted", "Sentence", "clause", "counted", "fill",
           "joined", "plural_marks", "quoted", "sentence", "shown"]

_PLACE = re.compile(r"%(\d{1,2})")
MOST_PLACES = 99  # %1 .. %99, as QString.arg


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Marks `text` for the translation catalogs; returns it unchanged."""
    return text


def fill(template: str, args: Sequence[object]) -> str:
    """`template` with ``%1``..``%99`` replaced by `args` (in one pass, as QString.arg does,
    so an argument's own "%2" stays as it is)."""
    def one(m: re.Match[str]) -> str:
        i = int(m.group(1)) - 1
        return str(args[i]) if 0 <= i < len(args) else m.group(0)

    return _PLACE.sub(one, template)


def clause(text: str) -> str:
    """What someone wrote (a reason, a caption) put inside a sentence that goes on after it:
    without its closing full stop, so that "Signed on the wrong chart." read in "%1 (marked by
    %2)." says "...wrong chart (marked by ...)." rather than "...chart. (marked by ...).".
    An ellipsis, a question or an exclamation stays as written."""
    text = text.rstrip()
    if text.endswith(".") and not text.endswith(".."):
        return text[:-1].rstrip()
    return text


def shown(arg: object) -> str:
    """An argument as English writes it: a whole number with thousands separators ("20,000"),
    a decimal number as short as it goes ("0.12"), anything else as text."""
    if isinstance(arg, bool) or not isinstance(arg, (int, float)):
        return str(arg)
    return f"{arg:,}" if isinstance(arg, int) else f"{arg:g}"


class Sentence(str):
    """A sentence in English that remembers how to be said in another language."""

    context: str
    template: str
    args: tuple[object, ...]
    counted: int | None  # how many things a counted() sentence is about (str.count is taken)

    def __new__(cls, context: str, template: str, args: Sequence[object] = (),
                count: int | None = None) -> Sentence:
        said = template if count is None else plural_marks(template, count, "en")
        self = super().__new__(cls, fill(said, [shown(a) for a in args]))
        self.context = context
        self.template = template
        self.args = tuple(args)
        self.counted = count
        return self

    def __reduce__(self) -> tuple[type[Sentence], tuple[str, str, tuple[object, ...], int | None]]:
        # pickling (multiprocessing) keeps the translation
        return (Sentence, (self.context, self.template, self.args, self.counted))


# How a language quotes what someone typed, in a sentence that refuses it: English '1990-13-01',
# French « 1990-13-01 » (no-break spaces inside the guillemets). One template for every sentence,
# so that a language's quotes are chosen once (imsmap.i18n.records.quote says it).
QUOTES = QT_TRANSLATE_NOOP("Quoted", "'%1'")


class Quoted(str):
    """A value quoted in a sentence ("The date of birth '1990-13-01' is not a date."): English's
    quotes as a ``str``; said in another language, that language's quotes (``quoted``)."""

    value: str

    def __new__(cls, value: object) -> Quoted:
        text = str(value)
        self = super().__new__(cls, fill(QUOTES, [text]))
        self.value = text
        return self

    def __reduce__(self) -> tuple[type[Quoted], tuple[str]]:
        return (Quoted, (self.value,))


def quoted(value: object) -> Quoted:
    """`value` (what someone typed or a file held) quoted as the language of the sentence that
    says it quotes: the argument of a sentence, never quotes written by hand in a template."""
    return Quoted(value)


def sentence(context: str, template: str, *args: object) -> Sentence:
    return Sentence(context, template, args)


def counted(context: str, template: str, count: int, *args: object) -> Sentence:
    """A sentence about `count` things: its "(s)" marks (in English and in its translations)
    become the singular or the plural that `count` asks for ("%1 site(s)": "1 site", "3 sites";
    French "1 site", "0 site", "2 sites"). A translation words the rest so that nothing else
    varies ("Sites prévus non confirmés : %1"). `count` is also the first argument."""
    return Sentence(context, template, (count, *args), count)


def plural_marks(text: str, count: int, language: str) -> str:
    """"(s)" said for `count` in `language`: English's singular is 1 alone, French's 0 and 1."""
    singular = count == 1 if language == "en" else abs(count) < 2
    return text.replace("(s)", "" if singular else "s")


def joined(separator: str, parts: Sequence[object]) -> Sentence:
    """`parts` (sentences or plain text) one after another with `separator` between them, each
    said in the language the whole is said in ("place: sentence", a list of problems)."""
    if "%" in separator:
        raise ValueError("a separator holds no place holder")
    if len(parts) > MOST_PLACES:
        # A template names at most %99 (as QString.arg): "%100" read as the tenth part and a
        # "0", and `imsmap check` listed problem 100 on as problems 10-19 with a digit added.
        # Longer lists are joined in runs, and the runs joined.
        return joined(separator, [joined(separator, parts[i:i + MOST_PLACES])
                                  for i in range(0, len(parts), MOST_PLACES)])
    template = separator.join(f"%{i + 1}" for i in range(len(parts)))
    return Sentence("Joined", template, parts)


# The joins a language writes its own way (French puts a space before a colon); any other join
# is the same in every language.
_JOINS = (QT_TRANSLATE_NOOP("Joined", "%1: %2"),)
# A date and its time in running text (i18n.records.date_time): "3 décembre 2026 à 9 h 30".
DATE_AT_TIME = QT_TRANSLATE_NOOP("Dates", "%1, %2")
