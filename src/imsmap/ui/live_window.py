"""The window among the other rooms of a clinic server: what they change arrives here within a
second, and the session shown is edited only while this room holds it.

`LiveWindow` is made by the window on a server only (`LiveWindow.on_server`, None on an SQLite
file). It owns the room's parts (services.live.room_of): the listener (ui.live_rooms.LiveRooms,
a thread of its own putting other rooms' changes on this window's change bus, caches first,
then views; after a reconnect it reads what changed since its last known point) and the hold
banner (ui.hold_banner.HoldBanner, above the session's sites). The window tells it which
session it shows (`show_session`); it tells the window when this room may or may no longer
edit that session (`editable_changed`), when too much changed while the connection was down
(`everything`), and says what happened in the status bar. `close` stops the listener's thread
and lets go of the hold.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from imsmap.domain.errors import UserFacingError
from imsmap.domain.models import Session
from imsmap.services import live
from imsmap.services.records import Records
from imsmap.services.room_hold import Hold
from imsmap.ui.hold_banner import HoldBanner
from imsmap.ui.live_rooms import LiveRooms
from imsmap.ui.window_settings import ROOM
from imsmap.ui.wording import said

log = logging.getLogger(__name__)


def room_name() -> str:
    """This computer's room: the setting (server/room), else the computer's host name."""
    name = ROOM.read().strip() or socket.gethostname().strip() or "imsmap"
    return name[:80]


class LiveWindow(QObject):
    editable_changed = Signal(bool)  # this room may (True) or may no longer edit the session
    everything = Signal()  # too much changed while away: read everything again

    def __init__(self, records: Records, room: live.Room, show_message: Callable[[str], None],
                 show_error: Callable[[str], None], parent: QObject | None = None):
        super().__init__(parent)
        self.records = records
        self.room = room
        self.show_message = show_message
        self.show_error = show_error
        self.banner = HoldBanner(room.hold, show_error)
        self.rooms = LiveRooms(records.bus, room.feed, self)
        self.rooms.holds_changed.connect(self.banner.hold_moved)
        self.rooms.everything.connect(self.everything)
        self.rooms.connection_changed.connect(self._connection_changed)
        self.banner.editable_changed.connect(self.editable_changed)
        self.banner.lost.connect(self._lost)
        self.listening = False
        self._closed = False

    @classmethod
    def on_server(cls, records: Records, show_message: Callable[[str], None],
                  show_error: Callable[[str], None], parent: QObject | None = None
                  ) -> LiveWindow | None:
        """The window's live part on a clinic server, listening already; None on a file."""
        room = live.room_of(records, room_name())
        if room is None:
            return None
        made = cls(records, room, show_message, show_error, parent)
        made.start()
        return made

    def start(self) -> None:
        try:
            self.rooms.start()
            self.listening = True
        except UserFacingError as exc:  # the server is gone already: said, and tried again
            self.show_error(self.tr("Changes made in other rooms do not arrive in this window: "
                                    "{reason}").format(reason=said(exc)))
            log.warning("live rooms not started: %s", exc.message)

    def show_session(self, session: Session | None) -> None:
        """The window shows ``session``: hold it if it is a draft (or learn who does); a
        signed session (or none) needs no hold, and the one held before is let go."""
        if self._closed:
            return
        draft = session is not None and not session.is_signed and not self.records.read.readonly
        self.banner.set_session(session.id if draft and session is not None else None)

    @property
    def editable(self) -> bool:
        return self.banner.editable

    def _lost(self, hold: Hold) -> None:
        self.show_error(self.tr("{login} took this session over in {room}; it is read-only here "
                                "now.").format(login=hold.held_by, room=hold.room))

    def _connection_changed(self, error: str) -> None:
        if error:
            self.show_error(self.tr("The connection to the clinic server was lost; changes from "
                                    "other rooms will arrive once it is back ({reason}).").format(
                                        reason=error))
        else:
            self.show_message(self.tr("Connected to the clinic server again; what changed "
                                      "meanwhile has been read."))

    def close(self) -> None:
        """Stop listening (the thread ends) and let go of the session's hold."""
        if self._closed:
            return
        self._closed = True
        self.banner.timer.stop()
        self.banner.wait_timer.stop()
        self.rooms.stop()
        self.room.close()
