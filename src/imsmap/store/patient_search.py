"""Finding patients by what is typed: each word at the start of a part of the family or given
name (store.name_parts: split at spaces, hyphens and apostrophes, accents and case folded) or
of the chart number, turned into ranges on their indexes (`ranges_clause`) where that beats
walking the patients in name order (`walk_clause`; store.repository.Repository.search_patients
decides which).
"""

from __future__ import annotations

from typing import Any

from imsmap.store.name_parts import part_range, typed_parts

_MAX_CASE_VARIANTS = 16  # chart-number prefixes: at most 4 letters spelled every way
# A word is "common" when it matches so many patients that walking the name index in order
# until ``limit`` of them match (the LIKE) beats collecting them all and sorting: measured on
# 100,000 patients, collecting costs about 1.5 us per match and walking about 15 us per row
# walked (limit / share of matches rows), even at about sqrt(2,000 x patients) matches.
COMMON_WORD_ROWS = 3000  # at least; grows with the clinic (common_word_rows)


def like_prefix(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _case_variants(prefix: str) -> list[str]:
    """Every spelling of ``prefix`` with its ASCII letters in either case."""
    out = [""]
    for c in prefix:
        forms = {c.lower(), c.upper()} if c.isascii() and c.isalpha() else {c}
        out = [v + f for v in out for f in sorted(forms)]
    return out


def chart_ranges(word: str) -> tuple[list[str], list[str]] | None:
    """``word`` as a prefix of the chart number, the way LIKE 'word%' matches it (ASCII case
    folded, other characters exact), as ranges on its binary UNIQUE index: one per spelling of
    the word's first letters (at most _MAX_CASE_VARIANTS), the whole word checked with LIKE on
    the rows in those ranges. None when the word cannot be a range."""
    parts, params = [], []
    head, letters = "", 0
    for c in word:
        if c.isascii() and c.isalpha():
            if 2 ** (letters + 1) > _MAX_CASE_VARIANTS:
                break
            letters += 1
        head += c
    for variant in _case_variants(head):
        after = _next_char_binary(variant[-1])
        if after is None:
            return None
        cond = "chart_number >= ? AND chart_number < ?"
        params += [variant, variant[:-1] + after]
        if head != word:
            cond += " AND chart_number LIKE ? ESCAPE '\\'"
            params.append(like_prefix(word))
        parts.append(f"SELECT id FROM patients WHERE {cond}")
    return parts, params


def ranges_clause(word: str, typed: list[str]) -> tuple[str, list[Any]] | None:
    """The ids of the patients ``word`` finds, as index ranges (SQLite): the patients with a
    name part starting with the first of its typed parts (store.name_parts.typed_parts, the
    rarest first) and a part starting with each other one, and those whose chart number starts
    with the whole word. None when the chart number's ranges cannot be made."""
    chart = chart_ranges(word)
    if chart is None:
        return None
    selects, params = chart
    if typed:
        cond, values = part_range(typed[0])
        for other in typed[1:]:
            more, more_values = part_range(other)
            cond += (" AND EXISTS (SELECT 1 FROM patient_name_parts o WHERE"
                     f" o.patient_id = patient_name_parts.patient_id AND o.{more})")
            values += more_values
        selects = [f"SELECT patient_id FROM patient_name_parts WHERE {cond}", *selects]
        params = values + params
    return " UNION ALL ".join(selects), params


def walk_clause(word: str, like: str) -> tuple[str, list[Any]]:
    """The same patients as a condition on each row (walking the name index in order): a name
    part starting with each typed part, or the chart number starting with the word."""
    chart = f"chart_number {like} ? ESCAPE '\\'"
    conds, params = [], []
    for typed in typed_parts(word):
        cond, values = part_range(typed)
        conds.append("EXISTS (SELECT 1 FROM patient_name_parts n WHERE"
                     f" n.patient_id = patients.id AND n.{cond})")
        params += values
    if not conds:
        return chart, [like_prefix(word)]
    return f"(({' AND '.join(conds)}) OR {chart})", [*params, like_prefix(word)]


def _next_char_binary(c: str) -> str | None:
    n = ord(c) + 1
    if 0xD800 <= n <= 0xDFFF:
        n = 0xE000
    return chr(n) if n <= 0x10FFFF else None
