"""The first start's first question: are this clinic's records on this computer, or on a
clinic server? (services.records_place keeps the answer, without any password.)

The server's choice signs in before it is kept: a server that cannot be reached, a refused
login or a database that is not an imsmap clinic is one sentence under the address, nothing is
kept, and the address can be corrected. Signing in runs on a thread of its own
(ui.signing_in): where the address does not answer it can take libpq's connect_timeout, and
meanwhile the dialog says it is signing in and Cancel stops waiting (nothing kept; a second
Cancel closes the dialog). Where this imsmap cannot reach a server at all (a pip install
without the `server` extra), the choice is greyed out and a plain note under it says why and
what to do (not a red line: it is no fault of the records on this computer).

Asked again because the choice kept was found empty (an earlier imsmap was saving it when the
computer stopped: services.records_place.ChoiceLost), the dialog says so above the choices, and
which one opens the records: this computer when its clinic file is there, else the clinic
server (chosen for the person), so that OK never starts a new, empty clinic unasked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
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
from imsmap.ui.signing_in import SigningIn, waiting_widgets
from imsmap.ui.wording import said


class RecordsPlaceDialog(QDialog):
    """Two choices; the server's needs its address (a libpq DSN). Accepted with the server:
    ``opened`` holds its services, signed in; with this computer, None."""

    def __init__(self, parent: QWidget | None = None,
                 ask_password: Callable[[str], str | None] | None = None,
                 lost: records_place.ChoiceLost | None = None):
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
        # While signing in: what it is doing, and that Cancel stops it (as at every start).
        self.waiting, self.busy = waiting_widgets()
        self.signing: SigningIn | None = None
        self._stopped: list[SigningIn] = []  # cancelled, kept until their thread ends
        # A pip install without the server extra (psycopg) cannot reach a server: the choice is
        # greyed out and a plain note under it says why and what to do. It was a red line under
        # the note, above OK, that read as a fault of the records on this computer too.
        self.can_serve = records_place.server_missing() is None
        self.unavailable = QLabel(QCoreApplication.translate(
            "RecordsPlaceDialog", "A clinic server cannot be chosen: this imsmap was installed "
            "without its server extra (psycopg). To use one, install imsmap again with pip "
            "install 'imsmap[server]' and start it again. Records on this computer need "
            "nothing more."))
        self.unavailable.setWordWrap(True)
        self.unavailable.setIndent(self.server.fontMetrics().height() + 6)
        self.unavailable.setVisible(not self.can_serve)
        if not self.can_serve:
            self.server.setEnabled(False)
            self.dsn.setVisible(False)  # the address and its note are for the server alone
            self.note.setVisible(False)
        self.lost = QLabel()
        self.lost.setWordWrap(True)
        self.lost.setVisible(lost is not None)
        if lost is not None:
            self._say_lost(lost)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # The dialog takes the height its wrapped sentences need, and grows with the red one.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        for widget in (self.lost, self.here, self.server, self.unavailable, self.dsn, self.note,
                       self.waiting,
                       self.busy, self.error, self.buttons):
            layout.addWidget(widget)
        self._show_waiting(False)

    def _say_lost(self, lost: records_place.ChoiceLost) -> None:
        """Why the question is asked again, and which choice opens the records."""
        here = records_place.file_here()
        if here is not None:
            which = QCoreApplication.translate(
                "RecordsPlaceDialog", "This computer holds a clinic's file, {file}: choosing "
                "this computer opens it.").format(file=here)
        else:
            which = QCoreApplication.translate(
                "RecordsPlaceDialog", "This computer holds no clinic's file, so the records are "
                "on a clinic server: give its address. Choosing this computer would start a "
                "new, empty clinic.")
            if self.can_serve:
                self.server.setChecked(True)
        self.lost.setText(f"{said(lost)}\n{which}")

    def _server_chosen(self, on: bool) -> None:
        self.dsn.setEnabled(on)
        if on:  # the address is what comes next; after the arrow key's own focus move
            QTimer.singleShot(0, self.dsn, self.dsn.setFocus)

    def accept(self) -> None:
        if self.server.isChecked():
            if self.signing is not None:
                return  # signing in already
            self.error.show_message(None)
            self.signing = signing = SigningIn(self.dsn.text(), self.ask_password)
            signing.done.connect(lambda result: self._signed_in(signing, result))
            signing.asking.connect(lambda asking: self._asked(signing, asking))
            self._show_waiting(True)
            signing.start()
            return
        try:
            records_place.keep_this_computer()
        except UserFacingError as exc:  # the disk refused it: said, and the dialog stays
            self.error.show_message(exc)
            return
        self.error.show_message(None)
        super().accept()

    def _signed_in(self, signing: SigningIn, result: object) -> None:
        if signing is not self.signing:
            return  # a sign-in stopped meanwhile: SigningIn closed what it opened
        self.signing = None
        self._show_waiting(False)
        if isinstance(result, UserFacingError):  # not a DSN, unreachable, refused: nothing kept
            self.error.show_message(result)
            return
        if not isinstance(result, AppContext):
            raise result if isinstance(result, BaseException) else TypeError(result)
        try:
            records_place.keep_server(self.dsn.text())
        except UserFacingError as exc:
            result.close()
            self.error.show_message(exc)
            return
        self.opened = result
        self.error.show_message(None)
        super().accept()

    def _asked(self, signing: SigningIn, asking: bool) -> None:
        """While the password is asked, nothing waits for the server: the moving bar steps
        aside (it moved under the question) and comes back once the question is answered."""
        if signing is self.signing:
            self.waiting.setVisible(not asking)
            self.busy.setVisible(not asking)

    def reject(self) -> None:
        """Cancel: while signing in, stop waiting (nothing kept; the address can be
        corrected); else close the question."""
        if self.signing is not None:
            self.signing.cancel()
            self._stopped = [s for s in self._stopped if s.running] + [self.signing]
            self.signing = None
            self._show_waiting(False)
            self.error.show_message(QCoreApplication.translate(
                "RecordsPlaceDialog", "Signing in was stopped and nothing was kept: correct "
                "the address and press OK, or press Cancel to close."))
            return
        super().reject()

    def _show_waiting(self, on: bool) -> None:
        self.waiting.setVisible(on)
        self.busy.setVisible(on)
        for widget in (self.here, self.server, self.dsn,
                       self.buttons.button(QDialogButtonBox.StandardButton.Ok)):
            widget.setEnabled(not on and (widget is not self.server or self.can_serve)
                              and (widget is not self.dsn or self.server.isChecked()))
        if on:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setFocus()
        elif self.server.isChecked():
            self.dsn.setFocus()
