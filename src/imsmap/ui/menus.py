"""The window's actions and menus and their enabling, and the dialogs they open that belong to
no other controller (settings, set-up, about, shortcuts). `WindowMenus` is a controller the main
window makes in step 2 and gives what it uses: the controllers that carry the actions out
(`SiteEdits`, `PlanningActions`, `ReportActions`, `HistoryControl`, `ScreenLock`), the chart and
the history bar they steer, and the window's own commands (`WindowCommands`). Which actions are
on is decided from a `MenuState` the window gives `update`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QMenuBar

from imsmap.domain.roles import ADMIN
from imsmap.services.records import Records
from imsmap.ui import touch_size
from imsmap.ui.about import AboutDialog
from imsmap.ui.chart_panel import ChartPanel
from imsmap.ui.first_run import SetupFollowUp, open_wizard
from imsmap.ui.history_bar import HistoryBar
from imsmap.ui.history_control import HistoryControl
from imsmap.ui.planning_actions import PlanningActions
from imsmap.ui.record.settings_dialog import SettingsDialog
from imsmap.ui.report_actions import ReportActions
from imsmap.ui.screen_lock import ScreenLock, lock_now_tip
from imsmap.ui.shortcuts import HELP_TEXT, ShortcutsDialog
from imsmap.ui.site_edits import SiteEdits
from imsmap.ui.wording import grasp_word

# The menu bar, in order; the window shows these titles (translated) before their menus are
# filled.
MENU_TITLES = (QT_TRANSLATE_NOOP("WindowMenus", "&File"), QT_TRANSLATE_NOOP("WindowMenus", "&Edit"),
               QT_TRANSLATE_NOOP("WindowMenus", "&Patient"),
               QT_TRANSLATE_NOOP("WindowMenus", "&Session"),
               QT_TRANSLATE_NOOP("WindowMenus", "&Charts"),
               QT_TRANSLATE_NOOP("WindowMenus", "&View"), QT_TRANSLATE_NOOP("WindowMenus", "&Help"))

Shortcut = QKeySequence.StandardKey | str | Sequence[str] | None


def add_menu_titles(bar: QMenuBar) -> dict[str, QMenu]:
    """The menu bar's menus, empty, for the window's first paint (`WindowMenus` fills them)."""
    return {title: bar.addMenu(QCoreApplication.translate("WindowMenus", title))
            for title in MENU_TITLES}


@dataclass(frozen=True)
class WindowCommands:
    """What the window itself does when its menus ask."""

    new_patient: Callable[[], None]
    new_session: Callable[[], None]
    backup_now: Callable[[], None]
    sign_session: Callable[[], None]
    amend_session: Callable[[], None]
    # withdraw the open draft, or mark the open signed session entered in error
    retract_session: Callable[[], None]
    show_progress: Callable[[], None]
    refresh: Callable[[], object]  # read the database again
    set_names_hidden: Callable[[bool], None]  # the privacy screen
    quit: Callable[[], object]
    # Patient > Edit details… (ui.session_actions)
    edit_patient: Callable[[], None] = lambda: None
    # Patient > Merge duplicate record… / Separate records… (ui.patient_merging)
    merge_records: Callable[[], None] = lambda: None
    separate_records: Callable[[], None] = lambda: None
    # a backup put in place of this computer's records (ui.restore_backup); None: not here
    restore_backup: Callable[[], object] | None = None


@dataclass(frozen=True)
class MenuState:
    """What the actions' enabling depends on, as the window sees it now."""

    writable: bool  # the database file can be written
    has_patient: bool
    has_session: bool
    signed: bool  # the open session is signed
    retracted: bool  # the open session is withdrawn or entered in error (counted nowhere)
    editable: bool  # the open session's sites can be changed
    has_history: bool  # the patient has sessions for a progress report
    can_copy_forward: bool  # the open draft has an earlier visit to copy from
    has_sites: bool  # the open session has sites (to save as a protocol)
    can_lock: bool  # the window is not locked (Lock now: the lock screen, or without a PIN
    # the privacy screen)
    visits: int  # the patient's visits on the history bar
    # Who edits the open session in another room, as "login in room" (None: nobody): this
    # room may write nothing to it, its undo steps included
    held_elsewhere: str | None = None


