"""The order patients are listed in, the same on a file and on the clinic server: each patient's
order keys, kept beside the patient (table patient_order, SQLite schema 12, server schema 14)
and compared as bytes on both backends (SQLite's BINARY, the server's COLLATE "C"), so that no
locale of the server's decides it.

- ``family_key``, ``given_key``: the names folded as their parts are (store.name_parts: NFKD,
  combining marks dropped, casefold), « œ » and « æ » read as « oe » and « ae » (as French
  dictionaries and ICU file them: « Œuvre » among the O's, not after Z), apostrophes dropped
  (« O'Neil » files as « ONeil », as search finds it), and every run of spaces and hyphens
  one space: a compound name follows its first part (« Côté, Côté-Roy, Coteau »: the space
  sorts before every letter).
- ``tie_key``, for names whose folded keys are the same: first their accents, a plain letter
  before an accented one (« Eric » before « Éric », as in a French dictionary: the accent is
  a lesser difference than the letter, and the plain form is the base one), accents compared
  from the end of the name (the Canadian French rule, CAN/CSA Z243.4.1, which ICU's fr-CA
  follows: « cote, côte, coté, côté »), in the French order acute, grave, circumflex,
  diaeresis, cedilla, then others; a hyphen, an apostrophe or a ligature counts as such a
  mark (« Côté Roy » before « Côté-Roy », « Oeuvre » before « Œuvre »); then lower case
  before upper case, from the start (ICU's default).
- then the patient's id.

Derived from the patient row and written in the same transaction as every write of a name
(store.repository, store.journal, the server's migrate and migration), as the name parts are:
not a record of its own (no audit entry, not in exports or journals).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from imsmap.store import name_parts

_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014]")
_HYPHENS = re.compile(r"[\-\u2010\u2011\u2012\u2013\u2014]")
_APOSTROPHES = re.compile(r"['\u2019\u02bc\u2018`]")
_LETTERS = {"œ": "oe", "æ": "ae"}
# The accents, by what each weighs in the tie: the French ones first, in a French dictionary's
# order; any other combining mark after them, by its code point; then the marks of writing.
_ACCENTS = {"\u0301": "1", "\u0300": "2", "\u0302": "3", "\u0308": "4", "\u0327": "5"}
_HYPHEN, _APOSTROPHE, _LIGATURE = "\U000f0001", "\U000f0002", "\U000f0003"
_END = " "  # after each letter's marks: below every mark, so a plain letter sorts first
_THEN_CASE = "\x01"  # between the accents and the case: below both


def _letters(name: str) -> list[tuple[str, str, bool]]:
    """The name as (folded letter, its marks, written in upper case), a run of separators one
    space (its mark a hyphen if one of them is), apostrophes a mark of the letter before."""
    out: list[tuple[str, str, bool]] = []
    for ch in unicodedata.normalize("NFKD", name or ""):
        if unicodedata.combining(ch):
            if out:
                out[-1] = (out[-1][0], out[-1][1] + _ACCENTS.get(ch, ch), out[-1][2])
        elif _APOSTROPHES.fullmatch(ch):
            if out:
                out[-1] = (out[-1][0], out[-1][1] + _APOSTROPHE, out[-1][2])
        elif _SEPARATORS.fullmatch(ch):
            mark = _HYPHEN if _HYPHENS.fullmatch(ch) else ""
            if out and out[-1][0] == " ":
                out[-1] = (" ", out[-1][1] or mark, False)
            else:
                out.append((" ", mark, False))
        else:
            upper = ch.isupper() or ch.istitle()
            for folded in ch.casefold():
                for k, letter in enumerate(_LETTERS.get(folded, folded)):
                    mark = _LIGATURE if folded in _LETTERS and not k else ""
                    out.append((letter, mark, upper))
    while out and out[0][0] == " ":
        out.pop(0)
    while out and out[-1][0] == " ":
        out.pop()
    return out


def order_keys(family_name: str, given_name: str) -> tuple[str, str, str]:
    """(family_key, given_key, tie_key) of a patient's names."""
    family, given = _letters(family_name), _letters(given_name)
    letters = family + given
    accents = ""
    if any(marks for _c, marks, _u in letters):
        # from the end of each name (the family name's first: it is compared first)
        accents = "".join(marks + _END for _c, marks, _u in [*family[::-1], *given[::-1]])
    case = "".join("1" if upper else "0" for _c, _m, upper in letters).rstrip("0")
    return ("".join(c for c, _m, _u in family), "".join(c for c, _m, _u in given),
            accents + _THEN_CASE + case)


def rewrite(conn: Any, patient_id: int, family_name: str, given_name: str,
            mark: str = "?") -> None:
    """Make the patient's order keys those of these names (in the caller's transaction)."""
    conn.execute(f"DELETE FROM patient_order WHERE patient_id = {mark}", (patient_id,))
    insert(conn, [(patient_id, family_name, given_name)], mark)


def insert(conn: Any, patients: Iterable[tuple[int, str, str]], mark: str = "?") -> None:
    rows = [(pid, *order_keys(family, given)) for pid, family, given in patients]
    if rows:
        many = getattr(conn, "executemany", None) or conn.cursor().executemany  # psycopg's own
        many("INSERT INTO patient_order (patient_id, family_key, given_key, tie_key) VALUES"
             f" ({mark}, {mark}, {mark}, {mark})", rows)


def fill(conn: Any, mark: str = "?") -> None:
    """The order keys of every patient (a migration; a server's migrate after its copy)."""
    for batch in name_parts.patient_batches(conn, mark):
        insert(conn, batch, mark)


def check_filled(conn: Any) -> None:
    """Every patient has its order keys (run in the migration's transaction): a patient
    without them would be missing from the list."""
    missing = conn.execute("SELECT count(*) FROM patients p WHERE NOT EXISTS (SELECT 1 FROM"
                           " patient_order o WHERE o.patient_id = p.id)").fetchone()[0]
    if missing:
        raise RuntimeError(f"patient order keys: {missing} patients have none after the fill")
