"""A crash of the process itself (a segmentation fault inside Qt) runs no Python handler: the
window and the commands turn on faulthandler at start, writing to crash-native.log beside the
crash logs, owner-only, holding code locations and no record."""

from __future__ import annotations

import faulthandler
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap

import pytest

from imsmap import logs

CHILD = textwrap.dedent("""
    import faulthandler, sys
    from imsmap.cli import main

    assert main(["demo", "--db", sys.argv[1]]) == 0

    def a_slot_running_on_a_deleted_widget():
        faulthandler._sigsegv()

    a_slot_running_on_a_deleted_widget()
""")


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX signal's return code")
def test_a_segfault_after_start_leaves_its_python_frames_in_the_crash_folder(tmp_path):
    db = tmp_path / "demo.sqlite3"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONFAULTHANDLER"}  # as a user's
    child = subprocess.run([sys.executable, "-c", CHILD, str(db)], env=env,
                           capture_output=True, text=True, timeout=120)
    assert child.returncode == -signal.SIGSEGV, child.stderr
    path = logs.log_dir() / logs.NATIVE_CRASH_LOG
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text
    assert "in a_slot_running_on_a_deleted_widget" in text and "in <module>" in text
    assert "-- imsmap 0.1.0, process " in text and " started " in text
    assert "native crash traces (faulthandler) go to " + str(path) in \
        (logs.log_dir() / logs.LOG_NAME).read_text(encoding="utf-8")
    with sqlite3.connect(db) as conn:
        names = {t for row in conn.execute("SELECT family_name, chart_number FROM patients")
                 for t in row if t}
    assert names and not any(name in text for name in names)


def test_a_faulthandler_turned_on_before_is_left_as_it_is():
    """python -X faulthandler, pytest's own: the developer chose where the trace goes."""
    assert faulthandler.is_enabled()  # pytest's
    assert logs.trace_native_crashes() is None
    assert not (logs.log_dir() / logs.NATIVE_CRASH_LOG).exists()
