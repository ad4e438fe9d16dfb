"""The first start's first question: are this clinic's records on this computer, or on a
clinic server? (services.records_place keeps the answer, without any password.)

The server's choice signs in before it is kept: a server that cannot be reached, a refused
login or a database that is not an imsmap clinic is one sentence under the address, nothing is
kept, and the address can be corrected. Where this imsmap cannot reach a server at all (a pip
install without the `server` extra), the choice is greyed out and one sentence says why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.errors import UserFacingError
from imsmap.services import records_place
from imsmap.services.context import AppContext
from imsmap.ui.refusals import ErrorLine


class RecordsPlaceDialog(QDialog):
    """Two choices; the server's needs its address (a libpq DSN). Accepted with the server:
    ``opened`` holds its services, signed in; with this computer, None."""

    def __init__(self, parent: QWidget | None = None,
                 ask_password: Callable[[str], str | None] | None = None):
        super().__init__(parent)
        self.ask_password = ask_password
        self.opened: AppContext | None = None
        self.setWindowTitle(QCoreApplication.translate(
            "RecordsPlaceDialog", "Where are the clinic's records?"))
        self.here = QRadioButton(QCoreApplication.translate(
            "RecordsPlaceDialog", "On this computer (one treatment room)"))
        self.server = QRadioButton(QCoreApplication.translate(
            "RecordsPlaceDialog", "On a clinic server (several rooms; your IT provider set it "
            "up)"))
        self.here.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.here)
        group.addButton(self.server)
        self.dsn = QLineEdit()
        self.dsn.setPlaceholderText(
            "postgresql://anna.nguyen@db.clinic.lan/clinic?sslmode=verify-full")
        self.dsn.setAccessibleName(QCoreApplication.translate(
            "RecordsPlaceDialog", "Clinic server address"))
        self.dsn.setEnabled(False)
        self.dsn.setMinimumWidth(self.dsn.fontMetrics().horizontalAdvance(
            self.dsn.placeholderText()) + 24)
        self.server.toggled.connect(self._server_chosen)
        # A refusal speaks of the address it was given: once that is edited, it goes.
        self.dsn.textEdited.connect(lambda _text: self.error.show_message(None))
        self.note = QLabel(QCoreApplication.translate(
            "RecordsPlaceDialog", "Your IT provider gives you the server's address. On the "
            "clinic's network it ends in sslmode=verify-full: then imsmap talks only to the real "
            "server, over TLS. The address is kept on this computer for you; your password is "
            "not: you sign in with it each time."))
        self.note.setWordWrap(True)
        self.error = ErrorLine()
        missing = records_place.server_missing()
        if missing is not None:  # a pip install without the server extra: say so, offer nothing
            self.server.setEnabled(False)
            self.error.show_message(missing)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # The dialog takes the height its wrapped sentences need, and grows with the red one.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        for widget in (self.here, self.server, self.dsn, self.note, self.error, self.buttons):
            layout.addWidget(widget)

    def _server_chosen(self, on: bool) -> None:
        self.dsn.setEnabled(on)
        if on:  # the address is what comes next; after the arrow key's own focus move
            QTimer.singleShot(0, self.dsn, self.dsn.setFocus)

    def accept(self) -> None:
        if self.server.isChecked():
            # Signing in can take libpq's connect_timeout (10 s) on a network where the address
            # does not answer at all; a refused port is said at once.
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.opened = records_place.sign_in_and_keep(self.dsn.text(),
                                                             self.ask_password)
            except UserFacingError as exc:  # not a DSN, unreachable, refused: nothing kept
                self.error.show_message(exc)
                return
            finally:
                QApplication.restoreOverrideCursor()
        else:
            records_place.keep_this_computer()
        self.error.show_message(None)
        super().accept()
