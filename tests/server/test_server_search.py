"""Patient search on the clinic server (store.patient_search): a rare word's patients are
collected from index ranges, the chart number's on the index of its folded form (server schema
11; since schema 13 carrying the chart number, so that a count reads no row), which an upgrade
adds keeping every record; the search's statements are planned with
their values, never a prepared statement's generic plan, and never compiled (JIT). Which
patients it finds, in which order, is tests/test_store_search.py's, on both backends."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from imsmap.services.context import open_server_context
from imsmap.store import name_order, name_parts, patient_search
from imsmap.store.postgres import schema, users
from imsmap.store.postgres.connection import connect
from imsmap.store.postgres.database import ServerConnection

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import server_search  # noqa: E402  (the benchmark's clinic: its names, by their weights)

NOW = "2026-12-05T09:00:00+00:00"
PASSWORD = "search-secret-123"


def _patients(conn, n: int) -> None:
    """``n`` patients, as stored data (C-1000..., a few family names), with their parts (and,
    from server schema 14, their order keys first, as the app writes them)."""
    rows = [(f"C-{1000 + k}", ("Côté-Roy", "Smith", "O'Neil", "Nguyen", "Émond")[k % 5],
             f"Ann{k}") for k in range(n)]
    with conn.cursor() as cur:
        cur.executemany("INSERT INTO patients (chart_number, family_name, given_name, created_at,"
                        " created_by, updated_at, updated_by) VALUES (%s, %s, %s, %s, 'x', %s,"
                        " 'x')", [(c, f, g, NOW, NOW) for c, f, g in rows])
    ids = conn.execute("SELECT id, family_name, given_name FROM patients").fetchall()
    if conn.execute("SELECT to_regclass('patient_order') IS NOT NULL").fetchone()[0]:
        name_order.insert(conn, ids, "%s")
    name_parts.insert(conn, ids, "%s")


def _login(pg_server, clinic_dsn: str, role: str = "practitioner") -> str:
    dbname = clinic_dsn.split("dbname=")[1].split()[0]
    login = f"search.{role}.{dbname[-6:]}"
    users.add_user(clinic_dsn, login, role, PASSWORD)
    return pg_server.dsn(dbname, user=login, password=PASSWORD)


def _database_at(version: int, pg_server, monkeypatch) -> str:
    """A new clinic database made by the server schema of `version` (its owner's DSN)."""
    dsn = pg_server.dsn(pg_server.new_database())
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:version])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", version)
    schema.init(dsn)
    monkeypatch.undo()
    return dsn


def test_an_upgrade_to_schema_11_keeps_every_patient_and_indexes_the_chart_number(
        pg_server, monkeypatch):
    dsn = _database_at(10, pg_server, monkeypatch)
    with connect(dsn) as owner:
        _patients(owner, 300)
        owner.commit()
        before = owner.execute("SELECT * FROM patients ORDER BY id").fetchall()
        parts = owner.execute("SELECT * FROM patient_name_parts ORDER BY 1, 2").fetchall()
        assert schema.apply_migrations(owner) == list(range(11, schema.SCHEMA_VERSION + 1))
        assert owner.execute("SELECT * FROM patients ORDER BY id").fetchall() == before
        assert owner.execute("SELECT part, patient_id FROM patient_name_parts ORDER BY 1, 2"
                             ).fetchall() == parts
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


def test_an_upgrade_to_schema_12_keeps_every_part_and_gives_each_its_patients_order(
        pg_server, monkeypatch):
    dsn = _database_at(11, pg_server, monkeypatch)
    with connect(dsn) as owner:
        _patients(owner, 300)
        owner.commit()
        before = owner.execute("SELECT * FROM patients ORDER BY id").fetchall()
        parts = owner.execute("SELECT * FROM patient_name_parts ORDER BY 1, 2").fetchall()
        monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:13])  # as 12 left them
        assert schema.apply_migrations(owner) == [12, 13]
        monkeypatch.undo()
        assert owner.execute("SELECT * FROM patients ORDER BY id").fetchall() == before
        assert owner.execute("SELECT part, patient_id FROM patient_name_parts ORDER BY 1, 2"
                             ).fetchall() == parts
        # every part with its patient's keys, the search's order
        assert owner.execute(
            "SELECT count(*) FROM patient_name_parts n JOIN patients p ON p.id = n.patient_id"
            " WHERE n.family_key = lower(p.family_name) AND n.given_key = lower(p.given_name)"
            ).fetchone()[0] == len(parts)
        owner.commit()


