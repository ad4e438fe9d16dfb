"""A room's imsmap in a process of its own, for the tests of a room killed (kill -9) or hung
(SIGSTOP, then SIGCONT) in the middle of its hold's work on a clinic server while another room,
a real window in the test process, goes on (test_server_hold_killed.py,
test_server_hold_hung.py, test_server_hold_woken.py): the room's script and the process that
reads it, how the server's holds and connections are read, the clinic both rooms work in, and
the one way those tests start: Anna's room holding a draft and charting on it, stopped at a
chosen statement, with Ben's window open (`room_stopped`).

The room stops at a chosen statement of its transaction (the statement run, nothing
committed; a COMMIT before it is sent), says "inside" and waits for a line."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from imsmap.services.context import open_server_context
from imsmap.services.records import content_hash
from imsmap.store.postgres.connection import IDLE_IN_TRANSACTION_S, connect
from imsmap.ui.window_settings import ROOM
from support import spot
from test_signing_processes import python
from test_ui_support import close_windows, show_window

# Generous on a loaded machine: the server sees a killed room's socket close at once, and the
# waiting window looks every WAIT_S.
FREE_WITHIN_S = 5.0

# A room's imsmap, as dsn's login in a room: its steps in order (argv after the first four),
#   hold:SID      open SID as the window does (RoomHold.open): "held SID"
#   sites:SID:N   chart N sites on it: "site ID" once the services returned each
#   sign:SID      sign it: "signed SID"
#   open:SID      open SID (the one held before let go, as the window does): "opened ..."
#   beat          the heartbeat, as the banner's timer makes it: "beat ..."
#   wait          wait for a line on stdin
#   arm           from here on, stop at the statement naming STOP (COMMIT: before it is sent)
# First it says "room PID" (its connection's server process); at the armed statement it prints
# "inside" and waits, to be killed there.
ROOM_PROCESS = """
    import sys
    sys.path.insert(0, sys.argv[1])
    import psycopg
    from imsmap.services import live
    from imsmap.services.context import open_server_context
    from support import spot
    dsn, room_name, stop = sys.argv[2], sys.argv[3], sys.argv[4]
    records = open_server_context(dsn).records
    room = live.room_of(records, room_name)
    hold = room.hold
    print("room", records.db.backend_pid(), flush=True)  # its connection's server process
    armed = False
    real = psycopg.Connection.execute

    def execute(self, query, *args, **kwargs):
        if armed and query == stop == "COMMIT":
            print("inside", flush=True)
            sys.stdin.readline()
        cursor = real(self, query, *args, **kwargs)
        if armed and stop != "COMMIT" and stop in str(query):
            print("inside", flush=True)
            sys.stdin.readline()
        return cursor

    psycopg.Connection.execute = execute  # the room's every statement sent by itself
    n = 0
    for step in sys.argv[5:]:
        what, *args = step.split(":")
        if what == "hold":
            assert hold.open(int(args[0])).mine
            print("held", args[0], flush=True)
        elif what == "sites":
            for _ in range(int(args[1])):
                view, x, y, muscle, side = spot(records.atlas, n)
                n += 1
                site = records.add_site(int(args[0]), view, x, y, muscle_id=muscle, side=side,
                                        grasp=n % 4)
                print("site", site.id, flush=True)
        elif what == "sign":
            records.sign_session(int(args[0]))
            print("signed", args[0], flush=True)
        elif what == "open":
            print("opened", hold.open(int(args[0])), flush=True)
        elif what == "beat":
            print("beat", hold.beat(), flush=True)
        elif what == "wait":
            sys.stdin.readline()
        elif what == "arm":
            armed = True
    print("done", flush=True)
    sys.stdin.readline()
