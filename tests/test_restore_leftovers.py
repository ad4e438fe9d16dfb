"""A restore killed halfway leaves its copy of a backup's records hidden beside the database,
``.NAME.PID.restoring`` (store.restore). Every open of the database removes such copies whose
process has ended (store.leftovers, from store.db), the window's and each command's, and the
log says so without a word of the records; a restore still running keeps its copy, and no
other file is touched."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from imsmap.store.leftovers import remove_restore_copies
from support import open_clinic


def ended_pid() -> int:
    """The id of a process that has ended."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, timeout=60, check=True)
    return int(done.stdout)


@pytest.fixture
def running_pid():
    """The id of a process that still runs (a restore in another window, say)."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])
    try:
        yield child.pid
    finally:
        child.kill()
        child.wait(timeout=30)


def lay_out(folder: Path, dead: int, live: int) -> tuple[list[str], list[str]]:
    """The database's folder after restores killed halfway and one still running: the names
    to be removed, and those to be kept."""
    gone = [f".clinic.sqlite3.{dead}.restoring", f".clinic.sqlite3.{dead}.restoring-wal",
            f".clinic.sqlite3.{dead}.restoring-journal"]
    kept = [f".clinic.sqlite3.{live}.restoring",  # a restore still running elsewhere
            f".clinic.sqlite3.{live}.restoring-wal",
            f"clinic.sqlite3.{dead}.restoring",  # not hidden: not a restore's
            f".clinic.sqlite3.{dead}.restoring.bak",
            f".clinic.sqlite3.{dead}.restoring-old",
            f".clinic.sqlite3.x{dead}.restoring",
            f".clinic.sqlite3.{dead}.restorin",
            f".other.sqlite3.{dead}.restoring",  # another database's
            f".clinic.sqlite3-copy.{dead}.restoring",
            "clinic.sqlite3.replaced-20261205-211500"]  # a database set aside by a restore
    for name in gone + kept:
        (folder / name).write_bytes(b"SQLite format 3\x00 a whole copy of the records")
    (folder / f".clinic.sqlite3.{dead + 1}.restoring").mkdir()  # a folder: never removed
    kept.append(f".clinic.sqlite3.{dead + 1}.restoring")
    return gone, kept


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_the_window_opening_the_database_removes_a_dead_restores_copy_only(
        tmp_path, running_pid, caplog):
    from imsmap.ui import app

    db = tmp_path / "clinic.sqlite3"
    records = open_clinic(db)
    patient = records.create_patient(chart_number="C-4471", family_name="Nguyen")
    records.db.close()
    gone, kept = lay_out(tmp_path, ended_pid(), running_pid)
    caplog.set_level(logging.INFO)
    context = app.open_database(db)  # as `imsmap --db` opens it
    try:
        assert context.read.patient(patient.id).chart_number == "C-4471"
    finally:
        context.close()
    left = names(tmp_path)
    assert not left & set(gone)
    assert set(kept) <= left and "clinic.sqlite3" in left
    said = [r.getMessage() for r in caplog.records if r.name == "imsmap.store.leftovers"]
    assert said == [f"removed 3 file(s) left by a restore killed halfway beside {db} (a copy "
                    "of a backup's records)"]
    assert "C-4471" not in caplog.text and "Nguyen" not in caplog.text


def test_a_command_opening_the_database_removes_them_too(tmp_path, running_pid):
    db = tmp_path / "clinic.sqlite3"
    open_clinic(db).db.close()
    gone, kept = lay_out(tmp_path, ended_pid(), running_pid)
    home = tmp_path / "home"
    done = subprocess.run([sys.executable, "-m", "imsmap", "check", "--db", str(db)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                               "IMSMAP_DATA_DIR": str(home)})
    assert done.returncode == 0, done.stdout + done.stderr
    left = names(tmp_path)
    assert not left & set(gone)
    assert set(kept) <= left
    log = (home / "logs" / "imsmap.log").read_text()
    assert "removed 3 file(s) left by a restore killed halfway beside" in log


def test_a_copy_of_this_process_is_kept(tmp_path):
    """A restore of this process (the window's File > Restore) is writing it."""
    db = tmp_path / "clinic.sqlite3"
    mine = tmp_path / f".clinic.sqlite3.{os.getpid()}.restoring"
    mine.write_bytes(b"in the middle of a restore")
    assert remove_restore_copies(db) == []
    assert mine.exists()
