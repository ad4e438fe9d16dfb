"""The two kinds of error in the window (design.md, Errors).

- A `UserFacingError` (the user or the environment: invalid value, locked database, signed
  session...) becomes its one sentence in the status bar or a message box; the app carries on.
- Anything else is a bug: a crash dialog with the details, also written to a log file in
  ``data_dir()/logs``. The log holds the traceback, never patient data: quoted text in messages is
  blanked out, and names the window registers as sensitive are replaced.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import traceback
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

from imsmap import __version__, paths

_QUOTED = re.compile(r"('[^'\n]*'|\"[^\"\n]*\")")

# Texts that must never reach a log (patient names shown in the window); see `register_private`.
_private: set[str] = set()


def register_private(texts: Iterable[str]) -> None:
    """Words that identify patients; scrubbed from crash reports."""
    for t in texts:
        t = (t or "").strip()
        if len(t) >= 2:
            _private.add(t)


def scrub(text: str) -> str:
    """Blank quoted values and registered names out of a message."""
    text = _QUOTED.sub("'…'", text)
    for name in sorted(_private, key=len, reverse=True):
        text = re.sub(re.escape(name), "<name>", text, flags=re.IGNORECASE)
    return text


def format_crash(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> str:
    """The crash report: version, time, traceback frames, the scrubbed message."""
    lines = [f"imsmap {__version__} on Python {sys.version.split()[0]}, {sys.platform}",
             f"time: {datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}", ""]
    frames = traceback.extract_tb(tb)
    lines.append("Traceback (most recent call last):")
    for f in frames:
        lines.append(f'  File "{f.filename}", line {f.lineno}, in {f.name}')
        if f.line:
            lines.append(f"    {scrub(f.line.strip())}")
    lines.append(f"{exc_type.__qualname__}: {scrub(str(exc))}")
    return "\n".join(lines) + "\n"


def log_dir() -> Path:
    return paths.data_dir() / "logs"


def write_crash_log(report: str) -> Path | None:
    """Append the report to today's crash log; None if even that fails."""
    try:
        folder = paths.ensure_private_dir(log_dir())
        path = folder / f"crash-{datetime.now():%Y-%m-%d}.log"
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(report + "\n")
        return path
    except OSError:
        return None


class CrashHandler:
    """sys.excepthook for the window: log, then a dialog with the details."""

    def __init__(self, parent: Callable[[], QWidget | None] = lambda: None):
        self._parent = parent
        self._previous = sys.excepthook
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(self, exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        from imsmap.domain.errors import UserFacingError

        if isinstance(exc, UserFacingError):  # escaped a handler: still not a bug report
            show_user_error(self._parent(), exc)
            return
        if isinstance(exc, sqlite3.DatabaseError) and _is_damage(str(exc)):
            # The file, not the code: the structure check running since the start says more.
            show_user_error(self._parent(), "The database file is damaged and this could not "
                            f"be read ({exc}). imsmap is checking the file and will offer the "
                            "latest good backup.")
            return
        report = format_crash(exc_type, exc, tb)
        path = write_crash_log(report)
        sys.stderr.write(report)
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            from PySide6.QtWidgets import QMessageBox  # only for a crash: not at start-up

            box = QMessageBox(self._parent())
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle("imsmap – unexpected error")
            box.setText("imsmap ran into a bug. Everything you entered before this was saved.")
            where = f"The details were written to {path}." if path else \
                "The details could not be written to the log folder."
            box.setInformativeText(f"{where} Please send that file to your imsmap support. "
                                   "You can carry on working.")
            box.setDetailedText(report)
            box.exec()
        finally:
            self._showing = False


def show_user_error(parent: QWidget | None, exc: BaseException, title: str = "imsmap") -> None:
    """A message box with the error's sentence (for errors after an explicit dialog or action)."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, str(exc))


def _is_damage(message: str) -> bool:
    low = message.lower()
    return "malformed" in low or "not a database" in low or "file is encrypted" in low
