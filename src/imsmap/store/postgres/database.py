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
- **A lost connection is made again where that is safe** (the server restarted, the network
  dropped): before a unit of work starts (nothing of it was sent; its BEGIN runs on a new
  connection), and for a read outside a unit of work (every write goes through
  ``transaction()``, so a statement outside one only reads and may run again), a few times
  with a pause, then the sentence. A connection lost inside a unit of work: the server rolled
  all of it back, and the person is told nothing of it was kept (the body is not run again:
  it is the person's gesture). Lost while COMMIT was on its way: whether it was saved is not
  known, and the sentence says to check (InDoubtError).
- **The window never waits for a server that is gone** (``reconnect_elsewhere``): there a lost
  connection is made again on a thread of its own (store.postgres.reconnect); until it is back,
  every read and every write is refused at once with one sentence (nothing of it was sent),
  and the window is told when it is back (``adopt``).
- **Nor for another transaction's lock** (``bound_lock_waits``): each statement of the
  window's waits for a row or table lock connection.LOCK_WAIT_S at most, then its unit of work
  is refused with a sentence, nothing of it written. The commands' connections are not bounded.
  A save made by a timer (``waiting_briefly``) waits connection.BRIEF_WAIT at most.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal, SupportsIndex, overload

from imsmap.domain.errors import ReadOnlyError
from imsmap.domain.roles import ROLES
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.db import Database
from imsmap.store.dialect import POSTGRESQL, RecordRow
from imsmap.store.postgres import schema, trail
from imsmap.store.postgres.connection import (
    BRIEF_WAIT,
    ServerError,
    bound_lock_waits,
    connect,
    make_conninfo,
    one,
    parse,
    require_psycopg,
    statement_error,
    where,
    without_password,
)
from imsmap.store.postgres.faults import ATTEMPTS, BACKOFF_S, InDoubtError
from imsmap.store.postgres.reconnect import Reconnecting, unreachable
from imsmap.store.postgres.refusals import (
    RETRY_RECONNECT,
    Fault,
    classify,
    connection_sentence,
)
from imsmap.store.terms import Terms

if TYPE_CHECKING:
    import psycopg
    from psycopg.rows import RowMaker, TupleRow

    from imsmap.store.postgres.connection import PgConnection

log = logging.getLogger(__name__)

# What a statement binds: positional values for ? placeholders, or named ones.
Params = Sequence[object] | Mapping[str, object]


@functools.lru_cache(maxsize=512)
def bind(sql: str) -> str:
    """SQLite's ``?`` placeholders as psycopg's ``%s`` (a literal % doubled first). The
    Repository's SQL holds no ? inside a quoted literal."""
    return sql.replace("%", "%%").replace("?", "%s")


class Row(tuple[Any, ...]):
    """A row readable by position and by column name, as sqlite3.Row is. A column's value is
    whatever the server's column holds (psycopg's own conversion), as in sqlite3.Row."""

    __slots__ = ()
    _index: ClassVar[dict[str, int]] = {}

    @overload
    def __getitem__(self, key: SupportsIndex | str, /) -> Any: ...
    @overload
    def __getitem__(self, key: slice, /) -> tuple[Any, ...]: ...

    def __getitem__(self, key: SupportsIndex | str | slice, /) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: psycopg.Cursor[Any]) -> RowMaker[Row]:
    """Rows of this statement's columns (a Row class that knows their names)."""
    index = {c.name: i for i, c in enumerate(cursor.description or ())}

    class NamedRow(Row):
        __slots__ = ()
        _index = index

    return NamedRow


