"""Faults met by a room on a real clinic server of its own (stopped, killed and started again by
these tests; the run's shared server is left alone): the server unreachable at the start, the
server restarting and killed while the window is open, a unit of work cut off midway. Each gets
one sentence; what was committed stays; what is safe (a read, a unit not yet begun) runs again
on a new connection once the server is back; nothing half-written remains."""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from imsmap.domain.errors import UserFacingError
from imsmap.services.context import open_server_context
from imsmap.store.postgres import chain, schema, users
from imsmap.store.postgres.connection import ServerError, connect
from imsmap.store.postgres.database import ServerDatabase
from support import spot
from test_ui_support import click_chart, qt_settings  # noqa: F401 - a fixture
from waiting_support import Ticks, black_hole

PASSWORD = "fault-test-secret"


def start(server) -> None:
    """Start the module's server durable (fsync and synchronous_commit on, as a clinic runs
    it): a kill must not take back what a room was told was saved. Through `PgServer.start`,
    so that its watchdog stops it if this test run dies (a server started here with pg_ctl of
    its own outlived a killed run, with nothing to stop it)."""
    if server.run("pg_ctl", "status", "-D", str(server.datadir), check=False).returncode == 0:
        return
    server.durable = True
    server.start()


@pytest.fixture(scope="module")
def own_server():
    """A server of this module's own, which its tests stop, kill and start."""
    from pg_support import serve

    for server in serve(pytest.fail, pytest.skip):
        server.stop("fast")
        start(server)
        yield server


@pytest.fixture
def room(own_server):
    """(the server, a practitioner's DSN on a new clinic there, the superuser's DSN)."""
    name = own_server.new_database()
    dsn = own_server.dsn(name)
    schema.init(dsn)
    with own_server.admin() as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'fault.physio'").fetchone()
    if not exists:
        users.add_user(dsn, "fault.physio", "practitioner", PASSWORD)
    yield own_server, own_server.dsn(name, user="fault.physio", password=PASSWORD), dsn
    start(own_server)


def _one_sentence(text: str) -> None:
    assert text and "\n" not in text and "Traceback" not in text, text


def _spots(w, n: int) -> list[tuple[float, float]]:
    """The label points of ``n`` big regions of the current chart, each hitting its region."""
    scene = w.chart.scene
    found = []
    for region in scene.chart.regions():
        x, y = region.label
        if region.contains(x, y) and scene.region_at(x, y) is region and region.area > 2000:
            found.append((x, y))
        if len(found) == n:
            return found
    raise AssertionError("not enough clickable regions on the first chart")


def _sites(dsn: str) -> int:
    with connect(dsn) as conn:
        return conn.execute("SELECT count(*) FROM sites").fetchone()[0]


def test_a_server_unreachable_at_the_start_is_one_sentence(room):
    server, dsn, _ = room
    server.stop("fast")
    with pytest.raises(ServerError) as refused:
        open_server_context(dsn)
    _one_sentence(refused.value.message)
    assert "could not be reached" in refused.value.message
    start(server)
    open_server_context(dsn).close()


