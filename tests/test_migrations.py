"""Schema migrations keep every existing record."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from imsmap.store import migrations
from imsmap.store.db import APPLICATION_ID, Database
from imsmap.store.repository import Repository


def _v1_database(path):
    """A database as imsmap's first schema left it, with a patient, a session and a site."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for statement in migrations.split_statements(migrations.MIGRATIONS[0][2]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    stamp = ("2025-01-02T09:00:00+00:00", "old.physio")
    conn.execute("INSERT INTO patients (chart_number, family_name, given_name, created_at,"
                 " created_by, updated_at, updated_by) VALUES ('A-1', 'Okafor', 'Ada', ?, ?, ?, ?)",
                 stamp * 2)
    conn.execute("INSERT INTO sessions (patient_id, started_at, pain_before, atlas_version,"
                 " created_at, created_by, updated_at, updated_by)"
                 " VALUES (1, '2025-01-02T09:00:00+00:00', 6, '2025.1', ?, ?, ?, ?)", stamp * 2)
    conn.execute("INSERT INTO sites (session_id, seq, muscle_id, side, view_id, x, y, grasp,"
                 " created_at, created_by, updated_at, updated_by)"
                 " VALUES (1, 1, 'gluteus_medius', 'R', 'posterior', 400, 900, 2, ?, ?, ?, ?)",
                 stamp * 2)
    conn.close()


def test_upgrading_an_old_database_keeps_its_records(tmp_path):
    path = tmp_path / "old.sqlite3"
    _v1_database(path)
    with Database.open(path) as db:
        assert db.schema_version == migrations.SCHEMA_VERSION
        patient = db.query_one("SELECT * FROM patients")
        session = db.query_one("SELECT * FROM sessions")
        site = Repository(db).site(1)
        assert (patient["chart_number"], patient["family_name"]) == ("A-1", "Okafor")
        assert session["pain_before"] == 6 and session["consent"] == 0
        assert (site.muscle_id, site.side.value, site.grasp) == ("gluteus_medius", "R", 2)
        assert (site.view_id, site.layer, site.x, site.y) == ("posterior", "superficial", 400, 900)
        assert site.created_at == datetime(2025, 1, 2, 9, tzinfo=UTC)
        assert (site.created_by, site.updated_by) == ("old.physio", "old.physio")
        # No views: with one in the schema SQLite 3.40's integrity_check skips the free list.
        assert db.query_one("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'view'")["n"] == 0
    # Opening again applies nothing more.
    with Database.open(path) as db:
        assert db.schema_version == migrations.SCHEMA_VERSION
        assert db.query_one("SELECT count(*) AS n FROM sites")["n"] == 1


def test_migrations_are_numbered_in_order_and_only_add():
    versions = [v for v, _, _ in migrations.MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))
    for _, _, sql in migrations.MIGRATIONS:
        upper = sql.upper()
        assert "DROP TABLE" not in upper and "DROP COLUMN" not in upper
        assert "DELETE FROM" not in upper
    # The one place a table is dropped: schema 4 replaces sites and audit by their rebuilt
    # copies, after migration_v4.check compared every row (tests/test_migration_v4.py).
    for _check, finish in migrations.AFTER_MIGRATION.values():
        dropped = [s.split()[2].rstrip(";") for s in migrations.split_statements(finish)
                   if s.upper().startswith("DROP TABLE")]
        assert dropped == ["sites", "audit"]
        assert "DELETE FROM" not in finish.upper() and "DROP COLUMN" not in finish.upper()
