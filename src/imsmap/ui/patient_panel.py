"""The left column: find a patient as you type, the patient's sessions, new patient / session."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.errors import UserFacingError
from imsmap.domain.models import Patient, Session, Sex
from imsmap.domain.roles import PRACTITIONER
from imsmap.services.changes import Change, Entity
from imsmap.services.history import PatientHistories
from imsmap.services.records import Records
from imsmap.ui import errors as ui_errors
from imsmap.ui.header_eliding import elide_headers
from imsmap.ui.listening import listen
from imsmap.ui.name_eliding import NAME_ROLE, PatientRows
from imsmap.ui.wording import long_date, numeric_datetime, numeric_datetime_writer

SEARCH_DELAY_MS = 100
MERGED_ROLE = Qt.ItemDataRole.UserRole + 1  # a record merged away: its own id
MERGED_BLUE = "#2f5597"  # a session recorded under a duplicate merged into the record
HIDDEN_NAME = "●●●●●"


def patient_label(p: Patient, hide_names: bool) -> str:
    """Name, chart number and year of birth; behind the privacy screen none of them."""
    if hide_names:
        return HIDDEN_NAME
    born = f"  ·  {p.birth_date.year}" if p.birth_date else ""
    return f"{p.display_name}  ·  {p.chart_number}{born}"


def patient_header(p: Patient | None, hide_names: bool) -> str:
    """One line saying whose record is open (for the session and progress panels)."""
    if p is None:
        return ""
    if hide_names:
        return QCoreApplication.translate(
            "PatientPanel", "Patient hidden (privacy screen: F12 or Ctrl+H shows it)")
    if p.birth_date:
        return _born(p.sex).format(name=p.display_name, chart=p.chart_number,
                                   date=long_date(p.birth_date))
    return f"{p.display_name} · {p.chart_number}"


def _born(sex: Sex) -> str:
    """The header's words for a birth: French writes « née » of a woman and « né » of a man;
    « né(e) » only where the record does not say (three entries, the same English)."""
    if sex is Sex.FEMALE:
        return QCoreApplication.translate("PatientPanel", "{name} · {chart}, born {date}",
                                          "a woman")
    if sex is Sex.MALE:
        return QCoreApplication.translate("PatientPanel", "{name} · {chart}, born {date}",
                                          "a man")
    return QCoreApplication.translate("PatientPanel", "{name} · {chart}, born {date}")


def minute_text(moment: datetime) -> str:
    """E.g. "2026-11-16 17:15" ("2026-11-16 17 h 15"): wording.numeric_datetime."""
    return numeric_datetime(moment)


COLUMN_PADDING = 16  # px beside a column's text (the item's margins and a little air)


def pain_text(s: Session) -> str:
    before = "–" if s.pain_before is None else str(s.pain_before)
    after = "–" if s.pain_after is None else str(s.pain_after)
    if s.pain_before is None and s.pain_after is None:
        return ""
    return f"{before} → {after}"


class PatientPanel(QWidget):
    # A patient chosen: the patient first, then the session the list opens on
    # (`sessionSelected`, None when they have none), always both and in that order, so that
    # the window reads the patient's history once and then draws it for that session.
    patientSelected = Signal(object)  # patient id or None
    # A record merged away was chosen (or merged away while open): the record kept opens
    # instead (duplicate id, kept id), and the window says so.
    mergeFollowed = Signal(int, int)
    sessionSelected = Signal(object)  # session id or None
    newPatientRequested = Signal()
    newSessionRequested = Signal()

    def __init__(self, records: Records, histories: PatientHistories,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.records = records
        self.histories = histories  # the sessions listed are the ones the overlay reads
        self.hide_names = False
        self._patient_id: int | None = None
        self._loading = False
        self._emitted_session: object = None  # the session last said (none at first)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find: chart number or name"))
        self.search.setClearButtonEnabled(True)
        # what a screen reader says (a placeholder is not a name, and goes once typed in)
        self.search.setAccessibleName(self.tr("Find a patient by chart number or name"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_patients)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._search_now)

        self.patients = QListWidget()
        self.patients.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.patients.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A long name is cut at a word end, the chart number and year kept (ui.name_eliding);
        # Qt's own cut (the middle, then the end) is for what is still too wide then.
        self.patients.setItemDelegate(PatientRows(self.patients))
        self.patients.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.patients.setUniformItemSizes(True)
        self.patients.currentItemChanged.connect(self._patient_changed)
        self.patients.setAccessibleName(self.tr("Patients"))
        self.count = QLabel()
        self.count.setObjectName("patientCount")

        self.new_patient = QPushButton(self.tr("New patient…"))
        self.new_patient.clicked.connect(self.newPatientRequested)

        self.sessions_label = QLabel(self.tr("Sessions"))
        bold = QFont(self.sessions_label.font())
        bold.setBold(True)
        self.sessions_label.setFont(bold)
        self.sessions = QTreeWidget()
        elide_headers(self.sessions)
        self.sessions.setRootIsDecorated(False)
        self.sessions.setAccessibleName(self.tr("Sessions"))
        self.sessions.setUniformRowHeights(True)
        self.sessions.setHeaderLabels([self.tr("Date"), self.tr("Status"), self.tr("Pain")])
        self.sessions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.sessions.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Each column takes the width of the widest text it can show, measured once: sized to
        # their contents, Qt measured every row of a 200-visit patient each time one was
        # opened (about a third of opening that patient). The date stretches, and the list is
        # never narrower than the three (the date and time are longer in French: « 09 h 00 »).
        metrics = self.sessions.fontMetrics()
        widths = []
        for column, widest in ((0, minute_text(datetime(2026, 12, 28, 20, 58))),
                               (1, max(self.tr("signed"), self.tr("amended"),
                                       self.tr("draft"), key=metrics.horizontalAdvance)),
                               (2, "10 → 10")):
            widths.append(max(header.sectionSizeHint(column),
                              metrics.horizontalAdvance(widest) + COLUMN_PADDING))
            if column:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, widths[-1])
        # the list's own scroll bar's width (the style's PM_ScrollBarExtent: naming the QStyle
        # class would cost PySide6 about 10 ms for its enums as the window starts, as in
        # ui.history_bar)
        self.sessions.setMinimumWidth(
            sum(widths) + 2 * self.sessions.frameWidth()
            + self.sessions.verticalScrollBar().sizeHint().width())
        self.sessions.currentItemChanged.connect(self._session_changed)
        self.new_session = QPushButton(self.tr("New session"))
        self.new_session.clicked.connect(self.newSessionRequested)
        self.new_session.setEnabled(False)

        patients_title = QLabel(self.tr("Patients"))
        patients_title.setFont(bold)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(self.new_patient)
        srow = QHBoxLayout()
        srow.addWidget(self.sessions_label, 1)
        srow.addWidget(self.new_session)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(patients_title)
        layout.addWidget(self.search)
        layout.addWidget(self.patients, 3)
        layout.addLayout(row)
        layout.addSpacing(6)
        layout.addLayout(srow)
        layout.addWidget(self.sessions, 2)
        # Sessions are clinical: a login outside the practitioners' group (reception) lists
        # patients only (its window says why, ui/desk_window.py).
        self.clinical = PRACTITIONER in records.read.roles
        for widget in (self.sessions_label, self.new_session, self.sessions):
            widget.setVisible(self.clinical)

        listen(records.bus, self, self._on_change)
        self.refresh_patients()

    def _on_change(self, change: Change) -> None:
        if change.entity in (Entity.PATIENT, Entity.PATIENT_MERGE):
            self.refresh_patients()
            if change.entity is Entity.PATIENT_MERGE and self._patient_id is not None:
                self.refresh_sessions()
        elif (change.entity in (Entity.SESSION, Entity.AMENDMENT, Entity.RETRACTION)
              and change.patient_id is not None and change.patient_id == self._patient_id):
            self.refresh_sessions()

    # -- patients ---------------------------------------------------------------------------
    @property
    def patient_id(self) -> int | None:
        return self._patient_id

    def _search_now(self) -> None:
        self._timer.stop()
        self.refresh_patients()
        if self.patients.count() == 1:
            self.patients.setCurrentRow(0)

    def refresh_patients(self, select_id: int | None = None) -> None:
        """Run the search again; keep (or move to) the selected patient when it is listed."""
        self._timer.stop()
        keep = select_id if select_id is not None else self._patient_id
        try:
            found = self.records.read.search_patients(self.search.text())
        except UserFacingError:
            # The list still holds the last search's patients: said under it, so that nobody
            # takes them for what was just typed (a desk searching while the clinic server is
            # out of reach read "1 patient found" under an empty search); then the refusal.
            self.count.setText(self.tr("Not searched"))  # short: the column keeps its width
            self.count.setToolTip(self.tr("The search could not run; the list is the one found "
                                          "by the search before."))
            raise
        ui_errors.register_private(t for p in found for t in (p.family_name, p.given_name))
        # Records merged away (services.merging): listed under their own names, they open the
        # record kept.
        away = {m.duplicate_id: m.kept_id for m in self.records.read.all_merges()
                if m.in_force}
        followed = None
        if keep is not None and keep in away:  # merged away while open: the kept one opens
            followed, keep = (keep, away[keep]), away[keep]
            select_id = keep
        kept_names = {p.id: p for p in found}
        self._loading = True
        try:
            self.patients.clear()
            current = None
            for p in found:
                opens = away.get(p.id, p.id)
                item = QListWidgetItem(patient_label(p, self.hide_names))
                item.setData(NAME_ROLE, None if self.hide_names else p.display_name)
                item.setData(Qt.ItemDataRole.UserRole, opens)
                item.setData(MERGED_ROLE, p.id if opens != p.id else None)
                tip = "" if self.hide_names else f"{p.display_name} ({p.chart_number})"
                if opens != p.id:
                    kept = kept_names.get(opens) or self.records.read.patient(opens)
                    if not self.hide_names:
                        item.setText(item.text() + "  →  " + kept.chart_number)
                        tip = self.tr("{who} was merged into {kept}: choosing it opens that "
                                      "record").format(who=tip, kept=f"{kept.display_name} "
                                                                     f"({kept.chart_number})")
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                item.setToolTip(tip)
                self.patients.addItem(item)
                if opens == keep and (current is None or p.id == keep):
                    current = item
            if current is not None:
                self.patients.setCurrentItem(current)
        finally:
            self._loading = False
        n = len(found)
        self.count.setToolTip("")
        self.count.setText(self.tr("%n patient(s) found", "", n) if self.search.text().strip()
                           else self.tr("%n patient(s)", "", n))
        if select_id is not None and current is not None and select_id != self._patient_id:
            self._set_patient(select_id)
        elif followed is not None and current is None:  # the kept one is not in this search
            self._set_patient(keep)
        if followed is not None:
            self.mergeFollowed.emit(*followed)

    def _patient_changed(self, item: QListWidgetItem | None, _prev: object = None) -> None:
        if self._loading:
            return
        self._set_patient(item.data(Qt.ItemDataRole.UserRole) if item is not None else None)
        duplicate = item.data(MERGED_ROLE) if item is not None else None
        if duplicate is not None:
            self.mergeFollowed.emit(duplicate, item.data(Qt.ItemDataRole.UserRole))

    def _set_patient(self, patient_id: int | None) -> None:
        if patient_id == self._patient_id:
            return
        self._patient_id = patient_id
        self.new_session.setEnabled(patient_id is not None)
        self._emitted_session = _NOT_SAID  # their session is said, None too
        self.patientSelected.emit(patient_id)
        self.refresh_sessions(select_first=True)

    def select_patient(self, patient_id: int) -> None:
        self.refresh_patients(select_id=patient_id)
        if self._patient_id != patient_id:  # filtered out by the search: clear it
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.refresh_patients(select_id=patient_id)

    def set_names_hidden(self, hidden: bool) -> None:
        """The privacy screen: no name, chart number or birth year in the list, the search
        text shown as dots. The list is written again only when that changes (the window
        restores the setting as it starts, after the list was filled)."""
        self.search.setEchoMode(QLineEdit.EchoMode.Password if hidden
                                else QLineEdit.EchoMode.Normal)
        if hidden != self.hide_names:
            self.hide_names = hidden
            self.refresh_patients()

    # -- sessions ---------------------------------------------------------------------------
    def refresh_sessions(self, select_id: int | None = None, select_first: bool = False) -> None:
        keep = select_id if select_id is not None else self.session_id()
        self._loading = True
        # the list filled whole, then drawn and laid out once (not at each of 200 rows)
        self.sessions.setUpdatesEnabled(False)
        try:
            self.sessions.clear()
            rows: list[QTreeWidgetItem] = []
            chosen = None
            counted: set[int] = set()  # the sessions that count (not withdrawn, not in error)
            under: dict[int, Patient] = {}  # duplicates merged into this record
            if self._patient_id is not None and self.clinical:
                # Newest first; read once with the chart's overlay (services.history).
                history = self.histories.history(self._patient_id, ())
                counted = set(history.ids)
                # a signed visit corrected since says so: its record is not the signed note alone
                amended = self.records.read.amendment_counts(self._patient_id)
                # withdrawn drafts and sessions entered in error: listed, greyed and struck
                # through, counted nowhere (services/retractions.py)
                marks = self.records.read.retractions(self._patient_id) \
                    if history.retracted else {}
                # sessions recorded under a duplicate merged into this record: named by it
                merged = {m.duplicate_id: m for m in self.records.read.merges(self._patient_id)
                          if m.in_force and m.kept_id == self._patient_id}
                under = {pid: self.records.read.patient(pid) for pid in merged}
                # the rows' words and the times' pattern asked once, not at each of 200 rows
                when = numeric_datetime_writer()
                draft, signed, amended_word = self.tr("draft"), self.tr("signed"), self.tr("amended")
                signed_tip = self.tr("Signed {when} by {who}")
                draft_tip = self.tr("Draft: edits are saved as you go")
                for s in reversed(history.listed()):
                    status = draft if not s.is_signed else (
                        amended_word if s.id in amended else signed)
                    item = QTreeWidgetItem([when(s.started_at), status, pain_text(s)])
                    item.setData(0, Qt.ItemDataRole.UserRole, s.id)
                    tip = signed_tip.format(when=when(s.signed_at), who=s.signed_by) \
                        if s.is_signed else draft_tip
                    if s.id in amended:
                        tip += "\n" + self.tr("%n amendment(s), shown after the signed note",
                                               "", amended[s.id])
                    mark = marks.get(s.id)
                    if mark is not None:
                        item.setText(1, self.tr("withdrawn") if s.is_withdrawn
                                     else self.tr("in error"))
                        tip = (self.tr("Withdrawn {when} by {who}: {reason}") if s.is_withdrawn
                               else self.tr("Entered in error {when} by {who}: {reason}")
                               ).format(when=minute_text(mark.created_at), who=mark.created_by,
                                        reason=mark.reason) + "\n" + self.tr(
                            "Kept for the record, readable; counted in no figure.")
                        _grey_struck(item)
                    if s.patient_id in merged:
                        m = merged[s.patient_id]
                        p = under[s.patient_id]
                        said = self.tr("Recorded under {who}, merged into this record by {by} "
                                       "on {when}: {reason}").format(
                            who=HIDDEN_NAME if self.hide_names
                            else f"{p.display_name} ({p.chart_number})",
                            by=m.created_by, when=minute_text(m.created_at), reason=m.reason)
                        tip += "\n" + said
                        item.setToolTip(0, said)
                        # the date in the merge's blue, the list's title saying whose (the
                        # column has no room for a chart number beside the date and time)
                        font = item.font(0)
                        font.setItalic(True)
                        item.setFont(0, font)
                        item.setForeground(0, QColor(MERGED_BLUE))
                    item.setToolTip(1, tip)
                    if not s.is_signed:
                        font = item.font(1)
                        font.setItalic(True)
                        item.setFont(1, font)
                    rows.append(item)
                    if s.id == keep:
                        chosen = item
            self.sessions.addTopLevelItems(rows)
            self._say_merged(under)
            if chosen is None and select_first and self.sessions.topLevelItemCount():
                # the newest session that counts: a patient does not open on a draft withdrawn
                chosen = next((self.sessions.topLevelItem(i)
                               for i in range(self.sessions.topLevelItemCount())
                               if self.sessions.topLevelItem(i).data(
                                   0, Qt.ItemDataRole.UserRole) in counted),
                              self.sessions.topLevelItem(0))
            if chosen is not None:
                self.sessions.setCurrentItem(chosen)
        finally:
            self._loading = False
            self.sessions.setUpdatesEnabled(True)
        current = self.session_id()
        if current != self._emitted_session:
            self._emitted_session = current
            self.sessionSelected.emit(current)

    def _say_merged(self, under: dict[int, Patient]) -> None:
        """The list's title names the duplicates whose sessions it lists in blue."""
        if not under or self.hide_names:
            self.sessions_label.setText(self.tr("Sessions"))
            self.sessions_label.setToolTip("")
            return
        charts = ", ".join(p.chart_number for p in under.values())
        self.sessions_label.setText(self.tr("Sessions (blue: {charts})").format(charts=charts))
        self.sessions_label.setToolTip(self.tr(
            "In blue: sessions recorded under {who}, merged into this record").format(
                who="; ".join(f"{p.display_name} ({p.chart_number})" for p in under.values())))

    def session_id(self) -> int | None:
        item = self.sessions.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _session_changed(self, item: QTreeWidgetItem | None, _prev: object = None) -> None:
        if self._loading:
            return
        sid = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        self._emitted_session = sid
        self.sessionSelected.emit(sid)

    def select_session(self, session_id: int) -> None:
        self.refresh_sessions(select_id=session_id)


_NOT_SAID = object()  # no session said yet for the patient chosen


def _grey_struck(item: QTreeWidgetItem) -> None:
    """A session kept for the record but counted nowhere: its row greyed and struck through."""
    for column in range(item.columnCount()):
        font = item.font(column)
        font.setStrikeOut(True)
        item.setFont(column, font)
        item.setForeground(column, QColor("#8a8a8a"))
