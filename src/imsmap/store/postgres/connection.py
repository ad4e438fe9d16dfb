"""Connecting to the clinic server, and the sentences for what the server or the network refused.

A DSN is libpq's: a URI (postgresql://user@host:5432/clinic?sslmode=verify-full) or key=value
words. Everything in it is passed through to libpq unchanged, so TLS (sslmode=verify-full,
sslrootcert=...) and client certificates (sslcert, sslkey) work as the PostgreSQL documentation
says. The connection settings are kept in the data folder without the password (``save`` and
``saved_dsn``); the password comes from a prompt, ~/.pgpass or PGPASSWORD, never from a file of
imsmap's.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from imsmap.domain.errors import UserFacingError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.paths import data_dir, ensure_private_dir
from imsmap.store.postgres import refusals
from imsmap.store.postgres.dsn import (
    ServerError,
    make_conninfo,
    one,
    parse,
    require_psycopg,
    where,
    without_password,
)

if TYPE_CHECKING:
    import psycopg
    from psycopg.rows import TupleRow

    # A plain connection: rows are tuples (psycopg's default row factory).
    PgConnection = psycopg.Connection[TupleRow]

__all__ = ["CONNECT_TIMEOUT_S", "GROUPS", "OWNER", "SCHEMA", "ServerError", "connect",
           "connection_sentence", "make_conninfo", "one", "parse", "require_psycopg", "save",
           "saved_dsn", "statement_error", "where", "without_password"]

SETTINGS_FILE = "server.json"
CONNECT_TIMEOUT_S = 10
SCHEMA = "imsmap"
OWNER = "imsmap_owner"
GROUPS = {"practitioner": "imsmap_practitioner", "reception": "imsmap_reception",
          "admin": "imsmap_admin"}


def connect(dsn: str, *, application_name: str = "imsmap", autocommit: bool = False
            ) -> PgConnection:
    """A connection with the imsmap schema first on its search path; ServerError with one
    sentence when the server cannot be reached or refuses the login."""
    params = parse(dsn)
    params.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
    params.setdefault("application_name", application_name)
    import psycopg  # installed: parse() said so

    try:
        conn = psycopg.connect(make_conninfo(params), autocommit=autocommit)
    except psycopg.OperationalError as exc:
        fault, words = refusals.connection_sentence(exc, dsn)
        raise ServerError(words, fault) from None
    try:
        conn.execute(f"SET search_path TO {SCHEMA}, pg_catalog")
        if not autocommit:
            conn.commit()
    except BaseException:
        conn.close()
        raise
    return conn


def connection_sentence(exc: BaseException, dsn: str) -> str:
    """The sentence for a connection that could not be made (store.postgres.refusals: told by
    SQLSTATE, and by asking the server whether it speaks TLS; never by the message's words)."""
    return refusals.connection_sentence(exc, dsn)[1]


def statement_error(exc: BaseException) -> UserFacingError | None:
    """The sentence for a statement the server refused, or None for a bug of the code's own
    (store.postgres.refusals.error_for: told by SQLSTATE)."""
    return refusals.error_for(exc)


# -- the saved connection settings ----------------------------------------------------------
def settings_path() -> Path:
    return data_dir() / SETTINGS_FILE


def save(dsn: str) -> Path:
    """Keep the connection settings (never the password) in the data folder, owner-only."""
    path = settings_path()
    ensure_private_dir(path.parent)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"dsn": without_password(dsn)}, out, indent=2)
        out.write("\n")
    os.replace(tmp, path)
    return path


def saved_dsn() -> str | None:
    """The DSN kept by ``save``, or None; a damaged file is a sentence."""
    path = settings_path()
    if not path.exists():
        return None
    try:
        value = json.loads(path.read_text(encoding="utf-8"))["dsn"]
        if not isinstance(value, str):
            raise TypeError("the dsn is not text")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ServerError(sentence("ServerConnection", QT_TRANSLATE_NOOP(
            "ServerConnection", "The saved server settings in %1 cannot be read (%2); give "
            "--dsn, which writes them again."), path, exc)) from None
    return value
