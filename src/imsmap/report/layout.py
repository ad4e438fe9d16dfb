"""A small page-layout engine for printed clinical documents: blocks flowed onto pages.

Everything is measured first and painted afterwards, so the total page count ("Page 2 of 5") is
known before the first page is painted. Coordinates are device units of the paint device (dots at
300 dpi for the PDF); sizes are given in millimetres and points and converted with ``Doc.mm`` and
``Doc.pt``. Colours are opaque hex strings: PDF/A-1b has no transparency. Text is broken into
lines by ``textflow`` (measured and painted alike, continued across pages); tables are in
``table``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPaintDevice, QPainter, QPen

from imsmap.domain.text import fill
from imsmap.i18n.records import translate
from imsmap.report.textflow import Flow, printable

__all__ = ["ALERT", "INK", "Block", "Doc", "Heading", "KeyValues", "Paragraph", "Spacer",
           "draw_titled", "paginate"]

INK = "#1a1a1a"  # body text
MUTED = "#5a5a5a"  # labels, captions
RULE = "#8a8a8a"
HEADER_FILL = "#dcdcdc"  # table header row
ZEBRA = "#f3f3f3"  # every other table row
BOX_FILL = "#f5f5f5"
GRID = "#b8b8b8"
ALERT = "#8a1c1c"  # what is missing from the record, severe events, integrity warnings

SANS = "DejaVu Sans"
CONDENSED = "DejaVu Sans Condensed"  # tables: more words to the line, same design
MONO = "DejaVu Sans Mono"
# The rows of a table kept together on either side of a page break: KEEP_ROWS where that moves
# no more than KEEP_BLANK_MM of rows to the next page, else KEEP_LEAST where that does, else
# as many as fit (report.table.rows_before_break).
KEEP_ROWS = 3
KEEP_LEAST = 2
KEEP_BLANK_MM = 15.0
# A block above one going over to the next page is drawn shorter (Block.shrink) only where that
# saves a blank at the page's foot at least this tall: a smaller one is left as a table's rows
# leave theirs (KEEP_BLANK_MM), the block above keeping its size.
SHRINK_FOR_BLANK_MM = 20.0
LEAST_SPACE_SHARE = 0.5  # a space between sections drawn shorter: at least half of it
_family_cache: dict[str, str] = {}


def _family(wanted: str) -> str:
    """``wanted`` if installed, else the system's general font of that kind."""
    if wanted not in _family_cache:
        families = set(QFontDatabase.families())
        if wanted in families:
            _family_cache[wanted] = wanted
        elif wanted == CONDENSED:
            _family_cache[wanted] = _family(SANS)
        else:
            kind = (QFontDatabase.SystemFont.FixedFont if "Mono" in wanted
                    else QFontDatabase.SystemFont.GeneralFont)
            _family_cache[wanted] = QFontDatabase.systemFont(kind).family()
    return _family_cache[wanted]


