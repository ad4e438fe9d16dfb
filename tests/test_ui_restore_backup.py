"""The day the treatment-room PC dies: a new computer, imsmap installed, the USB drive with the
old one's backups plugged in. The first start's set-up offers "Restore from a backup…" beside a
new clinic; File > Restore from backup… does the same over records that are open, saying what
they hold that the backup lacks before anything is replaced. Through the real window (ui.app's
run_app, its wizard, the dialog's fields and buttons) and real files: the old computer's
records are written through the services, its backups by the store's own full backup and
journal, the restore is the command line's (store.restore.restore)."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from imsmap.services import clinic, database_files, restore_points
from imsmap.services.photos import Photos
from imsmap.store import backup as store_backup
from imsmap.store import backup_sets, journal
from imsmap.store.restore_losses import restore_losses
from imsmap.ui import app as ui_app
from imsmap.ui.first_run import ClinicSetupWizard
from imsmap.ui.main_window import MainWindow
from imsmap.ui.restore_backup import RestoreDialog
from photo_support import png_bytes, write
from support import open_clinic, spot
from test_ui_support import answer_boxes, make_window, qt_settings  # noqa: F401 - fixtures


# -- the old computer ---------------------------------------------------------------------
def old_computer(tmp_path: Path) -> tuple[Path, Path]:
    """A clinic whose backups go to a USB folder: a weekly full backup, then the journal after
    each signature and amendment, as the window writes them; then a draft nobody signed (not
    in any journal record: the disk died first). Returns (the old database, the USB folder)."""
    old = tmp_path / "old" / "imsmap.sqlite3"
    old.parent.mkdir()
    usb = tmp_path / "usb"
    usb.mkdir()
    recs = open_clinic(old)
    try:
        clinic.write_values(recs, {store_backup.BACKUP_DIR_SETTING: str(usb)})
        view, x, y, muscle, side = spot(recs.atlas)
        anna = recs.create_patient(chart_number="C-1", family_name="Nguyen")
        first = recs.start_session(anna.id, started_at=datetime(2026, 11, 20, 9, 30))
        recs.add_site(first.id, view, x, y, muscle_id=muscle, side=side, grasp=1)
        recs.sign_session(first.id)
        backup_sets.make_full(recs.db, now=datetime(2026, 11, 30, 8, 0))
        ben = recs.create_patient(chart_number="C-2", family_name="Okafor")
        second = recs.start_session(ben.id, started_at=datetime(2026, 12, 3, 10, 0))
        recs.add_site(second.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        Photos(recs).add_file(second.id, write(tmp_path / "neck.png", png_bytes()), "Neck")
        recs.sign_session(second.id)
        backup_sets.append(recs.db)  # the window's journal record after the signature
        recs.amend_session(first.id, "Correction", "Needle depth 40 mm, not 30 mm.")
        backup_sets.append(recs.db)  # ... and after the amendment
        recs.start_session(anna.id, started_at=datetime(2026, 12, 4, 16, 0))  # never signed
    finally:
        recs.db.close()
    return old, usb


def table(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


SIGNED = "SELECT id, signed_at, signed_by, content_hash FROM sessions WHERE status = 'signed'"
AMENDMENTS = "SELECT session_id, created_at, reason, text FROM amendments ORDER BY id"
PHOTOS = "SELECT p.session_id, p.sha256, b.data FROM photos p JOIN photo_blobs b ON b.photo_id = p.id"


# -- driving the window -------------------------------------------------------------------
def drive_restore_dialog(folder: Path, seen: list[str], *, restore: bool = True) -> QTimer:
    """Answer the restore dialog when it comes up: type the folder, press Look in this folder,
    keep what it says in `seen`, then press Restore (or Cancel: `restore` False, or nothing
    found; and Cancel once the question that follows Restore was declined)."""
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog) or dialog.property("answered"):
            return
        dialog.setProperty("answered", True)
        dialog.folder.setText(str(folder))
        dialog.look_button.click()
        seen.append("\n".join(w.text() for w in (dialog.holds, dialog.lacks, dialog.error)
                              if w.isVisibleTo(dialog)))
        if restore and dialog.restore_button.isEnabled():
            dialog.restore_button.click()
            if dialog.isVisible():  # the question that followed was answered Cancel
                dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
        else:
            dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    timer.timeout.connect(poll)
    timer.start()
    return timer


def run_windows(qtbot, monkeypatch, scripts, **kwargs) -> int:
    """ui.app.run_app with each window's `scripts` in turn in place of the user (a restore
    closes the window and opens the restored records in a new one)."""
    left = list(scripts)

    def exec_(app):
        shown = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        assert len(shown) == 1
        window = shown[0]
        qtbot.waitUntil(lambda: window.built, timeout=10_000)
        qtbot.wait(50)  # the wizard opens from the window's `completed`
        left.pop(0)(window)
        for wizard in window.findChildren(ClinicSetupWizard):  # left open: skipped, as a
            if wizard.isVisible():  # user closing the window would; never left to later tests
                wizard.reject()
        if window.isVisible():
            qtbot.waitUntil(lambda: not window.backups.running, timeout=30_000)
            window.close()
        return 0

    monkeypatch.setattr(ui_app.QApplication, "exec", exec_)
    status = ui_app.run_app(**kwargs)
    assert not left, "a window the test expected did not open"
    return status


def wizard_of(window) -> ClinicSetupWizard:
    (wizard,) = [w for w in window.findChildren(ClinicSetupWizard) if w.isVisible()]
    return wizard


# -- the new computer ---------------------------------------------------------------------
def test_the_first_start_restores_the_old_computers_backup(qtbot, qt_settings, monkeypatch,
                                                          tmp_path):
    old, usb = old_computer(tmp_path)
    new = tmp_path / "new" / "imsmap.sqlite3"
    new.parent.mkdir()
    seen: list[str] = []
    after: dict[str, object] = {}

    def first_start(window):
        wizard = wizard_of(window)  # the set-up of a new clinic, and beside it the restore
        assert wizard.clinic_page.restore_button is not None
        timers = [drive_restore_dialog(usb, seen), answer_boxes(["OK"], seen)]
        try:
            wizard.clinic_page.restore_button.click()
            qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
        finally:
            for t in timers:
                t.stop()
        after["status"] = window.statusBar().currentMessage()
        after["first"] = window

    def restored(window):
        # the restored clinic is no new one: no set-up offered
        assert not [w for w in window.findChildren(ClinicSetupWizard) if w.isVisible()]
        # The window closed for the restore is gone, not kept hidden for the process's life
        # over closed records with its timers running. (Only its own: windows of earlier
        # tests in this process may still be waiting for their deletion.)
        assert window in QApplication.topLevelWidgets()
        assert not shiboken6.isValid(after["first"])
        after["title"] = window.windowTitle()

    timer = answer_boxes(["OK"], seen)  # the message saying what was restored
    try:
        assert run_windows(qtbot, monkeypatch, [first_start, restored], db=str(new)) == 0
    finally:
        timer.stop()
    described = seen[0]
    assert "2\xa0patients, 2\xa0sessions (2\xa0signed, 0\xa0drafts), 1\xa0amendment, 1\xa0photo" in described
    assert "The last signed session: chart C-" in described and ", signed on " in described
    assert "What it cannot bring back:\n• anything written after" in described
    # The new computer's clinic it replaced was empty: nothing to read as records kept aside.
    assert any("was restored" in s for s in seen)
    assert not any("kept, not deleted" in s or "replaced-" in s for s in seen)
    assert "Clinic set-up skipped" not in str(after["status"])
    # Every signed session, amendment and photo the backup took is there, as it was.
    assert table(new, SIGNED) == table(old, SIGNED) and len(table(new, SIGNED)) == 2
    assert table(new, AMENDMENTS) == table(old, AMENDMENTS) and len(table(new, AMENDMENTS)) == 1
    assert table(new, PHOTOS) == table(old, PHOTOS) and len(table(new, PHOTOS)) == 1
    # What the old computer had and the backup did not: the draft started after its last record.
    lost = restore_losses(old, new)
    assert [s.started_at[:16] for s in lost.draft_sessions] == ["2026-12-04T16:00"]
    assert not lost.signed_sessions and not lost.amendments and not lost.patients
    # The new computer's empty clinic is set aside, not deleted.
    assert len(list(new.parent.glob("imsmap.replaced-*.sqlite3"))) == 1


def test_file_restore_says_what_the_open_records_lack_and_asks(qtbot, qt_settings, monkeypatch,
                                                             tmp_path):
    old, usb = old_computer(tmp_path)  # the old computer still runs: a draft the backup lacks
    seen: list[str] = []
    before = table(old, "SELECT id, status FROM sessions ORDER BY id")
    charts = "SELECT chart_number FROM patients ORDER BY id"

    def add_patient(window, chart: str) -> None:
        """After the window's start-up backup (which journals what is there): a patient only
        the open records hold."""
        qtbot.waitUntil(lambda: not window.backups.running, timeout=30_000)
        window.records.create_patient(chart_number=chart, family_name="Mensah")

    def declined(window):
        add_patient(window, "C-3")
        # a name corrected since the backup: it would come back as it was, and is said so
        (c1,) = [p for p in window.records.read.search_patients("C-1") if p.chart_number == "C-1"]
        window.records.update_patient(c1.id, family_name=c1.family_name + "-Roy")
        timers = [drive_restore_dialog(usb, seen), answer_boxes(["Cancel"], seen)]
        try:
            window.menus.act_restore.trigger()
        finally:
            for t in timers:
                t.stop()
        assert window.isVisible() and window.restore_request is None

    assert run_windows(qtbot, monkeypatch, [declined], db=str(old)) == 0
    assert "The records open now hold what this backup lacks" in seen[0]
    assert "1\xa0patient: C-3" in seen[0]
    assert "1\xa0patient whose details changed since the backup (they come back as they were): " \
        "C-1" in seen[0], seen[0]
    assert "Replace the records open now with the backup" in seen[1]
    assert table(old, "SELECT id, status FROM sessions ORDER BY id") == before
    assert table(old, charts) == [("C-1",), ("C-2",), ("C-3",)]
    assert not list(old.parent.glob("*.replaced-*"))

    seen.clear()

    def agreed(window):
        add_patient(window, "C-4")
        timers = [drive_restore_dialog(usb, seen), answer_boxes(["Restore the backup"], seen)]
        try:
            window.menus.act_restore.trigger()
            qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
        finally:
            for t in timers:
                t.stop()

    timer = answer_boxes(["OK"], seen, others_pass=True)  # the box after the restore
    try:
        assert run_windows(qtbot, monkeypatch, [agreed, lambda w: None], db=str(old)) == 0
    finally:
        timer.stop()
    assert "1\xa0patient: C-4" in seen[0] and "Replace the records open now" in seen[1]
    assert any("The records it replaced are kept, not deleted, in this file:\n" in s
               for s in seen)
    (aside,) = old.parent.glob("imsmap.replaced-*.sqlite3")
    assert table(old, charts) == [("C-1",), ("C-2",), ("C-3",)]
    assert table(aside, charts) == [("C-1",), ("C-2",), ("C-3",), ("C-4",)]
    assert restore_losses(aside, old).patients == ["C-4"]  # in the file set aside only


def _damaged(usb: Path) -> None:
    (full,) = usb.glob("*-full.sqlite3.gz")
    data = full.read_bytes()
    full.write_bytes(data[: len(data) // 2])


def _empty(usb: Path) -> None:
    for path in usb.iterdir():
        shutil.move(path, usb.parent / path.name)


def _newer(usb: Path) -> None:
    _empty(usb)
    (full,) = usb.parent.glob("*-full.sqlite3.gz")
    copy = usb / "imsmap-backup-20261204-180000-manual.sqlite3"
    from imsmap.store import packed

    packed.expand(full, copy)
    conn = sqlite3.connect(copy)
    conn.execute("PRAGMA user_version = 999")
    conn.close()


@pytest.mark.parametrize(("spoil", "said"), [
    (_damaged, "is damaged (its compressed data is cut short or damaged); it cannot be used."),
    (_empty, "There is no imsmap backup in"),
    (_newer, "was written by a newer imsmap (database schema 999)"),
])
def test_a_refused_restore_changes_nothing_and_says_one_sentence(
        qtbot, qt_settings, monkeypatch, tmp_path, spoil, said):
    _old, usb = old_computer(tmp_path)
    spoil(usb)
    new = tmp_path / "new" / "imsmap.sqlite3"
    new.parent.mkdir()
    seen: list[str] = []
    files: dict[str, object] = {}

    def first_start(window):
        files["usb"] = sorted((p.name, p.stat().st_size) for p in usb.iterdir())
        wizard = wizard_of(window)
        timer = drive_restore_dialog(usb, seen)
        try:
            wizard.clinic_page.restore_button.click()
        finally:
            timer.stop()
        assert window.isVisible() and wizard.isVisible() and window.restore_request is None

    assert run_windows(qtbot, monkeypatch, [first_start], db=str(new)) == 0
    (sentence,) = seen
    assert said in sentence, sentence
    assert sentence.count(". ") <= 1 and "Traceback" not in sentence
    for hidden in (".verify", ".restoring", "imsmap-restore-check", "backup.sqlite3 "):
        assert hidden not in sentence  # the backup's own name, never our scratch copy's
    assert table(new, "SELECT count(*) FROM patients") == [(0,)]
    assert not list(new.parent.glob("*.replaced-*"))
    assert sorted((p.name, p.stat().st_size) for p in usb.iterdir()) == files["usb"]


def test_an_amendment_goes_into_the_backup_journal_at_once(qtbot, make_window, records, session,
                                                          monkeypatch):
    """A disk that dies before the window closes kept only what the journal had: an amendment
    written after the day's last signature was lost. It is journalled as a signature is."""
    folder = store_backup.backup_dir(records.db)
    view, x, y, muscle, side = spot(records.atlas)
    records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=1)
    records.sign_session(session.id)
    w = make_window(auto_backup=True)
    qtbot.waitUntil(lambda: bool(backup_sets.sets(folder)) and not w.backups.running,
                    timeout=10_000)
    (made,) = backup_sets.sets(folder)
    w.patients.select_patient(session.patient_id)
    w.patients.select_session(session.id)
    records.amend_session(session.id, "Correction", "Needle depth 40 mm.")
    qtbot.waitUntil(lambda: not w.backups.running, timeout=10_000)
    last = journal.read(made.journal)[-1]
    rows = last.tables.get("amendments", {}).get("rows", [])
    assert rows and any("Needle depth 40 mm." in map(str, row) for row in rows)


