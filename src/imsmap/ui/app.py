"""Starting the window: the application object, the database, the crash handler."""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from imsmap import __version__, i18n, paths
from imsmap.crash_report import versions
from imsmap.domain.errors import UserFacingError
from imsmap.services import clinic
from imsmap.services.context import AppContext, open_context
from imsmap.services.database_files import BACKUP_NAME, DamagedFileError, StoreError
from imsmap.ui import ending_signals, startup, window_settings
from imsmap.ui.errors import CrashHandler
from imsmap.ui.main_window import MainWindow
from imsmap.ui.qt_log import QtLog
from imsmap.ui.refusals import tell
from imsmap.ui.restore_backup import RestoreRequest, run_restore
from imsmap.ui.upgrade_dialog import upgrade_with_dialog

if TYPE_CHECKING:
    from imsmap.ui.desk_window import DeskWindow

log = logging.getLogger(__name__)


def open_database(db: str | Path | None = None, demo: bool = False) -> AppContext:
    """The records the window works on (services.context's composition root). Raises
    UserFacingError (StoreError...) with a sentence."""
    if demo and db is None:
        path = paths.demo_db_path()
        paths.ensure_private_dir(path.parent)
        if not path.exists() or path.stat().st_size == 0:
            # written separately; only when asked
            from imsmap.services.demo import DemoExists, create_demo

            if path.exists():
                path.unlink()
            try:
                create_demo(path)
            except DemoExists:
                # Another imsmap --demo started at the same moment gave it the name first,
                # whole (services.demo builds it apart): that demo is the one asked for.
                log.info("the demo was made meanwhile by another imsmap; opening that one")
        return open_context(path)
    path = paths.resolve_db(db)
    if db is None:
        paths.ensure_private_dir(path.parent)
    if BACKUP_NAME.match(path.name):  # e.g. chosen with the installer's "Open with imsmap"
        raise StoreError(QCoreApplication.translate(
            "App", "{name} is an imsmap backup. It is never opened to work in: what you recorded "
            "would go into the backup, not into your clinic's records. To bring it back, "
            "restore it (imsmap restore --db YOUR-DATABASE --force BACKUP); to look at it, copy "
            "it to a new name and open the copy.").format(name=path.name))
    return open_context(path)


