"""Output files (issue 12, H1 and the full disk): no command or window action writes over the
database, its -wal/-shm/-journal files, anything that resolves to them, or another SQLite
database; and writing onto a full disk is one sentence that leaves no file behind and an
existing file as it was.

The database file is hashed here only while no connection to it is open in this process."""

from __future__ import annotations

import hashlib
import os
import resource
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from imsmap.cli import main
from imsmap.services.context import open_records


@pytest.fixture
def clinic(tmp_path):
    """A closed database with one patient, one session and one site; (path, patient, session)."""
    path = tmp_path / "clinic.sqlite3"
    recs = open_records(path, actor="test.physio")
    try:
        patient = recs.create_patient(chart_number="C-1001", family_name="Nguyen",
                                      given_name="Anna", birth_date="1970-04-12", sex="F")
        session = recs.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30))
        view_id, view = next((v, view) for v, view in recs.atlas.views.items() if view.regions)
        region = view.regions[0]
        x0, y0, x1, y1 = region.bbox
        recs.add_site(session.id, view_id, (x0 + x1) / 2, (y0 + y1) / 2, muscle_id=region.muscle,
                      side=region.side, layer=region.layer, grasp=2)
    finally:
        recs.db.close()
    return path, patient.id, session.id


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> dict[str, str]:
    return {p.name: (digest(p) if p.is_file() and not p.is_symlink() else os.readlink(p)
                     if p.is_symlink() else "dir")
            for p in folder.iterdir() if p.name != "data"}


def other_database(folder: Path, name: str) -> Path:
    path = folder / name
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return path


# How each command is told to write FILE; all with --force where the command has it.
COMMANDS = {
    "pdf session": lambda db, pid, sid, out: ["pdf", "--db", db, "--session", sid, "--out", out,
                                              "--force"],
    "pdf progress": lambda db, pid, sid, out: ["pdf", "--db", db, "--patient", pid,
                                               "--progress", "--out", out, "--force"],
    "export json": lambda db, pid, sid, out: ["export", "--db", db, "--out", out, "--force"],
    "export csv": lambda db, pid, sid, out: ["export", "--db", db, "--csv", "--out", out,
                                             "--force"],
    "backup": lambda db, pid, sid, out: ["backup", "--db", db, "--out", out],
}


def _db(db: Path) -> Path:
    return db


def _sidecar(suffix):
    return lambda db: Path(f"{db}{suffix}")


def _symlink(db: Path) -> Path:
    link = db.parent / "report.pdf"
    link.symlink_to(db.name)
    return link


def _hard_link(db: Path) -> Path:
    link = db.parent / "report.pdf"
    os.link(db, link)
    return link


def _symlink_to_wal(db: Path) -> Path:
    link = db.parent / "report.pdf"
    link.symlink_to(f"{db.name}-wal")  # dangling: the -wal does not exist while nothing is open
    return link


def _roundabout(db: Path) -> Path:
    (db.parent / "sub").mkdir()
    return db.parent / "sub" / ".." / db.name


def _other_database(db: Path) -> Path:
    return other_database(db.parent, "other-clinic.sqlite3")


TARGETS = {
    "the database": (_db, "the database itself"),
    "its -wal": (_sidecar("-wal"), "the database itself"),
    "its -shm": (_sidecar("-shm"), "the database itself"),
    "its -journal": (_sidecar("-journal"), "the database itself"),
    "a symlink to it": (_symlink, "the database itself"),
    "a hard link to it": (_hard_link, "the database itself"),
    "a symlink to its -wal": (_symlink_to_wal, "the database itself"),
    "a path through ..": (_roundabout, "the database itself"),
    "another database": (_other_database, "is an SQLite database"),
}


@pytest.mark.parametrize("target", TARGETS, ids=list(TARGETS))
@pytest.mark.parametrize("command", COMMANDS, ids=list(COMMANDS))
def test_no_command_writes_over_a_database(qapp, clinic, capsys, command, target):
    db, pid, sid = clinic
    make, fragment = TARGETS[target]
    if command == "backup" and target == "another database":
        fragment = "already exists; a backup never overwrites a file"
    out = make(db)
    before = listing(db.parent)
    assert main(COMMANDS[command](str(db), str(pid), str(sid), str(out))) == 2
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert err.startswith("imsmap: ") and fragment in err and "\n" not in err, err
    assert "Traceback" not in captured.err
    after = listing(db.parent)
    # A read-only connection (backup's) may leave an empty -wal and its -shm behind.
    for extra in set(after) - set(before):
        assert extra in (f"{db.name}-wal", f"{db.name}-shm"), extra
        assert extra.endswith("-shm") or (db.parent / extra).stat().st_size == 0
        del after[extra]
    assert after == before  # the database, and every other file, as they were


