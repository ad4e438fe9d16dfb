"""`imsmap restore --dsn` killed (kill -9) after pg_restore wrote the backup into its scratch
database, while it checks it: the clinic's database is as it was (nothing is put in place before
the check), and the scratch database, a whole copy of the backup's patients on the server, is
dropped by the next restore (kept while any other restore is at work); the next restore goes
through."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from clinic_files import make_clinic

from imsmap.cli import main
from imsmap.store.postgres.connection import connect

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX's")

# `imsmap ARGS...`, held once the backup is in its scratch database, as its check begins,
# until it is killed.
KILLED = """
import sys
from imsmap.store.postgres import restore
verify = restore._verify

def held(*args, **kwargs):
    print("checking", flush=True)
    sys.stdin.readline()
    return verify(*args, **kwargs)

restore._verify = held
from imsmap.cli import main
sys.exit(main(sys.argv[1:]))
"""


def scratches(pg_server) -> set[str]:
    with pg_server.admin() as conn:
        return {r[0] for r in conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE 'imsmap_restore_%'")}


def restores_at_work(pg_server) -> int:
    """Connections of backups and restores (`imsmap backup`, its check, `imsmap restore`)."""
    with pg_server.admin() as conn:
        return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name"
                            " LIKE 'imsmap backup%' OR application_name = 'imsmap restore'"
                            ).fetchone()[0]


def patients(dsn: str) -> list[str]:
    with connect(dsn) as conn:
        return [r[0] for r in conn.execute("SELECT chart_number FROM patients ORDER BY id")]


def killed(script: str, word: str, *args: str) -> None:
    """`script` run with ``args`` in a process of its own, killed (-9) once it says ``word``."""
    child = subprocess.Popen([sys.executable, "-c", script, *args], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        said = child.stdout.readline().strip()
    finally:
        child.kill()
        errors = child.communicate(timeout=60)[1]
    assert said == word, errors
    assert child.returncode == -signal.SIGKILL


def killed_restore(dsn: str, backup) -> None:
    killed(KILLED, "checking", "restore", "--force", "--dsn", dsn, str(backup))


def gone(pg_server) -> None:
    """Until the server has seen the killed restore's or backup's connections close (it does as soon as it
    next reads from them: at once for an idle one)."""
    deadline = time.monotonic() + 30
    while restores_at_work(pg_server):
        assert time.monotonic() < deadline, "the killed restore's connection stays"
        time.sleep(0.05)


def test_a_restore_killed_while_it_checks_changes_nothing_and_the_next_drops_its_copy(
        tmp_path, pg_server, clinic_dsn, capsys):
    assert main(["server", "migrate", "--db", str(make_clinic(tmp_path / "c.sqlite3")),
                 "--dsn", clinic_dsn]) == 0
    backup = tmp_path / "clinic.dump"
    assert main(["backup", "--dsn", clinic_dsn, "--out", str(backup)]) == 0
    before = patients(clinic_dsn)
    earlier = scratches(pg_server)
    killed_restore(clinic_dsn, backup)
    left = scratches(pg_server) - earlier
    assert len(left) == 1  # the killed restore's copy of the backup
    assert patients(clinic_dsn) == before
    gone(pg_server)
    capsys.readouterr()
    assert main(["check", "--dsn", clinic_dsn]) == 0
    assert "All is well." in capsys.readouterr().out

    # Another restore at work keeps it (it may be that one's); the killed one's does not.
    with connect(pg_server.dsn(), application_name="imsmap restore", autocommit=True):
        assert main(["restore", "--force", "--dsn", clinic_dsn, str(backup)]) == 0
    assert left <= scratches(pg_server)
    gone(pg_server)  # that other restore's connection closed: the server's view follows later
    assert main(["restore", "--force", "--dsn", clinic_dsn, str(backup)]) == 0
    assert not scratches(pg_server) & left
    assert patients(clinic_dsn) == before
    assert main(["check", "--dsn", clinic_dsn]) == 0


# `imsmap ARGS...` (a server backup), held once the dump is restored into its scratch database
# to be checked, until it is killed.
KILLED_BACKUP = """
import sys
from imsmap.store.postgres import dump
run = dump._run
calls = []

def held(args, *rest):
    result = run(args, *rest)
    calls.append(args[0])
    if len(calls) == 2:  # pg_dump, then pg_restore into the scratch database
        print("checking", flush=True)
        sys.stdin.readline()
    return result

dump._run = held
from imsmap.cli import main
sys.exit(main(sys.argv[1:]))
"""


def killed_backup(dsn: str, out) -> None:
    killed(KILLED_BACKUP, "checking", "backup", "--dsn", dsn, "--out", str(out))


def checks(pg_server) -> set[str]:
    with pg_server.admin() as conn:
        return {r[0] for r in conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE 'imsmap_check_%'")}


def test_a_server_backup_killed_while_it_checks_leaves_nothing_the_next_does_not_remove(
        tmp_path, pg_server, clinic_dsn, capsys):
    """Its dump, whole, hidden beside where it was going (`.NAME.XXXXXXXX.part`), and its
    scratch database: two copies of the clinic's patients. The next backup into that folder
    removes the first once it is an hour old, and drops the second (when no other backup or
    restore is at work)."""
    assert main(["server", "migrate", "--db", str(make_clinic(tmp_path / "c.sqlite3")),
                 "--dsn", clinic_dsn]) == 0
    folder = tmp_path / "backups"
    folder.mkdir()
    earlier = checks(pg_server)
    killed_backup(clinic_dsn, folder / "clinic-1.dump")
    left = [p for p in folder.iterdir()]
    assert len(left) == 1 and left[0].name.startswith(".clinic-1.dump.") \
        and left[0].name.endswith(".part")
    assert left[0].read_bytes().startswith(b"PGDMP")  # the clinic, whole
    scratch = checks(pg_server) - earlier
    assert len(scratch) == 1
    an_hour_ago = time.time() - 3600 - 60
    os.utime(left[0], (an_hour_ago, an_hour_ago))
    # not ours, however old: another program's .part files, a near miss
    kept = ["film.mkv.part", ".film.mkv.ab12cd34.part", ".clinic-0.dump.ab12cd3.part"]
    for name in kept:
        (folder / name).write_bytes(b"PGDMP not ours" if "dump" in name else b"x")
        os.utime(folder / name, (an_hour_ago, an_hour_ago))
    gone(pg_server)

    assert main(["backup", "--dsn", clinic_dsn, "--out", str(folder / "clinic-2.dump")]) == 0
    assert {p.name for p in folder.iterdir()} == {"clinic-2.dump", *kept}
    assert not checks(pg_server) & scratch
