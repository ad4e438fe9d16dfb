"""A write held or told at one statement of its transaction, for the child processes of the race
and kill tests (tests/test_second_writer_processes.py, test_settings_processes.py,
test_killed_writes*.py), whose scripts import it (test_signing_processes.python puts this
folder on their path).

    held_writes.trace(records.db.conn, how)                   hold at COMMIT, tell at BEGIN
    held_writes.trace(conn, how, hold_at="INSERT INTO audit_head")   hold at the last write
    held_writes.trace_every_connection(how)                   every connection opened after

``how`` "hold": at the statement that starts with ``hold_at`` (every row of the write written,
nothing committed) print "inside" and wait for a line on stdin (the test lets it go on, or
kills it there). ``how`` "tell": print "asks" when the write asks for the write lock (BEGIN
IMMEDIATE: it has read the record by then). Anything else: neither.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from typing import Any


def statement_hook(how: str, hold_at: str = "COMMIT") -> Callable[[str], None]:
    def statement(sql: str) -> None:
        if how == "hold" and sql.startswith(hold_at):
            print("inside", flush=True)
            sys.stdin.readline()
        elif how == "tell" and sql == "BEGIN IMMEDIATE":
            print("asks", flush=True)

    return statement


def trace(conn: sqlite3.Connection, how: str, hold_at: str = "COMMIT") -> None:
    """Hold or tell the writes of ``conn`` (see the module)."""
    conn.set_trace_callback(statement_hook(how, hold_at))


def trace_every_connection(how: str, hold_at: str = "COMMIT") -> None:
    """As `trace`, for every SQLite connection the process opens from now on (a command that
    opens its own: `imsmap backup`)."""
    real = sqlite3.connect
    hook = statement_hook(how, hold_at)

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real(*args, **kwargs)
        conn.set_trace_callback(hook)
        return conn

    sqlite3.connect = connect  # type: ignore[assignment]
