"""Shared fixtures: every test gets its own temporary database, data folder and settings."""

from __future__ import annotations

import logging
import os
from datetime import datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path, tmp_path_factory, monkeypatch):
    """No test touches the user's real data folder, database or Qt settings. The data folder
    (where imsmap keeps its log) is a folder of its own, beside tmp_path: a test that checks a
    command left the user's folder as it was sees only what the command wrote there."""
    monkeypatch.setenv("IMSMAP_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("IMSMAP_DB", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    yield
    # The log files a test opened (imsmap.logs.setup, write_crash_log) are its own: closed with
    # it, so that the next test's lines never land in this test's folder.
    for name in ("imsmap", "imsmap.crash"):
        logger = logging.getLogger(name)
        for handler in [h for h in logger.handlers if isinstance(h, logging.FileHandler)]:
            logger.removeHandler(handler)
            handler.close()


@pytest.fixture
def atlas():
    from imsmap.atlas import load_atlas

    return load_atlas()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "clinic.sqlite3"


@pytest.fixture
def context(db_path):
    """The composition root (services.context) on the test's database."""
    from imsmap.services.context import open_context

    made = open_context(db_path, actor="test.physio")
    yield made
    made.close()


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
