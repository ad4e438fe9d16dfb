"""A window reads the record again when another program or computer wrote to it: each time it
becomes the active window (its `changeEvent`) it asks whether the record moved on since its last
look (`RecordQueries.data_version`: SQLite's PRAGMA data_version on a file, the server's count of
commits on a clinic server), and re-reads only then. Changes made through this window's own
connection reach its panels through the change bus (ui.listening) instead.

On a file, a window that is shown but not the active one also asks every FOLLOW_MS
(`follow_others`): a clinician who works in one window and reads the same patient in another
beside it (or the reception's window left open on the same PC) sees the sites, the signature,
the merge as the other window writes them, not when the window is next clicked. A clinic
server's window hears the other rooms instead (ui.live_rooms). The active window is not asked
on a timer: its user is working in it (a field being typed in, a marker dragged), and what
another program wrote meanwhile comes to it when a write of its own is refused (the window's
`show_error`), and before it signs or amends: Sign session…, Add amendment… and Add photo… on a
signed session ask first (ui.session_actions, ui.photo_strip), and an amendment added while
the amendment dialog (or the photo's) is open refuses that dialog's until it has been shown
(services.amending.check_unseen).

Not an event filter on the window: a filter is still asked about the events a window gets while
it is being destroyed, when its Python side may be gone already.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

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


FOLLOW_MS = 2000  # how often a window beside the active one looks for others' writes


def follow_others(window: QWidget, reread: Callable[[], object]) -> QTimer:
    """Call `reread` every FOLLOW_MS while `window` is shown and not the active window, and
    nothing of its own is under way (a dialog of this program's, a mouse button held)."""
    timer = QTimer(window)
    timer.setInterval(FOLLOW_MS)

    def look() -> None:
        if (window.isVisible() and not window.isMinimized() and not window.isActiveWindow()
                and QApplication.activeModalWidget() is None
                and QApplication.activePopupWidget() is None
                and QApplication.mouseButtons() == Qt.MouseButton.NoButton):
            reread()

    timer.timeout.connect(look)
    timer.start()
    return timer
