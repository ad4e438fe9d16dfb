"""A server restore meets its own connections closing: the server lists a connection until its
process has ended, a moment after the client closed it (longer on a loaded server), and the
rename that puts the backup in place refused « open in 1 connection » for a look the restore
itself had just made and closed. It now waits a bounded moment for its own closing connections
to go; a connection really open (a room, another program) still refuses the restore, at once
and with its sentence, and changes nothing."""

from __future__ import annotations

import time

import psycopg
import pytest
from clinic_files import make_clinic

from imsmap.cli import main
from imsmap.store.postgres import restore as restore_module
from imsmap.store.postgres.connection import connect
from imsmap.store.postgres.dump import RESTORE_LOOK

LINGER_S = 7  # longer than PostgreSQL's own wait in a rename for a database's backends (5 s)


@pytest.fixture
def backed_up(tmp_path, clinic_dsn, capsys):
    """A migrated clinic and its backup: (the clinic's DSN, the backup file)."""
    assert main(["server", "migrate", "--db", str(make_clinic(tmp_path / "c.sqlite3")),
                 "--dsn", clinic_dsn]) == 0
    out = tmp_path / "clinic.dump"
    assert main(["backup", "--dsn", clinic_dsn, "--out", str(out)]) == 0
    capsys.readouterr()
    return clinic_dsn, out


def databases(pg_server) -> set[str]:
    with pg_server.admin() as conn:
        return {r[0] for r in conn.execute("SELECT datname FROM pg_database")}


def listed(pg_server, dsn: str) -> int:
    """Client connections the server lists on ``dsn``'s database."""
    dbname = psycopg.conninfo.conninfo_to_dict(dsn)["dbname"]
    with pg_server.admin() as conn:
        return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
                            " AND backend_type = 'client backend'", (dbname,)).fetchone()[0]


def closed_while_busy(dsn: str, application: str) -> None:
    """A connection to ``dsn`` closed by its client while its server process is still busy
    (a statement of LINGER_S seconds): the server lists it until the statement ends, as it
    lists any connection just closed until its process has ended."""
    conn = psycopg.connect(dsn, application_name=application, autocommit=True)
    conn.pgconn.send_query(f"SELECT pg_sleep({LINGER_S})".encode())
    assert conn.pgconn.flush() == 0
    conn.close()


def test_a_look_of_its_own_closed_just_before_the_rename_does_not_refuse_the_restore(
        backed_up, pg_server):
    dsn, dump = backed_up
    seen = []

    def look_then_close(scratch_dsn: str) -> None:  # as the command's look at what is lost
        closed_while_busy(dsn, RESTORE_LOOK)
        seen.append(listed(pg_server, dsn))

    done = restore_module.restore(dsn, dump, force=True, check=look_then_close)
    assert seen == [1]  # closed, still listed as the rename began
    assert done.replaced is not None
    with connect(dsn) as conn:  # the backup is in place
        assert conn.execute("SELECT current_database()").fetchone()[0] == done.database
    with pg_server.admin() as conn:
        conn.execute(f'DROP DATABASE "{done.replaced}"')


def test_a_look_closed_just_before_the_restore_begins_does_not_refuse_it(backed_up, pg_server):
    """As when one restore's command has just said what the database it replaced holds (its
    look at the restored database, closed as it ended) and the next restore begins."""
    dsn, dump = backed_up
    closed_while_busy(dsn, RESTORE_LOOK)
    assert listed(pg_server, dsn) == 1
    done = restore_module.restore(dsn, dump, force=True)
    assert done.replaced is not None
    with pg_server.admin() as conn:
        conn.execute(f'DROP DATABASE "{done.replaced}"')


def test_a_connection_really_open_still_refuses_at_once_with_its_sentence(
        backed_up, pg_server):
    dsn, dump = backed_up
    before = databases(pg_server)
    rooms: list = []

    def room_connects(scratch_dsn: str) -> None:
        rooms.append(connect(dsn))
    try:
        started = time.monotonic()
        with pytest.raises(restore_module.ServerError,
                           match=r"open in 1 connection.*close imsmap in every room"):
            restore_module.restore(dsn, dump, force=True, check=room_connects)
        took = time.monotonic() - started
    finally:
        for room in rooms:
            room.close()
    assert databases(pg_server) == before  # nothing changed, no scratch database left
    assert rooms and took < restore_module.OWN_CLOSING_WAIT_S


def test_a_look_of_its_own_still_open_after_the_wait_refuses_with_the_sentence(
        backed_up, pg_server, monkeypatch):
    dsn, dump = backed_up
    monkeypatch.setattr(restore_module, "OWN_CLOSING_WAIT_S", 1.0)
    before = databases(pg_server)
    looks: list = []

    def look_kept_open(scratch_dsn: str) -> None:
        looks.append(connect(dsn, application_name=RESTORE_LOOK))
    try:
        with pytest.raises(restore_module.ServerError,
                           match=r"open in 1 connection.*close imsmap in every room"):
            restore_module.restore(dsn, dump, force=True, check=look_kept_open)
    finally:
        for look in looks:
            look.close()
    assert databases(pg_server) == before
