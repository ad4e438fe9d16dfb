"""The new patient dialog gives back the room of a refusal once it is put right (the walk of 6
December 2026): after a Save refused a chart number another patient had and a date of birth in
the future, the chart number fixed and Save pressed again, the dialog kept the height of both
sentences and spread the room of the one gone between the date of birth and its own sentence: a
blank line that looked like a field left out. (The sentences are said under the fields since:
tests/test_ui_patient_dialog_steady.py.)"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt

from imsmap.ui.dialogs import PatientDialog
from test_ui_support import qt_settings  # noqa: F401 - a fixture


def _gap(dialog) -> int:
    """Pixels between the last field (the notes) and the first sentence shown under it."""
    field = dialog.notes.mapTo(dialog, QPoint(0, dialog.notes.height()))
    shown = [line for line in (*dialog.errors.values(), dialog.general_error)
             if line.isVisible()]
    said = shown[0].mapTo(dialog, QPoint(0, 0))
    return said.y() - field.y()


def _fit(dialog) -> bool:
    """As tall as its layout needs at its width (its sentences' lines), no taller."""
    layout = dialog.layout()
    need = layout.totalHeightForWidth(dialog.width())
    return dialog.height() == (need if need >= 0 else layout.sizeHint().height())


def test_the_dialog_shrinks_when_a_refusal_goes(qtbot, records, patient):
    dialog = PatientDialog(records)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.chart_number, patient.chart_number)
    qtbot.keyClicks(dialog.family_name, "Tremblay")
    qtbot.keyClicks(dialog.birth_date, f"{date.today().year + 5}-04-02")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["chart_number"].isVisible() and dialog.errors["birth_date"].isVisible()
    gap = _gap(dialog)
    assert gap <= 12
    # The chart number put right and Save again: only the date's sentence, right under the
    # fields.
    dialog.chart_number.selectAll()
    qtbot.keyClicks(dialog.chart_number, "WALK-0001")
    assert not dialog.errors["chart_number"].isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["birth_date"].isVisible()
    qtbot.wait(10)
    assert _gap(dialog) == gap
    assert _fit(dialog)
    # The date put right too: the dialog as it was before any refusal.
    dialog.birth_date.selectAll()
    qtbot.keyClicks(dialog.birth_date, "1974-04-02")
    qtbot.wait(10)
    assert not dialog.errors["birth_date"].isVisible()
    assert _fit(dialog)
