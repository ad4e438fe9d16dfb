"""A long name cut where a word ends, never inside one: "Tremblay-Bérubé-Castonguay de la…"
rather than Qt's "Tremblay-Bérubé-Casto…e". Where a place has room for one line only (the
patient list); the whole name is in the row's tooltip.

`PatientRows` paints each row of the patient list with its name cut so, the chart number and
the year of birth after it kept whole: they are what tells two namesakes apart. `show_elided`
cuts a label's one line so (the status bar's muscle under the pointer).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem

ELLIPSIS = "…"
NAME_ROLE = Qt.ItemDataRole.UserRole + 7  # the row's name part (None: the row has none)
_WORD_END = re.compile(r"[\s,\-]")


def word_elided(text: str, width: int, metrics: QFontMetrics) -> str:
    """``text`` whole if it fits in ``width`` pixels, else cut after the last whole word that
    fits, with "…"; a first word too long for the room is cut at its end as Qt cuts it."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    best = ""
    for found in _WORD_END.finditer(text):
        head = text[:found.start()].rstrip(" ,;:-")
        if not head:
            continue
        if metrics.horizontalAdvance(head + ELLIPSIS) > width:
            break
        best = head + ELLIPSIS
    return best or metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def show_elided(label: QLabel, text: str) -> None:
    """`text` on the one line of `label`, cut at a word's end with "…" where it is wider than
    the label may be (its maximum width), and whole in its tooltip. The muscle under the
    pointer, with its nerve and roots, was cut off in the status bar mid-word (« Nerf
    accessoire (NC XI) ; branches ( », walk of 6 December)."""
    margins = label.contentsMargins()
    room = label.maximumWidth() - margins.left() - margins.right() - 2 * label.margin()
    shown = word_elided(text, room, label.fontMetrics())
    label.setText(shown)
    label.setToolTip(text if shown != text else "")


class PatientRows(QStyledItemDelegate):
    """The patient list's rows: the name cut at a word end when the row is too narrow, what
    follows it ("  ·  C-7781  ·  1958") whole."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt naming
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        name = index.data(NAME_ROLE)
        text = option.text
        if not name or not text.startswith(name):
            return
        style = option.widget.style() if option.widget is not None else None
        margin = (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                    option.widget) + 1) * 2 if style is not None else 8
        room = option.rect.width() - margin
        if option.fontMetrics.horizontalAdvance(text) <= room:
            return
        tail = text[len(name):]
        option.text = word_elided(name, room - option.fontMetrics.horizontalAdvance(tail),
                                  option.fontMetrics) + tail
