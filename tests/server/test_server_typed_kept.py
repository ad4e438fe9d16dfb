"""What a clinician typed stays in its box until it is saved or they discard it, whatever
refused its save on the clinic server, and a re-read the window makes by itself never freezes it
behind another room's lock (ui.pending_save).

- A save made by a timer (the plan) refused for another reason than a lock (the connection
  lost): said once, the plan kept in its box, and saved once the server answers again. It was
  put back to the stored plan (empty) when the window read the session again.
- A tolerance whose save (on leaving its field) met another room's lock: kept in its field,
  pending, and saved by the next save of what is typed if its timer has not saved it first
  (test_server_pending_fields). The refusal's re-read put the stored tolerance over it.
- A background re-read (another room wrote: `LiveWindow.everything`) with notes and a plan
  still to be saved, or a site's notes being typed when another program changed that site:
  they wait briefly like their timers, stay pending behind the lock and are saved after. It
  waited 3 s for each, and said a refusal nobody asked for."""

from __future__ import annotations

import time

from test_server_lock_waits import BUSY, _spot, room, row_held  # noqa: F401 - a fixture
from test_server_pending_saves import PENDING, stored

from imsmap.store.postgres.connection import connect
from test_ui_support import click_chart, qt_settings  # noqa: F401 - a fixture

LOST = "clinic server"  # every sentence of a lost connection names the server


def _cut_off(dsn: str, login: str, allowed: bool) -> None:
    """``login`` may not sign in (its connections ended), or may again."""
    with connect(dsn, autocommit=True) as admin:
        admin.execute(f'ALTER ROLE "{login}" {"LOGIN" if allowed else "NOLOGIN"}')
        if not allowed:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                          " WHERE usename = %s", (login,))


def test_a_plan_refused_by_a_lost_connection_is_kept_said_once_and_saved_once_back(
        qtbot, room, clinic_dsn, people):
    context, w, draft = room
    login = people["practitioner"][0]
    plan = w.details.plan
    notes = w.session_panel.notes
    _cut_off(clinic_dsn, login, allowed=False)
    try:
        notes.setFocus()
        qtbot.keyClicks(notes, "Trigger points L4-L5")
        plan.setPlainText("Review in one week")  # their timers save them, a pause after
        with qtbot.capture_exceptions() as escaped:
            qtbot.waitUntil(lambda: LOST in w.statusBar().currentMessage(), timeout=5000)
            qtbot.wait(1500)  # the timer does not try again and again, saying it each time
        assert not escaped, escaped  # said once, in the status bar: no crash box after it
        said = w.statusBar().currentMessage()
        assert PENDING not in said and BUSY not in said, said
        assert plan.toPlainText() == "Review in one week"
        assert notes.toPlainText() == "Trigger points L4-L5"
    finally:
        _cut_off(clinic_dsn, login, allowed=True)
    # The server answers again: the window reads the session again (as the listener's
    # return makes it), and the plan typed is neither lost nor put back to the stored one.
    qtbot.waitUntil(lambda: not w.live.reconnecting, timeout=30000)
    w.live.everything.emit()
    assert plan.toPlainText() == "Review in one week"
    assert notes.toPlainText() == "Trigger points L4-L5"
    qtbot.waitUntil(lambda: stored(clinic_dsn, "plan", draft.id) == "Review in one week",
                    timeout=6000)
    assert stored(clinic_dsn, "notes", draft.id) == "Trigger points L4-L5"
    assert w.session_actions.save_typed()


def test_a_tolerance_refused_behind_a_held_row_stays_in_its_field_and_is_saved_after(
        qtbot, room, clinic_dsn):
    context, w, draft = room
    tolerance = w.details.tolerance
    with row_held(clinic_dsn, draft.id):
        tolerance.setFocus()
        qtbot.keyClicks(tolerance, "Tolerated well")
        w.details.plan.setFocus()  # the field left: its save waits briefly, kept pending
        assert PENDING in w.statusBar().currentMessage()
        w.details.refresh()  # the window reads the session again: the typed text stays
        assert tolerance.text() == "Tolerated well"
    # The next save of what is typed (leaving the session, closing, signing) writes it.
    assert w.session_actions.save_typed()
    assert stored(clinic_dsn, "tolerance", draft.id) == "Tolerated well"
    assert tolerance.text() == "Tolerated well"


def _reread_behind_a_held_row(qtbot, w, dsn, session_id) -> float:
    with row_held(dsn, session_id):
        start = time.monotonic()
        w.live.everything.emit()  # another room wrote too much to follow: read it all again
        took = time.monotonic() - start
        said = w.statusBar().currentMessage()
        assert BUSY not in said, said
    return took


def test_a_reread_behind_a_held_row_keeps_the_typed_text_pending_without_freezing(
        qtbot, room, clinic_dsn):
    context, w, draft = room
    panel = w.session_panel
    panel.notes.setFocus()
    qtbot.keyClicks(panel.notes, "Trigger points L4-L5")
    w.details.plan.setPlainText("Review in one week")
    with qtbot.capture_exceptions() as escaped:
        took = _reread_behind_a_held_row(qtbot, w, clinic_dsn, draft.id)
    assert not escaped, escaped
    assert took < 1.5, f"the re-read froze the window {took:.1f} s"
    assert panel.notes.toPlainText() == "Trigger points L4-L5"
    assert w.details.plan.toPlainText() == "Review in one week"
    # Saved by their timers once the lock ended, nobody acting.
    qtbot.waitUntil(lambda: stored(clinic_dsn, "notes", draft.id) == "Trigger points L4-L5",
                    timeout=6000)
    qtbot.waitUntil(lambda: stored(clinic_dsn, "plan", draft.id) == "Review in one week",
                    timeout=6000)
    qtbot.waitUntil(lambda: PENDING not in w.statusBar().currentMessage(), timeout=3000)


def test_a_reread_of_a_site_changed_elsewhere_keeps_its_notes_pending_without_freezing(
        qtbot, room, clinic_dsn):
    """A site's notes being typed, the site graded by another program meanwhile: the
    inspector, shown the site again by the re-read, saved the notes first as a gesture (3 s
    behind the lock, and said the refusal under them)."""
    context, w, draft = room
    click_chart(qtbot, w, *_spot(w))
    inspector = w.session_panel.sites.inspector
    site = inspector.site
    assert site is not None
    inspector.notes.setFocus()
    qtbot.keyClicks(inspector.notes, "Local twitch, strong")
    with connect(clinic_dsn, autocommit=True) as other:
        other.execute("UPDATE sites SET grasp = 3 WHERE id = %s", (site.id,))
    with qtbot.capture_exceptions() as escaped:
        took = _reread_behind_a_held_row(qtbot, w, clinic_dsn, draft.id)
    assert not escaped, escaped
    assert took < 1.5, f"the re-read froze the window {took:.1f} s"
    assert inspector.notes.toPlainText() == "Local twitch, strong"
    qtbot.waitUntil(lambda: context.records.read.site(site.id).notes == "Local twitch, strong",
                    timeout=6000)
    saved = context.records.read.site(site.id)
    assert saved.grasp == 3  # the other program's grade kept
    qtbot.waitUntil(lambda: inspector.site is not None and inspector.site.grasp == 3,
                    timeout=3000)
    assert inspector.notes.toPlainText() == "Local twitch, strong"