def _plan_scans(conn, sql: str, params: tuple = ()) -> list[tuple[str, str, int, int]]:
    """(node type, index or table, rows, heap fetches) of each scan of ``sql`` run."""
    shown = conn.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params).fetchone()[0]

    def walk(node: dict):
        if "Relation Name" in node:
            yield (node["Node Type"], node.get("Index Name", node["Relation Name"]),
                   node["Actual Rows"] * node["Actual Loops"], node.get("Heap Fetches", 0))
        for child in node.get("Plans", []):
            yield from walk(child)

    return list(walk(shown[0]["Plan"]))


def test_an_upgrade_to_schema_13_keeps_every_record_and_counts_chart_numbers_on_the_index(
        pg_server, monkeypatch):
    dsn = _database_at(12, pg_server, monkeypatch)
    with connect(dsn) as owner:
        _patients(owner, 300)
        owner.commit()
        before = owner.execute("SELECT * FROM patients ORDER BY id").fetchall()
        parts = owner.execute("SELECT * FROM patient_name_parts ORDER BY 1, 2").fetchall()
        monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:13])
        assert schema.apply_migrations(owner) == [13]
        monkeypatch.undo()
        assert owner.execute("SELECT * FROM patients ORDER BY id").fetchall() == before
        assert owner.execute("SELECT * FROM patient_name_parts ORDER BY 1, 2").fetchall() == parts
        indexes = [r[0] for r in owner.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'patients' ORDER BY 1")]
        assert "patients_chart_folded_number" in indexes, indexes
        assert "patients_chart_folded" not in indexes, indexes  # replaced, not doubled
        owner.commit()
        owner.autocommit = True
        owner.execute("CHECKPOINT")  # (the tests' server commits asynchronously)
        owner.execute("VACUUM ANALYZE imsmap.patients")  # as autovacuum leaves the table
        owner.execute("SET enable_seqscan = off")  # (300 rows: a scan otherwise)
        # A chart number's count (store.patient_search._server_counts) reads no patient row.
        scans = _plan_scans(owner, "SELECT count(*) FROM (SELECT 1 FROM patients WHERE"
                            " lower(chart_number) LIKE lower(%s) ESCAPE '\\' ORDER BY"
                            " lower(chart_number) USING ~<~ LIMIT 250) AS counted", ("C-11%",))
    assert scans == [("Index Only Scan", "patients_chart_folded_number", 100, 0)], scans


def test_an_upgrade_to_schema_14_gives_every_patient_its_order_keys_and_keeps_every_record(
        pg_server, monkeypatch):
    dsn = _database_at(13, pg_server, monkeypatch)
    with connect(dsn) as owner:
        _patients(owner, 300)
        owner.commit()
        before = owner.execute("SELECT * FROM patients ORDER BY id").fetchall()
        parts = owner.execute("SELECT part, patient_id FROM patient_name_parts ORDER BY 1, 2"
                              ).fetchall()
        assert schema.apply_migrations(owner) == list(range(14, schema.SCHEMA_VERSION + 1))
        assert owner.execute("SELECT * FROM patients ORDER BY id").fetchall() == before
        assert owner.execute("SELECT part, patient_id FROM patient_name_parts ORDER BY 1, 2"
                             ).fetchall() == parts
        keys = {r[0]: tuple(r[1:]) for r in owner.execute(
            "SELECT patient_id, family_key, given_key, tie_key FROM patient_order")}
        assert keys == {r[0]: name_order.order_keys(r[2], r[3]) for r in before}
        # every part with its patient's keys, binary (a file's order whatever the locale)
        assert owner.execute(
            "SELECT count(*) FROM patient_name_parts n JOIN patient_order o USING (patient_id)"
            " WHERE (n.family_key, n.given_key, n.tie_key) = (o.family_key, o.given_key,"
            " o.tie_key)").fetchone()[0] == len(parts)
        collations = owner.execute(
            "SELECT DISTINCT collation_name FROM information_schema.columns WHERE table_name"
            " IN ('patient_order', 'patient_name_parts') AND column_name LIKE '%%_key'"
            ).fetchall()
        assert collations == [("C",)], collations
        # the list in the keys' order: « Émond » among the E's (after Zoé before schema 14)
        first = owner.execute("SELECT family_name FROM patients p JOIN patient_order po ON"
                              " po.patient_id = p.id ORDER BY po.family_key, po.given_key,"
                              " po.tie_key, po.patient_id").fetchall()
        assert list(dict.fromkeys(r[0] for r in first)) == [
            "Côté-Roy", "Émond", "Nguyen", "O'Neil", "Smith"]
        owner.commit()


@pytest.mark.parametrize("role", ["practitioner", "reception"])
def test_the_parts_keys_follow_the_patients_names(pg_server, clinic_dsn, role):
    context = open_server_context(_login(pg_server, clinic_dsn, role))
    try:
        records = context.records
        p = records.create_patient(chart_number="C-77", family_name="Côté-Roy",
                                   given_name="Émilie")
        records.update_patient(p.id, family_name="O'Neil", given_name="Zoë")
        conn = records.repo.db.conn
        rows = conn.execute("SELECT part, family_key, given_key, tie_key FROM patient_name_parts"
                            " WHERE patient_id = ? ORDER BY part", (p.id,)).fetchall()
        keys = name_order.order_keys("O'Neil", "Zoë")
        assert keys[:2] == ("oneil", "zoe")
        assert [tuple(r) for r in rows] == [(part, *keys)
                                           for part in ("neil", "o", "oneil", "zoe")]
        assert tuple(conn.execute("SELECT family_key, given_key, tie_key FROM patient_order"
                                  " WHERE patient_id = ?", (p.id,)).fetchone()) == keys
        assert [x.id for x in records.repo.search_patients("zo")] == [p.id]
    finally:
        context.close()


# Each kind of keystroke, as the patient panel sends it (one letter, a family name's first
# letters, "family, given" as the list shows it, a chart number, accented and apostrophed).
KEYSTROKES = ("", "s", "w", "smi", "nguyen", "nguyen a", "Nguyen, An", "brown ch", "C-11", "C-1107",
              "c-115002", "côté", "lév", "tremblay-lév", "o'n", "oneil", "hél", "x", "brown c",
              "C-1", "c", "1", "10", "100", "1000", "115002", "0", "1 brown", "brown 11")


def _scans(node: dict):
    """Every scan of a plan (EXPLAIN (ANALYZE, FORMAT JSON)) with the table rows it read (an
    index-only scan's: those it fetched, the index not telling it whether they are seen)."""
    if "Relation Name" in node and node["Node Type"] == "Index Only Scan":  # its rows read
        yield (node["Node Type"], node["Relation Name"], node["Heap Fetches"])
    elif "Relation Name" in node:
        yield (node["Node Type"], node["Relation Name"],
               (node["Actual Rows"] + node.get("Rows Removed by Filter", 0)) * node["Actual Loops"])
    for child in node.get("Plans", []):
        yield from _scans(child)


def _indexes(node: dict):
    """The indexes a plan reads."""
    if "Index Name" in node:
        yield node["Index Name"]
    for child in node.get("Plans", []):
        yield from _indexes(child)


def test_each_kind_of_keystroke_reads_the_patients_through_an_index(pg_server, clinic_dsn,
                                                                    monkeypatch):
    """20,000 patients (bench/server_search.py's, vacuumed and analyzed): no statement a
    search sends reads the patients, their name parts or their order keys in a sequential
    scan, and each puts them in order on the indexes of their order keys (server schema 14).
    At this size the planner reads the whole table for a statement no index serves (checked
    first: the test can fail)."""
    server_search.add_patients(clinic_dsn, 20_000)
    context = open_server_context(_login(pg_server, clinic_dsn))
    sent: list[tuple[str, tuple]] = []
    real = ServerConnection.execute

    def recorded(self, sql, params=(), /, **kw):
        sent.append((sql, tuple(params)))
        return real(self, sql, params, **kw)

    try:
        repo = context.records.repo
        conn = repo.db.conn

        used: dict[str, set[str]] = {}

        def scans(sql: str, params: tuple, text: str = "") -> list[tuple[str, str, int]]:
            shown = real(conn, "EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params).fetchone()[0]
            used.setdefault(text, set()).update(_indexes(shown[0]["Plan"]))
            return list(_scans(shown[0]["Plan"]))

        assert ("Seq Scan", "patients", 20_000) in scans(
            "SELECT id FROM patients WHERE chart_number ILIKE ?", ("%7",))
        monkeypatch.setattr(ServerConnection, "execute", recorded)
        for text in KEYSTROKES:
            sent.clear()
            found = repo.search_patients(text)
            assert found or text in ("x", "0"), text
            assert found == sorted(found, key=lambda p: (
                *name_order.order_keys(p.family_name, p.given_name), p.id)), text
            assert 1 <= len(sent) <= 3, (text, [s for s, _p in sent])
            for sql, params in sent:
                for kind, table, rows in scans(sql, params, text):
                    assert kind != "Seq Scan", (text, sql, kind, table, rows)
        # The list's first page and the words whose patients are walked in order ("c": every
        # word common by its chart numbers) walk the order keys' index; a common word found by
        # its name parts ("s", "w") reads them with their keys from the parts' indexes of
        # those keys (a rare one reads its few parts' range, as before, and sorts them); no
        # statement orders by the names' lower() (schema 1's indexes).
        assert "patient_order_keys" in used[""], used[""]
        assert "patient_order_keys" in used["c"], used["c"]
        for text in ("s", "w"):
            assert used[text] & {"patient_name_parts_ordered", "patient_name_parts_in_order"}, (
                text, used[text])
        assert not any(i in ("patients_family_name", "patients_given_name")
                       for indexes in used.values() for i in indexes), used
        # A word of digits alone (C-100001 to C-120000: "1" and "10" in every chart number's
        # digits, "1000" in 99) finds the patients whose digits start with it, in order, from
        # the chart digits' index (server schema 17); the name words' statements do not read
        # it.
        every = repo.search_patients("", limit=10**6)
        for text in ("1", "10", "1000", "115002", "1 brown"):
            number, *name = text.split()
            expected = [p for p in every if p.chart_number[2:].startswith(number)
                        and all(any(part.startswith(w) for part in name_parts.name_parts(
                            p.family_name, p.given_name)) for w in name)][:200]
            assert repo.search_patients(text) == expected, text
        assert "patient_chart_digits_pkey" in used["1000"], used["1000"]
        assert not any("patient_chart_digits" in i for text in ("s", "w", "smi", "c", "C-1")
                       for i in used[text])
        # Words every chart number starts with (C-100001 to C-120000): not counted up to the
        # common number (3,000 rows read for "C-1"), and "c" tested on each Brown without
        # reading its row (about 400 of them read): the patients shown, and a few more. Words
        # half the chart numbers start with ("C-11", "c-10"): counted up to the common number
        # on the chart number's index alone (server schema 13; 3,000 rows read before).
        for text in ("brown c", "C-1", "c", "C-11", "c-10"):
            sent.clear()
            repo.search_patients(text)
            read = sum(rows for sql, params in sent for _kind, table, rows in scans(sql, params)
                       if table == "patients")
            assert read <= 200 + 2 * patient_search.SERVER_FEW_OTHERS, (text, read)
    finally:
        monkeypatch.undo()
        context.close()
