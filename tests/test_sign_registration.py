"""The practitioner's registration number on a signed note (services.registration).

A clinician's walk of the real window found a new patient's first session signed with
"Registration no. not recorded": the practitioner was not in the clinic's list, so the session
carried no number, and the sign dialog said the record was complete. Now the dialog names the
missing number, takes it there (written with the draft, and added to the clinic's list if the
clinician ticks it, so that the next session carries it), and still signs without it where the
clinician leaves it out. Changing the session's practitioner no longer leaves the previous
name's number under the new one."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pypdf
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from imsmap import i18n
from imsmap.report.session_pdf import write_session_pdf
from imsmap.services import clinic
from imsmap.services.context import open_server_context
from imsmap.ui.record.sign_amend import SignDialog
from imsmap.ui.window_settings import PRACTITIONER
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

pytestmark = pytest.mark.both_backends

DANA = "Dana Leclerc, PT"
MISSING = f"The registration number of the practitioner, {DANA}, is not recorded."
GENERATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def set_list(server_clinic, records):
    """Set the clinic's list of practitioners (name, registration): through the services on
    the file; on the server as its superuser (the list is the administrators')."""
    def give(*people: tuple[str, str]) -> None:
        listed = tuple(clinic.Practitioner(*p) for p in people)
        if server_clinic is None:
            clinic.save(records, replace(clinic.load(records), practitioners=listed))
            return
        template, name = server_clinic
        admin = open_server_context(template.server.dsn(name))
        try:
            clinic.save(admin.records, replace(clinic.load(admin.records), practitioners=listed))
        finally:
            admin.close()

    return give


def _tick(qtbot, box) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _pdf_text(records, session_id: int, path, language: str = "en") -> str:
    out = write_session_pdf(records, session_id, path, generated=GENERATED, language=language)
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in pypdf.PdfReader(out).pages)


def _first_session(qtbot, window, records, chart: str):
    """A new patient, chosen in the window, and their first session through New session."""
    patient = records.create_patient(chart_number=chart, family_name="Roy", given_name="Lise")
    window.patients.select_patient(patient.id)
    window.menus.act_new_session.trigger()
    (session,) = records.repo.sessions_for_patient(patient.id)
    assert window.session_id == session.id
    return session


def _audit_count(records) -> int:
    return records.db.query_one("SELECT count(*) FROM audit")[0]


def test_a_new_patients_first_session_asks_for_the_number_and_the_pdf_carries_it(
        qtbot, make_window, records, set_list, server_clinic, tmp_path):
    PRACTITIONER.write(DANA)  # who last wrote a note on this computer; not in the list
    set_list(("J. Physio", "PT-1"))
    window = make_window()
    first = _first_session(qtbot, window, records, "C-2001")
    assert (first.practitioner, first.practitioner_registration) == (DANA, "")
    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        try:
            seen["before"] = dialog.checks_label.text()
            entry = dialog.registration
            seen["may add"] = not entry.add_to_list.isHidden()
            seen["note"] = entry.note.text() if not entry.note.isHidden() else ""
            qtbot.keyClicks(entry.number, "  OPPQ-12345 ")
            seen["typed"] = dialog.checks_label.text()
            if seen["may add"]:
                _tick(qtbot, entry.add_to_list)
            _tick(qtbot, dialog.confirm)
            qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        finally:
            if dialog.isVisible():  # not signed: closed, for the test to say why
                dialog.reject()

    QTimer.singleShot(0, answer)
    window.menus.act_sign.trigger()
    assert MISSING in seen["before"]  # the dialog said the record was complete
    assert "registration number" not in seen["typed"]  # typed: no longer missing
    signed = records.repo.session(first.id)
    assert signed.is_signed and signed.practitioner_registration == "OPPQ-12345"
    text = _pdf_text(records, first.id, tmp_path / "en.pdf")
    assert f"{DANA} Reg. no. OPPQ-12345" in text and "not recorded" not in text.split(
        "Reg. no.")[0][-40:]
    assert "Registration no. not recorded" not in text
    # the signature covers the number: the whole record checks
    from imsmap.services.signatures import session_problems

    assert session_problems(records.db.conn, first.id) == []
    second = _first_session(qtbot, window, records, "C-2002")
    if server_clinic is None:
        # the clinician ticked it: the list carries Dana now, J. Physio kept, and the next
        # new patient's first session carries the number
        assert seen["may add"] and seen["note"] == ""
        assert clinic.practitioners(records) == (clinic.Practitioner("J. Physio", "PT-1"),
                                                 clinic.Practitioner(DANA, "OPPQ-12345"))
        assert second.practitioner_registration == "OPPQ-12345"
    else:
        # a practitioner's login may not change the server's list: not offered, and said
        assert not seen["may add"] and "administrators" in seen["note"]
        assert clinic.practitioners(records) == (clinic.Practitioner("J. Physio", "PT-1"),)
        assert second.practitioner_registration == ""


