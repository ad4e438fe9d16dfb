"""Live rooms: what other rooms change, heard from the clinic server and published on this
room's change bus, so every panel refreshes as it does for a change made here.

`LiveChanges` runs a store.postgres.listen.ChangeFeed on a thread of its own (its connection
is its own too) and hands each batch to ``deliver``, on that thread: the window passes a
function that queues it to the GUI thread (ui.live_rooms), where `publish` puts the changes on
the bus. Nothing here touches Qt or blocks the window.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from imsmap.domain.errors import UserFacingError
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.services.changes import SETTINGS_CHANGED, Action, Change, ChangeBus, Entity
from imsmap.services.records import Records
from imsmap.services.room_hold import OnConnection, RoomHold
from imsmap.services.server_link import ServerLink
from imsmap.store.postgres.database import ServerDatabase
from imsmap.store.postgres.listen import ChangeFeed, Notice

__all__ = ["Batch", "ChangeFeed", "LiveChanges", "Room", "batch_of", "feed", "feed_of",
           "publish", "records_feed", "room_of", "to_change"]

STOPPED = (sentence("Live", QT_TRANSLATE_NOOP(
    "Live", "Changes made in other rooms no longer arrive in this window (an error; it is in "
    "the log): close imsmap and open it again.")))
WAIT_S = 0.25  # how long the thread waits for the server before it looks at its stop flag

_ACTIONS = {a.value: a for a in Action}
_ENTITIES = {e.value: e for e in Entity}


@dataclass(frozen=True)
class Batch:
    """What arrived together: record changes, sessions whose hold moved (None: any), whether
    everything must be read again, and the connection's state (``error`` None: connected)."""

    changes: tuple[Change, ...] = ()
    holds: tuple[int | None, ...] = ()
    everything: bool = False
    error: str | None = None
    state_changed: bool = False
    heard: tuple[Notice, ...] = field(default=(), repr=False)


def feed(dsn: str, own_pids: Callable[[], set[int]] = set, point: int | None = None
         ) -> ChangeFeed:
    """What a room hears of the others' changes on the server at ``dsn`` (not yet connected);
    ``own_pids``: the server process ids of this room's writing connections, left out;
    ``point``: the audit entry from which on it hears (None: from when it first listens)."""
    return ChangeFeed(dsn, own_pids=own_pids, point=point)


@dataclass(eq=False)
class Room:
    """What a window on a clinic server needs to live among the other rooms: its feed of their
    changes, on a connection of its own signed in as the window's login, and its hold on the
    session it shows (services.room_hold), on the window's own connection (``link``, made again
    off the window's thread when lost): the hold ends when that connection does. ``close`` lets
    go of the hold."""

    feed: ChangeFeed
    hold: RoomHold
    link: ServerLink  # the window's own connection (services.server_link)

    def close(self) -> None:
        """Let go of the hold (first, while the link still refuses at once when the server is
        gone), then stop reconnecting elsewhere."""
        try:
            self.hold.close()
        except UserFacingError:
            pass  # the server is gone: the hold ended with the connection (holds.py)
        finally:
            self.link.close()


def room_of(records: Records, room: str) -> Room | None:
    """The window's Room on a clinic server (None on an SQLite file): from now on every write
    of ``records`` refuses a draft another room holds (services.unit_of_work), and
    ``records.read.held_elsewhere`` answers from this room's hold."""
    db = records.db
    if not isinstance(db, ServerDatabase):
        return None
    hold = RoomHold(OnConnection(db.conn), room)
    records.room = hold.room
    records.read.watch_holds(hold)
    return Room(records_feed(db), hold, ServerLink(db.conn))


def feed_of(records: Records) -> ChangeFeed | None:
    """What a window that holds no session (reception's, the administrator's: ui.desk_window)
    hears of the other rooms' changes; None on an SQLite file."""
    db = records.db
    return records_feed(db) if isinstance(db, ServerDatabase) else None


