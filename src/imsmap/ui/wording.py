"""Words the window shows that are not its own sentences: the clinical vocabulary of the domain
(translated in the context of each of its lists: "Grasp", "Side"...), and dates and times as
the window's language writes them (QLocale's default, which imsmap.i18n.install sets; the long
patterns are translatable: a language writes its own order)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, QTime


def vocabulary(context: str, word: str) -> str:
    """A word of the domain's vocabulary in the window's language: `context` names its list
    ("Side", "Sex", "Grasp", "TissueFeel", "Release", "Sensation", "FindingSign",
    "AdverseEvent", "Severity": the contexts the domain marks its words with); a word no catalog
    has (a clinic's own grasp label) as it is."""
    return QCoreApplication.translate(context, word)


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
)
