"""The old-atlas PDF tests compare a session PDF with the text an earlier version's code wrote
(support.says_what_it_said). Since the site table's columns follow their content
(report.column_widths), its cells wrap where they did not, and each row was read as the
characters it holds, sorted: a pair of values swapped within a row (a needle's diameter and
length, a side and a level) read the same. The table is checked cell by cell now: the PDF's
cells read from where each word is on the page (pdftotext -bbox), each row's lines of the old
text read left to right as the next piece of each cell in column order, wherever a cell
wraps."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from imsmap.report.session_pdf import write_session_pdf
from imsmap.services.context import open_records
from support import (
    SITE_TABLE,
    file_from_sql,
    read_on,
    reads_as,
    says_what_it_said,
    site_table_cells,
    site_table_rows,
)

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE = FIXTURES / "atlas_2026_12_6_session1.txt"
# row 1 of the fixture's site table, cell by cell
ROW_1 = ["1", "Longissimus thoracis (thoracic part) † paraspinal layer", "Right", "—",
         "Lateral branches of the thoracic dorsal rami T1-T6*-T12", "0.25 × 40", "—",
         "2 moderate", "—", ""]
SWAPS = (("0.25", "40"),  # a needle's diameter and length
         ("Right", "—"))  # a side and a level


def _lines() -> list[str]:
    return FIXTURE.read_text(encoding="utf-8").rstrip("\n").splitlines()


def _row(lines: list[str], number: int) -> int:
    return next(i for i, line in enumerate(lines) if line.startswith(f"   {number} "))


def _swapped(line: str, a: str, b: str) -> str:
    """``line`` with the words ``a`` and ``b`` (in this order on it) in each other's place,
    each starting where the other did."""
    i = line.index(a)
    j = line.index(b, i + len(a))
    width = max(len(a), len(b))
    line = line.ljust(j + width)
    return (line[:i] + b.ljust(width) + line[i + width:j] + a.ljust(width)
            + line[j + width:]).rstrip()


def test_the_site_table_is_read_row_by_row_and_each_row_as_its_cells():
    read = read_on(_lines())
    assert read.count(SITE_TABLE) == 1
    assert read[read.index(SITE_TABLE) + 1].startswith("Grasp graded ")
    rows = site_table_rows(_lines())
    assert len(rows) == 9 and rows[0][0].startswith("# Muscle Side Level Nerve · roots")
    assert rows[1] == ["1 Longissimus Right — Lateral branches of the 0.25 × 40 — 2 moderate —",
                       "thoracis (thoracic thoracic dorsal rami", "part) † T1-T6*-T12",
                       "paraspinal layer"]
    assert reads_as(rows[1], ROW_1)
    assert not reads_as(rows[2], ROW_1)  # row 2: left, 1 mild


def test_the_same_cells_wrapped_otherwise_read_the_same():
    """Row 1's muscle and nerve wrapped at other words, as wider columns wrap them."""
    lines = _lines()
    i = _row(lines, 1)
    lines[i:i + 4] = [
        "   1 Longissimus thoracis    Right  —   Lateral branches of the thoracic  0.25 × 40  —"
        "   2 moderate  —",
        "     (thoracic part) †                  dorsal rami",
        "        paraspinal layer                T1-T6*-T12"]
    assert reads_as(site_table_rows(lines)[1], ROW_1)


@pytest.mark.parametrize("a, b", SWAPS)
def test_a_pair_of_values_swapped_within_a_row_is_seen(a, b):
    lines = _lines()
    i = _row(lines, 1)
    lines[i] = _swapped(lines[i], a, b)
    assert sorted(lines[i].replace(" ", "")) == sorted(_lines()[i].replace(" ", ""))
    assert not reads_as(site_table_rows(lines)[1], ROW_1)


@pytest.fixture
def old_records(tmp_path):
    recs = open_records(file_from_sql(FIXTURES / "atlas_2026_12_6.sql", tmp_path / "old.sqlite3"),
                        actor="test.physio")
    yield recs
    recs.db.close()


def test_the_pdfs_cells_are_read_where_they_are(old_records, tmp_path, qapp, charts_as_pictures):
    out = write_session_pdf(old_records, 1, tmp_path / "s.pdf", paper="A4",
                            generated=datetime(2026, 12, 6, 2, 0))
    cells = site_table_cells(out)
    assert cells[0] == ["#", "Muscle", "Side", "Level", "Nerve · roots", "Needle mm Ø × L",
                        "Depth mm", "Grasp", "Response", "Notes"]
    assert cells[1] == ROW_1 and len(cells) == 9
    then = FIXTURE.read_text(encoding="utf-8")
    says_what_it_said(out, then, "2026.12.6", old_records.atlas.version)
    for a, b in SWAPS:  # the old text with a pair of values swapped no longer says it
        lines = then.splitlines()
        i = _row(lines, 1)
        lines[i] = _swapped(lines[i], a, b)
        with pytest.raises(AssertionError):
            says_what_it_said(out, "\n".join(lines), "2026.12.6", old_records.atlas.version)
