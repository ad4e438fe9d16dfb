"""A room's window never freezes behind another transaction's lock (the walk of 7 December: a
session's row held from psql, and signing in a window froze it with no end in sight).

The window's connection waits for a row or table lock LOCK_WAIT_S at most (its lock_timeout);
then the write is refused, nothing of it written, with one sentence, and what was typed stays
where it was typed: the sign dialog's registration number, a draft's notes. Once the other
transaction ends, the same gesture goes through. The administrator's commands (upgrade,
restore, check, import...) connect without the bound: they wait for their locks.

The other transaction here is a superuser's psql-like connection that holds the session's row
FOR UPDATE; it ends itself after HOLD_S idle (idle_in_transaction_session_timeout), so that
without the bound a test fails (the write went through late) instead of hanging."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt

from imsmap.domain.errors import UserFacingError
from imsmap.services.context import open_server_context
from imsmap.store.postgres import schema
from imsmap.store.postgres.connection import IDLE_IN_TRANSACTION_S, LOCK_WAIT_S, connect
from imsmap.ui.record.sign_amend import SignDialog
from test_ui_french import french  # noqa: F401 - a fixture
from test_ui_support import click_chart, close_windows, qt_settings, show_window  # noqa: F401

HOLD_S = 20  # the other transaction's own end, well past LOCK_WAIT_S
BUSY = "Another room or program is writing on the clinic server right now"
BUSY_FR = "Une autre salle ou un autre programme enregistre sur le serveur de la clinique"


@contextlib.contextmanager
def row_held(dsn: str, session_id: int) -> Iterator[None]:
    """The session's row held FOR UPDATE by another transaction until the block ends (or
    HOLD_S idle, whichever comes first)."""
    other = connect(dsn, application_name="psql")
    try:
        other.execute(f"SET idle_in_transaction_session_timeout = '{HOLD_S}s'")
        other.execute("SELECT id FROM sessions WHERE id = %s FOR UPDATE", (session_id,))
        yield
    finally:
        with contextlib.suppress(Exception):
            other.rollback()
        other.close()


def _one(dsn: str, sql: str, params: tuple = ()) -> object:
    with connect(dsn) as conn:
        row = conn.execute(sql, params).fetchone()
        return None if row is None else row[0]


def _setting(conn) -> str:
    return str(conn.execute("SHOW lock_timeout").fetchone()[0])


def _idle(conn) -> str:
    """How long a transaction of the connection may stand idle before the server ends it."""
    return str(conn.execute("SHOW idle_in_transaction_session_timeout").fetchone()[0])


@pytest.fixture
def room(qtbot, qt_settings, people):  # noqa: F811 - the fixture imported above
    """(the practitioner's context, a window on a new draft of a new patient, the draft)."""
    context = open_server_context(people["practitioner"][1])
    records = context.records
    patient = records.create_patient(chart_number="L-1", family_name="Roy")
    # A practitioner the clinic's list does not hold: the sign dialog asks for the number.
    draft = records.start_session(patient.id, practitioner="Dana Roy, PT")
    w = show_window(qtbot, context, patient_id=patient.id, session_id=draft.id)
    try:
        yield context, w, draft
    finally:
        close_windows(qtbot, [w])
        context.close()


def _sign_dialog(qtbot, context, w, draft) -> SignDialog:
    dialog = SignDialog(context.records, draft.id, w)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.registration is not None
    qtbot.keyClicks(dialog.registration.number, "PT-4471")
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, dialog.confirm.height() // 2))
    return dialog


def _spot(w) -> tuple[float, float]:
    """The label point of a big region of the chart shown, which a tap there hits."""
    scene = w.chart.scene
    for region in scene.chart.regions():
        x, y = region.label
        if region.contains(x, y) and scene.region_at(x, y) is region and region.area > 2000:
            return x, y
    raise AssertionError("no big region on the chart shown")


def _timed(gesture) -> float:
    start = time.monotonic()
    gesture()
    return time.monotonic() - start


def test_signing_behind_a_held_row_is_refused_within_the_bound_and_signs_after(
        qtbot, room, clinic_dsn):
    context, w, draft = room
    dialog = _sign_dialog(qtbot, context, w, draft)
    with row_held(clinic_dsn, draft.id):
        took = _timed(lambda: qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton))
        assert took < LOCK_WAIT_S + 3, f"the window waited {took:.1f} s"
        assert took >= LOCK_WAIT_S - 0.5  # it did wait for the other room, a while
        said = dialog.error.text()
        assert BUSY in said and "nothing was changed" in said, said
        assert "\n" not in said and "Traceback" not in said
        # The dialog stays, with what was typed; nothing of the signature was written.
        assert dialog.isVisible() and dialog.registration is not None
        assert dialog.registration.number.text() == "PT-4471"
        assert _one(clinic_dsn, "SELECT status FROM sessions WHERE id = %s",
                    (draft.id,)) == "draft"
        assert _one(clinic_dsn, "SELECT practitioner_registration FROM sessions WHERE id = %s",
                    (draft.id,)) in (None, "")
    # The other transaction ended: the same click signs, with the number typed.
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    signed = context.records.read.session(draft.id)
    assert signed.is_signed and signed.practitioner_registration == "PT-4471"


