"""What a window does when the patient it has open changes under it: written here, in another
window on the file or, heard through ui.live_rooms, in another room (details edited, a merge or
a separation), the window reads that patient again.

Both windows listen so, once each (ui.listening, on the window's change bus): the
practitioner's through ui.record_changes.RecordChanges, which hands every other change to the
open session's controller (ui.open_session_changes), and reception's and the administrator's
(ui.desk_window.DeskWindow), which has no session open. The window keeps the object for as long
as it lives (the bus holds its method weakly) and calls `close` when it closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from imsmap.domain.models import Patient
from imsmap.services.changes import Change, ChangeBus, Entity
from imsmap.ui.listening import listen


class OpenPatientChanges:
    """The window's own listener on its change bus (see the module's docstring)."""

    def __init__(self, bus: ChangeBus, window: QObject, patient: Callable[[], Patient | None],
                 patient_selected: Callable[[int | None], None],
                 others: Callable[[Change], None] | None = None):
        self.bus = bus
        self.patient = patient  # the patient open in the window now, or None
        self.patient_selected = patient_selected  # reads that patient again and shows it
        self.others = others  # any change not of a patient (the practitioner's window)
        self.listener = listen(bus, window, self.changed)

    def changed(self, change: Change) -> None:
        """A change heard on the bus: the open patient read again if it is the one changed;
        a change of anything else goes to ``others``."""
        if change.entity is Entity.PATIENT:
            patient = self.patient()
            if patient is not None and change.entity_id == patient.id:
                self.patient_selected(patient.id)
        elif self.others is not None:
            self.others(change)

    def close(self) -> None:
        """The window closes: off the bus."""
        self.bus.unsubscribe(self.listener)