def test_left_out_the_note_is_signed_without_it_and_says_so(qtbot, records, patient,
                                                             tmp_path):
    """Some places do not require a number: the warning is one the clinician can pass."""
    draft = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                  practitioner=DANA)
    dialog = SignDialog(records, draft.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert MISSING in dialog.checks_label.text()
    assert dialog.confirm.text() == "Sign with these items open"
    entries = _audit_count(records)
    _tick(qtbot, dialog.confirm)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    signed = records.repo.session(draft.id)
    assert signed.is_signed and signed.practitioner_registration == ""
    assert _audit_count(records) == entries + 1  # the signature alone
    assert f"{DANA} Registration no. not recorded" in _pdf_text(records, draft.id,
                                                               tmp_path / "out.pdf")


def test_typing_the_number_leaves_the_boxes_where_they_were(qtbot, records, patient):
    """The number typed takes its item off the list: the list keeps its height, so the box
    the clinician is about to click does not jump up under the pointer (a click in a walk of
    the window landed in the gap the item left)."""
    draft = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                  practitioner=DANA)
    dialog = SignDialog(records, draft.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.registration.add_to_list
    before = (box.mapTo(dialog, QPoint(0, 0)), dialog.confirm.mapTo(dialog, QPoint(0, 0)))
    qtbot.keyClicks(dialog.registration.number, "OPPQ-1")
    qtbot.wait(20)
    assert MISSING not in dialog.checks_label.text()
    assert (box.mapTo(dialog, QPoint(0, 0)), dialog.confirm.mapTo(dialog, QPoint(0, 0))) == before


def test_a_number_too_long_is_refused_with_a_sentence_and_nothing_changes(qtbot, records,
                                                                          patient):
    draft = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                  practitioner=DANA)
    dialog = SignDialog(records, draft.id)
    qtbot.addWidget(dialog)
    dialog.show()
    entries = _audit_count(records)
    dialog.registration.number.setText("9" * 101)
    _tick(qtbot, dialog.confirm)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert "registration number" in dialog.error.text().lower()
    assert "too long" in dialog.error.text() or "100" in dialog.error.text()
    assert dialog.isVisible()  # still open, to correct it
    stored = records.repo.session(draft.id)
    assert not stored.is_signed and stored.practitioner_registration == ""
    assert _audit_count(records) == entries


def test_the_list_giving_the_number_fills_it_and_signing_records_it(qtbot, records, patient,
                                                                    set_list, tmp_path):
    """Started before the list held Dana's number: the dialog offers the list's, and the
    signed note records it (it printed the list's as it stood at each printing)."""
    draft = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                  practitioner=DANA)
    set_list((DANA, "OPPQ-777"))
    dialog = SignDialog(records, draft.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.registration.number.text() == "OPPQ-777"
    assert dialog.registration.add_to_list.isHidden()  # the list has it
    assert "registration number" not in dialog.checks_label.text()
    _tick(qtbot, dialog.confirm)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert records.repo.session(draft.id).practitioner_registration == "OPPQ-777"
    set_list((DANA, "OPPQ-999"))  # the list changed later: the signed note keeps its own
    assert f"{DANA} Reg. no. OPPQ-777" in _pdf_text(records, draft.id, tmp_path / "out.pdf")


def test_another_window_changing_the_practitioner_meanwhile_refuses_it(qtbot, records,
                                                                       patient,
                                                                       open_records_as):
    """The number typed was Dana's: written against another name set meanwhile, it would
    print under the wrong person. Nothing is written, nothing signed, and the dialog closes
    so that the window shows the session as it is now."""
    draft = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                  practitioner=DANA)
    other = open_records_as("other.physio").records
    dialog = SignDialog(records, draft.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.registration.number, "OPPQ-12345")
    other.update_session(draft.id, practitioner="Eve Martin, PT",
                         expected={"practitioner": DANA})
    entries = _audit_count(records)
    _tick(qtbot, dialog.confirm)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.refusal is not None and "practitioner" in str(dialog.refusal)
    stored = records.repo.session(draft.id)
    assert not stored.is_signed
    assert (stored.practitioner, stored.practitioner_registration) == ("Eve Martin, PT", "")
    assert _audit_count(records) == entries


