"""The window's actions and menus, what each one does when it is not a plain edit, and the
keyboard shortcuts dialog. `MenuMixin` is mixed into `MainWindow` (kept apart to keep both files
readable); it uses the window's panels and its `show_message` / `show_error`.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from imsmap.domain.errors import UserFacingError
from imsmap.domain.models import GRASP_LABELS
from imsmap.services import planning
from imsmap.ui import errors as ui_errors
from imsmap.ui.about import AboutDialog
from imsmap.ui.first_run import open_wizard
from imsmap.ui.record.settings_dialog import SettingsDialog
from imsmap.ui.record.sign_amend import AuditDialog
from imsmap.ui.shortcuts import ShortcutsDialog
from imsmap.ui.undo import AddSitesCommand


def _call_with_parent(fn, *args, parent: QWidget):
    """Call a report function, passing the window as its parent when it takes one."""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        params = {}
    if "parent" in params:
        return fn(*args, parent=parent)
    positional = [p for p in params.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if len(positional) > len(args):
        return fn(*args, parent)
    return fn(*args)


# The menu bar, in order; the window shows these titles before their menus are filled.
MENU_TITLES = ("&File", "&Edit", "&Session", "&Charts", "&View", "&Help")


class MenuMixin:
    """Actions, menus and their enabling; mixed into MainWindow."""

    def _action(self, text: str, slot, shortcut=None, *, checkable: bool = False,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, (list, tuple)):
            action.setShortcuts([QKeySequence(k) for k in shortcut])
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        SK = QKeySequence.StandardKey
        self.act_new_patient = a("&New patient…", self.new_patient, SK.New)
        self.act_new_session = a("New &session", self.new_session, "Ctrl+Shift+N")
        self.act_export = a("&Export session PDF…", self.export_pdf, "Ctrl+E")
        self.act_export_progress = a("Export &progress report PDF…", self.export_progress,
                                     "Ctrl+Shift+E")
        self.act_print = a("&Print…", self.print_session, SK.Print)
        self.act_preview = a("Print pre&view…", self.print_preview, "Ctrl+Shift+P")
        self.act_backup = a("&Back up now", self.backup_now, "Ctrl+Shift+B")
        self.act_settings = a("Clinic se&ttings…", self.clinic_settings, "Ctrl+,")
        self.act_setup = a("Clinic set-&up…", self.clinic_setup,
                           tip="The clinic's name, practitioner, screen lock and backups, "
                               "one question at a time")
        self.act_quit = a("&Quit", self.close, SK.Quit)
        self.act_undo = self.undo_stack.createUndoAction(self, "&Undo")
        self.act_undo.setShortcut(SK.Undo)
        self.act_redo = self.undo_stack.createRedoAction(self, "&Redo")
        self.act_redo.setShortcut(SK.Redo)
        self.act_grades = [a(f"Grasp {g} – {GRASP_LABELS[g]}\t{g}",
                             lambda _c=False, g=g: self.edits.set_grasp(g)) for g in range(4)]
        self.act_cramp = a("Toggle &cramp\tC", self.edits.toggle_cramp)
        self.act_remove = a("&Remove site\tDel", self.edits.remove_site)
        self.act_copy_forward = a("&Copy last visit's sites", self.copy_forward, "Ctrl+Shift+C",
                                  tip="Add the previous visit's sites as planned markers")
        self.act_apply_protocol = a("Apply &protocol…", self.apply_protocol, "Ctrl+Shift+A")
        self.act_save_protocol = a("Save as pro&tocol…", self.save_protocol)
        self.act_sign = a("&Sign…", self.sign_session, "Ctrl+Shift+S")
        self.act_amend = a("&Amend…", self.amend_session)
        self.act_audit = a("Au&dit trail…", self.audit_trail)
        self.act_zoom_in = a("Zoom &in", lambda: self.chart.view.zoom_by(1.25, False), SK.ZoomIn)
        self.act_zoom_out = a("Zoom &out", lambda: self.chart.view.zoom_by(0.8, False),
                              SK.ZoomOut)
        self.act_fit = a("&Fit chart", self.chart.view.fit, "Ctrl+0")
        self.act_layer = a("Switch &layer", self.chart.toggle_layer, "Ctrl+L")
        # The charts by keyboard: Ctrl+1..9 for the first nine, Ctrl+PgDown/PgUp to step.
        self.act_views = [a(f"Chart: {self.chart.tabs.tabText(i).split(' (')[0]}",
                            lambda _c=False, i=i: self.chart.tabs.setCurrentIndex(i),
                            f"Ctrl+{i + 1}" if i < 9 else None)
                          for i in range(self.chart.tabs.count())]
        self.act_next_view = a("Next chart", lambda: self._step_view(1), "Ctrl+PgDown")
        self.act_prev_view = a("Previous chart", lambda: self._step_view(-1), "Ctrl+PgUp")
        self.act_labels = a("Muscle &labels", self.chart.set_labels, "Ctrl+Shift+L",
                            checkable=True)
        self.act_overlay = a("&Earlier sessions on the chart", self.set_overlay_visible,
                             "Ctrl+Shift+O", checkable=True)
        self.act_heat = a("&Heat map of earlier grasps", self.set_heat_visible, "Ctrl+Shift+M",
                          checkable=True)
        self.act_prev_visit = a("Pre&vious visit", lambda: self.history_bar.step(-1), "Alt+Left")
        self.act_next_visit = a("Ne&xt visit", lambda: self.history_bar.step(1), "Alt+Right")
        self.act_replay = a("&Replay visits", self.history_bar.set_replaying, "Ctrl+Shift+R",
                            checkable=True)
        self.act_progress = a("&Progress", self.show_progress, "Ctrl+Shift+G",
                              tip="The patient's progress beside the chart")
        self.act_refresh = a("Re&fresh", lambda: self.refresh_all(force=True), SK.Refresh,
                             tip="Read the database again (changes made on another computer)")
        self.act_hide = a("Privacy &screen", self.set_names_hidden, ["F12", "Ctrl+H"],
                          checkable=True,
                          tip="Hide names and identifiers everywhere (the next patient may see "
                              "the screen)")
        self.act_lock = a("&Lock now", self.lock, "Ctrl+Shift+K",
                          tip="Show only the lock screen until your PIN is entered")
        self.act_pin = a("Screen lock &PIN…", self.lock_settings)
        self.act_shortcuts = a("&Keyboard shortcuts", self.show_shortcuts, "F1")
        self.act_about = a("&About imsmap", self.show_about)
        self.act_overlay.setChecked(True)

    def _build_menus(self) -> None:
        """Fill the menu bar's menus (the window made them, empty, for its first paint)."""
        menus = self._menus

        def menu(title: str, actions) -> None:
            m = menus[title]
            for act in actions:
                m.addSeparator() if act is None else m.addAction(act)

        menu("&File", (self.act_new_patient, self.act_new_session, None, self.act_export,
                       self.act_export_progress, self.act_print, self.act_preview, None,
                       self.act_backup, self.act_settings, self.act_setup, None,
                       self.act_quit))
        menu("&Edit", (self.act_undo, self.act_redo, None, *self.act_grades, self.act_cramp,
                       self.act_remove))
        menu("&Session", (self.act_copy_forward, self.act_apply_protocol,
                          self.act_save_protocol, None, self.act_sign, self.act_amend,
                          self.act_audit))
        menu("&Charts", (*self.act_views, None, self.act_next_view, self.act_prev_view))
        menu("&View", (self.act_zoom_in, self.act_zoom_out, self.act_fit, None, self.act_layer,
                       self.act_labels, None, self.act_overlay, self.act_heat,
                       self.act_prev_visit, self.act_next_visit, self.act_replay, None,
                       self.act_progress, self.act_refresh, None, self.act_hide, self.act_lock,
                       self.act_pin))
        menu("&Help", (self.act_shortcuts, None, self.act_about))

    def _step_view(self, step: int) -> None:
        tabs = self.chart.tabs
        tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())

    def _update_actions(self) -> None:
        s = self.session_panel.session
        editable = self.session_panel.editable
        has_session = s is not None
        writable = not self.readonly
        has_patient = self.patient is not None
        self.act_new_patient.setEnabled(writable)
        self.act_new_session.setEnabled(has_patient and writable)
        self.patients.new_patient.setEnabled(writable)
        self.patients.new_session.setEnabled(has_patient and writable)
        for act in (*self.act_grades, self.act_cramp, self.act_remove):
            act.setEnabled(editable)
        self.act_sign.setEnabled(editable)
        self.act_amend.setEnabled(has_session and s.is_signed and writable)
        self.act_audit.setEnabled(has_session)
        self.act_export.setEnabled(has_session)
        self.act_print.setEnabled(has_session)
        self.act_preview.setEnabled(has_session)
        self.act_export_progress.setEnabled(has_patient and bool(self.overlay.history.sessions))
        self.act_copy_forward.setEnabled(
            editable and planning.previous_session_id(self.records, s.id) is not None)
        self.act_apply_protocol.setEnabled(editable)
        self.act_save_protocol.setEnabled(has_session and writable
                                          and bool(self.edits.sites))
        self.act_settings.setEnabled(writable)
        self.act_setup.setEnabled(writable)
        self.act_pin.setEnabled(writable)
        self.act_lock.setEnabled(self.lock_available())
        n = len(self.history_bar.sessions)
        for act in (self.act_prev_visit, self.act_next_visit, self.act_replay):
            act.setEnabled(n > 1)
        self.right_tabs.setTabEnabled(1, has_session)
        self.right_tabs.setTabEnabled(2, has_session)

    # -- session menu ---------------------------------------------------------------------
    def copy_forward(self) -> None:
        if not self.edits.editable_or_say():
            return
        try:
            sites = planning.copy_forward(self.records, self.session_id)
        except UserFacingError as exc:
            self.show_error(exc)
            return
        self.undo_stack.push(AddSitesCommand(
            self.records, [s.id for s in sites], f"copy forward ({len(sites)} sites)",
            self.show_error, self.edits.select_site))
        self.show_message(f"{len(sites)} sites of the last visit added as planned markers: "
                          "grade each one you needle, remove the others.")

    def apply_protocol(self) -> None:
        if not self.edits.editable_or_say():
            return
        found = planning.protocols(self.records)
        if not found:
            self.show_error("There are no protocols yet: open a session and use Session → "
                            "Save as protocol.")
            return
        names = [f"{p.name} ({len(p.sites)} sites)" for p in found]
        choice, ok = QInputDialog.getItem(self, "Apply protocol", "Protocol:", names, 0, False)
        if not ok:
            return
        protocol = found[names.index(choice)]
        try:
            sites = planning.apply_protocol(self.records, protocol.id, self.session_id)
        except UserFacingError as exc:
            self.show_error(exc)
            return
        self.undo_stack.push(AddSitesCommand(
            self.records, [s.id for s in sites], f"protocol {protocol.name}", self.show_error,
            self.edits.select_site))
        self.show_message(f"Protocol {protocol.name}: {len(sites)} planned sites added.")

    def save_protocol(self) -> None:
        sid = self.session_id
        if sid is None or self.readonly:
            return
        name, ok = QInputDialog.getText(self, "Save as protocol",
                                        "Name of the protocol (e.g. L5 radiculopathy):")
        if not ok or not name.strip():
            return
        try:
            protocol = planning.save_protocol(self.records, name, sid)
        except UserFacingError as exc:
            self.show_error(exc)
            return
        self.show_message(f"Protocol {protocol.name} saved with {len(protocol.sites)} sites.")

    def audit_trail(self) -> None:
        if self.session_id is not None:
            AuditDialog(self.records, self.session_id, self).exec()

    # -- file menu ------------------------------------------------------------------------
    def _report(self, module: str, name: str):
        """A report function, imported only when asked (the reports load QtPdf and friends)."""
        try:
            mod = __import__(f"imsmap.report.{module}", fromlist=[name])
            return getattr(mod, name)
        except (ImportError, AttributeError):
            self.show_error(f"This version of imsmap cannot do that yet ({module} is not "
                            "installed). Export the session PDF instead.")
            return None

    def _run_report(self, title: str, fn, *args) -> bool:
        try:
            _call_with_parent(fn, *args, parent=self)
        except UserFacingError as exc:
            ui_errors.show_user_error(self, exc, title)
            return False
        except OSError as exc:
            ui_errors.show_user_error(self, f"{title} failed: {exc.strerror or exc}.", title)
            return False
        return True

    def print_session(self) -> None:
        fn = self._report("printing", "print_session") if self.session_id else None
        if fn is not None:
            self.session_panel.flush()
            self._run_report("Print", fn, self.records, self.session_id)

    def print_preview(self) -> None:
        fn = self._report("printing", "print_preview_session") if self.session_id else None
        if fn is not None:
            self.session_panel.flush()
            self._run_report("Print preview", fn, self.records, self.session_id)

    def export_progress(self) -> None:
        if self.patient is None:
            return
        fn = self._report("progress_pdf", "write_progress_pdf")
        if fn is None:
            return
        default = Path.home() / f"ims-progress-{self.patient.chart_number}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, "Export progress report", str(default),
                                              "PDF documents (*.pdf)")
        if not path:
            return
        chosen = self.progress.chosen_ids() or None
        try:
            fn(self.records, self.patient.id, path, session_ids=chosen)
        except UserFacingError as exc:
            ui_errors.show_user_error(self, exc, "Export progress report")
            return
        except OSError as exc:
            ui_errors.show_user_error(self, f"The PDF could not be written to {path}: "
                                            f"{exc.strerror or exc}.", "Export progress report")
            return
        self.show_message(f"Saved {path}")

    def clinic_settings(self) -> None:
        if not self.readonly and SettingsDialog(self.records, self).exec():
            self.show_message("Clinic settings saved.")

    def clinic_setup(self) -> None:
        if not self.readonly:
            open_wizard(self)

    def show_about(self) -> None:
        AboutDialog(self.records, self).exec()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    # -- view menu: earlier sessions, progress ----------------------------------------------
    def _attach_overlay(self, *_args) -> None:
        """Give the chart scene on show its history overlay item (once per scene)."""
        scene = self.chart.scene
        if scene is not None:
            self.overlay.attach(scene)
            self.overlay.update(scene)

    def _overlay_options_changed(self) -> None:
        bar = self.history_bar
        if self.act_overlay.isChecked() != bar.show_earlier.isChecked():
            self.act_overlay.setChecked(bar.show_earlier.isChecked())
        if self.act_heat.isChecked() != bar.heat.isChecked():
            self.act_heat.setChecked(bar.heat.isChecked())
        self._attach_overlay()

    def set_overlay_visible(self, on: bool) -> None:
        self.history_bar.show_earlier.setChecked(bool(on))

    def set_heat_visible(self, on: bool) -> None:
        self.history_bar.heat.setChecked(bool(on))

    def _timeline_session(self, session_id: int) -> None:
        self.patients.select_session(session_id)
        if self.session_id != session_id:  # refused (unsaved edits): the slider goes back
            self.history_bar.set_sessions(self.overlay.history.sessions, self.session_id)

    def _replay_toggled(self, on: bool) -> None:
        if self.act_replay.isChecked() != on:
            self.act_replay.setChecked(on)

    def show_progress(self) -> None:
        index = self.right_tabs.indexOf(self.progress_tab)
        self.right_tabs.setCurrentIndex(index)

    def _right_tab_changed(self, index: int) -> None:
        """The Progress tab needs room: widen the right column while it is shown."""
        progress = self.right_tabs.widget(index) is self.progress_tab
        sizes = self.splitter.sizes()
        if progress and self._narrow_sizes is None:
            self._narrow_sizes = sizes
            total = sum(sizes)
            left = min(sizes[0], 200)
            right = max(sizes[2], total - left - 380)  # the tall body chart keeps 380 px
            self.splitter.setSizes([left, max(200, total - left - right), right])
        elif not progress and self._narrow_sizes is not None:
            self.splitter.setSizes(self._narrow_sizes)
            self._narrow_sizes = None

    def show_target(self, target) -> None:
        """A row of the progress grid: the muscle, and for paraspinal rows only its level."""
        self.show_muscle(target.muscle_id, target.side, target.level)

    def show_muscle(self, muscle_id: str, side: str, level: str | None = None) -> None:
        """A muscle chosen in the progress panel: light it on the chart, on the view where it
        was needled last."""
        ids = set()
        for vid in self.atlas.views:
            for r in self.atlas.view(vid).regions:
                if r.muscle == muscle_id and (not side or r.side == side or side == "M") \
                        and (level is None or r.level in (None, level)):
                    ids.add(r.id)
        self.chart.set_root_highlight(frozenset(ids), frozenset())
        history = self.overlay.history
        for sid in reversed(history.ids):
            views = [s.view_id for s in history.sites_of(sid)
                     if s.muscle_id == muscle_id and s.side.value == side
                     and (level is None or s.level == level)]
            if views:
                self.chart.set_view(views[-1])
                break
        try:
            name = self.atlas.muscle(muscle_id).name
        except Exception:  # noqa: BLE001 - a muscle this atlas lacks: its id will do
            name = muscle_id
        where = (f" {level}" if level else "") + {"L": ", left", "R": ", right"}.get(side, "")
        self.show_message(f"{name}{where} is lit on the chart.")

