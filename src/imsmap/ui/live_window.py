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

The window never waits for a server that is gone: its own connection, when lost, is made again
on a thread of its own (ui.server_link.Reconnection, shared with the desk window). Meanwhile
each gesture is refused at once with one sentence (nothing of it was sent), and
``status_label``, which the window puts in its status bar, says it is connecting again (the
listener's lost connection shows there too). When the connection is back the session's hold is
asked for again and the whole window reads again (`everything`); the listener has read what
other rooms changed since its last known point.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from imsmap.domain.models import Session
from imsmap.services import live
from imsmap.services.records import Records
from imsmap.services.room_hold import Hold
from imsmap.ui.file_holds_window import FileWindowHolds
from imsmap.ui.hold_banner import HoldBanner
from imsmap.ui.live_rooms import LiveRooms
from imsmap.ui.server_link import Reconnection
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
                 show_error: Callable[[object], None], parent: QObject | None = None):
        super().__init__(parent)
        self.records = records
        self.room = room
        self.show_message = show_message
        self.show_error = show_error
        self.banner = HoldBanner(room.hold, show_error, show_message=show_message)
        self.connection = Reconnection(room.link, self)
        self.banner.cut_off = lambda: self.connection.cut_off
        # While the server cannot be reached: a mark in the status bar (the window adds it).
        self.status_label = self.connection.status_label
        self.rooms = LiveRooms(records.bus, room.feed, self,
                               held_back=lambda: self.connection.cut_off)
        self.rooms.holds_changed.connect(self.banner.hold_moved)
        self.rooms.everything.connect(self.everything)
        self.rooms.connection_changed.connect(self._connection_changed)
        self.banner.editable_changed.connect(self.editable_changed)
        self.banner.lost.connect(self._lost)
        self.banner.freed.connect(self._freed)
        self._closed = False
        self._ended_hold: Hold | None = None  # lost with the connection, told once it is back
        self.connection.lost.connect(self._window_lost)
        self.connection.back.connect(self._window_back)

    @classmethod
    def on_server(cls, records: Records, show_message: Callable[[str], None],
                  show_error: Callable[[object], None], parent: QObject | None = None
                  ) -> LiveWindow | None:
        """The window's live part on a clinic server, listening already; None on a file."""
        room = live.room_of(records, room_name())
        if room is None:
            return None
        made = cls(records, room, show_message, show_error, parent)
        made.start()
        return made

    def start(self) -> None:
        """Listen from now on: the listener connects on its own thread (the window never
        waits for it); a first connection that fails is said, and tried again."""
        self.rooms.start()

    @property
    def listening(self) -> bool:
        """The listener is connected now."""
        return self.rooms.feed.connected

    def show_session(self, session: Session | None) -> None:
        """The window shows ``session``: hold it if it is a draft (or learn who does); a
        signed session, a withdrawn draft (or none) needs no hold, and the one held before is let go."""
        if self._closed:
            return
        draft = session is not None and not session.is_signed and not session.retracted \
            and not self.records.read.readonly  # a withdrawn draft is locked: no hold
        self.banner.set_session(session.id if draft and session is not None else None)

    @property
    def editable(self) -> bool:
        return self.banner.editable

    def _lost(self, hold: Hold) -> None:
        """Another room has this room's session now: said at once; if this room's hold ended
        with its connection, kept to be said again, last, once the connection is back."""
        if self.room.hold.ended:
            self._ended_hold = hold
        self._say_lost(hold)

    def _say_lost(self, hold: Hold) -> None:
        if self.room.hold.ended:
            # Nobody took it over: this room's hold ended with its connection (it hung inside
            # a write, or the connection was lost) and the other room opened the free draft.
            self.show_error(self.tr(
                "This room's hold on this session ended with its connection to the clinic "
                "server (imsmap stopped answering, or the connection was lost), and {login} "
                "has opened it in {room} since; it is read-only here now. What was saved here "
                "before is kept.").format(login=hold.held_by, room=hold.room))
        else:
            self.show_error(self.tr("{login} took this session over in {room}; it is read-only "
                                    "here now.").format(login=hold.held_by, room=hold.room))

    def _freed(self, hold: Hold) -> None:
        self.show_message(self.tr("{login} no longer has this session open in {room}; it can be "
                                  "edited here now.").format(login=hold.held_by, room=hold.room))

    def _connection_changed(self, error: object) -> None:
        """The listener's connection was lost (a sentence) or is back ("")."""
        if self._closed:
            return
        self.connection.other_changed(error or None)
        if error and not self.rooms.feed.opened_once:  # the server was gone already
            self.show_error(self.tr("Changes made in other rooms do not arrive in this window: "
                                    "{reason}").format(reason=said(error)))
            log.warning("live rooms not started: %s", error)
            return
        if error:
            self.show_error(self.tr("The connection to the clinic server was lost; changes from "
                                    "other rooms will arrive once it is back ({reason}).").format(
                                        reason=said(error)))
            return
        # The server is back: the window's own connection may have died meanwhile (a
        # restart ends every connection); one small question finds it out now, and it is
        # then made again elsewhere, before a gesture of the person's meets it.
        if self.room.link.check() and not self.connection.window_down:
            self.show_message(self.tr("Connected to the clinic server again; what changed "
                                      "meanwhile has been read."))

    def _window_lost(self) -> None:
        """The window's own connection is being made again: the hold waits."""
        if not self._closed:
            self.banner.paused = True

    def _window_back(self) -> None:
        """The window's own connection is back (taken on this thread)."""
        if self._closed:
            return
        self.banner.paused = False
        # Asked again below, the hold may be found to have ended with the old connection:
        # `_lost` says so at once and keeps it in `_ended_hold`, to be said again last.
        self._ended_hold = None
        self.banner.hold_moved(None)  # the hold ended with the old connection: ask again
        self.everything.emit()  # read everything again: what other rooms did meanwhile
        ended, self._ended_hold = self._ended_hold, None
        if ended is None:
            self.show_message(self.tr("Connected to the clinic server again; what changed "
                                      "meanwhile has been read."))
        else:
            # Another room has the draft now: said last. Said in `_lost` only, "Refreshed
            # from the database" and "Connected ... again" took its place at once, and the
            # room was never told why it reads only.
            self._say_lost(ended)

    @property
    def reconnecting(self) -> bool:
        """The window's connection, or its listener's, is being made again."""
        return self.connection.reconnecting

    def close(self) -> None:
        """Stop listening (the thread ends) and let go of the session's hold."""
        if self._closed:
            return
        self._closed = True
        self.banner.timer.stop()
        self.banner.wait_timer.stop()
        self.rooms.stop()
        self.room.close()  # the hold first, while a lost connection is refused at once
        self.connection.close()



# The window's part among the others: the rooms of a clinic server (this module, made by the
# window on a server only), or the other windows on one file (ui.file_holds_window)
WindowRooms = LiveWindow | FileWindowHolds
