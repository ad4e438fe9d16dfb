"""Faults produced for real: a lock held by another program, a read-only file, a newer schema,
a damaged file, a full disk and a process killed mid-write. Each must end in one plain sentence
(StoreError / ReadOnlyError), never half an edit, and never a lost acknowledged record."""

from __future__ import annotations

import inspect
import os
import random
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from imsmap.cli import main
from imsmap.domain.errors import ReadOnlyError, UserFacingError
from imsmap.services import checks
from imsmap.services.importer import import_document
from imsmap.services.records import Records
from imsmap.store import db as store_db
from imsmap.store import integrity
from imsmap.store.db import Database, StoreError
from imsmap.store.migrations import SCHEMA_VERSION
from support import chart_atlas, clinic, open_clinic, spot  # noqa: F401 - clinic: a fixture


def add_one(recs: Records, n: int = 0, **fields):
    view, x, y, muscle, side = spot(recs.atlas, n)
    return recs.add_site(recs.session_id, view, x, y, muscle_id=muscle, side=side, **fields)


def snapshot(recs: Records) -> dict:
    """Every row of the clinical tables and the audit trail."""
    return {t: [tuple(r) for r in recs.db.query(f"SELECT * FROM {t} ORDER BY rowid")]
            for t in ("patients", "sessions", "sites", "amendments", "audit", "settings")}


# -- another program holds the write lock ---------------------------------------------------------
def test_a_held_write_lock_waits_then_says_busy_and_changes_nothing(db_path, monkeypatch):
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 300)
    recs = open_clinic(db_path)
    try:
        patient = recs.create_patient(chart_number="C-1", family_name="Nguyen")
        recs.session_id = recs.start_session(patient.id).id
        site = add_one(recs, grasp=1)
        before = snapshot(recs)
        other = sqlite3.connect(db_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            for attempt in (lambda: add_one(recs, 1),
                            lambda: recs.update_site(site.id, grasp=3),
                            lambda: recs.sign_session(recs.session_id),
                            lambda: import_document(recs, {"format": "imsmap-export",
                                                           "version": 1, "patients": []})):
                started = time.monotonic()
                with pytest.raises(StoreError) as err:
                    attempt()
                assert time.monotonic() - started >= 0.25  # it waited for the lock first
                assert "busy in another imsmap window or program; nothing was changed" in \
                    str(err.value)
                assert snapshot(recs) == before
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert recs.update_site(site.id, grasp=3).grasp == 3  # and works once the lock is gone
    finally:
        recs.db.close()


def test_a_lock_taken_between_reading_and_writing_is_also_busy(db_path, monkeypatch):
    """The other program commits a change meanwhile: our edit is refused, theirs stands."""
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 200)
    recs = open_clinic(db_path)
    try:
        patient = recs.create_patient(chart_number="C-1", family_name="Nguyen")
        other = sqlite3.connect(db_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("UPDATE patients SET notes = 'theirs' WHERE id = ?", (patient.id,))
            with pytest.raises(StoreError, match="busy"):
                recs.update_patient(patient.id, notes="ours")
            other.execute("COMMIT")
        finally:
            other.close()
        assert recs.repo.patient(patient.id).notes == "theirs"
    finally:
        recs.db.close()


# -- a read-only database file --------------------------------------------------------------------
def test_a_read_only_file_opens_read_only_and_refuses_writes(clinic, db_path):
    clinic.db.close()
    os.chmod(db_path, 0o400)
    try:
        running_as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        if running_as_root:
            # root writes through chmod 400, so the file alone cannot make it read-only here:
            # open it the way the app does when it finds no write permission.
            assert os.access(db_path, os.W_OK)
            recs = open_clinic(db_path, readonly=True)
        else:
            recs = open_clinic(db_path)  # no write permission: the store notices by itself
        recs.session_id = clinic.session_id
        try:
            assert recs.db.readonly
            assert recs.repo.patient_by_chart_number("C-1") is not None  # reading works
            before = snapshot(recs)
            for attempt in (lambda: recs.create_patient(chart_number="C-2", family_name="X"),
                            lambda: add_one(recs, 1),
                            lambda: recs.sign_session(recs.session_id)):
                with pytest.raises(ReadOnlyError, match="read-only; nothing can be changed"):
                    attempt()
            assert snapshot(recs) == before
            assert checks.full_check(recs).ok  # checking needs no write access
        finally:
            recs.db.close()
    finally:
        os.chmod(db_path, 0o600)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_database_in_a_folder_that_takes_no_file_says_so(clinic, db_path, tmp_path):
    """A clinic file on read-only media (an archive disc, a share without write permission):
    SQLite cannot make its -wal and -shm beside it, so even `check`, `export` and `pdf` cannot
    read it. They said "clinic.sqlite3 is read-only; nothing was changed", which sent the user
    to the file's permissions and read as if the command had tried to change the records."""
    clinic.db.close()
    folder = tmp_path / "archive"
    folder.mkdir()
    archived = folder / "clinic.sqlite3"
    archived.write_bytes(db_path.read_bytes())
    for side in ("-wal", "-shm"):
        assert not archived.with_name(archived.name + side).exists()
    command = [sys.executable, "-m", "imsmap", "check", "--db", str(archived)]
    if os.geteuid() == 0:  # root writes anywhere: drop that power for the child
        capsh = shutil.which("capsh")
        if capsh is None:
            pytest.skip("needs capsh to run a child without root's file permissions")
        os.chown(folder, 65534, 65534)
        command = [capsh, "--drop=cap_dac_override,cap_dac_read_search,cap_fowner", "--",
                   "-c", " ".join(shlex.quote(word) for word in command)]
    folder.chmod(0o555)
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    finally:
        folder.chmod(0o755)
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        "imsmap: clinic.sqlite3 cannot be opened where it is, even to read it: SQLite makes its "
        "working files (clinic.sqlite3-wal, clinic.sqlite3-shm) beside the database, and the "
        f"folder {folder} takes no new file (read-only media, or no write permission). Copy "
        "the file into a folder you can write to and give the copy; nothing was changed.\n")
    assert sorted(p.name for p in folder.iterdir()) == ["clinic.sqlite3"]


