"""Drafts and sites rewritten around the app (another process, the triggers dropped: a draft's
rows are not locked), and the newest entries of a draft's changes cut off the end of the audit
trail with audit_head set to the new last link. Each audit entry that created a site or a
session recorded its content (a digest since schema 4), and each later change its values before
and after: `imsmap check` undoes the recorded changes of each row as it is now and compares
(services.row_origins). Before, such a draft passed the check and was then signed as it stood.
(Signed sessions: tests/test_forgery.py, tests/test_forgery_removals.py.)"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from imsmap.services import checks, planning
from imsmap.services.context import open_context
from imsmap.store import audit, site_rows, witnesses
from imsmap.store.terms import terms_of
from support import outside_edit, spot
from test_forgery_removals import check_in_another_process


class Clock:
    """A clock a test moves on, so that a change is not in the same second as the creation."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 20, 9, 30).astimezone()

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=7)
        return self.now


@pytest.fixture
def records(db_path):
    context = open_context(db_path, actor="test.physio", clock=Clock())
    yield context.records
    context.close()


@pytest.fixture
def draft(records):
    """A draft with two sites, the first graded after it was placed and its note written,
    the second placed and then removed and restored; the session's notes changed."""
    patient = records.create_patient(chart_number="C-1001", family_name="Nguyen",
                                     given_name="Anna", birth_date="1970-04-12", sex="F")
    session = records.start_session(patient.id, practitioner="J. Physio",
                                     complaint="Low back pain, L5")
    view, x, y, muscle, side = spot(records.atlas)
    first = records.add_site(session.id, view, x, y, muscle_id=muscle, side=side)
    records.update_site(first.id, grasp=3, cramp=True)
    records.update_site(first.id, notes="tight band")
    view, x, y, muscle, side = spot(records.atlas, 1)
    second = records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=1)
    records.remove_site(second.id)
    records.restore_site(second.id)
    records.update_session(session.id, notes="L5 radiculopathy.", pain_before=6)
    assert checks.full_check(records).ok, checks.full_check(records).problems
    return session.id


def problems(records) -> str:
    return " | ".join(map(str, checks.full_check(records).problems))


def test_every_kind_of_change_the_app_makes_passes(records, draft):
    """Moves, planned sites copied forward and confirmed, a draft's start moved, a draft
    signed on a later atlas's terms: each change recorded, so nothing is named."""
    site = records.read.sites_for_session(draft)[0]
    x, y = next((x, y) for n in range(1, 200) for view, x, y, _m, _s in [spot(records.atlas, n)]
                if view == site.view_id and (x, y) != (site.x, site.y))
    records.move_site(site.id, x, y)
    records.update_session(draft, started_at=datetime(2026, 11, 20, 8, 0).astimezone())
    records.sign_session(draft)
    patient_id = records.read.session(draft).patient_id
    later = records.start_session(patient_id, practitioner="J. Physio")
    copied = planning.copy_forward(records, later.id, draft)
    records.update_site(copied[0].id, planned=False, grasp=2)
    records.remove_site(copied[-1].id)
    found = checks.full_check(records)
    assert found.ok, found.problems
    section = next(s for s in found.sections if "audit trail recorded them" in str(s.title))
    assert str(section.checked) == "1 draft, 4 sites, 0 findings, adverse events and photos", \
        section.checked


def test_a_draft_site_rewritten_outside_imsmap_is_named_before_and_after_signing(
        records, draft, db_path):
    site = records.read.sites_for_session(draft)[0]
    outside_edit(db_path, f"UPDATE sites SET grasp = 1 WHERE id = {site.id}")
    found = problems(records)
    assert f"session {draft} (chart C-1001" in found and ", site 1 (" in found, found
    assert "grasp is '1' in the file, but the newest change of it that its audit trail " \
        "records (audit entry 4) made it '3': it was changed outside imsmap" in found, found
    assert "changed outside imsmap" in check_in_another_process(db_path)
    # The window takes it for a draft and signs it as it stands: still named, the signature
    # agreeing with what was signed.
    records.sign_session(draft)
    found = problems(records)
    assert ", site 1 (" in found and "grasp is '1' in the file" in found, found


def test_a_removed_site_rewritten_is_named(records, draft, db_path):
    second = records.read.sites_for_session(draft)[1]
    records.remove_site(second.id)
    outside_edit(db_path, f"UPDATE sites SET notes = 'needled twice' WHERE id = {second.id}")
    found = problems(records)
    assert ", removed site 2 (" in found and "what it holds is not what audit entry 6 " \
        "recorded when it was created, and its audit trail records no change of it since" in \
        found, found


def test_a_draft_session_rewritten_outside_imsmap_is_named(records, draft, db_path):
    outside_edit(db_path, f"UPDATE sessions SET pain_before = 2 WHERE id = {draft}")
    found = problems(records)
    assert f"session {draft} (chart C-1001" in found and "pain_before is '2' in the file, " \
        "but the newest change of it that its audit trail records (audit entry" in found, found
    outside_edit(db_path, f"UPDATE sessions SET practitioner = 'A. Other' WHERE id = {draft}")
    found = problems(records)
    assert "with the 1 change its audit trail records undone, is not what audit entry 2 " \
        "recorded when it was created" in found, found
    check_in_another_process(db_path)


def test_a_site_moved_to_another_session_is_named(records, draft, db_path, monkeypatch):
    """In the same batch of sessions, and across batches (its creation then found in one more
    pass over the trail, not among its new session's entries)."""
    patient_id = records.read.session(draft).patient_id
    other = records.start_session(patient_id, practitioner="J. Physio")
    site = records.read.sites_for_session(draft)[0]
    outside_edit(db_path, f"UPDATE sites SET session_id = {other.id} WHERE id = {site.id}")
    said = f"created it in session {draft}, and it is in session {other.id} now: it was moved"
    assert said in problems(records)
    batches = witnesses.session_batches
    monkeypatch.setattr(witnesses, "session_batches", lambda db: batches(db, 1))
    found = problems(records)
    assert said in found and found.count("moved outside imsmap") == 1, found


