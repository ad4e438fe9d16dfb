"""Patient search finds each typed word at the start of a part of a name (split at spaces,
hyphens and apostrophes, a typed word at commas too; accents and case folded, « œ » and « æ »
as « oe » and « ae ») or of the chart number (ASCII letters in any case, % and _ literally), a
word of digits alone at the start of a run of the chart number's digits too, its leading zeros
optional ("6" and "0006" find DEMO-0006), in name order, on every plan (index
ranges, walking in order; on the server collecting a word's patients in order from its parts'
keys, walking them or the patients in order, walking the first patients before collecting):
the same patients as worked out in Python over every patient, on a file and on the server
(whose test databases are in the C locale: lower() and ILIKE fold ASCII only, as a file's
NOCASE and LIKE do)."""

from __future__ import annotations

import itertools
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imsmap.store import name_order, patient_search, repository
from imsmap.store.record_rows import patient_from_row

pytestmark = pytest.mark.both_backends

FAMILY = ["Smith", "smith", "SMITH", "Smithson", "Smyth", "Zoë", "ZOË", "Zoe", "Ødegaard",
          "Élise", "élise", "Åsa", "李", "李明", "O'Neil", "Smith_Jones", "Smith%Jones",
          "Smith\\Jones", "100%", "_under", "%pct", "@home", "[bracket", "`tick", "Müller",
          "MÜLLER", "Weiß", "Wo", "Wolf", "wolfe", "Thompson", "thomas", "Zz", "zzz", "Ab", "ab",
          "Dúnlaith", "Nguyễn", "Œuvre", "Côté-Roy", "Tremblay-Lévesque", "D’Amour St-Pierre",
          "ǅemal", "Cæsar", "a\U0010ffff", "Ω"]
GIVEN = ["Anna", "anna", "ANNA", "Ängel", "Émile", "Li", "", "Jo_", "Jo%", "Zoë", "smith"]
CHARTS = ["C-1001", "c-1002", "C-11987", "AB_12", "ab%12", "X%9", "x_9", "Ä-1", "ä-2", "CC-7",
          "cc-8", "ABCDEF-1", "abcdef-2", "AbCdEfG-3", "12345", "1234", "Z@1", "z[2", "DEMO-0006",
          "2024-0006", "CL/0060", "0600", "000", "0-7", "٦-06"]


_APOSTROPHES = "'\u2019\u02bc\u2018`"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014"


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).casefold().replace(
        "œ", "oe").replace("æ", "ae")


def _pieces(text: str) -> list[str]:
    for dash in _DASHES:
        text = text.replace(dash, " ")
    return text.split()


def _parts(name: str) -> set[str]:
    """A name's parts, the brief's way: pieces at spaces and hyphens, apostrophes dropped, and
    the pieces between apostrophes."""
    out = set()
    for piece in _pieces(_fold(name)):
        for a in _APOSTROPHES:
            piece = piece.replace(a, "'")
        out.add(piece.replace("'", ""))
        out.update(piece.split("'"))
    return out - {""}


def _ascii_lower(text: str) -> str:
    return "".join(c.lower() if c.isascii() else c for c in text)


def _finds(p, word: str) -> bool:
    typed = [t for t in (_pieces(_fold(word).replace(",", " "))) if t]  # as the list shows it
    typed = ["".join(c for c in t if c not in _APOSTROPHES) for t in typed]
    typed = [t for t in typed if t]
    parts = _parts(p.family_name) | _parts(p.given_name)

    by_name = bool(typed) and all(any(x.startswith(t) for x in parts) for t in typed)
    return (by_name or _ascii_lower(p.chart_number).startswith(_ascii_lower(word))
            or _by_digits(p.chart_number, typed))


def _by_digits(chart: str, typed: list[str]) -> bool:
    """A word of ASCII digits alone at the start of a run of the chart number's ASCII digits,
    as written or after any of its leading zeros (never its last digit)."""
    if len(typed) != 1 or not re.fullmatch("[0-9]+", typed[0]):
        return False
    for run in re.findall("[0-9]+", chart):
        starts = range(len(run) - len(run.lstrip("0")) + 1)
        if any(run[k:] and run[k:].startswith(typed[0]) for k in starts):
            return True
    return False


