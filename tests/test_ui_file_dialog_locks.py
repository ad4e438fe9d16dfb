"""The window's file dialogs on the database's own folder (ui.file_dialogs): listing it, Qt's own
dialog read the first bytes of the database's -wal and -shm to guess their kind, and closing
them dropped the window's locks on the -shm (on POSIX, closing any descriptor of a file drops
every lock the process holds on it): the lock that tells every other program the window is
still using the shared index. The window keeps its locks now, whichever dialog lists the
folder: a photo's (opened where the last photo came from), a PDF's (where the last PDF
went), or a folder's (where backups are restored from)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

from imsmap.ui.restore_backup import RestoreDialog
from imsmap.ui.window_settings import EXPORT_FOLDER, PHOTO_FOLDER
from test_multiprocess import posix_locks_of
from test_signing_processes import draft_with_a_site
from test_ui_support import close_windows, qt_settings, show_window  # noqa: F401 - fixture

pytestmark = pytest.mark.skipif(not Path("/proc/locks").exists(), reason="Linux's lock table")


def shm_locks(db_path: Path) -> list[str]:
    """This process's locks on the database's -shm, each without its place in the table."""
    return [line.split(":", 1)[1]
            for line in posix_locks_of(os.getpid(), Path(f"{db_path}-shm"))]


def listed_then_closed(qtbot, folder: Path) -> list[Path]:
    """Once the dialog has listed `folder` and had a moment to fetch its icons (on a thread
    of its own), close it; the folder it listed."""
    listed: list[Path] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look)
            return
        files = dialog.findChild(QFileSystemModel)
        qtbot.waitUntil(lambda: Path(files.rootPath()) == folder and
                        files.rowCount(files.index(files.rootPath())) > 0, timeout=10000)
        qtbot.wait(1000)
        listed.append(Path(files.rootPath()))
        dialog.reject()

    QTimer.singleShot(0, look)
    return listed


@pytest.mark.parametrize("which", ["photo", "pdf", "backup folder"])
def test_a_file_dialog_on_the_database_folder_leaves_the_window_its_locks(
        qtbot, qt_settings, open_records_as, db_path, which):  # noqa: F811 - the fixture
    context = open_records_as("anna.physio")
    records = context.records
    patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
    session_id = draft_with_a_site(records, patient.id, 9)
    window = show_window(qtbot, context, patient_id=patient.id, session_id=session_id)
    try:
        held = shm_locks(db_path)
        assert held, "the window holds a lock on the shared index"
        listed = listed_then_closed(qtbot, db_path.parent)
        if which == "photo":
            PHOTO_FOLDER.write(str(db_path.parent))
            window.photo_strip.choose_files()
        elif which == "pdf":
            EXPORT_FOLDER.write(str(db_path.parent))
            window.menus.act_export.trigger()
        else:  # a folder chosen where backups are restored from (folders only are shown)
            chooser = RestoreDialog(db_path, str(db_path.parent), window)
            try:
                qtbot.mouseClick(chooser.choose, Qt.MouseButton.LeftButton)
            finally:
                chooser.deleteLater()
        assert listed == [db_path.parent]
        assert shm_locks(db_path) == held, "the dialog dropped the window's lock on the -shm"
    finally:
        close_windows(qtbot, [window])