"""


class KilledRoom:
    """A room's imsmap in a process of its own (ROOM_PROCESS), read line by line."""

    def __init__(self, dsn: str, room: str, stop: str, *steps: str, script: str = ROOM_PROCESS):
        tests = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        self.proc = python(script, tests, dsn, room, stop, *steps, stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.lines: list[str] = []
        self.backend = int(self.until("room")[1])  # the server process of its connection

    def until(self, word: str) -> list[str]:
        """Read what it says up to its next line starting with ``word``; that line's words."""
        while True:
            line = self.proc.stdout.readline()
            if not line:
                self.proc.wait(30)
                raise AssertionError(f"the room ended before {word!r}: {self.lines[-3:]}"
                                     f" {self.proc.stderr.read()}")
            self.lines.append(line.rstrip("\n"))
            if line.split()[:1] == [word]:
                return line.split()

    def said(self, word: str) -> list[int]:
        return [int(line.split()[1]) for line in self.lines if line.startswith(word + " ")]

    def go_on(self) -> None:
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()

    def kill(self) -> None:
        """kill -9 (a room's imsmap ended with no word to anyone); what it wrote on stderr is
        no traceback."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        errors = self.proc.communicate(timeout=30)[1]
        assert "Traceback" not in errors, errors


def backends_gone(dsn: str, pids: list[int]) -> None:
    """The killed room's server processes have ended (the server saw its socket close)."""
    deadline = time.monotonic() + FREE_WITHIN_S
    with connect(dsn) as conn:
        while conn.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(%s)",
                           (pids,)).fetchone()[0]:
            conn.rollback()
            assert time.monotonic() < deadline, f"the killed room's backends live on: {pids}"
            time.sleep(0.05)
        conn.rollback()


def holds_now(dsn: str) -> list[tuple]:
    """Every hold as the server's superuser reads it: (session, login, room, heartbeat,
    its process alive, in force as the server reads it)."""
    with connect(dsn) as conn:
        rows = conn.execute(
            "SELECT h.session_id, h.held_by, h.room, h.heartbeat,"
            " EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = h.holder_pid),"
            " imsmap.hold_live(h) FROM imsmap.session_holds h ORDER BY 1").fetchall()
        conn.rollback()
    return rows


def nothing_blocks(dsn: str) -> None:
    """No hold the server reads as in force whose room's connection is gone (it would block
    every other room until its heartbeat lapsed)."""
    stale = [row for row in holds_now(dsn) if row[5] and not row[4]]
    assert not stale, f"holds of a dead connection still in force: {stale}"


def free_spot(w) -> tuple[float, float]:
    """The label point of a big region of the chart shown, which a tap there hits, away from
    the sites charted already (a tap on a marker selects it)."""
    scene = w.chart.scene
    taken = [(s.x, s.y) for s in w.edits.sites]
    for region in scene.chart.regions():
        x, y = region.label
        if (region.contains(x, y) and scene.region_at(x, y) is region and region.area > 2000
                and all(abs(x - a) + abs(y - b) > 60 for a, b in taken)):
            return x, y
    raise AssertionError("no big free region on the chart shown")


@pytest.fixture
def clinic(qtbot, qt_settings, people, clinic_dsn):
    """Anna's patient C-1 with a visit she signed (one site) and two drafts; Ben's context
    (his window is the surviving room, Room 2). (people, the signed visit, its hash, the drafts,
    Ben's context)"""
    anna = open_server_context(people["practitioner"][1])
    try:
        records = anna.records
        patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
        visit = records.start_session(patient.id)
        view, x, y, muscle, side = spot(records.atlas, 7)
        records.add_site(visit.id, view, x, y, muscle_id=muscle, side=side, grasp=3)
        signed = records.sign_session(visit.id)
        drafts = [records.start_session(patient.id) for _ in range(2)]
    finally:
        anna.close()
    ben = open_server_context(people["practitioner2"][1])
    try:
        yield people, patient, signed, drafts, ben
    finally:
        ben.close()


def ben_window(qtbot, ben, patient_id: int, session_id: int):
    ROOM.write("Room 2")  # read when the window is built
    return show_window(qtbot, ben, patient_id=patient_id, session_id=session_id)


