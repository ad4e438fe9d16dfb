"""The main window's title: what its title bar says, and when it changes.

From left to right: « DEMO clinic (made-up patients) » in the demo; the clinic's name once it
has one (given at the first-run set-up or in the clinic's settings, followed as they change);
the open patient's chart number and name, or « privacy screen » while it is up; which database
(the file's name, or the login and the clinic server); « [read-only] » around it all when
nothing can be written. A locked window says only « Locked ». Qt adds " — imsmap" (the
application display name).

The window says when what it shows has changed (`WindowTitle.update`): the open patient, the
privacy screen, the lock. The clinic's name the title follows itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from imsmap.domain.models import Patient
from imsmap.services.records import Records
from imsmap.ui.listening import follow_clinic_name
from imsmap.ui.wording import database_title


class WindowTitle(QObject):
    """Keeps ``window``'s title: its parts read from the window's state each time
    (`patient`, `hide_names`, `locked` are asked, never copied)."""

    def __init__(self, window: QWidget, records: Records, *, demo: bool, readonly: bool,
                 patient: Callable[[], Patient | None], hide_names: Callable[[], bool],
                 locked: Callable[[], bool]):
        super().__init__(window)
        self._window = window
        self._read = records.read
        self._demo = demo
        self._readonly = readonly
        self._patient = patient
        self._hide_names = hide_names
        self._locked = locked
        self.clinic_name = ""  # the clinic's, once it has one
        follow_clinic_name(records, self, self._clinic_named)

    def _clinic_named(self, name: str) -> None:
        self.clinic_name = name
        self.update()

    def text(self) -> str:
        """The title as the window's state has it now."""
        if self._locked():
            return self.tr("Locked")
        parts = []
        if self._demo:
            parts.append(self.tr("DEMO clinic (made-up patients)"))
        if self.clinic_name:
            parts.append(self.clinic_name)
        patient = self._patient()
        if patient is not None:
            parts.append(self.tr("privacy screen") if self._hide_names() else
                         f"{patient.chart_number} {patient.display_name}")
        parts.append(database_title(self._read))
        title = " – ".join(parts) or "imsmap"
        if self._readonly:
            title = self.tr("{title} [read-only]").format(title=title)
        return title

    def update(self) -> None:
        self._window.setWindowTitle(self.text())
