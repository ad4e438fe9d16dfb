"""The window of a clinic-server login outside the practitioners' group: reception (patients'
demographics) and the clinic's administrator (its settings and practitioners).

The server keeps sessions, charts and clinical notes from these logins (grants and row-level
security, docs/clinic-server.md "Roles"), so their window is not the practitioner's with its
clinical parts greyed out: it holds only what the role may do, and one sentence at its top says
what is not there and why. Which role is asked of the server when signing in
(``records.read.roles``: the groups the login is in). A login in the practitioners' group gets
the main window (ui/main_window.py) whatever else it is in.

The window never waits for a server that is gone: its connection, when lost, is made again on a
thread of its own (ui.server_link, as the practitioner's window does). Meanwhile each gesture is
refused at once with one sentence, the status bar says it is connecting again, and once the
connection is back the window reads again what it shows. What other rooms change (a patient
added, edited, merged or separated) arrives as in the practitioner's window: the server's
announcement of each audited write, heard by a listener of the window's own (ui.live_rooms).

A desk PC shows patients' names and appointments all day, in a room the patients walk
through: the window hides and locks as the practitioner's does, with the same code
(ui.privacy_screen): the privacy screen (F12 or Ctrl+H), Lock now (Ctrl+Shift+K), the idle
lock and a PIN of the login's own (View > Screen lock PIN…), the open dialogs covered with
the window. The administrator's window locks too: it names the practitioners, and a PC left
signed in as the administrator changes the clinic's settings.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.errors import UserFacingError
from imsmap.domain.models import Patient
from imsmap.domain.roles import ADMIN, PRACTITIONER, RECEPTION
from imsmap.services import clinic
from imsmap.services.context import AppContext
from imsmap.services.live import feed_of
from imsmap.ui import errors as ui_errors
from imsmap.ui.dialogs import PatientDialog
from imsmap.ui.live_rooms import LiveRooms
from imsmap.ui.open_patient_changes import OpenPatientChanges
from imsmap.ui.patient_panel import HIDDEN_NAME, PatientPanel
from imsmap.ui.privacy_cover import PrivacyCovers
from imsmap.ui.privacy_screen import PrivacyScreen
from imsmap.ui.record.settings_dialog import SettingsDialog
from imsmap.ui.refusals import ErrorLine, StatusLine
from imsmap.ui.rereading import Rereading, became_active
from imsmap.ui.screen_lock import ScreenLock, lock_now_tip
from imsmap.ui.server_link import Reconnection
from imsmap.ui.wording import database_title, vocabulary

BANNER_STYLE = ("padding: 6px 10px; background: #e8eef7; color: #1d2f4f; border-radius: 3px;")


def _plain(text: str) -> str:
    """A menu's or an action's text as shown: without its mnemonic's « & »."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def is_desk_login(roles: frozenset[str]) -> bool:
    """True when the signed-in login gets this window rather than the practitioner's."""
    return PRACTITIONER not in roles and bool(roles & {RECEPTION, ADMIN})