@pytest.mark.parametrize("fault", ["restart", "kill"])
def test_the_window_carries_on_over_a_restart_and_a_kill(room, fault, qtbot, qt_settings):  # noqa: F811
    from imsmap.ui.main_window import MainWindow

    server, dsn, superuser = room
    context = open_server_context(dsn)
    r = context.records
    patient = r.create_patient(chart_number="F-1", family_name="Fault")
    session = r.start_session(patient.id, started_at=datetime(2026, 12, 3, 9, 0))
    w = MainWindow(context)
    try:
        w.show()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: w.built)
        w.patients.select_patient(patient.id)
        w.patients.select_session(session.id)
        first, second, third = _spots(w, 3)
        click_chart(qtbot, w, *first)
        assert len(w.edits.sites) == 1 and _sites(superuser) == 1

        # The server goes away while the window is open.
        if fault == "restart":
            server.stop("fast")
        else:
            server.kill()
        click_chart(qtbot, w, *second)
        said = w.statusBar().currentMessage()
        _one_sentence(said)
        assert "cannot be reached now" in said and "nothing was changed" in said
        assert len(w.edits.sites) == 1  # the window keeps what was committed, nothing more
        assert w.refresh_all(force=False) is False  # no traceback: the window waits
        # A read of a slot while the server is away (the site's inspector reads the clinic's
        # settings): only sentences escape, and the window's crash handler puts them in the
        # status bar, not in a box each (pytest-qt catches them before it here).
        from imsmap.ui.errors import CrashHandler

        w.statusBar().clearMessage()
        with qtbot.capture_exceptions() as escaped:
            click_chart(qtbot, w, *first)  # selects the site: the inspector reads
        assert escaped and all(isinstance(e[1], UserFacingError) for e in escaped), escaped
        CrashHandler(lambda: w)(*escaped[0])
        _one_sentence(w.statusBar().currentMessage())
        assert "cannot be reached now" in w.statusBar().currentMessage()

        qtbot.waitUntil(lambda: w.live.reconnecting and w.live.status_label.isVisible())

        # Back: the window connects again by itself (off its thread) and reads again; the
        # next gesture runs on the new connection, as if nothing had happened.
        start(server)
        qtbot.waitUntil(lambda: not w.live.reconnecting, timeout=30000)
        assert not w.live.status_label.isVisible()
        assert "Connected to the clinic server again" in w.statusBar().currentMessage()
        assert w.refresh_all(force=True)
        assert len(w.edits.sites) == 1
        click_chart(qtbot, w, *third)
        assert len(w.edits.sites) == 2, w.statusBar().currentMessage()
        w.undo_stack.undo()  # undo too works on the new connection
        assert len(w.edits.sites) == 1
    finally:
        w.close()
        w.deleteLater()
        context.close()
    with connect(superuser) as conn:
        assert chain.verify_chain(conn) == []
        assert conn.execute("SELECT count(*) FROM audit_breaks()").fetchone()[0] == 0
        # Two sites written, the second removed by the undo: nothing half-written.
        assert conn.execute("SELECT count(*), count(*) FILTER (WHERE deleted_at IS NOT NULL)"
                            " FROM sites").fetchone() == (2, 1)


def test_a_unit_of_work_cut_off_by_a_kill_leaves_nothing(room):
    server, dsn, superuser = room
    context = open_server_context(dsn)
    try:
        r = context.records
        r.create_patient(chart_number="K-0", family_name="Before")
        with pytest.raises(UserFacingError) as lost:
            with r.write() as work:
                values = {"chart_number": "K-1", "family_name": "Half"}
                work.store.insert_patient(values, work.at, work.actor)
                server.kill()
                work.store.insert_patient({"chart_number": "K-2", "family_name": "Half"},
                                          work.at, work.actor)
        _one_sentence(lost.value.message)
        assert "was lost" in lost.value.message
        start(server)
        # The next unit of work begins on a new connection; the cut-off one left nothing.
        r.create_patient(chart_number="K-3", family_name="After")
        assert sorted(p.chart_number for p in r.read.search_patients("K-")) == ["K-0", "K-3"]
    finally:
        context.close()
    with connect(superuser) as conn:
        assert chain.verify_chain(conn) == []
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == 2


def test_a_read_runs_again_on_a_new_connection_after_a_restart(room):
    server, dsn, _ = room
    db = ServerDatabase.connect(dsn)
    try:
        before = db.conn.pg.info.backend_pid
        server.stop("fast")
        start(server)
        assert db.query_one("SELECT count(*) AS n FROM patients")["n"] == 0
        assert db.conn.pg.info.backend_pid != before
        # Several reads as of one moment (imsmap check, the witnesses): begun on a new
        # connection too, as one snapshot, not statement by statement.
        server.stop("fast")
        start(server)
        with db.conn.snapshot():
            assert db.conn.in_unit and db.conn.pg.info.backend_pid != before
            assert db.query_one("SELECT count(*) AS n FROM sessions")["n"] == 0
    finally:
        db.close()


