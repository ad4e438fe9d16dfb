"""The clinic's settings written by two processes at once, or by one while another has them open:
the second is refused with a sentence, or keeps what the first wrote; never a silent overwrite.

- Two first starts at once (two computers on one new file, both offered the set-up): both
  found the file new, and the second wrote its clinic over the first's, its practitioner in
  place of the first's. The set-up asks again inside its write.
- The settings dialog left open while another window or program changes the settings: its
  save wrote every field as it had read them, the other's practitioner gone unseen. It keeps
  the other's fields it did not touch, and refuses where it changed one the other changed."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from imsmap.services import clinic
from support import open_clinic
from test_killed_writes import rows
from test_signing_processes import imsmap_check, python

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")

# The first start's set-up, in a process of its own. "hold": it stops at its COMMIT (every
# row written, nothing committed) until told to go on; "tell": it says when it asks for the
# write lock (it has read the file as new by then).
SET_UP = """
    import sys
    import held_writes
    from imsmap.domain.errors import UserFacingError
    from imsmap.services import first_run
    from imsmap.services.context import open_context
    db, name, person, how = sys.argv[1:5]
    records = open_context(db, actor=person.split()[0].lower(), create=False).records
    held_writes.trace(records.db.conn, how)
    try:
        first_run.set_up(records, first_run.ClinicSetup(name, person, "PT-" + name[:3]),
                         expect_new=True)
    except UserFacingError as exc:
        print("refused:", exc, flush=True)
    else:
        print("done", flush=True)
"""


def test_two_first_starts_at_once_set_the_clinic_up_once(db_path):
    open_clinic(db_path).db.close()  # a new, empty file
    first = python(SET_UP, db_path, "Riverside Physio", "Anna Osei", "hold",
                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    second = None
    try:
        assert first.stdout.readline().strip() == "inside", first.stderr.read()
        second = python(SET_UP, db_path, "Lakeside Clinic", "Ben Carter", "tell",
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        # The second found the file new and waits for the first's write to end.
        assert second.stdout.readline().strip() == "asks", second.stderr.read()
        first.stdin.write("\n")
        first.stdin.flush()
        out, errors = first.communicate(timeout=60)
        assert first.returncode == 0 and out.strip() == "done", errors
        out, errors = second.communicate(timeout=60)
    finally:
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert second.returncode == 0, errors
    assert out.strip() == ("refused: This clinic was set up meanwhile (on another computer?); "
                           "nothing was changed. File > Clinic set-up… shows what it holds.")
    records = open_clinic(db_path)
    try:
        settings = clinic.load(records)
        assert settings.clinic_name == "Riverside Physio"
        assert [p.name for p in settings.practitioners] == ["Anna Osei"]
        assert len(records.audit_entries()) == 1
    finally:
        records.db.close()
    imsmap_check(db_path)


# Another window's save of the clinic's settings, in a process of its own: the argument names
# the field it changes.
OTHER_SAVE = """
    import sys
    from dataclasses import replace
    from imsmap.services import clinic
    from imsmap.services.context import open_context
    db, what = sys.argv[1:3]
    records = open_context(db, actor="ben.physio", create=False).records
    started = clinic.load(records)
    if what == "practitioner":
        changed = replace(started, practitioners=started.practitioners + (
            clinic.Practitioner("Ben Carter", "PT-2002", "ben.physio"),))
    else:
        changed = replace(started, paper="Letter")
    clinic.save(records, changed, started)
    print("done", flush=True)
