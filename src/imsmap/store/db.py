"""Opening the SQLite database safely, and the one way to write to it: `Database.transaction()`.

WAL journal, synchronous=FULL, foreign keys on, a busy timeout, BEGIN IMMEDIATE for writes.
Environment problems (a folder instead of a file, a file that is not an imsmap database, a newer
schema, a locked or full disk) become StoreError with one plain sentence.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

from imsmap import __version__
from imsmap.domain.errors import ReadOnlyError, UserFacingError
from imsmap.store.migrations import SCHEMA_VERSION, apply_migrations
from imsmap.store.schema_check import schema_damage
from imsmap.store.terms import Connection, terms_of

APPLICATION_ID = 0x494D534D  # "IMSM" in PRAGMA application_id marks an imsmap database
BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"  # for files no connection of this process can hold
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smbfs", "smb3", "afs", "9p", "sshfs",
               "fuse.sshfs", "davfs", "fuse.davfs2", "ncpfs", "glusterfs", "ceph"}


class StoreError(UserFacingError):
    """The database cannot be used as asked; the message says why and what to do."""


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
        is_new = not path.exists() or path.stat().st_size == 0
        if is_new and readonly:
            raise StoreError(f"There is no database at {path}.")
        if not readonly and path.exists() and not os.access(path, os.W_OK):
            readonly = True  # a read-only file opens read-only; the window says so
        if is_new:
            _create_private_file(path)
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
            db._check_identity(is_new)
            if not readonly:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise StoreError(f"{path} cannot use SQLite's WAL journal (got {mode}).")
            conn.execute("PRAGMA synchronous = FULL")
            if not readonly:
                apply_migrations(conn)
            return db
        except BaseException as exc:
            if conn is not None:
                conn.close()  # a refused file must not keep an open connection behind
            if isinstance(exc, (sqlite3.DatabaseError, UnicodeDecodeError)):
                if "not a database" in str(exc).lower():
                    raise DamagedFileError(
                        f"{path} is not an imsmap database (it is not an SQLite file, or its "
                        "first page is damaged). If it is your clinic's database, restore it "
                        "from a backup.") from None
                raise environment_error(exc, path) from None
            raise

    def _check_identity(self, is_new: bool) -> None:
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if is_new:
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            return
        if app_id != APPLICATION_ID:
            tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise StoreError(f"{self.path} is an SQLite database, but not an imsmap one.")
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer imsmap (database schema {version}); "
                f"this imsmap {__version__} reads schema {SCHEMA_VERSION} and older. "
                "Update imsmap to open it.")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # -- writing ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT; everything or nothing."""
        if self.readonly:
            raise ReadOnlyError(f"{self.path} is open read-only; nothing can be changed.")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise environment_error(exc, self.path) from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
            terms_of(self.conn).committed()
        except BaseException as exc:
            terms_of(self.conn).rolled_back()
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.DatabaseError):
                raise environment_error(exc, self.path) from exc
            raise

    # -- reading ---------------------------------------------------------------------------
    # A damaged file (or one another program holds) is StoreError; any other SQLite error is
    # a bug in the query and stays what it is (stored_data_error).
    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        try:
            cur = self.conn.execute(sql, params)
            cur.row_factory = sqlite3.Row
            return cur.fetchall()
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            _refuse_stored(exc, self.path)
            raise

    def query_one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        try:
            cur = self.conn.execute(sql, params)
            cur.row_factory = sqlite3.Row
            return cur.fetchone()
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            _refuse_stored(exc, self.path)
            raise