def _expected(repo, text: str, limit: int = 200):
    """What the search should find, worked out in Python over every patient: each word at the
    start of a part of a name (accents and case folded) or of the chart number (LIKE: ASCII
    case folded), in name order (store.name_order's keys, compared by code point), then id."""
    every = [patient_from_row(r) for r in repo.db.query("SELECT * FROM patients")]
    found = [p for p in every if all(_finds(p, w) for w in text.split())]
    found.sort(key=lambda p: (*name_order.order_keys(p.family_name, p.given_name), p.id))
    return found[:limit]


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
           "a\U0010ffff", "ω", "Ω", "ab\U0010ffff", "smith, an", "Smith,", "o'neil, a", ",",
           "côté-roy, é", "smith,an", "c-1, a", "oe", "OEU",
           "œuv", "ae", "cae", "CÆS", "0006", "006", "06", "6", "60", "0060", "0", "00", "000",
           "0000", "00006", "2024", "024", "7", "07", "0006,", "6 smith", "smith 1", "c-1 1",
           "demo 6", "0 0", "123456789012345678901234567890", "٦", "6a", "06-", "1,2"]


@pytest.fixture(params=["ranges", "common words", "walked first", "walked first, a little"])
def plan(request, monkeypatch):
    """Every plan: index ranges for rare words, the LIKE for common ones (every word common);
    on the server, a word found by at least ``limit`` patients walked for first, among all
    the patients or among as many as it finds (its first patients not all there, or there up
    to a name several patients have: Smith, smith, SMITH), then collected."""
    if request.param == "common words":
        monkeypatch.setattr(repository.Repository, "common_word_rows", lambda self, n=None: 1)
    if request.param.startswith("walked first"):
        monkeypatch.setattr(patient_search, "walk_first_pays", lambda *_: True)
        monkeypatch.setattr(patient_search, "WALK_FIRST_SHARE", 1)
        monkeypatch.setattr(patient_search, "SERVER_WALK_PER_MATCH",
                            1 if request.param.endswith("a little") else 10**6)
    return request.param


def test_search_finds_the_expected_patients_in_order(clinic, plan):
    for text in QUERIES:
        assert clinic.repo.search_patients(text) == _expected(clinic.repo, text), text


@pytest.mark.parametrize("limit", [1, 7, 40])
def test_search_keeps_the_limit_and_the_order_on_every_plan(clinic, plan, limit):
    for text in QUERIES:
        full = _expected(clinic.repo, text, 10_000)
        assert clinic.repo.search_patients(text, limit=limit) == full[:limit], text


@pytest.mark.sqlite_only("the SQL sent is read with sqlite3's trace callback")
def test_a_word_common_in_the_chart_numbers_is_walked_not_collected(clinic, monkeypatch):
    monkeypatch.setattr(repository.Repository, "common_word_rows", lambda self, n=None: 20)
    sql = []
    clinic.db.conn.set_trace_callback(sql.append)
    try:
        assert clinic.repo.search_patients("c-") == _expected(clinic.repo, "c-")
        assert clinic.repo.search_patients("李明") == _expected(clinic.repo, "李明")
        assert clinic.repo.search_patients("ω") == _expected(clinic.repo, "ω")
    finally:
        clinic.db.conn.set_trace_callback(None)
    # The searches (the repository names a patient's columns; the reference query takes *).
    searches = [q for q in sql if q.startswith("SELECT id, chart_number, family_name")
                and " FROM patients JOIN patient_order po ON po.patient_id = patients.id WHERE " in q]
    assert "LIKE" in searches[0] and "id IN" not in searches[0]  # many C- chart numbers
    assert "id IN" in searches[1]  # a rare word: index ranges
    assert "id IN" in searches[2]  # a rare letter too (walking every patient for "q" was slow)


def test_search_keeps_the_limit_and_the_order_across_it(clinic):
    for text in ("sm", "an", "c-", "zo"):
        full = _expected(clinic.repo, text, 10_000)
        assert len(full) > 7
        assert clinic.repo.search_patients(text, limit=7) == full[:7]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet="aAsSmMzZoöÖ_%\\-1@[`é李 '’,", min_size=1, max_size=6),
                min_size=1, max_size=3))
def test_search_finds_the_expected_patients_for_any_words(clinic, words):
    text = " ".join(words)
    assert clinic.repo.search_patients(text) == _expected(clinic.repo, text)


NEARLY_ALL_FAMILY = ["Smith", "Brown", "Côté-Roy", "O'Neil", "Zoë", "Chan"]
NEARLY_ALL_GIVEN = ["Anna", "Carl", "Émile", "Li", "Cy"]
# Every chart number starts with C ("C-1...", "c-2...", "CC-"), but a few (by position).
FEW_OTHER_CHARTS = {3: "X-1", 11: "D-2", 38: "B-30", 64: "@9", 96: "c_1", 122: "Ç-4",
                    151: "ç-5", 176: "b-6"}
