"""The parts of a patient's names, folded, kept beside the patient (table patient_name_parts) so
that search finds a typed word at the start of any part: "roy" finds Côté-Roy, "lev" and "lév"
Tremblay-Lévesque, "cote" Côté, "oneil" and "o'neil" O'Neil, "oe" and "oeuvre" Œuvre.

A part is a piece of the family or given name split at spaces and hyphens, folded (NFKD,
combining marks dropped, casefold, « œ » and « æ » read as « oe » and « ae » as
store.name_order files them: SQLite schema 13 made the parts again), with its apostrophes
dropped; the pieces between its apostrophes are parts too (O'Neil: "oneil", "o", "neil"). The
folding is Python's on both
backends, so that a file and the server find the same patients. The parts are derived from the
patient row and written in the same transaction as every write of a name (store.repository,
store.journal, the server's migrate and migration); they are not a record of their own: no
audit entry, not in exports or journals.
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
# Letters NFKD does not take apart, read as the letters they join (« Œuvre », « Lætitia »).
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})
FILL_BATCH = 2000


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


def typed_parts(word: str) -> list[str]:
    """What one typed word must find at the start of name parts (each of them): folded, split
    at hyphens and commas, apostrophes dropped ("o'neil" -> ["oneil"], "Tremblay-Lév" ->
    ["tremblay", "lev"], "Nguyen," -> ["nguyen"]). Empty for a word of punctuation only."""
    out = [_APOSTROPHES.sub("", p) for p in _TYPED_SPLIT.split(fold(word))]
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


def rewrite(conn: Any, patient_id: int, family_name: str, given_name: str,
            mark: str = "?") -> None:
    """Make the patient's parts those of these names (in the caller's transaction)."""
    conn.execute(f"DELETE FROM patient_name_parts WHERE patient_id = {mark}", (patient_id,))
    insert(conn, [(patient_id, family_name, given_name)], mark)


def insert(conn: Any, patients: Iterable[tuple[int, str, str]], mark: str = "?") -> None:
    rows = [(pid, part) for pid, family, given in patients
            for part in sorted(name_parts(family, given))]
    if rows:
        many = getattr(conn, "executemany", None) or conn.cursor().executemany  # psycopg's own
        many(f"INSERT INTO patient_name_parts (patient_id, part) VALUES "
                         f"({mark}, {mark})", rows)


def patient_batches(conn: Any, mark: str = "?") -> Iterator[list[tuple[int, str, str]]]:
    """Every patient's (id, family name, given name), in batches of FILL_BATCH by id, so that
    no list of every patient is held at once (the fills of the name parts and order keys)."""
    last = 0
    while True:
        batch = [tuple(r) for r in conn.execute(
            f"SELECT id, family_name, given_name FROM patients WHERE id > {mark} ORDER BY id"
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
    """Every patient's parts made again (SQLite schema 13: « œ » and « æ » folded): derived
    rows only, no record touched."""
    conn.execute("DELETE FROM patient_name_parts")
    for batch in patient_batches(conn, mark):  # (fill's walk: a test stands in for fill)
        insert(conn, batch, mark)


def check_filled(conn: Any) -> None:
    """Every patient with a name has its parts (run in the migration's transaction)."""
    missing = conn.execute(
        "SELECT family_name, given_name FROM patients p WHERE NOT EXISTS (SELECT 1 FROM"
        " patient_name_parts n WHERE n.patient_id = p.id)").fetchall()
    if any(name_parts(family, given) for family, given in missing):
        raise RuntimeError("patient name parts: a patient's parts are missing after the fill")
