"""A window that ends while an amendment is being written (killed, crashed, the computer switched
off): the next window on the file says that it was not added, once (store.amending_marks).

Walk of 7 December: the window killed with the amendment dialog open (a reason, words and a
correction typed) started again without a word; the amendment was simply not there.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from imsmap.services.file_hold import left_behind
from imsmap.store.file_holds import folder_of
from imsmap.ui.record.sign_amend import AmendDialog
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def _signed(records, session):
    records.add_site(session.id, "posterior", 600, 1000, muscle_id="gluteus_medius", side="R",
                     grasp=1)
    records.sign_session(session.id)
    return records.read.session(session.id)


def _marks(db_path) -> list[str]:
    folder = folder_of(db_path)
    return sorted(p.name for p in folder.glob("amending-*")) if folder.is_dir() else []


def test_a_window_killed_mid_amendment_is_said_by_the_next_one(qtbot, make_window, records,
                                                                 session, db_path):
    signed = _signed(records, session)
    # Another window's process, its amendment dialog open (its mark held), killed with -9.
    other = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from imsmap.services.file_hold import AmendingMark
        with AmendingMark({str(db_path)!r}, {signed.id}):
            print("writing", flush=True)
            time.sleep(60)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "writing"
        assert len(_marks(db_path)) == 1
        assert left_behind(db_path) == []  # its window alive: not lost, left alone
        assert len(_marks(db_path)) == 1
    finally:
        os.kill(other.pid, signal.SIGKILL)
        other.wait()
        other.stdout.close()

    w = make_window()
    holds = w.record_changes.live
    qtbot.waitUntil(lambda: holds.lost_box is not None and holds.lost_box.isVisible())
    said = holds.lost_box.text() + " " + holds.lost_box.informativeText()
    assert "was not added" in said
    assert "Chart C-1001, session of 2026-11-20 09:30" in said
    assert "Nothing of what was typed in it was saved" in said
    assert _marks(db_path) == []
    # The signed session is as it was; the next window says nothing more.
    assert records.read.amendments(signed.id) == []
    assert records.read.session(signed.id).content_hash == signed.content_hash
    again = make_window()
    qtbot.wait(50)
    assert again.record_changes.live.lost_box is None


def test_the_amendment_dialog_is_marked_while_open_and_not_after(qtbot, make_window, records,
                                                                 session, db_path):
    signed = _signed(records, session)
    w = make_window(patient_id=signed.patient_id, session_id=signed.id)
    seen: dict[str, object] = {}

    def while_open():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AmendDialog):
            QTimer.singleShot(20, while_open)
            return
        seen["marks"] = _marks(db_path)
        seen["lost"] = left_behind(db_path)  # another window starting now: nothing lost
        dialog.reject()

    QTimer.singleShot(0, while_open)
    w.menus.act_amend.trigger()
    assert len(seen["marks"]) == 1 and seen["marks"][0].endswith(f"-{signed.id}.lock")
    assert seen["lost"] == []
    assert _marks(db_path) == []  # cancelled: the mark is gone, nothing to say later
    assert w.record_changes.live.lost_box is None
