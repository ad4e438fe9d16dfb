"""French typography in the window's note fields: a no-break space (before « : », inside « »)
or a line separator in a note is the record's own text, not something the user typed.

QPlainTextEdit.toPlainText() gives a no-break space back as a plain one. The window read the
notes that way, so opening a draft and leaving it rewrote its notes (an entry in the audit
trail no one made), and a signed session's notes looked like words typed and never saved."""

from __future__ import annotations

from datetime import datetime

import pytest

from imsmap.ui.plain_text import field_text
from support import spot
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

pytestmark = pytest.mark.both_backends

FRENCH = ("Préhensions fortes ou modérées\u00a0: 0; «\u00a0mieux\u00a0»\n"
          "Revoir dans une semaine\u2028si la douleur revient")


def _audit(records, session_id):
    return [(e.action, e.entity) for e in records.audit_entries(session_id)]


def test_a_draft_whose_notes_hold_french_spaces_is_not_rewritten_by_opening_it(
        qtbot, make_window, records, session):
    records.update_session(session.id, notes=FRENCH)
    trail = _audit(records, session.id)
    window = make_window(patient_id=session.patient_id, session_id=session.id)
    assert window.session_panel.flush()
    window.session_panel.load(None)
    window.close()
    assert records.repo.session(session.id).notes == FRENCH
    assert _audit(records, session.id) == trail


def test_a_site_note_with_french_spaces_is_not_rewritten_by_visiting_it(
        qtbot, make_window, records, session):
    view, x, y, muscle, side = spot(records.atlas)
    site = records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=1,
                            notes=FRENCH)
    trail = _audit(records, session.id)
    window = make_window(patient_id=session.patient_id, session_id=session.id)
    window.edits.select_site(site.id)
    notes = window.site_table.inspector.notes
    notes.setFocus()
    window.session_panel.complaint.setFocus()  # leaving the note saves what was typed in it
    window.site_table.inspector.save_notes()
    window.close()
    assert records.repo.site(site.id).notes == FRENCH
    assert _audit(records, session.id) == trail


def test_signed_sessions_with_french_notes_open_one_after_another_filled_and_quiet(
        qtbot, make_window, records, session):
    # The set-aside of words a room can no longer save (tests/server) took these notes for
    # typed text: each switch put them in the notice and kept the fields of the session left.
    records.update_session(session.id, notes=FRENCH)
    records.sign_session(session.id)
    later = records.start_session(session.patient_id, started_at=datetime(2026, 11, 27, 9, 30),
                                  practitioner="J. Physio", complaint="Douleur\u00a0: L5",
                                  notes=FRENCH + " (2)")
    records.sign_session(later.id)
    window = make_window(patient_id=session.patient_id, session_id=session.id)
    panel = window.session_panel
    for shown in (later, session, later):
        window.patients.select_session(shown.id)
        qtbot.wait(5)
        assert panel.session.id == shown.id
        assert panel.complaint.text() == records.repo.session(shown.id).complaint
        assert field_text(panel.notes) == records.repo.session(shown.id).notes
        assert not panel.conflict.isVisible() and not panel.conflict.holds_text()
    assert panel.flush()
