"""`imsmap backup --dsn`: the clinic server's database in pg_dump's custom format, kept only once
a restore of it into a scratch database has the whole chain and every record."""

from __future__ import annotations

import psycopg
from clinic_files import make_clinic

from imsmap.cli import main
from imsmap.store.postgres import chain
from imsmap.store.postgres.connection import connect


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
