"""Writes that read the record before their transaction, raced by a second process: the first
process is held inside its write (at its COMMIT), the second reads the record meanwhile, as it
is before the first commits, and asks for the write lock; the first then commits, and the
second must act on the record as the first left it: refused with a sentence, or writing what
is true now, never the stale read.

- Two windows separating one merge at once: both found it in force, and the second's row was
  refused by the file's unique `ends` in SQLite's words, not imsmap's sentence.
- Copy forward while another window's amendment says one of the visit's sites was recorded in
  error: the site in error was copied as a planned site into today's draft.
- A protocol kept while another window removes a site of the draft it is kept from: the
  protocol held the removed site.
- `imsmap backup --keep-fulls` and `--full-every-days` run at once: each wrote both settings,
  the one not asked for as it had read it, over the other command's.
(The clinic's settings: tests/test_settings_processes.py; the list: docs/integrity.md.)"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

import pytest

from imsmap.services import merging, planning
from support import open_clinic, spot
from test_killed_writes import rows
from test_signing_processes import imsmap_check, python

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")

# One write, in a process of its own. "hold": it stops at its COMMIT (every row written,
# nothing committed) until told to go on; "tell": it has read the record and says when it
# asks for the write lock. It prints "done" and what it wrote, or "refused:" and the sentence.
WRITER = """
    import sys
    import held_writes
    from imsmap.domain.errors import UserFacingError
    from imsmap.services import merging, planning
    from imsmap.services.context import open_context
    db, how, what = sys.argv[1:4]
    records = open_context(db, actor=how + ".physio", create=False).records
    held_writes.trace(records.db.conn, how)
    try:
        if what == "separate":
            wrote = merging.separate_records(records, 1, "Two people: twins").id
        elif what == "in error":
            wrote = records.amend_session(2, "Charted on the wrong muscle", "Site 2 was not "
                                          "needled.", [(2, "in_error", True)]).id
        elif what == "copy forward":
            wrote = [s.muscle_id for s in planning.copy_forward(records, 1, 2)]
        elif what == "site removed":
            wrote = records.remove_site(1).id
        elif what == "protocol":
            wrote = [s.muscle_id for s in planning.save_protocol(records, "Lumbar", 1).sites]
    except UserFacingError as exc:
        print("refused:", exc, flush=True)
    else:
        print("done", wrote, flush=True)
"""


def raced(db, first: str, second: str, script: str = WRITER) -> tuple[str, str]:
    """``first`` held inside its write while ``second`` reads the record and waits for the
    write lock; then both let go. Their last lines, in that order."""
    held = python(script, db, "hold", first,
                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    waiting = None
    try:
        assert held.stdout.readline().strip() == "inside", held.stderr.read()
        waiting = python(script, db, "tell", second,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert waiting.stdout.readline().strip() == "asks", waiting.stderr.read()
        held.stdin.write("\n")
        held.stdin.flush()
        said = []
        for proc in (held, waiting):
            out, errors = proc.communicate(timeout=60)
            assert proc.returncode == 0, errors
            said.append(out.strip().splitlines()[-1])
    finally:
        for proc in (held, waiting):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.communicate()
    return said[0], said[1]


@pytest.fixture
def clinic_file(db_path):
    """C-1's draft (session 1: site 1) and signed visit (session 2: sites 2 and 3, two
    muscles); John Smith registered twice (patients 2 and 3), merged (merge 1)."""
    records = open_clinic(db_path)
    try:
        patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
        for hour, spots in ((9, (1,)), (10, (2, 3))):
            session = records.start_session(patient.id,
                                            started_at=datetime(2026, 11, 20, hour, 30))
            for n in spots:
                view, x, y, muscle, side = spot(records.atlas, n)
                records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        records.sign_session(2)
        twins = [records.create_patient(chart_number=f"C-20{n}", given_name="John",
                                        family_name="Smith") for n in (1, 2)]
        merging.merge_records(records, twins[0].id, twins[1].id, "Same person: DOB typo")
    finally:
        records.db.close()
    return db_path


def test_two_windows_separating_one_merge_at_once_separate_it_once(clinic_file):
    first, second = raced(clinic_file, "separate", "separate")
    assert first.startswith("done")
    assert second == "refused: These records are not merged (any longer); nothing was changed."
    records = open_clinic(clinic_file)
    try:
        stored = records.db.conn.execute("SELECT id, ends FROM patient_merges ORDER BY id")
        assert [tuple(row) for row in stored] == [(1, None), (2, 1)]  # one separation
    finally:
        records.db.close()
    imsmap_check(clinic_file)


def test_copy_forward_leaves_out_a_site_another_window_said_was_in_error_meanwhile(
        clinic_file):
    records = open_clinic(clinic_file)
    try:
        muscles = {s.id: s.muscle_id for s in records.read.sites_for_session(2)}
    finally:
        records.db.close()
    first, second = raced(clinic_file, "in error", "copy forward")
    assert first.startswith("done")
    assert second == f"done {[muscles[3]]}"
    imsmap_check(clinic_file)


def test_a_protocol_kept_while_another_window_removes_a_site_holds_the_sites_as_they_are(
        clinic_file):
    before = rows(clinic_file)
    first, second = raced(clinic_file, "site removed", "protocol")
    assert first == "done 1"
    # The draft has no site left: the protocol is refused, with the sentence, and not kept.
    assert second == ("refused: A protocol needs at least one site; this session has none.")
    records = open_clinic(clinic_file)
    try:
        assert planning.protocols(records) == []
    finally:
        records.db.close()
    assert rows(clinic_file) != before


# `imsmap backup` setting the backup policy, in a process of its own, as WRITER's writes are
# held or told (every connection the command opens is traced).
POLICY = """
    import sys
    import held_writes
    db, how, what = sys.argv[1:4]
    held_writes.trace_every_connection(how)
    from imsmap.cli import main
    option = {"keep": ["--keep-fulls", "5"], "every": ["--full-every-days", "3"]}[what]
    status = main(["backup", "--db", db, *option])
    print("done", status, flush=True)
"""


def test_two_backup_policy_commands_at_once_keep_both_settings(clinic_file):
    from imsmap.store import backup_sets

    first, second = raced(clinic_file, "keep", "every", POLICY)
    assert (first, second) == ("done 0", "done 0")
    records = open_clinic(clinic_file)
    try:
        assert backup_sets.policy_of(records.db) == backup_sets.Policy(3, 5)
    finally:
        records.db.close()
