"""A process killed (kill -9) inside the transaction of each write that no other test kills:
an amendment, a photo by amendment, a photo on a draft, an import, a merge of patient records
and its separation, a withdrawal. The file is then exactly as it was before (every table, row for row), it checks
whole, the draft the killed process held for its write is free, and the same write, done again
by another process, goes through. (Signing: tests/test_signing_processes.py; sites:
tests/test_faults.py; backups, restores, upgrades: their own tests.)"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from imsmap.services.checks import full_check
from imsmap.services.export import export_document
from imsmap.store.file_holds import FileHolds
from support import draft_and_signed_visit, open_clinic, spot
from test_signing_processes import imsmap_check, python

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX's")

# The write, in another process; with "hold", it stops at the last write of its transaction
# (the audit trail's head: every row of it written, nothing committed) and waits to be killed.
WRITER = """
    import json, sys
    import held_writes
    from imsmap.services.context import open_context
    db, what, how = sys.argv[1], sys.argv[2], sys.argv[3]
    session_id, other = int(sys.argv[4]), sys.argv[5]
    records = open_context(db, actor="anna.physio", create=False).records
    held_writes.trace(records.db.conn, how, hold_at="INSERT INTO audit_head")
    if what == "amend":
        site = records.read.sites_for_session(session_id)[0]
        records.amend_session(session_id, "Graded on the paper sheet", "Grade 1, not 2.",
                              [(site.id, "grasp", 1)])
    elif what in ("photo", "photo by amendment"):
        from imsmap.services.photo_amending import add_file_by_amendment
        from imsmap.services.photos import Photos
        if what == "photo":
            Photos(records).add_file(session_id, other, "knee")
        else:
            add_file_by_amendment(Photos(records), session_id, other, "Taken before needling")
    elif what == "import":
        from imsmap.services.importer import import_document
        with open(other, encoding="utf-8") as f:
            import_document(records, json.load(f))
    elif what == "merge":
        from imsmap.services import merging
        merging.merge_records(records, session_id, int(other), "Same person: DOB typo")
    elif what == "separate":
        from imsmap.services import merging
        merging.separate_records(records, int(other), "Two people: twins")
    elif what == "withdraw":
        from imsmap.services.retractions import withdraw_draft
        withdraw_draft(records, session_id, "Started on the wrong patient")
    print("done", flush=True)
"""


def rows(db: Path) -> list[str]:
    """Every table of the file, row for row (as another program reads it)."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return sorted(conn.iterdump())
    finally:
        conn.close()


def killed_inside_then_done_again(writer_script: str, db: Path, what: str, *args) -> None:
    """The write ``what`` by a process of its own (``writer_script`` with ``db``, ``what``,
    "hold" or "go" and ``args``), killed (-9) at the last write of its transaction: the file is
    exactly as it was, row for row, it checks whole and the draft it held is free; then done
    again by another process, the write goes through, whole."""
    before = rows(db)
    writer = python(writer_script, db, what, "hold", *args,
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        said = writer.stdout.readline().strip()
    finally:
        writer.kill()
        errors = writer.communicate(timeout=60)[1]
    assert said == "inside", errors
    assert writer.returncode == -signal.SIGKILL

    assert rows(db) == before, "the killed write left part of itself in the file"
    records = open_clinic(db)
    try:
        assert full_check(records).ok
    finally:
        records.db.close()
    holds = FileHolds(db, "ben.physio")
    try:  # the draft it held while it wrote is free (the kernel let go of its lock)
        assert holds.take(1) is None
    finally:
        holds.close()
    again = python(writer_script, db, what, "go", *args,
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, errors = again.communicate(timeout=120)
    assert again.returncode == 0 and out.strip() == "done", errors
    assert rows(db) != before


@pytest.fixture
def clinic_files(tmp_path, db_path):
    """The clinic: C-1's draft (session 1) and signed visit (2), a site each; John (patient
    2) registered twice (3), a draft each; and beside it a photo and another clinic's export."""
    from PySide6.QtGui import QImage

    records = open_clinic(db_path)
    try:
        patient = draft_and_signed_visit(records)[0]
        for given in ("John", "Jon"):
            twin = records.create_patient(chart_number=f"C-20{len(given)}", given_name=given,
                                          family_name="Smith")
            records.start_session(twin.id)
    finally:
        records.db.close()
    other = tmp_path / "other.sqlite3"
    records = open_clinic(other)
    try:
        patient = records.create_patient(chart_number="O-1", family_name="Osei")
        session = records.start_session(patient.id, started_at=datetime(2026, 11, 19, 9, 0))
        view, x, y, muscle, side = spot(records.atlas, 2)
        records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=3)
        records.sign_session(session.id)
        (tmp_path / "other.json").write_text(json.dumps(export_document(records)),
                                             encoding="utf-8")
    finally:
        records.db.close()
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    assert image.save(str(tmp_path / "knee.png"))
    return tmp_path


# (what, the session it writes to (for a merge: the record kept), the other argument)
WRITES = [
    ("amend", 2, ""),
    ("photo by amendment", 2, "knee.png"),
    ("photo", 1, "knee.png"),
    ("import", 1, "other.json"),
    ("merge", 2, "3"),
    ("separate", 2, "1"),  # the merge of John's two records the test makes first
    ("withdraw", 1, ""),
]


@pytest.mark.parametrize(("what", "session_id", "other"), WRITES, ids=[w[0] for w in WRITES])
def test_a_write_killed_inside_its_transaction_leaves_the_file_as_it_was(
        clinic_files, db_path, what, session_id, other):
    argument = str(clinic_files / other) if other.endswith((".png", ".json")) else other
    if what == "separate":
        from imsmap.services import merging
        records = open_clinic(db_path)
        try:
            merging.merge_records(records, 2, 3, "Same person: DOB typo")
        finally:
            records.db.close()
    killed_inside_then_done_again(WRITER, db_path, what, session_id, argument)
    if what == "amend":  # the one the lead asked for by name: also a process of its own
        imsmap_check(db_path)
