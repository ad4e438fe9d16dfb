"""A duplicate patient created by mistake (the receptionist did not find the record, typed a new
chart number): the two halves of one course report apart until someone merges them (Patient >
Merge duplicate record…, tests/test_ui_merge_patients.py). The New patient dialog names a patient
with the same names and date of birth on the first Save, and says the merge is there; a second
Save creates the record all the same (namesakes exist)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from imsmap.ui.dialogs import PatientDialog


def _fill(qtbot, dialog, chart, family, given, birth):
    for field, text in ((dialog.chart_number, chart), (dialog.family_name, family),
                        (dialog.given_name, given), (dialog.birth_date, birth)):
        field.clear()
        qtbot.keyClicks(field, text)


def test_a_likely_duplicate_is_named_before_it_is_created(qtbot, records, patient):
    dialog = PatientDialog(records)
    qtbot.addWidget(dialog)
    dialog.show()
    # the same person as the fixture's Nguyen, Anna (C-1001), typed in other case and spacing
    _fill(qtbot, dialog, "C-2002", "nguyen ", "ANNA", "1970-04-12")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    said = dialog.general_error.text()
    assert "Already a patient with this name and date of birth: Nguyen, Anna (C-1001)" in said
    assert "Press Save again to create another patient." in said
    assert "can be merged later with Patient > Merge duplicate record…" in said
    assert dialog.isVisible() and len(records.repo.search_patients("")) == 1
    # A second Save: a namesake is created, as asked.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.patient is not None
    assert dialog.patient.chart_number == "C-2002"
    assert len(records.repo.search_patients("")) == 2


def test_another_birth_date_or_name_is_no_duplicate(qtbot, records, patient):
    dialog = PatientDialog(records)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(qtbot, dialog, "C-3003", "Nguyen", "Anna", "1971-04-12")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.patient is not None and dialog.general_error.text() == ""
    editing = PatientDialog(records, editing=patient)  # the patient's own details: no warning
    qtbot.addWidget(editing)
    editing.show()
    editing.notes.setPlainText("Prefers morning appointments.")
    qtbot.mouseClick(editing.save_button, Qt.MouseButton.LeftButton)
    assert editing.patient is not None and editing.general_error.text() == ""
