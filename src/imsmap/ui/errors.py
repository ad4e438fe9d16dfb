"""The two kinds of error in the window (design.md, Errors).

- A `UserFacingError` (the user or the environment: invalid value, locked database, signed
  session...) becomes its one sentence in the status bar or a message box; the app carries on.
- Anything else is a bug: a crash dialog with the details, also written to a log file in
  ``data_dir()/logs``.

The crash report holds what a developer needs and nothing of the record (issue 12): imsmap, Qt
and Python versions, the action that failed, the exception's type (with the errno or SQLite
error code, which are codes) and its frames as file:line and function. It never holds an
exception's message, source lines, locals or reprs, any of which can carry a patient's name,
birth date, notes or a practitioner's name; file paths are cut to the package-relative part (a
home folder is a person's name). As a second line, dates, quoted text and the names the window
registers (`register_private`) are blanked in whatever the report holds. The log file is created
owner-only (0600) in an owner-only folder (0700).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sqlite3
import sys
import traceback
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from imsmap import __version__, paths
from imsmap.domain.errors import UserFacingError

_QUOTED = re.compile(r"('[^'\n]*'|\"[^\"\n]*\")")
# Dates in the forms people write them: 1970-04-12, 12/04/1970, 12.4.70, 1970/4/12.
_DATE = re.compile(r"\b(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\b")

# Texts that must never reach a log (patient names shown in the window); see `register_private`.
_private: set[str] = set()


def register_private(texts: Iterable[str]) -> None:
    """Words that identify patients; scrubbed from crash reports."""
    for t in texts:
        t = (t or "").strip()
        if len(t) >= 2:
            _private.add(t)


def scrub(text: str) -> str:
    """Blank quoted values, dates and registered names out of a text."""
    text = _QUOTED.sub("'…'", text)
    text = _DATE.sub("<date>", text)
    for name in sorted(_private, key=len, reverse=True):
        text = re.sub(re.escape(name), "<name>", text, flags=re.IGNORECASE)
    return text


def _where(filename: str) -> str:
    """A frame's file without the folders above the package (they may name the user)."""
    path = filename.replace("\\", "/")
    for marker in ("/site-packages/", "/dist-packages/"):
        if marker in path:
            return path.rsplit(marker, 1)[1]
    if "/imsmap/" in path:
        return "imsmap/" + path.rsplit("/imsmap/", 1)[1]
    if "/lib/python" in path:  # the standard library
        return path.rsplit("/lib/", 1)[1]
    return path.rsplit("/", 1)[-1]


def _kind(exc: BaseException) -> str:
    """The exception's type, with the code of an OS or SQLite error: never its message."""
    name = type(exc).__qualname__
    module = type(exc).__module__
    if module not in ("builtins", "__main__"):
        name = f"{module}.{name}"
    if isinstance(exc, OSError) and exc.errno is not None:
        name += f" [{errno.errorcode.get(exc.errno, exc.errno)}]"
    elif isinstance(exc, sqlite3.Error) and getattr(exc, "sqlite_errorname", None):
        name += f" [{exc.sqlite_errorname}]"
    return name


def _frames(tb: TracebackType | None) -> list[str]:
    lines = []
    for frame, lineno in traceback.walk_tb(tb):
        code = frame.f_code
        where = scrub(_where(code.co_filename))
        name = scrub(getattr(code, "co_qualname", code.co_name))
        lines.append(f'  File "{where}", line {lineno}, in {name}')
    return lines


def _action(tb: TracebackType | None) -> str:
    """The window's action that was running: the outermost frame in imsmap's ui package."""
    for frame, _lineno in traceback.walk_tb(tb):
        code = frame.f_code
        if "imsmap/ui/" in code.co_filename.replace("\\", "/"):
            return getattr(code, "co_qualname", code.co_name)
    for frame, _lineno in traceback.walk_tb(tb):
        if "imsmap/" in frame.f_code.co_filename.replace("\\", "/"):
            return getattr(frame.f_code, "co_qualname", frame.f_code.co_name)
    return "unknown"


def _versions() -> str:
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        qt = f"Qt {qVersion()}, PySide6 {PySide6.__version__}"
    except Exception:  # noqa: BLE001 - the report is written whatever is broken
        qt = "Qt unknown"
    return f"imsmap {__version__} on Python {sys.version.split()[0]}, {qt}, {sys.platform}"


def format_crash(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> str:
    """The crash report: versions, time, the action, and for the exception and those it came
    from, type and frames only (the module docstring says why)."""
    chain: list[tuple[BaseException, str]] = []  # newest first, each with its link to the next
    seen: set[int] = set()
    current: BaseException | None = exc
    link = ""
    while current is not None and id(current) not in seen and len(chain) < 10:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            current, link = (current.__cause__,
                             "The above was the direct cause of the exception below.")
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = (current.__context__,
                             "The exception below happened while handling the one above.")
        else:
            current = None
    body: list[str] = []
    for item, link in reversed(chain):  # the oldest first, as Python prints them
        body.append("Traceback (most recent call last):")
        body += _frames(tb if item is exc else item.__traceback__)
        body.append(f"{_kind(item)} (message withheld: it may hold patient data)")
        if link:
            body += ["", link, ""]
    header = [_versions(), f"time: {datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}",
              f"action: {scrub(_action(tb))}", ""]
    return "\n".join(header + body) + "\n"


def log_dir() -> Path:
    return paths.data_dir() / "logs"


def write_crash_log(report: str) -> Path | None:
    """Append the report to today's crash log, owner-only (0600) in an owner-only folder
    (0700); None if even that fails."""
    try:
        folder = paths.ensure_private_dir(log_dir())
        path = folder / f"crash-{datetime.now():%Y-%m-%d}.log"
        if sys.platform != "win32":
            with contextlib.suppress(OSError):  # tightened where it can be; logged anyway
                os.chmod(folder, 0o700)  # a folder made before this rule
                for old in folder.glob("crash-*.log"):  # and logs written before it
                    os.chmod(old, 0o600)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with open(fd, "a", encoding="utf-8") as fh:
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
        if isinstance(exc, UserFacingError):  # escaped a handler: still not a bug report
            show_user_error(self._parent(), exc)
            return
        report = format_crash(exc_type, exc, tb)
        path = write_crash_log(report)
        sys.stderr.write(report)
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
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
    QMessageBox.warning(parent, title, str(exc))
