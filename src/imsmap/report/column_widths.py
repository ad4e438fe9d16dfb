"""How wide each column of a printed table is: its share of the width (``Column.weight``), then
the corrections a table's own rows call for.

- A word is never cut where it has no break. A muscle's name is not hyphenated
  (``report.hyphenation``: a hyphen the record does not hold would misstate it), and the site
  table's Muscle column, 27 mm, printed « Sternocleidomast / oid »: cut after the last letter
  that fit, with no hyphen to say the word goes on. Each column is given at least the width its
  widest unbreakable piece needs (a word, or the syllable of prose that breaks with a hyphen;
  its header's words too), taken first from the width an empty column gives away, then from
  what prose columns (Notes, Response) have beyond their own widest piece, then from any other
  column's room beyond its own. Only where the table's width cannot hold every column's widest
  piece are a column's words broken between syllables, with a hyphen; never anywhere else.
  A word's own hyphen or slash breaks it only where a reader would ("e-stim", "ache/cramp"
  are one piece: ``hyphenation.unwanted_break``). A piece longer than ``LONG_PIECE``
  characters (a hash, a web address) claims nothing: made as wide as it, its column took the
  others' width down to their own widest words and made every row tall; it breaks at its
  column's end, between syllables with a hyphen if it is a word of letters.
- A column with nothing in any row (no one wrote a note) keeps only what its header needs:
  its width goes to the columns whose text wraps, each in proportion to how much wider its
  longest line is than the column (Response, whose cells make the rows tall, takes most), up to
  that line; what is still left goes to every column that holds something, by weight.
- A column of names or figures that wraps (the progress report's practitioner, « Alex Démo, /
  pht », on every row) gets the width of its longest line where the other columns have that
  much room beyond their own longest line and their header's widest word; never prose (cells
  with ``Cell.hyphens``: notes, responses, the consent's sentences), which wraps anyway, and
  not in a table whose prose wraps (its rows are tall already).

A table with none of these (the common case) keeps the widths its weights give, as before. The
widths are worked out once for the whole table: its parts after a page break keep them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QTextBoundaryFinder
from PySide6.QtGui import QFont

from imsmap.report.hyphenation import SOFT_HYPHEN, hyphenable, unwanted_break
from imsmap.report.layout import Doc

__all__ = ["LONG_PIECE", "SLACK_PT", "Fitted", "Need", "cell_widths", "fit_widths",
           "widest_line", "widest_long_word", "widest_piece"]

LONG_PIECE = 24  # characters: the longest piece a column widens for (the catalogue's longest
# unbroken piece of a name, « Intertransversaires », has 19)
SLACK_PT = 0.5  # a whole word fits with this to spare: the line breaker measures it the same,
# but a fraction of a unit too few would cut it again


def line_pieces(text: str) -> list[str]:
    """``text`` cut at every place a line may end (Unicode line breaking, as Qt's layout
    breaks it, but for a word's own hyphen or slash where ``report.textflow`` does not break:
    "e-stim" is one piece): "Accessory nerve (CN XI);" -> "Accessory ", "nerve ", "(CN ",
    "XI);"."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    out = []
    start = 0
    while True:
        at = finder.toNextBoundary()
        if at < 0 or at > len(text):
            break
        if unwanted_break(text, at):
            continue
        if at > start:
            out.append(text[start:at])
        start = at
    if start < len(text):
        out.append(text[start:])
    return out


def _piece_width(doc: Doc, piece: str, font: QFont) -> float:
    """A piece's width, with the hyphen a soft hyphen at its end prints."""
    w = doc.text_width(piece.replace(SOFT_HYPHEN, ""), font)
    return w + doc.text_width("-", font) if piece.endswith(SOFT_HYPHEN) else w


def _long(piece: str) -> bool:
    return len(piece.replace(SOFT_HYPHEN, "")) > LONG_PIECE


def widest_piece(doc: Doc, text: str, font: QFont, hyphens: bool = False) -> float:
    """The width of the widest piece of ``text`` no line may end inside; with ``hyphens``
    (prose), of its syllables that break with a hyphen, the hyphen included. A piece longer
    than ``LONG_PIECE`` characters (a hash, a web address, a word longer than any name) is left
    out: a reader takes it broken at the column's end, and it would take the other columns'
    width down to their own widest words."""
    if hyphens:
        text = " ".join(hyphenable(word) for word in text.split())
    return _widest_piece(doc, line_pieces(text), font)


def _widest_piece(doc: Doc, pieces: list[str], font: QFont) -> float:
    return max((_piece_width(doc, piece, font) for piece in map(str.rstrip, pieces)
                if not _long(piece)), default=0.0)


def widest_long_word(doc: Doc, text: str, font: QFont) -> float:
    """The width of the widest word of letters in ``text`` too long to claim its width
    (``LONG_PIECE``); 0 if none. A column narrower than it breaks it between syllables, with a
    hyphen, rather than after its last letter that fits."""
    return _widest_long_word(doc, line_pieces(text), font)