class Doc:
    """The paint device, its resolution and the fonts: what every block measures with."""

    def __init__(self, device: QPaintDevice, dpi: float):
        self.device = device
        self.dpi = float(dpi)
        self._fonts: dict[tuple, QFont] = {}
        self._metrics: dict[tuple, QFontMetricsF] = {}
        self._flows: dict[tuple, Flow] = {}
        self._widths: dict[tuple, float] = {}
        # each font this Doc made (kept in _fonts, so its id is its own) -> _font_id(font)
        self._font_keys: dict[int, tuple] = {}

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4

    def pt(self, value: float) -> float:
        return value * self.dpi / 72.0

    def font(self, size: float, *, bold: bool = False, italic: bool = False,
             mono: bool = False, condensed: bool = False) -> QFont:
        key = (size, bold, italic, mono, condensed)
        font = self._fonts.get(key)
        if font is None:
            font = QFont(_family(MONO if mono else CONDENSED if condensed else SANS))
            font.setPointSizeF(size)
            font.setBold(bold)
            font.setItalic(italic)
            font.setKerning(True)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            # No "fi"/"fl" ligatures: a records system that indexes the text must find
            # "findings", not "\ufb01ndings".
            for tag in ("liga", "clig"):
                font.setFeature(QFont.Tag(tag), 0)
            self._fonts[key] = font
            self._font_keys[id(font)] = self._font_id(font)
        return font

    @staticmethod
    def _font_id(font: QFont) -> tuple:
        return font.family(), font.pointSizeF(), font.bold(), font.italic(), font.stretch()

    def _font_key(self, font: QFont) -> tuple:
        """What tells ``font`` apart in the caches below: asked of Qt once for a font this Doc
        made (a session record asks it about 5,000 times), every time for any other."""
        key = self._font_keys.get(id(font))
        return key if key is not None else self._font_id(font)

    def metrics(self, font: QFont) -> QFontMetricsF:
        key = self._font_key(font)
        fm = self._metrics.get(key)
        if fm is None:
            fm = QFontMetricsF(font, self.device)
            self._metrics[key] = fm
        return fm

    def line_height(self, font: QFont) -> float:
        return self.metrics(font).height()

    def flow(self, text: str, font: QFont, width: float,
             align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, wrap: bool = True,
             hyphens: bool = False) -> Flow:
        """``text`` broken into lines of ``width``: what is measured is what is painted.
        ``hyphens``: prose, whose words wider than the line break with a hyphen (Flow)."""
        key = (text, self._font_key(font), width, align, wrap, hyphens)
        flow = self._flows.get(key)
        if flow is None:
            flow = Flow(text, font, width, self.device,
                        align=Qt.AlignmentFlag(align & Qt.AlignmentFlag.AlignHorizontal_Mask),
                        wrap=wrap, min_line=self.line_height(font), hyphens=hyphens)
            self._flows[key] = flow
        return flow

    def text_height(self, text: str, font: QFont, width: float,
                    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
                    hyphens: bool = False) -> float:
        """The height ``text`` takes; ``align``, the alignment it is painted with, changes no
        line break: given, the layout measured is the one painted."""
        if not text:
            return self.line_height(font)
        return max(self.flow(text, font, width, align, hyphens=hyphens).height,
                   self.line_height(font))

    def text_width(self, text: str, font: QFont) -> float:
        """The width of ``text`` on one line: measured once per text and font, as its lines
        are (a table's widths ask for each word of each cell, and the site table's words
        repeat: "Left", "of", "(segmental)", "—" on most of its 40 rows)."""
        key = (text, self._font_key(font))
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = self.metrics(font).horizontalAdvance(
                printable(text, font))
        return width

    def draw_text(self, painter: QPainter, rect: QRectF, text: str, font: QFont,
                  colour: str = INK, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
                  wrap: bool = True, hyphens: bool = False) -> None:
        """``text`` from the top of ``rect``, wrapped to its width (words wider than the
        width are broken anywhere): never clipped, the layout reserves the height
        ``text_height`` gives. With ``wrap`` False, one line (a label, a caption, the running
        header), shortened with "…" if wider than ``rect`` rather than run over its neighbour
        or be cut off unseen."""
        if not wrap and self.text_width(text, font) > rect.width():
            text = self.metrics(font).elidedText(printable(text, font),
                                                 Qt.TextElideMode.ElideRight, rect.width())
        self.flow(text, font, rect.width(), align, wrap, hyphens).paint(
            painter, rect.x(), rect.y(), colour)

    def rule(self, painter: QPainter, x0: float, x1: float, y: float, width_pt: float = 0.5,
             colour: str = RULE) -> None:
        painter.setPen(QPen(QColor(colour), self.pt(width_pt)))
        painter.drawLine(QPointF(x0, y), QPointF(x1, y))


def draw_titled(doc: Doc, painter: QPainter, x: float, y: float, width: float, title: str,
                font: QFont, note: str, note_font: QFont, gap_mm: float = 2.5) -> None:
    """A one-line title and, ``gap_mm`` after it on the same baseline, a note in smaller muted
    type ("Body charts  2 views with sites"): section headings and chart captions."""
    lh = doc.line_height(font)
    doc.draw_text(painter, QRectF(x, y, width, lh), title, font, INK, wrap=False)
    if note:
        tx = x + doc.text_width(title, font) + doc.mm(gap_mm)
        rise = doc.metrics(font).ascent() - doc.metrics(note_font).ascent()
        doc.draw_text(painter, QRectF(tx, y + rise, width - (tx - x), lh), note, note_font,
                      MUTED, wrap=False)


