"""Patient search on the clinic server (store.patient_search): a rare word's patients are
collected from index ranges, the chart number's on the index of its folded form (server schema
11), which an upgrade adds keeping every record; the search's statements are planned with
their values, never a prepared statement's generic plan, and never compiled (JIT). Which
patients it finds, in which order, is tests/test_store_search.py's, on both backends."""

from __future__ import annotations

from imsmap.services.context import open_server_context
from imsmap.store import name_parts
from imsmap.store.postgres import schema, users
from imsmap.store.postgres.connection import connect

NOW = "2026-12-05T09:00:00+00:00"
PASSWORD = "search-secret-123"


def _patients(conn, n: int) -> None:
    """``n`` patients, as stored data (C-1000..., a few family names), with their parts."""
    rows = [(f"C-{1000 + k}", ("Côté-Roy", "Smith", "O'Neil", "Nguyen")[k % 4], f"Ann{k}")
            for k in range(n)]
    with conn.cursor() as cur:
        cur.executemany("INSERT INTO patients (chart_number, family_name, given_name, created_at,"
                        " created_by, updated_at, updated_by) VALUES (%s, %s, %s, %s, 'x', %s,"
                        " 'x')", [(c, f, g, NOW, NOW) for c, f, g in rows])
    ids = conn.execute("SELECT id, family_name, given_name FROM patients").fetchall()
    name_parts.insert(conn, ids, "%s")


def test_an_upgrade_to_schema_11_keeps_every_patient_and_indexes_the_chart_number(
        pg_server, monkeypatch):
    name = pg_server.new_database()
    dsn = pg_server.dsn(name)
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:10])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 10)
    schema.init(dsn)
    monkeypatch.undo()
    with connect(dsn) as owner:
        _patients(owner, 300)
        owner.commit()
        before = owner.execute("SELECT * FROM patients ORDER BY id").fetchall()
        parts = owner.execute("SELECT * FROM patient_name_parts ORDER BY 1, 2").fetchall()
        assert schema.apply_migrations(owner) == [11]
        assert owner.execute("SELECT * FROM patients ORDER BY id").fetchall() == before
        assert owner.execute("SELECT * FROM patient_name_parts ORDER BY 1, 2").fetchall() == parts
        owner.execute("SET enable_seqscan = off")  # the index can be used (300 rows: a scan)
        plan = "\n".join(r[0] for r in owner.execute(
            "EXPLAIN SELECT id FROM patients WHERE lower(chart_number) LIKE lower('C-12%')"))
        owner.commit()
    assert "patients_chart_folded" in plan, plan


def test_the_search_is_planned_with_its_values_and_never_compiled(pg_server, clinic_dsn):
    with connect(clinic_dsn) as owner:
        _patients(owner, 300)
        owner.execute("ANALYZE patients")
        owner.commit()
    login = "search.physio." + clinic_dsn.split("dbname=")[1].split()[0][-6:]
    users.add_user(clinic_dsn, login, "practitioner", PASSWORD)
    context = open_server_context(pg_server.dsn(clinic_dsn.split("dbname=")[1].split()[0],
                                                user=login, password=PASSWORD))
    try:
        repo = context.records.repo
        conn = repo.db.conn
        for _ in range(12):  # psycopg prepares a statement run five times
            assert len(repo.search_patients("C-129")) == 10
            assert [p.family_name for p in repo.search_patients("côté ann1")][:2] == [
                "Côté-Roy", "Côté-Roy"]
        prepared = [r[0] for r in conn.execute("SELECT statement FROM pg_prepared_statements")]
        assert not [s for s in prepared if "patient_name_parts" in s], prepared
        assert conn.execute("SHOW jit").fetchone()[0] == "off"
        # ... and the chart number's prefix is a range on its index
        conn.execute("SET enable_seqscan = off")
        plan = "\n".join(r[0] for r in conn.execute(
            "EXPLAIN SELECT id FROM patients WHERE lower(chart_number) LIKE lower(?)"
            " ESCAPE '\\'", ("C-12%",)))
        assert "patients_chart_folded" in plan, plan
    finally:
        context.close()
