"""Fixtures of the clinic-server tests: a new database for each test, on the real PostgreSQL
server that tests/conftest.py starts once per run (pg_support.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def initialised_clinic(pg_server):
    """A database set up by `imsmap server init`, made once a run: `clinic_dsn` copies it.
    Running every migration for each of the ~180 tests that take a clinic was about 0.3-0.5 s
    each on this machine, a copy a part of it; test_server_clinic_copy.py's
    test_a_copied_clinic_is_the_clinic_server_init_sets_up checks that a copy is what an
    init makes."""
    from imsmap.store.postgres import schema

    name = pg_server.new_database()
    schema.init(pg_server.dsn(name))
    return name


@pytest.fixture
def clinic_dsn(pg_server, initialised_clinic):
    """A new database, as `imsmap server init` sets it up (a copy of `initialised_clinic`);
    the superuser's DSN for it."""
    from pg_support import copy_clinic

    return pg_server.dsn(copy_clinic(pg_server, initialised_clinic))


@pytest.fixture
def people(pg_server, clinic_dsn):
    """role -> (login, DSN) for two practitioners, reception and admin, each with a login of
    their own in the new clinic (live_support.make_people)."""
    from live_support import make_people

    return make_people(pg_server, clinic_dsn)


@pytest.fixture
def empty_dsn(pg_server):
    return pg_server.dsn(pg_server.new_database())
