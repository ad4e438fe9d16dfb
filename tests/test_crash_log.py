"""Crash logs (issue 12): owner-only files in an owner-only folder, holding nothing that
identifies a patient or a practitioner, even when the bug's message and its frames' locals are
full of the record. Driven through the real window action and the real crash handler."""

from __future__ import annotations

import io
import stat
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from imsmap import __version__, paths
from imsmap.ui import errors as ui_errors
from imsmap.ui import file_dialogs
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

# What the conftest's patient and session hold, and what the record below adds.
IDENTIFYING = ("Nguyen", "Anna", "C-1001", "1970-04-12", "12/04/1970", "Low back pain",
               "J. Physio", "Registration 4711", "tender at the iliac crest", "Dr. Okafor")


@pytest.fixture
def crashing_export(window, records, session, monkeypatch, tmp_path):
    """The window's "Export session PDF" runs into a bug whose message and locals carry the
    whole record, with an earlier exception (about the amendment) as its context."""
    import imsmap.report.session_pdf as session_pdf

    records.update_session(session.id, notes="tender at the iliac crest",
                           practitioner_registration="Registration 4711")

    def buggy_write(recs, session_id, out_path, **kwargs):
        record = recs.session_record(session_id)
        patient, visit = record.patient, record.session
        amendment_text = "Dr. Okafor saw Anna Nguyen on 12/04/1970"  # a local: never logged
        try:
            raise KeyError(amendment_text)
        except KeyError:  # a bug while handling another: both are in the report
            raise ValueError(  # noqa: B904 - implicitly chained, as bugs are
                f"cannot lay out {patient.family_name}, {patient.given_name} "
                f"({patient.chart_number}, born {patient.birth_date}): {visit.complaint!r} "
                f"by {visit.practitioner}, {visit.notes}, {visit.practitioner_registration}")

    monkeypatch.setattr(session_pdf, "write_session_pdf", buggy_write)
    monkeypatch.setattr(file_dialogs, "save_file_name",
                        lambda *a, **k: (str(tmp_path / "out.pdf"), ""))
    return window


@pytest.mark.qt_no_exception_capture
def test_a_crash_log_names_no_one_and_is_owner_only(crashing_export, monkeypatch, capsys):
    window = crashing_export
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(
        "\n".join((self.text(), self.informativeText(), self.detailedText()))))
    handler = ui_errors.CrashHandler(lambda: window)
    monkeypatch.setattr(sys, "excepthook", handler)  # what run_app installs
    window.menus.act_export.trigger()  # the slot raises; Qt hands the exception to the hook

    logs = list((paths.data_dir() / "logs").glob("crash-*.log"))
    assert len(logs) == 1 and len(shown) == 1
    text = logs[0].read_text(encoding="utf-8")
    stderr = capsys.readouterr().err
    for where in (text, shown[0], stderr):
        for secret in IDENTIFYING:
            assert secret.lower() not in where.lower(), (secret, where)
    # What a developer needs is all there.
    assert f"imsmap {__version__}" in text and "Qt 6." in text and "Python 3." in text
    assert "action: ReportActions.export_pdf" in text
    assert "ValueError (message withheld" in text and "KeyError (message withheld" in text
    assert 'File "imsmap/ui/report_actions.py", line ' in text
    assert "test_crash_log.py" in text and "buggy_write" in text
    if sys.platform != "win32":
        assert stat.S_IMODE(logs[0].stat().st_mode) == 0o600
        assert stat.S_IMODE(logs[0].parent.stat().st_mode) == 0o700


def test_logs_written_before_are_made_owner_only(tmp_path):
    folder = paths.data_dir() / "logs"
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    old = folder / "crash-2026-01-01.log"
    old.write_text("an old report\n", encoding="utf-8")
    old.chmod(0o644)
    try:
        raise ZeroDivisionError("bug")
    except ZeroDivisionError as exc:
        path = ui_errors.write_crash_log(ui_errors.format_crash(type(exc), exc,
                                                                exc.__traceback__))
    assert path is not None
    if sys.platform != "win32":
        for log in (old, path):
            assert stat.S_IMODE(log.stat().st_mode) == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_os_and_sqlite_errors_keep_their_codes_not_their_messages():
    import sqlite3

    for exc, code in ((FileNotFoundError(2, "No such file", "/home/anna.nguyen/notes.txt"),
                       "FileNotFoundError [ENOENT]"),
                      (sqlite3.IntegrityError("CHECK constraint failed: Nguyen"), None)):
        try:
            raise exc
        except Exception as caught:  # noqa: BLE001
            report = ui_errors.format_crash(type(caught), caught, caught.__traceback__)
        assert "nguyen" not in report.lower() and "home" not in report
        if code:
            assert code in report
        assert io.StringIO(report).readline().startswith("imsmap ")
