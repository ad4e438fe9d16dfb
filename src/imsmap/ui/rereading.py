"""A window reads the record again when another program or computer wrote to it: each time it
becomes the active window it asks whether the record moved on since its last look
(`RecordQueries.data_version`: SQLite's PRAGMA data_version on a file, the server's count of
commits on a clinic server), and re-reads only then. Changes made through this window's own
connection reach its panels through the change bus (ui.listening) instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from imsmap.services.queries import RecordQueries


class Rereading(QObject):
    """For `window` on the records `read`: `moved_on` says whether to read again;
    `reread(False)` (the window's own refresh) is called whenever the window becomes active."""

    def __init__(self, window: QWidget, read: RecordQueries,
                 reread: Callable[[bool], object]):
        super().__init__(window)
        self.window = window
        self.read = read
        self.reread = reread
        self._seen = read.data_version()
        window.installEventFilter(self)

    def moved_on(self, force: bool) -> bool:
        """True when the record changed since the last look (with `force`, whenever it can
        be read); False when it did not, or the connection is gone (closing)."""
        version = self.read.data_version()
        if version is None or (not force and version == self._seen):
            return False
        self._seen = version
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if (watched is self.window and event.type() == QEvent.Type.ActivationChange
                and self.window.isActiveWindow()):
            self.reread(False)
        return False
