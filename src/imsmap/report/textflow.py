"""Text laid out in lines: what the layout engine measures, cuts across pages and paints.

A printed record must hold every character of what was recorded. So text is broken into lines
here, once, with Qt's ``QTextLayout``: at word boundaries (after a word's own hyphen or slash
only where a reader would break it, never "e- / stim": ``hyphenation.unwanted_break``); inside
a word wider than the line of prose (a note) between its syllables, with a hyphen
(``hyphenated``: « Électrostimula- / tion »; a compound at its own hyphen first, « granuleux- /
fibreux », not « granuleux-fi- / breux » nor « tissu granu- / leux-fibreux »); anywhere else
inside a word wider than the line (a long web address, a name); one line per
``\\n``-separated paragraph at least. The same lines are measured and painted, so what the
layout reserves is what the page shows. A text
that does not fit where it is is cut at the start of a line (``Flow.cut``). The head keeps the
lines it was measured as: Qt's line breaking is not stable under cutting a text short (a word
the cut shortened, or one with "/", "-", "." or "_", can be broken differently, even a line
laid out alone can be broken again), so laid out afresh the head could take a line more than
was reserved and overflow its page. The rest is laid out afresh, and that flow is the one
measured and painted.

A character no font on this machine can draw would print as an empty box, a silent loss: it is
printed as its code point instead, "[U+1F642]" (``printable``). So is every character beyond
U+FFFF (most emoji, some rare CJK): Qt's PDF writer draws their glyphs but leaves them out of the
file's text (its ToUnicode map skips them), so the records system indexing the PDF, or anyone
copying from it, would get nothing or a wrong letter. And so are the direction overrides the
record refuses (``validation.BIDI_CONTROLS``) if an older file holds one: shown, they cannot
make a name or a note print reversed.
"""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPaintDevice,
    QPainter,
    QTextLayout,
    QTextLine,
    QTextOption,
)

from imsmap.domain.validation import BIDI_CONTROLS
from imsmap.report.hyphenation import JOINERS, SOFT_HYPHEN, hyphenable, unwanted_break

__all__ = ["KEPT_BREAK", "Flow", "printable", "stand_in"]

# Where ``Flow.cut`` keeps a line break in the head it returns: U+FDD0, a Unicode noncharacter
# (set aside for a program's internal use, no glyph, nothing to print), never drawn and never
# in a printed text; a flow ends a line at it. ``printable`` shows one as its code point in
# the texts it is used for outside a flow (a one-line label).
KEPT_BREAK = "\ufdd0"

# Characters a font may lack without harm: line breaks and tabs are layout, not glyphs.
_LAYOUT_CHARS = frozenset("\n\t\u2028\u2029")
_drawable: dict[tuple[str, bool, bool, str], bool] = {}
_SPACES = re.compile(r"(\s+)")


def stand_in(ch: str) -> str:
    """What is printed instead of a character no font can draw: its Unicode code point."""
    return f"[U+{ord(ch):04X}]"


def _font_key(font: QFont) -> tuple[str, bool, bool]:
    return font.family(), font.bold(), font.italic()


def _can_draw(ch: str, font: QFont) -> bool:
    """Whether ``font``, or a font Qt falls back to for ``ch``, has a glyph for it.

    A missing glyph shows in the laid-out glyph runs as glyph 0 (.notdef) of a real font, or as
    a run from Qt's last-resort "box" engine, which is no font file at all (it has no cmap
    table) and draws every character as a box."""
    key = (*_font_key(font), ch)
    known = _drawable.get(key)
    if known is not None:
        return known
    layout = QTextLayout(ch, font)
    layout.beginLayout()
    layout.createLine().setLineWidth(1e6)
    layout.endLayout()
    ok = True
    for run in layout.glyphRuns():
        raw = run.rawFont()
        if (not raw.isValid() or raw.fontTable("cmap").isEmpty()
                or 0 in run.glyphIndexes()):
            ok = False
            break
    _drawable[key] = ok
    return ok


def printable(text: str, font: QFont) -> str:
    """``text`` with every character the fonts cannot draw, or the PDF cannot hold as text,
    replaced by ``stand_in``: visible and honest instead of a blank box. Control characters
    (never accepted by the record, but a damaged or older file may hold one) are shown the same
    way."""
    missing = set()
    for ch in set(text):
        if ch.isascii() and ch.isprintable() or ch in _LAYOUT_CHARS:
            continue
        if (ord(ch) > 0xFFFF or ch in BIDI_CONTROLS or unicodedata.category(ch) == "Cc"
                or ch == KEPT_BREAK or not _can_draw(ch, font)):
            missing.add(ch)
    if not missing:
        return text
    return "".join(stand_in(ch) if ch in missing else ch for ch in text)


