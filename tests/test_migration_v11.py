"""Schema 11 (the folded parts of patients' names, for search) from a schema 10 file: every
patient kept as it was, each one's parts filled in the migration's transaction, and search
finding them by any part; a patient added after is kept up to date with its write."""

from __future__ import annotations

import sqlite3

from imsmap.store import migrations
from imsmap.store.db import APPLICATION_ID, Database
from imsmap.store.repository import Repository

NAMES = [("A-1", "Côté-Roy", "Marie-Ève"), ("A-2", "O'Neil", "Seán"),
         ("A-3", "Tremblay-Lévesque", ""), ("A-4", "Nguyễn Van", "Thi"), ("A-5", "---", "'")]


def _v10_database(path):
    """A file as schema 10 left it, its patients written as stored data (as any imsmap could)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("BEGIN")
    for version, _description, sql in migrations.MIGRATIONS[:10]:
        for statement in migrations.split_statements(sql):
            conn.execute(statement)
        if version in migrations.AFTER_MIGRATION:
            check, finish = migrations.AFTER_MIGRATION[version]
            check(conn)
            for statement in migrations.split_statements(finish):
                conn.execute(statement)
    conn.execute("PRAGMA user_version = 10")
    stamp = ("2025-01-02T09:00:00+00:00", "old.physio")
    for chart, family, given in NAMES:
        conn.execute("INSERT INTO patients (chart_number, family_name, given_name, created_at,"
                     " created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (chart, family, given, *stamp, *stamp))
    conn.execute("COMMIT")
    conn.close()


def test_schema_11_fills_every_patients_name_parts_and_keeps_the_patients(tmp_path):
    path = tmp_path / "old.sqlite3"
    _v10_database(path)
    conn = sqlite3.connect(path)
    before = conn.execute("SELECT * FROM patients ORDER BY id").fetchall()
    conn.close()
    with Database.open(path) as db:
        assert db.schema_version == migrations.SCHEMA_VERSION >= 11
        assert db.conn.execute("SELECT * FROM patients ORDER BY id").fetchall() == before
        parts = {}
        for pid, part in db.conn.execute("SELECT patient_id, part FROM patient_name_parts"):
            parts.setdefault(pid, set()).add(part)
        assert parts[1] == {"cote", "roy", "marie", "eve"}
        assert parts[2] == {"oneil", "o", "neil", "sean"}
        assert parts[3] == {"tremblay", "levesque"}
        assert parts[4] == {"nguyen", "van", "thi"}
        assert 5 not in parts  # a name of punctuation only: nothing to find it by
        repo = Repository(db)
        assert [p.chart_number for p in repo.search_patients("roy eve")] == ["A-1"]
        assert [p.chart_number for p in repo.search_patients("o'neil")] == ["A-2"]
        assert [p.chart_number for p in repo.search_patients("LEV")] == ["A-3"]
        assert [p.chart_number for p in repo.search_patients("nguyen")] == ["A-4"]
        with db.transaction():
            pid = repo.insert_patient({"chart_number": "A-6", "family_name": "Gagné-Roy"},
                                      "2026-12-05T09:00:00+00:00", "test")
        assert [p.id for p in repo.search_patients("gagne")] == [pid]
        assert {p.chart_number for p in repo.search_patients("roy")} == {"A-1", "A-6"}


def test_a_restore_through_the_journal_finds_a_name_changed_after_the_full_backup(
        records, tmp_path):
    """The journal carries the patient row, not its name parts: applying it writes them."""
    import support
    from imsmap.services.checks import check_restorable
    from imsmap.store import backup_sets as sets
    from imsmap.store import restore as rs
    from test_backup_sets import DAY

    patient = records.create_patient(chart_number="C-1", family_name="Gagnon",
                                     given_name="Élise")
    made = sets.make_full(records.db, now=DAY)
    records.update_patient(patient.id, family_name="Gagnon-Côté")
    added = records.create_patient(chart_number="C-2", family_name="D'Amour")
    assert sets.append(records.db) is not None
    restored = tmp_path / "restored.sqlite3"
    rs.restore(made.full, restored, check=check_restorable)
    back = support.open_clinic(restored)
    try:
        assert [p.id for p in back.repo.search_patients("cote")] == [patient.id]
        assert [p.id for p in back.repo.search_patients("amour")] == [added.id]
        assert [p.id for p in back.repo.search_patients("elise gagnon")] == [patient.id]
    finally:
        back.db.close()
