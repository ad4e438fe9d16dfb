"""imsmap's log: what a maintainer needs to help (start, the database and its schema, migrations,
backups, errors) and nothing of the record.

- Every module logs through its own named logger, ``logging.getLogger(__name__)`` (imsmap.store.db,
  imsmap.services.checks...); `setup` gives the "imsmap" logger one rotating file, ``imsmap.log``
  in the data folder's ``logs/`` (a few files of 1 MB). Qt's messages reach it as "imsmap.qt"
  (ui/qt_log.py), crash reports as "imsmap.crash" (`write_crash_log`, also in their own
  ``crash-DATE.log`` that the crash dialog names).
- Owner-only: the folder is made 0700 and every file is created 0600 (``os.open`` with that mode,
  never created first and tightened later), rotated files included.
- Records are never logged: code logs ids, codes and counts. `PrivacyFilter`, on every handler, is
  the second line: it blanks quoted text, dates and the names and chart numbers of the patients
  this process has read (log_privacy.PRIVATE: the most recent few thousand, never more), and
  cuts an exception down to its type and frames (crash_report.py): an exception's message can
  quote a record.
- A crash of the process itself (a segmentation fault in Qt, an abort) runs no Python: its trace
  is Python's `faulthandler`'s, written to ``crash-native.log`` beside the crash logs (a file
  opened at start and kept open, since nothing can be opened while crashing). It holds code
  locations only (file:line and function of each thread's Python frames), no values.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from imsmap import __version__, paths
from imsmap.crash_report import format_exception
from imsmap.log_privacy import PRIVATE, scrub

LOG_NAME = "imsmap.log"
NATIVE_CRASH_LOG = "crash-native.log"
MAX_BYTES = 1_000_000
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"

class PrivacyFilter(logging.Filter):
    """On every handler: the message scrubbed, an exception reduced to type and frames."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        # A crash report is scrubbed piece by piece as it is made (crash_report.py); blanking
        # its quotes again would take the file names out of its frames.
        record.msg = PRIVATE.blank(message) if getattr(record, "scrubbed", False) else \
            scrub(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = format_exception(record.exc_info[1], record.exc_info[2])
        elif record.exc_text:
            record.exc_text = scrub(record.exc_text)
        record.exc_info = None
        record.stack_info = None
        return True


def log_dir() -> Path:
    return paths.data_dir() / "logs"


def private_dir(folder: Path | None = None) -> Path:
    """The log folder, owner-only (0700), with every log in it owner-only (0600): a folder or a
    file made before this rule is tightened."""
    folder = paths.ensure_private_dir(folder or log_dir())
    if sys.platform != "win32":
        try:
            os.chmod(folder, 0o700)
            for old in folder.iterdir():
                if old.is_file() and (old.name.endswith(".log") or ".log." in old.name):
                    os.chmod(old, 0o600)
        except OSError:  # tightened where it can be; the new files are 0600 whatever happens
            pass
    return folder


def open_private(path: Path) -> IO[str]:
    """Open ``path`` to append, creating it 0600 (never readable by another user, not even for
    the moment between creating and tightening)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        if sys.platform != "win32":
            os.fchmod(fd, 0o600)
        return open(fd, "a", encoding="utf-8")
    except BaseException:
        os.close(fd)
        raise


class _PrivateFile:
    """A file handler whose files are owner-only and whose failures never reach the user: a
    log that cannot be written is not the user's problem (`failed` says it happened)."""

    baseFilename: str
    failed = False

    def _open(self) -> Any:  # logging.FileHandler's: a TextIOWrapper
        private_dir(Path(self.baseFilename).parent)
        return open_private(Path(self.baseFilename))

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        self.failed = True


class RotatingLog(_PrivateFile, logging.handlers.RotatingFileHandler):
    """imsmap.log and its rotated copies imsmap.log.1 ... .N, each 0600."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS):
        super().__init__(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8",
                         delay=True)


class CrashFile(_PrivateFile, logging.FileHandler):
    """One day's crash-DATE.log, 0600: the file the crash dialog names."""

    def __init__(self, path: Path):
        super().__init__(path, encoding="utf-8", delay=True)


def _handler(logger: logging.Logger, kind: type[RotatingLog] | type[CrashFile], path: Path,
             fmt: str = FORMAT) -> RotatingLog | CrashFile:
    """``logger``'s handler of ``kind`` writing to ``path``: the one it has, or a new one in
    place of one writing elsewhere (the data folder changed: another test, another clinic)."""
    for handler in logger.handlers:
        if isinstance(handler, kind):
            if Path(handler.baseFilename) == path.absolute():
                return handler
            logger.removeHandler(handler)
            handler.close()
    handler = kind(path)
    handler.setFormatter(logging.Formatter(fmt))
    handler.addFilter(PrivacyFilter())
    logger.addHandler(handler)
    return handler


def setup(level: int = logging.INFO) -> Path:
    """Send the "imsmap" loggers to imsmap.log in the data folder (made when the first line is
    written); returns its path. Called again, it follows a changed data folder."""
    path = log_dir() / LOG_NAME
    logger = logging.getLogger("imsmap")
    logger.setLevel(level)
    _handler(logger, RotatingLog, path)
    return path


_native_file: IO[str] | None = None  # open for the process's life: faulthandler writes to it


def trace_native_crashes() -> Path | None:
    """Have a crash of the process (SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL) leave the Python
    frames of every thread in crash-native.log (0600, rotated once past MAX_BYTES), after a line
    saying which imsmap, which process and when; the path, None when it could not be opened or
    when faulthandler was already on (python -X faulthandler, pytest: their choice stands)."""
    global _native_file
    if _native_file is not None or faulthandler.is_enabled():
        return None
    path = log_dir() / NATIVE_CRASH_LOG
    try:
        private_dir()
        if path.exists() and path.stat().st_size > MAX_BYTES:
            os.replace(path, path.with_name(path.name + ".1"))
        file = open_private(path)
        file.write(f"-- imsmap {__version__}, process {os.getpid()}, started "
                   f"{datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}: a crash's trace "
                   "follows if it crashed\n")
        file.flush()
        faulthandler.enable(file, all_threads=True)
    except (OSError, RuntimeError, ValueError):  # no trace of a crash; imsmap runs as well
        logging.getLogger(__name__).warning("native crash traces cannot be written to %s",
                                            shown(path))
        return None
    _native_file = file
    logging.getLogger(__name__).info("native crash traces (faulthandler) go to %s",
                                     shown(path))
    return path


def write_crash_log(report: str) -> Path | None:
    """Append a crash report (crash_report.format_crash) to today's crash log and to imsmap.log
    through the "imsmap.crash" logger; the crash log's path, None when it could not be written."""
    logger = logging.getLogger("imsmap.crash")
    path = log_dir() / f"crash-{datetime.now():%Y-%m-%d}.log"
    try:
        private_dir()  # also tightens crash logs written before this rule
    except OSError:
        return None
    handler = _handler(logger, CrashFile, path, fmt="%(message)s")
    handler.failed = False
    logger.error("%s", report.rstrip("\n") + "\n", extra={"scrubbed": True})
    handler.flush()
    return None if handler.failed else path


def shown(path: str | os.PathLike[str]) -> str:
    """A path for the log, the home folder as "~" (its name is a person's)."""
    text = str(path)
    home = str(Path.home())
    return "~" + text[len(home):] if home not in ("", "/") and text.startswith(home) else text
