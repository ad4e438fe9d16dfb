"""The clinic-server screenshots of docs/clinic-server.md, made again from a real PostgreSQL
server (tests/pg_support.py) and real windows. Not a test: pytest collects only test_*.py, so
the suite never runs this; tools/screenshots/server makes them (it starts Xvfb, runs this file
with QT_QPA_PLATFORM=xcb and IMSMAP_SHOTS=the folder to write to, and stops Xvfb).

Each function (named test_ only so that pytest runs it, with the suite's fixtures: the server,
Qt's strict warnings) tells one story of the docs: two rooms (two windows side by side on a 1920-wide
screen, each 958 wide), a room whose imsmap process is killed (Room 1 a real second process),
a server stopped and started under one window, and the status bar's short sentence with its
tooltip."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip

from imsmap.services.context import open_server_context
from support import site_on
from test_ui_support import (  # noqa: F401 - qt_settings: a fixture
    click_region,
    close_windows,
    qt_settings,
)

OUT = os.environ.get("IMSMAP_SHOTS")
pytestmark = pytest.mark.skipif(
    not OUT or os.environ.get("QT_QPA_PLATFORM") != "xcb",
    reason="screenshots: run tools/screenshots/server (Xvfb, xcb, IMSMAP_SHOTS)")
WAIT_MS = 8000
HALF = 958  # one room's window on a 1920-wide screen, a 4-pixel gap between the two


def save(pixmap: QPixmap, name: str) -> None:
    path = Path(OUT) / f"{name}.png"
    assert pixmap.save(str(path)), path


def screen(width: int, height: int) -> QPixmap:
    """What the screen shows from its top left corner (windows, boxes and tooltips)."""
    QApplication.processEvents()
    return QGuiApplication.primaryScreen().grabWindow(0, 0, 0, width, height)


def settle(qtbot, ms: int = 400) -> None:
    qtbot.wait(ms)


def place(w, x: int, width: int, height: int) -> None:
    w.resize(width, height)
    w.move(x, 0)
    w.raise_()


def open_window(qtbot, context, patient_id: int, session_id: int, x: int, width: int,
                height: int):
    """A MainWindow opened at its size and place (its columns laid out for that width, as at
    a first start), with the patient and the session open."""
    from imsmap.ui.main_window import MainWindow

    w = MainWindow(context)
    place(w, x, width, height)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.built)
    qtbot.wait(1)
    w.patients.select_patient(patient_id)
    w.patients.select_session(session_id)
    return w


@pytest.fixture(scope="module")
def people(pg_server):
    """Anna and Ben, two practitioners with logins named as in the docs, in one new clinic for
    the stories (logins are the server's, so they are made once)."""
    from live_support import PASSWORD

    from imsmap.store.postgres import schema, users

    name = pg_server.new_database()
    dsn = pg_server.dsn(name)
    schema.init(dsn)
    out = {}
    for key, login in (("practitioner", "anna.nguyen"), ("practitioner2", "ben.okoro")):
        users.add_user(dsn, login, "practitioner", PASSWORD)
        out[key] = (login, pg_server.dsn(name, user=login, password=PASSWORD))
    return out


def grace(records, *, chart: str = "C-2041", earlier: bool = True):
    """Grace Okafor with a signed session a week ago and today's draft (low back)."""
    patient = records.create_patient(chart_number=chart, family_name="Okafor",
                                     given_name="Grace", birth_date="1968-03-14", sex="F")
    if earlier:
        before = records.start_session(patient.id, started_at=datetime(2026, 11, 26, 10, 0),
                                       complaint="Low back pain, L5 right")
        old = site_on(records, before, "gluteus_medius")
        records.update_site(old.id, grasp=3)
        records.sign_session(before.id)
    session = records.start_session(patient.id, started_at=datetime(2026, 12, 3, 14, 0),
                                    complaint="Low back pain, L5 right")
    for muscle in ("gluteus_medius", "multifidus"):
        site = site_on(records, session, muscle)
        records.update_site(site.id, grasp=1)
    return patient, session


def rooms_windows(qtbot, people, room_names=("Room 1", "Room 2")):
    from imsmap.ui.window_settings import ROOM

    contexts = [open_server_context(people[k][1]) for k in ("practitioner", "practitioner2")]
    patient, session = grace(contexts[0].records, chart="C-2041")
    windows = []
    for context, room, x in zip(contexts, room_names, (0, HALF + 4)):
        ROOM.write(room)
        w = open_window(qtbot, context, patient.id, session.id, x, HALF, 641)
        windows.append(w)
    qtbot.waitUntil(lambda: all(w.live.listening for w in windows), timeout=WAIT_MS)
    return contexts, windows, patient, session


def region_of(w, muscle: str):
    scene = w.chart.scene
    for region in scene.chart.regions():
        x, y = region.label
        if region.muscle == muscle and region.contains(x, y) and scene.region_at(x, y) is region:
            return region
    raise AssertionError(f"{muscle} is not on the chart shown")


def test_two_rooms(qtbot, qt_settings, people):  # noqa: F811
    contexts, (anna, ben), patient, session = rooms_windows(qtbot, people)
    try:
        settle(qtbot)
        save(screen(1920, 641), "server_two_rooms_banner")
        # Anna adds the gluteus maximus and grades it 3; Ben's tap is refused.
        click_region(qtbot, anna, region_of(anna, "gluteus_maximus"))
        qtbot.keyClick(anna.chart.view, Qt.Key.Key_3)
        qtbot.waitUntil(lambda: len(ben.edits.sites) == 3
                        and ben.edits.sites[-1].grasp == 3, timeout=WAIT_MS)
        click_region(qtbot, ben, region_of(ben, "trapezius_middle"))
        settle(qtbot)
        save(screen(1920, 641), "server_two_rooms_change")
        # Take over…: the box asks first (shot while it is up), then Take over.
        said = []

        def shoot_and_answer():
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                qtbot.wait(50)
                return QTimer.singleShot(50, shoot_and_answer)
            qtbot.wait(300)
            save(screen(1920, 641), "server_two_rooms_take_over")
            for b in box.buttons():
                if "Take over" in b.text():
                    said.append(box.text())
                    b.click()
                    return None
            raise AssertionError("no Take over button")

        QTimer.singleShot(100, shoot_and_answer)
        qtbot.mouseClick(ben.live.banner.take_button, Qt.MouseButton.LeftButton)
        assert said
        qtbot.waitUntil(lambda: not anna.live.editable and ben.live.editable, timeout=WAIT_MS)
        settle(qtbot)
        save(screen(1920, 641), "server_two_rooms_taken")
    finally:
        close_windows(qtbot, [anna, ben])
        for c in contexts:
            c.close()


ROOM_PROCESS = """
import sys
from PySide6.QtWidgets import QApplication
from imsmap.services.context import open_server_context
from imsmap.ui.main_window import MainWindow
from imsmap.ui.window_settings import ROOM
from imsmap import i18n
app = QApplication([])
i18n.install(app, "en")
ROOM.write("Room 1")
window = MainWindow(open_server_context(sys.argv[1]))
window.resize(958, 760)
window.move(0, 0)
window.show()
window.build_rest()
window.patients.select_patient(int(sys.argv[2]))
window.patients.select_session(int(sys.argv[3]))
print("holding" if window.live.editable else "not holding", flush=True)
app.exec()
"""


def test_killed_room(qtbot, qt_settings, people, tmp_path):  # noqa: F811
    from imsmap.ui.window_settings import ROOM

    setup = open_server_context(people["practitioner"][1])
    try:
        patient, session = grace(setup.records, chart="C-2042")
    finally:
        setup.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb",  # tests/conftest.py sets offscreen
           "XDG_CONFIG_HOME": str(tmp_path / "room1-config"),
           "IMSMAP_DATA_DIR": str(tmp_path / "room1-data")}
    room1 = subprocess.Popen([sys.executable, "-c", ROOM_PROCESS, people["practitioner"][1],
                              str(patient.id), str(session.id)], stdout=subprocess.PIPE,
                             text=True, env=env)
    context = None
    try:
        assert room1.stdout.readline().strip() == "holding"
        ROOM.write("Room 2")
        context = open_server_context(people["practitioner2"][1])
        w = open_window(qtbot, context, patient.id, session.id, HALF + 4, HALF, 760)
        qtbot.wait(1500)
        save(screen(1920, 760), "server_killed_room_before")
        room1.send_signal(signal.SIGKILL)
        room1.wait(10)
        qtbot.waitUntil(lambda: w.live.editable, timeout=WAIT_MS)
        settle(qtbot)
        save(w.grab(), "server_killed_room_free")
        close_windows(qtbot, [w])
    finally:
        if room1.poll() is None:
            room1.kill()
            room1.wait(10)
        room1.stdout.close()
        if context is not None:
            context.close()


