"""`imsmap restore --dsn DSN FILE`: a server backup restored into a scratch database, checked
(counts, signatures, chain), then renamed into place in one transaction; never over records
without --force (and then the replaced database is kept), never while a room is connected,
never a backup that is not whole. Each refusal is one sentence and changes nothing."""

from __future__ import annotations

import secrets
import time

import psycopg
import pytest
from clinic_files import make_clinic

from imsmap.cli import main
from imsmap.services.context import open_server_context
from imsmap.store.postgres import chain, users
from imsmap.store.postgres.connection import connect
from imsmap.store.postgres.dump import tool

PASSWORD = "restore-test-secret"


def _databases(pg_server) -> set[str]:
    with pg_server.admin() as conn:
        return {r[0] for r in conn.execute("SELECT datname FROM pg_database")}


def _drop(pg_server, *names: str) -> None:
    with pg_server.admin() as conn:
        for name in names:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _patients(dsn: str) -> list[str]:
    with connect(dsn) as conn:
        return [r[0] for r in conn.execute("SELECT chart_number FROM patients ORDER BY id")]


@pytest.fixture
def backed_up(tmp_path, pg_server, clinic_dsn, capsys):
    """A migrated clinic and its backup: (the clinic's DSN, the backup file)."""
    assert main(["server", "migrate", "--db", str(make_clinic(tmp_path / "c.sqlite3")),
                 "--dsn", clinic_dsn]) == 0
    out = tmp_path / "clinic.dump"
    assert main(["backup", "--dsn", clinic_dsn, "--out", str(out)]) == 0
    capsys.readouterr()
    return clinic_dsn, out


def _name() -> str:
    return f"restored_{secrets.token_hex(4)}"


def test_a_backup_restored_into_a_new_database_is_the_clinic_checked(backed_up, pg_server,
                                                                     capsys):
    dsn, dump = backed_up
    before = _databases(pg_server)
    target = _name()
    assert main(["restore", "--dsn", pg_server.dsn(target), str(dump)]) == 0
    said = capsys.readouterr().out
    assert f"database {target}" in said and "unbroken" in said and "kept" not in said
    assert _databases(pg_server) == before | {target}  # no scratch database left
    restored = pg_server.dsn(target)
    with connect(restored) as new, connect(dsn) as old:
        assert chain.verify_chain(new) == [] and chain.head(new) == chain.head(old)
        assert chain.head(new)[1].hex()[:16] in said
        for table in ("patients", "sessions", "sites", "amendments", "audit"):
            assert new.execute(f"SELECT count(*) FROM {table}").fetchone() == \
                old.execute(f"SELECT count(*) FROM {table}").fetchone()
    # A person of the clinic signs in to it and works there: the database's own grants (which
    # a dump does not carry) were given, and the triggers and policies came with the dump.
    users.add_user(restored, "restore.physio", "practitioner", PASSWORD)
    context = open_server_context(pg_server.dsn(target, user="restore.physio",
                                                password=PASSWORD))
    try:
        context.records.create_patient(chart_number="R-1", family_name="After")
    finally:
        context.close()
    assert _patients(restored)[-1] == "R-1"
    with connect(restored) as new:
        assert chain.verify_chain(new) == []
    _drop(pg_server, target)


def test_records_are_replaced_only_with_force_and_kept_aside(backed_up, pg_server, capsys):
    dsn, dump = backed_up
    context = open_server_context(dsn)
    try:  # a patient added after the backup: what --force would put aside
        context.records.create_patient(chart_number="LATE-1", family_name="Later")
    finally:
        context.close()
    now = _patients(dsn)
    before = _databases(pg_server)
    assert main(["restore", "--dsn", dsn, str(dump)]) == 2
    err = capsys.readouterr().err
    assert "holds records" in err and "--force" in err and err.count("\n") == 1
    assert _databases(pg_server) == before and _patients(dsn) == now

    assert main(["restore", "--dsn", dsn, str(dump), "--force"]) == 0
    said = capsys.readouterr().out
    after = _databases(pg_server)
    (aside,) = after - before
    dbname = psycopg.conninfo.conninfo_to_dict(dsn)["dbname"]
    assert aside.startswith(f"{dbname}_replaced_") and aside in said
    assert _patients(dsn) == [c for c in now if c != "LATE-1"]
    assert _patients(pg_server.dsn(aside)) == now  # the replaced records, kept whole
    _drop(pg_server, aside)


