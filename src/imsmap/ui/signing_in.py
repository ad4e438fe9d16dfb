"""Signing in to a clinic server off the window's thread, for the first start's question
(ui.records_place): where the server's address does not answer, libpq waits its
connect_timeout (10 s) a try, and the dialog must keep showing that it is waiting and let the
person stop waiting meanwhile.

`SigningIn` signs in (services.records_place.sign_in) on a thread of its own; ``done`` gives
the open services or the refusal, on the GUI thread. When the server asks for a password that
libpq has not, the question is asked on the GUI thread (``ask_password``) while the thread
waits for the answer. `cancel` stops waiting: ``done`` is never emitted, and services opened
after all are closed at once (nothing is kept: keeping is the dialog's, after ``done``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from imsmap.domain.errors import UserFacingError
from imsmap.services import records_place
from imsmap.services.context import AppContext

log = logging.getLogger(__name__)


class SigningIn(QObject):
    done = Signal(object)  # on the GUI thread: AppContext, or the UserFacingError refused
    finished = Signal(object)  # from the signing thread (queued to `_finished`)
    password_wanted = Signal(str)  # from the signing thread: ask for this login's password

    def __init__(self, dsn: str, ask_password: Callable[[str], str | None] | None = None):
        super().__init__()
        self.dsn = dsn
        self.ask_password = ask_password
        self.cancelled = False
        self._lock = threading.Lock()
        self._answered = threading.Event()
        self._answer: str | None = None
        self._thread: threading.Thread | None = None
        self.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.password_wanted.connect(self._ask_here, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="imsmap signing in",
                                        daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        ask = self._ask_there if self.ask_password is not None else None
        result: object
        try:
            result = records_place.sign_in(self.dsn, ask)
        except UserFacingError as exc:
            result = exc
        except Exception as exc:  # noqa: BLE001 - a bug: re-raised on the GUI thread
            result = exc
        with self._lock:
            if self.cancelled:  # nobody waits for it any more: nothing stays open
                if isinstance(result, AppContext):
                    result.close()
                elif not isinstance(result, UserFacingError) and isinstance(result, Exception):
                    raise result  # a bug still reaches the thread's hook (the crash log)
                return
        self.finished.emit(result)

    def _finished(self, result: object) -> None:
        if self.cancelled:  # cancelled after the thread emitted: close what it opened
            if isinstance(result, AppContext):
                result.close()
            return
        self.done.emit(result)

    def _ask_there(self, login: str) -> str | None:
        """On the signing thread: the password, asked on the GUI thread (None: not given)."""
        self._answered.clear()
        self.password_wanted.emit(login)
        while not self._answered.wait(0.1):
            if self.cancelled:
                return None
        return self._answer

    def _ask_here(self, login: str) -> None:
        try:
            self._answer = (None if self.cancelled or self.ask_password is None
                            else self.ask_password(login))
        finally:
            self._answered.set()

    def cancel(self) -> None:
        """Stop waiting: ``done`` will not come; what opens after all is closed."""
        with self._lock:
            self.cancelled = True
        log.info("signing in to the clinic server was stopped by the person")
