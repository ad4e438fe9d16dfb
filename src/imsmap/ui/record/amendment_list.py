"""A signed session's amendments in the session's column, in little room.

A clinician opening a signed visit reads, without scrolling, that it was amended, how often, and
what the newest amendment says, and sees the site list and the open site's grades under it (on a
1366 x 768 screen, in French, with touch-sized controls too). All of it in full, as it was shown
before, took a line per 80 characters of every amendment: five of a few lines each pushed the
site list below the screen.

So, collapsed (as each session opens):
- a heading that counts them ("5 amendments; the newest:"), and a button that shows them all;
- the newest, its head (when, by whom, why) in bold before its words, up to `NEWEST_MOST_LINES`
  lines; a longer one is cut after a word with "…" (its tooltip holds it whole), and the button
  then shows it whole too ("Show in full" when it is the only one).
Expanded, every amendment in full, oldest first (as in the session's PDF, which is unchanged),
the newest last; the button brings the short form back. Nothing of the record is left out
without the button saying so, and the button's tooltip names the earlier ones, one a line.
A single amendment that fits is shown as before, alone, with no heading and no button.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

# The newest amendment's lines shown when the list is collapsed: 4 lines of the column hold
# about 300 characters, a usual amendment whole.
NEWEST_MOST_LINES = 4
ELLIPSIS = "…"
# Marked as part of the signed record, apart from the fields above it.
STYLE = "#amendmentList { border: none; border-left: 3px solid #9aa5b1; }"
# An earlier amendment in the button's tooltip: its first characters.
TIP_CHARS = 90


class AmendmentWords(NamedTuple):
    """An amendment as the column says it: its head (when, by whom, why), in bold, then its
    words and the corrections it made."""
    head: str
    text: str

    @property
    def plain(self) -> str:
        return f"{self.head} {self.text}"


def as_html(head: str, text: str) -> str:
    """`head` in bold and `text` after it, both escaped (the clinician's words are never
    markup), their spaces and line breaks kept."""
    return (f"<span style='white-space: pre-wrap'><b>{escape(head, quote=False)}</b> "
            f"{escape(text, quote=False)}</span>")


def line_count(html: str, font: QFont, width: int) -> int:
    """The lines `html` takes in a word-wrapping label `width` pixels wide."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    doc.setTextWidth(width)
    doc.size()  # laid out
    lines, block = 0, doc.begin()
    while block.isValid():
        lines += block.layout().lineCount()
        block = block.next()
    return lines


def cut_to_lines(words: AmendmentWords, font: QFont, width: int,
                 most: int) -> tuple[str, bool]:
    """`words` as HTML for a label `width` pixels wide, in `most` lines at most: whole if they
    fit, else the head and the first of the words, cut after a word and ended by "…". True if
    cut."""
    whole = as_html(*words)
    if line_count(whole, font, width) <= most:
        return whole, False

    def cut(length: int) -> str:
        return as_html(words.head, words.text[:length].rstrip() + ELLIPSIS)

    low, high = 0, len(words.text)  # the longest cut that fits: `low` characters of the words
    while low < high:
        middle = (low + high + 1) // 2
        if line_count(cut(middle), font, width) <= most:
            low = middle
        else:
            high = middle - 1
    space = words.text.rfind(" ", 0, low + 1)
    if space > low // 2:  # after a whole word, unless the words have too few spaces
        low = space
    return cut(low), True


def _first_words(text: str) -> str:
    """An amendment on one line of a tooltip: its first `TIP_CHARS` characters."""
    line = " ".join(text.split())
    return line if len(line) <= TIP_CHARS else line[:TIP_CHARS].rstrip() + ELLIPSIS


