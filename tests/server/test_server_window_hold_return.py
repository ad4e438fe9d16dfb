"""The walk of 4 December, with real windows on a real server stopped and started again: Ben's
room (a real imsmap process) holds a draft, Anna's window has it open read-only; the server
stops while Ben's room is frozen (so Anna's room is certainly back first, as in the walk). Before
schema 5 Anna's room took the session when it connected again, without anyone choosing it. Now
it is told who had the session and until when, and reads only; Ben's room, back, has it again.
Anna may still take it over (asked), and Ben's room is told when it is back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import pytest
from live_support import make_people, one
from PySide6.QtCore import Qt

from imsmap.services.context import open_server_context
from imsmap.store.postgres import schema
from test_ui_support import (  # noqa: F401 - qt_settings: a fixture
    answer_boxes,
    close_windows,
    qt_settings,
    show_window,
)

WAIT_MS = 30000  # a restarted server, and rooms connecting again every 0.2 to 2 s

# Ben's room: a real window holding the session; it says whether it may edit, and what its
# status bar says, each time that changes, and types in the session's notes when told to (a
# line in the file argv[4]).
ROOM_PROCESS = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from imsmap.ui.app import make_application
from imsmap.ui.main_window import MainWindow
from imsmap.ui.window_settings import ROOM
from imsmap.services.context import open_server_context

app = make_application()
ROOM.write("Room 1")
context = open_server_context(sys.argv[1])
window = MainWindow(context)
window.show()
window.build_rest()
window.patients.select_patient(int(sys.argv[2]))
window.patients.select_session(int(sys.argv[3]))
window.live.banner.editable_changed.connect(lambda e: print("editable", e, flush=True))
window.statusBar().messageChanged.connect(lambda m: print("said", m, flush=True))
print("editable", window.live.editable, flush=True)

def look():
    if os.path.exists(sys.argv[4]):
        with open(sys.argv[4], encoding="utf-8") as told:
            words = told.read()
        os.remove(sys.argv[4])
        window.session_panel.notes.setFocus()
        QTest.keyClicks(window.session_panel.notes, words)
        print("typed", flush=True)

timer = QTimer()
timer.timeout.connect(look)
timer.start(100)
app.exec()
"""


class Room1:
    """Ben's room's process and what it said, read on a thread."""

    def __init__(self, dsn: str, patient_id: int, session_id: int, home):
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
               "XDG_CONFIG_HOME": str(home / "room1-config"),
               "IMSMAP_DATA_DIR": str(home / "room1-data")}
        self.told = home / "room1-type.txt"
        self.proc = subprocess.Popen([sys.executable, "-c", ROOM_PROCESS, dsn, str(patient_id),
                                      str(session_id), str(self.told)], stdout=subprocess.PIPE,
                                     text=True, env=env)
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def type(self, words: str) -> None:
        part = self.told.with_suffix(".part")
        part.write_text(words, encoding="utf-8")
        part.rename(self.told)

    def said(self, text: str) -> bool:
        return any(text in line for line in self.lines)

    def end(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)
            self.proc.kill()
        self.proc.wait(10)
        self.reader.join(5)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


@pytest.fixture(scope="module")
def own_server():
    """A server of this module's own, which its tests stop and start."""
    from pg_support import serve

    yield from serve(pytest.fail, pytest.skip)


def running(server) -> None:
    if server.run("pg_ctl", "status", "-D", str(server.datadir), check=False).returncode != 0:
        server.start()


@pytest.fixture
def walk(own_server, qtbot, qt_settings, tmp_path):  # noqa: F811 - the fixture imported above
    """Ben's room holding a draft; Anna's window on it, read-only. (server, superuser's DSN,
    Ben's login, Ben's room, Anna's window)"""
    from imsmap.ui.window_settings import ROOM

    running(own_server)
    dsn = own_server.dsn(own_server.new_database())
    schema.init(dsn)
    people = make_people(own_server, dsn)
    (ben, ben_dsn), anna_dsn = people["practitioner"], people["practitioner2"][1]
    setup = open_server_context(ben_dsn)
    try:
        patient = setup.records.create_patient(chart_number="W-1", family_name="Okafor")
        session = setup.records.start_session(patient.id)
    finally:
        setup.close()
    room1 = Room1(ben_dsn, patient.id, session.id, tmp_path)
    context = None
    windows = []
    try:
        qtbot.waitUntil(lambda: "editable True" in room1.lines, timeout=WAIT_MS)
        ROOM.write("Room 2")
        context = open_server_context(anna_dsn)
        windows.append(show_window(qtbot, context, patient_id=patient.id,
                                   session_id=session.id))
        anna = windows[0]
        assert not anna.live.editable and "Room 1" in anna.live.banner.label.text()
        yield own_server, dsn, ben, room1, anna
    finally:
        room1.end()
        running(own_server)
        close_windows(qtbot, windows)
        if context is not None:
            context.close()


