"""Patients: search as you type, the new-patient dialog, hiding names, sessions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from imsmap.domain.errors import ValidationError
from imsmap.store.record_rows import to_sql
from imsmap.ui.dialogs import PatientDialog
from imsmap.ui.patient_panel import SEARCH_DELAY_MS
from test_ui_french import french  # noqa: F401 - a fixture
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

pytestmark = pytest.mark.both_backends


def _listed(w) -> list[str]:
    lst = w.patients.patients
    return [lst.item(i).text() for i in range(lst.count())]


def test_search_filters_the_list_as_you_type(qtbot, records, make_window):
    records.create_patient(chart_number="C-1", family_name="Nguyen", given_name="Anna")
    records.create_patient(chart_number="C-2", family_name="Okafor", given_name="Ben")
    records.create_patient(chart_number="X-9", family_name="Novak", given_name="Clara")
    w = make_window()
    assert len(_listed(w)) == 3
    qtbot.keyClicks(w.patients.search, "no")
    qtbot.waitUntil(lambda: len(_listed(w)) == 1, timeout=SEARCH_DELAY_MS * 20)
    assert "Novak" in _listed(w)[0]
    w.patients.search.clear()
    qtbot.keyClicks(w.patients.search, "c-")  # the chart numbers C-, and a name part "c"
    qtbot.waitUntil(lambda: len(_listed(w)) == 3, timeout=SEARCH_DELAY_MS * 20)
    assert w.patients.count.text() == "3 patients found"
    qtbot.keyClicks(w.patients.search, "1")
    qtbot.waitUntil(lambda: len(_listed(w)) == 1, timeout=SEARCH_DELAY_MS * 20)
    assert "Nguyen" in _listed(w)[0]


def test_the_count_under_the_list_is_in_the_windows_language(qtbot, records, make_window,
                                                              french):  # noqa: F811
    """The French walk of 5 December: reception's search said "1 patient found" in English
    (the count was made in the code, never translated; "13 patients" hid it)."""
    for n, name in enumerate(("Mensah", "Gagnon", "Tremblay")):
        records.create_patient(chart_number=f"C-{n}", family_name=name)
    w = make_window()
    assert w.patients.count.text() == "3 patients"
    qtbot.keyClicks(w.patients.search, "mensah")
    qtbot.waitUntil(lambda: len(_listed(w)) == 1, timeout=SEARCH_DELAY_MS * 20)
    assert w.patients.count.text() == "1 patient trouvé"
    qtbot.keyClicks(w.patients.search, "x")
    qtbot.waitUntil(lambda: len(_listed(w)) == 0, timeout=SEARCH_DELAY_MS * 20)
    assert w.patients.count.text() == "0 patient trouvé"


def test_selecting_a_patient_lists_sessions_and_opens_the_latest(qtbot, window, session):
    tree = window.patients.sessions
    assert tree.topLevelItemCount() == 1
    assert tree.topLevelItem(0).text(1) == "draft"
    assert window.session_panel.complaint.text() == "Low back pain, L5"
    assert "Nguyen" in window.windowTitle()


def test_an_amended_visit_says_so_in_the_visit_list(qtbot, window, records, session):
    """A signed visit corrected since: the list said "signed", and only the record pane showed
    that the signed note is not the last word."""
    tree = window.patients.sessions
    records.sign_session(session.id)
    qtbot.waitUntil(lambda: tree.topLevelItem(0).text(1) == "signed")
    records.amend_session(session.id, "Wrong side recorded", "Site 1 was on the left.")
    qtbot.waitUntil(lambda: tree.topLevelItem(0).text(1) == "amended")
    assert "1 amendment, shown after the signed note" in tree.topLevelItem(0).toolTip(1)
    assert tree.columnWidth(1) >= tree.fontMetrics().horizontalAdvance("amended")


def test_hiding_names_hides_them_in_list_and_title(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    if not window.hide_names:  # no active window to take the shortcut: use the action
        window.menus.act_hide.trigger()
    assert window.hide_names
    # The privacy screen hides identifiers too: no name, no chart number, no birth year.
    assert "Nguyen" not in window.windowTitle() and "C-1001" not in window.windowTitle()
    assert all("Nguyen" not in t and "Anna" not in t and "C-1001" not in t and "1970" not in t
               for t in _listed(window))
    window.menus.act_hide.trigger()
    assert "Nguyen" in window.windowTitle()


def test_new_patient_dialog_validates_at_the_field(qtbot, records):
    dialog = PatientDialog(records)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.family_name, "Ambrose")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["chart_number"].isVisible()
    assert "chart number" in dialog.errors["chart_number"].text().lower()
    assert records.repo.search_patients("") == []

    qtbot.keyClicks(dialog.chart_number, "C-77")
    future = (date.today() + timedelta(days=3)).isoformat()
    qtbot.keyClicks(dialog.birth_date, future)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.errors["chart_number"].isVisible()
    assert dialog.errors["birth_date"].isVisible()
    assert "future" in dialog.errors["birth_date"].text()
    assert records.repo.search_patients("") == []
    assert dialog.result() == 0

    dialog.birth_date.clear()
    qtbot.keyClicks(dialog.birth_date, "1961-02-03")
    dialog.sex.setCurrentIndex(dialog.sex.findData("F"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (p,) = records.repo.search_patients("")
    assert (p.chart_number, p.family_name, p.birth_date, p.sex.value) == \
        ("C-77", "Ambrose", date(1961, 2, 3), "F")
    assert dialog.patient == p and dialog.result() == 1


def test_duplicate_chart_number_is_shown_at_its_field(qtbot, records, patient):
    dialog = PatientDialog(records)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.chart_number, patient.chart_number)
    qtbot.keyClicks(dialog.family_name, "Other")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "another patient" in dialog.errors["chart_number"].text()
    assert len(records.repo.search_patients("")) == 1


def test_the_new_patient_dialog_says_every_problem_at_once(qtbot, records, patient):
    """A chart number another patient has, no family name and an impossible date of birth:
    the three sentences on the first Save (the chart number's came only once the others were
    fixed, a Save later), the dialog tall enough for them, and nothing saved until all are
    fixed."""
    dialog = PatientDialog(records)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.chart_number, patient.chart_number)
    qtbot.keyClicks(dialog.given_name, "Ben")
    qtbot.keyClicks(dialog.birth_date, "1970-02-30")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    said = {name: line.text() for name, line in dialog.errors.items() if line.isVisible()}
    assert said == {
        "chart_number": f"Chart number {patient.chart_number} belongs to another patient "
                        "already.",
        "family_name": "The family name cannot be empty.",
        "birth_date": "The date of birth '1970-02-30' is not a date; write it as YYYY-MM-DD.",
    }
    assert not dialog.general_error.text()
    assert len(records.repo.search_patients("")) == 1 and dialog.result() == 0
    # every sentence whole and nothing under the buttons: the notes box above them
    box = dialog.buttons.geometry()
    assert dialog.notes.geometry().bottom() < box.top(), (dialog.notes.geometry(), box)
    for line in dialog.errors.values():
        if line.isVisible():
            assert line.height() >= line.heightForWidth(line.width()), line.text()

    qtbot.keyClicks(dialog.family_name, "Okafor")  # two fixed, one left: still nothing saved
    dialog.birth_date.clear()
    qtbot.keyClicks(dialog.birth_date, "1970-02-03")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [n for n, line in dialog.errors.items() if line.isVisible()] == ["chart_number"]
    assert len(records.repo.search_patients("")) == 1

    dialog.chart_number.clear()
    qtbot.keyClicks(dialog.chart_number, "C-2002")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not any(line.isVisible() for line in dialog.errors.values())
    assert dialog.result() == 1 and dialog.patient.chart_number == "C-2002"
    assert len(records.repo.search_patients("")) == 2


def test_a_patients_details_keep_its_own_chart_number(qtbot, records, patient):
    dialog = PatientDialog(records, editing=patient)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.given_name, "-Marie")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1 and dialog.patient.given_name == "Anna-Marie"
    assert dialog.patient.chart_number == patient.chart_number


def test_a_chart_number_in_other_capitals_is_another_patients(qtbot, records, patient):
    """"c-1001" is C-1001 on paper, and the search finds both under either: a second patient
    registered under it was a second record under one chart number, its visits charted on
    whichever the list showed first. Refused at its field, naming how the other is written,
    in a new patient's form and in an edit of another's details alike; nothing saved."""
    dialog = PatientDialog(records)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.chart_number, "c-1001")
    qtbot.keyClicks(dialog.family_name, "Other")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["chart_number"].text() == (
        "Chart number c-1001 belongs to another patient already, written C-1001.")
    assert dialog.result() == 0 and len(records.repo.search_patients("")) == 1
    with pytest.raises(ValidationError, match="written C-1001"):
        records.create_patient(chart_number="c-1001", family_name="Other")

    other = records.create_patient(chart_number="C-2002", family_name="Other")
    edit = PatientDialog(records, editing=other)
    qtbot.addWidget(edit)
    edit.show()
    edit.chart_number.clear()
    qtbot.keyClicks(edit.chart_number, "c-1001")
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    assert edit.errors["chart_number"].text() == (
        "Chart number c-1001 belongs to another patient already, written C-1001.")
    assert edit.result() == 0 and records.repo.patient(other.id).chart_number == "C-2002"
    # a patient's own number in other capitals is still theirs to write so
    edit.chart_number.clear()
    qtbot.keyClicks(edit.chart_number, "c-2002")
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    assert edit.result() == 1 and records.repo.patient(other.id).chart_number == "c-2002"


def test_two_chart_numbers_apart_only_in_capitals_from_before_keep_their_details(
        qtbot, records, patient):
    """A file written before the check may hold C-1001 and c-1001: each patient's details are
    still corrected, their own number kept as it is."""
    clean = records.clean_patient_fields({"chart_number": "c-1001", "family_name": "Other"})
    with records.write() as work:  # as an imsmap before the check saved it
        pid = records.repo.insert_patient({k: to_sql(val) for k, val in clean.items()},
                                          work.at, records.actor)
    twin = records.repo.patient(pid)
    dialog = PatientDialog(records, editing=twin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.given_name, "Ben")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.errors["chart_number"].text()
    assert dialog.result() == 1
    assert (records.repo.patient(pid).given_name, records.repo.patient(pid).chart_number) == \
        ("Ben", "c-1001")


def test_new_session_button_starts_and_opens_a_draft(qtbot, window, records, session):
    qtbot.mouseClick(window.patients.new_session, Qt.MouseButton.LeftButton)
    sessions = records.repo.sessions_for_patient(session.patient_id)
    assert len(sessions) == 2
    newest = max(sessions, key=lambda s: s.id)
    assert window.session_id == newest.id
    assert window.session_panel.editable
    assert window.patients.sessions.topLevelItemCount() == 2


def test_the_hidden_names_setting_is_remembered(qtbot, make_window, session):
    w = make_window()
    w.set_names_hidden(True)
    w.close()
    again = make_window()
    again.patients.select_patient(session.patient_id)
    assert again.hide_names and "Nguyen" not in again.windowTitle()


def test_a_new_session_takes_the_practitioner_of_the_last_signed_one(qtbot, window, records,
                                                                    session):
    records.sign_session(session.id)  # a draft is no visit: tests/test_ui_progress_drafts.py
    window.menus.act_new_session.trigger()
    newest = max(records.repo.sessions_for_patient(session.patient_id), key=lambda s: s.id)
    assert newest.id != session.id and newest.practitioner == "J. Physio"


def test_a_new_session_takes_the_registration_number_with_the_practitioner(
        qtbot, window, records, session):
    """The practitioner carried from the last signed visit came without the registration
    number recorded with them there, the clinic's list (empty in the demo, and in a clinic
    that never filled it) being the only place it was looked for: today's signed note read
    "Registration no. not recorded" under a name every earlier note gave with its number."""
    records.update_session(session.id, practitioner_registration="PT-4411")
    records.sign_session(session.id)
    qtbot.mouseClick(window.patients.new_session, Qt.MouseButton.LeftButton)
    newest = max(records.repo.sessions_for_patient(session.patient_id), key=lambda s: s.id)
    assert newest.id != session.id and window.session_id == newest.id
    assert (newest.practitioner, newest.practitioner_registration) == ("J. Physio", "PT-4411")
