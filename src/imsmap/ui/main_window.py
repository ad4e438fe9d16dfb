"""The main window: patients on the left, the chart in the centre, the session on the right.

The window turns gestures into service calls and refreshes from the services' change
notifications (`Records.subscribe`): the store is the one source of truth, the panels mirror it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QWidget,
)

from imsmap.atlas import Region
from imsmap.domain.errors import UserFacingError
from imsmap.domain.models import GRASP_LABELS, Patient, Site
from imsmap.services.records import Change, Records
from imsmap.ui import errors as ui_errors
from imsmap.ui.chart_scene import describe_site
from imsmap.ui.chart_view import ChartPanel
from imsmap.ui.dialogs import PatientDialog
from imsmap.ui.patient_panel import HIDDEN_NAME, PatientPanel
from imsmap.ui.record.details_panel import SessionDetailsPanel
from imsmap.ui.record.segment_panel import SegmentPanel
from imsmap.ui.record.sign_amend import AmendDialog, SignDialog
from imsmap.ui.session_panel import SessionPanel
from imsmap.ui.undo import AddSiteCommand, EditSiteCommand, MoveSiteCommand, RemoveSiteCommand

STATUS_MS = 6000
ERROR_STYLE = "QStatusBar { color: #b3261e; }"


class MainWindow(QMainWindow):
    def __init__(self, records: Records, *, demo: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.records = records
        self.atlas = records.atlas
        self.demo = demo
        self.readonly = records.db.readonly
        self.hide_names = False
        self.patient: Patient | None = None
        self.sites: list[Site] = []
        self._syncing_selection = False

        self.undo_stack = QUndoStack(self)
        self.patients = PatientPanel(records)
        self.chart = ChartPanel(self.atlas)
        self.session_panel = SessionPanel(records, self.atlas)
        self.site_table = self.session_panel.sites
        self.details = SessionDetailsPanel(records)
        self.segments = SegmentPanel(records)
        # The pneumothorax prompt belongs where the sites are entered, not in a hidden tab.
        self.session_panel.add_banner(self.details.thorax_banner)
        details_scroll = QScrollArea()
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        details_scroll.setWidget(self.details)
        self.right_tabs = QTabWidget()
        self.right_tabs.setDocumentMode(True)
        self.right_tabs.addTab(self.session_panel, "Session && sites")
        self.right_tabs.addTab(details_scroll, "Consent && safety")
        self.right_tabs.addTab(self.segments, "Segments")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.patients)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.right_tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([300, 700, 440])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.setCentralWidget(splitter)

        # Temporary messages (what was saved, what was refused) take the left of the status bar;
        # what is under the pointer stays on the right.
        self.hover_label = QLabel()
        self.hover_label.setMaximumWidth(760)
        self.statusBar().addPermanentWidget(self.hover_label)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self._clear_message)

        self._build_actions()
        self._build_menus()
        self._connect()
        records.subscribe(self._on_change)
        self._load_session(None)
        self._update_title()
        self.resize(1440, 900)
        self._restore_settings()

    # -- actions and menus ------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None, *,
                checkable: bool = False, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_new_patient = a("&New patient…", self.new_patient, QKeySequence.StandardKey.New)
        self.act_new_session = a("New &session", self.new_session, "Ctrl+Shift+N")
        self.act_export = a("&Export session PDF…", self.export_pdf, "Ctrl+E")
        self.act_quit = a("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.act_undo = self.undo_stack.createUndoAction(self, "&Undo")
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.undo_stack.createRedoAction(self, "&Redo")
        self.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.act_grades = [a(f"Grasp {g} – {GRASP_LABELS[g]}\t{g}",
                             lambda _c=False, g=g: self.set_grasp(g)) for g in range(4)]
        self.act_cramp = a("Toggle &cramp\tC", self.toggle_cramp)
        self.act_remove = a("&Remove site\tDel", self.remove_site)
        self.act_sign = a("&Sign session…", self.sign_session)
        self.act_amend = a("Add &amendment…", self.amend_session)
        self.act_zoom_in = a("Zoom &in", lambda: self.chart.view.zoom_by(1.25, False),
                             QKeySequence.StandardKey.ZoomIn)
        self.act_zoom_out = a("Zoom &out", lambda: self.chart.view.zoom_by(0.8, False),
                              QKeySequence.StandardKey.ZoomOut)
        self.act_fit = a("&Fit chart", self.chart.view.fit, "Ctrl+0")
        self.act_layer = a("Switch &layer", self.chart.toggle_layer, "Ctrl+L")
        self.act_labels = a("Muscle &labels", self.chart.set_labels, "Ctrl+Shift+L",
                            checkable=True)
        self.act_hide = a("&Hide patient names", self.set_names_hidden, "Ctrl+H",
                          checkable=True,
                          tip="Hide names in the list and the title (the next patient may see "
                              "the screen)")

    def _build_menus(self) -> None:
        mb = self.menuBar()
        m = mb.addMenu("&File")
        for act in (self.act_new_patient, self.act_new_session, None, self.act_export, None,
                    self.act_quit):
            m.addSeparator() if act is None else m.addAction(act)
        m = mb.addMenu("&Edit")
        m.addAction(self.act_undo)
        m.addAction(self.act_redo)
        m.addSeparator()
        for act in (*self.act_grades, self.act_cramp, self.act_remove):
            m.addAction(act)
        m = mb.addMenu("&Session")
        m.addAction(self.act_sign)
        m.addAction(self.act_amend)
        m = mb.addMenu("&View")
        for act in (self.act_zoom_in, self.act_zoom_out, self.act_fit, None, self.act_layer,
                    self.act_labels, None, self.act_hide):
            m.addSeparator() if act is None else m.addAction(act)

    def _connect(self) -> None:
        p = self.patients
        p.patientSelected.connect(self._patient_selected)
        p.sessionSelected.connect(self._load_session)
        p.newPatientRequested.connect(self.new_patient)
        p.newSessionRequested.connect(self.new_session)
        c = self.chart
        c.regionClicked.connect(self.add_site_at)
        c.markerMoved.connect(self.move_site)
        c.siteSelected.connect(self._chart_selection)
        c.hoverText.connect(self.hover_label.setText)
        for src in (c.view, self.site_table):
            src.gradeRequested.connect(self.set_grasp)
            src.crampRequested.connect(self.toggle_cramp)
            src.removeRequested.connect(self.remove_site)
        self.site_table.siteSelected.connect(self._table_selection)
        sp = self.session_panel
        sp.errorOccurred.connect(self.show_error)
        sp.signRequested.connect(self.sign_session)
        sp.amendRequested.connect(self.amend_session)
        self.details.message.connect(self.show_error)
        self.segments.rootChosen.connect(self._root_chosen)

    # -- messages ---------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.statusBar().setStyleSheet("")
        self.statusBar().showMessage(text, STATUS_MS)

    def show_error(self, exc: UserFacingError | str) -> None:
        """A user or environment error: its sentence in the status bar; work carries on."""
        self.statusBar().setStyleSheet(ERROR_STYLE)
        self.statusBar().showMessage(str(exc))
        self._message_timer.start(STATUS_MS * 2)

    def _clear_message(self) -> None:
        self.statusBar().clearMessage()
        self.statusBar().setStyleSheet("")

    # -- title and privacy ------------------------------------------------------------------
    def _update_title(self) -> None:
        parts = []  # Qt adds " — imsmap" (the application display name)
        if self.demo:
            parts.append("DEMO clinic (made-up patients)")
        if self.patient is not None:
            name = HIDDEN_NAME if self.hide_names else self.patient.display_name
            parts.append(f"{self.patient.chart_number} {name}")
        parts.append(Path(self.records.db.path).name)
        title = " – ".join(parts) or "imsmap"
        if self.readonly:
            title += " [read-only]"
        self.setWindowTitle(title)

    def set_names_hidden(self, hidden: bool) -> None:
        self.hide_names = bool(hidden)
        if self.act_hide.isChecked() != self.hide_names:
            self.act_hide.setChecked(self.hide_names)
        self.patients.set_names_hidden(self.hide_names)
        self._update_title()

    # -- patients and sessions --------------------------------------------------------------
    def _patient_selected(self, patient_id: int | None) -> None:
        self.patient = self.records.repo.patient(patient_id) if patient_id is not None else None
        if self.patient is not None:
            ui_errors.register_private([self.patient.family_name, self.patient.given_name])
        self._update_title()
        self._update_actions()

    @property
    def session_id(self) -> int | None:
        s = self.session_panel.session
        return s.id if s is not None else None

    def _load_session(self, session_id: int | None) -> None:
        if session_id == self.session_id and session_id is not None:
            return
        self.undo_stack.clear()
        self.details.flush()
        self.session_panel.load(session_id)
        self.details.set_session(session_id)
        self.segments.set_session(session_id)
        self._refresh_sites()
        self.chart.set_editable(self.session_panel.editable)
        self.chart.select_site(None)
        self._update_actions()

    def _update_actions(self) -> None:
        editable = self.session_panel.editable
        has_session = self.session_id is not None
        self.act_new_patient.setEnabled(not self.readonly)
        self.act_new_session.setEnabled(self.patient is not None and not self.readonly)
        self.patients.new_patient.setEnabled(not self.readonly)
        self.patients.new_session.setEnabled(self.patient is not None and not self.readonly)
        for act in (*self.act_grades, self.act_cramp, self.act_remove):
            act.setEnabled(editable)
        self.act_sign.setEnabled(editable)
        s = self.session_panel.session
        self.act_amend.setEnabled(s is not None and s.is_signed and not self.readonly)
        self.act_export.setEnabled(has_session)
        self.right_tabs.setTabEnabled(1, has_session)
        self.right_tabs.setTabEnabled(2, has_session)

    def new_patient(self) -> None:
        dialog = PatientDialog(self.records, self)
        if dialog.exec() and dialog.patient is not None:
            self.patients.select_patient(dialog.patient.id)
            self.show_message(f"Patient {dialog.patient.chart_number} created.")

    def new_session(self) -> None:
        if self.patient is None:
            self.show_error("Choose a patient first, then start a session.")
            return
        self.session_panel.flush()
        # Whoever last wrote a note on this PC, else whoever treated this patient last time.
        practitioner = QSettings().value("session/practitioner", "", str) or ""
        if not practitioner:
            previous = self.records.repo.sessions_for_patient(self.patient.id)
            practitioner = next((s.practitioner for s in previous if s.practitioner), "")
        try:
            session = self.records.start_session(self.patient.id, practitioner=practitioner)
        except UserFacingError as exc:
            self.show_error(exc)
            return
        self.patients.select_session(session.id)
        self.chart.view.setFocus()
        self.show_message("New session started: click a muscle on the chart to add a site.")

    def sign_session(self) -> None:
        s = self.session_panel.session
        if s is None or not self.session_panel.editable:
            return
        self.session_panel.flush()
        self.details.flush()
        SignDialog(self.records, s.id, self).exec()

    def amend_session(self) -> None:
        s = self.session_panel.session
        if s is None or not s.is_signed or self.readonly:
            return
        AmendDialog(self.records, s.id, self).exec()

    def _root_chosen(self, root: str, muscles: frozenset, levels: frozenset) -> None:
        self.chart.set_root_highlight(muscles, levels)
        if root:
            self.show_message(f"{root}: {len(muscles)} muscles and the {root} paraspinal level "
                              "are lit on the chart.")

    def export_pdf(self) -> None:
        sid = self.session_id
        if sid is None:
            return
        try:
            from imsmap.report.session_pdf import write_session_pdf
        except ImportError:
            self.show_error("PDF export is not available in this version of imsmap.")
            return
        self.session_panel.flush()
        s = self.session_panel.session
        default = Path.home() / f"ims-{self.patient.chart_number if self.patient else 'session'}-" \
                                f"{s.started_at:%Y-%m-%d}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, "Export session PDF", str(default),
                                              "PDF documents (*.pdf)")
        if not path:
            return
        try:
            write_session_pdf(self.records, sid, path)
        except UserFacingError as exc:
            ui_errors.show_user_error(self, exc, "Export session PDF")
            return
        except OSError as exc:
            ui_errors.show_user_error(self, f"The PDF could not be written to {path}: "
                                            f"{exc.strerror or exc}.", "Export session PDF")
            return
        self.show_message(f"Saved {path}")

    # -- change notifications ---------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if change.entity == "patient":
            self.patients.refresh_patients()
            if self.patient is not None and change.entity_id == self.patient.id:
                self._patient_selected(self.patient.id)
        elif change.entity in ("session", "amendment"):
            if change.patient_id is not None and self.patient is not None \
                    and change.patient_id == self.patient.id:
                self.patients.refresh_sessions()
            if change.session_id == self.session_id:
                s = self.session_panel.session
                if change.action == "update" and s is not None and s.practitioner:
                    QSettings().setValue("session/practitioner", s.practitioner)
                if change.action == "sign":
                    self.undo_stack.clear()
                    self.session_panel.refresh()
                    self.chart.set_editable(False)
                    self._update_actions()
                    self.show_message("Session signed and locked.")
                elif change.entity == "amendment":
                    self.session_panel.refresh()
        elif change.entity == "site" and change.session_id == self.session_id:
            self._refresh_sites()

    def _refresh_sites(self) -> None:
        sid = self.session_id
        self.sites = self.records.repo.sites_for_session(sid) if sid is not None else []
        selected = self.selected_site_id()
        self._syncing_selection = True
        try:
            self.chart.set_sites(self.sites)
            self.site_table.set_sites(self.sites)
            if selected is not None and any(s.id == selected for s in self.sites):
                self.chart.select_site(selected, reveal=False)
                self.site_table.select_site(selected)
        finally:
            self._syncing_selection = False

    # -- selection --------------------------------------------------------------------------
    def selected_site_id(self) -> int | None:
        return self.chart.selected_site_id() or self.site_table.selected_site_id()

    def selected_site(self) -> Site | None:
        sid = self.selected_site_id()
        return next((s for s in self.sites if s.id == sid), None)

    def select_site(self, site_id: int | None) -> None:
        self._syncing_selection = True
        try:
            self.chart.select_site(site_id)
            self.site_table.select_site(site_id)
        finally:
            self._syncing_selection = False
        self._announce(site_id)

    def _chart_selection(self, site_id: int | None) -> None:
        if self._syncing_selection:
            return
        self.site_table.select_site(site_id)
        self._announce(site_id)

    def _table_selection(self, site_id: int | None) -> None:
        if self._syncing_selection:
            return
        self._syncing_selection = True
        try:
            self.chart.select_site(site_id)
        finally:
            self._syncing_selection = False
        self._announce(site_id)

    def _announce(self, site_id: int | None) -> None:
        site = next((s for s in self.sites if s.id == site_id), None)
        if site is not None:
            self.show_message(describe_site(self.atlas, site))

    # -- site edits (each saved at once, each one undo step) ---------------------------------
    def _editable_or_say(self) -> bool:
        if self.session_id is None:
            self.show_error("Start or open a session before recording sites "
                            "(New session, Ctrl+Shift+N).")
            return False
        if not self.session_panel.editable:
            self.show_error("This session is signed (or the database is read-only): sites "
                            "cannot change. Add an amendment instead.")
            return False
        return True

    def add_site_at(self, region: Region, x: float, y: float) -> None:
        if not self._editable_or_say():
            return
        try:
            site = self.records.add_site(
                self.session_id, self.chart.view_id, x, y, muscle_id=region.muscle,
                side=region.side, layer=region.layer, level=region.level)
        except UserFacingError as exc:
            self.show_error(exc)
            return
        self.undo_stack.push(AddSiteCommand(self.records, site.id, f"add site {site.seq}",
                                            self.show_error, self.select_site))
        self.select_site(site.id)
        self.chart.view.setFocus()

    def move_site(self, site_id: int, start: QPointF, end: QPointF) -> None:
        if not self._editable_or_say():
            self._refresh_sites()
            return
        try:
            site = self.records.move_site(site_id, end.x(), end.y())
        except UserFacingError as exc:
            self.show_error(exc)
            self._refresh_sites()  # the marker goes back where the store has it
            return
        self.undo_stack.push(MoveSiteCommand(self.records, site_id, f"move site {site.seq}",
                                             (start.x(), start.y()), (site.x, site.y),
                                             self.show_error, self.select_site))
        self.select_site(site_id)

    def _edit_selected(self, fields_for, text: str) -> None:
        if not self._editable_or_say():
            return
        site = self.selected_site()
        if site is None:
            self.show_error("Select a site first: click its marker on the chart or its row in "
                            "the list.")
            return
        new = fields_for(site)
        old = {k: getattr(site, k) for k in new}
        if old == new:
            return
        try:
            self.records.update_site(site.id, **new)
        except UserFacingError as exc:
            self.show_error(exc)
            return
        self.undo_stack.push(EditSiteCommand(self.records, site.id, f"{text} of site {site.seq}",
                                             old, new, self.show_error, self.select_site))
        self._announce(site.id)

    def set_grasp(self, grade: int) -> None:
        self._edit_selected(lambda s: {"grasp": grade}, "grasp")

    def toggle_cramp(self) -> None:
        self._edit_selected(lambda s: {"cramp": not s.cramp}, "cramp")

    def remove_site(self) -> None:
        if not self._editable_or_say():
            return
        site = self.selected_site()
        if site is None:
            self.show_error("Select the site to remove first.")
            return
        try:
            self.records.remove_site(site.id)
        except UserFacingError as exc:
            self.show_error(exc)
            return
        self.undo_stack.push(RemoveSiteCommand(self.records, site.id, f"remove site {site.seq}",
                                               self.show_error, self.select_site))
        self.show_message(f"Site {site.seq} removed (Ctrl+Z brings it back).")

    # -- settings and closing ---------------------------------------------------------------
    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        labels = settings.value("chart/labels", False, bool)
        self.act_labels.setChecked(labels)
        self.chart.set_labels(labels)
        self.set_names_hidden(settings.value("privacy/hide_names", False, bool))

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("chart/labels", self.act_labels.isChecked())
        settings.setValue("privacy/hide_names", self.hide_names)
        s = self.session_panel.session
        if s is not None and s.practitioner:
            settings.setValue("session/practitioner", s.practitioner)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        self.session_panel.flush()
        self.details.flush()
        self.save_settings()
        self.records.unsubscribe(self._on_change)
        super().closeEvent(event)
