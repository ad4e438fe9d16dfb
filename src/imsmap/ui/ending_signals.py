"""The system asks the window to end: SIGTERM (a logout, a shutdown, `kill PID`, systemd stopping
the session) and SIGHUP (the terminal it was started from closed).

Without a handler either signal ended the process at once, past the window's close path: the
notes being typed were lost, the draft's hold file was left beside the database, the window's
settings were not saved and the backup journal was not caught up. Here the signal closes the
window the way File > Quit does, promptly and without a question nobody is there to answer
(`MainWindow.close_at_signal`), and the event loop ends: run_app returns 0.

A Python signal handler runs only when the interpreter next runs, and a window waiting in Qt's
event loop may not run Python for minutes: the standard pattern is used, `signal.set_wakeup_fd`
with one end of a socket pair, whose other end a `QSocketNotifier` watches, so the signal wakes
the loop at once. A second signal while the window is closing (a close path stuck on a busy
disk, a user who means it) ends the process at once, from the Python handler, which runs
between two steps of the close path too. Windows has no SIGHUP, and SIGTERM reaches a process
there only from itself: what exists is installed, the rest is left alone.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
from collections.abc import Callable, Iterator
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QDialog

log = logging.getLogger(__name__)

ENDING: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
# A dialog open at the signal is closed first (as its Cancel), a few times at most: one may
# open another ("stop the set-up?"); past that the window closes all the same.
DIALOG_TRIES = 5
DIALOG_PAUSE_MS = 20


def exit_now(signum: int) -> None:
    """The second signal: the process ends here, as the signal would have ended it (the
    kernel releases the holds; SQLite's journal keeps every committed write)."""
    logging.shutdown()
    os._exit(128 + signum)


class EndingSignals(QObject):
    """While installed (`ending`), SIGTERM and SIGHUP call ``end(signum)`` once, from the event
    loop; a second one calls ``exit_now(signum)``, a seam the tests use."""

    def __init__(self, end: Callable[[int], None], *,
                 exit_now: Callable[[int], None] = exit_now) -> None:
        super().__init__()
        self._end = end
        self._exit_now = exit_now
        self.ending = False  # the first signal came: the window is closing
        self._exited = False  # a second one came: ended
        self._reader, self._writer = socket.socketpair()
        for end_ in (self._reader, self._writer):
            end_.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self._previous: dict[int, object] = {}
        self._previous_fd = -1

    def install(self) -> None:
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(),
                                                 warn_on_full_buffer=False)
        for signum in ENDING:
            self._previous[signum] = signal.signal(signum, self._caught)

    def uninstall(self) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)  # type: ignore[arg-type]
        self._previous.clear()
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()

    def _caught(self, signum: int, frame: FrameType | None) -> None:
        """The Python handler: runs between two steps of whatever Python runs. The first
        signal is the notifier's to act on (in the event loop, not in the middle of a step);
        one while closing ends the process now."""
        if self.ending:
            self._again(signum)

    def _again(self, signum: int) -> None:
        if self._exited:
            return  # (heard by the handler and by the notifier: ended once)
        self._exited = True
        log.warning("%s again while closing: ending now", signal.Signals(signum).name)
        self._exit_now(signum)

    def _woken(self) -> None:
        try:
            numbers = self._reader.recv(64)
        except OSError:  # BlockingIOError: read already
            return
        for signum in numbers:
            if signum not in ENDING:
                continue
            if self.ending:
                self._again(signum)
                return
            self.ending = True
            log.info("%s: closing the window as Quit does", signal.Signals(signum).name)
            self._end(signum)


@contextlib.contextmanager
def ending(close: Callable[[], object]) -> Iterator[EndingSignals]:
    """While the block runs (the window's event loop), SIGTERM and SIGHUP close the window
    with ``close`` (`close_at_signal`), and a second one ends the process."""
    signals = EndingSignals(lambda _signum: close_at_signal(close))
    signals.install()
    try:
        yield signals
    finally:
        signals.uninstall()


def close_at_signal(close: Callable[[], object], tries: int = 0) -> None:
    """Close the window at the system's request: a dialog open over it first (its Cancel: what
    it would have done is not done; its own exec returns before the window closes), then the
    window (``close``), then the event loop ends whatever else is open."""
    modal = QApplication.activeModalWidget()
    if modal is not None and tries < DIALOG_TRIES:
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()
        QTimer.singleShot(DIALOG_PAUSE_MS, lambda: close_at_signal(close, tries + 1))
        return
    try:
        close()
    finally:
        QApplication.quit()
