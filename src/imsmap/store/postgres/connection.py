"""Connecting to the clinic server, and the sentences for what the server or the network refused.

A DSN is libpq's: a URI (postgresql://user@host:5432/clinic?sslmode=verify-full) or key=value
words. Everything in it is passed through to libpq unchanged, so TLS (sslmode=verify-full,
sslrootcert=...) and client certificates (sslcert, sslkey) work as the PostgreSQL documentation
says. The connection settings are kept in the data folder without the password (``save`` and
``saved_dsn``); the password comes from a prompt, ~/.pgpass or PGPASSWORD, never from a file of
imsmap's. They are written whole or not at all (store.durable); a file an earlier imsmap left
empty or cut short (the computer stopped while it saved it) is a sentence that says so.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from imsmap.domain.errors import UserFacingError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.paths import data_dir, ensure_private_dir
from imsmap.store import durable
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

__all__ = ["BRIEF_WAIT", "CONNECT_TIMEOUT_S", "GROUPS", "IDLE_IN_TRANSACTION_S", "LOCK_WAIT_S", "OWNER",
           "SCHEMA", "ServerError",
           "bound_lock_waits", "connect", "connection_sentence", "make_conninfo", "one", "parse",
           "require_psycopg", "save", "saved_dsn", "statement_error", "where",
           "without_password"]

SETTINGS_FILE = "server.json"
CONNECT_TIMEOUT_S = 10
# A peer that vanishes without closing (a machine switched off, a cable pulled) is noticed by
# TCP keepalives: after 15 s of silence, 3 probes 5 s apart, so within about 30 s. Both ends ask
# for them: the client (libpq's keepalives_*) so a room sees a dead server, and the server for
# this session (the tcp_keepalives_* settings any login may set) so that a dead room's backend
# ends and lets go of its hold (store.postgres.holds) instead of blocking other rooms until the
# heartbeat lapses. A DSN's own keepalives_* words win; over a Unix socket they do nothing.
KEEPALIVE_IDLE_S, KEEPALIVE_INTERVAL_S, KEEPALIVE_COUNT = 15, 5, 3
# A room killed while a statement of its waits (for a row another room's unit of work has
# locked): the server reads the socket only when the statement ends, so that room's process,
# and its hold, lived as long as the other transaction. Asked so (`client_connection_check_
# interval`, any login may set it, PostgreSQL 14 and newer), the server looks at the socket every
# few seconds during a statement and ends the process of a room that is gone.
CLIENT_CHECK_S = 5
# How long a window's statement waits for a row or table lock another transaction holds (another
# room's write under way, an administrator's psql, a client that is stuck) before it is refused,
# all of its unit of work rolled back, with a sentence (refusals: 55P03). Without it the window's
# thread waited as long as the other transaction lasted: frozen, its record unreadable. A
# signature or a tap holds a session's row for milliseconds (a tap's whole write is about 10 ms),
# so a wait of seconds is no queue of rooms but a hold that lasts: a psql left open, a room hung
# or cut off in the middle of a write (found out by the server only after its keepalives, about
# 30 s, or never while it hangs connected), which no bearable wait outlasts. A room killed while
# its statement waits lets go within CLIENT_CHECK_S; the write refused meanwhile goes through
# when tried again. Each statement that waits waits this long: a gesture that makes two writes
# (notes saved on leaving their box, then the tap that left it) can wait twice. Only the
# window's connection waits so little (database.ServerConnection.bound_lock_waits): the
# administrator's commands (upgrade, restore, check, import...) wait for their locks as long as
# it takes, as a migration must.
LOCK_WAIT_S = 3
# How long a save made by a timer waits for such a lock (the session's notes and complaint, a
# site's notes, the plan, saved a pause after the last key: database.ServerDatabase.
# waiting_briefly): nobody's gesture is behind it, and what was typed stays in its box, so the
# window does not freeze LOCK_WAIT_S during a pause in typing; refused, it is tried again.
BRIEF_WAIT = "300ms"
# How long a window's transaction may stand idle between two of its statements before the server
# ends it, and its connection (idle_in_transaction_session_timeout, any login may set it): every
# write holds the audit trail's head until its COMMIT, so a room that hangs in the middle of one
# (its process stopped, a laptop suspended, a debugger, a frozen thread) held every other room's
# writes, each refused after LOCK_WAIT_S, for as long as it hung: its socket still answers TCP's
# keepalives while its machine is up. A window never waits for a person inside a transaction
# (its units of work and snapshots run their statements one after the other; dialogs come
# before or after), and a tap's whole write is about 10 ms, so 5 s is no wait of a working room.
# The room that hung finds its connection lost when it wakes: its write refused, nothing of it
# kept, the connection made again (store.postgres.reconnect). Only the window's connection is
# bound so (bound_lock_waits): an administrator's command (check, restore, upgrade) works
# between statements inside its snapshot (a check hashes the whole audit trail) for as long as
# it takes.
IDLE_IN_TRANSACTION_S = 5
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
    params.setdefault("keepalives", "1")
    params.setdefault("keepalives_idle", str(KEEPALIVE_IDLE_S))
    params.setdefault("keepalives_interval", str(KEEPALIVE_INTERVAL_S))
    params.setdefault("keepalives_count", str(KEEPALIVE_COUNT))
    import psycopg  # installed: parse() said so

    try:
        conn = psycopg.connect(make_conninfo(params), autocommit=autocommit)
    except psycopg.OperationalError as exc:
        fault, words = refusals.connection_sentence(exc, dsn)
        raise ServerError(words, fault) from None
    try:
        conn.execute(f"SET search_path TO {SCHEMA}, pg_catalog")
        # No JIT compiling: it pays for itself on analytic queries of seconds, and imsmap's
        # statements take milliseconds; a patient search walking the name order (estimated
        # costly, stopped early by its LIMIT) was compiled for 0.1-0.8 s each time.
        conn.execute("SELECT set_config('tcp_keepalives_idle', %s, false),"
                     " set_config('tcp_keepalives_interval', %s, false),"
                     " set_config('tcp_keepalives_count', %s, false),"
                     " set_config('client_connection_check_interval', %s, false),"
                     " set_config('jit', 'off', false)",
                     (str(KEEPALIVE_IDLE_S), str(KEEPALIVE_INTERVAL_S), str(KEEPALIVE_COUNT),
                      f"{CLIENT_CHECK_S}s"))
        if not autocommit:
            conn.commit()
    except BaseException:
        conn.close()
        raise
    return conn


def bound_lock_waits(conn: PgConnection, seconds: float) -> None:
    """From now on each statement on ``conn`` waits for a lock at most ``seconds`` (the
    session's lock_timeout, which any login may set; LOCK_WAIT_S), then fails with 55P03; and
    a transaction of its that stands idle IDLE_IN_TRANSACTION_S is ended by the server, its
    connection with it (idle_in_transaction_session_timeout): the window's bounds."""
    conn.execute("SELECT set_config('lock_timeout', %s, false),"
                 " set_config('idle_in_transaction_session_timeout', %s, false)",
                 (f"{int(seconds * 1000)}ms", f"{IDLE_IN_TRANSACTION_S}s"))
    if not conn.autocommit:
        conn.commit()


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
    return durable.write_text(path, json.dumps({"dsn": without_password(dsn)}, indent=2) + "\n")


def saved_dsn() -> str | None:
    """The DSN kept by ``save``, or None; a damaged file is a sentence."""
    path = settings_path()
    if not path.exists():
        return None
    try:
        found = durable.read_json(path)
        value = found["dsn"] if isinstance(found, dict) else None
        if not isinstance(value, str):
            raise TypeError("the dsn is not text")
    except durable.CutShort:
        raise ServerError(sentence("ServerConnection", QT_TRANSLATE_NOOP(
            "ServerConnection", "The saved server settings in %1 were found empty or cut "
            "short: the computer stopped while they were being saved. Give --dsn, which writes "
            "them again."), path)) from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ServerError(sentence("ServerConnection", QT_TRANSLATE_NOOP(
            "ServerConnection", "The saved server settings in %1 cannot be read (%2); give "
            "--dsn, which writes them again."), path, exc)) from None
    return value
