"""A room's imsmap killed (kill -9: a real second process, its hold made as the window makes it,
services.live.room_of) in the middle of its hold's work on a clinic server, while another room
(a real window in the test process) goes on: inside its heartbeat's transaction, inside the
open of a draft as it takes the hold, and inside a write whose locks another room's save made
by a timer waits behind (every write appends to the audit trail and holds its head's row until
COMMIT).

After each kill, the other room edits the session within seconds, far inside the hold's
expiry (HOLD_EXPIRY_S, 90 s, never waited for here: a killed room's hold ends with its
connection, store/postgres/holds.py); every site and signature the killed room was told had
gone through is there, and the write it was killed in is not there at all; no hold is left
that blocks anyone (a row whose connection is gone and that the server still reads as in
force); and what the window said meanwhile and after was true: still held while the killed
room lived, not known yet while its open was under way, saved once it was.

The killed room (room_processes.ROOM_PROCESS) stops at a chosen statement of its transaction
(the statement run, nothing committed; a COMMIT before it is sent), says "inside" and waits for
a line that never comes."""

from __future__ import annotations

import sys
import time

import pytest
from room_processes import (  # noqa: F401 - clinic is a fixture
    FREE_WITHIN_S,
    KilledRoom,
    backends_gone,
    ben_window,
    clinic,
    free_spot,
    holds_now,
    kept,
    nothing_blocks,
    room_stopped,
)

from imsmap.services.records import content_hash
from imsmap.store.postgres.connection import connect
from imsmap.store.postgres.holds import HOLD_EXPIRY_S
from imsmap.ui.hold_banner import WAIT_S, busy_sentence
from test_ui_support import click_chart, close_windows, qt_settings  # noqa: F401
from waiting_support import Ticks

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX's")

PENDING = "Not saved yet: another room or program is writing on the clinic server"


def _one(dsn: str, sql: str, params: tuple = ()) -> object:
    with connect(dsn) as conn:
        row = conn.execute(sql, params).fetchone()
        conn.rollback()
    return None if row is None else row[0]


def test_a_room_killed_inside_its_heartbeat_frees_its_draft_for_the_waiting_room(
        qtbot, clinic, clinic_dsn):
    """Anna's room charts on her draft, then is killed inside its heartbeat's transaction (the
    hold's row renewed, not committed: the row locked). Ben's window, waiting read-only, was
    told she holds it, which was true while her room lived; its looks meanwhile are refused
    at once, not waited. Killed: her renewal is not kept, her hold is no longer in force, and
    Ben's next look gets the draft, said as hers no longer."""
    people, patient, signed, drafts, ben = clinic
    draft = drafts[0]
    with room_stopped(qtbot, clinic, "hold_heartbeat", draft.id, 3, "beat",
                      shows=draft.id) as (anna, w):
        banner = w.live.banner
        login = people["practitioner"][0]
        assert not w.live.editable and login in banner.label.text()
        assert "Room 1" in banner.label.text()
        renewed = holds_now(clinic_dsn)
        anna.go_on()
        anna.until("inside")  # her heartbeat's UPDATE ran; its transaction is open
        ticks = Ticks()
        qtbot.wait(2 * WAIT_S * 1000 + 300)  # the banner's own looks, behind her row lock
        gap = ticks.longest_gap()
        assert gap < 0.5, f"the window's thread was kept {gap:.2f} s"
        assert not w.live.editable and login in banner.label.text()  # true: she is there
        w.statusBar().clearMessage()

        anna.kill()
        killed = time.monotonic()
        backends_gone(clinic_dsn, [anna.backend])
        # Her renewal, uncommitted, is not kept, and her hold, its connection gone, holds
        # nothing: read before Ben's window asks again.
        after = holds_now(clinic_dsn)
        assert [row[:4] for row in after] == [row[:4] for row in renewed]
        assert [row[4:] for row in after] == [(False, False)]
        qtbot.waitUntil(lambda: w.live.editable, timeout=int(FREE_WITHIN_S * 1000))
        took = time.monotonic() - killed
        assert took < FREE_WITHIN_S < HOLD_EXPIRY_S
        assert banner.isHidden() and w.session_panel.editable
        said = w.statusBar().currentMessage()
        assert f"{login} no longer has this session open in Room 1" in said, said
        nothing_blocks(clinic_dsn)
        assert holds_now(clinic_dsn)[0][1:3] == (people["practitioner2"][0], "Room 2")
        # Ben charts on it, after her sites
        click_chart(qtbot, w, *free_spot(w))
        assert len(w.edits.sites) == 4, w.statusBar().currentMessage()
    kept(ben.records, signed, anna)
    assert len(ben.records.read.sites_for_session(draft.id)) == 4


