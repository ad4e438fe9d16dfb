"""A signed session's empty fields say "not recorded", never the example of what to type: the
signed consent tab's empty plan read « Plan, p. ex. revoir dans une semaine; étirements à
domicile », as grey as the tolerance recorded above it (French walk of 6 December)."""

from __future__ import annotations

from test_ui_support import (  # noqa: F401 - fixtures
    make_window,
    qt_settings,
)


def test_a_draft_shows_examples_and_a_signed_session_not_recorded(make_window, records,
                                                                   session):
    records.update_session(session.id, complaint="")
    window = make_window(patient_id=session.patient_id, session_id=session.id)
    panel, details = window.session_panel, window.details
    assert panel.complaint.text() == "" and details.plan.toPlainText() == ""
    assert panel.complaint.placeholderText().startswith("e.g.")
    assert details.plan.placeholderText().startswith("Plan, e.g.")
    assert details.tolerance.placeholderText() == "How the patient tolerated the treatment"

    records.sign_session(session.id)

    assert not details.plan.isEnabled() and panel.complaint.isReadOnly()
    for field in (panel.complaint, panel.notes, details.tolerance, details.plan):
        assert field.placeholderText() == "not recorded", field
