"""Schema 15 (an index of the folded chart number) from a schema 14 file made through the services
of that schema, holding a pair of chart numbers apart only in capitals from before imsmap refused
it: every record kept as it was, a stopped migration leaving schema 14 as it was, and a number in
other capitals then found through the index (before: every patient read, 60 ms at 100,000)."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from imsmap.domain.errors import ValidationError
from imsmap.services import context as context_module
from imsmap.services.checks import full_check
from imsmap.services.context import open_context
from imsmap.store import db as db_module
from imsmap.store import migrations, upgrade
from support import chart_atlas, spot
from test_import_chart_pairs import before_the_capitals_check
from test_migration_v10 import _dump, _version

FOLDED = "SELECT id FROM patients WHERE lower(chart_number) = lower(?) ORDER BY id"


@pytest.fixture
def old_file(tmp_path, monkeypatch):
    path = tmp_path / "schema14.sqlite3"
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:14])
        for module in (migrations, db_module, context_module, upgrade):
            m.setattr(module, "SCHEMA_VERSION", 14)
        before_the_capitals_check(m)  # the pair, as imsmap saved it before 7a1a79c4
        made = open_context(path, actor="old.physio", atlas=chart_atlas())
        try:
            records = made.records
            assert records.db.schema_version == 14
            ids = [records.create_patient(chart_number=chart, family_name=family).id
                   for chart, family in (("DEMO-0001", "Roy"), ("demo-0001", "Côté"),
                                         ("C-7", "Gagnon"))]
            session = records.start_session(ids[1], started_at=datetime(2026, 11, 2, 9),
                                            complaint="Douleur lombaire")
            view_id, x, y, muscle, side = spot(records.atlas)
            records.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side, grasp=2)
            records.sign_session(session.id)
        finally:
            made.close()
    monkeypatch.setattr(migrations, "PROGRESS_OPS", 50)
    monkeypatch.setattr(upgrade, "PROGRESS_OPS", 50)
    return path


def _plan(path) -> str:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + FOLDED, ("x",)))
    finally:
        conn.close()


def test_stopping_the_migration_leaves_schema_14_as_it_was(old_file):
    before = _dump(old_file)
    conn = sqlite3.connect(old_file, isolation_level=None)
    calls = []
    try:
        with pytest.raises(sqlite3.OperationalError, match="interrupt"):
            migrations.apply_migrations(conn, lambda v: calls.append(v) and False)
    finally:
        conn.close()
    assert calls == [15] and _version(old_file) == 14
    assert _dump(old_file) == before and "patients_chart_folded" not in _plan(old_file)


def test_the_upgrade_keeps_every_record_and_finds_other_capitals_by_the_index(old_file):
    before = _dump(old_file)
    assert "SCAN patients" in _plan(old_file)  # every patient read, before
    pending = upgrade.pending(old_file)
    assert (pending.version, pending.target, pending.patients) == (14, 15, 3)
    seen: list[float] = []
    upgrade.upgrade(pending, seen.append)
    assert seen and seen == sorted(seen) and seen[-1] == 1.0
    assert _version(old_file) == migrations.SCHEMA_VERSION == 15
    assert _dump(old_file) == before  # only an index: every table as it was
    assert "SEARCH patients USING INDEX patients_chart_folded" in _plan(old_file)
    made = open_context(old_file, actor="new.physio", atlas=chart_atlas())
    try:
        records = made.records
        assert [p.chart_number for p in records.repo.patients_by_chart_number_folded(
            "Demo-0001")] == ["DEMO-0001", "demo-0001"]
        with pytest.raises(ValidationError, match="written DEMO-0001"):
            records.create_patient(chart_number="Demo-0001", family_name="New")
        gagnon = records.repo.patient_by_chart_number("C-7")
        records.update_patient(gagnon.id, chart_number="c-8")
        assert [p.chart_number for p in records.repo.patients_by_chart_number_folded(
            "C-8")] == ["c-8"]
        report = full_check(records)
        assert report.ok, report.problems
    finally:
        made.close()
