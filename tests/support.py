"""Helpers shared by the record tests (imported as `support`; tests/ is on sys.path)."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from datetime import datetime
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
    heading and the side it names. The record says the same."""
    text = text.replace("(0-10)", "(0–10)")
    text = re.sub(r"^( *\d{4}-\d{2}-\d{2} \d{2}:\d{2})(?= )", r"\1 +00:00", text, count=1,
                  flags=re.M)
    for heading, side in one_piece:
        at = text.index(heading)
        text = text[:at] + re.sub(r"Patient's (left|right) +Patient's (left|right)",
                                  f"Patient's {side}", text[at:], count=1)
    return text


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
    assert read_on(now_lines) == read_on(then.rstrip("\n").splitlines())
    return text


def read_on(lines: list[str]) -> list[str]:
    """A session PDF's lines (pdftotext -layout) as its reader reads them on, page after page:
    white space squashed; blank lines, each page's footer and running head, and a table's
    "(continued)" caption with the header row it repeats left out. Where a page breaks is
    layout (a table keeps 3 rows on each side of a break since 5 Dec 2026), not what the record
    says. So is how wide the site table's columns are (since 6 Dec 2026 a column is as wide as
    its longest word needs and an empty one gives its width to the others:
    report.column_widths), which changes where its cells wrap: its header and each of its rows
    are read as the characters they hold, whatever their lines."""
    out: list[str] = []
    repeat = False
    table: list[str] | None = None  # the site table's header and rows, while it is read
    for line in lines:
        words = " ".join(line.split())
        if (not words or words.startswith("Document IMS-")
                or words == "Confidential health information."
                or (" · Session " in words and words.endswith("IMS treatment record"))):
            continue
        if table is not None and words.startswith("Grasp graded "):
            out.extend("".join(sorted(part.replace(" ", ""))) for part in table)
            table = None
        if table is not None:
            if words.endswith("(continued)"):
                repeat = True  # and the header rows under it, up to the next site's row
            elif re.match(r"\d+ \S", words):
                repeat = False
                table.append(words)
            elif not repeat:
                table[-1] += words
            continue
        if words.startswith("# Muscle "):
            table = [words]
            continue
        if words.endswith("(continued)"):
            repeat = True  # and the header row under it
            continue
        if repeat:
            repeat = False
            continue
        out.append(words)
    return out
