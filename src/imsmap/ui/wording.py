"""Words the window shows that are not its own sentences: the clinical vocabulary of the domain
(translated in the context "Vocabulary", where imsmap.domain marks it), and dates and times as
the window's language writes them (QLocale's default, which imsmap.i18n.install sets; the long
patterns are translatable: a language writes its own order)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, QTime


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


# The domain's words the window shows (imsmap.domain.models and .vocabulary), marked here for the
# window's catalog in the context "Vocabulary", where vocabulary() looks them up. The domain has
# no Qt: it cannot mark them itself. tests/test_ui_french.py checks that the list is complete.
VOCABULARY = (
    # Side.label, Sex.label
    QT_TRANSLATE_NOOP("Vocabulary", "Left"), QT_TRANSLATE_NOOP("Vocabulary", "Right"),
    QT_TRANSLATE_NOOP("Vocabulary", "Midline"), QT_TRANSLATE_NOOP("Vocabulary", "Female"),
    QT_TRANSLATE_NOOP("Vocabulary", "Male"), QT_TRANSLATE_NOOP("Vocabulary", "Other"),
    QT_TRANSLATE_NOOP("Vocabulary", "Not recorded"),
    # GRASP_LABELS, UNGRADED, RELEASE, ADVERSE_SEVERITIES
    QT_TRANSLATE_NOOP("Vocabulary", "none"), QT_TRANSLATE_NOOP("Vocabulary", "mild"),
    QT_TRANSLATE_NOOP("Vocabulary", "moderate"), QT_TRANSLATE_NOOP("Vocabulary", "strong"),
    QT_TRANSLATE_NOOP("Vocabulary", "ungraded"), QT_TRANSLATE_NOOP("Vocabulary", "full"),
    QT_TRANSLATE_NOOP("Vocabulary", "partial"), QT_TRANSLATE_NOOP("Vocabulary", "severe"),
    # TISSUE_FEEL
    QT_TRANSLATE_NOOP("Vocabulary", "normal"), QT_TRANSLATE_NOOP("Vocabulary", "grasp"),
    QT_TRANSLATE_NOOP("Vocabulary", "gritty-fibrotic"),
    QT_TRANSLATE_NOOP("Vocabulary", "bone contact"),
    # SENSATION
    QT_TRANSLATE_NOOP("Vocabulary", "ache/cramp"), QT_TRANSLATE_NOOP("Vocabulary", "deep pressure"),
    QT_TRANSLATE_NOOP("Vocabulary", "referred"),
    QT_TRANSLATE_NOOP("Vocabulary", "electric/paraesthetic"),
    # FINDING_SIGNS
    QT_TRANSLATE_NOOP("Vocabulary", "Muscle shortening / taut bands"),
    QT_TRANSLATE_NOOP("Vocabulary", "Restricted range of motion"),
    QT_TRANSLATE_NOOP("Vocabulary", "Tender motor points"),
    QT_TRANSLATE_NOOP("Vocabulary", "Tender paraspinals"),
    QT_TRANSLATE_NOOP("Vocabulary", "Trophedema (matchstick test)"),
    QT_TRANSLATE_NOOP("Vocabulary", "Peau d'orange on skin rolling"),
    QT_TRANSLATE_NOOP("Vocabulary", "Local hair loss"),
    QT_TRANSLATE_NOOP("Vocabulary", "Autonomic signs (cold, sweating, goosebumps)"),
    # ADVERSE_EVENT_KINDS
    QT_TRANSLATE_NOOP("Vocabulary", "Bruising"), QT_TRANSLATE_NOOP("Vocabulary", "Bleeding"),
    QT_TRANSLATE_NOOP("Vocabulary", "Post-needling soreness"),
    QT_TRANSLATE_NOOP("Vocabulary", "Dizziness / fainting"),
    QT_TRANSLATE_NOOP("Vocabulary", "Nerve symptoms"),
    QT_TRANSLATE_NOOP("Vocabulary", "Pneumothorax (suspected)"),
)