NEARLY_ALL_QUERIES = ["c", "C", "c-", "C-1", "c-1", "c-10", "cc", "brown c", "smith c",
                      "c smith", "smith c-1", "brown c-", "o'neil c", "zo c-1", "an c", "c an",
                      "ca c", "c ca", "c c-1", "smith, c", "brown x", "smith d-", "@", "c_",
                      "c_1", "ç", "Ç-", "c%", "smith c_", "b", "brown b", "x-1 smith"]


@pytest.fixture
def nearly_all(records, monkeypatch):
    """Patients whose chart numbers nearly all start with C (a clinic's numbering) and a few
    that do not, some of whose names start with C, so that a word found by nearly every chart
    number ("brown c") still finds those few by their names; on the server such a word is
    tested by the list of those few (store.patient_search.few_others, made to ask here)."""
    at = "2026-01-01T09:00:00"
    with records.db.transaction():
        for i, (family, given) in enumerate(itertools.product(NEARLY_ALL_FAMILY * 6,
                                                              NEARLY_ALL_GIVEN)):
            chart = FEW_OTHER_CHARTS.get(i, ("C-1", "c-2", "CC-", "C-10")[i % 4] + str(i))
            records.repo.insert_patient({"chart_number": chart, "family_name": family,
                                         "given_name": given}, at, "test")
    monkeypatch.setattr(patient_search, "few_others", lambda patients, common: 20)
    return records


@pytest.mark.parametrize("limit", [200, 7])
def test_a_word_found_by_nearly_every_chart_number_finds_the_others_by_their_names(
        nearly_all, limit):
    for text in NEARLY_ALL_QUERIES:
        full = _expected(nearly_all.repo, text, 10_000)
        assert nearly_all.repo.search_patients(text, limit=limit) == full[:limit], text
    others = _expected(nearly_all.repo, "smith c", 10_000)
    assert any(not p.chart_number.lower().startswith("c") for p in others)  # by their names


# Chart numbers many patients' start with, but not nearly all ("C-11", "c-12": a clinic's
# numbers by the thousand), beside others: on the server counted up to the common number on the
# folded chart number's index alone (server schema 13), and found in name order as ever.
MANY_CHARTS = ("C-11", "c-12", "C-2", "X-")
MANY_QUERIES = ["C-1", "c-1", "C-11", "c-11", "C-12", "C-113", "C-2", "x-", "c-1 smith",
                "smith c-11", "c-11 zo", "brown c-12", "c-12, c", "C-11 C-1"]


@pytest.mark.parametrize("common", [25, 100])
@pytest.mark.parametrize("limit", [200, 7])
def test_a_chart_number_start_many_patients_share_finds_them_in_order(records, monkeypatch,
                                                                      common, limit):
    at = "2026-01-01T09:00:00"
    with records.db.transaction():
        for i, (family, given) in enumerate(itertools.product(NEARLY_ALL_FAMILY * 6,
                                                              NEARLY_ALL_GIVEN)):
            records.repo.insert_patient({"chart_number": MANY_CHARTS[i % 4] + str(i),
                                         "family_name": family, "given_name": given}, at, "test")
    monkeypatch.setattr(patient_search, "few_others", lambda patients, common: 20)
    monkeypatch.setattr(repository.Repository, "common_word_rows", lambda self, n=None: common)
    for text in MANY_QUERIES:
        full = _expected(records.repo, text, 10_000)
        assert records.repo.search_patients(text, limit=limit) == full[:limit], text
    assert len(_expected(records.repo, "c-11", 10_000)) == 45


def test_accented_names_are_listed_in_french_order(records):
    for i, (family, given_name) in enumerate([("Zoé", "Anne"), ("Émilie", "Anne"),
                                              ("Eric", "Anne"), ("Ève", "Anne"),
                                              ("Martin", "Zoé"), ("Martin", "Émilie"),
                                              ("Martin", "Eric")]):
        records.create_patient(chart_number=f"C-{i}", family_name=family,
                               given_name=given_name)
    assert [(p.family_name, p.given_name) for p in records.repo.search_patients("")] == [
        ("Émilie", "Anne"), ("Eric", "Anne"), ("Ève", "Anne"), ("Martin", "Émilie"),
        ("Martin", "Eric"), ("Martin", "Zoé"), ("Zoé", "Anne")]