# -- a database from a newer imsmap ---------------------------------------------------------------
def test_a_newer_schema_is_refused_naming_both_versions(clinic, db_path, capsys):
    clinic.db.close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = db_path.read_bytes()
    for readonly in (False, True):
        with pytest.raises(StoreError) as err:
            Database.open(db_path, readonly=readonly)
        text = str(err.value)
        assert f"database schema {SCHEMA_VERSION + 5}" in text
        assert f"reads schema {SCHEMA_VERSION} and older" in text
    assert main(["check", "--db", str(db_path)]) == 2
    assert f"schema {SCHEMA_VERSION + 5}" in capsys.readouterr().err
    assert db_path.read_bytes() == before  # refused, not migrated or touched


# -- a truncated or damaged file ------------------------------------------------------------------
def _damaged_copies(db_path, tmp_path):
    data = db_path.read_bytes()
    page = 4096
    middle = bytearray(data)
    start = (len(data) // page // 2) * page
    middle[start: start + 3 * page] = os.urandom(3 * page)
    scrubbed = bytearray(data)
    for p in range(1, len(data) // page):
        scrubbed[p * page: p * page + 100] = b"\xff" * 100
    variants = {"garbage-in-the-middle": bytes(middle), "truncated": data[: len(data) // 2],
                "page-headers-scrubbed": bytes(scrubbed), "header-only": data[:100],
                "schema-damaged": data[:page - 1500] + os.urandom(1500) + data[page:]}
    for name, content in variants.items():
        path = tmp_path / f"{name}.sqlite3"
        path.write_bytes(content)
        yield name, path


def test_a_damaged_file_gives_a_clear_error_never_a_traceback(clinic, db_path, tmp_path, capsys):
    for n in range(40):  # enough pages that damage lands among the records
        add_one(clinic, n, notes="x" * 500)
    clinic.db.close()
    for name, path in _damaged_copies(db_path, tmp_path):
        # the window's way: open, then check; only UserFacingError may escape
        try:
            recs = open_clinic(path)
        except UserFacingError as exc:
            assert str(path) in str(exc) or path.name in str(exc), name
            assert "damaged" in str(exc) or "not an imsmap" in str(exc), (name, str(exc))
        else:
            try:
                report = checks.full_check(recs)
                assert not report.ok, f"{name}: damage went unnoticed"
            except UserFacingError as exc:
                assert "damaged" in str(exc), (name, str(exc))
            finally:
                recs.db.close()
        # the command's way
        code = main(["check", "--db", str(path)])
        captured = capsys.readouterr()
        assert code in (1, 2), name
        assert "Traceback" not in captured.out + captured.err, name
        if code == 2:
            assert captured.err.startswith("imsmap: ") and captured.err.count("\n") == 1, name


# -- a full disk ----------------------------------------------------------------------------------
def test_a_full_disk_refuses_the_edit_and_later_edits_work(clinic):
    conn = clinic.db.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow: the disk is full
    before = snapshot(clinic)
    big = "Notes that need new pages in the file. " * 400
    for attempt in (lambda: clinic.create_patient(chart_number="C-2", family_name="X", notes=big),
                    lambda: [add_one(clinic, n, notes=big) for n in range(10)]):
        with pytest.raises(StoreError) as err:
            attempt()
        assert "disk" in str(err.value) and "full" in str(err.value)
        assert "nothing was changed" in str(err.value)
        assert snapshot(clinic) == before
    conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    patient = clinic.create_patient(chart_number="C-2", family_name="X", notes=big)
    assert clinic.repo.patient(patient.id).notes == big.rstrip()
    assert integrity.integrity_check(clinic.db) == []
    assert checks.full_check(clinic).ok


def test_a_full_disk_during_an_import_imports_nothing(clinic):
    doc = {"format": "imsmap-export", "version": 1, "patients": [
        {"chart_number": f"I-{i}", "family_name": "Imported", "notes": "n" * 15_000}
        for i in range(20)]}
    conn = clinic.db.conn
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0] + 20}")
    before = snapshot(clinic)
    with pytest.raises(StoreError, match="full"):
        import_document(clinic, doc)
    assert snapshot(clinic) == before
    conn.execute("PRAGMA max_page_count = 1073741823")
    assert import_document(clinic, doc)["patients"] == 20


# -- a process killed while it writes -------------------------------------------------------------
CHILD = """
from __future__ import annotations

import sys

from imsmap.atlas import Atlas, load_atlas
{helpers}
from imsmap.services.context import build_context
from imsmap.store.db import Database

recs = build_context(Database.open(sys.argv[1]), chart_atlas(), actor="child").records
session_id = int(sys.argv[2])
n = 0
while True:
    view, x, y, muscle, side = spot(recs.atlas, n)
    site = recs.add_site(session_id, view, x, y, muscle_id=muscle, side=side, grasp=n % 4,
                         notes="written by a process about to be killed " * (n % 7))
    if n % 3 == 0:
        recs.update_site(site.id, grasp=(n + 1) % 4)
    print(site.id, flush=True)  # acknowledged: the transaction has committed
    n += 1
"""


def test_a_killed_process_loses_no_acknowledged_site(db_path, tmp_path):
    recs = open_clinic(db_path)
    patient = recs.create_patient(chart_number="C-1", family_name="Nguyen")
    session_id = recs.start_session(patient.id).id
    recs.db.close()
    helpers = inspect.getsource(chart_atlas) + "\n" + inspect.getsource(spot)
    script = tmp_path / "child.py"
    script.write_text(textwrap.dedent(CHILD).format(helpers=helpers), encoding="utf-8")
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    acknowledged: list[int] = []
    deadline = time.monotonic() + 60
    runs = 0
    while runs < 20 and time.monotonic() < deadline:
        runs += 1
        proc = subprocess.Popen([sys.executable, str(script), str(db_path), str(session_id)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines: list[str] = []
        first = threading.Event()

        def read(stream=proc.stdout, lines=lines, first=first):
            for line in stream:
                lines.append(line)
                first.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        limit = time.monotonic() + 30
        while not first.wait(timeout=0.05) and proc.poll() is None and time.monotonic() < limit:
            pass
        started = first.is_set()
        if started:
            time.sleep(rng.uniform(0, 0.25))  # a random moment, mid-transaction or not
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        reader.join(timeout=30)
        stderr = proc.stderr.read()
        proc.stdout.close()
        proc.stderr.close()
        assert started, f"the child never acknowledged a site (seed {seed}):\n{stderr}"
        assert proc.returncode == -signal.SIGKILL
        acknowledged += [int(line) for line in lines if line.endswith("\n")]
    assert runs >= 5, "too few runs in the time allowed"

    recs = open_clinic(db_path)  # opening recovers from the write-ahead log
    try:
        stored = {r[0] for r in recs.db.conn.execute("SELECT id FROM sites")}
        missing = sorted(set(acknowledged) - stored)
        assert not missing, f"acknowledged sites lost (seed {seed}): {missing}"
        assert integrity.integrity_check(recs.db) == []
        assert integrity.foreign_key_check(recs.db) == []
        report = checks.full_check(recs)
        assert report.ok, f"seed {seed}\n{report.text()}"
        seqs = [s.seq for s in recs.repo.sites_for_session(session_id)]
        assert seqs == list(range(1, len(seqs) + 1))  # no half-numbered site either
    finally:
        recs.db.close()
