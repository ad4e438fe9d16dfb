"""What the window (ui.main_window) does when its record changes: a write by this window (heard
on the change bus), by another window on the file or another room of a clinic server (heard
through ui.live_window or ui.file_holds_window, or found when the window reads the record again:
ui.rereading), a write refused because the record had changed first (the window reads it again),
and the open session's hold gained or lost. Each panel listens on the bus itself (ui.listening)
and refreshes what it shows; this controller keeps the window's own state in step: the open
patient (ui.open_patient_changes, reception's window's listener too), the open session
(ui.open_session_changes), the actions.

The window makes it once its panels exist (its `build_rest`), gives it what it shows and the few
things of its own state it needs (the open patient, the texts and actions it updates), and asks
it to read everything again (`read_again`, behind the window's `refresh_all`), to say who holds
the open session elsewhere (`holder`), to show which session is open to the other rooms or
windows (`show_session`) and to let go when it closes (`close`). The other rooms or windows are
met (`meet_the_others`) once the controller is whole: one that cannot be met leaves it hearing
this window's writes all the same. Its words are the window's (translation context
"MainWindow"), as ui.open_session_changes's are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from imsmap.domain.models import Patient, Session
from imsmap.services import clinic
from imsmap.services.history import PatientHistories
from imsmap.services.records import Records
from imsmap.ui.chart_panel import ChartPanel
from imsmap.ui.file_holds_window import FileWindowHolds
from imsmap.ui.history_overlay import HistoryOverlay
from imsmap.ui.open_patient_changes import OpenPatientChanges
from imsmap.ui.open_session_changes import OpenSessionChanges
from imsmap.ui.patient_panel import PatientPanel
from imsmap.ui.photo_strip import PhotoStrip
from imsmap.ui.progress import ProgressPanel
from imsmap.ui.record.details_panel import SessionDetailsPanel
from imsmap.ui.record.segment_panel import SegmentPanel
from imsmap.ui.rereading import Rereading
from imsmap.ui.screen_lock import ScreenLock
from imsmap.ui.session_panel import SessionPanel
from imsmap.ui.site_edits import SiteEdits
from imsmap.ui.window_backups import WindowBackups

if TYPE_CHECKING:  # imported where a clinic server is connected (a file: FileWindowHolds)
    from imsmap.ui.live_window import WindowRooms


class RecordChanges:
    """The window kept in step with its record as it changes (see the module's docstring)."""

    def __init__(self, window: QMainWindow, records: Records, histories: PatientHistories,
                 rereading: Rereading, undo_stack: QUndoStack, *, patients: PatientPanel,
                 session_panel: SessionPanel, details: SessionDetailsPanel,
                 segments: SegmentPanel, photo_strip: PhotoStrip, chart: ChartPanel,
                 edits: SiteEdits, overlay: HistoryOverlay, progress: ProgressPanel,
                 screen_lock: ScreenLock, backups: WindowBackups,
                 patient: Callable[[], Patient | None],
                 patient_selected: Callable[[int | None], None],
                 read_patient_again: Callable[[], None],
                 show_patient_texts: Callable[[], None], update_actions: Callable[[], None],
                 show_message: Callable[[object], None]):
        self.records = records
        self.histories = histories
        self.rereading = rereading
        self.patients = patients
        self.session_panel = session_panel
        self.details = details
        self.segments = segments
        self.photo_strip = photo_strip
        self.chart = chart
        self.edits = edits
        self.overlay = overlay
        self.progress = progress
        self.screen_lock = screen_lock
        self.patient = patient
        self.patient_selected = patient_selected
        self.read_patient_again = read_patient_again
        self.show_patient_texts = show_patient_texts
        self.update_actions = update_actions
        self.show_message = show_message
        self.live: WindowRooms | None = None  # the other rooms, or windows (meet_the_others)
        self.open_session = OpenSessionChanges(
            records, lambda: self.live, undo_stack, chart, session_panel, details,
            photo_strip, edits, backups, show_message, update_actions)
        # A change of the open patient reads it again; any other is the open session's.
        self.open_patient = OpenPatientChanges(records.bus, window, patient, patient_selected,
                                               self.open_session.session_changed)

    def meet_the_others(self, window: QMainWindow, show_error: Callable[[object], None],
                        refresh_all: Callable[[bool], object]) -> None:
        """Hear the other rooms of a clinic server, or hold drafts beside the other windows on
        the file: their banner over the session, their status in the window's status bar."""
        records, show_message = self.records, self.show_message
        if records.read.on_server:  # the other rooms: their holds and changes (ui.live_window)
            from imsmap.ui.live_window import LiveWindow

            self.live = LiveWindow.on_server(records, show_message, show_error, window)
        else:  # the other windows on the file: their holds (ui.file_holds_window)
            self.live = FileWindowHolds.on_file(records, show_message, show_error, window)
        if self.live is not None:
            self.session_panel.add_banner(self.live.banner)
            window.statusBar().addPermanentWidget(self.live.status_label)
            self.live.editable_changed.connect(self.open_session.editable_changed)
            self.live.everything.connect(lambda: refresh_all(True))

    @property
    def session_id(self) -> int | None:
        s = self.session_panel.session
        return s.id if s is not None else None

    def read_again(self, force: bool, after_refusal: bool) -> bool:
        """Read everything again; without ``force`` only when another connection wrote to the
        database since the last look (ui.rereading). ``after_refusal``: the refusal the window
        just said stays said. True if anything was re-read."""
        if not self.rereading.moved_on(force):
            return False  # unchanged, or the connection is gone (closing)
        self.histories.forget()  # another program wrote: read the histories again
        # What is typed is saved first, briefly (nobody's gesture: ui.pending_save); behind
        # another room's lock it stays pending in its box, and the panels keep it (it waited
        # LOCK_WAIT_S for each box, the window frozen, and said a refusal).
        self.details.flush(briefly=True)
        self.patients.refresh_patients()
        shown = self.patient()
        if self.patients.patient_id != (shown.id if shown is not None else None):
            # Chosen in the list while the server was away: that choice's read was refused,
            # so the window still showed the patient before under the new one's name in the
            # list, and this read gave it the new one's sessions (walk of 7 December). Chosen
            # now, whole, as the desk window does.
            self.patient_selected(self.patients.patient_id)
            self.patients.refresh_sessions(select_first=True)
        elif shown is not None:
            self.read_patient_again()
            self.patients.refresh_sessions()
        was_editable, before = self.session_panel.editable, self.session_panel.session
        self.session_panel.reload_if_changed()
        said = False  # who signed or withdrew the open draft there, and when
        if was_editable and self.session_id is not None and not self.session_panel.editable:
            said = self.open_session.locked_elsewhere(say=not after_refusal)
        elif (before is not None and not before.is_signed and before.counts
              and self.session_panel.session is not None and not after_refusal):
            said = self.open_session.say_locked(self.session_panel.session)  # another's draft
        if self.session_id is not None:
            self.details.refresh()
            self.segments.refresh()
            self.photo_strip.refresh()  # photos added there; locked if signed there
        labels = clinic.grasp_labels(self.records)  # the clinic's words, changed elsewhere
        self.chart.set_grasp_labels(labels)
        self.session_panel.sites.set_grasp_labels(labels)
        self.edits.refresh()
        self.overlay.reload()
        if self.progress.patient_id is not None:
            self.progress.refresh()
        self.show_patient_texts()
        self.screen_lock.apply_settings()  # a PIN set or removed in another window
        self.update_actions()
        if force and not said:
            self.show_message(QCoreApplication.translate(
                "MainWindow", "Refreshed from the database."))
        return True

    def show_session(self, session: Session | None) -> None:
        """The session the window opens, to the other rooms or windows: held here, or by
        which room (before the panels ask)."""
        if self.live is not None:
            self.live.show_session(session)

    def holder(self) -> str | None:
        """Who edits the open session in another room ("login in room") or, on a file, another
        window, or None."""
        hold = self.records.read.held_elsewhere(self.session_id)
        if hold is None:
            return None
        if hold.on_file:  # its "room" is login@computer: the words say it is another window
            return QCoreApplication.translate(
                "MainWindow", "{login} in another imsmap window").format(login=hold.held_by)
        return QCoreApplication.translate(
            "MainWindow", "{login} in {room}").format(login=hold.held_by, room=hold.room)

    def close(self) -> None:
        """The window closes: off the bus; the listener's thread ends, the session's hold is
        let go."""
        self.open_patient.close()
        if self.live is not None:
            self.live.close()
