"""What an empty field of a session shows in grey: an example of what to type while the session
can be edited, "not recorded" once it cannot.

A signed session's empty plan showed « Plan, p. ex. revoir dans une semaine; étirements à
domicile » (the French walk of 6 December): on the signed consent tab its fields are greyed, the
plan's example as grey as the tolerance recorded above it, and read as the plan that was
written. The session PDF prints such a field « non consigné »; the window now says the same.

A list of such a session (its findings, its adverse events, its sites) with nothing in it says
« aucun » / "none" the same way, in grey where its rows would be (`EntryList`,
`paint_empty_text`; ui.site_panel.SiteTable): it showed an empty box, as though not filled in.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListWidget, QPlainTextEdit, QWidget

EMPTY_MARGIN = 6  # px between the list's edge and its "none"


class SaysWhenEmpty(Protocol):
    """A list that paints `empty_text` while it has no rows (`paint_empty_text`)."""

    empty_text: str

    def set_empty_text(self, text: str) -> None: ...


def paint_empty_text(view: QAbstractItemView, text: str) -> None:
    """In a view's paintEvent, after the view's own: ``text`` in the placeholder's grey at the
    top of the viewport, while the view has no rows."""
    model = view.model()
    if not text or model is None or model.rowCount() > 0:
        return
    viewport = view.viewport()
    painter = QPainter(viewport)
    try:
        painter.setPen(view.palette().color(QPalette.ColorRole.PlaceholderText))
        area = QRect(viewport.rect()).adjusted(EMPTY_MARGIN, EMPTY_MARGIN // 2,
                                               -EMPTY_MARGIN, 0)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                   | Qt.TextFlag.TextWordWrap), text)
    finally:
        painter.end()


class EntryList(QListWidget):
    """A session's list of findings or adverse events: says `empty_text` while empty."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.empty_text = ""

    def set_empty_text(self, text: str) -> None:
        if text != self.empty_text:
            self.empty_text = text
            self.setAccessibleDescription(text)
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt naming
        super().paintEvent(event)
        paint_empty_text(self, self.empty_text)


class Placeholders:
    """Each field with its two placeholders: the example (editable) and "not recorded" (an
    open session that cannot be edited: signed, read-only, held in another room)."""

    def __init__(self) -> None:
        self._fields: list[tuple[QLineEdit | QPlainTextEdit, str, str]] = []
        self._lists: list[tuple[SaysWhenEmpty, str]] = []

    def add(self, field: QLineEdit | QPlainTextEdit, example: str, absent: str) -> None:
        """`example` while the field can be edited, `absent` while it cannot."""
        self._fields.append((field, example, absent))
        field.setPlaceholderText(example)

    def add_list(self, entries: SaysWhenEmpty, absent: str) -> None:
        """A list that says `absent` ("none") while empty and not editable; nothing while it
        can be edited (its Add button, or the chart, fills it)."""
        self._lists.append((entries, absent))

    def show(self, *, editable: bool) -> None:
        """Each field's example when `editable`, else its "not recorded"; each list's "none"
        when not."""
        for field, example, absent in self._fields:
            field.setPlaceholderText(example if editable else absent)
        for entries, absent in self._lists:
            entries.set_empty_text("" if editable else absent)
