"""The parts of a patient's names, folded, kept beside the patient (table patient_name_parts) so
that search finds a typed word at the start of any part: "roy" finds Côté-Roy, "lev" and "lév"
Tremblay-Lévesque, "cote" Côté, "oneil" and "o'neil" O'Neil, "oeuvre" Œuvre; and a typed
number anywhere in the chart number's digits: "0006" and "6" DEMO-0006 (a word of digits
alone: `NUMBER`).

A part is a piece of the family or given name split at spaces and hyphens, folded (NFKD,
combining marks dropped, casefold, « œ » and « æ » read as « oe » and « ae », as
store.name_order files them: « Œuvre » is typed "oeuvre"), with its apostrophes dropped; the
pieces between its apostrophes are parts too (O'Neil: "oneil", "o", "neil"). Each ending of
each run of digits of the chart number is a part too, as a number (`chart_parts`, SQLite
schema 13): a clinician types the digits of the chart number, and "0006" found no DEMO-0006
when the chart number matched from its start only; the endings' starts are every run of
digits inside it, on the same index ranges as the names (a chart number of 4 to 8 digits:
that many parts more). The folding is Python's on both
backends, so that a file and the server find the same patients. The parts are derived from the
patient row and written in the same transaction as every write of a name or chart number
(store.repository, store.journal, the server's migrate and migration); they are not a record
of their own: no audit entry, not in exports or journals.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014]+")
# A typed word is split at commas too: the patient list shows "Nguyen, Anna", and "nguyen,"
# typed as it is read found nobody (no name part starts with a comma).
_TYPED_SPLIT = re.compile(r"[\s,\-\u2010\u2011\u2012\u2013\u2014]+")
_APOSTROPHES = re.compile(r"['\u2019\u02bc\u2018`]+")
_DIGITS = re.compile(r"[0-9]+")
# Letters NFKD does not take apart, read as the letters they join (« Œuvre », « Lætitia »).
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})
FILL_BATCH = 2000
CHART_DIGITS = 16  # the endings of a run of digits kept, at most (a chart number is short)
# Before a part a typed number is looked for in: an ending of the chart number's digits, or a
# part of a name that starts with a digit (kept unmarked too). Only a word of digits alone is
# looked for there: "c-11" found « Chan », chart number c-12116, by its name and the digits.
NUMBER = "#"


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed
                   if not unicodedata.combining(c)).casefold().translate(_LIGATURES)


def name_parts(*names: str) -> set[str]:
    parts: set[str] = set()
    for name in names:
        for piece in _SPLIT.split(fold(name or "")):
            parts.add(_APOSTROPHES.sub("", piece))
            parts.update(_APOSTROPHES.split(piece))
    parts.discard("")
    return parts


def chart_parts(chart_number: str) -> set[str]:
    """Each ending of each run of ASCII digits of the chart number as a number ("DEMO-0006":
    "#0006", "#006", "#06", "#6"; up to CHART_DIGITS of each run): typed digits start one of
    them wherever they are in the chart number."""
    parts: set[str] = set()
    for run in _DIGITS.findall(chart_number or ""):
        parts.update(NUMBER + run[k:]
                     for k in range(max(0, len(run) - CHART_DIGITS), len(run)))
    return parts


def patient_parts(family_name: str, given_name: str, chart_number: str) -> set[str]:
    """Every part a patient's row gives: its names', each of those that starts with a digit
    again as a number (« 100% »: "100%" and "#100%"), and its chart number's digits' endings
    as numbers (`chart_parts`)."""
    names = name_parts(family_name, given_name)
    numbers = {NUMBER + part for part in names if part[0] in "0123456789"}
    return names | numbers | chart_parts(chart_number)


def typed_parts(word: str) -> list[str]:
    """What one typed word must find at the start of name parts (each of them): folded, split
    at hyphens and commas, apostrophes dropped ("o'neil" -> ["oneil"], "Tremblay-Lév" ->
    ["tremblay", "lev"], "Nguyen," -> ["nguyen"]). Empty for a word of punctuation only. A
    word of ASCII digits alone is a number ("0006" -> ["#0006"]): found in the chart number's
    digits, or at the start of a name's part that starts with digits."""
    out = [_APOSTROPHES.sub("", p) for p in _TYPED_SPLIT.split(fold(word))]
    if len([p for p in out if p]) == 1 and _DIGITS.fullmatch("".join(out)):
        return [NUMBER + "".join(out)]
    return [p for p in out if p]


def part_range(prefix: str) -> tuple[str, list[Any]]:
    """A condition on ``part`` for the parts starting with ``prefix`` (binary order: the
    server's column is COLLATE "C"), a range an index walks."""
    n = ord(prefix[-1]) + 1
    if 0xD800 <= n <= 0xDFFF:
        n = 0xE000
    if n > 0x10FFFF:
        return "part >= ? AND substr(part, 1, ?) = ?", [prefix, len(prefix), prefix]
    return "part >= ? AND part < ?", [prefix, prefix[:-1] + chr(n)]


def rewrite(conn: Any, patient_id: int, family_name: str, given_name: str, chart_number: str,
            mark: str = "?") -> None:
    """Make the patient's parts those of these names and chart number (in the caller's
    transaction)."""
    conn.execute(f"DELETE FROM patient_name_parts WHERE patient_id = {mark}", (patient_id,))
    insert(conn, [(patient_id, family_name, given_name, chart_number)], mark)


def insert(conn: Any, patients: Iterable[tuple[int, str, str, str]], mark: str = "?") -> None:
    """The parts of each (id, family name, given name, chart number)."""
    rows = [(pid, part) for pid, family, given, chart in patients
            for part in sorted(patient_parts(family, given, chart))]
    if rows:
        many = getattr(conn, "executemany", None) or conn.cursor().executemany  # psycopg's own
        many(f"INSERT INTO patient_name_parts (patient_id, part) VALUES "
                         f"({mark}, {mark})", rows)


def patient_batches(conn: Any, mark: str = "?"
                    ) -> Iterator[list[tuple[int, str, str, str]]]:
    """Every patient's (id, family name, given name, chart number), in batches of FILL_BATCH
    by id, so that no list of every patient is held at once (the fills of the name parts and
    order keys)."""
    last = 0
    while True:
        batch = [tuple(r) for r in conn.execute(
            f"SELECT id, family_name, given_name, chart_number FROM patients WHERE id > {mark}"
            f" ORDER BY id"
            f" LIMIT {FILL_BATCH}", (last,)).fetchall()]
        if not batch:
            return
        yield batch
        last = batch[-1][0]


def fill(conn: Any, mark: str = "?") -> None:
    """The parts of every patient (a migration; a server's migrate after its copy)."""
    for batch in patient_batches(conn, mark):
        insert(conn, batch, mark)


def refill(conn: Any, mark: str = "?") -> None:
    """Every patient's parts made again (SQLite schema 13: « œ » folded, the chart number's
    digits): derived rows only, no record touched."""
    conn.execute("DELETE FROM patient_name_parts")
    fill(conn, mark)


def check_filled(conn: Any) -> None:
    """Every patient with a name or a digit in the chart number has its parts (run in the
    migration's transaction)."""
    missing = conn.execute(
        "SELECT family_name, given_name, chart_number FROM patients p WHERE NOT EXISTS (SELECT"
        " 1 FROM patient_name_parts n WHERE n.patient_id = p.id)").fetchall()
    if any(patient_parts(family, given, chart) for family, given, chart in missing):
        raise RuntimeError("patient name parts: a patient's parts are missing after the fill")
