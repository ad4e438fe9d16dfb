"""Opening the record of a new patient or a new session, signing and amending, as the File and
Session menus and the patient list offer them. A controller the main window makes in step 2 and
gives what it uses."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from imsmap.domain.errors import UserFacingError
from imsmap.domain.models import Patient
from imsmap.services import clinic
from imsmap.services.file_hold import AmendingMark
from imsmap.services.practitioner_list import by_login
from imsmap.services.records import Records, content_hash
from imsmap.services.registration import registration_for
from imsmap.ui.chart_panel import ChartPanel
from imsmap.ui.dialogs import CloseAnswer, PatientDialog, ask_unsaved_on_close
from imsmap.ui.patient_panel import PatientPanel
from imsmap.ui.privacy_cover import Guard, unguarded
from imsmap.ui.record.details_panel import SessionDetailsPanel
from imsmap.ui.record.retract_dialog import RetractDialog
from imsmap.ui.record.sign_amend import AmendDialog, SignDialog
from imsmap.ui.session_panel import SessionPanel
from imsmap.ui.window_settings import PRACTITIONER
from imsmap.ui.wording import numeric_datetime

log = logging.getLogger(__name__)

# Closing at a signal, a save the file refused (busy...) is tried this often before the window
# closes without it: each try waits for the file as long as any write does (store.db).
UNASKED_SAVE_TRIES = 3


class SessionWords(QObject):
    """This module's sentences that count sessions: pyside6-lupdate finds the plural forms of
    tr() calls only, and SessionActions is no QObject."""

    def still_unsigned(self, started: list[str]) -> str:
        return self.tr("%n earlier session(s) still not signed: {sessions}.", "",
                       len(started)).format(sessions=", ".join(started))


class SessionActions:
    def __init__(self, records: Records, parent: QWidget, patients: PatientPanel,
                 session_panel: SessionPanel, details: SessionDetailsPanel, chart: ChartPanel,
                 patient: Callable[[], Patient | None], show_message: Callable[[str], None],
                 show_error: Callable[[UserFacingError | str], None],
                 refresh: Callable[[], object] = lambda: None, guard: Guard = unguarded):
        self.records = records
        self.guard = guard  # the privacy screen over the patient's dialog
        self.parent = parent  # of the dialogs
        self.patients = patients  # selects what was made
        self.session_panel = session_panel
        self.details = details
        self.chart = chart  # takes the keyboard for a new session's first site
        self.patient = patient  # the patient open now
        self.show_message = show_message
        self.show_error = show_error
        self.refresh = refresh  # read again what another window wrote (MainWindow.refresh_all)

    def new_patient(self) -> None:
        dialog = PatientDialog(self.records, self.parent)
        self.guard(dialog)  # its namesakes named under the fields
        # Deleted once answered: a child of the window that its fields' connections keep
        # alive, one more under the window for each patient created in a day (bench/day.py).
        # The window's guard (PrivacyCovers.guard) sees to it, but not every guard does
        # (`unguarded`, the default, deletes nothing); a second deleteLater is harmless.
        dialog.finished.connect(dialog.deleteLater)
        if dialog.exec() and dialog.patient is not None:
            self.patients.select_patient(dialog.patient.id)
            self.show_message(QCoreApplication.translate(
                "SessionActions", "Patient {chart} created.").format(
                    chart=dialog.patient.chart_number))

    def edit_patient(self) -> None:
        """Patient > Edit details…: the open patient's chart number, names, date of birth, sex
        and notes. A typo in a name or a date of birth could be corrected only in the desk
        window of a clinic server; a clinic on one computer could not correct it at all."""
        patient = self.patient()
        if patient is None:
            return
        dialog = PatientDialog(self.records, self.parent, editing=patient)
        self.guard(dialog)
        dialog.finished.connect(dialog.deleteLater)  # whatever the guard (as new_patient)
        if dialog.exec() and dialog.patient is not None:
            self.patients.refresh_patients(select_id=dialog.patient.id)
            self.show_message(QCoreApplication.translate(
                "SessionActions", "Details of {chart} saved.").format(
                    chart=dialog.patient.chart_number))

    def new_session(self) -> None:
        patient = self.patient()
        if patient is None:
            self.show_error(QCoreApplication.translate(
                "SessionActions", "Choose a patient first, then start a session."))
            return
        self.session_panel.flush()
        try:
            listed = clinic.practitioners(self.records)
            practitioner = self._practitioner_of_new_session(patient.id, listed)
            registration = registration_for(self.records, practitioner, patient.id, listed)
            session = self.records.start_session(
                patient.id, practitioner=practitioner,
                **({"practitioner_registration": registration} if registration else {}))
        except UserFacingError as exc:
            self.show_error(exc)
            return
        self.patients.select_session(session.id)
        self.chart.view.setFocus()
        message = QCoreApplication.translate(
            "SessionActions", "New session started: click a muscle on the chart to add a site.")
        # An earlier draft left unsigned (over a weekend, or a New session pressed twice)
        # stays in the record: the new one must not hide it.
        unsigned = [s for s in self.records.read.sessions_for_patient(patient.id)
                    if not s.is_signed and s.counts and s.id != session.id]
        if unsigned:
            message += " " + SessionWords().still_unsigned(
                [numeric_datetime(s.started_at) for s in unsigned])
        self.show_message(message)

    def _practitioner_of_new_session(self, patient_id: int,
                                     listed: tuple[clinic.Practitioner, ...]) -> str:
        """The practitioner the clinic's list gives the login signed in; where it gives it to
        no one (a shared login, a clinic of one), whoever last wrote a note on this PC, else
        whoever treated this patient at the last signed visit (none: nobody). A draft is no
        visit yet: one in progress in another room or window names whoever is treating there,
        and one left unsigned may still be withdrawn or entered in error."""
        signed_in = by_login(listed, self.records.actor)
        if signed_in is not None:
            return signed_in.name
        practitioner = PRACTITIONER.read()
        if not practitioner:
            previous = self.records.read.sessions_for_patient(patient_id)  # newest first
            practitioner = next((s.practitioner for s in previous
                                 if s.practitioner and s.counts and s.is_signed), "")
        return practitioner

    def sign_session(self) -> None:
        s = self.session_panel.session
        if s is None or not self.session_panel.editable:
            return
        # What is typed is saved first: signed with the rest, never left out while shown.
        saved = self.save_typed()
        if not saved or self.notices_hold_text():
            self.show_error(self._typed_not_saved())
            return
        # What another window wrote since this one last looked is part of what is signed:
        # shown behind the dialog, never signed unseen (after the flush: nothing typed is lost).
        # The content is read before the window reads it again and by the dialog after: when
        # the two are the same, it is what every panel of the window read in between.
        shown = content_hash(self.records.session_record(s.id))
        self.refresh()
        if not self.session_panel.editable:  # signed (or taken) in another window meanwhile
            self.show_error(QCoreApplication.translate(
                "SessionActions", "This session was changed in another window and can no longer "
                "be signed here: it is shown as it is now."))
            return
        dialog = SignDialog(self.records, s.id, self.parent, shown=shown)
        if dialog.refusal is None:  # else changed again while the window was reading it
            dialog.exec()
        if dialog.refusal is not None:  # not signed: show what the other window wrote, and why
            self.refresh()
            self.show_error(dialog.refusal)

    def save_typed(self) -> bool:
        """Save what is still being typed: the session's fields, its details, a site's note.
        False when the session's or its plan could not be saved (still in their fields)."""
        saved = self.session_panel.flush()
        saved = self.details.flush() and saved
        self.session_panel.sites.inspector.save_notes()  # a site's note still being typed
        return saved

    def settle_typed_before_closing(self, why_not_saved: Callable[[], str], *,
                                    ask: bool = True) -> bool:
        """The window is closing: save what is still being typed; where it could not be saved
        (`why_not_saved` says why), or is kept only in a notice, ask whether to try again,
        close without it or stay open. True: the window may close. Without ``ask`` (the
        system ends the program: nobody is there to answer) a save that failed is tried again
        a few times, then the window closes all the same, and the log says what was left."""
        tries = 0
        while True:
            saved = self.save_typed()
            # a notice of the session's details or of a site keeps typed text as the
            # session's does: closed without asking, it was lost
            if saved and not self.notices_hold_text():
                return True
            if not ask:
                tries += 1
                if saved or tries >= UNASKED_SAVE_TRIES:  # a notice's text is not saved by trying
                    log.warning("closing at the system's request: typed text %s",
                                "kept in a conflict notice is dropped" if saved else
                                "could not be saved and is dropped")
                    return True
                continue
            answer = ask_unsaved_on_close(self.parent, why_not_saved() if not saved else
                                          QCoreApplication.translate(
                                              "SessionActions", "text you typed is kept in a "
                                              "notice and in no record."))
            if answer is CloseAnswer.DROP:
                return True
            if answer is not CloseAnswer.RETRY:
                return False

    def notices_hold_text(self) -> bool:
        """Typed text is kept in a conflict notice (the session's, its details', a site's: a
        save refused because another window changed the field first), and in no record."""
        return any(n.holds_text() for n in (self.session_panel.conflict, self.details.conflict,
                                             self.session_panel.sites.inspector.conflict))

    def _typed_not_saved(self) -> str:
        """Why the session was not signed while words it shows are not in the record."""
        if self.notices_hold_text():
            return QCoreApplication.translate(
                "SessionActions", "Text you typed is kept in the notice and in no record, so "
                "the session was not signed: copy it into the note or dismiss the notice, "
                "then sign again.")
        return QCoreApplication.translate(  # the database busy...: the words are in their field
            "SessionActions", "This session's last changes could not be saved yet, so it was "
            "not signed. Try again in a moment.")

    def amend_session(self) -> None:
        s = self.session_panel.session
        if s is None or not s.is_signed or self.records.read.readonly:
            return
        # What another window or program amended since this one last looked is shown first
        # (read again only if the file moved on: ui.rereading): a correction written without
        # it in sight contradicted it blind (walk of 7 December). One added while the dialog
        # is open is said there before this one is added (AmendDialog).
        self.refresh()
        now = self.session_panel.session
        if now is None or now.id != s.id:  # the record moved on to another (merged...)
            return
        # On the site selected, as the signed session's inspector says ("To correct one:
        # Session > Add amendment…"): it opened on site 1 whichever was.
        selected = self.chart.selected_site_id() or self.session_panel.sites.selected_site_id()
        dialog = AmendDialog(self.records, s.id, self.parent, site_id=selected,
                             reread=self.refresh)
        holds = self.records.file_holds  # a file's: marked while written (store.amending_marks)
        with AmendingMark(holds.db_path, s.id) if holds is not None else contextlib.nullcontext():
            added = dialog.exec()
        if added and dialog.amendment is not None:
            # Signing and a photo added by amendment say so in the status bar; an amendment
            # said nothing, the bar left empty (walk of 6 December).
            self.show_message(QCoreApplication.translate(
                "SessionActions", "Amendment added to the session of {when}, dated now in "
                "your name; the signed note is unchanged.").format(
                    when=numeric_datetime(s.started_at)))

    def retract_session(self) -> None:
        """Session > Withdraw draft… / Mark entered in error…: the open session taken out of
        the clinical story, with a reason (ui.record.retract_dialog)."""
        s = self.session_panel.session
        if s is None or s.retracted or self.records.read.readonly:
            return
        if not s.is_signed:
            if not self.session_panel.editable:
                return  # open in another room: taken over first, as for any change
            self.session_panel.flush()  # what is typed is part of what is withdrawn
        dialog = RetractDialog(self.records, s.id, self.parent)
        if dialog.exec() and dialog.mark is not None:
            self.show_message(QCoreApplication.translate(
                "SessionActions", "Session withdrawn: kept for the record, counted nowhere.")
                if not s.is_signed else QCoreApplication.translate(
                "SessionActions", "Session marked entered in error: kept for the record, "
                "counted nowhere."))
