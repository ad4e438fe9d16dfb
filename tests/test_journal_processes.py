"""The backup journal written by two processes at once (two windows on one file, each appending
after its signatures as the window does: services.database_files.journal_backup), and one of
them killed (kill -9) halfway through its record while the other waits for the journal: the
journal is never damaged, and the full backup with its journal gives back every row of the
database, both processes' visits included. (One process killed mid-append and started again:
tests/test_backup_sets.py.)"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from imsmap.services.checks import check_restorable
from imsmap.store import backup_sets as sets
from imsmap.store import journal
from imsmap.store import restore as rs
from support import open_clinic
from test_backup_sets import DAY, dump, visit
from test_signing_processes import imsmap_check, python

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX's")

# A window's process: signs a visit of its own patient and writes the journal's record after
# it, COUNT times. With "half", it writes half of its last record, says so and waits (holding
# the journal's lock, as a process stopped mid-write does) to be killed. With "wait", it says
# so just before it asks for the journal's lock.
WINDOW = """
    import os, sys
    sys.path.insert(0, sys.argv[4])
    from test_backup_sets import open_clinic, visit
    from imsmap.services import database_files
    from imsmap.store import journal
    db, chart, how = sys.argv[1], sys.argv[2], sys.argv[3]
    count = int(sys.argv[5])
    records = open_clinic(db)
    write, lock = journal._write, journal._lock

    def half(fd, data):
        os.write(fd, bytes(data[: len(data) // 2]))
        print("half", flush=True)
        sys.stdin.readline()

    def waiting(fd):
        print("waiting", flush=True)
        lock(fd)

    for n in range(count):
        visit(records, chart)
        if n == count - 1 and how == "half":
            journal._write = half
        if n == count - 1 and how == "wait":
            journal._lock = waiting
        outcome = database_files.journal_backup(db)
    records.db.close()
    print("done", outcome.name, flush=True)
"""


@pytest.fixture
def backed_up(db_path):
    """A clinic with one signed visit and its full backup: the set the journal continues."""
    records = open_clinic(db_path)
    try:
        visit(records, "C-1")
        return sets.make_full(records.db, now=DAY)
    finally:
        records.db.close()


def window(db: Path, chart: str, how: str, count: int) -> subprocess.Popen:
    return python(WINDOW, db, chart, how, Path(__file__).parent, count,
                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def restored_is_the_database(made: sets.BackupSet, db: Path, tmp_path: Path) -> None:
    restored = tmp_path / "restored.sqlite3"
    rs.restore(made.full, restored, check=check_restorable)
    assert dump(restored) == dump(db)
    imsmap_check(db)


def visits_of(db: Path, chart: str) -> int:
    records = open_clinic(db, readonly=True)
    try:
        patient = records.repo.patient_by_chart_number(chart)
        return len(records.repo.sessions_for_patient(patient.id))
    finally:
        records.db.close()


def test_two_windows_writing_the_journal_at_once_leave_it_whole(backed_up, db_path, tmp_path):
    rooms = [window(db_path, chart, "go", 8) for chart in ("A-1", "B-1")]
    for room in rooms:
        out, errors = room.communicate(timeout=180)
        assert room.returncode == 0 and out.startswith("done"), errors
    records = journal.read(backed_up.journal)  # JournalError if two records had mixed
    assert all(not r.after_cut for r in records)
    assert visits_of(db_path, "A-1") == visits_of(db_path, "B-1") == 8
    restored_is_the_database(backed_up, db_path, tmp_path)


def test_a_window_killed_mid_record_while_another_waits_loses_nothing(
        backed_up, db_path, tmp_path):
    killed = window(db_path, "A-1", "half", 2)
    waiting = None
    try:
        assert killed.stdout.readline().strip() == "half", killed.stderr.read()
        # Its half record is on the disk and it holds the journal's lock; the other window
        # signs its visit and asks for the lock.
        waiting = window(db_path, "B-1", "wait", 1)
        assert waiting.stdout.readline().strip() == "waiting", waiting.stderr.read()
    finally:
        killed.kill()
        killed.communicate(timeout=60)
    assert killed.returncode == -signal.SIGKILL
    out, errors = waiting.communicate(timeout=120)
    assert waiting.returncode == 0 and out.strip() == "done WRITTEN", errors
    records = journal.read(backed_up.journal)
    # its record starts on a line of its own after the half one, and says so; it holds what
    # the half one held (the killed window's second visit, committed before the journal)
    assert records[-1].after_cut
    assert visits_of(db_path, "A-1") == 2 and visits_of(db_path, "B-1") == 1
    restored_is_the_database(backed_up, db_path, tmp_path)
