"""A demo clinic's creation killed half way (kill -9). It wrote at the file's own name, so a
creation killed before its end left there a clinic of made-up patients not yet marked as the
demo (the mark is written last): `imsmap --db PATH` opened it as a clinic's records, and
`imsmap --demo` opened a demo with half its visits for good. It is now built in a hidden folder
beside the name and given the name once whole; the next creation removes a killed one's folder
once it is an hour old."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from imsmap.services import clinic
from support import open_clinic
from test_signing_processes import imsmap_check, python

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX's")

# The demo made in a process of its own, held at its last write (the mark that it is the demo:
# every patient and visit written by then) until it is killed.
HELD_DEMO = """
    import sys
    from imsmap.services import clinic, demo
    real = clinic.name_demo_clinic

    def held(records, name):
        print("inside", flush=True)
        sys.stdin.readline()
        return real(records, name)

    clinic.name_demo_clinic = held
    demo.create_demo(sys.argv[1])
"""


def imsmap_demo(path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "imsmap", "demo", "--db", str(path)],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_a_demo_killed_half_way_leaves_nothing_at_its_name_and_is_made_again(tmp_path):
    path = tmp_path / "demo.sqlite3"
    writer = python(HELD_DEMO, path, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE)
    try:
        said = writer.stdout.readline().strip()
    finally:
        writer.kill()
        errors = writer.communicate(timeout=60)[1]
    assert said == "inside", errors
    assert writer.returncode == -signal.SIGKILL

    assert not path.exists()  # nothing a window or a command would open as records
    left = [p for p in tmp_path.iterdir()]
    assert len(left) == 1 and left[0].name.startswith(".demo.sqlite3.") and \
        left[0].name.endswith(".building") and left[0].is_dir()
    # Another creation at work (its folder changed a moment ago) and a folder of someone
    # else's are never touched; the killed one's, an hour old, is removed by the next.
    at_work = tmp_path / ".demo.sqlite3.a1b2c3d4.building"
    at_work.mkdir()
    theirs = tmp_path / ".demo.sqlite3.notes"
    theirs.mkdir()
    old = time.time() - 2 * 3600
    for folder in (left[0], theirs):
        os.utime(folder, (old, old))

    done = imsmap_demo(path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".demo.sqlite3.a1b2c3d4.building", ".demo.sqlite3.notes", "demo.sqlite3"]
    records = open_clinic(path)
    try:
        assert clinic.is_demo(records)
    finally:
        records.db.close()
    imsmap_check(path)