class Block:
    """Something that takes vertical space on a page."""

    keep_with_next = False

    def height(self, doc: Doc, width: float) -> float:
        raise NotImplementedError

    def min_height(self, doc: Doc, width: float) -> float:
        """The least that must fit for the block to start on a page (its first row, say)."""
        return self.height(doc, width)

    def split(self, doc: Doc, width: float, avail: float, lead: float = 0.0
              ) -> tuple[Block, Block | None] | None:
        """A part that fits in ``avail`` and the rest, or None if the block cannot split.

        A rest of None means the first part is the whole block in a more compact form.
        ``lead``: the height of what goes to the next page with the block if it does not split
        (its heading), part of the blank its going over would leave (``paginate``)."""
        return None

    def grow(self, doc: Doc, width: float, extra: float) -> Block | None:
        """The block drawn up to ``extra`` taller, or None if it keeps its height: asked of the
        last block on a page when what follows goes to the next page and leaves ``extra``
        blank under it (``paginate``)."""
        return None

    def shrink(self, doc: Doc, width: float, by: float) -> Block | None:
        """The block drawn ``by`` shorter, or as near that as it reads well, or None if it keeps
        its height: asked of a block already on a page when one after it would go over to the
        next and leave a blank; ``by`` is what that one lacks to start on the page
        (``paginate``)."""
        return None

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        raise NotImplementedError


@dataclass
class Spacer(Block):
    mm: float
    full_mm: float | None = None  # drawn shorter (shrink): its height as first given
    # between two sections kept together (a one-line section and the one before it): the
    # space goes over with what follows it, as a heading does, never left at a page's foot
    keep_with_next: bool = False

    def height(self, doc: Doc, width: float) -> float:
        return doc.mm(self.mm)

    def shrink(self, doc: Doc, width: float, by: float) -> Spacer | None:
        """The space between two sections halved at the most, where the next section would go
        over and leave a blank (``paginate``): the French record of demo session 5 left its
        signature box alone on a sixth page for want of 4.7 mm."""
        full = self.mm if self.full_mm is None else self.full_mm
        mm = max(full * LEAST_SPACE_SHARE, self.mm - by / doc.mm(1))
        if mm >= self.mm:
            return None
        return replace(self, mm=mm, full_mm=full)

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        pass


@dataclass
class Heading(Block):
    """A section title with a rule under it; never the last thing on a page."""

    text: str
    size: float = 11.0
    note: str = ""  # smaller text after the title, e.g. "(continued)" or a count
    keep_with_next = True

    def height(self, doc: Doc, width: float) -> float:
        return doc.line_height(doc.font(self.size, bold=True)) + doc.mm(2.2)

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        font = doc.font(self.size, bold=True)
        draw_titled(doc, painter, x, y, width, self.text, font, self.note,
                    doc.font(self.size * 0.78))
        doc.rule(painter, x, x + width, y + doc.line_height(font) + doc.mm(0.6), 0.8, INK)