class ServerConnection:
    """The server's connection, spoken to as the Repository speaks to an sqlite3 connection:
    ``execute`` (with ? placeholders), ``executemany``, ``in_transaction``; it carries the term
    cache, its dialect and the server's audit trail."""

    dialect = POSTGRESQL
    trail = trail

    def __init__(self, pg: PgConnection, reopen: Callable[[], PgConnection] | None = None,
                 sleep: Callable[[float], None] = time.sleep):
        require_psycopg()
        import psycopg

        self.pg = pg
        self._reopen = reopen  # a new raw connection, as the first was made (None: never)
        self._sleep = sleep
        self._errors = psycopg.Error
        self._idle = psycopg.pq.TransactionStatus.IDLE
        self.terms = Terms(self)
        self.in_unit = False  # a unit of work or a snapshot is open on this connection
        self._prepare: bool | None = None  # psycopg's choice: prepared after a few runs
        self._elsewhere: Reconnecting | None = None  # reconnect_elsewhere: the window's
        self.lock_wait: float | None = None  # bound_lock_waits: the window's (None: no bound)

    @property
    def lost(self) -> bool:
        return bool(self.pg.closed or self.pg.broken)

    def reconnect_elsewhere(self, told: Callable[[str | None], None]) -> None:
        """From now on a lost connection is made again on a thread of its own, never on the
        caller's (the window's) thread: until it is back, `reconnect` refuses at once with a
        sentence. ``told`` is called with a sentence while the server cannot be reached (on
        either thread) and with None, on the reconnecting thread, when a new connection is
        ready: then call `adopt` on this connection's own thread."""
        if self._reopen is not None and self._elsewhere is None:
            self._elsewhere = Reconnecting(self._reopen, told)

    def bound_lock_waits(self, seconds: float) -> None:
        """From now on every statement on this connection, and on each one made again in its
        place, waits for a lock another transaction holds at most ``seconds``; then it is
        refused with a sentence and its unit of work rolled back (connection.LOCK_WAIT_S: the
        window's, never an administrator's command). Before ``reconnect_elsewhere``, which
        makes connections again with what this sets."""
        if self.lock_wait == seconds:
            return
        self.lock_wait = seconds
        reopen = self._reopen
        if reopen is not None:
            def bounded() -> PgConnection:
                fresh = reopen()
                try:
                    bound_lock_waits(fresh, seconds)
                except BaseException:
                    fresh.close()
                    raise
                return fresh
            self._reopen = bounded
        if not self.lost:
            try:
                bound_lock_waits(self.pg, seconds)
            except self._errors as exc:  # lost meanwhile: the next one is made with it
                if classify(exc) not in RETRY_RECONNECT:
                    raise _sentence(exc) from None
                self.found_lost()

    def reconnect_here(self) -> None:
        """Back to reconnecting on the caller's thread (the window closed): a try under way
        elsewhere is abandoned, and ``told`` is not called again."""
        if self._elsewhere is not None:
            self._elsewhere.close()
            self._elsewhere = None

    @property
    def reconnecting(self) -> bool:
        """The connection is lost and being made again elsewhere (not yet adopted)."""
        return self._elsewhere is not None and self.lost

    def adopt(self) -> bool:
        """Take the connection made elsewhere, if one is ready and none is in use (between
        units of work); True when it was taken."""
        if self._elsewhere is None or self.in_unit or not self.lost:
            return False
        fresh = self._elsewhere.take()
        if fresh is None:
            return False
        self.pg = fresh
        log.info("connected to the clinic server again")
        return True

    def found_lost(self) -> None:
        """The connection was found lost: closed, and made again at the next use, or, made
        elsewhere, from now on."""
        with contextlib.suppress(Exception):
            self.pg.close()
        if self._elsewhere is not None:
            self._elsewhere.request()

    @contextlib.contextmanager
    def planned_with_values(self) -> Iterator[None]:
        """Statements run inside are never prepared: the server plans each with its values. A
        prepared statement's generic plan cannot see a LIKE's pattern, so it cannot make its
        prefix an index range (patient search, store.patient_search: the generic plan of a
        count of a chart number's prefix read every patient)."""
        before, self._prepare = self._prepare, False
        try:
            yield
        finally:
            self._prepare = before

    def check(self) -> None:
        """One small question: a connection that died without a word is found lost now (and
        made again, as `reconnect` says); its sentence when the server cannot be reached."""
        self.execute("SELECT 1")

    def current(self) -> PgConnection:
        """The psycopg connection to speak on now (the session holds speak psycopg
        themselves: services.room_hold), made again as `reconnect` says when it was lost."""
        if self.lost:
            self.reconnect()
        return self.pg

    def reconnect(self) -> None:
        """A new connection in place of a lost one, tried a few times (a server restarting
        refuses connections for a moment); ServerError with the last sentence otherwise.
        Made elsewhere (``reconnect_elsewhere``): the one made there if it is ready, else the
        sentence at once."""
        if self._reopen is None:
            raise ServerError(sentence("ServerDatabase", QT_TRANSLATE_NOOP(
                "ServerDatabase", "The connection to the clinic server was lost; open imsmap "
                "again.")), Fault.CONNECTION_LOST)
        with contextlib.suppress(Exception):
            self.pg.close()
        if self._elsewhere is not None:
            if not self.adopt():
                self._elsewhere.request()
                raise unreachable()
            return
        for attempt in range(ATTEMPTS):
            if attempt:
                self._sleep(BACKOFF_S[min(attempt - 1, len(BACKOFF_S) - 1)])
            try:
                self.pg = self._reopen()
            except ServerError as exc:
                if exc.fault not in RETRY_RECONNECT:
                    raise  # a refused login (a changed password...) says so itself
                if attempt == ATTEMPTS - 1:
                    raise ServerError(
                        sentence("ServerDatabase", QT_TRANSLATE_NOOP(
                        "ServerDatabase", "The connection to the clinic server was lost and "
                        "the server cannot be reached now (restarting, or the network is "
                        "down); nothing was changed, and what was saved before is safe. Try "
                        "again in a moment.")),
                        exc.fault) from None
                continue
            log.info("connected to the clinic server again")
            return

    def begin(self, statement: str = "BEGIN") -> None:
        """BEGIN a unit of work (or a snapshot); on a new connection when the old one is gone
        (nothing of the unit was sent, so that is safe)."""
        for attempt in range(ATTEMPTS):
            if self.lost:
                self.reconnect()
            try:
                self.pg.execute(statement)
            except self._errors as exc:
                if (self._reopen is None or attempt == ATTEMPTS - 1
                        or classify(exc) not in RETRY_RECONNECT):
                    raise _sentence(exc) from None
                self.reconnect()
                continue
            self.in_unit = True
            return

    def end(self, commit: bool) -> None:
        """COMMIT (or ROLLBACK) the unit BEGIN opened."""
        self.in_unit = False
        if not commit:
            if not self.lost:
                with contextlib.suppress(self._errors):
                    self.pg.execute("ROLLBACK")
            return
        try:
            self.pg.execute("COMMIT")
        except self._errors as exc:
            fault = classify(exc)
            if fault is Fault.IDLE_ENDED:  # ended by the server before this COMMIT: not saved
                self.found_lost()
                raise _sentence(exc) from None
            if fault in RETRY_RECONNECT:
                self.found_lost()
                raise InDoubtError(
                    sentence("ServerDatabase", QT_TRANSLATE_NOOP(
                    "ServerDatabase", "The connection to the clinic server was lost while this "
                    "change was being saved, so whether it was saved is not known; refresh "
                    "(F5) and check it before going on.")), Fault.CONNECTION_LOST) from None
            raise _sentence(exc) from None

    @overload
    def execute(self, sql: str, params: Params = (), /, *, by_name: Literal[False] = False
                ) -> psycopg.Cursor[TupleRow]: ...
    @overload
    def execute(self, sql: str, params: Params, /, *, by_name: Literal[True]
                ) -> psycopg.Cursor[Row]: ...

    def execute(self, sql: str, params: Params = (), /, *, by_name: bool = False
                ) -> psycopg.Cursor[TupleRow] | psycopg.Cursor[Row]:
        for attempt in range(ATTEMPTS):
            if self.lost and not self.in_unit:
                self.reconnect()
            cur = self.pg.cursor(row_factory=_row_factory) if by_name else self.pg.cursor()
            try:
                if params:
                    cur.execute(bind(sql), tuple(params) if not isinstance(params, Mapping)
                                else params, prepare=self._prepare)
                else:
                    cur.execute(sql, prepare=self._prepare)
            except self._errors as exc:
                # A read outside a unit of work runs again on a new connection; anything
                # else is told (inside a unit the server rolled all of it back).
                if (self.in_unit or self._reopen is None or attempt == ATTEMPTS - 1
                        or classify(exc) not in RETRY_RECONNECT):
                    if classify(exc) in RETRY_RECONNECT:
                        self.found_lost()
                    raise _sentence(exc) from None
                self.reconnect()
                continue
            return cur
        raise AssertionError("unreachable: the last attempt returns or raises")

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        try:
            with self.pg.cursor() as cur:
                cur.executemany(bind(sql), list(rows))
        except self._errors as exc:
            if classify(exc) in RETRY_RECONNECT:
                self.found_lost()
            raise _sentence(exc) from None

    @property
    def in_transaction(self) -> bool:
        return self.pg.info.transaction_status != self._idle

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Several reads as of one moment: a REPEATABLE READ, READ ONLY transaction, unless
        the caller's transaction is open already (then that is the moment)."""
        if self.in_unit or (self.in_transaction and not self.lost):
            yield
            return
        self.begin("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        try:
            yield
        finally:
            self.end(commit=False)  # it only read: ended, never in doubt

    def close(self) -> None:
        if self._elsewhere is not None:
            self._elsewhere.close()
        self.pg.close()


def _sentence(exc: BaseException) -> BaseException:
    """The user's sentence for what the server refused, or the error itself (a bug)."""
    error = statement_error(exc)
    return error if error is not None else exc


class ServerDatabase(Database):
    """A clinic server's database behind the record services (see the module's words)."""

    # The record services are typed against store.db.Database's sqlite3 connection; the
    # server's connection speaks the part of it they use (execute and executemany with ?
    # placeholders, in_transaction; store.dialect.RecordConnection), which the both_backends
    # tests run every service through. Not an sqlite3.Connection, so the declaration differs.
    conn: ServerConnection  # type: ignore[assignment]

    def __init__(self, conn: ServerConnection, dsn: str, login: str, readonly: bool,
                 roles: frozenset[str] = frozenset(ROLES)):
        self.conn = conn
        self.roles = roles  # the groups the login is in, as the server says (pg_has_role)
        self.dsn = without_password(dsn)
        self.login = login
        self.readonly = readonly
        self.place = where(dsn)
        # For titles and sentences (no file is behind it): which clinic, and who signed in.
        self.path = Path(f"{login} at {self.place}")
        self.signed_in_point: int | None = None  # the audit trail's newest entry at sign-in
        self._brief = False  # waiting_briefly

    is_server = True

    @classmethod
    def connect(cls, dsn: str, *, password: str | None = None,
                readonly: bool = False,
                ask_password: Callable[[str], str | None] | None = None) -> ServerDatabase:
        """Sign in to the server; ServerError with one sentence for a wrong password, an
        unreachable server, a database that is not an imsmap clinic or one at another schema.

        The password: ``password``, else libpq's own (PGPASSFILE or ~/.pgpass, PGPASSWORD, a
        service file), else, when the server asks for one that libpq has not, ``ask_password``
        (given the login's name; None: the person gave up) once."""
        params = parse(dsn)
        if password is not None:
            params["password"] = password
        try:
            raw = connect(make_conninfo(params), autocommit=True)
        except ServerError as exc:
            if password is not None or ask_password is None or not needs_password(exc):
                raise
            given = ask_password(params.get("user") or "your login")
            if given is None:
                raise ServerError(sentence("ServerDatabase", QT_TRANSLATE_NOOP(
                    "ServerDatabase", "Signing in to the %1 was cancelled; nothing was opened."),
                    where(dsn))) from None
            params["password"] = given
            raw = connect(make_conninfo(params), autocommit=True)
        conninfo = make_conninfo(params)  # in memory only, to connect again

        def reopen() -> PgConnection:
            again = connect(conninfo, autocommit=True)
            if readonly:
                again.execute("SET default_transaction_read_only = on")
            return again
        try:
            place = where(dsn)
            check_schema(raw, place)
            login = str(one(raw.execute("SELECT session_user"))[0])
            roles = frozenset(str(r) for (r,) in raw.execute(
                "SELECT g FROM unnest(%s::text[]) AS g"
                " WHERE pg_has_role(session_user, 'imsmap_' || g, 'MEMBER')",
                (list(ROLES),)).fetchall())
            # The audit trail's newest entry as signed in: what a room's listener, connecting
            # later, reads on from (services.live.room_of).
            point = int(one(raw.execute("SELECT change_point()"))[0])
            if readonly:
                raw.execute("SET default_transaction_read_only = on")
            db = cls(ServerConnection(raw, reopen), dsn, login, readonly, roles)
            db.signed_in_point = point
        except BaseException as exc:
            raw.close()
            import psycopg

            if isinstance(exc, psycopg.OperationalError):  # the server went away meanwhile
                fault, words = connection_sentence(exc, dsn)
                raise ServerError(words, fault) from None
            raise
        log.info("signed in to the clinic server (schema %d)%s", schema.SCHEMA_VERSION,
                 " read-only" if readonly else "")
        return db

    @property
    def schema_version(self) -> int:
        """The SQLite schema the server's schema mirrors (schema.MIGRATIONS): what the
        services read is the same record."""
        return schema.MIGRATIONS[-1][2]

    def schema_named(self) -> object:
        """The server's own numbering (schema.SCHEMA_VERSION, what `imsmap server init` and
        `upgrade` print), never the file schema it mirrors (``schema_version``)."""
        return sentence("ServerDatabase", QT_TRANSLATE_NOOP(
            "ServerDatabase", "clinic server schema %1"), schema.SCHEMA_VERSION)

    def close(self) -> None:
        self.conn.close()

    def another_dsn(self) -> str:
        """The DSN a second connection of this room signs in with (its listener, its session
        holds): the same login, and the password this one signed in with, if any, kept in
        memory only (never written anywhere)."""
        params = parse(self.dsn)
        password = self.conn.pg.info.password
        if password:
            params["password"] = password
        return make_conninfo(params)

    def backend_pid(self) -> int | None:
        """The server's process id of this connection (None once it is closed)."""
        pg = self.conn.pg
        return None if pg.closed else pg.info.backend_pid

    def described(self) -> object:
        return sentence("ServerDatabase", QT_TRANSLATE_NOOP("ServerDatabase", "%1 at %2"),
                        self.login, self.place)

    def write_clock(self) -> datetime:
        """The transaction's time on the server (now(): the time the audit trigger records), in
        this computer's time zone, whole seconds."""
        at: datetime = one(self.conn.execute("SELECT now()"))[0]
        return at.astimezone().replace(microsecond=0)

    @contextlib.contextmanager
    def waiting_briefly(self) -> Iterator[None]:
        """Each unit of work inside waits for a lock another transaction holds BRIEF_WAIT at
        most (its own lock_timeout, set_config's is_local: it ends with the transaction),
        then it is refused with refusals.ServerBusy, nothing of it written. Saves made by a
        timer: behind a row another room or a psql holds, the window froze LOCK_WAIT_S in a
        pause in typing, then refused what was only waiting to be saved."""
        before, self._brief = self._brief, True
        try:
            yield
        finally:
            self._brief = before

    # The connection a unit of work writes through: the server's, where the base class (and the
    # services' annotations) name sqlite3's; see ``conn`` above.
    @contextlib.contextmanager
    def transaction(self) -> Iterator[ServerConnection]:  # type: ignore[override]
        """BEGIN ... COMMIT on the server; everything or nothing."""
        if self.readonly:
            raise ReadOnlyError(sentence("ServerDatabase", QT_TRANSLATE_NOOP(
                "ServerDatabase", "The %1 is open read-only; nothing can be changed."), self.place))
        import psycopg  # installed: the connection is psycopg's

        errors = psycopg.Error
        terms = self.conn.terms
        self.conn.begin()
        try:
            if self._brief:
                self.conn.execute("SELECT set_config('lock_timeout', ?, true)", (BRIEF_WAIT,))
            yield self.conn
        except BaseException as exc:
            self.conn.end(commit=False)
            terms.rolled_back()
            if isinstance(exc, errors):
                raise _sentence(exc) from None
            raise
        try:
            self.conn.end(commit=True)
        except BaseException:
            terms.rolled_back()
            raise
        terms.committed()

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()
              ) -> list[RecordRow]:
        return list(self.conn.execute(sql, params, by_name=True).fetchall())

    def query_one(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()
                  ) -> RecordRow | None:
        return self.conn.execute(sql, params, by_name=True).fetchone()


