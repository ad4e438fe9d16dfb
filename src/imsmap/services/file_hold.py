"""This window's hold on the draft it has open, on a single-PC file (store.file_holds): what
services.room_hold is on a clinic server, with the same calls, so the window's hold banner
(ui.hold_banner) and its read-only state work the same on both.

Opening a draft asks for its lock: either this window gets it, or it learns who holds it (the
login, that window's user and computer, since when) and shows the draft read-only, asking
again every second until it is free. The hold ends when this window lets go (another session
or patient shown, the window closed) or its process ends, however it ends: the kernel releases
the lock. A hold on a file cannot be taken over (a lock a live process holds cannot be
broken): the other window is asked to close the draft instead, which the banner says.

Every write of ``records`` refuses a draft another window holds (services.unit_of_work asks
store.file_holds inside the write's transaction), whether this window holds it or not.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from imsmap.domain.models import Session
from imsmap.store.amending_marks import AmendingMark, LostAmendment, left_behind
from imsmap.store.file_holds import FileHolds, Holder, HoldsUnavailable
from imsmap.store.postgres.holds import Hold

__all__ = ["AmendingMark", "FileHolds", "FileRoomHold", "LostAmendment", "hold_of",
           "left_behind"]


def hold_of(session_id: int, holder: Holder | None, holds: FileHolds) -> Hold:
    """The banner's Hold for a draft held here (``holder`` None) or by another window."""
    if holder is None:
        now = datetime.now().astimezone()
        return Hold(session_id, holds.login, holds.where, now, now, True, on_file=True)
    return Hold(session_id, holder.login, holder.where, holder.since, holder.since, False,
                on_file=True)


class FileRoomHold:
    """The hold of one window on the draft it shows, on a file (see the module's docstring).
    Where the holds folder cannot be written, ``problem`` says why (a sentence) and the draft
    is this window's as it was before holds: the window says so, and each write is still
    checked against what it was based on."""

    can_take_over = False
    # A file's lock is asked for without waiting, and there is no heartbeat to miss: never
    # "not answered yet" (RoomHold.busy), never a heartbeat missed (RoomHold.missed).
    busy = False
    missed = 0

    def __init__(self, holds: FileHolds, session: Callable[[int], Session]):
        """``holds``: the window's records' (`Records.file_holds`); ``session``: reads a
        session (`records.read.session`)."""
        self.holds = holds
        self.session = session
        self.room = holds.where
        self.session_id: int | None = None
        self.current: Hold | None = None
        self.problem: HoldsUnavailable | None = None

    @property
    def editable(self) -> bool:
        return self.current is not None and self.current.mine

    def _ask(self, session_id: int) -> Hold:
        try:
            holder = self.holds.take(session_id)
        except HoldsUnavailable as exc:
            self.problem = exc
            holder = None  # no holds on this file: edited here, as before holds
        return hold_of(session_id, holder, self.holds)

    def open(self, session_id: int | None) -> Hold | None:
        """Show ``session_id`` (None: none): the draft held before is let go."""
        previous, self.session_id, self.current = self.session_id, session_id, None
        if previous is not None and previous != session_id:
            self.holds.release(previous)
        if session_id is not None:
            self.current = self._ask(session_id)
        return self.current

    def refresh(self) -> Hold | None:
        """Ask again: the other window may have let go."""
        if self.session_id is None:
            return None
        if self.editable and (self.holds.still_held(self.session_id)
                              or self.problem is not None):
            return self.current
        self.holds.release(self.session_id)  # its lock file went: a new one is asked for
        self.current = self._ask(self.session_id)
        if self.current.mine and not self._still_a_draft(self.session_id):
            # Signed or withdrawn by the window that held it, which then let go: nobody
            # holds it now (the window reads it again and shows it locked).
            self.holds.release(self.session_id)
            self.current = None
        return self.current

    def look(self) -> Hold | None:
        """The waiting window's look, every second: ``refresh`` (a file's lock is asked for
        without waiting)."""
        return self.refresh()

    def _still_a_draft(self, session_id: int) -> bool:
        session = self.session(session_id)
        return not session.is_signed and not session.retracted

    def beat(self) -> Hold | None:
        """No heartbeat on a file: the kernel keeps the lock while this process lives. The
        lock file is looked at (deleted under this window, the hold went with it)."""
        if self.session_id is None or not self.editable:
            return self.current
        return self.refresh()

    def take_over(self) -> Hold | None:
        """Not possible on a file (see the module's docstring): who holds it, as before."""
        return self.refresh()

    def release(self) -> None:
        if self.session_id is not None:
            self.holds.release(self.session_id)
        self.current = None

    def close(self) -> None:
        """Let go of the draft for good (the window closes)."""
        try:
            self.release()
        finally:
            self.session_id = None
