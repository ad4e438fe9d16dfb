"""A process killed (kill -9) inside the transaction of each of the window's other writes, those
tests/test_killed_writes.py does not kill: a photo's caption, its chart site and its removal, a
finding and an adverse event added and removed, a site moved, graded and removed, the session's
notes, a patient created and edited, the practitioner's PIN and idle time. As there: stopped
at the last write of its transaction (the audit trail's head), the file is then exactly as it
was before, row for row, it checks whole, the draft it held is free, and the same write done
again by another process goes through whole."""

from __future__ import annotations

import sys

import pytest

from support import draft_and_signed_visit, open_clinic
from test_killed_writes import killed_inside_then_done_again
from test_signing_processes import imsmap_check

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX's")

# The draft (session 1) has site 1, finding 1, adverse event 1 and photo 1; patient 1 is its.
WRITER = """
    import sys
    import held_writes
    from imsmap.services import lock
    from imsmap.services.context import open_context
    from imsmap.services.photos import Photos
    db, what, how = sys.argv[1], sys.argv[2], sys.argv[3]
    records = open_context(db, actor="anna.physio", create=False).records
    held_writes.trace(records.db.conn, how, hold_at="INSERT INTO audit_head")
    if what == "caption":
        Photos(records).set_caption(1, "Left knee, lateral, before needling")
    elif what == "photo site":
        Photos(records).set_site(1, None)
    elif what == "photo removed":
        Photos(records).remove(1, confirmed=True)
    elif what == "finding":
        records.add_finding(1, "tender_paraspinals", "L4", "L", "Worse on flexion")
    elif what == "finding removed":
        records.remove_finding(1)
    elif what == "adverse event":
        records.add_adverse_event(1, "bruising", "mild", "Pressure applied")
    elif what == "adverse event removed":
        records.remove_adverse_event(1)
    elif what == "site moved":
        site = records.read.sites_for_session(1)[0]
        records.move_site(site.id, site.x + 2.0, site.y + 2.0)
    elif what == "site graded":
        records.update_site(1, grasp=3)
    elif what == "site removed":
        records.remove_site(1)
    elif what == "notes":
        records.update_session(1, notes="Needle 3 felt near the pleura; asked about breathing.")
    elif what == "patient":
        records.create_patient(chart_number="C-9", family_name="Osei", given_name="Ama")
    elif what == "patient edited":
        records.update_patient(1, given_name="Linh")
    elif what == "PIN":
        lock.save(records, pin="2468", idle_minutes=5)
    print("done", flush=True)
"""

WRITES = ["caption", "photo site", "photo removed", "finding", "finding removed",
          "adverse event", "adverse event removed", "site moved", "site graded", "site removed",
          "notes", "patient", "patient edited", "PIN"]


@pytest.fixture
def draft(tmp_path, db_path):
    """C-1's draft (session 1) with a site, a finding, an adverse event and a photo of the
    site, and a signed visit beside it."""
    from PySide6.QtGui import QImage

    from imsmap.services.photos import Photos

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    assert image.save(str(tmp_path / "knee.png"))
    records = open_clinic(db_path)
    try:
        site = draft_and_signed_visit(records)[2]
        records.add_finding(1, "shortening", "L5", "R")
        records.add_adverse_event(1, "soreness", "mild")
        photo = Photos(records).add_file(1, tmp_path / "knee.png", "knee")
        Photos(records).set_site(photo.id, 1)
        assert (site.id, photo.id) == (2, 1)
    finally:
        records.db.close()
    return db_path


@pytest.mark.parametrize("what", WRITES)
def test_each_write_killed_inside_its_transaction_leaves_the_file_as_it_was(draft, what):
    killed_inside_then_done_again(WRITER, draft, what)
    if what in ("photo removed", "patient edited"):  # a process of its own: the whole check
        imsmap_check(draft)
