"""A block already on a page drawn shorter so that the one after it starts there rather than go
over and leave a blank (layout.paginate, Block.shrink): the progress report's pain and grasp
plot above its body charts, a row of body views above the spinal chart's row (page 2 of a demo
report left 44 mm blank under its first row, and the report took a page more). Never below the
block's least size, never where going over leaves less than SHRINK_FOR_BLANK_MM; nothing
overlaps, nothing runs past the page's foot. And the report's one order of sections: the plot
under the sessions' table, on page 1, then the change since the first session."""

from __future__ import annotations

import pytest

from imsmap.report.layout import LEAST_SPACE_SHARE, SHRINK_FOR_BLANK_MM, Heading, paginate
from test_progress_pdf import build_course, text_of, write
from test_report_foot_blank import _doc, _laid_after

LABELS = ("none", "mild", "moderate", "strong")
SPACE_GIVES_MM = 3 * LEAST_SPACE_SHARE  # the Spacer(3) that _laid_after puts above the blocks


def _no_overlap(doc, pages, width, bottom):
    for page in pages:
        for (block, y), (_next, next_y) in zip(page, page[1:]):
            assert y + block.height(doc, width) <= next_y + 1e-6, type(block).__name__
        last, y = page[-1]
        assert y + last.height(doc, width) <= bottom + 1e-6, type(last).__name__


def _chart_rows(records, patient):
    from imsmap.report.progress_charts import heat_chart_blocks
    from imsmap.report.progress_pdf import load_history
    from test_report_page_breaks import _spine_course

    _spine_course(records, patient)
    _patient, history = load_history(records, patient.id)
    blocks = heat_chart_blocks(records, history, LABELS, 178.0)
    assert [type(b).__name__ for b in blocks] == ["ChartLegend", "HeatChartRow", "HeatChartRow"]
    return history, blocks


def test_a_row_of_body_views_is_drawn_lower_so_that_the_next_row_starts_on_its_page(
        qapp, records, patient, tmp_path):
    """Where the spinal chart's row lacks no more than the first row can give (down to
    LEAST_PANEL_SHARE), the first row is drawn lower by what it lacks and both stay; where it
    lacks more, the first row keeps its height (and grows into the blank, as before)."""
    from imsmap.report.progress_charts import CHART_PANEL_MM, LEAST_PANEL_SHARE

    _history, blocks = _chart_rows(records, patient)
    legend, first, second = blocks
    _writer, doc = _doc(tmp_path)
    width, bottom = doc.mm(178), doc.mm(280)
    gives = CHART_PANEL_MM * (1 - LEAST_PANEL_SHARE) + SPACE_GIVES_MM
    both = legend.height(doc, width) + first.height(doc, width)
    least_room = both + second.min_height(doc, width) - doc.mm(gives)
    room = least_room - doc.mm(3.25)  # (never on the boundary itself: rounding)
    while room < both + second.min_height(doc, width):
        _before, pages = _laid_after(doc, blocks, width, room, bottom)
        kinds = [[type(b).__name__ for b, _y in page] for page in pages]
        _no_overlap(doc, pages, width, bottom)
        if room >= least_room:
            assert kinds == [["Paragraph", "Spacer", "ChartLegend", "HeatChartRow",
                              "HeatChartRow"]], (room / doc.mm(1), kinds)
            upper, lower = pages[0][-2][0], pages[0][-1][0]
            assert CHART_PANEL_MM * LEAST_PANEL_SHARE - 1e-6 <= upper.panel_mm < CHART_PANEL_MM
            assert lower.panel_mm >= CHART_PANEL_MM * LEAST_PANEL_SHARE - 1e-6
        else:
            assert kinds == [["Paragraph", "Spacer", "ChartLegend", "HeatChartRow"],
                             ["HeatChartRow"]], (room / doc.mm(1), kinds)
            assert pages[0][-1][0].panel_mm >= CHART_PANEL_MM  # kept (grown into the blank)
        room += doc.mm(0.5)


