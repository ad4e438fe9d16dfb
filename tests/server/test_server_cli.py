"""`imsmap server init` and `add-user` against a real server: what they set up, and one sentence
for each thing they refuse (nothing changed)."""

from __future__ import annotations

import io
import json
import os
import select
import subprocess
import sys
import time

import psycopg
import pytest

from imsmap.cli import main
from imsmap.paths import data_dir
from imsmap.store.postgres import schema
from imsmap.store.postgres.connection import connect
from pg_support import SUPERUSER_PASSWORD, free_port

PASSWORD = "correct horse battery"


def _one_sentence(capsys) -> str:
    err = capsys.readouterr().err
    assert err.startswith("imsmap: ") and err.count("\n") == 1, err
    return err


def _roles_and_schema(dsn: str) -> tuple:
    with psycopg.connect(dsn) as conn:
        return conn.execute(
            "SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = 'imsmap'),"
            " (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace)"
        ).fetchone()


def test_init_sets_up_an_empty_database_once_and_keeps_no_password(empty_dsn, capsys):
    assert main(["server", "init", "--dsn", empty_dsn]) == 0
    out = capsys.readouterr().out
    assert f"is set up for imsmap (clinic server schema {schema.SCHEMA_VERSION})" in out and "add-user" in out
    with connect(empty_dsn) as conn:
        owners = conn.execute("SELECT DISTINCT tableowner FROM pg_tables"
                              " WHERE schemaname = 'imsmap'").fetchall()
        assert owners == [("imsmap_owner",)]
        assert not conn.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = "
                                "'imsmap_owner'").fetchone()[0]
    saved = json.loads((data_dir() / "server.json").read_text())
    assert SUPERUSER_PASSWORD not in json.dumps(saved) and "port=" in saved["dsn"]
    assert (data_dir() / "server.json").stat().st_mode & 0o077 == 0

    assert main(["server", "init", "--dsn", empty_dsn]) == 2
    assert "is not empty" in _one_sentence(capsys)


def test_init_refuses_a_database_that_holds_anything(empty_dsn, capsys):
    with psycopg.connect(empty_dsn) as conn:
        conn.execute("CREATE TABLE public.invoices (id int)")
    assert main(["server", "init", "--dsn", empty_dsn]) == 2
    err = _one_sentence(capsys)
    assert "public.invoices" in err and "nothing was changed" in err
    assert _roles_and_schema(empty_dsn) == (0, 1)


def test_an_unreachable_server_a_bad_dsn_and_tls_required_each_get_a_sentence(
        pg_server, capsys):
    nobody = pg_server.dsn("clinic").replace(f"port={pg_server.port}", f"port={free_port()}")
    assert main(["server", "init", "--dsn", nobody]) == 2
    err = _one_sentence(capsys)
    assert "could not be reached" in err and "PostgreSQL is running" in err

    assert main(["server", "init", "--dsn", "host=db port=5432 dbname"]) == 2
    assert "not a valid PostgreSQL DSN" in _one_sentence(capsys)

    # sslmode and the other libpq settings go through unchanged: this test server has no TLS.
    tls = pg_server.dsn("postgres", sslmode="verify-full")
    assert main(["server", "init", "--dsn", tls]) == 2
    assert "does not offer TLS" in _one_sentence(capsys)


def test_add_user_reads_the_password_from_stdin_and_the_person_logs_in(
        pg_server, clinic_dsn, capsys, monkeypatch):
    dbname = psycopg.conninfo.conninfo_to_dict(clinic_dsn)["dbname"]
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["server", "add-user", "--dsn", clinic_dsn, "--name", "anna.cli",
                 "--role", "reception"]) == 0
    assert "imsmap_reception" in capsys.readouterr().out
    with connect(pg_server.dsn(dbname, user="anna.cli", password=PASSWORD)) as conn:
        assert conn.execute("SELECT pg_has_role('anna.cli', 'imsmap_reception', 'MEMBER'),"
                            " pg_has_role('anna.cli', 'imsmap_practitioner', 'MEMBER')"
                            ).fetchone() == (True, False)

    # The DSN used last is kept (without its password): libpq finds the password itself.
    monkeypatch.setenv("PGPASSWORD", SUPERUSER_PASSWORD)
    for name, role, words in (("anna.cli", "admin", "already has a login named anna.cli"),
                              ("Anna Nguyen", "admin", "cannot be used"),
                              ("imsmap_owner", "admin", "is reserved"),
                              ("bob.cli", "admin", "at least 10 characters")):
        monkeypatch.setattr("sys.stdin", io.StringIO("short\n" if name == "bob.cli"
                                                     else PASSWORD + "\n"))
        assert main(["server", "add-user", "--name", name, "--role", role]) == 2
        assert words in _one_sentence(capsys)
    with connect(clinic_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM pg_roles WHERE rolname = 'bob.cli'"
                            ).fetchone()[0] == 0


