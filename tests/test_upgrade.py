"""A long schema upgrade shows progress (a bar on the command line, a dialog in the window) and
is stopped without harm: rolled back, the file at its old schema, upgraded the next time."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from imsmap.cli import main
from imsmap.cli.progress import Bar
from imsmap.services.checks import full_check
from imsmap.services.context import build_context
from imsmap.store import upgrade
from imsmap.store.db import Database
from imsmap.store.migrations import SCHEMA_VERSION
from support import chart_atlas
from test_migration_v4 import SITES, _v3_database

MANY = SITES


@pytest.fixture(autouse=True)
def _often(monkeypatch):
    """Progress every 200 SQLite instructions, so that a small file makes many calls."""
    from imsmap.store import migrations

    monkeypatch.setattr(migrations, "PROGRESS_OPS", 200)
    monkeypatch.setattr(upgrade, "PROGRESS_OPS", 200)


def version(path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def old_file(tmp_path):
    path = tmp_path / "old.sqlite3"
    _v3_database(path, MANY)
    return path


def opens_and_checks(path) -> None:
    records = build_context(Database.open(path), chart_atlas(), actor="c.physio").records
    try:
        assert records.db.schema_version == SCHEMA_VERSION
        assert records.db.conn.execute("SELECT count(*) FROM sites").fetchone()[0] == len(MANY)
        assert full_check(records).ok, full_check(records).problems
    finally:
        records.db.close()


def test_the_upgrade_reports_progress_up_to_the_end(old_file):
    pending = upgrade.pending(old_file)
    assert (pending.version, pending.target, pending.rows) == (3, SCHEMA_VERSION,
                                                              len(MANY) + len(MANY) + 3)
    seen: list[float] = []
    upgrade.upgrade(pending, seen.append)
    assert len(seen) > 10 and seen == sorted(seen) and seen[-1] == 1.0
    assert max(seen[:-1]) <= upgrade.SHOWN_BEFORE_COMMIT
    assert upgrade.pending(old_file) is None
    opens_and_checks(old_file)


def test_stopping_the_upgrade_rolls_it_back_and_it_runs_next_time(old_file):
    stop = threading.Event()
    seen: list[float] = []

    def progress(fraction):
        seen.append(fraction)
        if len(seen) == 5:
            stop.set()  # the user stops it partway

    with pytest.raises(upgrade.UpgradeInterrupted) as stopped:
        upgrade.upgrade(upgrade.pending(old_file), progress, stop)
    assert "still at schema 3" in stopped.value.message and "next time" in stopped.value.message
    assert version(old_file) == 3 and len(seen) == 5
    conn = sqlite3.connect(old_file)
    try:  # as schema 3 left it: no half-made table
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "terms" not in names and "sites_v4" not in names
    finally:
        conn.close()
    opens_and_checks(old_file)  # upgraded the next time it is opened


def test_a_process_killed_mid_upgrade_leaves_the_old_schema(old_file):
    code = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from imsmap.store import migrations, upgrade
        migrations.PROGRESS_OPS = upgrade.PROGRESS_OPS = 200
        calls = []
        def progress(f):
            calls.append(f)
            if len(calls) == 5:
                os.kill(os.getpid(), signal.SIGKILL)
        upgrade.upgrade(upgrade.pending(Path({str(old_file)!r})), progress)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120,
                          env=os.environ)
    assert proc.returncode == -signal.SIGKILL
    assert version(old_file) == 3
    opens_and_checks(old_file)


def test_the_command_line_shows_a_bar_and_ctrl_c_stops_it(old_file, tmp_path, capsys,
                                                          monkeypatch):
    calls = []
    original = Bar.__call__

    def interrupted(self, fraction):
        calls.append(fraction)
        original(self, fraction)
        if len(calls) == 3:
            raise KeyboardInterrupt  # Ctrl+C

    monkeypatch.setattr(Bar, "__call__", interrupted)
    assert main(["export", "--db", str(old_file), "--out", str(tmp_path / "x.json")]) == 2
    err = capsys.readouterr().err
    assert "Upgrading old.sqlite3 from schema 3" in err and "[" in err
    assert err.strip().splitlines()[-1].startswith("imsmap: The upgrade of old.sqlite3 was "
                                                   "stopped")
    assert version(old_file) == 3 and not (tmp_path / "x.json").exists()
    monkeypatch.setattr(Bar, "__call__", original)
    assert main(["export", "--db", str(old_file), "--out", str(tmp_path / "x.json")]) == 0
    err = capsys.readouterr().err
    assert "100 %" in err and version(old_file) == SCHEMA_VERSION


def test_the_window_shows_a_progress_dialog_whose_cancel_stops_the_upgrade(
        old_file, qapp, monkeypatch):
    from imsmap.ui.upgrade_dialog import upgrade_with_dialog

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: shown.append(text))
    seen: list[tuple[str, int]] = []

    def press_cancel():  # the user reads the dialog, then presses Cancel
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QProgressDialog) and w.isVisible() and w.value() > 0 and not seen:
                seen.append((w.labelText(), w.value()))
                w.findChild(QPushButton).click()

    real = upgrade.upgrade

    def paced(pending, progress, stop):
        def then_wait(fraction):  # the upgrade goes on while the user reads the dialog
            progress(fraction)
            stop.wait(5)
        return real(pending, then_wait, stop)

    monkeypatch.setattr(upgrade, "upgrade", paced)
    timer = QTimer()
    timer.timeout.connect(press_cancel)
    timer.start(5)
    assert upgrade_with_dialog(old_file) is False
    timer.stop()
    assert len(seen) == 1 and "schema 3 to" in seen[0][0]
    assert len(shown) == 1 and "still at schema 3" in shown[0]
    assert version(old_file) == 3
    monkeypatch.undo()
    assert upgrade_with_dialog(old_file) is True
    assert version(old_file) == SCHEMA_VERSION
    opens_and_checks(old_file)


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _pages(path) -> str:
    """The file's pages, but for the header's bookkeeping: the journal mode (bytes 18-19, set
    to the rollback journal for the upgrade), the change counter and its copy (24-27,
    92-95)."""
    data = bytearray(path.read_bytes())
    for at, length in ((18, 2), (24, 4), (92, 4)):
        data[at:at + length] = bytes(length)
    return hashlib.sha256(data).hexdigest()


def _as_imsmap_left_it(path) -> None:
    """In write-ahead-log mode, as every imsmap window leaves its file."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    finally:
        conn.close()


