"""A save made by a timer (the session's notes and complaint, the plan: a pause after the last
key) behind another transaction's lock neither freezes the window the lock bound (LOCK_WAIT_S)
nor refuses: it waits briefly, keeps what was typed pending in its box, says so quietly and
tries again, and the text is written by itself once the lock ends (ui.pending_save).

The other transaction is the psql-like one of test_server_lock_waits (`row_held`)."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from test_server_lock_waits import BUSY, BUSY_FR, _spot, room, row_held  # noqa: F401 - a fixture

from imsmap.store.postgres.connection import LOCK_WAIT_S, connect
from test_ui_french import french  # noqa: F401 - a fixture
from test_ui_support import click_chart, qt_settings  # noqa: F401 - a fixture

PENDING = "Not saved yet: another room or program is writing on the clinic server"
PENDING_FR = ("Pas encore enregistré\u00a0: une autre salle ou un autre programme enregistre sur"
              " le serveur de la clinique")


def stored(dsn: str, column: str, session_id: int) -> object:
    with connect(dsn) as conn:
        row = conn.execute(f"SELECT {column} FROM sessions WHERE id = %s",
                           (session_id,)).fetchone()
        return None if row is None else row[0]


class Stalls:
    """The longest the window's event loop went without running a 50 ms timer."""

    def __init__(self) -> None:
        self.last = time.monotonic()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self.last)
        self.last = now


def _behind_a_held_row(qtbot, w, dsn, session_id, type_it, column, typed, pending, busy):
    with row_held(dsn, session_id):
        type_it()
        stalls = Stalls()
        qtbot.wait(LOCK_WAIT_S * 1000 + 500)  # the save's timer ran, and ran again
        stalls.timer.stop()
        assert stalls.longest < 1.0, f"the window froze {stalls.longest:.1f} s"
        said = w.statusBar().currentMessage()
        assert pending in said and busy not in said, said
        assert stored(dsn, column, session_id) in (None, "")  # nothing written yet
    # The other transaction ended: saved by itself, nobody acting.
    qtbot.waitUntil(lambda: stored(dsn, column, session_id) == typed, timeout=6000)
    # and the status bar no longer says it is not saved
    qtbot.waitUntil(lambda: pending not in w.statusBar().currentMessage(), timeout=3000)


def test_notes_typed_behind_a_held_row_wait_quietly_and_are_saved_after(
        qtbot, room, clinic_dsn):
    context, w, draft = room
    panel = w.session_panel

    def type_notes():
        panel.notes.setFocus()
        qtbot.keyClicks(panel.notes, "Trigger points L4-L5")

    _behind_a_held_row(qtbot, w, clinic_dsn, draft.id, type_notes, "notes",
                       "Trigger points L4-L5", PENDING, BUSY)
    assert panel.notes.toPlainText() == "Trigger points L4-L5"
    assert context.records.read.session(draft.id).notes == "Trigger points L4-L5"


def test_a_complaint_and_a_plan_typed_behind_a_held_row_are_saved_after_in_french(
        qtbot, room, clinic_dsn, french):  # noqa: F811
    context, w, draft = room
    panel = w.session_panel

    def type_complaint():
        panel.complaint.setFocus()
        qtbot.keyClicks(panel.complaint, "Low back pain")

    _behind_a_held_row(qtbot, w, clinic_dsn, draft.id, type_complaint, "complaint",
                       "Low back pain", PENDING_FR, BUSY_FR)
    plan = w.details.plan
    # The plan's box left before its save: the typed plan is kept while it waits.
    _behind_a_held_row(qtbot, w, clinic_dsn, draft.id,
                       lambda: plan.setPlainText("Review in one week"), "plan",
                       "Review in one week", PENDING_FR, BUSY_FR)
    assert plan.toPlainText() == "Review in one week"


def test_the_bound_of_a_delayed_save_ends_with_its_transaction(room):
    context, _w, _draft = room
    conn = context.records.db.conn
    with context.records.waiting_briefly():
        context.records.update_session(_draft.id, notes="x")
    assert str(conn.pg.execute("SHOW lock_timeout").fetchone()[0]) == f"{LOCK_WAIT_S}s"


def test_a_plan_pending_when_the_window_saves_what_is_typed_is_kept_and_said(
        qtbot, room, clinic_dsn):
    """Closing, signing or leaving the session saves what is typed (save_typed): a plan still
    pending there behind the lock is refused, as a gesture's save is, and it says so (False:
    the window asks before closing, stays on the session), the plan kept in its box and saved
    once the lock ends. (It was put back to the stored plan, and the window closed without
    it, unasked.)"""
    context, w, draft = room
    plan = w.details.plan
    with row_held(clinic_dsn, draft.id):
        plan.setPlainText("Review in one week")
        assert not w.session_actions.save_typed()
        assert BUSY in w.statusBar().currentMessage()
        assert plan.toPlainText() == "Review in one week"
    qtbot.waitUntil(lambda: stored(clinic_dsn, "plan", draft.id) == "Review in one week",
                    timeout=6000)
    assert w.session_actions.save_typed()


def test_a_site_s_notes_typed_behind_a_held_row_wait_quietly_and_are_saved_after(
        qtbot, room, clinic_dsn):
    context, w, draft = room
    click_chart(qtbot, w, *_spot(w))
    assert len(w.edits.sites) == 1
    inspector = w.session_panel.sites.inspector
    site = inspector.site
    assert site is not None

    with row_held(clinic_dsn, draft.id):
        inspector.notes.setFocus()
        qtbot.keyClicks(inspector.notes, "Local twitch, strong")
        stalls = Stalls()
        qtbot.wait(LOCK_WAIT_S * 1000 + 500)
        stalls.timer.stop()
        assert stalls.longest < 1.0, f"the window froze {stalls.longest:.1f} s"
        said = w.statusBar().currentMessage()
        assert PENDING in said and BUSY not in said, said
        assert inspector.notes.toPlainText() == "Local twitch, strong"
    qtbot.waitUntil(lambda: context.records.read.site(site.id).notes == "Local twitch, strong",
                    timeout=6000)
    qtbot.waitUntil(lambda: PENDING not in w.statusBar().currentMessage(), timeout=3000)