def free_region(w):
    """A clickable region of the chart shown with no site of the session on its muscle."""
    taken = {site.muscle_id for site in w.edits.sites}
    scene = w.chart.scene
    for region in scene.chart.regions():
        x, y = region.label
        clear = all(abs(x - site.x) + abs(y - site.y) > 80 for site in w.edits.sites)
        if region.muscle not in taken and clear and region.contains(x, y) \
                and scene.region_at(x, y) is region and region.area > 2000:
            return region
    raise AssertionError("no free region on the chart")


def refused_tap(qtbot, w) -> None:
    """Once the window knows the server is away (its own sentence said), a tap on a free
    muscle, refused; the pointer then leaves the chart so that the status bar shows the
    refusal, not the muscle under the pointer."""
    from PySide6.QtTest import QTest

    qtbot.wait(1500)
    before = len(w.edits.sites)
    click_region(qtbot, w, free_region(w))
    QTest.mouseMove(w.patients, QPoint(20, 20))
    qtbot.wait(300)
    assert len(w.edits.sites) == before


def tap_when_back(qtbot, w) -> None:
    """Tap a free muscle every half second until the window, connected again by itself, adds
    the site."""
    before = len(w.edits.sites)
    for _ in range(40):
        qtbot.wait(500)
        click_region(qtbot, w, free_region(w))
        if len(w.edits.sites) > before:
            break
    assert len(w.edits.sites) > before, w.statusBar().currentMessage()
    settle(qtbot)


