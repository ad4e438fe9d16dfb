"""The dialogs of a database that cannot be opened or was found damaged: busy (try again),
damaged (the latest good backup, restored only after a second confirmation, the damaged file kept
beside it under a new name by store.backup.restore). Used by `ui.startup` when something is wrong.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from imsmap.domain.errors import UserFacingError
from imsmap.services import database_files
from imsmap.services.database_files import StoreError
from imsmap.ui import errors as ui_errors

TITLE = "imsmap – database"


def latest_good_backup(folder: Path) -> database_files.BackupInfo | None:
    """The newest backup in ``folder`` that passes verify_backup, if any."""
    try:
        found = database_files.own_backups(folder)
    except StoreError:
        return None
    for path, _stamp in reversed(found):
        try:
            return database_files.verify_backup(path)
        except StoreError:
            continue
    return None


def backup_time(info: database_files.BackupInfo) -> str:
    stamp = database_files.parse_backup_name(info.path.name)
    return f"{stamp:%A %d %B %Y, %H:%M}" if stamp else info.path.name


# -- the dialogs --------------------------------------------------------------------------
class DamagedDialog(QMessageBox):
    """The database is damaged: what is wrong, and the latest good backup if there is one."""

    def __init__(self, db_path: Path, problem: str, info: database_files.BackupInfo | None,
                 folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.info = info
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(TITLE)
        self.setText(f"<b>The database {db_path.name} is damaged and cannot be used safely.</b>")
        if info is not None:
            self.setInformativeText(
                f"The latest good backup is from {backup_time(info)} "
                f"({info.patients} patients, {info.sessions} sessions). You can restore it; "
                "the damaged file is kept beside it under a new name, so nothing is deleted. "
                "Work entered after that backup is not in it.")
            self.restore_button = self.addButton("Restore backup…",
                                                 QMessageBox.ButtonRole.AcceptRole)
        else:
            self.setInformativeText(
                f"No good backup was found in {folder}. Keep the file as it is (do not delete "
                "it) and ask your imsmap support to look at it.")
            self.restore_button = None
        self.quit_button = self.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.quit_button)
        self.setDetailedText(f"File: {db_path}\nProblem: {ui_errors.scrub(problem)}")

    def wants_restore(self) -> bool:
        return self.restore_button is not None and self.clickedButton() is self.restore_button


def confirm_restore(db_path: Path, info: database_files.BackupInfo,
                    parent: QWidget | None = None) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(TITLE)
    box.setText(f"Replace {db_path.name} with the backup of {backup_time(info)}?")
    box.setInformativeText(f"The damaged file stays in {db_path.parent}, renamed "
                           f"{db_path.stem}.replaced-<date>{db_path.suffix}.")
    yes = box.addButton("Restore the backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def ask_retry(message: str, parent: QWidget | None) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(TITLE)
    box.setText(message)
    box.setInformativeText("Another imsmap window or program is writing to it. Close that one, "
                           "or wait a moment, then try again.")
    retry = box.addButton("Try again", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is retry


def damaged_dialog(db_path: Path, problem: str, parent: QWidget | None,
             info: database_files.BackupInfo | None = None) -> bool:
    """The damaged-file dialog; True when a backup was put in place (restored), False when the
    user quits."""
    folder = database_files.backup_folder_for(db_path)
    if info is None:
        info = latest_good_backup(folder)
    dialog = DamagedDialog(db_path, problem, info, folder, parent)
    dialog.exec()
    if not dialog.wants_restore() or info is None:
        return False
    if not confirm_restore(db_path, info, parent):
        return False
    try:
        result = database_files.restore(info.path, db_path)
    except UserFacingError as exc:
        QMessageBox.critical(parent, TITLE, f"The backup could not be restored: {exc.message}")
        return False
    kept = f" The damaged file was kept as {result.replaced.name}." if result.replaced else ""
    QMessageBox.information(parent, TITLE, f"The backup of {backup_time(info)} was restored."
                            + kept)
    return True
