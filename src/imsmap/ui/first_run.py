"""The clinic set-up wizard: offered when the window first opens on a new, empty database, and
from File > Clinic set-up… at any time.

Four questions, one page each: the clinic's name, the first practitioner with their
registration number, an optional PIN for the screen lock, the backup folder (with a warning when
it is on the same disk as the records). The last page sums them up; Finish writes them all at once
(`services.first_run.set_up`: one transaction, one audit entry). Skipped or cancelled, nothing is
written; at the next start a database that is still empty offers the set-up again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from imsmap.domain.errors import UserFacingError
from imsmap.services import clinic, first_run, lock
from imsmap.services.database_files import BackupReason
from imsmap.services.records import Records
from imsmap.ui import file_dialogs
from imsmap.ui.privacy import pin_edit
from imsmap.ui.refusals import WARNING_STYLE, ErrorLine
from imsmap.ui.window_settings import PRACTITIONER

DEFAULT_IDLE_MINUTES = 5


def _text(words: str) -> QLabel:
    label = QLabel(words)
    label.setWordWrap(True)
    return label


class _Page(QWizardPage):
    """A page with a red sentence at its foot, and a check run before Next (or Finish)."""

    def __init__(self, title: str, subtitle: str):
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.layout_ = QVBoxLayout(self)
        self.error = ErrorLine()

    def finish_layout(self) -> None:
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.error)
        # The refusal goes once an answer is edited (it comes back on Next if still wrong): it
        # stayed under the name typed in, "Enter the practitioner's name.", as if refused still.
        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(lambda _text: self.error.show_message(None))

    def check(self) -> None:
        """Raise UserFacingError when the page's answers cannot be used."""

    def validatePage(self) -> bool:  # noqa: N802 - Qt naming
        try:
            self.check()
        except UserFacingError as exc:
            self.error.show_message(exc)
            return False
        self.error.show_message(None)
        return True


class ClinicPage(_Page):
    def __init__(self, records: Records, settings: clinic.ClinicSettings, first: bool,
                 restore: Callable[[], None] | None = None):
        super().__init__(QCoreApplication.translate("ClinicPage", "Your clinic"),
                         QCoreApplication.translate(
                             "ClinicPage",
                             "Its name heads every session note and report you print or save."))
        self.records = records
        if first:
            self.layout_.addWidget(_text(self.tr(
                "Welcome to imsmap. Four short questions set up your clinic. You can change "
                "every answer later in File > Clinic settings, or skip this now and come back "
                "with File > Clinic set-up…")))
        form = QFormLayout()
        self.name = QLineEdit(settings.clinic_name)
        self.name.setAccessibleName(self.tr("Clinic name"))
        self.name.setPlaceholderText(self.tr("e.g. Riverside Physiotherapy"))
        form.addRow(self.tr("Clinic name:"), self.name)
        self.layout_.addLayout(form)
        # A path ends its line, with no period after it: one selected to be copied took the
        # period with it (the French walk of 6 December).
        where = _text(self.tr("The records are kept on this computer, in this file:\n{path}")
                      .format(path=records.read.path))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(where)
        self.restore_button: QPushButton | None = None
        if first and restore is not None:
            # A new computer for a clinic that was backed up: its records, not a new clinic.
            self.layout_.addSpacing(12)
            self.layout_.addWidget(_text(self.tr(
                "A new computer for a clinic that already uses imsmap? Bring its records back "
                "from the backups (on the USB drive, for example) instead of starting a new "
                "clinic.")))
            self.restore_button = QPushButton(self.tr("Restore from a backup…"))
            self.restore_button.clicked.connect(restore)
            row = QHBoxLayout()
            row.addWidget(self.restore_button)
            row.addStretch(1)
            self.layout_.addLayout(row)
        self.finish_layout()

    def check(self) -> None:
        first_run.check_clinic_name(self.records, self.name.text())


