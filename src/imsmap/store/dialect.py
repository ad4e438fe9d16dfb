"""What differs between the two backends' SQL, said once: the SQLite file and the clinic server
(PostgreSQL, store/postgres/) run the same Repository, the same audit reader and the same
services, and where their SQL cannot be the same the Repository asks its connection's dialect.

The differences, and only these:
- a new row's id: SQLite's ``lastrowid``, PostgreSQL's ``RETURNING id``;
- case-insensitive order and match: SQLite's NOCASE collation and its ASCII-folding LIKE, the
  server's ``lower()`` and ILIKE;
- a list of ids in one column: ``group_concat`` / ``string_agg``;
- "has anyone written since I last looked": SQLite's PRAGMA data_version, the server's audit
  head (every write appends an entry there);
- a statement planned with its values: SQLite plans every statement the same whatever its
  values; the server's connection can prepare a statement run often, whose generic plan cannot
  make a LIKE's prefix an index range (``planned_with_values``: patient search);
- the audit trail: in a file the client links each entry and stores words as term ids; on the
  server the server's triggers number, time, sign and link each entry, and keep the words
  (``server_audit``: store/audit.py hands the trail to store/postgres/trail.py).

Placeholders are not among them: the server's connection (store/postgres/database.py) takes
SQLite's ``?`` and binds it as PostgreSQL's own, so every query is written once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any, Protocol


class Cursor(Protocol):
    lastrowid: int | None

    def fetchone(self) -> Any: ...


class Executes(Protocol):
    def execute(self, sql: str, params: Any = ..., /) -> Any: ...


class RecordCursor(Protocol):
    """What a statement's result gives on either backend (sqlite3's cursor, psycopg's)."""

    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class RecordRow(Protocol):
    """A row read by position or by column name: sqlite3.Row, or the server's
    (store/postgres/database.Row). A column's value is whatever the column holds."""

    def __getitem__(self, key: int | str, /) -> Any: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Any]: ...
    def keys(self) -> list[str]: ...


class RecordConnection(Protocol):
    """What the Repository, the terms and the audit reader ask of a connection: an sqlite3
    connection, or the clinic server's (store/postgres/database.ServerConnection), which takes
    the same SQL with ? placeholders."""

    def execute(self, sql: str, params: Any = ..., /) -> RecordCursor: ...
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> object: ...
    @property
    def in_transaction(self) -> bool: ...


@dataclass(frozen=True)
class Dialect:
    name: str
    returning: bool  # a new row's id comes back with RETURNING id (else lastrowid)
    nocase_collation: bool  # "x COLLATE NOCASE" (else lower(x))
    like: str  # the operator matching ASCII letters in either case
    server_audit: bool  # the server writes the audit chain (store/postgres/trail.py)

    def insert(self, conn: Executes, sql: str, params: tuple[Any, ...]) -> int:
        """Run an INSERT of one row; the id the database gave it."""
        if self.returning:
            row = conn.execute(sql + " RETURNING id", params).fetchone()
            return int(row[0])
        cur = conn.execute(sql, params)
        if cur.lastrowid is None:  # never after an INSERT that succeeded
            raise RuntimeError("SQLite gave the inserted row no id")
        return int(cur.lastrowid)

    def nocase(self, column: str) -> str:
        """An expression of ``column`` that orders and compares ASCII letters caselessly."""
        return f"{column} COLLATE NOCASE" if self.nocase_collation else f"lower({column})"

    def id_list(self, column: str) -> str:
        """An aggregate of ``column``'s integers as one comma-separated text."""
        return f"group_concat({column})" if self.name == "sqlite" else \
            f"string_agg({column}::text, ',')"

    def planned_with_values(self, conn: object) -> AbstractContextManager[object]:
        """Around statements whose best plan depends on their values: on the server none is
        prepared (store/postgres/database.ServerConnection.planned_with_values)."""
        planned = getattr(conn, "planned_with_values", None)
        return planned() if self.name == "postgresql" and planned is not None else nullcontext()

    @property
    def data_version_sql(self) -> str:
        return "PRAGMA data_version" if self.name == "sqlite" else \
            "SELECT change_point()"


SQLITE = Dialect("sqlite", returning=False, nocase_collation=True, like="LIKE",
                 server_audit=False)
POSTGRESQL = Dialect("postgresql", returning=True, nocase_collation=False, like="ILIKE",
                     server_audit=True)


def dialect_of(conn: object) -> Dialect:
    """The dialect of a connection: the server's connection says so, any other is SQLite's."""
    found = getattr(conn, "dialect", None)
    return found if isinstance(found, Dialect) else SQLITE
