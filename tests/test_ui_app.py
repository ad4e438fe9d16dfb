"""Start-up and errors: the database sentence instead of a traceback, crash logs without names."""

from __future__ import annotations

import io
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from imsmap import paths
from imsmap.domain.errors import UserFacingError
from imsmap.services.context import open_context
from imsmap.ui import app as ui_app
from imsmap.ui import errors as ui_errors
from test_ui_support import answer_boxes, make_window, qt_settings  # noqa: F401 - fixtures


def test_open_database_creates_the_default_in_the_data_folder(tmp_path):
    records = ui_app.open_database()
    try:
        assert records.db.path == paths.default_db_path()
        assert records.db.path.parent.is_dir()
    finally:
        records.db.close()


def test_a_backup_is_never_opened_to_work_in(tmp_path, records, qapp, monkeypatch):
    """The installer offers "Open with imsmap" for .sqlite3 files: a backup opened that way
    would take the day's records instead of the clinic's database."""
    from imsmap.store.backup import BackupReason, backup_now

    backup = backup_now(records.db, BackupReason.MANUAL)
    before = backup.read_bytes()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(ui_app.QApplication, "exec", lambda self: pytest.fail("window opened"))
    assert ui_app.run_app(db=str(backup)) == 2
    assert len(shown) == 1 and "is an imsmap backup" in shown[0] and "restore" in shown[0]
    assert backup.read_bytes() == before


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
    readonly = open_context(path, readonly=True)
    try:
        from imsmap.ui.main_window import MainWindow

        w = MainWindow(readonly, demo=True)
        try:
            w.build_rest()  # the actions, without waiting for a first paint
            assert "read-only" in w.windowTitle() and "DEMO" in w.windowTitle()
            assert not w.menus.act_new_patient.isEnabled()
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
    assert not list((paths.data_dir() / "logs").glob("crash-*"))


# -- safety at start-up (issue 7) ---------------------------------------------------------
import shutil  # noqa: E402
import sqlite3  # noqa: E402
import threading  # noqa: E402
from datetime import datetime  # noqa: E402

from imsmap.store import backup as store_backup  # noqa: E402
from imsmap.ui import startup  # noqa: E402