@dataclass
class Paragraph(Block):
    """Wrapped text, optionally after a bold label on the same line's left ("Complaint").

    It continues across pages: the part that fits stays, the rest (labelled "... (continued)")
    goes on; never a lone first or last line on a page when it can be helped."""

    text: str
    size: float = 9.0
    label: str = ""
    label_mm: float = 28.0
    colour: str = INK
    italic: bool = False
    bold: bool = False
    after_mm: float = 1.4
    continued: bool = False  # the rest of a paragraph begun on an earlier page
    # a line that introduces what follows ("Muscles compared ...:"): never alone at a page's foot
    keep_with_next: bool = False

    def _font(self, doc: Doc) -> QFont:
        return doc.font(self.size, italic=self.italic, bold=self.bold)

    def _text_width(self, doc: Doc, width: float) -> float:
        return width - (doc.mm(self.label_mm) if self.label else 0.0)

    def _label(self) -> str:
        if self.continued:
            return fill(translate("ReportLayout", "%1 (continued)"), [self.label])
        return self.label

    def _label_height(self, doc: Doc) -> float:
        if not self.label:
            return 0.0
        return doc.text_height(self._label(), doc.font(self.size, bold=True),
                               doc.mm(self.label_mm - 1.5))

    def _flow(self, doc: Doc, width: float) -> Flow:
        return doc.flow(self.text, self._font(doc), self._text_width(doc, width))

    def height(self, doc: Doc, width: float) -> float:
        text_h = doc.text_height(self.text, self._font(doc), self._text_width(doc, width))
        return max(text_h, self._label_height(doc)) + doc.mm(self.after_mm)

    def min_height(self, doc: Doc, width: float) -> float:
        flow = self._flow(doc, width)
        first_lines = flow.bottoms[min(1, len(flow) - 1)] if len(flow) else 0.0
        return min(self.height(doc, width), max(first_lines, self._label_height(doc)))

    def split(self, doc: Doc, width: float, avail: float, lead: float = 0.0
              ) -> tuple[Block, Block | None] | None:
        if self._label_height(doc) > avail:
            return None
        flow = self._flow(doc, width)
        n = flow.fit(avail)
        if n >= len(flow):  # the text fits; the space after it does not
            return replace(self, after_mm=0.0), None
        if n < 2:  # not a lone first line at the foot of a page
            return None
        if len(flow) - n == 1 and n > 2:  # nor a lone last line at the top of the next
            n -= 1
        head, rest = flow.cut(n)
        rest = rest.lstrip("\n")  # no blank lines at the top of the next page
        if not rest:
            return replace(self, text=head, after_mm=0.0), None
        return replace(self, text=head, after_mm=0.0), replace(self, text=rest, continued=True)

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        tx = x
        if self.label:
            doc.draw_text(painter, QRectF(x, y, doc.mm(self.label_mm - 1.5), 1e5),
                          self._label(), doc.font(self.size, bold=True), MUTED)
            tx = x + doc.mm(self.label_mm)
        tw = self._text_width(doc, width)
        doc.draw_text(painter, QRectF(tx, y, tw, 1e5), self.text, self._font(doc), self.colour)


@dataclass
class KeyValues(Block):
    """A boxed grid of label/value pairs, ``columns`` pairs per row (the header of a record)."""

    items: Sequence[tuple[str, str]]
    columns: int = 3
    size: float = 9.0
    fill: str = BOX_FILL
    after_mm: float = 2.0

    def _rows(self) -> list[Sequence[tuple[str, str]]]:
        return [self.items[i:i + self.columns] for i in range(0, len(self.items), self.columns)]

    def column_width(self, doc: Doc, width: float) -> float:
        """The width one label and its value have (the label is one line: it must fit)."""
        return self._geometry(doc, width)[1] - doc.mm(2)

    def _geometry(self, doc: Doc, width: float) -> tuple[float, float, list[float]]:
        pad = doc.mm(2.2)
        col_w = (width - 2 * pad) / self.columns
        label_font = doc.font(self.size * 0.78)
        value_font = doc.font(self.size, bold=True)
        heights = []
        for row in self._rows():
            h = 0.0
            for _label, value in row:
                h = max(h, doc.line_height(label_font)
                        + doc.text_height(value or "—", value_font, col_w - doc.mm(2)))
            heights.append(h + doc.mm(1.2))
        return pad, col_w, heights

    def height(self, doc: Doc, width: float) -> float:
        pad, _col_w, heights = self._geometry(doc, width)
        return sum(heights) + 2 * pad - doc.mm(1.2) + doc.mm(self.after_mm)

    def paint(self, doc: Doc, painter: QPainter, x: float, y: float, width: float) -> None:
        pad, col_w, heights = self._geometry(doc, width)
        box_h = sum(heights) + 2 * pad - doc.mm(1.2)
        painter.setPen(QPen(QColor(GRID), doc.pt(0.5)))
        painter.setBrush(QColor(self.fill))
        painter.drawRect(QRectF(x, y, width, box_h))
        label_font = doc.font(self.size * 0.78)
        value_font = doc.font(self.size, bold=True)
        cy = y + pad
        for row, h in zip(self._rows(), heights):
            for i, (label, value) in enumerate(row):
                cx = x + pad + i * col_w
                doc.draw_text(painter, QRectF(cx, cy, col_w - doc.mm(2), h), label.upper(),
                              label_font, MUTED, wrap=False)
                doc.draw_text(painter, QRectF(cx, cy + doc.line_height(label_font),
                                              col_w - doc.mm(2), h), value or "—", value_font)
            cy += h


