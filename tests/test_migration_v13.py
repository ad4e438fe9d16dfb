"""Schema 13 (the name parts made again: « œ » and « æ » read as « oe » and « ae ») from a
schema 12 file made through the services of that schema,
its parts as schema 12 wrote them: every record kept as it was, every patient's parts made
again in the migration's transaction (stopped without harm), and « oe » and « lae » typed then
finding Œuvre and Lætitia."""

from __future__ import annotations

import sqlite3
import unicodedata
from datetime import datetime

import pytest

from imsmap.services import context as context_module
from imsmap.services.checks import full_check
from imsmap.services.context import open_context
from imsmap.store import chart_digits, migrations, name_parts, upgrade
from imsmap.store import db as db_module
from support import chart_atlas, spot
from test_migration_v10 import _dump, _version

PATIENTS = [("DEMO-0006", "Œuvre", "Luc"), ("DEMO-0012", "Roy", "Lætitia"),
            ("A-7", "Côté-Roy", "Marie-Ève"), ("B-", "O'Neil", "Seán")]


def _schema_12_parts(family: str, given: str) -> set[str]:
    """The parts schema 12 wrote: the names only, « œ » kept as it is."""
    parts = set()
    for name in (family, given):
        folded = "".join(c for c in unicodedata.normalize("NFKD", name)
                         if not unicodedata.combining(c)).casefold()
        for piece in folded.replace("-", " ").split():
            parts.add(piece.replace("'", ""))
            parts.update(piece.split("'"))
    return parts - {""}


@pytest.fixture
def old_file(tmp_path, monkeypatch):
    path = tmp_path / "schema12.sqlite3"
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:12])
        m.setattr(chart_digits, "rewrite", lambda *args, **kwargs: None)  # (schema 14's)
        for module in (migrations, db_module, context_module, upgrade):
            m.setattr(module, "SCHEMA_VERSION", 12)
        made = open_context(path, actor="old.physio", atlas=chart_atlas())
        try:
            records = made.records
            assert records.db.schema_version == 12
            ids = [records.create_patient(chart_number=chart, family_name=family,
                                          given_name=given).id
                   for chart, family, given in PATIENTS]
            session = records.start_session(ids[0], started_at=datetime(2026, 11, 2, 9),
                                            complaint="Douleur lombaire")
            view_id, x, y, muscle, side = spot(records.atlas)
            records.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side, grasp=2)
            records.sign_session(session.id)
            with records.db.transaction():  # the parts as schema 12's imsmap wrote them
                records.db.conn.execute("DELETE FROM patient_name_parts")
                records.db.conn.executemany(
                    "INSERT INTO patient_name_parts (patient_id, part) VALUES (?, ?)",
                    [(pid, part) for pid, (_c, family, given) in zip(ids, PATIENTS, strict=True)
                     for part in sorted(_schema_12_parts(family, given))])
        finally:
            made.close()
    monkeypatch.setattr(migrations, "PROGRESS_OPS", 50)
    monkeypatch.setattr(upgrade, "PROGRESS_OPS", 50)
    return path


def test_stopping_the_migration_leaves_schema_12_as_it_was(old_file):
    before = _dump(old_file)
    conn = sqlite3.connect(old_file, isolation_level=None)
    calls = []
    try:
        with pytest.raises(sqlite3.OperationalError, match="interrupt"):
            migrations.apply_migrations(conn, lambda v: calls.append(v) and False)
    finally:
        conn.close()
    assert calls == [13] and _version(old_file) == 12
    assert _dump(old_file) == before  # no parts half made again


def test_the_upgrade_keeps_every_record_and_finds_oe_and_ae(old_file):
    before = _dump(old_file)
    assert ("oeuvre",) not in {(r[1],) for r in before["patient_name_parts"]}
    pending = upgrade.pending(old_file)
    assert (pending.version, pending.target, pending.patients) == (
        12, migrations.SCHEMA_VERSION, len(PATIENTS))
    seen: list[float] = []
    upgrade.upgrade(pending, seen.append)
    assert seen and seen == sorted(seen) and seen[-1] == 1.0
    assert _version(old_file) == migrations.SCHEMA_VERSION >= 13
    after = _dump(old_file)
    assert after.keys() - before.keys() == {"patient_chart_digits"}  # (schema 14)
    for table, rows in before.items():
        if table != "patient_name_parts":
            assert after[table] == rows, table
    assert sorted(after["patient_name_parts"]) == sorted(  # (part, patient_id)
        (part, pid) for pid, _chart, family, given, *_rest in after["patients"]
        for part in name_parts.name_parts(family, given))
    made = open_context(old_file, actor="new.physio", atlas=chart_atlas())
    try:
        records = made.records

        def found(text: str) -> list[str]:
            return [p.family_name for p in records.repo.search_patients(text)]

        assert found("oe") == ["Œuvre"] and found("oeuv luc") == ["Œuvre"]
        assert found("laetitia") == ["Roy"] and found("lae") == ["Roy"]
        assert found("roy") == ["Côté-Roy", "Roy"] and found("o'neil") == ["O'Neil"]
        report = full_check(records)
        assert report.ok, report.problems
    finally:
        made.close()