def _cut_after(records, db_path, last: int) -> None:
    """Take the entries after `last` off the end of the trail, audit_head set to the new last
    link: a whole chain, as a forger who knows the format leaves it."""
    link = audit.link_at(records.db.conn, last)
    assert link is not None
    outside_edit(db_path, f"DELETE FROM audit WHERE id > {last}",
                 f"UPDATE audit_head SET entry_id = {last}, hash = X'{link.hex()}'")


def test_the_newest_changes_of_a_draft_cut_off_the_trail_are_named(records, draft, db_path):
    """The row left as the change made it: it is not what the remaining trail gives back, and
    it was written after the newest change the trail records."""
    site = records.read.sites_for_session(draft)[0]
    before = audit.head(records.db.conn)[0]
    records.update_site(site.id, grasp=0, notes="no grasp after all")
    _cut_after(records, db_path, before)
    report = checks.full_check(records)
    assert not any("Audit trail unbroken" in str(s.title) and not s.ok for s in report.sections)
    found = " | ".join(map(str, report.problems))
    assert ", site 1 (" in found and "notes is 'no grasp after all' in the file, but the " \
        "newest change of it that its audit trail records (audit entry" in found, found
    assert "its row was last written at" in found and "cut off the end of the trail" in found, \
        found
    check_in_another_process(db_path)


def test_a_cut_change_put_back_by_hand_is_named_by_its_time(records, draft, db_path):
    """The content put back as the remaining trail has it, the row's time left: named."""
    site = records.read.sites_for_session(draft)[0]
    before = audit.head(records.db.conn)[0]
    records.update_site(site.id, grasp=0)
    _cut_after(records, db_path, before)
    outside_edit(db_path, f"UPDATE sites SET grasp = 3 WHERE id = {site.id}")
    found = problems(records)
    assert "in the file" not in found, found
    assert ", site 1 (" in found and "its row was last written at" in found, found


def test_a_cut_change_put_back_whole_is_what_the_file_cannot_tell(records, draft, db_path):
    """The content and the row's time put back too: the file is what it would be had the
    change never been made. Nothing in it can tell (docs/integrity.md says so, and what can:
    an earlier backup's journal, a keyed signature)."""
    site = records.read.sites_for_session(draft)[0]
    written = records.db.conn.execute("SELECT updated_at, updated_by FROM sites WHERE id = ?",
                                      (site.id,)).fetchone()
    before = audit.head(records.db.conn)[0]
    records.update_site(site.id, grasp=0)
    _cut_after(records, db_path, before)
    outside_edit(db_path, f"UPDATE sites SET grasp = 3, updated_at = {written[0]},"
                          f" updated_by = {written[1]} WHERE id = {site.id}")
    assert checks.full_check(records).ok


def test_a_site_read_straight_from_its_row_is_the_site_decoded(records, draft):
    """row_content, the check's fast reading, against content(decode(...)), every field."""
    conn = records.db.conn
    texts = terms_of(conn).all()
    rows = conn.execute(f"SELECT {site_rows.SITE_COLUMNS} FROM sites").fetchall()
    assert rows
    for row in rows:
        assert site_rows.row_content(row, texts) == \
            site_rows.content(site_rows.decode(row, texts))


def test_a_planned_site_rewritten_is_named_by_its_field(records, draft, db_path):
    """A planned site's creation recorded its values (not a digest): the field is named, with
    the value the file holds and the one created."""
    patient_id = records.read.session(draft).patient_id
    records.sign_session(draft)
    later = records.start_session(patient_id, practitioner="J. Physio")
    planned = planning.copy_forward(records, later.id, draft)[0]
    assert checks.full_check(records).ok
    outside_edit(db_path, f"UPDATE sites SET depth_mm = 45 WHERE id = {planned.id}")
    found = problems(records)
    assert f"session {later.id} (chart C-1001" in found and "depth_mm is '45.0' in the file, " \
        "but audit entry" in found and "created it (none) and its audit trail records no " \
        "change of it since" in found, found


def test_an_entry_that_gives_a_false_value_before_is_named(records, draft):
    """A script (imsmap's own store, in one transaction with the row) that changes a field and
    writes an entry of the change with another value before: the newest change gives the
    value the row holds, but the one before it left another; each change imsmap writes starts
    from the value the one before left (it reads it in the writing transaction)."""
    site = records.read.sites_for_session(draft)[0]  # grasp 3 since audit entry 4
    with records.write() as work:
        work.connection.execute("UPDATE sites SET grasp = 0 WHERE id = ?", (site.id,))
        lying = work.audit("update", "site", site.id, draft, {"grasp": [1, 0]})
    found = problems(records)
    assert ", site 1 (" in found and "the changes of grasp that its audit trail records do " \
        f"not follow on: audit entry 4 made it '3', and audit entry {lying}, the next change " \
        "of it, says it was '1' before: one of them was written outside imsmap" in found, found
    assert found.count("outside imsmap") == 1, found
    # The same change of the other site, with an entry that tells it as it was: an
    # attributed change, in the trail under its actor, named by nothing.
    second = records.read.sites_for_session(draft)[1]  # grasp 1 since its creation
    with records.write() as work:
        work.connection.execute("UPDATE sites SET grasp = 0 WHERE id = ?", (second.id,))
        work.audit("update", "site", second.id, draft, {"grasp": [1, 0]})
    assert problems(records) == found
