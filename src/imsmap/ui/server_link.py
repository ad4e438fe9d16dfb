"""A window's own connection to a clinic server as the window shows it: made again off the
window's thread when it is lost (services.server_link, store.postgres.reconnect), a mark in the
status bar while it is, and word when it is back so the window reads again.

Every window on a server has one: the practitioner's (through ui.live_window, which adds its
listener's state to the same mark) and the desk window (ui.desk_window: reception and the
clinic's administration). While the connection is being made again, each gesture is refused at
once with one sentence by the services themselves (nothing of it was sent); `status_label`,
which the window puts in its status bar, says it is connecting again, with the last try's
sentence as its tooltip. When a new connection is ready the window's thread takes it (between
two gestures) and `back` is emitted: the window reads again what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel

from imsmap.services.records import Records
from imsmap.services.server_link import ServerLink, link_of
from imsmap.ui.refusals import explain

RECONNECTING_STYLE = "QLabel { background: #fde2c4; color: #6b3a00; padding: 0 6px; }"


class Reconnection(QObject):
    """The window's connection being made again elsewhere, shown in its status bar."""

    lost = Signal(str)  # on the window's thread: a try failed (its sentence)
    back = Signal()  # on the window's thread: the new connection is taken, read again
    told = Signal(object)  # from any thread: a sentence while reconnecting, None: ready

    def __init__(self, link: ServerLink, parent: QObject | None = None):
        super().__init__(parent)
        self.link = link
        self.status_label = QLabel(self.tr("Connecting to the clinic server again…"))
        self.status_label.setStyleSheet(RECONNECTING_STYLE)
        self.status_label.hide()
        self.window_down = False  # the window's own connection is being made again
        self.other_down = False  # another of the window's connections (its listener) is lost
        self._closed = False
        # Queued: told on the reconnecting thread, or in the middle of a gesture.
        self.told.connect(self._told, Qt.ConnectionType.QueuedConnection)
        link.reconnect_elsewhere(self.told.emit)

    @classmethod
    def on_server(cls, records: Records, parent: QObject | None = None) -> Reconnection | None:
        """The window's reconnection on a clinic server; None on a file."""
        link = link_of(records)
        return None if link is None else cls(link, parent)

    @property
    def reconnecting(self) -> bool:
        """The window's connection, or another of its own, is being made again."""
        return self.window_down or self.other_down

    @property
    def cut_off(self) -> bool:
        """The window cannot read now: its connection is lost (whether or not it was told
        yet: the news is queued to its thread)."""
        return self.window_down or self.link.reconnecting

    def other_changed(self, error: object | None) -> None:
        """Another connection of the window's (its listener) was lost (a sentence) or is back
        (None): the same mark shows it."""
        if self._closed:
            return
        self.other_down = error is not None
        self._show(error)

    def _told(self, error: str | None) -> None:
        if self._closed:
            return
        if error is not None:
            self.window_down = True
            self._show(error)
            self.lost.emit(error)
            return
        self.link.adopt()  # unless a gesture took it already
        if self.link.reconnecting:
            return  # lost again before it was taken: a new try is under way
        self.window_down = False
        self._show(None)
        self.back.emit()

    def _show(self, reason: object | None) -> None:
        self.status_label.setVisible(self.reconnecting)
        if reason:
            explain(self.status_label, reason)

    def close(self) -> None:
        """No more word; a try under way elsewhere is abandoned."""
        self._closed = True
        self.link.close()
