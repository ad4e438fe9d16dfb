"""A real PostgreSQL server for the clinic-server tests (the fixtures are in conftest.py): one
per test run, in a temporary data directory, on a free loopback port, with scram-sha-256
passwords in pg_hba.conf, stopped at the end. initdb and pg_ctl refuse to run as root: under
root they run as the `postgres` user.

Without PostgreSQL's binaries on this computer the tests are skipped, saying so; under CI
(CI=true, and .ci/run installs Debian's `postgresql`) a missing server fails instead.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"
SUPERUSER_PASSWORD = "test-superuser-secret"
_names = itertools.count(1)

# A server's watchdog (PgServer.start): it reads a pipe whose other end only the process that
# started the server holds. pg_ctl runs the server as a daemon of its own, so a test run that
# is killed (kill -9, a timeout) never stops it; its end of the pipe, though, closes however the
# process ends. Read to its end without the word of a stop (PgServer.stop says it), the pipe
# tells the watchdog that its process died: it stops the server at once and removes the
# temporary folder the server lived in. It runs in a session of its own, so that a kill of
# the test run's process group leaves it to do so.
WATCHDOG = """
import shutil, subprocess, sys
pg_ctl, datadir, top, run_as = sys.argv[1:5]
if sys.stdin.read() != "stopped":
    subprocess.run([pg_ctl, "stop", "-w", "-m", "immediate", "-D", datadir], cwd=top,
                   capture_output=True, timeout=120, user=run_as or None)
    shutil.rmtree(top, ignore_errors=True)
"""


def find_bindir() -> Path | None:
    """Where initdb, pg_ctl and postgres are: on PATH, else Debian's /usr/lib/postgresql/N/bin
    (newest first)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit()
                         else 0, reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgServer:
    bindir: Path
    datadir: Path
    port: int
    run_as: str | None  # the OS user the server runs as when tests run as root
    durable: bool = False  # fsync and synchronous commit on, as a clinic's server runs
    watchdog: subprocess.Popen | None = None  # stops it if this process dies (WATCHDOG)

    def dsn(self, dbname: str = "postgres", user: str = SUPERUSER,
            password: str | None = SUPERUSER_PASSWORD, **extra: str) -> str:
        from psycopg.conninfo import make_conninfo

        params = {"host": "127.0.0.1", "port": str(self.port), "dbname": dbname, "user": user,
                  **extra}
        if password is not None:
            params["password"] = password
        return make_conninfo(**params)

    def run(self, *args: str, check: bool = True, env: dict | None = None
            ) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.bindir / args[0]), *args[1:]], check=check,
                              capture_output=True, text=True, timeout=120, user=self.run_as,
                              cwd=self.datadir.parent, env=env)

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.datadir.parent}"
        if self.durable:  # bench/server.py: commits timed as a clinic's server makes them
            options += (" -c fsync=on -c synchronous_commit=on -c shared_buffers=128MB"
                        " -c max_connections=60")
        else:  # a test server: durability is not what these tests are about
            options += (" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                        " -c shared_buffers=16MB -c max_connections=40")
        if self.watchdog is None:  # one for the server's life, across a kill and a start
            self.watchdog = subprocess.Popen(
                [sys.executable, "-c", WATCHDOG, str(self.bindir / "pg_ctl"),
                 str(self.datadir), str(self.datadir.parent), self.run_as or ""],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                text=True, start_new_session=True)
        self.run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.datadir),
                 "-l", str(self.datadir.parent / "server.log"), "-o", options)

    def stop(self, mode: str = "fast") -> None:
        self.run("pg_ctl", "stop", "-w", "-m", mode, "-D", str(self.datadir), check=False)
        if self.watchdog is not None:  # stopped here: the watchdog ends without a word
            assert self.watchdog.stdin is not None
            self.watchdog.stdin.write("stopped")
            self.watchdog.stdin.close()
            self.watchdog.wait(timeout=60)
            self.watchdog = None

    def kill(self) -> None:
        """Kill the server as a power cut would (SIGKILL to the postmaster; its backends see
        it gone and exit), and wait until every process of it has gone, so that `start`
        recovers it from its WAL."""
        import signal
        import time

        pid = int((self.datadir / "postmaster.pid").read_text().split()[0])
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True,
                                  text=True).stdout.split()
        os.kill(pid, signal.SIGKILL)
        for _ in range(200):
            alive = [p for p in (pid, *map(int, children)) if process_alive(p)]
            if not alive:
                break
            time.sleep(0.05)
        else:
            for p in alive:  # a backend slow to notice: gone too, as after a power cut
                os.kill(p, signal.SIGKILL)
        # Where nothing reaps the dead postmaster (a container without an init), its zombie
        # keeps its pid "alive" to the next postmaster, which then refuses the data
        # directory: every process of it is gone, so its lock files are stale.
        (self.datadir / "postmaster.pid").unlink(missing_ok=True)
        (self.datadir.parent / f".s.PGSQL.{self.port}.lock").unlink(missing_ok=True)

    def admin(self):
        """An autocommit superuser connection to the maintenance database."""
        import psycopg

        return psycopg.connect(self.dsn(), autocommit=True)

    def new_database(self) -> str:
        """An empty UTF8 database with a name of its own; its name."""
        name = f"clinic_{os.getpid()}_{next(_names)}"
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8'
                         " LC_COLLATE 'C' LC_CTYPE 'C'")
        return name


