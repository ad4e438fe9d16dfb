"""Schema 14 (the digit runs of each chart number, store.chart_digits) from a schema 13 file made
through the services of that schema (which wrote no digits): every record kept as it was, every
patient's digits filled in the migration's transaction with progress, a stopped migration
leaving schema 13 as it was, and "0006" or "6" typed then finding DEMO-0006; a chart number
changed after is found by its new digits only."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from imsmap.services import context as context_module
from imsmap.services.checks import full_check
from imsmap.services.context import open_context
from imsmap.store import chart_digits, migrations, upgrade
from imsmap.store import db as db_module
from support import chart_atlas, spot
from test_migration_v10 import _dump, _version

PATIENTS = [("DEMO-0006", "Œuvre", "Luc"), ("2024-0060", "Roy", "Lætitia"),
            ("CL/0600", "Côté-Roy", "Marie-Ève"), ("A-7", "Gagnon", "Élise"),
            ("B-", "O'Neil", "Seán"), ("000", "Levine", "Paul")]


@pytest.fixture
def old_file(tmp_path, monkeypatch):
    path = tmp_path / "schema13.sqlite3"
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:13])
        for module in (migrations, db_module, context_module, upgrade):
            m.setattr(module, "SCHEMA_VERSION", 13)
        m.setattr(chart_digits, "rewrite", lambda *_args, **_kw: None)  # schema 13's imsmap
        made = open_context(path, actor="old.physio", atlas=chart_atlas())
        try:
            records = made.records
            assert records.db.schema_version == 13
            ids = [records.create_patient(chart_number=chart, family_name=family,
                                          given_name=given).id
                   for chart, family, given in PATIENTS]
            session = records.start_session(ids[0], started_at=datetime(2026, 11, 2, 9),
                                            complaint="Douleur lombaire")
            view_id, x, y, muscle, side = spot(records.atlas)
            records.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side, grasp=2)
            records.sign_session(session.id)
        finally:
            made.close()
    monkeypatch.setattr(migrations, "PROGRESS_OPS", 50)
    monkeypatch.setattr(upgrade, "PROGRESS_OPS", 50)
    return path


def test_stopping_the_migration_leaves_schema_13_as_it_was(old_file):
    before = _dump(old_file)
    assert "patient_chart_digits" not in before
    conn = sqlite3.connect(old_file, isolation_level=None)
    calls = []
    try:
        with pytest.raises(sqlite3.OperationalError, match="interrupt"):
            migrations.apply_migrations(conn, lambda v: calls.append(v) and False)
    finally:
        conn.close()
    assert calls == [14] and _version(old_file) == 13
    assert _dump(old_file) == before  # no table, no digits half made


def test_a_migration_whose_digits_fall_short_is_rolled_back(old_file, monkeypatch):
    before = _dump(old_file)
    monkeypatch.setitem(migrations.FILL_AFTER, 14,  # nothing filled: its check refuses
                        (lambda conn: None, chart_digits.check_filled))
    conn = sqlite3.connect(old_file, isolation_level=None)
    try:
        with pytest.raises(RuntimeError, match="chart digits"):
            migrations.apply_migrations(conn)
    finally:
        conn.close()
    assert _version(old_file) == 13 and _dump(old_file) == before


def test_the_upgrade_keeps_every_record_and_finds_the_chart_numbers_digits(old_file):
    before = _dump(old_file)
    pending = upgrade.pending(old_file)
    assert (pending.version, pending.target, pending.patients) == \
        (13, migrations.SCHEMA_VERSION, len(PATIENTS))
    seen: list[float] = []
    upgrade.upgrade(pending, seen.append)
    assert seen and seen == sorted(seen) and seen[-1] == 1.0
    assert _version(old_file) == migrations.SCHEMA_VERSION  # 14, and 15 (an index) after it
    after = _dump(old_file)
    assert after.keys() - before.keys() == {"patient_chart_digits"}
    for table, rows in before.items():
        assert after[table] == rows, table
    by_chart = {chart: pid for pid, chart, *_rest in after["patients"]}
    assert sorted(after["patient_chart_digits"]) == sorted([  # (digits, patient_id)
        *((d, by_chart["DEMO-0006"]) for d in ("0006", "006", "06", "6")),
        *((d, by_chart["2024-0060"]) for d in ("2024", "0060", "060", "60")),
        *((d, by_chart["CL/0600"]) for d in ("0600", "600")),
        ("7", by_chart["A-7"]), *((d, by_chart["000"]) for d in ("000", "00", "0"))])
    made = open_context(old_file, actor="new.physio", atlas=chart_atlas())
    try:
        records = made.records

        def found(text: str) -> list[str]:
            return [p.chart_number for p in records.repo.search_patients(text)]

        assert found("0006") == ["DEMO-0006"]  # the whole number typed
        assert found("006") == ["DEMO-0006", "2024-0060"]  # its start: 0060 too
        assert found("6") == found("06") == ["CL/0600", "DEMO-0006", "2024-0060"]  # name order
        assert found("60") == ["CL/0600", "2024-0060"] and found("0060") == ["2024-0060"]
        assert found("2024") == ["2024-0060"] and found("024") == []  # a run's start only
        assert found("0") == ["CL/0600", "000", "DEMO-0006", "2024-0060"]
        assert found("luc 6") == ["DEMO-0006"] and found("roy 6") == ["CL/0600", "2024-0060"]
        assert found("7") == ["A-7"] and found("0007") == []
        patient = records.update_patient(by_chart["A-7"], chart_number="A-0042")
        assert found("7") == [] and found("42") == found("0042") == [patient.chart_number]
        report = full_check(records)
        assert report.ok, report.problems
    finally:
        made.close()