def _widest_long_word(doc: Doc, pieces: list[str], font: QFont) -> float:
    words = (piece.strip(".,;:!?()[]«»\"“”‘’'") for piece in map(str.rstrip, pieces))
    return max((doc.text_width(word, font) for word in words
                if _long(word) and word.replace("-", "").replace("'", "").isalpha()),
               default=0.0)


def widest_line(doc: Doc, text: str, font: QFont) -> float:
    """The width of ``text``'s widest line when nothing wraps it."""
    return max((doc.text_width(line, font) for line in text.split("\n")), default=0.0)


def cell_widths(doc: Doc, text: str, font: QFont, hyphens: bool = False
                ) -> tuple[float, float, float]:
    """What a table's column widths ask of one cell's text: its ``widest_piece``,
    ``widest_long_word`` and ``widest_line``, its pieces found once for the first two (the
    line breaking is the dearer part of measuring a cell)."""
    pieces = line_pieces(text)
    piece = widest_piece(doc, text, font, hyphens) if hyphens else \
        _widest_piece(doc, pieces, font)
    return piece, _widest_long_word(doc, pieces, font), widest_line(doc, text, font)


@dataclass
class Need:
    """What one column's content asks of its width (device units, the column's padding and
    inset included)."""

    header: float  # the widest word of its header
    piece: float  # the widest unbreakable piece of its header and cells
    line: float  # its cells' widest line, unwrapped
    empty: bool  # no cell of any row holds anything
    prose: bool  # its cells are prose (a word breaks between syllables, with a hyphen)
    long_word: float = 0.0  # its widest word too long to claim width (widest_long_word)


@dataclass
class Fitted:
    widths: list[float]
    # columns too narrow for their widest word even so: their words break between syllables
    hyphenated: frozenset[int]


def _share(amount: float, to: Sequence[int], weights: Sequence[float]) -> list[float]:
    total = sum(weights[i] for i in to)
    return [amount * weights[i] / total if total else amount / len(to) for i in to]


def fit_widths(width: float, weights: Sequence[float], needs: Sequence[Need]) -> Fitted:
    """Each column's width on a table ``width`` wide (see the module's docstring)."""
    total = sum(weights)
    widths = [width * w / total for w in weights]
    pool = 0.0
    for i, need in enumerate(needs):
        if need.empty and widths[i] > need.header:
            pool += widths[i] - need.header
            widths[i] = need.header
    hyphenated = set()
    for i, need in enumerate(needs):
        short = need.piece - widths[i]
        if need.empty or short <= 0:
            continue
        took = min(pool, short)
        pool -= took
        widths[i] += took
        short -= took
        for givers in ([j for j, n in enumerate(needs) if n.prose and j != i],
                       [j for j, n in enumerate(needs) if not n.prose and j != i]):
            room = {j: widths[j] - max(needs[j].piece, needs[j].header) for j in givers}
            room = {j: r for j, r in room.items() if r > 0}
            spare = sum(room.values())
            if short <= 0 or spare <= 0:
                continue
            take = min(short, spare)
            for j, r in room.items():
                widths[j] -= take * r / spare
            widths[i] += take
            short -= take
        if short > 0:
            hyphenated.add(i)
    # What the empty columns gave and the short ones did not take: to the columns that wrap,
    # by how much more their longest line needs (the one that wraps most, whose cells make the
    # rows tall, takes most), each up to that line; then to every column that holds something.
    wrapping = [i for i, n in enumerate(needs) if not n.empty and widths[i] < n.line]
    if wrapping and pool > 1e-6:
        more = [needs[i].line - widths[i] for i in wrapping]
        given = min(pool, sum(more))
        for i, wants in zip(wrapping, more):
            widths[i] += given * wants / sum(more)
        pool -= given
    if pool > 1e-6:
        full = [i for i, n in enumerate(needs) if not n.empty] or list(range(len(needs)))
        for i, share in zip(full, _share(pool, full, weights)):
            widths[i] += share
    # A column of names or figures that wraps where the others have the room for it beyond
    # their own longest line and their header's widest word: the width its longest line needs,
    # and each row it made two lines one (the progress report's practitioner, « Alex Démo, /
    # pht », on every row of the sessions table). Only all of it: a part would save no line;
    # and only in a table whose prose does not wrap: where it does (the site table's Response),
    # it makes the rows tall, a name's line saves nothing, and the columns that gave wrapped
    # their headers on more lines.
    prose_wraps = any(n.prose and not n.empty and widths[i] < n.line
                      for i, n in enumerate(needs))
    for i, need in enumerate([] if prose_wraps else needs):
        short = need.line - widths[i]
        if need.empty or need.prose or short <= 0:
            continue
        room = {j: widths[j] - max(n.line, n.header) for j, n in enumerate(needs) if j != i}
        room = {j: r for j, r in room.items() if r > 0}
        spare = sum(room.values())
        if spare < short:
            continue
        for j, r in room.items():
            widths[j] -= short * r / spare
        widths[i] += short
    # (a word longer than any name, in a column narrower than it: between syllables)
    hyphenated.update(i for i, need in enumerate(needs) if need.long_word > widths[i])
    return Fitted(widths, frozenset(hyphenated))
