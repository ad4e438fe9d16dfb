"""The old-atlas PDF tests compare a session PDF with the text an earlier version's code wrote
(support.says_what_it_said). Since the site table's columns follow their content
(report.column_widths), its cells wrap where they did not, and each row was read as the
characters it holds, sorted: a pair of values swapped within a row (a needle's diameter and
length, a side and a level) read the same. The table is checked cell by cell now: the PDF's
cells read from where each word is on the page (pdftotext -bbox), each row's lines of the old
text read left to right as the next piece of each cell in column order, wherever a cell
wraps. The segmental summary is read the same way: its root column wraps « level not
recorded » where it is narrow, and the names beside it take the room its columns leave
(report.column_widths)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from imsmap.report.session_pdf import write_session_pdf
from imsmap.services.context import open_records
from support import (
    SEGMENT_TABLE,
    SITE_TABLE,
    file_from_sql,
    read_on,
    reads_as,
    says_what_it_said,
    table_cells,
    table_rows,
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
    assert read.count(SITE_TABLE.name) == 1
    assert read[read.index(SITE_TABLE.name) + 1].startswith("Grasp graded ")
    rows = table_rows(_lines())
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
    assert reads_as(table_rows(lines)[1], ROW_1)


@pytest.mark.parametrize("a, b", SWAPS)
def test_a_pair_of_values_swapped_within_a_row_is_seen(a, b):
    lines = _lines()
    i = _row(lines, 1)
    lines[i] = _swapped(lines[i], a, b)
    assert sorted(lines[i].replace(" ", "")) == sorted(_lines()[i].replace(" ", ""))
    assert not reads_as(table_rows(lines)[1], ROW_1)


@pytest.fixture
def old_records(tmp_path):
    recs = open_records(file_from_sql(FIXTURES / "atlas_2026_12_6.sql", tmp_path / "old.sqlite3"),
                        actor="test.physio")
    yield recs
    recs.db.close()


def test_the_pdfs_cells_are_read_where_they_are(old_records, tmp_path, qapp, charts_as_pictures):
    out = write_session_pdf(old_records, 1, tmp_path / "s.pdf", paper="A4",
                            generated=datetime(2026, 12, 6, 2, 0))
    cells = table_cells(out)
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


# the fixture's segmental summary, cell by cell
SEGMENTS = [["Root", "Left", "Right", "Muscles (site numbers)"],
            ["T3", "", "1 site (dominant) grasp 3", "Iliocostalis thoracis 4"],
            ["T6", "", "1 site (dominant) grasp 2", "Spinalis (thoracis) 7"],
            ["T7", "1 site (dominant) grasp 1", "", "Longissimus thoracis (thoracic part) 8"],
            ["level not recorded", "3 sites grasp 2, 2, 1", "2 sites grasp 2, 1",
             "Longissimus thoracis (thoracic part) 1, 2, 5; Iliocostalis thoracis 3, 6"]]
# and as today's code writes it: each muscle's numbers by side (since 7 Dec 2026, muscles_by_side)
NOW_SEGMENTS = [SEGMENTS[0],
                [*SEGMENTS[1][:3], "Iliocostalis thoracis R 4"],
                [*SEGMENTS[2][:3], "Spinalis (thoracis) R 7"],
                [*SEGMENTS[3][:3], "Longissimus thoracis (thoracic part) L 8"],
                [*SEGMENTS[4][:3], "Longissimus thoracis (thoracic part) L 2, R 1, 5; "
                                   "Iliocostalis thoracis L 3, 6"]]


def _root(lines: list[str], root: str) -> int:
    return next(i for i, line in enumerate(lines) if line.startswith(f" {root} "))


def _put(line: str, at: int, text: str) -> str:
    """``line`` with ``text`` written over its blanks from column ``at``."""
    line = line.ljust(at + len(text))
    assert not line[at:at + len(text)].strip(), (line, at, text)
    return line[:at] + text + line[at + len(text):]


def _rewrapped(lines: list[str]) -> list[str]:
    """« level not / recorded » on one line, as a wider root column prints it."""
    lines = list(lines)
    i = _root(lines, "level")
    lines[i] = _put(lines[i].replace("level not", " " * 9, 1), 1, "level not recorded")
    lines[i + 1] = lines[i + 1].replace("recorded", " " * 8, 1)
    return lines


def _changed_word(lines: list[str]) -> list[str]:
    """A word of one cell changed: spinalis thoracis said cervicis."""
    lines = list(lines)
    i = _root(lines, "T6")
    lines[i] = lines[i].replace("(thoracis)", "(cervicis)")
    return lines


def _moved_cell(lines: list[str]) -> list[str]:
    """T7's left cell (1 site, grasp 1) moved up into T6's row, at the same place across: the
    table holds the same words, each row's lines as many."""
    lines = list(lines)
    i, j = _root(lines, "T6"), _root(lines, "T7")
    at = lines[j].index("1 site (dominant)")
    cell = (lines[j][at:at + 17], lines[j + 1][at:at + 7])
    lines[j] = lines[j][:at] + " " * 17 + lines[j][at + 17:]
    lines[j + 1] = lines[j + 1][:at] + " " * 7 + lines[j + 1][at + 7:]
    lines[i] = _put(lines[i], at, cell[0])
    lines[i + 1] = _put(lines[i + 1], at, cell[1])
    return lines


