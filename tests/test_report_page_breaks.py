"""Where the PDFs break their pages, as the reader meets them: a page that ends in a large
blank reads as the end of the record, or of its section. A session's site table whose last 3
rows of sites with notes went over together left a fifth of its page blank; a progress report's
second row of charts (the spinal chart) went over whole and left half its page blank. Each is
measured by where the page's last word is drawn (pdftotext -bbox)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from html import unescape
from pathlib import Path

import pytest

from imsmap.report.document import MARGIN_BOTTOM_MM
from imsmap.report.session_pdf import write_session_pdf
from imsmap.report.table import rows_before_break
from support import FRENCH_SITE_TABLE, SITE_TABLE, site_on, table_cells

GENERATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
MM = 72 / 25.4
# muscles with a clickable region on the body charts, one site each in turn
MUSCLES = ("gluteus_medius", "piriformis", "infraspinatus", "gluteus_maximus",
           "deltoid_posterior", "gastrocnemius_lateral_head", "latissimus_dorsi",
           "levator_scapulae")

Word = tuple[float, float, float, float, str]  # x min, y min, x max, y max (points), word


def pages_of(pdf: Path) -> list[tuple[float, list[Word]]]:
    """Each page's height and words, in points from its top."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the PDF back")
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    out = []
    for page in html.split("<page ")[1:]:
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        words = [(float(a), float(b), float(c), float(d), unescape(w)) for a, b, c, d, w in
                 re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                            r'yMax="([\d.]+)">([^<]*)</word>', page)]
        out.append((height, words))
    return out


def blank_at_foot(height: float, words: list[Word]) -> float:
    """Millimetres between the page's last word drawn above its footer and the foot of its
    body (the bottom margin's edge)."""
    footer = min(y0 for _x0, y0, _x1, _y1, w in words if w == "Document")
    last = max(y1 for _x0, _y0, _x1, y1, _w in words if y1 < footer - 5)
    return (height - MARGIN_BOTTOM_MM * MM - last) / MM


def row_tops(words: list[Word], columns: tuple[str, ...], foot: str) -> list[float]:
    """Where each row of the site table on a page starts (the top of its number), and where
    its footnote (its first word ``foot``) does, in points; none on a page without the
    table."""
    head = [(x0, y0) for x0, y0, _x1, _y1, w in words if w == columns[1]
            and any(v == columns[2] and abs(b - y0) < 2 for _a, b, _c, _d, v in words)]
    if not head:
        return []
    muscle, top = head[0]
    rows = sorted(y0 for _x0, y0, x1, _y1, w in words
                  if w.isdigit() and x1 < muscle and y0 > top + 2)
    notes = [y0 for x0, y0, _x1, _y1, w in words if w == foot and y0 > top + 2 and x0 < muscle]
    return rows + notes[:1]


def test_the_rows_kept_together_across_a_break():
    """3 rows on each side where moving them costs the page little; 2 where 3 would cost
    more; a row tall enough to stand alone where 2 would too; none: the table goes whole."""
    short, tall = [5.0] * 10, [25.0] * 10
    assert rows_before_break(short, 6, 8.0, 15.0) == 6
    assert rows_before_break(short, 9, 8.0, 15.0) == 7  # 3 short rows go over together
    assert rows_before_break(short, 2, 4.0, 15.0) == 0  # not 2 alone at the foot: all over
    assert rows_before_break(short, 2, 8.0, 15.0) == 2  # unless that moves more than 15
    assert rows_before_break([9.0] * 10, 9, 8.0, 15.0) == 8  # 3 would move 18: 2 go over
    assert rows_before_break(tall, 9, 8.0, 15.0) == 9  # the last row, 25 high, goes alone
    assert rows_before_break(tall, 1, 8.0, 15.0) == 1
    assert rows_before_break(tall[:2], 1, 8.0, 15.0) == 1
    assert rows_before_break(short, 0, 8.0, 15.0) == 0


@pytest.mark.parametrize("language", ["en", "fr_CA"])
def test_a_site_table_that_runs_on_leaves_no_large_blank(qapp, records, session, tmp_path,
                                                          language):
    # 12 sites with a response and a note of 3 lines each: rows about 25 mm high, the table
    # breaking at the foot of page 3. Rows 10 to 12 went over together, 66 mm of page 3 blank.
    for k in range(12):
        site = site_on(records, session, MUSCLES[k % len(MUSCLES)])
        records.update_site(site.id, grasp=k % 4, cramp=bool(k % 2),
                            tissue_feel="gritty-fibrotic", release="partial",
                            sensation="ache/cramp",
                            notes=("Referred ache down the leg, eased after " * 3)[:120])
    pdf = write_session_pdf(records, session.id, tmp_path / f"{language}.pdf",
                            generated=GENERATED, language=language)
    table = SITE_TABLE if language == "en" else FRENCH_SITE_TABLE
    columns, foot = table.columns, table.foot
    cells = table_cells(pdf, table)
    assert [row[0] for row in cells[1:]] == [str(k) for k in range(1, 13)], cells
    pages = pages_of(pdf)
    parts = [i for i, (_h, words) in enumerate(pages) if row_tops(words, columns, foot[0])]
    assert len(parts) >= 2, parts  # the case: the table runs on
    for i, after in zip(parts, parts[1:]):
        # what a page break leaves blank is less than the row that did not fit above it
        blank = blank_at_foot(*pages[i])
        tops = row_tops(pages[after][1], columns, foot[0])
        assert len(tops) >= 2
        assert blank < (tops[1] - tops[0]) / MM, \
            f"{language}: page {i + 1} ends {blank:.0f} mm above its foot"


