"""The system ends the window (ui.ending_signals): SIGTERM (a logout, a shutdown, `kill PID`,
systemd stopping the session) and SIGHUP (the terminal closed) close it as File > Quit does,
without a question, and the program exits 0 with nothing left behind: no hold beside the
database, the notes being typed saved, the window's settings saved. A second signal while it
closes ends it at once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from imsmap.services import lock
from imsmap.store.file_holds import folder_of
from imsmap.ui import ending_signals
from support import spot
from test_signing_processes import imsmap_check
from test_ui_support import close_windows, qt_settings, show_window  # noqa: F401 - fixture

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX's signals")

WINDOW_APP = Path(__file__).parent / "helpers" / "window_app.py"


def clinic_with_a_draft(db: Path) -> tuple[int, int]:
    from imsmap.services.context import open_context

    context = open_context(db, actor="anna.physio")
    try:
        records = context.records
        patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
        session = records.start_session(patient.id, started_at=datetime(2026, 12, 5, 9, 30))
        view, x, y, muscle, side = spot(records.atlas, 3)
        records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        return patient.id, session.id
    finally:
        context.close()


def notes(db: Path) -> tuple[str, str]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return (conn.execute("SELECT notes FROM sessions").fetchone()[0],
                conn.execute("SELECT notes FROM sites").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_the_real_window_closes_at_a_signal_as_quit_does(tmp_path, signum):
    db = tmp_path / "clinic.sqlite3"
    patient_id, session_id = clinic_with_a_draft(db)
    home = tmp_path / "home"  # the window's settings, log and backups: this test's own
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / "data")}
    env.pop("IMSMAP_DATA_DIR", None)
    window = subprocess.Popen(
        [sys.executable, str(WINDOW_APP), str(db), str(patient_id), str(session_id),
         "tolerated well, plan L5", "strong grasp, cramp"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert window.stdout is not None
        line = window.stdout.readline().strip()
        assert line == "typed", window.stderr.read() if window.stderr else line
        # mid-session: the draft held, the notes typed and not yet saved (a pause after the
        # last key saves them)
        assert [p.name for p in folder_of(db).iterdir()] == [f"session-{session_id}.lock"]
        assert notes(db) == ("", "")
        window.send_signal(signum)
        _, err = window.communicate(timeout=60)
        status = window.returncode
    finally:
        if window.poll() is None:
            window.kill()
            window.communicate(timeout=30)
        for pipe in (window.stdout, window.stderr):
            if pipe is not None:
                pipe.close()
    assert status == 0, err  # without a handler: -15 / -1, killed past the close path
    assert "Traceback" not in err
    assert notes(db) == ("tolerated well, plan L5", "strong grasp, cramp")  # nothing typed lost
    assert list(folder_of(db).iterdir()) == []  # the hold let go, its file gone
    assert (home / ".config" / "imsmap" / "imsmap.conf").exists()  # the settings saved
    log = (home / "data" / "imsmap" / "logs" / "imsmap.log").read_text()
    assert f"{signum.name}: closing the window as Quit does" in log
    assert "window closed (exit status 0)" in log
    imsmap_check(db)


def test_a_locked_window_with_a_question_open_closes_at_a_signal(qtbot, qt_settings, context):  # noqa: F811
    records = context.records
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    session = records.start_session(patient.id)
    lock.save(records, pin="1357", idle_minutes=0)
    window = show_window(qtbot, context, patient_id=patient.id, session_id=session.id)
    try:
        window.session_panel.notes.insertPlainText("typed before the lock")
        assert window.screen_lock.lock() and window.locked
        window.close()
        assert window.isVisible()  # Quit leaves a locked window alone
        asked: list[str] = []

        def ask() -> None:  # a question open over the window when the system ends it
            box = QMessageBox(QMessageBox.Icon.Question, "A question", "Go on?",
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                              window)
            QTimer.singleShot(0, lambda: os.kill(os.getpid(), signal.SIGTERM))
            QTimer.singleShot(8000, box, box.reject)  # a test that fails, not one that hangs
            asked.append(str(box.exec()))

        with ending_signals.ending(window.close_at_signal):
            QTimer.singleShot(0, ask)
            qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
        assert len(asked) == 1  # the question's own exec returned, as if cancelled
        assert QApplication.activeModalWidget() is None
        assert records.read.session(session.id).notes == "typed before the lock"
        assert list(folder_of(records.read.path).iterdir()) == []  # the hold let go
    finally:
        close_windows(qtbot, [window])


def test_a_second_signal_while_closing_ends_at_once(qtbot):
    ended: list[int] = []
    exited: list[int] = []

    def end(signum: int) -> None:  # the close path, still running when the second one comes
        ended.append(signum)
        os.kill(os.getpid(), signal.SIGTERM)

    before = signal.getsignal(signal.SIGTERM)
    signals = ending_signals.EndingSignals(end, exit_now=exited.append)
    signals.install()
    try:
        os.kill(os.getpid(), signal.SIGHUP)
        qtbot.waitUntil(lambda: bool(exited), timeout=5000)
    finally:
        signals.uninstall()
    assert ended == [signal.SIGHUP] and exited == [signal.SIGTERM]
    assert signal.getsignal(signal.SIGTERM) is before  # as it was before


def test_two_signals_before_the_window_hears_the_first_end_at_once(qtbot):
    ended: list[int] = []
    exited: list[int] = []
    signals = ending_signals.EndingSignals(ended.append, exit_now=exited.append)
    signals.install()
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: bool(exited), timeout=5000)
    finally:
        signals.uninstall()
    assert ended == [signal.SIGTERM] and exited == [signal.SIGTERM]
