"""A test run killed (kill -9, a timeout) while its PostgreSQL server runs: pg_ctl made the
server a daemon of its own, so nothing stopped it and it ran on, with its data folder, until
someone found it. The server's watchdog (tests/pg_support.py) sees the run's end of its pipe
close, stops the server and removes its folder; a run that stops its server itself leaves
the watchdog nothing to do."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pg_support import process_alive

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX's")

TESTS = Path(__file__).resolve().parent.parent

# A test run of its own whose one test holds a server started as the session's is.
INNER = """
    import time
    import pytest
    import pg_support

    @pytest.fixture
    def server():
        yield from pg_support.serve(pytest.fail, pytest.skip)

    def test_holds_a_server(server):
        print("datadir", server.datadir, flush=True)
        time.sleep(600)
"""


def gone(pid: int, folder: Path, within_s: float = 60.0) -> bool:
    end = time.monotonic() + within_s
    while time.monotonic() < end:
        if not process_alive(pid) and not folder.exists():
            return True
        time.sleep(0.1)
    return False


def test_a_killed_test_run_leaves_no_server_running(tmp_path, pg_server):
    (tmp_path / "test_inner.py").write_text(textwrap.dedent(INNER), encoding="utf-8")
    run = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider",
         "-p", "no:randomly", str(tmp_path / "test_inner.py")],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(TESTS)}, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    datadir = None
    try:
        assert run.stdout is not None
        for line in run.stdout:
            if line.startswith("datadir "):
                datadir = Path(line.split(" ", 1)[1].strip())
                break
        assert datadir is not None, "the inner run started no server"
        postmaster = int((datadir / "postmaster.pid").read_text().split()[0])
        assert process_alive(postmaster)
    finally:
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=60)
        run.stdout.close()
    try:
        assert gone(postmaster, datadir.parent), "the killed run's server still runs"
    finally:  # without a watchdog: stopped here, not left to the next person
        if process_alive(postmaster):
            os.kill(postmaster, signal.SIGQUIT)
            shutil.rmtree(datadir.parent, ignore_errors=True)