def _spine_course(records, patient, visits: int = 2) -> None:
    """``visits`` signed visits a week apart, each of 6 sites on each of four charts: the
    anterior and posterior views in the first row of charts, the left lateral view and the
    spinal chart in the second. (A report of one visit draws its rows lower at a page's foot:
    progress_charts.ONE_VISIT_PANEL_SHARE.)"""
    for week in range(visits):
        when = datetime(2026, 1, 5, 9, 0) + timedelta(weeks=week)
        s = records.start_session(patient.id, started_at=when, practitioner="J. Physio",
                                  pain_before=7, pain_after=4)
        for view_id in ("anterior", "posterior", "spinal", "lateral_left"):
            view = records.atlas.view(view_id)
            seen: set[str] = set()
            for r in view.regions:
                if len(seen) == 6 or r.layer != view.layer_ids[0] or r.muscle in seen:
                    continue
                if r.muscle not in [x.muscle for x in view.regions_at(*r.label)]:
                    continue
                seen.add(r.muscle)
                records.add_site(s.id, view_id, *r.label, muscle_id=r.muscle, side=r.side,
                                 layer=r.layer, level=r.level, grasp=len(seen) % 4)
            when += timedelta(minutes=1)
        records.sign_session(s.id)


@pytest.mark.parametrize("language, first, spine, side",
                         [("en", "grasped", "Spine", "Patient's"),
                          ("fr_CA", "Zones", "Rachis", "patient")])
def test_a_row_of_charts_is_drawn_smaller_rather_than_leave_half_a_page(
        qapp, records, patient, tmp_path, language, first, spine, side):
    from imsmap.report.progress_charts import CHART_PANEL_MM, LEAST_PANEL_SHARE
    from imsmap.report.progress_pdf import write_progress_pdf

    _spine_course(records, patient)
    pdf = write_progress_pdf(records, patient.id, tmp_path / f"{language}.pdf",
                             generated=GENERATED, language=language, paper="A4")
    pages = pages_of(pdf)
    on = {name: [i for i, (_h, words) in enumerate(pages) if any(w == name for *_b, w in words)]
          for name in (first, spine)}
    # the second row went over whole to page 3, half of page 2 blank under the first (the
    # section's heading "Where it grasped" over it); the heading and the first row may start
    # at page 1's foot, the plot above them drawn lower (layout.paginate: Block.shrink)
    assert on[spine] and on[first] and on[spine][0] - on[first][0] in (0, 1), on
    height, words = pages[on[spine][0]]
    assert blank_at_foot(height, words) < 15
    # and the spinal chart is drawn no smaller than reads: its title to the foot of its
    # corners' captions (the panel's foot)
    top = min(y1 for _x0, _y0, _x1, y1, w in words if w == spine)
    x = min(x0 for x0, _y0, _x1, _y1, w in words if w == spine)
    bottom = max(y1 for x0, _y0, _x1, y1, w in words if w == side and x0 >= x - 2)
    assert (bottom - top) / MM >= CHART_PANEL_MM * LEAST_PANEL_SHARE - 1


def test_a_row_is_left_alone_by_a_break_only_if_it_stands_alone():
    """Where neither 3 rows nor 2 keep together within 15 mm, a row alone on one side of the
    break only where 2 of it would cost more than 15 mm too: the segments table's first row
    (7.6 mm) under its header and heading, not a grid's 4.6 mm row, nor half of a table of
    two (the needles table)."""
    assert rows_before_break([7.6] * 9, 1, 4.7 + 6.7, 15.0) == 1
    assert rows_before_break([7.6] * 9, 1, 4.7, 15.0) == 0  # without the heading: 12 mm
    assert rows_before_break([4.6] * 16, 1, 10.2 + 6.7, 15.0) == 0
    assert rows_before_break([7.9, 5.1], 1, 4.9 + 6.7, 15.0) == 0


def _layout_doc(tmp_path):
    from PySide6.QtGui import QPdfWriter

    from imsmap.report.document import device_resolution
    from imsmap.report.layout import Doc

    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    return Doc(writer, device_resolution(writer))


def _segments_like(rows: int):
    from imsmap.report.table import Cell, Column, Table

    return Table([Column("Root", 8), Column("Left", 27), Column("Right", 27),
                  Column("Muscles (site numbers)", 38)],
                 [[Cell(f"L{k}", bold=True), Cell("1 site", small="grasp 1"),
                   Cell("2 sites (1 dominant)", small="grasp 2, 1"), "Multifidus 3, 4"]
                  for k in range(rows)], size=7.5, footnote="The marker shows the strongest grasp.",
                 title="Segmental summary")


def test_a_heading_counts_in_the_blank_its_table_going_over_whole_leaves(qapp, tmp_path):
    """A heading and the one row of its table that fits went over together and left ~27 mm
    blank at the page's foot (the demo's session 18: 'Segmental summary' after the site table):
    the heading goes over with its table, so it counts in the 15 mm a break may cost the page,
    as the table's header and rows do."""
    from imsmap.report.layout import Heading, Paragraph, paginate

    doc = _layout_doc(tmp_path)
    width = doc.mm(180)
    heading, table = Heading("Segmental summary"), _segments_like(9)
    row = table.row_height(doc, width, 0)
    assert doc.mm(7) < row < doc.mm(7.5) * 2  # a row that stands alone: 2 cost over 15 mm
    room = heading.height(doc, width) + table.header_height(doc, width) + row * 1.5
    before, top = Paragraph("The site table's footnote.", 9), doc.mm(200)
    pages = paginate(doc, [before, heading, table], width, top, 0.0,
                     top + before.height(doc, width) + room)
    blocks = [[type(b).__name__ for b, _y in page] for page in pages]
    assert blocks == [["Paragraph", "Heading", "Table"], ["Table"]], blocks
    assert len(pages[0][2][0].rows) == 1 and len(pages[1][0][0].rows) == 8
