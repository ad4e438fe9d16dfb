"""The server's chart digits (schema 17, as SQLite schema 14 makes them: store.chart_digits): an
upgrade fills every patient's and keeps every patient; one whose fill falls short is refused
whole, the server left at schema 16; and a receptionist's login, changing a chart number, has
its new digits found and its old ones no longer."""

from __future__ import annotations

import pytest

from imsmap.services.context import open_server_context
from imsmap.store import chart_digits, name_order, name_parts
from imsmap.store.postgres import schema, users
from imsmap.store.postgres.connection import connect
from test_migration_v14 import PATIENTS

NOW = "2026-12-06T09:00:00+00:00"
PASSWORD = "digits-secret-123"
BEFORE = 16  # the server schema before the chart digits (17: schema.py)


def _tables(owner) -> list[str]:
    return [r[0] for r in owner.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'imsmap'"
        " ORDER BY 1").fetchall()]


def test_an_upgrade_fills_the_chart_digits_and_keeps_every_patient(pg_server, monkeypatch):
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
            name_parts.insert(owner, [(pid, family, given)], "%s")
        owner.commit()
        before = owner.execute("SELECT * FROM patients ORDER BY id").fetchall()
        tables = _tables(owner)
        owner.commit()
        with monkeypatch.context() as m:  # a fill that falls short: the check refuses it
            m.setitem(schema.FILL_AFTER, 17, (lambda conn, mark: None,
                                              chart_digits.check_filled))
            with pytest.raises(RuntimeError, match="chart digits"):
                schema.apply_migrations(owner)
        owner.rollback()
        assert schema.current_version(owner) == BEFORE and _tables(owner) == tables
        owner.commit()
        assert schema.apply_migrations(owner) == list(range(17, schema.SCHEMA_VERSION + 1))
        assert owner.execute("SELECT * FROM patients ORDER BY id").fetchall() == before
        rows = owner.execute("SELECT patient_id, digits FROM patient_chart_digits").fetchall()
        assert sorted(rows) == sorted(
            (pid, digits) for pid, chart in owner.execute(
                "SELECT id, chart_number FROM patients").fetchall()
            for digits in chart_digits.chart_digits(chart))
        assert ("0006",) in {(d,) for _p, d in rows} and len(rows) == 14
        owner.commit()
    login = f"digits.desk.{dbname[-6:]}"
    users.add_user(dsn, login, "reception", PASSWORD)
    context = open_server_context(pg_server.dsn(dbname, user=login, password=PASSWORD))
    try:
        records = context.records

        def found(text: str) -> list[str]:
            return [p.chart_number for p in records.repo.search_patients(text)]

        assert found("0006") == ["DEMO-0006"] and found("006") == ["DEMO-0006", "2024-0060"]
        assert found("6") == found("06") == ["CL/0600", "DEMO-0006", "2024-0060"]
        assert found("2024") == ["2024-0060"] and found("024") == []
        assert found("luc 6") == ["DEMO-0006"] and found("7") == ["A-7"]
        gagnon = next(p for p in records.repo.search_patients("gagnon"))
        records.update_patient(gagnon.id, chart_number="A-0042")
        assert found("7") == [] and found("42") == found("0042") == ["A-0042"]
        assert found("0006 0006") == ["DEMO-0006"] and found("0" * 30) == []
    finally:
        context.close()
