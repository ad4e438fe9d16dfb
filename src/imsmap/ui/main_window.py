"""The main window: patients on the left, the chart in the centre, the session on the right.

The window turns gestures into service calls and refreshes from the services' change
notifications (`Records.subscribe`): the store is the one source of truth, the panels mirror it.
Menus and their actions are in `ui.menus`, the privacy screen and the lock in
`ui.privacy_screen`, the earlier sessions drawn on the chart in `ui.history_overlay`, the three
columns and the side panels' places in them in `ui.window_columns`, the backups and the restore
in `ui.window_backups`, the size, columns and options remembered between runs in
`ui.window_layout`, what the window does when its record changes (a write here, in another
window or room, a refusal, a hold gained or lost) in `ui.record_changes`, what its title bar
says in `ui.window_title`.

The window is built in two steps, so that the chart is on screen first (docs/performance.md):
1. `__init__` builds what the first paint shows and what sizes it: the chart with its history
   bar, the menu bar's titles, the status bar, and the splitter with empty places for the side
   panels at their final widths.
2. `build_rest()` builds everything else: the patient list; the session, consent, segment and
   progress tabs; the menus' actions; the lock screen; the history overlay; the chart's search
   box and muscle chooser; and it connects the chart's edits to them. It runs from the event
   loop right after the chart's first paint (`after_first_paint`), and at the latest
   `BUILD_REST_AFTER_SHOW_MS` after the window is shown. Code that needs any of these parts
   earlier (a window never shown, in a script or a test) calls `build_rest()` first; it runs
   once, `built` says whether it has, and `completed` is emitted when it has. Then, while the
   first patient is chosen, the charts a visit is likely on are built (ui.idle_work).
A window closed before step 2 writes nothing: nothing was shown that could have been changed,
and its settings were not read yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.errors import ConflictError, NotFoundError, ReadOnlyError
from imsmap.domain.models import Patient
from imsmap.services.context import AppContext
from imsmap.ui import errors as ui_errors
from imsmap.ui import focus_order, restore_backup, window_columns, window_layout
from imsmap.ui.chart_panel import ChartPanel
from imsmap.ui.first_run import ClinicSetupWizard, SetupFollowUp, offer_on_start
from imsmap.ui.history_bar import HistoryBar
from imsmap.ui.history_control import HistoryControl
from imsmap.ui.history_overlay import HistoryOverlay
from imsmap.ui.menus import MenuState, WindowCommands, WindowMenus, add_menu_titles
from imsmap.ui.name_eliding import show_elided
from imsmap.ui.patient_merging import PatientMerging
from imsmap.ui.patient_panel import PatientPanel, patient_header
from imsmap.ui.pending_save import not_saved_yet
from imsmap.ui.photo_strip import PhotoStrip
from imsmap.ui.planning_actions import PlanningActions
from imsmap.ui.privacy import IdleWatcher, LockScreen
from imsmap.ui.privacy_cover import NoPinNote, PrivacyCovers
from imsmap.ui.privacy_screen import PrivacyScreen
from imsmap.ui.progress import ProgressPanel
from imsmap.ui.progress_room import ProgressRoom
from imsmap.ui.record import right_tabs
from imsmap.ui.record.details_panel import SessionDetailsPanel
from imsmap.ui.record.segment_panel import SegmentPanel
from imsmap.ui.record_changes import RecordChanges
from imsmap.ui.refusals import StatusLine
from imsmap.ui.report_actions import ReportActions
from imsmap.ui.rereading import Rereading, became_active, follow_others
from imsmap.ui.screen_lock import ScreenLock
from imsmap.ui.session_actions import SessionActions
from imsmap.ui.session_panel import SessionPanel
from imsmap.ui.short_chart import ShortChart
from imsmap.ui.site_edits import SiteEdits
from imsmap.ui.undo import SiteEditor
from imsmap.ui.window_backups import WindowBackups
from imsmap.ui.window_title import WindowTitle

if TYPE_CHECKING:  # imported where a clinic server is connected (ui.record_changes)
    from imsmap.ui.live_window import WindowRooms

READ_ONLY_STYLE = "padding: 1px 8px; background: #fdecc8; color: #5a3b00; border-radius: 3px;"
PROGRESS_TAB = 3
BUILD_REST_AFTER_SHOW_MS = 300  # when the chart is not painted (hidden behind...), build anyway


class MainWindow(QMainWindow):
    completed = Signal()  # step 2 (`build_rest`) has run: the window is whole

    def __init__(self, context: AppContext, *, demo: bool = False, auto_backup: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.records = records = context.records
        self.histories = context.histories
        self.atlas = context.atlas
        self.demo = demo
        self.readonly = records.read.readonly
        self.auto_backup = auto_backup
        self._closed = False
        self._damaged = False
        self._at_signal = False  # closing at the system's request: nobody to answer a question
        self._built = False
        self.patient: Patient | None = None
        # The privacy screen and the lock (ui.privacy_screen): names hidden, covers, no-PIN line
        self.privacy_screen = PrivacyScreen(self, lambda: self._show_patient_texts())
        self.no_pin_note: NoPinNote = self.privacy_screen.no_pin_note
        self.privacy: PrivacyCovers = self.privacy_screen.covers
        self.rereading = Rereading(records.read)  # asked when the window becomes active
        if not records.read.on_server:  # a window beside the active one follows its writes
            follow_others(self, lambda: self.refresh_all(force=False))
        # What the window does when its record changes: from step 2 until the window closes.
        self.record_changes: RecordChanges | None = None

        self.undo_stack = QUndoStack(self)
        # Every site edit of the chart's keys, the site list and the inspector: one service
        # call and one undo step, said in the status bar (given to them, never looked up).
        self.site_editor = SiteEditor(records, self.undo_stack, self.show_error,
                                      say=self.show_message)  # selects once `edits` exists
        self.chart = ChartPanel(self.atlas, self.site_editor)
        self.history_bar = HistoryBar()
        chart_box = window_columns.chart_column(self.chart, self.history_bar)
        # On a short window the bars round the chart give way to it (ui.short_chart).
        self.short_chart = ShortChart(chart_box, self.chart, self.history_bar)
        # The side panels' places, at their widths, until `build_rest` puts the panels there.
        self.splitter = window_columns.column_places(chart_box)
        # Locked, the lock screen (added by `build_rest`) takes the place of everything else.
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.no_pin_note)
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._menu_titles = add_menu_titles(self.menuBar())  # filled by `WindowMenus`

        # Temporary messages (what was saved, what was refused) take the left of the status bar;
        # what is under the pointer stays on the right.
        self.hover_label = QLabel()
        self.hover_label.setMaximumWidth(760)
        self.statusBar().addPermanentWidget(self.hover_label)
        self.readonly_label = QLabel(self.tr("Read-only: nothing can be changed"))
        self.readonly_label.setStyleSheet(READ_ONLY_STYLE)
        self.readonly_label.setToolTip(self.tr("{path} is open read-only (the file or its "
                                               "folder cannot be written).").format(
                                                   path=records.read.path))
        self.readonly_label.setVisible(self.readonly)
        self.statusBar().addPermanentWidget(self.readonly_label)
        self.status = StatusLine(self.statusBar(), yielding=[self.hover_label])

        self.backups = WindowBackups(self, records, auto_backup=auto_backup, demo=demo,
                                     say=self.show_message, show_error=self.show_error,
                                     guard=self.privacy.guard)

        self.chart.hoverText.connect(self._show_hover)
        self.title = WindowTitle(self, records, demo=demo, readonly=self.readonly,
                                 patient=lambda: self.patient,
                                 hide_names=lambda: self.hide_names, locked=lambda: self.locked)
        self.resize(window_layout.first_size(self))
        # The saved columns are put in place as the window is first shown, and a first size
        # within the screen once the window manager has framed it (after the first paint).
        self._restored = window_layout.restore_layout(
            self, self.splitter, self.chart, self.history_bar)
        self._columns_placed = False
        self.chart.view.firstPainted.connect(self.after_first_paint)

    def _show_hover(self, text: str) -> None:
        show_elided(self.hover_label, text)

    @property
    def hover_text(self) -> str:
        """What the status bar says of the muscle under the pointer, whole (its label may
        show it cut at a word's end: `show_elided`)."""
        return self.hover_label.toolTip() or self.hover_label.text()

    def after_first_paint(self) -> None:
        if not self._closed:  # closed first: nothing more to build (or write)
            if not self._restored.sized:
                window_layout.frame_on_screen(self)
            self.build_rest()
            self.backups.start_after_first_paint()

    def build_rest(self) -> None:
        """Step 2 of building the window (see the module's docstring): everything the chart's
        first paint does not need. Runs once; later calls do nothing."""
        if self._built:
            return
        self._built = True
        records = self.records
        self.patients = PatientPanel(records, self.histories)
        self.overlay = HistoryOverlay(records, self.histories, self.history_bar)
        self.session_panel = SessionPanel(records, self.atlas, self.site_editor)
        self.site_table = self.session_panel.sites
        self.edits = SiteEdits(records, self.atlas, self.chart, self.session_panel,
                               self.undo_stack, self.show_message, self.show_error,
                               self.status.take_back)
        self.site_editor.select = self.edits.select_site
        self.site_editor.say = self.edits.say_of_site  # taken back with the site's session
        self.photo_strip = PhotoStrip(records, self.show_message, self.show_error,
                                      guard=self.privacy.guard,
                                      reread=lambda: self.refresh_all(force=False))
        self.session_panel.layout().addWidget(self.photo_strip)  # under the session's sites
        self.planning_actions = PlanningActions(records, self.edits, self.undo_stack, self,
                                                self.show_message, self.show_error)
        self.details = SessionDetailsPanel(records)
        self.segments = SegmentPanel(records)
        # computed when shown
        self.progress = ProgressPanel(records, self.histories, None, lazy=True)
        # The pneumothorax prompt belongs where the sites are entered, not in a hidden tab.
        self.session_panel.add_banner(self.details.thorax_banner)
        self.right_tabs, self.progress_header, self.progress_tab = right_tabs(
            self.session_panel, self.details, self.segments, self.progress)
        # A photo added is scrolled into sight: on a 1366 x 768 or 1280 x 1024 screen the strip
        # lay under the column's fold, and only the status bar said the photo was there.
        self.photo_strip.added.connect(self._photos_added)
        # While the Progress tab is shown, the right column widens for it (ui.progress_room).
        self.progress_room = ProgressRoom(self.splitter, self.right_tabs, self.progress_tab,
                                          self.progress)

        window_columns.put_panels(self.splitter, self.patients, self.right_tabs)
        self.privacy_screen.build(records, self.stack, self._before_lock, self.show_message,
                                  self._lock_changed)
        self.lock_screen: LockScreen = self.privacy_screen.lock_screen
        self.idle: IdleWatcher = self.privacy_screen.idle
        self.screen_lock: ScreenLock = self.privacy_screen.screen_lock

        self.chart.build_rest()
        self.session_actions = SessionActions(records, self, self.patients, self.session_panel,
                                              self.details, self.chart, lambda: self.patient,
                                              self.show_message, self.show_error,
                                              lambda: self.refresh_all(force=False),
                                              guard=self.privacy.guard)
        self.report_actions = ReportActions(records, self, self.session_panel, self.progress,
                                            lambda: self.patient, self.show_message,
                                            self.show_error, guard=self.privacy.guard)
        self.history_control = HistoryControl(self.atlas, self.chart, self.overlay,
                                              self.history_bar, self.patients,
                                              lambda: self.session_id, self.show_message)
        # A backup restored in place of this computer's file (not a clinic server's records).
        restore = self.backups.choose_to_restore if not (
            records.read.on_server or self.readonly) else None
        self.setup_follow_up = SetupFollowUp(
            self.show_message, self.screen_lock.apply_settings,
            self.backups.start if self.auto_backup else None, restore)
        self.patient_merging = PatientMerging(records, self, self.patients, self.session_panel,
                                              lambda: self.patient, lambda: self.hide_names,
                                              self.show_message, self.show_error,
                                              guard=self.privacy.guard)
        commands = WindowCommands(
            merge_records=self.patient_merging.merge,
            separate_records=self.patient_merging.separate,
            new_patient=self.session_actions.new_patient,
            edit_patient=self.session_actions.edit_patient,
            new_session=self.session_actions.new_session, backup_now=self.backup_now,
            sign_session=self.session_actions.sign_session,
            amend_session=self.session_actions.amend_session,
            retract_session=self.session_actions.retract_session,
            show_progress=self.show_progress,
            refresh=lambda: self.refresh_all(force=True), set_names_hidden=self.set_names_hidden,
            quit=self.close,
            restore_backup=(lambda: restore(self)) if restore is not None else None)
        self.menus = WindowMenus(
            self, self._menu_titles, records, self.undo_stack, self.chart, self.history_bar,
            self.edits, self.planning_actions, self.report_actions, self.history_control,
            self.screen_lock, commands, self.setup_follow_up, self.show_message)
        m = self.menus
        self.privacy_screen.bind(m.act_hide, m.act_lock, m.pin_menu_path,
                                 (self.patients.set_names_hidden, self.photo_strip.set_hidden))
        self.history_control.bind_actions(m.act_overlay, m.act_heat, m.act_replay)
        self._connect_chart()
        self._connect()
        self.record_changes = RecordChanges(
            self, records, self.histories, self.rereading, self.undo_stack,
            patients=self.patients, session_panel=self.session_panel, details=self.details,
            segments=self.segments, photo_strip=self.photo_strip, chart=self.chart,
            edits=self.edits, overlay=self.overlay, progress=self.progress,
            screen_lock=self.screen_lock, backups=self.backups, patient=lambda: self.patient,
            patient_selected=self._patient_selected,
            read_patient_again=self._read_patient_again,
            show_patient_texts=self._show_patient_texts, update_actions=self._update_actions,
            show_message=self.show_message)
        self.record_changes.meet_the_others(self, self.show_error, self.refresh_all)
        self._load_session(None)
        window_layout.restore_settings(self.menus.act_labels, self.set_names_hidden,
                                       self.history_control)
        self.screen_lock.apply_settings()
        self.history_control.attach()
        focus_order.follow_the_screen(self.patients.sessions, self.chart, self.history_bar)
        window_layout.hold_least_width(self)  # the columns are all there now
        if not self.screen_lock.locked:
            # A day starts by finding a patient: typed keys go to the search, not to the
            # chart's tab bar (which took them without a word or a visible focus)
            self.patients.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.completed.emit()
        self.chart.build_ahead(self.history_bar.legend_steps())  # while the first patient is chosen

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        window_layout.rewrap_across(self, event.oldSize().width())  # narrow: rows wrap

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if not self._columns_placed:
            window_layout.columns_on_show(self, self.splitter, self._built,
                                          self._restored.columns)
            self._columns_placed = True
        super().showEvent(event)
        if not self._built:  # the chart may not paint (a covered window): build all the same
            QTimer.singleShot(BUILD_REST_AFTER_SHOW_MS, self, self.after_first_paint)

    @property
    def locked(self) -> bool:
        """Only the lock screen shows (ui.screen_lock)."""
        return self._built and self.screen_lock.locked

    def _before_lock(self) -> None:
        # On a clinic server as a re-read does (ui.pending_save): behind another room's lock it
        # waited LOCK_WAIT_S for each box being typed in (11 s measured) before it showed.
        briefly = self.records.read.on_server
        self.session_panel.flush(briefly)
        self.details.flush(briefly=briefly)
        self.history_bar.set_replaying(False)

    def _lock_changed(self, locked: bool) -> None:
        self.hover_label.clear()
        self.title.update()
        if not locked:
            self._update_actions()
            self.refresh_all(force=False)

    @property
    def hide_names(self) -> bool:
        """The privacy screen is up (ui.privacy_screen)."""
        return self.privacy_screen.hide_names

    def set_names_hidden(self, hidden: bool) -> None:
        """The privacy screen (F12 or Ctrl+H): no name or identifier anywhere in the window."""
        self.privacy_screen.set_names_hidden(hidden)

    def offer_setup(self) -> ClinicSetupWizard | None:
        """At the first start: the clinic set-up over the window, if the database is new and
        empty (`ui.first_run.offer_on_start`)."""
        self.build_rest()
        return offer_on_start(self.records, self, self.setup_follow_up, demo=self.demo)

    @property
    def built(self) -> bool:
        """True once step 2 (`build_rest`) has run."""
        return self._built

    # -- messages ---------------------------------------------------------------------------
    def show_message(self, text: object) -> None:
        self.status.say(text)

    def say_pending(self, waiting: bool) -> None:
        """A save made by a timer waits for another room's lock, quietly (ui.pending_save);
        saved, the sentence is taken back if the bar still shows it."""
        if waiting:
            self.show_message(not_saved_yet())
        else:
            self.status.take_back(not_saved_yet())

    def show_error(self, exc: object) -> None:
        """A user or environment error: its sentence in the status bar; work carries on. A
        write refused because another window or program changed the record first (signed
        it, changed a field, removed a site) is followed by the window reading the record
        again, so that it shows what the refusal says, not the record as it was."""
        self.status.refuse(exc)
        if isinstance(exc, (ReadOnlyError, ConflictError, NotFoundError)):
            QTimer.singleShot(0, self, lambda: self.refresh_all(force=False, after_refusal=True))

    def _connect_chart(self) -> None:
        """The chart's taps and keys to the edits (step 2: they go to the session panel), its
        scenes to their history overlay."""
        self.edits.connect()
        self.history_control.connect()

    def _connect(self) -> None:
        p = self.patients
        p.patientSelected.connect(self._patient_chosen)
        p.sessionSelected.connect(self._load_session)
        actions = self.session_actions
        p.newPatientRequested.connect(actions.new_patient)
        p.newSessionRequested.connect(actions.new_session)
        sp = self.session_panel
        sp.errorOccurred.connect(self.show_error)
        sp.pending.connect(self.say_pending)
        sp.sites.inspector.pending.connect(self.say_pending)
        sp.signRequested.connect(actions.sign_session)
        sp.amendRequested.connect(actions.amend_session)
        self.details.errorOccurred.connect(self.show_error)
        self.details.pending.connect(self.say_pending)
        self.segments.rootChosen.connect(self._root_chosen)
        self.progress.muscleChosen.connect(self.history_control.show_muscle)
        # then narrowed to its level
        self.progress.targetChosen.connect(self.history_control.show_target)

    # -- the patient's words (the title: ui.window_title) -----------------------------------
    def _show_patient_texts(self) -> None:
        text = patient_header(self.patient, self.hide_names)
        self.session_panel.set_patient_text(text)
        self.progress_header.setText(text or self.tr("Choose a patient to see their progress."))
        self.title.update()

    # -- patients and sessions --------------------------------------------------------------
    def _patient_selected(self, patient_id: int | None) -> None:
        """The patient shown, read again (a change of the open patient): the actions too."""
        self._patient_chosen(patient_id)
        self._update_actions()

    def _patient_chosen(self, patient_id: int | None) -> None:
        """Chosen in the list, which says their session next (None too): the actions follow
        it (worked out here, they were for the previous patient's session)."""
        self.patient = self.records.read.patient(patient_id) if patient_id is not None else None
        if self.patient is not None:
            ui_errors.register_private([self.patient.family_name, self.patient.given_name,
                                        self.patient.chart_number])
        if self.progress.patient_id != patient_id:
            self.progress.set_patient(patient_id)
        if self.overlay.patient_id != patient_id:  # their details changed: the same visits
            self.overlay.set_patient(patient_id)  # drawn when their session is set, next
        self._show_patient_texts()

    @property
    def session_id(self) -> int | None:
        s = self.session_panel.session
        return s.id if s is not None else None

    def _load_session(self, session_id: int | None) -> None:
        if session_id == self.session_id and session_id is not None:
            self._update_actions()  # the same session, perhaps listed under another patient
            return
        previous = self.session_id
        if previous is not None and not (self.session_panel.flush() and self.details.flush()):
            # Not saved (database busy...): stay, so what was typed is not lost.
            self.show_error(self.tr("This session's last changes could not be saved yet, so it stays "
                            "open. Try again in a moment."))
            self.patients.select_session(previous)
            self._update_actions()
            return
        self.undo_stack.clear()
        self.details.flush()
        # read once for its hold and fields (the other panels read theirs by id, as on the bus)
        session = self.records.read.session(session_id) if session_id is not None else None
        self.record_changes.show_session(session)  # held here, or by which room
        self.session_panel.open_session(session)
        self.patient_merging.show_session(self.session_panel.session)  # under a duplicate?
        self.photo_strip.set_session(session_id)
        self.details.set_session(session_id)
        self.segments.set_session(session_id)
        self.edits.refresh()
        self.chart.set_editable(self.session_panel.editable)
        self.chart.select_site(None)
        # The overlay told the session first: a visit needled on another chart than the one
        # shown switches the chart, which draws that chart's overlay as it shows it; else it
        # is drawn here. Once either way, with this session (it was drawn first with the one
        # before, then again).
        self.overlay.set_current(session_id, draw=False)
        shown = self.chart.scene
        self.chart.show_where_sites_are()
        if self.chart.scene is shown:
            self.overlay.update()
        self.progress.set_current(session_id)  # its chart's "today", while a draft
        self._update_actions()

    def _root_chosen(self, root: str, muscles: frozenset, levels: frozenset) -> None:
        self.chart.set_root_highlight(muscles, levels)
        if root:
            self.show_message(self.tr("{root}: %n muscle(s) and the {root} paraspinal level are "
                                      "lit on the chart.", "", len(muscles)).format(root=root))

    # -- closing ---------------------------------------------------------------------------
    def close_damaged(self) -> None:
        """The background check found the file damaged: close without writing to it (the
        damaged-file dialog comes next)."""
        self._damaged = True
        self.close()

    def close_at_signal(self) -> bool:
        """The system ends the program (SIGTERM, SIGHUP: ui.ending_signals): closed as Quit
        closes it, without a question: a locked window too (nothing is shown), and what is
        being typed is saved, or, where it cannot be, the window closes all the same."""
        self._at_signal = True
        return self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        if self._damaged or not self._built:
            # Damaged: nothing more is written to the file. Not built yet: nothing was shown
            # that could have been changed, and the settings were not read (saving them would
            # put defaults over the user's choices), so nothing is written either.
            self._closed = True
            self.history_bar.set_replaying(False)
            if self._built:
                # (Step 2 may have been cut short by a record it could not read.)
                if hasattr(self, "idle"):
                    self.idle.stop()
                if self.record_changes is not None:
                    self.record_changes.close()
            self.backups.close(damaged=self._damaged)
            super().closeEvent(event)
            return
        if self.locked and not self._at_signal:
            event.ignore()  # the lock screen first: nobody closes a locked window's records
            return
        if not self._at_signal and not self.backups.may_close(self):
            event.ignore()  # a Back up now still running: closed once it is done, or not
            return
        # What is still being typed is saved, or the user chooses (the refusal's reason is
        # the one the status bar shows); at a signal, nobody is asked.
        if not self.session_actions.settle_typed_before_closing(
                self.statusBar().currentMessage, ask=not self._at_signal):
            event.ignore()
            return
        self._closed = True
        self.details.flush()
        s = self.session_panel.session
        self.progress_room.leave()  # the columns' own sizes are remembered, not Progress's
        window_layout.save_settings(self, self.splitter, self.menus.act_labels, self.hide_names,
                                    self.history_bar, s.practitioner if s is not None else "")
        self.history_bar.set_replaying(False)
        self.idle.stop()
        if self.record_changes is not None:  # off the bus, the other rooms' listener, the hold
            self.record_changes.close()
        self.backups.close()
        super().closeEvent(event)

    # -- refresh (another window, room or computer: ui.record_changes) ----------------------
    @property
    def live(self) -> WindowRooms | None:
        """The other rooms, or the other windows on the file (ui.record_changes; the tests
        look at its banner and hold)."""
        return self.record_changes.live if self.record_changes is not None else None

    def refresh_all(self, force: bool = True, after_refusal: bool = False) -> bool:
        """Read everything again; without ``force`` only when another connection wrote to the
        database since the last look (ui.rereading). ``after_refusal``: the refusal the window
        just said stays said. True if anything was re-read."""
        if self.locked or self._closed or self.record_changes is None:
            return False  # not built yet: the panels read fresh when they are
        return self.record_changes.read_again(force, after_refusal)

    def _read_patient_again(self) -> None:
        """The open patient as the record has them now (`refresh_all`)."""
        if self.patient is not None:
            self.patient = self.records.read.patient(self.patient.id)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        super().changeEvent(event)
        if became_active(self, event):
            self.refresh_all(force=False)

    # -- the actions' enabling, the progress column ---------------------------------------
    def _update_actions(self) -> None:
        s = self.session_panel.session
        has_patient = self.patient is not None
        writable = not self.readonly
        editable = self.session_panel.editable
        self.menus.update(MenuState(
            writable=writable, has_patient=has_patient, has_session=s is not None,
            signed=s is not None and s.is_signed, editable=editable,
            retracted=s is not None and bool(s.retracted),
            has_history=bool(self.overlay.history.sessions),
            can_copy_forward=editable and self.planning_actions.can_copy_forward(),
            has_sites=bool(self.edits.sites), can_lock=self.screen_lock.available(),
            visits=len(self.history_bar.sessions), held_elsewhere=self.record_changes.holder()))
        self.patients.new_patient.setEnabled(writable)
        self.patients.new_session.setEnabled(has_patient and writable)
        self.right_tabs.setTabEnabled(1, s is not None)
        self.right_tabs.setTabEnabled(2, s is not None)

    def show_progress(self) -> None:
        self.right_tabs.setCurrentIndex(self.right_tabs.indexOf(self.progress_tab))

    def _photos_added(self) -> None:
        """Once the strip has laid out the new thumbnail, scrolled into sight (its column's
        scroll area)."""
        column = self.right_tabs.widget(0)
        if isinstance(column, QScrollArea):
            QTimer.singleShot(0, column, lambda: column.ensureWidgetVisible(self.photo_strip, 0, 0))

    # -- backups (ui.window_backups) -------------------------------------------------------
    def backup_now(self) -> None:
        self.session_panel.flush()
        self.backups.now()

    @property
    def restore_request(self) -> restore_backup.RestoreRequest | None:
        """The backup chosen to restore in place of these records (the window then closes)."""
        return self.backups.restore_request
