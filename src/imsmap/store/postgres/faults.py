"""A unit of work on the clinic server, run again when that is safe.

`run_unit` runs one unit of work (one transaction) through a `Connector`: a serialization
failure or deadlock (40001, 40P01) rolls back, and the whole unit runs again; so does a
connection lost before COMMIT was sent (the server rolled the transaction back: nothing of it
was written), on a new connection. A connection lost while COMMIT was on its way is not
retried: whether the server committed is unknown, so the room reads again instead. Bounded:
ATTEMPTS tries, then the sentence. What each failure is, and its sentence, is
store.postgres.refusals' (by SQLSTATE).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.postgres.connection import ServerError, connect, require_psycopg
from imsmap.store.postgres.refusals import RETRY_RECONNECT, RETRY_SAME, Fault, classify, error_for

if TYPE_CHECKING:
    from imsmap.store.postgres.connection import PgConnection

__all__ = ["ATTEMPTS", "RETRY_RECONNECT", "Connector", "Fault", "InDoubtError", "UnitFailed",
           "classify", "error_for", "run_unit"]

T = TypeVar("T")
ATTEMPTS = 5
BACKOFF_S = (0.05, 0.2, 0.5, 1.5)  # before the 2nd, 3rd... try


class InDoubtError(ServerError):
    """The connection was lost while COMMIT was on its way: saved or not, nobody knows yet."""


class UnitFailed(ServerError):
    """A unit of work that was not saved; ``fault`` says why."""


class Connector:
    """A room's writing connection, made again when it was lost."""

    def __init__(self, dsn: str, application_name: str = "imsmap"):
        self.dsn = dsn
        self.application_name = application_name
        self._conn: PgConnection | None = None

    def connection(self) -> PgConnection:
        if self._conn is None or self._conn.closed or self._conn.broken:
            self.drop()
            self._conn = connect(self.dsn, application_name=self.application_name)
        return self._conn

    def backend_pid(self) -> int | None:
        conn = self._conn
        return None if conn is None or conn.closed else conn.info.backend_pid

    def drop(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # noqa: BLE001 - a broken connection closes as it can
                pass
        self._conn = None

    close = drop

    reconnecting = False  # made again in place, at the next call (services.room_hold.Link)


def run_unit(connector: Connector, work: Callable[[PgConnection], T], *,
             attempts: int = ATTEMPTS,
             sleep: Callable[[float], None] = time.sleep) -> T:
    """``work(conn)`` in one transaction, committed; run again (the whole of it) when that is
    safe, at most ``attempts`` times. A sentence (UnitFailed, InDoubtError, or the record's
    own refusal) when it cannot be saved; a bug's exception as it is."""
    require_psycopg()
    import psycopg

    failure: tuple[Fault, str] | None = None
    for attempt in range(attempts):
        if attempt:
            sleep(BACKOFF_S[min(attempt - 1, len(BACKOFF_S) - 1)])
        try:
            conn = connector.connection()
        except ServerError as exc:
            fault = exc.fault if isinstance(exc.fault, Fault) else Fault.UNREACHABLE
            failure = (fault, str(exc))
            if fault in RETRY_RECONNECT:
                continue
            raise UnitFailed(str(exc), fault) from None
        committing = False
        try:
            with conn.transaction():
                result = work(conn)
                committing = True
            return result
        except psycopg.Error as exc:
            fault = classify(exc)
            if fault in RETRY_RECONNECT:
                connector.drop()
                # The server ended it before its COMMIT (IDLE_ENDED): nothing of it was kept.
                if committing and fault is not Fault.IDLE_ENDED:
                    raise InDoubtError(
                        sentence("ServerFaults", QT_TRANSLATE_NOOP(
                        "ServerFaults", "The connection to the clinic server was lost while "
                        "this change was being saved, so whether it was saved is not known; it "
                        "has been read again: check it before going on."))) from None
            elif fault not in RETRY_SAME:
                error = error_for(exc)
                if error is None:
                    raise
                raise error from None
            failure = (fault, str(error_for(exc)))
    assert failure is not None
    raise UnitFailed(failure[1], failure[0])