def hyphenated(text: str, font: QFont, width: float, device: QPaintDevice) -> str:
    """``text`` with each word wider than ``width`` (device units) given soft hyphens where
    it may be broken (``report.hyphenation``): Qt then breaks it there and prints the hyphen,
    rather than after whatever letter fits (« Électrostimulatio / n »). The words that fit a
    line are left as they are: they go whole to the next line, as before."""
    metrics = QFontMetricsF(font, device)
    words = _SPACES.split(text)
    changed = False
    for i in range(0, len(words), 2):  # the words; the spaces between them at odd places
        word = words[i]
        if len(word) > 4 and metrics.horizontalAdvance(word) > width:
            broken = hyphenable(word)
            changed = changed or broken != word
            words[i] = broken
    return "".join(words) if changed else text


def _keep_compound(line: QTextLine, text: str, width: float, align: Qt.AlignmentFlag,
                   metrics: QFontMetricsF) -> float:
    """Where ``line`` would end at a word's own hyphen or slash where a reader would not break
    it (``hyphenation.unwanted_break``: "e- / stim", "ache/ / cramp"), the line ends before
    that word instead: made narrower, so that the word does not fit it. A word that starts
    the line (wider than it) breaks where Qt breaks it. A line that ends between two syllables
    of a compound's last part ends at the compound's own hyphen instead (``_at_own_hyphen``).
    Returns how far right the narrower
    line goes for ``align`` to keep it where the line of ``width`` would have been."""
    for _ in range(4):  # the word before may be one too ("e-stim" after "ache/cramp")
        end = line.textStart() + line.textLength()
        if not unwanted_break(text, end):
            break
        start = end - 1
        while start > line.textStart() and not text[start - 1].isspace():
            start -= 1
        if start <= line.textStart():
            break
        x, _ = line.cursorToX(start)
        line.setLineWidth(max(x, 1.0))
    _at_own_hyphen(line, text, width, metrics)
    if line.width() >= width or not align & (Qt.AlignmentFlag.AlignRight
                                             | Qt.AlignmentFlag.AlignHCenter):
        return 0.0
    spare = width - line.width()
    return spare if align & Qt.AlignmentFlag.AlignRight else spare / 2


def _at_own_hyphen(line: QTextLine, text: str, width: float, metrics: QFontMetricsF) -> None:
    """Where ``line`` ends between two syllables of a compound's part, the compound breaks at
    its own hyphen instead, where a reader would break it (``hyphenation.unwanted_break``),
    when each part then reads whole: in a part after its hyphen (« granuleux-fi- / breux »),
    the line ends at that hyphen (« granuleux- / fibreux ») when the part carried over fits the
    next line; in its first part, after other words (« tissu granu- / leux-fibreux »), the
    line ends before the compound (« tissu / granuleux- / fibreux ») when that part, with its
    hyphen, fits a line (there the next line breaks at the hyphen)."""
    end = line.textStart() + line.textLength()
    if end >= len(text) or text[end - 1] != SOFT_HYPHEN:
        return
    at = end - 1
    while at > line.textStart() and not text[at - 1].isspace():
        at -= 1
        if text[at] not in JOINERS or unwanted_break(text, at + 1):
            continue
        part = at + 1
        while part < len(text) and not text[part].isspace() and text[part] not in JOINERS:
            part += 1
        carried = text[at + 1:part + 1].rstrip().replace(SOFT_HYPHEN, "")
        if metrics.horizontalAdvance(carried) > width:
            return
        x, _ = line.cursorToX(at + 1)
        line.setLineWidth(max(x + 0.5, 1.0))  # (a hair over x: rounding keeps the hyphen here)
        return
    if at <= line.textStart():  # the compound starts the line: its first part is too wide
        return
    # ``at``: the compound's first character, after other words of the line; its own hyphen,
    # if any, comes after the line's end
    joiner = end
    while joiner < len(text) and not text[joiner].isspace() and (
            text[joiner] not in JOINERS or unwanted_break(text, joiner + 1)):
        joiner += 1
    if joiner >= len(text) or text[joiner] not in JOINERS:
        return  # no compound, or one a reader would not break
    if metrics.horizontalAdvance(text[at:joiner + 1].replace(SOFT_HYPHEN, "")) > width:
        return
    x, _ = line.cursorToX(at)
    line.setLineWidth(max(x, 1.0))


