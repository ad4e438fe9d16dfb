"""The clinic set-up wizard (issue 13, item 7): offered when the window first opens on a new,
empty database and never for the demo clinic or a database with anything in it; typed into and
clicked through like a user would; what it sets is read back through the services; bad answers
get a sentence and write nothing; skipped, nothing is written; reopened from the File menu.
Help > About shows the versions and the database's path."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWizard

from imsmap import __version__
from imsmap.domain.errors import UserFacingError, ValidationError
from imsmap.services import clinic, first_run, lock
from imsmap.services.context import open_context, open_records
from imsmap.store.migrations import SCHEMA_VERSION
from imsmap.ui import app as ui_app
from imsmap.ui.first_run import ClinicSetupWizard
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

Button = QWizard.WizardButton


# -- helpers ------------------------------------------------------------------------------
def open_wizards(window) -> list[ClinicSetupWizard]:
    return [c for c in window.findChildren(ClinicSetupWizard) if c.isVisible()]


def type_into(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def press(qtbot, wizard: ClinicSetupWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def page_error(wizard: ClinicSetupWizard) -> str:
    page = wizard.currentPage()
    return page.error.text() if page.error.isVisibleTo(page) else ""


def nothing_written(records) -> bool:
    return records.repo.setting("clinic.name") is None and first_run.is_new_clinic(records)


def answer(qtbot, wizard, *, name="Riverside Physiotherapy", practitioner="Jane Smith, PT",
           registration="PT-04512", pin="2468", repeat=None, folder=None) -> None:
    """Type the answers into the real fields, page after page, up to the Ready page."""
    type_into(qtbot, wizard.clinic_page.name, name)
    press(qtbot, wizard, Button.NextButton)
    type_into(qtbot, wizard.practitioner_page.name, practitioner)
    type_into(qtbot, wizard.practitioner_page.registration, registration)
    press(qtbot, wizard, Button.NextButton)
    type_into(qtbot, wizard.lock_page.pin, pin)
    type_into(qtbot, wizard.lock_page.repeat, pin if repeat is None else repeat)
    press(qtbot, wizard, Button.NextButton)
    if folder is not None:
        type_into(qtbot, wizard.backup_page.folder, str(folder))
    press(qtbot, wizard, Button.NextButton)


def run_window(qtbot, monkeypatch, script, **kwargs) -> int:
    """`ui.app.run_app` as the `imsmap` command runs it, with `script(window)` in place of the
    user: it runs once the window is whole, then the window is closed."""
    from imsmap.ui.main_window import MainWindow

    def exec_(app):
        # Only this start's window: earlier tests' closed windows may linger until collected.
        shown = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        assert len(shown) == 1
        window = shown[0]
        qtbot.waitUntil(lambda: window.built, timeout=10_000)
        qtbot.wait(50)  # the wizard opens from the window's `completed`
        script(window)
        window.close()
        return 0

    monkeypatch.setattr(ui_app.QApplication, "exec", exec_)
    return ui_app.run_app(**kwargs)


# -- the first start ----------------------------------------------------------------------
def test_a_new_database_walks_through_the_wizard_to_a_ready_clinic(
        qtbot, qt_settings, monkeypatch, tmp_path):
    db = tmp_path / "clinic" / "new.sqlite3"
    db.parent.mkdir()
    backups = tmp_path / "usb" / "imsmap-backups"  # not there yet: the wizard creates it
    seen: dict[str, object] = {}

    def user(window):
        wizards = open_wizards(window)
        assert len(wizards) == 1
        wizard = wizards[0]
        assert wizard.button(Button.CancelButton).text() == "Skip for now"
        assert f"kept on this computer, in this file:\n{db}" in " ".join(
            label.text() for label in wizard.clinic_page.findChildren(QLabel))
        answer(qtbot, wizard, folder=backups)
        summary = wizard.ready_page.summary.text()
        assert "Riverside Physiotherapy" in summary and "PT-04512" in summary
        assert "after 5 minutes" in summary and str(backups) in summary
        press(qtbot, wizard, Button.FinishButton)
        qtbot.waitUntil(lambda: not open_wizards(window))
        seen["message"] = window.statusBar().currentMessage()
        seen["title"] = window.windowTitle()
        # The first copy runs on a thread; closing abandons a running one (the next start
        # makes it), so a loaded machine could close first: wait for it as a user would.
        qtbot.waitUntil(lambda: not window.backups.running, timeout=60_000)
        seen["lock"] = window.menus.act_lock.isEnabled()
        seen["idle"] = window.idle.active()

    assert run_window(qtbot, monkeypatch, user, db=str(db)) == 0
    assert "Riverside Physiotherapy is set up" in seen["message"]
    # the clinic's name in the title at once (it showed none, walk of 6 December)
    assert seen["title"] == "Riverside Physiotherapy – new.sqlite3", seen["title"]
    assert seen["lock"] and seen["idle"]  # the window took the new PIN at once
    records = open_records(db)
    try:
        settings = clinic.load(records)
        assert settings.clinic_name == "Riverside Physiotherapy"
        assert settings.practitioners == (clinic.Practitioner("Jane Smith, PT", "PT-04512"),)
        assert Path(settings.backup_dir) == backups and backups.is_dir()
        assert lock.check_pin(records, "2468") and lock.load(records).idle_minutes == 5
        entries = records.audit_entries()
        assert len(entries) == 1 and entries[0].entity == "settings"
        assert all("2468" not in str(v) for v in entries[0].changes.values())
        assert not first_run.is_new_clinic(records)
    finally:
        records.db.close()
    assert QSettings().value("session/practitioner") == "Jane Smith, PT"
    assert list(backups.glob("imsmap-backup-*-full.sqlite3.gz"))  # a first copy, made there
    # and none of the empty database in the default folder, before the set-up asked where
    from imsmap.store.backup import default_backup_dir

    default = default_backup_dir(db)
    assert not default.exists() or not list(default.glob("imsmap-backup-*")), \
        list(default.iterdir())


def test_not_offered_for_the_demo_clinic(qtbot, qt_settings, monkeypatch):
    found = []
    assert run_window(qtbot, monkeypatch, lambda w: found.extend(open_wizards(w)),
                      demo=True) == 0
    assert found == []


@pytest.mark.parametrize("what", ["patient", "settings", "pin"])
def test_not_offered_for_a_database_with_records_or_settings(
        qtbot, qt_settings, monkeypatch, tmp_path, what):
    db = tmp_path / "clinic.sqlite3"
    records = open_records(db, actor=os.environ.get("USER") or None)
    if what == "patient":
        records.create_patient(chart_number="C-1", family_name="Nguyen")
    elif what == "settings":
        clinic.save(records, clinic.ClinicSettings(clinic_name=""))  # saved, even if empty
    else:
        lock.save(records, pin="1357", idle_minutes=0)
    records.db.close()
    found = []
    assert run_window(qtbot, monkeypatch, lambda w: found.extend(open_wizards(w)),
                      db=str(db)) == 0
    assert found == []


def test_a_demo_window_is_never_offered_it_even_when_empty(records, make_window):
    assert first_run.is_new_clinic(records)
    assert make_window(demo=True).offer_setup() is None


def test_the_title_names_the_clinic_as_its_settings_do(records, make_window):
    """The window's title says the clinic's name from the moment it is given (the set-up, or
    File > Clinic settings later), after the demo's label in the demo; none before."""
    window = make_window()
    before = window.windowTitle()
    assert before == records.read.path.name
    clinic.save(records, replace(clinic.load(records), clinic_name="Harbour Physio"))
    assert window.windowTitle() == f"Harbour Physio – {before}"
    demo = make_window(demo=True)
    assert demo.windowTitle() == f"DEMO clinic (made-up patients) – Harbour Physio – {before}"
    clinic.save(records, replace(clinic.load(records), clinic_name=""))
    assert window.windowTitle() == before