def test_the_pain_plot_is_drawn_lower_so_that_the_body_charts_start_under_it(
        qapp, records, patient, tmp_path):
    """The plot above the body charts' heading, legend and first row: drawn lower (down to
    LEAST_TREND_SHARE) where that lets them start on its page; not below, and not at all where
    the charts' going over would leave less than SHRINK_FOR_BLANK_MM."""
    from imsmap.domain.progress import Course
    from imsmap.report.trend_plot import LEAST_TREND_SHARE, MOST_TREND_MM, TREND_MM, TrendBlock

    history, charts = _chart_rows(records, patient)
    plot = TrendBlock(history, Course.of(history).metrics)
    _writer, doc = _doc(tmp_path)
    width, bottom = doc.mm(178), doc.mm(280)
    heading = Heading("Where it grasped")
    legend, first, _second = charts
    charts_least = (heading.height(doc, width) + legend.height(doc, width)
                    + first.min_height(doc, width))
    blocks = [plot, heading, *charts]
    gives = TREND_MM * (1 - LEAST_TREND_SHARE)  # and the space above it, when that is short
    above = plot.height(doc, width)
    for lacking_mm in (0.5, 5, 17, gives - 0.5, gives + 0.5, gives + SPACE_GIVES_MM + 0.5,
                       gives + 10):
        room = above + charts_least - doc.mm(lacking_mm)
        _before, pages = _laid_after(doc, blocks, width, room, bottom)
        kinds = [[type(b).__name__ for b, _y in page] for page in pages]
        _no_overlap(doc, pages, width, bottom)
        laid = pages[0][2][0]
        assert type(laid).__name__ == "TrendBlock"
        if lacking_mm < gives + SPACE_GIVES_MM and room - above >= doc.mm(SHRINK_FOR_BLANK_MM):
            assert kinds[0][2:] == ["TrendBlock", "Heading", "ChartLegend", "HeatChartRow"], \
                (lacking_mm, kinds)
            assert laid.height_mm == pytest.approx(max(TREND_MM - lacking_mm,
                                                       TREND_MM * LEAST_TREND_SHARE), abs=0.2)
            if lacking_mm > gives:  # the plot at its least, and the space above it shorter
                assert pages[0][1][0].mm == pytest.approx(3 - (lacking_mm - gives), abs=0.2)
        else:  # the charts go over: the plot is drawn taller into the blank instead
            assert kinds[0][2:] == ["TrendBlock"], (lacking_mm, kinds)
            assert laid.height_mm == pytest.approx(
                min(MOST_TREND_MM, (bottom - pages[0][2][1]) / doc.mm(1) - laid.after_mm))
        assert laid.height_mm >= TREND_MM * LEAST_TREND_SHARE - 1e-6
    # a blank under SHRINK_FOR_BLANK_MM is not made room in: the plot is not drawn lower
    room = above + doc.mm(SHRINK_FOR_BLANK_MM - 1)
    _before, pages = _laid_after(doc, blocks, width, room, bottom)
    assert [type(b).__name__ for b, _y in pages[0]][2:] == ["TrendBlock"]
    assert pages[0][2][0].height_mm >= TREND_MM


def test_a_block_that_cannot_shrink_is_left_as_it_is(qapp, tmp_path):
    """Paragraphs and headings keep their size: what goes over goes over, as before."""
    from imsmap.report.layout import Paragraph

    _writer, doc = _doc(tmp_path)
    width, bottom = doc.mm(178), doc.mm(280)
    text = "Review in one week; home programme of stretches twice daily. " * 12
    blocks = [Paragraph(text, 9), Heading("Plan"), Paragraph(text, 9)]
    whole = paginate(doc, blocks, width, 0.0, 0.0, bottom)
    assert [[type(b).__name__ for b, _ in p] for p in whole] == [
        ["Paragraph", "Heading", "Paragraph"]]
    first = blocks[0].height(doc, width) + blocks[1].height(doc, width)
    pages = paginate(doc, blocks, width, bottom - first - doc.mm(30), 0.0, bottom)
    assert pages[0][0][0] is blocks[0]
    _no_overlap(doc, pages, width, bottom)


@pytest.mark.parametrize("language, plot, change", [
    ("en", "Pain and grasp over the sessions", "Change since the first session"),
    ("fr_CA", "Douleur et préhension au fil des séances", "Changement depuis la première séance"),
])
def test_the_report_plots_the_sessions_under_their_table_on_page_one(
        qapp, records, patient, tmp_path, language, plot, change):
    """One order for every patient: the sessions' table, their plot, the change since the
    first session, the body charts, the grids; the plot (at its least size or more) on page 1
    of a course of six visits, as in the demo's reports, where it went to page 2."""
    build_course(records, patient, sessions=6, sites=6)
    reader, flat = text_of(write(records, patient.id, tmp_path, language=language))
    page_one = " ".join((reader.pages[0].extract_text() or "").split())
    assert plot in page_one
    at = [flat.index(plot), flat.index(change)]
    assert at == sorted(at)


