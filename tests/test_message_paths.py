"""No message ends a path with a period a user might copy with it (the French walk of
6 December: « …/imsmap-backup-….sqlite3.gz. »): the backup said in the status bar, the damaged
file's dialogs, the restore dialog's and its result's words, the crash notice and the command
line's backup and restore each show a path on a line of its own or with nothing after it, in
English and in French, as the set-up wizard does (tests/test_first_run_paths.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from imsmap import i18n
from imsmap.store import backup as store_backup
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

PATH = "/clinic/backups/imsmap-backup-20261206-090000-full.sqlite3.gz"
OTHER = "/old/clinic.sqlite3"
NAME = "clinic.replaced-20261206.sqlite3"

# (context, the message, its values) as the window shows them (ui/recovery.py, errors.py,
# restore_words.py, restore_backup.py) and as the command line prints them (cli/backup_cmd.py).
WINDOW = [
    ("WindowBackups", "Backed up to {path}", {"path": PATH}),
    ("DamagedDialog", "No good backup was found in this folder:\n{folder}\nKeep the file as it "
     "is (do not delete it) and ask your imsmap support to look at it.", {"folder": PATH}),
    ("Recovery", "The damaged file stays in its folder under a new name:\n{path}",
     {"path": PATH}),
    ("Recovery", "The backup of {when} was restored. The damaged file was kept under this "
     "name:\n{name}", {"when": "today", "name": NAME}),
    ("RestoreWords", "It is a backup of another database, not of the records open now. It was "
     "backed up from:\n{path}", {"path": PATH}),
    ("RestoreWords", "It was backed up from:\n{path}", {"path": PATH}),
    ("RestoreBackup", "The records it replaced are kept, not deleted, in this file:\n{path}",
     {"path": PATH}),
    ("CrashHandler", "The details were written to this file:\n{path}\nPlease send that file to "
     "your imsmap support. You can carry on working.", {"path": PATH}),
]
COMMAND_LINE = [
    ("Backed up %1 to:\n%2", [OTHER, PATH]),
    ("Restored %1 (%2 patients, %3 sessions) to:\n%4", [PATH, 3, 4, OTHER]),
    ("The empty database it replaced (no patient, no session) was set aside as:\n%1", [PATH]),
    ("The database it replaced is kept as:\n%1", [PATH]),
    ("It was backed up from:\n%1", [PATH]),
    ("%1 is a backup of another database than:\n%2\nIt was backed up from:\n%3",
     [NAME, OTHER, PATH]),
    ("%1 is a backup of another database than:\n%2", [NAME, OTHER]),
]


@pytest.fixture(params=["en", "fr_CA"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


def _ends_its_lines(text: str, *paths: str) -> None:
    """Each path in ``text`` ends its line, or a space follows it (« %1 sauvegardé dans : »):
    never a period or other mark a copy would take with it."""
    found = 0
    for path in paths:
        at = text.find(path)
        while at >= 0:
            found += 1
            after = text[at + len(path):at + len(path) + 1]
            assert after in ("", "\n", " "), text
            at = text.find(path, at + 1)
    assert found, text


def test_the_windows_messages_end_a_line_with_each_path(language):
    for context, message, values in WINDOW:
        said = QCoreApplication.translate(context, message)
        assert language == "en" or said != message, message  # translated
        _ends_its_lines(said.format(**values), PATH, NAME)


def test_the_command_lines_messages_end_a_line_with_each_path(language):
    catalog = i18n.Catalog(language)
    from imsmap.domain.text import fill

    for message, values in COMMAND_LINE:
        said = catalog.translate("BackupCommand", message)
        assert language == "en" or said != message, message
        _ends_its_lines(fill(said, values), PATH, OTHER)


def test_the_status_bar_says_where_the_backup_went_with_no_period_after(
        qtbot, window, records, language):
    window.menus.act_backup.trigger()
    folder = store_backup.backup_dir(records.db)
    qtbot.waitUntil(lambda: not window.backups.running and any(folder.glob("*-full.sqlite3.gz")),
                    timeout=10_000)
    (made,) = folder.glob("*-full.sqlite3.gz")
    qtbot.waitUntil(lambda: str(made) in window.statusBar().currentMessage(), timeout=2_000)
    assert window.statusBar().currentMessage().endswith(str(Path(made)))


def test_the_backup_command_prints_the_backup_on_a_line_of_its_own(capsys, tmp_path):
    from imsmap.cli import main
    from imsmap.services.context import open_context
    from support import chart_atlas

    path = tmp_path / "clinic.sqlite3"
    open_context(path, actor="x", atlas=chart_atlas()).close()
    out = tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(path), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed == f"Backed up {path} to:\n{out}\n", printed
