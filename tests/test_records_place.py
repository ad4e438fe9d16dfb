"""The first start's question, this computer or a clinic server: kept per user without any
password, and the next start opens the window where it says (on a real server)."""

from __future__ import annotations

import json
import sys
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from imsmap.services import records_place
from imsmap.ui import app as ui_app
from imsmap.ui.records_place import RecordsPlaceDialog
from test_ui_support import qt_settings  # noqa: F401 - fixture


def _answer_server(qtbot, dialog, dsn, wait: bool = True):
    """Choose the clinic server with the mouse, write its address, press OK; then (``wait``)
    wait for the sign-in, which runs on a thread of its own, to end."""
    qtbot.mouseClick(dialog.server, Qt.MouseButton.LeftButton)
    assert dialog.dsn.isEnabled()
    dialog.dsn.setText(dsn)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    if wait:
        qtbot.waitUntil(lambda: dialog.signing is None, timeout=30_000)


def test_a_server_signs_in_and_is_kept_without_its_password(qtbot, qt_settings,  # noqa: F811
                                                            clinic_template):
    from pg_support import TEST_PASSWORD

    name = clinic_template.new_clinic()
    dialog = RecordsPlaceDialog()
    qtbot.addWidget(dialog)
    assert dialog.unavailable.isHidden()  # psycopg is here: no note
    try:
        assert dialog.here.isChecked() and not dialog.dsn.isEnabled()
        assert dialog.server.isEnabled() and "verify-full" in dialog.note.text()
        # The password in the address signs in once; it is not what is kept.
        _answer_server(qtbot, dialog, clinic_template.dsn(name, "anna.physio")
                       + " sslmode=prefer")
        assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
        assert dialog.error.isHidden()
        opened = dialog.opened
        assert opened.records.db.is_server and opened.records.actor == "anna.physio"
        kept = records_place.place_path()
        text = kept.read_text()
        assert TEST_PASSWORD not in text and "sslmode" in text
        assert kept.stat().st_mode & 0o077 == 0
        assert records_place.chosen() == records_place.SERVER
        assert "anna.physio" in records_place.saved_server()
    finally:
        if dialog.opened is not None:
            dialog.opened.close()
        clinic_template.drop(name)