def test_add_user_needs_a_set_up_database(empty_dsn, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["server", "add-user", "--dsn", empty_dsn, "--name", "carl.cli",
                 "--role", "admin"]) == 2
    assert "not set up for imsmap" in _one_sentence(capsys)


def test_the_password_never_goes_on_the_command_line(capsys):
    with pytest.raises(SystemExit):
        main(["server", "add-user", "--name", "x.y", "--role", "admin", "--password", "p"])
    assert "unrecognized arguments: --password" in capsys.readouterr().err


def test_the_schema_is_versioned_and_a_newer_one_is_refused(clinic_dsn, capsys, monkeypatch):
    from imsmap.store.postgres import schema

    with connect(clinic_dsn) as conn:
        assert schema.apply_migrations(conn) == []  # already current: nothing to do
        row = conn.execute("SELECT version, sqlite_schema, applied_by FROM schema_version"
                           " ORDER BY version").fetchall()
        assert row == [(version, sqlite, "postgres")
                       for version, _d, sqlite, _f in schema.MIGRATIONS]
        conn.execute("INSERT INTO schema_version (version, description, sqlite_schema)"
                     " VALUES (99, 'from the future', 9)")
        conn.commit()
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["server", "add-user", "--dsn", clinic_dsn, "--name", "dora.cli",
                 "--role", "admin"]) == 2
    assert "has clinic server schema 99" in _one_sentence(capsys)


def _type_into_prompts(args: list[str], answers: list[str], data_dir_path) -> tuple[int, str]:
    """Run imsmap on a terminal of its own (a pseudo-terminal, no other controlling terminal),
    typing each answer once its prompt is shown; (exit status, what it wrote on stderr)."""
    master, slave = os.openpty()
    env = {**os.environ, "IMSMAP_DATA_DIR": str(data_dir_path)}
    proc = subprocess.Popen([sys.executable, "-m", "imsmap", *args], stdin=slave,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, env=env)
    os.close(slave)
    seen = b""
    try:
        for n, answer in enumerate(answers, start=1):
            deadline = time.monotonic() + 60
            while seen.count(b": ") < n:  # each prompt ends in ": "
                assert time.monotonic() < deadline, seen
                ready, _, _ = select.select([proc.stderr], [], [], 1)
                if ready:
                    chunk = os.read(proc.stderr.fileno(), 4096)
                    assert chunk, (seen, proc.wait())
                    seen += chunk
            os.write(master, answer.encode() + b"\n")
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    return proc.returncode, (seen + err).decode()


def test_add_user_asks_for_the_password_twice_on_a_terminal(pg_server, clinic_dsn, tmp_path):
    dbname = psycopg.conninfo.conninfo_to_dict(clinic_dsn)["dbname"]
    base = ["server", "add-user", "--dsn", clinic_dsn, "--role", "practitioner", "--name"]
    status, err = _type_into_prompts(base + ["erin.tty"], [PASSWORD, PASSWORD + "x"], tmp_path)
    assert status == 2 and "The two passwords differ; nothing was changed." in err
    assert PASSWORD not in err  # nothing typed is echoed
    status, err = _type_into_prompts(base + ["erin.tty"], [PASSWORD, PASSWORD], tmp_path)
    assert status == 0, err
    assert "Password for erin.tty: " in err and "The same password again: " in err
    with connect(pg_server.dsn(dbname, user="erin.tty", password=PASSWORD)) as conn:
        assert conn.execute("SELECT session_user").fetchone() == ("erin.tty",)


def test_upgrade_brings_a_schema_3_server_up_once_and_refuses_a_room_login(
        pg_server, capsys, monkeypatch):
    from imsmap.store.postgres import users

    name = pg_server.new_database()
    dsn = pg_server.dsn(name)
    with monkeypatch.context() as old:
        old.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:3])
        old.setattr(schema, "SCHEMA_VERSION", 3)
        schema.init(dsn)
        with connect(dsn) as conn:
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'up.physio'"
                                  ).fetchone()
        if not exists:
            users.add_user(dsn, "up.physio", "practitioner", PASSWORD)
    room = pg_server.dsn(name, user="up.physio", password=PASSWORD)
    assert main(["server", "upgrade", "--dsn", room]) == 2
    assert "refused to upgrade" in _one_sentence(capsys)
    with connect(dsn) as conn:
        assert schema.current_version(conn) == 3
    assert main(["server", "upgrade", "--dsn", dsn]) == 0
    assert f"from clinic server schema 3 to {schema.SCHEMA_VERSION}" in capsys.readouterr().out
    with connect(dsn) as conn:
        assert schema.current_version(conn) == schema.SCHEMA_VERSION
    assert main(["server", "upgrade", "--dsn", dsn]) == 0
    assert "already; nothing was changed" in capsys.readouterr().out
    assert main(["server", "upgrade", "--dsn", pg_server.dsn(pg_server.new_database())]) == 2
    assert "not set up for imsmap" in _one_sentence(capsys)