Placed = tuple[Block, float]  # a block and the y of its top edge


def _kept_with(page: list[Placed]) -> int:
    """How many blocks at the end of ``page`` go over with the next block if it does: a heading
    (what keeps with the next block) goes over with the block it was placed for, rather than
    end the page alone, whatever that block's min_height promised; never the page's first."""
    n = 0
    while n < len(page) - 1 and page[-1 - n][0].keep_with_next:
        n += 1
    return n


def _least_with(doc: Doc, queue: Sequence[Block], width: float) -> float:
    """The least of what must start on a page with a block that keeps with the next: the next
    block's least, and, where that keeps with its own next, that one's, and so on (the charts'
    heading, their legend and their first row; the signature box, the space after it, the
    amendments' heading and « None. »)."""
    need = 0.0
    for block in queue:
        need += block.min_height(doc, width)
        if not block.keep_with_next:
            break
    return need


def paginate(doc: Doc, blocks: Sequence[Block], width: float, first_top: float,
             later_top: float, bottom: float) -> list[list[Placed]]:
    """Flow blocks down pages: split what splits, move the rest, keep headings with what follows.

    A block taller than a whole page is placed anyway (at the top of its own page) rather than
    lost; the caller keeps blocks small enough that this does not happen.
    """
    pages: list[list[Placed]] = [[]]
    y = first_top
    queue = list(blocks)
    while queue:
        block = queue.pop(0)
        at_top = not pages[-1]
        if isinstance(block, Spacer) and at_top:
            continue
        h = block.height(doc, width)
        need = h
        if block.keep_with_next and queue:
            need += _least_with(doc, queue, width)
        if y + need <= bottom:
            pages[-1].append((block, y))
            y += h
            continue
        if block.keep_with_next and queue:
            # its compact form (a split with no rest), where that keeps it with the next's least
            parts = block.split(doc, width, bottom - y - _least_with(doc, queue, width))
            if parts is not None and parts[1] is None:
                pages[-1].append((parts[0], y))
                y += parts[0].height(doc, width)
                continue
        if not block.keep_with_next:
            # what would go over with it (its heading): part of the blank its going over
            # leaves, as its own rows are (a heading over a table whose first rows went over
            # with it left ~29 mm blank)
            kept = _kept_with(pages[-1])
            lead = y - pages[-1][-kept][1] if kept else 0.0
            parts = block.split(doc, width, bottom - y, lead)
            if parts is not None and parts[1] is not None and not queue and not at_top:
                # its rest would be all the last page holds (a grid's last two rows): the
                # blocks above drawn shorter to keep it whole on this page, where they can
                shorter = _shrink_above(doc, pages[-1], block, h, width, y, bottom, whole=True)
                if shorter:
                    y = _flow_again(pages[-1], queue, shorter, block)
                    continue
            if parts is not None:
                head, tail = parts
                pages[-1].append((head, y))
                if tail is None:  # the whole block fits, in a more compact form
                    y += head.height(doc, width)
                    continue
                queue.insert(0, tail)
                pages.append([])
                y = later_top
                continue
        if at_top:  # does not fit even on an empty page: place it rather than lose it
            pages[-1].append((block, y))
            y += h
            continue
        shorter = _shrink_above(doc, pages[-1], block, need, width, y, bottom)
        if shorter:  # drawn shorter, they let the block start here: flow again from them
            y = _flow_again(pages[-1], queue, shorter, block)
            continue
        queue.insert(0, block)
        for _ in range(_kept_with(pages[-1])):
            queue.insert(0, pages[-1].pop()[0])
        _grow_last(doc, pages[-1], width, bottom)
        pages.append([])
        y = later_top
    if not pages[-1] and len(pages) > 1:
        pages.pop()
    return pages


