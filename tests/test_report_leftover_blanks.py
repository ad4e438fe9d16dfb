"""The blanks left at a page's foot after the progress report's reordering (branch pdfplot),
and the rules that mend them:

- a section of one line is kept with the section before it: the session record's « Amendments:
  None. » went alone to the top of its last page, away from the signature it speaks of (the
  French record of demo session 5);
- a report of one visit draws its plot at its least height and its rows of body charts down to
  ONE_VISIT_PANEL_SHARE at a page's foot: its charts went over whole and left page 1 38-54 mm
  blank;
- the blank at a page's foot goes to its last block that can grow, not only to its very last
  block: the plot above the change section, the body charts after it going over (French demo
  patient 1's page 2 ended 61 mm blank).

Through the real blocks (the session record's as render_session_pdf lays them out, the
progress report's sections) and the real PDFs' words."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPdfWriter

from imsmap.report.layout import Heading, Paragraph, Spacer
from test_report_foot_blank import PLAN, _doc, _laid_after
from test_report_page_breaks import GENERATED, MM, _spine_course, blank_at_foot, pages_of

LABELS = ("none", "mild", "moderate", "strong")


def _signature_on(records, session, tmp_path, amend: bool):
    """The session record's blocks from its signature's heading to its end, as
    render_session_pdf lays them out: signed, with an amendment or none."""
    from imsmap.report.session_pdf import render_session_pdf
    from support import site_on

    site_on(records, session, "gluteus_medius")
    records.sign_session(session.id)
    if amend:
        records.amend_session(session.id, "Correction", "Pain after was 3/10, not 4/10.")
    writer = QPdfWriter(str(tmp_path / "record.pdf"))
    prepared = render_session_pdf(records, records.session_record(session.id), writer,
                                  generated=GENERATED, language="en")
    at = next(i for i, b in enumerate(prepared.blocks)
              if isinstance(b, Heading) and b.text == "Signature")
    return prepared.blocks[at:]


def test_amendments_none_goes_to_no_page_without_the_signature(
        qapp, records, session, tmp_path):
    """Swept over every room a page may leave: where the page holds the signature and « None. »
    under it (the box drawn closer if need be), all stay; where it holds the box but not the
    line, the heading, the box and the line go over together; the line never starts a page."""
    from imsmap.report.session_sections import SignatureBlock

    tail = _signature_on(records, session, tmp_path, amend=False)
    kinds = [type(b).__name__ for b in tail]
    assert kinds == ["Heading", "SignatureBlock", "Spacer", "Heading", "Paragraph"], kinds
    assert tail[3].text == "Amendments" and tail[4].text == "None."
    _writer, doc = _doc(tmp_path)
    width, bottom = doc.mm(178), doc.mm(280)
    box = tail[1]
    assert isinstance(box, SignatureBlock)
    full = sum(b.height(doc, width) for b in tail)
    # the box drawn closer, « None. » without the space under it
    least = sum(b.min_height(doc, width) for b in tail)
    room = tail[0].height(doc, width) + box.min_height(doc, width) - doc.mm(2)
    stayed = went = 0
    while room < full + doc.mm(4):
        _before, pages = _laid_after(doc, tail, width, room, bottom)
        laid = [[type(b).__name__ for b, _y in page] for page in pages]
        for page in pages:
            last, y = page[-1]
            assert y + last.height(doc, width) <= bottom + 1e-6
        if room >= least + doc.mm(0.5):  # (never on the boundary itself: rounding)
            assert laid == [["Paragraph", "Spacer", *kinds]], (room / doc.mm(1), laid)
            stayed += 1
        elif room < least - doc.mm(2):  # (the space above gives up to 1.5 mm)
            assert laid == [["Paragraph"], ["Heading", "SignatureBlock", "Spacer", "Heading",
                                            "Paragraph"]], (room / doc.mm(1), laid)
            went += 1
        room += doc.mm(0.5)
    assert stayed and went


def test_with_amendments_the_signature_is_not_held_back(qapp, records, session, tmp_path):
    """An amendment's table splits as any table: the box keeps with nothing after it."""
    tail = _signature_on(records, session, tmp_path, amend=True)
    assert [type(b).__name__ for b in tail][:4] == ["Heading", "SignatureBlock", "Spacer",
                                                     "Heading"]
    assert not tail[1].keep_with_next and not tail[2].keep_with_next
    assert not any(isinstance(b, Paragraph) and b.text == "None." for b in tail)


