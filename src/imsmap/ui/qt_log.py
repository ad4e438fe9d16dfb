"""Qt's own messages (qDebug ... qFatal from Qt and its plugins) into imsmap's log, as the
"imsmap.qt" logger, while the window runs.

The handler Qt had before (its default, which prints to stderr, or pytest-qt's, which makes a
test fail on a Qt warning) still gets every message: routing into the log takes nothing away.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("imsmap.qt")

LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
          QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
          QtMsgType.QtFatalMsg: logging.CRITICAL}

Handler = Callable[[QtMsgType, QMessageLogContext, str], Any]


class QtLog:
    """Installed, Qt's messages go to the log and on to the handler Qt had before."""

    def __init__(self) -> None:
        self._previous: Handler | None = None
        self._installed = False

    def install(self) -> None:
        if not self._installed:
            self._previous = qInstallMessageHandler(self)
            self._installed = True

    def uninstall(self) -> None:
        if self._installed:
            qInstallMessageHandler(self._previous)
            self._installed = False
            self._previous = None

    def __call__(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = getattr(context, "category", None) or "default"
        log.log(LEVELS.get(mode, logging.WARNING), "%s: %s", category, message)
        if self._previous is not None:
            self._previous(mode, context, message)
        else:  # what Qt's default handler does
            sys.stderr.write(f"{message}\n")
