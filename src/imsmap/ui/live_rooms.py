"""Live rooms in the window: what other rooms change reaches this window's change bus, on the
GUI thread, without the window ever waiting for the server.

services.live.LiveChanges listens on a thread of its own; each batch it hears is emitted here
as a signal, which Qt queues to this object's (the GUI) thread, where the changes are published
on the bus: the patient histories (CACHE tier) first, then every panel (VIEW tier), exactly as
for a change made in this room. A batch that says too much changed while the connection was
down asks for everything to be read again (``everything``); holds and the connection's state
have signals of their own for whoever shows them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from imsmap.services.changes import ChangeBus
from imsmap.services.live import Batch, ChangeFeed, LiveChanges, publish


class LiveRooms(QObject):
    arrived = Signal(object)  # a Batch, emitted on the listening thread
    everything = Signal()  # read everything again
    holds_changed = Signal(object)  # a session id, or None for any
    # The services' sentence while disconnected (an object: a str signal would turn it into
    # its English text before the window says it in its language); "" when back.
    connection_changed = Signal(object)

    def __init__(self, bus: ChangeBus, feed: ChangeFeed, parent: QObject | None = None,
                 held_back: Callable[[], bool] = lambda: False):
        super().__init__(parent)
        self.bus = bus
        self.feed = feed
        # True while the window cannot read (its own connection is being made again): the
        # changes are not put on the bus then, since the window reads everything once back.
        self.held_back = held_back
        self.live = LiveChanges(feed, self.arrived.emit)
        self._stopped = False
        self.arrived.connect(self._on_batch, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(lambda *_: self.live.stop())

    def start(self) -> None:
        """Listen from now on: the listener connects on its own thread, never this one; a
        server that cannot be reached is said by ``connection_changed``, and tried again."""
        self.live.start()

    def stop(self) -> None:
        self._stopped = True  # a batch still queued to this thread is dropped
        self.live.stop()

    def _on_batch(self, batch: Batch) -> None:
        if self._stopped:
            return
        if batch.state_changed:  # first: back, the window's own connection is asked first
            self.connection_changed.emit(batch.error or "")
        if not self.held_back():
            publish(self.bus, batch)
        for session_id in dict.fromkeys(batch.holds):
            self.holds_changed.emit(session_id)
        if batch.everything:
            self.everything.emit()
