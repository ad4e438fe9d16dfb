"""The digits of a patient's chart number, kept beside the patient (table patient_chart_digits,
SQLite schema 14, server schema 17) so that a clinician who knows only the number on the paper
chart finds the patient: "0006", "006", "06" and "6" typed find DEMO-0006 (and 2024-0006,
CL/0006).

Each run of ASCII digits of the chart number is kept as it is written and again with each of
its leading zeros dropped, down to its first other digit (`chart_digits`: "DEMO-0006" gives
0006, 006, 06, 6; "2024-0006" gives 2024 and those four; an all-zero run "000" gives 000, 00,
0). A typed word of digits alone (`typed_number`) finds the patients with one of these starting
with it: the start of a run, its leading zeros optional, as a name part is found by its start.
"6" finds 6 and 61 and 600 as "ro" finds Roy and Rose; the whole number typed ("0006") finds
only its own (and 6 with more zeros before it). Digits inside a run ("24" in 2024) are not
looked for: a clinician types a number from its start.

A separate table, not rows of patient_name_parts: there they made the server's parts table four
times longer, and a one-letter search left its ordered index (17 -> 39 ms at 20,000 patients).
Here a patient has one to a few rows, read only for a word of digits. They are derived from the
patient row, written in the transaction of every write of a chart number (store.repository,
store.journal's replay, the server's migrate and migration); not a record of their own: no audit
entry, not in exports or journals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from imsmap.store.name_parts import FILL_BATCH, typed_parts

_RUN = re.compile(r"[0-9]+")


def chart_digits(chart_number: str) -> set[str]:
    """Each run of ASCII digits of the chart number, as written and with each of its leading
    zeros dropped down to its first other digit (an all-zero run down to one zero)."""
    out: set[str] = set()
    for run in _RUN.findall(chart_number or ""):
        zeros = len(run) - len(run.lstrip("0"))
        out.update(run[k:] for k in range(min(zeros, len(run) - 1) + 1))
    return out


def typed_number(word: str) -> str | None:
    """The digits a typed word looks for in the chart numbers' runs: the word's, when it is
    ASCII digits alone once folded and split as a name is ("0006", "0006,"); None for any
    other word ("c-11", "6a", "٦")."""
    typed = typed_parts(word)
    if len(typed) == 1 and _RUN.fullmatch(typed[0]):
        return typed[0]
    return None


def digits_range(prefix: str) -> tuple[str, list[Any]]:
    """A condition on ``digits`` for the rows starting with ``prefix`` (ASCII digits; binary
    order on both backends), a range an index walks: the next string after every digit run
    starting with it is the prefix followed by a character past "9"."""
    return "digits >= ? AND digits < ?", [prefix, prefix + ":"]


def rewrite(conn: Any, patient_id: int, chart_number: str, mark: str = "?") -> None:
    """Make the patient's rows those of this chart number (in the caller's transaction)."""
    conn.execute(f"DELETE FROM patient_chart_digits WHERE patient_id = {mark}", (patient_id,))
    insert(conn, [(patient_id, chart_number)], mark)


def insert(conn: Any, patients: Iterable[tuple[int, str]], mark: str = "?") -> None:
    """The rows of each (patient id, chart number)."""
    rows = [(pid, digits) for pid, chart in patients for digits in sorted(chart_digits(chart))]
    if rows:
        many = getattr(conn, "executemany", None) or conn.cursor().executemany  # psycopg's own
        many(f"INSERT INTO patient_chart_digits (patient_id, digits) VALUES ({mark}, {mark})",
             rows)


def _batches(conn: Any, mark: str) -> Iterator[list[tuple[int, str]]]:
    """Every patient's (id, chart number), FILL_BATCH at a time by id (no list of all)."""
    last = 0
    while True:
        batch = [(int(r[0]), str(r[1])) for r in conn.execute(
            f"SELECT id, chart_number FROM patients WHERE id > {mark} ORDER BY id"
            f" LIMIT {FILL_BATCH}", (last,)).fetchall()]
        if not batch:
            return
        yield batch
        last = batch[-1][0]


def fill(conn: Any, mark: str = "?") -> None:
    """The rows of every patient (a migration; a server's migrate after its copy)."""
    for batch in _batches(conn, mark):
        insert(conn, batch, mark)


def check_filled(conn: Any) -> None:
    """Every patient with a digit in its chart number has its rows (run in the migration's
    transaction: raising rolls it back)."""
    missing = conn.execute(
        "SELECT chart_number FROM patients p WHERE NOT EXISTS (SELECT 1 FROM"
        " patient_chart_digits d WHERE d.patient_id = p.id)").fetchall()
    if any(chart_digits(chart) for (chart,) in missing):
        raise RuntimeError("chart digits: a patient's digits are missing after the fill")