def test_a_read_only_database_is_never_offered_it(qtbot, qt_settings, db_path, records):
    from imsmap.ui.main_window import MainWindow

    readonly = open_context(db_path, readonly=True)
    w = MainWindow(readonly)
    qtbot.addWidget(w)
    try:
        assert first_run.is_new_clinic(readonly.records) and w.readonly
        assert w.offer_setup() is None
    finally:
        w.close()
        readonly.db.close()


# -- skipping -----------------------------------------------------------------------------
def test_skipping_writes_nothing_and_the_next_start_offers_it_again(
        qtbot, records, make_window, tmp_path):
    w = make_window()
    wizard = w.offer_setup()
    assert wizard is not None and wizard.isVisible()
    type_into(qtbot, wizard.clinic_page.name, "Half-typed clinic")
    press(qtbot, wizard, Button.NextButton)
    press(qtbot, wizard, Button.CancelButton)  # "Skip for now"
    qtbot.waitUntil(lambda: not open_wizards(w))
    assert nothing_written(records) and records.audit_entries() == []
    assert "File > Clinic set-up" in w.statusBar().currentMessage()
    again = w.offer_setup()  # the database is still new: offered again
    assert again is not None
    again.reject()


# -- bad answers --------------------------------------------------------------------------
def test_bad_answers_get_a_sentence_and_write_nothing(qtbot, records, make_window, tmp_path):
    w = make_window()
    wizard = w.offer_setup()
    # No clinic name: the page stays, with a sentence.
    press(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is wizard.clinic_page
    assert "clinic's name" in page_error(wizard)
    type_into(qtbot, wizard.clinic_page.name, "Riverside Physiotherapy")
    press(qtbot, wizard, Button.NextButton)
    # A practitioner without registration number.
    type_into(qtbot, wizard.practitioner_page.name, "Jane Smith")
    press(qtbot, wizard, Button.NextButton)
    assert "registration number" in page_error(wizard)
    type_into(qtbot, wizard.practitioner_page.registration, "PT-1")
    press(qtbot, wizard, Button.NextButton)
    # A PIN too short, then two PINs that differ.
    assert not wizard.lock_page.idle.isEnabled()  # nothing locks without a PIN
    type_into(qtbot, wizard.lock_page.pin, "12")
    assert wizard.lock_page.idle.isEnabled()
    type_into(qtbot, wizard.lock_page.repeat, "12")
    press(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is wizard.lock_page
    assert page_error(wizard) == "The PIN must be 4 to 12 digits."
    type_into(qtbot, wizard.lock_page.pin, "2468")
    type_into(qtbot, wizard.lock_page.repeat, "2469")
    press(qtbot, wizard, Button.NextButton)
    assert "differ" in page_error(wizard)
    type_into(qtbot, wizard.lock_page.repeat, "2468")
    press(qtbot, wizard, Button.NextButton)
    # A backup folder that cannot be created (below a file), then a relative one.
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    for bad, words in ((a_file / "backups", "cannot be created"),
                       ("backups", "full path"), (a_file, "is a file")):
        type_into(qtbot, wizard.backup_page.folder, str(bad))
        press(qtbot, wizard, Button.NextButton)
        assert wizard.currentPage() is wizard.backup_page
        assert words in page_error(wizard)
    assert nothing_written(records) and records.audit_entries() == []
    assert not lock.has_pin(records)
    wizard.reject()


@pytest.mark.skipif(not Path("/proc/self").is_dir() or os.geteuid() != 0,
                    reason="needs Linux's /proc, and root (whom os.access lets through)")
def test_a_folder_that_fails_to_be_made_at_finish_writes_nothing(qtbot, records, make_window):
    """/proc takes no new folders, not even root's: the backup page lets it through (root may
    write anywhere), the folder fails to be made at Finish, its sentence shows on the last page
    and nothing is written. (Anyone else gets the sentence on the backup page, as above.)"""
    w = make_window()
    wizard = w.offer_setup()
    answer(qtbot, wizard, folder="/proc/imsmap-backups")
    press(qtbot, wizard, Button.FinishButton)
    assert wizard.isVisible() and wizard.currentPage() is wizard.ready_page
    assert "/proc/imsmap-backups cannot be created" in page_error(wizard)
    assert nothing_written(records) and not lock.has_pin(records)
    assert not Path("/proc/imsmap-backups").exists()
    wizard.reject()


# -- the backup folder's disk -------------------------------------------------------------
def test_a_backup_folder_on_the_records_disk_is_warned_about(qtbot, records, make_window,
                                                             tmp_path):
    w = make_window()
    wizard = w.offer_setup()
    page = wizard.backup_page
    assert page.folder.text() == str(first_run.default_backup_folder(records))
    type_into(qtbot, page.folder, str(tmp_path / "backups" / "not-yet"))
    assert page.warning.isVisibleTo(page)
    assert "same disk as your records" in page.warning.text()
    shm = Path("/dev/shm")
    if shm.is_dir() and os.stat(shm).st_dev != os.stat(tmp_path).st_dev:
        type_into(qtbot, page.folder, str(shm / "imsmap-test-backups"))
        assert not page.warning.isVisibleTo(page)
    wizard.reject()


def test_same_disk_compares_the_device_of_the_nearest_existing_folder(tmp_path):
    db = tmp_path / "clinic.sqlite3"
    assert first_run.same_disk(tmp_path / "a" / "b" / "c", db)
    shm = Path("/dev/shm")
    if shm.is_dir() and os.stat(shm).st_dev != os.stat(tmp_path).st_dev:
        assert not first_run.same_disk(shm / "x", db)


# -- the service on its own ---------------------------------------------------------------
def test_set_up_is_one_transaction_and_bad_input_changes_nothing(records, tmp_path):
    folder = tmp_path / "backups"
    good = first_run.ClinicSetup("Clinic", "Jane Smith", "PT-1", pin="2468", idle_minutes=5,
                                 backup_dir=str(folder))
    for bad in (dict(clinic_name="  "), dict(practitioner=""), dict(registration=""),
                dict(pin="12"), dict(pin="abcd"), dict(pin="", idle_minutes=5),
                dict(backup_dir="relative/path")):
        fields = {**good.__dict__, **bad}
        with pytest.raises(ValidationError):
            first_run.set_up(records, first_run.ClinicSetup(**fields), expect_new=True)
        assert nothing_written(records) and not folder.exists()
    first_run.set_up(records, good, expect_new=True)
    assert len(records.audit_entries()) == 1 and folder.is_dir()
    # Offered as a first start elsewhere meanwhile: refused, nothing more written.
    with pytest.raises(UserFacingError, match="set up meanwhile"):
        first_run.set_up(records, good, expect_new=True)
    assert len(records.audit_entries()) == 1


def test_the_default_backup_folder_is_stored_as_the_default(records):
    default = first_run.default_backup_folder(records)
    first_run.set_up(records, first_run.ClinicSetup("Clinic", "Jane", "PT-1",
                                                    backup_dir=str(default)))
    assert clinic.load(records).backup_dir == ""  # follows the database if it moves
    assert not lock.has_pin(records)


# -- reopened from the menu ---------------------------------------------------------------
def test_reopened_from_the_menu_it_shows_the_clinic_and_keeps_the_others(
        qtbot, records, make_window):
    clinic.save(records, clinic.ClinicSettings(
        clinic_name="Old Name", practitioners=(clinic.Practitioner("Jane Smith", "PT-1"),
                                               clinic.Practitioner("Ravi Patel", "PT-2"))))
    lock.save(records, pin="1357", idle_minutes=10)
    w = make_window()
    assert w.offer_setup() is None  # not a new clinic
    assert w.menus.act_setup in w.menus.menu("&File").actions() and w.menus.act_setup.isEnabled()
    w.menus.act_setup.trigger()
    qtbot.waitUntil(lambda: bool(open_wizards(w)))
    wizard = open_wizards(w)[0]
    assert wizard.button(Button.CancelButton).text() != "Skip for now"
    assert wizard.clinic_page.name.text() == "Old Name"
    assert wizard.practitioner_page.name.text() == "Jane Smith"
    assert not wizard.lock_page.pin.isVisibleTo(wizard.lock_page)  # changed only with the old
    type_into(qtbot, wizard.clinic_page.name, "New Name")
    press(qtbot, wizard, Button.NextButton)
    type_into(qtbot, wizard.practitioner_page.registration, "PT-9")
    for _ in range(3):
        press(qtbot, wizard, Button.NextButton)
    assert "kept as it is" in wizard.ready_page.summary.text()
    press(qtbot, wizard, Button.FinishButton)
    qtbot.waitUntil(lambda: not open_wizards(w))
    settings = clinic.load(records)
    assert settings.clinic_name == "New Name"
    assert settings.practitioners == (clinic.Practitioner("Jane Smith", "PT-9"),
                                      clinic.Practitioner("Ravi Patel", "PT-2"))
    assert lock.check_pin(records, "1357") and lock.load(records).idle_minutes == 10


# -- Help > About -------------------------------------------------------------------------
def test_help_about_shows_the_versions_and_the_database_path(qtbot, records, make_window):
    from imsmap.ui.about import AboutDialog

    w = make_window()
    assert w.menus.act_about in w.menus.menu("&Help").actions()
    seen: list[str] = []

    def read_and_close():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, AboutDialog):
            timer.stop()
            qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
            seen.append(QApplication.clipboard().text())
            seen.append(" ".join(label.text() for label in dialog.values.values()))
            dialog.reject()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(read_and_close)
    timer.start()
    try:
        w.menus.act_about.trigger()  # modal: returns when the dialog is closed
    finally:
        timer.stop()
    copied, shown = seen
    for text in (copied, shown):
        assert __version__ in text and records.atlas.version in text
        assert str(Path(records.db.path).resolve()) in text
    assert f"Database schema: {SCHEMA_VERSION}" in copied


def test_the_lock_page_says_one_minute_in_the_singular(qtbot, records):
    from imsmap.ui.first_run import LockPage

    page = LockPage(records)
    qtbot.addWidget(page)
    page.idle.setEnabled(True)
    page.idle.setValue(1)
    assert page.idle.text() == "1 minute without use"
    page.idle.setValue(5)
    assert page.idle.text() == "5 minutes without use"
    page.idle.setValue(0)
    assert page.idle.text() == "only when I lock it (Ctrl+Shift+K)"
