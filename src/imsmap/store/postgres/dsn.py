"""What every part of the clinic-server code shares: psycopg (or the sentence that says how to
install it), a DSN read and named for sentences, and the error that carries a sentence."""

from __future__ import annotations

from typing import Any

from imsmap.domain.errors import UserFacingError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence


class ServerError(UserFacingError):
    """The clinic server cannot do what was asked; the message says why and what to do.
    ``fault`` (a store.postgres.refusals.Fault) says what kind of failure it was, when known."""

    def __init__(self, message: str, fault: object = None):
        super().__init__(message)
        self.fault = fault


def psycopg_module() -> Any:
    """psycopg, or the sentence that says how to install it."""
    try:
        import psycopg
    except ImportError:
        raise ServerError(sentence("ServerDsn", QT_TRANSLATE_NOOP(
            "ServerDsn", "The clinic server needs psycopg, which is not installed: install "
            "imsmap with its server extra (pip install 'imsmap[server]')."))) from None
    return psycopg


def parse(dsn: str) -> dict[str, str]:
    """The DSN's parameters, or a sentence when it is not a DSN."""
    pg = psycopg_module()
    try:
        return pg.conninfo.conninfo_to_dict(dsn)
    except pg.ProgrammingError as exc:
        raise ServerError(sentence("ServerDsn", QT_TRANSLATE_NOOP(
            "ServerDsn", "The server address is not a valid PostgreSQL DSN (%1); write it as "
            "postgresql://USER@HOST:5432/DATABASE."), first_line(exc))) from None


def without_password(dsn: str) -> str:
    """The DSN as it may be written down: every parameter but the password."""
    params = parse(dsn)
    params.pop("password", None)
    return psycopg_module().conninfo.make_conninfo(**params)


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
