"""The progress dialog of a long schema upgrade (store.upgrade, through
services.database_files), before the window opens.

The upgrade runs on a thread of its own; the dialog shows how far it has come and its Cancel
button stops it: the migration is rolled back, the file stays at its old schema and is upgraded
the next time imsmap opens it (a sentence says so).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressDialog, QWidget

from imsmap.domain.errors import UserFacingError
from imsmap.services import database_files as files
from imsmap.ui.refusals import tell


def title() -> str:
    return QCoreApplication.translate("UpgradeDialog", "Upgrading the database")

STEPS = 1000


class _Relay(QObject):
    """Carries the thread's progress and outcome to the GUI thread (queued signals)."""

    moved = Signal(int)
    ended = Signal(object, bool)  # the refusal ("" when done), and whether stopped


def upgrade_with_dialog(db_path: str | Path, parent: QWidget | None = None) -> bool:
    """Upgrade `db_path` first when it is of an earlier schema, showing progress. False when
    the user stopped it or it could not start (the file in use, too little disk: the file
    unchanged; a message said so); True otherwise, also when the upgrade failed (opening the
    file then says why, as it always has)."""
    pending = files.pending_upgrade(db_path)
    if pending is None:
        return True
    dialog = QProgressDialog(
        QCoreApplication.translate(
            "UpgradeDialog", "Upgrading {name} to this imsmap's format (schema {old} to {new}). "
            "Every record is kept and checked. First a copy of the file as it is now, which "
            "the earlier imsmap can still open, is kept in:\n{folder}\nCancel stops it; "
            "nothing is lost, and the upgrade starts again next time.").format(
                name=Path(db_path).name, old=pending.version, new=pending.target,
                folder=files.upgrade_copy_folder(db_path)),
        QCoreApplication.translate("UpgradeDialog", "Cancel"), 0, STEPS, parent)
    label = QLabel(dialog.labelText())
    label.setWordWrap(True)  # one long line would make the dialog as wide as the screen
    dialog.setLabel(label)
    dialog.setFixedWidth(480)
    dialog.setWindowTitle(title())
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    relay = _Relay()
    relay.moved.connect(dialog.setValue)
    stop = threading.Event()
    outcome: list[tuple[object, bool]] = []

    def ended(error: object, stopped: bool) -> None:
        outcome.append((error, stopped))
        dialog.hide()

    relay.ended.connect(ended)
    dialog.canceled.connect(stop.set)

    def run() -> None:
        error: object = ""
        stopped = False
        try:
            files.upgrade(pending, lambda f: relay.moved.emit(int(f * STEPS)), stop)
        except (files.UpgradeInterrupted, files.UpgradeRefused) as exc:
            error, stopped = exc, True
        except UserFacingError as exc:
            error = exc
        relay.ended.emit(error, stopped)

    thread = threading.Thread(target=run, name="schema-upgrade", daemon=True)
    loop = QEventLoop()
    relay.ended.connect(loop.quit)  # queued: delivered inside loop.exec, never before it
    dialog.show()
    thread.start()
    loop.exec()
    thread.join()
    dialog.deleteLater()
    error, stopped = outcome[0]
    if stopped:  # by the user, or refused before it began (the file in use, the disk full):
        # opening the file now would upgrade it without the dialog, under the other program
        icon = (QMessageBox.Icon.Warning if isinstance(error, files.UpgradeRefused)
                else QMessageBox.Icon.Information)
        tell(parent, title(), error, icon)
        return False
    return True
