"""Taking a session recorded by mistake out of the clinical story (services/retractions.py):
withdrawing a draft, or marking a signed session entered in error. A reason is required, the
dialog says what happens before the button, and that it is final (there is no undo: a mark is
insert-only, as an amendment is)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.errors import UserFacingError
from imsmap.domain.models import Retraction
from imsmap.services import retractions
from imsmap.services.records import Records
from imsmap.ui.refusals import ErrorLine
from imsmap.ui.wording import numeric_datetime


class RetractDialog(QDialog):
    """Withdraw the open draft, or mark the open signed session entered in error."""

    def __init__(self, records: Records, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.records = records
        self.session_id = session_id
        self.mark: Retraction | None = None
        s = records.read.session(session_id)
        self.signed = s.is_signed
        sites = len(records.read.sites_for_session(session_id))
        self.setMinimumWidth(540)
        layout = QVBoxLayout(self)
        login = escape(records.actor)
        if self.signed:
            self.setWindowTitle(self.tr("Mark entered in error"))
            text = self.tr(
                "Session of <b>{when}</b>, signed by {who} on {signed}.<br><br>Marking it "
                "<b>entered in error</b> says it is not this patient's treatment (for example, "
                "signed on the wrong patient). The signed note is not changed and stays "
                "readable; its PDF states ENTERED IN ERROR with the reason, your login "
                "(<b>{login}</b>) and the time; it counts in no figure, earlier-visit overlay, "
                "heat map, progress report or research CSV (the record's exports carry it, "
                "marked).<br><br><b>This is final:</b> like an "
                "amendment, the mark cannot be changed or taken back.").format(
                when=numeric_datetime(s.started_at), who=escape(s.signed_by),
                signed=numeric_datetime(s.signed_at), login=login)
            placeholder = self.tr("e.g. Signed on the wrong patient; the visit was C-1042's")
            button = self.tr("Mark entered in error")
        else:
            self.setWindowTitle(self.tr("Withdraw draft"))
            text = self.tr(
                "Draft of <b>{when}</b>, %n site(s).<br><br>Withdrawing takes this draft out of "
                "the patient's treatment: it is locked, and its sites stay in the file, "
                "readable. The history shows it struck through as withdrawn, with your login "
                "(<b>{login}</b>), the time and the reason; it counts in no figure, "
                "earlier-visit overlay, heat map, progress report or research CSV (the record's "
                "exports carry it, marked), and no longer "
                "shows as a draft left unsigned.<br><br><b>This is final:</b> it cannot be "
                "undone, and a withdrawn draft is never signed or edited again.", "",
                sites).format(when=numeric_datetime(s.started_at), login=login)
            placeholder = self.tr("e.g. Started on the wrong patient; New session pressed twice")
            button = self.tr("Withdraw draft")
        note = QLabel(text)
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(placeholder)
        self.reason.setAccessibleName(self.tr("Reason"))
        form.addRow(self.tr("&Reason:"), self.reason)
        layout.addLayout(form)
        self.error = ErrorLine(keep_place=True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setEnabled(False)
        self.reason.textChanged.connect(
            lambda t: self.confirm_button.setEnabled(bool(t.strip())))
        buttons.accepted.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason.setFocus()
        width = self.minimumWidth()
        self.resize(width, layout.totalHeightForWidth(width))

    def _confirm(self) -> None:
        try:
            if self.signed:
                self.mark = retractions.mark_entered_in_error(self.records, self.session_id,
                                                              self.reason.text())
            else:
                self.mark = retractions.withdraw_draft(self.records, self.session_id,
                                                       self.reason.text())
        except UserFacingError as exc:
            self.error.show_message(exc)
            return
        self.accept()
