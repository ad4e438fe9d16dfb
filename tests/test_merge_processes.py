"""A merge made in one process while another window has the duplicate record open (one SQLite
file, two operating-system processes): the window, once it looks again (as it does when it
becomes the active window), opens the record kept, says so, lists the one history, and names
the duplicate's open session's record and the merge over it; nothing of either record was
rewritten."""

from __future__ import annotations

from test_patient_merges import split_course
from test_signing_processes import imsmap_check, python
from test_ui_support import close_windows, qt_settings, show_window  # noqa: F401 - fixture

MERGER = """
    import sys
    from imsmap.services import merging
    from imsmap.services.context import open_context
    context = open_context(sys.argv[1], actor="ben.physio", create=False)
    merging.merge_records(context.records, int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    context.close()
"""


def test_a_window_with_the_duplicate_open_follows_a_merge_made_elsewhere(
        qtbot, qt_settings, open_records_as, db_path):  # noqa: F811 - the fixture above
    context = open_records_as("anna.physio")
    records = context.records
    john, jon, visits = split_course(records)
    hashes = {s.id: s.content_hash for s in visits}
    window = show_window(qtbot, context, patient_id=jon.id, session_id=visits[1].id)
    try:
        assert len(window.overlay.history.sessions) == 2
        assert window.patient_merging.banner.isHidden()
        assert python(MERGER, db_path, john.id, jon.id, "Same person: DOB typo").wait(
            timeout=60) == 0
        assert window.refresh_all(force=False)  # what becoming the active window does
        assert window.patient.id == john.id
        assert "Smith, Jon (C-2002) was merged into Smith, John (C-2001) by ben.physio" in \
            window.statusBar().currentMessage()
        tree = window.patients.sessions
        assert tree.topLevelItemCount() == 4
        assert len(window.overlay.history.sessions) == 4
        assert len(window.history_bar.sessions) == 4
        # the duplicate's session stays open, and says whose record it was signed under
        assert window.session_id == visits[1].id
        banner = window.patient_merging.banner
        assert not banner.isHidden() and "Recorded under Smith, Jon (C-2002)" in banner.text()
        assert "ben.physio" in banner.text() and "Same person: DOB typo" in banner.text()
    finally:
        close_windows(qtbot, [window])
    assert {s.id: s.content_hash for s in records.read.sessions_for_patient(john.id)} == hashes
    imsmap_check(db_path)
