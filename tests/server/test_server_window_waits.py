"""The window never waits for a server that does not answer, from the start to the close
(issue 15's follow-ups): `imsmap --dsn` signing in says it is waiting and can be stopped; the
listener's first connection is made off the window's thread; closing a window whose connection
is being made again takes a moment, and the try it abandons leaves nothing open; the status
bar's "cannot be reached" says it whole (its tooltip), in English and in French.

A server "that does not answer" is the run's real server with its postmaster stopped
(SIGSTOP): the connections made already go on (each has a process of its own), and a new one is
taken by the kernel and never answered, as where a firewall drops or a machine hangs: libpq
waits its connect_timeout (10 s). SIGCONT and it answers the connections waiting."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from imsmap.services.context import open_server_context
from imsmap.store.postgres import chain
from imsmap.store.postgres.connection import connect
from imsmap.store.postgres.reconnect import TRYING, TRYING_SHORT
from imsmap.ui.wording import said
from test_ui_french import french  # noqa: F401 - a fixture
from test_ui_support import click_region, pick_region, qt_settings  # noqa: F401 - a fixture
from waiting_support import Ticks


@contextlib.contextmanager
def paused(server) -> Iterator[Callable[[], None]]:
    """The server's postmaster stopped until the block ends (or the function given is
    called): it takes no new connection meanwhile. A watchdog process of its own lets it go
    on after a minute whatever happens to this one (a test run that dies in the block must
    not leave a stopped server behind)."""
    pid = int((server.datadir / "postmaster.pid").read_text().split()[0])
    watchdog = subprocess.Popen(["sh", "-c", f"sleep 60; kill -CONT {pid}"],
                                start_new_session=True)
    os.kill(pid, signal.SIGSTOP)
    try:
        yield lambda: os.kill(pid, signal.SIGCONT)
    finally:
        os.kill(pid, signal.SIGCONT)
        watchdog.kill()
        watchdog.wait()


def _threads(name: str) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == name and t.is_alive()]


def _connections(server, login: str) -> int:
    with server.admin() as admin:
        return admin.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s",
                             (login,)).fetchone()[0]


def _shown(kind) -> object | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, kind) and w.isVisible()), None)


@pytest.fixture
def thread_errors(monkeypatch) -> list[BaseException]:
    """What escaped a thread (a word to a window already deleted would)."""
    caught: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: caught.append(args.exc_value))
    return caught


def test_the_start_on_a_server_that_does_not_answer_says_it_waits_and_cancel_stops(
        qtbot, qt_settings, people, pg_server, monkeypatch, thread_errors):  # noqa: F811
    """imsmap --dsn: the sign-in runs off the window's thread; a dialog says it is signing in,
    where, and that Cancel stops waiting; Cancel ends the start at once with nothing open,
    and the sign-in that comes through afterwards is closed."""
    from imsmap.ui import app as ui_app
    from imsmap.ui.signing_in import SigningInDialog

    login, dsn = people["practitioner"]
    windows: list[object] = []
    monkeypatch.setattr(ui_app.QApplication, "exec", lambda app: windows.append(app) or 0)
    seen: dict[str, object] = {}
    began = time.monotonic()

    def look() -> None:
        if time.monotonic() - began > 15:  # never shown (it froze, then said no): give up
            box = QApplication.activeModalWidget()
            if box is not None:
                box.close()
            return
        dialog = _shown(SigningInDialog)
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        seen["after"] = time.monotonic() - began
        seen["words"] = dialog.waiting.text()
        seen["place"] = dialog.place.text()
        seen["busy"] = dialog.busy.isVisible()
        ticks = Ticks()

        def cancel() -> None:
            seen["gap"] = ticks.longest_gap()
            seen["asked"] = time.monotonic()
            qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel),
                             Qt.MouseButton.LeftButton)

        QTimer.singleShot(1500, cancel)

    with paused(pg_server):
        QTimer.singleShot(20, look)
        status = ui_app.run_on_server(QApplication.instance(), dsn)
        ended = time.monotonic()
        assert "after" in seen, "no dialog said it was waiting"
        assert seen["after"] < 1.5
        assert "Signing in" in seen["words"] and "Cancel" in seen["words"]
        assert "database" in seen["place"] and str(pg_server.port) in seen["place"]
        assert seen["busy"]
        assert seen["gap"] < 0.5, "the window's thread was held up while signing in"
        assert status == 2 and windows == []  # stopped: no window
        assert ended - seen["asked"] < 0.5  # at once, not after libpq's 10 s
        assert _threads("imsmap signing in")  # the try under way is abandoned, not waited for
    # The server answers now: the sign-in comes through and is closed, nothing stays open.
    qtbot.waitUntil(lambda: not _threads("imsmap signing in"), timeout=20_000)
    qtbot.waitUntil(lambda: _connections(pg_server, login) == 0, timeout=5000)
    assert thread_errors == []


def test_the_start_waits_for_a_slow_server_then_opens_the_window(
        qtbot, qt_settings, people, pg_server, monkeypatch):  # noqa: F811
    from imsmap.ui import app as ui_app
    from imsmap.ui.main_window import MainWindow
    from imsmap.ui.signing_in import SigningInDialog

    login, dsn = people["practitioner"]
    seen: list[object] = []

    def exec_(app) -> int:
        assert _shown(SigningInDialog) is None  # gone once signed in
        window = _shown(MainWindow)
        assert window is not None
        qtbot.waitUntil(lambda: window.built, timeout=10_000)
        seen.append((window.records.actor, window.records.db.is_server))
        window.close()
        return 0

    monkeypatch.setattr(ui_app.QApplication, "exec", exec_)
    began = time.monotonic()
    with paused(pg_server) as resume:
        def look() -> None:
            if time.monotonic() - began > 15:  # never shown (it froze, then said no): give up
                box = QApplication.activeModalWidget()
                if box is not None:
                    box.close()
                return
            if _shown(SigningInDialog) is None:
                QTimer.singleShot(20, look)
                return
            seen.append("waiting")
            QTimer.singleShot(500, resume)  # the server answers after all

        QTimer.singleShot(20, look)
        assert ui_app.run_on_server(QApplication.instance(), dsn) == 0
    assert seen == ["waiting", (login, True)]


def _draft_window(qtbot, dsn: str):
    from imsmap.ui.main_window import MainWindow

    context = open_server_context(dsn)
    r = context.records
    patient = r.create_patient(chart_number="W-1", family_name="Wait")
    session = r.start_session(patient.id, started_at=datetime(2026, 12, 3, 9, 0))
    w = MainWindow(context)
    w.resize(1100, 700)
    return context, w, patient, session


def test_the_listeners_first_connection_is_made_off_the_windows_thread(
        qtbot, qt_settings, people, pg_server):  # noqa: F811
    """The server stops answering between the sign-in and the window's first paint: the
    window opens and works, its thread never waits; once the server answers, the listener
    connects by itself and reads what another room changed meanwhile."""
    _, dsn = people["practitioner"]
    _, other_dsn = people["practitioner2"]
    other = open_server_context(other_dsn)  # another room, connected already
    context, w, patient, session = _draft_window(qtbot, dsn)
    try:
        with paused(pg_server) as resume:
            ticks = Ticks()
            qtbot.wait(100)  # ticking before the window shows
            began = time.monotonic()
            w.show()
            qtbot.waitExposed(w)
            qtbot.waitUntil(lambda: w.built, timeout=5000)
            assert time.monotonic() - began < 3.0  # not after libpq's 10 s
            w.patients.select_patient(patient.id)
            w.patients.select_session(session.id)
            qtbot.wait(1500)
            assert ticks.longest_gap() < 1.0, "the window's thread was held up"
            assert w.live is not None and not w.live.listening
            assert len(_threads("imsmap live rooms")) == 1  # trying, on its own thread
            # Another room changes the patient before this listener ever connected.
            other.records.update_patient(patient.id, family_name="Later")
            resume()
        qtbot.waitUntil(lambda: w.live.listening, timeout=15_000)
        qtbot.waitUntil(lambda: "Later" in w.windowTitle(), timeout=5000)
        click_region(qtbot, w, pick_region(w))  # and the window writes as ever
        assert len(w.edits.sites) == 1, w.statusBar().currentMessage()
    finally:
        w.close()
        w.deleteLater()
        other.close()
        context.close()


def _another_region(w, region):
    """A clickable region of the current chart on another muscle than ``region``'s."""
    scene = w.chart.scene
    for other in scene.chart.regions():
        x, y = other.label
        if (other.muscle != region.muscle and other.contains(x, y)
                and scene.region_at(x, y) is other and other.area > 2000):
            return other
    raise AssertionError("no second clickable region on the chart")


