"""Dialogs: a new patient (signing and amending live in ui/record/sign_amend.py).

Validation messages appear in one place under the fields, in the fields' order, each field
whose value is refused named in red; nothing is saved until every field is valid (the service
checks again and its sentence is said the same way).
"""

from __future__ import annotations

import enum
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain import validation as v
from imsmap.domain.errors import ConflictError, UserFacingError, ValidationError
from imsmap.domain.models import Patient, Sex
from imsmap.domain.roles import PRACTITIONER
from imsmap.services.records import Records
from imsmap.ui.conflict_notice import ConflictNotice
from imsmap.ui.plain_text import field_text
from imsmap.ui.refusals import ERROR_COLOUR, ErrorLine
from imsmap.ui.typed_guard import TypedGuard
from imsmap.ui.wording import vocabulary


def save_cancel_buttons(dialog: QDialog, on_save) -> tuple[QDialogButtonBox, QPushButton]:
    """Save runs `on_save` (which closes the dialog only when the values were accepted)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                               QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons, buttons.button(QDialogButtonBox.StandardButton.Save)


class PatientDialog(QDialog):
    """New patient, or a patient's details (``editing``): chart number, names, date of birth,
    sex, notes. The notes are clinical: a login outside the practitioners' group (reception)
    sees and writes the demographics only."""

    FIELDS = ("chart_number", "family_name", "given_name", "birth_date", "sex", "notes")

    def __init__(self, records: Records, parent: QWidget | None = None, *,
                 editing: Patient | None = None):
        super().__init__(parent)
        self.records = records
        self.patient: Patient | None = None
        self.editing = editing
        self.with_notes = PRACTITIONER in records.read.roles
        self._namesakes_said: tuple[int, ...] = ()  # the likely duplicates already named
        self.setWindowTitle(self.tr("New patient") if editing is None
                            else self.tr("Patient's details"))
        self.setMinimumWidth(420)

        self.chart_number = QLineEdit()
        self.chart_number.setPlaceholderText(self.tr("the clinic's chart or file number"))
        self.family_name = QLineEdit()
        self.given_name = QLineEdit()
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.sex = QComboBox()
        for s in (Sex.UNKNOWN, Sex.FEMALE, Sex.MALE, Sex.OTHER):
            self.sex.addItem(vocabulary("Sex", s.label), s.value)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)

        # Each field's refusal, and the dialog's own (a duplicate, the server out of reach), in
        # one place under the fields: under its own field, a sentence that came as a field was
        # left and went as it was typed in moved every field below it up and down by its lines
        # (a field tapped next moved away from the finger). Its field's name turns red.
        self.errors = {name: ErrorLine() for name in self.FIELDS}
        self.general_error = ErrorLine()
        # Saved first elsewhere: what was typed in the fields that changed, kept to copy.
        self.conflict = ConflictNotice()
        self._fitted_height: int | None = None  # the height `fit_messages` last gave

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        for label, name in ((self.tr("Chart number *"), "chart_number"),
                            (self.tr("Family name *"), "family_name"),
                            (self.tr("Given name"), "given_name"),
                            (self.tr("Date of birth"), "birth_date"),
                            (self.tr("Sex"), "sex"),
                            (self.tr("Notes"), "notes")):
            if name == "notes" and not self.with_notes:
                continue
            self.labels[name] = QLabel(label)
            self.labels[name].setBuddy(getattr(self, name))
            form.addRow(self.labels[name], getattr(self, name))
        refusals = QVBoxLayout()
        refusals.setSpacing(2)
        for line in (*self.errors.values(), self.general_error):
            refusals.addWidget(line)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        # Escape, Cancel and ✕ ask before throwing away what was typed.
        self.guard = TypedGuard(self, self.typed)
        self.buttons.rejected.connect(self.guard.cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(refusals)
        layout.addWidget(self.conflict)
        layout.addWidget(self.buttons)

        for name in ("chart_number", "family_name", "given_name", "birth_date"):
            widget: QLineEdit = getattr(self, name)
            widget.editingFinished.connect(lambda n=name: self._check_one(n))
            widget.textEdited.connect(lambda _t, n=name: self._put_right(n))
        if editing is not None:
            self._show(editing, self.FIELDS)
            self._started = self.values()  # a change made meanwhile elsewhere is not overwritten
        self._opened = self.values()

    def _show(self, patient: Patient, names: tuple[str, ...]) -> None:
        """The fields ``names`` as ``patient`` holds them."""
        shown = {"chart_number": patient.chart_number, "family_name": patient.family_name,
                 "given_name": patient.given_name or "",
                 "birth_date": f"{patient.birth_date:%Y-%m-%d}" if patient.birth_date else ""}
        for name in names:
            if name in shown:
                widget: QLineEdit = getattr(self, name)
                widget.setText(shown[name])
            elif name == "sex":
                self.sex.setCurrentIndex(max(0, self.sex.findData(patient.sex.value)))
            elif name == "notes":
                self.notes.setPlainText(patient.notes or "")

    def typed(self) -> bool:
        """Whether a field differs from what the dialog opened with."""
        return self.values() != self._opened

    @property
    def save_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def values(self) -> dict[str, object]:
        return {
            "chart_number": self.chart_number.text(),
            "family_name": self.family_name.text(),
            "given_name": self.given_name.text(),
            "birth_date": self.birth_date.text().strip() or None,
            "sex": self.sex.currentData(),
            **({"notes": field_text(self.notes)} if self.with_notes else {}),
        }

    def _check(self, name: str, value: object) -> None:
        """Raise the field's ValidationError, the same check the service makes."""
        if name == "chart_number":
            v.chart_number(value)
        elif name == "family_name":
            v.name(value, name, "The family name", required=True)
        elif name == "given_name":
            v.name(value, name, "The given name", required=False)
        elif name == "birth_date":
            v.birth_date(value, today=date.today())
        elif name == "sex":
            v.sex(value)
        elif name == "notes":
            v.text(value, name, label=self.tr("The notes"), max_len=v.MAX_LONG_TEXT)

    def _check_one(self, name: str) -> bool:
        value = self.values()[name]
        if name in ("chart_number", "family_name") and value == "":
            return False  # not yet typed: say so on Save, not while tabbing through
        try:
            self._check(name, value)
        except ValidationError as exc:
            self._refuse(name, exc)
            self.fit_messages()
            return False
        self._refuse(name, None)
        return True

    def validate(self) -> bool:
        """Check every field, and that no other patient has the chart number (the one thing
        only the record knows): each problem said at its field at once, not one a Save."""
        ok = True
        first_bad: QWidget | None = None
        for name, value in self.values().items():
            try:
                self._check(name, value)
                if name == "chart_number":
                    self.records.read.check_chart_number_free(
                        v.chart_number(value), self.editing.id if self.editing else None)
                self._refuse(name, None)
            except ValidationError as exc:
                self._refuse(name, exc)
                ok = False
                first_bad = first_bad or getattr(self, name)
        if first_bad is not None:
            first_bad.setFocus(Qt.FocusReason.OtherFocusReason)
        return ok

    def _put_right(self, name: str) -> None:
        """A field edited: its refusal goes, and the room it took."""
        if self.errors[name].text():
            self._refuse(name, None)
            self.fit_messages()

    def _refuse(self, name: str, message: object | None) -> None:
        """Say why the field `name` is refused (None: it is not), its name in red while it is,
        and that sentence as the field's description for a screen reader."""
        self.errors[name].show_message(message)
        said_ = self.errors[name].text()
        field: QWidget = getattr(self, name)
        field.setAccessibleDescription(said_)
        label = self.labels.get(name)
        if label is not None:
            palette = QPalette()  # (a palette of its own only while refused: the window's after)
            if said_:
                palette = label.palette()
                palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_COLOUR))
            label.setPalette(palette)

    def fit_messages(self) -> None:
        """Grow the dialog to hold the sentences shown: Qt sizes a window by its layout's
        minimum, which leaves out the lines a wrapped sentence takes (three of them put the
        Notes box under the buttons). And shrink it again, as far as the sentences still
        shown need, when some went: grown by this, it kept their room as a blank line between
        a field and its sentence. A height the user gave the dialog is kept."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()  # the dialog's least height now, not at the next event loop's turn
        need = layout.totalHeightForWidth(self.width())
        if need < 0:  # no wrapped sentence shown: the layout's own height
            need = layout.sizeHint().height()
        if self.height() < need or self.height() == self._fitted_height > need:
            self.resize(self.width(), need)
        if self.height() == need:  # grown here or by the sentence itself (ErrorLine)
            self._fitted_height = need

    def save(self) -> None:
        self._save()
        self.fit_messages()

    def _save(self) -> None:
        self.general_error.show_message(None)
        try:
            if not self.validate():
                return
            if self.editing is None and self._namesakes_unsaid():
                return
            if self.editing is None:
                self.patient = self.records.create_patient(**self.values())
            else:
                self.patient = self.records.update_patient(
                    self.editing.id, expected=self._started, **self.values())
        except ConflictError as exc:
            self._saved_elsewhere(exc)
            return
        except ValidationError as exc:
            if exc.field in self.labels:
                self._refuse(exc.field, exc)
            else:
                self.general_error.show_message(exc)
            return
        except UserFacingError as exc:
            self.general_error.show_message(exc)
            return
        self.accept()


    def _saved_elsewhere(self, refusal: ConflictError) -> None:
        """Another window or room saved these details first, so nothing was saved here: the
        fields it changed show what it saved, what was typed in them is kept in the notice to
        copy back, and the next Save starts from what is shown. Before, the typed values stayed
        over a record they no longer matched: each Save was refused again, the other room's
        words were never shown, and only Cancel, throwing the typed text away, went on."""
        assert self.editing is not None
        typed = self.values()
        stored = self.records.read.patient(self.editing.id)
        changed = tuple(n for n in refusal.fields if n in typed)
        self._show(stored, changed)
        shown = self.values()
        for name in changed:
            if name != "sex" and typed[name] != shown[name]:  # words, not the sex's code
                self.conflict.add(refusal, typed[name])
        self.conflict.add(refusal)  # said even when only the sex differed
        self.editing = stored
        self._started = {**self._started, **{n: shown[n] for n in changed}}

    def _namesakes_unsaid(self) -> bool:
        """A patient with the same names and date of birth is likely the same person, whose
        record a second one would split (a duplicate can be merged into it later, Patient >
        Merge duplicate record…, but is better not made). The first Save names them; a second
        Save creates the new record all the same (namesakes exist)."""
        values = self.values()

        def key(family: object, given: object, birth: object) -> tuple[str, str, str]:
            return (str(family or "").strip().casefold(), str(given or "").strip().casefold(),
                    str(birth or ""))

        mine = key(values["family_name"], values["given_name"], values["birth_date"])
        # Both names searched: search finds a word in any part of a name ("Roy" finds
        # Côté-Roy too), so the family name alone could fill the list before the namesakes.
        found = self.records.read.search_patients(
            f"{values['family_name'] or ''} {values['given_name'] or ''}")
        same = [p for p in found
                if key(p.family_name, p.given_name,
                       f"{p.birth_date:%Y-%m-%d}" if p.birth_date else "") == mine]
        ids = tuple(p.id for p in same)
        if not same or ids == self._namesakes_said:
            return False
        self._namesakes_said = ids
        self.general_error.show_message(self.tr(
            "Already a patient with this name and date of birth: {who}. If this is the same "
            "person, press Cancel and choose them in the list (a second record can be merged "
            "later with Patient > Merge duplicate record…). Press Save again to create another "
            "patient.").format(
                who="; ".join(f"{p.display_name} ({p.chart_number})" for p in same)))
        self.save_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return True


class CloseAnswer(enum.Enum):
    """What to do when the session's last changes could not be saved on closing."""

    RETRY = "retry"  # try saving again
    DROP = "drop"  # close without them
    CANCEL = "cancel"  # stay open


def ask_unsaved_on_close(parent: QWidget, reason: str) -> CloseAnswer:
    """Closing, the session's last changes could not be saved: try again, close without them,
    or stay open."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Not saved yet"))
    box.setText(QCoreApplication.translate(
        "Dialogs", "The last changes to this session could not be saved: {reason}").format(
            reason=reason))
    retry = box.addButton(QCoreApplication.translate("Dialogs", "Try again"),
                          QMessageBox.ButtonRole.AcceptRole)
    drop = box.addButton(QCoreApplication.translate("Dialogs", "Close without them"),
                         QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return CloseAnswer.RETRY if box.clickedButton() is retry else \
        CloseAnswer.DROP if box.clickedButton() is drop else CloseAnswer.CANCEL
