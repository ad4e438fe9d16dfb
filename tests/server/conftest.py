"""Fixtures of the clinic-server tests: a real PostgreSQL server (pg_support.py) for the whole
run, and a new database for each test."""

from __future__ import annotations

import importlib.util
import os
import pwd
import shutil
import tempfile
from pathlib import Path

import pytest
from pg_support import SUPERUSER, SUPERUSER_PASSWORD, PgServer, _free_port, find_bindir


@pytest.fixture(scope="session")
def pg_server():
    under_ci = os.environ.get("CI", "").lower() == "true"
    if importlib.util.find_spec("psycopg") is None:  # the server extra, in the test extra too
        reason = "psycopg (the `server` extra of imsmap) is not installed"
        if under_ci:
            pytest.fail(reason + ", and under CI the clinic-server tests must run.")
        pytest.skip(reason)
    bindir = find_bindir()
    if bindir is None:
        reason = ("PostgreSQL's server binaries (initdb, pg_ctl) are not installed on this "
                  "computer; the clinic-server tests need a real server (Debian: apt-get install "
                  "postgresql)")
        if under_ci:
            pytest.fail(reason + ", and under CI they must run.")
        pytest.skip(reason)
    run_as = None
    if os.geteuid() == 0:
        run_as = SUPERUSER
        try:
            pwd.getpwnam(run_as)
        except KeyError:
            pytest.fail("the tests run as root and there is no `postgres` user to run the "
                        "server as (initdb and pg_ctl refuse root)")
    top = Path(tempfile.mkdtemp(prefix="imsmap-pg-"))
    datadir = top / "data"
    pwfile = top / "pw"
    pwfile.write_text(SUPERUSER_PASSWORD + "\n")
    if run_as:
        info = pwd.getpwnam(run_as)
        for path in (top, pwfile):
            os.chown(path, info.pw_uid, info.pw_gid)
    server = PgServer(bindir, datadir, _free_port(), run_as)
    server.run("initdb", "-D", str(datadir), "-U", SUPERUSER, f"--pwfile={pwfile}",
               "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8",
               "--locale=C", "--no-sync")
    hba = (datadir / "pg_hba.conf").read_text()
    assert "scram-sha-256" in hba and "trust" not in "\n".join(
        line for line in hba.splitlines() if not line.lstrip().startswith("#")), hba
    server.start()
    try:
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(top, ignore_errors=True)


@pytest.fixture
def clinic_dsn(pg_server):
    """A new database, set up by `imsmap server init`; the superuser's DSN for it."""
    from imsmap.store.postgres import schema

    name = pg_server.new_database()
    dsn = pg_server.dsn(name)
    schema.init(dsn)
    return dsn


@pytest.fixture
def empty_dsn(pg_server):
    return pg_server.dsn(pg_server.new_database())
