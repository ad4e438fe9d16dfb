"""With no session open, the session column says what to do next from where the clinician is:
no patient chosen, "Choose a patient, then a session or New session."; a patient chosen (a new
one just saved, or one whose sessions are not opened), "Choose a session in the list, or New
session." The first-day walk of 7 December (a new clinic in French) saved three new patients
and read under each « Choisissez un patient, puis une séance ou Nouvelle séance. » beside the
patient it had just chosen (/tmp/firstday/13.png, 16.png)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from imsmap import i18n
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def test_no_patient_chosen_asks_for_a_patient(make_window):
    w = make_window()
    assert w.session_panel.session is None
    assert w.session_panel.status.text() == "Choose a patient, then a session or New session."


def test_a_patient_chosen_without_a_session_asks_for_a_session(records, make_window, qtbot):
    patient = records.create_patient(chart_number="2026-003", family_name="Nguyen",
                                     given_name="Thi Lan")
    w = make_window()
    assert w.session_panel.status.text() == "Choose a patient, then a session or New session."
    rows = w.patients.patients
    qtbot.mouseClick(rows.viewport(), Qt.MouseButton.LeftButton,
                     pos=rows.visualItemRect(rows.item(0)).center())
    qtbot.waitUntil(lambda: w.patient is not None and w.patient.id == patient.id)
    assert w.session_panel.session is None
    assert w.session_panel.status.text() == "Choose a session in the list, or New session."
    qtbot.mouseClick(w.patients.new_session, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.session_panel.session is not None)
    assert "Choose" not in w.session_panel.status.text()  # the draft's own state


@pytest.fixture
def french(qapp):
    i18n.install(qapp, "fr_CA")
    yield
    i18n.install(qapp, "en")


def test_in_french_too(french, records, make_window):
    patient = records.create_patient(chart_number="2026-001", family_name="Bélanger-Thériault",
                                     given_name="Marie-Ève")
    w = make_window(patient_id=patient.id)
    assert w.session_panel.status.text() == (
        "Choisissez une séance dans la liste, ou Nouvelle séance.")
