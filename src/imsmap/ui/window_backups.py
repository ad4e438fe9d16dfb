"""The main window's backups and the restore it asks for.

A full backup at start (after the chart's first paint, so it does not compete with it), the
journal's record after each signature and amendment, File > Back up now; the journal caught up
when the window closes (a full backup still running is abandoned: the next start makes it
again). File > Restore from backup… closes the window with the backup chosen
(`restore_request`): ui.app restores it into the freed file and opens the restored records.
The copying itself runs on a thread (ui.startup.BackgroundBackup).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from imsmap.services import first_run
from imsmap.services.database_files import BackupReason
from imsmap.services.records import Records
from imsmap.ui import restore_backup
from imsmap.ui.privacy_cover import Guard, unguarded
from imsmap.ui.startup import BackgroundBackup
from imsmap.ui.wording import said


class WindowBackups(QObject):
    """The backups of one window's records (a file on this computer; a clinic server's
    records are backed up by the server's own tools, and its window makes none)."""

    def __init__(self, window: QWidget, records: Records, *, auto_backup: bool, demo: bool,
                 say: Callable[[str], None], show_error: Callable[[object], None],
                 guard: Guard = unguarded) -> None:
        super().__init__(window)
        self._guard = guard  # the privacy screen over the restore dialog
        self._window = window
        self._records = records
        self.auto = auto_backup
        self._demo = demo
        self._say = say
        self._show_error = show_error
        self._startup_pending = auto_backup  # made once the chart is on screen
        self.restore_request: restore_backup.RestoreRequest | None = None
        self._asked = False  # a Back up now is running
        self._close_when_done = False  # the window closes once that backup is done
        self.background = BackgroundBackup(records.read.path, self)  # the copying thread
        self.background.finished.connect(self._finished)

    @property
    def running(self) -> bool:
        """A backup or its check is running on its thread."""
        return self.background.running

    def start(self, reason: BackupReason) -> None:
        self.background.start(reason)

    def start_after_first_paint(self) -> None:
        """The start-up backup (a thread reading the whole file): after the first paint, so it
        does not compete with it; at the latest when the window closes. Once."""
        if not self._startup_pending:
            return
        self._startup_pending = False
        if not self._demo and not self._records.read.readonly \
                and first_run.is_new_clinic(self._records):
            # Nothing to copy yet, and the set-up is about to ask where the copies go (it
            # makes the first one there): a copy now left an empty clinic's set behind in
            # the default folder. The first signature makes one if the set-up is skipped.
            return
        self.start(BackupReason.STARTUP)

    def after_signing(self) -> None:
        """A session signed or amended here: part of the signed record, so in the journal at
        once, not at the close a dying disk never reaches."""
        if self.auto:
            self.start(BackupReason.SIGNED)

    def now(self) -> None:
        """File > Back up now (what was typed is saved first by the caller)."""
        self._say(self.tr("Backing up…"))
        self._asked = True
        self.start(BackupReason.MANUAL)

    def may_close(self, parent: QWidget) -> bool:
        """The window is asked to close: while a backup the clinic asked for (Back up now) is
        still being made, ask first. Closing abandoned it without a word: "Backing up…" on
        the bar, Quit, and no copy was made, where the clinic may have been about to take
        the USB drive away (walk of 6 December). Waiting closes the window once it is done."""
        if not (self._asked and self.running):
            return True
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Back up now"))
        box.setText(self.tr("The backup you asked for is still being made."))
        box.setInformativeText(self.tr(
            "Closing now stops it, and nothing of it is kept: the newest backup stays the one "
            "made before. Wait, and the window closes by itself once the backup is done."))
        wait = box.addButton(self.tr("Close when it is done"), QMessageBox.ButtonRole.AcceptRole)
        now = box.addButton(self.tr("Close now, without it"),
                            QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(wait)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is now:
            return True
        if clicked is wait and self.running:
            self._close_when_done = True
            self._say(self.tr("Backing up… the window closes once the backup is done."))
            return False
        return clicked is wait  # done meanwhile: closes now

    def close(self, *, damaged: bool = False) -> None:
        """The window closes: a full backup still running is abandoned (the next start makes
        it again); the journal takes what was written since its last record, unless the file
        is damaged (nothing is read from it) or the window closes to restore a backup (it is
        restored as the clinic was shown it)."""
        self.background.abandon(catch_up=self.auto and not damaged
                                 and self.restore_request is None)

    # -- restore ---------------------------------------------------------------------------
    def choose_to_restore(self, parent: QWidget) -> bool:
        """File > Restore from backup… and the first start's offer (ui.restore_backup): the
        backup chosen is kept in `restore_request` and the window closes; ui.app restores it
        (the file must be free) and opens the restored records. True when one was chosen."""
        self.restore_request = restore_backup.ask(
            self._records.read.path, "" if first_run.is_new_clinic(self._records)
            else str(first_run.backup_folder(self._records)), parent, guard=self._guard)
        if self.restore_request is not None:
            QTimer.singleShot(0, self, self._close_to_restore)
        return self.restore_request is not None

    def _close_to_restore(self) -> None:
        if not self._window.close():  # locked, or typed text kept: nothing is restored
            self.restore_request = None
            self._show_error(self.tr("Nothing was restored: the window was not closed."))

    def _settle(self, failed: bool) -> None:
        """After a backup said it is done (its thread ends just after): no Back up now running
        any more, and the window closes if it was waiting for it (not after a failure: the
        window stays to say it)."""
        if self.running:
            QTimer.singleShot(50, self, lambda: self._settle(failed))
            return
        self._asked = False
        if self._close_when_done:
            self._close_when_done = False
            if not failed:
                self._window.close()

    def _finished(self, path: str, error: object) -> None:
        if self._asked:
            QTimer.singleShot(0, self, lambda: self._settle(bool(error)))
        if error:
            self._show_error(self.tr("The automatic backup failed: {reason}").format(
                reason=said(error)))
        elif path:
            # the folder too: a clinic that chose a USB drive sees its copy went there; no
            # period after the path (« …/imsmap-2026-12-06.sqlite3. »): a user copies it
            self._say(self.tr("Backed up to {path}").format(path=Path(path)))
