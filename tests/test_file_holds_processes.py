"""Holds on a single-PC file, across operating-system processes (store.file_holds,
services.file_hold, ui.file_holds_window): a draft one process holds is refused to every write
and to a merge from another, in the write's own transaction, with nothing changed; a second
window shows it read-only with who holds it and where; the hold goes when its holder lets go
or is killed (kill -9 included: the kernel releases the lock), and the other side then takes
it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from imsmap.domain.errors import ReadOnlyError
from imsmap.services import merging
from imsmap.services.file_hold import FileRoomHold
from imsmap.store.file_holds import folder_of
from support import spot
from test_patient_merges import split_course
from test_signing_processes import draft_with_a_site, imsmap_check, python
from test_ui_support import close_windows, qt_settings, show_window  # noqa: F401 - fixture

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX's")

# A second window's process: it holds the draft, then does what it is told, line by line.
HOLDER = """
    import sys
    from imsmap.domain.errors import UserFacingError
    from imsmap.services.context import open_context
    from imsmap.services.file_hold import FileRoomHold
    sys.path.insert(0, sys.argv[3])
    from support import spot
    context = open_context(sys.argv[1], actor="ben.physio", create=False)
    records = context.records
    session_id = int(sys.argv[2])
    hold = FileRoomHold(records.file_holds, records.read.session)
    print("mine" if hold.open(session_id).mine else "theirs", flush=True)
    for line in sys.stdin:
        try:
            if line.strip() == "place":
                view, x, y, muscle, side = spot(records.atlas, 5)
                records.add_site(session_id, view, x, y, muscle_id=muscle, side=side, grasp=3)
            elif line.strip() == "sign":
                records.sign_session(session_id)
                hold.open(None)  # as the window: a signed session is held by nobody
            elif line.strip() == "withdraw":
                from imsmap.services.retractions import withdraw_draft
                withdraw_draft(records, session_id, "wrong patient")
                hold.open(None)
            elif line.strip() == "ask":
                hold.refresh()
            elif line.strip() == "release":
                hold.close()
            print("mine" if hold.editable else "done", flush=True)
        except UserFacingError as exc:
            print("refused:", exc, flush=True)
