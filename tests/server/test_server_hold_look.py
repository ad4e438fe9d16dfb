"""The waiting room's once-a-second look never stalls its window (RoomHold.look).

While another room holds the session, the read-only room asks the server every second whether
it is free. That question locks the hold's row (hold_session's FOR UPDATE), and a window's
connection waits for a lock 3 s at most (connection.LOCK_WAIT_S): behind another transaction
that holds the row (another room's call under way, an administrator's psql, a client stuck),
each look waited its 3 s on the window's thread, which froze 3 s of every 4. Now the look is
refused at once there and reads "still held"; otherwise it answers as before (free: this room
gets the session). Taking the session over, the person's click, still waits its bounded 3 s and
says its sentence, with the wait cursor meanwhile.

The other transaction is a superuser's psql-like connection that holds the hold's row FOR
UPDATE; it ends itself after HOLD_S idle, so that a test fails instead of hanging."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from imsmap.services.context import open_server_context
from imsmap.store.postgres import holds
from imsmap.store.postgres.connection import LOCK_WAIT_S, connect
from test_ui_support import answer_boxes, close_windows, qt_settings, show_window  # noqa: F401
from waiting_support import Ticks

HOLD_S = 20  # the other transaction's own end, well past LOCK_WAIT_S
BUSY = "Another room or program is writing on the clinic server right now"


@contextlib.contextmanager
def hold_row_locked(dsn: str, session_id: int) -> Iterator[None]:
    """The session's hold row held FOR UPDATE by another transaction until the block ends."""
    other = connect(dsn, application_name="psql")
    try:
        other.execute(f"SET idle_in_transaction_session_timeout = '{HOLD_S}s'")
        row = other.execute("SELECT session_id FROM imsmap.session_holds"
                            " WHERE session_id = %s FOR UPDATE", (session_id,)).fetchone()
        assert row is not None  # the row the look locks
        yield
    finally:
        with contextlib.suppress(Exception):
            other.rollback()
        other.close()


@pytest.fixture
def rooms(qtbot, qt_settings, people):  # noqa: F811 - the fixture imported above
    """Anna's window (Room 1), which holds a draft, and Ben's (Room 2), which waits for it."""
    from imsmap.ui.window_settings import ROOM

    contexts = [open_server_context(people[k][1]) for k in ("practitioner", "practitioner2")]
    anna = contexts[0].records
    patient = anna.create_patient(chart_number="K-1", family_name="Okafor")
    session = anna.start_session(patient.id)
    windows = []
    for context, room in zip(contexts, ("Room 1", "Room 2")):
        ROOM.write(room)  # read when the window is built
        windows.append(show_window(qtbot, context, patient_id=patient.id,
                                   session_id=session.id))
    try:
        yield windows[0], windows[1], session
    finally:
        close_windows(qtbot, windows)
        for context in contexts:
            context.close()


def _timed(gesture) -> float:
    start = time.monotonic()
    gesture()
    return time.monotonic() - start


def test_the_look_behind_a_locked_hold_row_answers_at_once_and_the_window_keeps_ticking(
        qtbot, rooms, people, clinic_dsn):
    first, second, session = rooms
    anna = people["practitioner"][0]
    banner = second.live.banner
    assert first.live.editable and not second.live.editable
    assert banner.wait_timer.isActive() and not banner.isHidden()
    second.statusBar().clearMessage()
    with hold_row_locked(clinic_dsn, session.id):
        # One look, as the banner's timer makes it: at once, and still held.
        took = _timed(banner.look_again)
        assert took < 0.5, f"the look waited {took:.2f} s"
        assert not second.live.editable and not banner.isHidden()
        assert anna in banner.label.text() and "Room 1" in banner.label.text()
        assert second.statusBar().currentMessage() == ""  # nothing to say: still held
        # A few seconds of the banner's own looks: the window's thread is never kept long.
        ticks = Ticks()
        qtbot.wait(3 * banner.wait_timer.interval() + 500)
        gap = ticks.longest_gap()
        assert gap < 0.5, f"the window's thread was kept {gap:.2f} s"
        assert not second.live.editable and second.statusBar().currentMessage() == ""
        # The window's bound is the same after the looks refused: 3 s for its writes.
        conn = second.records.db.conn.pg
        assert conn.execute("SHOW lock_timeout").fetchone()[0] == f"{LOCK_WAIT_S}s"
        conn.rollback()
    # Free again: Room 1 lets go, and Room 2's next look gets the session, as before.
    first.live.banner.set_session(None)
    qtbot.waitUntil(lambda: second.live.editable, timeout=5000)
    assert banner.isHidden() and not banner.wait_timer.isActive()


def test_taking_over_behind_a_locked_hold_row_waits_its_bound_with_the_wait_cursor(
        qtbot, rooms, clinic_dsn):
    first, second, session = rooms
    banner = second.live.banner
    cursors: list[object] = []
    take_over = banner.hold.take_over

    def observed() -> object:
        cursor = QApplication.overrideCursor()
        cursors.append(None if cursor is None else cursor.shape())
        return take_over()

    banner.hold.take_over = observed  # the real call, with the cursor seen as it starts
    with hold_row_locked(clinic_dsn, session.id):
        timer = answer_boxes(["Take over"], [])
        took = _timed(lambda: qtbot.mouseClick(banner.take_button, Qt.MouseButton.LeftButton))
        timer.stop()
        assert LOCK_WAIT_S - 0.5 <= took < LOCK_WAIT_S + 3, f"took {took:.1f} s"
        assert cursors == [Qt.CursorShape.WaitCursor]
        assert QApplication.overrideCursor() is None  # put back
        assert BUSY in second.statusBar().currentMessage()
        assert not second.live.editable and first.live.editable
    # Once the other transaction ended, the same click takes it over.
    timer = answer_boxes(["Take over"], [])
    qtbot.mouseClick(banner.take_button, Qt.MouseButton.LeftButton)
    timer.stop()
    assert second.live.editable and QApplication.overrideCursor() is None
    qtbot.waitUntil(lambda: not first.live.editable, timeout=5000)


def test_look_answers_as_hold_when_no_lock_is_in_the_way(people, clinic_dsn):
    """Free: this room gets it; held: who holds it; behind a lock: None, nothing changed;
    the connection's own lock_timeout is as it was after each (a savepoint in a longer
    transaction too)."""
    from live_support import patient, session

    _anna, dsn_a = people["practitioner"]
    _ben, dsn_b = people["practitioner2"]
    sid = session(dsn_a, patient(dsn_a, "K-2"))
    with connect(dsn_a) as a, connect(dsn_b) as b:
        b.execute("SET lock_timeout = '3s'")
        b.commit()
        mine = holds.look(a, sid, "Room 1")
        assert mine is not None and mine.mine
        theirs = holds.look(b, sid, "Room 2")
        assert theirs is not None and not theirs.mine and theirs.room == "Room 1"
        with hold_row_locked(clinic_dsn, sid):
            start = time.monotonic()
            assert holds.look(b, sid, "Room 2") is None
            assert time.monotonic() - start < 0.5
            assert b.execute("SHOW lock_timeout").fetchone()[0] == "3s"
            b.rollback()
        with b.transaction():  # a look inside a longer transaction (a savepoint)
            assert holds.look(b, sid, "Room 2") == theirs
            assert b.execute("SHOW lock_timeout").fetchone()[0] == "3s"
        assert b.execute("SHOW lock_timeout").fetchone()[0] == "3s"
        b.rollback()
        holds.release(a, sid, "Room 1")
        freed = holds.look(b, sid, "Room 2")
        assert freed is not None and freed.mine and freed.room == "Room 2"