def test_enter_in_the_folder_field_looks_and_never_restores(qtbot, tmp_path):
    """Enter ends the folder's name: it looks there, and the clinic reads what the backup
    holds before a click on Restore (it once pressed the default button, Restore, too)."""
    _old, usb = old_computer(tmp_path)
    new = tmp_path / "new" / "imsmap.sqlite3"
    dialog = RestoreDialog(new)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.folder.setFocus()
    qtbot.keyClicks(dialog.folder, str(usb))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.request is None
    assert "2\xa0patients" in dialog.holds.text() and dialog.restore_button.isEnabled()
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)  # again: still only a look
    assert dialog.isVisible() and dialog.request is None and not new.exists()


def test_a_full_backup_whose_journal_was_moved_out_is_offered_and_said(qtbot, tmp_path):
    """A damaged journal's refusal says to move it out and restore the full backup alone;
    done, the dialog said there was no imsmap backup in the folder."""
    _old, usb = old_computer(tmp_path)
    (journal_file,) = usb.glob("*-full.journal")
    journal_file.rename(tmp_path / journal_file.name)
    new = tmp_path / "new" / "imsmap.sqlite3"
    dialog = RestoreDialog(new)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.folder, str(usb))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    said = dialog.holds.text()
    assert "holds the records as they were on" in said  # no clinic name was set up
    assert "1\xa0patient, 1\xa0session (1\xa0signed, 0\xa0drafts)" in said  # as of the full backup
    assert f"Its journal ({journal_file.name}) is not in the folder" in said
    assert dialog.restore_button.isEnabled()


