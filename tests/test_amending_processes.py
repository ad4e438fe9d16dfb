"""Two windows amending the same signed session at once, in two operating-system processes: every
amendment lands with its corrections, in one order, each correction's value before being the
value the one before it left; nothing is lost and the file checks whole."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest
from PySide6.QtCore import Qt

from imsmap.services.checks import full_check
from support import open_clinic, spot
from test_signing_processes import imsmap_check, python
from test_ui_support import qt_settings  # noqa: F401 - fixture

AMENDS = """
    import sys
    from imsmap.services.context import open_context
    path, session_id, site_id, actor = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    context = open_context(path, actor=actor, create=False)
    for n in range(12):
        # each process corrects its own site's grade, 0 and 1 in turn, and the shared cramp
        context.records.amend_session(session_id, f"{actor} {n}", "",
                                      [(site_id, "grasp", n % 2)])
    context.close()
"""


def test_two_processes_amending_one_session_both_land_in_order(db_path):
    records = open_clinic(db_path)
    try:
        patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
        session = records.start_session(patient.id)
        sites = []
        for n in range(2):
            view, x, y, muscle, side = spot(records.atlas, n * 5)
            sites.append(records.add_site(session.id, view, x, y, muscle_id=muscle, side=side,
                                          grasp=3))
        records.sign_session(session.id)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        procs = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(AMENDS), str(db_path),
                                   str(session.id), str(site.id), actor], env=env, text=True,
                                  stderr=subprocess.PIPE)
                 for site, actor in zip(sites, ("anna", "ben"))]
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
        amendments = records.read.amendments(session.id)
        assert len(amendments) == 24
        corrections = records.read.site_corrections([session.id])[session.id]
        assert len(corrections) == 24
        for site in sites:
            mine = [c for c in corrections if c.site_id == site.id]
            # in amendment order, each one's old value is the one its predecessor left
            assert [c.old for c in mine] == [3] + [c.new for c in mine[:-1]]
            assert [c.new for c in mine] == [n % 2 for n in range(12)]
        assert [s.grasp for s in records.read.effective_sites_for_session(session.id)] == [1, 1]
        assert full_check(records).ok
    finally:
        records.db.close()


# -- one window's amend dialog is up while another process amends the same site ----------------
OTHER_ROOM = """
    import sys
    from imsmap.services.context import open_context
    context = open_context(sys.argv[1], actor="ben.physio", create=False)
    context.records.amend_session(int(sys.argv[2]), "Graded on the paper sheet", "",
                                  [(int(sys.argv[3]), "grasp", 1)])
    context.close()
"""


@pytest.fixture
def toronto_time():
    """Call it to put this process on Toronto's time (a POSIX rule: no tz database needed);
    the time zone the process had comes back after the test."""
    before = os.environ.get("TZ")

    def switch() -> None:
        os.environ["TZ"] = "EST5EDT,M3.2.0,M11.1.0"
        time.tzset()

    yield switch
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_an_amendment_begun_before_another_process_corrected_the_site_is_refused_then_redone(
        qtbot, qt_settings, open_records_as, db_path, toronto_time):  # noqa: F811 - the fixture
    from imsmap.ui.record.amend_dialog import AmendDialog

    records = open_records_as("anna.physio").records
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    session = records.start_session(patient.id)
    view, x, y, muscle, side = spot(records.atlas, 0)
    site = records.add_site(session.id, view, x, y, muscle_id=muscle, side=side)  # ungraded
    records.sign_session(session.id)
    dialog = AmendDialog(records, session.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason.setText("Grade not recorded")
    dialog.value_box.setCurrentIndex(dialog.value_box.findData(2))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.pending_list.item(0).text().startswith("Site 1: not graded → 2")
    # Meanwhile Ben, in another process, grades the same site 1 by an amendment of his own.
    assert python(OTHER_ROOM, db_path, session.id, site.id).wait(timeout=60) == 0
    # Anna's computer keeps Toronto's time; Ben's process wrote its time in UTC (as a clinic
    # server does): the refusal says when in Anna's time (a POSIX rule: no tz database needed).
    toronto_time()
    bens = records.read.amendments(session.id)[0].created_at
    assert bens.utcoffset().total_seconds() == 0

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # Refused: Anna chose "2" over "not graded", not over Ben's 1, which she never saw.
    assert dialog.amendment is None and dialog.isVisible()
    assert f"corrected site 1's grasp (by ben.physio at {bens.astimezone():%Y-%m-%d %H:%M})" \
        in dialog.error.text()
    assert "nothing was overwritten" in dialog.error.text()
    assert len(records.read.amendments(session.id)) == 1
    # The dialog now starts her correction from Ben's value; added again, it lands over it.
    assert dialog.pending_list.item(0).text().startswith("Site 1: 1 ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.amendment is not None
    corrections = records.read.site_corrections([session.id])[session.id]
    assert [(c.created_by, c.old, c.new) for c in corrections] == [
        ("ben.physio", None, 1), ("anna.physio", 1, 2)]
    imsmap_check(db_path)
