"""store.chart_digits: which digits of a chart number a typed number finds (each run as written
and with each of its leading zeros dropped; a typed word of ASCII digits alone), and a search
for names only never reads the chart digits (the name search does the work it did before)."""

from __future__ import annotations

import pytest

from imsmap.store.chart_digits import chart_digits, typed_number


@pytest.mark.parametrize(("chart", "digits"), [
    ("DEMO-0006", {"0006", "006", "06", "6"}),
    ("2024-0006", {"2024", "0006", "006", "06", "6"}),
    ("CL/0600", {"0600", "600"}),
    ("000", {"000", "00", "0"}),
    ("A-7", {"7"}), ("B-", set()), ("", set()),
    ("٦-12", {"12"}),  # Arabic-Indic digits are not a chart number's digits
    ("1" * 32, {"1" * 32}),
])
def test_the_runs_of_a_chart_number(chart, digits):
    assert chart_digits(chart) == digits


@pytest.mark.parametrize(("word", "number"), [
    ("0006", "0006"), ("6", "6"), ("0006,", "0006"), ("-06-", "06"), ("6\u0301", "6"),
    ("0" * 30, "0" * 30), ("c-11", None), ("6a", None), ("1,2", None), ("٦", None),
    ("six", None), (",", None), ("", None),
])
def test_a_typed_number(word, number):
    assert typed_number(word) == number


def test_a_name_search_never_reads_the_chart_digits(records):
    for n, family in enumerate(("Smith", "Côté-Roy", "O'Neil") * 5):
        records.create_patient(chart_number=f"C-{n:04d}", family_name=family, given_name="Anna")
    said: list[str] = []
    records.db.conn.set_trace_callback(said.append)
    try:
        for text in ("s", "smith an", "c-1", "c", "côté", "o'n"):
            records.repo.search_patients(text)
        assert said and not [s for s in said if "patient_chart_digits" in s]
        said.clear()
        assert [p.chart_number for p in records.repo.search_patients("6")] == ["C-0006"]
        assert [s for s in said if "patient_chart_digits" in s]
    finally:
        records.db.conn.set_trace_callback(None)
