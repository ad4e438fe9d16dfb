"""The number on the paper chart finds the patient: typed in the real search box, a word of
digits alone finds the chart numbers with a run of digits starting with it, leading zeros
optional ("0006", "006", "06" and "6" find DEMO-0006, 2024-0006, CL/0006), beside the names
the same words find, in the list's one name order; digits with spaces, or thirty of them,
find what they find and change nothing; on both backends."""

from __future__ import annotations

import pytest

from imsmap.services import merging
from test_ui_patient_name_search import _listed, _search, _stored
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

pytestmark = pytest.mark.both_backends


def _clinic(records):
    for chart, family, given in (("DEMO-0006", "Gagnon", "Élise"), ("2024-0006", "Roy", "Anne"),
                                 ("CL/0006", "Côté", "Luc"), ("DEMO-0060", "Levine", "Paul"),
                                 ("DEMO-0612", "O'Neil", "Sean"), ("DEMO-1006", "Tremblay", "Ève"),
                                 ("C-7", "Six", "Marie")):
        records.create_patient(chart_number=chart, family_name=family, given_name=given)


def test_the_digits_of_a_chart_number_find_the_patient(qtbot, records, make_window):
    _clinic(records)
    w = make_window()
    assert _search(qtbot, w, "0006") == ["Côté", "Gagnon", "Roy"]
    assert w.patients.count.text() == "3 patients found"
    assert any("CL/0006" in row for row in _listed(w))  # each row says its chart number
    assert _search(qtbot, w, "006") == ["Côté", "Gagnon", "Levine", "Roy"]  # 0060 starts so
    assert _search(qtbot, w, "6") == ["Côté", "Gagnon", "Levine", "O'Neil", "Roy"]
    assert _search(qtbot, w, "06") == _search(qtbot, w, "6")
    assert _search(qtbot, w, "1006") == ["Tremblay"] and _search(qtbot, w, "006 luc") == ["Côté"]
    assert _search(qtbot, w, "2024") == ["Roy"]  # the chart number's start, as before
    assert _search(qtbot, w, "024") == []  # inside a run: not looked for
    assert _search(qtbot, w, "six") == ["Six"] and _search(qtbot, w, "0007") == []
    assert _search(qtbot, w, "demo-0006") == ["Gagnon"]  # the whole chart number, as before


def test_a_changed_or_merged_chart_number_is_found_by_its_digits(qtbot, records, make_window):
    _clinic(records)
    (six,) = records.repo.search_patients("six")
    records.update_patient(six.id, chart_number="C-0042")
    dup = records.create_patient(chart_number="DEMO-0099", family_name="Gagnon",
                                 given_name="Élise")
    (kept,) = records.repo.search_patients("demo-0006")
    merging.merge_records(records, kept.id, dup.id, "Same person: two charts")
    w = make_window()
    assert _search(qtbot, w, "42") == ["Six"] and _search(qtbot, w, "7") == []
    assert _search(qtbot, w, "99") == ["Gagnon"]
    assert "→  DEMO-0006" in _listed(w)[0]  # the merged record, opening the one kept


@pytest.mark.parametrize("text", ["0 0 0 6", " 0006 ", "0006 0006", "1" * 30, "0" * 30,
                                  "9" * 30 + " 6", "٦", "6" + "\u0301"])
def test_odd_digits_give_no_error_and_change_nothing(qtbot, records, make_window, text):
    _clinic(records)
    before = _stored(records)
    w = make_window()
    found = _search(qtbot, w, text)
    expected = {"0 0 0 6": ["Côté", "Gagnon", "Levine", "O'Neil", "Roy"],
                " 0006 ": ["Côté", "Gagnon", "Roy"], "0006 0006": ["Côté", "Gagnon", "Roy"],
                "6\u0301": ["Côté", "Gagnon", "Levine", "O'Neil", "Roy"]}  # accents folded
    assert found == expected.get(text, [])
    assert w.patients.count.text() == f"{len(found)} patient{'s' * (len(found) != 1)} found"
    assert _stored(records) == before
