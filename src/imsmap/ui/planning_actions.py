"""Starting a draft from what came before, as the Session menu offers it: copy the last
visit's sites, apply a protocol (each one undo step), save the session as a protocol. A
controller the main window makes and gives what it uses."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QWidget

from imsmap.domain.errors import UserFacingError
from imsmap.services import planning
from imsmap.services.records import Records
from imsmap.ui.site_edits import SiteEdits
from imsmap.ui.undo import AddSitesCommand


class PlanningActions:
    def __init__(self, records: Records, edits: SiteEdits, undo_stack: QUndoStack,
                 parent: QWidget, show_message: Callable[[str], None],
                 show_error: Callable[[UserFacingError | str], None]):
        self.records = records
        self.edits = edits
        self.undo_stack = undo_stack
        self.parent = parent  # of the dialogs
        self.show_message = show_message
        self.show_error = show_error

    def can_copy_forward(self) -> bool:
        sid = self.edits.session_id
        return sid is not None and planning.previous_session_id(self.records, sid) is not None

    def copy_forward(self) -> None:
        if not self.edits.editable_or_say():
            return
        try:
            sites = planning.copy_forward(self.records, self.edits.session_id)
        except UserFacingError as exc:
            self.show_error(exc)
            return
        self.undo_stack.push(AddSitesCommand(
            self.records, [s.id for s in sites],
            PlanningWords().copy_forward(len(sites)), self.show_error, self.edits.select_site))
        self.show_message(PlanningWords().copied(len(sites)))

    def apply_protocol(self) -> None:
        if not self.edits.editable_or_say():
            return
        found = planning.protocols(self.records)
        if not found:
            self.show_error(QCoreApplication.translate(
                "PlanningActions", "There are no protocols yet: open a session and use Session "
                "→ Save as protocol."))
            return
        names = [PlanningWords().protocol(p.name, len(p.sites)) for p in found]
        choice, ok = QInputDialog.getItem(
            self.parent, QCoreApplication.translate("PlanningActions", "Apply protocol"),
            QCoreApplication.translate("PlanningActions", "Protocol:"), names, 0, False)
        if not ok:
            return
        protocol = found[names.index(choice)]
        try:
            sites = planning.apply_protocol(self.records, protocol.id, self.edits.session_id)
        except UserFacingError as exc:
            self.show_error(exc)
            return
        self.undo_stack.push(AddSitesCommand(
            self.records, [s.id for s in sites],
            QCoreApplication.translate("PlanningActions", "protocol {name}").format(
                name=protocol.name), self.show_error, self.edits.select_site))
        self.show_message(PlanningWords().applied(protocol.name, len(sites)))

    def save_protocol(self) -> None:
        sid = self.edits.session_id
        if sid is None or self.records.read.readonly:
            return
        name, ok = QInputDialog.getText(
            self.parent, QCoreApplication.translate("PlanningActions", "Save as protocol"),
            QCoreApplication.translate("PlanningActions",
                                       "Name of the protocol (e.g. L5 radiculopathy):"))
        if not ok or not name.strip():
            return
        try:
            protocol = planning.save_protocol(self.records, name, sid)
        except UserFacingError as exc:
            self.show_error(exc)
            return
        self.show_message(PlanningWords().saved(protocol.name, len(protocol.sites)))


class PlanningWords(QObject):
    """This module's sentences that count sites: pyside6-lupdate finds the plural forms of
    tr() calls only, and PlanningActions is no QObject."""

    def copy_forward(self, n: int) -> str:
        return self.tr("copy forward (%n site(s))", "", n)

    def copied(self, n: int) -> str:
        return self.tr("%n site(s) of the last visit added as planned markers: grade each one "
                       "you needle, remove the others.", "", n)

    def protocol(self, name: str, n: int) -> str:
        return self.tr("{name} (%n site(s))", "", n).format(name=name)

    def applied(self, name: str, n: int) -> str:
        return self.tr("Protocol {name}: %n planned site(s) added.", "", n).format(name=name)

    def saved(self, name: str, n: int) -> str:
        return self.tr("Protocol {name} saved with %n site(s).", "", n).format(name=name)