def _one_visit_charts(records, patient, visits: int):
    from imsmap.report.progress_charts import heat_chart_blocks
    from imsmap.report.progress_pdf import load_history

    _spine_course(records, patient, visits=visits)
    _patient, history = load_history(records, patient.id)
    return history, heat_chart_blocks(records, history, LABELS, 178.0)


@pytest.mark.parametrize("visits", [1, 2])
def test_a_one_visit_row_of_charts_is_drawn_lower_at_a_page_foot(
        qapp, records, patient, tmp_path, visits):
    """The first row of body charts under their legend, swept over the room a page leaves:
    it starts on the page drawn as low as the room where that is ONE_VISIT_PANEL_SHARE of its
    height or more for one visit, LEAST_PANEL_SHARE for two (their faded markers crowd among
    the latest's); below that it goes over, drawn whole."""
    from imsmap.report.progress_charts import (
        CHART_PANEL_MM,
        LEAST_PANEL_SHARE,
        ONE_VISIT_PANEL_SHARE,
        HeatChartRow,
    )

    _history, blocks = _one_visit_charts(records, patient, visits)
    legend, first = blocks[0], blocks[1]
    assert isinstance(first, HeatChartRow)
    share = ONE_VISIT_PANEL_SHARE if visits == 1 else LEAST_PANEL_SHARE
    assert first.least_share == share
    _writer, doc = _doc(tmp_path)
    width, bottom = doc.mm(178), doc.mm(280)
    chrome = legend.height(doc, width) + first.height(doc, width) - doc.mm(CHART_PANEL_MM)
    for panel_mm in (CHART_PANEL_MM * 0.4, CHART_PANEL_MM * share - 2,
                     CHART_PANEL_MM * share + 0.5, CHART_PANEL_MM * 0.65, 90.0):
        room = chrome + doc.mm(panel_mm)
        _before, pages = _laid_after(doc, [legend, first], width, room, bottom)
        laid = [[type(b).__name__ for b, _y in page] for page in pages]
        if panel_mm >= CHART_PANEL_MM * share:
            assert laid == [["Paragraph", "Spacer", "ChartLegend", "HeatChartRow"]], \
                (panel_mm, laid)
            row, y = pages[0][-1]
            assert row.panel_mm == pytest.approx(panel_mm, abs=0.3)
            assert y + row.height(doc, width) <= bottom + 1e-6
        else:
            assert laid == [["Paragraph"], ["ChartLegend", "HeatChartRow"]], (panel_mm, laid)
            assert pages[1][1][0].panel_mm == CHART_PANEL_MM


@pytest.mark.parametrize("language, charts_word", [("en", "grasped"), ("fr_CA", "Zones")])
def test_a_one_visit_report_starts_its_body_charts_on_page_1(
        qapp, records, patient, tmp_path, language, charts_word):
    """One visit of four charts: the plot at its least height and the first row of charts
    under it on page 1, which ends full; the report is no longer than two pages for it (it
    was three: page 1 ended 38-54 mm blank, the charts on page 2)."""
    from imsmap.report.progress_charts import CHART_PANEL_MM, ONE_VISIT_PANEL_SHARE
    from imsmap.report.progress_pdf import write_progress_pdf

    _spine_course(records, patient, visits=1)
    pdf = write_progress_pdf(records, patient.id, tmp_path / f"{language}.pdf",
                             generated=GENERATED, language=language, paper="A4")
    pages = pages_of(pdf)
    first = pages[0][1]
    assert any(w == charts_word for *_box, w in first), "the body charts start on page 2"
    assert blank_at_foot(*pages[0]) < 12
    # the first row's panels on page 1, no lower than ONE_VISIT_PANEL_SHARE: from the views'
    # titles' foot to the foot of their corners' captions
    side = "Patient's" if language == "en" else "patient"
    heading = max(y1 for _x0, _y0, _x1, y1, w in first if w == charts_word)
    captions = [y1 for _x0, y0, _x1, y1, w in first if w == side and y0 > heading + 20 * MM]
    assert captions, "no chart's corner captions on page 1"
    assert (max(captions) - heading) / MM >= CHART_PANEL_MM * ONE_VISIT_PANEL_SHARE
    assert len(pages) <= 3


