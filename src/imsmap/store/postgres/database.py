"""The clinic server as the record services' database: `ServerDatabase` does for a PostgreSQL
connection what store.db.Database does for an SQLite file (transactions, read-only, the schema
check), so services.context builds the same services on either.

- **One connection, autocommit between writes.** A read outside a write is a statement of its
  own (it sees what every room has committed); ``transaction()`` is BEGIN ... COMMIT, and a
  failure rolls all of it back. ``snapshot()`` reads several statements as of one moment.
- **SQL written once.** ``ServerConnection.execute`` takes the queries the Repository writes for
  SQLite, with ``?`` placeholders, and binds them as the server's; what really differs is the
  dialect's (store.dialect.POSTGRESQL), and the audit trail is the server's (trail.py).
- **Who writes is the login.** The server records the authenticated login in the audit trail
  and as the signer (the triggers and row-level security of sql/); ``login`` is that name, and
  services.context makes it the services' actor.
- **Sentences.** What the server or the network refuses becomes a UserFacingError with one
  sentence (connection.statement_error); an error of the code's own stays a bug.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from imsmap.domain.errors import ReadOnlyError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.db import Database
from imsmap.store.dialect import POSTGRESQL
from imsmap.store.postgres import schema, trail
from imsmap.store.postgres.connection import (
    ServerError,
    connect,
    parse,
    psycopg_module,
    statement_error,
    where,
    without_password,
)
from imsmap.store.postgres.refusals import Fault
from imsmap.store.terms import Terms

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=512)
def bind(sql: str) -> str:
    """SQLite's ``?`` placeholders as psycopg's ``%s`` (a literal % doubled first). The
    Repository's SQL holds no ? inside a quoted literal."""
    return sql.replace("%", "%%").replace("?", "%s")


class Row(tuple):
    """A row readable by position and by column name, as sqlite3.Row is."""

    __slots__ = ()
    _index: dict[str, int]

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor):
    names = [c.name for c in cursor.description or ()]
    kind = type("Row", (Row,), {"_index": {n: i for i, n in enumerate(names)}})
    return kind


class ServerConnection:
    """The server's connection, spoken to as the Repository speaks to an sqlite3 connection:
    ``execute`` (with ? placeholders), ``executemany``, ``in_transaction``; it carries the term
    cache, its dialect and the server's audit trail."""

    dialect = POSTGRESQL
    trail = trail

    def __init__(self, pg):
        self.pg = pg
        self._errors = psycopg_module().Error
        self.terms = Terms(self)

    def execute(self, sql: str, params: Any = (), /, *, by_name: bool = False):
        cur = self.pg.cursor(row_factory=_row_factory) if by_name else self.pg.cursor()
        try:
            if params:
                cur.execute(bind(sql), tuple(params) if not isinstance(params, dict) else params)
            else:
                cur.execute(sql)
        except self._errors as exc:
            raise _sentence(exc) from None
        return cur

    def executemany(self, sql: str, rows) -> None:
        try:
            with self.pg.cursor() as cur:
                cur.executemany(bind(sql), list(rows))
        except self._errors as exc:
            raise _sentence(exc) from None

    @property
    def in_transaction(self) -> bool:
        return self.pg.info.transaction_status != psycopg_module().pq.TransactionStatus.IDLE

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Several reads as of one moment: a REPEATABLE READ, READ ONLY transaction, unless
        the caller's transaction is open already (then that is the moment)."""
        if self.in_transaction:
            yield
            return
        try:
            with self.pg.transaction():
                self.pg.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield
        except self._errors as exc:
            raise _sentence(exc) from None

    def close(self) -> None:
        self.pg.close()


def _sentence(exc: BaseException) -> BaseException:
    """The user's sentence for what the server refused, or the error itself (a bug)."""
    error = statement_error(exc)
    return error if error is not None else exc