def test_an_empty_database_takes_the_backup_and_an_open_one_is_never_replaced(
        backed_up, pg_server, capsys):
    dsn, dump = backed_up
    empty = pg_server.new_database()  # createdb, nothing in it: no --force needed
    before = _databases(pg_server)
    assert main(["restore", "--dsn", pg_server.dsn(empty), str(dump)]) == 0
    assert "kept" not in capsys.readouterr().out
    assert _databases(pg_server) == before and _patients(pg_server.dsn(empty)) == _patients(dsn)

    # A room connected to the clinic: refused before anything is done, and again if it connects
    # while the backup is being checked (the server refuses the rename itself).
    room = connect(dsn)
    try:
        assert main(["restore", "--dsn", dsn, str(dump), "--force"]) == 2
        err = capsys.readouterr().err
        assert "close imsmap in every room" in err and err.count("\n") == 1
        assert _databases(pg_server) == before
    finally:
        room.close()
    from imsmap.store.postgres import restore as restore_module

    late: list = []

    def connects_meanwhile(scratch_dsn: str) -> None:
        late.append(connect(dsn))
    try:
        with pytest.raises(restore_module.ServerError, match="close imsmap in every room"):
            restore_module.restore(dsn, dump, force=True, check=connects_meanwhile)
    finally:
        for c in late:
            c.close()
    assert _databases(pg_server) == before and late
    _drop(pg_server, empty)


