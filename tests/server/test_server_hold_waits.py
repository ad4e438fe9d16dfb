"""A room that typed nothing never waits for another transaction's lock, nor is told a write
was refused: its heartbeat, and the open of a session (RoomHold.beat, RoomHold.open).

The window's connection waits for a lock 3 s at most (connection.LOCK_WAIT_S), then refuses the
write with « Another room or program is writing on the clinic server ... ». The heartbeat (every
HEARTBEAT_S, nobody's gesture behind it) waited those 3 s on the window's thread behind a lock
on the hold's row, then said that sentence to a clinician who had typed nothing. Now it is not
renewed this time, at once, asked again RETRY_S later, and said only when the hold would lapse
(HOLD_EXPIRY_S after its last renewal), when it has, and once it is renewed again.

Opening a session behind a lock (its row held FOR UPDATE from a psql: the hold's INSERT checks
its key) waited 3 s, said the write's refusal, and left the session read-only with no banner and
nothing asked again. Now it waits briefly with the wait cursor, then shows the session to read,
whole, with a banner that says why it is not editable yet, and looks every second until it gets
it.

The other transactions are superuser psql-like connections that end themselves after HOLD_S
idle, so that a test fails instead of hanging."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_server_hold_look import BUSY, hold_row_locked, rooms  # noqa: F401 - a fixture
from test_server_lock_waits import _spot, row_held

from imsmap.services.context import open_server_context
from imsmap.store.postgres.connection import LOCK_WAIT_S, connect
from imsmap.store.postgres.holds import HEARTBEAT_S, HOLD_EXPIRY_S
from imsmap.ui.hold_banner import RETRY_S, busy_sentence
from test_ui_french import french  # noqa: F401 - a fixture
from test_ui_support import click_chart, close_windows, qt_settings, show_window  # noqa: F401
from waiting_support import Ticks


def _timed(gesture) -> float:
    start = time.monotonic()
    gesture()
    return time.monotonic() - start


def _heartbeat_age(dsn: str, session_id: int) -> float:
    with connect(dsn) as conn:
        return float(conn.execute("SELECT extract(epoch FROM now() - heartbeat) FROM"
                                  " session_holds WHERE session_id = %s",
                                  (session_id,)).fetchone()[0])


def test_the_hold_lives_as_long_as_the_server_says(clinic_dsn):
    with connect(clinic_dsn) as conn:
        assert conn.execute("SELECT extract(epoch FROM hold_expiry())").fetchone()[0] \
            == HOLD_EXPIRY_S


def test_a_heartbeat_behind_a_locked_hold_row_neither_waits_nor_speaks_until_the_hold_would_lapse(
        qtbot, rooms, clinic_dsn):
    first, second, session = rooms
    banner, hold = first.live.banner, first.live.banner.hold
    bar = first.statusBar()
    assert first.live.editable and banner.timer.isActive()
    bar.clearMessage()
    with hold_row_locked(clinic_dsn, session.id):
        # The banner's own beat, as its timer makes it: at once, nothing said, still editable.
        took = _timed(banner.beat)
        assert took < 0.5, f"the heartbeat waited {took:.2f} s"
        assert bar.currentMessage() == "", bar.currentMessage()
        assert first.live.editable and banner.isHidden() and hold.missed == 1
        assert banner.timer.interval() == RETRY_S * 1000  # asked again soon
        # The window's thread is never kept while the timer beats (its next beat brought
        # forward here, as if RETRY_S had passed), which asks again RETRY_S later.
        banner.timer.setInterval(200)
        ticks = Ticks()
        qtbot.wait(1200)
        gap = ticks.longest_gap()
        assert gap < 0.5, f"the window's thread was kept {gap:.2f} s"
        assert hold.missed == 2 and banner.timer.interval() == RETRY_S * 1000
        assert bar.currentMessage() == "" and first.live.editable
        # As if the last renewal were a minute and more ago: the room is told its hold
        # would lapse, and by when, once.
        banner.timer.stop()
        hold.renewed_at -= HOLD_EXPIRY_S - HEARTBEAT_S + 5
        banner.beat()
        said = bar.currentMessage()
        assert "has not been renewed for 6" in said and "Unless it is renewed by" in said, said
        assert BUSY not in said and first.live.editable
        bar.clearMessage()
        banner.beat()
        assert bar.currentMessage() == ""  # said once
        # Past the hold's life: told that it lapsed.
        hold.renewed_at -= HEARTBEAT_S
        banner.beat()
        said = bar.currentMessage()
        assert "lapsed at" in said and "keeps trying to renew it" in said, said
        assert first.live.editable  # nobody took it: still this room's on the server
    # The lock ended: the next beat renews it, and says so.
    banner.beat()
    assert hold.missed == 0 and banner.timer.interval() == HEARTBEAT_S * 1000
    assert "is renewed" in bar.currentMessage()
    assert _heartbeat_age(clinic_dsn, session.id) < 2
    assert first.live.editable and not second.live.editable
    # The window's bound for its writes is as it was after the heartbeats, refused or not.
    conn = first.records.db.conn.pg
    assert conn.execute("SHOW lock_timeout").fetchone()[0] == f"{LOCK_WAIT_S}s"
    conn.rollback()


def test_closing_the_window_behind_a_locked_hold_row_does_not_wait_its_bound(
        qtbot, rooms, clinic_dsn):
    first, second, session = rooms
    with hold_row_locked(clinic_dsn, session.id):
        took = _timed(first.close)
        assert took < LOCK_WAIT_S - 1, f"closing waited {took:.1f} s"
        assert not first.isVisible()
    # Not let go there: it ends with the window's connection (the fixture closes it).


def test_opening_a_draft_behind_a_locked_row_shows_it_to_read_and_gets_it_once_free(
        qtbot, qt_settings, people, clinic_dsn):  # noqa: F811
    context = open_server_context(people["practitioner"][1])
    records = context.records
    first = records.create_patient(chart_number="H-1", family_name="Abbott")
    records.start_session(first.id)
    second = records.create_patient(chart_number="H-2", family_name="Bell")
    draft = records.start_session(second.id)
    w = show_window(qtbot, context, patient_id=first.id)
    try:
        banner = w.live.banner
        cursors: list[object] = []
        opening = banner.hold.open

        def observed(session_id):
            cursor = QApplication.overrideCursor()
            cursors.append(None if cursor is None else cursor.shape())
            return opening(session_id)

        banner.hold.open = observed  # the real call, with the cursor seen as it starts
        w.statusBar().clearMessage()
        with row_held(clinic_dsn, draft.id):
            took = _timed(lambda: w.patients.select_patient(second.id))
            assert took < LOCK_WAIT_S - 1, f"the open waited {took:.1f} s"
            assert w.session_id == draft.id  # opened, to read
            assert cursors[-1] == Qt.CursorShape.WaitCursor and QApplication.overrideCursor() is None
            assert BUSY not in w.statusBar().currentMessage()
            assert not w.live.editable and not w.session_panel.editable
            assert not banner.isHidden() and banner.label.text() == busy_sentence()
            assert banner.take_button.isHidden() and banner.wait_timer.isActive()
            assert "busy on the clinic server" in w.session_panel.status.text()
            # A tap meanwhile is refused with the banner's words: no site, nothing sent.
            x, y = _spot(w)
            click_chart(qtbot, w, x, y)
            assert w.statusBar().currentMessage() == busy_sentence()
            assert len(w.edits.sites) == 0
            # It looks again every second, without keeping the window's thread.
            ticks = Ticks()
            qtbot.wait(2500)
            assert ticks.longest_gap() < 0.5 and not w.live.editable
            assert not banner.isHidden()
        # The lock ended: the next look gets it, and the window edits it.
        qtbot.waitUntil(lambda: w.live.editable, timeout=5000)
        assert banner.isHidden() and not banner.wait_timer.isActive()
        assert w.session_panel.editable
        assert BUSY not in w.statusBar().currentMessage()
        click_chart(qtbot, w, x, y)
        assert len(w.edits.sites) == 1
    finally:
        close_windows(qtbot, [w])
        context.close()


def test_the_new_words_are_french_in_a_french_window(french):  # noqa: F811
    assert busy_sentence().startswith("On ne sait pas encore si cette séance peut être modifiée")
