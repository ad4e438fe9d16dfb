"""The dialogs of a database that cannot be opened or was found damaged: busy (try again),
damaged (the latest good backup, restored only after a second confirmation, the damaged file kept
beside it under a new name by store.restore.restore). Used by `ui.startup` when something is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from imsmap.domain.errors import UserFacingError
from imsmap.services import database_files, restore_points
from imsmap.services.database_files import StoreError
from imsmap.ui import errors as ui_errors
from imsmap.ui.wording import bind_numbers, long_datetime, said


def title() -> str:
    """The dialogs' title, in the window's language."""
    return QCoreApplication.translate("Recovery", "Database recovery")


def latest_good_backup(folder: Path, db_path: Path) -> database_files.BackupInfo | None:
    """The newest backup of the database file ``db_path`` in ``folder`` that passes
    verify_backup, if any: the automatic full backups with their journals and plain copies;
    never another database's that shares the folder (restore_points.offerable)."""
    try:
        found = restore_points.offerable(folder, db_path)
    except StoreError:
        return None
    for path in found:
        try:
            return database_files.verify_backup(path)
        except StoreError:
            continue
    return None


def backup_time(info: database_files.BackupInfo) -> str:
    """When what the backup holds was written: a full backup's last journal record, else the
    time in its name."""
    stamp = database_files.parse_backup_name(info.path.name)
    if info.taken_at is not None and stamp is None:
        stamp = info.taken_at  # long_datetime says it in this computer's time
    return bind_numbers(long_datetime(stamp)) if stamp else info.path.name


# -- the dialogs --------------------------------------------------------------------------
class DamagedDialog(QMessageBox):
    """The database is damaged: what is wrong, and the latest good backup if there is one."""

    def __init__(self, db_path: Path, problems: Sequence[object],
                 info: database_files.BackupInfo | None, folder: Path,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.info = info
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(title())
        self.setText(self.tr("<b>The database {name} is damaged and cannot be used "
                             "safely.</b>").format(name=db_path.name))
        if info is not None:
            self.setInformativeText(
                self.tr("The latest good backup is from {when} ({patients}, {sessions}). You "
                        "can restore it; the damaged file is kept beside it under a new name, so "
                        "nothing is deleted. Work entered after that backup is not in it.").format(
                    when=backup_time(info),
                    patients=bind_numbers(self.tr("%n patient(s)", "", info.patients)),
                    sessions=bind_numbers(self.tr("%n session(s)", "", info.sessions))))
            self.restore_button = self.addButton(self.tr("Restore backup…"),
                                                 QMessageBox.ButtonRole.AcceptRole)
        else:
            self.setInformativeText(
                # The path on its own line, no period after it: a user copies what is shown.
                self.tr("No good backup was found in this folder:\n{folder}\nKeep the file as "
                        "it is (do not delete it) and ask your imsmap support to look at "
                        "it.").format(
                    folder=folder))
            self.restore_button = None
        self.quit_button = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.quit_button)
        self.setDetailedText(self.tr("File: {path}\nProblem: {problem}").format(
            path=db_path, problem=ui_errors.scrub("; ".join(said(p) for p in problems[:5]))))

    def wants_restore(self) -> bool:
        return self.restore_button is not None and self.clickedButton() is self.restore_button


def confirm_restore(db_path: Path, info: database_files.BackupInfo,
                    parent: QWidget | None = None) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title())
    box.setText(QCoreApplication.translate(
        "Recovery", "Replace {name} with the backup of {when}?").format(
            name=db_path.name, when=backup_time(info)))
    box.setInformativeText(QCoreApplication.translate(
        "Recovery", "The damaged file stays in its folder under a new name:\n{path}").format(
            path=db_path.parent / f"{db_path.stem}.replaced-<date>{db_path.suffix}"))
    yes = box.addButton(QCoreApplication.translate("Recovery", "Restore the backup"),
                        QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def ask_retry(refusal: object, parent: QWidget | None) -> bool:
    """The database is busy (`refusal` says how): try again, or quit."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title())
    box.setText(said(refusal))
    box.setInformativeText(QCoreApplication.translate(
        "Recovery", "Another imsmap window or program is writing to it. Close that one, or "
        "wait a moment, then try again."))
    retry = box.addButton(QCoreApplication.translate("Recovery", "Try again"),
                          QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Recovery", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is retry


def damaged_dialog(db_path: Path, problems: Sequence[object], parent: QWidget | None,
                   info: database_files.BackupInfo | None = None) -> bool:
    """The damaged-file dialog, naming the first `problems` (refusals or the check's
    sentences); True when a backup was put in place (restored), False when the user quits."""
    folder = database_files.backup_folder_for(db_path)
    if info is None:
        info = latest_good_backup(folder, db_path)
    dialog = DamagedDialog(db_path, problems, info, folder, parent)
    dialog.exec()
    if not dialog.wants_restore() or info is None:
        return False
    if not confirm_restore(db_path, info, parent):
        return False
    try:
        result = database_files.restore(info.path, db_path)
    except UserFacingError as exc:
        QMessageBox.critical(parent, title(), QCoreApplication.translate(
            "Recovery", "The backup could not be restored: {reason}").format(
                reason=said(exc)))
        return False
    if result.replaced:
        done = QCoreApplication.translate(
            "Recovery", "The backup of {when} was restored. The damaged file was kept under "
            "this name:\n{name}").format(when=backup_time(info), name=result.replaced.name)
    else:
        done = QCoreApplication.translate("Recovery", "The backup of {when} was restored.").format(
            when=backup_time(info))
    QMessageBox.information(parent, title(), done)
    return True