def test_a_server_that_does_not_answer_is_one_sentence_and_nothing_is_kept(qtbot, qt_settings):  # noqa: F811,E501
    from pg_support import free_port

    dialog = RecordsPlaceDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _answer_server(qtbot, dialog, f"host=127.0.0.1 port={free_port()} dbname=clinic "
                   "user=anna.physio sslmode=verify-full")
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    said = dialog.error.text()
    assert not dialog.error.isHidden() and "could not be reached" in said
    assert said.count(". ") <= 2 and said.endswith(".")
    assert dialog.opened is None and not records_place.place_path().exists()
    # The red sentence fits: the dialog grew to show all of it.
    assert dialog.error.geometry().bottom() <= dialog.buttons.geometry().top()
    # Correcting the address takes the sentence about the old one away.
    dialog.dsn.end(False)
    qtbot.keyClicks(dialog.dsn, "0")
    assert dialog.error.isHidden() and not records_place.place_path().exists()
    # Corrected to this computer, it closes and keeps that.
    qtbot.mouseClick(dialog.here, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.opened is None
    assert records_place.chosen() == records_place.THIS_COMPUTER


def test_an_address_that_is_no_dsn_is_one_sentence_and_nothing_is_kept(qtbot, qt_settings):  # noqa: F811,E501
    dialog = RecordsPlaceDialog()
    qtbot.addWidget(dialog)
    _answer_server(qtbot, dialog, "db.clinic.lan clinic")
    assert dialog.result() != dialog.DialogCode.Accepted
    assert not dialog.error.isHidden() and dialog.error.text().endswith(".")
    assert "not a valid PostgreSQL DSN" in dialog.error.text()
    assert not records_place.place_path().exists()


def test_without_psycopg_the_server_is_not_offered_and_one_sentence_says_why(  # noqa: F811
        qtbot, qt_settings, monkeypatch):
    """The sentence is a plain note under the greyed-out server choice, not the red line above
    OK: on the first day (French, « Sur cet ordinateur » chosen) the red line read as a fault
    of the records on this computer."""
    # A pip install without the server extra: psycopg cannot be imported.
    monkeypatch.setitem(sys.modules, "psycopg", None)
    dialog = RecordsPlaceDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.server.isEnabled() and dialog.dsn.isHidden() and dialog.note.isHidden()
    assert dialog.error.isHidden() and dialog.error.text() == ""
    assert dialog.unavailable.isVisible()
    assert dialog.unavailable.text() == (
        "A clinic server cannot be chosen: this imsmap was installed without its server extra "
        "(psycopg). To use one, install imsmap again with pip install 'imsmap[server]' and "
        "start it again. Records on this computer need nothing more.")
    # right under the choice it speaks of
    layout = dialog.layout()
    assert layout.indexOf(dialog.unavailable) == layout.indexOf(dialog.server) + 1
    qtbot.mouseClick(dialog.server, Qt.MouseButton.LeftButton)  # greyed out: nothing happens
    assert dialog.here.isChecked()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert records_place.chosen() == records_place.THIS_COMPUTER


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


def test_the_first_start_answered_with_a_server_opens_the_window_signed_in_once(  # noqa: F811
        qtbot, qt_settings, monkeypatch, clinic_template):
    from imsmap import paths
    from imsmap.ui.main_window import MainWindow
    from pg_support import TEST_PASSWORD

    name = clinic_template.new_clinic()
    monkeypatch.setenv("PGPASSWORD", TEST_PASSWORD)  # as libpq finds it: no sign-in dialog
    asked, seen = [], []
    monkeypatch.setattr(ui_app, "ask_server_password", lambda login: asked.append(login))

    def answer(dialog):  # the real dialog, answered as a person would
        dialog.show()
        qtbot.waitExposed(dialog)
        _answer_server(qtbot, dialog, clinic_template.server.dsn(name, user="anna.physio",
                                                                 password=None))
        return dialog.result()

    def exec_(app):
        (window,) = [w for w in app.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible()]
        qtbot.waitUntil(lambda: window.built, timeout=10_000)
        seen.append((window.windowTitle(), window.records.db.is_server))
        window.close()
        return 0

    monkeypatch.setattr(RecordsPlaceDialog, "exec", answer)
    monkeypatch.setattr(ui_app.QApplication, "exec", exec_)
    try:
        assert ui_app.run_app() == 0
        title, on_server = seen[0]
        assert on_server and "anna.physio" in title and asked == []
        assert records_place.saved_server() and "anna.physio" in records_place.saved_server()
        assert not paths.default_db_path().exists()  # no file was made on this computer
    finally:
        clinic_template.drop(name)


def test_signing_in_where_the_address_does_not_answer_shows_it_waits_and_can_be_stopped(
        qtbot, qt_settings):  # noqa: F811
    """The address takes connections and never answers (a machine gone, a firewall that
    drops): the dialog says it is signing in and never freezes; Cancel stops waiting, keeps
    nothing and leaves the address to correct; a second Cancel closes the question."""
    from pg_support import free_port
    from waiting_support import Ticks, black_hole

    port = free_port()
    hole = black_hole(port)
    dialog = RecordsPlaceDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    try:
        ticks = Ticks()
        began = time.monotonic()
        _answer_server(qtbot, dialog, f"host=127.0.0.1 port={port} dbname=clinic "
                       "user=anna.physio connect_timeout=4", wait=False)
        assert time.monotonic() - began < 1.0  # the click returned at once
        assert dialog.waiting.isVisible() and dialog.busy.isVisible()
        assert "Signing in" in dialog.waiting.text() and "Cancel" in dialog.waiting.text()
        assert not ok.isEnabled() and not dialog.dsn.isEnabled() and cancel.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # OK again meanwhile: still one sign-in
        qtbot.wait(1500)  # the dialog waits, events flowing, while libpq waits elsewhere
        signing = dialog.signing
        assert signing is not None and signing.running
        assert ticks.longest_gap() < 0.5, "the dialog's thread was held up"

        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # stop waiting
        assert dialog.isVisible() and dialog.signing is None and dialog.opened is None
        assert not dialog.waiting.isVisible() and ok.isEnabled() and dialog.dsn.isEnabled()
        said = dialog.error.text()
        assert said.startswith("Signing in was stopped and nothing was kept")
        assert said.count(".") == 1 and "\n" not in said
        assert not records_place.place_path().exists()
        # The try ends by itself (connect_timeout); still nothing kept, nothing said.
        qtbot.waitUntil(lambda: not signing.running, timeout=30_000)
        qtbot.wait(50)
        assert dialog.error.text() == said and not records_place.place_path().exists()

        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # now it closes the question
        assert dialog.result() == dialog.DialogCode.Rejected and not dialog.isVisible()
    finally:
        hole.close()


def test_a_password_the_server_asks_for_is_asked_on_the_window_thread(  # noqa: F811
        qtbot, qt_settings, monkeypatch, clinic_template):
    import threading

    from pg_support import TEST_PASSWORD

    name = clinic_template.new_clinic()
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(records_place.place_path().parent / "no-pgpass"))
    asked = []

    def ask(login):
        asked.append((login, threading.current_thread() is threading.main_thread()))
        return TEST_PASSWORD

    dialog = RecordsPlaceDialog(ask_password=ask)
    qtbot.addWidget(dialog)
    try:
        _answer_server(qtbot, dialog, clinic_template.server.dsn(name, user="anna.physio",
                                                                 password=None))
        assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
        assert asked == [("anna.physio", True)]
        assert dialog.opened.records.actor == "anna.physio"
        assert TEST_PASSWORD not in records_place.place_path().read_text()
    finally:
        if dialog.opened is not None:
            dialog.opened.close()
        clinic_template.drop(name)


