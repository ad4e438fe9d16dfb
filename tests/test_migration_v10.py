"""Schema 10 (photos added to a signed session by amendment) from a schema 9 file with photos,
signed sessions, amendments and their corrections: every record kept as it was, the signatures
and the trail still checking, shown by the upgrade's progress, and stopped without harm."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from imsmap.services import context as context_module
from imsmap.services.checks import full_check
from imsmap.services.context import open_context
from imsmap.services.photo_amending import add_file_by_amendment
from imsmap.services.photos import Photos
from imsmap.store import chart_digits, migrations, name_order, name_parts, upgrade
from imsmap.store import db as db_module
from photo_support import phone_jpeg, png_bytes, write
from support import chart_atlas, spot


def _schema_9_clinic(path, tmp_path, monkeypatch) -> None:
    """A clinic as imsmap's schema 9 left it, written through the services of that schema:
    a signed session with a site, two photos and an amendment correcting a grasp; a draft
    with a photo."""
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:9])
        # an imsmap of schema 9 wrote no name parts (schema 11)
        m.setattr(name_parts, "rewrite", lambda *args, **kwargs: None)
        m.setattr(name_order, "rewrite", lambda *args, **kwargs: None)  # nor order keys (12)
        m.setattr(chart_digits, "rewrite", lambda *args, **kwargs: None)  # nor digits (14)
        for module in (migrations, db_module, context_module, upgrade):
            m.setattr(module, "SCHEMA_VERSION", 9)
        made = open_context(path, actor="old.physio", atlas=chart_atlas())
        try:
            records = made.records
            assert records.db.schema_version == 9
            photos = Photos(records)
            patient = records.create_patient(chart_number="A-1", family_name="Okafor",
                                             given_name="Ada")
            signed = records.start_session(patient.id, started_at=datetime(2026, 11, 2, 9),
                                           complaint="Low back pain")
            view_id, x, y, muscle, side = spot(records.atlas)
            site = records.add_site(signed.id, view_id, x, y, muscle_id=muscle, side=side,
                                    grasp=3)
            photos.add_file(signed.id, write(tmp_path / "a.png", png_bytes()), "Posture")
            photos.add_file(signed.id, write(tmp_path / "b.jpg", phone_jpeg()), "Site 1",
                            site.id)
            records.sign_session(signed.id)
            records.amend_session(signed.id, "Grasp misread", "", [(site.id, "grasp", 1)])
            draft = records.start_session(patient.id, complaint="Next visit")
            photos.add_file(draft.id, write(tmp_path / "c.png", png_bytes(320, 240)))
        finally:
            made.close()


def _dump(path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type ="
                                             " 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    finally:
        conn.close()


def _version(path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def old_file(tmp_path, monkeypatch):
    path = tmp_path / "schema9.sqlite3"
    _schema_9_clinic(path, tmp_path, monkeypatch)
    monkeypatch.setattr(migrations, "PROGRESS_OPS", 50)
    monkeypatch.setattr(upgrade, "PROGRESS_OPS", 50)
    return path


def test_stopping_the_migration_leaves_schema_9_as_it_was(old_file):
    before = _dump(old_file)
    conn = sqlite3.connect(old_file, isolation_level=None)
    calls = []
    try:
        with pytest.raises(sqlite3.OperationalError, match="interrupt"):
            migrations.apply_migrations(conn, lambda v: calls.append(v) and False)
    finally:
        conn.close()
    assert calls == [10] and _version(old_file) == 9
    assert _dump(old_file) == before  # no half-made column, trigger or index


def test_the_upgrade_keeps_every_record_and_the_signed_session_still_checks(old_file, tmp_path):
    before = _dump(old_file)
    pending = upgrade.pending(old_file)
    assert (pending.version, pending.target) == (9, migrations.SCHEMA_VERSION)
    seen: list[float] = []
    upgrade.upgrade(pending, seen.append)
    assert len(seen) > 2 and seen == sorted(seen) and seen[-1] == 1.0
    assert _version(old_file) == migrations.SCHEMA_VERSION
    after = _dump(old_file)
    # schema 11 adds the patients' name parts for search (tests/test_migration_v11.py), 12
    # their order keys (tests/test_migration_v12.py)
    assert after.keys() - before.keys() == {"patient_name_parts", "patient_order",
                                            "patient_chart_digits"}
    assert before.keys() <= after.keys()
    for table, rows in before.items():
        if table == "photos":  # one column more, empty: none was added by amendment
            assert [r[:-1] for r in after[table]] == rows
            assert {r[-1] for r in after[table]} == {None}
        else:
            assert after[table] == rows, table
    made = open_context(old_file, actor="new.physio", atlas=chart_atlas())
    try:
        records = made.records
        report = full_check(records)
        assert report.ok, report.problems
        # and the signed session of schema 9 now takes a photo by amendment
        add_file_by_amendment(Photos(records), 1, write(tmp_path / "d.jpg",
                                                        phone_jpeg(width=800, height=600)),
                              "Bruise the next morning")
        report = full_check(records)
        assert report.ok, report.problems
    finally:
        made.close()
