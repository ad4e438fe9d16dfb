"""imsmap opens no network connection, ever: every command and the window, watched for sockets.

The probe (tests/helpers/network_probe.py) runs demo, export (JSON and CSV), pdf, check, backup,
import and the window recording a site. Python's audit hooks see sockets made from Python; strace
sees those Qt or any C library would make. Local Unix sockets are allowed only to the name-service
cache (glibc asks it for the login name) and to an X display.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).parent / "helpers" / "network_probe.py"
ALLOWED_UNIX = (re.compile(r'"/var/run/nscd/socket"|"/run/nscd/socket"'),
                re.compile(r'"/tmp/\.X11-unix/X\d+"|"@/tmp/\.X11-unix/X\d+"'))


def _run(tmp_path: Path, prefix: list[str]) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8",
           "IMSMAP_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "USER": "tester"}
    return subprocess.run([*prefix, sys.executable, str(PROBE), str(tmp_path)],
                          capture_output=True, text=True, timeout=600, env=env)


def _check_probe_output(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, result.stderr[-3000:]
    assert "SITES=1" in result.stdout, "the window did not record the clicked site"
    python_sockets = [line for line in result.stdout.splitlines() if line.startswith("PYSOCKET")]
    assert python_sockets == [], "\n".join(python_sockets)


def test_no_python_socket_is_ever_created(tmp_path):
    _check_probe_output(_run(tmp_path, []))


@pytest.mark.skipif(shutil.which("strace") is None or not sys.platform.startswith("linux"),
                    reason="strace (Linux) watches sockets made below Python; CI installs it")
def test_no_socket_is_made_by_qt_or_any_library_either(tmp_path):
    trace = tmp_path / "trace.txt"
    result = _run(tmp_path, ["strace", "-f", "-qq", "-e", "trace=socket,connect",
                             "-o", str(trace)])
    _check_probe_output(result)
    offending = []
    for line in trace.read_text().splitlines():
        if " socket(" in line and "AF_UNIX" not in line:
            offending.append(line)
        elif " connect(" in line:
            if "AF_UNIX" not in line or not any(p.search(line) for p in ALLOWED_UNIX):
                offending.append(line)
    assert not offending, "\n".join(offending[:20])