def _cut_off(admin, login: str) -> None:
    """End every connection of ``login`` (the window's and its listener's), through the
    superuser's ``admin`` connection (made before the server was paused)."""
    admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                  (login,))


def test_closing_the_window_while_it_connects_again_takes_a_moment_and_leaves_nothing(
        qtbot, qt_settings, people, pg_server, clinic_dsn, thread_errors):  # noqa: F811
    login, dsn = people["practitioner"]
    context, w, patient, session = _draft_window(qtbot, dsn)
    closed = False
    try:
        w.show()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: w.built)
        w.patients.select_patient(patient.id)
        w.patients.select_session(session.id)
        region = pick_region(w)
        click_region(qtbot, w, region)
        assert len(w.edits.sites) == 1
        qtbot.waitUntil(lambda: w.live.listening and w.live.editable, timeout=10_000)
        with pg_server.admin() as admin, paused(pg_server) as resume:
            _cut_off(admin, login)
            w.edits.select_site(w.edits.sites[0].id)
            qtbot.keyClick(w.chart.view, Qt.Key.Key_3)  # refused: the connection is lost
            qtbot.waitUntil(lambda: w.live.reconnecting, timeout=5000)
            assert _threads("imsmap reconnect")  # a try under way, waiting for the server
            began = time.monotonic()
            w.close()
            took = time.monotonic() - began
            closed = True
            w.deleteLater()
            qtbot.wait(50)  # the window is gone: nobody may be told anything now
            assert took < 1.5, f"closing waited {took:.1f} s"
            resume()
        # The abandoned try connects now: it closes what it made and tells nobody.
        qtbot.waitUntil(lambda: not _threads("imsmap reconnect")
                        and not _threads("imsmap live rooms"), timeout=20_000)
        context.close()
        qtbot.waitUntil(lambda: _connections(pg_server, login) == 0, timeout=5000)
        assert thread_errors == []
    finally:
        if not closed:
            w.close()
            w.deleteLater()
        context.close()
    with connect(clinic_dsn) as conn:  # nothing half-written: one site, ungraded
        assert conn.execute("SELECT count(*), max(grasp) FROM sites").fetchone() == (1, None)
        assert chain.verify_chain(conn) == []
        assert conn.execute("SELECT count(*) FROM audit_breaks()").fetchone()[0] == 0


