"""A clinic's backups made before its server was upgraded are restored by the imsmap now
installed: the backup's older schema is upgraded in the scratch database, as `imsmap server
upgrade` upgrades a clinic, before it is checked and put in place. Before, `imsmap restore
--dsn` refused any backup at another schema ("Restore it with the imsmap that made it"): the
day a server was upgraded, every backup the clinic had became one the installed imsmap would
not restore."""

from __future__ import annotations

from clinic_files import make_clinic

from imsmap.cli import main
from imsmap.store import chart_digits, name_order, name_parts
from imsmap.store.postgres import dump as server_dump
from imsmap.store.postgres import schema, transfer
from imsmap.store.postgres.connection import connect


def _records(dsn: str) -> tuple:
    with connect(dsn) as conn:
        return conn.execute("SELECT (SELECT count(*) FROM patients),"
                            " (SELECT count(*) FROM sessions WHERE status = 'signed'),"
                            " (SELECT count(*) FROM audit)").fetchone()


def test_a_backup_made_at_the_schema_before_an_upgrade_is_restored_upgraded(
        tmp_path, pg_server, monkeypatch, capsys):
    name = pg_server.new_database()
    dsn = pg_server.dsn(name)
    older = 8  # before server schema 9 gave photos their amendment_id (and 10 name parts)
    with monkeypatch.context() as before_the_upgrade:  # the imsmap the clinic had
        before_the_upgrade.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:older])
        before_the_upgrade.setattr(schema, "SCHEMA_VERSION", older)
        schema.init(dsn)
        # ... which copied and counted only the tables its schema had (a later migration
        # may add one: the corrections and retractions of server schemas 6 and 7)
        with connect(dsn) as conn:
            had = {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables"
                                              " WHERE table_schema = 'imsmap'")}
        for module in (transfer, server_dump):
            before_the_upgrade.setattr(module, "TABLES",
                                       tuple(t for t in module.TABLES if t in had))
        # ... and only the columns it had (server schema 9 gave photos their amendment_id:
        # this clinic's signed session has a photo and amendments, but no photo added by
        # amendment, as no clinic of schema 8 has)
        # ... and no name parts for search (server schema 10), which its migrate never made
        before_the_upgrade.setattr(name_parts, "fill", lambda conn, mark="?": None)
        # ... nor order keys (server schema 14)
        before_the_upgrade.setattr(name_order, "fill", lambda conn, mark="?": None)
        # ... nor chart digits (server schema 17)
        before_the_upgrade.setattr(chart_digits, "fill", lambda conn, mark="?": None)
        columns = transfer.file_columns
        before_the_upgrade.setattr(transfer, "file_columns", lambda conn, table: [
            c for c in columns(conn, table) if (table, c) != ("photos", "amendment_id")])
        assert main(["server", "migrate", "--db", str(make_clinic(tmp_path / "c.sqlite3",
                                                                   corrections=False,
                                                                   photo_by_amendment=False)),
                     "--dsn", dsn]) == 0
        dump = tmp_path / "before-upgrade.dump"
        assert main(["backup", "--dsn", dsn, "--out", str(dump)]) == 0
        backed_up = _records(dsn)
    assert backed_up[0] > 0 and backed_up[1] > 0
    with connect(dsn) as conn:
        photos = conn.execute("SELECT * FROM photos ORDER BY id").fetchall()
    assert photos
    assert main(["server", "upgrade", "--dsn", dsn]) == 0
    with connect(dsn) as conn:  # every photo as it was, none added by amendment
        upgraded = conn.execute("SELECT * FROM photos ORDER BY id").fetchall()
        names = [d[0] for d in conn.execute("SELECT * FROM photos LIMIT 0").description]
    k = names.index("amendment_id")
    assert [r[:k] + r[k + 1:] for r in upgraded] == photos and {r[k] for r in upgraded} == {None}
    capsys.readouterr()

    assert main(["restore", "--dsn", dsn, str(dump), "--force"]) == 0
    out = capsys.readouterr().out
    assert f"made at clinic server schema {older}" in out
    with connect(dsn) as conn:
        assert schema.current_version(conn) == schema.SCHEMA_VERSION
    assert _records(dsn) == backed_up
    assert main(["check", "--dsn", dsn]) == 0


def test_a_backup_made_by_a_newer_imsmap_is_refused_and_nothing_changes(
        tmp_path, pg_server, monkeypatch, capsys):
    name = pg_server.new_database()
    dsn = pg_server.dsn(name)
    schema.init(dsn)
    assert main(["server", "migrate", "--db", str(make_clinic(tmp_path / "c.sqlite3")),
                 "--dsn", dsn]) == 0
    dump = tmp_path / "now.dump"
    assert main(["backup", "--dsn", dsn, "--out", str(dump)]) == 0
    held = _records(dsn)
    capsys.readouterr()
    with monkeypatch.context() as an_older_imsmap:
        an_older_imsmap.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:-1])
        an_older_imsmap.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION - 1)
        assert main(["restore", "--dsn", dsn, str(dump), "--force"]) != 0
    said = capsys.readouterr()
    assert f"holds clinic server schema {schema.SCHEMA_VERSION}" in said.err
    assert "nothing was changed" in said.err
    assert _records(dsn) == held
