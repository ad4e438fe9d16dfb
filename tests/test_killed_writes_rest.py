"""A process killed (kill -9) inside the transaction of each write of the records that
tests/test_killed_writes.py and tests/test_killed_writes_others.py do not kill: a session
started, a site placed, sites removed together and one put back (undo), a signed session marked
entered in error, sites copied forward and a protocol applied (many sites in one write), a
protocol kept, the clinic's settings, its records language and its first set-up (the list of
every write and its test: docs/integrity.md).

Each is held at its COMMIT (every row and audit entry of it written, nothing committed) and
killed there: the file is then exactly as it was before, row for row, it checks whole, the draft
it held is free, and the same write done again by another process goes through whole."""

from __future__ import annotations

import sys

import pytest

from support import draft_and_signed_visit, open_clinic, spot
from test_killed_writes import killed_inside_then_done_again
from test_signing_processes import imsmap_check

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX's")

# The draft (session 1) has sites 1 and 3, and site 4 removed; the signed visit (session 2) of
# the same patient has site 2; protocol 1 ("Neck") was kept from it.
WRITER = """
    import sys
    import held_writes
    from dataclasses import replace
    from imsmap.services import clinic, first_run, planning, retractions
    from imsmap.services.context import open_context
    db, what, how = sys.argv[1], sys.argv[2], sys.argv[3]
    records = open_context(db, actor="anna.physio", create=False).records
    held_writes.trace(records.db.conn, how)
    if what == "session started":
        records.start_session(1, complaint="Low back pain, right leg")
    elif what == "site placed":
        site = records.read.sites_for_session(1)[0]
        records.add_site(1, site.view_id, site.x, site.y, muscle_id=site.muscle_id,
                         side=site.side, grasp=2)
    elif what == "sites removed":
        records.remove_sites([1, 3])
    elif what == "site put back":
        records.restore_site(4)
    elif what == "entered in error":
        retractions.mark_entered_in_error(records, 2, "Signed on the wrong patient")
    elif what == "copied forward":
        planning.copy_forward(records, 1, 2)
    elif what == "protocol kept":
        planning.save_protocol(records, "Lumbar, right", 2)
    elif what == "protocol applied":
        planning.apply_protocol(records, 1, 1)
    elif what == "clinic settings":
        clinic.save(records, replace(clinic.load(records), clinic_name="Riverside Physio",
                                     paper="Letter"))
    elif what == "records language":
        clinic.set_records_language(records, "fr_CA")
    elif what == "clinic set up":
        first_run.set_up(records, first_run.ClinicSetup(
            "Riverside Physio", "Anna Physio", "PT-1234", pin="2468", idle_minutes=5))
    print("done", flush=True)
"""

WRITES = ["session started", "site placed", "sites removed", "site put back",
          "entered in error", "copied forward", "protocol kept", "protocol applied",
          "clinic settings", "records language", "clinic set up"]


@pytest.fixture
def draft(db_path):
    """C-1's draft (session 1: sites 1 and 3, site 4 removed) and signed visit (session 2:
    site 2), and the protocol kept from that visit."""
    from imsmap.services import planning

    records = open_clinic(db_path)
    try:
        draft_and_signed_visit(records)
        for n in (3, 4):
            view, x, y, muscle, side = spot(records.atlas, n)
            site = records.add_site(1, view, x, y, muscle_id=muscle, side=side, grasp=1)
        records.remove_site(site.id)
        assert site.id == 4
        assert planning.save_protocol(records, "Neck", 2).id == 1
    finally:
        records.db.close()
    return db_path


@pytest.mark.parametrize("what", WRITES)
def test_each_write_killed_at_its_commit_leaves_the_file_as_it_was(draft, what):
    killed_inside_then_done_again(WRITER, draft, what)
    if what in ("sites removed", "entered in error"):  # a process of its own: the whole check
        imsmap_check(draft)
