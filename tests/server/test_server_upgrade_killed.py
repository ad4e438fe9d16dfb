"""`imsmap server upgrade` killed (kill -9) inside one migration's transaction, every statement
of it run, not committed: the server keeps the migrations before it, nothing of that one (its
schema version is the one before it, and the schema is that version's whole), a room is still
refused with the sentence that says to upgrade, and the next upgrade goes through from there.
(The file's upgrade killed the same way: tests/test_upgrade.py.)"""

from __future__ import annotations

import sys

import pytest
from test_server_restore_killed import killed

from imsmap.cli import main
from imsmap.store.postgres import schema
from imsmap.store.postgres.connection import connect

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX's")

HELD_AT = 9  # the migration the upgrade is killed in

# `imsmap ARGS...`, held once migration HELD_AT ran in its transaction, until it is killed.
KILLED = """
import sys
from imsmap.store.postgres import schema
run = schema._run
at = int(sys.argv.pop(1))

def held(conn, version, *args):
    run(conn, version, *args)
    if version == at:
        print("inside", flush=True)
        sys.stdin.readline()

schema._run = held
from imsmap.cli import main
sys.exit(main(sys.argv[1:]))
"""


def tables(dsn: str) -> set[str]:
    with connect(dsn) as conn:
        return set(schema.objects(conn))


def test_an_upgrade_killed_inside_a_migration_keeps_the_ones_before_and_none_of_it(
        pg_server, capsys, monkeypatch):
    name = pg_server.new_database()
    dsn = pg_server.dsn(name)
    with monkeypatch.context() as old:
        old.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:3])
        old.setattr(schema, "SCHEMA_VERSION", 3)
        schema.init(dsn)
    # What the schema is at the version before the killed migration, for comparison.
    reference = pg_server.dsn(pg_server.new_database())
    with monkeypatch.context() as old:
        old.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:HELD_AT - 1])
        old.setattr(schema, "SCHEMA_VERSION", HELD_AT - 1)
        schema.init(reference)

    killed(KILLED, "inside", str(HELD_AT), "server", "upgrade", "--dsn", dsn)

    with connect(dsn) as conn:
        assert schema.current_version(conn) == HELD_AT - 1
    assert tables(dsn) == tables(reference)  # the schema of that version, whole
    assert main(["check", "--dsn", dsn]) == 2  # a room's command: refused, one sentence
    err = capsys.readouterr().err
    assert f"older clinic server schema ({HELD_AT - 1})" in err and "upgrade" in err \
        and err.count("\n") == 1, err
    assert main(["server", "upgrade", "--dsn", dsn]) == 0
    assert f"from clinic server schema {HELD_AT - 1} to {schema.SCHEMA_VERSION}" in \
        capsys.readouterr().out
    assert main(["check", "--dsn", dsn]) == 0
    assert "All is well." in capsys.readouterr().out
