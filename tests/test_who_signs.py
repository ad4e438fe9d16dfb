"""Who treated and who signed, from the login: the clinic's list of practitioners may give each
their login (File > Clinic settings); a new session then names the practitioner who signed in,
the sign dialog names the person as well as the login and warns when the session is another
practitioner's, and the PDF's signature line names the person the signing entry recorded.
Sessions signed before any login was listed read exactly as they did."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pypdf
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton

from imsmap.report.session_pdf import write_session_pdf
from imsmap.services import clinic
from imsmap.services.context import open_server_context
from imsmap.services.signatures import session_problems
from imsmap.ui.record.sign_amend import SignDialog
from imsmap.ui.window_settings import PRACTITIONER
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

pytestmark = pytest.mark.both_backends

GENERATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
BEN = "Ben Okafor, PT"


@pytest.fixture
def give_logins(server_clinic, records):
    """Set the clinic's list of practitioners as (name, registration, login): through the
    services on the file; on the server as its superuser (the list is the administrators')."""
    def give(*people: tuple[str, str, str]) -> None:
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


def _sign_through_dialog(qtbot, records, session_id: int) -> SignDialog:
    dialog = SignDialog(records, session_id)
    qtbot.addWidget(dialog)
    dialog.show()
    _tick(qtbot, dialog.confirm)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    return dialog


def _pdf_text(records, session_id: int, path, language: str = "en") -> str:
    out = write_session_pdf(records, session_id, path, generated=GENERATED, language=language)
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in pypdf.PdfReader(out).pages)


@pytest.mark.sqlite_only("on the server the clinic's settings are the admin's")
def test_the_settings_dialog_gives_a_practitioner_their_login(qtbot, records):
    from imsmap.ui.record.settings_dialog import SettingsDialog

    dialog = SettingsDialog(records)
    qtbot.addWidget(dialog)
    add = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Add practitioner")
    for name, reg, login in (("Alex Demo", "PT-1", ""), (BEN, "PT-2", "ben")):
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
        row = dialog.practitioners.rowCount() - 1
        for column, text in enumerate((name, reg, login)):
            dialog.practitioners.item(row, column).setText(text)
    assert dialog.practitioners.horizontalHeaderItem(2).text() == "Login (optional)"
    assert records.actor in dialog.logins_note.text()  # says which login this one is
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
    assert clinic.load(records).practitioners == (
        clinic.Practitioner("Alex Demo", "PT-1"), clinic.Practitioner(BEN, "PT-2", "ben"))
    assert clinic.practitioners(records) == clinic.load(records).practitioners
    # The list is stored as an imsmap before the logins reads it; the logins beside it.
    assert json.loads(records.repo.setting("clinic.practitioners")) == [
        {"name": "Alex Demo", "registration": "PT-1"}, {"name": BEN, "registration": "PT-2"}]
    assert json.loads(records.repo.setting("clinic.practitioner_logins")) == {BEN: "ben"}

    again = SettingsDialog(records)
    qtbot.addWidget(again)
    assert again.practitioners.item(1, 2).text() == "ben"
    again.practitioners.item(0, 2).setText("BEN")  # one login, two people: refused, said
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert "The login “BEN” is given to both" in again.error.text() \
        or "is given to both" in again.error.text()
    assert clinic.load(records).practitioners[0].login == ""


def test_a_new_session_names_the_practitioner_whose_login_signed_in(qtbot, window, records,
                                                                    session, give_logins):
    """Alex last wrote a note on this computer and treated the patient last time; Ben signs
    in: Ben's new session names Ben (it named Alex)."""
    PRACTITIONER.write("Alex Demo")
    give_logins(("Alex Demo", "PT-1", "alex.demo"), (BEN, "PT-2", records.actor))
    window.menus.act_new_session.trigger()
    newest = max(records.repo.sessions_for_patient(session.patient_id), key=lambda s: s.id)
    assert newest.id != session.id and newest.practitioner == BEN
    assert window.session_panel.practitioner.text() == BEN
    # with the registration number the list has for Ben (it was left empty, and the PDF
    # printed none, until someone edited the practitioner field)
    assert newest.practitioner_registration == "PT-2"


@pytest.mark.sqlite_only("on the server the clinic's settings are the admin's")
def test_a_new_session_by_the_computers_practitioner_carries_their_registration(
        qtbot, window, records, session, give_logins):
    PRACTITIONER.write("Alex Demo")
    give_logins(("Alex Demo", "PT-1", ""), (BEN, "PT-2", ""))  # a shared login
    window.menus.act_new_session.trigger()
    newest = max(records.repo.sessions_for_patient(session.patient_id), key=lambda s: s.id)
    assert (newest.practitioner, newest.practitioner_registration) == ("Alex Demo", "PT-1")


def test_a_login_the_list_does_not_name_keeps_the_computers_practitioner(qtbot, window,
                                                                         records, session,
                                                                         give_logins):
    PRACTITIONER.write("Alex Demo")
    give_logins(("Alex Demo", "PT-1", "alex.demo"), (BEN, "PT-2", ""))  # a shared login
    window.menus.act_new_session.trigger()
    newest = max(records.repo.sessions_for_patient(session.patient_id), key=lambda s: s.id)
    assert newest.practitioner == "Alex Demo"


