"""A signed session's empty fields say "not recorded", never the example of what to type: the
signed consent tab's empty plan read « Plan, p. ex. revoir dans une semaine; étirements à
domicile », as grey as the tolerance recorded above it (French walk of 6 December)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from imsmap import i18n
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


@pytest.fixture(params=["en", "fr_CA"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


NONE = {"en": "none", "fr_CA": "aucun"}


def _painted(view) -> QImage:
    return view.viewport().grab().toImage()


def test_a_signed_sessions_empty_lists_say_none(make_window, records, session, language):
    """Its findings, adverse events and sites, none recorded: an empty white box read as a
    list not filled in; it says « aucun » as its empty fields say « non consigné »."""
    window = make_window(patient_id=session.patient_id, session_id=session.id)
    lists = (window.details.findings, window.details.events, window.session_panel.sites)
    for view in lists:  # a draft's empty list invites Add (or the chart): it says nothing
        assert view.model().rowCount() == 0 and view.empty_text == "", view
    drafts = [_painted(view) for view in lists]

    records.sign_session(session.id)

    for view, draft in zip(lists, drafts, strict=True):
        assert view.empty_text == NONE[language], view
        assert view.accessibleDescription() == NONE[language]  # a screen reader says it too
        assert _painted(view) != draft, view  # and it is painted where the rows would be
    window.session_panel.load(None)  # no session: nothing to say
    window.details.set_session(None)
    assert [view.empty_text for view in lists] == ["", "", ""]


def test_a_signed_sessions_list_with_entries_says_nothing_more(make_window, records, session):
    records.add_finding(session.id, "shortening", "L5", "L")
    records.sign_session(session.id)
    window = make_window(patient_id=session.patient_id, session_id=session.id)
    findings = window.details.findings
    assert findings.count() == 1 and findings.empty_text == "none"
    shown = _painted(findings)
    findings.set_empty_text("")
    assert _painted(findings) == shown  # not painted over its rows
