"""The session's state beside the session panel's buttons: draft, signed, withdrawn, held in
another room, an old draft..., one line where it can, coloured by what it means (STATUS_STYLES,
also the segments tab's "not counted"). Used by ui.session_panel.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from imsmap.domain.local_time import local_date
from imsmap.domain.models import Session
from imsmap.services.records import Records
from imsmap.services.signatures import Witness
from imsmap.ui.wording import numeric_date, numeric_datetime

READ_ONLY_BASE = "#f1f1ef"  # fields of a signed session: visibly not for typing
STATUS_STYLES = {
    "draft": "padding: 3px 6px; border-radius: 3px; background: #e8f1fb; color: #1b3d63;",
    "signed": "padding: 3px 6px; border-radius: 3px; background: #ececec; color: #333333;",
    # a draft begun on an earlier day: what is charted now goes into that day's visit
    "old draft": "padding: 3px 6px; border-radius: 3px; background: #fff1c2; color: #4d3800;",
    # withdrawn or entered in error: kept for the record, counted nowhere
    "retracted": "padding: 3px 6px; border-radius: 3px; background: #f4e4e4; color: #6b1f1f;",
    "none": "",
}


class SessionStatus(QLabel):
    """The open session's state in words, its style and (an old draft) its tooltip."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("sessionStatus")

    def say_no_session(self, patient_open: bool) -> None:
        """No session open: a patient chosen (`patient_open`) is not to be chosen again."""
        self.setText(self.tr("Choose a session in the list, or New session.") if patient_open
                     else self.tr("Choose a patient, then a session or New session."))

    def show_state(self, records: Records, s: Session | None, *, editable: bool,
                   readonly_db: bool, signed_before: Witness | None = None,
                   patient_open: bool = False) -> None:
        """Say what `s` is now: `editable` here or not, on a file open `readonly_db`, a draft
        begun days ago, a draft the audit trail says was signed (`signed_before`: the entry
        that signed it); no session, with a patient chosen (`patient_open`) or not."""
        self.setToolTip("")
        days = days_since_started(records, s)
        self.setStyleSheet(STATUS_STYLES["none" if s is None else
                                         "retracted" if s.retracted else
                                         "signed" if s.is_signed else
                                         "old draft" if editable and days else "draft"])
        if s is None:
            self.say_no_session(patient_open)
            return
        mark = records.read.retraction(s.id) if s.retracted else None
        if mark is not None:
            self.setText((self.tr(
                "Withdrawn {when} by {who} ({reason}): kept for the record, counted "
                "nowhere; read-only.") if s.is_withdrawn else self.tr(
                "Entered in error {when} by {who} ({reason}): kept for the record, counted "
                "nowhere.")).format(when=numeric_datetime(mark.created_at),
                                    who=mark.created_by, reason=mark.reason))
        elif s.is_signed:
            self.setText(self.tr("Signed {when} by {who}: read-only. Corrections are "
                                 "added as amendments.").format(
                when=numeric_datetime(s.signed_at), who=s.signed_by))
        elif signed_before is not None:
            self.setText(self.tr(
                "Signed in audit entry {entry}, but a draft in the file: the signature was "
                "taken away outside imsmap. Read-only; run imsmap check.").format(
                    entry=signed_before.entry_id))
        elif readonly_db:
            self.setText(self.tr("Draft, but the database is open read-only."))
        elif not editable:
            held = records.read.held_elsewhere(s.id)
            if held is None and records.read.hold_unknown(s.id):  # asked, no answer yet
                self.setText(self.tr("Draft, busy on the clinic server: read-only here for "
                                     "now."))
            else:
                self.setText(
                    self.tr("Draft, open in another imsmap window: read-only here.")
                    if held is not None and held.on_file else
                    self.tr("Draft, open in another room: read-only here."))
        elif days:
            # A draft left open over a weekend opens with its patient: the sites tapped on
            # Monday went into Friday's visit, with nothing to say so. One line (a second
            # took a row from the site list on a 1366 x 768 screen); the rest on hover.
            self.setText(self.tr("Draft of {date}, %n day(s) ago, not signed", "",
                                 days).format(date=numeric_date(s.started_at)))
            self.setToolTip(self.tr(
                "What you chart here goes into the visit of that day. Today's visit is a "
                "New session (Ctrl+Shift+N)."))
        else:
            self.setText(self.tr("Draft – every change is saved as you make it."))


def days_since_started(records: Records, s: Session | None) -> int:
    """Whole days from a draft's start to today (0 for a signed session, or none)."""
    if s is None or s.is_signed or s.retracted:
        return 0
    return max(0, (local_date(records.clock()) - local_date(s.started_at)).days)
