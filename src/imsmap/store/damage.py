"""Reading a damaged file: what SQLite reports about it, and stored values that cannot be read
back, become one sentence naming the file (DamagedFileError, which the window answers with the
latest good backup); an error of the code itself (a wrong query, a wrong argument) stays a bug.

Damage reaches the readers in three forms:
- SQLite's own errors ("database disk image is malformed", "Could not decode to UTF-8 column");
  `db.user_error` sorts them from the code's own by SQLite's error code;
- a UnicodeDecodeError out of sqlite3: SQLite's report quoting bytes of the file that are not text;
- a value of the wrong type or form in a row (a date that is not a date, a term id that names no
  word, a side that is no side): the row decoders turn that into `unreadable(table, id, ...)`.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from imsmap.domain.errors import UserFacingError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.store.db import DamagedFileError, damaged, user_error

log = logging.getLogger(__name__)

# What decoding a stored value of the wrong type or form raises (a ValidationError is a
# ValueError: a domain object refusing a stored value refuses the row).
UNDECODABLE = (ValueError, TypeError, KeyError, IndexError, OverflowError, OSError)


class UnreadableRow(DamagedFileError):
    """A row whose stored values cannot be read back. Raised by the row decoders, which do not
    know the file; `reading` adds it."""


def unreadable(table: str, row_id: object, exc: BaseException) -> UnreadableRow:
    """The sentence for a row whose stored value `exc` refused: a refusal of the domain's says
    why in its own sentence; Python's words ("ValueError: Invalid isoformat string...") are
    English and may quote the value, so the log gets the error's type and the user a sentence."""
    log.info("row %s of the %s table cannot be read back: %s", row_id, table, type(exc).__name__)
    what = exc.message if isinstance(exc, UserFacingError) else sentence(
        "StoreDamage", QT_TRANSLATE_NOOP(
            "StoreDamage", "a stored value is not of the type or form this imsmap reads"))
    row = sentence("StoreDamage", QT_TRANSLATE_NOOP("StoreDamage", "a row")) if row_id is None \
        else sentence("StoreDamage", QT_TRANSLATE_NOOP("StoreDamage", "row %1"), str(row_id))
    return UnreadableRow(sentence("StoreDamage", QT_TRANSLATE_NOOP(
        "StoreDamage", "%1 of the %2 table cannot be read back (%3)"), row, table, what))


def path_of(conn: sqlite3.Connection) -> Path:
    """The file of a connection's main database (from the connection, not from the file)."""
    try:
        return Path(conn.execute("PRAGMA database_list").fetchone()[2] or "the database")
    except (sqlite3.Error, TypeError):
        return Path("the database")


_READ_ERRORS = (UnreadableRow, sqlite3.DatabaseError, UnicodeDecodeError)


def _refusal(exc: BaseException, where: Path | sqlite3.Connection) -> BaseException | None:
    """The user's error for what a read raised, or None for a bug (raise it as it is)."""
    path = where if isinstance(where, Path) else path_of(where)
    if isinstance(exc, UnreadableRow):
        return damaged(path, exc.message)
    return user_error(exc, path)


@contextlib.contextmanager
def reading(where: Path | sqlite3.Connection) -> Iterator[None]:
    """Turn what a damaged file makes a read raise into DamagedFileError (or, for a busy or
    unreadable file, StoreError) naming the file; anything else passes as it is."""
    try:
        yield
    except _READ_ERRORS as exc:
        error = _refusal(exc, where)
        if error is None:
            raise  # the code's own mistake: a bug
        raise error from None


F = TypeVar("F", bound=Callable[..., Any])


def reads(method: F) -> F:
    """A Repository method that reads: as `reading` its database's file (without the context
    manager's cost: the history reads through these)."""
    @functools.wraps(method)
    def read(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except _READ_ERRORS as exc:
            error = _refusal(exc, self.db.path)
            if error is None:
                raise
            raise error from None
    return read  # type: ignore[return-value]
