"""The session's details as fields, in the right column above its site list: when and by whom on
one line, the complaint, the pain before and after, the notes (ui.session_panel saves them as
they are edited and says when they may be).

Two rows go on to a second line where the column is narrow (ui.wrapping_row). An empty field
shows grey words: an example to type, or "not recorded" once signed (`placeholders`).
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QFormLayout, QLabel, QLineEdit, QWidget

from imsmap.domain.models import Session
from imsmap.ui.field_placeholders import Placeholders
from imsmap.ui.plain_text import field_text
from imsmap.ui.session_fields import NotesEdit, PainBox, StartEdit, editor_time
from imsmap.ui.wording import datetime_edit_format
from imsmap.ui.wrapping_row import WrappingRow, together

NOTES_MOST_HEIGHT = 110  # px: the session's notes grow to this where there is room


class SessionForm(QFormLayout):
    """The session's start, practitioner, complaint, pain scores and notes, laid out."""

    def __init__(self) -> None:
        super().__init__()
        # When the session began; editable for a note written up after the treatment. A time in
        # the future is refused by the service, and the field shows the stored time again.
        self.started_at = StartEdit()
        self.started_at.setDisplayFormat(datetime_edit_format())
        self.started_at.setCalendarPopup(True)
        self.started_at.setAccessibleName(self.tr("Session start time"))
        # With no session open the field shows a dash: not Qt's default day (2000-01-01), nor
        # the start of the session shown before (another patient's, when a new one is chosen).
        self.started_at.setSpecialValueText("—")
        self.practitioner = QLineEdit()
        self.complaint = QLineEdit()
        self.complaint.setAccessibleName(self.tr("Complaint"))
        # An empty field's grey words: an example to type, or "not recorded" once signed.
        self.placeholders = Placeholders()
        self.placeholders.add(self.complaint,
                              self.tr("e.g. low back pain radiating to the left leg"),
                              self.tr("not recorded", "complaint"))
        self.pain_before = PainBox()
        self.pain_before.setAccessibleName(self.tr("Pain before the session, 0 to 10"))
        self.pain_after = PainBox()
        self.pain_after.setAccessibleName(self.tr("Pain after the session, 0 to 10"))
        self.notes = NotesEdit()
        self.notes.setTabChangesFocus(True)
        self.placeholders.add(self.notes, self.tr("tolerance, adverse events, plan…"),
                              self.tr("not recorded", "session notes"))
        self.notes.setMaximumHeight(NOTES_MOST_HEIGHT)

        # The clinic's practitioners offered as you type (`offer_practitioners`); choosing one
        # also records their registration number with the session.
        self.practitioners = QStringListModel(self)
        completer = QCompleter(self.practitioners, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.practitioner.setCompleter(completer)
        # A short example (the longer one was cut at 1366 x 768: « nom, comme dans la liste
        # des prati… »), the rest in the tooltip.
        self.placeholders.add(self.practitioner, self.tr("name (clinic's list)"),
                              self.tr("not recorded", "practitioner"))
        self.practitioner.setToolTip(self.tr(
            "The practitioner's name, as in the clinic's list of practitioners: type part of "
            "it and choose it from the list, which records their registration number too"))

        # These two rows go on to a second line where the column is narrow (ui.wrapping_row):
        # a 1366 x 768 laptop at 125 %, a 1080p screen at 200 %. Each in a widget of its own,
        # whose item in the form keeps the heights it was asked until the row changes: as
        # layouts in the form they were worked out again at every pass of the panel (a tap
        # adds a row to the site list below them).
        pain_row = WrappingRow(pain_holder := QWidget())
        pain_row.add(together(QLabel(self.tr("before")), self.pain_before))
        pain_row.add_gap(8)
        pain_row.add(together(QLabel(self.tr("after")), self.pain_after))

        # When and by whom on one line: both are filled in when the session is started, and
        # rarely changed while charting.
        who_row = WrappingRow(who_holder := QWidget())
        started_label = QLabel(self.tr("Started"))
        started_label.setBuddy(self.started_at)
        practitioner_label = QLabel(self.tr("Practitioner"))
        practitioner_label.setBuddy(self.practitioner)
        self.practitioner.setAccessibleName(self.tr("Practitioner"))
        self.practitioner.setMinimumWidth(120)
        who_row.add(together(started_label, self.started_at))
        who_row.add_gap(8)
        who = together(practitioner_label, self.practitioner)
        who.setStretch(1, 1)
        who_row.add(who, stretch=1)

        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.setVerticalSpacing(4)
        self.addRow(who_holder)
        self.addRow(self.tr("Complaint"), self.complaint)
        self.addRow(self.tr("Pain (0–10)"), pain_holder)
        self.addRow(self.tr("Notes"), self.notes)

    def offer_practitioners(self, names: list[str]) -> None:
        """The names offered as the practitioner is typed (none: no session, the field off)."""
        self.practitioners.setStringList(names)

    def show_session(self, s: Session | None) -> None:
        """Show what ``s`` holds (None: empty fields); the caller keeps these fills from
        being taken for typing."""
        self.started_at.setDateTime(editor_time(s.started_at) if s
                                    else self.started_at.minimumDateTime())
        self.practitioner.setText(s.practitioner if s else "")
        self.complaint.setText(s.complaint if s else "")
        self.complaint.setCursorPosition(0)  # show the start of a long complaint
        self.complaint.setToolTip(s.complaint if s else "")
        self.practitioner.setCursorPosition(0)
        self.pain_before.set_pain(s.pain_before if s else None)
        self.pain_after.set_pain(s.pain_after if s else None)
        self.notes.setPlainText(s.notes if s else "")

    def typed_beside(self, s: Session) -> list[str]:
        """What the fields show that ``s`` does not hold: typed here and not saved (the server
        was away, the typing pause not over yet...)."""
        typed = []
        for edit, value in ((self.practitioner, s.practitioner), (self.complaint, s.complaint)):
            if edit.text().strip() != (value or "").strip():
                typed.append(edit.text().strip())
        if field_text(self.notes).strip() != (s.notes or "").strip():
            typed.append(field_text(self.notes).strip())
        for label, box, value in ((self.tr("Pain before: {pain}"), self.pain_before,
                                   s.pain_before),
                                  (self.tr("Pain after: {pain}"), self.pain_after, s.pain_after)):
            if box.pain() is not None and box.pain() != value:
                typed.append(label.format(pain=box.pain()))
        return [t for t in typed if t]
