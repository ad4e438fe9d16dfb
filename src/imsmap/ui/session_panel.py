"""The right column: the session's details, saved as they are edited, and its list of sites.

The list keeps at least `LIST_LEAST_ROWS` rows in view on a 1366 x 768 screen, with a prompt
above it and a site open under it (`LIST_FITTING_ROWS` where a row less spares the column a
scroll bar, the photos in view under the site): the details are compact (when and by whom on one
line, the buttons beside the session's state, the notes two lines at least and more where there is room),
and the list takes the room that is left.

The fields themselves are ui.session_form's. No Save button: a spin box saves on change, a line
on leaving it, the notes and the complaint a moment after the last keystroke (and on leaving
them). A signed session is shown read-only, with its amendments: the newest, the others a click
away (ui.record.amendment_list).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from imsmap.atlas import Atlas
from imsmap.domain.errors import (
    ConflictError,
    NotFoundError,
    ReadOnlyError,
    UserFacingError,
    ValidationError,
)
from imsmap.domain.models import Session
from imsmap.services import clinic
from imsmap.services.changes import Action, Change, Entity
from imsmap.services.record_fields import EDITABLE_SESSION_FIELDS
from imsmap.services.records import Records
from imsmap.services.registration import registration_for
from imsmap.services.signatures import Witness
from imsmap.ui.conflict_notice import ConflictNotice
from imsmap.ui.key_hint import KeyHint
from imsmap.ui.listening import listen
from imsmap.ui.pending_save import kept_pending, later, now_or_later, retry_timer
from imsmap.ui.plain_text import field_text
from imsmap.ui.record.amendment_list import AmendmentList
from imsmap.ui.record.amendment_words import amendments_in_words
from imsmap.ui.session_fields import editor_time
from imsmap.ui.session_form import SessionForm
from imsmap.ui.session_state import READ_ONLY_BASE, SessionStatus
from imsmap.ui.site_panel import SiteTable
from imsmap.ui.undo import SiteEditor
from imsmap.ui.wording import numeric_datetime
from imsmap.ui.wrapping_row import hint_at_own_width

NOTES_DELAY_MS = 700
# Of the room left over, the notes take 1 part (up to their most, ui.session_form) and the site
# list this many.
LIST_STRETCH = 3
# The site list shows at least this many rows (a session charts 10-40 sites, checked there):
# on a short screen the fields above it give way first, and past that the column scrolls.
LIST_LEAST_ROWS = 6
# ... or this many, where a row less lets the whole column fit without scrolling (the right tabs
# let it give way: ui.record.UpDownScroll.give_way): at 1366 x 768 with the pneumothorax warning
# shown and a site open, the sixth row pushed the photos' row under the column's foot and the
# column scrolled, by 4 px in English, by 16 in French (whose key hint takes two lines).
LIST_FITTING_ROWS = 5
# Room the list asks for, as it has sites, up to this many rows: where the column is short, its
# rows come before the session's notes grow past two lines.
LIST_WANTED_ROWS = 12

class SessionPanel(QWidget):
    errorOccurred = Signal(object)  # a UserFacingError for the status bar
    pending = Signal(bool)  # a timer's save waits for a lock / saved (ui.pending_save)
    signRequested = Signal()
    amendRequested = Signal()

    def __init__(self, records: Records, atlas: Atlas, editor: SiteEditor | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.records = records
        self.session: Session | None = None
        self._signed_before: Witness | None = None  # of a draft: the entry that signed it
        # What each field showed when it was filled from the store: a save says it started
        # from these, and is refused if another window changed the field meanwhile.
        self._base: dict[str, object] = {}
        self._loading = False
        self._readonly_db = records.read.readonly
        self._patient_open = False  # a patient chosen (set_patient_text): the status says so
        listen(records.bus, self, self._on_change)

        self.patient_line = QLabel()
        self.patient_line.setObjectName("patientLine")
        self.patient_line.setTextFormat(Qt.TextFormat.PlainText)
        self.patient_line.setWordWrap(True)  # a long name in a narrow column: two lines
        self.patient_line.hide()
        self.title = QLabel(self.tr("No session open"))
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.status = SessionStatus()

        # The session's fields (ui.session_form), saved here as they are edited.
        self.form = form = SessionForm()
        self.started_at = form.started_at
        self.practitioner = form.practitioner
        self.complaint = form.complaint
        self.pain_before = form.pain_before
        self.pain_after = form.pain_after
        self.notes = form.notes
        self.placeholders = form.placeholders
        self.started_at.editingFinished.connect(self._save_started_at)
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(NOTES_DELAY_MS)
        self._notes_timer.timeout.connect(lambda: self._save_notes(self._notes_timer))
        # The complaint too, a pause after the last key: saved only on leaving the line, what
        # was typed was lost to a crash or a killed program.
        self._complaint_timer = QTimer(self)
        self._complaint_timer.setSingleShot(True)
        self._complaint_timer.setInterval(NOTES_DELAY_MS)
        self._complaint_timer.timeout.connect(
            lambda: self._save_complaint(self._complaint_timer))
        self.complaint.textEdited.connect(lambda _t: self._complaint_timer.start())
        # The practitioner and the pain scores, saved as they change, as a timer's save: behind
        # a lock they stay pending, tried again by this one (ui.pending_save).
        self._fields_timer = retry_timer(self, NOTES_DELAY_MS, self._save_fields, self.pending)
        self._registration_owed: str | None = None  # a name saved, its number not yet

        self.practitioner.editingFinished.connect(
            lambda: now_or_later(self._fields_timer, self._save_practitioner))
        # Left, the complaint and the notes are saved as their timers' saves (ui.pending_save)
        self.complaint.editingFinished.connect(self._complaint_timer.stop)
        self.complaint.editingFinished.connect(
            lambda: self._save_complaint(self._complaint_timer))
        for box in (self.pain_before, self.pain_after):
            box.refused.connect(self._pain_refused)
        self.pain_before.valueChanged.connect(
            lambda _v: now_or_later(self._fields_timer, self._save_pain_before))
        self.pain_after.valueChanged.connect(
            lambda _v: now_or_later(self._fields_timer, self._save_pain_after))
        self.notes.textChanged.connect(self._notes_changed)
        self.notes.focusLost.connect(lambda: self.save_notes(briefly=True))

        self.sign_button = QPushButton(self.tr("Sign session…"))
        self.sign_button.setToolTip(self.tr("Lock this note; later corrections become amendments"))
        self.sign_button.clicked.connect(self.signRequested)
        self.amend_button = QPushButton(self.tr("Add amendment…"))
        self.amend_button.clicked.connect(self.amendRequested)
        # The session's state and its buttons share a line. The title says only that no
        # session is open: an open one's start is the first field under it.
        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        title_row.addWidget(self.status, 1)
        title_row.addWidget(self.amend_button, 0, Qt.AlignmentFlag.AlignTop)
        title_row.addWidget(self.sign_button, 0, Qt.AlignmentFlag.AlignTop)

        # A signed session's amendments: the newest, and the others a click away.
        self.amendments = AmendmentList()
        self.conflict = ConflictNotice()

        sites_title = QLabel(self.tr("Sites"))
        sites_title.setFont(font)
        # Beside the title: how to add a site while there is none, then the keys alone.
        self.sites_hint = KeyHint()  # two lines where it must, by whole pairs of key and word
        self.sites_hint.setObjectName("hint")
        self.sites = SiteTable(atlas, editor)
        self.sites.setMinimumHeight(self.sites.rows_height(LIST_LEAST_ROWS))
        self.sites.rows_wanted = LIST_WANTED_ROWS
        self.placeholders.add_list(self.sites, self.tr("none", "no sites"))
        model = self.sites.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._show_sites_hint)
        sites_row = QHBoxLayout()
        sites_row.addWidget(sites_title, 0, Qt.AlignmentFlag.AlignTop)
        sites_row.addSpacing(8)
        sites_row.addWidget(self.sites_hint, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.patient_line)
        layout.addLayout(title_row)
        layout.addLayout(form, 1)
        layout.addWidget(self.conflict)
        layout.addWidget(self.amendments)
        self._banner_index = layout.count()
        layout.addLayout(sites_row)
        layout.addWidget(self.sites, LIST_STRETCH)
        # Tab goes through the fields, then the buttons (shown above them, beside the state),
        # then into the site list: as before they shared that line.
        QWidget.setTabOrder(self.notes, self.amend_button)
        QWidget.setTabOrder(self.amend_button, self.sign_button)
        self.load(None)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        """Its rows at the width it has (ui.wrapping_row.hint_at_own_width), not at its site
        list's widest: the scroll area around it (ui.record.UpDownScroll) asks at each pass."""
        return hint_at_own_width(self)

    def list_fitting_height(self) -> int:
        """The site list's height with `LIST_FITTING_ROWS` rows: what it may come down to
        where that spares the column a scroll bar (ui.record.right_tabs)."""
        return self.sites.rows_height(LIST_FITTING_ROWS)

    def _show_sites_hint(self) -> None:
        """How to add a site while the list is empty, then the keys alone (one line where the
        column allows, so the list keeps its rows; the French, which says the mark each key
        makes, « T secousse (S) », takes two at 1366 px, broken where they come out even:
ui.key_hint). Shown while the session can be
        charted (`_update_state`)."""
        self.sites_hint.set_hint(
            self.tr("Keys: 0–3 grasp · C cramp · T twitch · E e-stim · Del remove")
            if self.sites.rowCount() else
            self.tr("Click a muscle on the chart to add a site. "
                    "Keys: 0–3 grasp · C cramp · T twitch · E e-stim · Del remove"))

    def set_patient_text(self, text: str) -> None:
        """Whose record this is (the window masks it behind the privacy screen)."""
        self.patient_line.setText(text)
        self.patient_line.setVisible(bool(text))
        self._patient_open = bool(text)
        if self.session is None:  # "choose a patient" no more, or again: its words alone
            self.status.say_no_session(self._patient_open)

    def add_banner(self, banner: QWidget) -> None:
        """A prompt shown above the site list (the details panel shows and hides it). Tab
        reaches it after the session's fields, before the buttons."""
        self.layout().insertWidget(self._banner_index, banner)
        last = self.notes
        for child in banner.findChildren(QWidget):
            if child.focusPolicy() & Qt.FocusPolicy.TabFocus:
                QWidget.setTabOrder(last, child)
                last = child

    # -- loading ----------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        return (self.session is not None and not self.session.is_signed and not self._readonly_db
                and not self.session.retracted and self._signed_before is None
                and self.records.read.held_elsewhere(self.session.id) is None
                and not self.records.read.hold_unknown(self.session.id))

    def load(self, session_id: int | None) -> None:
        """Show a session (None: nothing). Pending note edits of the previous one are saved."""
        self.flush()  # before the read: a session shown again shows them
        self.open_session(self.records.read.session(session_id) if session_id is not None
                          else None)

    def open_session(self, session: Session | None) -> None:
        """Show `session` as the caller read it, once the edits of the one shown were saved
        (the window reads the session it opens once, having flushed the one it leaves)."""
        if session is None or self.session is None or session.id != self.session.id:
            self.conflict.dismiss()
        self._fill(session)

    def _fill(self, session: Session | None) -> None:
        self._notes_timer.stop()
        self._complaint_timer.stop()
        self._fields_timer.stop()
        self._registration_owed = None
        before, self.session = self.session, session
        # A draft its trail says was signed (the signature taken away outside imsmap): looked
        # up as it opens, or comes back a draft, not at every change of it.
        if session is None or session.is_signed:
            self._signed_before = None
        elif before is None or before.id != session.id or before.is_signed:
            self._signed_before = self.records.read.signed_before(session.id)
        self._base = {f: getattr(session, f) for f in EDITABLE_SESSION_FIELDS} if session else {}
        # offered as the session's practitioner is typed: no session (the field disabled), no list
        self.form.offer_practitioners(
            [p.name for p in clinic.practitioners(self.records)] if session is not None else [])
        self._loading = True
        try:
            self.form.show_session(self.session)
        finally:
            self._loading = False
        self._update_state()

    def _update_state(self) -> None:
        s = self.session
        editable = self.editable
        for w in (self.practitioner, self.complaint, self.notes, self.started_at):
            w.setReadOnly(not editable)
        self.placeholders.show(editable=editable or s is None)
        self.sites.inspector.set_open_session(locked=s is not None and not editable,
                                              signed=s is not None and s.is_signed)
        self.started_at.setEnabled(s is not None)
        # Read-only, the start time offers no calendar and no arrows (Qt draws a drop-down
        # arrow for a calendar popup even on a read-only field: it looked editable).
        self.started_at.setCalendarPopup(editable)
        self.started_at.setButtonSymbols(QSpinBox.ButtonSymbols.UpDownArrows if editable
                                         else QSpinBox.ButtonSymbols.NoButtons)
        for w in (self.pain_before, self.pain_after):
            w.setReadOnly(not editable)
            w.setButtonSymbols(QSpinBox.ButtonSymbols.UpDownArrows if editable
                               else QSpinBox.ButtonSymbols.NoButtons)
        for w in (self.practitioner, self.complaint, self.notes, self.pain_before,
                  self.pain_after, self.sites):
            w.setEnabled(s is not None)
        for w in (self.practitioner, self.complaint, self.notes, self.pain_before,
                  self.pain_after, self.started_at):
            palette = w.palette()
            palette.setColor(QPalette.ColorRole.Base,
                             QColor(READ_ONLY_BASE) if s is not None and not editable
                             else self.palette().color(QPalette.ColorRole.Base))
            w.setPalette(palette)
        self.sign_button.setVisible(s is not None and not s.is_signed and not s.retracted)
        self.sign_button.setEnabled(editable)
        self.amend_button.setVisible(s is not None and s.is_signed and not self._readonly_db)
        self.sites_hint.setVisible(editable)
        self._show_sites_hint()
        self.title.setVisible(s is None)
        self.status.show_state(self.records, s, editable=editable,
                               readonly_db=self._readonly_db,
                               signed_before=self._signed_before,
                               patient_open=self._patient_open)
        if s is None:
            self.title.setText(self.tr("No session open"))
        else:
            self.title.setText(self.tr("Session {when}").format(
                when=numeric_datetime(s.started_at)))
        self._show_amendments()

    def _show_amendments(self) -> None:
        s = self.session
        if s is None or not s.is_signed:
            self.amendments.set_amendments(None, [])
        else:
            self.amendments.set_amendments(s.id, amendments_in_words(self.records, s.id))

    def _on_change(self, change: Change) -> None:
        if self.session is None or change.session_id != self.session.id:
            return
        if change.action is Action.SIGN or change.entity is Entity.RETRACTION:
            # Locked now: the fields show what was signed (another window's last words too),
            # not what this window last read; nothing typed is lost (signing flushed it).
            self._fill(self.records.read.session(self.session.id))
        elif change.entity is Entity.AMENDMENT:
            self.refresh()

    def refresh(self) -> None:
        """Re-read status (after signing or an amendment) without touching typed text; text
        this room may no longer save is set aside in the notice (`_set_aside_unsaved`)."""
        if self._set_aside_unsaved():  # against the session as last read: filled afresh
            return
        if self.session is not None:
            self.session = self.records.read.session(self.session.id)
        self._update_state()

    def _unsaved(self) -> list[str]:
        """What the fields show that the session as last read does not hold."""
        return [] if self.session is None else self.form.typed_beside(self.session)

    def _set_aside_unsaved(self) -> bool:
        """This room may no longer edit the session (another room has it now, or it was
        signed) while its fields still show what was typed here and never saved: that text
        goes to the notice, with a sentence saying why, and the fields show the record as it
        is. Before, the words stayed in the read-only fields as though saved, and went at the
        next reload without a word. True if anything was set aside (the fields were filled)."""
        if self.session is None or self.editable or self._readonly_db:
            return False
        typed = self._unsaved()
        if not typed:
            return False
        self.conflict.set_aside(typed, self.records.read.held_elsewhere(self.session.id))
        self._fill(self.records.read.session(self.session.id))
        return True

    def reload_if_changed(self) -> bool:
        """Show what the store holds now if someone else changed this session (another
        computer on the same database). What is typed here is saved first, briefly (the
        window's re-read, nobody's gesture: ui.pending_save); True if reloaded."""
        if self.session is None:
            return False
        if not self.flush(briefly=True) and self.editable:
            return False  # could not save: keep what is typed, do not overwrite it
        # (read-only here, nothing typed is in the fields: flush set it aside in the notice)
        stored = self.records.read.session(self.session.id)
        if stored == self.session:
            # An amendment added elsewhere changes no field of the session: read them again.
            self._show_amendments()
            return False
        self.load(stored.id)
        return True

    # -- saving -----------------------------------------------------------------------------
    def _save(self, field: str, value: object, timer: QTimer | None = None,
              briefly: bool = False) -> bool:
        """Save one field; ``timer``: the save is that timer's, ``briefly``: a re-read's
        (ui.pending_save)."""
        if self._loading or self.session is None or not self.editable:
            return False
        started_from = self._base.get(field, getattr(self.session, field))
        if value == started_from or getattr(self.session, field) == value:
            self._base[field] = value
            return True  # nothing of the user's to save
        try:
            with later(self.records, timer, briefly):
                self.session = self.records.update_session(
                    self.session.id, expected={field: started_from}, **{field: value})
        except ConflictError as exc:
            # Another window saved this field first: show its value, keep what was typed.
            self.conflict.add(exc, value)
            self._fill(self.records.read.session(self.session.id))
            self.errorOccurred.emit(exc)
            return True
        except ReadOnlyError as exc:
            # Locked elsewhere meanwhile (signed or withdrawn in another window): said, and
            # what was typed goes to the notice while the fields show the record as it is.
            self.errorOccurred.emit(exc)
            self.session = self.records.read.session(self.session.id)
            if not self._set_aside_unsaved():
                self._update_state()
            return True
        except (ValidationError, NotFoundError) as exc:
            # Refused for good (over a limit...): said in the status bar; retrying won't help.
            self.errorOccurred.emit(exc)
            return True
        except UserFacingError as exc:
            # The database busy, the disk full...: the value stays in its field, unsaved.
            if kept_pending(exc, timer, briefly):
                self.pending.emit(True)
            else:
                self.errorOccurred.emit(exc)
            return False
        self._base[field] = getattr(self.session, field)
        if timer is not None or briefly:
            self.pending.emit(False)
        return True

    def _save_started_at(self) -> bool:
        if self._loading or self.session is None or not self.editable:
            return False
        chosen = self.started_at.dateTime().toPython().astimezone().replace(second=0)
        if chosen == self.session.started_at.replace(second=0):
            return True
        ok = self._save("started_at", chosen)
        if self.session is not None and self.session.started_at.replace(second=0) != chosen:
            self._loading = True  # refused: show the stored time again
            try:
                self.started_at.setDateTime(editor_time(self.session.started_at))
            finally:
                self._loading = False
        return ok

    def _save_practitioner(self, timer: QTimer | None = None) -> bool:
        """Save the practitioner and their registration number; ``timer``: the fields'
        (ui.pending_save)."""
        name = self.practitioner.text().strip()
        before = self.session.practitioner if self.session is not None else None
        if not self._save("practitioner", name, timer):
            return False
        if self.session is None or (name == before and self._registration_owed != name):
            return True  # unchanged, its registration with it (not owed: tried again)
        self._registration_owed = name
        # The new name's number, as a new session takes it; none where neither the list nor
        # this patient's signed visits give one: the one left was the previous name's, and the
        # signed note printed it under the new name (the sign dialog now asks for theirs).
        try:
            number = registration_for(self.records, name, self.session.patient_id,
                                      clinic.practitioners(self.records))
        except UserFacingError as exc:  # the server cannot be reached now...: said
            self.errorOccurred.emit(exc)
            return False
        if not self._save("practitioner_registration", number, timer):
            return False
        self._registration_owed = None
        return True

    def _save_notes(self, timer: QTimer | None = None) -> bool:
        return self._save("notes", field_text(self.notes), timer)

    def _save_complaint(self, timer: QTimer | None = None) -> bool:
        return self._save("complaint", self.complaint.text(), timer)

    def _save_pain_before(self, timer: QTimer | None = None) -> bool:
        return self._save("pain_before", self.pain_before.pain(), timer)

    def _save_pain_after(self, timer: QTimer | None = None) -> bool:
        return self._save("pain_after", self.pain_after.pain(), timer)

    def _save_fields(self, timer: QTimer | None) -> bool:
        """The fields' timer: the practitioner and the pain scores tried again, as `flush`
        saves them, up to the first that still waits."""
        return (self._save_practitioner(timer) and self._save_pain_before(timer)
                and self._save_pain_after(timer))

    def _notes_changed(self) -> None:
        if not self._loading and self.editable:
            self._notes_timer.start()

    def _pain_refused(self, typed: str) -> None:
        self.errorOccurred.emit(ValidationError(self.tr(
            "Pain is scored from 0 to 10: {typed} was not recorded.").format(typed=typed),
            "pain"))

    def save_notes(self, briefly: bool = False) -> bool:
        """Save the notes; ``briefly``: on leaving the box or a re-read's, behind a lock left
        to the notes' timer (ui.pending_save)."""
        self._notes_timer.stop()
        if self.session is not None:
            return self._save_notes(self._notes_timer if briefly else None)
        return True

    def flush(self, briefly: bool = False) -> bool:
        """Save what is still being typed (before switching session or closing). False when
        something could not be saved (the database busy...): it is still in the fields; or
        when a save was refused because another window changed the field first, until the
        user has dismissed the notice that keeps what they typed. ``briefly``: the window's
        re-read (ui.pending_save): each save waits briefly for a lock, and behind one the
        rest wait in their fields (the notes and complaint for their timers)."""
        if self.session is None or not self.editable:
            self._set_aside_unsaved()
            return not self.conflict.holds_text()
        fields = self._fields_timer if briefly else None
        complaint = self._complaint_timer if briefly else None
        saves = (lambda: self.save_notes(briefly),
                 lambda: self._save_practitioner(fields),
                 lambda: self._save_complaint(complaint),
                 lambda: self._save_pain_before(fields),
                 lambda: self._save_pain_after(fields))
        ok = True
        for save in saves:
            ok = save() and ok
            if briefly and not ok:
                break  # the same row: the next saves would wait for the same lock
        return ok and not self.conflict.holds_text()