"""


class Holder:
    """The other process, holding ``session_id`` of the file at ``db``."""

    def __init__(self, db, session_id: int):
        self.process = python(HOLDER, db, session_id, os.path.dirname(__file__),
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.first = self.answer()

    def answer(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        assert line, "the holder ended"
        return line

    def tell(self, what: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(what + "\n")
        self.process.stdin.flush()
        return self.answer()

    def kill_9(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


def audit_count(records) -> int:
    return records.db.conn.execute("SELECT count(*) FROM audit").fetchone()[0]


def test_a_draft_another_process_holds_refuses_writes_and_merges_until_it_is_killed(
        open_records_as, db_path):
    records = open_records_as("anna.physio").records
    john, jon, visits = split_course(records)
    draft = records.start_session(jon.id)
    holder = Holder(db_path, draft.id)
    try:
        assert holder.first == "mine"
        before = (audit_count(records), len(records.read.sites_for_session(draft.id)))
        view, x, y, muscle, side = spot(records.atlas, 3)
        with pytest.raises(ReadOnlyError, match="ben.physio has this session open in another "
                           "imsmap window") as refused:
            records.add_site(draft.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        assert "nothing was changed here" in str(refused.value)
        with pytest.raises(ReadOnlyError):
            records.update_session(draft.id, notes="from the second window")
        with pytest.raises(ReadOnlyError):
            records.sign_session(draft.id)
        with pytest.raises(ReadOnlyError, match="ben.physio has a draft of Smith, Jon"):
            merging.merge_records(records, john.id, jon.id, "Same person: DOB typo")
        assert (audit_count(records), len(records.read.sites_for_session(draft.id))) == before
        assert merging.merged_into(records, jon.id) is None
        # the holder writes; this side learns who holds it, and holds nothing
        assert holder.tell("place") == "mine"
        hold = FileRoomHold(records.file_holds, records.read.session)
        theirs = hold.open(draft.id)
        assert theirs is not None and not theirs.mine and theirs.held_by == "ben.physio"
        holder.kill_9()  # the kernel lets go of its lock: no heartbeat, no stale rule
        assert hold.refresh() is not None and hold.editable
        records.add_site(draft.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        assert len(records.read.sites_for_session(draft.id)) == 2
        hold.close()
        merging.merge_records(records, john.id, jon.id, "Same person: DOB typo")
    finally:
        holder.close()
    # nothing of the holds is in the record: the lock files are beside it
    assert list(folder_of(db_path).iterdir()) == []  # the killed holder's file too
    assert records.db.conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name LIKE '%hold%'").fetchone()[0] == 0
    imsmap_check(db_path)


def test_a_write_holds_a_free_draft_until_it_ends_and_a_command_is_refused_a_held_one(
        open_records_as, db_path, tmp_path):
    records = open_records_as("anna.physio").records
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    session_id = draft_with_a_site(records, patient.id, 9)
    hold = FileRoomHold(records.file_holds, records.read.session)
    assert hold.open(session_id) is not None and hold.editable
    before = audit_count(records)
    # `imsmap photo add` from another process: refused with the sentence, nothing added
    photo = tmp_path / "knee.png"
    from PySide6.QtGui import QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    assert image.save(str(photo))
    done = subprocess.run([sys.executable, "-m", "imsmap", "photo", "add", "--db", str(db_path),
                           "--session", str(session_id), str(photo)], capture_output=True,
                          text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode != 0
    assert "has this session open in another imsmap window" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
    assert audit_count(records) == before
    # let go: the command is let in, and holds the draft only while it writes
    hold.close()
    done = subprocess.run([sys.executable, "-m", "imsmap", "photo", "add", "--db", str(db_path),
                           "--session", str(session_id), str(photo)], capture_output=True,
                          text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert audit_count(records) > before
    assert hold.open(session_id) is not None and hold.editable
    hold.close()


def test_a_second_window_shows_a_held_draft_read_only_and_takes_it_once_let_go(
        qtbot, qt_settings, open_records_as, db_path):  # noqa: F811 - the fixture above
    context = open_records_as("anna.physio")
    records = context.records
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    session_id = draft_with_a_site(records, patient.id, 9)
    holder = Holder(db_path, session_id)
    window = show_window(qtbot, context, patient_id=patient.id, session_id=session_id)
    try:
        assert holder.first == "mine"
        banner = window.live.banner
        assert not banner.isHidden()
        assert "ben.physio has this session open in another imsmap window (" in \
            banner.label.text()
        assert "edited once it is closed there" in banner.label.text()
        assert banner.take_button.isHidden()  # a live process's lock is not broken
        assert not window.session_panel.editable
        # Undo's tip names the other window, not "ben.physio in ben.physio@computer"
        assert window.menus.act_undo.toolTip() == (
            "Undo and redo are off: ben.physio in another imsmap window is editing this "
            "session, so nothing is written from here.")
        assert window.session_panel.status.text() == \
            "Draft, open in another imsmap window: read-only here."
        window.edits.select_site(records.read.sites_for_session(session_id)[0].id)
        inspector = window.session_panel.sites.inspector
        assert "read-only (open in another window)" in inspector.header.text()
        assert not window.menus.act_sign.isEnabled()
        # what the holder writes is followed here (read-only)
        assert holder.tell("place") == "mine"
        qtbot.waitUntil(lambda: window.refresh_all(force=False) or
                        len(window.edits.sites) == 2, timeout=6000)
        qtbot.waitUntil(lambda: len(window.edits.sites) == 2, timeout=6000)
        # the holder closes the draft: this window takes it within its next look
        assert holder.tell("release") == "done"
        qtbot.waitUntil(lambda: window.session_panel.editable, timeout=4000)
        assert banner.isHidden()
        assert "no longer has this session open in another imsmap window" in \
            window.statusBar().currentMessage()
        assert window.menus.act_sign.isEnabled()
        # now the holder's writes are refused, nothing changed
        assert holder.tell("ask") == "done"
        assert holder.tell("place").startswith("refused: anna.physio has this session open "
                                               "in another imsmap window")
        assert len(records.read.sites_for_session(session_id)) == 2
    finally:
        holder.close()
        close_windows(qtbot, [window])
    imsmap_check(db_path)


@pytest.mark.parametrize(("done", "words"), [
    ("sign", "ben.physio signed this session on {when}; it is locked now."),
    ("withdraw", "ben.physio withdrew this draft on {when}; it is locked now."),
])
def test_a_window_watching_a_held_draft_says_who_signed_or_withdrew_it_and_when(
        qtbot, qt_settings, open_records_as, db_path, done, words):  # noqa: F811 - fixture
    """Window B shows the draft window A holds (read-only); A signs it, or withdraws it. B
    read it again and showed it locked, saying nothing: its user, watching the draft, now
    reads in the status bar who did it and when (their local time), once."""
    from imsmap.ui.wording import numeric_datetime

    context = open_records_as("anna.physio")
    records = context.records
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    session_id = draft_with_a_site(records, patient.id, 9)
    holder = Holder(db_path, session_id)
    window = show_window(qtbot, context, patient_id=patient.id, session_id=session_id)
    try:
        assert holder.first == "mine" and not window.session_panel.editable
        assert holder.tell(done) == "done"  # written: the next look reads it
        # read again on coming back to the window, or with View > Refresh (F5), whose
        # "Refreshed from the database." does not cover it
        window.refresh_all(force=done == "withdraw")
        assert window.session_panel.session.is_signed or \
            window.session_panel.session.is_withdrawn
        s = records.read.session(session_id)
        at = s.signed_at if done == "sign" else records.read.retraction(session_id).created_at
        assert at is not None
        expected = words.format(when=numeric_datetime(at.astimezone()))
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == expected, timeout=4000)
        assert not window.session_panel.editable
        # read again, nothing new: said once, not again
        window.statusBar().clearMessage()
        window.refresh_all(force=False)
        assert window.statusBar().currentMessage() == ""
    finally:
        holder.close()
        close_windows(qtbot, [window])
    imsmap_check(db_path)


def test_a_window_waiting_for_a_killed_holder_takes_the_draft_and_lets_go_when_closed(
        qtbot, qt_settings, open_records_as, db_path):  # noqa: F811 - the fixture above
    context = open_records_as("anna.physio")
    records = context.records
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    session_id = draft_with_a_site(records, patient.id, 9)
    other = records.create_patient(chart_number="C-2", family_name="Osei")
    holder = Holder(db_path, session_id)
    window = show_window(qtbot, context, patient_id=patient.id, session_id=session_id)
    try:
        assert not window.session_panel.editable and not window.live.banner.isHidden()
        holder.kill_9()
        qtbot.waitUntil(lambda: window.session_panel.editable, timeout=4000)
        assert window.live.banner.isHidden()
        second = Holder(db_path, session_id)
        try:
            assert second.first == "theirs"  # this window holds it now
            window.patients.select_patient(other.id)  # no session: the draft is let go
            qtbot.waitUntil(lambda: window.session_id is None)
            assert second.tell("ask") == "mine"
            assert second.tell("release") == "done"
            window.patients.select_patient(patient.id)
            window.patients.select_session(session_id)
            qtbot.waitUntil(lambda: window.session_panel.editable)
            assert second.tell("ask") == "done"
        finally:
            second.close()
    finally:
        holder.close()
        close_windows(qtbot, [window])
    third = Holder(db_path, session_id)  # the window closed: it holds nothing now
    try:
        assert third.first == "mine"
    finally:
        third.close()


def test_a_holds_folder_that_cannot_be_written_is_said_and_the_window_edits_as_before(
        qtbot, qt_settings, open_records_as, db_path):  # noqa: F811 - the fixture above
    context = open_records_as("anna.physio")
    records = context.records
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    session_id = draft_with_a_site(records, patient.id, 9)
    folder_of(db_path).rmdir()  # empty: the writes above held their draft while they wrote
    folder_of(db_path).write_text("not a folder")  # mkdir and every lock file fail here
    window = show_window(qtbot, context, patient_id=patient.id, session_id=session_id)
    try:
        assert window.session_panel.editable
        label = window.live.status_label
        assert not label.isHidden() and "cannot be written" in label.toolTip()
        view, x, y, muscle, side = spot(records.atlas, 4)
        records.add_site(session_id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        assert len(records.read.sites_for_session(session_id)) == 2
    finally:
        close_windows(qtbot, [window])


def test_opening_a_held_draft_after_one_edited_here_does_not_say_it_was_lost(
        qtbot, qt_settings, open_records_as, db_path):  # noqa: F811 - the fixture above
    context = open_records_as("anna.physio")
    records = context.records
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    held = draft_with_a_site(records, patient.id, 9)
    mine = draft_with_a_site(records, patient.id, 11)
    holder = Holder(db_path, held)
    window = show_window(qtbot, context, patient_id=patient.id, session_id=mine)
    try:
        assert window.session_panel.editable
        window.patients.select_session(held)
        qtbot.waitUntil(lambda: window.session_id == held)
        assert not window.session_panel.editable and not window.live.banner.isHidden()
        assert "read-only here" not in window.statusBar().currentMessage()
        assert holder.tell("ask") == "mine"
        window.patients.select_session(mine)  # back: this window holds it again
        qtbot.waitUntil(lambda: window.session_panel.editable)
    finally:
        holder.close()
        close_windows(qtbot, [window])


def test_two_holders_in_one_process_exclude_each_other_and_a_deleted_file_is_no_hold(tmp_path):
    """Each window has its holds (two windows in one process are two holders), a holder lets
    go by deleting its file while locked, and one whose file was deleted under it finds out."""
    from imsmap.store.file_holds import FileHolds

    db = tmp_path / "clinic.sqlite3"
    db.write_bytes(b"")
    os.chmod(db, 0o660)
    anna, ben = FileHolds(db, "anna.physio", "anna@pc"), FileHolds(db, "ben.physio", "ben@pc")
    assert anna.take(7) is None and anna.holds(7)
    theirs = ben.take(7)
    assert theirs is not None and (theirs.login, theirs.where, theirs.pid) == \
        ("anna.physio", "anna@pc", os.getpid())
    assert ben.elsewhere(7) is not None and anna.elsewhere(7) is None
    assert oct(os.stat(anna.path(7)).st_mode & 0o777) == oct(0o660)  # the database's mode
    anna.release(7)
    assert not anna.path(7).exists()
    assert ben.take(7) is None and ben.still_held(7)
    ben.path(7).unlink()  # someone deletes the holds folder's files under a holder
    assert not ben.still_held(7)
    assert anna.take(7) is None  # a new file: anna holds it, ben finds out at its next look
    ben.release(7)
    assert anna.still_held(7)
    anna.close()
    assert list(folder_of(db).iterdir()) == []