def test_server_away_and_back(qtbot, qt_settings, people, pg_server):  # noqa: F811
    """Ben's window (Room 2) while the server is stopped, and once it is started again; the
    status bar's short sentence with its tooltip (the whole one) on a 1280-wide window."""
    from imsmap.ui.window_settings import ROOM

    ROOM.write("Room 2")
    context = open_server_context(people["practitioner2"][1])
    records = context.records
    patient = records.create_patient(chart_number="C-1042", family_name="Okafor",
                                     given_name="Grace", birth_date="1968-03-14", sex="F")
    session = records.start_session(patient.id, started_at=datetime(2026, 12, 3, 17, 1))
    for muscle, grasp in (("platysma", 2), ("trapezius_upper", 3), ("pectoralis_major", 1)):
        site = site_on(records, session, muscle)
        records.update_site(site.id, grasp=grasp)
    w = open_window(qtbot, context, patient.id, session.id, 0, HALF, 760)
    try:
        settle(qtbot)
        pg_server.stop()
        try:
            refused_tap(qtbot, w)
            save(w.grab(), "server_reconnecting")
        finally:
            pg_server.start()
        tap_when_back(qtbot, w)
        save(w.grab(), "server_connected_again")
        close_windows(qtbot, [w])
        # The short sentence and its tooltip: a 1280 x 800 window, the server stopped again.
        w = open_window(qtbot, context, patient.id, session.id, 0, 1280, 800)
        settle(qtbot)
        pg_server.stop()
        try:
            refused_tap(qtbot, w)
            bar = w.statusBar()
            assert bar.toolTip(), "the status bar has no whole sentence as tooltip"
            QToolTip.showText(bar.mapToGlobal(QPoint(200, 4)), bar.toolTip(), bar)
            settle(qtbot, 600)
            save(screen(1280, 800 + 40).copy(QRect(0, 800 + 40 - 245, 1280, 245)),
                 "server_status_whole_sentence")
            QToolTip.hideText()
        finally:
            pg_server.start()
        tap_when_back(qtbot, w)
    finally:
        close_windows(qtbot, [w])
        context.close()


def test_hold_kept(qtbot, qt_settings, people, pg_server, tmp_path):  # noqa: F811
    """Ben's room (Room 1, a real imsmap process, offscreen) holds the draft; Anna's window
    (Room 2, 1440 x 900) reads it. The server restarts while Ben's process is frozen, so that
    Anna's room is certainly back first: the draft stays kept for Room 1."""
    from imsmap.ui.window_settings import ROOM

    setup = open_server_context(people["practitioner2"][1])
    try:
        patient, session = grace(setup.records, chart="C-2043")
    finally:
        setup.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "room1-config"),
           "IMSMAP_DATA_DIR": str(tmp_path / "room1-data")}
    room1 = subprocess.Popen([sys.executable, "-c", ROOM_PROCESS, people["practitioner2"][1],
                              str(patient.id), str(session.id)], stdout=subprocess.PIPE,
                             text=True, env=env)
    context = None
    w = None
    try:
        assert room1.stdout.readline().strip() == "holding"
        ROOM.write("Room 2")
        context = open_server_context(people["practitioner"][1])
        w = open_window(qtbot, context, patient.id, session.id, 0, 1440, 900)
        assert not w.live.editable
        room1.send_signal(signal.SIGSTOP)
        try:
            pg_server.stop()
            pg_server.start()
            qtbot.waitUntil(lambda: not w.live.reconnecting, timeout=30000)
            qtbot.wait(2500)
            text = w.live.banner.label.text()
            assert "kept for that room until" in text, text
            save(w.grab(), "server_hold_kept")
        finally:
            room1.send_signal(signal.SIGCONT)
    finally:
        if room1.poll() is None:
            room1.kill()
        room1.wait(10)
        room1.stdout.close()
        if w is not None:
            close_windows(qtbot, [w])
        if context is not None:
            context.close()
