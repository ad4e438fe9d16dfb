"""Two practitioners' processes on one patient of a clinic server, each charting its own draft
and amending the same signed visit; one is killed (kill -9) mid-work, then the server is
killed as a power cut would and started again while the other goes on. Every write either
process was told had gone through is on the server, the server's chain and imsmap's check of
it agree, the signed visit is as it was signed, and the killed room's draft is free for the
other to take."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest
from live_support import make_people

from imsmap.services.checks import full_check
from imsmap.services.context import open_server_context
from imsmap.services.records import content_hash
from imsmap.store.postgres import schema
from support import spot

# A room's process: its own draft of the patient, sites charted on it and amendments of the
# signed visit in turn; "site ID" / "amendment ID" once the services returned, "refused ..."
# for a write refused with a sentence (the server away): nothing acknowledged then.
ROOM = """
import sys, time
sys.path.insert(0, sys.argv[4])
from imsmap.domain.errors import UserFacingError
from imsmap.services.checks import full_check
from imsmap.services.context import open_server_context
from support import spot
dsn, patient_id, signed_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
records = open_server_context(dsn).records
draft = records.start_session(patient_id)
print("draft", draft.id, flush=True)
corrected = records.read.sites_for_session(signed_id)[0].id
n = 0
while True:
    try:
        if n % 3 == 2:
            a = records.amend_session(signed_id, f"paper sheet {n}", "", [(corrected, "grasp", n % 4)])
            print("amendment", a.id, flush=True)
        else:
            view, x, y, muscle, side = spot(records.atlas, n)
            site = records.add_site(draft.id, view, x, y, muscle_id=muscle, side=side, grasp=n % 4)
            print("site", site.id, flush=True)
    except UserFacingError as exc:
        print("refused", str(exc).replace("\\n", " ")[:200], flush=True)
        time.sleep(0.2)
    n += 1
"""


@pytest.fixture
def own_server():
    """A server of this module's own, durable (a kill must not take back a commit)."""
    from pg_support import serve

    for server in serve(pytest.fail, pytest.skip):
        server.stop("fast")
        server.durable = True
        server.start()
        yield server


class Room:
    def __init__(self, dsn: str, patient_id: int, signed_id: int):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", ROOM, dsn, str(patient_id), str(signed_id),
             os.path.dirname(os.path.dirname(__file__))],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def said(self, word: str) -> list[int]:
        return [int(line.split()[1]) for line in list(self.lines) if line.startswith(word + " ")]

    def until(self, word: str, count: int, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while len(self.said(word)) < count:
            assert self.proc.poll() is None, self.proc.stderr.read()
            assert time.monotonic() < deadline, (word, count, self.lines[-5:])
            time.sleep(0.02)

    def kill(self) -> str:
        """kill -9 (if it still runs); what it wrote on stderr."""
        if self.proc.stdout.closed:
            return ""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(30)
        self.reader.join(10)
        errors = self.proc.stderr.read()
        self.proc.stdout.close()
        self.proc.stderr.close()
        return errors


def test_a_room_killed_and_the_server_killed_lose_nothing_acknowledged(own_server):
    dsn = own_server.dsn(own_server.new_database())
    schema.init(dsn)
    people = make_people(own_server, dsn)
    anna = open_server_context(people["practitioner"][1])
    try:
        records = anna.records
        patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
        visit = records.start_session(patient.id)
        view, x, y, muscle, side = spot(records.atlas, 0)
        records.add_site(visit.id, view, x, y, muscle_id=muscle, side=side, grasp=3)
        signed = records.sign_session(visit.id)
    finally:
        anna.close()

    first = Room(people["practitioner"][1], patient.id, visit.id)
    second = Room(people["practitioner2"][1], patient.id, visit.id)
    try:
        for room in (first, second):
            room.until("amendment", 1)
        first.kill()  # mid-work, kill -9
        before = len(second.said("site"))
        second.until("site", before + 2)
        own_server.kill()  # a power cut
        own_server.start()
        after = len(second.said("site")) + len(second.said("amendment"))
        deadline = time.monotonic() + 60
        while len(second.said("site")) + len(second.said("amendment")) < after + 3:
            assert second.proc.poll() is None, second.proc.stderr.read()
            assert time.monotonic() < deadline, second.lines[-5:]
            time.sleep(0.05)
    finally:
        errors = first.kill() + second.kill()
    assert "Traceback" not in errors, errors

    ben = open_server_context(people["practitioner2"][1])
    try:
        records = ben.records
        report = full_check(records)  # the server's own check of its chain, and imsmap's
        assert report.ok, report.text()
        drafts = {room: room.said("draft")[0] for room in (first, second)}
        for room in (first, second):
            stored = {s.id for s in records.read.sites_for_session(drafts[room])}
            assert set(room.said("site")) <= stored, "acknowledged sites are missing"
        amendments = {a.id for a in records.read.amendments(visit.id)}
        assert set(first.said("amendment")) | set(second.said("amendment")) <= amendments
        now = records.read.session(visit.id)
        assert now.signed_at == signed.signed_at and now.content_hash == signed.content_hash
        assert content_hash(records.session_record(visit.id)) == signed.content_hash
        # the killed room's draft: ben charts on it (nobody holds it)
        view, x, y, muscle, side = spot(records.atlas, 4)
        records.add_site(drafts[first], view, x, y, muscle_id=muscle, side=side, grasp=1)
    finally:
        ben.close()
