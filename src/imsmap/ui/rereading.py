"""A window reads the record again when another program or computer wrote to it: each time it
becomes the active window (its `changeEvent`) it asks whether the record moved on since its last
look (`RecordQueries.data_version`: SQLite's PRAGMA data_version on a file, the server's count of
commits on a clinic server), and re-reads only then. Changes made through this window's own
connection reach its panels through the change bus (ui.listening) instead.

Not an event filter on the window: a filter is still asked about the events a window gets while
it is being destroyed, when its Python side may be gone already.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from imsmap.services.queries import RecordQueries


class Rereading:
    """Whether the records `read` moved on since the last look (`moved_on`)."""

    def __init__(self, read: RecordQueries):
        self.read = read
        self._seen = read.data_version()

    def moved_on(self, force: bool) -> bool:
        """True when the record changed since the last look (with `force`, whenever it can
        be read); False when it did not, or the connection is gone (closing)."""
        version = self.read.data_version()
        if version is None or (not force and version == self._seen):
            return False
        self._seen = version
        return True


def became_active(window: QWidget, event: QEvent) -> bool:
    """`event` (given to the window's `changeEvent`) made `window` the active window."""
    return event.type() == QEvent.Type.ActivationChange and window.isActiveWindow()