def _same_file(a: str | Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == b.resolve()
    except OSError:
        return False


def make_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName("imsmap")
    app.setApplicationName("imsmap")
    app.setApplicationDisplayName("imsmap")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.imsmap.imsmap")  # packaging/linux: the desktop finds our icon
    # The window's language (its setting, else the system's) and Qt's own words in it, before
    # the first widget is made.
    i18n.install(app, window_settings.window_language())
    return app  # type: ignore[return-value]


PASSWORD_DIALOG_WIDTH = 420  # its field: as wide as the window's other small dialogs


def ask_server_password(login: str) -> str | None:
    """The sign-in dialog: the login's password on the clinic server (None: cancelled). As
    wide as the window's other small dialogs: at the width of its question the window
    manager cut its title to « Conne…msmap » (walk of 6 December)."""
    dialog = QInputDialog()
    dialog.setWindowTitle(QCoreApplication.translate("App", "Sign in to the clinic server"))
    dialog.setLabelText(
        QCoreApplication.translate("App", "Password for {login}:").format(login=login))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    field = dialog.findChild(QLineEdit)  # the dialog's layout holds it to its least size
    if field is not None:
        field.setMinimumWidth(PASSWORD_DIALOG_WIDTH)
    ok = dialog.exec() == QInputDialog.DialogCode.Accepted
    text = dialog.textValue()
    dialog.deleteLater()
    return text if ok else None


def run_on_server(app: QApplication, server: str | AppContext,
                  handler: CrashHandler | None = None) -> int:
    """The window on a clinic server (imsmap --dsn, or the first start's answer, signed in
    already): signed in as the DSN's login, the password asked for when libpq has none
    (PGPASSFILE or ~/.pgpass, PGPASSWORD, a service file). The server keeps the record and its
    backups (pg_dump): no file checks, no backup of this computer's."""
    from imsmap.ui.signing_in import SigningInDialog

    if isinstance(server, AppContext):
        context = server
    else:
        # On a thread of its own: where the address does not answer, the screen says it is
        # waiting and Cancel stops it (ui.signing_in, as the first start's question does).
        outcome = SigningInDialog(server, ask_password=ask_server_password).run()
        if outcome is None:
            log.info("signing in to the clinic server was stopped at the start")
            return 2
        if isinstance(outcome, UserFacingError):
            tell(None, QCoreApplication.translate("App", "Cannot open the clinic server"),
                 outcome)
            return 2
        if not isinstance(outcome, AppContext):
            raise TypeError(outcome)
        context = outcome
    try:
        window = window_for(context)
        if handler is not None:  # a sentence that escapes a slot goes to its status bar
            handler.set_parent(lambda: window)
        window.show()
        with ending_signals.ending(window.close_at_signal):
            status = app.exec()  # SIGTERM, SIGHUP: closed as Quit closes it
    finally:
        context.close()
    log.info("window on the clinic server closed (exit status %d)", status)
    return status


def window_for(context: AppContext) -> MainWindow | DeskWindow:
    """The window of the login signed in to the clinic server: the practitioner's, or, for a
    login only in reception or the administrators, the window of what that role may do
    (ui/desk_window.py)."""
    from imsmap.ui.desk_window import DeskWindow, is_desk_login

    if is_desk_login(context.read.roles):
        return DeskWindow(context)
    return MainWindow(context, demo=False, auto_backup=False)


def where_records_are() -> str | AppContext | None:
    """The clinic server's DSN when this person's records are kept there, None for this
    computer's file; at the very first start (no choice kept, no database file yet), and when
    the choice kept was found empty (services.records_place.ChoiceLost), asked: then the
    server's services, signed in, when the answer was a server; "" when that question was
    cancelled."""
    from imsmap.services import records_place

    lost: records_place.ChoiceLost | None = None
    try:
        if records_place.chosen() is not None:
            return records_place.saved_server()
    except records_place.ChoiceLost as exc:
        lost = exc  # left empty by a power cut: asked again, saying so; never a first start
    except UserFacingError as exc:
        tell(None, QCoreApplication.translate("App", "Cannot start"), exc)
        return ""
    if lost is None and paths.default_db_path().exists():
        return None  # a clinic already kept on this computer
    from imsmap.ui.records_place import RecordsPlaceDialog

    dialog = RecordsPlaceDialog(ask_password=ask_server_password, lost=lost)
    if not dialog.exec():
        return ""
    return dialog.opened


def run_app(db: str | None = None, demo: bool = False, dsn: str | None = None) -> int:
    """Open the main window on a database (or the demo clinic, or a clinic server's database
    when ``dsn`` is given); returns the exit status."""
    app = make_application()
    window = None
    handler = CrashHandler(lambda: window)
    handler.install()
    qt_log = QtLog()
    qt_log.install()
    log.info("window starting: %s", versions())
    try:
        if dsn is None and db is None and not demo:
            place = where_records_are()
            if place == "":
                return 2  # the first question was closed: nothing opened, nothing made
            if place is not None:
                return run_on_server(app, place, handler)
        if dsn is not None:
            return run_on_server(app, dsn, handler)
        try:
            db_path = paths.demo_db_path() if demo and db is None else paths.resolve_db(db)

            def opener() -> AppContext:
                return open_database(db, demo)

            # A file of an earlier schema: upgraded first, with progress, and can be stopped.
            if not upgrade_with_dialog(db_path):
                return 2

            # The cheap checks only; a damaged file gets the backup dialog, never a traceback.
            context = startup.open_checked(opener, db_path)
        except UserFacingError as exc:
            tell(None, startup.cannot_open(), exc)
            return 2
        restored: str | None = None  # what a window opened on restored records says first
        while context is not None:
            damage: list[object] = []  # what is damaged: said by the damaged-file dialog
            restore: RestoreRequest | None = None  # a backup the clinic chose to restore
            try:
                try:
                    # `imsmap demo [--db PATH]` then `imsmap --db <that file>`: still say it is
                    # the demo clinic (the file says so, wherever it lies).
                    is_demo = demo or _same_file(context.read.path, paths.demo_db_path()) \
                        or clinic.is_demo(context.records)
                    # The demo clinic is never backed up: its copies would crowd out the real
                    # ones.
                    window = MainWindow(context, demo=is_demo, auto_backup=not is_demo)
                except DamagedFileError as exc:  # a damaged row or page read before the check
                    damage.append(exc)
                except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
                    found = startup.damage_of(exc, context.read.path)
                    if found is None:  # the code's own error: a bug
                        raise
                    damage.append(found)
                else:
                    window.show()
                    if restored is not None:
                        # The restore's box said it; the window opened after it said nothing,
                        # no patient open, as if the records had gone (walk of 6 December).
                        window.completed.connect(
                            lambda said=restored, shown=window: shown.show_message(said))
                        restored = None
                    # A new, empty clinic database: the set-up wizard over the whole window.
                    window.completed.connect(window.offer_setup)
                    check = startup.StartupCheck(context.read.path, window)
                    watch = _DamageWatch(window, damage)  # lives on this (the GUI) thread
                    check.finished.connect(watch.checked)
                    # The file's structure, read on a thread while the window works; it reads
                    # the whole file, so it starts once the chart is on screen and the window
                    # whole, not while the first frame is painted.
                    window.completed.connect(check.start)
                    # A damaged row read while the window works (the structure check does not
                    # read the records' values): the same way out as the check's damage.
                    sys.excepthook = _DamageHook(handler, watch, context.read.path)
                    try:
                        # SIGTERM, SIGHUP (a logout, a shutdown): closed as Quit closes it
                        with ending_signals.ending(window.close_at_signal):
                            status = app.exec()
                    finally:
                        sys.excepthook = handler
                    restore = window.restore_request
            except BaseException:
                context.close()
                raise
            finally:
                _delete_closed(window)
                window = check = watch = None
            if restore is not None and not damage:
                # The window closed to free the file: restored (or refused, unchanged), then
                # opened again, in a new window.
                context.close()
                restored = run_restore(restore, db_path)
                context = startup.open_checked(opener, db_path)
                continue
            if not damage:
                context.close()
                log.info("window closed (exit status %d)", status)
                return status
            # Damaged: the window is closed; the dialog offers the latest good backup.
            log.warning("the database is damaged (%d problems); offering the latest backup",
                        len(damage))
            context = startup.recover(context, opener, db_path, damage)
        return 2
    finally:
        qt_log.uninstall()
        handler.uninstall()


class _DamageHook:
    """sys.excepthook while the window runs: DamagedFileError escaping a slot (a record read
    by the window cannot be read back), or an SQLite error whose code says the file is damaged,
    closes the window and brings the damaged-file dialog with the latest good backup, as the
    background check's damage does; anything else goes to the crash handler (a bug stays a bug
    report)."""

    def __init__(self, handler: CrashHandler, watch: _DamageWatch, db_path: Path):
        self.handler = handler
        self.watch = watch
        self.db_path = db_path

    def __call__(self, exc_type, exc, tb) -> None:
        damage = startup.damage_of(exc, self.db_path) if isinstance(
            exc, (DamagedFileError, sqlite3.DatabaseError, UnicodeDecodeError)) else None
        if damage is not None:
            if not self.watch.damage:  # the first one closes the window; later ones say no more
                # Not from inside the handler that raised (a paint, a widget's event): the
                # window closes once that has unwound.
                self.watch.damage[:] = [damage]
                QTimer.singleShot(0, self.watch, self.watch.close_window)
            return
        self.handler(exc_type, exc, tb)


_checks_let_go: list[startup.StartupCheck] = []


def _delete_closed(window: MainWindow | None) -> None:
    """Delete a window whose event loop ended, now, between two windows. Left to Python it was
    never deleted (its children's connections to its methods hold it, out of the garbage
    collector's sight): after a restore it stayed, hidden, for the life of the process, over
    closed records, its timers still running (the look for other programs' writes, every 2 s),
    the first suspect of the segfault in QtCore after a restore on the walk. A structure check
    still reading the file is let go of first: its thread says its end to no one, and it is
    deleted here once done."""
    _checks_let_go[:] = [check for check in _checks_let_go if check.running]
    if window is None or not shiboken6.isValid(window):
        return
    for check in window.findChildren(startup.StartupCheck):
        if check.running:
            check.setParent(None)
            _checks_let_go.append(check)
    for timer in window.findChildren(QTimer):
        timer.stop()
    shiboken6.delete(window)


class _DamageWatch(QObject):
    """Hears the background structure check (on the GUI thread): on damage, closes the window
    without writing and leaves the event loop, so that run_app shows the damaged-file dialog."""

    def __init__(self, window, damage: list[object]):
        super().__init__(window)
        self.window = window
        self.damage = damage

    @Slot(list)
    def checked(self, problems: list[str]) -> None:
        if not problems:
            return
        self.damage[:] = problems
        self.close_window()

    @Slot()
    def close_window(self) -> None:
        self.window.close_damaged()
        QApplication.instance().quit()