def test_another_windows_change_meanwhile_keeps_the_number_but_is_not_signed_unseen(
        qtbot, records, patient, open_records_as):
    """Another window's note written while the dialog was open: the number, which the note
    does not touch, is recorded; the signature is refused as before (not seen)."""
    draft = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                  practitioner=DANA)
    other = open_records_as("other.physio").records
    dialog = SignDialog(records, draft.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.registration.number, "OPPQ-12345")
    other.update_session(draft.id, notes="Written in the other window.")
    _tick(qtbot, dialog.confirm)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.refusal is not None
    stored = records.repo.session(draft.id)
    assert not stored.is_signed
    assert (stored.notes, stored.practitioner_registration) == ("Written in the other window.",
                                                                "OPPQ-12345")
    again = SignDialog(records, draft.id)  # signed again: the number is the draft's now
    qtbot.addWidget(again)
    assert again.registration is None
    assert "registration number" not in again.checks_label.text()


@pytest.mark.sqlite_only("on the server the clinic's list is the administrators'")
def test_the_list_changed_meanwhile_keeps_both_windows_writes(qtbot, records, patient,
                                                              open_records_as):
    """The settings dialog of another window added Eve while the sign dialog was open: the
    list read inside the write keeps Eve and adds Dana. A list that gave Dana another number
    meanwhile refuses it, and nothing is written."""
    first = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                  practitioner=DANA)
    other = open_records_as("other.physio").records
    dialog = SignDialog(records, first.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.registration.number, "OPPQ-12345")
    _tick(qtbot, dialog.registration.add_to_list)
    started = clinic.load(other)
    clinic.save(other, replace(started, practitioners=(clinic.Practitioner("Eve", "PT-5"),)),
                started=started)
    _tick(qtbot, dialog.confirm)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert records.repo.session(first.id).is_signed
    assert clinic.practitioners(records) == (clinic.Practitioner("Eve", "PT-5"),
                                             clinic.Practitioner(DANA, "OPPQ-12345"))

    second = records.start_session(patient.id, started_at=datetime(2026, 11, 27, 9, 30),
                                   practitioner="Finn")
    dialog = SignDialog(records, second.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.registration.number, "PT-6")
    _tick(qtbot, dialog.registration.add_to_list)
    started = clinic.load(other)
    clinic.save(other, replace(started, practitioners=(
        *started.practitioners, clinic.Practitioner("Finn", "PT-7"))), started=started)
    entries = _audit_count(records)
    _tick(qtbot, dialog.confirm)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.refusal is not None and "PT-7" in str(dialog.refusal)
    stored = records.repo.session(second.id)
    assert not stored.is_signed and stored.practitioner_registration == ""
    assert clinic.practitioners(records)[-1] == clinic.Practitioner("Finn", "PT-7")
    assert _audit_count(records) == entries


def test_changing_the_practitioner_does_not_keep_the_previous_ones_number(
        qtbot, make_window, records, session, set_list):
    """J. Physio's session given to Dana, whom the list does not hold: the number stayed
    J. Physio's, and the signed note printed it under Dana's name."""
    set_list(("J. Physio", "PT-1"))
    records.update_session(session.id, practitioner_registration="PT-1")
    window = make_window(patient_id=session.patient_id, session_id=session.id)
    field = window.session_panel.practitioner
    field.selectAll()
    qtbot.keyClicks(field, DANA)
    window.session_panel.flush()
    stored = records.repo.session(session.id)
    assert (stored.practitioner, stored.practitioner_registration) == (DANA, "")
    field.selectAll()
    qtbot.keyClicks(field, "J. Physio")  # back to a listed name: its number again
    window.session_panel.flush()
    assert records.repo.session(session.id).practitioner_registration == "PT-1"


@pytest.mark.sqlite_only("the words, not the backend")
def test_the_dialog_speaks_french(qapp, qtbot, records, patient):
    draft = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                  practitioner=DANA)
    i18n.install(qapp, "fr_CA")
    try:
        dialog = SignDialog(records, draft.id)
        qtbot.addWidget(dialog)
        dialog.show()
        text = dialog.checks_label.text()
        assert f"Le numéro de permis du praticien, {DANA}, n'est pas consigné." in text
        entry = dialog.registration
        words = [w.text() for w in entry.findChildren(type(dialog.signer))]
        assert any(w.startswith("N° de permis de") for w in words), words
        assert entry.add_to_list.text() == "L'ajouter à la liste des praticiens de la clinique"
        assert entry.number.placeholderText() != "from the college or board"
    finally:
        i18n.install(qapp, "en")
