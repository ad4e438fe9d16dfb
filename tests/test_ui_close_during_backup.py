"""Closing the window while File > Back up now is still copying (walk of 6 December, an 87 MB
clinic file): "Backing up…" on the status bar, Quit, and the window closed at once, the copy
abandoned without a word, where the clinic may have been about to take the USB drive away.
The window asks first: close when the backup is done (it closes by itself then), close now
without it, or stay. Through the real window, its menu and the question's buttons; the copy is
the store's own, held back by a test gate."""

from __future__ import annotations

import threading

import pytest

from imsmap.services import database_files
from imsmap.store import backup as store_backup
from imsmap.ui import startup
from test_ui_support import answer_boxes, make_window, qt_settings, window  # noqa: F401


@pytest.fixture
def gate(monkeypatch):
    """Back up now's copy waits at this gate (or for the window's cancel) before it copies."""
    opened = threading.Event()
    real = database_files.full_backup

    def held(db_path, cancel=None):
        while not opened.wait(0.02):
            if cancel is not None and cancel.is_set():
                raise database_files.Cancelled()
        return real(db_path, cancel)

    monkeypatch.setattr(startup.database_files, "full_backup", held)
    yield opened
    opened.set()


def _backups(records):
    return sorted(store_backup.backup_dir(records.db).glob("*-full.sqlite3.gz"))


def test_closing_while_back_up_now_runs_asks_and_closes_once_it_is_done(
        qtbot, window, records, gate):
    before = _backups(records)
    window.menus.act_backup.trigger()
    assert window.backups.running and window.statusBar().currentMessage() == "Backing up…"
    seen: list[str] = []
    timer = answer_boxes(["Close when it is done"], seen)
    try:
        window.close()
    finally:
        timer.stop()
    assert seen and seen[0].startswith("The backup you asked for is still being made.")
    assert window.isVisible()  # waiting for the copy
    assert "closes once the backup is done" in window.statusBar().currentMessage()
    gate.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert len(_backups(records)) == len(before) + 1


def test_cancel_keeps_the_window_and_close_now_abandons_the_copy(qtbot, window, records, gate):
    before = _backups(records)
    window.menus.act_backup.trigger()
    seen: list[str] = []
    timer = answer_boxes(["Cancel"], seen)
    try:
        window.close()
    finally:
        timer.stop()
    assert len(seen) == 1 and window.isVisible() and window.backups.running
    timer = answer_boxes(["Close now, without it"], seen)
    try:
        window.close()
    finally:
        timer.stop()
    assert len(seen) == 2 and not window.isVisible()
    assert not window.backups.running and _backups(records) == before


def test_no_question_when_no_backup_was_asked_for(qtbot, window):
    assert not window.backups.running
    window.close()  # no box: answer_boxes is not running, and exec would wait
    assert not window.isVisible()