def test_a_room_killed_as_it_takes_a_draft_s_hold_leaves_it_free_for_the_room_opening_it(
        qtbot, clinic, clinic_dsn):
    """Anna's room charts on her first draft and signs it, then opens her second and is killed
    inside the open, as it takes the hold (the hold's row written, not committed). Ben's
    window opening that draft meanwhile waits briefly and shows it to read, saying that
    whether it can be edited is not known yet, which was true, and looks every second.
    Killed: her uncommitted hold is gone, nothing is left that holds the draft, and Ben's
    next look gets it, said as nobody's lost."""
    from imsmap.store.postgres.connection import LOCK_WAIT_S

    people, patient, signed, drafts, ben = clinic
    first, second = drafts
    anna = KilledRoom(people["practitioner"][1], "Room 1", "hold_session",
                      f"hold:{first.id}", f"sites:{first.id}:2", f"sign:{first.id}", "wait",
                      "arm", f"open:{second.id}")
    w = None
    try:
        anna.until("held")
        anna.until("signed")
        w = ben_window(qtbot, ben, patient.id, signed.id)  # the visit signed: no hold
        anna.go_on()
        anna.until("inside")  # her hold_session ran; its transaction is open
        assert [row[:3] for row in holds_now(clinic_dsn)] == []  # her first let go; none yet
        w.statusBar().clearMessage()
        start = time.monotonic()
        w.patients.select_session(second.id)
        took = time.monotonic() - start
        assert took < LOCK_WAIT_S - 1, f"the open waited {took:.1f} s"
        banner = w.live.banner
        assert w.session_id == second.id and not w.live.editable
        assert not banner.isHidden() and banner.label.text() == busy_sentence()
        assert banner.take_button.isHidden()  # nobody known to take it from
        ticks = Ticks()
        qtbot.wait(2 * WAIT_S * 1000 + 300)  # the banner's looks, behind her open
        gap = ticks.longest_gap()
        assert gap < 0.5, f"the window's thread was kept {gap:.2f} s"
        assert not w.live.editable and banner.label.text() == busy_sentence()

        anna.kill()
        killed = time.monotonic()
        backends_gone(clinic_dsn, [anna.backend])
        assert holds_now(clinic_dsn) == []  # her hold, never committed, is not there
        qtbot.waitUntil(lambda: w.live.editable, timeout=int(FREE_WITHIN_S * 1000))
        assert time.monotonic() - killed < FREE_WITHIN_S < HOLD_EXPIRY_S
        assert banner.isHidden() and w.session_panel.editable
        assert "busy on the clinic server" not in w.session_panel.status.text()
        said = w.statusBar().currentMessage()
        assert "no longer has this session open" not in said, said  # nobody had it
        nothing_blocks(clinic_dsn)
        assert [row[:3] for row in holds_now(clinic_dsn)] == [
            (second.id, people["practitioner2"][0], "Room 2")]
        click_chart(qtbot, w, *free_spot(w))
        assert len(w.edits.sites) == 1, w.statusBar().currentMessage()
    finally:
        anna.kill()
        if w is not None:
            close_windows(qtbot, [w])
    records = ben.records
    kept(records, signed, anna)
    now = records.read.session(first.id)  # signed by her room before it was killed
    assert now.is_signed and content_hash(records.session_record(first.id)) == now.content_hash
    assert len(records.read.sites_for_session(first.id)) == 2


def test_a_room_killed_as_it_opens_a_draft_another_room_holds_costs_that_room_one_heartbeat(
        qtbot, clinic, clinic_dsn):
    """Ben's window holds his draft; Anna's room opens it and is killed inside the open (the
    hold's row locked by her hold_session, which found it Ben's). Ben's heartbeat meanwhile is
    not renewed, at once, and nothing is said (the hold lives 90 s); his taps are written.
    Killed: his next heartbeat renews it, still nothing said, and the hold is his."""
    people, patient, signed, drafts, ben = clinic
    draft = drafts[0]
    w = ben_window(qtbot, ben, patient.id, draft.id)
    anna = KilledRoom(people["practitioner"][1], "Room 1", "hold_session", "arm",
                      f"open:{draft.id}")
    try:
        banner, hold = w.live.banner, w.live.banner.hold
        assert w.live.editable
        held = holds_now(clinic_dsn)
        anna.until("inside")  # her hold_session found it Ben's, the row locked till COMMIT
        w.statusBar().clearMessage()
        start = time.monotonic()
        banner.beat()  # as the banner's timer makes it
        assert time.monotonic() - start < 0.5
        assert hold.missed == 1 and w.live.editable and w.statusBar().currentMessage() == ""
        click_chart(qtbot, w, *free_spot(w))  # his write does not wait on her
        assert len(w.edits.sites) == 1, w.statusBar().currentMessage()
        assert holds_now(clinic_dsn) == held

        anna.kill()
        backends_gone(clinic_dsn, [anna.backend])
        w.statusBar().clearMessage()
        banner.beat()
        assert hold.missed == 0 and w.live.editable and w.statusBar().currentMessage() == ""
        after = holds_now(clinic_dsn)
        assert [row[:3] for row in after] == [row[:3] for row in held]
        assert after[0][3] > held[0][3] and after[0][4:] == (True, True)  # renewed, his
        nothing_blocks(clinic_dsn)
    finally:
        anna.kill()
        close_windows(qtbot, [w])
    assert len(ben.records.read.sites_for_session(draft.id)) == 1