def test_the_dialog_says_whose_records_the_backup_holds(qtbot, tmp_path):
    old, usb = old_computer(tmp_path)
    recs = open_clinic(old)
    try:
        clinic.write_values(recs, {"clinic.name_json": '"Harbour Physio"'})
        backup_sets.append(recs.db)  # the journal carries the settings
    finally:
        recs.db.close()
    dialog = RestoreDialog(tmp_path / "new.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.folder, str(usb))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    assert dialog.holds.text().startswith(
        "The newest backup in this folder holds the records of Harbour Physio as they were on ")


def test_a_refusal_of_three_lines_is_shown_whole(qtbot, tmp_path):
    """A damaged journal's refusal (what happened, and what to do) showed two of its three
    lines: the dialog kept the height it had before the red line appeared."""
    _old, usb = old_computer(tmp_path)
    (journal_file,) = usb.glob("*-full.journal")
    lines = journal_file.read_bytes().split(b"\n")
    journal_file.write_bytes(b"\n".join([lines[0], lines[1].replace(b'"sites"', b'"sitez"')]
                                        + lines[2:]))
    dialog = RestoreDialog(tmp_path / "new.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.folder, str(usb))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    assert "move the journal out of the folder first" in dialog.error.text()
    assert dialog.error.isVisible()
    assert dialog.error.height() >= dialog.error.heightForWidth(dialog.error.width())


def test_a_damaged_database_is_offered_its_automatic_full_backup(qapp, tmp_path, records,
                                                                patient):
    """The damaged-file dialog looked for plain copies only: with the automatic backups (a full
    backup and its journal, all the window makes) it said no good backup was found."""
    from imsmap.services.context import open_context
    from imsmap.ui import startup

    for i in range(60):
        records.create_patient(chart_number=f"X-{i}", family_name="Filler", notes="x" * 800)
    made = backup_sets.make_full(records.db, now=datetime(2026, 11, 30, 8, 0))
    records.create_patient(chart_number="C-2", family_name="Okafor")
    backup_sets.append(records.db)  # the journal takes what came after the full backup
    assert not store_backup.own_backups(made.full.parent)  # no plain copy: the set only
    bad = tmp_path / "copy" / "clinic.sqlite3"  # the same name: the same backup folder
    bad.parent.mkdir()
    records.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(records.db.path, bad)
    with open(bad, "r+b") as fh:
        fh.truncate(bad.stat().st_size // 2)
    seen: list[str] = []

    def answer() -> None:  # Restore backup, then Restore the backup, then OK; else Quit
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        seen.append(" ".join((box.text(), box.informativeText())))
        names = {b.text(): b for b in box.buttons()}
        for want in ("Restore backup…", "Restore the backup", "OK", "Quit"):
            if want in names:
                names[want].click()
                return

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(20)
    try:
        opened = startup.open_checked(lambda: open_context(bad), bad)
    finally:
        timer.stop()
    assert "The latest good backup is from" in seen[0] and "62\xa0patients" in seen[0]
    assert opened is not None
    try:
        assert opened.records.repo.patient_by_chart_number("C-2") is not None  # the journal's
    finally:
        opened.db.close()
    assert len(list(bad.parent.glob("clinic.replaced-*.sqlite3"))) == 1


# -- a large clinic's backup: minutes of reading, the window alive meanwhile -----------------
def _held_until(ticked: threading.Event, real):
    """`real` once the window's thread has turned (a timer of the test fired): a check or a
    restore that reads for long. Holding the window's thread, it waits in vain."""
    def slow(*args, **kwargs):
        assert ticked.wait(3), "the window's thread was held while the backup was read"
        return real(*args, **kwargs)
    return slow


def _when_modal(seen: list, then=None) -> None:
    """Keep the window that is modal now (the progress of the work), then `then`."""
    def look() -> None:
        seen.append(QApplication.activeModalWidget())
        if then is not None:
            then()
    QTimer.singleShot(600, look)


@pytest.fixture
def slow_check(qtbot, tmp_path, monkeypatch):
    """The restore dialog shown, and a check of the backup folder that ends only once the
    window's thread has turned: (dialog, the USB folder, the event the check waits for)."""
    _old, usb = old_computer(tmp_path)
    dialog = RestoreDialog(tmp_path / "new" / "imsmap.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    ticked = threading.Event()
    monkeypatch.setattr(restore_points, "newest", _held_until(ticked, restore_points.newest))
    yield dialog, usb, ticked
    ticked.set()


def test_the_window_answers_while_a_backup_is_checked(slow_check):
    dialog, usb, ticked = slow_check
    seen: list = []
    _when_modal(seen, ticked.set)
    dialog.folder.setText(str(usb))
    dialog.look_button.click()
    assert isinstance(seen[0], QProgressDialog)
    assert "Checking the newest backup in" in seen[0].labelText()
    assert "2\xa0patients" in dialog.holds.text() and dialog.restore_button.isEnabled()


def test_stop_checking_leaves_the_dialog_as_it_was(slow_check):
    dialog, usb, ticked = slow_check
    seen: list = []

    def stop() -> None:
        (button,) = [b for b in seen[0].findChildren(QPushButton) if b.isVisible()]
        assert button.text() == "Stop checking"
        button.click()

    _when_modal(seen, stop)
    dialog.folder.setText(str(usb))
    dialog.look_button.click()
    ticked.set()  # the check goes on to its end on its thread; what it finds is dropped
    assert not dialog.restore_button.isEnabled() and dialog.holds.text() == ""
    assert "not checked (stopped); nothing changed" in dialog.error.text()
    assert dialog.isVisible() and dialog.request is None


def test_the_restore_itself_says_it_is_working(qtbot, tmp_path, monkeypatch):
    """After the main window closed to free the file, something is on screen while the
    backup is put in place (closing it stops nothing), and the restore ends as before."""
    from imsmap.ui import restore_backup

    _old, usb = old_computer(tmp_path)
    new = tmp_path / "new" / "imsmap.sqlite3"
    dialog = RestoreDialog(new)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(usb))
    dialog.look()
    point = dialog.point
    assert point is not None
    ticked = threading.Event()
    monkeypatch.setattr(database_files, "restore",
                        _held_until(ticked, database_files.restore))
    new.parent.mkdir()
    told: list[str] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(restore_backup.QMessageBox, kind,
                            lambda _parent, _title, text: told.append(text))
    seen: list = []

    def close_it() -> None:  # its title bar's x: the restore is waited for all the same
        seen[0].close()
        ticked.set()

    _when_modal(seen, close_it)
    assert restore_backup.run_restore(restore_backup.RestoreRequest(point, point.losses), new)
    assert isinstance(seen[0], QProgressDialog)
    assert "Restoring the backup of" in seen[0].labelText()
    assert "was restored" in told[0]
    assert len(table(new, SIGNED)) == 2


def test_the_dialog_grown_by_what_it_says_stays_on_the_screen(qtbot, tmp_path):
    """The dialog opens short and centred, then grows downwards with what the backup holds and
    what the open records lack: in French on a 1366 x 768 screen its Restore button went past
    the screen's bottom edge (walk of 6 December). Grown, it moves up to stay on its screen."""
    _old, usb = old_computer(tmp_path)
    dialog = RestoreDialog(tmp_path / "new.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    area = dialog.screen().availableGeometry()
    dialog.move(dialog.x(), area.bottom() - dialog.frameGeometry().height() - 10)
    short = dialog.frameGeometry().height()
    qtbot.keyClicks(dialog.folder, str(usb))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    assert dialog.restore_button.isEnabled() and dialog.holds.text()
    assert dialog.frameGeometry().height() > short  # it grew
    assert dialog.frameGeometry().bottom() <= area.bottom()
    assert dialog.frameGeometry().top() >= area.top()


def test_the_window_opened_on_the_restored_records_says_so(qtbot, qt_settings, monkeypatch,
                                                          tmp_path):
    """After File > Restore from backup… the box says what was restored; the window opened
    after it said nothing, no patient open, as if the records had gone (walk of 6 December).
    It says the restore in its status bar."""
    old, usb = old_computer(tmp_path)
    seen: list[str] = []
    said: list[str] = []

    def restore(window):
        qtbot.waitUntil(lambda: not window.backups.running, timeout=30_000)
        timers = [drive_restore_dialog(usb, seen), answer_boxes(["Restore the backup"], seen)]
        try:
            window.menus.act_restore.trigger()
            qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
        finally:
            for t in timers:
                t.stop()

    def restored(window):
        said.append(window.statusBar().currentMessage())

    timer = answer_boxes(["OK"], seen, others_pass=True)  # the box after the restore
    try:
        assert run_windows(qtbot, monkeypatch, [restore, restored], db=str(old)) == 0
    finally:
        timer.stop()
    box = next(s for s in seen if " was restored: " in s)
    assert said == [box.split("\n")[0]], (said, box)
    assert said[0].startswith("The backup of ") and "2\xa0patients, 3\xa0sessions" in said[0]