def _label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)  # as_html: escaped words, a bold head
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AmendmentList(QFrame):
    """The open signed session's amendments (see the module's docstring). Hidden when it has
    none."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("amendmentList")
        self.setFrameShape(QFrame.Shape.StyledPanel)  # drawn by STYLE: a bar on its left
        self.setStyleSheet(STYLE)
        self._amendments: list[AmendmentWords] = []
        self._session_id: int | None = None
        self._expanded = False
        self._cut = False

        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.toggle = QPushButton()
        self.toggle.clicked.connect(self._toggled)
        heading_row = QHBoxLayout()
        heading_row.setContentsMargins(0, 0, 0, 0)
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.toggle)
        self.heading_row = QWidget()
        self.heading_row.setLayout(heading_row)

        self.earlier = QWidget()  # the earlier amendments in full, while expanded
        self._earlier_layout = QVBoxLayout(self.earlier)
        self._earlier_layout.setContentsMargins(0, 0, 0, 0)
        self._earlier_layout.setSpacing(4)
        self.newest = _label()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.heading_row)
        layout.addWidget(self.earlier)
        layout.addWidget(self.newest)
        self.hide()

    # -- what it shows ------------------------------------------------------------------------
    def set_amendments(self, session_id: int | None,
                       amendments: Sequence[AmendmentWords]) -> None:
        """The session's amendments in words, oldest first; none hides the list. Another
        session's list opens collapsed; the same session's keeps the form the user chose."""
        if session_id != self._session_id:
            self._expanded = False
        self._session_id = session_id
        self._amendments = list(amendments)
        self._show()

    def text(self) -> str:
        """Every amendment's words in full, oldest first, one a line: what the list shows, or
        shows at a click of its button."""
        return "\n".join(words.plain for words in self._amendments)

    @property
    def expanded(self) -> bool:
        return self._expanded

    def set_expanded(self, expanded: bool) -> None:
        self._expanded = expanded
        self._show()

    def _toggled(self) -> None:
        self.set_expanded(not self._expanded)

    def _show(self) -> None:
        amendments = self._amendments
        self.setVisible(bool(amendments))
        while self._earlier_layout.count():
            item = self._earlier_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if not amendments:
            return
        earlier = amendments[:-1]
        if self._expanded:
            for words in earlier:
                label = _label()
                label.setText(as_html(*words))
                self._earlier_layout.addWidget(label)
        self.earlier.setVisible(self._expanded and bool(earlier))
        self._show_newest()

    def _show_newest(self) -> None:
        """The newest amendment, whole or cut to its lines at the label's width; the heading
        and the button as what is shown asks."""
        amendments = self._amendments
        if not amendments:
            return
        newest = amendments[-1]
        shown, self._cut = (as_html(*newest), False) if self._expanded else cut_to_lines(
            newest, self.newest.font(), self._text_width(), NEWEST_MOST_LINES)
        self.newest.setText(shown)
        self.newest.setToolTip(newest.plain if self._cut else "")
        count = len(amendments)
        if self._expanded:
            self.heading.setText(self.tr("%n amendment(s), oldest first:", "", count))
            self.toggle.setText(self.tr("Newest only") if count > 1 else self.tr("Show less"))
            self.toggle.setToolTip("")
        else:
            self.heading.setText(self.tr("%n amendment(s); the newest:", "", count))
            self.toggle.setText(self.tr("Show all %n", "", count) if count > 1
                                else self.tr("Show in full"))
            self.toggle.setToolTip("\n".join(_first_words(words.plain)
                                           for words in amendments[:-1]))
        # One amendment shown whole needs no heading and no button: it reads as before.
        self.heading_row.setVisible(count > 1 or self._cut or self._expanded)
        self.toggle.setVisible(count > 1 or self._cut or self._expanded)

    def _text_width(self) -> int:
        """The width the newest amendment's lines have: its label's, once laid out (the
        list's, less its margins, before)."""
        if self.newest.testAttribute(Qt.WidgetAttribute.WA_WState_Visible):
            width = self.newest.contentsRect().width()
        else:
            margins = self.layout().contentsMargins()
            width = self.contentsRect().width() - margins.left() - margins.right()
        return max(40, width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if self._amendments and not self._expanded and event.oldSize().width() != self.width():
            self._show_newest()  # its lines change with the column's width
