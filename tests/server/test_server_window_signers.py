"""Who treated and who signed on a clinic server, where each person has a login of their own:
the administrator gives each practitioner their login in the clinic's list; Ben's window then
starts Ben's sessions (it started them as whoever last wrote a note on that computer), its sign
dialog names Ben, warns when the session is Anna's, and the PDF names Ben with his login."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pypdf
import pytest
from PySide6.QtCore import QPoint, Qt

from imsmap.report.session_pdf import write_session_pdf
from imsmap.services import clinic
from imsmap.services.context import open_server_context
from imsmap.ui.record.sign_amend import SignDialog
from imsmap.ui.window_settings import PRACTITIONER
from test_ui_french import french  # noqa: F401 - a fixture
from test_ui_support import close_windows, qt_settings, show_window  # noqa: F401 - a fixture

ANNA, BEN = "Anna Lee, PT", "Ben Okafor, PT"


@pytest.fixture
def clinic_of_two(people):
    """(Anna's context, Ben's context, patient id, Anna's earlier session), the clinic's list
    giving each their login (written by the administrator's login)."""
    admin = open_server_context(people["admin"][1])
    try:
        clinic.save(admin.records, replace(clinic.load(admin.records), practitioners=(
            clinic.Practitioner(ANNA, "PT-1", people["practitioner"][0]),
            clinic.Practitioner(BEN, "PT-2", people["practitioner2"][0]))))
    finally:
        admin.close()
    anna, ben = (open_server_context(people[k][1]) for k in ("practitioner", "practitioner2"))
    patient = anna.records.create_patient(chart_number="W-1", family_name="Martin")
    earlier = anna.records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 0),
                                         practitioner=ANNA, complaint="neck")
    yield anna, ben, patient.id, earlier
    anna.close()
    ben.close()


def _newest(records, patient_id: int):
    return max(records.read.sessions_for_patient(patient_id), key=lambda s: s.id)


def test_each_login_starts_its_own_practitioners_session_and_signs_as_that_person(
        qtbot, qt_settings, people, clinic_of_two, tmp_path):  # noqa: F811
    anna, ben, patient_id, earlier = clinic_of_two
    PRACTITIONER.write(ANNA)  # Anna last wrote a note on this computer
    windows = [show_window(qtbot, context, patient_id=patient_id) for context in (ben, anna)]
    try:
        ben_window, anna_window = windows
        ben_window.menus.act_new_session.trigger()
        bens = _newest(ben.records, patient_id)
        assert bens.practitioner == BEN  # it was Anna's name, from this computer
        assert ben_window.session_panel.practitioner.text() == BEN
        anna_window.menus.act_new_session.trigger()
        assert _newest(anna.records, patient_id).practitioner == ANNA

        ben_login = people["practitioner2"][0]
        own = SignDialog(ben.records, bens.id)
        qtbot.addWidget(own)
        own.show()
        assert f"You sign as <b>{ben_login}</b> ({BEN})" in own.signer.text()
        assert own.other_practitioner.isHidden()

        # Ben covers for Anna: warned, and able to sign
        covering = SignDialog(ben.records, earlier.id)
        qtbot.addWidget(covering)
        covering.show()
        assert f"This session's practitioner is {ANNA}, not you ({BEN})" \
            in covering.other_practitioner.text()
        qtbot.mouseClick(covering.confirm, Qt.MouseButton.LeftButton,
                         pos=QPoint(8, covering.confirm.height() // 2))
        qtbot.mouseClick(covering.sign_button, Qt.MouseButton.LeftButton)
        signed = ben.records.read.session(earlier.id)
        assert signed.is_signed and signed.signed_by == ben_login and signed.practitioner == ANNA
        out = write_session_pdf(anna.records, earlier.id, tmp_path / "s.pdf",
                                generated=datetime(2026, 12, 1, 12, 0, tzinfo=UTC),
                                language="en")
        text = " ".join(" ".join((p.extract_text() or "").split())
                        for p in pypdf.PdfReader(out).pages)
        assert f"Signed electronically by {ben_login} ({BEN}) on" in text
        assert "INTEGRITY WARNING" not in text
    finally:
        close_windows(qtbot, windows)


def test_a_sign_refused_by_a_lost_server_leaves_every_open_item_in_view(
        qtbot, people, pg_server, french):  # noqa: F811
    """Signing while the server is out of reach (a room's network drops mid-sign): the dialog
    stays open with the refusal above its buttons, three lines in French, and the list of
    items still open stays whole. The refusal took its room from that list (Qt does not grow
    a shown window for wrapped words): « La douleur après le traitement … » and « Le
    praticien n'est pas consigné » were cut off the list the clinician was signing over."""
    login, dsn = people["practitioner"]
    context = open_server_context(dsn)
    try:
        records = context.records
        patient = records.create_patient(chart_number="S-1", family_name="Roy")
        draft = records.start_session(patient.id)
        dialog = SignDialog(records, draft.id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton,
                         pos=QPoint(8, dialog.confirm.height() // 2))
        pg_server.stop("fast")  # the room's network drops, mid-sign
        try:
            qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
            assert dialog.isVisible() and dialog.error.text()
        finally:
            pg_server.start()
        assert not records.read.session(draft.id).is_signed
        checks = dialog.checks_label
        qtbot.waitUntil(lambda: checks.height() >= checks.heightForWidth(checks.width()))
        assert dialog.error.height() >= dialog.error.heightForWidth(dialog.error.width())
    finally:
        context.close()
