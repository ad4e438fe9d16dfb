"""What a page break leaves blank at a page's foot where what goes over could have stayed: the
session record's signature box and its heading went over whole and left 40-48 mm blank (the
demo's sessions 6, 25, 34, 40, 41); the progress report's pain and grasp plot and its heading
left page 1 blank 20-60 mm under the change table; a grid's "Visits 1 to 11 (part 2 of 2)"
ended a page with its grid on the next. Each rule is swept over every room a page may leave."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPdfWriter

from imsmap.report.document import device_resolution
from imsmap.report.layout import Doc, Heading, Paragraph, Spacer, paginate
from test_progress_pdf import build_course

PLAN = "Review in one week; home programme of stretches twice daily."


def _doc(tmp_path) -> tuple[QPdfWriter, Doc]:
    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    return writer, Doc(writer, device_resolution(writer))


def _laid_after(doc: Doc, blocks, width: float, room: float, bottom: float):
    """``blocks`` paginated after a paragraph and a spacer that leave ``room`` on page 1."""
    before, spacer = Paragraph(PLAN, 9), Spacer(3)
    top = bottom - room - before.height(doc, width) - spacer.height(doc, width)
    return before, paginate(doc, [before, spacer, *blocks], width, top, 0.0, bottom)


def _signature(records, session, signed: bool):
    from imsmap.report.session_sections import SignatureBlock
    from imsmap.services.records import content_hash

    if signed:
        records.sign_session(session.id)
    record = records.session_record(session.id)
    seal = records.read.seal(session.id) if signed else None
    return SignatureBlock(record, content_hash(record), seal)


def test_the_signature_box_stays_with_its_heading_where_it_fits_drawn_closer(
        qapp, records, session, tmp_path):
    """Where the page holds the heading and the box without the space under it, or drawn
    closer (its least padding and line spacing), both stay; where it does not, both go over
    together; the box is never cut in two and never runs past the page's foot."""
    _writer, doc = _doc(tmp_path)
    width, bottom = doc.mm(178), doc.mm(280)
    for signed in (True, False):
        box = _signature(records, session, signed) if signed else _signature(
            records, records.start_session(session.patient_id, practitioner="J. Physio"), False)
        heading = Heading("Signature")
        # (the space above them drawn at half where that keeps them: layout.Spacer.shrink)
        least = heading.height(doc, width) + box.min_height(doc, width) - doc.mm(1.5)
        full = heading.height(doc, width) + box.height(doc, width)
        assert full - least > doc.mm(6)  # the case: the room between, in mm steps
        room = least - doc.mm(3.25)  # (never on the boundary itself: rounding)
        while room < full + doc.mm(2):
            before, pages = _laid_after(doc, [heading, box], width, room, bottom)
            kinds = [[type(b).__name__ for b, _y in page] for page in pages]
            if room >= least:
                assert kinds == [["Paragraph", "Spacer", "Heading", "SignatureBlock"]], \
                    (signed, room / doc.mm(1), kinds)
                laid_box, y = pages[0][-1]
                assert y + laid_box.height(doc, width) <= bottom + 1e-6
                assert laid_box.min_height(doc, width) == box.min_height(doc, width)
            else:  # the heading goes over with its box, never alone at the foot
                # (the space under the paragraph dropped at the page's foot)
                assert kinds == [["Paragraph"], ["Heading", "SignatureBlock"]], \
                    (signed, room / doc.mm(1), kinds)
            room += doc.mm(0.5)


def _trend(records, patient):
    from imsmap.domain.progress import Course
    from imsmap.report.progress_pdf import load_history
    from imsmap.report.trend_plot import TrendBlock

    build_course(records, patient, sessions=4, sites=3)
    _patient, history = load_history(records, patient.id)
    return history, TrendBlock(history, Course.of(history).metrics)