@pytest.fixture
def big_old_file(tmp_path):
    """Sites enough that the new tables outgrow SQLite's page cache: pages of the upgrade reach
    the file itself before its commit."""
    path = tmp_path / "big.sqlite3"
    _v3_database(path, SITES * 4000)
    _as_imsmap_left_it(path)
    return path


def test_a_process_killed_after_the_upgrade_wrote_into_the_file_leaves_it_as_it_was(
        big_old_file):
    before, size = _pages(big_old_file), big_old_file.stat().st_size
    journal = big_old_file.with_name(big_old_file.name + "-journal")
    code = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from imsmap.store import upgrade
        path, journal = Path({str(big_old_file)!r}), Path({str(journal)!r})
        def progress(f):
            if journal.exists() and path.stat().st_size > {size}:  # torn: pages in the file
                os.kill(os.getpid(), signal.SIGKILL)
        upgrade.upgrade(upgrade.pending(path), progress)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120,
                          env=os.environ)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert journal.stat().st_size > 0 and big_old_file.stat().st_size > size  # left torn
    pending = upgrade.pending(big_old_file)  # plays the journal back, then reads
    assert (pending.version, pending.rows) == (3, 2 * len(SITES) * 4000 + 3)
    assert not journal.exists() and _pages(big_old_file) == before  # every page as it was
    upgrade.upgrade(pending)
    assert version(big_old_file) == SCHEMA_VERSION


