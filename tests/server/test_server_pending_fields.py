"""The session's fields that no typing pause saves (the pain boxes, the practitioner, the
tolerance), and the screen lock's save of what is typed, behind another room's lock on the
clinic server (a transaction holding the session's row, as test_server_lock_waits' `row_held`):
nothing freezes the window for the lock's bound (LOCK_WAIT_S), nothing is refused aloud, the
values stay in their boxes said to be not saved yet, and they are written by themselves once
the lock ends (ui.pending_save).

Measured on the code before (7 December): each pain score (a typed score, or each arrow
press) froze the window LOCK_WAIT_S and said the refusal, the practitioner and the tolerance
likewise on leaving their field, and none of them was tried again until the next save of
what is typed (leaving the session, closing); the screen lock waited LOCK_WAIT_S for each box
being typed in before it showed."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from test_server_lock_waits import BUSY, _spot, room, row_held  # noqa: F401 - a fixture
from test_server_pending_saves import PENDING, Stalls, stored

from imsmap.services import lock
from imsmap.store.postgres.connection import LOCK_WAIT_S
from test_ui_support import click_chart, qt_settings  # noqa: F401 - a fixture

QUICK_S = 1.0  # what a gesture behind the lock may take: the brief wait (0.3 s) and the work


def _timed(gesture) -> float:
    start = time.monotonic()
    gesture()
    return time.monotonic() - start


def _quiet_pending(w) -> None:
    said = w.statusBar().currentMessage()
    assert PENDING in said and BUSY not in said, said


def test_pain_scored_behind_a_held_row_waits_quietly_and_is_saved_after(
        qtbot, room, clinic_dsn):
    context, w, draft = room
    panel = w.session_panel
    with row_held(clinic_dsn, draft.id):
        stalls = Stalls()
        box = panel.pain_before
        box.setFocus()
        box.lineEdit().selectAll()
        qtbot.keyClicks(box, "7")
        typed = _timed(lambda: qtbot.keyClick(box, Qt.Key.Key_Return))
        panel.pain_after.setFocus()
        # three arrow presses: "not recorded" -> 0 -> 1 -> 2, each a change of the score
        arrows = _timed(lambda: [qtbot.keyClick(panel.pain_after, Qt.Key.Key_Up)
                                 for _ in range(3)])
        qtbot.wait(LOCK_WAIT_S * 1000 + 500)  # the retry's timer ran, and ran again
        stalls.timer.stop()
        assert typed < QUICK_S, f"a typed score froze the window {typed:.1f} s"
        assert arrows < QUICK_S, f"three arrow presses froze the window {arrows:.1f} s"
        assert stalls.longest < QUICK_S, f"the window froze {stalls.longest:.1f} s"
        _quiet_pending(w)
        assert (box.pain(), panel.pain_after.pain()) == (7, 2)
        assert stored(clinic_dsn, "pain_before", draft.id) is None  # nothing written yet
    # The other transaction ended: saved by itself, nobody acting.
    qtbot.waitUntil(lambda: (stored(clinic_dsn, "pain_before", draft.id),
                             stored(clinic_dsn, "pain_after", draft.id)) == (7, 2), timeout=6000)
    qtbot.waitUntil(lambda: PENDING not in w.statusBar().currentMessage(), timeout=3000)
    assert (box.pain(), panel.pain_after.pain()) == (7, 2)
    assert w.session_actions.save_typed()


def test_a_practitioner_typed_behind_a_held_row_waits_quietly_and_is_saved_after(
        qtbot, room, clinic_dsn):
    context, w, draft = room
    field = w.session_panel.practitioner
    with row_held(clinic_dsn, draft.id):
        stalls = Stalls()
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, "K. Lee, PT")
        left = _timed(lambda: w.session_panel.complaint.setFocus())  # the field left
        qtbot.wait(LOCK_WAIT_S * 1000 + 500)
        stalls.timer.stop()
        assert left < QUICK_S, f"leaving the field froze the window {left:.1f} s"
        assert stalls.longest < QUICK_S, f"the window froze {stalls.longest:.1f} s"
        _quiet_pending(w)
        assert field.text() == "K. Lee, PT"
        assert stored(clinic_dsn, "practitioner", draft.id) == "Dana Roy, PT"
        # Closing meanwhile (a gesture) tries once more, waits, and is refused aloud: the
        # window asks what to do (ask_unsaved_on_close), the name still in its field.
        assert not w.session_actions.save_typed()
        assert BUSY in w.statusBar().currentMessage()
        assert field.text() == "K. Lee, PT"
    qtbot.waitUntil(lambda: stored(clinic_dsn, "practitioner", draft.id) == "K. Lee, PT",
                    timeout=6000)
    qtbot.waitUntil(lambda: PENDING not in w.statusBar().currentMessage(), timeout=3000)
    assert field.text() == "K. Lee, PT"
    assert w.session_actions.save_typed()


def test_a_tolerance_typed_behind_a_held_row_waits_quietly_and_is_saved_after(
        qtbot, room, clinic_dsn):
    context, w, draft = room
    tolerance = w.details.tolerance
    with row_held(clinic_dsn, draft.id):
        stalls = Stalls()
        tolerance.setFocus()
        qtbot.keyClicks(tolerance, "Tolerated well")
        left = _timed(lambda: w.details.plan.setFocus())  # the field left
        qtbot.wait(LOCK_WAIT_S * 1000 + 500)
        stalls.timer.stop()
        assert left < QUICK_S, f"leaving the field froze the window {left:.1f} s"
        assert stalls.longest < QUICK_S, f"the window froze {stalls.longest:.1f} s"
        _quiet_pending(w)
        assert tolerance.text() == "Tolerated well"
    qtbot.waitUntil(lambda: stored(clinic_dsn, "tolerance", draft.id) == "Tolerated well",
                    timeout=6000)
    qtbot.waitUntil(lambda: PENDING not in w.statusBar().currentMessage(), timeout=3000)
    assert tolerance.text() == "Tolerated well"


def test_the_complaint_and_notes_left_behind_a_held_row_wait_quietly_and_are_saved_after(
        qtbot, room, clinic_dsn):
    """Leaving the complaint or the notes saves them at once: behind the lock that save
    waited LOCK_WAIT_S and was refused aloud, their timers stopped, and nothing saved them
    until the next save of what is typed."""
    context, w, draft = room
    panel = w.session_panel
    with row_held(clinic_dsn, draft.id):
        stalls = Stalls()
        panel.complaint.setFocus()
        qtbot.keyClicks(panel.complaint, "Low back pain")
        left_complaint = _timed(lambda: panel.notes.setFocus())
        qtbot.keyClicks(panel.notes, "Trigger points L4-L5")
        left_notes = _timed(lambda: w.details.plan.setFocus())
        qtbot.wait(LOCK_WAIT_S * 1000 + 500)
        stalls.timer.stop()
        assert left_complaint < QUICK_S, f"leaving the complaint froze {left_complaint:.1f} s"
        assert left_notes < QUICK_S, f"leaving the notes froze {left_notes:.1f} s"
        assert stalls.longest < QUICK_S, f"the window froze {stalls.longest:.1f} s"
        _quiet_pending(w)
        assert panel.complaint.text() == "Low back pain"
        assert panel.notes.toPlainText() == "Trigger points L4-L5"
    qtbot.waitUntil(lambda: (stored(clinic_dsn, "complaint", draft.id),
                             stored(clinic_dsn, "notes", draft.id))
                    == ("Low back pain", "Trigger points L4-L5"), timeout=6000)
    qtbot.waitUntil(lambda: PENDING not in w.statusBar().currentMessage(), timeout=3000)


def test_a_site_s_notes_left_behind_a_held_row_wait_quietly_and_are_saved_after(
        qtbot, room, clinic_dsn):
    context, w, draft = room
    click_chart(qtbot, w, *_spot(w))
    inspector = w.session_panel.sites.inspector
    site = inspector.site
    assert site is not None
    with row_held(clinic_dsn, draft.id):
        stalls = Stalls()
        inspector.notes.setFocus()
        qtbot.keyClicks(inspector.notes, "Local twitch, strong")
        left = _timed(lambda: w.session_panel.complaint.setFocus())
        qtbot.wait(LOCK_WAIT_S * 1000 + 500)
        stalls.timer.stop()
        assert left < QUICK_S, f"leaving the site's notes froze the window {left:.1f} s"
        assert stalls.longest < QUICK_S, f"the window froze {stalls.longest:.1f} s"
        _quiet_pending(w)
        assert inspector.notes.toPlainText() == "Local twitch, strong"
    qtbot.waitUntil(lambda: context.records.read.site(site.id).notes == "Local twitch, strong",
                    timeout=6000)
    qtbot.waitUntil(lambda: PENDING not in w.statusBar().currentMessage(), timeout=3000)


def test_the_screen_lock_behind_a_held_row_locks_at_once_and_the_typed_text_is_saved_after(
        qtbot, room, clinic_dsn):
    """Ctrl+Shift+K (the idle lock does the same) with a box of each kind still being typed
    in: the lock saves them first, briefly; behind the row they stay pending and their timers
    save them, the window locked, once the row is let go."""
    context, w, draft = room
    lock.save(context.records, pin="2468", idle_minutes=0)
    w.screen_lock.apply_settings()
    panel, details = w.session_panel, w.details
    typed = {"notes": "Trigger points L4-L5", "complaint": "Low back pain",
             "plan": "Review in one week", "practitioner": "K. Lee, PT",
             "tolerance": "Tolerated well"}
    with row_held(clinic_dsn, draft.id):
        panel.notes.setFocus()
        qtbot.keyClicks(panel.notes, typed["notes"])
        panel.complaint.setFocus()
        qtbot.keyClicks(panel.complaint, typed["complaint"])
        details.plan.setPlainText(typed["plan"])
        panel.practitioner.setFocus()
        panel.practitioner.selectAll()
        qtbot.keyClicks(panel.practitioner, typed["practitioner"])
        details.tolerance.setFocus()
        qtbot.keyClicks(details.tolerance, typed["tolerance"])  # the focus still in it
        with qtbot.capture_exceptions() as escaped:
            took = _timed(w.menus.act_lock.trigger)
        assert not escaped, escaped
        assert w.screen_lock.locked
        assert took < 1.5, f"locking froze the window {took:.1f} s"
        shown = {"notes": panel.notes.toPlainText(), "complaint": panel.complaint.text(),
                 "plan": details.plan.toPlainText(), "practitioner": panel.practitioner.text(),
                 "tolerance": details.tolerance.text()}
        assert shown == typed
    # Saved by their timers once the row is let go, the window still locked.
    def saved() -> dict[str, object]:
        return {k: stored(clinic_dsn, k, draft.id) for k in typed}

    try:
        qtbot.waitUntil(lambda: saved() == typed, timeout=8000)
    finally:
        print(saved(), w.statusBar().currentMessage())
    assert w.screen_lock.locked