def kept(records, signed, room: KilledRoom) -> None:
    """Every site the killed room was told was written is there, and the visit signed before
    is as it was signed (its own hash, read again from its rows)."""
    sites = {s.id for sid in room.said("held") for s in records.read.sites_for_session(sid)}
    assert set(room.said("site")) <= sites, "acknowledged sites are missing"
    now = records.read.session(signed.id)
    assert now.signed_at == signed.signed_at and now.content_hash == signed.content_hash
    assert content_hash(records.session_record(signed.id)) == signed.content_hash


# The killed room's process (ROOM_PROCESS), made as the window makes its connection
# (server_link: lock waits and idle transactions bounded, reconnecting on a thread of its own),
# and saying what a site or a signature it was refused was told ("refused WORDS") instead of
# ending, and `again`: wait until the connection is made again and taken, as the window
# takes it.
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
        elif what == "wait":""").replace(
    """            records.sign_session(int(args[0]))
            print("signed", args[0], flush=True)""",
    """            try:
                records.sign_session(int(args[0]))
            except UserFacingError as exc:
                print("refused", str(exc.message).replace("\\n", " "), flush=True)
            else:
                print("signed", args[0], flush=True)""")
assert HUNG_PROCESS.count("UserFacingError") == 3 and "again" in HUNG_PROCESS


class HungRoom(KilledRoom):
    """The room's process (HUNG_PROCESS), stopped and woken by signals."""

    def __init__(self, dsn: str, room: str, stop: str, *steps: str):
        super().__init__(dsn, room, stop, *steps, script=HUNG_PROCESS)

    def signal(self, which: signal.Signals) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(which)

    def kill(self) -> None:
        """Woken first (a stopped process is killed all the same; its pipes are read then)."""
        self.signal(signal.SIGCONT)
        super().kill()


def freeze_at_commit(monkeypatch, conn, meanwhile: Callable[[], object] = lambda: None
                     ) -> list[int]:
    """The window's own thread frozen at the next COMMIT sent on ``conn`` (the window's
    ServerConnection), longer than the server lets a transaction stand idle
    (IDLE_IN_TRANSACTION_S): every row of that write sent, nothing committed; then
    ``meanwhile`` (another room's doing while the window hangs), then the COMMIT is sent. The
    list returned gets that connection's server process once frozen; call
    ``monkeypatch.undo()`` after."""
    import psycopg

    frozen: list[int] = []
    real = psycopg.Connection.execute

    def execute(self, query, *args, **kwargs):
        if query == "COMMIT" and self is conn.pg and not frozen:
            frozen.append(self.info.backend_pid)
            time.sleep(IDLE_IN_TRANSACTION_S + 1.5)  # the window's thread, frozen
            meanwhile()
        return real(self, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Connection, "execute", execute)
    return frozen


@contextmanager
def room_stopped(qtbot, clinic, stop: str, draft_id: int, sites: int, *steps: str,
                 shows: int, room: type[KilledRoom] = KilledRoom
                 ) -> Iterator[tuple[KilledRoom, object]]:
    """Anna's room (Room 1) holds her draft ``draft_id`` and charts ``sites`` sites on it, then
    waits, armed to stop at the statement naming ``stop``, before ``steps``; Ben's window is
    open on the session ``shows`` meanwhile (Room 2). Yields (her room, his window): the test
    lets her go on (``go_on``) into the statement where she stops (``until("inside")``). Her
    process is killed and his window closed after, however the test ended."""
    people, patient, _signed, _drafts, ben = clinic
    anna = room(people["practitioner"][1], "Room 1", stop, f"hold:{draft_id}",
                f"sites:{draft_id}:{sites}", "wait", "arm", *steps)
    w = None
    try:
        anna.until("held")
        for _ in range(sites):
            anna.until("site")
        w = ben_window(qtbot, ben, patient.id, shows)
        yield anna, w
    finally:
        anna.kill()
        if w is not None:
            close_windows(qtbot, [w])
