"""The first start's first question: are this clinic's records on this computer, or on a
clinic server? (services.records_place keeps the answer, without any password.)"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.errors import UserFacingError
from imsmap.services import records_place
from imsmap.ui.refusals import ErrorLine


class RecordsPlaceDialog(QDialog):
    """Two choices; the server's needs its address (a libpq DSN). Accepted: kept."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Where are the clinic's records?")
        self.here = QRadioButton("On this computer (one treatment room)")
        self.server = QRadioButton("On a clinic server (several rooms; your IT provider set "
                                   "it up)")
        self.here.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.here)
        group.addButton(self.server)
        self.dsn = QLineEdit()
        self.dsn.setPlaceholderText(
            "postgresql://anna.nguyen@db.clinic.lan/clinic?sslmode=verify-full")
        self.dsn.setAccessibleName("Clinic server address")
        self.dsn.setEnabled(False)
        self.server.toggled.connect(self.dsn.setEnabled)
        note = QLabel("The server's address is kept on this computer for you; your password "
                      "is not: you sign in with it each time.")
        note.setWordWrap(True)
        self.error = ErrorLine()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.here, self.server, self.dsn, note, self.error, buttons):
            layout.addWidget(widget)
        self.kept_dsn: str | None = None

    def accept(self) -> None:
        try:
            if self.server.isChecked():
                self.kept_dsn = records_place.keep_server(self.dsn.text())
            else:
                records_place.keep_this_computer()
        except UserFacingError as exc:  # not a DSN: one sentence, nothing kept
            self.error.show_message(exc)
            return
        super().accept()