def test_the_check_compares_identity_while_the_window_holds_the_file(qapp, clinic, capsys):
    """With a connection open (the window), its -wal and -shm exist: refused as well, and the
    connection keeps working (the guard never opened the database file)."""
    db, pid, sid = clinic
    recs = open_records(db, actor="test.physio")
    try:
        recs.update_patient(pid, notes="written while the command runs")
        for suffix in ("-wal", "-shm"):
            side = Path(f"{db}{suffix}")
            assert side.exists()
            size = side.stat().st_size
            for command in COMMANDS.values():
                assert main(command(str(db), str(pid), str(sid), str(side))) == 2
                assert "the database itself" in capsys.readouterr().err
            assert side.exists() and side.stat().st_size == size
        recs.update_patient(pid, notes="and after")
        assert recs.repo.patient(pid).notes == "and after"
    finally:
        recs.db.close()


def test_the_batch_writes_nothing_if_one_name_is_a_database(qapp, clinic, capsys, tmp_path):
    db, pid, sid = clinic
    folder = tmp_path / "out"
    folder.mkdir()
    os.link(db, folder / f"C-1001_2026-11-20_s{sid}.pdf")  # the batch's own name for it
    before = listing(folder)
    assert main(["pdf", "--db", str(db), "--from", "2026-11-01", "--to", "2026-11-30",
                 "--out-dir", str(folder), "--force"]) == 2
    err = capsys.readouterr().err.strip()
    assert "the database itself" in err and "\n" not in err
    assert listing(folder) == before


def test_atlas_preview_never_writes_over_a_database(qapp, tmp_path, capsys):
    from imsmap.atlas import load_atlas

    view_id, view = next(iter(load_atlas().views.items()))
    folder = tmp_path / "previews"
    folder.mkdir()
    other_database(folder, f"{view_id}_{view.layers[0].id}.png")
    before = listing(folder)
    assert main(["atlas", "preview", "--out", str(folder)]) == 2
    assert "is an SQLite database" in capsys.readouterr().err
    assert listing(folder) == before


def test_an_ordinary_file_is_still_replaced_with_force(qapp, clinic, capsys, tmp_path):
    db, pid, sid = clinic
    out = tmp_path / "report.pdf"
    out.write_bytes(b"an older report")
    assert main(["pdf", "--db", str(db), "--session", str(sid), "--out", str(out),
                 "--force"]) == 0
    assert out.read_bytes().startswith(b"%PDF-")


def test_the_window_never_saves_a_pdf_over_its_database(qapp, clinic, tmp_path):
    """The window's PDF saves go through write_session_pdf / write_progress_pdf (the file dialog
    has already asked about replacing): the database, its side files and hard links are
    refused there too, while the connection is open."""
    from imsmap.report.document import ReportError
    from imsmap.report.progress_pdf import write_progress_pdf
    from imsmap.report.session_pdf import write_session_pdf

    db, pid, sid = clinic
    os.link(db, tmp_path / "hard.pdf")
    recs = open_records(db, actor="test.physio")
    try:
        for out in (db, Path(f"{db}-wal"), tmp_path / "hard.pdf"):
            with pytest.raises(ReportError, match="the database itself"):
                write_session_pdf(recs, sid, out)
            with pytest.raises(ReportError, match="the database itself"):
                write_progress_pdf(recs, pid, out)
        assert recs.repo.session(sid).id == sid
        assert [p.name for p in tmp_path.glob(".*.tmp")] == []
    finally:
        recs.db.close()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


# -- a full disk ----------------------------------------------------------------------------------
# The disk is made full for real, portably and without mounting anything: the command runs in a
# child process whose files may not grow past LIMIT bytes (RLIMIT_FSIZE); with SIGXFSZ ignored a
# write past it fails with EFBIG, as a write onto a full disk fails with ENOSPC. The demo clinic
# makes every output larger than LIMIT (its CSV is the smallest, about 130 kB), while reading the
# database (its 32 kB -shm) stays under it.
LIMIT = 100_000

CHILD = textwrap.dedent("""
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    from imsmap.cli import main
    sys.exit(main(sys.argv[2:]))
""")


@pytest.fixture(scope="module")
def demo_clinic(tmp_path_factory):
    from imsmap.services.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    create_demo(path)
    conn = sqlite3.connect(path)
    try:
        pid, sid = conn.execute("SELECT patient_id, max(id) FROM sessions").fetchone()
    finally:
        conn.close()
    return path, pid, sid


