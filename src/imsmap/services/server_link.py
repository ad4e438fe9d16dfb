"""A window's own connection to a clinic server, made again off the window's thread when it is
lost (store.postgres.reconnect): every window on a server, the practitioner's and the desk's
(reception, administration), goes through this one route, so none of them ever waits for a
server that is gone.

`link_of` gives the window's `ServerLink` (None on an SQLite file). From `reconnect_elsewhere`
on, a lost connection is made again on a thread of its own; meanwhile every read and write of
the window's services is refused at once with one sentence (nothing of it was sent). The window
is told on that thread (``told``: a sentence while trying, None once a connection is ready) and
takes the new connection on its own thread (`adopt`). ui.server_link shows all this.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from imsmap.domain.errors import UserFacingError
from imsmap.services.records import Records
from imsmap.store.postgres.connection import LOCK_WAIT_S
from imsmap.store.postgres.database import ServerConnection, ServerDatabase
from imsmap.store.postgres.reconnect import unreachable

__all__ = ["ServerLink", "link_of"]


@dataclass(eq=False)
class ServerLink:
    """The window's own server connection, the one its services read and write through."""

    conn: ServerConnection

    def reconnect_elsewhere(self, told: Callable[[str | None], None]) -> None:
        """A lost connection is made again on a thread of its own from now on: ``told``
        hears a sentence while the server cannot be reached and None when a new connection
        is ready (then call `adopt`, on the window's thread). And the window never waits
        long for another transaction's lock either: each statement waits LOCK_WAIT_S at most,
        then its write is refused with a sentence, nothing of it written."""
        self.conn.bound_lock_waits(LOCK_WAIT_S)
        self.conn.reconnect_elsewhere(told)

    @property
    def reconnecting(self) -> bool:
        """Lost, and being made again elsewhere (not yet adopted)."""
        return self.conn.reconnecting

    def adopt(self) -> bool:
        """Take the new connection, if one is ready and none is in use (True)."""
        return self.conn.adopt()

    def check(self) -> bool:
        """One small question: a connection that died without a word is found lost now, and
        made again elsewhere, before a gesture meets it. True when it answered."""
        try:
            self.conn.check()
        except UserFacingError:
            return False
        return True

    def refusal(self) -> UserFacingError:
        """What a gesture meets while the connection is being made again."""
        return unreachable()

    def close(self) -> None:
        """Back to reconnecting on the caller's thread (the window closed): a try under way
        elsewhere is abandoned."""
        self.conn.reconnect_here()


def link_of(records: Records) -> ServerLink | None:
    """The window's link to its clinic server; None on an SQLite file."""
    db = records.db
    if not isinstance(db, ServerDatabase):
        return None
    return ServerLink(db.conn)
