"""Finding patients by what is typed (`search_patients`, Repository.search_patients): each word
at the start of a part of the family or given name (store.name_parts: split at spaces, hyphens
and apostrophes, accents and case folded) or of the chart number; a word of digits alone also
at the start of a run of digits of the chart number, its leading zeros optional
(store.chart_digits: "0006" and "6" find DEMO-0006; a side of its own, `digits_select`, on both
backends). The patients a word finds by any side are one list in the search's one order
(below): a chart number's digits do not put a patient first. On a file each word is ranges
on their indexes (`ranges_clause`: the chart number's on its binary UNIQUE index, one per
spelling of the word's first letters, `chart_ranges`) where that beats walking the patients in
name order (`walk_clause`). On the server (`_server_search`) the rarest word's patients are
collected with their order keys from the name parts' index (server schema 12) and the chart
number's (`folded_chart_range`, schema 11; carrying the chart number since schema 13, so
that a count of them reads no row), put in order there, and only those shown read. A
word that finds nearly every patient by the chart number ("c" where every chart number starts
with C) is tested by the list of the few it leaves out (`_outside_charts`).

Every plan lists the patients in one order, the same on both backends: their order keys
(store.name_order: table patient_order, schema 12, server schema 14, whose index a walk in
order reads; on the server each name part carries them too), then the id (`ORDER`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from imsmap.store import name_parts
from imsmap.store.chart_digits import digits_range, typed_number
from imsmap.store.name_parts import part_range, typed_parts
from imsmap.store.record_rows import patient_from_row

if TYPE_CHECKING:
    from imsmap.domain.models import Patient
    from imsmap.store.db import Database
    from imsmap.store.dialect import Dialect


class Repository(Protocol):
    """What a search reads of store.repository.Repository (which calls it: a protocol, so the
    two modules do not import each other)."""

    db: Database
    dialect: Dialect
    patients_select: str  # the patients' columns, FROM patients: a query's start

    def patients_counted(self) -> int: ...

    def common_word_rows(self, patients: int | None = None) -> int: ...

# The search's order, on every plan and both backends: each patient's order keys
# (store.name_order; SQLite schema 12, server schema 14), compared as bytes, then the id.
ORDER_JOIN = " JOIN patient_order po ON po.patient_id = patients.id"
ORDER = "po.family_key, po.given_key, po.tie_key, po.patient_id"

_MAX_CASE_VARIANTS = 16  # chart-number prefixes: at most 4 letters spelled every way
# A word is "common" when it matches so many patients that walking the name index in order
# until ``limit`` of them match (the LIKE) beats collecting them all and sorting: measured on
# 100,000 patients, collecting costs about 1.5 us per match and walking about 15 us per row
# walked (limit / share of matches rows), even at about sqrt(2,000 x patients) matches.
COMMON_WORD_ROWS = 3000  # at least; grows with the clinic (common_word_rows)
# The server is another machine. A word is common there (its name parts walked in the search's
# order, or the patients when it finds many by their chart numbers) from 1/SERVER_COMMON_SHARE
# of the patients. A word that finds fewer is collected from its parts' index with their order
# keys (about 1 us a patient, 6 December), but a word found by many chart numbers, whose
# patients are each read from their row to be put in order, is first walked for among the
# first SERVER_WALK_PER_MATCH patients in name order per patient it finds (`_walk_first`), when
# its chart numbers, spread over the names, would fill the list there (`walk_first_pays`).
# The patients of the rarest word only are collected, the other words tested on each.
SERVER_COMMON_SHARE = 8
SERVER_WALK_PER_MATCH = 4
WALK_FIRST_SHARE = 4  # at most a quarter of the patients walked first (the planner walks the
# name index for that many; for most of them it read and sorted every patient)
# A word whose chart numbers leave out fewer than SERVER_FEW_OTHERS patients finds nearly
# everyone ("c" where every chart number is C-..., "C-1"): it is not counted further, and
# another word's patients are tested for it by a list of those few (`_outside_charts`), never
# by reading each one's row ("brown c" read 2,000 Browns' rows to find each chart number
# starts with C).
SERVER_FEW_OTHERS = 256


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


def folded_chart_range(word: str) -> tuple[list[str], list[str]]:
    """The server's: ``word`` as a prefix of the chart number the way ``chart_number ILIKE
    'word%'`` matches it, which in a UTF8 database is lower() of both sides, then LIKE
    (PostgreSQL's like.c): one range on the index of lower(chart_number) text_pattern_ops
    (sql/v11_chart_search.sql), whatever the database's collation."""
    return (["SELECT id FROM patients WHERE lower(chart_number) LIKE lower(?) ESCAPE '\\'"],
            [like_prefix(word)])


ChartRanges = Callable[[str], "tuple[list[str], list[str]] | None"]


def ranges_clause(word: str, typed: list[str], chart_side: ChartRanges = chart_ranges
                  ) -> tuple[str, list[Any]] | None:
    """The ids of the patients ``word`` finds, as index ranges: the patients with a name part
    starting with the first of its typed parts (store.name_parts.typed_parts, the rarest
    first) and a part starting with each other one, and those whose chart number starts with
    the whole word (``chart_side``: `chart_ranges` on a file, `folded_chart_range` on the
    server). None when the chart number's ranges cannot be made."""
    chart = chart_side(word)
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
    digits = digits_select(word, "patient_id")
    if digits is not None:
        selects.append(digits[0])
        params += digits[1]
    return " UNION ALL ".join(selects), params


def digits_select(word: str, columns: str, joined: str = "") -> tuple[str, list[Any]] | None:
    """The rows of patient_chart_digits (as ``d``, with ``joined`` after it) starting with the
    digits ``word`` is (store.chart_digits.typed_number); None for a word that is not digits
    alone."""
    number = typed_number(word)
    if number is None:
        return None
    cond, values = digits_range(number)
    return f"SELECT {columns} FROM patient_chart_digits d{joined} WHERE d.{cond}", values


def _has_digits(row_id: str, number: str) -> tuple[str, list[Any]]:
    """Whether patient ``row_id`` has chart digits starting with ``number``: its few rows read
    by its id and each tested (as `_has_part`, for the same reason)."""
    cond, values = digits_range(number)
    tested = re.sub(r"\bdigits\b", "d.digits", cond)
    return (f"coalesce((SELECT bool_or({tested}) FROM patient_chart_digits d"
            f" WHERE d.patient_id = {row_id}), false)", values)


def walk_clause(word: str, like: str) -> tuple[str, list[Any]]:
    """The same patients as a condition on each row (walking the name index in order): a name
    part starting with each typed part, or the chart number starting with the word, or (a word
    of digits) a run of its digits starting with them."""
    chart = f"chart_number {like} ? ESCAPE '\\'"
    conds, params = [], []
    for typed in typed_parts(word):
        cond, values = part_range(typed)
        conds.append("EXISTS (SELECT 1 FROM patient_name_parts n WHERE"
                     f" n.patient_id = patients.id AND n.{cond})")
        params += values
    sides = [f"({' AND '.join(conds)})"] if conds else []
    sides.append(chart)
    params.append(like_prefix(word))
    number = typed_number(word)
    if number is not None:
        cond, values = digits_range(number)
        sides.append("EXISTS (SELECT 1 FROM patient_chart_digits d WHERE"
                     f" d.patient_id = patients.id AND d.{cond})")
        params += values
    return (sides[0] if len(sides) == 1 else f"({' OR '.join(sides)})"), params


def _next_char_binary(c: str) -> str | None:
    n = ord(c) + 1
    if 0xD800 <= n <= 0xDFFF:
        n = 0xE000
    return chr(n) if n <= 0x10FFFF else None


def search_patients(repo: Repository, text: str, limit: int) -> list[Patient]:
    """Repository.search_patients: on a file each word's clause (`_word_clause`: its patients
    collected from index ranges, or a condition on each patient walked in name order when it
    is common); on the server `_server_search`. The same patients in the same order whichever
    plan finds them."""
    words = text.split()
    order = f" ORDER BY {ORDER} LIMIT ?"
    if not words:
        return [patient_from_row(r) for r in repo.db.query(
            repo.patients_select + ORDER_JOIN + order, (limit,))]
    with repo.dialect.planned_with_values(repo.db.conn):
        patients = repo.patients_counted()  # asked once: on the server each is a round trip
        common = repo.common_word_rows(patients)
        if repo.dialect.name != "sqlite":
            return _server_search(repo, words, limit, patients, common, order)
        clauses, params = [], []
        for word in words:
            _n, clause = _word_clause(repo, word, common)
            if clause is None:
                clause = walk_clause(word, repo.dialect.like)
            clauses.append(clause[0])
            params += clause[1]
        sql = repo.patients_select + ORDER_JOIN + " WHERE " + " AND ".join(clauses) + order
        return [patient_from_row(r) for r in repo.db.query(sql, (*params, limit))]


def _word_clause(repo: Repository, word: str, common: int
                 ) -> tuple[int, tuple[str, list[Any]] | None]:
    """A file's: how many patients ``word`` finds, counted on the indexes up to the common
    number (Repository.common_word_rows; that number when it cannot be ranges), and its clause
    of index ranges (`chart_ranges` on the chart number's binary index), None when walking
    serves it better: the word cannot be ranges, or it is common."""

    def rows(sql: str, params: list[Any]) -> int:
        return int(repo.db.conn.execute(f"SELECT count(*) FROM ({sql} LIMIT ?) AS counted",
                                        (*params, common)).fetchone()[0])

    # Each typed part's index entries first (the rarest leads; one common part and the name
    # side is common), then the whole, with the chart numbers.
    counted = []
    for typed in name_parts.typed_parts(word):
        cond, values = name_parts.part_range(typed)
        counted.append((rows(f"SELECT 1 FROM patient_name_parts WHERE {cond}", values),
                        typed))
    counted.sort()
    if counted and counted[0][0] >= common:
        return common, None
    ranges = ranges_clause(word, [typed for _n, typed in counted], chart_ranges)
    if ranges is None:
        return common, None
    sql, params = ranges
    n = rows(sql, params)
    if n >= common:
        return common, None
    return n, (f"id IN ({sql})", params)


# -- the server ------------------------------------------------------------------------------
# Each statement is a round trip to another machine (some milliseconds on a loaded one), and
# reading a patient row by its id costs about as much as ten index entries read in order. So:
# every word's counts in one statement (`_server_counts`); the rarest word's patients collected
# from its name parts' index with their order keys (server schema 12) and put in order there,
# only the patients shown read (`_collected_in_order`); a common word's parts walked in the
# search's order on the other index of schema 12 (the planner takes it when the word's share
# of the parts says so), the patients walked in name order only when every word is common by
# its chart numbers (`_walked`); walked first among the first patients for a word many chart
# numbers spread over the names find (`_walk_first`). Every test of a patient for another word
# is a subquery run for that patient (`probe_clause`), never a hashed list of every patient
# the word finds: the planner, counting every patient of the name order, built that list first
# (18,000 entries for "s", 18 ms) for a walk that stops after a few hundred rows. The one list
# made is of the few patients a word found by nearly every chart number leaves out.


class _Counted(NamedTuple):
    found: int  # the patients it finds, at most the common number (name side + chart side)
    names: int  # of which by their name parts (not counted when it finds nearly everyone)
    charts: int  # of which by their chart number
    typed: list[str]  # its typed parts, the rarest first
    nearly_all: bool = False  # found by the chart numbers of all but a few (`few_others`)
    digits: int = 0  # of which by their chart number's digits (a word of digits alone)


def _server_search(repo: Repository, words: list[str], limit: int, patients: int, common: int,
                   order: str) -> list[Patient]:
    counted = _server_counts(repo, words, common, few_others(patients, common))
    rarest = min(range(len(words)), key=lambda k: counted[k].found)
    if counted[rarest].found >= common:  # every word common
        by_names = [k for k, c in enumerate(counted) if not c.charts and not c.digits]
        if not by_names:
            return _walked(repo, words, counted, order, limit)
        # Found by its name parts only: their index walked in the search's order.
        return _collected_in_order(repo, words, by_names[0], counted, limit, walk=True)
    least = counted[rarest]
    if not least.charts and not least.digits and [len(part) for part in least.typed] == [1]:
        # One letter ("w": 11,000 patients at 100,000): its given names spread its patients
        # over the name order, and the planner walks its parts in that order or reads its
        # range, by the letter's share of the parts.
        return _collected_in_order(repo, words, rarest, counted, limit, walk=True)
    walked = min(SERVER_WALK_PER_MATCH * least.found, patients // WALK_FIRST_SHARE)
    if walk_first_pays(least.charts, walked, limit, patients):
        first = _walk_first(repo, words, counted, least.found, limit, patients, common)
        if first is not None:
            return first
    return _collected_in_order(repo, words, rarest, counted, limit)


def walk_first_pays(charts: int, walked: int, limit: int, patients: int) -> bool:
    """Whether the first patients in name order are walked first (`_walk_first`): when the
    chart numbers a word finds, spread over the names, would fill the list among the
    ``walked`` patients; collecting them reads each one's row to put it in order."""
    return charts * walked >= limit * patients


def few_others(patients: int, common: int) -> int:
    """How few patients a word's chart numbers must leave out for it to find nearly everyone
    (`_Counted.nearly_all`): SERVER_FEW_OTHERS in a clinic where such a word is common, else 0
    (never asked)."""
    return SERVER_FEW_OTHERS if patients >= common + SERVER_FEW_OTHERS else 0


def _server_counts(repo: Repository, words: list[str], common: int, few: int = 0
                   ) -> list[_Counted]:
    """How many patients each word finds by its name parts and by its chart number, each
    count stopped at the common number: one statement for every word. A word of several typed
    parts ("C-1307", "tremblay-lév") counts each part's entries and takes the fewest (an upper
    bound: tested together, the first part's entries were each tested for the others, 13,000
    of them for the "c" of "C-1307"). The counts choose the plan; a side (name parts, chart
    number) that found nobody is then not read or tested. The two statements are not one
    snapshot: a patient another room writes between them may be missed by this keystroke's
    side that found nobody, and is found at the next (the list is searched again when another
    room's change is heard).

    With ``few`` (`few_others`), a word of ASCII characters whose chart numbers number at least
    ``few`` has the patients its chart numbers leave out counted, up to ``few``: fewer, and it
    finds nearly everyone (``nearly_all``), and neither its parts nor its chart numbers are
    counted further (each up to the common number: 12,500 entries and rows for "c" at 100,000
    patients). Each count is a subquery the server runs only when the one before says so (a
    CASE on its value, the statement's layers kept apart by OFFSET 0)."""
    first: list[str] = []  # each word's chart numbers, up to ``few`` (else the common number)
    first_params: list[Any] = []
    then: list[str] = []  # the patients they leave out, when they are at least ``few``
    then_params: list[Any] = []
    last: list[str] = []  # the rest, unless the word finds nearly everyone
    last_params: list[Any] = []
    asks = [bool(few) and word.isascii() for word in words]
    for k, (word, ask) in enumerate(zip(words, asks, strict=True)):
        # In the index's order (text_pattern_ops sorts by ~<~): at most so many of its
        # entries read, never the table read in order until that many are found (the
        # planner's plan for a prefix half the patients have, "C-11", whose patients are
        # the last rows written); and from the index alone (schema 13: it carries the chart
        # number, so no patient's row is read where the table is vacuumed).
        first.append(f"(SELECT count(*) FROM (SELECT 1 FROM patients WHERE {_FOLDED_CHART}"
                     f" ORDER BY lower(chart_number) USING ~<~ LIMIT ?) AS counted) AS c{k}")
        first_params += [like_prefix(word), few if ask else common]
        then.append(f"c{k}")
        if ask:
            outside, values = _outside_charts(word, "1", few)
            then.append(f"CASE WHEN c{k} >= ? THEN (SELECT count(*) FROM ({outside} LIMIT ?)"
                        f" AS counted) ELSE ? END AS o{k}")
            then_params += [few, *values, few, few]
        typed = name_parts.typed_parts(word)
        if typed:
            count, values = _part_counts(typed, common)
            last.append(f"CASE WHEN o{k} < ? THEN NULL ELSE {count} END" if ask else count)
            last_params += [few, *values] if ask else values
        if ask:
            last.append(f"CASE WHEN o{k} < ? THEN -1 WHEN c{k} < ? THEN c{k} ELSE (SELECT"
                        f" count(*) FROM (SELECT 1 FROM patients WHERE {_FOLDED_CHART} ORDER BY"
                        " lower(chart_number) USING ~<~ LIMIT ?) AS counted) END")
            last_params += [few, few, like_prefix(word), common]
        else:
            last.append(f"c{k}")
        digits = digits_select(word, "1")
        if digits is not None:  # its chart digits' entries, up to the common number
            count = (f"(SELECT count(*) FROM ({digits[0]} ORDER BY d.digits LIMIT ?) AS"
                     " counted)")
            last.append(f"CASE WHEN o{k} < ? THEN NULL ELSE {count} END" if ask else count)
            last_params += [few, *digits[1], common] if ask else [*digits[1], common]
    sql = (f"SELECT {', '.join(last)} FROM (SELECT {', '.join(then)} FROM (SELECT"
           f" {', '.join(first)} OFFSET 0) AS charts OFFSET 0) AS outside")
    found = iter(repo.db.conn.execute(
        sql, [*last_params, *then_params, *first_params]).fetchone())
    out = []
    for word in words:
        typed = name_parts.typed_parts(word)
        counts = next(found) if typed else []
        charts = int(next(found))
        by_digits = next(found) if typed_number(word) is not None else 0
        if charts < 0:  # nearly everyone: its names not counted (some may be found by them)
            out.append(_Counted(common, common, common, typed, nearly_all=True,
                                digits=common if typed_number(word) is not None else 0))
            continue
        each = sorted((int(n), part) for n, part in zip(counts, typed, strict=True))
        by_name = each[0][0] if each else 0
        out.append(_Counted(min(by_name + charts + int(by_digits), common), by_name, charts,
                            [part for _n, part in each], digits=int(by_digits)))
    return out


def _part_counts(typed: list[str], common: int) -> tuple[str, list[Any]]:
    """Each typed part's entries (in ``typed``'s order, an array), the longest part counted
    first, up to the common number, each other only up to one more than the fewest before it:
    the fewest, and which parts have it, are as if each were counted whole (the "c" of "C-11"
    read 12,500 entries when its "11" had none)."""
    order = sorted(range(len(typed)), key=lambda i: -len(typed[i]))
    joined, params = [], []
    for j, i in enumerate(order):
        cond, values = part_range(typed[i])
        limit = "?" if not j else f"least(?, least({', '.join(f'n{x}' for x in range(j))}) + 1)"
        # In the index's order: a LIMIT the planner cannot see is no sequential scan.
        joined.append(f"(SELECT count(*) AS n{j} FROM (SELECT 1 FROM patient_name_parts WHERE"
                      f" {cond} ORDER BY part LIMIT {limit}) AS counted) AS p{j}")
        params += [*values, common]
    back = ", ".join(f"n{order.index(i)}" for i in range(len(typed)))
    return f"(SELECT ARRAY[{back}] FROM {' CROSS JOIN LATERAL '.join(joined)})", params


def _outside_charts(word: str, column: str, limit: int | None = None
                    ) -> tuple[str, list[Any]]:
    """The patients whose chart number does not start with ``word`` (ASCII) the way
    `folded_chart_range` matches it: the two ranges of its index (text_pattern_ops: byte
    order) either side of the word's, below lower(word) and from lower(word) with its last
    character's next on; a chart number is never NULL. With ``limit``, at most so many of
    each, read in the index's order (a range of nearly every patient is not read whole)."""
    ranges = ["lower(chart_number) ~<~ lower(?)", "lower(chart_number) ~>=~"
              " (left(lower(?), -1) || chr(ascii(right(lower(?), 1)) + 1))"]
    if limit is None:
        return (" UNION ALL ".join(f"SELECT {column} FROM patients WHERE {r}" for r in ranges),
                [word] * 3)
    return (" UNION ALL ".join(f"(SELECT {column} FROM patients WHERE {r} ORDER BY"
                               " lower(chart_number) USING ~<~ LIMIT ?)" for r in ranges),
            [word, limit, word, word, limit])


_FOLDED_CHART = "lower(chart_number) LIKE lower(?) ESCAPE '\\'"  # folded_chart_range's


def _name_side(typed: list[str], columns: str) -> tuple[str, list[Any]]:
    """The name parts of the patients with a part starting with each typed part (the first
    typed part's range read, the others' looked up for each of its patients)."""
    cond, values = part_range(typed[0])
    for other in typed[1:]:
        more, more_values = part_range(other)
        cond += " AND " + _has_part("patient_name_parts.patient_id", more)
        values += more_values
    return f"SELECT {columns} FROM patient_name_parts WHERE {cond}", values


def _has_part(row_id: str, cond: str) -> str:
    """Whether patient ``row_id`` has a part meeting part_range's ``cond``: that patient's
    few parts read by its id and each tested. Not a range condition beside the id, which the
    planner, misjudging how many parts a word's range holds (one, for "heat"), read on the
    parts' index in word order for each patient tested (566 entries each)."""
    tested = re.sub(r"\bpart\b", "n.part", cond)
    return (f"coalesce((SELECT bool_or({tested}) FROM patient_name_parts n"
            f" WHERE n.patient_id = {row_id}), false)")


def probe_clause(word: str, counted: _Counted, row_id: str, chart: str | None = None
                 ) -> tuple[str, list[Any]]:
    """The server's test of one patient (id ``row_id``; chart number ``chart``, read from the
    patient's row, or None: the row walked is the patient's) for ``word``: a name part
    starting with each typed part, or the chart number starting with the word.
    Each part is a subquery run for that patient (an index probe), which the planner cannot
    turn into a list of every patient the part finds (as it does an EXISTS). A side that
    found nobody when the words were counted is not asked (its patient's row not read); a
    word that finds nearly everyone by the chart number (``nearly_all``) is asked whether the
    patient is not among the few its chart numbers leave out (a list made once: no row read),
    and only those few are tested for the name parts."""
    conds, params = [], []
    for typed in counted.typed if counted.names else []:
        cond, values = part_range(typed)
        conds.append(_has_part(row_id, cond))
        params += values
    sides = [f"({' AND '.join(conds)})"] if conds else []
    number = typed_number(word)
    if counted.digits and number is not None:
        cond, values = _has_digits(row_id, number)
        sides.append(cond)
        params += values
    if counted.charts or not sides:
        # Tested first when it is the row's own column (nothing more to read), or when it
        # leaves out only a few patients (a list of them, made once), last when it is read
        # from the patient's row.
        if chart is not None and counted.nearly_all:
            outside, values = _outside_charts(word, "id")
            sides.insert(0, f"{row_id} NOT IN ({outside})")
            params[:0] = values
        elif chart is not None:
            sides.append(f"{chart} ILIKE ? ESCAPE '\\'")
            params.append(like_prefix(word))
        else:
            sides.insert(0, "chart_number ILIKE ? ESCAPE '\\'")
            params.insert(0, like_prefix(word))
    return f"({' OR '.join(sides)})", params


def _walked(repo: Repository, words: list[str], counted: list[_Counted], order: str,
            limit: int) -> list[Patient]:
    """Every word common: the patients walked in name order, each tested for each word."""
    conds, params = [], []
    for word, count in zip(words, counted, strict=True):
        cond, values = probe_clause(word, count, "patients.id")
        conds.append(cond)
        params += values
    sql = repo.patients_select + ORDER_JOIN + " WHERE " + " AND ".join(conds) + order
    return [patient_from_row(r) for r in repo.db.query(sql, (*params, limit))]


def _collected_in_order(repo: Repository, words: list[str], rarest: int,
                        counted: list[_Counted], limit: int, *, walk: bool = False
                        ) -> list[Patient]:
    """The patients of word ``rarest`` with their order keys, from its name parts (and its
    chart numbers, from their rows), each tested for the other words, the first ``limit`` of
    them in order; then only those patients' rows. Collected first (a MATERIALIZED list: the
    planner, expecting the list full soon, walked the whole index in order for "nguyen o",
    whose tests let few through), unless ``walk``: the word is common, and the planner walks
    its parts in the search's order or reads its range, as the word's share of them says."""
    keys = "patient_id, family_key, given_key, tie_key"
    typed = counted[rarest].typed
    selects: list[str] = []
    params: list[Any] = []
    if typed and counted[rarest].names:
        sql, params = _name_side(typed, keys)
        selects.append(sql)
    # A word of digits' patients with their keys read from patient_order by each one's id (a
    # subquery kept apart by OFFSET 0): joined, the planner hashed every patient's keys for
    # the 999 that "100" finds at 20,000 patients.
    digits = digits_select(
        words[rarest], "d.patient_id, po.family_key, po.given_key, po.tie_key",
        " CROSS JOIN LATERAL (SELECT family_key, given_key, tie_key FROM patient_order o"
        " WHERE o.patient_id = d.patient_id OFFSET 0) AS po") if counted[rarest].digits else None
    if digits is not None:
        selects.append(digits[0])
        params += digits[1]
    if counted[rarest].charts or not selects:
        selects.append("SELECT id AS patient_id, po.family_key, po.given_key, po.tie_key"
                       f" FROM patients{ORDER_JOIN} WHERE {_FOLDED_CHART}")
        params.append(like_prefix(words[rarest]))
    conds = []
    for k, word in enumerate(words):
        if k != rarest:
            cond, values = probe_clause(
                word, counted[k], "candidates.patient_id",
                "(SELECT c.chart_number FROM patients c WHERE c.id = candidates.patient_id)")
            conds.append(cond)
            params += values
    where = " WHERE " + " AND ".join(conds) if conds else ""
    union = " UNION ALL ".join(selects)
    head, source = ("", f"({union}) AS candidates") if walk else \
        (f"WITH candidates AS MATERIALIZED ({union}) ", "candidates")
    # The patients shown read by their ids (an index scan whatever the planner expects of
    # a join: at 20,000 patients it read them all to join 200), then put in the same order.
    sql = (f"{head}{repo.patients_select}{ORDER_JOIN} WHERE id = ANY (ARRAY(SELECT patient_id"
           f" FROM (SELECT DISTINCT {keys} FROM {source}{where}"
           " ORDER BY family_key, given_key, tie_key, patient_id LIMIT ?) AS found))"
           f" ORDER BY {ORDER}")
    return [patient_from_row(r) for r in repo.db.query(sql, (*params, limit))]


def _walk_first(repo: Repository, words: list[str], counted: list[_Counted], matches: int,
                limit: int, patients: int, common: int) -> list[Patient] | None:
    """The server's: the first ``limit`` patients the words find, looked for among the first
    SERVER_WALK_PER_MATCH x ``matches`` patients in name order (``matches``: the fewest any
    word finds; at most 1/WALK_FIRST_SHARE of the patients), where they are when spread over
    the names. None when fewer are there (the caller collects them then), or when the words
    find fewer than ``limit`` or are common (walked to the end by the caller). Those found
    among the first patients are the first of all: the patients walked are the first in the
    search's whole order (their order keys, then the id), so no name is cut partway."""
    walked = min(SERVER_WALK_PER_MATCH * matches, patients // WALK_FIRST_SHARE)
    if limit <= 0 or matches < limit or matches >= common:
        return None
    conds, params = [], []
    for word, count in zip(words, counted, strict=True):
        cond, values = probe_clause(word, count, "patients.id")
        conds.append(cond)
        params += values
    # The keys are columns of the walk, so that the order of its rows is the search's (a
    # LIMIT on it stops the walk at the ``limit``-th match: no sort of every row walked).
    keys = "po.family_key, po.given_key, po.tie_key, "
    first = repo.patients_select.replace("SELECT ", "SELECT " + keys, 1) + ORDER_JOIN
    rows = repo.db.query(f"SELECT * FROM ({first} ORDER BY {ORDER} LIMIT ?) AS patients"
                         f" WHERE {' AND '.join(conds)}"
                         " ORDER BY family_key, given_key, tie_key, id LIMIT ?",
                         (walked, *params, limit))
    return [patient_from_row(r) for r in rows] if len(rows) == limit else None
