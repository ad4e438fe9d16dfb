"""What every part of the clinic-server code shares: psycopg (or the sentence that says how to
install it), a DSN read and named for sentences, and the error that carries a sentence.

psycopg is optional (the ``server`` extra): a module here imports it inside the function that
uses it, after ``require_psycopg()``, so that a computer without it gets the sentence, and the
type checker sees psycopg's own types (its module is typed), never a module passed around as Any.
"""

from __future__ import annotations

import importlib
from enum import Enum
from typing import TYPE_CHECKING, TypeVar

from imsmap.domain.errors import UserFacingError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence

if TYPE_CHECKING:
    import psycopg

R = TypeVar("R")


class Fault(Enum):
    """What kind of failure a ServerError or a refused statement is (store.postgres.refusals
    tells it by SQLSTATE)."""

    UNREACHABLE = "unreachable"
    TLS = "tls"
    LOGIN_REFUSED = "login refused"
    NO_PASSWORD = "no password"
    TURNED_AWAY = "turned away before the password"
    STARTING = "starting or stopping"
    NO_CONNECTIONS = "no free connections"
    CONNECTION_LOST = "connection lost"
    IDLE_ENDED = "ended standing idle in a transaction"
    SERIALIZATION = "serialization failure"
    DEADLOCK = "deadlock"
    DISK_FULL = "disk full"
    OUT_OF_MEMORY = "out of memory"
    PRIVILEGE = "privilege"
    SIGNED_LOCKED = "signed session locked"
    WITHDRAWN_LOCKED = "withdrawn draft locked"
    STALE_VERSION = "stale version"
    INTEGRITY = "integrity"
    CANCELED = "canceled"
    READ_ONLY = "read-only server"
    LOCK_BUSY = "lock not available"
    BUG = "bug"


class ServerError(UserFacingError):
    """The clinic server cannot do what was asked; the message says why and what to do.
    ``fault`` says what kind of failure it was, when known; ``short``, when given, says the
    same in fewer words, for where the whole sentence does not fit (a window's status bar,
    which then has the whole sentence as its tooltip)."""

    def __init__(self, message: str, fault: Fault | None = None, short: str | None = None):
        super().__init__(message)
        self.fault = fault
        self.short = short


def require_psycopg() -> None:
    """Nothing when psycopg can be imported; else the sentence that says how to install it."""
    try:
        importlib.import_module("psycopg")
    except ImportError:
        raise ServerError(sentence("ServerDsn", QT_TRANSLATE_NOOP(
            "ServerDsn", "The clinic server needs psycopg, which is not installed: install "
            "imsmap with its server extra (pip install 'imsmap[server]')."))) from None


def parse(dsn: str) -> dict[str, str]:
    """The DSN's parameters (as text: libpq's words), or a sentence when it is not a DSN."""
    require_psycopg()
    import psycopg

    try:
        return {k: str(v) for k, v in psycopg.conninfo.conninfo_to_dict(dsn).items()
                if v is not None}
    except psycopg.ProgrammingError as exc:
        raise ServerError(sentence("ServerDsn", QT_TRANSLATE_NOOP(
            "ServerDsn", "The server address is not a valid PostgreSQL DSN (%1); write it as "
            "postgresql://USER@HOST:5432/DATABASE."), first_line(exc))) from None


def without_password(dsn: str) -> str:
    """The DSN as it may be written down: every parameter but the password."""
    params = parse(dsn)
    params.pop("password", None)
    return make_conninfo(params)


def make_conninfo(params: dict[str, str]) -> str:
    """The parameters as one DSN (libpq's key=value words)."""
    require_psycopg()
    import psycopg

    return psycopg.conninfo.make_conninfo(**params)


def where(dsn: str) -> str:
    """'database clinic on host:port' for sentences (no user, no password)."""
    params = parse(dsn)
    host = params.get("host") or params.get("hostaddr") or sentence("ServerDsn", QT_TRANSLATE_NOOP(
        "ServerDsn", "the local socket"))
    port = params.get("port", "5432")
    return sentence("ServerDsn", QT_TRANSLATE_NOOP("ServerDsn", "database %1 on %2:%3"),
                    params.get("dbname") or params.get("user") or "?", host, port)


def first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0].rstrip(".") if lines else type(exc).__name__


def one(cursor: psycopg.Cursor[R]) -> R:
    """The row of a statement that always returns one (SELECT count(*), a function's result,
    INSERT ... RETURNING); none is a bug of the statement's."""
    row = cursor.fetchone()
    if row is None:
        raise RuntimeError("the server returned no row for a statement that always returns one")
    return row
