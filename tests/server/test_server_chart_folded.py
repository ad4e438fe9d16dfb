"""Server schema 18, SQLite schema 15's counterpart (an index of the folded chart number): the
server has had its own since schema 13 (patients_chart_folded_number), so the upgrade makes
nothing and keeps every patient; a number in other capitals is found through that index, as
a file finds it through schema 15's (tests/test_migration_v15.py)."""

from __future__ import annotations

from imsmap.services.context import open_server_context
from imsmap.store import name_order, name_parts
from imsmap.store.postgres import schema, users
from imsmap.store.postgres.connection import connect

NOW = "2026-12-07T09:00:00+00:00"
PASSWORD = "folded-secret-123"
BEFORE = 17  # the server schema before (18: schema.py)


def test_the_upgrade_keeps_every_patient_and_the_folded_number_is_found_by_its_index(
        pg_server, monkeypatch):
    dbname = pg_server.new_database()
    dsn = pg_server.dsn(dbname)
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:BEFORE])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", BEFORE)
    schema.init(dsn)
    monkeypatch.undo()
    with connect(dsn) as owner:
        for chart, family in (("DEMO-0001", "Roy"), ("demo-0001", "Côté"), ("C-7", "Gagnon")):
            pid = owner.execute(
                "INSERT INTO patients (chart_number, family_name, given_name, created_at,"
                " created_by, updated_at, updated_by) VALUES (%s, %s, '', %s, 'x', %s, 'x')"
                " RETURNING id", (chart, family, NOW, NOW)).fetchone()[0]
            name_order.insert(owner, [(pid, family, "")], "%s")
            name_parts.insert(owner, [(pid, family, "")], "%s")
        owner.commit()
        before = owner.execute("SELECT * FROM patients ORDER BY id").fetchall()
        owner.commit()
        assert schema.apply_migrations(owner) == [18]
        assert owner.execute("SELECT * FROM patients ORDER BY id").fetchall() == before
        assert owner.execute("SELECT sqlite_schema FROM imsmap.schema_version"
                             " WHERE version = 18").fetchone() == (15,)
        owner.execute("ANALYZE imsmap.patients")
        owner.commit()
    login = f"folded.physio.{dbname[-6:]}"
    users.add_user(dsn, login, "practitioner", PASSWORD)
    context = open_server_context(pg_server.dsn(dbname, user=login, password=PASSWORD))
    try:
        records = context.records
        assert [p.chart_number for p in records.repo.patients_by_chart_number_folded(
            "Demo-0001")] == ["DEMO-0001", "demo-0001"]
        conn = records.db.conn
        conn.execute("SET enable_seqscan = off")  # three rows: only whether it can
        plan = " ".join(r[0] for r in conn.execute(
            "EXPLAIN SELECT id FROM patients WHERE lower(chart_number) = lower(?)"
            " ORDER BY id", ("c-7",)).fetchall())
        conn.execute("RESET enable_seqscan")
        assert "patients_chart_folded_number" in plan, plan
    finally:
        context.close()
