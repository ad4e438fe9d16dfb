"""The backup folder refusing new files (a drive remounted read-only, permissions changed since
it was chosen), met by real processes: `imsmap backup` says so in one sentence and changes
nothing, as a full disk does (tests/test_output_files.py); found by the chaos driver
(/work/notes/chaos/)."""

from __future__ import annotations

import os
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
