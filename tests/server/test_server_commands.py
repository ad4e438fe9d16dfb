"""The commands with --dsn in place of --db: check, export, import and pdf on a clinic server,
signed in as a practitioner's own login; and one sentence for a wrong password, an unreachable
server, a server at an older schema, a password nowhere to be found."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from clinic_files import make_clinic, open_file

from imsmap.cli import main
from imsmap.store.postgres import schema
from pg_support import TEST_PASSWORD, free_port
from support import spot
from test_i18n_records_cli import english, french  # noqa: F401 - fixtures


@pytest.fixture
def clinic(tmp_path, clinic_template, capsys):
    """A clinic database holding make_clinic's records (moved there by `server migrate`), and
    the DSN of the practitioner test.physio for it, the password in PGPASSWORD's place."""
    name = clinic_template.new_clinic()
    superuser = clinic_template.server.dsn(name)
    assert main(["server", "migrate", "--db", str(make_clinic(tmp_path / "clinic.sqlite3")),
                 "--dsn", superuser]) == 0
    capsys.readouterr()
    yield clinic_template.dsn(name)
    clinic_template.drop(name)


def _one_sentence(capsys) -> str:
    err = capsys.readouterr().err
    assert err.startswith("imsmap: ") and err.count("\n") == 1, err
    return err