def test_a_newly_set_up_server_replaced_is_said_empty_not_records_kept(backed_up, pg_server,
                                                                        capsys, monkeypatch):
    """A new server (`imsmap server init`, no patient, no session yet) given the clinic's
    backup: it is set aside as a single PC sets aside its empty file, and said so; not
    "records kept on the server", which would send the IT provider looking for records."""
    from imsmap.store.postgres import schema

    _, dump = backed_up
    new = pg_server.new_database()
    schema.init(pg_server.dsn(new))
    before = _databases(pg_server)
    assert main(["restore", "--dsn", pg_server.dsn(new), str(dump)]) == 2
    err = capsys.readouterr().err
    assert "no patient and no session" in err and "holds records" not in err, err
    assert main(["restore", "--dsn", pg_server.dsn(new), str(dump), "--force"]) == 0
    said = capsys.readouterr().out
    (aside,) = _databases(pg_server) - before  # set aside all the same, never dropped
    assert f"The empty clinic database it replaced (no patient, no session) was set aside " \
           f"on the server as {aside}." in " ".join(said.split()), said
    assert "kept on the server" not in said and "Every patient" not in said, said
    _drop(pg_server, aside, new)

    # In French, whole: the refusals' words were English inside the French sentence (what
    # the database holds), or English altogether (the rooms connected to it).
    again = pg_server.new_database()
    schema.init(pg_server.dsn(again))
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    assert main(["restore", "--dsn", pg_server.dsn(again), str(dump)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "est une clinique imsmap sans patient ni séance encore" in err, err
    room = connect(pg_server.dsn(again))
    try:
        assert main(["restore", "--dsn", pg_server.dsn(again), str(dump), "--force"]) == 2
    finally:
        room.close()
    err = " ".join(capsys.readouterr().err.split())
    assert "est ouverte dans 1 connexion (" in err and "fermez imsmap dans chaque salle" in err, err
    with pg_server.admin() as admin:  # the room's backend gone (it ends after its client)
        for _ in range(200):
            if not admin.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s",
                                 (again,)).fetchone()[0]:
                break
            time.sleep(0.05)
    assert main(["restore", "--dsn", pg_server.dsn(again), str(dump), "--force"]) == 0
    said = " ".join(capsys.readouterr().out.split())
    (aside,) = _databases(pg_server) - before - {again}
    assert f"La base de données de clinique vide remplacée (aucun patient, aucune séance) a " \
           f"été mise de côté sur le serveur sous le nom {aside}." in said, said
    _drop(pg_server, aside, again)


def test_what_is_not_a_whole_backup_is_refused_and_leaves_nothing(backed_up, pg_server,
                                                                   tmp_path, capsys):
    dsn, dump = backed_up
    before, target = _databases(pg_server), _name()
    plain = tmp_path / "notes.txt"
    plain.write_text("not a backup")
    cut = tmp_path / "cut.dump"
    cut.write_bytes(dump.read_bytes()[: dump.stat().st_size * 2 // 3])
    cases = [(str(tmp_path / "missing.dump"), "is not a file"),
             (str(plain), "is not a backup"),
             (str(cut), "cannot be read whole")]
    for path, words in cases:
        assert main(["restore", "--dsn", pg_server.dsn(target), path]) == 2
        err = capsys.readouterr().err
        assert words in err and err.count("\n") == 1, err
        assert _databases(pg_server) == before
    # A dump of a clinic whose audit trail was altered by someone who switched the triggers
    # off (as only the owner or a superuser can): the chain check refuses it.
    with connect(dsn) as conn:
        original_actor = conn.execute("SELECT actor FROM audit WHERE id = 2").fetchone()[0]
        conn.execute("ALTER TABLE audit DISABLE TRIGGER USER")
        conn.execute("UPDATE audit SET actor = 'someone.else' WHERE id = 2")
        conn.execute("ALTER TABLE audit ENABLE TRIGGER USER")
        conn.commit()
    forged = tmp_path / "forged.dump"
    import subprocess
    subprocess.run([tool("pg_dump"), "-Fc", "-f", str(forged), "-d", dsn], check=True)
    assert main(["restore", "--dsn", pg_server.dsn(target), str(forged)]) == 2
    err = capsys.readouterr().err
    assert "does not restore whole" in err and "audit entry 2" in err and err.count("\n") == 1
    assert _databases(pg_server) == before
    # A signed session's site changed behind the triggers, the chain left whole: the services'
    # check (signatures) refuses it.
    with connect(dsn) as conn:
        conn.execute("ALTER TABLE audit DISABLE TRIGGER USER")
        conn.execute("UPDATE audit SET actor = %s WHERE id = 2", (original_actor,))
        conn.execute("ALTER TABLE audit ENABLE TRIGGER USER")
        conn.execute("ALTER TABLE sites DISABLE TRIGGER USER")
        conn.execute("UPDATE sites SET grasp = 3 - coalesce(grasp, 0) WHERE session_id IN"
                     " (SELECT id FROM sessions WHERE signed_at IS NOT NULL)")
        conn.execute("ALTER TABLE sites ENABLE TRIGGER USER")
        conn.commit()
        assert chain.verify_chain(conn) == []
    resigned = tmp_path / "resigned.dump"
    subprocess.run([tool("pg_dump"), "-Fc", "-f", str(resigned), "-d", dsn], check=True)
    assert main(["restore", "--dsn", pg_server.dsn(target), str(resigned)]) == 2
    err = capsys.readouterr().err
    assert "does not pass imsmap's checks" in err and "content hash" in err
    assert err.count("\n") == 1 and _databases(pg_server) == before


def test_a_person_s_login_may_not_restore(backed_up, pg_server, capsys):
    dsn, dump = backed_up
    users.add_user(dsn, "only.physio", "practitioner", PASSWORD)
    before = _databases(pg_server)
    dbname = psycopg.conninfo.conninfo_to_dict(dsn)["dbname"]
    assert main(["restore", "--dsn", pg_server.dsn(dbname, user="only.physio",
                                                   password=PASSWORD), str(dump)]) == 2
    err = capsys.readouterr().err
    assert "administrator's login" in err and err.count("\n") == 1
    assert _databases(pg_server) == before


def test_two_restores_within_one_second_each_keep_the_records_they_replace(
        backed_up, pg_server):
    # The records a forced restore puts aside are named by the second it ran in: a second
    # restore within that second asked for the same name and was refused ("already exists"),
    # which a fast server met in tests/server/test_server_restore_killed.py.
    from datetime import datetime

    from imsmap.store.postgres.restore import restore

    dsn, dump = backed_up
    dbname = psycopg.conninfo.conninfo_to_dict(dsn)["dbname"]
    at = datetime(2026, 12, 7, 1, 16, 36)
    first = restore(dsn, dump, force=True, now=at)
    second = restore(dsn, dump, force=True, now=at)
    assert first.replaced == f"{dbname}_replaced_20261207_011636"
    assert second.replaced == f"{dbname}_replaced_20261207_011636_2"
    assert {first.replaced, second.replaced} <= _databases(pg_server)
    for aside in (first.replaced, second.replaced):  # each whole, not the other's
        assert _patients(pg_server.dsn(aside)) == _patients(dsn)
    _drop(pg_server, first.replaced, second.replaced)