def test_the_upgrade_writes_no_write_ahead_log_and_a_journal_smaller_than_the_file(
        big_old_file):
    """In the write-ahead log every page was written twice (the log grew past the file's
    size at ten million sites); the rollback journal keeps only pages overwritten."""
    size = big_old_file.stat().st_size
    sidecars: dict[str, int] = {}

    def progress(_fraction):
        for suffix in ("-wal", "-journal"):
            side = big_old_file.with_name(big_old_file.name + suffix)
            if side.exists():
                sidecars[suffix] = max(sidecars.get(suffix, 0), side.stat().st_size)

    upgrade.upgrade(upgrade.pending(big_old_file), progress)
    assert sidecars.get("-wal", 0) == 0
    assert 0 < sidecars["-journal"] < size
    conn = sqlite3.connect(big_old_file)
    try:  # left as the app keeps it
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_an_upgrade_under_another_program_holding_the_file_is_refused(old_file, monkeypatch):
    monkeypatch.setattr(upgrade, "BUSY_TIMEOUT_MS", 100)
    _as_imsmap_left_it(old_file)
    other = sqlite3.connect(old_file)  # an earlier imsmap's window, reading schema 3
    other.execute("SELECT count(*) FROM sites").fetchone()
    before = _sha(old_file)
    try:
        with pytest.raises(upgrade.UpgradeRefused) as refused:
            upgrade.upgrade(upgrade.pending(old_file))
        assert "is open in another imsmap window or program" in refused.value.message
        assert "nothing was changed" in refused.value.message
        assert version(old_file) == 3 and _sha(old_file) == before
    finally:
        other.close()
    upgrade.upgrade(upgrade.pending(old_file))  # alone now
    opens_and_checks(old_file)


def test_too_little_free_disk_refuses_before_anything_is_written(old_file, monkeypatch):
    before = _sha(old_file)
    monkeypatch.setitem(upgrade.SPACE_PER_FILE_BYTE, 4, 1e12)  # more than any disk here
    pending = upgrade.pending(old_file)
    with pytest.raises(upgrade.UpgradeRefused) as refused:
        upgrade.upgrade(pending)
    assert "needs about" in refused.value.message and "GB of free disk" in refused.value.message
    assert version(old_file) == 3 and _sha(old_file) == before
    assert not old_file.with_name(old_file.name + "-journal").exists()


def test_the_window_says_why_an_upgrade_could_not_start_and_opens_nothing(old_file, qapp,
                                                                         monkeypatch):
    from imsmap.ui.upgrade_dialog import upgrade_with_dialog

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setitem(upgrade.SPACE_PER_FILE_BYTE, 4, 1e12)
    assert upgrade_with_dialog(old_file) is False  # the caller opens nothing
    assert len(shown) == 1 and "GB of free disk" in shown[0]
    assert version(old_file) == 3


def test_attaching_a_photo_from_the_command_line_upgrades_with_the_bar(old_file, tmp_path,
                                                                       capsys):
    """`imsmap photo add` writes to the file: an older one is upgraded first, showing how far,
    not silently for minutes inside the opening."""
    from PIL import Image

    photo = tmp_path / "knee.png"
    Image.new("RGB", (40, 30), (200, 120, 100)).save(photo)
    code = main(["photo", "add", "--db", str(old_file), "--session", "1", str(photo)])
    err = capsys.readouterr().err
    assert "Upgrading old.sqlite3 from schema 3" in err and "100 %" in err
    assert version(old_file) == SCHEMA_VERSION
    assert code == 2 and "signed" in err  # session 1 is signed: no photo, said in one sentence


