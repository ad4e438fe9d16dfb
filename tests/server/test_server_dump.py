"""`imsmap backup --dsn`: the clinic server's database in pg_dump's custom format, kept only once
a restore of it into a scratch database has the whole chain and every record."""

from __future__ import annotations

import os

import psycopg
import pytest
from clinic_files import make_clinic, open_file

from imsmap.cli import main
from imsmap.services import retractions
from imsmap.store import durable
from imsmap.store.postgres import chain
from imsmap.store.postgres.connection import SCHEMA, connect
from imsmap.store.postgres.dump import dump


def _databases(pg_server) -> set[str]:
    with pg_server.admin() as conn:
        return {r[0] for r in conn.execute("SELECT datname FROM pg_database")}


def test_a_server_backup_is_checked_by_a_restore_and_leaves_no_scratch(tmp_path, pg_server,
                                                                       clinic_dsn, capsys):
    assert main(["server", "migrate", "--db", str(make_clinic(tmp_path / "c.sqlite3")),
                 "--dsn", clinic_dsn]) == 0
    capsys.readouterr()
    before = _databases(pg_server)
    out = tmp_path / "clinic.dump"
    assert main(["backup", "--dsn", clinic_dsn, "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "unbroken" in said and out.read_bytes().startswith(b"PGDMP")
    assert _databases(pg_server) == before  # the scratch database was dropped
    with connect(clinic_dsn) as original:
        assert chain.head(original)[1].hex()[:16] in said
    # What it holds is what the server held, triggers and all (as an IT provider restores it).
    again = pg_server.new_database()
    readable = pg_server.datadir.parent / "clinic.dump"  # where the server's own user reads
    readable.write_bytes(out.read_bytes())
    pg_server.run("pg_restore", "-h", "127.0.0.1", "-p", str(pg_server.port), "-U", "postgres",
                  "-d", again, "--exit-on-error", str(readable),
                  env={"PGPASSWORD": psycopg.conninfo.conninfo_to_dict(clinic_dsn)["password"]})
    with connect(pg_server.dsn(again)) as restored, connect(clinic_dsn) as original:
        assert chain.verify_chain(restored) == [] and chain.head(restored) == chain.head(original)


def test_refusals_are_one_sentence_and_write_nothing(tmp_path, clinic_template, capsys):
    name = clinic_template.new_clinic()
    try:
        out = tmp_path / "clinic.dump"
        # A practitioner may not create the scratch database the check needs.
        assert main(["backup", "--dsn", clinic_template.dsn(name), "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert "administrator's login" in err and err.count("\n") == 1 and not out.exists()
        assert list(tmp_path.iterdir()) == []
        out.write_text("kept")
        superuser = clinic_template.server.dsn(name)
        assert main(["backup", "--dsn", superuser, "--out", str(out)]) == 2
        assert "already exists" in capsys.readouterr().err and out.read_text() == "kept"
        assert main(["backup", "--dsn", superuser]) == 2
        assert "--out" in capsys.readouterr().err
    finally:
        clinic_template.drop(name)


def _no_hard_links(*_args, **_kw):
    raise OSError(1, "Operation not permitted")  # FAT, exFAT, some network shares


@pytest.mark.parametrize("links", [True, False], ids=["hard links", "no hard links"])
def test_a_file_given_the_backups_name_meanwhile_is_never_replaced(tmp_path, clinic_dsn, capsys,
                                                                   monkeypatch, links):
    """The name is checked first, but the dump and its check take a while: a file given that
    name meanwhile (another backup, a person) is left as it is, and the backup says so; on a
    file system with hard links and on one without (where the name is taken first)."""
    out = tmp_path / "clinic.dump"
    flush = durable.fsync_file

    def appears(path):  # between the check and the rename: the dump written, checked, flushed
        flush(path)
        if path.name.startswith(".clinic.dump."):
            out.write_text("another backup")

    monkeypatch.setattr(durable, "fsync_file", appears)
    if not links:
        monkeypatch.setattr(os, "link", _no_hard_links)
    assert main(["backup", "--dsn", clinic_dsn, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "appeared while the backup was being made" in err and err.count("\n") == 1, err
    assert out.read_text() == "another backup"
    assert list(tmp_path.iterdir()) == [out]  # the dump's temporary file removed
    monkeypatch.undo()
    out.unlink()  # and once the name is free, the backup is made
    assert main(["backup", "--dsn", clinic_dsn, "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"PGDMP") and list(tmp_path.iterdir()) == [out]


NOT_RECORDS = {"session_holds", "patient_name_parts", "patient_order", "patient_chart_digits"}


def _record_tables(conn) -> set[str]:
    """The tables whose rows are part of the clinic's record, read from the server's own
    catalogue (so a table a later schema adds is in it): the patients, every table that refers
    to them through foreign keys (sessions, then sites, amendments, photos... and the tables
    referring to those), and the audit trail with the tables referring to it. A session's hold
    (sql/v3_live.sql: which room has it open now) refers to a session but records nothing; a
    patient's name parts (sql/v10_patient_name_parts.sql), order keys
    (sql/v14_patient_order.sql) and chart digits (sql/v17_chart_digits.sql) are derived from
    the patient row for search, made again by the migration and every write of a name or chart
    number, and record nothing."""
    edges = conn.execute(
        "SELECT child.relname, parent.relname FROM pg_constraint c"
        " JOIN pg_class child ON child.oid = c.conrelid"
        " JOIN pg_class parent ON parent.oid = c.confrelid"
        " JOIN pg_namespace n ON n.oid = child.relnamespace"
        " WHERE c.contype = 'f' AND n.nspname = %s", (SCHEMA,)).fetchall()
    found = {"patients", "audit"}
    while True:
        more = {child for child, parent in edges if parent in found} - found - NOT_RECORDS
        if not more:
            return found
        found |= more


def test_a_server_backup_counts_every_record_table(tmp_path, clinic_dsn, capsys):
    """What `imsmap backup --dsn` counts (and checks the scratch restore against) is every
    table of the record: site corrections and retractions were left out of the count."""
    path = make_clinic(tmp_path / "c.sqlite3")
    recs = open_file(path)
    try:  # a withdrawn draft, so that retractions hold a row
        draft = next(s for s in recs.repo.sessions_for_patient(
            recs.repo.patient_by_chart_number("B-2").id) if not s.is_signed)
        retractions.withdraw_draft(recs, draft.id, "Started on the wrong patient")
    finally:
        recs.db.close()
    assert main(["server", "migrate", "--db", str(path), "--dsn", clinic_dsn]) == 0
    capsys.readouterr()
    with connect(clinic_dsn) as conn:
        tables = _record_tables(conn)
        held = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    assert {"sessions", "sites", "site_corrections", "retractions", "photos"} <= tables
    assert held["site_corrections"] == 1 and held["retractions"] == 1
    made = dump(clinic_dsn, tmp_path / "clinic.dump")
    assert {t: made.counts.get(t) for t in tables} == held  # each, counted in the dump
    assert main(["backup", "--dsn", clinic_dsn, "--out", str(tmp_path / "again.dump")]) == 0
    said = capsys.readouterr().out
    assert "site corrections: 1" in said
    assert "sessions withdrawn or entered in error: 1" in said
    assert "_" not in said.split("format: ")[1].split(")")[0]  # every table in words