def needs_password(exc: ServerError) -> bool:
    """The server asked for a password that libpq had none of (the fault refusals.py reads
    from the connection attempt, never from libpq's words)."""
    return exc.fault is Fault.NO_PASSWORD


def check_schema(raw: PgConnection, place: str) -> None:
    """ServerError unless the database is an imsmap clinic at this imsmap's schema."""
    import psycopg  # installed: the connection is psycopg's

    try:
        version = schema.current_version(raw)
    except psycopg.errors.InsufficientPrivilege:
        raise ServerError(sentence("ServerDatabase", QT_TRANSLATE_NOOP(
            "ServerDatabase", "Your login may not read the imsmap schema on the %1; ask the "
            "server's administrator to add you (imsmap server add-user)."), place)) from None
    if version == 0:
        raise ServerError(sentence("ServerDatabase", QT_TRANSLATE_NOOP(
            "ServerDatabase", "The %1 is not set up for imsmap; its administrator runs `imsmap "
            "server init` on it first."), place))
    if version < schema.SCHEMA_VERSION:
        raise ServerError(sentence("ServerDatabase", QT_TRANSLATE_NOOP(
            "ServerDatabase", "The %1 holds an older clinic server schema (%2) than this imsmap "
            "uses (%3); nothing was changed. Ask its administrator to upgrade the server "
            "(docs/clinic-server.md)."), place, version, schema.SCHEMA_VERSION))
    if version > schema.SCHEMA_VERSION:
        raise ServerError(sentence("ServerDatabase", QT_TRANSLATE_NOOP(
            "ServerDatabase", "The %1 holds a newer clinic server schema (%2) than this imsmap "
            "knows (%3); nothing was changed. Update imsmap on this computer."),
            place, version, schema.SCHEMA_VERSION))