def test_setting_the_backup_policy_upgrades_an_older_file_with_the_bar_and_its_copy(
        old_file, capsys):
    """`imsmap backup --full-every-days N` writes the policy into the file: an older one was
    upgraded silently inside the opening, with no bar and no copy of the file as it was."""
    from imsmap.store.backup import default_backup_dir

    code = main(["backup", "--db", str(old_file), "--full-every-days", "3"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "Upgrading old.sqlite3 from schema 3" in err and "100 %" in err
    assert version(old_file) == SCHEMA_VERSION
    (copy,) = _kept(default_backup_dir(old_file))
    assert version(copy) == 3 and str(copy) in err


def test_a_second_upgrade_while_the_first_writes_is_refused_and_the_first_goes_on(
        old_file, monkeypatch):
    """Two windows opening the same older file at once: the first switches it out of the
    write-ahead log and writes; the second finds it being written and says so."""
    monkeypatch.setattr(upgrade, "BUSY_TIMEOUT_MS", 100)
    first = sqlite3.connect(old_file, isolation_level=None)
    try:
        assert first.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
        first.execute("BEGIN IMMEDIATE")  # the first upgrade, writing
        with pytest.raises(upgrade.UpgradeRefused) as refused:
            upgrade.upgrade(upgrade.pending(old_file))
        assert "is writing to old.sqlite3" in refused.value.message
        assert "nothing was changed" in refused.value.message
        first.execute("ROLLBACK")
    finally:
        first.close()
    assert version(old_file) == 3
    upgrade.upgrade(upgrade.pending(old_file))
    opens_and_checks(old_file)


def _dump(path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _kept(folder) -> list:
    return sorted(folder.glob("imsmap-backup-*-before-upgrade.sqlite3"))


def test_the_upgrade_first_keeps_the_file_as_it_was_in_its_backup_folder(old_file):
    """The imsmap that wrote the file can open this copy again (never the upgraded file)."""
    from imsmap.store.backup import default_backup_dir, verify_backup

    before = _dump(old_file)
    folder = default_backup_dir(old_file)
    copy = upgrade.upgrade(upgrade.pending(old_file))
    assert _kept(folder) == [copy]
    assert version(copy) == 3 and _dump(copy) == before  # every row as it was
    assert verify_backup(copy).schema_version == 3
    assert copy.stat().st_mode & 0o777 == 0o600
    assert version(old_file) == SCHEMA_VERSION
    opens_and_checks(old_file)
    assert upgrade.pending(old_file) is None  # once: no second copy at the next opening


def test_the_copy_goes_to_the_chosen_backup_folder_else_to_the_default_one(old_file, tmp_path):
    from imsmap.store.backup import default_backup_dir

    usb = tmp_path / "usb" / "backups"
    conn = sqlite3.connect(old_file)
    with conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('backup.dir', ?)", (str(usb),))
    conn.close()
    # The drive is unplugged: the copy is kept in the data folder, the chosen folder not made
    # again on this disk.
    assert upgrade.copy_folder(old_file) == default_backup_dir(old_file)
    stop = threading.Event()
    stop.set()  # stopped at once, while the copy is made: no copy, the file unchanged
    before = _sha(old_file)
    with pytest.raises(upgrade.UpgradeInterrupted) as stopped:
        upgrade.upgrade(upgrade.pending(old_file), stop=stop)
    assert "still at schema 3" in stopped.value.message
    assert version(old_file) == 3 and _dump(old_file) and not _kept(default_backup_dir(old_file))
    assert not usb.exists() and not any(default_backup_dir(old_file).iterdir())
    usb.mkdir(parents=True)  # plugged in
    assert upgrade.copy_folder(old_file) == usb
    copy = upgrade.upgrade(upgrade.pending(old_file))
    assert _kept(usb) == [copy] and version(copy) == 3
    assert not _kept(default_backup_dir(old_file))
    assert before != _sha(old_file)


def test_the_window_and_the_command_line_say_where_the_copy_is(old_file, qapp, tmp_path,
                                                               capsys, monkeypatch):
    from imsmap.store.backup import default_backup_dir
    from imsmap.ui.upgrade_dialog import upgrade_with_dialog

    folder = default_backup_dir(old_file)
    labels: list[str] = []

    def read():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QProgressDialog) and w.isVisible() and not labels:
                labels.append(w.labelText())

    timer = QTimer()
    timer.timeout.connect(read)
    timer.start(1)
    second = tmp_path / "second.sqlite3"
    second.write_bytes(old_file.read_bytes())
    assert upgrade_with_dialog(second) is True
    timer.stop()
    assert labels and str(default_backup_dir(second)) in labels[0]
    assert len(_kept(default_backup_dir(second))) == 1
    assert main(["export", "--db", str(old_file), "--out", str(tmp_path / "x.json")]) == 0
    err = capsys.readouterr().err
    (copy,) = _kept(folder)
    assert str(copy) in err and "schema 3" in err
