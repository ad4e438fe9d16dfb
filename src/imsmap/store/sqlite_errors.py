"""What an SQLite error means, read from its error code (``sqlite_errorcode``, Python 3.11),
never from its message: SQLite's wording changes between versions, and a message can quote a
damaged file's bytes or a record's text.

`fault_of` sorts an exception into a `Fault`. Every fault but `Fault.BUG` is something the user
or the environment did (another program holds the file, the disk is full, the file is damaged...)
and gets one plain sentence (`store.db.user_error`); `Fault.BUG` is the code's own mistake (a
wrong query, a closed connection, a constraint the services should have checked, a code this
module does not know) and reaches the crash dialog as a bug, with its log.
"""

from __future__ import annotations

import enum
import sqlite3

# SQLite's primary result codes (https://sqlite.org/rescode.html); an extended code carries its
# primary code in its low 8 bits.
SQLITE_ERROR = 1
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_INTERRUPT = 9  # sqlite3_interrupt or a progress handler asked to stop: ours, or a bug
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_PROTOCOL = 15
SQLITE_CONSTRAINT = 19
SQLITE_NOLFS = 22
SQLITE_NOTADB = 26
# The extended code of RAISE(ABORT, ...) in a trigger: the file's own protections of the record
# (a signed session is locked, clinical rows are never deleted, the audit trail is append-only).
SQLITE_CONSTRAINT_TRIGGER = SQLITE_CONSTRAINT | (7 << 8)
# The other constraints a row can break (a backup journal that does not fit its full backup).
SQLITE_CONSTRAINT_CHECK = SQLITE_CONSTRAINT | (1 << 8)
SQLITE_CONSTRAINT_FOREIGNKEY = SQLITE_CONSTRAINT | (3 << 8)
SQLITE_CONSTRAINT_NOTNULL = SQLITE_CONSTRAINT | (5 << 8)
SQLITE_CONSTRAINT_PRIMARYKEY = SQLITE_CONSTRAINT | (6 << 8)
SQLITE_CONSTRAINT_UNIQUE = SQLITE_CONSTRAINT | (8 << 8)
# The write-ahead log's -shm could not be made larger: on a full disk (SQLite's own docs), where
# "disk I/O error" sent the user looking for a failing disk instead of freeing space.
SQLITE_IOERR_SHMSIZE = SQLITE_IOERR | (19 << 8)
# The folder takes no new file, so the write-ahead log's -wal and -shm cannot be made beside the
# database: even reading a WAL database needs them (read-only media, a folder without write
# permission). Said apart: "the file is read-only" sent the user to the file's permissions.
SQLITE_READONLY_DIRECTORY = SQLITE_READONLY | (6 << 8)


class Fault(enum.Enum):
    BUSY = "busy"  # another connection holds the lock past the busy timeout
    FULL = "full"  # the disk (or the file-size limit) is full
    READ_ONLY = "read-only"  # the file, its folder or the medium cannot be written
    DAMAGED = "damaged"  # SQLite found the file corrupt, or a stored text is not text
    NOT_A_DATABASE = "not a database"  # not an SQLite file, or its first page is damaged
    IO = "i/o"  # the operating system failed a read or write, or the file cannot be opened
    NO_MEMORY = "no memory"
    PROTECTED = "protected"  # a trigger of the schema refused the change
    BUG = "bug"  # the code's own mistake, or a code not listed here


_BY_PRIMARY = {
    SQLITE_BUSY: Fault.BUSY, SQLITE_LOCKED: Fault.BUSY, SQLITE_PROTOCOL: Fault.BUSY,
    SQLITE_FULL: Fault.FULL,
    SQLITE_READONLY: Fault.READ_ONLY,
    SQLITE_CORRUPT: Fault.DAMAGED,
    SQLITE_NOTADB: Fault.NOT_A_DATABASE,
    SQLITE_IOERR: Fault.IO, SQLITE_CANTOPEN: Fault.IO, SQLITE_PERM: Fault.IO,
    SQLITE_NOLFS: Fault.IO,
    SQLITE_NOMEM: Fault.NO_MEMORY,
}


def error_code(exc: BaseException) -> int | None:
    """SQLite's extended result code carried by ``exc``, or None (not from SQLite itself)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code if isinstance(code, int) else None


def fault_of(exc: BaseException) -> Fault:
    """What ``exc`` (raised by sqlite3) means; `Fault.BUG` for anything not known to be the
    user's or the environment's.

    Two errors carry no SQLite code and are still the file's, recognised by their type:
    - UnicodeDecodeError: SQLite's error message quotes bytes of a damaged file that are not
      text, and sqlite3 cannot decode the message itself;
    - sqlite3.OperationalError without a code: the one the sqlite3 module raises on its own
      while fetching rows, for a stored text that is not valid UTF-8 (Python 3.11's
      Modules/_sqlite/cursor.c; tests/test_sqlite_errors.py keeps this true).
    A ProgrammingError, InterfaceError or any other error without a code is a bug.
    """
    if isinstance(exc, UnicodeDecodeError):
        return Fault.DAMAGED
    if not isinstance(exc, sqlite3.DatabaseError) or isinstance(exc, sqlite3.ProgrammingError):
        return Fault.BUG
    code = error_code(exc)
    if code is None:
        return Fault.DAMAGED if type(exc) is sqlite3.OperationalError else Fault.BUG
    if code == SQLITE_CONSTRAINT_TRIGGER:
        return Fault.PROTECTED
    if code == SQLITE_IOERR_SHMSIZE:
        return Fault.FULL
    return _BY_PRIMARY.get(code & 0xFF, Fault.BUG)


def interrupted(exc: BaseException) -> bool:
    """SQLite stopped a statement because this process asked it to (store.upgrade's progress
    handler); not a fault of the file."""
    code = error_code(exc)
    return code is not None and code & 0xFF == SQLITE_INTERRUPT


def folder_read_only(exc: BaseException) -> bool:
    """SQLite could not make its working files (-wal, -shm) in the database's folder."""
    return error_code(exc) == SQLITE_READONLY_DIRECTORY


def may_be_schema_damage(exc: BaseException) -> bool:
    """SQLITE_ERROR: the query is wrong, or it named a table or column the file has lost.
    Only the file's schema can tell (`store.damage.schema_damage`); the message is not asked."""
    code = error_code(exc)
    return code is not None and code & 0xFF == SQLITE_ERROR
