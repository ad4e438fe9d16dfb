"""Opening the SQLite database safely, and the one way to write to it: `Database.transaction()`.

WAL journal, synchronous=FULL, foreign keys on, a busy timeout, BEGIN IMMEDIATE for writes.
Environment problems (a folder instead of a file, a file that is not an imsmap database, a newer
schema, a locked or full disk) become StoreError with one plain sentence, sorted by SQLite's error
code (store/sqlite_errors.py); an SQLite error of the code's own is raised as it is, a bug.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from imsmap import __version__
from imsmap.domain.errors import ReadOnlyError, UserFacingError
from imsmap.domain.os_reasons import reason
from imsmap.domain.roles import ROLES
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.logs import shown
from imsmap.store.dialect import RecordRow
from imsmap.store.leftovers import remove_restore_copies
from imsmap.store.migrations import SCHEMA_VERSION, apply_migrations
from imsmap.store.schema_check import schema_damage
from imsmap.store.sqlite_errors import (
    Fault,
    fault_of,
    folder_read_only,
    may_be_schema_damage,
)
from imsmap.store.sqlite_reasons import reason as sqlite_reason
from imsmap.store.terms import Connection, terms_of
from imsmap.store.trigger_words import trigger_reason

log = logging.getLogger(__name__)

APPLICATION_ID = 0x494D534D  # "IMSM" in PRAGMA application_id marks an imsmap database
BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"  # for files no connection of this process can hold
NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smbfs", "smb3", "afs", "9p", "sshfs",
               "fuse.sshfs", "davfs", "fuse.davfs2", "ncpfs", "glusterfs", "ceph"}


class StoreError(UserFacingError):
    """The database cannot be used as asked; the message says why and what to do."""


class BusyError(StoreError):
    """Another connection (a window, a command, a backup tool) holds the database's lock past
    the busy timeout: trying again later may work."""


class DamagedFileError(StoreError):
    """The file itself is damaged (SQLite says so, or a stored value cannot be read back):
    the window offers the latest good backup."""


class Database:
    """One connection to one imsmap database file."""

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool):
        self.conn = conn
        self.path = path
        self.readonly = readonly

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True,
             readonly: bool = False) -> Database:
        path = Path(path).expanduser()
        _check_path(path, create=create)
        # A restore killed halfway left a whole copy of a backup's records hidden beside it:
        # removed at every open, the window's and each command's (store.leftovers).
        remove_restore_copies(path)
        is_new = not path.exists() or path.stat().st_size == 0
        if is_new and readonly:
            raise StoreError(sentence("StoreDb", QT_TRANSLATE_NOOP(
                "StoreDb", "There is no database at %1."), path))
        if not readonly and path.exists() and not os.access(path, os.W_OK):
            readonly = True  # a read-only file opens read-only; the window says so
        if is_new:
            _create_private_file(path)
        elif readonly:
            # A restore or an upgrade killed partway left its rollback journal hot beside the
            # file, and the file half written: a read-only connection cannot play it back
            # (SQLite refuses it as "read-only"), a read-write one does on its first read.
            play_back_journal(path)
        conn = None
        try:
            if readonly:
                conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                       isolation_level=None, check_same_thread=False,
                                       factory=Connection)
            else:
                conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                                       factory=Connection)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            db = cls(conn, path, readonly)
            # Before anything writes (the WAL switch rewrites the file header): is it ours?
            version = db._check_identity(is_new)
            if not readonly:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise StoreError(sentence("StoreDb", QT_TRANSLATE_NOOP(
                        "StoreDb", "%1 cannot use SQLite's WAL journal (got %2)."), path, mode))
            conn.execute("PRAGMA synchronous = FULL")
            if not readonly:
                applied = apply_migrations(conn)
                if applied:
                    version = applied[-1]
            log.info("opened %s%s%s: schema %d, SQLite %s", shown(path),
                     " read-only" if readonly else "", " (new)" if is_new else "",
                     version, sqlite3.sqlite_version)
            return db
        except BaseException as exc:
            if conn is not None:
                conn.close()  # a refused file must not keep an open connection behind
            if isinstance(exc, (sqlite3.DatabaseError, UnicodeDecodeError)):
                refuse(exc, path)  # a bug (in a migration...) is raised as it is
            raise

    def _check_identity(self, is_new: bool) -> int:
        """Refuse a file that is not an imsmap database, or is newer than this imsmap reads;
        returns its schema version (PRAGMA user_version)."""
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if is_new:
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            return int(version)
        if app_id != APPLICATION_ID:
            tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise StoreError(sentence("StoreDb", QT_TRANSLATE_NOOP(
                    "StoreDb", "%1 is an SQLite database, but not an imsmap one."), self.path))
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if version > SCHEMA_VERSION:
            raise StoreError(
                sentence("StoreDb", QT_TRANSLATE_NOOP(
                "StoreDb", "%1 was written by a newer imsmap (database schema %2); this imsmap "
                "%3 reads schema %4 and older. Update imsmap to open it."),
                self.path, version, __version__, SCHEMA_VERSION))
        return int(version)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # What a clinic server's database (store/postgres/database.py) answers differently.
    is_server = False  # the records are on a clinic server, not in this file
    login: str | None = None  # the server's authenticated login (None: a file has none)
    # What the person signed in may do: on a clinic server the groups the login is in (the
    # server enforces them); on one PC the file's user is all of them.
    roles: frozenset[str] = frozenset(ROLES)

    def described(self) -> object:
        """Which records these are, for a report's first line: the file's path (the clinic
        server's: its login and database, in the records language)."""
        return str(self.path)

    def schema_named(self) -> object:
        """The schema said with its numbering ('file schema 9'): a file and a clinic server
        number their schemas apart, and a clinic's IT person compares what each prints."""
        return sentence("StoreDb", QT_TRANSLATE_NOOP("StoreDb", "file schema %1"),
                        self.schema_version)

    def write_clock(self) -> datetime | None:
        """The time a write is stamped with when the database keeps its own clock (the clinic
        server: its transaction's time, the time its audit trail records); None: the services'
        clock stamps it. Called inside the write's transaction."""
        return None

    @contextlib.contextmanager
    def waiting_briefly(self) -> Iterator[None]:
        """The writes inside wait only briefly for a lock another transaction holds (a save
        made by a timer, nobody's gesture behind it, which is tried again). A file's writes
        wait as they always do (SQLite's busy timeout); a clinic server's: see there."""
        yield

    # -- writing ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT; everything or nothing."""
        if self.readonly:
            raise ReadOnlyError(sentence("StoreDb", QT_TRANSLATE_NOOP(
                "StoreDb", "%1 is open read-only; nothing can be changed."), self.path))
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            refuse(exc, self.path)
        try:
            yield self.conn
            self.conn.execute("COMMIT")
            terms_of(self.conn).committed()
        except BaseException as exc:
            terms_of(self.conn).rolled_back()
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, (sqlite3.DatabaseError, UnicodeDecodeError)):
                error = user_error(exc, self.path)
                if error is not None:  # the user's or the environment's: one sentence
                    raise error from exc
            raise  # anything else, SQLite's programming errors included, is a bug

    # -- reading ---------------------------------------------------------------------------
    # A damaged file (or one another program holds) is StoreError; any other SQLite error is
    # a bug in the query and stays what it is (user_error).
    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[RecordRow]:
        try:
            cur = self.conn.execute(sql, params)
            cur.row_factory = sqlite3.Row
            return cur.fetchall()
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            refuse(exc, self.path)

    def query_one(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> RecordRow | None:
        try:
            cur = self.conn.execute(sql, params)
            cur.row_factory = sqlite3.Row
            row: RecordRow | None = cur.fetchone()
            return row
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            refuse(exc, self.path)


def _check_path(path: Path, *, create: bool) -> None:
    if path.is_dir():
        raise StoreError(sentence("StoreDb", QT_TRANSLATE_NOOP(
            "StoreDb", "%1 is a folder, not a database file; give a file name."), path))
    parent = path.parent
    if not parent.exists():
        raise StoreError(sentence("StoreDb", QT_TRANSLATE_NOOP(
            "StoreDb", "The folder %1 does not exist; create it first or choose another."),
            parent))
    if not parent.is_dir():
        raise StoreError(sentence("StoreDb", QT_TRANSLATE_NOOP(
            "StoreDb", "%1 is not a folder."), parent))
    if not path.exists() and not create:
        raise StoreError(sentence("StoreDb", QT_TRANSLATE_NOOP(
            "StoreDb", "There is no database at %1."), path))
    if path.exists() and not os.access(path, os.R_OK):
        raise StoreError(sentence("StoreDb", QT_TRANSLATE_NOOP(
            "StoreDb", "%1 cannot be read (permission denied)."), path))
    fs = filesystem_type(parent)
    if fs in NETWORK_FS:
        raise StoreError(
            sentence("StoreDb", QT_TRANSLATE_NOOP(
            "StoreDb", "%1 is on a network share (%2). SQLite's locking does not work reliably "
            "over a network file system and records could be corrupted; keep the database on "
            "this computer's own disk."), path, fs))


def play_back_journal(path: Path) -> bool:
    """Play back the rollback journal a writer killed partway left hot beside `path` (a
    restore's or an upgrade's: the window's writes keep a write-ahead log, which needs none),
    so that a read-only connection, which may not, reads the file as it was before that write.
    SQLite does it, in a read-write connection of its own, on its first read; it leaves alone a
    journal whose writer is still at work. True when there is no journal (any more); False when
    it could not be played back (another program holds the file, or it cannot be written): the
    open that follows then says why."""
    journal = path.with_name(path.name + "-journal")
    try:
        if not journal.is_file() or journal.stat().st_size == 0:
            return True
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=1.0)
        try:
            conn.execute("PRAGMA user_version").fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return False
    log.info("a rollback journal was beside %s: read once read-write (SQLite plays it back "
             "if its writer is gone)", shown(path))
    return True


