"""Two processes creating a patient with the same chart number at the same moment (two windows,
or a window and a command): the one that writes first holds its transaction open after
writing the patient, the other starts its own write then. Exactly one patient gets the
number; the other process is told, in one sentence, that the number belongs to another
patient already, and writes nothing (no patient, no audit entry); the file (or the clinic
server) checks whole. On a file the second waits at BEGIN IMMEDIATE; on the server (a
practitioner and the reception desk) at the chart number's lock, then reads the first's
patient (tests/server/test_server_chart_number_processes.py)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from test_signing_processes import imsmap_check, python

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")

# One process creating patient C-7: "going" as it calls the services; with "hold", "inside"
# once the patient's row is written in its open transaction, then it waits for a line;
# "created ID" or "refused SENTENCE" at the end.
CREATOR = """
    import sys
    from imsmap.domain.errors import UserFacingError
    from imsmap.services.context import open_context, open_server_context
    where, login, family, hold = sys.argv[1:5]
    if where.startswith("postgresql:") or "=" in where:
        records = open_server_context(where).records
    else:
        records = open_context(where, actor=login, create=False).records
    insert = records.repo.insert_patient

    def held(*args, **kwargs):
        patient_id = insert(*args, **kwargs)
        print("inside", flush=True)
        sys.stdin.readline()
        return patient_id

    if hold == "hold":
        records.repo.insert_patient = held
    print("going", flush=True)
    try:
        patient = records.create_patient(chart_number="C-7", family_name=family)
    except UserFacingError as exc:
        print("refused", exc, flush=True)
    else:
        print("created", patient.id, flush=True)
"""


def creator(where: str, login: str, family: str, hold: bool) -> subprocess.Popen:
    return python(CREATOR, where, login, family, "hold" if hold else "go",
                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def said(process: subprocess.Popen) -> str:
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    assert line, process.stderr.read() if process.stderr else "it ended"
    return line


def race(where: str, logins: tuple[str, str], second_waits, *,
         where_second: str | None = None) -> tuple[str, str]:
    """What the first (held inside its write) and the second process said at the end; the
    second opens ``where_second`` (another login's DSN) when given. ``second_waits()``
    returns once the second is waiting for the first."""
    first = creator(where, logins[0], "Nguyen", hold=True)
    second = None
    try:
        assert said(first) == "going" and said(first) == "inside"
        second = creator(where_second or where, logins[1], "Osei", hold=False)
        assert said(second) == "going"
        second_waits()
        first.stdin.write("\n")
        first.stdin.flush()
        ends = said(first), said(second)
        for process in (first, second):
            assert process.wait(timeout=60) == 0, process.stderr.read()
        return ends
    finally:
        for process in (first, second):
            if process is not None:
                process.kill()
                process.communicate(timeout=60)


def test_two_processes_creating_one_chart_number_on_a_file(open_records_as, db_path):
    records = open_records_as("anna.physio").records
    records.create_patient(chart_number="C-1", family_name="Tran")
    before = records.db.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    records.db.close()

    first, second = race(str(db_path), ("anna.physio", "ben.physio"),
                         lambda: time.sleep(0.5))  # at BEGIN IMMEDIATE: no sign of it

    assert first.startswith("created ")
    assert second == "refused Chart number C-7 belongs to another patient already."
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute("SELECT id, family_name FROM patients WHERE chart_number = 'C-7'"
                            ).fetchall()
        assert rows == [(int(first.split()[1]), "Nguyen")]
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM audit").fetchone()[0] == before + 1
        assert conn.execute("SELECT entity_id FROM audit ORDER BY id DESC LIMIT 1"
                            ).fetchone()[0] == rows[0][0]
    finally:
        conn.close()
    imsmap_check(db_path)
