"""A lost connection made again on a thread of its own, so that the thread that uses it (the
window's) never waits for a server that is gone.

Connecting to a server that has stopped is refused at once, but one whose address does not
answer (its machine off, the network down) makes libpq wait up to ``connect_timeout`` (10 s)
a try; a TLS probe after a refused start-up can add a few seconds more. `Reconnecting` makes
those tries on its own thread, again and again with a pause (RETRY_S), until a connection is
made or it is closed; the owner takes the new connection (`take`) on its own thread when it is
told (``told(None)``), and in the meantime says the server cannot be reached, at once.
store.postgres.database.ServerConnection uses it for the window (``reconnect_elsewhere``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.postgres.dsn import Fault, ServerError, require_psycopg

if TYPE_CHECKING:
    from imsmap.store.postgres.connection import PgConnection

log = logging.getLogger(__name__)

RETRY_S = (0.2, 0.5, 1.0, 2.0)  # pauses between tries, the last one repeated
TRYING = sentence("ServerReconnect", QT_TRANSLATE_NOOP(
    "ServerReconnect", "The clinic server cannot be reached now (it is restarting, or the "
    "network is down), so nothing was changed, and what was saved before is safe; imsmap is "
    "connecting again."))
# The same in fewer words, for a status bar (which has the whole sentence as its tooltip).
TRYING_SHORT = sentence("ServerReconnect", QT_TRANSLATE_NOOP(
    "ServerReconnect", "The clinic server cannot be reached now, so nothing was changed; imsmap "
    "is connecting again."))


def unreachable() -> ServerError:
    """What a gesture meets while the connection is being made again: nothing of it was
    sent."""
    return ServerError(TRYING, Fault.CONNECTION_LOST, short=TRYING_SHORT)


class Reconnecting:
    """Tries to connect on a thread of its own after `request`, until it has a connection.

    ``reopen`` makes a connection (ServerError with a sentence when it cannot); ``told`` is
    called with the sentence of each failed try, on the reconnecting thread, and with None
    once a connection is ready to `take`. ``told(TRYING)`` is also called by `request` itself,
    on the caller's thread, when it starts trying. The thread calls ``told`` under its lock,
    so that nobody is told after `close`: ``told`` only passes the word on (the window queues
    it to its own thread) and never calls back into this object.
    """

    def __init__(self, reopen: Callable[[], PgConnection],
                 told: Callable[[str | None], None], retry: tuple[float, ...] = RETRY_S):
        self._reopen = reopen
        self._told = told
        self._retry = retry
        self._lock = threading.Lock()
        self._ready: PgConnection | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._trying = False
        self.error: str | None = None  # the last try's sentence, while trying

    @property
    def trying(self) -> bool:
        return self._trying

    def request(self) -> None:
        """Start trying, unless it is trying already or has a connection ready."""
        with self._lock:
            if self._stop.is_set() or self._ready is not None or self._trying:
                return
            self._trying = True
            self.error = TRYING
            self._thread = threading.Thread(target=self._run, name="imsmap reconnect",
                                            daemon=True)
        self._told(TRYING)  # before the thread can say it is back
        self._thread.start()

    def _run(self) -> None:
        try:
            self._try_until_connected()
        finally:
            with self._lock:
                self._trying = False

    def _try_until_connected(self) -> None:
        require_psycopg()
        import psycopg

        tries = 0
        while not self._stop.is_set():
            try:
                conn = self._reopen()
            except ServerError as exc:
                failed = exc.message
            except psycopg.Error as exc:  # the server went away again while signing in
                failed = TRYING
                log.info("reconnecting: %s", type(exc).__name__)
            else:
                with self._lock:
                    if self._stop.is_set():
                        conn.close()
                        return
                    self._ready = conn
                    self._trying = False  # a loss after it is taken starts trying again
                    self.error = None
                log.info("connected to the clinic server again, after %d failed tries", tries)
                self._tell(None)
                return
            self.error = failed
            if not self._tell(failed):  # closed meanwhile: nobody is told any more
                return
            pause = self._retry[min(tries, len(self._retry) - 1)]
            tries += 1
            if self._stop.wait(pause):
                return

    def _tell(self, error: str | None) -> bool:
        """``told(error)``, unless closed (False): never after `close` has returned, so that
        whoever closed it (a window being closed) hears nothing more."""
        with self._lock:
            if self._stop.is_set():
                return False
            self._told(error)
            return True

    def take(self) -> PgConnection | None:
        """The connection made, once (None while there is none)."""
        with self._lock:
            conn, self._ready = self._ready, None
        return conn

    def close(self) -> None:
        """Stop trying, at once: a connection made but not taken is closed, and a try under
        way is abandoned, not waited for (where the address does not answer it lasts up to
        libpq's connect_timeout). The thread only connects, never writes: when that try ends
        it sees it was closed, closes the connection it made, if any, and ends, telling
        nobody. At the process's end it is simply dropped (the server sees the socket
        close)."""
        with self._lock:  # after this, `_tell` tells nobody and a connection made is closed
            self._stop.set()
        conn = self.take()
        if conn is not None:
            conn.close()