def test_the_plot_grows_into_the_blank_under_the_section_after_it(qapp, records, patient,
                                                                  tmp_path):
    """The plot, then a section of words, then body charts that go over: the plot is drawn
    taller into the blank the charts leave (up to MOST_TREND_MM), the words under it moved
    down by as much; nothing overlaps, nothing passes the page's foot."""
    from imsmap.domain.progress import Course
    from imsmap.report.trend_plot import MOST_TREND_MM, TREND_MM, TrendBlock

    history, charts = _one_visit_charts(records, patient, visits=2)
    plot = TrendBlock(history, Course.of(history).metrics)
    words = [Spacer(2), Heading("Change since the first session"), Paragraph(PLAN * 3, 9),
             Paragraph(PLAN, 9)]
    blocks = [plot, *words, Spacer(3), Heading("Where it grasped"), *charts]
    _writer, doc = _doc(tmp_path)
    width, bottom = doc.mm(178), doc.mm(280)
    ours = plot.height(doc, width) + sum(b.height(doc, width) for b in words)
    for blank_mm in (8, 20, 35):
        _before, pages = _laid_after(doc, blocks, width, ours + doc.mm(blank_mm), bottom)
        page = pages[0]
        assert [type(b).__name__ for b, _y in page][2:] == [
            "TrendBlock", "Spacer", "Heading", "Paragraph", "Paragraph"], blank_mm
        laid = page[2][0]
        assert laid.height_mm == pytest.approx(min(MOST_TREND_MM, TREND_MM + blank_mm),
                                               abs=0.2)
        for (block, y), (_next, next_y) in zip(page, page[1:]):
            assert y + block.height(doc, width) <= next_y + 1e-6, type(block).__name__
        last, y = page[-1]
        assert y + last.height(doc, width) <= bottom + 1e-6
        assert pages[1][0][0].text == "Where it grasped"


def test_a_table_whose_rest_would_end_the_document_alone_is_kept_whole(
        qapp, records, patient, tmp_path):
    """A table of 8 rows last in the document, a few mm short of room under the plot: the plot
    (and the spaces) drawn shorter, the table whole on the page (a one-visit report's root
    grid left its last two rows alone on a third page). With a block after it, or where the
    blocks above cannot give enough, it splits by the tables' rule, as before."""
    from imsmap.domain.progress import Course
    from imsmap.report.table import Column, Table
    from imsmap.report.trend_plot import LEAST_TREND_SHARE, TREND_MM, TrendBlock

    history, _charts = _one_visit_charts(records, patient, visits=2)
    plot = TrendBlock(history, Course.of(history).metrics)
    table = Table([Column("Root", 30), Column("Visit 1", 20), Column("Visit 2", 20)],
                  [[f"L{i} right", str(i % 4), str((i + 1) % 4)] for i in range(8)],
                  footnote="Sum of the grasp grades of the sites supplied by the root.")
    _writer, doc = _doc(tmp_path)
    width, bottom = doc.mm(178), doc.mm(280)
    ours = plot.height(doc, width) + Spacer(3).height(doc, width) + \
        Heading("Summed grasp by root and side").height(doc, width) + table.height(doc, width)
    gives_mm = TREND_MM * (1 - LEAST_TREND_SHARE)
    for short_mm in (3, 8, gives_mm - 2, gives_mm + 6):
        for after in ([], [Paragraph(PLAN, 9)]):
            blocks = [plot, Spacer(3), Heading("Summed grasp by root and side"), table, *after]
            _before, pages = _laid_after(doc, blocks, width, ours - doc.mm(short_mm), bottom)
            tables = [(i, b) for i, page in enumerate(pages) for b, _y in page
                      if isinstance(b, Table)]
            if not after and short_mm < gives_mm:
                assert [i for i, _t in tables] == [0], (short_mm, tables)
                assert len(tables[0][1].rows) == 8
                laid = pages[0][2][0]
                assert isinstance(laid, TrendBlock) and laid.height_mm < TREND_MM
                last, y = pages[0][-1]
                assert y + last.height(doc, width) <= bottom + 1e-6
            else:  # split: its first rows here, the rest on the next page
                assert [i for i, _t in tables] == [0, 1], (short_mm, bool(after), tables)
                assert pages[0][2][0].height_mm >= TREND_MM