def _create_private_file(path: Path) -> None:
    """Create the database file readable by its owner only (mode 600 on POSIX)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
        if sys.platform != "win32":
            os.chmod(path, 0o600)
    except OSError as exc:
        raise StoreError(sentence("StoreDb", QT_TRANSLATE_NOOP(
            "StoreDb", "%1 cannot be created (%2)."), path, reason(exc))) from None


MOUNTS_TABLE = Path("/proc/mounts")  # the kernel's mount table, on Linux


def filesystem_type(folder: Path) -> str | None:
    """The file-system type holding `folder`, from the mount table where there is one."""
    try:
        mounts = MOUNTS_TABLE.read_text().splitlines()
    except OSError:
        return None
    target = str(folder.resolve())
    best, best_type = "", None
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        if (target == mount_point or target.startswith(mount_point.rstrip("/") + "/")) and \
                len(mount_point) >= len(best):
            best, best_type = mount_point, parts[2]
    return best_type


def damaged(path: Path, detail: str) -> DamagedFileError:
    """The sentence for a file that cannot be read faithfully."""
    return DamagedFileError(sentence("StoreDb", QT_TRANSLATE_NOOP(
        "StoreDb", "%1 is damaged (%2); it cannot be read faithfully. Keep it as it is and "
        "restore the latest good backup (imsmap restore)."), path, detail))


def user_error(exc: BaseException, path: Path) -> UserFacingError | None:
    """The user's sentence for what SQLite raised on ``path``, sorted by its error code
    (`store.sqlite_errors`); None when the error is the code's own (a wrong query, a closed
    connection, a constraint the services should have checked, an unknown code): a bug, to be
    raised as it is."""
    fault = fault_of(exc)
    log.info("%s on %s: %s", getattr(exc, "sqlite_errorname", None) or type(exc).__name__,
             path.name, fault.value)
    if fault is Fault.BUG:
        if may_be_schema_damage(exc):
            # A table or column the query names is missing: damage if the file lacks what this
            # imsmap's schema has, else the query is wrong.
            found = schema_damage(path)
            return damaged(path, found) if found else None
        return None
    if fault is Fault.BUSY:
        return BusyError(
            sentence("StoreDb", QT_TRANSLATE_NOOP(
            "StoreDb", "The database %1 is busy in another imsmap window or program; nothing "
            "was changed. Try again in a moment."), path.name))
    if fault is Fault.FULL:
        return StoreError(
            sentence("StoreDb", QT_TRANSLATE_NOOP(
            "StoreDb", "The disk holding %1 is full; nothing was changed. Free some space and "
            "try again."), path.name))
    if fault is Fault.READ_ONLY and folder_read_only(exc):
        return ReadOnlyError(sentence("StoreDb", QT_TRANSLATE_NOOP(
            "StoreDb", "%1 cannot be opened where it is, even to read it: SQLite makes its "
            "working files (%1-wal, %1-shm) beside the database, and the folder %2 takes no new "
            "file (read-only media, or no write permission). Copy the file into a folder you "
            "can write to and give the copy; nothing was changed."),
            path.name, path.parent))
    if fault is Fault.READ_ONLY:
        return ReadOnlyError(sentence("StoreDb", QT_TRANSLATE_NOOP(
            "StoreDb", "%1 is read-only; nothing was changed."), path.name))
    if fault is Fault.PROTECTED:  # the trigger's words, in the user's (store.sqlite_reasons)
        return ReadOnlyError(sentence("StoreDb", QT_TRANSLATE_NOOP(
            "StoreDb", "Refused: %1. Nothing was changed."), trigger_reason(str(exc))))
    if fault is Fault.NOT_A_DATABASE:
        return DamagedFileError(
            sentence("StoreDb", QT_TRANSLATE_NOOP(
            "StoreDb", "%1 is not an imsmap database (it is not an SQLite file, or its first "
            "page is damaged). If it is your clinic's database, restore it from a backup."),
            path))
    if fault is Fault.DAMAGED:  # a stored text that is not text is said so, never quoted
        return damaged(path, sqlite_reason(exc))
    if fault is Fault.NO_MEMORY:
        return StoreError(sentence("StoreDb", QT_TRANSLATE_NOOP(
            "StoreDb", "The computer ran out of memory working on %1; nothing was changed. "
            "Close other programs and try again."), path.name))
    return StoreError(sentence("StoreDb", QT_TRANSLATE_NOOP(
        "StoreDb", "%1 could not be read or written (%2); nothing was changed."),
        path, sqlite_reason(exc)))


def refuse(exc: BaseException, path: Path) -> NoReturn:
    """Raise the user's sentence for ``exc`` (from None: SQLite's text stays out of sight), or
    ``exc`` itself when it is a bug."""
    error = user_error(exc, path)
    if error is None:
        raise exc
    raise error from None
