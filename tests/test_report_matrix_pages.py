"""The progress report's matrices over a page break: a heading is never left alone at the
foot of a page, and a footnote is never carried over without rows of its table."""

from __future__ import annotations

from PySide6.QtGui import QPdfWriter

from imsmap.report.document import device_resolution
from imsmap.report.layout import Block, Doc, Heading, Paragraph, paginate
from imsmap.report.progress_matrices import MatrixBlock

FOOT = "Sum of the grasp grades of the sites supplied by the root on that side. " * 3


def _doc(tmp_path) -> Doc:
    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    return Doc(writer, device_resolution(writer))


def _matrix(rows: int) -> MatrixBlock:
    cells = [("1", "#fde0a0", "#000000")] * 10
    return MatrixBlock("Summed grasp by root and side",
                       [(f"#{j + 1}", f"{j + 1} Nov") for j in range(10)],
                       [(f"L{k} right", cells, "") for k in range(rows)], footnote=FOOT)


def _room_for_rows_not_footnote(doc: Doc, width: float, heading: Heading,
                                matrix: MatrixBlock) -> float:
    """A page bottom under which the heading and every row fit, but not the footnote."""
    rows_only = matrix.header_height(doc) + len(matrix.rows) * matrix.row_height(doc)
    return heading.height(doc, width) + rows_only + 1.0


def test_a_small_table_that_fits_but_for_its_footnote_splits_under_its_heading(qapp, tmp_path):
    """A grid of 5 rows whose rows fit at a page's foot but not its footnote: 3 rows stay under
    the heading, 2 go over with the footnote under the header repeated (it went over whole and
    left 42-45 mm blank: the demo's root grids); the heading is never left alone."""
    doc = _doc(tmp_path)
    width = doc.mm(180)
    heading, matrix = Heading("Summed grasp by root and side"), _matrix(5)
    bottom = _room_for_rows_not_footnote(doc, width, heading, matrix)
    assert matrix.height(doc, width) + heading.height(doc, width) > bottom  # the case itself
    pages = paginate(doc, [heading, matrix], width, 0.0, 0.0, bottom + doc.mm(60))
    assert len(pages) == 1  # room for all: one page
    # what came before takes most of the first page; the next page has room for all
    before = Paragraph("The segmental view over time.", 9)
    top = doc.mm(150)
    pages = paginate(doc, [before, heading, matrix], width, top, 0.0,
                     top + before.height(doc, width) + bottom)
    assert [[type(b).__name__ for b, _y in page] for page in pages] == \
        [["Paragraph", "Heading", "MatrixBlock"], ["MatrixBlock"]]
    head, tail = pages[0][2][0], pages[1][0][0]
    assert [r[0] for r in head.rows] == ["L0 right", "L1 right", "L2 right"]
    assert [r[0] for r in tail.rows] == ["L3 right", "L4 right"]
    assert tail.continued and tail.footnote == FOOT and not head.footnote


def test_a_grid_of_three_rows_moves_whole_with_its_heading(qapp, tmp_path):
    """Three rows are not cut in two (a row alone under a repeated header reads as a stray
    line): the grid and its heading go over together."""
    doc = _doc(tmp_path)
    width = doc.mm(180)
    heading, matrix = Heading("Summed grasp by root and side"), _matrix(3)
    before = Paragraph("The segmental view over time.", 9)
    top = doc.mm(150)
    bottom = _room_for_rows_not_footnote(doc, width, heading, matrix)
    pages = paginate(doc, [before, heading, matrix], width, top, 0.0,
                     top + before.height(doc, width) + bottom)
    assert [[b for b, _y in page] for page in pages] == [[before], [heading, matrix]], \
        "the heading was left alone at the foot of the page, or the grid cut in two"


def test_a_long_table_never_leaves_its_footnote_alone_over_the_page(qapp, tmp_path):
    doc = _doc(tmp_path)
    width = doc.mm(180)
    heading, matrix = Heading("Grasp by muscle and session"), _matrix(16)
    bottom = _room_for_rows_not_footnote(doc, width, heading, matrix)
    pages = paginate(doc, [heading, matrix], width, 0.0, 0.0, bottom)
    assert len(pages) == 2
    first, second = pages
    assert isinstance(first[0][0], Heading) and isinstance(first[1][0], MatrixBlock)
    head, tail = first[1][0], second[0][0]
    assert isinstance(tail, MatrixBlock) and tail.continued
    assert len(head.rows) + len(tail.rows) == 16
    assert len(tail.rows) >= 2 and tail.footnote == FOOT and head.footnote == ""


class _Unsplittable(Block):
    """A block whose least height promises less than it needs: pagination must still not
    leave the heading before it alone."""

    def height(self, doc: Doc, width: float) -> float:
        return doc.mm(80)

    def min_height(self, doc: Doc, width: float) -> float:
        return doc.mm(5)

    def paint(self, doc, painter, x, y, width) -> None:
        pass


def test_a_heading_goes_over_with_a_block_that_could_not_start_under_it(qapp, tmp_path):
    doc = _doc(tmp_path)
    width = doc.mm(180)
    before, heading, block = Paragraph("Earlier text.", 9), Heading("Notes"), _Unsplittable()
    bottom = doc.mm(120)
    top = bottom - doc.mm(30)  # room for the heading and the promised 5 mm, not for 80 mm
    pages = paginate(doc, [before, heading, block], width, top, 0.0, bottom)
    assert [[b for b, _y in page] for page in pages] == [[before], [heading, block]]


def test_a_grid_breaks_by_the_rule_of_the_tables(qapp, tmp_path):
    """The grids kept a rule of their own, 3 rows on each side of a break or the grid goes over
    whole, beside the tables' ``rows_before_break`` (3 rows where that costs the page at most
    15 mm, else 2, ...): one rule now, the tables'. Room for 2 rows of 16 under the grid's
    header: 2 stay (the grid going over whole would leave 19 mm blank), where the grid's own
    rule moved it whole."""
    from imsmap.report.layout import KEEP_BLANK_MM
    from imsmap.report.table import rows_before_break

    doc = _doc(tmp_path)
    width = doc.mm(180)
    matrix = _matrix(16)
    head, rh = matrix.header_height(doc), matrix.row_height(doc)
    for lead in (0.0, Heading("Grasp by muscle and session").height(doc, width)):
        for fit in range(0, 17):
            parts = matrix.split(doc, width, head + (fit + 0.5) * rh, lead)
            kept = len(parts[0].rows) if parts else 0
            assert kept == rows_before_break([rh] * 16, min(fit, 15), head + lead,
                                             doc.mm(KEEP_BLANK_MM)), (lead, fit)
    parts = matrix.split(doc, width, head + 2.5 * rh)
    assert parts is not None and [len(p.rows) for p in parts] == [2, 14]
    assert parts[1].continued and parts[1].footnote == FOOT
