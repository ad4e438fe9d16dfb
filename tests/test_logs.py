"""imsmap's log (issue 14 item 6): named loggers into one rotating file in the data folder,
owner-only from the moment each file exists, with the patients' names and chart numbers kept
out by a filter, Qt's messages and the crash reports in it; and what a maintainer needs there."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import sys

import pytest
from PySide6.QtCore import qWarning

from imsmap import log_privacy, logs, paths
from imsmap.cli import main
from imsmap.store.migrations import SCHEMA_VERSION
from imsmap.ui import errors as ui_errors
from imsmap.ui.qt_log import QtLog

POSIX = sys.platform != "win32"


def log_text() -> str:
    for handler in logging.getLogger("imsmap").handlers:
        handler.flush()
    return (paths.data_dir() / "logs" / logs.LOG_NAME).read_text(encoding="utf-8")


def test_a_command_logs_what_a_maintainer_needs_and_no_patient(tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["backup", "--db", str(db)]) == 0
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "all.json")]) == 0
    assert main(["pdf", "--db", str(db), "--session", "999999", "--out",
                 str(tmp_path / "s.pdf")]) == 2  # a session that does not exist
    capsys.readouterr()
    text = log_text()
    assert "imsmap 0.1.0: demo" in text and "imsmap 0.1.0: backup" in text
    assert "migrating the database schema 0 -> 1" in text
    assert f"opened {db}" in text and f": schema {SCHEMA_VERSION}, SQLite" in text
    assert "backup written (full set): " in text
    assert "pdf refused: NotFoundError" in text
    with sqlite3.connect(db) as conn:
        names = {t for row in conn.execute("SELECT family_name, given_name, chart_number"
                                           " FROM patients") for t in row if t}
    assert len(names) >= 20
    for name in names:
        assert name.lower() not in text.lower(), name


def test_the_filter_blanks_names_chart_numbers_dates_quotes_and_messages(records, patient):
    log_privacy.PRIVATE.clear()  # the names other tests' patients left (one is "Other")
    logs.setup()
    records.repo.patient(patient.id)  # read, as any screen or command does: noted
    log = logging.getLogger("imsmap.services.test")
    log.warning("saved %s, %s (%s) born 1970-04-12, notes 'tender at the iliac crest'",
                "Nguyen", "ANNA", "C-1001")
    log.info("Alder and Annabel are other words; nguyen\tstands alone")
    try:
        raise ValueError("cannot lay out Nguyen, Anna (C-1001)")
    except ValueError:
        log.exception("export failed")
    text = log_text()
    for secret in ("Nguyen", "Anna", "C-1001", "1970-04-12", "tender at the iliac crest"):
        assert secret.lower() not in text.lower().replace("annabel", ""), secret
    assert "saved <name>, <name> (<name>) born <date>, notes '…'" in text
    assert "Alder and Annabel are other words; <name>\tstands alone" in text
    assert "export failed" in text and "ValueError (message withheld" in text
    assert 'File "test_logs.py", line' in text


def test_the_names_kept_are_bounded_and_the_most_recent():
    names = log_privacy.Identifiers(limit=3)
    names.note(["Nguyen", "Okafor", "Haddad"])
    names.note(["nguyen"])  # seen again: now the most recent
    names.note(["Singh", None, "", "X"])  # nothing shorter than two letters
    assert len(names) == 3 and "Okafor" not in names and "NGUYEN" in names
    assert names.blank("Nguyen, Haddad, Singh, Okafor") == "<name>, <name>, <name>, Okafor"
    assert len(log_privacy.PRIVATE) <= log_privacy.PRIVATE.limit


def test_every_log_file_is_created_owner_only_and_rotation_keeps_it_so(monkeypatch):
    created: list[tuple[str, int]] = []
    real_open = os.open

    def recording_open(path, flags, mode=0o777, *args, **kwargs):
        if flags & os.O_CREAT:
            created.append((os.fspath(path), mode))
        return real_open(path, flags, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", recording_open)
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    old_umask = os.umask(0)  # whatever the user's umask, the files are 0600
    try:
        path = logs.setup()
        for handler in logging.getLogger("imsmap").handlers:
            if isinstance(handler, logs.RotatingLog):
                handler.maxBytes = 2000
        log = logging.getLogger("imsmap.store.test")
        for n in range(200):
            log.info("line %d of a log that rotates", n)
    finally:
        os.umask(old_umask)
    files = sorted(path.parent.glob("imsmap.log*"))
    assert [f.name for f in files] == ["imsmap.log"] + [f"imsmap.log.{n}" for n in
                                                        range(1, logs.BACKUPS + 1)]
    assert all(f.stat().st_size <= 2200 for f in files)
    assert "line 199 of a log" in path.read_text(encoding="utf-8")
    assert created and all(mode == 0o600 for _, mode in created)
    assert {p for p, _ in created} == {str(path)}  # rotated files are renamed, never created
    if POSIX:
        for f in files:
            assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.qt_log_ignore("a test message from Qt")
def test_qt_messages_reach_the_log_and_the_handler_before(qtlog, qapp):
    logs.setup()
    routed = QtLog()
    routed.install()
    try:
        qWarning("a test message from Qt about C-1001")
    finally:
        routed.uninstall()
    # pytest-qt (the handler before) still saw it: a Qt warning still fails a test.
    assert [r.message for r in qtlog.records] == ["a test message from Qt about C-1001"]
    text = log_text()
    assert "WARNING imsmap.qt" in text and "a test message from Qt about" in text
    qWarning("a test message from Qt after")  # uninstalled: no longer routed
    assert "after" not in log_text()


@pytest.mark.qt_no_exception_capture
def test_the_crash_report_goes_through_the_log(qapp, monkeypatch, capsys):
    from PySide6.QtWidgets import QMessageBox

    logs.setup()
    log_privacy.PRIVATE.note(["Okafor"])
    monkeypatch.setattr(QMessageBox, "exec", lambda self: None)
    try:
        raise KeyError("Okafor's notes")
    except KeyError as exc:
        ui_errors.CrashHandler()(type(exc), exc, exc.__traceback__)
    capsys.readouterr()
    crash = next((paths.data_dir() / "logs").glob("crash-*.log")).read_text(encoding="utf-8")
    text = log_text()
    for where in (crash, text):
        assert "KeyError (message withheld" in where and "Okafor" not in where
        assert 'File "test_logs.py", line' in where
    assert crash.startswith("imsmap 0.1.0 on Python")  # the report itself, no log prefix
    assert "ERROR imsmap.crash" in text