def test_a_room_killed_inside_a_write_lets_the_notes_another_room_typed_be_saved(
        qtbot, clinic, clinic_dsn):
    """Anna's room charts on her draft and is killed inside the next site's write (every row of
    it written, before its COMMIT: the audit trail's head locked, which every write waits for).
    Ben's notes on his own draft, saved by their timer, wait briefly behind it and stay pending,
    said quietly as another room's or program's write, which was true (it said the server was
    busy with this session, his, which nobody else was writing). Killed: her half-written site
    is not there, his notes are saved by themselves and no longer said pending, and her draft
    opens for editing in his window at once."""
    from imsmap.services.checks import full_check

    people, patient, signed, drafts, ben = clinic
    hers, his = drafts
    with room_stopped(qtbot, clinic, "COMMIT", hers.id, 2, f"sites:{hers.id}:1",
                      shows=his.id) as (anna, w):
        assert w.live.editable
        anna.go_on()
        anna.until("inside")  # her third site and its audit entry written, not committed
        panel = w.session_panel
        panel.notes.setFocus()
        qtbot.keyClicks(panel.notes, "Trigger points L4-L5")
        ticks = Ticks()
        qtbot.wait(2500)  # the save's timer ran, and ran again
        gap = ticks.longest_gap()
        assert gap < 1.0, f"the window froze {gap:.1f} s"
        said = w.statusBar().currentMessage()
        assert PENDING in said, said
        assert _one(clinic_dsn, "SELECT notes FROM sessions WHERE id = %s", (his.id,)) \
            in (None, "")

        anna.kill()
        backends_gone(clinic_dsn, [anna.backend])
        qtbot.waitUntil(lambda: _one(clinic_dsn, "SELECT notes FROM sessions WHERE id = %s",
                                     (his.id,)) == "Trigger points L4-L5", timeout=6000)
        qtbot.waitUntil(lambda: PENDING not in w.statusBar().currentMessage(), timeout=3000)
        assert panel.notes.toPlainText() == "Trigger points L4-L5"
        nothing_blocks(clinic_dsn)
        # Her draft: free for his window at once (her hold ended with her connection).
        w.patients.select_session(hers.id)
        assert w.session_id == hers.id and w.live.editable and w.live.banner.isHidden()
    records = ben.records
    kept(records, signed, anna)
    assert {s.id for s in records.read.sites_for_session(hers.id)} == set(anna.said("site"))
    report = full_check(records)  # the server's chain and imsmap's check of it
    assert report.ok, report.text()


def test_a_killed_room_s_hold_read_as_alive_blocks_no_one_past_its_expiry(clinic, clinic_dsn):
    """The server reads a hold as in force while a connection with its process id holds
    sessions (schema 4: that connection's advisory lock, in pg_locks). The operating system
    hands process ids out again (pid_max is 32768 on many a Linux server): a new connection
    that gets a killed room's id and holds a session of its own makes the killed room's hold
    read as alive. It then blocks the draft, but no longer than the hold's expiry: nobody
    renews its heartbeat, not even the connection with its id. (The id handed out again is
    written into the hold's row by the test; the expiry is made short by moving the heartbeat
    back by hold_expiry(), as test_server_hold_connection does.)"""
    from imsmap.store.postgres import holds

    people, _patient, signed, drafts, ben = clinic
    hers, other = drafts
    anna = KilledRoom(people["practitioner"][1], "Room 1", "-", f"hold:{hers.id}",
                      f"sites:{hers.id}:2")
    try:
        anna.until("done")
    finally:
        anna.kill()
    backends_gone(clinic_dsn, [anna.backend])
    with connect(people["practitioner2"][1]) as newcomer, \
            connect(people["practitioner2"][1]) as room2, connect(clinic_dsn) as owner:
        assert holds.hold(newcomer, other.id, "Room 3").mine  # its connection's lock taken
        reused = newcomer.info.backend_pid
        owner.execute("UPDATE session_holds SET holder_pid = %s WHERE session_id = %s",
                      (reused, hers.id))
        owner.commit()
        theirs = holds.look(room2, hers.id, "Room 2")  # read as alive: still hers
        assert theirs is not None and not theirs.mine and theirs.room == "Room 1"
        before = holds_now(clinic_dsn)[0]
        assert before[:3] == (hers.id, people["practitioner"][0], "Room 1") and before[5]
        # The connection with her id renews its own hold, never hers.
        assert holds.heartbeat(newcomer, other.id, "Room 3")
        assert not holds.heartbeat(newcomer, hers.id, "Room 1")
        assert holds_now(clinic_dsn)[0][3] == before[3]
        # Her heartbeat as old as the hold's expiry: free, for the next room that asks.
        owner.execute("UPDATE session_holds SET heartbeat = heartbeat - hold_expiry()"
                      " - interval '1 second' WHERE session_id = %s", (hers.id,))
        owner.commit()
        got = holds.look(room2, hers.id, "Room 2")
        assert got is not None and got.mine
        assert holds.hold(newcomer, other.id, "Room 3").mine  # the newcomer's own, untouched
    nothing_blocks(clinic_dsn)
    kept(ben.records, signed, anna)