"""


def other_window_saves(db_path, what: str) -> None:
    done = python(OTHER_SAVE, db_path, what, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, errors = done.communicate(timeout=60)
    assert done.returncode == 0 and out.strip() == "done", errors


@pytest.fixture
def set_up_clinic(db_path):
    records = open_clinic(db_path)
    try:
        clinic.save(records, clinic.ClinicSettings(
            clinic_name="Riverside Physio",
            practitioners=(clinic.Practitioner("Anna Osei", "PT-1001", "anna.physio"),)))
    finally:
        records.db.close()
    return db_path


def settings_dialog(qtbot, records):
    from imsmap.ui.record.settings_dialog import SettingsDialog

    dialog = SettingsDialog(records)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_settings_dialog_keeps_what_another_window_saved_while_it_was_open(
        qtbot, set_up_clinic):
    records = open_clinic(set_up_clinic)
    try:
        dialog = settings_dialog(qtbot, records)
        other_window_saves(set_up_clinic, "practitioner")
        dialog.clinic_name.selectAll()
        qtbot.keyClicks(dialog.clinic_name, "Riverside Physiotherapy")
        dialog.paper.setCurrentText("Letter")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.error.text() == ""
        saved = clinic.load(records)
        assert (saved.clinic_name, saved.paper) == ("Riverside Physiotherapy", "Letter")
        assert [p.name for p in saved.practitioners] == ["Anna Osei", "Ben Carter"]
        assert saved.practitioner("Ben Carter").login == "ben.physio"
    finally:
        records.db.close()
    imsmap_check(set_up_clinic)


def test_the_settings_dialog_refuses_a_field_another_window_changed_too(qtbot, set_up_clinic):
    records = open_clinic(set_up_clinic)
    try:
        dialog = settings_dialog(qtbot, records)
        other_window_saves(set_up_clinic, "practitioner")
        before = rows(set_up_clinic)
        dialog.practitioners.item(0, 1).setText("PT-1009")  # Anna's registration, corrected
        dialog.clinic_name.setText("Riverside")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.error.text() == (
            "The clinic's practitioners changed in another window or program after you "
            "opened the settings, so your changes were not saved; nothing was overwritten. "
            "Close the settings and open them again to see them as they are now.")
        assert dialog.isVisible()
        assert rows(set_up_clinic) == before
        saved = clinic.load(records)
        assert saved.clinic_name == "Riverside Physio"
        assert [(p.name, p.registration) for p in saved.practitioners] == [
            ("Anna Osei", "PT-1001"), ("Ben Carter", "PT-2002")]
    finally:
        records.db.close()


def test_a_save_started_from_the_settings_as_they_are_writes_as_before(set_up_clinic):
    records = open_clinic(set_up_clinic)
    try:
        started = clinic.load(records)
        saved = clinic.save(records, replace(started, paper="Letter"), started)
        assert saved == replace(started, paper="Letter")
        entries = [e for e in records.audit_entries() if e.entity == "settings"]
        assert len(entries) == 2 and set(entries[-1].changes) == {"report.paper"}
    finally:
        records.db.close()


# Another window sets its login's PIN and the clinic's idle time, in a process of its own.
OTHER_LOCK = """
    import sys
    from imsmap.services import lock
    from imsmap.services.context import open_context
    records = open_context(sys.argv[1], actor="ben.physio", create=False).records
    lock.save(records, pin="9753", idle_minutes=5, shown_minutes=lock.load(records).idle_minutes)
    print("done", flush=True)
"""


@pytest.mark.parametrize("idle", [None, 20], ids=["idle time left", "idle time changed"])
def test_the_pin_dialog_keeps_or_refuses_an_idle_time_another_window_changed(
        qtbot, set_up_clinic, idle):
    from imsmap.services import lock
    from imsmap.ui.privacy import PinDialog

    records = open_clinic(set_up_clinic)
    try:
        lock.save(records, pin="2468", idle_minutes=10)
        dialog = PinDialog(records)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.idle.value() == 10
        other = python(OTHER_LOCK, set_up_clinic, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, errors = other.communicate(timeout=60)
        assert other.returncode == 0 and out.strip() == "done", errors
        before = rows(set_up_clinic)
        for edit, text in ((dialog.old_pin, "2468"), (dialog.new_pin, "1357"),
                           (dialog.repeat, "1357")):
            qtbot.keyClicks(edit, text)
        if idle is not None:
            dialog.idle.setValue(idle)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        if idle is None:  # the other's idle time kept, this PIN set
            assert dialog.error.text() == ""
            assert lock.load(records).idle_minutes == 5
            assert lock.check_pin(records, "1357")
            return
        assert dialog.error.text() == (
            "The idle time before locking changed in another window or program after you "
            "opened this dialog, so your changes were not saved; nothing was overwritten. "
            "Close it and open it again to see it as it is now.")
        assert dialog.isVisible() and rows(set_up_clinic) == before
        assert lock.check_pin(records, "2468") and lock.load(records).idle_minutes == 5
    finally:
        records.db.close()