def test_notes_and_a_tap_behind_a_held_row_are_refused_and_kept_then_saved(
        qtbot, room, clinic_dsn, french):  # noqa: F811
    context, w, draft = room
    panel = w.session_panel
    x, y = _spot(w)
    with row_held(clinic_dsn, draft.id):
        panel.notes.setFocus()
        qtbot.keyClicks(panel.notes, "Trigger points L4-L5")
        took = _timed(panel.save_notes)
        assert took < LOCK_WAIT_S + 3, f"the window waited {took:.1f} s"
        said = w.statusBar().currentMessage()
        assert BUSY_FR in said, said
        assert panel.notes.toPlainText() == "Trigger points L4-L5"  # kept in its field
        assert _one(clinic_dsn, "SELECT notes FROM sessions WHERE id = %s",
                    (draft.id,)) in (None, "")
        # A tap on the chart: no site, the same sentence, in seconds. Two writes wait, each
        # bounded: the notes, saved as the tap takes the focus from their box, then the site.
        took = _timed(lambda: click_chart(qtbot, w, x, y))
        assert took < 2 * LOCK_WAIT_S + 3, f"the window waited {took:.1f} s"
        assert BUSY_FR in w.statusBar().currentMessage()
        assert len(w.edits.sites) == 0
        assert _one(clinic_dsn, "SELECT count(*) FROM sites WHERE session_id = %s",
                    (draft.id,)) == 0
    assert panel.save_notes()
    assert context.records.read.session(draft.id).notes == "Trigger points L4-L5"
    click_chart(qtbot, w, x, y)
    assert len(w.edits.sites) == 1
    assert _one(clinic_dsn, "SELECT count(*) FROM sites WHERE session_id = %s",
                (draft.id,)) == 1


def test_only_the_window_waits_so_little(qtbot, room, clinic_dsn, people, pg_server):
    """The window's connection has the bound, and keeps it on a connection made again; the
    connections of the administrator's commands (upgrade's, restore's, check's: connect(),
    and a command's services: open_server_context) have none, PostgreSQL's default (0: as long
    as it takes), so a migration waits for its locks: a command's write behind the held row
    is still waiting after the window's bound, and is done once the row is let go. The same
    for a transaction that stands idle: the window's is ended after IDLE_IN_TRANSACTION_S (a
    room hung in a write holds the others no longer), a command's never (a check works
    between statements inside its snapshot as long as it takes)."""
    context, w, _draft = room
    conn = context.records.db.conn
    assert _setting(conn.pg) == f"{LOCK_WAIT_S}s"
    assert _idle(conn.pg) == f"{IDLE_IN_TRANSACTION_S}s"
    with connect(clinic_dsn) as admin:  # as `imsmap server upgrade` / restore connect
        assert _setting(admin) == "0" and _idle(admin) == "0"
    command = open_server_context(people["practitioner"][1])  # as `imsmap check --dsn`...
    try:
        assert _setting(command.records.db.conn.pg) == "0"
        assert _idle(command.records.db.conn.pg) == "0"
        # A command's write behind the held row waits past the window's bound, then is done.
        done: list[object] = []
        writer = threading.Thread(target=lambda: done.append(command.records.update_session(
            _draft.id, notes="written by a command")))
        with row_held(clinic_dsn, _draft.id):
            writer.start()
            writer.join(LOCK_WAIT_S + 2)
            assert writer.is_alive() and not done  # still waiting, not refused
        writer.join(30)
        assert not writer.is_alive() and len(done) == 1
        assert context.records.read.session(_draft.id).notes == "written by a command"
    finally:
        command.close()
    # The window's connection cut by the server, made again off its thread: still bounded.
    with connect(clinic_dsn, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (conn.pg.info.backend_pid,))
    with contextlib.suppress(UserFacingError):
        conn.check()  # found lost: made again on a thread of its own, taken by the window
    qtbot.waitUntil(lambda: not conn.lost and not conn.reconnecting, timeout=15000)
    assert _setting(conn.pg) == f"{LOCK_WAIT_S}s"
    assert _idle(conn.pg) == f"{IDLE_IN_TRANSACTION_S}s"
    assert schema.current_version(conn.pg) == schema.SCHEMA_VERSION
