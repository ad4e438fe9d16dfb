"""The session form's own fields: the notes box that grows with the room the site list leaves
it, the pain score box that refuses an impossible score whole, and the start time's box that
is as wide as its time, and the start as that box shows it (`editor_time`). Used by
ui.session_panel.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QSize, QTime, Signal
from PySide6.QtGui import QFocusEvent, QValidator
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QPlainTextEdit,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
)

from imsmap.domain.local_time import local_time

NOT_RECORDED = -1  # the pain box's value for a score not recorded (stored as no value)

__all__ = ["NOT_RECORDED", "NotesEdit", "PainBox", "StartEdit", "editor_time",
           "notes_least_height"]


class NotesEdit(QPlainTextEdit):
    """The session's notes: two lines at least, and asking for no more (`sizeHint`): they grow
    with the room the site list leaves them (the panel's stretch), up to their maximum."""

    focusLost = Signal()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(super().minimumSizeHint().width(), notes_least_height(self))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), notes_least_height(self))

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt naming
        super().focusOutEvent(event)
        self.focusLost.emit()


class PainBox(QSpinBox):
    """0-10, or 'not recorded' (stored as no value). A number above 10 stays in the box while
    it is typed and is then refused whole (`refused`), the stored score shown again: Qt's box
    dropped the key that made it impossible, and "11" was saved as 1 without a word."""

    refused = Signal(str)  # the impossible number typed

    def __init__(self) -> None:
        super().__init__()
        self.setRange(NOT_RECORDED, 10)
        self.setSpecialValueText(self.tr("not recorded"))
        self.setValue(NOT_RECORDED)
        self.setKeyboardTracking(False)  # typing "10" saves 10, not 1 then 10
        self.setAccelerated(False)
        text_width = self.fontMetrics().horizontalAdvance(self.specialValueText())
        self.setMinimumWidth(text_width + 40)

    def validate(self, text: str, pos: int) -> object:  # noqa: D102 - Qt's
        digits = text.strip()
        if digits.isdigit() and int(digits) > self.maximum():
            return QValidator.State.Intermediate, text, pos  # kept, never accepted
        return super().validate(text, pos)

    def fixup(self, text: str) -> str:  # noqa: D102 - Qt's: an input it could not accept
        digits = text.strip()
        if digits.isdigit() and int(digits) > self.maximum():
            self.refused.emit(digits)
        return super().fixup(text)

    def pain(self) -> int | None:
        return None if self.value() == NOT_RECORDED else self.value()

    def set_pain(self, value: int | None) -> None:
        self.setValue(NOT_RECORDED if value is None else value)


def notes_least_height(edit: QPlainTextEdit) -> int:
    """The height of two lines of `edit`, with its frame and margins."""
    margins = edit.contentsMargins()
    return (2 * edit.fontMetrics().lineSpacing() + int(2 * edit.document().documentMargin())
            + margins.top() + margins.bottom() + 2)


class StartEdit(QDateTimeEdit):
    """The session's start time: never narrower than its whole date and time beside the
    calendar's drop-down arrow. Qt measures a date-time box as a spin box, by the first 18
    characters of its text: with its calendar (an arrow wider than a spin box's buttons) the
    French « 2026-12-06 04 h 13 » showed « 2026-12-06 04 h 1 » (walk of 6 December)."""

    WIDEST = QDateTime(QDate(2026, 12, 28), QTime(23, 58))  # a date and time of wide digits

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self.whole_width()), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.whole_width()), hint.height())

    def whole_width(self) -> int:
        """The width its text takes in the box drawn as a combo box (its calendar's)."""
        text = self.locale().toString(self.WIDEST, self.displayFormat())
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = True
        inner = QSize(self.fontMetrics().horizontalAdvance(text + " "),
                      self.fontMetrics().height())
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, inner,
                                             self).width()


def editor_time(started_at: datetime) -> QDateTime:
    """The session's start as its date-and-time editor shows it: in this computer's time zone
    (domain.local_time), as the editor's value is read back (a naive QDateTime is local time).
    Its stored clock-face would show a start written at +00:00 five hours late in Toronto, and
    leaving the editor untouched (editingFinished) would then move the session by five hours."""
    return QDateTime(local_time(started_at).replace(tzinfo=None))
