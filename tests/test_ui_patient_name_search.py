"""The reception desk's patient search finds names as people type them (the brief of 5 December):
a typed word at the start of any part of a name, split at spaces, hyphens and apostrophes,
accents and case folded on both sides; through the real search box, on both backends."""

from __future__ import annotations

import pytest

from imsmap.services import merging
from imsmap.ui.patient_panel import SEARCH_DELAY_MS
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

pytestmark = pytest.mark.both_backends


def _listed(w) -> list[str]:
    lst = w.patients.patients
    return [lst.item(i).text() for i in range(lst.count())]


def _search(qtbot, w, text: str) -> list[str]:
    """Type ``text`` in the search box (keys where QTest has them, else as an input method
    puts text in) and let the box's own timer run the search."""
    count = w.patients.count
    if w.patients.search.text():
        w.patients.search.clear()
        qtbot.waitUntil(lambda: "found" not in count.text(), timeout=SEARCH_DELAY_MS * 20)
    if text.isascii():
        qtbot.keyClicks(w.patients.search, text)
    else:
        w.patients.search.insert(text)
    qtbot.waitUntil(lambda: "found" in count.text(), timeout=SEARCH_DELAY_MS * 20)
    return [t.split(",")[0] for t in _listed(w)]


def _clinic(records):
    for n, (family, given) in enumerate((("Côté-Roy", "Maude"), ("Tremblay-Lévesque", "Luc"),
                                         ("Côté", "Anne"), ("O'Neil", "Sean"),
                                         ("Gagnon", "Élise"), ("Levine", "Paul"))):
        records.create_patient(chart_number=f"C-{n + 1}", family_name=family, given_name=given)


def _stored(records):
    conn = records.db.conn
    return (conn.execute("SELECT * FROM patients ORDER BY id").fetchall(),
            conn.execute("SELECT patient_id, part FROM patient_name_parts"
                         " ORDER BY patient_id, part").fetchall(),
            conn.execute("SELECT count(*) FROM audit").fetchone()[0])


def test_a_typed_word_finds_the_start_of_any_part_of_a_name(qtbot, records, make_window):
    _clinic(records)
    w = make_window()
    assert _search(qtbot, w, "roy") == ["Côté-Roy"]
    assert sorted(_search(qtbot, w, "lev")) == ["Levine", "Tremblay-Lévesque"]
    assert sorted(_search(qtbot, w, "lév")) == ["Levine", "Tremblay-Lévesque"]
    assert sorted(_search(qtbot, w, "cote")) == ["Côté", "Côté-Roy"]
    assert sorted(_search(qtbot, w, "CÔTÉ")) == ["Côté", "Côté-Roy"]
    assert _search(qtbot, w, "oneil") == ["O'Neil"]
    assert _search(qtbot, w, "o'neil") == ["O'Neil"]
    assert _search(qtbot, w, "o’neil") == ["O'Neil"]  # the typographic apostrophe
    assert _search(qtbot, w, "neil") == ["O'Neil"]
    assert _search(qtbot, w, "tremblay-lev") == ["Tremblay-Lévesque"]
    assert _search(qtbot, w, "lev luc") == ["Tremblay-Lévesque"]
    assert _search(qtbot, w, "elise") == ["Gagnon"]
    assert _search(qtbot, w, "c-4") == ["O'Neil"]  # the chart number, hyphen and all
    assert w.patients.count.text() == "1 patient found"


def test_a_changed_name_is_found_by_its_new_part_only(qtbot, records, make_window):
    _clinic(records)
    w = make_window()
    (gagnon,) = records.repo.search_patients("gagnon")
    records.update_patient(gagnon.id, family_name="Bélanger-Pépin")
    assert _search(qtbot, w, "pepin") == ["Bélanger-Pépin"]
    assert _search(qtbot, w, "belanger") == ["Bélanger-Pépin"]
    assert _search(qtbot, w, "gagnon") == []
    records.update_patient(gagnon.id, given_name="Rose-Aimée")
    assert _search(qtbot, w, "aimee") == ["Bélanger-Pépin"]
    assert _search(qtbot, w, "elise") == []