@pytest.mark.parametrize("language", ["en", "fr_CA"])
def test_the_status_bar_says_the_server_cannot_be_reached_whole(
        qtbot, qt_settings, people, pg_server, language, request):  # noqa: F811
    """A gesture refused while the connection is being made again: the status bar shows the
    sentence in fewer words, none of them cut, and the whole sentence as its tooltip; where
    even those do not fit (the pointer on a muscle, its name beside them), they are cut with
    an ellipsis, and the tooltip still has the whole sentence."""
    if language != "en":
        request.getfixturevalue("french")
    login, dsn = people["practitioner"]
    context, w, patient, session = _draft_window(qtbot, dsn)
    try:
        w.show()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: w.built)
        w.patients.select_patient(patient.id)
        w.patients.select_session(session.id)
        region = pick_region(w)
        click_region(qtbot, w, region)
        assert len(w.edits.sites) == 1
        bar = w.statusBar()
        whole, short = said(TRYING), said(TRYING_SHORT)
        w.edits.select_site(w.edits.sites[0].id)
        other = _another_region(w, region)
        with pg_server.admin() as admin, paused(pg_server):
            _cut_off(admin, login)
            qtbot.keyClick(w.chart.view, Qt.Key.Key_3)  # refused: the connection is lost
            qtbot.waitUntil(lambda: w.live.status_label.isVisible(), timeout=5000)
            # The pointer off the muscles (the chart's corner): nothing beside the mark.
            qtbot.mouseMove(w.chart.view.viewport(), QPoint(3, 3))
            qtbot.waitUntil(lambda: not w.hover_label.text(), timeout=2000)
            metrics = bar.fontMetrics()
            qtbot.keyClick(w.chart.view, Qt.Key.Key_2)  # refused at once
            shown = bar.currentMessage()
            room = w.status.last_room  # as the bar was when it was said
            assert metrics.horizontalAdvance(whole) > room  # Qt would cut it
            if metrics.horizontalAdvance(short) <= room:  # the window's usual width
                assert shown == short, shown  # seen whole
            else:  # a narrower bar (a larger font): the fewer words, cut where it ends
                assert shown.endswith("…") and short.startswith(shown[:-1]), shown
            assert bar.toolTip() == whole  # the whole sentence, where it can be read
            if language == "en":
                assert "cannot be reached now" in short and "nothing was changed" in short
            else:
                assert "injoignable" in short and "rien n'a été modifié" in short, short
                assert "injoignable" in whole and "reconnecte" in whole
            # A tap on the chart: the muscle's name takes its place beside the mark too.
            click_region(qtbot, w, other)  # a new site: refused
            shown = bar.currentMessage()
            assert metrics.horizontalAdvance(shown) <= w.status.last_room
            assert shown == short or (shown.endswith("…") and short.startswith(shown[:-1]))
            assert bar.toolTip() == whole
            assert [s.grasp for s in w.edits.sites] == [None]  # nothing changed
            # A sentence that fits has no tooltip of its own.
            w.show_message("ok")
            assert bar.currentMessage() == "ok" and bar.toolTip() == ""
    finally:
        w.close()
        w.deleteLater()
        context.close()