def _plain(text: str) -> str:
    """A menu's or an action's text as shown: without its mnemonic's « & »."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class WindowMenus(QObject):
    """The window's actions (each added to `window`, so its shortcut works anywhere in it),
    its menus, and which actions are on. A QObject (a child of the window) for its words'
    translations (tr)."""

    def __init__(self, window: QMainWindow, menus: dict[str, QMenu], records: Records,
                 undo_stack: QUndoStack, chart: ChartPanel, history_bar: HistoryBar,
                 edits: SiteEdits, planning: PlanningActions, reports: ReportActions,
                 history: HistoryControl, screen_lock: ScreenLock, commands: WindowCommands,
                 setup_follow_up: SetupFollowUp, say: Callable[[str], None]):
        super().__init__(window)
        self.window = window  # the actions' owner and the dialogs' parent
        self._menus = menus
        self.records = records
        self.chart = chart
        self.history_bar = history_bar
        self.setup_follow_up = setup_follow_up
        self.say = say
        self.screen_lock = screen_lock
        self._build_actions(undo_stack, edits, planning, reports, history, screen_lock,
                            commands)
        self._fill_menus()
        screen_lock.availableChanged.connect(self._follow_lock)
        self._follow_lock(screen_lock.available())

    def pin_menu_path(self) -> str | None:
        """Where the PIN is set, as the menus show it: « View > Screen lock PIN… »; None on
        a file open read-only, where no PIN can be set (the PIN is kept in the file)."""
        if self.records.read.readonly:
            return None
        return "{menu} > {action}".format(menu=_plain(self.menu("&View").title()),
                                           action=_plain(self.act_pin.text()))

    def _follow_lock(self, available: bool) -> None:
        """Lock now on while the window is not locked, its tip saying what it does: the lock
        screen with a PIN, the privacy screen (which anyone can lift) without one."""
        self.act_lock.setEnabled(available)
        tip = lock_now_tip(self.screen_lock.has_pin, self.pin_menu_path())
        self.act_lock.setStatusTip(tip)
        self.act_lock.setToolTip(tip)

    def menu(self, title: str) -> QMenu:
        """One of the menu bar's menus, by its title in `MENU_TITLES`."""
        return self._menus[title]

    def _action(self, text: str, slot: Callable[..., object], shortcut: Shortcut = None, *,
                checkable: bool = False, tip: str = "") -> QAction:
        action = QAction(text, self.window)
        if isinstance(shortcut, (list, tuple)):
            action.setShortcuts([QKeySequence(k) for k in shortcut])
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _build_actions(self, undo_stack: QUndoStack, edits: SiteEdits, plan: PlanningActions,
                       reports: ReportActions, history: HistoryControl,
                       screen_lock: ScreenLock, do: WindowCommands) -> None:
        a = self._action
        SK = QKeySequence.StandardKey
        chart = self.chart
        bar = self.history_bar
        self.act_new_patient = a(self.tr("&New patient…"), do.new_patient, SK.New)
        self.act_new_session = a(self.tr("New &session"), do.new_session, "Ctrl+Shift+N")
        self.act_export = a(self.tr("&Export session PDF…"), reports.export_pdf, "Ctrl+E")
        self.act_export_progress = a(self.tr("Export pro&gress report PDF…"), reports.export_progress,
                                     "Ctrl+Shift+E")
        self.act_export_fhir = a(
            self.tr("Export &FHIR bundle…"), reports.export_fhir,
            tip=self.tr("The open patient's sessions as an HL7 FHIR R4 bundle (JSON), each "
                        "signed one with its PDF, in a file you choose"))
        self.act_print = a(self.tr("&Print…"), reports.print_session, SK.Print)
        self.act_preview = a(self.tr("Print pre&view…"), reports.print_preview, "Ctrl+Shift+P")
        self.act_backup = a(self.tr("&Back up now"), do.backup_now, "Ctrl+Shift+B")
        if self.records.read.on_server:
            # A clinic server is backed up on the server as a whole, and a room's window makes
            # no backups (ui.window_backups): Back up now there said "The automatic backup
            # failed: There is no database at anna.nguyen at database clinic on …".
            why = self.tr("The clinic server is backed up on the server, as a whole, by whoever "
                          "looks after it (imsmap backup --dsn); the rooms make no backups of "
                          "their own.")
            self.act_backup.setEnabled(False)
            self.act_backup.setStatusTip(why)
            self.act_backup.setToolTip(why)
        self.act_settings = a(self.tr("Clinic se&ttings…"), self.clinic_settings, "Ctrl+,")
        self.act_restore = a(self.tr("&Restore from backup…"),
                             do.restore_backup or (lambda: None),
                             tip=self.tr("Put the newest backup of a folder (a USB drive) in "
                                         "place of these records; they are kept aside"))
        self.act_restore.setVisible(do.restore_backup is not None)
        self.act_setup = a(self.tr("Clinic set-&up…"), self.clinic_setup,
                           tip=self.tr("The clinic's name, practitioner, screen lock and backups, "
                               "one question at a time"))
        # The guide's keys on every system: the standard Quit has no key on Windows, and Redo
        # is Ctrl+Y alone there (Ctrl+Shift+Z was the guide's, and did nothing)
        self.act_quit = a(self.tr("&Quit"), do.quit, "Ctrl+Q")
        # On a clinic server the clinic's settings are its administrators' (the server refuses
        # them to anyone else): a practitioner's window says so instead of offering them.
        self.clinic_settings_allowed = ADMIN in self.records.read.roles
        if not self.clinic_settings_allowed:
            why = self.tr("The clinic's settings are kept by its administrators on the clinic "
                          "server; sign in with an administrator's login to change them.")
            for act in (self.act_settings, self.act_setup):
                act.setStatusTip(why)
                act.setToolTip(why)
        self.act_undo = undo_stack.createUndoAction(self.window, self.tr("&Undo"))
        self.act_undo.setShortcut(SK.Undo)
        self.act_redo = undo_stack.createRedoAction(self.window, self.tr("&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        # Their text names the last change ("Undo cramp of site 1"): the shortcuts dialog, a
        # list of keys, read that (F1 after a cramp: "Ctrl+Z  Undo cramp of site 1").
        self.act_undo.setProperty(HELP_TEXT, self.tr("Undo the last change"))
        self.act_redo.setProperty(HELP_TEXT, self.tr("Redo what was undone"))
        self.act_grades = [a("", lambda _c=False, g=g: edits.set_grasp(g)) for g in range(4)]
        self._name_grades(chart.grasp_labels)
        chart.graspLabelsChanged.connect(self._name_grades)
        self.act_cramp = a(self.tr("Toggle &cramp\tC"), edits.toggle_cramp)
        self.act_remove = a(self.tr("Re&move site\tDel"), edits.remove_site)
        self.act_copy_forward = a(self.tr("&Copy last visit's sites"), plan.copy_forward, "Ctrl+Shift+C",
                                  tip=self.tr("Add the previous visit's sites as planned markers"))
        self.act_apply_protocol = a(self.tr("Apply &protocol…"), plan.apply_protocol, "Ctrl+Shift+A")
        self.act_save_protocol = a(self.tr("Save as pro&tocol…"), plan.save_protocol)
        self.act_sign = a(self.tr("&Sign…"), do.sign_session, "Ctrl+Shift+S")
        self.act_amend = a(self.tr("&Add amendment…"), do.amend_session)
        self.act_withdraw = a(self.tr("&Withdraw draft…"), do.retract_session,
                              tip=self.tr("Take a draft started by mistake out of the "
                                          "patient's treatment; it stays readable"))
        self.act_in_error = a(self.tr("Mark entered in &error…"), do.retract_session,
                              tip=self.tr("Say a signed session is not this patient's "
                                          "treatment (signed on the wrong patient)"))
        self.act_audit = a(self.tr("Au&dit trail…"), reports.audit_trail)
        self.act_edit_patient = a(self.tr("&Edit details…"), do.edit_patient,
                                  tip=self.tr("Correct the open patient's chart number, name, "
                                              "date of birth, sex or notes"))
        self.act_merge = a(self.tr("&Merge duplicate record…"), do.merge_records,
                           tip=self.tr("One person registered twice: read both records as one "
                                       "history, rewriting nothing"))
        self.act_separate = a(self.tr("Se&parate records…"), do.separate_records,
                              tip=self.tr("End a merge made by mistake: both records read as "
                                          "before"))
        self.act_zoom_in = a(self.tr("Zoom &in"), lambda: chart.view.zoom_by(1.25, False), SK.ZoomIn)
        self.act_zoom_out = a(self.tr("Zoom &out"), lambda: chart.view.zoom_by(0.8, False), SK.ZoomOut)
        self.act_fit = a(self.tr("Fi&t chart"), chart.view.fit, "Ctrl+0")
        self.act_layer = a(self.tr("S&witch layer"), chart.toggle_layer, "Ctrl+L")
        # The charts by keyboard: Ctrl+1..9 for the first nine, Ctrl+PgDown/PgUp to step.
        self.act_views = [a(self.tr("Chart: {name}").format(name=chart.view_title(i)),
                            lambda _c=False, i=i: chart.tabs.setCurrentIndex(i),
                            f"Ctrl+{i + 1}" if i < 9 else None)
                          for i in range(chart.tabs.count())]
        self.act_next_view = a(self.tr("Next chart"), lambda: self.step_view(1), "Ctrl+PgDown")
        self.act_prev_view = a(self.tr("Previous chart"), lambda: self.step_view(-1), "Ctrl+PgUp")
        self.act_labels = a(self.tr("Muscle la&bels"), chart.show_labels, "Ctrl+Shift+L", checkable=True)
        self.act_overlay = a(self.tr("&Earlier sessions on the chart"), history.set_overlay_visible,
                             "Ctrl+Shift+O", checkable=True)
        self.act_heat = a(self.tr("&Heat map of earlier grasps"), history.set_heat_visible, "Ctrl+Shift+M",
                          checkable=True)
        self.act_prev_visit = a(self.tr("Pre&vious visit"), lambda: bar.step(-1), "Alt+Left")
        self.act_next_visit = a(self.tr("Ne&xt visit"), lambda: bar.step(1), "Alt+Right")
        self.act_replay = a(self.tr("&Replay visits"), bar.set_replaying, "Ctrl+Shift+R", checkable=True)
        self.act_progress = a(self.tr("&Progress"), do.show_progress, "Ctrl+Shift+G",
                              tip=self.tr("The patient's progress beside the chart"))
        self.act_refresh = a(self.tr("Re&fresh"), do.refresh, SK.Refresh,
                             tip=self.tr("Read the database again (changes made on another computer)"))
        self.act_hide = a(self.tr("Privacy &screen"), do.set_names_hidden, ["F12", "Ctrl+H"],
                          checkable=True,
                          tip=self.tr("Hide names and identifiers everywhere (the next patient may see "
                              "the screen)"))
        # its tip follows the PIN (`_follow_lock`)
        self.act_lock = a(self.tr("&Lock now"), lambda: screen_lock.lock_now(), "Ctrl+Shift+K")
        self.act_pin = a(self.tr("Scree&n lock PIN…"), lambda: screen_lock.edit_settings())
        self.act_shortcuts = a(self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1")
        self.act_about = a(self.tr("&About imsmap"), self.show_about)
        self.act_overlay.setChecked(True)
        self.act_touch = a(self.tr("To&uch-sized controls"), touch_size.choose, checkable=True,
                           tip=self.tr("Rows, tabs, buttons and boxes a fingertip wide, for a "
                                       "touch screen"))
        self.act_touch.setChecked(touch_size.wanted())
        touch_size.apply(self.act_touch.isChecked())

    def _fill_menus(self) -> None:
        def menu(title: str, actions: Sequence[QAction | None]) -> None:
            m = self._menus[title]
            for act in actions:
                if act is None:
                    m.addSeparator()
                else:
                    m.addAction(act)

        menu("&File", (self.act_new_patient, self.act_new_session, None, self.act_export,
                       self.act_export_progress, self.act_print, self.act_preview, None,
                       self.act_backup, self.act_restore, self.act_settings, self.act_setup,
                       None,
                       self.act_quit))
        menu("&Edit", (self.act_undo, self.act_redo, None, *self.act_grades, self.act_cramp,
                       self.act_remove))
        menu("&Patient", (self.act_edit_patient, None, self.act_export_fhir, None,
                          self.act_merge, self.act_separate))
        menu("&Session", (self.act_copy_forward, self.act_apply_protocol,
                          self.act_save_protocol, None, self.act_sign, self.act_amend,
                          None, self.act_withdraw, self.act_in_error, None, self.act_audit))
        menu("&Charts", (*self.act_views, None, self.act_next_view, self.act_prev_view))
        menu("&View", (self.act_zoom_in, self.act_zoom_out, self.act_fit, None, self.act_layer,
                       self.act_labels, None, self.act_overlay, self.act_heat,
                       self.act_prev_visit, self.act_next_visit, self.act_replay, None,
                       self.act_progress, self.act_refresh, None, self.act_hide, self.act_lock,
                       self.act_pin, None, self.act_touch))
        menu("&Help", (self.act_shortcuts, None, self.act_about))

    def step_view(self, step: int) -> None:
        """The next (1) or previous (-1) chart, round the tabs."""
        tabs = self.chart.tabs
        tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())

    def update(self, state: MenuState) -> None:
        """Each action on or off for what is open now."""
        writable = state.writable
        editable = state.editable
        self.act_new_patient.setEnabled(writable)
        self.act_new_session.setEnabled(state.has_patient and writable)
        self.act_edit_patient.setEnabled(state.has_patient and writable)
        self.act_merge.setEnabled(writable)
        self.act_separate.setEnabled(state.has_patient and writable)
        for act in (*self.act_grades, self.act_cramp, self.act_remove):
            act.setEnabled(editable)
        self.act_sign.setEnabled(editable)
        self.act_amend.setEnabled(state.has_session and state.signed and writable)
        self.act_withdraw.setEnabled(editable and not state.retracted)
        self.act_in_error.setEnabled(state.has_session and state.signed and writable
                                     and not state.retracted)
        self.act_audit.setEnabled(state.has_session)
        self.act_export.setEnabled(state.has_session)
        self.act_print.setEnabled(state.has_session)
        self.act_preview.setEnabled(state.has_session)
        self.act_export_progress.setEnabled(state.has_patient and state.has_history)
        self.act_export_fhir.setEnabled(state.has_patient and state.has_history)
        self.act_copy_forward.setEnabled(editable and state.can_copy_forward)
        self.act_apply_protocol.setEnabled(editable)
        self.act_save_protocol.setEnabled(state.has_session and writable and state.has_sites)
        self.act_settings.setEnabled(writable and self.clinic_settings_allowed)
        self.act_setup.setEnabled(writable and self.clinic_settings_allowed)
        self.act_pin.setEnabled(writable)
        self.act_lock.setEnabled(state.can_lock)
        for act in (self.act_prev_visit, self.act_next_visit, self.act_replay):
            act.setEnabled(state.visits > 1)
        self._undo_held(state.held_elsewhere)

    def _undo_held(self, holder: str | None) -> None:
        """Undo and Redo off while another room holds the open session (its steps were
        cleared when the hold was lost: ui.open_session_changes), their tips saying why."""
        if holder is None:
            why = ""
        else:
            why = self.tr("Undo and redo are off: {holder} is editing this session, so nothing "
                          "is written from here.").format(holder=holder)
            self.act_undo.setEnabled(False)
            self.act_redo.setEnabled(False)
        for act in (self.act_undo, self.act_redo):
            act.setStatusTip(why)
            act.setToolTip(why)  # "": the step's name again (QAction's default)

    def _name_grades(self, labels: Sequence[str]) -> None:
        """The grade actions in the clinic's words (the chart panel's: services.clinic)."""
        for g, act in enumerate(self.act_grades):
            act.setText(self.tr("Grasp {grade} – {label}").format(
                grade=g, label=grasp_word(g, labels)) + f"\t{g}")

    # -- the dialogs of no other controller ---------------------------------------------------
    def clinic_settings(self) -> None:
        if self.records.read.readonly:
            return
        dialog = SettingsDialog(self.records, self.window)
        dialog.finished.connect(dialog.deleteLater)  # else kept under the window, one a time
        if dialog.exec():
            self.say(self.tr("Clinic settings saved. The window speaks its new language the next "
                             "time imsmap starts.") if dialog.language_changed
                     else self.tr("Clinic settings saved."))

    def clinic_setup(self) -> None:
        if not self.records.read.readonly:
            open_wizard(self.records, self.window, self.setup_follow_up)

    def show_about(self) -> None:
        self._shown(AboutDialog(self.records, self.window))

    def show_shortcuts(self) -> None:
        self._shown(ShortcutsDialog(self.window))

    @staticmethod
    def _shown(dialog: QDialog) -> None:
        """A dialog that only shows something: deleted once closed (else kept under the window,
        one more each time it is opened)."""
        dialog.finished.connect(dialog.deleteLater)
        dialog.exec()
