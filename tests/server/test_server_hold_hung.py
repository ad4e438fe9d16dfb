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
from test_server_hold_killed import (  # noqa: F401 - clinic is a fixture
    ROOM_PROCESS,
    KilledRoom,
    _backends_gone,
    _ben_window,
    _free_spot,
    _kept,
    _nothing_blocks,
    clinic,
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

# The killed room's process (test_server_hold_killed), made as the window makes its connection
# (server_link: lock waits and idle transactions bounded, reconnecting on a thread of its own),
# and saying what a write it was refused was told ("refused WORDS") instead of ending, and
# `again`: wait until the connection is made again and taken, as the window takes it.
HUNG_PROCESS = ROOM_PROCESS.replace(
    """    room = live.room_of(records, room_name)""",
    """    import threading
    from imsmap.domain.errors import UserFacingError
    from imsmap.services.server_link import link_of
    back = threading.Event()
    link = link_of(records)
    link.reconnect_elsewhere(lambda said: said is None and back.set())
    room = live.room_of(records, room_name)""").replace(
    """                site = records.add_site(int(args[0]), view, x, y, muscle_id=muscle, side=side,
                                        grasp=n % 4)
                print("site", site.id, flush=True)""",
    """                try:
                    site = records.add_site(int(args[0]), view, x, y, muscle_id=muscle,
                                            side=side, grasp=n % 4)
                except UserFacingError as exc:
                    print("refused", str(exc.message).replace("\\n", " "), flush=True)
                else:
                    print("site", site.id, flush=True)""").replace(
    """        elif what == "wait":""",
    """        elif what == "again":
            assert back.wait(30)
            assert link.adopt()
            armed = False
            print("again", records.db.backend_pid(), flush=True)
        elif what == "wait":""")
assert HUNG_PROCESS.count("UserFacingError") == 2 and "again" in HUNG_PROCESS


class HungRoom(KilledRoom):
    """The room's process (HUNG_PROCESS), stopped and woken by signals."""

    def __init__(self, dsn: str, room: str, stop: str, *steps: str):
        super().__init__(dsn, room, stop, *steps, script=HUNG_PROCESS)

    def signal(self, which: signal.Signals) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(which)


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
    anna = HungRoom(people["practitioner"][1], "Room 1", "COMMIT",
                    f"hold:{hers.id}", f"sites:{hers.id}:2", "wait", "arm",
                    f"sites:{hers.id}:1", "again", f"sites:{hers.id}:1")
    w = None
    try:
        anna.until("held")
        for _ in range(2):
            anna.until("site")
        w = _ben_window(qtbot, ben, patient.id, his.id)
        assert w.live.editable
        anna.go_on()
        anna.until("inside")  # her third site and its audit entry written, not committed
        anna.signal(signal.SIGSTOP)
        hung = time.monotonic()
        refused = []
        while not w.edits.sites and time.monotonic() - hung < WATCHED_S:
            w.statusBar().clearMessage()
            click_chart(qtbot, w, *_free_spot(w))
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
        _backends_gone(clinic_dsn, [anna.backend])  # the server ended her connection

        anna.signal(signal.SIGCONT)
        anna.go_on()  # her COMMIT, sent on the connection the server ended
        told = " ".join(anna.until("refused")[1:])
        assert "ended that save" in told and "nothing of it was saved" in told, told
        assert "whether it was saved is not known" not in told  # the server said: not saved
        anna.until("again")
        anna.until("site")
        anna.until("done")
        _nothing_blocks(clinic_dsn)
    finally:
        anna.signal(signal.SIGCONT)
        anna.kill()
        if w is not None:
            close_windows(qtbot, [w])
    records = ben.records
    _kept(records, signed, anna)
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
    import psycopg

    people, patient, signed, drafts, ben = clinic
    his = drafts[1]
    w = _ben_window(qtbot, ben, patient.id, his.id)
    notes = "Trigger points L4-L5"
    try:
        conn = ben.records.db.conn
        panel = w.session_panel
        panel.notes.setFocus()
        qtbot.keyClicks(panel.notes, notes)
        qtbot.waitUntil(lambda: ben.records.read.session(his.id).notes == notes, timeout=5000)
        frozen: list[int] = []
        real = psycopg.Connection.execute

        def execute(self, query, *args, **kwargs):
            if query == "COMMIT" and self is conn.pg and not frozen:
                frozen.append(self.info.backend_pid)
                time.sleep(IDLE_IN_TRANSACTION_S + 1.5)  # the window's thread, frozen
            return real(self, query, *args, **kwargs)

        monkeypatch.setattr(psycopg.Connection, "execute", execute)
        qtbot.keyClicks(panel.notes, ", right gluteus medius")
        qtbot.waitUntil(lambda: bool(frozen), timeout=5000)  # the timer's save ran, frozen
        monkeypatch.undo()
        said = w.statusBar().currentMessage()
        assert "nothing of it was saved" in said, said
        assert "not known" not in said, said
        assert panel.notes.toPlainText() == f"{notes}, right gluteus medius"
        _backends_gone(clinic_dsn, frozen)  # the server ended that connection
        assert _one_notes(clinic_dsn, his.id) == notes  # the half-saved words are not there
        qtbot.waitUntil(lambda: not conn.lost and not conn.reconnecting, timeout=15000)
        click_chart(qtbot, w, *_free_spot(w))  # leaving the box saves the notes; the tap
        assert len(w.edits.sites) == 1, w.statusBar().currentMessage()
        assert _one_notes(clinic_dsn, his.id) == f"{notes}, right gluteus medius"
        _nothing_blocks(clinic_dsn)
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
