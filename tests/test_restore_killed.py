"""`imsmap restore --force` over a clinic's records, killed (kill -9) while it writes the backup's
pages into the database: SQLite's rollback journal is then hot beside the file and the file half
written. The records must come back whole as they were, and the next process, whichever it is,
must see them: `imsmap check` and `imsmap backup` (read-only opens, which SQLite lets play no
journal back) as well as the window's read-write open. Run again, the restore goes through.
(A restore killed before it touches the database: tests/test_restore_disk_lost.py and
tests/test_restore_leftovers.py; an upgrade killed the same way: tests/test_upgrade.py.)"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from imsmap.store import backup as bk
from support import open_clinic
from test_backup_sets import dump, visit
from test_signing_processes import imsmap_check

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX's")

# `imsmap restore` in a process of its own, killed after STEPS steps of SQLite's backup of the
# checked copy into the database (four pages a step). The database's page cache is kept small,
# as a database bigger than SQLite's 2 MB cache has it: the pages written spill into the file
# before the commit, its journal hot beside it; that is the moment a kill does harm.
KILLED = r"""
import os, signal, sqlite3, sys
from imsmap.store import restore

STEPS = int(os.environ["KILL_AFTER_STEPS"])
connect = sqlite3.connect


class Copy(sqlite3.Connection):  # the checked copy the restore writes into the database
    def backup(self, target, **options):
        target.execute("PRAGMA cache_size = 2")
        steps = []

        def progress(status, remaining, total):
            steps.append(remaining)
            if len(steps) == STEPS:
                print(remaining, flush=True)  # pages still to write: it is mid-write
                os.kill(os.getpid(), signal.SIGKILL)

        return super().backup(target, pages=4, progress=progress)


class Sqlite:
    def __getattr__(self, name):
        return getattr(sqlite3, name)

    def connect(self, path, *args, **kwargs):
        if str(path).endswith(".restoring"):
            kwargs["factory"] = Copy
        return connect(path, *args, **kwargs)


restore.sqlite3 = Sqlite()
from imsmap.cli import main
sys.exit(main(sys.argv[1:]))
"""


def imsmap(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "imsmap", *map(str, args)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def patients(db: Path) -> int:
    conn = sqlite3.connect(db)  # read-write, as the window: plays a hot journal back
    try:
        return conn.execute("SELECT count(*) FROM patients").fetchone()[0]
    finally:
        conn.close()


def thirty_visits_backed_up_at_ten(tmp_path, db_path):
    """A clinic of 30 visits in ``db_path`` and the backup taken after its first 10 (its path)."""
    records = open_clinic(db_path)
    try:
        for n in range(10):
            visit(records, f"C-{n}")
        backup = bk.backup_to(records.db, tmp_path / "ten.sqlite3")
        for n in range(10, 30):
            visit(records, f"C-{n}")
    finally:
        records.db.close()
    return backup


@pytest.fixture
def replaced(tmp_path, db_path):
    """A clinic of 30 visits, a backup taken after its first 10, and `imsmap restore --force`
    of that backup killed halfway through writing it into the database."""
    backup = thirty_visits_backed_up_at_ten(tmp_path, db_path)
    before = dump(db_path)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED, "restore", "--force", "--db", str(db_path), str(backup)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "KILL_AFTER_STEPS": "3"})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert int(killed.stdout) > 0  # pages still to write when it was killed
    journal = db_path.with_name(db_path.name + "-journal")
    assert journal.is_file() and journal.stat().st_size > 0  # hot: its writer is gone
    return db_path, backup, before


def test_the_next_check_plays_the_journal_back_and_finds_the_records_as_they_were(replaced):
    db, _, before = replaced
    imsmap_check(db)  # read-only, in a fresh process: the first to meet the file
    assert not db.with_name(db.name + "-journal").exists()
    assert dump(db) == before
    assert patients(db) == 30


def test_the_next_backup_copies_the_records_as_they_were(replaced, tmp_path):
    db, _, before = replaced
    done = imsmap("backup", "--db", db, "--out", tmp_path / "after.sqlite3")
    assert done.returncode == 0, done.stdout + done.stderr
    assert dump(tmp_path / "after.sqlite3") == before == dump(db)


def test_the_restore_run_again_goes_through_and_the_killed_ones_copy_is_whole(replaced):
    db, backup, before = replaced
    asides = sorted(db.parent.glob("clinic.replaced-*.sqlite3"))
    assert len(asides) == 1  # the killed restore had set the records aside first: whole
    assert dump(asides[0]) == before
    done = imsmap("restore", "--force", "--db", db, backup)
    assert done.returncode == 0, done.stdout + done.stderr
    assert dump(db) == dump(backup)
    assert patients(db) == 10
    imsmap_check(db)
    # the records it replaced this time are kept aside as well, whole
    again = [p for p in db.parent.glob("clinic.replaced-*.sqlite3") if p not in asides]
    assert len(again) == 1 and dump(again[0]) == before


# The same restore, killed after two steps of its copy of the records it replaces, set aside
# before the backup is written in (four pages a step).
KILLED_ASIDE = r"""
import os, signal, sys
from imsmap.store import restore
copy = restore.copy_database

calls = []

def killed_copy(conn, path, **options):
    calls.append(path)
    if len(calls) == 1:  # the backup's copy, made and checked before
        return copy(conn, path, **options)
    steps = []

    def progress(status, remaining, total):
        steps.append(remaining)
        if len(steps) == 2:
            print(remaining, flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

    return copy(conn, path, pages=4, progress=progress)

restore.copy_database = killed_copy
from imsmap.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_restore_killed_while_it_sets_the_records_aside_leaves_no_copy_cut_short(
        tmp_path, db_path):
    """No `clinic.replaced-...` file but a whole copy: an IT person who finds one takes it for
    the records as they were before the restore. The hidden copy in the making goes at the next
    open, as the restore's own does."""
    backup = thirty_visits_backed_up_at_ten(tmp_path, db_path)
    before = dump(db_path)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_ASIDE, "restore", "--force", "--db", str(db_path),
         str(backup)], capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert int(killed.stdout) > 0  # pages still to copy aside when it was killed
    assert list(db_path.parent.glob("clinic.replaced-*")) == []
    imsmap_check(db_path)  # the records in place, whole; the next open removes what was left
    assert dump(db_path) == before
    assert [p.name for p in db_path.parent.iterdir()
            if p.name.startswith(".") or ".replaced-" in p.name] == []
    done = imsmap("restore", "--force", "--db", db_path, backup)
    assert done.returncode == 0, done.stdout + done.stderr
    aside = list(db_path.parent.glob("clinic.replaced-*.sqlite3"))
    assert len(aside) == 1 and dump(aside[0]) == before
    assert dump(db_path) == dump(backup)
