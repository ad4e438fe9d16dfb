"""Patient search on index ranges finds the same patients, in the same order, as the LIKE query
it replaced: ASCII letters in any case, other characters exactly, % and _ literally."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imsmap.store import repository
from imsmap.store.record_rows import patient_from_row

FAMILY = ["Smith", "smith", "SMITH", "Smithson", "Smyth", "Zoë", "ZOË", "Zoe", "Ødegaard",
          "Élise", "élise", "Åsa", "李", "李明", "O'Neil", "Smith_Jones", "Smith%Jones",
          "Smith\\Jones", "100%", "_under", "%pct", "@home", "[bracket", "`tick", "Müller",
          "MÜLLER", "Weiß", "Wo", "Wolf", "wolfe", "Thompson", "thomas", "Zz", "zzz", "Ab", "ab",
          "Dúnlaith", "Nguyễn", "Œuvre", "ǅemal", "a\U0010ffff", "Ω"]
GIVEN = ["Anna", "anna", "ANNA", "Ängel", "Émile", "Li", "", "Jo_", "Jo%", "Zoë", "smith"]
CHARTS = ["C-1001", "c-1002", "C-11987", "AB_12", "ab%12", "X%9", "x_9", "Ä-1", "ä-2", "CC-7",
          "cc-8", "ABCDEF-1", "abcdef-2", "AbCdEfG-3", "12345", "1234", "Z@1", "z[2"]


def _old_search(repo, text: str, limit: int = 200):
    """The query search_patients ran before it used index ranges (with id as the last key:
    the name index orders ties by id, which the old query returned as it walked it)."""
    words = text.split()
    clauses, params = [], []
    for word in words:
        like = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append("(family_name LIKE ? ESCAPE '\\' OR given_name LIKE ? ESCAPE '\\'"
                       " OR chart_number LIKE ? ESCAPE '\\')")
        params += [like, like, like]
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = ("SELECT * FROM patients" + where +
           " ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id LIMIT ?")
    return [patient_from_row(r) for r in repo.db.query(sql, (*params, limit))]


@pytest.fixture
def clinic(records):
    """Many patients with awkward names, inserted as stored data (imports can bring anything)."""
    at = "2026-01-01T09:00:00"
    names = itertools.product(FAMILY, GIVEN)
    with records.db.transaction():
        for i, (family, given) in enumerate(names):
            chart = CHARTS[i % len(CHARTS)] + f"/{i}" if i >= len(CHARTS) else CHARTS[i]
            records.repo.insert_patient({"chart_number": chart, "family_name": family,
                                         "given_name": given}, at, "test")
    return records


QUERIES = ["", "sm", "SM", "Smi", "smith", "SMITHS", "smith_", "smith%", "Smith\\", "smith_j",
           "zo", "ZO", "zoë", "ZOË", "Zoe", "ø", "Øde", "ød", "él", "Él", "ÉL", "李", "李明",
           "o'", "100", "10%", "%p", "%", "_", "_u", "__", "@h", "[b", "`t", "mü", "MÜ", "Mu",
           "wei", "weiß", "WEISS", "wo", "Wo", "wol", "thom", "thomp", "zz", "zzz", "zzzz",
           "ab", "AB", "ab_", "AB%", "ab%1", "c-", "C-1", "c-10", "C-11987", "c-11987", "x_",
           "X%", "ä-", "Ä-", "cc", "CC-", "abcdef", "ABCDEFG", "abcdefg-3", "AbCdEf-", "123",
           "1234", "12345", "z@", "Z[", "an", "ANNA", "än", "Än", "jo_", "Jo%", "li", "smith an",
           "an smith", "zo an", "c-1 a", "s", "S", "ó", "nguy", "NGUYỄN", "œu", "Œu", "ǅe",
           "a\U0010ffff", "ω", "Ω", "ab\U0010ffff"]


@pytest.fixture(params=["ranges", "common words"])
def plan(request, monkeypatch):
    """Both plans: index ranges for rare words, the LIKE for common ones (every word common)."""
    if request.param == "common words":
        monkeypatch.setattr(repository.Repository, "common_word_rows", lambda self: 1)
    return request.param


@pytest.mark.parametrize("text", QUERIES)
def test_search_finds_what_the_like_query_found_in_the_same_order(clinic, plan, text):
    new = clinic.repo.search_patients(text)
    assert new == _old_search(clinic.repo, text)


def test_a_word_common_in_the_chart_numbers_is_walked_not_collected(clinic, monkeypatch):
    monkeypatch.setattr(repository.Repository, "common_word_rows", lambda self: 20)
    sql = []
    clinic.db.conn.set_trace_callback(sql.append)
    try:
        assert clinic.repo.search_patients("c-") == _old_search(clinic.repo, "c-")
        assert clinic.repo.search_patients("李明") == _old_search(clinic.repo, "李明")
    finally:
        clinic.db.conn.set_trace_callback(None)
    # The searches (the repository names a patient's columns; the reference query takes *).
    searches = [q for q in sql if q.startswith(("SELECT * FROM patients WHERE",
                                                "SELECT id, chart_number, family_name"))
                and " FROM patients WHERE " in q]
    assert "LIKE" in searches[0] and "id IN" not in searches[0]  # many C- chart numbers
    assert "id IN" in searches[2]  # a rare word: index ranges ([1] is the reference query)


def test_search_keeps_the_limit_and_the_order_across_it(clinic):
    for text in ("sm", "an", "c-", "zo"):
        full = _old_search(clinic.repo, text, 10_000)
        assert len(full) > 7
        assert clinic.repo.search_patients(text, limit=7) == full[:7]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet="aAsSmMzZoöÖ_%\\-1@[`é李 ", min_size=1, max_size=6),
                min_size=1, max_size=3))
def test_search_matches_the_like_query_on_any_words(clinic, words):
    text = " ".join(words)
    assert clinic.repo.search_patients(text) == _old_search(clinic.repo, text)
