"""SQLite errors sorted by their error code (issue 14 item 5), each produced for real: another
connection holding the lock, a file that may not grow, a connection SQLite makes read-only, a
trigger of the schema, damaged pages, a file that is not a database, a write-ahead log that cannot
be opened, stored text that is not UTF-8. Each is one sentence that changes nothing; an error of
the code's own (a wrong query, a closed connection, a constraint the services should have
checked) is raised as the bug it is and, in the window, reaches the crash dialog with its log."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from imsmap import paths
from imsmap.domain.errors import ReadOnlyError, UserFacingError
from imsmap.services.records import Records
from imsmap.store import db as store_db
from imsmap.store.db import BusyError, DamagedFileError, Database, StoreError
from imsmap.store.sqlite_errors import Fault, fault_of
from imsmap.ui import errors as ui_errors
from imsmap.ui import file_dialogs
from support import chart_atlas, clinic, open_clinic, outside_edit, spot  # noqa: F401 - clinic: a fixture
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures


def rows(recs: Records) -> dict:
    return {t: recs.db.conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
            for t in ("patients", "sessions", "sites", "audit")}


def raw_error(conn: sqlite3.Connection, sql: str) -> sqlite3.Error:
    """What SQLite itself raises for ``sql`` (no imsmap code in between)."""
    with pytest.raises(sqlite3.Error) as err:
        conn.execute(sql).fetchall()
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    return err.value


# -- the user's and the environment's faults: one sentence, nothing changed -------------------
def test_a_lock_held_by_another_program_is_busy(clinic, db_path, monkeypatch):
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 100)
    clinic.db.conn.execute("PRAGMA busy_timeout = 100")
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        assert fault_of(raw_error(clinic.db.conn, "BEGIN IMMEDIATE")) is Fault.BUSY
        before = rows(clinic)
        with pytest.raises(BusyError, match="busy in another imsmap window or program; "
                                            "nothing was changed"):
            clinic.create_patient(chart_number="C-2", family_name="X")
        assert rows(clinic) == before
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_file_that_may_not_grow_is_a_full_disk(clinic):
    conn = clinic.db.conn
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    big = "x" * 200_000
    conn.execute("BEGIN IMMEDIATE")
    assert fault_of(raw_error(conn, f"UPDATE patients SET notes = '{big}'")) is Fault.FULL
    before = rows(clinic)
    with pytest.raises(StoreError, match="is full; nothing was changed"):
        clinic.create_patient(chart_number="C-2", family_name="X", notes=big[:20_000])
    assert rows(clinic) == before


def test_a_connection_sqlite_keeps_from_writing_is_read_only(clinic):
    clinic.db.conn.execute("PRAGMA query_only = ON")  # SQLite refuses every write: SQLITE_READONLY
    try:
        err = raw_error(clinic.db.conn, "UPDATE patients SET notes = 'x'")
        assert fault_of(err) is Fault.READ_ONLY and err.sqlite_errorname == "SQLITE_READONLY"
        before = rows(clinic)
        with pytest.raises(ReadOnlyError, match="is read-only; nothing was changed"):
            clinic.create_patient(chart_number="C-2", family_name="X")
        assert rows(clinic) == before
    finally:
        clinic.db.conn.execute("PRAGMA query_only = OFF")


def test_a_trigger_protecting_the_record_refuses_in_its_own_words(clinic):
    clinic.sign_session(clinic.session_id)
    err = raw_error(clinic.db.conn, f"DELETE FROM sessions WHERE id = {clinic.session_id}")
    assert fault_of(err) is Fault.PROTECTED
    before = rows(clinic)
    for sql, words in ((f"DELETE FROM patients WHERE id = {clinic.session_id}",
                        "Refused: patient records are never deleted. Nothing was changed."),
                       (f"UPDATE sessions SET notes = 'x' WHERE id = {clinic.session_id}",
                        "Refused: a signed session is locked; add an amendment instead."),
                       ("DELETE FROM audit", "Refused: the audit trail is append-only.")):
        with pytest.raises(ReadOnlyError) as refused, clinic.db.transaction() as conn:
            conn.execute(sql)
        assert str(refused.value).startswith(words)
    assert rows(clinic) == before


def _damaged_copy(clinic, db_path, tmp_path):
    """A copy of the clinic's file with every b-tree page header after the first overwritten."""
    for n in range(40):
        view, x, y, muscle, side = spot(clinic.atlas, n)
        clinic.add_site(clinic.session_id, view, x, y, muscle_id=muscle, side=side,
                        notes="grasp felt " * 50)
    clinic.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    clinic.db.close()
    data = bytearray(db_path.read_bytes())
    for page in range(2, len(data) // 4096):  # every b-tree page header after the first page
        data[page * 4096: page * 4096 + 12] = b"\xff" * 12
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(bytes(data))
    return damaged


def test_damaged_pages_are_a_damaged_file(clinic, db_path, tmp_path):
    damaged = _damaged_copy(clinic, db_path, tmp_path)
    raw = sqlite3.connect(damaged)
    try:
        err = raw_error(raw, "SELECT * FROM sites")
        assert err.sqlite_errorname == "SQLITE_CORRUPT" and fault_of(err) is Fault.DAMAGED
    finally:
        raw.close()
    with pytest.raises(DamagedFileError) as refused:
        recs = open_clinic(damaged)  # the migrations may already read a damaged page
        try:
            recs.db.query("SELECT * FROM sites")
        finally:
            recs.db.close()
    assert str(damaged) in str(refused.value) and "damaged" in str(refused.value)


def test_sqlites_reason_is_said_in_the_users_language(clinic, db_path, tmp_path):
    """SQLite's English "(database disk image is malformed)" sat inside the French sentence;
    its common reasons are said in the user's language, by their error code."""
    from imsmap.i18n.records import sentence_text, speaking

    damaged = _damaged_copy(clinic, db_path, tmp_path)
    with pytest.raises(DamagedFileError) as refused:
        recs = open_clinic(damaged)
        try:
            recs.db.query("SELECT * FROM sites")
        finally:
            recs.db.close()
    with speaking("fr_CA"):
        said = sentence_text(refused.value.message)
    assert "est endommagé (SQLite y trouve une structure malformée)" in said, said
    assert "malformed" not in said
    with speaking("en"):
        assert "is damaged (SQLite finds its structure malformed)" in \
            sentence_text(refused.value.message)


def test_a_file_that_is_not_a_database_is_named(tmp_path):
    path = tmp_path / "letter.sqlite3"
    path.write_bytes(b"Dear Anna Nguyen, " * 400)
    raw = sqlite3.connect(path)
    try:
        assert fault_of(raw_error(raw, "SELECT * FROM sqlite_master")) is Fault.NOT_A_DATABASE
    finally:
        raw.close()
    with pytest.raises(DamagedFileError, match="is not an imsmap database") as refused:
        Database.open(path)
    assert "Anna" not in str(refused.value)
    assert path.read_bytes() == b"Dear Anna Nguyen, " * 400


def test_a_write_ahead_log_that_cannot_be_opened_is_an_io_error(clinic, db_path):
    clinic.db.close()
    wal = db_path.with_name(db_path.name + "-wal")
    wal.unlink(missing_ok=True)
    wal.mkdir()  # something else took the log's name: SQLite cannot open it
    try:
        raw = sqlite3.connect(db_path)
        try:
            assert fault_of(raw_error(raw, "SELECT * FROM patients")) is Fault.IO
        finally:
            raw.close()
        with pytest.raises(StoreError, match="could not be read or written") as refused:
            open_clinic(db_path)
        assert not isinstance(refused.value, DamagedFileError)
    finally:
        wal.rmdir()


def test_stored_text_that_is_not_utf8_is_damage_without_quoting_it(clinic, db_path):
    clinic.db.close()
    outside_edit(db_path, "UPDATE patients SET notes = CAST(x'416e6e61a7ff' AS TEXT)")
    recs = open_clinic(db_path)
    try:
        err = raw_error(recs.db.conn, "SELECT notes FROM patients")
        # sqlite3 raises this one itself, without an SQLite code: fault_of relies on that.
        assert type(err) is sqlite3.OperationalError
        assert getattr(err, "sqlite_errorcode", None) is None
        assert fault_of(err) is Fault.DAMAGED
        with pytest.raises(DamagedFileError) as refused:
            recs.db.query("SELECT notes FROM patients")
        assert "not valid UTF-8" in str(refused.value) and "Anna" not in str(refused.value)
    finally:
        recs.db.close()


# -- the code's own errors: raised as the bugs they are -----------------------------------
def test_programming_errors_in_a_transaction_are_bugs_and_change_nothing(clinic):
    before = rows(clinic)
    bugs = (("UPDATE patients SET no_such_column = 1", sqlite3.OperationalError),  # SQLITE_ERROR
            ("UPDATE patientz SET notes = 1", sqlite3.OperationalError),
            ("SELEC 1", sqlite3.OperationalError),
            ("SELECT ?", sqlite3.ProgrammingError),  # a wrong number of bindings: no code
            # A value the services should have refused: the CHECK constraint catches the bug.
            ("UPDATE sessions SET pain_before = 11", sqlite3.IntegrityError))
    for sql, kind in bugs:
        with pytest.raises(kind) as raised, clinic.db.transaction() as conn:
            conn.execute("UPDATE patients SET notes = 'half an edit'")
            conn.execute(sql)
        assert not isinstance(raised.value, UserFacingError), sql
        assert fault_of(raised.value) is Fault.BUG, sql
        assert rows(clinic) == before, sql
    with pytest.raises(sqlite3.OperationalError, match="no such column"):
        clinic.db.query("SELECT no_such_column FROM patients")  # a read: the same


def test_a_closed_connection_is_a_bug_not_a_sentence(db_path):
    database = Database.open(db_path)
    database.close()
    with pytest.raises(sqlite3.ProgrammingError):
        with database.transaction():
            pass


@pytest.mark.qt_no_exception_capture
def test_the_window_shows_a_programming_error_as_a_bug(window, records, session, monkeypatch,
                                                       tmp_path, capsys):
    """A write with a wrong query used to come back as "The database reported an error" in the
    status bar, as if the user had done something wrong: now it is the crash dialog and the
    crash log, and the transaction changed nothing."""
    import imsmap.report.session_pdf as session_pdf

    def buggy_write(recs, session_id, out_path, **kwargs):
        with recs.db.transaction() as conn:
            conn.execute("UPDATE sessions SET notes = 'exported' WHERE id = ?", (session_id,))
            conn.execute("UPDATE sessions SET exported_att = 1 WHERE id = ?", (session_id,))

    monkeypatch.setattr(session_pdf, "write_session_pdf", buggy_write)
    monkeypatch.setattr(file_dialogs, "save_file_name",
                        lambda *a, **k: (str(tmp_path / "out.pdf"), ""))
    shown, warned = [], []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.detailedText()))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a))
    monkeypatch.setattr(sys, "excepthook", ui_errors.CrashHandler(lambda: window))
    window.menus.act_export.trigger()
    assert len(shown) == 1 and not warned
    assert "sqlite3.OperationalError [SQLITE_ERROR]" in shown[0]
    assert "buggy_write" in shown[0]
    logs = list((paths.data_dir() / "logs").glob("crash-*.log"))
    assert len(logs) == 1 and "sqlite3.OperationalError [SQLITE_ERROR]" in logs[0].read_text()
    assert "reported an error" not in window.statusBar().currentMessage()
    assert records.repo.session(session.id).notes != "exported"
    capsys.readouterr()
