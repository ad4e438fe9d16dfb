"""A signed session's amendments in the session's column, in little room.

A clinician opening a signed visit reads, without scrolling, that it was amended, how often, and
what the newest amendment says, and sees the site list and the open site's grades under it (on a
1366 x 768 screen, in French, with touch-sized controls too). All of it in full, as it was shown
before, took a line per 80 characters of every amendment: five of a few lines each pushed the
site list below the screen.

So, collapsed (as each session opens):
- a heading that counts them ("5 amendments; the newest:"), and a button that shows them all;
- the newest in full, up to `NEWEST_MOST_LINES` lines; a longer one is cut at the end of its last
  line with "…", and the button then shows it whole too ("Show in full").
Expanded, every amendment in full, oldest first (as in the session's PDF, which is unchanged),
the newest last; the button brings the short form back. Nothing of the record is left out
without the button saying so, and the button's tooltip names the earlier ones, one a line.
A single amendment that fits is shown as before, alone, with no heading and no button.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

# The newest amendment's lines shown when the list is collapsed: 4 lines of the column hold
# about 300 characters, a usual amendment whole.
NEWEST_MOST_LINES = 4
ELLIPSIS = "…"
# Marked as part of the signed record, apart from the fields above it.
STYLE = "#amendmentList { border: none; border-left: 3px solid #9aa5b1; }"
# An earlier amendment in the button's tooltip: its first characters.
TIP_CHARS = 90


def cut_to_lines(text: str, font: QFont, width: int, most: int) -> tuple[str, bool]:
    """`text` as a word-wrapping label `width` pixels wide shows it in `most` lines at most:
    itself if it fits, else its first lines with the last one ended by "…". True if cut."""
    paragraphs = text.split("\n")
    lines: list[tuple[int, int]] = []  # (paragraph, where its line starts)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    for index, paragraph in enumerate(paragraphs):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        starts = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            starts.append(line.textStart())
        layout.endLayout()
        lines += [(index, start) for start in starts or [0]]
        if len(lines) > most:
            break
    if len(lines) <= most:
        return text, False
    index, start = lines[most - 1]
    rest = paragraphs[index][start:].rstrip()
    metrics = QFontMetrics(font)
    if metrics.horizontalAdvance(rest) <= width:  # its paragraph ends here; more follows
        rest += " " + ELLIPSIS
    last = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return "\n".join([*paragraphs[:index], paragraphs[index][:start] + last]), True


def _first_words(text: str) -> str:
    """An amendment on one line of a tooltip: its first `TIP_CHARS` characters."""
    line = " ".join(text.split())
    return line if len(line) <= TIP_CHARS else line[:TIP_CHARS].rstrip() + ELLIPSIS


def _label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # the clinician's words, never markup
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
        self._texts: list[str] = []
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
    def set_amendments(self, session_id: int | None, texts: Sequence[str]) -> None:
        """The session's amendments in words, oldest first; none hides the list. Another
        session's list opens collapsed; the same session's keeps the form the user chose."""
        if session_id != self._session_id:
            self._expanded = False
        self._session_id = session_id
        self._texts = list(texts)
        self._show()

    def text(self) -> str:
        """Every amendment's words in full, oldest first, one a line: what the list shows, or
        shows at a click of its button."""
        return "\n".join(self._texts)

    @property
    def expanded(self) -> bool:
        return self._expanded

    def set_expanded(self, expanded: bool) -> None:
        self._expanded = expanded
        self._show()

    def _toggled(self) -> None:
        self.set_expanded(not self._expanded)

    def _show(self) -> None:
        texts = self._texts
        self.setVisible(bool(texts))
        while self._earlier_layout.count():
            item = self._earlier_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if not texts:
            return
        earlier = texts[:-1]
        if self._expanded:
            for text in earlier:
                label = _label()
                label.setText(text)
                self._earlier_layout.addWidget(label)
        self.earlier.setVisible(self._expanded and bool(earlier))
        self._show_newest()

    def _show_newest(self) -> None:
        """The newest amendment, whole or cut to its lines at the label's width; the heading
        and the button as what is shown asks."""
        texts = self._texts
        if not texts:
            return
        newest = texts[-1]
        shown, self._cut = (newest, False) if self._expanded else cut_to_lines(
            newest, self.newest.font(), self._text_width(), NEWEST_MOST_LINES)
        self.newest.setText(shown)
        self.newest.setToolTip(newest if self._cut else "")
        count = len(texts)
        if self._expanded:
            self.heading.setText(self.tr("%n amendment(s), oldest first:", "", count))
            self.toggle.setText(self.tr("Newest only") if count > 1 else self.tr("Show less"))
            self.toggle.setToolTip("")
        else:
            self.heading.setText(self.tr("%n amendment(s); the newest:", "", count))
            self.toggle.setText(self.tr("Show all %n", "", count) if count > 1
                                else self.tr("Show in full"))
            self.toggle.setToolTip("\n".join(_first_words(t) for t in texts[:-1]))
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
            width = self.width() - margins.left() - margins.right()
        return max(40, width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if self._texts and not self._expanded and event.oldSize().width() != self.width():
            self._show_newest()  # its lines change with the column's width
