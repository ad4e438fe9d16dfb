"""The SQLite store against real temporary database files: schema, pragmas, identity checks,
the hash-chained audit trail and the triggers that keep records from being changed or deleted."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import stat
import sys
from datetime import datetime

import pytest

from imsmap.domain.errors import ReadOnlyError
from imsmap.services.context import build_context
from imsmap.store import audit
from imsmap.store.db import APPLICATION_ID, Database, StoreError
from imsmap.store.migrations import SCHEMA_VERSION, apply_migrations
from support import chart_atlas, spot


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _schema(conn):
    return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall(),
                  key=lambda r: (r[0], r[1]))


@pytest.fixture
def db(db_path):
    database = Database.open(db_path)
    yield database
    database.close()


@pytest.fixture
def signed(db_path):
    """A database holding one patient with a signed session that has one site."""
    atlas = chart_atlas()
    with Database.open(db_path) as database:
        recs = build_context(database, atlas, actor="test.physio").records
        patient = recs.create_patient(chart_number="S-1", family_name="Rossi")
        session = recs.start_session(patient.id, started_at=datetime(2026, 11, 2, 10, 0))
        view_id, x, y, muscle, side = spot(atlas)
        site = recs.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side, grasp=2)
        recs.sign_session(session.id)
        recs.amend_session(session.id, "Late entry", "Patient reported no soreness.")
    return session.id, site.id


# -- schema and migrations ------------------------------------------------------------------


def test_new_database_gets_the_current_schema(db):
    assert SCHEMA_VERSION >= 1
    assert db.schema_version == SCHEMA_VERSION
    assert db.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    tables = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"patients", "sessions", "sites", "amendments", "audit", "settings"} <= tables


def test_reopening_is_idempotent(db_path):
    with Database.open(db_path) as first:
        before = _schema(first.conn)
        assert apply_migrations(first.conn) == []
    with Database.open(db_path) as again:
        assert again.schema_version == SCHEMA_VERSION
        assert _schema(again.conn) == before


def test_pragmas_for_safe_writes(db):
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    assert db.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_database_file_is_private(db, db_path):
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


# -- refusing files that are not ours -------------------------------------------------------


def test_newer_schema_is_refused_naming_both_versions(db_path, tmp_path):
    Database.open(db_path).close()
    newer = tmp_path / "newer.sqlite3"
    shutil.copy(db_path, newer)
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    digest = _digest(newer)
    with pytest.raises(StoreError) as info:
        Database.open(newer)
    message = str(info.value)
    assert "99" in message and str(SCHEMA_VERSION) in message
    assert message.endswith(".") and "\n" not in message
    assert _digest(newer) == digest


def test_sqlite_file_of_another_program_is_refused_untouched(tmp_path):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('not ours')")
    conn.commit()
    conn.close()
    digest = _digest(other)
    with pytest.raises(StoreError, match="not an imsmap one"):
        Database.open(other)
    assert _digest(other) == digest  # not even switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite3"]


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_bytes(b"these are my notes, not a database\n" * 10)
    with pytest.raises(StoreError, match="not an SQLite file"):
        Database.open(text)
    assert text.read_bytes() == b"these are my notes, not a database\n" * 10


def test_damaged_sqlite_file_is_refused(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    before = bad.read_bytes()
    with pytest.raises(StoreError):
        Database.open(bad)
    assert bad.read_bytes() == before


def test_folder_missing_parent_and_missing_file(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        Database.open(tmp_path)
    with pytest.raises(StoreError, match="does not exist"):
        Database.open(tmp_path / "nowhere" / "clinic.sqlite3")
    with pytest.raises(StoreError, match="There is no database"):
        Database.open(tmp_path / "absent.sqlite3", create=False)
    assert list(tmp_path.iterdir()) == []


# -- the audit trail ------------------------------------------------------------------------


def test_chain_verifies_and_a_raw_edit_breaks_it(signed, db_path):
    with Database.open(db_path) as database:
        assert audit.verify_chain(database.conn) == []
        n = database.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
        assert n >= 4
        # Someone with a SQLite shell removes the guard and rewrites history.
        database.conn.execute("DROP TRIGGER audit_append_only_update")
        database.conn.execute("UPDATE audit SET actor = 'mallory' WHERE id = 2")
        problems = audit.verify_chain(database.conn)
    # Compact entries store their link on every 16th entry and the newest in audit_head: the
    # edit is found within its block (here the newest entries, 1 to n).
    assert problems and f"audit entries (1-{n})" in problems[0] and "altered" in problems[0]


def test_removing_an_entry_breaks_the_chain(signed, db_path):
    with Database.open(db_path) as database:
        database.conn.execute("DROP TRIGGER audit_append_only_delete")
        database.conn.execute("DELETE FROM audit WHERE id = 2")
        problems = audit.verify_chain(database.conn)
    assert any("missing" in p for p in problems)


def test_audit_trail_is_append_only(signed, db_path):
    with Database.open(db_path) as database:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            database.conn.execute("UPDATE audit SET actor = 'x' WHERE id = 1")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            database.conn.execute("DELETE FROM audit")


# -- records cannot be changed once signed, nor deleted -------------------------------------


def test_raw_update_of_a_signed_session_is_refused(signed, db_path):
    session_id, site_id = signed
    with Database.open(db_path) as database:
        with pytest.raises(sqlite3.IntegrityError, match="signed session is locked"):
            database.conn.execute("UPDATE sessions SET pain_before = 1 WHERE id = ?",
                                  (session_id,))
        with pytest.raises(sqlite3.IntegrityError, match="signed session is locked"):
            database.conn.execute("UPDATE sites SET grasp = 0 WHERE id = ?", (site_id,))
        with pytest.raises(sqlite3.IntegrityError, match="signed session is locked"):
            database.conn.execute(
                "INSERT INTO sites (session_id, seq, muscle_id, side, view_id, x, y, created_at,"
                " created_by, updated_at, updated_by) VALUES (?, 9, 'deltoid_middle', 'R',"
                " 'anterior', 1, 1, 'x', 'x', 'x', 'x')", (session_id,))


def test_the_same_refusal_through_a_transaction_is_a_sentence(signed, db_path):
    session_id, _ = signed
    with Database.open(db_path) as database:
        with pytest.raises(ReadOnlyError, match="Refused: a signed session is locked"):
            with database.transaction() as conn:
                conn.execute("UPDATE sessions SET notes = 'x' WHERE id = ?", (session_id,))


@pytest.mark.parametrize("table", ["patients", "sessions", "sites", "amendments"])
def test_clinical_rows_are_never_deleted(signed, db_path, table):
    with Database.open(db_path) as database:
        before = database.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
            database.conn.execute(f"DELETE FROM {table}")
        after = database.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    assert after == before


def test_transaction_rolls_back_everything_on_error(db):
    with pytest.raises(RuntimeError):
        with db.transaction() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
            raise RuntimeError("bug")
    assert db.conn.execute("SELECT count(*) FROM settings").fetchone()[0] == 0


def test_readonly_database_refuses_writes_with_a_sentence(db_path):
    Database.open(db_path).close()
    with Database.open(db_path, readonly=True) as database:
        with pytest.raises(ReadOnlyError, match="read-only"):
            with database.transaction():
                pass
