"""Words the window shows that are not its own sentences: the clinical vocabulary of the domain
(translated in the context "Vocabulary", where imsmap.domain marks it), and dates and times as
the window's language writes them (QLocale's default, which imsmap.i18n.install sets; the long
patterns are translatable: a language writes its own order)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime


def vocabulary(word: str) -> str:
    """A word of the domain's vocabulary (a side, a grasp label, a tissue feel...) in the
    window's language; a word the catalog lacks (a clinic's own grasp label) as it is."""
    return QCoreApplication.translate("Vocabulary", word)


def _qdatetime(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day),
                     QTime(value.hour, value.minute, value.second))


def long_datetime(value: datetime) -> str:
    """Thursday 3 December 2026, 10:30 (jeudi 3 décembre 2026, 10 h 30)."""
    pattern = QCoreApplication.translate("Dates", "dddd d MMMM yyyy, HH:mm",
                                         "QLocale pattern of a long date and time")
    return QLocale().toString(_qdatetime(value), pattern)


def long_date(value: date) -> str:
    """3 December 2026 (3 décembre 2026)."""
    pattern = QCoreApplication.translate("Dates", "d MMMM yyyy", "QLocale pattern of a date")
    return QLocale().toString(QDate(value.year, value.month, value.day), pattern)


def short_date(value: date) -> str:
    """03 Dec 2026 (03 déc. 2026)."""
    pattern = QCoreApplication.translate("Dates", "dd MMM yyyy",
                                         "QLocale pattern of a short date")
    return QLocale().toString(QDate(value.year, value.month, value.day), pattern)
