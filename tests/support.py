"""Helpers shared by the record tests (imported as `support`; tests/ is on sys.path)."""

from __future__ import annotations

import difflib
import functools
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import datetime
from html import unescape
from pathlib import Path

import pytest

from imsmap.atlas import Atlas, load_atlas
from imsmap.services.context import build_context
from imsmap.services.records import Records
from imsmap.store.db import Database


def chart_atlas() -> Atlas:
    """The shipped atlas; the tests always run against the real charts."""
    atlas = load_atlas()
    assert any(v.regions for v in atlas.views.values()), "the shipped atlas has no chart views"
    return atlas


def open_clinic(path, **db_options) -> Records:
    """The records of the database at `path` (opened with `db_options`: readonly...) on the
    shipped atlas, as test.physio."""
    return build_context(Database.open(path, **db_options), chart_atlas(),
                         actor="test.physio").records


@pytest.fixture
def clinic(db_path):
    """One patient's draft session (20 November 2026, 09:30, its id as `recs.session_id`) with
    one site graded 1, on records of their own; closed after the test."""
    recs = open_clinic(db_path)
    patient = recs.create_patient(chart_number="C-1", family_name="Nguyen")
    recs.session_id = recs.start_session(patient.id,
                                         started_at=datetime(2026, 11, 20, 9, 30)).id
    view, x, y, muscle, side = spot(recs.atlas)
    recs.add_site(recs.session_id, view, x, y, muscle_id=muscle, side=side, grasp=1)
    yield recs
    recs.db.close()


def spot(atlas: Atlas, n: int = 0) -> tuple[str, float, float, str, str]:
    """(view id, x, y, muscle, side) at the label point of the n-th clickable left/right region."""
    found = [(v.id, *r.label, r.muscle, r.side) for v in atlas.views.values()
             for r in v.regions if r.side in ("L", "R") and r.contains(*r.label)]
    return found[n % len(found)]


def draft_and_signed_visit(records) -> list:
    """C-1 (the clinic's first patient): a draft (session 1, 20 November 2026 09:30) and a
    visit signed (session 2, 10:30), one site each graded 2 (sites 1 and 2): the shape the
    kill tests hold a write in. Returns the patient and the two sites."""
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    sites = []
    for hour in (9, 10):
        session = records.start_session(patient.id, started_at=datetime(2026, 11, 20, hour, 30))
        view, x, y, muscle, side = spot(records.atlas, hour)
        sites.append(records.add_site(session.id, view, x, y, muscle_id=muscle, side=side,
                                      grasp=2))
    records.sign_session(2)
    return [patient, *sites]


def site_on(records, session, muscle_id: str):
    """Add a site through the services on a real region of ``muscle_id``: at its label point,
    where a tap on the chart finds that muscle. Fails the test when the atlas has none."""
    for view in records.atlas.views.values():
        for region in view.regions:
            if region.muscle == muscle_id and muscle_id in [
                    r.muscle for r in view.regions_at(*region.label)]:
                return records.add_site(session.id, view.id, *region.label,
                                        muscle_id=muscle_id, side=region.side,
                                        layer=region.layer, level=region.level)
    pytest.fail(f"the atlas has no clickable region for {muscle_id}")


