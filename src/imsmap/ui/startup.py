"""Safety at start-up: open the database, check it, and when it is damaged offer the latest good
backup; the automatic backups: a full backup in the background when one is due, a journal
record after each signed session.

Nothing here shows a traceback. A damaged or truncated file gets a dialog that names the problem
and, when there is a good backup, offers it; the backup is restored only after a second, explicit
confirmation, and the damaged file is kept beside it under a new name (store.restore.restore).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from imsmap.domain.errors import UserFacingError
from imsmap.services import checks, database_files
from imsmap.services.context import AppContext
from imsmap.services.database_files import (
    BackupReason,
    BusyError,
    DamagedFileError,
    JournalOutcome,
    Scheduled,
    StoreError,
)
from imsmap.ui import errors as ui_errors
from imsmap.ui.recovery import ask_retry, damaged_dialog, latest_good_backup
from imsmap.ui.refusals import tell

log = logging.getLogger(__name__)



def cannot_open() -> str:
    return QCoreApplication.translate("Startup", "Cannot open the database")


# -- what is wrong ------------------------------------------------------------------------
def damage_of(exc: BaseException, db_path: Path) -> DamagedFileError | None:
    """``exc`` as the damaged-file error it is (DamagedFileError, or an SQLite error whose code
    says the file is damaged), else None."""
    return database_files.damage_in(exc, db_path)


# -- the start-up sequence ----------------------------------------------------------------
def open_checked(opener: Callable[[], AppContext], db_path: Path,
                 parent: QWidget | None = None) -> AppContext | None:
    """Open the database with ``opener`` (the cheap checks: header, application id, schema
    version) and deal with what goes wrong. The file's structure is checked afterwards, on a
    thread, while the window is up (`StartupCheck`; `recover` when it finds damage).

    Returns the records to work on, or None when the user chose to quit (a message was shown).
    """
    while True:
        was_empty = db_path.is_file() and db_path.stat().st_size == 0
        if was_empty:
            info = latest_good_backup(database_files.backup_folder_for(db_path), db_path)
            if info is not None:  # a database emptied by accident, not a new one
                restored = damaged_dialog(db_path, [QCoreApplication.translate(
                    "Startup", "The database file is empty (0 bytes), but there are backups of "
                    "it.")], parent, info)
                if not restored:
                    return None
                continue
        try:
            return opener()
        except StoreError as exc:
            if isinstance(exc, BusyError):
                if ask_retry(exc, parent):
                    continue
                return None
            if isinstance(exc, DamagedFileError):
                if damaged_dialog(db_path, [exc], parent):
                    continue
                return None
            tell(parent, cannot_open(), exc)
            return None
        except UserFacingError as exc:
            tell(parent, cannot_open(), exc)
            return None


def recover(opened: AppContext | None, opener: Callable[[], AppContext], db_path: Path,
            problems: Sequence[object], parent: QWidget | None = None) -> AppContext | None:
    """The structure check found ``problems``: close ``opened``, show the damaged-file dialog
    (offering the latest good backup) and, when a backup was restored, open it again.

    Returns the records to work on, or None when the user chose to quit."""
    if opened is not None:
        opened.close()
    if not damaged_dialog(db_path, problems, parent):
        return None
    return open_checked(opener, db_path, parent)


class StartupCheck(QObject):
    """PRAGMA quick_check on a thread of its own, through its own read-only connection, once
    the window is up: it reads the whole file (seconds on a decade of records). ``finished``
    carries the problems ([] when the file is whole), delivered on the GUI thread."""

    finished = Signal(list)

    def __init__(self, db_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.problems: list[str] | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="startup-check", daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        try:
            problems = checks.structure_problems(self.db_path)
        except Exception as exc:  # noqa: BLE001 - a bug: logged like any crash, not a damage
            ui_errors.write_crash_log(ui_errors.format_crash(type(exc), exc,
                                                             exc.__traceback__))
            problems = []
        log.info("structure check of %s: %d problems", self.db_path.name, len(problems))
        self.problems = problems
        try:
            self.finished.emit(problems)
        except RuntimeError:  # the window was closed meanwhile
            pass


# -- backups in the background ------------------------------------------------------------
class BackgroundBackup(QObject):
    """The automatic backups (store.backup_sets), so that the window never waits for a copy:
    - at start-up, on a thread of its own through its own read-only connection: a full,
      compressed backup when one is due (weekly by default), else the journal brought up to
      date;
    - after a signature: a journal record of what was written since, at once, through a
      read-only connection of its own (a few rows, fsynced; a full backup instead when there
      is none yet);
    - "Back up now": a new full backup on a thread;
    - on closing (`abandon`): a running full backup is abandoned (it publishes nothing; the
      next start makes it again) and the journal is brought up to date.
    ``finished`` carries a new full backup's file (or "") and what went wrong (the refusal, or
    a sentence; "" when nothing did), said by the window (`ui.refusals`)."""

    finished = Signal(str, object)
    ABANDON_WAIT_S = 2.0  # a thread notices the cancel within one step (milliseconds)

    def __init__(self, db_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._threads: list[threading.Thread] = []
        self._cancel = threading.Event()
        self.last: Path | None = None

    def start(self, reason: BackupReason) -> None:
        if reason is BackupReason.SIGNED:
            self.journal_now()
            return
        self._threads = [t for t in self._threads if t.is_alive()]
        thread = threading.Thread(target=self._run, args=(reason,),
                                  name=f"backup-{reason.value}", daemon=True)
        self._threads.append(thread)
        thread.start()

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def wait(self, timeout: float = 30.0) -> bool:
        """Wait for running backups; True when all finished."""
        deadline = datetime.now().timestamp() + timeout
        for t in self._threads:
            t.join(max(0.0, deadline - datetime.now().timestamp()))
        return not self.running

    def journal_now(self) -> bool:
        """What was written since the last record, into the journal; True when it is there
        (or nothing needed writing). No backup set yet: a full backup starts instead."""
        try:
            if database_files.journal_backup(self.db_path) is JournalOutcome.NO_SET:
                self.start(BackupReason.FIRST)
                return False
            return True
        except UserFacingError as exc:
            self.finished.emit("", exc)
            return False

    def abandon(self, catch_up: bool = True) -> None:
        """Closing: stop a running full backup (nothing of it is published) and bring the
        journal up to date; waits a moment at most."""
        self._cancel.set()
        for t in self._threads:
            t.join(self.ABANDON_WAIT_S)
        if catch_up:
            try:
                database_files.journal_backup(self.db_path)
            except UserFacingError:
                pass  # said at the next start, whose backup meets the same folder

    def _run(self, reason: BackupReason) -> None:
        path = ""
        error: object = ""  # the refusal, or the sentence of a bug
        try:
            if reason is BackupReason.STARTUP:
                made = database_files.scheduled_backup(self.db_path, self._cancel)
                path = str(made.file) if made.kind is Scheduled.FULL and made.file else ""
            else:
                path = str(database_files.full_backup(self.db_path, self._cancel))
        except database_files.Cancelled:
            return  # the window closed: the next start makes it again
        except UserFacingError as exc:
            log.warning("background backup (%s) refused: %s", reason.value, type(exc).__name__)
            error = exc
        except Exception as exc:  # noqa: BLE001 - a bug: logged like any crash, then reported
            ui_errors.write_crash_log(ui_errors.format_crash(type(exc), exc,
                                                             exc.__traceback__))
            error = QCoreApplication.translate(
                "Startup", "The backup failed because of a bug ({name}); see the log.").format(
                    name=type(exc).__name__)
            traceback.clear_frames(exc.__traceback__)
        if path:
            self.last = Path(path)
        try:
            self.finished.emit(path, error)
        except RuntimeError:  # the window was closed meanwhile
            pass