def _check_path(path: Path, *, create: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file; give a file name.")
    parent = path.parent
    if not parent.exists():
        raise StoreError(f"The folder {parent} does not exist; create it first or choose another.")
    if not parent.is_dir():
        raise StoreError(f"{parent} is not a folder.")
    if not path.exists() and not create:
        raise StoreError(f"There is no database at {path}.")
    if path.exists() and not os.access(path, os.R_OK):
        raise StoreError(f"{path} cannot be read (permission denied).")
    fs = _filesystem_type(parent)
    if fs in _NETWORK_FS:
        raise StoreError(
            f"{path} is on a network share ({fs}). SQLite's locking does not work reliably over "
            "a network file system and records could be corrupted; keep the database on this "
            "computer's own disk.")


def _create_private_file(path: Path) -> None:
    """Create the database file readable by its owner only (mode 600 on POSIX)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
        if sys.platform != "win32":
            os.chmod(path, 0o600)
    except OSError as exc:
        raise StoreError(f"{path} cannot be created ({exc.strerror}).") from None


MOUNTS_TABLE = Path("/proc/mounts")  # the kernel's mount table, on Linux


def _filesystem_type(folder: Path) -> str | None:
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


_DAMAGE_WORDS = ("not a database", "malformed", "file is encrypted",
                 "could not decode to utf-8")


def damaged(path: Path, detail: str) -> DamagedFileError:
    """The sentence for a file that cannot be read faithfully."""
    return DamagedFileError(f"{path} is damaged ({detail}); it cannot be read faithfully. "
                            "Keep it as it is and restore the latest good backup "
                            "(imsmap restore).")


def stored_data_error(exc: BaseException, path: Path) -> UserFacingError | None:
    """What a failed read means for the user: the file is damaged, busy, unreadable; None when
    the error is the code's own (a wrong query, a closed connection): a bug, raised as it is.

    A UnicodeDecodeError out of sqlite3 is SQLite's own report of a problem, quoting bytes of
    the damaged file that are not text."""
    if isinstance(exc, UnicodeDecodeError):
        return damaged(path, "SQLite's report of the problem quotes bytes that are not text")
    if not isinstance(exc, sqlite3.DatabaseError) or isinstance(exc, sqlite3.ProgrammingError):
        return None
    low = str(exc).lower()
    if any(w in low for w in _DAMAGE_WORDS + ("locked", "busy", "disk i/o", "unable to open",
                                              "disk is full", "disk full")):
        return environment_error(exc, path)
    if "no such table" in low or "no such column" in low:
        found = schema_damage(path)
        return damaged(path, found) if found else None
    return None


def _refuse_stored(exc: BaseException, path: Path) -> None:
    """Raise the user's sentence for a failed read; return (the caller re-raises) for a bug."""
    error = stored_data_error(exc, path)
    if error is not None:
        raise error from None


def environment_error(exc: sqlite3.DatabaseError | UnicodeDecodeError,
                       path: Path) -> UserFacingError:
    if isinstance(exc, UnicodeDecodeError):
        return stored_data_error(exc, path)  # type: ignore[return-value]
    text = str(exc)
    low = text.lower()
    if "signed session is locked" in low:  # the trigger's words; before "locked" below
        return ReadOnlyError("This session is signed and locked; add an amendment instead.")
    if "locked" in low or "busy" in low:
        return StoreError(
            f"The database {path.name} is busy in another imsmap window or program; "
            "nothing was changed. Try again in a moment.")
    if "disk is full" in low or "disk full" in low:
        return StoreError(
            f"The disk holding {path.name} is full; nothing was changed. Free some space and "
            "try again.")
    if "readonly" in low or "read-only" in low:
        return ReadOnlyError(f"{path.name} is read-only; nothing was changed.")
    if "never changed" in low or "only a signed session is amended" in low:
        return ReadOnlyError(f"{text[0].upper()}{text[1:]}; nothing was changed.")
    if "never deleted" in low or "append-only" in low:
        return ReadOnlyError(f"Clinical records cannot be deleted ({text}).")
    if "could not decode to utf-8" in low:
        return damaged(path, _short(text))
    if any(w in low for w in _DAMAGE_WORDS):
        return DamagedFileError(
            f"{path} is damaged or not an imsmap database ({_short(text)}). Restore it from a "
            "backup.")
    if "disk i/o" in low or "unable to open" in low:
        return StoreError(f"{path} could not be read or written ({_short(text)}); nothing was "
                          "changed.")
    if isinstance(exc, sqlite3.IntegrityError):
        return StoreError(f"The change was refused by the database ({text}); nothing was changed.")
    return StoreError(f"The database {path.name} reported an error: {_short(text)}.")


def _short(text: str) -> str:
    """SQLite's words, without the damaged text it may quote (a patient's notes...)."""
    undecodable = re.match(r"Could not decode to UTF-8 column '([^']*)'", text)
    if undecodable:
        return f"a stored text in column {undecodable.group(1)} is not valid UTF-8"
    text = " ".join(text.split())  # one line: the schema SQLite quotes may hold line breaks
    return text if len(text) <= 120 else text[:100] + "…"