class Flow:
    """``text`` in ``font`` broken into lines of ``width`` device units (one line when
    ``wrap`` is False); with ``hyphens``, prose, whose words wider than a line are broken
    between syllables with a hyphen (``hyphenated``), never a name or a number, where a
    hyphen the record does not hold would misstate it. ``starts`` and ``tops`` give each
    line's first character and its top; ``height`` is the whole. Each part of ``text`` that
    ends in ``KEPT_BREAK`` (a head ``cut`` returned) is one line, as it was measured."""

    def __init__(self, text: str, font: QFont, width: float, device: QPaintDevice, *,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, wrap: bool = True,
                 min_line: float = 0.0, hyphens: bool = False):
        self.text = KEPT_BREAK.join(
            hyphenated(printable(part, font), font, width, device) if wrap and hyphens else
            printable(part, font) for part in text.split(KEPT_BREAK))
        self.width = width
        metrics = QFontMetricsF(font, device)
        option = QTextOption(align)
        # Left to right as the page is, like QPainter.drawText: an Arabic or Hebrew name is
        # still shaped and ordered right to left, but starts at the column's left edge.
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if wrap
                           else QTextOption.WrapMode.NoWrap)
        self._layouts: list[tuple[QTextLayout, float]] = []  # each paragraph and its top
        self.starts: list[int] = []
        self.tops: list[float] = []
        self.bottoms: list[float] = []
        self.natural_width = 0.0
        y = 0.0
        offset = 0
        for para in self.text.split("\n"):
            *lines, last = para.split(KEPT_BREAK)
            parts = [(line, True) for line in lines]
            if last or not lines:
                parts.append((last, False))
            for part, kept in parts:
                layout = QTextLayout(part, font, device)
                layout.setTextOption(option)
                layout.setCacheEnabled(True)
                layout.beginLayout()
                top = y
                while True:
                    line = layout.createLine()
                    if not line.isValid():
                        break
                    line.setLineWidth(max(width, 1.0))
                    shift = 0.0 if kept else _keep_compound(line, part, max(width, 1.0), align,
                                                            metrics)
                    if kept and line.textLength() < len(part):
                        # A line kept by ``cut`` is one line, as measured, even where Qt,
                        # laying it out alone, would break it again (by a fraction of a unit).
                        line.setLineWidth(1e6)
                        line.setLineWidth(max(width, line.naturalTextWidth() + 1.0))
                    line.setLeadingIncluded(True)
                    line.setPosition(QPointF(shift, y - top))
                    self.starts.append(offset + line.textStart())
                    self.tops.append(y)
                    y += max(line.height(), min_line)
                    self.bottoms.append(y)
                    self.natural_width = max(self.natural_width, line.naturalTextWidth())
                    if kept:
                        break
                layout.endLayout()
                self._layouts.append((layout, top))
                offset += len(part) + 1  # and the newline or KEPT_BREAK after it
        self.height = y

    def __len__(self) -> int:
        return len(self.starts)

    def fit(self, avail: float) -> int:
        """How many lines, from the first, fit in ``avail``."""
        n = 0
        while n < len(self.bottoms) and self.bottoms[n] <= avail:
            n += 1
        return n

    def cut(self, n: int) -> tuple[str, str]:
        """The text of the first ``n`` lines and the text of the rest. The newline that ends
        the head's last paragraph, if the cut falls there, belongs to neither.

        The head keeps these lines: each of them that wrapping ended is followed by
        ``KEPT_BREAK``, so a flow of the head (where it is painted) is exactly these ``n``
        lines, as measured. Remove ``KEPT_BREAK`` and head and rest are the text."""
        if n >= len(self.starts):
            return self.text, ""
        ends = [*self.starts[1:], len(self.text) + 1]
        parts = []
        for a, b in zip(self.starts[:n], ends[:n]):
            line = self.text[a:b]
            if not line.endswith(("\n", KEPT_BREAK)):
                line += KEPT_BREAK
            parts.append(line)
        head = "".join(parts)
        if head.endswith("\n"):
            head = head[:-1]
        return head, self.text[self.starts[n]:]

    def paint(self, painter: QPainter, x: float, y: float, colour: str) -> None:
        painter.setPen(QColor(colour))
        for layout, top in self._layouts:
            layout.draw(painter, QPointF(x, y + top))
