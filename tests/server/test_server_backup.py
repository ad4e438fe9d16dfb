"""The backup docs/clinic-server.md tells an IT provider to take: pg_dump's custom format,
restored into a scratch database, keeps the records, the chain and the guarantees."""

from __future__ import annotations

import os

import psycopg
import pytest
from clinic_files import make_clinic

from imsmap.cli import main
from imsmap.store.postgres import chain
from imsmap.store.postgres.connection import connect
from pg_support import SUPERUSER_PASSWORD


def test_a_custom_format_dump_restores_with_its_chain_and_its_triggers(tmp_path, pg_server,
                                                                       clinic_dsn, capsys):
    path = make_clinic(tmp_path / "clinic.sqlite3")
    assert main(["server", "migrate", "--db", str(path), "--dsn", clinic_dsn]) == 0
    capsys.readouterr()
    source = psycopg.conninfo.conninfo_to_dict(clinic_dsn)["dbname"]
    dump = pg_server.datadir.parent / f"{source}.dump"
    scratch = pg_server.new_database()
    env = {**os.environ, "PGPASSWORD": SUPERUSER_PASSWORD}
    common = ["-h", "127.0.0.1", "-p", str(pg_server.port), "-U", "postgres"]
    pg_server.run("pg_dump", *common, "-Fc", "-d", source, "-f", str(dump), env=env)
    pg_server.run("pg_restore", *common, "-d", scratch, "--exit-on-error", str(dump), env=env)
    with connect(clinic_dsn) as original, connect(pg_server.dsn(scratch)) as restored:
        assert chain.verify_chain(restored) == []
        assert chain.head(restored) == chain.head(original)
        assert restored.execute("SELECT * FROM audit_breaks()").fetchall() == []
        for table in ("patients", "sessions", "sites", "amendments", "imported_audit"):
            count = f"SELECT count(*) FROM {table}"
            assert restored.execute(count).fetchone() == original.execute(count).fetchone()
        with pytest.raises(psycopg.Error, match="never deleted"):
            restored.execute("DELETE FROM sessions")


def test_a_newly_set_up_clinic_s_backup_says_it_holds_no_records(tmp_path, clinic_dsn, capsys):
    """The first backup of a new server (`imsmap server init`, nothing entered yet) said
    "(pg_dump custom format: )": the list of what it holds, empty, left out altogether."""
    out = tmp_path / "new.dump"
    assert main(["backup", "--dsn", clinic_dsn, "--out", str(out)]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "(pg_dump custom format: no records)" in said, said
    assert out.is_file()