def test_the_sign_dialog_names_the_person_and_the_pdf_too(qtbot, records, patient,
                                                          give_logins, tmp_path):
    give_logins(("Alex Demo", "PT-1", "alex.demo"), (BEN, "PT-2", records.actor))
    mine = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                 practitioner=BEN)
    dialog = _sign_through_dialog(qtbot, records, mine.id)
    assert f"You sign as <b>{records.actor}</b> (Ben Okafor, PT)" in dialog.signer.text()
    assert dialog.other_practitioner.isHidden()  # Ben's own session: nothing to warn of
    assert records.repo.session(mine.id).signed_by == records.actor  # the login, as ever
    assert records.read.seal(mine.id).signer_name == BEN
    assert session_problems(records.db.conn, mine.id) == []
    english = _pdf_text(records, mine.id, tmp_path / "en.pdf")
    assert f"Signed electronically by {records.actor} (Ben Okafor, PT) on" in english
    french = _pdf_text(records, mine.id, tmp_path / "fr.pdf", "fr_CA")
    assert f"Signée électroniquement par {records.actor} (Ben Okafor, PT) le" in french


def test_signing_a_colleagues_session_is_warned_of_and_still_possible(qtbot, records, session,
                                                                      give_logins, tmp_path):
    """Ben covers for J. Physio: the dialog says plainly whose session it is and that the
    signature names Ben; signing works, and the session still names J. Physio."""
    give_logins(("J. Physio", "PT-1", "other.physio"), (BEN, "PT-2", records.actor))
    dialog = _sign_through_dialog(qtbot, records, session.id)
    warning = dialog.other_practitioner.text()
    assert not dialog.other_practitioner.isHidden()
    assert "This session's practitioner is J. Physio, not you (Ben Okafor, PT)" in warning
    signed = records.repo.session(session.id)
    assert signed.is_signed and signed.practitioner == "J. Physio"
    assert f"by {records.actor} (Ben Okafor, PT) on" in _pdf_text(records, session.id,
                                                                   tmp_path / "s.pdf")


def test_a_login_not_in_the_list_is_warned_of_on_a_session_whose_practitioner_has_one(
        qtbot, records, session, give_logins):
    give_logins(("J. Physio", "PT-1", "other.physio"))
    dialog = SignDialog(records, session.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert f"You sign as <b>{records.actor}</b>: the signature" in dialog.signer.text()
    assert "J. Physio, who signs in as other.physio, not " + records.actor \
        in dialog.other_practitioner.text()
    give_logins(("J. Physio", "PT-1", ""))  # a shared login: the list cannot tell
    again = SignDialog(records, session.id)
    qtbot.addWidget(again)
    again.show()
    assert again.other_practitioner.isHidden()


def test_what_was_signed_before_reads_as_it_was(qtbot, records, session, give_logins,
                                                tmp_path):
    """A session signed before the list gave its login to anyone: its record, hash, audit
    check and PDF are the same once the list names the login; and a session signed as Ben
    still names Ben once the list gives that login to someone else."""
    records.sign_session(session.id)
    before = records.repo.session(session.id)
    pdf_before = _pdf_text(records, session.id, tmp_path / "before.pdf")
    assert f"Signed electronically by {records.actor} on" in pdf_before
    give_logins((BEN, "PT-2", records.actor))
    assert records.repo.session(session.id) == before
    assert session_problems(records.db.conn, session.id) == []
    assert _pdf_text(records, session.id, tmp_path / "after.pdf") == pdf_before

    later = records.start_session(session.patient_id, practitioner=BEN)
    records.sign_session(later.id)
    give_logins((BEN, "PT-2", ""), ("Dana Roy", "PT-3", records.actor))  # the login passed on
    text = _pdf_text(records, later.id, tmp_path / "later.pdf")
    assert f"Signed electronically by {records.actor} (Ben Okafor, PT) on" in text
    assert "Dana Roy" not in text


def test_a_signed_session_leaving_the_clinic_names_its_signer_as_its_pdf_does(
        qapp, records, patient, give_logins, tmp_path):
    """The export names the person beside the login; a FHIR reader sees the person as the
    signature's author; imported into another clinic's records its PDF names them as the
    first clinic's did, taken from the file's checked audit trail, not from what the file's
    visit says of itself."""
    from imsmap.services.context import open_records
    from imsmap.services.export import dumps, export_document
    from imsmap.services.fhir.bundle import fhir_bundle
    from imsmap.services.importer import import_document

    give_logins((BEN, "PT-2", records.actor))
    mine = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                 practitioner=BEN)
    records.sign_session(mine.id)
    unnamed = records.start_session(patient.id, started_at=datetime(2026, 11, 27, 9, 30))
    doc = export_document(records)
    visits = {v["id"]: v for p in doc["patients"] for v in p["visits"]}
    assert visits[mine.id]["signed_by_name"] == BEN
    assert visits[unnamed.id]["signed_by_name"] is None  # a draft: no signer

    bundle = fhir_bundle(records, session_ids=[mine.id])
    signing = next(e["resource"] for e in bundle["entry"]
                   if e["resource"]["resourceType"] == "Provenance"
                   and e["resource"]["agent"][0]["type"]["coding"][0]["code"] == "legal")
    assert signing["agent"][0]["who"]["display"] == BEN
    assert signing["agent"][0]["who"]["identifier"]["value"] == records.actor

    visits[mine.id]["signed_by_name"] = "Mallory Forged"  # the file's word is not the proof
    other = open_records(tmp_path / "other.sqlite3", actor="reception")
    try:
        import_document(other, json.loads(dumps(doc)))
        (imported,) = [s for s in other.repo.sessions_for_patient(
            other.repo.patient_by_chart_number(patient.chart_number).id) if s.is_signed]
        assert other.read.seal(imported.id).signer_name == BEN
        assert session_problems(other.db.conn, imported.id) == []
        text = _pdf_text(other, imported.id, tmp_path / "imported.pdf")
        assert f"Signed electronically by {records.actor} (Ben Okafor, PT) on" in text
        assert "Mallory" not in text
    finally:
        other.db.close()
