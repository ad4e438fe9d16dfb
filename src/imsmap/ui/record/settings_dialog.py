"""Clinic settings: name and logo, practitioners with registration numbers, needle presets, the
labels of the grasp grades, paper size. Saved together when the clinician presses Save.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain import validation as v
from imsmap.domain.errors import UserFacingError, ValidationError
from imsmap.domain.vocabulary import GRASP_LABELS
from imsmap.services import clinic
from imsmap.services.records import Records
from imsmap.ui import file_dialogs
from imsmap.ui.dialogs import save_cancel_buttons
from imsmap.ui.header_eliding import elide_headers
from imsmap.ui.needle_text import BadPreset, presets_text, read_presets
from imsmap.ui.record.language_box import LanguageBox
from imsmap.ui.refusals import ErrorLine
from imsmap.ui.wording import quoted, vocabulary


class SettingsDialog(QDialog):
    def __init__(self, records: Records, parent: QWidget | None = None):
        super().__init__(parent)
        self.records = records
        self.settings = clinic.load(records)
        self.language_changed = False  # the window's language, at the next start
        self.setWindowTitle(self.tr("Clinic settings"))
        layout = QVBoxLayout(self)  # as wide as its two columns' least widths, no less
        # Two columns: the clinic and its practitioners on the left, the table taking the
        # height; needles, grades and languages on the right. In one column the dialog was
        # taller than a 1366 x 768 screen, and on a 1000 px one the table showed a row or two.
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout.addLayout(columns, 1)

        general = QGroupBox(self.tr("Clinic"))
        form = QFormLayout(general)
        self.clinic_name = QLineEdit(self.settings.clinic_name)
        self.clinic_name.setAccessibleName(self.tr("Clinic name"))
        form.addRow(self.tr("Name:"), self.clinic_name)
        logo_row = QHBoxLayout()
        self.logo_preview = QLabel()
        self.logo_preview.setFixedHeight(40)
        self._logo = self.settings.logo_png
        self._show_logo()
        choose = QPushButton(self.tr("Choose logo…"))
        choose.clicked.connect(self._choose_logo)
        clear = QPushButton(self.tr("No logo"))
        clear.clicked.connect(lambda: self._set_logo(None))
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(choose)
        logo_row.addWidget(clear)
        form.addRow(self.tr("Logo:"), logo_row)
        self.paper = QComboBox()
        self.paper.addItems(clinic.PAPER_SIZES)
        self.paper.setCurrentText(self.settings.paper)
        self.paper.setAccessibleName(self.tr("Paper size"))
        form.addRow(self.tr("Paper:"), self.paper)
        self.photos_in_pdf = QCheckBox(self.tr("Print the session's photos in its PDF"))
        self.photos_in_pdf.setChecked(self.settings.photos_in_pdf)
        self.photos_in_pdf.setToolTip(self.tr("Off: the PDF lists the photos (caption, site, sha256) "
                                      "without printing them; the PDF often leaves the clinic"))
        form.addRow(self.tr("Photos:"), self.photos_in_pdf)
        self.backup_dir = QLineEdit(self.settings.backup_dir, self)
        self.backup_dir.setPlaceholderText(self.tr("imsmap's data folder (default)"))
        self.backup_dir.setAccessibleName(self.tr("Backup folder"))
        self.backup_dir.setToolTip(self.tr("Automatic backups go here: a full copy each week and a "
                                   "journal of each signed session, the last three weeks kept "
                                   "(imsmap backup --help). Choose a folder on another disk if "
                                   "you can."))
        if records.read.on_server:
            # No room backs up a clinic server (its window makes no backups): a folder asked
            # for here would be kept and never used. The stored one is kept as it is.
            self.backup_dir.hide()
            self.server_backups = QLabel(self.tr(
                "Made on the clinic server, as a whole (imsmap backup --dsn); the rooms make "
                "none."))
            self.server_backups.setWordWrap(True)
            # never squeezed below its lines where the screen is short (it was cut in half)
            self.server_backups.setSizePolicy(QSizePolicy.Policy.Preferred,
                                              QSizePolicy.Policy.Minimum)
            self.server_backups.setObjectName("hint")
            form.addRow(self.tr("Backups:"), self.server_backups)
        else:
            backup_row = QHBoxLayout()
            browse = QPushButton(self.tr("Choose…"))
            browse.clicked.connect(self._choose_backup_dir)
            backup_row.addWidget(self.backup_dir, 1)
            backup_row.addWidget(browse)
            form.addRow(self.tr("Backups:"), backup_row)
        left.addWidget(general)

        people = QGroupBox(self.tr("Practitioners"))
        pl = QVBoxLayout(people)
        self.practitioners = QTableWidget(0, 3)
        elide_headers(self.practitioners)
        self.practitioners.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Registration number"), self.tr("Login (optional)")])
        # Whose login is whose: a new session names the practitioner who signed in, and a
        # signature names the person as well as the login. Left empty, nothing changes.
        login_tip = self.tr(
            "The login this practitioner signs in with (this computer's, or theirs on the "
            "clinic server): their new sessions name them, and their signatures name them as "
            "well as the login. Leave it empty where practitioners share one login, or where "
            "the clinic has one practitioner.")
        header = self.practitioners.horizontalHeaderItem(2)
        header.setToolTip(login_tip)
        self.practitioners.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.practitioners.setMinimumWidth(self._table_width())
        self.practitioners.setAccessibleName(self.tr("Practitioners"))
        # at least PRACTITIONER_ROWS rows in view; SHORT_SCREEN_ROWS on a screen too short
        # for them (`_keep_lines_whole`)
        self.practitioners.setMinimumHeight(self._table_height(PRACTITIONER_ROWS))
        for p in self.settings.practitioners:
            self._add_practitioner(p.name, p.registration, p.login)
        self.logins_note = QLabel(self.tr(
            "Login: each practitioner's own (yours is {login}), so that their sessions and "
            "signatures name them. Leave it empty where a login is shared.").format(
                login=quoted(records.actor)))
        self.logins_note.setWordWrap(True)
        self.logins_note.setObjectName("hint")
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add practitioner"))
        add.clicked.connect(lambda: self._add_practitioner("", "", ""))
        remove = QPushButton(self.tr("Remove selected"))
        remove.clicked.connect(lambda: self.practitioners.removeRow(
            self.practitioners.currentRow()) if self.practitioners.currentRow() >= 0 else None)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        pl.addWidget(self.practitioners)
        pl.addWidget(self.logins_note)
        pl.addLayout(row)
        left.addWidget(people, 1)

        needles = QGroupBox(self.tr("Needles (mm)"))
        nl = QFormLayout(needles)
        # In the window's numbers: "0,25x25; 0,25x40" in French, where the comma is the
        # decimal mark (ui.needle_text); the settings keep plain numbers.
        self.presets = QLineEdit(presets_text(self.settings.needle_presets))
        self.presets.setToolTip(self.tr("Diameter x length in millimetres, e.g. {example}")
                                .format(example=presets_text(clinic.DEFAULT_PRESETS[:2])))
        self.presets.setAccessibleName(self.tr("Needle presets"))
        self.presets.setCursorPosition(0)  # its first presets in view, not its last
        nl.addRow(self.tr("Presets:"), self.presets)
        default_row = QHBoxLayout()
        self.default_diameter = QDoubleSpinBox(decimals=2, singleStep=0.02)
        self.default_diameter.setRange(*v.NEEDLE_DIAMETER_MM)
        self.default_diameter.setValue(self.settings.default_needle.diameter_mm)
        self.default_diameter.setAccessibleName(self.tr("Default needle diameter in millimetres"))
        self.default_length = QDoubleSpinBox(decimals=0, singleStep=5)
        self.default_length.setRange(*v.NEEDLE_LENGTH_MM)
        self.default_length.setValue(self.settings.default_needle.length_mm)
        self.default_length.setAccessibleName(self.tr("Default needle length in millimetres"))
        default_row.addWidget(self.default_diameter)
        default_row.addWidget(QLabel("x"))
        default_row.addWidget(self.default_length)
        default_row.addStretch(1)
        nl.addRow(self.tr("Default:"), default_row)
        right.addWidget(needles)

        grades = QGroupBox(self.tr("Grasp grades"))
        gl = QFormLayout(grades)
        self.grasp_labels = []
        for grade, label in enumerate(self.settings.grasp_labels):
            # The default labels in the window's language; saved back as the defaults.
            edit = QLineEdit(vocabulary("Grasp", label))
            edit.setAccessibleName(self.tr("Label of grasp grade {grade}").format(grade=grade))
            gl.addRow(self.tr("{name}:").format(name=grade), edit)
            self.grasp_labels.append(edit)
        right.addWidget(grades)

        # The records' language as the clinic's PDFs are written now (its setting, else the
        # system's); stored only when the clinic has one or chooses another here.
        self._records_language_shown = clinic.records_language(self.records)
        self.languages = LanguageBox(records_language=self._records_language_shown,
                                     parent=self)
        right.addWidget(self.languages)
        right.addStretch(1)

        self.error = ErrorLine(keep_place=True)
        layout.addWidget(self.error)
        buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout.addWidget(buttons)
        # A refusal of a field goes once that field is edited, as the patient's and the
        # amendment's dialogs do: a bad needle preset's stayed under the presets typed right.
        # (bound methods: a lambda holding the dialog would keep every closed one alive)
        self.refused_part: str | None = None
        self.clinic_name.textEdited.connect(self._name_edited)
        self.backup_dir.textChanged.connect(self._backup_edited)  # typed, or chosen
        self.practitioners.itemChanged.connect(self._people_edited)
        self.practitioners.model().rowsRemoved.connect(self._people_edited)
        self.presets.textEdited.connect(self._presets_edited)
        for edit in self.grasp_labels:
            edit.textEdited.connect(self._labels_edited)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._keep_lines_whole()

    def _keep_lines_whole(self) -> None:
        """The dialog is never shorter than its wrapped sentences need at its width (up to
        the screen's height). Qt opens a dialog at most two thirds of the screen high and
        takes a wrapped sentence's least height as one of a few lines: on a 1366 x 768 screen
        the note on logins lay over the practitioners' table."""
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        need = layout.totalHeightForWidth(self.width())
        screen = self.screen()
        if screen is not None:
            frame = self.frameGeometry().height() - self.geometry().height()
            room = screen.availableGeometry().height() - frame
            table = self.practitioners
            least = self._table_height(SHORT_SCREEN_ROWS)
            if need > room and table.minimumHeight() > least:
                # A screen too short for the dialog (960 x 540): the table gives up rows
                # (down to SHORT_SCREEN_ROWS, it scrolls to the others). Else the layout, held
                # at the screen's height, laid the note on logins over the table's last rows.
                table.setMinimumHeight(max(least, table.minimumHeight() - (need - room)))
                layout.invalidate()
                need = layout.totalHeightForWidth(self.width())
            need = min(need, room)
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)

    def _table_height(self, rows: int) -> int:
        """The practitioners' table's height with `rows` rows under its header."""
        table = self.practitioners
        return (table.verticalHeader().defaultSectionSize() * rows
                + table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth())

    def _table_width(self) -> int:
        """The practitioners' table's least width: its columns share it equally (stretched),
        so each is as wide as the widest header, whole (« Identifiant (facultatif) » was cut
        at both ends at 1366 x 768)."""
        table = self.practitioners
        header = table.horizontalHeader()
        widest = max(header.sectionSizeFromContents(i).width() for i in range(header.count()))
        # a pixel a column besides: the stretched sections' shares are rounded down
        return ((widest + 1) * header.count() + table.verticalHeader().sizeHint().width()
                + 2 * table.frameWidth())

    def _add_practitioner(self, name: str, registration: str, login: str) -> None:
        row = self.practitioners.rowCount()
        self.practitioners.insertRow(row)
        for column, text in enumerate((name, registration, login)):
            self.practitioners.setItem(row, column, QTableWidgetItem(text))

    def _choose_logo(self) -> None:
        path, _ = file_dialogs.open_file_name(self, self.tr("Clinic logo"), "", self.tr("Images (*.png *.jpg *.jpeg)"))
        if not path:
            return
        try:
            self._set_logo(clinic.read_logo(self.records, path))
        except UserFacingError as exc:
            self.error.show_message(exc)

    def _choose_backup_dir(self) -> None:
        folder = file_dialogs.existing_directory(self, self.tr("Backup folder"), self.backup_dir.text())
        if folder:
            self.backup_dir.setText(folder)

    def _set_logo(self, data: bytes | None) -> None:
        self._logo = data
        self._show_logo()

    def _show_logo(self) -> None:
        if self._logo:
            pixmap = QPixmap()
            pixmap.loadFromData(self._logo)
            self.logo_preview.setPixmap(pixmap.scaledToHeight(40))
        else:
            self.logo_preview.clear()
            self.logo_preview.setText(self.tr("(none)"))

    def _collect(self) -> clinic.ClinicSettings:
        practitioners = []
        for row in range(self.practitioners.rowCount()):
            name, reg, login = ((self.practitioners.item(row, column) or QTableWidgetItem(""))
                                .text().strip() for column in range(3))
            if name or reg or login:
                practitioners.append(clinic.Practitioner(name, reg, login))
        try:
            presets = read_presets(self.presets.text())
        except BadPreset as exc:
            raise ValidationError(_bad_preset(exc.chunk), PRESETS_FIELD) from None
        return replace(
            self.settings, clinic_name=self.clinic_name.text(), logo_png=self._logo,
            practitioners=tuple(practitioners), needle_presets=tuple(presets),
            default_needle=clinic.NeedlePreset(round(self.default_diameter.value(), 2),
                                               self.default_length.value()),
            grasp_labels=tuple(_untranslated(e.text(), grade)
                               for grade, e in enumerate(self.grasp_labels)),
            paper=self.paper.currentText(), photos_in_pdf=self.photos_in_pdf.isChecked(),
            backup_dir=self.backup_dir.text().strip(),
            records_language=self._chosen_records_language())

    def _chosen_records_language(self) -> str | None:
        chosen = self.languages.chosen_records_language()
        if chosen == self._records_language_shown and self.settings.records_language is None:
            return None  # untouched: the records keep following the system's language
        return chosen

    def save(self) -> None:
        try:
            self.settings = clinic.save(self.records, self._collect(), self.settings)
        except UserFacingError as exc:
            self.error.show_message(exc)
            self.refused_part = REFUSED_PARTS.get(getattr(exc, "field", None) or "")
            return
        self.language_changed = self.languages.save_window_language()
        self.accept()

    def _name_edited(self, *_: object) -> None:
        self._edited("name")

    def _backup_edited(self, *_: object) -> None:
        self._edited("backup")

    def _people_edited(self, *_: object) -> None:
        self._edited("people")

    def _presets_edited(self, *_: object) -> None:
        self._edited("presets")

    def _labels_edited(self, *_: object) -> None:
        self._edited("labels")

    def _edited(self, part: str) -> None:
        """The field a refusal spoke of was edited: the refusal goes (Save says it again if
        it still holds); one about another field stays."""
        if self.refused_part == part:
            self.refused_part = None
            self.error.show_message(None)


