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
        try:
            records = open_database(db, demo)
        except UserFacingError as exc:
            QMessageBox.critical(None, "imsmap cannot open the database", exc.message)
            return 2
        from imsmap.ui.main_window import MainWindow

        # `imsmap demo` then `imsmap --db <that file>`: still say it is the demo clinic.
        demo = demo or _same_file(records.db.path, paths.demo_db_path())
        try:
            window = MainWindow(records, demo=demo)
            window.show()
            return app.exec()
        finally:
            window = None
            records.db.close()
    finally:
        handler.uninstall()
