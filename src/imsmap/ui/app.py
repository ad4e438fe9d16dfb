"""Starting the window: the application object, the database, the crash handler."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from imsmap import __version__, paths
from imsmap.domain.errors import UserFacingError
from imsmap.services.context import open_records
from imsmap.services.records import Records
from imsmap.ui.errors import CrashHandler


def open_database(db: str | Path | None = None, demo: bool = False) -> Records:
    """The records the window works on. Raises UserFacingError (StoreError...) with a sentence."""
    if demo and db is None:
        path = paths.demo_db_path()
        paths.ensure_private_dir(path.parent)
        if not path.exists() or path.stat().st_size == 0:
            from imsmap.services.demo import create_demo  # written separately; only when asked

            if path.exists():
                path.unlink()
            create_demo(path)
        return open_records(path)
    path = paths.resolve_db(db)
    if db is None:
        paths.ensure_private_dir(path.parent)
    return open_records(path)


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
    return app  # type: ignore[return-value]


def run_app(db: str | None = None, demo: bool = False) -> int:
    """Open the main window on a database (or the demo clinic); returns the exit status."""
    app = make_application()
    window = None
    handler = CrashHandler(lambda: window)
    handler.install()
    try:
        from imsmap.ui.startup import open_checked

        try:
            db_path = paths.demo_db_path() if demo and db is None else paths.resolve_db(db)
            # Opened, quick-checked; a damaged file gets the backup dialog, never a traceback.
            records = open_checked(lambda: open_database(db, demo), db_path)
        except UserFacingError as exc:
            QMessageBox.critical(None, "imsmap cannot open the database", exc.message)
            return 2
        if records is None:
            return 2
        from imsmap.ui.main_window import MainWindow

        # `imsmap demo` then `imsmap --db <that file>`: still say it is the demo clinic.
        demo = demo or _same_file(records.db.path, paths.demo_db_path())
        try:
            # The demo clinic is never backed up: its copies would crowd out the real ones.
            window = MainWindow(records, demo=demo, auto_backup=not demo)
            window.show()
            return app.exec()
        finally:
            window = None
            records.db.close()
    finally:
        handler.uninstall()