def test_a_space_between_sections_is_drawn_at_half_its_height_at_the_least(qapp, tmp_path):
    """A Spacer drawn shorter, once or again, never below LEAST_SPACE_SHARE of its height."""
    from imsmap.report.layout import Spacer

    _writer, doc = _doc(tmp_path)
    once = Spacer(3).shrink(doc, 100.0, doc.mm(0.5))
    assert once is not None and once.mm == pytest.approx(2.5)
    again = once.shrink(doc, 100.0, doc.mm(5))
    assert again is not None and again.mm == pytest.approx(3 * LEAST_SPACE_SHARE)
    assert again.shrink(doc, 100.0, doc.mm(1)) is None
    assert Spacer(3).shrink(doc, 100.0, 0.0) is None


def test_the_signature_box_stays_under_the_plan_where_the_space_above_it_gives_way(
        qapp, records, session, tmp_path):
    """The signature's heading and box lacking a millimetre on the page: the space above the
    heading is drawn shorter and both stay (the French record of demo session 5 put them alone
    on a sixth page); lacking more than the spaces above can give, both go over, as before."""
    from imsmap.report.layout import Paragraph, Spacer
    from test_report_foot_blank import _signature

    _writer, doc = _doc(tmp_path)
    width, bottom = doc.mm(178), doc.mm(280)
    box = _signature(records, session, True)
    heading = Heading("Signature")
    plan = Paragraph("Review in one week.", 9)
    least = heading.height(doc, width) + box.min_height(doc, width)
    for lacking_mm, stays in ((1.0, True), (1.4, True), (1.7, False), (5.0, False)):
        blocks = [plan, Spacer(3), heading, box]
        top = bottom - plan.height(doc, width) - doc.mm(3) - least + doc.mm(lacking_mm)
        pages = paginate(doc, blocks, width, top, 0.0, bottom)
        kinds = [[type(b).__name__ for b, _y in page] for page in pages]
        _no_overlap(doc, pages, width, bottom)
        if stays:
            assert kinds == [["Paragraph", "Spacer", "Heading", "SignatureBlock"]], kinds
            assert pages[0][1][0].mm == pytest.approx(3 - lacking_mm, abs=0.15)
        else:
            assert kinds == [["Paragraph"], ["Heading", "SignatureBlock"]], kinds


def test_the_pain_plot_grows_into_the_blank_the_section_after_it_leaves(
        qapp, records, patient, tmp_path):
    """The change section's heading and table going over under the plot: the plot is drawn
    taller into the blank (up to MOST_TREND_MM), the space between them dropped at the page's
    foot; where the section starts on the page, the plot keeps its height."""
    from imsmap.domain.progress import Course
    from imsmap.report.layout import Spacer
    from imsmap.report.progress_tables import change_table
    from imsmap.report.trend_plot import MOST_TREND_MM, TREND_MM, TrendBlock
    from test_report_foot_blank import _trend

    history, plot = _trend(records, patient)
    table = change_table(history, Course.of(history).metrics)
    _writer, doc = _doc(tmp_path)
    width, bottom = doc.mm(178), doc.mm(280)
    heading = Heading("Change since the first session")
    whole = heading.height(doc, width) + table.height(doc, width)
    for room_mm in (5.0, 15.0, 2 + whole / doc.mm(1) + 1):
        blocks = [plot, Spacer(2), heading, table]
        top = bottom - plot.height(doc, width) - doc.mm(room_mm)
        pages = paginate(doc, blocks, width, top, 0.0, bottom)
        _no_overlap(doc, pages, width, bottom)
        laid = pages[0][-1][0]
        if doc.mm(room_mm) >= doc.mm(2) + whole:  # the section under the plot
            assert isinstance(pages[0][0][0], TrendBlock)
            assert pages[0][0][0].height_mm == TREND_MM
        else:
            assert [type(b).__name__ for b, _y in pages[0]] == ["TrendBlock"]
            assert isinstance(laid, TrendBlock)
            assert laid.height_mm == pytest.approx(min(MOST_TREND_MM, TREND_MM + room_mm),
                                                   abs=0.05)
            assert pages[1][0][0] is heading