def test_check_export_and_pdf_read_the_server(clinic, tmp_path, capsys):
    assert main(["check", "--dsn", clinic]) == 0
    out = capsys.readouterr().out
    assert "All is well." in out and "audit_breaks" in out and "Audit trail unbroken" in out
    # The server's numbering, named (`server init` and `upgrade` print it): never the file
    # schema it mirrors, which a single-PC file's check prints as "file schema".
    assert f"  clinic server schema {schema.SCHEMA_VERSION}: patients: " in out, out
    assert "file schema" not in out
    assert main(["--dsn", clinic, "export", "--out", str(tmp_path / "all.json")]) == 0
    document = json.loads((tmp_path / "all.json").read_text())
    assert document["exported_by"] == "test.physio" and document["patients"]
    from imsmap.services.context import open_server_context

    context = open_server_context(clinic)
    try:
        signed = next(s for s in context.records.repo.sessions_between("2000", "2100")
                      if s.is_signed)
    finally:
        context.close()
    capsys.readouterr()
    pdf = tmp_path / "visit.pdf"
    assert main(["pdf", "--dsn", clinic, "--session", str(signed.id), "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_check_on_the_server_says_in_french_which_records_it_checks(clinic, french):  # noqa: F811
    """The French walk of 5 December: `imsmap check --dsn` began "Vérification de anna.nguyen
    at database clinic on db:5432", the server's login and place said in English."""
    text = french("check", "--dsn", clinic)
    assert "Tout va bien." in text
    assert f"schéma du serveur de la clinique {schema.SCHEMA_VERSION}\u00a0: patients" in text, text
    first = text.splitlines()[0]
    assert first.startswith("Vérification de la base de données ") and "(identifiant test.physio)" in first, first
    assert not french.leftovers(text), text


def _visit_file(tmp_path, name: str, *, sign: bool) -> Path:
    """An export of one visit recorded by locum.physio in a file of its own."""
    from imsmap.services.export import dumps, export_document

    records = open_file(tmp_path / f"{name}.sqlite3", actor="locum.physio")
    try:
        patient = records.create_patient(chart_number=f"{name}-1", family_name="Visiting")
        session = records.start_session(patient.id, started_at=datetime(2026, 3, 2, 9, 0))
        view, x, y, muscle, side = spot(records.atlas, 2)
        records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        if sign:
            records.sign_session(session.id)
        out = tmp_path / f"{name}.json"
        out.write_text(dumps(export_document(records)), encoding="utf-8")
    finally:
        records.db.close()
    return out


def test_import_writes_through_the_server_in_the_login_s_name(clinic, tmp_path, capsys):
    from imsmap.services.context import open_server_context
    from imsmap.store import audit

    context = open_server_context(clinic)
    last = audit.head(context.db.conn)[0]
    context.close()
    assert main(["import", "--dsn", clinic, str(_visit_file(tmp_path, "D", sign=False))]) == 0
    context = open_server_context(clinic)
    try:
        records = context.records
        patient = records.repo.patient_by_chart_number("D-1")
        assert patient is not None and patient.created_by == "locum.physio"
        entries = list(audit.rows(records.db.conn, "WHERE id > ?", (last,)))
        assert entries and {(r[2], r[3]) for r in entries} == {("test.physio", "import")}
        assert audit.verify_chain(records.db.conn) == []
    finally:
        context.close()
    assert main(["check", "--dsn", clinic]) == 0


def test_a_chart_number_in_other_capitals_is_refused_by_the_server(clinic, tmp_path, capsys):
    """The server folds every letter (store.patient_search): "e-1" is E-1 there too, and the
    refused file writes nothing."""
    from imsmap.services.context import open_server_context

    assert main(["import", "--dsn", clinic, str(_visit_file(tmp_path, "E", sign=False))]) == 0
    capsys.readouterr()
    assert main(["import", "--dsn", clinic, str(_visit_file(tmp_path, "e", sign=False))]) == 2
    err = capsys.readouterr().err
    assert "patients[0].chart_number: Chart number e-1 already exists in this database, " \
           "written E-1" in err, err
    context = open_server_context(clinic)
    try:
        assert [p.chart_number for p in
                context.records.repo.patients_by_chart_number_folded("E-1")] == ["E-1"]
    finally:
        context.close()


def test_a_visit_signed_by_someone_else_is_refused_by_the_server(clinic, tmp_path, capsys):
    """The server signs a session only in the name of the login that signs it (row-level
    security): a visit signed elsewhere comes in with `server migrate`, not `import`."""
    from imsmap.services.context import open_server_context

    context = open_server_context(clinic)
    before = context.records.repo.counts()
    context.close()
    assert main(["import", "--dsn", clinic, str(_visit_file(tmp_path, "S", sign=True))]) == 2
    assert "refused" in _one_sentence(capsys)
    context = open_server_context(clinic)
    try:
        assert context.records.repo.counts() == before
    finally:
        context.close()


def test_both_db_and_dsn_is_one_sentence(clinic, tmp_path, capsys):
    assert main(["check", "--db", str(tmp_path / "x.sqlite3"), "--dsn", clinic]) == 2
    assert "not both" in _one_sentence(capsys)


def test_a_wrong_password_and_an_unreachable_server_are_one_sentence(clinic_template, clinic,
                                                                     capsys):
    wrong = clinic.replace(TEST_PASSWORD, "not-the-password")
    assert main(["check", "--dsn", wrong]) == 2
    assert "refused the login" in _one_sentence(capsys)
    server = clinic_template.server
    nowhere = server.dsn("clinic", user="test.physio", password=TEST_PASSWORD)
    nowhere = nowhere.replace(f"port={server.port}", f"port={free_port()}")
    assert main(["check", "--dsn", nowhere]) == 2
    assert "could not be reached" in _one_sentence(capsys)


def test_no_password_anywhere_is_one_sentence(clinic, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", None)
    assert main(["check", "--dsn", clinic.replace(f"password={TEST_PASSWORD}", "")]) == 2
    assert "asks for test.physio's password" in _one_sentence(capsys)


def test_a_password_file_is_what_libpq_reads(clinic, monkeypatch, tmp_path, capsys):
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    params = conninfo_to_dict(clinic)
    params.pop("password")
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"{params['host']}:{params['port']}:{params['dbname']}:test.physio:"
                        f"{TEST_PASSWORD}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    assert main(["check", "--dsn", make_conninfo(**params)]) == 0


def test_a_server_at_an_older_schema_is_refused_with_a_sentence(clinic, capsys, monkeypatch):
    newer = (*schema.MIGRATIONS[-1][:3], ())
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, (schema.SCHEMA_VERSION + 1,
                                                                    *newer[1:])))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    assert main(["check", "--dsn", clinic]) == 2
    assert "older clinic server schema" in _one_sentence(capsys)
