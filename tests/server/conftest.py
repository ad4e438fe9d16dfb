"""Fixtures of the clinic-server tests: a new database for each test, on the real PostgreSQL
server that tests/conftest.py starts once per run (pg_support.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def clinic_dsn(pg_server):
    """A new database, set up by `imsmap server init`; the superuser's DSN for it."""
    from imsmap.store.postgres import schema

    name = pg_server.new_database()
    dsn = pg_server.dsn(name)
    schema.init(dsn)
    return dsn


@pytest.fixture
def people(pg_server, clinic_dsn):
    """role -> (login, DSN) for two practitioners, reception and admin, each with a login of
    their own in the new clinic (live_support.make_people)."""
    from live_support import make_people

    return make_people(pg_server, clinic_dsn)


@pytest.fixture
def empty_dsn(pg_server):
    return pg_server.dsn(pg_server.new_database())
