"""A signature across operating-system processes on one database file: it covers what its
signer was shown even when another process changed the draft meanwhile, and a process killed
while signing leaves the session wholly signed (its audit entry, and the backup journal's
record after the next start) or wholly the draft it was; never half of it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from imsmap.services import database_files
from imsmap.services.checks import check_restorable
from imsmap.services.records import content_hash
from imsmap.store import backup_sets as sets
from imsmap.store import restore as rs
from support import open_clinic, spot
from test_ui_support import (  # noqa: F401 - fixture
    click_region,
    close_windows,
    pick_region,
    qt_settings,
    show_window,
    sign_through_dialog,
)

HELPERS = Path(__file__).parent / "helpers"  # the child scripts' own modules (held_writes)


def python(script: str, *args: object, **popen: object) -> subprocess.Popen:
    """`script` run by another Python process, with `args` as its sys.argv[1:] and
    tests/helpers on its path."""
    path = os.pathsep.join(filter(None, (str(HELPERS), os.environ.get("PYTHONPATH"))))
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), *map(str, args)],
                            text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                            "PYTHONPATH": path}, **popen)


def imsmap_check(db: Path) -> str:
    """`imsmap check` in a process of its own: file integrity, signatures, the audit chain."""
    done = subprocess.run([sys.executable, "-m", "imsmap", "check", "--db", str(db)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0 and "All is well." in done.stdout, done.stdout + done.stderr
    return done.stdout


def audit_entries(records) -> int:
    return records.db.conn.execute("SELECT count(*) FROM audit").fetchone()[0]


def signatures_audited(records, session_id: int) -> int:
    return sum(entry.action == "sign" for entry in records.audit_entries(session_id))


def draft_with_a_site(records, patient_id: int, hour: int) -> int:
    session = records.start_session(patient_id, started_at=datetime(2026, 11, 20, hour, 30))
    view, x, y, muscle, side = spot(records.atlas, hour)
    records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
    return session.id


# -- another process changes the draft while the sign dialog is up ---------------------------
OTHER_ROOM = """
    import sys
    from imsmap.services.context import open_context
    context = open_context(sys.argv[1], actor="ben.physio", create=False)
    context.records.update_session(int(sys.argv[2]), notes=sys.argv[3])
    context.close()
"""


def test_a_change_from_another_process_while_the_dialog_is_up_is_not_signed(
        qtbot, qt_settings, open_records_as, db_path, no_file_holds):  # noqa: F811
    """Where the file's holds cannot be kept (else the other process is refused:
    tests/test_file_holds_processes.py)."""
    context = open_records_as("anna.physio")
    records = context.records
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    session_id = draft_with_a_site(records, patient.id, 9)
    window = show_window(qtbot, context, patient_id=patient.id, session_id=session_id)
    try:
        entries = audit_entries(records)
        words = "Ben, in room 2: needle 3 felt near the pleura; ask about breathing."

        def other_process_saves():
            assert python(OTHER_ROOM, db_path, session_id, words).wait(timeout=60) == 0

        sign_through_dialog(qtbot, window, other_process_saves)
        # Refused, with nothing written: the other process's save is the one entry added.
        assert not records.read.session(session_id).is_signed
        assert audit_entries(records) == entries + 1
        assert signatures_audited(records, session_id) == 0
        assert window.session_panel.notes.toPlainText() == words
        assert "changed in another window while you were signing" in \
            window.statusBar().currentMessage()
        # Signed again over what the window now shows: it goes through.
        behind_dialog = sign_through_dialog(qtbot, window)
        signed = records.read.session(session_id)
        assert signed.is_signed and signed.notes == behind_dialog == words
        assert signed.content_hash == content_hash(records.session_record(session_id))
    finally:
        close_windows(qtbot, [window])
    imsmap_check(db_path)


# -- another process signs the draft the window shows ------------------------------------------
SIGNS = """
    import sys
    from imsmap.services.context import open_context
    context = open_context(sys.argv[1], actor="ben.physio", create=False)
    context.records.sign_session(int(sys.argv[2]))
    context.close()
