"""The text of a plain-text field as the record holds it.

`QPlainTextEdit.toPlainText()` gives back a no-break space as a plain space and a line
separator as a new line. French puts a no-break space before « : ; ? ! » and inside « »,
so a note shown and read back that way differs from the record though no one typed a
thing: the window then saved it (a change in the audit trail no one made) or took it for
words typed and never saved. `field_text` reads the document's own characters instead."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

PARAGRAPH_SEPARATOR = "\u2029"  # how a QTextDocument holds the end of a paragraph


def field_text(edit: QPlainTextEdit) -> str:
    """What the field holds: the characters put in or typed, each paragraph ended by "\\n"."""
    return edit.document().toRawText().replace(PARAGRAPH_SEPARATOR, "\n")