class DeskWindow(QMainWindow):
    """Reception's and the administrator's window (see the module's words)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.records = records = context.records
        roles = records.read.roles
        self.reception = RECEPTION in roles
        self.admin = ADMIN in roles
        self.patient: Patient | None = None
        self._at_signal = False  # closing at the system's request: closed even if locked
        # The privacy screen and the lock, as in the practitioner's window (ui.privacy_screen)
        self.privacy_screen = PrivacyScreen(self, lambda: self._show_patient())
        self.privacy: PrivacyCovers = self.privacy_screen.covers
        self.rereading = Rereading(records.read)  # asked when the window becomes active

        self.banner = QLabel(self._role_sentence())
        self.banner.setObjectName("roleBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.banner)
        self.patients: PatientPanel | None = None
        if self.reception:
            layout.addWidget(self._reception_part(), 1)
        if self.admin:
            layout.addWidget(self._admin_part())
            if not self.reception:
                layout.addStretch(1)
        # Locked, the lock screen (or without a PIN the privacy page) takes the body's place
        self.stack = QStackedWidget()
        self.stack.addWidget(body)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.privacy_screen.no_pin_note)
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = StatusLine(self.statusBar())
        self.privacy_screen.build(records, self.stack, lambda: None, self.show_message,
                                  self._lock_changed)
        self.screen_lock: ScreenLock = self.privacy_screen.screen_lock
        # The connection made again off this thread when it is lost (None on a file).
        self.connection = Reconnection.on_server(records, self)
        if self.connection is not None:
            self.statusBar().addPermanentWidget(self.connection.status_label)
            self.connection.back.connect(self._connected_again)
        self._menus()
        self.screen_lock.availableChanged.connect(self._follow_lock)
        self.screen_lock.apply_settings()
        # A change of the patient shown, here or in another room, reads it again.
        self.open_patient = OpenPatientChanges(records.bus, self, lambda: self.patient,
                                               self._patient_selected)
        # What other rooms change (a patient added or merged elsewhere) arrives on the bus as
        # in the practitioner's window (ui.live_window): heard on a thread of its own.
        found = feed_of(records)
        self.live = None if found is None else LiveRooms(
            records.bus, found, self,
            held_back=lambda: self.connection is not None and self.connection.cut_off)
        if self.live is not None:
            self.live.everything.connect(lambda: self.refresh(force=True, quietly=True))
            self.live.connection_changed.connect(self._listener_changed)
            self.live.start()
        who = database_title(records.read)
        self.setWindowTitle(self.tr("{who} – reception").format(who=who)
                            if self.reception and not self.admin else
                            self.tr("{who} – clinic administration").format(who=who))
        self.resize(1100, 720)

    def _role_sentence(self) -> str:
        if self.reception and self.admin:
            return self.tr("Signed in for reception and the clinic's administration: patients' "
                           "details and the clinic's settings; sessions, charts and clinical "
                           "notes are the practitioners', and the server keeps them from this "
                           "login.")
        if self.reception:
            return self.tr("Signed in for reception: patients' names and details only; "
                           "sessions, charts and clinical notes are the practitioners', and the "
                           "server keeps them from this login.")
        return self.tr("Signed in as the clinic's administrator: the clinic's settings and its "
                       "practitioners; patients' records are the practitioners', and the server "
                       "keeps them from this login.")

    # -- reception -------------------------------------------------------------------------
    def _reception_part(self) -> QWidget:
        self.patients = PatientPanel(self.records, self.context.histories)
        self.patients.newPatientRequested.connect(self.new_patient)
        self.patients.patientSelected.connect(self._patient_selected)
        details = QGroupBox(self.tr("Patient's details"))
        form = QFormLayout(details)
        self.fields = {name: QLabel() for name in
                       ("chart_number", "family_name", "given_name", "birth_date", "sex")}
        for label, name in ((self.tr("Chart number"), "chart_number"),
                            (self.tr("Family name"), "family_name"),
                            (self.tr("Given name"), "given_name"),
                            (self.tr("Date of birth"), "birth_date"),
                            (self.tr("Sex"), "sex")):
            self.fields[name].setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, self.fields[name])
        self.edit_button = QPushButton(self.tr("Edit details…"))
        self.edit_button.clicked.connect(self.edit_patient)
        self.edit_button.setEnabled(False)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.edit_button)
        form.addRow(row)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(details)
        column.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.patients)
        split.addWidget(right)
        split.setSizes([380, 620])
        split.setChildrenCollapsible(False)
        return split

    def _patient_selected(self, patient_id: int | None) -> None:
        try:
            self.patient = (self.records.read.patient(patient_id) if patient_id is not None
                            else None)
        except UserFacingError as exc:
            self.patient = None
            self.show_error(exc)
        self._show_patient()

    def _show_patient(self) -> None:
        p = self.patient
        hidden = self.hide_names and p is not None
        values = {
            "chart_number": p.chart_number if p else "",
            "family_name": p.family_name if p else "",
            "given_name": (p.given_name or "") if p else "",
            "birth_date": f"{p.birth_date:%Y-%m-%d}" if p and p.birth_date else "",
            "sex": vocabulary("Sex", p.sex.label) if p else "",
        }
        for name, label in self.fields.items():
            label.setText(HIDDEN_NAME if hidden and name != "sex" and values[name] else
                          values[name])
        if p is not None:
            ui_errors.register_private([p.family_name, p.given_name, p.chart_number])
        self.edit_button.setEnabled(p is not None and not self.records.read.readonly)

    def new_patient(self) -> None:
        dialog = PatientDialog(self.records, self)
        self.privacy.guard(dialog)  # and deleted once answered (else kept under the window)
        if dialog.exec() and dialog.patient is not None and self.patients is not None:
            self.patients.select_patient(dialog.patient.id)
            self.show_message(self.tr("Patient {chart} created.").format(
                chart=dialog.patient.chart_number))

    def edit_patient(self) -> None:
        if self.patient is None:
            return
        dialog = PatientDialog(self.records, self, editing=self.patient)
        self.privacy.guard(dialog)  # and deleted once answered
        if dialog.exec() and dialog.patient is not None:
            self.patient = dialog.patient
            self._show_patient()
            self.show_message(self.tr("Details of {chart} saved.").format(
                chart=dialog.patient.chart_number))

    @property
    def hide_names(self) -> bool:
        """The privacy screen is up (ui.privacy_screen)."""
        return self.privacy_screen.hide_names

    def set_names_hidden(self, hidden: bool) -> None:
        """The privacy screen (F12): no name or identifier in the window."""
        self.privacy_screen.set_names_hidden(hidden)

    @property
    def locked(self) -> bool:
        """Only the lock screen shows (ui.screen_lock)."""
        return self.screen_lock.locked

    def _lock_changed(self, locked: bool) -> None:
        """Locked or unlocked (or Lock now's privacy screen up or lifted): unlocked, what
        other rooms did meanwhile is read."""
        if not locked:
            self.refresh(force=False)

    def _follow_lock(self, available: bool) -> None:
        """Lock now on while the window is not locked, its tip saying what it does."""
        self.act_lock.setEnabled(available)
        tip = lock_now_tip(self.screen_lock.has_pin, self.pin_menu_path())
        self.act_lock.setStatusTip(tip)
        self.act_lock.setToolTip(tip)

    def pin_menu_path(self) -> str | None:
        """Where the PIN is set, as the menu shows it (None: a file open read-only)."""
        if self.records.read.readonly:
            return None
        return f"{_plain(self.view_menu.title())} > {_plain(self.act_pin.text())}"

    # -- the administrator -------------------------------------------------------------------
    def _admin_part(self) -> QWidget:
        box = QGroupBox(self.tr("The clinic"))
        column = QVBoxLayout(box)
        self.clinic_summary = QLabel()
        self.clinic_summary.setWordWrap(True)
        column.addWidget(self.clinic_summary)
        self.clinic_error = ErrorLine()  # the settings could not be read: why
        column.addWidget(self.clinic_error)
        row = QHBoxLayout()
        column.addLayout(row)
        self.settings_button = QPushButton(self.tr("Clinic settings…"))
        self.settings_button.setToolTip(self.tr("The clinic's name and logo, its practitioners "
                                                "with their registration numbers, needle "
                                                "presets, grasp labels, paper size"))
        self.settings_button.clicked.connect(self.clinic_settings)
        self.settings_button.setEnabled(not self.records.read.readonly)
        row.addWidget(self.settings_button)
        row.addStretch(1)
        self._show_clinic()
        return box

    def _show_clinic(self) -> None:
        try:
            settings = clinic.load(self.records)
        except UserFacingError as exc:
            self.clinic_summary.clear()
            self.clinic_error.show_message(exc)
            return
        self.clinic_error.show_message(None)
        names = ", ".join(p.name for p in settings.practitioners) or self.tr("none yet")
        self.clinic_summary.setText(self.tr("{clinic}. Practitioners: {names}.").format(
            clinic=settings.clinic_name or self.tr("The clinic has no name yet"), names=names))

    def clinic_settings(self) -> None:
        try:
            dialog = SettingsDialog(self.records, self)
        except UserFacingError as exc:
            self.show_error(exc)
            return
        if dialog.exec():
            self._show_clinic()
            self.show_message(self.tr("Clinic settings saved."))

    # -- menus, messages, refreshing ---------------------------------------------------------
    def _action(self, text: str, shortcut: str | None = None) -> QAction:
        """An action of the window's own (disabled with the others while it is locked)."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)
        return action

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        if self.reception:
            self.act_new_patient = self._action(self.tr("&New patient…"), "Ctrl+N")
            self.act_new_patient.triggered.connect(self.new_patient)
            self.act_new_patient.setEnabled(not self.records.read.readonly)
            file_menu.addAction(self.act_new_patient)
        if self.admin:
            act = self._action(self.tr("Clinic se&ttings…"), "Ctrl+,")
            act.triggered.connect(self.clinic_settings)
            file_menu.addAction(act)
        file_menu.addSeparator()
        act_quit = self._action(self.tr("&Quit"))
        act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        act_quit.triggered.connect(self.close)
        file_menu.addAction(act_quit)
        self.view_menu = view = self.menuBar().addMenu(self.tr("&View"))
        act_refresh = self._action(self.tr("&Refresh"), "F5")
        act_refresh.triggered.connect(lambda: self.refresh(force=True))
        view.addAction(act_refresh)
        view.addSeparator()
        # The privacy screen in the administrator's window too: it lifts Lock now's without
        # a PIN (the window names no patient, but its practitioners and the clinic's settings)
        self.act_hide = self._action(self.tr("&Privacy screen"))
        self.act_hide.setCheckable(True)
        self.act_hide.setShortcuts([QKeySequence("F12"), QKeySequence("Ctrl+H")])
        self.act_hide.toggled.connect(self.set_names_hidden)
        view.addAction(self.act_hide)
        self.act_lock = self._action(self.tr("&Lock now"), "Ctrl+Shift+K")
        self.act_lock.triggered.connect(self.screen_lock.lock_now)
        view.addAction(self.act_lock)
        self.act_pin = self._action(self.tr("Scree&n lock PIN…"))
        self.act_pin.triggered.connect(self.screen_lock.edit_settings)
        self.act_pin.setEnabled(not self.records.read.readonly)
        view.addAction(self.act_pin)
        self.privacy_screen.bind(
            self.act_hide, self.act_lock, self.pin_menu_path,
            (self.patients.set_names_hidden,) if self.patients is not None else ())

    def show_message(self, text: object) -> None:
        self.status.say(text)

    def show_error(self, exc: object) -> None:
        self.status.refuse(exc)

    def _listener_changed(self, error: object) -> None:
        """The listener's connection was lost (a sentence) or is back (""): the status bar's
        mark shows it; back, what other rooms did meanwhile is read."""
        if self.connection is not None:
            self.connection.other_changed(error or None)
        if not error:
            self.refresh(force=True, quietly=True)

    def _connected_again(self) -> None:
        """The connection is back: what other rooms did meanwhile is read."""
        if self.refresh(force=True, quietly=True):
            self.show_message(self.tr("Connected to the clinic server again; what changed "
                                      "meanwhile has been read."))

    def refresh(self, force: bool = True, quietly: bool = False) -> bool:
        """Read again; without ``force`` only when the server's record moved on meanwhile.
        The F5 of a window whose connection is being made again is refused with its sentence."""
        if not self.rereading.moved_on(force):
            if force and not quietly and self.connection is not None \
                    and self.connection.cut_off:
                self.show_error(self.connection.link.refusal())
            return False
        if self.patients is not None:
            try:
                self.patients.refresh_patients()
            except UserFacingError as exc:
                self.show_error(exc)
                return False
            # The patient selected in the list, read again: also one whose details could
            # not be read when it was chosen (the server was away then).
            selected = self.patients.patient_id
            if selected is not None or self.patient is not None:
                self._patient_selected(selected)
        if self.admin:
            self._show_clinic()
        if force and not quietly:
            self.show_message(self.tr("Refreshed from the database."))
        return True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        super().changeEvent(event)
        if became_active(self, event):
            self.refresh(force=False)

    def close_at_signal(self) -> bool:
        """Closed at the system's request (SIGTERM, a logout): also while locked."""
        self._at_signal = True
        return self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if self.locked and not self._at_signal:
            event.ignore()  # the lock screen first: nobody closes a locked window
            return
        self.privacy_screen.idle.stop()
        self.open_patient.close()
        if self.live is not None:
            self.live.stop()  # its thread ends
        if self.connection is not None:
            self.connection.close()
        super().closeEvent(event)