class ServerDatabase(Database):
    """A clinic server's database behind the record services (see the module's words)."""

    def __init__(self, conn: ServerConnection, dsn: str, login: str, readonly: bool):
        self.conn = conn  # type: ignore[assignment]
        self.dsn = without_password(dsn)
        self.login = login
        self.readonly = readonly
        self.place = where(dsn)
        # For titles and sentences (no file is behind it): which clinic, and who signed in.
        self.path = Path(f"{login} at {self.place}")

    is_server = True

    @classmethod
    def connect(cls, dsn: str, *, password: str | None = None,  # type: ignore[override]
                readonly: bool = False,
                ask_password: Callable[[str], str | None] | None = None) -> ServerDatabase:
        """Sign in to the server; ServerError with one sentence for a wrong password, an
        unreachable server, a database that is not an imsmap clinic or one at another schema.

        The password: ``password``, else libpq's own (PGPASSFILE or ~/.pgpass, PGPASSWORD, a
        service file), else, when the server asks for one that libpq has not, ``ask_password``
        (given the login's name; None: the person gave up) once."""
        pg = psycopg_module()
        params = parse(dsn)
        if password is not None:
            params["password"] = password
        try:
            raw = connect(pg.conninfo.make_conninfo(**params), autocommit=True)
        except ServerError as exc:
            if password is not None or ask_password is None or not needs_password(exc):
                raise
            given = ask_password(params.get("user") or "your login")
            if given is None:
                raise ServerError(sentence("ServerDatabase", QT_TRANSLATE_NOOP(
                    "ServerDatabase", "Signing in to the %1 was cancelled; nothing was opened."),
                    where(dsn))) from None
            params["password"] = given
            raw = connect(pg.conninfo.make_conninfo(**params), autocommit=True)
        try:
            place = where(dsn)
            check_schema(raw, place)
            login = raw.execute("SELECT session_user").fetchone()[0]
            if readonly:
                raw.execute("SET default_transaction_read_only = on")
            db = cls(ServerConnection(raw), dsn, login, readonly)
        except BaseException:
            raw.close()
            raise
        log.info("signed in to the clinic server (schema %d)%s", schema.SCHEMA_VERSION,
                 " read-only" if readonly else "")
        return db

    @property
    def schema_version(self) -> int:
        """The SQLite schema the server's schema mirrors (schema.MIGRATIONS): what the
        services read is the same record."""
        return schema.MIGRATIONS[-1][2]

    def close(self) -> None:
        self.conn.close()

    def write_clock(self) -> datetime:
        """The transaction's time on the server (now(): the time the audit trigger records), in
        this computer's time zone, whole seconds."""
        at = self.conn.execute("SELECT now()").fetchone()[0]
        return at.astimezone().replace(microsecond=0)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """BEGIN ... COMMIT on the server; everything or nothing."""
        if self.readonly:
            raise ReadOnlyError(sentence("ServerDatabase", QT_TRANSLATE_NOOP(
                "ServerDatabase", "The %1 is open read-only; nothing can be changed."), self.place))
        errors = psycopg_module().Error
        terms = self.conn.terms
        try:
            with self.conn.pg.transaction():
                yield self.conn
        except errors as exc:
            terms.rolled_back()
            raise _sentence(exc) from None
        except BaseException:
            terms.rolled_back()
            raise
        terms.committed()

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[Any]:
        return self.conn.execute(sql, params, by_name=True).fetchall()

    def query_one(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> Any:
        return self.conn.execute(sql, params, by_name=True).fetchone()


def needs_password(exc: ServerError) -> bool:
    """The server asked for a password that libpq had none of (the fault refusals.py reads
    from the connection attempt, never from libpq's words)."""
    return exc.fault is Fault.NO_PASSWORD


def check_schema(raw, place: str) -> None:
    """ServerError unless the database is an imsmap clinic at this imsmap's schema."""
    try:
        version = schema.current_version(raw)
    except psycopg_module().errors.InsufficientPrivilege:
        raise ServerError(sentence("ServerDatabase", QT_TRANSLATE_NOOP(
            "ServerDatabase", "Your login may not read the imsmap schema on the %1; ask the "
            "server's administrator to add you (imsmap server add-user)."), place)) from None
    if version == 0:
        raise ServerError(sentence("ServerDatabase", QT_TRANSLATE_NOOP(
            "ServerDatabase", "The %1 is not set up for imsmap; its administrator runs `imsmap "
            "server init` on it first."), place))
    if version < schema.SCHEMA_VERSION:
        raise ServerError(sentence("ServerDatabase", QT_TRANSLATE_NOOP(
            "ServerDatabase", "The %1 holds an older imsmap schema (%2) than this imsmap uses "
            "(%3); nothing was changed. Ask its administrator to upgrade the server "
            "(docs/clinic-server.md)."), place, version, schema.SCHEMA_VERSION))
    if version > schema.SCHEMA_VERSION:
        raise ServerError(sentence("ServerDatabase", QT_TRANSLATE_NOOP(
            "ServerDatabase", "The %1 holds a newer imsmap schema (%2) than this imsmap knows "
            "(%3); nothing was changed. Update imsmap on this computer."),
            place, version, schema.SCHEMA_VERSION))
