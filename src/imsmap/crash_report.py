"""Crash reports and logged exceptions that name no one (issue 12): what a developer needs and
nothing of the record.

A report holds imsmap, Qt and Python versions, the action that failed, the exception's type (with
the errno or SQLite error code, which are codes) and its frames as file:line and function. It
never holds an exception's message, source lines, locals or reprs, any of which can carry a
patient's name, birth date, notes or a practitioner's name; file paths are cut to the
package-relative part (a home folder is a person's name). As a second line, dates, quoted text
and the patients' names and chart numbers (log_privacy.PRIVATE) are blanked in whatever it holds.
No Qt here (the versions ask for it only if it is there): the command line logs with it too.
"""

from __future__ import annotations

import errno
import sqlite3
import sys
import traceback
from datetime import datetime
from types import TracebackType

from imsmap import __version__
from imsmap.log_privacy import scrub


def where(filename: str) -> str:
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


def kind(exc: BaseException) -> str:
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


def frames(tb: TracebackType | None) -> list[str]:
    lines = []
    for frame, lineno in traceback.walk_tb(tb):
        code = frame.f_code
        file = scrub(where(code.co_filename))
        name = scrub(getattr(code, "co_qualname", code.co_name))
        lines.append(f'  File "{file}", line {lineno}, in {name}')
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


def versions() -> str:
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        qt = f"Qt {qVersion()}, PySide6 {PySide6.__version__}"
    except Exception:  # noqa: BLE001 - the report is written whatever is broken
        qt = "Qt unknown"
    return f"imsmap {__version__} on Python {sys.version.split()[0]}, {qt}, {sys.platform}"


def format_exception(exc: BaseException, tb: TracebackType | None = None) -> str:
    """An exception and those it came from, oldest first as Python prints them: type (with
    its errno or SQLite code) and frames only, never a message (the module docstring says
    why)."""
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
        body += frames(tb if item is exc and tb is not None else item.__traceback__)
        body.append(f"{kind(item)} (message withheld: it may hold patient data)")
        if link:
            body += ["", link, ""]
    return "\n".join(body)


def format_crash(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> str:
    """The crash report: versions, time, the action, and the exception's chain
    (`format_exception`)."""
    header = [versions(), f"time: {datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}",
              f"action: {scrub(_action(tb))}", ""]
    return "\n".join(header) + "\n" + format_exception(exc, tb) + "\n"
