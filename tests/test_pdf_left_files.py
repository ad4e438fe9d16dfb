"""A PDF export killed mid-write leaves its hidden temporary file (".NAME.pdf.xxxxxxxx.tmp")
beside where the PDF was going; the next PDF written in that folder removes such files once
they are more than an hour old (a younger one may be another window's write in progress), and
nothing else: not another program's temporary files, not a PDF, not a database."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pytest

from imsmap.report.session_pdf import write_session_pdf
from test_signing_processes import python

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX's")

LEFT_PDF = re.compile(r"^\..+\.pdf\.[a-z0-9_]{8}\.tmp$")  # tempfile.mkstemp's 8 letters
AN_HOUR = 3600

# An export of the session's PDF in a process of its own, held once the pages are painted
# (the file is open and half written), until it is killed.
EXPORT = """
    import sys, time
    from PySide6.QtGui import QGuiApplication
    import imsmap.report.session_pdf as session_pdf
    from imsmap.services.context import open_context
    app = QGuiApplication([])
    painted = session_pdf.render_session_pdf

    def paint_then_wait(*args, **kwargs):
        painted(*args, **kwargs)
        print("painted", flush=True)
        time.sleep(120)

    session_pdf.render_session_pdf = paint_then_wait
    context = open_context(sys.argv[1], actor="ben.physio", create=False)
    session_pdf.write_session_pdf(context.records, int(sys.argv[2]), sys.argv[3], paper="A4")
"""


def killed_export(db, session_id: int, out) -> None:
    """An export of `out` in another process, killed (kill -9) in the middle of its write."""
    child = python(EXPORT, db, session_id, out, stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "painted"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL


def left_in(folder) -> set[str]:
    return {p.name for p in folder.iterdir() if LEFT_PDF.match(p.name)}


def test_a_killed_export_leaves_a_file_the_next_pdf_there_removes_after_an_hour(
        qapp, records, session, db_path, tmp_path):
    folder = tmp_path / "pdfs"
    folder.mkdir()
    killed_export(db_path, session.id, folder / "Nguyen 2026-11-20.pdf")
    old = left_in(folder)
    assert len(old) == 1, sorted(p.name for p in folder.iterdir())
    an_hour_ago = time.time() - AN_HOUR - 60
    os.utime(folder / next(iter(old)), (an_hour_ago, an_hour_ago))
    killed_export(db_path, session.id, folder / "Other.pdf")  # just now: may be in progress
    young = left_in(folder) - old
    assert len(young) == 1
    # What must stay, however old: other programs' temporaries, a PDF, near misses, a database.
    kept = [".notes.txt.abcd1234.tmp", ".x.pdf.abcd1234.tmp.bak", "x.pdf.abcd1234.tmp",
            ".x.pdf.abc.tmp", "Old report.pdf", ".clinic.sqlite3.abcd1234.tmp"]
    for name in kept:
        (folder / name).write_bytes(b"%PDF-1.4 not ours" if name.endswith(".pdf") else b"x")
        os.utime(folder / name, (an_hour_ago, an_hour_ago))
    os.symlink(tmp_path / "elsewhere", folder / ".y.pdf.abcd1234.tmp")  # a link: not a file
    os.utime(folder / ".y.pdf.abcd1234.tmp", (an_hour_ago, an_hour_ago), follow_symlinks=False)

    out = write_session_pdf(records, session.id, folder / "Nguyen 2026-11-20.pdf", paper="A4")

    assert out.read_bytes().startswith(b"%PDF")
    names = {p.name for p in folder.iterdir()}
    assert not (old & names), "the hour-old leftover is still there"
    assert young <= names, "a leftover younger than an hour was removed"
    assert set(kept) <= names and ".y.pdf.abcd1234.tmp" in names
    assert names == young | set(kept) | {".y.pdf.abcd1234.tmp", out.name}