def test_the_pain_plot_is_drawn_lower_where_that_keeps_it_with_its_heading(
        qapp, records, patient, tmp_path):
    from imsmap.report.trend_plot import LEAST_TREND_SHARE, TREND_MM

    _writer, doc = _doc(tmp_path)
    width, bottom = doc.mm(178), doc.mm(280)
    _history, plot = _trend(records, patient)
    heading = Heading("Pain and grasp over the sessions")
    # (the space above them drawn at half where that keeps them: layout.Spacer.shrink)
    least = heading.height(doc, width) + doc.mm(TREND_MM * LEAST_TREND_SHARE) - doc.mm(1.5)
    room = least - doc.mm(2.25)  # (never on the boundary itself: rounding)
    while room < heading.height(doc, width) + plot.height(doc, width) + doc.mm(2):
        _before, pages = _laid_after(doc, [heading, plot], width, room, bottom)
        kinds = [[type(b).__name__ for b, _y in page] for page in pages]
        if room >= least:
            assert kinds == [["Paragraph", "Spacer", "Heading", "TrendBlock"]], kinds
            laid, y = pages[0][-1]
            assert y + laid.height(doc, width) <= bottom + 1e-6
            assert TREND_MM * LEAST_TREND_SHARE <= laid.height_mm <= TREND_MM
        else:
            assert kinds == [["Paragraph"], ["Heading", "TrendBlock"]], kinds
            assert pages[1][1][0].height_mm == TREND_MM  # drawn whole on the next page
        room += doc.mm(0.5)


def test_a_grids_part_line_is_never_left_at_a_page_foot(qapp, records, patient, tmp_path):
    """"Visits 12 to 22 (part 2 of 2)" goes over with its grid's first rows, whatever room
    the page leaves."""
    from imsmap.domain.progress import Course, grasp_matrix
    from imsmap.report.progress_matrices import grasp_matrix_blocks
    from imsmap.report.progress_pdf import load_history

    build_course(records, patient, sessions=22, sites=2)
    _patient, history = load_history(records, patient.id)
    gm = grasp_matrix(history, records.atlas.catalogue, Course.of(history).targets)
    _writer, doc = _doc(tmp_path)
    width_mm = 178.0
    width, bottom = doc.mm(width_mm), doc.mm(280)
    blocks = [Heading("Grasp by muscle and session"),
              *grasp_matrix_blocks(records, history, gm, width_mm)]
    parts = [b for b in blocks if isinstance(b, Paragraph)]
    assert len(parts) == 2 and "(part 2 of 2)" in parts[1].text, [b.text for b in parts]
    top = 0.0
    while top < bottom - doc.mm(20):
        pages = paginate(doc, blocks, width, top, 0.0, bottom)
        for page in pages[:-1]:
            last = page[-1][0]
            assert not (isinstance(last, Paragraph) and last in parts), \
                f"{last.text} ends a page (top {top / doc.mm(1):.1f} mm)"
        top += doc.mm(1)


def test_a_chart_above_one_that_goes_over_is_drawn_larger_into_the_room_left(
        qapp, records, session, tmp_path):
    """Two views with sites, the page's room holding one chart but not the next even at its
    least: the first is drawn taller into the room the second leaves (page 1 of the demo's
    sessions ended 21-31 mm blank under its one chart), up to CHART_MAX_MM; where both fit,
    squeezed, neither is drawn above CHART_HEIGHT_MM."""
    from imsmap.report.session_charts import (
        CHART_HEIGHT_MM,
        CHART_MAX_MM,
        CHART_MIN_MM,
        ChartGroup,
        chart_blocks,
    )
    from support import site_on

    for muscle in ("gluteus_medius", "tibialis_anterior"):
        site_on(records, session, muscle)
    charts, missing, _drawer = chart_blocks(records, records.session_record(session.id).sites)
    assert len(charts) == 2 and not missing
    _writer, doc = _doc(tmp_path)
    width, bottom = doc.mm(178), doc.mm(280)
    group = ChartGroup(charts)
    one = charts[0].with_height(CHART_HEIGHT_MM).height(doc, width)
    least_two = sum(c.with_height(CHART_MIN_MM).height(doc, width) for c in charts)
    assert one + doc.mm(30) < least_two  # the case: room left that the second cannot use
    for extra_mm in (0.5, 12, 24, CHART_MAX_MM - CHART_HEIGHT_MM - 0.5, 40):
        room = one + doc.mm(extra_mm)
        _before, pages = _laid_after(doc, [group], width, room, bottom)
        assert [len(page) for page in pages] == [3, 1]
        laid, y = pages[0][-1]
        assert isinstance(laid, ChartGroup) and len(laid.charts) == 1
        panel = laid.charts[0].panel_mm
        assert panel == pytest.approx(min(CHART_HEIGHT_MM + extra_mm, CHART_MAX_MM)), extra_mm
        assert y + laid.height(doc, width) <= bottom + 1e-6
        assert pages[1][0][0].charts[0].panel_mm == CHART_HEIGHT_MM  # the next, as drawn
    # both fit squeezed: they share the room, neither grows past its usual height
    _before, pages = _laid_after(doc, [group], width, least_two + doc.mm(10), bottom)
    assert len(pages) == 1
    laid = pages[0][-1][0]
    assert [c.panel_mm for c in laid.charts] == pytest.approx([CHART_MIN_MM + 5] * 2)


