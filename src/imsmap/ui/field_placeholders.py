"""What an empty field of a session shows in grey: an example of what to type while the session
can be edited, "not recorded" once it cannot.

A signed session's empty plan showed « Plan, p. ex. revoir dans une semaine; étirements à
domicile » (the French walk of 6 December): on the signed consent tab its fields are greyed, the
plan's example as grey as the tolerance recorded above it, and read as the plan that was
written. The session PDF prints such a field « non consigné »; the window now says the same.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit


class Placeholders:
    """Each field with its two placeholders: the example (editable) and "not recorded" (an
    open session that cannot be edited: signed, read-only, held in another room)."""

    def __init__(self) -> None:
        self._fields: list[tuple[QLineEdit | QPlainTextEdit, str, str]] = []

    def add(self, field: QLineEdit | QPlainTextEdit, example: str, absent: str) -> None:
        """`example` while the field can be edited, `absent` while it cannot."""
        self._fields.append((field, example, absent))
        field.setPlaceholderText(example)

    def show(self, *, editable: bool) -> None:
        """Each field's example when `editable`, else its "not recorded"."""
        for field, example, absent in self._fields:
            field.setPlaceholderText(example if editable else absent)