def test_the_window_stays_responsive_while_the_server_does_not_answer(room, qtbot,
                                                                       qt_settings):  # noqa: F811
    """The server's address stops answering: the window's gestures are refused at once with
    one sentence, nothing is written, the status bar says it is connecting again, and the
    window's thread is never held up (the tries are made on a thread of their own). The
    server back (and the window's connection refused meanwhile while another room wrote):
    the window connects again by itself, reads what changed, holds its session again and
    edits."""
    from imsmap.ui.main_window import MainWindow

    server, dsn, superuser = room
    context = open_server_context(dsn)
    other = open_server_context(dsn)  # another room, the same person
    r = context.records
    patient = r.create_patient(chart_number="B-1", family_name="Blackhole")
    session = r.start_session(patient.id, started_at=datetime(2026, 12, 3, 9, 0))
    w = MainWindow(context)
    hole = None
    try:
        w.show()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: w.built)
        w.patients.select_patient(patient.id)
        w.patients.select_session(session.id)
        first, second, third = _spots(w, 3)
        click_chart(qtbot, w, *first)
        assert len(w.edits.sites) == 1 and w.live.editable

        server.stop("fast")
        hole = black_hole(server.port)
        ticks = Ticks()
        began = time.monotonic()
        click_chart(qtbot, w, *second)
        assert time.monotonic() - began < 3.0  # refused at once, not after libpq's 10 s
        said = w.statusBar().currentMessage()
        _one_sentence(said)
        assert "cannot be reached now" in said and "nothing was changed" in said
        qtbot.waitUntil(lambda: w.live.status_label.isVisible(), timeout=5000)
        assert "again" in w.live.status_label.text()
        w.undo_stack.undo()  # refused too, at once
        _one_sentence(w.statusBar().currentMessage())
        qtbot.wait(2500)  # the window waits, events flowing, while a try hangs elsewhere
        assert len(w.edits.sites) == 1
        assert ticks.longest_gap() < 1.5, "the window's thread was held up"

        # The server is back, but this room's login cannot sign in for now; another room
        # writes meanwhile.
        hole.close()
        hole = None
        start(server)
        other.records.read.search_patients("B-")  # the other room is back (inline: no window)
        with connect(superuser, autocommit=True) as admin:
            admin.execute('ALTER ROLE "fault.physio" NOLOGIN')
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                          " WHERE usename = 'fault.physio' AND pid <> %s",
                          (other.records.db.backend_pid(),))
            qtbot.waitUntil(lambda: w.live.status_label.isVisible(), timeout=5000)
            view, x, y, muscle, side = spot(other.records.atlas, 20)
            other.records.add_site(session.id, view, x, y, muscle_id=muscle, side=side)
            assert _sites(superuser) == 2
            qtbot.wait(500)
            assert len(w.edits.sites) == 1 and w.live.reconnecting
            admin.execute('ALTER ROLE "fault.physio" LOGIN')
        qtbot.waitUntil(lambda: not w.live.reconnecting, timeout=30000)
        assert not w.live.status_label.isVisible()
        qtbot.waitUntil(lambda: len(w.edits.sites) == 2, timeout=5000)
        assert "Connected to the clinic server again" in w.statusBar().currentMessage()
        qtbot.waitUntil(lambda: w.live.editable, timeout=5000)  # held again, on the new one
        click_chart(qtbot, w, *third)
        assert len(w.edits.sites) == 3, w.statusBar().currentMessage()
    finally:
        if hole is not None:
            hole.close()
            start(server)
        w.close()
        w.deleteLater()
        other.close()
        context.close()
    with connect(superuser) as conn:
        assert chain.verify_chain(conn) == []
        assert conn.execute("SELECT count(*) FROM sites").fetchone()[0] == 3



