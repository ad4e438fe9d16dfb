"""Tables for printed documents: rows of wrapped cells that split between rows across pages,
repeat their header row, and let a tall row (a long note) run on to the next page. Each
column's width is its share of the table's, corrected for what its rows hold
(``report.column_widths``: no word cut where it has no break, an empty column's width given to
the others).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from imsmap.domain.text import fill
from imsmap.i18n.records import translate
from imsmap.report.column_widths import (
    SLACK_PT,
    Fitted,
    Need,
    cell_widths,
    fit_widths,
    widest_piece,
)
from imsmap.report.layout import (
    GRID,
    HEADER_FILL,
    INK,
    KEEP_BLANK_MM,
    KEEP_LEAST,
    KEEP_ROWS,
    MUTED,
    ZEBRA,
    Block,
    Doc,
)

__all__ = ["Cell", "Column", "Table", "rows_before_break"]


@dataclass
class Column:
    title: str
    weight: float  # share of the table width
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    # Room left of the text besides the cell's padding: a left-aligned column after a
    # right-aligned one, whose headers read as one run with the paddings alone between them.
    inset_mm: float = 0.0


CellDrawer = Callable[[QPainter, QRectF], None]
TALL_ROW_MM = 30.0  # a table row taller than this runs on across a page break


def rows_before_break(heights: Sequence[float], fit: int, header: float, blank: float) -> int:
    """How many of a table's rows (of ``heights``) go before a page break when the first
    ``fit`` of them fit above it (under its ``header``: its header row, and what goes over with
    the table if it goes whole, its heading); 0: the table goes over whole. The progress
    report's grids (``progress_matrices``) break by this rule too.

    The rows on each side of the break keep together, KEEP_ROWS of them, so that a table's
    last rows are not left alone on the next page (the segments table put C7 and C8 alone on
    page 3) nor its first ones alone at a page's foot; but keeping them together must not cost
    the page more than ``blank`` of room (rows of sites with notes, three moved together, left
    a fifth of a page blank; a heading and the first row of its table, 27 mm): then KEEP_LEAST
    rows, and if that costs more too, as many as fit, a row alone on one side of the break
    where it is tall enough to stand alone: one of which KEEP_LEAST would cost more than
    ``blank`` too (a 5 mm row of a grid alone under its header reads as a stray line, and a
    table of two rows is not cut in two)."""
    def left_blank(n: int) -> float:  # what moving rows n.. over adds to the page's foot
        return sum(heights[n:fit]) + (header if n == 0 else 0.0)

    least = 0
    for keep in (KEEP_ROWS, KEEP_LEAST):
        n = min(fit, len(heights) - keep)
        least = n if n >= keep else 0
        if left_blank(least) <= blank:
            return least
    n = max(0, min(fit, len(heights) - 1))
    if n == 1 and KEEP_LEAST * heights[0] <= blank:
        return least
    if n and n == len(heights) - 1 and KEEP_LEAST * heights[-1] <= blank:
        return least
    return n


def _cut(doc: Doc, text: str, font: QFont, width: float, room: float,
         hyphens: bool = False) -> tuple[str, str, float]:
    """The lines of ``text`` that fit in ``room``, the rest (without blank lines at its top),
    and the height used."""
    if not text:
        return "", "", 0.0
    flow = doc.flow(text, font, width, hyphens=hyphens)
    n = flow.fit(room)
    head, rest = flow.cut(n)
    return head, rest.lstrip("\n"), flow.bottoms[n - 1] if n else 0.0


@dataclass
class Cell:
    """Table cell: text, optionally after a small drawing (a marker) of ``draw_mm`` width."""

    text: str = ""
    bold: bool = False
    mono: bool = False
    colour: str = INK
    draw: CellDrawer | None = None
    draw_mm: float = 0.0  # width (and height) reserved for the drawing
    small: str = ""  # a second line in smaller, muted type
    # prose (a note): a word wider than the column breaks with a hyphen between syllables,
    # never a name or a number (report.textflow)
    hyphens: bool = False


def _cell(value: Cell | str) -> Cell:
    return value if isinstance(value, Cell) else Cell(str(value))


@dataclass
class Table(Block):
    """Rows of wrapped cells; splits between rows and repeats its header row on every page."""

    columns: Sequence[Column]
    rows: Sequence[Sequence[Cell | str]]
    size: float = 8.0
    zebra: bool = True
    footnote: str = ""  # printed under the last part
    first_row_index: int = 0  # for the zebra phase of continued parts
    condensed: bool = True
    title: str = ""  # printed as "<title> (continued)" above the parts after the first
    after_mm: float = 3.0  # space after the table (none after a part that a page break ends)
    continued: bool = False  # a part after a page break: the caption says so
    # a part after a page break: the widths the whole table was given (their shares of its
    # width) and the columns whose words break between syllables; worked out afresh if empty
    fitted: tuple[tuple[float, ...], frozenset[int]] | None = None
    _heights: dict = field(default_factory=dict, repr=False, compare=False)
    _fits: dict = field(default_factory=dict, repr=False, compare=False)

    def column_widths(self, doc: Doc, width: float) -> list[float]:
        """Each column's width on a block ``width`` wide."""
        return self._widths(doc, width)

    def text_room(self, doc: Doc, cell: Cell, width: float) -> float:
        """The width ``cell``'s text wraps within, in a column ``width`` wide."""
        return self._text_w(doc, cell, width)

    def _fit(self, doc: Doc, width: float) -> Fitted:
        if self.fitted is not None:
            shares, hyphenated = self.fitted
            return Fitted([width * s for s in shares], hyphenated)
        if width not in self._fits:
            self._fits[width] = fit_widths(width, [c.weight for c in self.columns],
                                           self._needs(doc))
        return self._fits[width]

    def _widths(self, doc: Doc, width: float) -> list[float]:
        return self._fit(doc, width).widths

    def _needs(self, doc: Doc) -> list[Need]:
        """What each column's header and cells ask of its width (``column_widths.Need``)."""
        px, _py = self._pads(doc)
        slack = doc.pt(SLACK_PT)
        hfont = self._header_font(doc)
        needs = []
        # A text in its font asks the same wherever it is: the site table's "Left", "—",
        # "(segmental)" are on most of its rows, cut into pieces and measured once.
        measured: dict[tuple, tuple[float, float, float]] = {}
        for k, col in enumerate(self.columns):
            extra = 2 * px + doc.mm(col.inset_mm) + slack
            header = widest_piece(doc, col.title, hfont) + extra
            need = Need(header, header, 0.0, True, False)
            for row in self.rows:
                cell = _cell(row[k]) if k < len(row) else Cell()
                room = extra + (doc.mm(cell.draw_mm + 1.2) if cell.draw else 0.0)
                need.empty = need.empty and not (cell.text or cell.small or cell.draw)
                need.prose = need.prose or cell.hyphens
                need.piece = max(need.piece, room)
                for text, style, hyphens in ((cell.text, (cell.bold, cell.mono), cell.hyphens),
                                             (cell.small, "small", False)):
                    if text:
                        key = (text, style, hyphens)
                        if key not in measured:
                            font = (self._small_font(doc) if style == "small"
                                    else self._cell_font(doc, cell))
                            measured[key] = cell_widths(doc, text, font, hyphens)
                        piece, long, line = measured[key]
                        need.piece = max(need.piece, piece + room)
                        if long:
                            need.long_word = max(need.long_word, long + room)
                        need.line = max(need.line, line + room)
            needs.append(need)
        return needs

    def _header_font(self, doc: Doc) -> QFont:
        return doc.font(self.size * 0.92, bold=True, condensed=self.condensed)

    def _hyphens(self, doc: Doc, width: float, k: int, cell: Cell) -> bool:
        """Whether ``cell``, in column ``k``, breaks a word too wide for it between syllables:
        prose always; a name only in a column the table's width cannot give its widest word."""
        return cell.hyphens or k in self._fit(doc, width).hyphenated

    def _insets(self, doc: Doc) -> list[float]:
        """Each column's room left of its text besides the padding."""
        return [doc.mm(c.inset_mm) for c in self.columns]

    def _text_widths(self, doc: Doc, width: float) -> list[float]:
        """Each column's width less its extra room (what its cells' text may fill)."""
        return [w - inset for w, inset in zip(self._widths(doc, width), self._insets(doc))]

    def _pads(self, doc: Doc) -> tuple[float, float]:
        return doc.mm(1.2), doc.mm(0.9)  # horizontal, vertical

    def _text_w(self, doc: Doc, cell: Cell, width: float) -> float:
        px, _py = self._pads(doc)
        return width - 2 * px - (doc.mm(cell.draw_mm + 1.2) if cell.draw else 0.0)

    def _cell_font(self, doc: Doc, cell: Cell) -> QFont:
        return doc.font(self.size, bold=cell.bold, mono=cell.mono, condensed=self.condensed)

    def _small_font(self, doc: Doc) -> QFont:
        return doc.font(self.size * 0.85, condensed=self.condensed)

    def _cell_height(self, doc: Doc, cell: Cell, width: float, font: QFont,
                     align: Qt.AlignmentFlag, hyphens: bool = False) -> float:
        _px, py = self._pads(doc)
        text_w = self._text_w(doc, cell, width)
        h = doc.text_height(cell.text, font, text_w, align, hyphens) if cell.text else 0.0
        if cell.small:
            h += doc.text_height(cell.small, self._small_font(doc), text_w, align)
        if cell.draw:
            h = max(h, doc.mm(cell.draw_mm))
        return h + 2 * py

    def _caption_height(self, doc: Doc) -> float:
        if not (self.title and self.continued):
            return 0.0
        return doc.line_height(doc.font(self.size * 1.05, bold=True)) + doc.mm(1.0)

    def header_height(self, doc: Doc, width: float) -> float:
        """The header row, plus the "(continued)" caption on a continuation."""
        return self._caption_height(doc) + self._header_row_height(doc, width)

    def _header_row_height(self, doc: Doc, width: float) -> float:
        font = self._header_font(doc)
        return max(self._cell_height(doc, Cell(c.title), w, font, c.align)
                   for c, w in zip(self.columns, self._text_widths(doc, width)))

    def row_height(self, doc: Doc, width: float, index: int) -> float:
        key = (width, index)
        if key not in self._heights:
            widths = self._text_widths(doc, width)
            h = 0.0
            for k, (value, w, col) in enumerate(zip(self.rows[index], widths, self.columns)):
                cell = _cell(value)
                h = max(h, self._cell_height(doc, cell, w, self._cell_font(doc, cell),
                                             col.align, self._hyphens(doc, width, k, cell)))
            self._heights[key] = h
        return self._heights[key]

    def footnote_height(self, doc: Doc, width: float) -> float:
        if not self.footnote:
            return 0.0
        return doc.mm(1.0) + doc.text_height(self.footnote, doc.font(self.size * 0.9, condensed=self.condensed), width)

    def height(self, doc: Doc, width: float) -> float:
        return (self.header_height(doc, width)
                + sum(self.row_height(doc, width, i) for i in range(len(self.rows)))
                + self.footnote_height(doc, width) + doc.mm(self.after_mm))

    def min_height(self, doc: Doc, width: float) -> float:
        first = self.row_height(doc, width, 0) if self.rows else 0.0
        return self.header_height(doc, width) + min(first, doc.mm(TALL_ROW_MM))

    def _part(self, doc: Doc, width: float, rows: Sequence[Sequence[Cell | str]],
              first_row_index: int, last: bool) -> Table:
        """The rows before a page break, or (``last``) after it, with the footnote; in the
        columns the whole table has."""
        fit = self._fit(doc, width)
        return Table(self.columns, rows, self.size, self.zebra, self.footnote if last else "",
                     first_row_index, self.condensed, self.title,
                     self.after_mm if last else 0.0, last or self.continued,
                     (tuple(w / width for w in fit.widths), fit.hyphenated))

    def split(self, doc: Doc, width: float, avail: float, lead: float = 0.0
              ) -> tuple[Block, Block | None] | None:
        used = self.header_height(doc, width)
        n = 0
        while n < len(self.rows) and used + self.row_height(doc, width, n) <= avail:
            used += self.row_height(doc, width, n)
            n += 1
        if n < len(self.rows) and self.row_height(doc, width, n) > doc.mm(TALL_ROW_MM):
            # A tall row (a long note) runs on to the next page rather than leave a gap.
            cut = self._split_row(doc, width, self.rows[n], avail - used)
            if cut is not None:
                head_row, rest_row = cut
                return (self._part(doc, width, [*self.rows[:n], head_row],
                                   self.first_row_index, False),
                        self._part(doc, width, [rest_row, *self.rows[n + 1:]],
                                   self.first_row_index + n, True))
        if n == len(self.rows):  # every row fits; the footnote, or the space after, not
            if used + self.footnote_height(doc, width) <= avail:
                return replace(self, after_mm=0.0), None
            n -= 1  # the last row goes over with the footnote
        n = rows_before_break([self.row_height(doc, width, i) for i in range(len(self.rows))],
                              n, self.header_height(doc, width) + lead, doc.mm(KEEP_BLANK_MM))
        if n == 0:
            return None
        return (self._part(doc, width, self.rows[:n], self.first_row_index, False),
                self._part(doc, width, self.rows[n:], self.first_row_index + n, True))

    def _split_row(self, doc: Doc, width: float, row: Sequence[Cell | str],
                   room: float) -> tuple[list[Cell], list[Cell]] | None:
        """The row cut where ``room`` ends: each cell's lines that fit, and the rest of each
        cell for the next page; None if not even two lines fit."""
        _px, py = self._pads(doc)
        inner = room - 2 * py
        if inner < 2 * doc.line_height(doc.font(self.size, condensed=self.condensed)):
            return None
        heads: list[Cell] = []
        rests: list[Cell] = []
        for k, (value, w) in enumerate(zip(row, self._text_widths(doc, width))):
            cell = _cell(value)
            if cell.draw and doc.mm(cell.draw_mm) > inner:
                return None
            text_w = self._text_w(doc, cell, w)
            head_text, rest_text, used = _cut(doc, cell.text, self._cell_font(doc, cell),
                                              text_w, inner, self._hyphens(doc, width, k, cell))
            if rest_text or not cell.small:
                head_small, rest_small = "", cell.small
            else:
                head_small, rest_small, _ = _cut(doc, cell.small, self._small_font(doc), text_w,
                                                 inner - used)
            heads.append(replace(cell, text=head_text, small=head_small))
            rests.append(replace(cell, text=rest_text, small=rest_small, draw=None,
                                 draw_mm=0.0))
        if not any(c.text or c.small for c in rests) or not any(c.text for c in heads):
            return None
        if not rests[0].text:  # the first column says whose row goes on (a date, a name)
            rests[0] = replace(rests[0], text=_cell(row[0]).text, colour=MUTED)
        return heads, rests

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        widths = self._widths(doc, width)
        insets = self._insets(doc)
        px, py = self._pads(doc)
        caption = self._caption_height(doc)
        if caption:
            doc.draw_text(painter, QRectF(x, y, width, caption),
                          fill(translate("ReportLayout", "%1 (continued)"), [self.title]),
                          doc.font(self.size * 1.05, bold=True), MUTED, wrap=False)
            y += caption
        hh = self._header_row_height(doc, width)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(HEADER_FILL))
        painter.drawRect(QRectF(x, y, width, hh))
        hfont = self._header_font(doc)
        cx = x
        for col, w, inset in zip(self.columns, widths, insets):
            doc.draw_text(painter, QRectF(cx + px + inset, y + py, w - 2 * px - inset, hh),
                          col.title, hfont, INK, col.align)
            cx += w
        cy = y + hh
        doc.rule(painter, x, x + width, cy, 0.8, INK)
        for i, row in enumerate(self.rows):
            rh = self.row_height(doc, width, i)
            if self.zebra and (self.first_row_index + i) % 2 == 1:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(ZEBRA))
                painter.drawRect(QRectF(x, cy, width, rh))
            cx = x
            for k, (col, w, inset, value) in enumerate(zip(self.columns, widths, insets, row)):
                cell = _cell(value)
                hyphens = self._hyphens(doc, width, k, cell)
                tx = cx + px + inset
                tw = w - 2 * px - inset
                if cell.draw:
                    size = doc.mm(cell.draw_mm)
                    cell.draw(painter, QRectF(tx, cy + py, size, size))
                    tx += size + doc.mm(1.2)
                    tw -= size + doc.mm(1.2)
                font = doc.font(self.size, bold=cell.bold, mono=cell.mono, condensed=self.condensed)
                text_top = cy + py
                if cell.draw and not cell.small:  # centre one line of text on the drawing
                    text_top += max(0.0, (doc.mm(cell.draw_mm)
                                           - doc.text_height(cell.text, font, tw, col.align,
                                                             hyphens)) / 2)
                if cell.text:
                    doc.draw_text(painter, QRectF(tx, text_top, tw, rh), cell.text, font,
                                  cell.colour, col.align, hyphens=hyphens)
                if cell.small:
                    th = (doc.text_height(cell.text, font, tw, col.align, hyphens)
                          if cell.text else 0.0)
                    doc.draw_text(painter, QRectF(tx, text_top + th, tw, rh), cell.small,
                                  doc.font(self.size * 0.85, condensed=self.condensed), MUTED, col.align)
                cx += w
            cy += rh
            doc.rule(painter, x, x + width, cy, 0.3, GRID)
        if self.footnote:
            doc.draw_text(painter, QRectF(x, cy + doc.mm(1.0), width, 1e5), self.footnote,
                          doc.font(self.size * 0.9, condensed=self.condensed), MUTED)
