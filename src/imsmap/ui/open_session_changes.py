"""What the window does when the open session's record changes under it: signed, amended,
withdrawn or marked entered in error, here or in another room, or this room's hold on it taken
or given back (ui.live_window). Every part of the window then shows the session editable or
read-only again: the chart, the site list's inspector, the session's fields, the undo stack
(emptied once the record is locked); a signature, an amendment or a mark goes to the backup
journal at once.

The window's record changes (ui.record_changes, owned by ui.main_window) give each change of
its open session to `session_changed` and the live window's hold to `editable_changed`; the
window's own state (the actions) follows through `update_actions`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from imsmap.domain.models import Session
from imsmap.services.changes import Action, Change, Entity
from imsmap.services.records import Records
from imsmap.ui.chart_panel import ChartPanel
from imsmap.ui.photo_strip import PhotoStrip
from imsmap.ui.record.details_panel import SessionDetailsPanel
from imsmap.ui.session_panel import SessionPanel
from imsmap.ui.site_edits import SiteEdits
from imsmap.ui.window_backups import WindowBackups
from imsmap.ui.window_settings import PRACTITIONER
from imsmap.ui.wording import numeric_datetime

if TYPE_CHECKING:  # a clinic server's other rooms, or the other windows on a file
    from imsmap.ui.live_window import WindowRooms


class OpenSessionChanges:
    """The open session followed as its record changes (see the module's docstring)."""

    def __init__(self, records: Records, live: Callable[[], WindowRooms | None],
                 undo_stack: QUndoStack, chart: ChartPanel, session_panel: SessionPanel,
                 details: SessionDetailsPanel, photo_strip: PhotoStrip, edits: SiteEdits,
                 backups: WindowBackups, show_message: Callable[[object], None],
                 update_actions: Callable[[], None]):
        self.records = records
        self.live = live
        self.undo_stack = undo_stack
        self.chart = chart
        self.session_panel = session_panel
        self.details = details
        self.photo_strip = photo_strip
        self.edits = edits
        self.backups = backups
        self.show_message = show_message
        self.update_actions = update_actions

    @property
    def session_id(self) -> int | None:
        s = self.session_panel.session
        return s.id if s is not None else None

    def _show_inspector_again(self) -> None:
        inspector = self.session_panel.sites.inspector  # signed now, not "in another room"
        inspector.set_site(inspector.site)

    def session_changed(self, change: Change) -> None:
        """A change of a session, an amendment, a site or a retraction (ui.record_changes
        passes them on; a patient's it keeps)."""
        live = self.live()
        if change.entity in (Entity.SESSION, Entity.AMENDMENT):
            if change.session_id == self.session_id:
                s = self.session_panel.session
                if change.action is Action.UPDATE and s is not None and s.practitioner:
                    PRACTITIONER.write(s.practitioner)
                if change.action is Action.SIGN:
                    signed = self.records.read.session(change.session_id)
                    if live is not None:  # a signed session needs no hold
                        live.show_session(signed)
                    self.undo_stack.clear()
                    self.chart.set_editable(False)
                    self._show_inspector_again()
                    if signed.signed_by and signed.signed_by != self.records.actor:
                        self.show_message(self.locked_words(signed))
                    else:  # signed here
                        self.show_message(QCoreApplication.translate(
                            "MainWindow", "Session signed and locked."))
                    self.backups.after_signing()
                elif change.action is Action.AMEND:  # part of the signed record too
                    self.edits.refresh()  # its corrections: the chart shows effective sites
                    self.backups.after_signing()
                elif change.action is Action.UPDATE and not self.session_panel.editable:
                    self.session_panel.reload_if_changed()  # another room's edit, shown here
            self.update_actions()
        elif change.entity is Entity.SITE and change.session_id == self.session_id:
            self.edits.refresh()
            self.update_actions()
        elif change.entity is Entity.RETRACTION:
            if change.session_id == self.session_id:
                # Withdrawn or marked entered in error, here or in another room: locked now.
                marked = self.records.read.session(change.session_id)
                if live is not None:
                    live.show_session(marked)
                mark = self.records.read.retraction(marked.id) if marked.is_withdrawn else None
                if mark is not None and mark.created_by != self.records.actor:
                    self.show_message(self.locked_words(marked))  # withdrawn elsewhere
                self.undo_stack.clear()
                self.chart.set_editable(False)
                self._show_inspector_again()
                self.update_actions()
            self.backups.after_signing()  # a mark is part of the record: journalled at once

    def locked_elsewhere(self, say: bool = True) -> bool:
        """The open draft, read again (ui.rereading: another window or program on the same
        file), is signed, withdrawn or marked now: every part shows it locked, as for a
        change heard on the bus, and (with ``say``) who signed or withdrew it, and when.
        True if that was said."""
        self.undo_stack.clear()  # its steps would write to a locked session
        self.chart.set_editable(False)
        self._show_inspector_again()
        s = self.session_panel.session
        said = say and s is not None and self.say_locked(s)
        self.update_actions()
        return said

    def say_locked(self, s: Session) -> bool:
        """Say who signed or withdrew the session, and when, if it is (else nothing): for a
        draft this window was editing (`locked_elsewhere`) or showing read-only while another
        window held it (ui.record_changes: `read_again`), once read again. True if it was
        said."""
        words = self.locked_words(s)
        if words:
            self.show_message(words)
        return bool(words)

    def locked_words(self, s: Session) -> str:
        """"anna.physio signed this session on 2026-12-05 15:02; it is locked now.", in
        the clinician's local time; the same for a withdrawn draft; "" for any other."""
        if s.is_signed and s.signed_by and s.signed_at is not None:
            return QCoreApplication.translate(
                "MainWindow", "{login} signed this session on {when}; it is locked now."
            ).format(login=s.signed_by, when=numeric_datetime(s.signed_at))
        mark = self.records.read.retraction(s.id) if s.is_withdrawn else None
        if mark is None:
            return ""
        return QCoreApplication.translate(
            "MainWindow", "{login} withdrew this draft on {when}; it is locked now."
        ).format(login=mark.created_by, when=numeric_datetime(mark.created_at))

    def editable_changed(self, editable: bool) -> None:
        """This room got the open session's hold, or lost it (ui.live_window): every part
        shows it editable or read-only again. Lost, its undo steps go: they were made on the
        session as it was before another room took it over, whose edits an undo here would
        silently take back once the hold came back (Edit > Undo then says why it is off)."""
        if not editable:
            self.undo_stack.clear()
        self.session_panel.refresh()
        self.chart.set_editable(self.session_panel.editable)
        self.details.refresh()
        self.photo_strip.refresh()
        self._show_inspector_again()
        self.update_actions()