FULL_DISK = {
    "pdf session": (lambda db, pid, sid: ["pdf", "--db", db, "--session", sid, "--out",
                                          "out.pdf", "--force"], "out.pdf"),
    "pdf progress": (lambda db, pid, sid: ["pdf", "--db", db, "--patient", pid, "--progress",
                                           "--out", "out.pdf", "--force"], "out.pdf"),
    "export json": (lambda db, pid, sid: ["export", "--db", db, "--out", "out.json",
                                          "--force"], "out.json"),
    "export csv": (lambda db, pid, sid: ["export", "--db", db, "--csv", "--out", "out.csv",
                                         "--force"], "out.csv"),
    "backup": (lambda db, pid, sid: ["backup", "--db", db, "--out", "out.sqlite3"],
               "out.sqlite3"),
}


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="POSIX file size limit")
@pytest.mark.parametrize("command", FULL_DISK, ids=list(FULL_DISK))
def test_a_full_disk_is_one_sentence_and_keeps_the_old_file(demo_clinic, tmp_path, command):
    source, pid, sid = demo_clinic
    db = tmp_path / "clinic.sqlite3"
    db.write_bytes(source.read_bytes())
    assert db.stat().st_size > LIMIT
    folder = tmp_path / "out"
    folder.mkdir()
    make, name = FULL_DISK[command]
    if command != "backup":  # a backup never replaces a file
        (folder / name).write_bytes(b"the previous file")  # replaced only if all goes well
    before = digest(db)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(LIMIT), *make(str(db), str(pid), str(sid))],
        cwd=folder, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), capture_output=True,
        text=True, timeout=300)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith("imsmap: "), result.stderr
    assert digest(db) == before
    left = sorted(p.name for p in folder.iterdir())
    if command == "backup":
        assert left == []  # no half backup
    else:
        assert "disk" in lines[0] and "nothing was changed" in lines[0], lines[0]
        assert left == [name]  # no temporary file left behind
        assert (folder / name).read_bytes() == b"the previous file"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_export_to_a_full_standard_output_is_one_sentence(clinic):
    db, _pid, _sid = clinic
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "imsmap", "export", "--db", str(db)],
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "imsmap: The export could not be written to standard output (the disk is full)."]


def _lock(folder: Path) -> bool:
    """Make `folder` unwritable for this user: its permissions, or for root (who writes
    through them) the immutable attribute where the system has it. False if neither works."""
    os.chmod(folder, 0o500)
    if not os.access(folder, os.W_OK):
        return True
    try:
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    except OSError:
        return False
    return done.returncode == 0


def _unlock(folder: Path) -> None:
    if os.access(folder, os.W_OK) or os.geteuid() != 0:
        os.chmod(folder, 0o700)
        return
    subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    os.chmod(folder, 0o700)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_folder_that_cannot_be_written_is_one_sentence(qapp, clinic, capsys, tmp_path):
    db, pid, sid = clinic
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "out.pdf").write_bytes(b"the previous file")
    if not _lock(folder):
        _unlock(folder)
        pytest.skip("no way to make a folder unwritable for this user here")
    try:
        for argv in (["pdf", "--db", str(db), "--session", str(sid)],
                     ["pdf", "--db", str(db), "--patient", str(pid), "--progress"],
                     ["export", "--db", str(db)], ["export", "--db", str(db), "--csv"]):
            assert main(argv + ["--out", str(folder / "out.pdf"), "--force"]) == 2
            err = capsys.readouterr().err.strip()
            assert "cannot be written" in err and "nothing was" in err and "\n" not in err, err
        assert main(["backup", "--db", str(db), "--out", str(folder / "backup.sqlite3")]) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith("imsmap: ") and "\n" not in err, err
    finally:
        _unlock(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["out.pdf"]
    assert (folder / "out.pdf").read_bytes() == b"the previous file"


def test_print_to_file_never_writes_over_the_database(qapp, clinic, tmp_path, monkeypatch):
    """The print dialog's "Print to file" names a file the printer writes straight into: the
    database and its side files are refused there too, before the printer opens the file."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from imsmap.report import printing
    from imsmap.report.document import ReportError

    db, pid, sid = clinic
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: 1)  # the user pressed Print
    recs = open_records(db, actor="test.physio")
    try:
        for out in (db, Path(f"{db}-wal")):
            printer = printing.make_printer(recs)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
            with pytest.raises(ReportError, match="the database itself"):
                printing.print_session(recs, sid, printer=printer)
            with pytest.raises(ReportError, match="the database itself"):
                printing.print_progress(recs, pid, printer=printer)
            del printer
        assert recs.repo.session(sid).id == sid
    finally:
        recs.db.close()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_a_file_system_without_hard_links_still_gets_the_export(clinic, capsys, tmp_path,
                                                                monkeypatch):
    """Without --force the new file is published by a hard link (never replacing a file that
    appeared meanwhile); a USB stick's FAT has none, and the export must still work there."""
    import errno

    def no_links(src, dst, *args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    db, _pid, _sid = clinic
    monkeypatch.setattr(os, "link", no_links)
    out = tmp_path / "record.json"
    assert main(["export", "--db", str(db), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("{")
    assert main(["export", "--db", str(db), "--out", str(out)]) == 2  # and never clobbers
    assert "exists already" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
