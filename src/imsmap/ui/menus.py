"""The window's actions and menus and their enabling, and the dialogs they open that belong to
no controller (settings, set-up, about, shortcuts). `MenuMixin` is mixed into `MainWindow`: the
one mixin left; what the actions do is in the controllers the window gives them to
(`site_edits`, `planning_actions`, `report_actions`, `history_control`, `screen_lock`).
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from imsmap.domain.models import GRASP_LABELS
from imsmap.ui.about import AboutDialog
from imsmap.ui.first_run import open_wizard
from imsmap.ui.record.settings_dialog import SettingsDialog
from imsmap.ui.shortcuts import ShortcutsDialog


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
        reports = self.report_actions
        self.act_export = a("&Export session PDF…", reports.export_pdf, "Ctrl+E")
        self.act_export_progress = a("Export &progress report PDF…", reports.export_progress,
                                     "Ctrl+Shift+E")
        self.act_print = a("&Print…", reports.print_session, SK.Print)
        self.act_preview = a("Print pre&view…", reports.print_preview, "Ctrl+Shift+P")
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
        plan = self.planning_actions
        self.act_copy_forward = a("&Copy last visit's sites", plan.copy_forward, "Ctrl+Shift+C",
                                  tip="Add the previous visit's sites as planned markers")
        self.act_apply_protocol = a("Apply &protocol…", plan.apply_protocol, "Ctrl+Shift+A")
        self.act_save_protocol = a("Save as pro&tocol…", plan.save_protocol)
        self.act_sign = a("&Sign…", self.sign_session, "Ctrl+Shift+S")
        self.act_amend = a("&Amend…", self.amend_session)
        self.act_audit = a("Au&dit trail…", reports.audit_trail)
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
        history = self.history_control
        self.act_overlay = a("&Earlier sessions on the chart", history.set_overlay_visible,
                             "Ctrl+Shift+O", checkable=True)
        self.act_heat = a("&Heat map of earlier grasps", history.set_heat_visible, "Ctrl+Shift+M",
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
        self.act_lock = a("&Lock now", lambda: self.screen_lock.lock(), "Ctrl+Shift+K",
                          tip="Show only the lock screen until your PIN is entered")
        self.act_pin = a("Screen lock &PIN…", lambda: self.screen_lock.edit_settings())
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
        self.act_copy_forward.setEnabled(editable and self.planning_actions.can_copy_forward())
        self.act_apply_protocol.setEnabled(editable)
        self.act_save_protocol.setEnabled(has_session and writable
                                          and bool(self.edits.sites))
        self.act_settings.setEnabled(writable)
        self.act_setup.setEnabled(writable)
        self.act_pin.setEnabled(writable)
        self.act_lock.setEnabled(self.screen_lock.available())
        n = len(self.history_bar.sessions)
        for act in (self.act_prev_visit, self.act_next_visit, self.act_replay):
            act.setEnabled(n > 1)
        self.right_tabs.setTabEnabled(1, has_session)
        self.right_tabs.setTabEnabled(2, has_session)

    # -- session menu ---------------------------------------------------------------------
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

    # -- view menu: progress -----------------------------------------------------------------
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