def _lost_word(lines: list[str]) -> list[str]:
    """A word of one cell lost: iliocostalis thoracis said iliocostalis."""
    lines = list(lines)
    i = _root(lines, "T3")
    lines[i] = lines[i].replace("Iliocostalis thoracis 4", "Iliocostalis 4         ")
    return lines


def test_the_segmental_summary_is_read_row_by_row_and_each_row_as_its_cells():
    read = read_on(_lines())
    assert read.count(SEGMENT_TABLE.name) == 1
    assert read[read.index(SEGMENT_TABLE.name) + 1].startswith("The marker shows ")
    rows = table_rows(_lines(), SEGMENT_TABLE)
    assert len(rows) == len(SEGMENTS) and rows[0] == [
        "Root Left Right Muscles (site numbers)"]
    assert rows[4] == ["level not 3 sites 2 sites Longissimus thoracis (thoracic part) 1, 2, 5;"
                       " Iliocostalis", "recorded grasp 2, 2, 1 grasp 2, 1 thoracis 3, 6"]
    for lines, cells in zip(rows, SEGMENTS):
        assert reads_as(lines, cells), (lines, cells)
    # the root on one line reads the same; a changed, lost or moved word does not
    assert table_rows(_rewrapped(_lines()), SEGMENT_TABLE)[4] == [
        "level not recorded 3 sites 2 sites Longissimus thoracis (thoracic part) 1, 2, 5;"
        " Iliocostalis", "grasp 2, 2, 1 grasp 2, 1 thoracis 3, 6"]
    assert reads_as(table_rows(_rewrapped(_lines()), SEGMENT_TABLE)[4], SEGMENTS[4])
    assert not reads_as(table_rows(_changed_word(_lines()), SEGMENT_TABLE)[2], SEGMENTS[2])
    assert not reads_as(table_rows(_lost_word(_lines()), SEGMENT_TABLE)[1], SEGMENTS[1])
    moved = table_rows(_moved_cell(_lines()), SEGMENT_TABLE)
    assert not reads_as(moved[2], SEGMENTS[2]) and not reads_as(moved[3], SEGMENTS[3])


def test_the_pdfs_segmental_summary_is_read_cell_by_cell(old_records, tmp_path, qapp,
                                                        charts_as_pictures):
    """What the PDF's segmental summary says is its cells' words, wherever they wrap: the old
    text with its root re-wrapped still says it; with a word changed or lost in one cell, or a
    cell moved to another row (the table's words all there), it no longer does, though the
    rest of the record reads the same."""
    out = write_session_pdf(old_records, 1, tmp_path / "s.pdf", paper="A4",
                            generated=datetime(2026, 12, 6, 2, 0))
    assert table_cells(out, SEGMENT_TABLE) == NOW_SEGMENTS
    then = _lines()
    says_what_it_said(out, "\n".join(_rewrapped(then)), "2026.12.6", old_records.atlas.version)
    for edit in (_changed_word, _lost_word, _moved_cell):
        lines = edit(then)
        assert lines != then and read_on(lines) == read_on(then)
        with pytest.raises(AssertionError, match="segmental summary"):
            says_what_it_said(out, "\n".join(lines), "2026.12.6", old_records.atlas.version)
