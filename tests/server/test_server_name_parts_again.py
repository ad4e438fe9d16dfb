"""The server's name parts made again as SQLite schema 13 makes them (« œ » and « æ » read as
« oe » and « ae »): an upgrade keeps every patient, gives each remade part its patient's order
keys, and « oe » and « lae » typed then find Œuvre and Lætitia."""

from __future__ import annotations

from imsmap.services.context import open_server_context
from imsmap.store import name_order, name_parts
from imsmap.store.postgres import schema, users
from imsmap.store.postgres.connection import connect
from test_migration_v13 import PATIENTS, _schema_12_parts

NOW = "2026-12-05T09:00:00+00:00"
PASSWORD = "search-secret-123"
BEFORE = 15  # the server schema before the parts are made again (16: schema.py)


def test_an_upgrade_makes_the_name_parts_again_and_keeps_every_patient(pg_server,
                                                                        monkeypatch):
    dbname = pg_server.new_database()
    dsn = pg_server.dsn(dbname)
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:BEFORE])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", BEFORE)
    schema.init(dsn)
    monkeypatch.undo()
    with connect(dsn) as owner:
        for chart, family, given in PATIENTS:  # as the server schema before wrote them
            pid = owner.execute(
                "INSERT INTO patients (chart_number, family_name, given_name, created_at,"
                " created_by, updated_at, updated_by) VALUES (%s, %s, %s, %s, 'x', %s, 'x')"
                " RETURNING id", (chart, family, given, NOW, NOW)).fetchone()[0]
            name_order.insert(owner, [(pid, family, given)], "%s")
            for part in sorted(_schema_12_parts(family, given)):
                owner.execute("INSERT INTO patient_name_parts (patient_id, part) VALUES"
                              " (%s, %s)", (pid, part))
        owner.commit()
        before = owner.execute("SELECT * FROM patients ORDER BY id").fetchall()
        assert schema.apply_migrations(owner) == [m[0] for m in schema.MIGRATIONS[BEFORE:]]
        assert owner.execute("SELECT * FROM patients ORDER BY id").fetchall() == before
        parts = owner.execute("SELECT patient_id, part FROM patient_name_parts").fetchall()
        assert sorted(parts) == sorted(
            (pid, part) for pid, _chart, family, given in owner.execute(
                "SELECT id, chart_number, family_name, given_name FROM patients").fetchall()
            for part in name_parts.name_parts(family, given))
        assert owner.execute(  # each with its patient's order keys (the parts' trigger)
            "SELECT count(*) FROM patient_name_parts n JOIN patient_order o USING (patient_id)"
            " WHERE (n.family_key, n.given_key, n.tie_key) = (o.family_key, o.given_key,"
            " o.tie_key)").fetchone()[0] == len(parts)
        owner.commit()
    login = f"again.physio.{dbname[-6:]}"
    users.add_user(dsn, login, "practitioner", PASSWORD)
    context = open_server_context(pg_server.dsn(dbname, user=login, password=PASSWORD))
    try:
        repo = context.records.repo

        def found(text: str) -> list[str]:
            return [p.family_name for p in repo.search_patients(text)]

        assert found("oe") == ["Œuvre"] and found("LAE") == ["Roy"]
        assert found("oeuv") == ["Œuvre"] and found("o'neil") == ["O'Neil"]
    finally:
        context.close()
