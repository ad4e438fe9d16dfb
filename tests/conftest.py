"""Shared fixtures: every test gets its own temporary database, data folder and settings."""

from __future__ import annotations

import logging
import os
import shutil
from datetime import datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path, tmp_path_factory):
    """No test touches the user's real data folder, database or Qt settings. The data folder
    (where imsmap keeps its log) is a folder of its own, beside tmp_path: a test that checks a
    command left the user's folder as it was sees only what the command wrote there.

    Its own MonkeyPatch, not the test's: a test that calls `monkeypatch.undo()` to take back
    its own patches took these back too, and what it did next (an upgrade's copy of the file,
    a log, the Qt settings) went to the user's real folders."""
    with pytest.MonkeyPatch.context() as isolation:
        isolation.setenv("IMSMAP_DATA_DIR", str(tmp_path_factory.mktemp("data")))
        isolation.delenv("IMSMAP_DB", raising=False)
        isolation.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
        isolation.setenv("QT_QPA_PLATFORM", "offscreen")
        yield
        _close_log_files()


def _close_log_files() -> None:
    """The log files a test opened (imsmap.logs.setup, write_crash_log) are its own: closed
    with it, so that the next test's lines never land in this test's folder."""
    for name in ("imsmap", "imsmap.crash"):
        logger = logging.getLogger(name)
        for handler in [h for h in logger.handlers if isinstance(h, logging.FileHandler)]:
            logger.removeHandler(handler)
            handler.close()


@pytest.fixture
def no_file_holds(db_path):
    """No holds beside the test's file (store.file_holds): its holds folder cannot be made, as
    in a folder where imsmap may not write it, or with an imsmap from before holds. Two windows
    or processes may then edit one draft, and what each write checks (the values it started
    from, a signature over what was shown) is what stands: the tests of those checks use this
    (tests/test_file_holds_processes.py tests the holds)."""
    from imsmap.store.file_holds import folder_of

    folder = folder_of(db_path)
    if folder.is_dir():
        folder.rmdir()  # made by writes before, which held their draft only while they wrote
    folder.write_text("no holds here: a file where their folder would be\n")
    return db_path


@pytest.fixture
def atlas():
    from imsmap.atlas import load_atlas

    return load_atlas()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "clinic.sqlite3"


# -- the two backends ------------------------------------------------------------------------
# A module marked `pytestmark = pytest.mark.both_backends` runs each of its tests that reads the
# records (through `context`, `records`, ...) twice: on a new SQLite file, and on a new database
# of a real PostgreSQL server (one server for the whole run, one database per test copied from
# a template set up by `imsmap server init`). Every other test runs on SQLite only, and so does
# a test marked `sqlite_only(reason)` in such a module (it reads the file's own SQL, say).
def pytest_generate_tests(metafunc):
    if metafunc.definition.get_closest_marker("both_backends") is not None \
            and metafunc.definition.get_closest_marker("sqlite_only") is None \
            and "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", ["sqlite", "server"], indirect=True)


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for the whole run (tests/pg_support.py); skipped where it is
    not installed, a failure under CI."""
    from pg_support import serve

    yield from serve(pytest.fail, pytest.skip)


@pytest.fixture(scope="session")
def clinic_template(pg_server):
    from pg_support import ClinicTemplate

    return ClinicTemplate(pg_server)


@pytest.fixture
def backend(request):
    """"sqlite", or "server" in a both_backends module's second run."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def server_clinic(backend, request):
    """On the server backend: (template, the test's own clinic database); None on SQLite."""
    if backend != "server":
        yield None
        return
    template = request.getfixturevalue("clinic_template")
    name = template.new_clinic()
    yield template, name
    try:
        if request.node.get_closest_marker("writes_around_imsmap") is None:
            around = _written_around_imsmap(template, name)
            assert not around, f"rows of a session written with no audit entry: {around[:5]}"
            unlike = _unlike_their_trail(template, name)
            assert not unlike, f"rows unlike what their audit trail says: {unlike[:5]}"
    finally:
        template.drop(name)