class PractitionerPage(_Page):
    def __init__(self, records: Records, settings: clinic.ClinicSettings):
        super().__init__(QCoreApplication.translate("PractitionerPage", "The practitioner"),
                         QCoreApplication.translate(
                             "PractitionerPage", "Who signs the notes: the name and registration "
                             "number are printed on every signed session."))
        self.records = records
        first = settings.practitioners[0] if settings.practitioners else None
        form = QFormLayout()
        self.name = QLineEdit(first.name if first else "")
        self.name.setAccessibleName(self.tr("Practitioner's name"))
        self.name.setPlaceholderText(self.tr("e.g. Jane Smith, PT"))
        self.registration = QLineEdit(first.registration if first else "")
        self.registration.setAccessibleName(self.tr("Registration number"))
        self.registration.setPlaceholderText(self.tr("your college or board registration number"))
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Registration number:"), self.registration)
        self.layout_.addLayout(form)
        self.layout_.addWidget(_text(self.tr("More practitioners can be added later in File > "
                                             "Clinic settings.")))
        self.finish_layout()

    def check(self) -> None:
        first_run.check_practitioner(self.records, self.name.text(), self.registration.text())


class LockPage(_Page):
    def __init__(self, records: Records):
        super().__init__(QCoreApplication.translate("LockPage", "Screen lock"),
                         QCoreApplication.translate(
                             "LockPage", "So that the next patient cannot read names while you "
                             "are away from the screen."))
        self.records = records
        self.has_pin = lock.has_pin(records)
        self.pin = pin_edit(self.tr("PIN"))
        self.repeat = pin_edit(self.tr("Repeat the PIN"))
        self.idle = QSpinBox()
        self.idle.setRange(0, lock.IDLE_MINUTES_MAX)
        self.idle.setValue(DEFAULT_IDLE_MINUTES)
        self.idle.valueChanged.connect(self._idle_suffix)
        self._idle_suffix(self.idle.value())
        self.idle.setSpecialValueText(self.tr("only when I lock it (Ctrl+Shift+K)"))
        self.idle.setAccessibleName(self.tr("Lock after idle minutes"))
        self.idle.setEnabled(False)  # until a PIN is typed: without one nothing locks
        self.pin.textChanged.connect(lambda text: self.idle.setEnabled(bool(text)))
        if self.has_pin:
            self.layout_.addWidget(_text(self.tr(
                "A PIN is set already for {user}. To change it, use View > Screen lock PIN… (it "
                "asks for the current PIN first).").format(user=records.actor)))
        else:
            self.layout_.addWidget(_text(self.tr(
                "With a PIN, imsmap hides the whole window after the minutes you choose, or "
                "when you press Ctrl+Shift+K, until the PIN is typed again. A PIN is {min} to "
                "{max} digits; it is yours, for the name you log in with on this computer "
                "({user}). Leave it empty for no lock: you can set one later in View > Screen "
                "lock PIN…").format(min=lock.PIN_MIN, max=lock.PIN_MAX, user=records.actor)))
            form = QFormLayout()
            form.addRow(self.tr("PIN (optional):"), self.pin)
            form.addRow(self.tr("Repeat the PIN:"), self.repeat)
            form.addRow(self.tr("Lock after:"), self.idle)
            self.layout_.addLayout(form)
        self.finish_layout()

    def _idle_suffix(self, minutes: int) -> None:
        """'1 minute', '5 minutes': the suffix follows the number."""
        self.idle.setSuffix(self.tr(" minute without use") if minutes == 1
                            else self.tr(" minutes without use"))

    def pin_text(self) -> str:
        return "" if self.has_pin else self.pin.text()

    def idle_minutes(self) -> int:
        return self.idle.value() if self.pin_text() else 0

    def check(self) -> None:
        if self.pin_text() != ("" if self.has_pin else self.repeat.text()):
            raise UserFacingError(self.tr("The two PINs differ: type the same PIN twice."))
        if self.pin_text():
            first_run.check_new_pin(self.records, self.pin_text(), self.idle_minutes())