def _flow_again(page: list[Placed], queue: list[Block], shorter: dict[int, Block],
                block: Block) -> float:
    """The blocks of ``page`` from the first drawn shorter on taken off it and put back at the
    head of ``queue`` (in their shorter forms), ``block`` after them: where to flow on from."""
    first = min(shorter)
    top = page[first][1]
    queue[0:0] = [shorter.get(i, placed) for i, (placed, _top) in enumerate(page)
                  if i >= first] + [block]
    del page[first:]
    return top


def _shrink_above(doc: Doc, page: list[Placed], block: Block, need: float, width: float,
                  y: float, bottom: float, whole: bool = False) -> dict[int, Block]:
    """Blocks above ``block`` on ``page`` drawn shorter (Block.shrink; the nearest first, as
    many as it takes) so that ``block``, which goes over from ``y``, starts on the page instead
    with what keeps with it (its heading): {their places on the page: their shorter forms}, or
    none. ``need``: what ``block`` needs below ``y`` if it keeps with the next one (its own
    height and the next one's least). Only where going over leaves at least
    SHRINK_FOR_BLANK_MM blank: demo patient 4's report, whose spinal chart's row went over and
    left 44 mm blank under the row of body views, took a page more. ``whole``: ``block`` would
    split and its rest end the document alone on a page: room for all of it, whatever the
    blank."""
    kept = _kept_with(page)
    start = page[-kept][1] if kept else y
    if not whole and bottom - start < doc.mm(SHRINK_FOR_BLANK_MM):
        return {}
    wanted = block.height(doc, width) if whole else \
        need if block.keep_with_next else block.min_height(doc, width)
    lacking = y + wanted - bottom
    shorter: dict[int, Block] = {}
    for i in range(len(page) - kept - 1, -1, -1):
        if lacking <= 0:
            break
        above = page[i][0]
        drawn = above.shrink(doc, width, lacking + doc.mm(0.1))  # (no rounding short)
        if drawn is not None:
            shorter[i] = drawn
            lacking -= above.height(doc, width) - drawn.height(doc, width)
    if lacking > 0:
        return {}
    at = y - sum(page[i][0].height(doc, width) - b.height(doc, width)
                 for i, b in shorter.items())  # where block starts
    if whole:
        fits = at + block.height(doc, width) <= bottom
    elif block.keep_with_next:
        fits = at + need <= bottom
    else:
        fits = (block.height(doc, width) <= bottom - at
                or block.split(doc, width, bottom - at, y - start) is not None)
    return shorter if fits else {}


def _grow_last(doc: Doc, page: list[Placed], width: float, bottom: float) -> None:
    """The page's last block that can be drawn taller (``Block.grow``: the pain plot, a row of
    the progress report's charts) drawn so into the blank left at the page's foot, what follows
    it on the page moved down by as much: a row of charts above one that went over; the plot
    above the change section, the body charts after it going over (French demo patient 1's
    page 2 ended 61 mm blank under the section's words). The space after the page's last block,
    blank at its foot anyway, is dropped: the blank is the blocks' to take (the plot under the
    sessions' table, the section after it going over, stayed short above the space before that
    section's heading)."""
    while len(page) > 1 and isinstance(page[-1][0], Spacer):
        page.pop()
    if not page:
        return
    last, top = page[-1]
    extra = bottom - top - last.height(doc, width)
    if extra <= 0:
        return
    for i in range(len(page) - 1, -1, -1):
        block, y = page[i]
        grown = block.grow(doc, width, extra)
        if grown is not None:
            by = grown.height(doc, width) - block.height(doc, width)
            page[i] = (grown, y)
            page[i + 1:] = [(b, at + by) for b, at in page[i + 1:]]
            return