def _connecting_again(w) -> str | None:
    """The status bar's mark that the window is connecting again (None when not shown)."""
    from PySide6.QtWidgets import QLabel

    shown = [label.text() for label in w.statusBar().findChildren(QLabel)
             if label.isVisible() and "again" in label.text()]
    return shown[0] if shown else None


def test_the_desk_window_stays_responsive_while_the_server_does_not_answer(room, qtbot,
                                                                           qt_settings):  # noqa: F811
    """Reception's window (ui.desk_window) on a server whose address stops answering: each
    gesture is refused at once with one sentence and changes nothing, the status bar says it
    is connecting again, and the window's thread is never held up (the tries are made on a
    thread of their own, as for the practitioner's window). The server back, while another
    room wrote a patient: the window connects again by itself, reads what changed, and its
    gestures work again."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from imsmap.ui.app import window_for
    from imsmap.ui.desk_window import DeskWindow

    server, dsn, superuser = room
    desk = "fault.desk"
    with connect(superuser) as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (desk,)).fetchone()
    if not exists:
        users.add_user(superuser, desk, "reception", PASSWORD)
    desk_dsn = dsn.replace("fault.physio", desk)
    other = open_server_context(dsn)  # a practitioner's room
    first = other.records.create_patient(chart_number="D-1", family_name="Desk")
    other.records.create_patient(chart_number="D-2", family_name="Second")
    context = open_server_context(desk_dsn)
    w = window_for(context)
    hole = None
    try:
        assert isinstance(w, DeskWindow) and w.reception and w.patients is not None
        w.show()
        qtbot.waitExposed(w)
        panel = w.patients
        assert panel.patients.count() == 2
        panel.select_patient(first.id)
        assert w.fields["chart_number"].text() == "D-1"
        assert _connecting_again(w) is None

        # This login will not sign in again for a while (said before the server goes: once it
        # is back, the window's own tries, on their thread, may sign in before any statement
        # of the test's could forbid it; the window's open connection is not affected).
        with connect(superuser, autocommit=True) as admin:
            admin.execute(f'ALTER ROLE "{desk}" NOLOGIN')
        server.stop("fast")
        hole = black_hole(server.port)
        ticks = Ticks()
        began = time.monotonic()
        panel.patients.setCurrentRow(1)  # the other patient's details are read: refused
        assert time.monotonic() - began < 3.0  # refused at once, not after libpq's 10 s
        said = w.statusBar().currentMessage()
        _one_sentence(said)
        assert "cannot be reached now" in said and "nothing was changed" in said
        qtbot.waitUntil(lambda: _connecting_again(w) is not None, timeout=5000)

        # A new patient through the window's own dialog: refused at once, in the dialog.
        refused: list[tuple[str, float, bool]] = []

        def new():
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(20, new)
                return
            try:
                dialog.chart_number.setText("D-9")
                dialog.family_name.setText("Never")
                saving = time.monotonic()
                qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
                refused.append((dialog.general_error.text(), time.monotonic() - saving,
                                dialog.isVisible()))
            finally:
                dialog.reject()

        QTimer.singleShot(20, new)
        w.act_new_patient.trigger()
        assert refused, "no dialog came up"
        text, took, kept_open = refused[0]
        assert took < 3.0 and kept_open  # refused at once; the dialog keeps what was typed
        assert "cannot be reached now" in text, text
        _one_sentence(text)
        began = time.monotonic()
        qtbot.keyClick(w, Qt.Key.Key_F5)  # refreshing is refused at once too
        assert time.monotonic() - began < 3.0
        assert "cannot be reached now" in w.statusBar().currentMessage()
        qtbot.wait(2500)  # the window waits, events flowing, while a try hangs elsewhere
        assert ticks.longest_gap() < 1.5, "the window's thread was held up"
        assert w.connection.reconnecting

        # The server is back, but this login cannot sign in for now; another room writes.
        hole.close()
        hole = None
        start(server)
        with connect(superuser, autocommit=True) as admin:
            meanwhile = other.records.create_patient(chart_number="D-3", family_name="Later")
            qtbot.wait(500)
            assert panel.patients.count() == 2 and w.connection.reconnecting
            admin.execute(f'ALTER ROLE "{desk}" LOGIN')
        qtbot.waitUntil(lambda: not w.connection.reconnecting, timeout=30000)
        assert _connecting_again(w) is None
        assert panel.patients.count() == 3  # what the other room did is read
        # The patient chosen while the server was away is shown now, without a click.
        assert w.fields["family_name"].text() == "Second"
        assert "Connected to the clinic server again" in w.statusBar().currentMessage()
        panel.select_patient(meanwhile.id)  # and read on the new connection
        assert w.fields["family_name"].text() == "Later", w.statusBar().currentMessage()
    finally:
        if hole is not None:
            hole.close()
            start(server)
        with connect(superuser, autocommit=True) as admin:  # (the next test's desk signs in)
            admin.execute(f'ALTER ROLE "{desk}" LOGIN')
        w.close()
        w.deleteLater()
        other.close()
        context.close()
    with connect(superuser) as conn:
        assert chain.verify_chain(conn) == []
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == 3


def test_a_site_note_typed_while_the_server_is_away_is_kept_and_saved_once_back(
        room, qtbot, qt_settings):  # noqa: F811
    """The walk of 5 December (French, two rooms): a site's note typed while the server was
    stopped. Its save, refused, read the site again to show it, that read failed too and
    emptied the inspector, which saved the note first, and so on: a RecursionError (the crash
    box), and the note was lost when the window read everything again once back."""
    from imsmap.ui.errors import CrashHandler
    from imsmap.ui.main_window import MainWindow
    from imsmap.ui.site_inspector import NOTES_DELAY_MS

    server, dsn, superuser = room
    context = open_server_context(dsn)
    r = context.records
    patient = r.create_patient(chart_number="F-2", family_name="Fault")
    session = r.start_session(patient.id, started_at=datetime(2026, 12, 3, 9, 0))
    w = MainWindow(context)
    try:
        w.show()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: w.built)
        w.patients.select_patient(patient.id)
        w.patients.select_session(session.id)
        click_chart(qtbot, w, *_spots(w, 1)[0])
        site = w.edits.sites[0]
        w.edits.select_site(site.id)
        inspector = w.site_table.inspector
        assert inspector.site is not None and inspector.editable
        server.stop("fast")
        try:
            inspector.notes.setFocus()
            qtbot.keyClicks(inspector.notes, "Taut band")
            with qtbot.capture_exceptions() as escaped:
                qtbot.wait(NOTES_DELAY_MS + 600)  # the typing pause: its save is refused
            assert all(isinstance(e[1], UserFacingError) for e in escaped), escaped
            for e in escaped:  # what the window's crash handler does with a sentence
                CrashHandler(lambda: w)(*e)
            assert inspector.site is not None and inspector.site.id == site.id
            assert inspector.notes.toPlainText() == "Taut band"  # kept where it was typed
            said = w.statusBar().currentMessage() + " " + " ".join(
                label.text() for label in inspector.errors.values() if label.isVisible())
            assert "cannot be reached now" in said, said
        finally:
            start(server)
        qtbot.waitUntil(lambda: not w.live.reconnecting, timeout=30000)
        qtbot.waitUntil(lambda: r.read.site(site.id).notes == "Taut band", timeout=10000)
        assert inspector.notes.toPlainText() == "Taut band"
    finally:
        w.close()
        w.deleteLater()
        context.close()
    with connect(superuser) as conn:
        assert conn.execute("SELECT count(*) FROM audit_breaks()").fetchone()[0] == 0