class BackupPage(_Page):
    def __init__(self, records: Records):
        super().__init__(QCoreApplication.translate("BackupPage", "Backups"),
                         QCoreApplication.translate(
                             "BackupPage", "imsmap copies your records by itself: a full copy "
                             "each week, and after every signed session what it added (the last "
                             "three weeks)."))
        self.records = records
        self.layout_.addWidget(_text(self.tr(
            "Choose where the copies go. Best is a folder on another disk: a USB drive or a "
            "second disk that stays connected to this computer.")))
        row = QHBoxLayout()
        self.folder = QLineEdit(str(first_run.backup_folder(records)))
        self.folder.setAccessibleName(self.tr("Backup folder"))
        self.choose = QPushButton(self.tr("Choose…"))
        self.choose.clicked.connect(self._choose)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        form = QFormLayout()
        form.addRow(self.tr("Backup folder:"), row)
        self.layout_.addLayout(form)
        # No period after the path (« Par défaut : …/imsmap. »): a user copies what is shown.
        self.default_hint = _text(self.tr("Default folder: {folder}").format(
            folder=first_run.default_backup_folder(records)))
        self.default_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.default_hint.setStyleSheet("color: palette(mid);")
        self.layout_.addWidget(self.default_hint)
        self.warning = _text("")
        self.warning.setStyleSheet(WARNING_STYLE)
        self.layout_.addWidget(self.warning)
        self.folder.textChanged.connect(self._update_warning)
        self._update_warning()
        self.finish_layout()

    def _choose(self) -> None:
        folder = file_dialogs.existing_directory(self, self.tr("Backup folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _update_warning(self) -> None:
        text = self.folder.text().strip()
        same = bool(text) and first_run.same_disk(text, self.records.read.path)
        self.warning.setText(self.tr(
            "This folder is on the same disk as your records. If that disk breaks or is "
            "stolen, the records and their backups are lost together. Choose a folder on a USB "
            "drive or another disk if you can.") if same else "")
        self.warning.setVisible(same)

    def check(self) -> None:
        first_run.check_backup_folder(self.folder.text())


class ReadyPage(_Page):
    def __init__(self):
        super().__init__(QCoreApplication.translate("ReadyPage", "Ready"),
                         QCoreApplication.translate(
                             "ReadyPage", "Check the answers, then press Finish to save them."))
        self.summary = _text("")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.addWidget(self.summary)
        self.finish_layout()

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        self.summary.setText("\n\n".join(self.wizard().summary_lines()))
        self.error.show_message(None)

    def validatePage(self) -> bool:  # noqa: N802 - Qt naming
        return self.wizard().save()


class ClinicSetupWizard(QWizard):
    """The set-up (see the module's docstring). ``first``: offered at the first start, so its
    Cancel button says Skip for now, and Finish is refused if the database was set up
    meanwhile."""

    def __init__(self, records: Records, *, first: bool, parent: QWidget | None = None,
                 restore: Callable[[QWidget], bool] | None = None):
        super().__init__(parent)
        self.records = records
        self.first = first
        self.saved: clinic.ClinicSettings | None = None
        self.restore = restore
        self.restoring = False  # closed for a restore from a backup, not skipped
        settings = clinic.load(records)
        self.setWindowTitle(self.tr("Set up your clinic") if first else self.tr("Clinic set-up"))
        if self.wizardStyle() == QWizard.WizardStyle.ClassicStyle:
            self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        if first:
            self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Skip for now"))
        self.clinic_page = ClinicPage(records, settings, first,
                                      self._restore if restore is not None else None)
        self.practitioner_page = PractitionerPage(records, settings)
        self.lock_page = LockPage(records)
        self.backup_page = BackupPage(records)
        self.ready_page = ReadyPage()
        for page in (self.clinic_page, self.practitioner_page, self.lock_page,
                     self.backup_page, self.ready_page):
            self.addPage(page)
        self.setMinimumSize(640, 440)

    def _restore(self) -> None:
        """Restore from a backup instead: the window's dialog over the wizard; chosen, the
        wizard closes (nothing of it is written) and the window restores."""
        if self.restore is not None and self.restore(self):
            self.restoring = True
            self.reject()

    def setup(self) -> first_run.ClinicSetup:
        return first_run.ClinicSetup(
            clinic_name=self.clinic_page.name.text(),
            practitioner=self.practitioner_page.name.text(),
            registration=self.practitioner_page.registration.text(),
            pin=self.lock_page.pin_text(), idle_minutes=self.lock_page.idle_minutes(),
            backup_dir=self.backup_page.folder.text())

    def summary_lines(self) -> list[str]:
        s = self.setup()
        if self.lock_page.has_pin:
            pin = self.tr("kept as it is")
        elif not s.pin:
            pin = self.tr("none (the screen does not lock)")
        elif s.idle_minutes:
            pin = self.tr("set; the screen locks after %n minute(s) without use", "",
                          s.idle_minutes)
        else:
            pin = self.tr("set; the screen locks when you press Ctrl+Shift+K")
        backups = s.backup_dir.strip()
        if first_run.same_disk(backups, self.records.read.path):
            backups = self.tr("{folder} (on the same disk as the records: lost with them if it "
                              "fails)").format(folder=backups)
        return [self.tr("Clinic: {name}").format(name=s.clinic_name.strip()),
                self.tr("Practitioner: {name}, registration {number}").format(
                    name=s.practitioner.strip(), number=s.registration.strip()),
                self.tr("Screen lock PIN: {pin}").format(pin=pin),
                self.tr("Backups: {folder}").format(folder=backups),
                self.tr("Records: on this computer, in {path}").format(
                    path=self.records.read.path)]

    def save(self) -> bool:
        """Finish: write everything through the service; on a refusal its sentence stays on
        the last page and nothing was written."""
        try:
            self.saved = first_run.set_up(self.records, self.setup(), expect_new=self.first)
        except UserFacingError as exc:
            self.ready_page.error.show_message(exc)
            return False
        return True


@dataclass(frozen=True)
class SetupFollowUp:
    """What the window does once the set-up is finished or skipped."""

    say: Callable[[str], None]  # a sentence in the status bar
    apply_lock_settings: Callable[[], None]  # follow the PIN and idle time just set
    backup: Callable[[BackupReason], None] | None  # a backup for this reason; None: none
    # the first start's "Restore from a backup…" (over the given widget): True when the
    # clinic chose a backup to restore (the window closes to restore it); None: not offered
    restore: Callable[[QWidget], bool] | None = None


def offer_on_start(records: Records, parent: QWidget, follow_up: SetupFollowUp, *,
                   demo: bool) -> ClinicSetupWizard | None:
    """At the window's first start: the set-up, if the database is new and empty. Never for the
    demo clinic, a read-only file or a clinic that has any record or setting."""
    if demo or records.read.readonly or not first_run.is_new_clinic(records):
        return None
    return open_wizard(records, parent, follow_up, first=True)


def open_wizard(records: Records, parent: QWidget, follow_up: SetupFollowUp, *,
                first: bool = False) -> ClinicSetupWizard:
    """Show the set-up over `parent` (window-modal, not blocking); on Finish the window takes
    the new lock settings and says what was set up."""
    wizard = ClinicSetupWizard(records, first=first, parent=parent,
                               restore=follow_up.restore if first else None)
    wizard.finished.connect(lambda result: _finished(follow_up, wizard))
    wizard.open()
    return wizard


def _finished(follow_up: SetupFollowUp, wizard: ClinicSetupWizard) -> None:
    wizard.deleteLater()
    if wizard.saved is None:
        if wizard.first and not wizard.restoring:
            follow_up.say(QCoreApplication.translate(
                "FirstRun", "Clinic set-up skipped: File > Clinic set-up… opens it again."))
        return
    setup = wizard.setup()
    # New sessions on this computer start with this practitioner's name.
    PRACTITIONER.write(setup.practitioner.strip())
    follow_up.apply_lock_settings()
    follow_up.say(QCoreApplication.translate(
        "FirstRun", "{clinic} is set up. Choose New patient to begin.").format(
            clinic=wizard.saved.clinic_name))
    if follow_up.backup is not None:
        follow_up.backup(BackupReason.SETUP)  # a first copy in the chosen folder: proof it works
