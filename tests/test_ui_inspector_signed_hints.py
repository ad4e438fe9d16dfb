"""The site inspector of a signed session with no site selected showed the draft's grey hints
(« Tapez pour changer de muscle… », "notes on this insertion") in its greyed fields, inviting to
edit a locked record (walk of 6 December, 960 x 540). It now says that the session is signed and
read-only, how to read a site and how to correct one (an amendment); its fields show no example
to type; a signed site's empty notes say "not recorded", as the session's empty fields do. In
French and English, through the real window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QToolButton
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from support import site_on

SMALL = (960, 540)


@pytest.fixture(params=["fr_CA", "en"])
def language(request):
    if request.param == "fr_CA":
        request.getfixturevalue("french")
    return request.param


def open_session(make_window, qtbot, session):
    w = make_window()
    w.resize(*SMALL)
    qtbot.wait(20)
    w.patients.select_patient(session.patient_id)
    w.patients.select_session(session.id)
    qtbot.wait(20)
    w.edits.select_site(None)
    qtbot.wait(20)
    return w, w.site_table.inspector


def said_whole(label) -> bool:
    return label.isVisible() and label.heightForWidth(label.width()) <= label.height()


def test_a_draft_keeps_its_hints(language, make_window, qtbot, records, session):
    site_on(records, session, "deltoid_anterior")
    w, inspector = open_session(make_window, qtbot, session)
    assert inspector.site is None
    assert inspector.header.text() == ("Aucun point sélectionné\u00a0: touchez un repère ou une "
                                       "ligne" if language == "fr_CA"
                                       else "No site selected: tap a marker or a row")
    assert inspector.muscle.placeholderText() == inspector.muscle_example != ""
    assert inspector.notes.placeholderText() == inspector.notes_example != ""


def test_a_signed_session_says_it_is_read_only(language, make_window, qtbot, records, session):
    site = site_on(records, session, "deltoid_anterior")
    records.update_session(session.id, pain_before=5, consent=True)
    w, inspector = open_session(make_window, qtbot, session)
    # signed while open in the window: the inspector hears it through the session's panel
    records.sign_session(session.id)
    qtbot.waitUntil(lambda: not w.session_panel.editable)
    qtbot.wait(20)
    assert inspector.site is None
    header = inspector.header.text()
    if language == "fr_CA":
        assert header.startswith("Signée, lecture seule\u00a0:")
        assert "Séance > Ajouter un addenda…" in header
    else:
        assert header.startswith("Signed, read-only:")
        assert "Session > Add amendment…" in header
    assert "Type to change" not in header and "Tapez" not in header
    assert said_whole(inspector.header), (inspector.header.size(),
                                          inspector.header.heightForWidth(inspector.header.width()))
    # the fields show no example to type, and none of them takes any
    assert inspector.muscle.placeholderText() == ""
    assert inspector.notes.placeholderText() == ""
    assert not any(field.isEnabled() for field in inspector.inputs)
    # the menu's words it names are the menu's own
    menu_words = w.menus.act_amend.text().replace("&", "")
    assert menu_words in header.replace("&", "")

    # a site chosen: its header says it is signed; its empty notes, "not recorded"
    w.edits.select_site(site.id)
    qtbot.waitUntil(lambda: inspector.site is not None)
    assert inspector.muscle.text() != "" and inspector.muscle.placeholderText() == ""
    assert inspector.notes.toPlainText() == ""
    assert inspector.notes.placeholderText() == ("non consignées" if language == "fr_CA"
                                                 else "not recorded")
    assert not any(field.isEnabled() for field in inspector.inputs)
    # and nothing selected again: the signed session's sentence again
    w.edits.select_site(None)
    qtbot.waitUntil(lambda: inspector.site is None)
    assert inspector.header.text() == header


def test_a_read_only_database_says_so_without_the_amendment(language, make_window, qtbot,
                                                            records, session):
    site_on(records, session, "deltoid_anterior")
    w, inspector = open_session(make_window, qtbot, session)
    inspector.set_open_session(locked=True, signed=False)
    assert inspector.header.text() == (
        "Lecture seule\u00a0: touchez un repère ou une ligne pour lire son point."
        if language == "fr_CA" else "Read-only: tap a marker or a row to read its site.")
    assert inspector.muscle.placeholderText() == inspector.notes.placeholderText() == ""
    # unlocked again (the draft it is): the hints again
    inspector.set_open_session(locked=False, signed=False)
    assert inspector.muscle.placeholderText() == inspector.muscle_example


def clear_buttons(box) -> list:
    """The line edit's × buttons showing (Qt's clear button is a tool button of its own)."""
    return [b for b in box.findChildren(QToolButton) if b.isVisible()]


def test_a_signed_sites_muscle_shows_no_clear_button(make_window, qtbot, records, session):
    """A signed site's muscle box was greyed but kept its ×, drawn as a live button beside
    the name of a muscle nothing here may change (walk of 7 December, /tmp/cday/23.png): a
    tap on it did nothing. A draft's site keeps it, its muscle changed by typing."""
    site = site_on(records, session, "deltoid_anterior")
    w, inspector = open_session(make_window, qtbot, session)
    w.edits.select_site(site.id)
    qtbot.waitUntil(lambda: inspector.site is not None)
    assert inspector.editable and clear_buttons(inspector.muscle)
    records.sign_session(session.id)
    qtbot.waitUntil(lambda: not w.session_panel.editable)
    w.edits.select_site(site.id)
    qtbot.waitUntil(lambda: inspector.site is not None and not inspector.editable)
    assert inspector.muscle.text() != ""
    assert not clear_buttons(inspector.muscle)
