"""Several processes on one database file at once: the window's connection (here, the services
in this process, with the same background checks the window runs) and the command-line tools in
another process. Every acknowledged write must be in the file, whatever the other process did."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest

from imsmap.services import checks
from imsmap.services.context import build_context
from imsmap.services.records import Records
from imsmap.store.db import Database
from support import chart_atlas, spot
from test_ui_support import qt_settings  # noqa: F401 - fixture


def open_clinic(path) -> Records:
    return build_context(Database.open(path), chart_atlas(), actor="window.physio").records


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
def test_the_real_window_keeps_its_lock_after_its_start_up_work(qtbot, qt_settings, db_path):
    """The window as `imsmap` opens it (ui.app.open_database), with the work run_app starts
    once it is whole: the structure check on a thread and the start-up backup."""
    from imsmap.ui import app, startup
    from imsmap.ui.main_window import MainWindow

    make_clinic(db_path)
    context = app.open_database(db_path)
    window = MainWindow(context, auto_backup=True)
    try:
        window.show()
        check = startup.StartupCheck(context.read.path, window)
        window.completed.connect(check.start)
        qtbot.waitUntil(lambda: check.problems is not None and not check.running,
                        timeout=30000)
        qtbot.waitUntil(lambda: window.backups.background.last is not None and not window.backups.running,
                        timeout=30000)
        assert check.problems == []
        assert posix_locks_of(os.getpid(), db_path), \
            "the window's connection lost its lock on the database file"
        window.patients.select_patient(1)
        window.patients.select_session(1)
        assert window.session_id == 1
    finally:
        window.close()
        window.deleteLater()
        qtbot.wait(1)
        context.close()


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


# -- a window-like process ------------------------------------------------------------------
WINDOW = Path(__file__).parent / "helpers" / "window_process.py"


class Window:
    """tests/helpers/window_process.py in a subprocess: the services on the file, as a window
    holds them. Its stdout lines are collected as they come (`lines`)."""

    def __init__(self, db: Path, *args: str):
        self.proc = subprocess.Popen([sys.executable, str(WINDOW), str(db), *args],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.wait_for("connected" if args[0] == "late" else "ready")

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, prefix: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = next((line for line in list(self.lines) if line.startswith(prefix)), None)
            if found is not None:
                return found
            if self.proc.poll() is not None and not self._reader.is_alive():
                break
            time.sleep(0.02)
        raise AssertionError(f"the window process never said {prefix!r}")

    def site_ids(self, lines: list[str] | None = None) -> list[int]:
        return [int(line.split()[1]) for line in (self.lines if lines is None else lines)
                if line.startswith("site ")]

    def close(self) -> None:
        """Let it finish (stdin closed) and check it ended cleanly."""
        self.proc.stdin.close()
        status = self.proc.wait(timeout=60)
        errors = self._release()
        assert status == 0, errors

    def kill(self) -> None:
        """kill -9, mid-work."""
        self.proc.kill()
        self.proc.wait(timeout=30)
        if not self.proc.stdin.closed:
            try:
                self.proc.stdin.close()
            except BrokenPipeError:
                pass
        self._release()

    def _release(self) -> str:
        self._reader.join(timeout=10)
        errors = self.proc.stderr.read()
        self.proc.stdout.close()
        self.proc.stderr.close()
        return errors


def make_clinic(path: Path, chart: str = "C-1", sites: int = 2) -> None:
    recs = open_clinic(path)
    try:
        patient = recs.create_patient(chart_number=chart, family_name="Nguyen")
        session = recs.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30))
        for n in range(sites):
            view, x, y, muscle, side = spot(recs.atlas, n)
            recs.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=n % 4)
    finally:
        recs.db.close()


# -- restore (issue 12, C2) -------------------------------------------------------------------
def test_restore_is_refused_while_a_window_has_the_file_and_works_once_it_is_closed(
        db_path, tmp_path):
    make_clinic(db_path)
    backup = tmp_path / "copy.sqlite3"
    cli("backup", "--out", str(backup), db=db_path)
    window = Window(db_path, "hold")
    try:
        before = count(db_path, "sites")
        done = cli("restore", str(backup), "--force", db=db_path, check=False)
        assert done.returncode == 2, done.stdout
        assert "open in another imsmap window or program; close it and try again. " \
               "Nothing was changed." in done.stderr
        assert "Traceback" not in done.stderr
        assert not [p for p in tmp_path.iterdir() if ".replaced-" in p.name]
        assert posix_locks_of(window.proc.pid, db_path), "the window still holds its lock"
        assert count(db_path, "sites") == before
    finally:
        window.close()
    # Closed: the same restore goes through, and keeps the file it replaced.
    make_more = open_clinic(db_path)
    make_more.create_patient(chart_number="C-2", family_name="Later")
    make_more.db.close()
    done = cli("restore", str(backup), "--force", db=db_path)
    assert "kept as" in done.stdout
    aside = [p for p in tmp_path.iterdir() if ".replaced-" in p.name and
             p.name.endswith(".sqlite3")]
    assert len(aside) == 1 and count(aside[0], "patients") == 2
    assert count(db_path, "patients") == 1
    assert not [p.name for p in tmp_path.iterdir() if ".restoring" in p.name or
                p.name.endswith(("-wal", "-shm"))], "a restore leaves nothing of its own behind"
    cli("check", db=db_path)


def test_restore_is_refused_while_a_window_has_the_file_under_another_name(db_path, tmp_path):
    """The guard is the lock on the file itself, not a guess from which journal files exist:
    a window that reached the same file by another name (a hard link; a folder mounted at
    two places) has its -shm under that name."""
    make_clinic(db_path)
    backup = tmp_path / "copy.sqlite3"
    cli("backup", "--out", str(backup), db=db_path)
    other_name = tmp_path / "same-file.sqlite3"
    os.link(db_path, other_name)
    window = Window(other_name, "hold")
    try:
        done = cli("restore", str(backup), "--force", db=db_path, check=False)
        assert done.returncode == 2, done.stdout
        assert "open in another imsmap window or program" in done.stderr
        assert not [p for p in tmp_path.iterdir() if ".replaced-" in p.name]
        assert db_path.stat().st_ino == other_name.stat().st_ino, "the file was replaced"
    finally:
        window.close()


def test_a_program_opening_the_file_during_a_restore_writes_into_the_restored_file(
        db_path, tmp_path):
    """A program that opened the file an instant before the restore (SQLite opens it when it
    connects) and writes an instant after: its write lands in the restored database, and no
    write-ahead log of the file set aside is left beside the restored one (SQLite would read
    its pages into the restored file)."""
    make_clinic(db_path)
    backup = tmp_path / "copy.sqlite3"
    cli("backup", "--out", str(backup), db=db_path)
    recs = open_clinic(db_path)
    recs.create_patient(chart_number="C-2", family_name="After the backup")
    recs.db.close()
    starting = Window(db_path, "late")
    try:
        cli("restore", str(backup), "--force", db=db_path)
        starting.proc.stdin.write("go\n")
        starting.proc.stdin.flush()
        starting.wait_for("wrote")
    finally:
        starting.close()
    assert not Path(f"{db_path}-wal").exists(), \
        "the set-aside file's log is beside the restored file"
    assert count(db_path, "patients") == 1
    assert count(db_path, "settings WHERE key = 'late.writer'") == 1
    aside = next(p for p in tmp_path.iterdir() if p.name.endswith(".sqlite3") and
                 ".replaced-" in p.name)
    assert count(aside, "patients") == 2
    cli("check", db=db_path)


# -- windows and the command line at once, then a crash (issue 12, Deliver 2) ----------------
def start_cli(*args: str, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "imsmap", *args, "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def site_ids_in(path: Path) -> set[int]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM sites")}
    finally:
        conn.close()


def window_backups(window: Window) -> list[tuple[Path, set[int]]]:
    """Each backup the window's background work made, with the sites it had acknowledged
    before that backup began."""
    made, acked = [], set()
    for line in list(window.lines):
        if line.startswith("site "):
            acked.add(int(line.split()[1]))
        elif line == "backup-start":
            before = set(acked)
        elif line.startswith("backup "):
            made.append((Path(line.split(" ", 1)[1]), before))
    return made


def test_windows_and_the_command_line_at_once_then_a_crash_lose_no_acknowledged_write(
        db_path, tmp_path):
    from imsmap.store.backup import verify_backup

    make_clinic(db_path)
    other = tmp_path / "other.sqlite3"
    make_clinic(other, chart="O-1")
    other_export, other_backup = tmp_path / "other.json", tmp_path / "other-backup.sqlite3"
    cli("export", "--out", str(other_export), db=other)
    cli("backup", "--out", str(other_backup), db=other)

    first = Window(db_path, "write", "first")
    second = Window(db_path, "write", "second")
    killed = False
    try:
        # The command-line tools, all at once, while both windows chart sites.
        acked_before_backup = set(first.site_ids()) | set(second.site_ids())
        during = tmp_path / "during.sqlite3"
        jobs = {
            "backup": start_cli("backup", "--out", str(during), db=db_path),
            "pdf": start_cli("pdf", "--session", "1", "--out", str(tmp_path / "s1.pdf"),
                             db=db_path),
            "export": start_cli("export", "--out", str(tmp_path / "all.json"), db=db_path),
            "import": start_cli("import", str(other_export), db=db_path),
            "restore": start_cli("restore", str(other_backup), "--force", db=db_path),
            "check": start_cli("check", db=db_path),
        }
        results = {}
        for name, job in jobs.items():
            out, err = job.communicate(timeout=120)
            results[name] = (job.returncode, out, err)
        for name, (status, out, err) in results.items():
            assert "Traceback" not in err, (name, err)
            if name == "restore":
                assert status == 2 and "open in another imsmap window or program" in err, \
                    (out, err)
            else:
                assert status == 0, (name, out, err)
        # Their background work is done and they are still writing; then the first one dies
        # mid-work, as a computer switched off at the wall.
        first.wait_for("backup ")
        second.wait_for("backup ")
        written = len(first.site_ids())
        deadline = time.monotonic() + 30
        while len(first.site_ids()) < written + 5 and time.monotonic() < deadline:
            time.sleep(0.02)
        first.kill()
        killed = True
        second.close()
    finally:
        if not killed:
            first.kill()
        if second.proc.poll() is None:
            second.kill()

    acked = set(first.site_ids()) | set(second.site_ids())
    assert len(first.site_ids()) >= 5 and len(second.site_ids()) >= 5
    assert acked <= site_ids_in(db_path), "acknowledged writes are missing from the file"
    assert count(db_path, "patients WHERE chart_number = 'O-1'") == 1  # the import is in
    assert "All is well" in cli("check", db=db_path).stdout
    # Every backup taken meanwhile verifies and holds what was acknowledged before it began.
    verify_backup(during)
    assert acked_before_backup <= site_ids_in(during)
    backups = window_backups(first) + window_backups(second)
    assert len(backups) == 2
    for path, before in backups:
        verify_backup(path)
        assert before <= site_ids_in(path), path


# -- a file chosen to read is the database itself (its lock would go with the descriptor) -------
@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="Linux's lock table")
@pytest.mark.parametrize("side", ["", "-wal", "-shm"])
def test_the_database_dropped_on_the_photo_strip_is_refused_without_opening_it(
        db_path, tmp_path, side):
    """A folder's files dropped on the photo strip (or "All files" in its dialog), the
    clinic's database among them: refused by name before it is opened. Reading it would close
    a descriptor of the file the window has open, and the kernel would drop the window's
    locks with it: the next command to close would find itself the last connection and
    delete the journal the window goes on writing into (acknowledged sites lost)."""
    from imsmap.domain.errors import ValidationError
    from imsmap.services.photos import Photos

    recs = open_clinic(db_path)
    try:
        patient = recs.create_patient(chart_number="C-1", family_name="Nguyen")
        session = recs.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30))
        def locks() -> list[str]:  # each line without its place in the kernel's table
            return [line.split(":", 1)[1] for line in posix_locks_of(os.getpid(), db_path)]

        held = locks()
        assert held
        with pytest.raises(ValidationError, match="is the imsmap database or one of its own "
                                                  "files, not a photo; nothing was added"):
            Photos(recs).add_file(session.id, f"{db_path}{side}")
        assert locks() == held, "the window lost its locks on the database file"
        cli("export", "--out", str(tmp_path / "all.json"), db=db_path)
        assert Path(f"{db_path}-wal").exists() and Path(f"{db_path}-shm").exists(), \
            "the command deleted the journal the window is writing into"
        view, x, y, muscle, side_ = spot(recs.atlas)
        for n in range(3):
            recs.add_site(session.id, view, x, y, muscle_id=muscle, side=side_, grasp=n)
        assert count(db_path, "sites") == 3
    finally:
        recs.db.close()


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="Linux's lock table")
def test_the_database_chosen_as_the_clinic_logo_is_refused_without_opening_it(db_path):
    from imsmap.domain.errors import ValidationError
    from imsmap.services import clinic

    recs = open_clinic(db_path)
    try:
        recs.create_patient(chart_number="C-1", family_name="Nguyen")
        assert posix_locks_of(os.getpid(), db_path)
        with pytest.raises(ValidationError, match="is the imsmap database or one of its own "
                                                  "files, not a logo"):
            clinic.read_logo(recs, db_path)
        assert posix_locks_of(os.getpid(), db_path), "the window lost its lock"
    finally:
        recs.db.close()