PRACTITIONER_ROWS = 5  # the practitioners' table shows this many rows at least
SHORT_SCREEN_ROWS = 3  # ... or this many, on a screen too short for the dialog with five
PRESETS_FIELD = "needle_presets"
# The fields a refusal names (ValidationError.field) -> the part of the dialog that edits them.
REFUSED_PARTS = {
    "clinic_name": "name", "backup_dir": "backup", "practitioner": "people",
    "registration": "people", "login": "people", PRESETS_FIELD: "presets", "needle": "presets",
    "needle_diameter_mm": "presets", "needle_length_mm": "presets", "grasp_labels": "labels"}


def _bad_preset(chunk: str) -> str:
    return QCoreApplication.translate(
        "SettingsDialog", "Needle preset {preset} is not written as diameter x length, e.g. "
        "{example}.").format(preset=quoted(chunk),
                             example=presets_text((clinic.NeedlePreset(0.25, 40),)))


def _untranslated(text: str, grade: int) -> str:
    """A grasp label as stored: the default label when `text` is the default's translation (a
    French window keeps the English defaults, which the PDFs translate into their language)."""
    default = GRASP_LABELS[grade] if grade < len(GRASP_LABELS) else None
    return default if default is not None and text.strip() == vocabulary("Grasp", default) else text
