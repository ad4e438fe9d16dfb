"""A photo's caption changed and another photo removed by one process while a window in
another has the same draft open and edits something else of it, where two may write one draft
(its holds cannot be kept: `no_file_holds`; where they are, the second only reads:
tests/test_file_holds_processes.py). Nothing is lost: the window's own edit goes in beside the
other's, its view shows the other's caption and the removed photo gone once it reads the file
again, and a caption it typed from what it showed before is refused, not written over the
other's, with a sentence that says so."""

from __future__ import annotations

import sys
from datetime import datetime

import pytest

from photo_support import png_bytes, write
from support import spot
from test_signing_processes import imsmap_check, python
from test_ui_conflicts import _type as type_into
from test_ui_support import close_windows, qt_settings, show_window  # noqa: F401 - fixture

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")

# Ben's process: photo 1's caption changed, photo 2 taken off the draft.
OTHER = """
    import sys
    from imsmap.services.context import open_context
    from imsmap.services.photos import Photos
    records = open_context(sys.argv[1], actor="ben.physio", create=False).records
    Photos(records).set_caption(1, "Left knee, lateral, before needling")
    Photos(records).remove(2, confirmed=True)
    print("done", flush=True)
"""


@pytest.fixture
def draft(open_records_as, no_file_holds, tmp_path):
    """Anna's context on a draft (session 1, site 1) with photos 1 (of site 1) and 2."""
    from imsmap.services.photos import Photos

    context = open_records_as("anna.physio")
    records = context.records
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    session = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30))
    view, x, y, muscle, side = spot(records.atlas)
    site = records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
    photos = Photos(records)
    knee = photos.add_file(session.id, write(tmp_path / "knee.png", png_bytes(64, 48)),
                           "Left knee", site.id)
    hip = photos.add_file(session.id, write(tmp_path / "hip.png", png_bytes(48, 64)), "Hip")
    assert (session.id, site.id, knee.id, hip.id) == (1, 1, 1, 2)
    return context, patient.id


def other_process(db_path) -> None:
    done = python(OTHER, db_path, stdout=-1, stderr=-1)
    out, errors = done.communicate(timeout=120)
    assert done.returncode == 0 and out.strip() == "done", errors


def test_another_process_changes_a_caption_and_removes_a_photo_while_the_window_edits(
        qtbot, qt_settings, draft, db_path):  # noqa: F811 - the fixture above
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from imsmap.services.photos import Photos

    context, patient_id = draft
    records = context.records
    window = show_window(qtbot, context, patient_id=patient_id, session_id=1)
    try:
        strip = window.photo_strip
        assert strip.editable and strip.photo_ids() == [1, 2]
        viewer = strip.open_photo(1)  # Anna looks at photo 1, captioned "Left knee"
        qtbot.waitExposed(viewer)

        other_process(db_path)

        # Anna's window writes the session's notes: beside Ben's changes, none lost
        type_into(qtbot, window.session_panel.notes, "Tolerated well.")
        assert window.session_panel.save_notes()
        assert records.read.session(1).notes == "Tolerated well."
        assert [(p.id, p.caption) for p in Photos(records).for_session(1)] == \
            [(1, "Left knee, lateral, before needling")]
        # Her caption, typed over the one she was shown, is refused: Ben's stays
        viewer.caption.selectAll()
        qtbot.keyClicks(viewer.caption, "Knee")
        viewer.accept()
        assert [p.caption for p in Photos(records).for_session(1)] == \
            ["Left knee, lateral, before needling"]
        said = window.statusBar().currentMessage()
        assert "caption changed in another window or program" in said and "ben.physio" in said
        assert "not saved" in said
        # and what she typed is not lost: kept in the viewer's notice to copy, the viewer
        # open on Ben's caption until she dismisses it
        assert viewer.isVisible() and viewer.conflict.isVisible()
        assert viewer.caption.text() == "Left knee, lateral, before needling"
        assert viewer.conflict.text() == "Knee"
        assert "ben.physio" in viewer.conflict.sentence.text()
        qtbot.mouseClick(viewer.conflict.copy_button, Qt.MouseButton.LeftButton)
        assert QApplication.clipboard().text() == "Knee"
        viewer.accept()  # closed again: still kept, still open
        assert viewer.isVisible() and viewer.conflict.text() == "Knee"
        qtbot.mouseClick(viewer.conflict.dismiss_button, Qt.MouseButton.LeftButton)
        viewer.accept()
        qtbot.waitUntil(lambda: strip.viewer is None, timeout=5000)
        # and her window reads the file again: Ben's caption, photo 2 gone
        qtbot.waitUntil(lambda: strip.photo_ids() == [1], timeout=5000)
        assert "Left knee, lateral" in strip.list.item(0).toolTip()
        assert window.session_panel.notes.toPlainText() == "Tolerated well."
    finally:
        close_windows(qtbot, [window])
    imsmap_check(db_path)
