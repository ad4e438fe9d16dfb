"""Several processes on one database file at once: the window's connection (here, the services
in this process, with the same background checks the window runs) and the command-line tools in
another process. Every acknowledged write must be in the file, whatever the other process did."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from imsmap.services import checks
from imsmap.services.records import Records
from imsmap.store.db import Database
from support import chart_atlas, spot


def open_clinic(path) -> Records:
    return Records(Database.open(path), chart_atlas(), actor="window.physio")


def posix_locks_of(pid: int, path: Path) -> list[str]:
    """The lines of /proc/locks that `pid` holds on `path`'s inode."""
    st = path.stat()
    inode = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    return [line for line in Path("/proc/locks").read_text().splitlines()
            if f" {pid} " in line and inode in line]


def cli(*args: str, db: Path, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "imsmap", *args, "--db", str(db)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    if check:
        assert done.returncode == 0, done.stderr
    return done


def count(path: Path, table: str) -> int:
    """Count rows the way another program would see them (a fresh read-only connection)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="Linux's lock table")
def test_the_open_window_keeps_its_lock_after_the_structure_check(db_path):
    recs = open_clinic(db_path)
    try:
        recs.create_patient(chart_number="C-1", family_name="Nguyen")
        assert posix_locks_of(os.getpid(), db_path), "an open connection holds a lock"
        # What the window runs on a thread once it is up: it must read through SQLite only.
        assert checks.structure_problems(db_path) == []
        assert posix_locks_of(os.getpid(), db_path), \
            "the structure check dropped the window's lock on the database file"
    finally:
        recs.db.close()


def test_a_command_beside_the_window_leaves_its_journal_alone(db_path, tmp_path):
    recs = open_clinic(db_path)
    try:
        patient = recs.create_patient(chart_number="C-1", family_name="Nguyen")
        session = recs.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30))
        checks.structure_problems(db_path)  # as the window does after its first paint
        # Another process opens the file for writing and closes it again.
        cli("export", "--out", str(tmp_path / "all.json"), db=db_path)
        cli("check", db=db_path)
        assert Path(f"{db_path}-wal").exists() and Path(f"{db_path}-shm").exists(), \
            "the other process deleted the journal the window is writing into"
        view, x, y, muscle, side = spot(recs.atlas)
        for n in range(5):
            recs.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=n % 4)
        # Every acknowledged write is visible to any other process, now.
        assert count(db_path, "sites") == 5
    finally:
        recs.db.close()
    assert count(db_path, "sites") == 5
