"""The registration number recorded from the sign dialog and added to the clinic's list, while
another process writes the list: neither's write is lost (services.registration reads the list
inside its own transaction, where BEGIN IMMEDIATE makes it wait for the other's)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import datetime

import pytest

from imsmap.services import clinic
from support import open_clinic
from test_signing_processes import imsmap_check, python

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")

# The settings dialog's save in a process of its own, adding Eve to the list it read, held at
# its COMMIT (every row written, nothing committed) until told to go on.
ADD_EVE = """
    import sys
    from dataclasses import replace
    from imsmap.services import clinic
    from imsmap.services.context import open_context
    db = sys.argv[1]
    records = open_context(db, actor="eve", create=False).records
    started = clinic.load(records)

    def statement(sql):
        if sql == "COMMIT":
            print("inside", flush=True)
            sys.stdin.readline()

    records.db.conn.set_trace_callback(statement)
    clinic.save(records, replace(started, practitioners=(
        *started.practitioners, clinic.Practitioner("Eve Martin, PT", "PT-5"))), started=started)
    print("done", flush=True)
"""

# The sign dialog's write in a process of its own: it says when it asks for the write lock.
RECORD = """
    import sys
    from imsmap.services.context import open_context
    from imsmap.services.registration import record_registration
    db, session_id = sys.argv[1:3]

    records = open_context(db, actor="dana", create=False).records

    def statement(sql):
        if sql == "BEGIN IMMEDIATE":
            print("asks", flush=True)

    records.db.conn.set_trace_callback(statement)
    record_registration(records, int(session_id), "OPPQ-12345", practitioner="Dana Leclerc, PT",
                        add_to_list=True)
    print("done", flush=True)
"""


def test_the_list_written_by_another_process_meanwhile_keeps_both(db_path):
    records = open_clinic(db_path)
    try:
        clinic.save(records, replace(clinic.load(records), practitioners=(
            clinic.Practitioner("J. Physio", "PT-1"),)))
        patient = records.create_patient(chart_number="C-1", family_name="Roy")
        draft = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                      practitioner="Dana Leclerc, PT")
    finally:
        records.db.close()
    first = python(ADD_EVE, db_path, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                   stderr=subprocess.PIPE)
    second = None
    try:
        assert first.stdout.readline().strip() == "inside", first.stderr.read()
        second = python(RECORD, db_path, draft.id, stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE)
        assert second.stdout.readline().strip() == "asks", second.stderr.read()
        first.stdin.write("\n")
        first.stdin.flush()
        out, errors = first.communicate(timeout=60)
        assert first.returncode == 0 and out.strip() == "done", errors
        out, errors = second.communicate(timeout=60)
        assert second.returncode == 0 and out.strip() == "done", errors
    finally:
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.communicate()
    records = open_clinic(db_path)
    try:
        assert clinic.practitioners(records) == (
            clinic.Practitioner("J. Physio", "PT-1"), clinic.Practitioner("Eve Martin, PT", "PT-5"),
            clinic.Practitioner("Dana Leclerc, PT", "OPPQ-12345"))
        assert records.repo.session(draft.id).practitioner_registration == "OPPQ-12345"
    finally:
        records.db.close()
    imsmap_check(db_path)