def outside_edit(path, *statements: str) -> None:
    """Change the file the way another program would: triggers dropped, then put back."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                                ).fetchall()
        conn.execute("BEGIN")
        conn.execute("PRAGMA foreign_keys = OFF")
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        for sql in statements:
            conn.execute(sql)
        for _, sql in triggers:
            conn.execute(sql)
        conn.execute("COMMIT")
    finally:
        conn.close()


def presented_today(text: str, one_piece: tuple[tuple[str, str], ...] = ()) -> str:
    """An old signed session's PDF text (a fixture written by an earlier version's code) as
    today's code presents the same record: the pain range's hyphen an en dash (0–10) since
    5 Dec 2026 (typography); the session's time on the first page with its offset from UTC
    since 6 Dec 2026, as the signature's always had; an enlargement of one piece of a sheet
    drawn in two (a hand, a foot, a profile of the head) naming that piece's side alone since
    6 Dec 2026 (report.print_chart.one_piece_side): `one_piece` gives each such enlargement's
    heading and the side it names; a site's layer in the site table named as its chart names
    it since 6 Dec 2026 (_layers_by_their_names). The record says the same."""
    text = _layers_by_their_names(text.replace("(0-10)", "(0–10)"))
    text = re.sub(r"^( *\d{4}-\d{2}-\d{2} \d{2}:\d{2})(?= )", r"\1 +00:00", text, count=1,
                  flags=re.M)
    for heading, side in one_piece:
        at = text.index(heading)
        text = text[:at] + re.sub(r"Patient's (left|right) +Patient's (left|right)",
                                  f"Patient's {side}", text[at:], count=1)
    return text


def _layers_by_their_names(text: str) -> str:
    """A session PDF's text with each site's layer in the site table named as its chart's
    heading names it: "deep layer" (the layer's id) under a site of the spinal chart read
    "semispinalis, rotatores and short muscles layer" there since 6 Dec 2026, as the chart's
    heading, the window's layer buttons and the French PDF name it."""
    named: dict[str, str] = {}
    for heading in re.finditer(r"— (.+?) layer +sites? ([\d, ]+)$", text, re.M):
        if heading.group(1) != "deep":
            named.update((n.strip(), heading.group(1)) for n in heading.group(2).split(","))
    if not named:
        return text
    lines = text.split("\n")
    muscle = None  # where the Muscle column starts on the header's line
    site = None
    for i, line in enumerate(lines):
        words = " ".join(line.split())
        if muscle is None:
            if SITE_TABLE.header(words):
                muscle = line.index("Muscle")
            continue
        if SITE_TABLE.ends(words):
            break
        first = re.match(r" *(\d+) ", line)
        if first and first.end(1) <= muscle:
            site = first.group(1)
        if site in named:
            lines[i] = line.replace("deep layer", f"{named[site]} layer")
    return "\n".join(lines)


def file_from_sql(script: Path, path: Path) -> Path:
    """A clinic file at `path` made from a fixture's SQL dump (a file an older imsmap wrote)."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(script.read_text(encoding="utf-8"))
    finally:
        conn.close()
    return path


def rows_by_id(path: Path, tables: tuple[str, ...] = ("sites", "sessions", "audit")
               ) -> dict[str, list[tuple]]:
    """Every row of `tables` in the file at `path`, by id: compared before and after, whether
    anything was rewritten."""
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
                for table in tables}
    finally:
        conn.close()


def pdf_text(path: Path) -> str:
    """A PDF's text as pdftotext -layout gives it (poppler-utils, installed by .ci/run)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the PDF back")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def says_what_it_said(pdf: Path, then: str, recorded_on: str, drawn_with: str) -> str:
    """Check that the session PDF `pdf` of a session signed on atlas `recorded_on` reads as
    `then` (the text that version's code wrote, see presented_today) but for one marked note,
    which says its charts are drawn with atlas `drawn_with`; the PDF's text, for more checks."""
    then = muscles_by_side(then)
    text = pdf_text(pdf)
    now_lines = text.rstrip("\n").splitlines()
    marked = [i for i, line in enumerate(now_lines)
              if line.startswith(f"Recorded on atlas {recorded_on}")]
    assert len(marked) == 1
    i = marked[0]
    j = next(k for k in range(i, len(now_lines)) if now_lines[k].rstrip().endswith("tapped."))
    note = " ".join(line.strip() for line in now_lines[i:j + 1])
    assert f"the body charts are drawn with atlas {drawn_with}" in note and j - i < 4
    del now_lines[i:j + 1]
    then_lines = then.rstrip("\n").splitlines()
    now, was = read_on(now_lines), read_on(then_lines)
    assert now == was, "\n".join(difflib.unified_diff(was, now, "then", "now", lineterm=""))
    # the site table and the segmental summary, cell by cell: the PDF's cells (where each
    # word is on the page) read as its own lines do, and as the lines the earlier code wrote
    for table in RECORD_TABLES:
        cells = table_cells(pdf, table)
        for rows in (table_rows(now_lines, table), table_rows(then_lines, table)):
            assert len(rows) == len(cells), (table.name, rows, cells)
            for lines, row in zip(rows, cells):
                assert reads_as(lines, row), (table.name, lines, row)
    return text


def muscles_by_side(text: str) -> str:
    """A session PDF's text (English, pdftotext -layout) with the segmental summary's Muscles
    column as today's code writes it: each muscle's site numbers by side, "Multifidus L 2, R 4"
    where the earlier code wrote "Multifidus 2, 4" (to 7 Dec 2026: the column said no side,
    where the Segments tab says "Multifidus both"). The sides are the site table's own. Each
    row's muscles are set whole on its first line (where a cell wraps is layout: reads_as)."""
    lines = text.split("\n")
    sides: dict[str, str] = {}
    letters = {"Left": "L", "Right": "R", "Midlin": "M"}  # "Midline" wraps in some
    within = False
    for line in lines:
        words = " ".join(line.split())
        if SITE_TABLE.header(words):
            within = True
        elif within and SITE_TABLE.ends(words):
            break
        elif within and (row := re.match(r"(\d+) .*?\b(Left|Right|Midlin)(?:e\b|\b)", words)):
            sides.setdefault(row.group(1), letters[row.group(2)])
    header = next((i for i, line in enumerate(lines)
                   if SEGMENT_TABLE.header(" ".join(line.split()))), None)
    if header is None:
        return text
    column = lines[header].index("Muscles")
    second = lines[header].index(SEGMENT_TABLE.columns[1])
    rows: list[tuple[int, list[str]]] = []  # each row's first line, its muscles' pieces
    root = None
    for i in range(header + 1, len(lines)):
        line = lines[i]
        words = " ".join(line.split())
        if SEGMENT_TABLE.ends(words):
            break
        if _page_furniture(words) or words.endswith("(continued)") or \
                SEGMENT_TABLE.header(words):  # a page's foot and head, the header said again
            continue
        first = re.match(r" *(\S+)(?: |$)", line)
        if first and first.end(1) <= second and SEGMENT_TABLE.row.fullmatch(first.group(1)):
            if first.group(1) != root:  # not the row carried over a page break
                rows.append((i, []))
            root = first.group(1)
        if rows and line[column - 1:].strip():
            rows[-1][1].append(line[column - 1:].strip())
            lines[i] = line[:column - 1].rstrip()
    for i, pieces in rows:
        entries = []
        for entry in " ".join(pieces).split("; "):
            name, numbers = re.fullmatch(r"(.+?) (\d+(?:, \d+)*)", entry).groups()
            by_side: dict[str, list[str]] = {}
            for n in numbers.split(", "):
                by_side.setdefault(sides[n], []).append(n)
            entries.append(f"{name} " + ", ".join(
                f"{side} {', '.join(by_side[side])}" for side in "LRM" if side in by_side))
        lines[i] = f"{lines[i].ljust(column)}{'; '.join(entries)}"
    return "\n".join(lines)


@dataclass(frozen=True)
class PdfTable:
    """A table of the session PDF as the record tests read it, cell by cell (table_cells,
    table_rows, reads_as): where its cells wrap is layout, not what the record says."""

    name: str  # the one line read_on reads the whole table as
    columns: tuple[str, ...]  # each column's header's first word, left to right
    foot: tuple[str, str]  # the first two words of the footnote under it
    row: re.Pattern[str]  # a word of the first column that starts a row
    optional: frozenset[str] = frozenset()  # columns a table may be without

    def header(self, words: str) -> bool:
        """Whether a line's words (white space squashed) are the table's header's."""
        return words.startswith(f"{self.columns[0]} {self.columns[1]} ")

    def ends(self, words: str) -> bool:
        """Whether a line's words start the footnote under the table."""
        return words.startswith(f"{self.foot[0]} {self.foot[1]} ")


# The session PDF's site table: the first word of each column's header (the fixtures' English)
SITE_COLUMNS = ("#", "Muscle", "Side", "Level", "Nerve", "Needle", "Depth", "Grasp", "Response",
                "Notes")
FRENCH_SITE_COLUMNS = ("#", "Muscle", "Côté", "Niv.", "Nerf", "Aiguille", "Prof.", "Préhension",
                       "Réponse", "Notes")
# a row starts at its number
SITE_TABLE = PdfTable("<site table>", SITE_COLUMNS, ("Grasp", "graded"), re.compile(r"\d+"))
FRENCH_SITE_TABLE = PdfTable("<site table>", FRENCH_SITE_COLUMNS, ("Préhension", "cotée"),
                             SITE_TABLE.row)
# The segmental summary: a row starts at its root (CN11, C5, T7...) or at "level not
# recorded"; a Midline column only where a site is on the midline
SEGMENT_TABLE = PdfTable("<segmental summary>", ("Root", "Left", "Right", "Midline", "Muscles"),
                         ("The", "marker"), re.compile(r"CN\d+|[CTLS]\d+|level"),
                         frozenset({"Midline"}))
RECORD_TABLES = (SITE_TABLE, SEGMENT_TABLE)


def _page_furniture(words: str) -> bool:
    """A session PDF's line that is no part of its record: blank, the footer's, the header's."""
    return (not words or words.startswith("Document IMS-")
            or words == "Confidential health information."
            or (" · Session " in words and words.endswith("IMS treatment record")))


def read_on(lines: list[str]) -> list[str]:
    """A session PDF's lines (pdftotext -layout) as its reader reads them on, page after page:
    white space squashed; blank lines, each page's footer and running head, and a table's
    "(continued)" caption with the header row it repeats left out. Where a page breaks is
    layout (a table keeps 3 rows on each side of a break since 5 Dec 2026, fewer where 3 would
    leave a large blank since 6 Dec 2026: report.table.rows_before_break), not what the record
    says. So is how wide a table's columns are (since 6 Dec 2026 a column is as wide as its
    longest word needs and an empty one gives its width to the others; since 7 Dec 2026 a
    column of names that wraps takes the room the others leave: report.column_widths), which
    changes where its cells wrap: the site table and the segmental summary are one line each
    here (RECORD_TABLES' names); table_rows reads each row by row and reads_as checks it cell
    by cell. The signature box's chain link is read under its label, where it was drawn before
    it shared the label's line (6 Dec 2026: report.session_sections.SignatureBlock._rows)."""
    out: list[str] = []
    repeat = False
    within: PdfTable | None = None
    for line in lines:
        words = " ".join(line.split())
        if _page_furniture(words):
            continue
        if within and within.ends(words):
            within = None
        if within:
            continue
        within = next((t for t in RECORD_TABLES if t.header(words)), None)
        if within:
            out.append(within.name)
            continue
        if words.endswith("(continued)"):
            repeat = True  # and the header row under it
            continue
        if repeat:
            repeat = False
            continue
        beside = CHAIN_LINK_BESIDE.fullmatch(words)
        if beside:
            out.extend(beside.groups())
            continue
        out.append(words)
    return out


# the audit trail's label and its chain link on one line
CHAIN_LINK_BESIDE = re.compile(r"(Audit trail: signed in entry \d+, chain link:) ([0-9a-f]{32})")


def table_rows(lines: list[str], table: PdfTable = SITE_TABLE) -> list[list[str]]:
    """A table of the session PDF as pdftotext -layout gives it (``lines``): its header's
    lines, then each row's, white space squashed; a row carried over a page break (its first
    word said again: a site's number, a root) is one. Where on a line pdftotext puts a word is no sure guide to its
    column (it set "Right" of the Side column against "Serratus posterior", one space apart),
    but each line reads left to right, so it is checked as a whole against the row's cells
    (reads_as)."""
    rows: list[list[str]] = []
    second = None  # where the second column starts on the header's line
    repeat = False
    for line in lines:
        words = " ".join(line.split())
        if _page_furniture(words):
            continue
        if second is None:
            if table.header(words):
                second = line.index(table.columns[1])
                rows.append([words])
            continue
        if table.ends(words):
            break
        if words.endswith("(continued)"):
            repeat = True  # and the header's lines under it, up to the next row
            continue
        first = re.match(r" *(\S+)(?: |$)", line)
        if first and first.end(1) <= second and table.row.fullmatch(first.group(1)):
            repeat = False
            if len(rows) > 1 and rows[-1][0].split()[0] == first.group(1):
                words = words[len(first.group(1)):].strip()  # the row goes on
            else:
                rows.append([])
        if not repeat and words:
            rows[-1].append(words)
    return rows


def table_cells(pdf: Path, table: PdfTable = SITE_TABLE) -> list[list[str]]:
    """A table of the session PDF at ``pdf``, read from where each word is on its page
    (pdftotext -bbox): the header's cells, then each row's, each cell's words in reading order.
    A word is in the column whose header it starts at or right of; a row starts at a word of
    the first column that ``table.row`` matches (and goes on after a page break where that
    first cell is said again)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    rows: list[list[list[tuple[float, float, str]]]] = []
    first, second = table.columns[:2]
    for page in html.split("<page ")[1:]:
        words = sorted((float(y), float(x), unescape(w)) for x, y, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page))
        at = {(round(y), w) for y, _, w in words}
        tops = [y for y, _, w in words if w == first and (round(y), second) in at]
        if not tops:
            continue
        top = tops[0]
        starts = _column_starts(table, sorted((x, w) for y, x, w in words if abs(y - top) < 2))
        # up to the table's footnote, or the page's footer
        end = min([y for y, _, w in words if y > top and (
            (w == table.foot[0] and (round(y), table.foot[1]) in at) or w.startswith("IMS-"))]
            or [1e9])
        body = [(y, x, w) for y, x, w in words if top - 2 < y < end - 2]
        marks = [(y, w) for y, x, w in body if x < starts[1] - 1 and table.row.fullmatch(w)]
        bounds = [y - 2 for y, _ in marks] + [end]
        if not rows:  # the header, above the first row (repeated on the next pages)
            rows.append([[] for _ in starts])
            for y, x, w in body:
                if y < bounds[0]:
                    rows[0][_column(starts, x)].append((y, x, w))
        for (_mark, word), low, high in zip(marks, bounds, bounds[1:]):
            again = len(rows) > 1 and rows[-1][0][0][2] == word
            if not again:
                rows.append([[] for _ in starts])
            for y, x, w in body:
                column = _column(starts, x)
                if low <= y < high and not (again and column == 0):
                    rows[-1][column].append((y, x, w))
    return [[" ".join(w for _, _, w in sorted(cell)) for cell in row] for row in rows]


def _column_starts(table: PdfTable, header: list[tuple[float, str]]) -> list[float]:
    """Where each of ``table``'s columns starts, from its header line's words (x, word) left
    to right; a column the table may be without (``table.optional``) only where it is there."""
    starts: list[float] = []
    wanted = list(table.columns)
    for x, w in header:
        if w in wanted:
            skipped = wanted[:wanted.index(w)]
            assert table.optional.issuperset(skipped), (table.name, skipped, header)
            del wanted[:len(skipped) + 1]
            starts.append(x)
    assert table.optional.issuperset(wanted), (table.name, wanted, header)
    return starts


def _column(starts: list[float], x: float) -> int:
    """The column a word starting at ``x`` is in: the last that starts at or left of it (the
    first, whose numbers are set right, takes what is left of the second)."""
    return max(i for i, at in enumerate(starts) if i == 0 or at <= x + 1)


def reads_as(lines: list[str], cells: list[str]) -> bool:
    """Whether a row's ``lines`` (pdftotext -layout) read as its ``cells`` (in column order),
    white space aside: each line left to right is the next piece of each cell in column
    order (none of a cell, or some), and every cell is read whole. Where a cell wraps is
    free; a value out of its column's order (a side and a level swapped, a needle's length
    before its diameter) is not."""
    text = ["".join(line.split()) for line in lines]
    want = ["".join(cell.split()) for cell in cells]

    @functools.cache
    def walk(j: int, k: int, i: int, pos: tuple[int, ...]) -> bool:
        if j == len(text):
            return all(p == len(c) for p, c in zip(pos, want))
        if i == len(text[j]):
            return walk(j + 1, 0, 0, pos)
        if k == len(want):
            return False
        n = 0
        while True:
            if walk(j, k + 1, i + n, (*pos[:k], pos[k] + n, *pos[k + 1:])):
                return True
            if i + n < len(text[j]) and pos[k] + n < len(want[k]) \
                    and text[j][i + n] == want[k][pos[k] + n]:
                n += 1
            else:
                return False

    return walk(0, 0, 0, (0,) * len(want))
