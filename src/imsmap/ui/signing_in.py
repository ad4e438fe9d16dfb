"""Signing in to a clinic server off the window's thread: where the server's address does not
answer, libpq waits its connect_timeout (10 s) a try, and meanwhile the screen must show that
imsmap is waiting and let the person stop waiting. Two places sign in: the first start's
question (ui.records_place) and every later start on a server (`imsmap --dsn`, or the server
the first start kept: `SigningInDialog`, ui.app.run_on_server); both use `SigningIn` and the
same waiting line (`waiting_widgets`).

`SigningIn` signs in (services.records_place.sign_in) on a thread of its own; ``done`` gives
the open services or the refusal, on the GUI thread. When the server asks for a password that
libpq has not, the question is asked on the GUI thread (``ask_password``) while the thread
waits for the answer; ``asking`` says when the question opens and when it is answered, so
that the waiting line steps aside for it: first the question, then the wait for the server
(its moving bar was under the question). `cancel` stops waiting: ``done`` is never emitted,
and services opened after all are closed at once (nothing is kept: keeping is the dialog's,
after ``done``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.errors import UserFacingError
from imsmap.services import records_place
from imsmap.services.context import AppContext
from imsmap.ui.wording import said

log = logging.getLogger(__name__)


class SigningIn(QObject):
    done = Signal(object)  # on the GUI thread: AppContext, or the UserFacingError refused
    finished = Signal(object)  # from the signing thread (queued to `_finished`)
    password_wanted = Signal(str)  # from the signing thread: ask for this login's password
    asking = Signal(bool)  # on the GUI thread: the password question opens (True), is answered

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
        ask = None if self.cancelled else self.ask_password
        self._answer = None
        try:
            if ask is not None:
                # Nothing waits for the server while the person types: the waiting line
                # steps aside (its bar moved under the question) and comes back after it.
                self.asking.emit(True)
                try:
                    self._answer = ask(login)
                finally:
                    self.asking.emit(False)
        finally:
            self._answered.set()

    def cancel(self) -> None:
        """Stop waiting: ``done`` will not come; what opens after all is closed."""
        with self._lock:
            self.cancelled = True
        log.info("signing in to the clinic server was stopped by the person")


def waiting_widgets() -> tuple[QLabel, QProgressBar]:
    """The line that says imsmap is signing in and that Cancel stops waiting, and its moving
    bar (for how long is not known), as the two dialogs that sign in show them."""
    waiting = QLabel(QCoreApplication.translate(
        "SigningIn", "Signing in to the clinic server… Where the address does not answer this "
        "can take 10 seconds or more; Cancel stops waiting."))
    waiting.setWordWrap(True)
    busy = QProgressBar()
    busy.setRange(0, 0)  # moving: it is waiting, for how long is not known
    busy.setTextVisible(False)
    busy.setAccessibleName(waiting.text())
    return waiting, busy


class SigningInDialog(QDialog):
    """The start on a clinic server (imsmap --dsn, or the server kept by the first start's
    question), before any window: `run` signs in on a thread of its own (`SigningIn`) while
    this thread goes on handling its events. When signing in takes longer than SHOW_AFTER_MS
    (the address does not answer, the server is slow), this dialog shows that imsmap is
    waiting, where, and that Cancel stops waiting; a quick sign-in shows nothing.

    `run` returns the open services, the refusal (a UserFacingError), or None when the
    person stopped waiting (then nothing stays open: what the thread opens after all is
    closed). A bug on the signing thread is raised here, on the GUI thread."""

    SHOW_AFTER_MS = 300

    def __init__(self, dsn: str, ask_password: Callable[[str], str | None] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("SigningIn",
                                                       "Signing in to the clinic server"))
        self.waiting, self.busy = waiting_widgets()
        self.place = QLabel()
        self.place.setWordWrap(True)
        try:
            self.place.setText(QCoreApplication.translate("SigningIn", "Clinic server: {place}")
                               .format(place=said(records_place.server_place(dsn))))
        except UserFacingError:  # not a DSN: signing in says so in a moment
            self.place.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        for widget in (self.place, self.waiting, self.busy, self.buttons):
            layout.addWidget(widget)
        self.waiting.setFixedWidth(max(360, self.waiting.fontMetrics().averageCharWidth() * 52))
        self.signing = SigningIn(dsn, ask_password)
        self.signing.done.connect(self._done)
        self.signing.asking.connect(self._asking)
        self.outcome: object = None
        self._loop = QEventLoop(self)
        self._shown_at = QTimer(self)
        self._shown_at.setSingleShot(True)
        self._shown_at.timeout.connect(self._show_waiting)

    def run(self) -> object:
        """Sign in; the services, the refusal, or None (stopped by the person)."""
        self.signing.start()
        self._shown_at.start(self.SHOW_AFTER_MS)
        self._loop.exec()
        self._shown_at.stop()
        self.hide()
        outcome = self.outcome
        if isinstance(outcome, BaseException) and not isinstance(outcome, UserFacingError):
            raise outcome  # a bug: the crash handler's
        return outcome

    def _show_waiting(self) -> None:
        if self._loop.isRunning():
            self.show()
            self.raise_()
            self.activateWindow()

    def _asking(self, asking: bool) -> None:
        """The password is asked first, this dialog out of sight; then it shows the wait for
        the server as at the start (after SHOW_AFTER_MS: a quick sign-in shows nothing).
        Shown before the question (a slow server), it opened under it with its bar moving."""
        if asking:
            self._shown_at.stop()
            self.hide()
        elif self._loop.isRunning():
            self._shown_at.start(self.SHOW_AFTER_MS)

    def _done(self, result: object) -> None:
        self.outcome = result
        self._loop.quit()

    def reject(self) -> None:
        """Cancel (or Escape, or the window's close button): stop waiting; nothing opens."""
        if self._loop.isRunning():
            self.signing.cancel()
            self.outcome = None
            self._loop.quit()
        super().reject()