def _written_around_imsmap(template, name: str) -> list:
    """Every imsmap path that writes a session's rows writes the session's audit entry in the
    same transaction: the server's record of writes (server schema 15) holds no write
    without one after a test that wrote only through imsmap."""
    from imsmap.store.postgres.connection import connect

    with connect(template.server.dsn(name)) as conn:
        return conn.execute(
            "SELECT w.tbl, w.row_id, w.session_id, w.op FROM imsmap.record_writes w"
            " WHERE w.tbl <> 'audit' AND NOT EXISTS (SELECT 1 FROM imsmap.record_writes a"
            " WHERE a.tbl = 'audit' AND a.xact = w.xact AND a.at = w.at"
            " AND a.session_id = w.session_id)").fetchall()


def _unlike_their_trail(template, name: str) -> list[str]:
    """Every row imsmap writes, it writes as its audit entry says: `imsmap check`'s comparison
    of each draft, site, finding, adverse event and photo with its trail
    (services/row_origins.py, services/detail_origins.py) names none after a test that wrote
    only through imsmap (a few queries on a test's small database)."""
    from imsmap.services import checks
    from imsmap.store import witnesses
    from imsmap.store.postgres.database import ServerDatabase

    db = ServerDatabase.connect(template.server.dsn(name), readonly=True)
    try:
        found = checks.Problems("", keep=None)
        with witnesses.one_moment(db):
            checks.drafts_and_sites(db, found, lambda _done: None)
        return [str(p) for p in found.kept]
    finally:
        db.close()


@pytest.fixture(scope="session")
def new_file_template(tmp_path_factory):
    """A new database file as imsmap creates it (every migration applied, no rows), made once
    a run. A test's file is a copy of it, as the server backend's database is a copy of its
    template: creating the file ran the migrations again for each test (about 0.1 s, some
    minutes of the suite); the migrations have their own tests, from an empty file and from
    old files."""
    from imsmap.services.context import open_context

    path = tmp_path_factory.mktemp("template") / "new.sqlite3"
    open_context(path, actor="template").close()
    assert not path.with_name(path.name + "-wal").exists()  # closed whole: one file to copy
    return path


@pytest.fixture
def open_records_as(server_clinic, db_path, request):
    """Open the test's records as a given practitioner: on SQLite the file with that actor
    (the first time a copy of a new file, `new_file_template`), on the server that
    practitioner's own login (tests/pg_support.TEST_LOGINS)."""
    from imsmap.services.context import open_context, open_server_context

    opened = []

    def open_as(actor: str = "test.physio", **kwargs):
        if server_clinic is None:
            if not kwargs and not db_path.exists():
                shutil.copy(request.getfixturevalue("new_file_template"), db_path)
            made = open_context(db_path, actor=actor, **kwargs)
        else:
            template, name = server_clinic
            made = open_server_context(template.dsn(name, actor), **kwargs)
        opened.append(made)
        return made

    yield open_as
    for made in opened:
        made.close()


@pytest.fixture
def context(open_records_as):
    """The composition root (services.context) on the test's database (a file, or the
    server's database in a both_backends module's second run)."""
    return open_records_as("test.physio")


@pytest.fixture
def records(context):
    return context.records


@pytest.fixture
def patient(records):
    return records.create_patient(chart_number="C-1001", family_name="Nguyen",
                                  given_name="Anna", birth_date="1970-04-12", sex="F")


@pytest.fixture
def session(records, patient):
    return records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                 practitioner="J. Physio", complaint="Low back pain, L5")


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, speaking English as the window does when started in English
    (imsmap.i18n.install: English's plural forms, "1 site", "3 sites")."""
    from imsmap import i18n

    i18n.install(qapp, "en")
    return qapp


@pytest.fixture
def charts_as_pictures(monkeypatch):
    """A PDF whose charts hold no text: their words drawn as outlines, as on screen. A session's
    PDF writes the charts' words as text (render.text) in today's atlas, which the record says
    its charts are drawn with; a test of what an old record's own words say reads them without."""
    import imsmap.render.text

    monkeypatch.setattr(imsmap.render.text, "is_raster", lambda painter: True)
