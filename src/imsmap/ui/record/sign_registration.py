"""The sign dialog's line for the practitioner's registration number, where the draft has none.

A signed note must carry the treating practitioner's registration number in most
jurisdictions; a session started under a name the clinic's list does not hold had none, and the
signed PDF said "Registration no. not recorded". The dialog names it among what the note lacks
(services.safety) and offers this line: the number, written with the session as the dialog
signs it, and, if the clinician ticks it, added to the clinic's list so that the practitioner's
next sessions carry it (services.registration). Left empty, the note is signed without it, as
where the law does not ask for one: the PDF then says so.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from imsmap.domain.models import Session
from imsmap.services import clinic
from imsmap.services.practitioner_list import by_name
from imsmap.services.records import Records
from imsmap.services.registration import may_add_to_list, record_registration


class RegistrationEntry(QWidget):
    """The number of the session's practitioner, as the clinician types it (or as the clinic's
    list gives it, where it does and the session has none), and whether the list is to carry
    it."""

    changed = Signal()  # the number typed changed: the dialog's list of what is missing follows

    def __init__(self, records: Records, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("registrationEntry")
        self.records = records
        self.practitioner = session.practitioner
        listed = by_name(clinic.practitioners(records), session.practitioner)
        from_list = listed.registration if listed is not None else ""
        self.number = QLineEdit(from_list)
        self.number.setAccessibleName(self.tr("Registration number"))
        self.number.setPlaceholderText(self.tr("from the college or board"))
        self.number.textChanged.connect(lambda _text: self.changed.emit())
        label = QLabel(self.tr("Registration no. of {name}:").format(name=self.practitioner))
        label.setTextFormat(Qt.TextFormat.PlainText)  # a name is words, never markup
        label.setBuddy(self.number)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(label, self.number)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        # Where the list gives it, it is said, and only recorded with the session; where it
        # does not, the clinician may add it there, if this login may change the list.
        # Short enough for a line in French (a box's words do not wrap); the rest in its tip.
        self.add_to_list = QCheckBox(self.tr("Add it to the clinic's list of practitioners"))
        self.add_to_list.setToolTip(self.tr(
            "Their next sessions then carry it, as a new session takes the number the clinic's "
            "list gives its practitioner"))
        self.add_to_list.setAccessibleName(self.tr("Add to the clinic's list"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        if from_list:
            self.note.setText(self.tr("As the clinic's list of practitioners gives it: signing "
                                      "records it with this session."))
        elif not may_add_to_list(records):
            self.note.setText(self.tr(
                "The clinic's administrators keep its list of practitioners on the clinic "
                "server: ask them to add this number, so that the next sessions carry it."))
        self._may_add = not from_list and may_add_to_list(records)
        self.add_to_list.setVisible(self._may_add)
        self.note.setVisible(bool(self.note.text()))
        layout.addWidget(self.add_to_list)
        layout.addWidget(self.note)

    def typed(self) -> str:
        return self.number.text().strip()

    def record(self, session_id: int) -> Session:
        """Write the number with the draft (and to the list, where ticked): one transaction
        (services.registration); ValidationError, ConflictError and the rest as it raises
        them, nothing written then."""
        return record_registration(self.records, session_id, self.typed(),
                                   practitioner=self.practitioner,
                                   add_to_list=self._may_add and self.add_to_list.isChecked())
