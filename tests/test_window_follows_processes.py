"""A window beside the active one, on the same file, follows what another process writes (one
SQLite file, two operating-system processes): the sites another window places, its signature,
a merge of the record it shows, seen within a few seconds without being clicked (ui.rereading's
`follow_others`), and said as the window says them when it reads them again."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from test_file_holds_processes import Holder
from test_merge_processes import MERGER
from test_patient_merges import split_course
from test_signing_processes import draft_with_a_site, imsmap_check, python
from test_ui_support import close_windows, qt_settings, show_window  # noqa: F401 - fixture


def another_window_active(qtbot) -> QWidget:
    """The clinician works in another window: this one is shown, not active."""
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(other.isActiveWindow)
    return other


def test_a_window_beside_the_active_one_follows_another_process_placing_and_signing(
        qtbot, qt_settings, open_records_as, db_path):  # noqa: F811 - the fixture above
    """The other process holds the draft (a second window: store.file_holds), so this one
    reads it only, and follows what is done there."""
    context = open_records_as("anna.physio")
    records = context.records
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    session_id = draft_with_a_site(records, patient.id, 9)
    holder = Holder(db_path, session_id)
    window = show_window(qtbot, context, patient_id=patient.id, session_id=session_id)
    try:
        assert holder.first == "mine"
        another_window_active(qtbot)
        assert not window.isActiveWindow() and len(window.edits.sites) == 1
        assert not window.session_panel.editable  # held by the other process
        assert holder.tell("place") == "mine"
        qtbot.waitUntil(lambda: len(window.edits.sites) == 2, timeout=6000)
        inspector = window.session_panel.sites.inspector
        window.edits.select_site(records.read.sites_for_session(session_id)[1].id)
        assert inspector.site is not None and not inspector.editable
        assert holder.tell("sign") == "done"  # signed: a signed session is held by nobody
        qtbot.waitUntil(lambda: "by ben.physio: read-only" in
                        window.session_panel.status.text(), timeout=6000)
        assert not window.session_panel.editable
        assert not window.menus.act_sign.isEnabled()
        # nobody holds a signed session: let go there, not taken here
        assert window.live.banner.isHidden() and not window.live.editable
        assert "can be edited here now" not in window.statusBar().currentMessage()
        assert inspector.site is not None and not inspector.editable
    finally:
        holder.close()
        close_windows(qtbot, [window])
    imsmap_check(db_path)


def test_a_window_beside_the_active_one_follows_a_merge_of_its_record(
        qtbot, qt_settings, open_records_as, db_path):  # noqa: F811 - the fixture above
    context = open_records_as("anna.physio")
    john, jon, visits = split_course(context.records)
    window = show_window(qtbot, context, patient_id=jon.id, session_id=visits[1].id)
    try:
        another_window_active(qtbot)
        assert python(MERGER, db_path, john.id, jon.id, "Same person: DOB typo").wait(
            timeout=60) == 0
        qtbot.waitUntil(lambda: window.patient.id == john.id, timeout=6000)
        assert "was merged into Smith, John (C-2001) by ben.physio" in \
            window.statusBar().currentMessage()
        assert not window.patient_merging.banner.isHidden()
    finally:
        close_windows(qtbot, [window])
    imsmap_check(db_path)
