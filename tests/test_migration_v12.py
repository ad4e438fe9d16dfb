"""Schema 12 (each patient's order keys: the list in the same order on a file and a server) from
a schema 11 file made through the services of that schema, with accented and compound names,
signed sessions, an amendment, photos, a merge and its separation: every record kept as it
was, every patient given its keys in the migration's transaction (shown by the upgrade's
progress, stopped without harm), the list then in French order, and the file still checking."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime

import pytest

from imsmap.services import context as context_module
from imsmap.services.checks import full_check
from imsmap.services.context import open_context
from imsmap.services.merging import merge_records, separate_records
from imsmap.services.photos import Photos
from imsmap.store import chart_digits, migrations, name_order, upgrade
from imsmap.store import db as db_module
from photo_support import png_bytes, write
from support import chart_atlas, spot
from test_migration_v10 import _dump, _version

NAMES = [("Zoé", "Anne"), ("Émilie", "Anne"), ("Eric", "Anne"), ("Ève", "Anne"),
         ("Côté-Roy", "Marie-Ève"), ("Œuvre", "Luc"), ("O'Neil", "Seán"), ("Éric", "Anne")]


def _schema_11_clinic(path, tmp_path, monkeypatch) -> None:
    """A clinic as imsmap's schema 11 left it, written through the services of that schema."""
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:11])
        m.setattr(name_order, "rewrite", lambda *args, **kwargs: None)  # (schema 12's)
        m.setattr(chart_digits, "rewrite", lambda *args, **kwargs: None)  # (schema 14's)
        for module in (migrations, db_module, context_module, upgrade):
            m.setattr(module, "SCHEMA_VERSION", 11)
        made = open_context(path, actor="old.physio", atlas=chart_atlas())
        try:
            records = made.records
            assert records.db.schema_version == 11
            ids = [records.create_patient(chart_number=f"A-{i}", family_name=family,
                                          given_name=given).id
                   for i, (family, given) in enumerate(NAMES, 1)]
            records.update_patient(ids[0], given_name="Anne-Marie")
            signed = records.start_session(ids[1], started_at=datetime(2026, 11, 2, 9),
                                           complaint="Low back pain")
            view_id, x, y, muscle, side = spot(records.atlas)
            site = records.add_site(signed.id, view_id, x, y, muscle_id=muscle, side=side,
                                    grasp=3)
            Photos(records).add_file(signed.id, write(tmp_path / "a.png", png_bytes()),
                                     "Posture")
            records.sign_session(signed.id)
            records.amend_session(signed.id, "Grasp misread", "", [(site.id, "grasp", 1)])
            records.start_session(ids[2], complaint="Next visit")
            merge = merge_records(records, ids[2], ids[7], "Registered twice")
            separate_records(records, merge.id, "Two people after all")
            merge_records(records, ids[3], ids[6], "Registered twice")
        finally:
            made.close()


@pytest.fixture
def old_file(tmp_path, monkeypatch):
    path = tmp_path / "schema11.sqlite3"
    _schema_11_clinic(path, tmp_path, monkeypatch)
    monkeypatch.setattr(migrations, "PROGRESS_OPS", 50)
    monkeypatch.setattr(upgrade, "PROGRESS_OPS", 50)
    return path


def test_stopping_the_migration_leaves_schema_11_as_it_was(old_file):
    before = _dump(old_file)
    conn = sqlite3.connect(old_file, isolation_level=None)
    calls = []
    try:
        with pytest.raises(sqlite3.OperationalError, match="interrupt"):
            migrations.apply_migrations(conn, lambda v: calls.append(v) and False)
    finally:
        conn.close()
    assert calls == [12] and _version(old_file) == 11
    assert _dump(old_file) == before  # no half-made table


def test_the_upgrade_keeps_every_record_and_lists_the_patients_in_french_order(old_file):
    before = _dump(old_file)
    assert before["patients"] and before["patient_merges"] and before["amendments"]
    pending = upgrade.pending(old_file)
    assert (pending.version, pending.target) == (11, migrations.SCHEMA_VERSION)
    # the keys are written for each patient: counted first, so the bar moves while they are
    # (at 100,000 patients it sat at 99 % for the whole fill)
    assert pending.patients == len(NAMES)
    assert upgrade.estimate_ops(pending) > upgrade.estimate_ops(replace(pending, patients=0))
    seen: list[float] = []
    upgrade.upgrade(pending, seen.append)
    assert len(seen) > 2 and seen == sorted(seen) and seen[-1] == 1.0
    assert _version(old_file) == migrations.SCHEMA_VERSION
    after = _dump(old_file)
    assert after.keys() - before.keys() == {"patient_order", "patient_chart_digits"}
    for table, rows in before.items():
        assert after[table] == rows, table
    assert after["patient_order"] == [(pid, *name_order.order_keys(family, given))
                                      for pid, _chart, family, given, *_rest
                                      in after["patients"]]
    made = open_context(old_file, actor="new.physio", atlas=chart_atlas())
    try:
        records = made.records
        assert [(p.family_name, p.given_name) for p in records.repo.search_patients("")] == [
            ("Côté-Roy", "Marie-Ève"), ("Émilie", "Anne"), ("Eric", "Anne"),
            ("Éric", "Anne"), ("Ève", "Anne"), ("Œuvre", "Luc"), ("O'Neil", "Seán"),
            ("Zoé", "Anne-Marie")]
        report = full_check(records)
        assert report.ok, report.problems
        added = records.create_patient(chart_number="A-9", family_name="Émond")
        assert [p.id for p in records.repo.search_patients("e")][2] == added.id
    finally:
        made.close()
