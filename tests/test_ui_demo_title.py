"""A window on the demo clinic says in its title that it is the demo, and the clinic's name,
wherever its file lies. `imsmap demo --db PATH` then `imsmap --db PATH` opened a window whose
title said neither: the demo wrote no clinic name, and only the demo's own path
(paths.demo_db_path) told the window it was the demo. The file now says both (a clinic name in
its records language, and the mark `services.clinic.is_demo`)."""

from __future__ import annotations

from datetime import date

import pytest

from imsmap.services import clinic
from imsmap.services.context import open_records
from imsmap.services.demo import create_demo
from test_first_run import run_window
from test_ui_support import qt_settings  # noqa: F401 - fixture

ANCHOR = date(2026, 11, 16)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("anywhere") / "clinic-demo.sqlite3"
    create_demo(path, anchor=ANCHOR, language="en")
    return path


def test_a_demo_opened_from_any_path_names_the_clinic_and_says_it_is_the_demo(
        demo_file, qtbot, qt_settings, monkeypatch):  # noqa: F811
    seen = []
    assert run_window(qtbot, monkeypatch, lambda w: seen.append(
        (w.windowTitle(), w.demo, w.auto_backup)), db=str(demo_file)) == 0
    assert seen == [("DEMO clinic (made-up patients) – Maple Grove Physiotherapy – "
                     "clinic-demo.sqlite3", True, False)]


def test_the_mark_is_the_demos_alone(demo_file, records):
    made = open_records(demo_file, create=False)
    try:
        assert clinic.is_demo(made) and clinic.clinic_name(made) == "Maple Grove Physiotherapy"
    finally:
        made.db.close()
    assert not clinic.is_demo(records)  # a clinic's own records
    clinic.save(records, clinic.ClinicSettings(clinic_name="Harbour Physio"))
    assert not clinic.is_demo(records)


def test_a_french_demo_has_a_french_name(tmp_path):
    path = tmp_path / "demo.sqlite3"
    from imsmap.atlas import load_atlas

    create_demo(path, anchor=ANCHOR, language="fr_CA", atlas=load_atlas())
    made = open_records(path, create=False)
    try:
        assert clinic.clinic_name(made) == "Physiothérapie du Bosquet-des-Érables"
    finally:
        made.db.close()