def test_a_merged_record_is_found_by_a_part_of_its_name(qtbot, records, make_window):
    _clinic(records)
    dup = records.create_patient(chart_number="C-9", family_name="Roy", given_name="Maude")
    (kept,) = records.repo.search_patients("côté-roy")
    merging.merge_records(records, kept.id, dup.id, "Same person: family name shortened")
    w = make_window()
    found = _search(qtbot, w, "roy mau")
    assert sorted(found) == ["Côté-Roy", "Roy"]
    merged = [t for t in _listed(w) if t.startswith("Roy")]
    assert merged and "→  C-1" in merged[0]  # listed, opening the record kept


@pytest.mark.parametrize("text", ["'", "-", "' - ’", "--'--", "x" * 200, "zé-" * 66 + "zz",
                                  "%_\\" * 60, "\U0010ffff" * 3])
def test_odd_input_finds_nothing_says_nothing_wrong_and_changes_nothing(
        qtbot, records, make_window, text):
    _clinic(records)
    before = _stored(records)
    w = make_window()
    assert _search(qtbot, w, text) == []
    assert w.patients.count.text() == "0 patients found"
    assert _stored(records) == before


def test_the_likely_duplicate_is_of_the_same_family_name_first(qtbot, records):
    """Search finds "Roy" in Côté-Roy too, which sorts before Roy: the merge dialog still
    proposes the record of the same family name."""
    from imsmap.ui.record.merge_dialog import MergeDialog

    kept = records.create_patient(chart_number="C-1", family_name="Roy", given_name="Maude")
    records.create_patient(chart_number="C-2", family_name="Côté-Roy", given_name="Maude")
    other = records.create_patient(chart_number="C-3", family_name="ROY", given_name="Maud")
    dialog = MergeDialog(records, kept.id, lambda: None)
    qtbot.addWidget(dialog)
    assert dialog.duplicate.patient_id() == other.id


def test_the_new_patient_dialog_names_a_namesake_among_many_parts(qtbot, records):
    """Two hundred Côté-Roy sort before Roy, and "Roy" now finds them: the new-patient dialog
    still names the Roy with the same names and birth date before making a second record."""
    from PySide6.QtCore import Qt

    from imsmap.ui.dialogs import PatientDialog

    for n in range(205):
        records.create_patient(chart_number=f"D-{n}", family_name="Côté-Roy",
                               given_name="Marie")
    records.create_patient(chart_number="C-1", family_name="Roy", given_name="Anne",
                           birth_date="1980-02-03")
    dialog = PatientDialog(records)
    qtbot.addWidget(dialog)
    dialog.show()
    for field, text in ((dialog.chart_number, "C-2"), (dialog.family_name, "Roy"),
                        (dialog.given_name, "Anne"), (dialog.birth_date, "1980-02-03")):
        qtbot.keyClicks(field, text)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Already a patient with this name and date of birth: Roy, Anne (C-1)" in \
        dialog.general_error.text()
    assert dialog.isVisible() and len(records.repo.search_patients("", limit=1000)) == 206


def test_oe_and_ae_typed_find_the_names_written_with_ligatures(qtbot, records, make_window):
    records.create_patient(chart_number="C-1", family_name="Œuvre", given_name="Luc")
    records.create_patient(chart_number="C-2", family_name="Roy", given_name="Lætitia")
    records.create_patient(chart_number="C-3", family_name="Oeuf", given_name="Anne")
    w = make_window()
    assert _search(qtbot, w, "oe") == ["Oeuf", "Œuvre"]
    assert _search(qtbot, w, "oeuv") == ["Œuvre"]
    assert _search(qtbot, w, "Œu") == ["Oeuf", "Œuvre"]
    assert _search(qtbot, w, "laet") == ["Roy"]
    assert _search(qtbot, w, "LÆ") == ["Roy"]
