"""The two kinds of error in the window (design.md, Errors).

- A `UserFacingError` (the user or the environment: invalid value, locked database, signed
  session...) becomes its one sentence in the status bar or a message box; the app carries on.
- Anything else is a bug: a crash dialog with the details, written through the log
  (logs.write_crash_log: today's crash-DATE.log and imsmap.log, owner-only, in
  ``data_dir()/logs``).

What the crash report holds, and why it names no one: crash_report.py.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from imsmap.crash_report import format_crash
from imsmap.domain.errors import UserFacingError
from imsmap.log_privacy import PRIVATE, scrub
from imsmap.logs import log_dir, write_crash_log
from imsmap.ui.refusals import tell

__all__ = ["CrashHandler", "format_crash", "log_dir", "register_private", "scrub",
           "show_user_error", "write_crash_log"]

log = logging.getLogger(__name__)


def register_private(texts: Iterable[str | None]) -> None:
    """Names and chart numbers the window shows: kept out of every log (log_privacy.PRIVATE, bounded;
    the store notes every patient it reads as well)."""
    PRIVATE.note(texts)


class CrashHandler:
    """sys.excepthook for the window: log, then a dialog with the details."""

    def __init__(self, parent: Callable[[], QWidget | None] = lambda: None):
        self._parent = parent
        self._previous = sys.excepthook
        self._showing = False

    def set_parent(self, parent: Callable[[], QWidget | None]) -> None:
        """Where the sentences and the crash dialog go from now on."""
        self._parent = parent

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
            log.warning("%s reached the crash handler; shown as the user's error",
                        type(exc).__name__)
            parent = self._parent()
            say = getattr(parent, "show_error", None)
            if callable(say):  # the window's status bar: a server gone for a moment can fail
                say(exc)       # several reads at once, and each would stack a box
            else:
                show_user_error(parent, exc)
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
            box.setWindowTitle(QCoreApplication.translate("CrashHandler",
                                                          "Unexpected error"))
            box.setText(QCoreApplication.translate(
                "CrashHandler",
                "imsmap ran into a bug. Everything you entered before this was saved."))
            box.setInformativeText(QCoreApplication.translate(
                "CrashHandler", "The details were written to this file:\n{path}\nPlease send "
                "that file to your imsmap support. You can carry on working.").format(path=path)
                if path
                else QCoreApplication.translate(
                    "CrashHandler", "The details could not be written to the log folder. You "
                    "can carry on working."))
            box.setDetailedText(report)
            box.exec()
        finally:
            self._showing = False


def show_user_error(parent: QWidget | None, exc: BaseException, title: str = "imsmap") -> None:
    """A message box with the error's sentence (for errors after an explicit dialog or action)."""
    log.info("told the user: %s", type(exc).__name__)  # the kind, not the sentence
    tell(parent, title, exc, QMessageBox.Icon.Warning)