"""


def test_a_tap_on_a_draft_another_process_signed_is_refused_and_the_window_shows_it_signed(
        qtbot, qt_settings, open_records_as, db_path, no_file_holds):  # noqa: F811
    """The window stays the active one (a second login on the same PC, a window never left):
    the tap is refused, and the window then shows the session as the refusal says, signed
    and read-only, not a draft still offering to be signed. Where the file's holds cannot be
    kept: else the other process is refused (tests/test_file_holds_processes.py)."""
    context = open_records_as("anna.physio")
    records = context.records
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    session_id = draft_with_a_site(records, patient.id, 9)
    window = show_window(qtbot, context, patient_id=patient.id, session_id=session_id)
    try:
        assert window.session_panel.editable
        inspector = window.session_panel.sites.inspector
        window.edits.select_site(records.read.sites_for_session(session_id)[0].id)
        assert inspector.editable
        assert python(SIGNS, db_path, session_id).wait(timeout=60) == 0
        click_region(qtbot, window, pick_region(window))
        assert len(records.read.sites_for_session(session_id)) == 1  # refused, nothing added
        assert "This session was signed by ben.physio on " in window.statusBar().currentMessage()
        qtbot.waitUntil(lambda: not window.session_panel.editable, timeout=5000)
        assert "by ben.physio: read-only" in window.session_panel.status.text()
        assert not window.menus.act_sign.isEnabled()
        assert "nothing was changed here" in window.statusBar().currentMessage()  # still said
        # the site editor and the undo stack are locked with it
        assert inspector.site is not None and not inspector.editable
        assert not window.undo_stack.canUndo()
    finally:
        close_windows(qtbot, [window])
    imsmap_check(db_path)


# -- a process killed while it signs -----------------------------------------------------------
SIGNER = """
    import sys
    from imsmap.services import database_files
    from imsmap.services.changes import Action
    from imsmap.services.context import open_context

    db, session_id, where = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    records = open_context(db, actor="anna.physio", create=False).records

    def hold(said):  # say where this process is, and wait there to be killed
        print(said, flush=True)
        sys.stdin.readline()

    def statement(sql):  # each statement on the connection, as it starts
        if where == "transaction" and sql.startswith("INSERT INTO audit_head"):
            hold("inside")  # the signature's last write: session marked, audit entry added

    def after_commit(change):  # as the window: a backup journal record after a signature
        if change.action is Action.SIGN:
            if where == "committed":
                hold("committed")
            database_files.journal_backup(db)

    records.db.conn.set_trace_callback(statement)
    records.bus.subscribe(after_commit)
    records.sign_session(session_id)
    print("signed", flush=True)
"""


@pytest.mark.parametrize("where", ["transaction", "committed"])
def test_a_process_killed_while_signing_leaves_the_session_wholly_signed_or_a_draft(
        db_path, tmp_path, where):
    records = open_clinic(db_path)
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    first, second = (draft_with_a_site(records, patient.id, h) for h in (9, 10))
    full = sets.make_full(records.db).full  # the backup set the journal continues
    draft = records.repo.session(first)
    entries = audit_entries(records)
    records.db.close()

    signer = python(SIGNER, db_path, first, where, stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        said = signer.stdout.readline().strip()
        if where == "transaction":  # it holds the file's write lock: it is mid-transaction
            probe = sqlite3.connect(db_path, timeout=0)
            try:
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    probe.execute("BEGIN IMMEDIATE")
            finally:
                probe.close()
    finally:
        signer.kill()
        errors = signer.communicate(timeout=60)[1]
    assert said == ("inside" if where == "transaction" else "committed"), errors
    assert signer.returncode == -signal.SIGKILL

    imsmap_check(db_path)  # a fresh process: integrity, signatures, the audit chain unbroken
    records = open_clinic(db_path)
    try:
        session = records.repo.session(first)
        if where == "transaction":  # wholly the draft it was: nothing of the signature
            assert session == draft and not session.is_signed
            assert audit_entries(records) == entries
        else:  # wholly signed: the content it had, and its one audit entry
            assert session.is_signed
            assert session.content_hash == content_hash(records.session_record(first))
            assert audit_entries(records) == entries + 1
        assert signatures_audited(records, first) == int(session.is_signed)
        # The next start brings the journal up to date (a signature it missed included), and
        # signing works again: the killed one's draft, if it still is one, and the other.
        records.db.close()
        database_files.scheduled_backup(db_path)
        records = open_clinic(db_path)
        for session_id in (first, second):
            if not records.repo.session(session_id).is_signed:
                records.sign_session(session_id)
        assert sets.append(records.db) is not None  # as the window after a signature
        signed = {s: records.repo.session(s).content_hash for s in (first, second)}
    finally:
        records.db.close()
    imsmap_check(db_path)
    # The backup set (the full backup and its journal) gives both back, signed as they are.
    restored = tmp_path / "restored.sqlite3"
    rs.restore(full, restored, check=check_restorable)
    back = open_clinic(restored)
    try:
        assert {s: back.repo.session(s).content_hash for s in (first, second)} == signed
        assert None not in signed.values()
    finally:
        back.db.close()
