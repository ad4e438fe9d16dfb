"""`imsmap export` (JSON, CSV of insertions, FHIR bundle) killed (kill -9) with its file written
whole under its hidden temporary name, before the rename: the patients' records are then in a
file no one will look for (".clinic.json.xxxxxxxx.tmp"). The next export to that name removes
such files once they are more than an hour old (a younger one may be another export in
progress), and nothing else; the file the killed export was replacing is left as it was. (The
same for PDFs, folder-wide: tests/test_pdf_left_files.py.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime
from pathlib import Path

import pytest

from support import open_clinic, spot
from test_signing_processes import python

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX's")

AN_HOUR = 3600

# `imsmap ARGS...` in a process of its own, held with its file written whole under the
# temporary name and flushed, just before the rename, until it is killed.
EXPORT = """
    import sys
    from pathlib import Path
    from imsmap.store import durable
    rename = durable.into_place
    out = Path(sys.argv[sys.argv.index("--out") + 1])

    def written_then_wait(tmp, target, publish=durable.replace):
        if target == out:  # not a signed visit's PDF the FHIR bundle holds, written before
            print(tmp.name, flush=True)
            sys.stdin.readline()
        return rename(tmp, target, publish)

    durable.into_place = written_then_wait
    from imsmap.cli import main
    sys.exit(main(sys.argv[1:]))
"""

KINDS = {"json": [], "csv": ["--csv"], "fhir": ["--fhir"]}
# What each holds of the clinic's visit (the CSV of insertions names no patient)
HOLDS = {"json": "Nguyen", "csv": "session_date", "fhir": "Nguyen"}


def imsmap(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "imsmap", *map(str, args)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def killed_export(db: Path, out: Path, options: list[str]) -> Path:
    """The temporary file an export of `out`, killed before its rename, left beside it."""
    child = python(EXPORT, "--db", db, "export", *options, "--force", "--out", out,
                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        name = child.stdout.readline().strip()
    finally:
        child.kill()
        errors = child.communicate(timeout=60)[1]
    assert child.returncode == -signal.SIGKILL and name, errors
    return out.parent / name


@pytest.fixture
def signed_visit(db_path):
    """The file at `db_path` with Nguyen's (C-1) signed visit, one site on it."""
    records = open_clinic(db_path)
    try:
        patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
        session = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30))
        view, x, y, muscle, side = spot(records.atlas)
        records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        records.sign_session(session.id)
    finally:
        records.db.close()
    return db_path


@pytest.mark.parametrize("kind", KINDS)
def test_a_killed_export_leaves_a_file_the_next_export_there_removes_after_an_hour(
        signed_visit, db_path, tmp_path, kind):
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / f"clinic.{'csv' if kind == 'csv' else 'json'}"
    out.write_text("last week's export\n", encoding="utf-8")
    old = killed_export(db_path, out, KINDS[kind])
    assert HOLDS[kind] in old.read_text(encoding="utf-8")  # a whole export, hidden
    assert out.read_text(encoding="utf-8") == "last week's export\n"  # as it was
    an_hour_ago = time.time() - AN_HOUR - 60
    os.utime(old, (an_hour_ago, an_hour_ago))
    young = killed_export(db_path, out, KINDS[kind])  # just now: may be in progress
    # What must stay, however old: another name's, near misses, another program's.
    kept = [f".other.json.{old.name[-12:-4]}.tmp", f".{out.name}.abc.tmp",
            f".{out.name}.abcd1234.tmp.bak", f"{out.name}.abcd1234.tmp"]
    for name in kept:
        (folder / name).write_text("x", encoding="utf-8")
        os.utime(folder / name, (an_hour_ago, an_hour_ago))

    done = imsmap("--db", db_path, "export", *KINDS[kind], "--force", "--out", out)

    assert done.returncode == 0, done.stderr
    assert HOLDS[kind] in out.read_text(encoding="utf-8")
    names = {p.name for p in folder.iterdir()}
    assert old.name not in names, "the hour-old leftover is still there"
    assert names == {out.name, young.name, *kept}


# `imsmap export --fhir` held while it draws a signed visit's PDF (the bundle holds it), until
# it is killed; TMPDIR is the test's, where the system's temporary folder would be.
DRAWING = """
    import sys
    from imsmap.report import session_pdf
    render = session_pdf.render_session_pdf

    def drawing_then_wait(*args, **kwargs):
        print("drawing", flush=True)
        sys.stdin.readline()
        return render(*args, **kwargs)

    session_pdf.render_session_pdf = drawing_then_wait
    from imsmap.cli import main
    sys.exit(main(sys.argv[1:]))
"""


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if not p.is_dir())


def test_a_fhir_export_killed_while_drawing_a_signed_visit_leaves_no_file_anywhere(
        signed_visit, db_path, tmp_path):
    """The signed visit's PDF is drawn in memory: killed then, the export leaves nothing of the
    patient in the temporary folder (it left /tmp/imsmap-fhir-*/record.pdf until the next
    start) nor beside the export; the next export writes its bundle and leaves nothing else."""
    temporary = tmp_path / "system-tmp"
    temporary.mkdir()
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "clinic.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(temporary)}
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(DRAWING), "--db", str(db_path), "export",
         "--fhir", "--out", str(out)], text=True, env=env, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert child.stdout.readline().strip() == "drawing"
    finally:
        child.kill()
        errors = child.communicate(timeout=60)[1]
    assert child.returncode == -signal.SIGKILL, errors
    assert files_under(temporary) == [] and files_under(folder) == []

    done = subprocess.run([sys.executable, "-m", "imsmap", "--db", str(db_path), "export",
                           "--fhir", "--out", str(out)], capture_output=True, text=True,
                          timeout=120, env=env)

    assert done.returncode == 0, done.stderr
    bundle = out.read_text(encoding="utf-8")
    assert "Nguyen" in bundle and '"contentType": "application/pdf"' in bundle
    assert files_under(temporary) == [] and files_under(folder) == [out]
