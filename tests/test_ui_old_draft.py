"""A draft left open over a weekend: opening the patient on Monday opens Friday's draft, and the
sites tapped then went into Friday's visit with nothing to say so. The draft's banner now says
which day it is from and that today's visit is a New session; a New session names the drafts
still not signed."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from test_ui_french import french  # noqa: F401 - fixture
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def test_a_draft_from_an_earlier_day_says_so_and_a_new_session_names_it(
        qtbot, make_window, records, patient):
    today = records.clock().replace(hour=9, minute=0, second=0)
    friday = records.start_session(patient.id, started_at=today - timedelta(days=3),
                                   practitioner="J. Physio")
    window = make_window(patient_id=patient.id, session_id=friday.id)
    panel = window.session_panel
    assert window.session_id == friday.id  # the patient opens on the draft left open
    text = panel.status.text()
    assert text == f"Draft of {friday.started_at:%Y-%m-%d}, 3 days ago, not signed", text
    assert "Today's visit is a New session" in panel.status.toolTip()
    assert "#fff1c2" in panel.status.styleSheet()

    qtbot.mouseClick(window.patients.new_session, Qt.MouseButton.LeftButton)
    newest = max(records.repo.sessions_for_patient(patient.id), key=lambda s: s.id)
    assert window.session_id == newest.id != friday.id
    assert panel.status.text() == "Draft – every change is saved as you make it."
    assert not panel.status.toolTip()
    assert "#fff1c2" not in panel.status.styleSheet()
    message = window.statusBar().currentMessage()
    assert message.endswith(
        f"1 earlier session still not signed: {friday.started_at:%Y-%m-%d %H:%M}."), message

    # Signed, Friday's session is read-only and says so, with no word of days.
    records.sign_session(friday.id)
    window.patients.select_session(friday.id)
    assert panel.status.text().startswith("Signed ")


def test_the_drafts_still_not_signed_are_counted_in_french(french, qtbot, make_window, records,
                                                          patient):
    """« 2 séances antérieures toujours non signées », as French counts them (it read
    « Toujours non signée(s) »)."""
    today = records.clock().replace(hour=9, minute=0, second=0)
    drafts = [records.start_session(patient.id, started_at=today - timedelta(days=days),
                                    practitioner="J. Physio") for days in (7, 3)]
    window = make_window(patient_id=patient.id, session_id=drafts[-1].id)
    qtbot.mouseClick(window.patients.new_session, Qt.MouseButton.LeftButton)
    when = ", ".join(f"{d.started_at:%Y-%m-%d %H}\u00a0h\u00a0{d.started_at:%M}"
                     for d in reversed(drafts))
    message = window.statusBar().currentMessage()
    assert message.endswith(
        f" 2 séances antérieures toujours non signées\u00a0: {when}."), message
