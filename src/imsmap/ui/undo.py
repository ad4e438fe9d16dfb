"""Undo commands for site edits. Each acts on the record through the services; the scene follows
the store's change notifications, never the command.

The window performs an edit first (so a refused edit never reaches the stack), then pushes a
command marked as already done: its first redo() does nothing. A drag is one command, pushed on
release. The stack belongs to one draft session and is cleared when the session changes or is
signed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from imsmap.domain.errors import UserFacingError
from imsmap.services.records import Records

ErrorSink = Callable[[UserFacingError], None]
Selector = Callable[[int | None], None]


class SiteCommand(QUndoCommand):
    def __init__(self, records: Records, site_id: int, text: str, on_error: ErrorSink,
                 select: Selector | None = None):
        super().__init__(text)
        self.records = records
        self.site_id = site_id
        self.on_error = on_error
        self.select = select
        self._done = True  # the window already did it

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.undo_it)

    def _run(self, fn: Callable[[], int | None]) -> None:
        try:
            selected = fn()
        except UserFacingError as exc:
            self.on_error(exc)
            return
        if self.select is not None:
            self.select(selected)

    def do(self) -> int | None:  # pragma: no cover - overridden
        raise NotImplementedError

    def undo_it(self) -> int | None:  # pragma: no cover - overridden
        raise NotImplementedError


class AddSiteCommand(SiteCommand):
    """Undo takes the site off (kept, marked removed); redo brings the same row back."""

    def do(self) -> int | None:
        return self.records.restore_site(self.site_id).id

    def undo_it(self) -> int | None:
        self.records.remove_site(self.site_id)
        return None


class RemoveSiteCommand(SiteCommand):
    def do(self) -> int | None:
        self.records.remove_site(self.site_id)
        return None

    def undo_it(self) -> int | None:
        return self.records.restore_site(self.site_id).id


class EditSiteCommand(SiteCommand):
    """A change of recorded fields (grasp, cramp...): old and new values."""

    def __init__(self, records: Records, site_id: int, text: str, old: dict, new: dict,
                 on_error: ErrorSink, select: Selector | None = None):
        super().__init__(records, site_id, text, on_error, select)
        self.old = old
        self.new = new

    def do(self) -> int | None:
        return self.records.update_site(self.site_id, **self.new).id

    def undo_it(self) -> int | None:
        return self.records.update_site(self.site_id, **self.old).id


class MoveSiteCommand(SiteCommand):
    """A drag: from one point to another; the muscle follows the region where it lands."""

    def __init__(self, records: Records, site_id: int, text: str,
                 old: tuple[float, float], new: tuple[float, float],
                 on_error: ErrorSink, select: Selector | None = None):
        super().__init__(records, site_id, text, on_error, select)
        self.old = old
        self.new = new

    def do(self) -> int | None:
        return self.records.move_site(self.site_id, *self.new).id

    def undo_it(self) -> int | None:
        return self.records.move_site(self.site_id, *self.old).id
