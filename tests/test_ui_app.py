"""Start-up and errors: the database sentence instead of a traceback, crash logs without names."""

from __future__ import annotations

import io
import sys

import pytest
from PySide6.QtWidgets import QMessageBox
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap import paths
from imsmap.domain.errors import UserFacingError
from imsmap.services.context import open_records
from imsmap.ui import app as ui_app
from imsmap.ui import errors as ui_errors


def test_open_database_creates_the_default_in_the_data_folder(tmp_path):
    records = ui_app.open_database()
    try:
        assert records.db.path == paths.default_db_path()
        assert records.db.path.parent.is_dir()
    finally:
        records.db.close()


def test_a_bad_database_gives_a_sentence_not_a_traceback(tmp_path, qapp, monkeypatch):
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(
        " ".join((self.text(), self.informativeText(), self.detailedText()))))
    monkeypatch.setattr(ui_app.QApplication, "exec", lambda self: pytest.fail("window opened"))
    assert ui_app.run_app(db=str(bad)) == 2
    assert len(shown) == 1 and "Traceback" not in shown[0] and str(bad) in shown[0]
    assert "damaged" in shown[0] and "No good backup" in shown[0]
    assert sys.excepthook is sys.__excepthook__ or not isinstance(sys.excepthook,
                                                                  ui_errors.CrashHandler)


def test_title_says_read_only_and_demo(tmp_path, records, make_window):
    path = records.db.path
    readonly = open_records(path, readonly=True)
    try:
        from imsmap.ui.main_window import MainWindow

        w = MainWindow(readonly, demo=True)
        try:
            assert "read-only" in w.windowTitle() and "DEMO" in w.windowTitle()
            assert not w.act_new_patient.isEnabled()
        finally:
            w.close()
            w.deleteLater()
    finally:
        readonly.db.close()


def test_crash_report_goes_to_the_log_without_patient_names(tmp_path, monkeypatch):
    ui_errors.register_private(["Nguyen", "Anna"])
    try:
        raise RuntimeError("failed on patient Nguyen, 'Anna Nguyen' chart C-1001")
    except RuntimeError as exc:
        report = ui_errors.format_crash(type(exc), exc, exc.__traceback__)
    assert "Nguyen" not in report and "Anna" not in report
    assert "RuntimeError" in report and "test_ui_app.py" in report
    path = ui_errors.write_crash_log(report)
    assert path is not None and path.parent == paths.data_dir() / "logs"
    assert "RuntimeError" in path.read_text(encoding="utf-8")


def test_crash_handler_logs_and_shows_a_dialog(tmp_path, qapp, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.detailedText()))
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    handler = ui_errors.CrashHandler()
    try:
        raise ZeroDivisionError("bug")
    except ZeroDivisionError as exc:
        handler(type(exc), exc, exc.__traceback__)
    assert shown and "ZeroDivisionError" in shown[0]
    logs = list((paths.data_dir() / "logs").glob("crash-*.log"))
    assert logs and "ZeroDivisionError" in logs[0].read_text(encoding="utf-8")


def test_user_errors_reaching_the_hook_are_not_bug_reports(tmp_path, qapp, monkeypatch):
    said = []
    monkeypatch.setattr(ui_errors, "show_user_error", lambda parent, exc: said.append(str(exc)))
    ui_errors.CrashHandler()(UserFacingError, UserFacingError("The disk is full."), None)
    assert said == ["The disk is full."]
    assert not (paths.data_dir() / "logs").exists()
