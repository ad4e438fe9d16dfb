"""The new-patient and patient's-details dialogs keep their fields still while the clinician
types (walk of 7 December, /tmp/layout1280/c02.png, c03.png): a refusal said under its field
came as the field was left and went as it was typed in, and every field below moved down and up
by its two lines (the next field, just tapped, moved away from the finger). The refusals are
said in one place under the fields; a refused field's name turns red."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette

from imsmap import i18n
from imsmap.ui.dialogs import PatientDialog
from imsmap.ui.refusals import ERROR_COLOUR
from test_ui_support import qt_settings  # noqa: F401 - a fixture


@pytest.fixture(params=["en", "fr_CA"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


def _places(dialog) -> dict[str, tuple[int, int, int, int]]:
    """Every field's and its name's place in the dialog."""
    out = {}
    for name, label in dialog.labels.items():
        field = getattr(dialog, name)
        at = field.mapTo(dialog, QPoint(0, 0))
        out[name] = (at.x(), at.y(), field.width(), field.height())
        at = label.mapTo(dialog, QPoint(0, 0))
        out[f"{name} label"] = (at.x(), at.y(), label.width(), label.height())
    return out


def _red(label) -> bool:
    return label.palette().color(QPalette.ColorRole.WindowText) == QColor(ERROR_COLOUR)


def _shown(qtbot, dialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)  # (a field left sends editingFinished in the active window only)
    qtbot.wait(10)


def test_the_fields_stay_put_as_a_refusal_comes_and_goes(qtbot, records, patient, language):
    dialog = PatientDialog(records)
    _shown(qtbot, dialog)
    before = _places(dialog)
    assert not any(_red(label) for label in dialog.labels.values())

    for name, text in (("chart_number", "X-100"), ("family_name", "Tremblay"),
                       ("birth_date", "12/03/1970")):
        qtbot.mouseClick(getattr(dialog, name), Qt.MouseButton.LeftButton)  # tapped, typed in
        qtbot.keyClicks(getattr(dialog, name), text)
    qtbot.mouseClick(dialog.sex, Qt.MouseButton.LeftButton)  # the date left: refused at once
    qtbot.keyClick(dialog.sex.view(), Qt.Key.Key_Escape)  # (its list closed)
    qtbot.wait(10)
    said = dialog.errors["birth_date"]
    assert said.isVisible() and "12/03/1970" in said.text()
    assert said.mapTo(dialog, QPoint(0, 0)).y() > dialog.notes.mapTo(dialog, QPoint(0, 0)).y()
    assert _red(dialog.labels["birth_date"]) and not _red(dialog.labels["sex"])
    assert dialog.birth_date.accessibleDescription() == said.text()
    assert _places(dialog) == before

    dialog.birth_date.setFocus()
    qtbot.keyClick(dialog.birth_date, Qt.Key.Key_Backspace)  # typed in: the refusal goes
    qtbot.wait(10)
    assert not said.isVisible() and not _red(dialog.labels["birth_date"])
    assert dialog.birth_date.accessibleDescription() == ""
    assert _places(dialog) == before

    # Save refuses three at once (another patient's number, no family name, a bad date)
    dialog.chart_number.setText(patient.chart_number)
    dialog.family_name.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.wait(10)
    refused = {name for name, line in dialog.errors.items() if line.isVisible()}
    assert refused == {"chart_number", "family_name", "birth_date"}
    assert {name for name, label in dialog.labels.items() if _red(label)} == refused
    assert _places(dialog) == before
    assert records.repo.search_patients("Tremblay") == []  # nothing saved
    # in the fields' order, one under the other, under the fields
    tops = [dialog.errors[name].mapTo(dialog, QPoint(0, 0)).y()
            for name in ("chart_number", "family_name", "birth_date")]
    assert tops == sorted(tops)
    bottom = dialog.notes.mapTo(dialog, QPoint(0, dialog.notes.height())).y()
    assert tops[0] >= bottom and dialog.height() >= dialog.layout().totalHeightForWidth(
        dialog.width())  # every sentence whole in the dialog

    for name, text in (("chart_number", "X-100"), ("family_name", "Tremblay"),
                       ("birth_date", "1970-03-12")):
        field = getattr(dialog, name)
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, text)
        qtbot.wait(10)
        assert not dialog.errors[name].isVisible() and _places(dialog) == before
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.patient is not None and dialog.patient.family_name == "Tremblay"


def test_the_details_dialog_keeps_its_fields_still_too(qtbot, records, patient, language):
    dialog = PatientDialog(records, editing=patient)
    _shown(qtbot, dialog)
    before = _places(dialog)
    dialog.birth_date.setFocus()
    dialog.birth_date.selectAll()
    qtbot.keyClicks(dialog.birth_date, "2999-01-01")
    dialog.given_name.setFocus()  # left: in the future, refused
    qtbot.wait(10)
    assert dialog.errors["birth_date"].isVisible() and _red(dialog.labels["birth_date"])
    assert _places(dialog) == before
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 0 and str(records.repo.patient(patient.id).birth_date) != \
        "2999-01-01"
    assert _places(dialog) == before
    dialog.birth_date.setFocus()
    qtbot.keyClick(dialog.birth_date, Qt.Key.Key_Backspace)
    qtbot.wait(10)
    assert not dialog.errors["birth_date"].isVisible() and _places(dialog) == before
