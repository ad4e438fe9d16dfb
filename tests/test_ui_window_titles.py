"""Every window's title names the app once, the way Qt does it: the app sets its display name
(ui.app.make_application), and on X11 and Windows Qt adds " — imsmap" to every window's title
(unless the title ends with the name already, as "About imsmap" does). A title of our own
that starts with "imsmap – " then read "imsmap – Not saved yet — imsmap" under a window
manager. The titles are read off the real boxes, in English and in French."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from imsmap import i18n
from imsmap.ui import errors as ui_errors
from imsmap.ui import startup, upgrade_dialog
from imsmap.ui.dialogs import ask_unsaved_on_close
from imsmap.ui.recovery import DamagedDialog
from imsmap.ui.refusals import tell

NAME = "imsmap"


def as_shown(title: str) -> str:
    """The title a window manager shows, as Qt makes it from the widget's title on X11 and
    Windows (QPlatformWindow::formatWindowTitle, with the application's display name)."""
    if not title:
        return NAME
    return title if title.endswith(NAME) else f"{title} — {NAME}"


@pytest.fixture(params=["en", "fr_CA"])
def language(request, qapp):
    qapp.setApplicationDisplayName(NAME)  # as make_application does
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")
    qapp.setApplicationDisplayName("")


def title_of_box(show) -> str:
    """The title of the modal box that `show()` brings up (closed at once)."""
    seen: list[str] = []
    timer = QTimer()
    timer.setInterval(20)

    def poll():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and not seen:
            seen.append(box.windowTitle())
            box.done(0)

    timer.timeout.connect(poll)
    timer.start()
    try:
        show()
    finally:
        timer.stop()
    assert seen, "no box came up"
    return seen[0]


def assert_names_the_app_once(title: str) -> None:
    assert title.strip(), title
    shown = as_shown(title)
    assert shown.lower().count(NAME) == 1, shown


def test_the_boxes_name_the_app_once(language, qtbot, tmp_path, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    titles = [
        title_of_box(lambda: ask_unsaved_on_close(parent, "disk full")),
        title_of_box(lambda: tell(parent, startup.cannot_open(), "the disk is full")),
    ]
    damaged = DamagedDialog(tmp_path / "clinic.sqlite3", ["damaged"], None, tmp_path, parent)
    titles.append(damaged.windowTitle())
    titles.append(upgrade_dialog.title())
    # The box of a bug (ui.errors.CrashHandler, which the app installs as sys.excepthook).
    monkeypatch.setattr(sys, "excepthook", lambda *args: None)  # what it hands on to
    handler = ui_errors.CrashHandler(lambda: parent)
    titles.append(title_of_box(lambda: handler(ValueError, ValueError("a bug"), None)))
    for title in titles:
        assert_names_the_app_once(title)
    if language == "fr_CA":
        assert "Pas encore enregistré" in titles[0] and "base de données" in titles[1]


def test_the_rule_is_qts():
    """The stand-in for the window manager: Qt's own rule, on the titles it is about."""
    assert as_shown("Sign session") == "Sign session — imsmap"
    assert as_shown("About imsmap") == "About imsmap"
    assert as_shown("") == "imsmap"
    assert as_shown("imsmap – not saved yet").count(NAME) == 2
