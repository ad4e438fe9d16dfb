"""Finding patients by what is typed: each word as a prefix of the family name, given name or
chart number, turned into ranges on their indexes (`prefix_clause`) where that beats a LIKE
walking every patient (store.repository.Repository.search_patients decides which).
"""

from __future__ import annotations

_MAX_CASE_VARIANTS = 16  # chart-number prefixes: at most 4 letters spelled every way
# A word is "common" when it matches so many patients that walking the name index in order
# until ``limit`` of them match (the LIKE) beats collecting them all and sorting: measured on
# 100,000 patients, collecting costs about 1.5 us per match and walking about 15 us per row
# walked (limit / share of matches rows), even at about sqrt(2,000 x patients) matches.
COMMON_WORD_ROWS = 3000  # at least; grows with the clinic (common_word_rows)


def like_prefix(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _next_char(c: str) -> str | None:
    """The character after ``c`` in code-point (so UTF-8 byte) order, skipping the surrogates
    and, for NOCASE comparisons, the upper-case ASCII letters (NOCASE sees them as lower-case)."""
    n = ord(c) + 1
    if 0xD800 <= n <= 0xDFFF:
        n = 0xE000
    if ord("A") <= n <= ord("Z"):
        n = ord("Z") + 1
    return chr(n) if n <= 0x10FFFF else None


def _case_variants(prefix: str) -> list[str]:
    """Every spelling of ``prefix`` with its ASCII letters in either case."""
    out = [""]
    for c in prefix:
        forms = {c.lower(), c.upper()} if c.isascii() and c.isalpha() else {c}
        out = [v + f for v in out for f in sorted(forms)]
    return out


def prefix_clause(word: str) -> tuple[str, list[str]] | None:
    """``word`` as a prefix of the family name, given name or chart number, the way LIKE
    'word%' matches (ASCII case folded, other characters exact), as index ranges: the names
    on their NOCASE indexes (folded word <= name < folded word with its last character
    stepped), the chart number on its binary UNIQUE index, once per spelling of its letters.
    None when the word cannot be a range (its last character is the last there is)."""
    lo = "".join(c.lower() if c.isascii() else c for c in word)
    step = _next_char(lo[-1])
    if step is None:
        return None
    hi = lo[:-1] + step
    parts = ["SELECT id FROM patients WHERE family_name COLLATE NOCASE >= ?"
             " AND family_name COLLATE NOCASE < ?",
             "SELECT id FROM patients WHERE given_name COLLATE NOCASE >= ?"
             " AND given_name COLLATE NOCASE < ?"]
    params = [lo, hi, lo, hi]
    # The chart number: a binary range per spelling of the word's first letters (at most
    # _MAX_CASE_VARIANTS), and the whole word checked with LIKE on the rows in those ranges.
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
    return " UNION ALL ".join(parts), params


def _next_char_binary(c: str) -> str | None:
    n = ord(c) + 1
    if 0xD800 <= n <= 0xDFFF:
        n = 0xE000
    return chr(n) if n <= 0x10FFFF else None
