"""A real PostgreSQL server for the clinic-server tests (the fixtures are in conftest.py): one
per test run, in a temporary data directory, on a free loopback port, with scram-sha-256
passwords in pg_hba.conf, stopped at the end. initdb and pg_ctl refuse to run as root: under root they run as the `postgres` user.

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
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"
SUPERUSER_PASSWORD = "test-superuser-secret"
_names = itertools.count(1)


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


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgServer:
    bindir: Path
    datadir: Path
    port: int
    run_as: str | None  # the OS user the server runs as when tests run as root

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
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.datadir.parent}"
                   # a test server: durability is not what these tests are about
                   " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                   " -c shared_buffers=16MB -c max_connections=40")
        self.run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.datadir),
                 "-l", str(self.datadir.parent / "server.log"), "-o", options)

    def stop(self, mode: str = "fast") -> None:
        self.run("pg_ctl", "stop", "-w", "-m", mode, "-D", str(self.datadir), check=False)

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