def _restart_while_frozen(server, room1: Room1) -> None:
    """The server stops and starts while Ben's room cannot run: Anna's room is back first."""
    room1.proc.send_signal(signal.SIGSTOP)
    server.stop("fast")
    server.start()


def _back_and_told(qtbot, anna, ben: str) -> None:
    """Anna's room is connected again and has asked (and looked again, every second): the
    session is not hers (before schema 5 it was, without anyone choosing it), and the banner
    says whose it was and until when it is kept for that room."""
    qtbot.waitUntil(lambda: not anna.live.reconnecting, timeout=WAIT_MS)
    qtbot.wait(2500)
    assert not anna.live.editable and not anna.session_panel.editable
    assert anna.live.banner.isVisible()
    text = anna.live.banner.label.text()
    assert "when the clinic server went away" in text, text
    assert ben in text and "Room 1" in text and "kept for that room until" in text


def _takeovers(dsn: str) -> int:
    return one(dsn, "SELECT count(*) FROM imsmap.audit WHERE action = 'take_over'")[0]


def test_the_room_that_held_the_draft_gets_it_back_after_a_restart(qtbot, walk):
    server, dsn, ben, room1, anna = walk
    _restart_while_frozen(server, room1)
    _back_and_told(qtbot, anna, ben)
    room1.proc.send_signal(signal.SIGCONT)
    # Ben's room connects again and holds the session again: Anna's room hears of it and
    # shows his live hold.
    qtbot.waitUntil(lambda: "has this session open in Room 1"
                    in anna.live.banner.label.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: room1.said("Connected to the clinic server again"),
                    timeout=WAIT_MS)
    assert not room1.said("editable False"), room1.lines
    assert not anna.live.editable
    assert _takeovers(dsn) == 0


def test_anna_may_take_the_kept_draft_over_and_bens_room_is_told(qtbot, walk):
    server, dsn, ben, room1, anna = walk
    _restart_while_frozen(server, room1)
    _back_and_told(qtbot, anna, ben)
    seen: list[str] = []
    timer = answer_boxes(["Take over"], seen)
    qtbot.mouseClick(anna.live.banner.take_button, Qt.MouseButton.LeftButton)
    timer.stop()
    assert seen and ben in seen[0] and "Room 1" in seen[0]
    assert anna.live.editable and anna.live.banner.isHidden()
    assert _takeovers(dsn) == 1
    room1.proc.send_signal(signal.SIGCONT)
    qtbot.waitUntil(lambda: "editable False" in room1.lines, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: room1.said("took this session over in Room 2"), timeout=WAIT_MS)
    assert anna.live.editable


def test_words_ben_typed_while_the_server_was_away_are_saved_once_his_room_is_back(qtbot,
                                                                                 walk):
    """The walk itself: Ben types while the server is stopped (his typing pause ends with the
    server away: nothing can be saved); Anna's room is back first; Ben's room, back, has the
    session again and saves his words, which then reach Anna's window. Before, Anna's room got
    the session and Ben's words went to a notice, in no record."""
    server, dsn, ben, room1, anna = walk
    server.stop("fast")
    room1.type("Needle 3 bent; check the sharps count")
    qtbot.waitUntil(lambda: room1.said("typed") and room1.said("cannot be reached now"),
                    timeout=WAIT_MS)
    room1.proc.send_signal(signal.SIGSTOP)
    server.start()
    _back_and_told(qtbot, anna, ben)
    room1.proc.send_signal(signal.SIGCONT)
    qtbot.waitUntil(lambda: one(dsn, "SELECT coalesce(notes, '') FROM imsmap.sessions")[0]
                    == "Needle 3 bent; check the sharps count", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: anna.session_panel.notes.toPlainText()
                    == "Needle 3 bent; check the sharps count", timeout=WAIT_MS)
    assert not room1.said("editable False") and not anna.live.editable
    assert _takeovers(dsn) == 0
