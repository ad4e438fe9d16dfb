"""The first start's question, this computer or a clinic server: kept per user without any
password, and the next start opens the window where it says (on a real server)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from imsmap.services import records_place
from imsmap.ui import app as ui_app
from imsmap.ui.records_place import RecordsPlaceDialog
from test_ui_support import qt_settings  # noqa: F401 - fixture


def test_a_server_is_kept_without_its_password(qtbot, qt_settings):  # noqa: F811
    dialog = RecordsPlaceDialog()
    qtbot.addWidget(dialog)
    assert dialog.here.isChecked() and not dialog.dsn.isEnabled()
    qtbot.mouseClick(dialog.server, Qt.MouseButton.LeftButton)
    assert dialog.dsn.isEnabled()
    dialog.dsn.setText("postgresql://anna.nguyen:secret-pw@db.clinic.lan/clinic"
                       "?sslmode=verify-full")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    kept = records_place.place_path()
    text = kept.read_text()
    assert "secret-pw" not in text and "verify-full" in text
    assert kept.stat().st_mode & 0o077 == 0
    assert records_place.chosen() == records_place.SERVER
    assert "anna.nguyen" in records_place.saved_server()


def test_an_address_that_is_no_dsn_is_one_sentence_and_nothing_is_kept(qtbot, qt_settings):  # noqa: F811,E501
    dialog = RecordsPlaceDialog()
    qtbot.addWidget(dialog)
    dialog.server.setChecked(True)
    dialog.dsn.setText("db.clinic.lan clinic")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert not dialog.error.isHidden() and dialog.error.text().endswith(".")
    assert not records_place.place_path().exists()


def test_this_computer_and_an_existing_file_ask_nothing(monkeypatch, qt_settings):  # noqa: F811
    asked = []
    monkeypatch.setattr(RecordsPlaceDialog, "exec", lambda self: asked.append(1) or 0)
    records_place.keep_this_computer()
    assert ui_app.where_records_are() is None
    records_place.place_path().unlink()
    from imsmap import paths

    paths.ensure_private_dir(paths.default_db_path().parent)
    paths.default_db_path().write_bytes(b"")
    assert ui_app.where_records_are() is None and asked == []
    paths.default_db_path().unlink()
    assert ui_app.where_records_are() == "" and asked == [1]  # the first start, cancelled


def test_a_damaged_choice_is_one_sentence(monkeypatch, qt_settings):  # noqa: F811
    from imsmap.domain.errors import UserFacingError

    records_place.place_path().parent.mkdir(parents=True, exist_ok=True)
    records_place.place_path().write_text(json.dumps({"where": "moon"}))
    with pytest.raises(UserFacingError, match="delete the file"):
        records_place.chosen()


def test_the_next_start_opens_the_window_on_the_kept_server(qtbot, qt_settings, monkeypatch,  # noqa: F811,E501
                                                            clinic_template):
    from imsmap.ui.main_window import MainWindow
    from pg_support import TEST_PASSWORD

    name = clinic_template.new_clinic()
    try:
        records_place.keep_server(clinic_template.dsn(name, "anna.physio"))
        assert TEST_PASSWORD not in records_place.place_path().read_text()
        monkeypatch.setenv("PGPASSWORD", TEST_PASSWORD)  # as libpq finds it (or a pgpass file)
        seen = []

        def exec_(app):
            shown = [w for w in app.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible()]
            assert len(shown) == 1
            window = shown[0]
            qtbot.waitUntil(lambda: window.built, timeout=10_000)
            seen.append((window.windowTitle(), window.records.db.is_server,
                         window.records.actor))
            window.close()
            return 0

        monkeypatch.setattr(ui_app.QApplication, "exec", exec_)
        assert ui_app.run_app() == 0
        title, on_server, actor = seen[0]
        assert on_server and actor == "anna.physio" and "anna.physio" in title
        from imsmap import paths

        assert not paths.default_db_path().exists()  # no file was made on this computer
    finally:
        clinic_template.drop(name)