def test_the_password_is_asked_first_then_the_wait_for_the_server_shows(  # noqa: F811
        qtbot, qt_settings, monkeypatch, clinic_template):
    """A login whose password libpq has not, at the start on a server and at the first start's
    question: the question comes first, the person typing as long as they like, and the line
    that imsmap waits for the server (its bar moving) only after it. The start's waiting
    dialog opened over the question while the person typed, its bar moving; the first start's
    bar moved under it."""
    from imsmap.services.context import AppContext
    from imsmap.ui.signing_in import SigningInDialog
    from pg_support import TEST_PASSWORD

    name = clinic_template.new_clinic()
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(records_place.place_path().parent / "no-pgpass"))
    dsn = clinic_template.server.dsn(name, user="anna.physio", password=None)
    waiting_shown: list[bool] = []
    question: RecordsPlaceDialog | None = None

    def typing(shown) -> str:  # the person takes longer than the dialog's SHOW_AFTER_MS
        qtbot.wait(SigningInDialog.SHOW_AFTER_MS + 500)
        waiting_shown.append(shown())
        return TEST_PASSWORD

    try:
        start = SigningInDialog(dsn, ask_password=lambda login: typing(start.isVisible))
        qtbot.addWidget(start)
        opened = start.run()
        assert isinstance(opened, AppContext), opened
        opened.close()
        assert waiting_shown == [False]

        question = asking = RecordsPlaceDialog(ask_password=lambda login: typing(
            lambda: asking.busy.isVisible() or asking.waiting.isVisible()))
        qtbot.addWidget(question)
        question.show()
        qtbot.waitExposed(question)
        _answer_server(qtbot, question, dsn)
        assert question.result() == question.DialogCode.Accepted, question.error.text()
        assert waiting_shown == [False, False]
    finally:
        if question is not None and question.opened is not None:
            question.opened.close()
        clinic_template.drop(name)


def test_the_password_question_is_wide_enough_for_its_title(qtbot, qt_settings):  # noqa: F811
    # At the width of its question the window manager cut its title to « Conne…msmap »
    # (walk of 6 December, in French).
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, answer)
            return
        seen.append((dialog.width(), dialog.windowTitle(), dialog.textEchoMode()))
        qtbot.keyClicks(dialog.findChild(QLineEdit), "s3cret")
        dialog.accept()

    QTimer.singleShot(0, answer)
    assert ui_app.ask_server_password("anna.physio") == "s3cret"
    width, title, echo = seen[0]
    assert width >= ui_app.PASSWORD_DIALOG_WIDTH and title == "Sign in to the clinic server"
    assert echo == QLineEdit.EchoMode.Password
