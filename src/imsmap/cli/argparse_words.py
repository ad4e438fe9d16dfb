"""argparse's own words ("usage:", "options", "error:"...) in the command line's language.

argparse looks its words up through the module global ``argparse._`` (gettext) each time it
writes one; ``argparse_speaking_records_language`` points that global, for the length of a
``with`` block, at the records catalog's context "Argparse", whose sources are listed here for
pyside6-lupdate. Outside the block argparse is as Python ships it.

A heading's colon is the language's (« options : » in French, with its no-break space):
Python 3.14's argparse asks for it (``'%(heading)s:'``); older ones write ``heading + ":"``,
so there the heading itself carries what the language puts before the colon.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from imsmap.domain.text import QT_TRANSLATE_NOOP
from imsmap.i18n.records import quote, translate

__all__ = ["ARGPARSE_WORDS", "argparse_says_the_heading_colon", "argparse_speaking_records_language",
           "argparse_word"]

# The words argparse (Python 3.11-3.13) shows to a user of imsmap's command line.
ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("Argparse", "usage: "),
    QT_TRANSLATE_NOOP("Argparse", "options"),
    QT_TRANSLATE_NOOP("Argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("Argparse", "%(heading)s:"),
    QT_TRANSLATE_NOOP("Argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("Argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("Argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("Argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("Argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("Argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
)


# The section headings argparse writes with a colon after them.
HEADINGS = ("options", "positional arguments")


@lru_cache(maxsize=1)
def argparse_says_the_heading_colon() -> bool:
    """True when this Python's argparse asks for a heading's colon ('%(heading)s:', 3.14);
    False when it writes the colon itself (3.11-3.13)."""
    asked: list[str] = []
    saved = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: asked.append(text) or text  # type: ignore[attr-defined]
    try:
        probe = argparse.ArgumentParser(prog="probe", add_help=False)
        probe.add_argument("--probe")
        probe.format_help()
    finally:
        argparse._ = saved  # type: ignore[attr-defined]
    return "%(heading)s:" in asked


def argparse_word(text: str) -> str:
    """One of argparse's words in the records language. A value argparse quotes with repr()
    ("invalid choice: 'boss'") is quoted by the records' one helper instead: « boss » in French."""
    said = translate("Argparse", text).replace("%(value)r", quote("%(value)s"))
    if text in HEADINGS and not argparse_says_the_heading_colon():
        colon = translate("Argparse", "%(heading)s:") % {"heading": said}
        if colon.endswith(":"):
            said = colon[:-1]  # argparse adds the ":"; the heading brings what goes before it
    return said


@contextmanager
def argparse_speaking_records_language() -> Iterator[None]:
    saved = argparse._  # type: ignore[attr-defined]
    argparse._ = argparse_word  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = saved  # type: ignore[attr-defined]
