"""The backup folder refusing new files (a drive remounted read-only, permissions changed since
it was chosen), met by real processes: `imsmap backup` says so in one sentence and changes
nothing, as a full disk does (tests/test_output_files.py); found by the chaos driver
(/work/notes/chaos/)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import spot

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture
def refusing_folder(tmp_path):
    """A chosen backup folder that takes no new file: one without write permission, or for
    root (whom permissions let through) /proc, which takes no new files from anyone."""
    if os.geteuid() == 0:
        if not Path("/proc/self").is_dir():
            pytest.skip("needs Linux's /proc when run as root")
        yield Path("/proc")
        return
    folder = tmp_path / "usb"
    folder.mkdir()
    folder.chmod(0o500)
    yield folder
    folder.chmod(0o700)


def test_a_backup_into_a_folder_that_refuses_files_is_one_sentence(
        open_records_as, db_path, refusing_folder):
    records = open_records_as("anna.physio").records
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    session = records.start_session(patient.id)
    view, x, y, muscle, side = spot(records.atlas)
    records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
    records.sign_session(session.id)
    with records.db.transaction():
        records.repo.set_setting("backup.dir", str(refusing_folder))
    done = subprocess.run([sys.executable, "-m", "imsmap", "backup", "--db", str(db_path)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1 and lines[0].startswith("imsmap: A backup cannot be written in "), \
        done.stderr
    assert not [name for name in os.listdir(refusing_folder) if "imsmap" in name]


@pytest.fixture
def small_disk(tmp_path):
    """A filesystem of its own, 1 MB: a tmpfs, mounted for the test (root only)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)],
            capture_output=True).returncode != 0:
        pytest.skip("needs root to mount a small filesystem")
    yield disk
    subprocess.run(["umount", str(disk)], check=True)


def test_a_backup_onto_a_disk_that_fills_as_it_is_finished_leaves_nothing_behind(
        open_records_as, db_path, small_disk):
    """Room for the copy but not for what SQLite writes beside it when the copy leaves the
    write-ahead log (its -wal and -shm): refused in one sentence that says the disk is full
    (SQLite's SQLITE_IOERR_SHMSIZE read "disk I/O error"), and those files went with the
    half backup (they stayed, one pair per attempt, on the full disk)."""
    records = open_records_as("anna.physio").records
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    session = records.start_session(patient.id)
    for n in range(60):
        view, x, y, muscle, side = spot(records.atlas, n)
        records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=n % 4,
                         notes="x" * 400)
    pages, page_size = (records.db.conn.execute(f"PRAGMA {name}").fetchone()[0]
                        for name in ("page_count", "page_size"))
    size = pages * page_size  # the copy's, the write-ahead log's pages in it
    free = os.statvfs(small_disk)
    (small_disk / "filler").write_bytes(
        b"\0" * (free.f_bavail * free.f_frsize - size - 8192))
    done = subprocess.run([sys.executable, "-m", "imsmap", "backup", "--db", str(db_path),
                           "--out", str(small_disk / "copy.sqlite3")], capture_output=True,
                          text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.startswith("imsmap: The disk holding copy.sqlite3 is full; nothing was "
                                  "changed."), done.stderr  # not "disk I/O error"
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_a_backup_out_killed_midway_is_cleaned_by_the_next_backup_there(
        open_records_as, db_path, tmp_path):
    """`imsmap backup --out FILE` killed mid-copy (kill -9, a power cut) left its hidden
    `.FILE.PID.partial`, a whole copy of the records, beside FILE (a USB stick) for good: no
    later run removed it. The next backup into that folder does, whatever its name; a copy
    still running keeps its file, and so does anything that is not an SQLite copy."""
    records = open_records_as("anna.physio").records
    records.create_patient(chart_number="C-1", family_name="Nguyen")
    usb = tmp_path / "usb"
    usb.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead = int(gone.stdout)
    (usb / f".monday.bk.{dead}.partial").write_bytes(b"SQLite format 3\0 every patient")
    (usb / f".monday.bk.{dead}.partial-journal").write_bytes(b"pages")
    (usb / f".tuesday.bk.{dead}.partial").write_bytes(b"")  # killed as it was created
    kept = [f".wednesday.bk.{os.getppid()}.partial",  # a copy still running
            f".photo.jpg.{dead}.partial",  # another program's file
            ".notes.txt.partial"]
    (usb / kept[0]).write_bytes(b"SQLite format 3\0 being copied")
    (usb / kept[1]).write_bytes(b"\xff\xd8\xff a photo")
    (usb / kept[2]).write_bytes(b"SQLite format 3\0")
    done = subprocess.run([sys.executable, "-m", "imsmap", "backup", "--db", str(db_path),
                           "--out", str(usb / "thursday.bk")],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in usb.iterdir()) == sorted([*kept, "thursday.bk"])


def _as_user_without_root_powers(command: list[str]) -> list[str]:
    """`command` run so that a folder without write permission refuses it, even for root."""
    if os.geteuid() != 0:
        return command
    capsh = shutil.which("capsh")
    if capsh is None:
        pytest.skip("needs capsh to run a child without root's file permissions")
    return [capsh, "--drop=cap_dac_override,cap_dac_read_search,cap_fowner", "--", "-c",
            " ".join(shlex.quote(word) for word in command)]


def test_a_folder_without_permission_is_said_in_french_too(open_records_as, db_path, tmp_path):
    """Under LC_ALL=fr_CA the refusals of backup --out, restore, import and demo ended in the
    system's English "(Permission denied)"; pdf and export already said "(permission
    refusée)"."""
    records = open_records_as("anna.physio").records
    records.create_patient(chart_number="C-1", family_name="Nguyen")
    records.db.close()
    backup = tmp_path / "copy.bk"
    subprocess.run([sys.executable, "-m", "imsmap", "backup", "--db", str(db_path), "--out",
                    str(backup)], check=True, capture_output=True, timeout=120)
    export = tmp_path / "export.json"
    subprocess.run([sys.executable, "-m", "imsmap", "export", "--db", str(db_path), "--out",
                    str(export)], check=True, capture_output=True, timeout=120)
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() == 0:
        os.chown(folder, 65534, 65534)
    folder.chmod(0o555)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "fr_CA.UTF-8"}
    said = {}
    try:
        for name, args in {
                "backup": ["backup", "--db", str(db_path), "--out", str(folder / "x.bk")],
                "restore": ["restore", "--db", str(folder / "new.db"), str(backup)],
                "import": ["import", "--db", str(folder / "new.db"), str(export)],
                "demo": ["demo", "--db", str(folder / "demo.db")]}.items():
            done = subprocess.run(_as_user_without_root_powers(
                [sys.executable, "-m", "imsmap", *args]), capture_output=True, text=True,
                timeout=120, env=env)
            assert done.returncode == 2, done.stderr
            said[name] = done.stderr.splitlines()[-1]  # (bash may warn of the locale first)
    finally:
        folder.chmod(0o755)
    for name, text in said.items():
        assert "(permission refusée)" in text and "Permission denied" not in text, (name, text)
    assert said["restore"] == (f"imsmap\u00a0: La base de données restaurée ne peut pas être écrite "
                               f"dans {folder} (permission refusée); rien n'a été modifié.")
    assert list(folder.iterdir()) == []
