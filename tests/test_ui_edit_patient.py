"""Patient > Edit details… in the practitioner's window: a name or a date of birth typed wrong
is corrected there (only the desk window of a clinic server could, so a clinic on one computer
could not correct it at all), the list and the record read the correction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from imsmap.ui.dialogs import PatientDialog
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures


def test_the_open_patients_details_are_corrected_from_the_patient_menu(qtbot, window, records,
                                                                       patient, monkeypatch):
    action = window.menus.act_edit_patient
    assert action.isEnabled()
    seen: list[PatientDialog] = []

    def answer(dialog):
        seen.append(dialog)
        assert dialog.family_name.text() == "Nguyen"  # the patient open, filled in
        dialog.family_name.setText("Nguyễn")
        dialog.birth_date.setText("1970-04-21")
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(PatientDialog, "exec", answer)
    action.trigger()
    assert len(seen) == 1
    corrected = records.repo.patient(patient.id)
    assert (corrected.family_name, str(corrected.birth_date)) == ("Nguyễn", "1970-04-21")
    listed = window.patients.patients.currentItem().text()
    assert "Nguyễn" in listed and window.patients.patient_id == patient.id
    assert window.statusBar().currentMessage() == "Details of C-1001 saved."


def test_edit_details_waits_for_a_patient(make_window):
    window = make_window()
    assert not window.menus.act_edit_patient.isEnabled()