def records_feed(db: ServerDatabase) -> ChangeFeed:
    """The feed of ``db``'s window: signed in as its login on a connection of its own, leaving
    out what the window's own connection writes (it knows that already). From the window's
    sign-in on: the feed connects on its own thread, some time after the window has read what
    it shows, and reads what other rooms did in between."""
    def own_pids() -> set[int]:
        pid = db.backend_pid()
        return set() if pid is None else {pid}

    return feed(db.another_dsn(), own_pids, db.signed_in_point)


def to_change(notice: Notice) -> Change | None:
    """The bus's Change for a notice; None for what is not a change of the record (a hold,
    a take-over) or what this imsmap does not know."""
    if notice.entity == "settings":
        return SETTINGS_CHANGED
    entity = _ENTITIES.get(notice.entity)
    action = _ACTIONS.get(notice.action or "")
    if entity is None or action is None:
        return None
    session_id = notice.session_id
    if entity is Entity.SESSION and session_id is None:
        session_id = notice.entity_id
    return Change(action, entity, notice.entity_id or 0, session_id=session_id,
                  patient_id=notice.patient_id)


def batch_of(notices: list[Notice], error: str | None, state_changed: bool) -> Batch:
    changes: list[Change] = []
    holds: list[int | None] = []
    everything = False
    for notice in notices:
        if notice.entity == "everything":
            everything = True
        elif notice.entity == "hold":
            holds.append(notice.session_id)
        else:
            change = to_change(notice)
            if change is not None and change not in changes:
                changes.append(change)
            if notice.entity == "session" and notice.action == "take_over":
                holds.append(notice.session_id)
    return Batch(tuple(changes), tuple(holds), everything, error, state_changed, tuple(notices))


def publish(bus: ChangeBus, batch: Batch) -> None:
    """On the thread that owns the bus (the GUI thread): every change, caches first."""
    for change in batch.changes:
        bus.publish(change)


class LiveChanges:
    """The feed on its own thread; ``deliver`` gets each Batch there (never an empty one).

    The thread makes the feed's connections too, the first one included: the caller's thread
    (the window's) never waits for the server, which may not answer at all (libpq then waits
    its connect_timeout). A first connection that fails is delivered as any lost one (a Batch
    with its ``error``), and the feed tries again by itself. `stop` returns at once: the thread
    ends when what it is waiting for does, delivering nothing more, and closes the feed."""

    def __init__(self, feed: ChangeFeed, deliver: Callable[[Batch], None]):
        self.feed = feed
        self.deliver = deliver
        self._stop = threading.Event()
        self._lock = threading.Lock()  # `stop` and each delivery: nothing delivered after stop
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Connect and listen, on a thread of its own."""
        self._thread = threading.Thread(target=self._run, name="imsmap live rooms",
                                        daemon=True)
        self._thread.start()

    def _run(self) -> None:
        error = self.feed.error
        try:
            while not self._stop.is_set():
                notices = self.feed.wait(WAIT_S)
                changed = self.feed.error != error
                error = self.feed.error
                if (notices or changed) and not self._deliver(
                        batch_of(notices, error, changed)):
                    return
        except BaseException:
            # A bug: the window says that changes from other rooms no longer arrive, and the
            # exception goes on to the thread's hook (the crash log).
            self._deliver(Batch(error=STOPPED, state_changed=True))
            raise
        finally:
            self.feed.close()

    def _deliver(self, batch: Batch) -> bool:
        """``deliver(batch)``, unless stopped (False)."""
        with self._lock:
            if self._stop.is_set():
                return False
            self.deliver(batch)
            return True

    @property
    def running(self) -> bool:
        """The thread has not ended yet (it may be finishing a try after `stop`)."""
        return self._thread is not None and self._thread.is_alive()

    def stop(self, timeout: float = 0.5) -> None:
        """Stop listening: nothing is delivered from now on. Waits for the thread at most
        ``timeout`` (it looks at its stop flag every WAIT_S while connected); a connection
        being made where the server does not answer is not waited for: the thread closes it
        and ends once that try is over."""
        with self._lock:
            self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