@pytest.mark.parametrize("language, link", [("en", "chain link:"),
                                            ("fr_CA", "maillon de la chaîne :")])
def test_the_signature_box_says_its_chain_link_beside_its_label(
        qapp, records, session, tmp_path, language, link):
    """The audit trail's label and its 32-character chain link share a line (a line less in the
    box: in French it and its heading went over whole and left 35-44 mm blank before it); the
    content hash, too long for that, stays under its label. What the box says is unchanged."""
    import subprocess

    from imsmap.report.session_pdf import write_session_pdf
    from support import site_on

    site_on(records, session, "gluteus_medius")
    records.sign_session(session.id)
    seal = records.read.seal(session.id)
    signed = records.read.session(session.id).content_hash
    assert seal.link and len(seal.link) == 32 and signed
    pdf = write_session_pdf(records, session.id, tmp_path / "s.pdf", language=language)
    lines = [line.strip().replace("\u00a0", " ") for line in subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
        text=True).stdout.splitlines()]
    beside = [line for line in lines if line.endswith(seal.link)]
    assert len(beside) == 1 and link in beside[0], beside
    assert beside[0].index(link.split()[0]) < beside[0].index(seal.link)
    assert signed in lines  # the hash alone on its line, under its label
    label = lines[lines.index(signed) - 1]
    assert label.endswith(":") and ("SHA-256" in label), label


def test_a_row_of_charts_above_one_that_goes_over_is_drawn_taller(
        qapp, records, patient, tmp_path):
    """The progress report's row of body views, the spinal chart's row going over to the next
    page even at its least: the first row is drawn taller into the blank it leaves (page 2 of
    the demo's reports ended 24 mm blank), up to MOST_PANEL_MM; the row that goes over is drawn
    as it was."""
    from imsmap.report.progress_charts import (
        CHART_PANEL_MM,
        MOST_PANEL_MM,
        ChartLegend,
        HeatChartRow,
        heat_chart_blocks,
    )
    from imsmap.report.progress_pdf import load_history
    from test_report_page_breaks import _spine_course

    _spine_course(records, patient)
    _patient, history = load_history(records, patient.id)
    blocks = heat_chart_blocks(records, history, ("none", "mild", "moderate", "strong"), 178.0)
    assert [type(b).__name__ for b in blocks] == ["ChartLegend", "HeatChartRow", "HeatChartRow"]
    legend, first, second = blocks
    assert isinstance(legend, ChartLegend) and isinstance(first, HeatChartRow)
    _writer, doc = _doc(tmp_path)
    width, bottom = doc.mm(178), doc.mm(280)
    both = legend.height(doc, width) + first.height(doc, width)
    assert second.min_height(doc, width) > doc.mm(60)  # the case: room that it cannot use
    for extra_mm in (0.5, 12, 24, MOST_PANEL_MM - CHART_PANEL_MM - 0.5, 50):
        _before, pages = _laid_after(doc, blocks, width, both + doc.mm(extra_mm), bottom)
        kinds = [[type(b).__name__ for b, _y in page] for page in pages]
        assert kinds == [["Paragraph", "Spacer", "ChartLegend", "HeatChartRow"],
                         ["HeatChartRow"]], (extra_mm, kinds)
        laid, y = pages[0][-1]
        assert laid.panel_mm == pytest.approx(min(CHART_PANEL_MM + extra_mm, MOST_PANEL_MM))
        assert y + laid.height(doc, width) <= bottom + 1e-6
        assert pages[1][0][0].panel_mm == CHART_PANEL_MM
