"""The Patient menu's merge and separation of duplicate records (services/merging.py), and what
the window shows of a merge: the record kept opened in place of a duplicate, and, over a
session recorded under a duplicate, the record it was signed under and the merge (who, when,
why)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget

from imsmap.domain.models import Patient, Session
from imsmap.services.records import Records
from imsmap.ui.patient_panel import HIDDEN_NAME, PatientPanel
from imsmap.ui.privacy_cover import Guard, unguarded
from imsmap.ui.record.merge_dialog import MergeDialog, SeparateDialog, who
from imsmap.ui.session_panel import SessionPanel
from imsmap.ui.wording import numeric_datetime


class PatientMerging(QObject):
    """Patient > Merge duplicate record… and Separate records…, and the merge banner."""

    def __init__(self, records: Records, parent: QWidget, patients: PatientPanel,
                 session_panel: SessionPanel, patient: Callable[[], Patient | None],
                 hidden: Callable[[], bool], show_message: Callable[[str], None],
                 show_error: Callable[[object], None], guard: Guard = unguarded):
        super().__init__(parent)
        self.guard = guard  # the privacy screen over the dialogs
        self.records = records
        self.parent_widget = parent
        self.patients = patients
        self.session_panel = session_panel
        self.patient = patient
        self.hidden = hidden  # the privacy screen is up
        self.show_message = show_message
        self.show_error = show_error
        # Over a session recorded under a duplicate merged into the open record.
        self.banner = QLabel()
        self.banner.setObjectName("mergeBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel#mergeBanner { background: #eef3fb; "
                                  "border: 1px solid #9db4d8; padding: 4px; }")
        self.banner.hide()
        session_panel.add_banner(self.banner)
        patients.mergeFollowed.connect(self._followed)

    def _open_draft(self) -> Session | None:
        s = self.session_panel.session
        return s if s is not None and not s.is_signed and not s.retracted else None

    def merge(self) -> None:
        if self.records.read.readonly:
            return
        self.session_panel.flush()
        p = self.patient()
        dialog = MergeDialog(self.records, p.id if p is not None else None, self._open_draft,
                             self.parent_widget)
        self.guard(dialog)
        if dialog.exec() and dialog.merge is not None:
            m = dialog.merge
            self.patients.select_patient(m.kept_id)
            self.show_session(self.session_panel.session)
            self.show_message(self.tr("{dup} merged into {kept}: one history of %n "
                                      "session(s), nothing rewritten.", "",
                                      len(self.records.read.sessions_for_patient(m.kept_id))
                                      ).format(dup=self._who(m.duplicate_id),
                                               kept=self._who(m.kept_id)))

    def separate(self) -> None:
        p = self.patient()
        if self.records.read.readonly or p is None:
            return
        merges = [m for m in self.records.read.merges(p.id) if m.in_force]
        if not merges:
            self.show_error(self.tr("No record is merged into this one, so there is nothing "
                                    "to separate."))
            return
        dialog = SeparateDialog(self.records, merges, self.parent_widget)
        self.guard(dialog)
        if dialog.exec() and dialog.separation is not None:
            s = dialog.separation
            self.patients.refresh_patients()
            self.patients.refresh_sessions()
            self.show_message(self.tr("{dup} and {kept} separated: each reads its own sessions "
                                      "again.").format(dup=self._who(s.duplicate_id),
                                                       kept=self._who(s.kept_id)))

    def _who(self, patient_id: int) -> str:
        return HIDDEN_NAME if self.hidden() else who(self.records.read.patient(patient_id))

    def _followed(self, duplicate_id: int, kept_id: int) -> None:
        # (heard after the window opened the record kept: the open session may be the
        # duplicate's now)
        self.show_session(self.session_panel.session)
        m = self.records.read.merged_into(duplicate_id)
        if m is None:
            return
        self.show_message(self.tr("{dup} was merged into {kept} by {by} on {when}; that record "
                                  "is open.").format(dup=self._who(duplicate_id),
                                                     kept=self._who(kept_id), by=m.created_by,
                                                     when=numeric_datetime(m.created_at)))

    def show_session(self, session: Session | None) -> None:
        """The banner over a session recorded under a duplicate merged since: which record it
        was signed under, and the merge."""
        p = self.patient()
        m = None
        if session is not None and p is not None and session.patient_id != p.id:
            m = self.records.read.merged_into(session.patient_id)
        if m is None:
            self.banner.hide()
            return
        self.banner.setText(self.tr(
            "Recorded under {under}. That record was merged into {kept} by {by} on {when}: "
            "{reason}").format(under=self._who(session.patient_id) if session else "",
                               kept=self._who(m.kept_id), by=m.created_by,
                               when=numeric_datetime(m.created_at), reason=m.reason))
        self.banner.show()
