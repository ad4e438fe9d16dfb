"""A long schema upgrade shows progress (a bar on the command line, a dialog in the window) and
is stopped without harm: rolled back, the file at its old schema, upgraded the next time."""

from __future__ import annotations

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
from test_migration_v4 import SITES, _v3_database

from imsmap.cli import main
from imsmap.cli.progress import Bar
from imsmap.services.checks import full_check
from imsmap.services.context import build_context
from imsmap.store import upgrade
from imsmap.store.db import Database
from imsmap.store.migrations import SCHEMA_VERSION
from support import chart_atlas

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