def copy_clinic(server: PgServer, template: str) -> str:
    """A new database copied from `template`, a clinic's database set up by `imsmap server
    init`, with what CREATE DATABASE does not copy given as init gives it (the grants on the
    database and its search_path, as the server's restore does for its copy); its name."""
    from psycopg import sql

    from imsmap.store.postgres.connection import GROUPS, SCHEMA

    name = f"clinic_{os.getpid()}_{next(_names)}"
    ident = sql.Identifier
    with server.admin() as conn:
        strategy = sql.SQL(" STRATEGY FILE_COPY" if conn.info.server_version >= 150000 else "")
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}{}").format(
            ident(name), ident(template), strategy))
        conn.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(ident(name)))
        conn.execute(sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(
            ident(name), sql.SQL(", ").join(ident(g) for g in GROUPS.values())))
        conn.execute(sql.SQL("ALTER DATABASE {} SET search_path TO {}, public").format(
            ident(name), ident(SCHEMA)))
    return name


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat")
    try:  # a zombie (Z) has exited: its parent has not read its status yet
        return state.read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def serve(fail, skip):
    """Start a server for the test run (a generator: yields it, stops it afterwards).
    ``fail`` and ``skip`` are pytest's: under CI (CI=true) a server that cannot start fails."""
    import importlib.util
    import pwd
    import tempfile

    under_ci = os.environ.get("CI", "").lower() == "true"
    if importlib.util.find_spec("psycopg") is None:  # the server extra, in the test extra too
        reason = "psycopg (the `server` extra of imsmap) is not installed"
        if under_ci:
            fail(reason + ", and under CI the clinic-server tests must run.")
        skip(reason)
    bindir = find_bindir()
    if bindir is None:
        reason = ("PostgreSQL's server binaries (initdb, pg_ctl) are not installed on this "
                  "computer; the clinic-server tests need a real server (Debian: apt-get install "
                  "postgresql)")
        if under_ci:
            fail(reason + ", and under CI they must run.")
        skip(reason)
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SUPERUSER)
        except KeyError:
            fail("the tests run as root and there is no `postgres` user to run the "
                 "server as (initdb and pg_ctl refuse root)")
    top = Path(tempfile.mkdtemp(prefix="imsmap-pg-"))
    server = start_server(top, bindir=bindir)
    try:
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(top, ignore_errors=True)


def start_server(top: Path, *, durable: bool = False, bindir: Path | None = None) -> PgServer:
    """A new PostgreSQL cluster in ``top``/data, started on a free loopback port, its
    superuser's password in pg_hba.conf as scram-sha-256; as the `postgres` user when run as
    root (initdb and pg_ctl refuse root). ``durable``: fsync and synchronous commit on, as a
    clinic's server runs (bench/server.py); else a test server, which skips them. Stopping
    it and removing ``top`` is the caller's."""
    import pwd

    bindir = bindir or find_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL's server binaries (initdb, pg_ctl) are not installed")
    run_as = SUPERUSER if os.geteuid() == 0 else None
    datadir = top / "data"
    pwfile = top / "pw"
    pwfile.write_text(SUPERUSER_PASSWORD + "\n")
    if run_as:
        info = pwd.getpwnam(run_as)
        for path in (top, pwfile):
            os.chown(path, info.pw_uid, info.pw_gid)
    server = PgServer(bindir, datadir, free_port(), run_as, durable)
    server.run("initdb", "-D", str(datadir), "-U", SUPERUSER, f"--pwfile={pwfile}",
               "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8",
               "--locale=C", *(() if durable else ("--no-sync",)))
    hba = (datadir / "pg_hba.conf").read_text()
    assert "scram-sha-256" in hba and "trust" not in "\n".join(
        line for line in hba.splitlines() if not line.lstrip().startswith("#")), hba
    server.start()
    return server


# -- the services' tests on the server (tests/conftest.py: the `backend` fixture) -------------
# Practitioners' logins the services' tests sign in as (one per actor those tests name).
TEST_LOGINS = ("test.physio", "anna.physio", "ben.physio", "other.physio", "c.physio")
TEST_PASSWORD = "test-practitioner-secret"


class ClinicTemplate:
    """One database set up by `imsmap server init` with the test logins, copied for each
    test (CREATE DATABASE ... TEMPLATE: a few hundredths of a second, not an init's second)."""

    def __init__(self, server: PgServer):
        from imsmap.store.postgres import schema, users

        self.server = server
        self.name = server.new_database()
        dsn = server.dsn(self.name)
        schema.init(dsn)
        with server.admin() as conn:
            existing = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles")}
        for login in TEST_LOGINS:
            if login not in existing:
                users.add_user(dsn, login, "practitioner", TEST_PASSWORD)

    def new_clinic(self) -> str:
        """A copy of the template; the grants on the database itself are not copied by
        CREATE DATABASE, so they are given again as `server init` gives them."""
        name = f"clinic_{os.getpid()}_{next(_names)}"
        with self.server.admin() as conn:
            # The template's files copied whole (a checkpoint first, cheap with fsync off), not
            # page by page through the WAL, PostgreSQL 15's default: about half the time of
            # each server test's new database (0.05 s, not 0.1, here).
            strategy = " STRATEGY FILE_COPY" if conn.info.server_version >= 150000 else ""
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.name}"{strategy}')
            conn.execute(f'REVOKE ALL ON DATABASE "{name}" FROM PUBLIC')
            conn.execute(f'GRANT CONNECT, TEMPORARY ON DATABASE "{name}" TO imsmap_practitioner,'
                         " imsmap_reception, imsmap_admin")
        return name

    def drop(self, name: str) -> None:
        with self.server.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def dsn(self, name: str, login: str = "test.physio") -> str:
        return self.server.dsn(name, user=login, password=TEST_PASSWORD)