@pytest.fixture
def damaged_copy(tmp_path, records, patient):
    """A good backup of the clinic, then a truncated copy of its database file."""
    for i in range(60):
        records.create_patient(chart_number=f"X-{i}", family_name="Filler", notes="x" * 800)
    good = store_backup.backup_now(records.db, store_backup.BackupReason.MANUAL,
                                   now=datetime(2026, 11, 20, 8, 0))
    bad = tmp_path / "copy" / "clinic.sqlite3"
    bad.parent.mkdir()
    records.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(records.db.path, bad)
    size = bad.stat().st_size
    with open(bad, "r+b") as fh:
        fh.truncate(size // 2)
    return bad, good


def test_a_truncated_database_offers_the_latest_backup_and_restores_it_on_confirmation(
        qapp, damaged_copy):
    bad, good = damaged_copy
    seen: list[str] = []
    timer = answer_boxes(["Restore backup", "Restore the backup", "OK"], seen)
    try:
        opened = startup.open_checked(lambda: open_context(bad), bad)
    finally:
        timer.stop()
    assert opened is not None
    try:
        assert "damaged" in seen[0] and "Friday\xa020\xa0November\xa02026, 08:00" in seen[0]
        assert "61\xa0patients" in seen[0] and "Traceback" not in " ".join(seen)
        assert "Replace clinic.sqlite3" in seen[1]
        assert "restored" in seen[2]
        assert opened.records.repo.patient_by_chart_number("C-1001") is not None
        kept = list(bad.parent.glob("clinic.replaced-*.sqlite3"))
        assert len(kept) == 1  # the damaged file, kept beside the restored one
    finally:
        opened.db.close()


def test_declining_the_restore_changes_nothing(qapp, damaged_copy):
    bad, _ = damaged_copy
    before = bad.read_bytes()
    seen: list[str] = []
    timer = answer_boxes(["Restore backup", "Cancel"], seen)
    try:
        assert startup.open_checked(lambda: open_context(bad), bad) is None
    finally:
        timer.stop()
    assert bad.read_bytes() == before and not list(bad.parent.glob("*.replaced-*"))


def test_an_emptied_database_with_backups_is_not_silently_started_afresh(qapp, damaged_copy):
    bad, _ = damaged_copy
    bad.write_bytes(b"")
    seen: list[str] = []
    timer = answer_boxes(["Quit"], seen)
    try:
        assert startup.open_checked(lambda: open_context(bad), bad) is None
    finally:
        timer.stop()
    assert "empty" in seen[0] and bad.stat().st_size == 0


@pytest.fixture
def corrupt_copy(damaged_copy, records):
    """A copy whose header, schema and records read well but whose free-page list is broken:
    the cheap checks on open pass; only the structure check (PRAGMA quick_check) finds it."""
    bad, good = damaged_copy
    shutil.copy(records.db.path, bad)
    conn = sqlite3.connect(bad, isolation_level=None)
    conn.execute("CREATE TABLE scratch (x)")
    conn.executemany("INSERT INTO scratch VALUES (?)", [("y" * 3000,) for _ in range(40)])
    conn.execute("DROP TABLE scratch")  # its pages go to the free list
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(bad, "r+b") as fh:
        page_size = int.from_bytes(fh.read(18)[16:18], "big")
        fh.seek(32)
        trunk = int.from_bytes(fh.read(4), "big")
        assert trunk > 0
        fh.seek((trunk - 1) * page_size)
        fh.write((0x7FFFFF00).to_bytes(4, "big") + (0x7FFF).to_bytes(4, "big"))
    return bad, good


def _checked_in_background(qtbot, path):
    """The window's path: the structure check on a thread of its own, reporting when done."""
    check = startup.StartupCheck(path)
    with qtbot.waitSignal(check.finished, timeout=20_000) as blocker:
        check.start()
    return blocker.args[0]


def test_damage_found_after_opening_offers_the_latest_backup_and_restores_it(
        qtbot, corrupt_copy):
    bad, _ = corrupt_copy
    opener = lambda: open_context(bad)  # noqa: E731
    opened = startup.open_checked(opener, bad)  # the cheap checks pass: no dialog, no wait
    assert opened is not None and opened.records.repo.patient_by_chart_number("C-1001") is not None
    problems = _checked_in_background(qtbot, bad)
    assert problems and all("quick check" in p.lower() or "damaged" in p for p in problems)
    seen: list[str] = []
    timer = answer_boxes(["Restore backup", "Restore the backup", "OK"], seen)
    try:
        opened = startup.recover(opened, opener, bad, problems)
    finally:
        timer.stop()
    assert opened is not None
    try:
        assert "damaged" in seen[0] and "Friday\xa020\xa0November\xa02026, 08:00" in seen[0]
        assert "61\xa0patients" in seen[0] and "Traceback" not in " ".join(seen)
        assert "Replace clinic.sqlite3" in seen[1]
        assert "restored" in seen[2]
        assert opened.records.repo.patient_by_chart_number("C-1001") is not None
        assert len(list(bad.parent.glob("clinic.replaced-*.sqlite3"))) == 1
        assert _checked_in_background(qtbot, bad) == []  # the restored file is whole
    finally:
        opened.db.close()


def test_damage_found_after_opening_declined_changes_nothing(qtbot, corrupt_copy):
    bad, _ = corrupt_copy
    opener = lambda: open_context(bad)  # noqa: E731
    opened = startup.open_checked(opener, bad)
    problems = _checked_in_background(qtbot, bad)
    opened.db.close()
    before = bad.read_bytes()
    seen: list[str] = []
    timer = answer_boxes(["Restore backup", "Cancel"], seen)
    try:
        assert startup.recover(None, opener, bad, problems) is None
    finally:
        timer.stop()
    assert "damaged" in seen[0]
    assert bad.read_bytes() == before and not list(bad.parent.glob("*.replaced-*"))


def test_the_window_opens_at_once_and_the_background_check_offers_the_backup(
        qapp, corrupt_copy, monkeypatch):
    """run_app: the window is up before the structure check ends; the check finds the damage,
    the window closes without writing, and the damaged-file dialog offers the backup."""
    bad, _ = corrupt_copy
    seen: list[str] = []
    shown = []
    real_exec = ui_app.QApplication.exec

    def exec_(self):
        from imsmap.ui.main_window import MainWindow

        shown.extend(w for w in self.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible())
        return real_exec()

    monkeypatch.setattr(ui_app.QApplication, "exec", exec_)
    timer = answer_boxes(["Quit"], seen)
    try:
        assert ui_app.run_app(db=str(bad)) == 2
    finally:
        timer.stop()
    assert len(shown) == 1  # the window was up while the check ran
    assert len(seen) == 1 and "damaged" in seen[0] and "Traceback" not in seen[0]
    assert "Friday\xa020\xa0November\xa02026, 08:00" in seen[0] and "quick check" in seen[0].lower()
    assert not list(bad.parent.glob("*.replaced-*"))


def test_a_busy_database_at_start_offers_to_try_again(qapp, tmp_path, monkeypatch):
    """Another program holds the file exclusively while imsmap starts: SQLite's busy code
    brings the "try again" dialog; once the other program has let go, trying again opens it."""
    from imsmap.store import db as store_db

    path = tmp_path / "clinic.sqlite3"
    open_context(path).close()
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    attempts = []

    def opener():
        attempts.append(1)
        if len(attempts) == 2:  # the other program closed the file while the dialog was up
            other.execute("ROLLBACK")
            other.close()
        return open_context(path)

    seen: list[str] = []
    timer = answer_boxes(["Try again"], seen)
    try:
        records = startup.open_checked(opener, path)
    finally:
        timer.stop()
    assert records is not None and len(attempts) == 2 and "busy" in seen[0]
    records.close()


def test_automatic_backups_at_start_and_after_signing(qtbot, make_window, session, records,
                                                      monkeypatch):
    from imsmap.store import backup_sets, journal, packed
    from imsmap.ui.record.sign_amend import SignDialog

    folder = store_backup.backup_dir(records.db)
    w = make_window(auto_backup=True)
    qtbot.waitUntil(lambda: bool(backup_sets.sets(folder)) and not w.backups.running,
                    timeout=10_000)
    (made,) = backup_sets.sets(folder)  # the first start: a full backup and its journal
    w.patients.select_patient(session.patient_id)
    w.patients.select_session(session.id)

    def sign(dialog):
        dialog.confirm.setChecked(True)
        dialog.sign_button.click()
        return dialog.result()

    monkeypatch.setattr(SignDialog, "exec", sign)
    w.menus.act_sign.trigger()
    # Signing copies nothing: a journal record, written before the window goes on.
    assert backup_sets.sets(folder) == [made]
    assert journal.read(made.journal)[-1].signed == (session.id,)
    info = store_backup.verify_backup(made.full)  # the full backup with its journal applied
    assert info.sessions == 1 and info.journal_records == 1
    expanded = folder.parent / "expanded.sqlite3"
    packed.expand(made.full, expanded)
    conn = sqlite3.connect(expanded)
    try:
        assert conn.execute("SELECT status FROM sessions").fetchone()[0] == "signed"
    finally:
        conn.close()


def test_closing_abandons_a_running_full_backup_at_once(qtbot, make_window, records,
                                                        monkeypatch):
    """A full backup that would go on compressing is abandoned when the window closes: the
    close does not wait for it, nothing of it is published, and the next start makes it."""
    from imsmap.store import backup_sets

    folder = store_backup.backup_dir(records.db)
    compressing = threading.Event()
    original = backup_sets.compress

    def slow(source, target, cancel):
        compressing.set()
        cancel.wait()  # as long as the window is open
        original(source, target, cancel)

    monkeypatch.setattr(backup_sets, "compress", slow)
    # A clinic in use (a new, empty one waits for its set-up to say where backups go).
    records.create_patient(chart_number="C-1", family_name="Nguyen")
    w = make_window(auto_backup=True)
    qtbot.waitUntil(compressing.is_set, timeout=10_000)
    w.close()
    assert not w.backups.running  # the thread is gone, not waited for until it was done
    assert backup_sets.sets(folder) == [] and list(folder.iterdir()) == []
    monkeypatch.setattr(backup_sets, "compress", original)
    w2 = make_window(auto_backup=True)
    qtbot.waitUntil(lambda: bool(backup_sets.sets(folder)) and not w2.backups.running,
                    timeout=10_000)
