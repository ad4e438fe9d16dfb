"""The words a record repeats millions of times, stored once (schema 4).

A muscle id, a chart view, a layer, a tissue feel, a login name: in a decade of records each is
written millions of times. Since schema 4 the sites table and new audit entries hold the small
integer id of a row in ``terms`` instead of the word, and the word is stored once. Terms are
append-only (triggers refuse UPDATE and DELETE), so an id means the same word for the life of the
file; the audit chain hashes the word, not the id (``store.audit``), so a term changed around
the app breaks the chain.

``Terms`` keeps both directions in memory. A word first used inside a transaction that is rolled
back must not stay cached with an id that no longer exists: ``Database.transaction`` tells the
cache (``committed`` / ``rolled_back``); words added on a bare connection are not cached.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from imsmap.store.dialect import RecordConnection, dialect_of


class Terms:
    def __init__(self, conn: RecordConnection, *, cache: bool = True):
        self.conn = conn
        self.cache = cache
        self._ids: dict[str, int] = {}
        self._texts: dict[int, str] = {}
        self._fresh: dict[str, int] = {}  # added in the open transaction, not yet committed

    def id(self, text: str) -> int:
        """The id of ``text``, adding it if it is new; call inside a write transaction."""
        found = self.maybe_id(text)
        if found is not None:
            return found
        if dialect_of(self.conn).returning:
            row_id = self._server_id(text)
        else:
            row_id = dialect_of(self.conn).insert(self.conn, "INSERT INTO terms (text) VALUES (?)",
                                                  (text,))
        if self.cache:
            self._fresh[text] = row_id
        return row_id

    def _server_id(self, text: str) -> int:
        """On the clinic server another room may add the same word at the same moment: the
        second insert waits for the first and then takes its id."""
        row = self.conn.execute("INSERT INTO terms (text) VALUES (?) ON CONFLICT (text)"
                                " DO NOTHING RETURNING id", (text,)).fetchone()
        if row is None:
            row = self.conn.execute("SELECT id FROM terms WHERE text = ?", (text,)).fetchone()
        return int(row[0])

    def maybe_id(self, text: str) -> int | None:
        """The id of ``text`` if the word is known, without adding it (for queries)."""
        found = self._ids.get(text)
        if found is None:
            found = self._fresh.get(text)
        if found is not None:
            return found
        row = self.conn.execute("SELECT id FROM terms WHERE text = ?", (text,)).fetchone()
        if row is None:
            return None
        if self.cache:
            # Not added by this transaction (that would be in _fresh): committed, so it stays.
            self._remember(text, int(row[0]))
        return int(row[0])

    def known(self) -> dict[int, str]:
        """id -> word as far as the cache knows (may lack words added since; see ``all``)."""
        if not self.cache:
            return self.all()
        if not self._texts and not self.conn.in_transaction:
            self.reload()
        return self._texts

    def all(self) -> dict[int, str]:
        """id -> word for every term this connection can see, read now."""
        if self.cache and not self.conn.in_transaction:
            self.reload()
            return self._texts
        return dict(self.conn.execute("SELECT id, text FROM terms"))

    def reload(self) -> None:
        """Learn every committed term (outside a transaction only; terms are append-only)."""
        for term_id, text in self.conn.execute("SELECT id, text FROM terms"):
            self._remember(text, term_id)

    def _remember(self, text: str, term_id: int) -> None:
        self._ids[text] = term_id
        self._texts[term_id] = text

    # -- told by Database.transaction ------------------------------------------------------
    def committed(self) -> None:
        for text, term_id in self._fresh.items():
            self._remember(text, term_id)
        self._fresh.clear()

    def rolled_back(self) -> None:
        self._fresh.clear()


class Connection(sqlite3.Connection):
    """An sqlite3 connection that carries the cache of its database's terms."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.terms = Terms(self)


def terms_of(conn: sqlite3.Connection) -> Terms:
    """The connection's term cache; a bare sqlite3 connection gets an uncached reader."""
    found = getattr(conn, "terms", None)
    return found if isinstance(found, Terms) else Terms(conn, cache=False)
