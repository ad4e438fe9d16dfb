"""A room's imsmap that HANGS in the middle of a write (its process stopped with SIGSTOP, as a
laptop suspended, a debugger or a frozen thread stops it: a real second process, bounded as a
window is, services.server_link) while another room (a real window in the test process) goes
on. Every write holds the audit trail's head until its COMMIT, so the other room's writes wait
behind it; a stopped process's socket still answers TCP's keepalives, so nothing ended its
transaction while it hung. The window's connections end a transaction that stands idle
IDLE_IN_TRANSACTION_S (connection.py): the other room's tap is written within that and one
refused wait (LOCK_WAIT_S), and the hung room, woken, is told its write was not saved, keeps
what it was told was saved, and writes again on a new connection.

Shown able to fail: without the setting (bound_lock_waits setting lock_timeout only) the
window's taps were refused for as long as the room hung, the test's whole wait."""

from __future__ import annotations

import signal
import sys
import time

import pytest
from room_processes import (  # noqa: F401 - clinic is a fixture
    HungRoom,
    backends_gone,
    ben_window,
    clinic,
    free_spot,
    freeze_at_commit,
    kept,
    nothing_blocks,
    room_stopped,
)

from imsmap.services.checks import full_check
from imsmap.store.postgres.connection import IDLE_IN_TRANSACTION_S, LOCK_WAIT_S
from test_ui_support import click_chart, close_windows, qt_settings  # noqa: F401

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP is POSIX's")

# The window's tap is written once the server ends the hung transaction: one tap refused after
# LOCK_WAIT_S meanwhile, the next one waits the rest; generous on a loaded machine.
WRITES_WITHIN_S = IDLE_IN_TRANSACTION_S + LOCK_WAIT_S + 3.0
# How long the old code is watched failing: the room hung longer than any bound asked.
WATCHED_S = WRITES_WITHIN_S + 4.0

def test_a_room_hung_inside_a_write_holds_another_room_s_taps_only_a_few_seconds(
        qtbot, clinic, clinic_dsn):
    """Anna's room charts two sites on her draft and hangs (SIGSTOP) inside the third's write,
    every row of it written, before its COMMIT: the audit trail's head locked. Ben's taps on
    his own draft are refused after LOCK_WAIT_S while it is held, and one is written within
    IDLE_IN_TRANSACTION_S and that wait, while she still hangs: the server ended her
    transaction and her connection. Woken, her room is told that write was not saved; the
    two sites it was told were saved are there, the third is not, and once connected again
    it charts on."""
    people, patient, signed, drafts, ben = clinic
    hers, his = drafts
    with room_stopped(qtbot, clinic, "COMMIT", hers.id, 2, f"sites:{hers.id}:1", "again",
                      f"sites:{hers.id}:1", shows=his.id, room=HungRoom) as (anna, w):
        assert w.live.editable
        anna.go_on()
        anna.until("inside")  # her third site and its audit entry written, not committed
        anna.signal(signal.SIGSTOP)
        hung = time.monotonic()
        refused = []
        while not w.edits.sites and time.monotonic() - hung < WATCHED_S:
            w.statusBar().clearMessage()
            click_chart(qtbot, w, *free_spot(w))
            if not w.edits.sites:
                refused.append(w.statusBar().currentMessage())
                qtbot.wait(100)
        took = time.monotonic() - hung
        print(f"Ben's window could not write for {took:.1f} s ({len(refused)} taps refused)")
        assert w.edits.sites, (f"Ben's window could not write for {took:.1f} s while Anna's"
                               f" room hung: {refused[-1:]}")
        assert took < WRITES_WITHIN_S, f"Ben's window could not write for {took:.1f} s"
        # Refused in true words: the write in the way is Anna's, on her draft, not this record.
        assert refused and all("Another room or program is writing on the clinic server right"
                               " now" in said for said in refused), refused
        backends_gone(clinic_dsn, [anna.backend])  # the server ended her connection

        anna.signal(signal.SIGCONT)
        anna.go_on()  # her COMMIT, sent on the connection the server ended
        told = " ".join(anna.until("refused")[1:])
        assert "ended that save" in told and "nothing of it was saved" in told, told
        assert "whether it was saved is not known" not in told  # the server said: not saved
        anna.until("again")
        anna.until("site")
        anna.until("done")
        nothing_blocks(clinic_dsn)
    records = ben.records
    kept(records, signed, anna)
    assert len(anna.said("site")) == 3
    assert {s.id for s in records.read.sites_for_session(hers.id)} == set(anna.said("site"))
    assert len(records.read.sites_for_session(his.id)) == 1
    report = full_check(records)  # the server's chain and imsmap's check of it
    assert report.ok, report.text()


def test_a_window_frozen_inside_a_save_is_told_nothing_of_it_was_saved_and_keeps_the_text(
        qtbot, clinic, clinic_dsn, monkeypatch):
    """Ben's window's own thread freezes inside the save of his notes (their timer's), every
    row of it written, before its COMMIT, longer than IDLE_IN_TRANSACTION_S: the server ends
    that save and the window's connection. When it goes on, its COMMIT meets the ended
    connection: the window says that nothing of that save was saved (the server said so: not
    that whether it was saved is not known), the notes stay in their box as typed, what was
    saved before is there, the half-saved words are not; connected again, leaving the box saves
    them, and the tap that left it is written."""
    people, patient, signed, drafts, ben = clinic
    his = drafts[1]
    w = ben_window(qtbot, ben, patient.id, his.id)
    notes = "Trigger points L4-L5"
    try:
        conn = ben.records.db.conn
        panel = w.session_panel
        panel.notes.setFocus()
        qtbot.keyClicks(panel.notes, notes)
        qtbot.waitUntil(lambda: ben.records.read.session(his.id).notes == notes, timeout=5000)
        frozen = freeze_at_commit(monkeypatch, conn)
        qtbot.keyClicks(panel.notes, ", right gluteus medius")
        qtbot.waitUntil(lambda: bool(frozen), timeout=5000)  # the timer's save ran, frozen
        monkeypatch.undo()
        said = w.statusBar().currentMessage()
        assert "nothing of it was saved" in said, said
        assert "not known" not in said, said
        assert panel.notes.toPlainText() == f"{notes}, right gluteus medius"
        backends_gone(clinic_dsn, frozen)  # the server ended that connection
        assert _one_notes(clinic_dsn, his.id) == notes  # the half-saved words are not there
        qtbot.waitUntil(lambda: not conn.lost and not conn.reconnecting, timeout=15000)
        click_chart(qtbot, w, *free_spot(w))  # leaving the box saves the notes; the tap
        assert len(w.edits.sites) == 1, w.statusBar().currentMessage()
        assert _one_notes(clinic_dsn, his.id) == f"{notes}, right gluteus medius"
        nothing_blocks(clinic_dsn)
    finally:
        close_windows(qtbot, [w])
    report = full_check(ben.records)
    assert report.ok, report.text()


def _one_notes(dsn: str, session_id: int) -> object:
    from imsmap.store.postgres.connection import connect

    with connect(dsn) as conn:
        row = conn.execute("SELECT notes FROM sessions WHERE id = %s", (session_id,)).fetchone()
        conn.rollback()
    return row[0]
