"""The rest of the session record beside the chart: consent, needles, examination findings,
adverse events, tolerance and plan. Every field is saved as it is edited, like the chart.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.errors import (
    ConflictError,
    NotFoundError,
    ReadOnlyError,
    UserFacingError,
    ValidationError,
)
from imsmap.domain.models import Session, Site
from imsmap.domain.vocabulary import ADVERSE_EVENT_KINDS, ADVERSE_SEVERITIES, FINDING_SIGNS
from imsmap.services.changes import Change, Entity
from imsmap.services.records import Records
from imsmap.services.safety import needs_pneumothorax_prompt, thoracic_sites, thorax_names
from imsmap.ui.conflict_notice import ConflictNotice
from imsmap.ui.field_placeholders import EntryList, Placeholders
from imsmap.ui.fitting_check import FittingCheckBox
from imsmap.ui.fitting_combo import FittingComboBox
from imsmap.ui.listening import listen
from imsmap.ui.pending_save import kept_pending, later, now_or_later, retry_timer
from imsmap.ui.plain_text import field_text
from imsmap.ui.record.thorax_prompt import ThoraxPrompt
from imsmap.ui.wording import language, vocabulary

SIDES = (("M", QT_TRANSLATE_NOOP("SessionDetailsPanel", "Both / midline")),
         ("L", QT_TRANSLATE_NOOP("SessionDetailsPanel", "Left")),
         ("R", QT_TRANSLATE_NOOP("SessionDetailsPanel", "Right")))


def _combo(items) -> QComboBox:
    """A combo box of (data, label) pairs, its choice cut with "…" (whole in its tip) where
    its column is narrow."""
    combo = FittingComboBox()
    for key, label in items:
        combo.addItem(label, key)
    return combo


def _entry_group(layout: QVBoxLayout, title: str, noun: str, list_height: int,
                 first: QComboBox, second: QComboBox, text: QLineEdit, on_add, on_remove
                 ) -> tuple[EntryList, QPushButton, QPushButton, QWidget]:
    """A titled group: the entries so far, then two choices on one row and a text with
    Add / Remove on the next (two rows, so it fits the right column). The last of the tuple
    holds those two rows: the panel hides them while the session cannot be edited."""
    group = QGroupBox(title)
    box = QVBoxLayout(group)
    entries = EntryList()
    entries.setAccessibleName(title)
    entries.setMaximumHeight(list_height)
    box.addWidget(entries)
    add = QPushButton(QCoreApplication.translate("DetailsPanel", "Add"))
    add.setAccessibleName(QCoreApplication.translate("DetailsPanel", "Add {what}").format(
        what=noun))
    add.clicked.connect(on_add)
    remove = QPushButton(QCoreApplication.translate("DetailsPanel", "Remove"))
    remove.setAccessibleName(QCoreApplication.translate(
        "DetailsPanel", "Remove selected {what}").format(what=noun))
    remove.clicked.connect(on_remove)
    # Enter in the text adds the entry, as Add does: typed "L4-L5" and Enter did nothing, and
    # the words stayed in the field, never in the record, unless Add was clicked.
    text.returnPressed.connect(on_add)
    entry = QWidget()
    # Qt names a field by the group box it lies in (its title); inside `entry` it lies in a
    # plain widget, and a screen reader said nothing for the finding's text: named as before.
    for field in (first, second, text):
        if not field.accessibleName():
            field.setAccessibleName(title)
    rows = QVBoxLayout(entry)
    rows.setContentsMargins(0, 0, 0, 0)
    row = QHBoxLayout()
    row.addWidget(first, 1)
    row.addWidget(second)
    rows.addLayout(row)
    row = QHBoxLayout()
    row.addWidget(text, 1)
    row.addWidget(add)
    row.addWidget(remove)
    rows.addLayout(row)
    box.addWidget(entry)
    layout.addWidget(group)
    return entries, add, remove, entry

# An adverse event's entry in its list, by its severity, in ADVERSE_SEVERITIES' order (the
# vocabulary alone lists its words: tests/test_vocabulary.py).
EVENT_ENTRIES = dict(zip(ADVERSE_SEVERITIES, (
    QT_TRANSLATE_NOOP("SessionDetailsPanel", "{event} (mild)"),
    QT_TRANSLATE_NOOP("SessionDetailsPanel", "{event} (moderate)"),
    QT_TRANSLATE_NOOP("SessionDetailsPanel", "{event} (severe)"),
), strict=True))


class SessionDetailsPanel(QWidget):
    """Edits one session's consent, needles, findings, adverse events, tolerance and plan."""

    errorOccurred = Signal(object)  # a UserFacingError for the status bar
    pending = Signal(bool)  # a timer's save waits for a lock / saved (ui.pending_save)

    def __init__(self, records: Records, parent: QWidget | None = None):
        super().__init__(parent)
        self.records = records
        self.session_id: int | None = None
        # What each field showed when it was filled from the store: a save says it started
        # from these, and is refused if another window changed the field meanwhile.
        self._base: dict[str, object] = {}
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.conflict = ConflictNotice()
        layout.addWidget(self.conflict)

        # The pneumothorax prompt: shown while thoracic muscles are needled and the discussion
        # is not yet recorded. One tick records it. The window shows it above the site list.
        self.thorax_banner = ThoraxPrompt()
        self.thorax_text = self.thorax_banner.text
        self.thorax_check = self.thorax_banner.check
        self.thorax_check.toggled.connect(
            lambda on: on and self._save(pneumothorax_discussed=True))
        self.thorax_banner.hide()
        layout.addWidget(self.thorax_banner)

        consent = QGroupBox(self.tr("Consent and needles"))
        form = QFormLayout(consent)
        self.consent = QCheckBox(self.tr("Informed consent obtained"))
        self.pneumothorax = QCheckBox(self.tr("Pneumothorax risk discussed"))
        self.needle_count = QSpinBox()
        self.needle_count.setRange(-1, 999)
        self.needle_count.setSpecialValueText(self.tr("not recorded"))
        self.needle_count.setAccessibleName(self.tr("Number of needles used"))
        # its words cut where the column is narrow (960 px, in French), whole in its tooltip
        self.needles_accounted = FittingCheckBox(
            self.tr("All needles accounted for, sharps disposed"))
        form.addRow(self.consent)
        form.addRow(self.pneumothorax)
        form.addRow(self.tr("Needles used:"), self.needle_count)
        form.addRow(self.needles_accounted)
        layout.addWidget(consent)
        self.consent.toggled.connect(lambda on: self._save(consent=on))
        self.pneumothorax.toggled.connect(lambda on: self._save(pneumothorax_discussed=on))
        self.needles_accounted.toggled.connect(lambda on: self._save(needles_accounted=on))
        self.needle_count.valueChanged.connect(
            lambda n: self._save(needle_count=None if n < 0 else n))

        # Findings (Gunn's signs) and adverse events: a list, two choices, a text, Add/Remove.
        self.finding_sign = _combo((k, vocabulary("FindingSign", v)) for k, v in FINDING_SIGNS.items())
        self.finding_side = _combo((k, self.tr(v)) for k, v in SIDES)
        self.finding_where = QLineEdit(placeholderText=self.tr("Region or segment, e.g. L5"))
        self.findings, add_finding, remove_finding, self.finding_entry = _entry_group(
            layout, self.tr("Examination findings"), self.tr("finding"), 110, self.finding_sign,
            self.finding_side, self.finding_where, self._add_finding, self._remove_finding)
        self.event_kind = _combo((k, vocabulary("AdverseEvent", v)) for k, v in ADVERSE_EVENT_KINDS.items())
        self.event_severity = _combo((s, vocabulary("Severity", s)) for s in ADVERSE_SEVERITIES)
        self.event_action = QLineEdit(placeholderText=self.tr("Action taken"))
        self.events, add_event, remove_event, self.event_entry = _entry_group(
            layout, self.tr("Adverse events"), self.tr("adverse event"), 90, self.event_kind,
            self.event_severity, self.event_action, self._add_event, self._remove_event)

        outcome = QGroupBox(self.tr("Tolerance and plan"))
        ol = QFormLayout(outcome)
        self.tolerance = QLineEdit()
        # An empty field's grey words: an example to type, or "not recorded" once signed.
        self.placeholders = Placeholders()
        self.placeholders.add(self.tolerance, self.tr("How the patient tolerated the treatment"),
                              self.tr("not recorded", "tolerance"))
        self.plan = QPlainTextEdit()
        self.placeholders.add(self.plan, self.tr("Plan, e.g. review in one week; home stretches"),
                              self.tr("not recorded", "plan"))
        # A signed session's empty lists say so (« aucun »), as its empty fields do.
        self.placeholders.add_list(self.findings, self.tr("none", "no examination findings"))
        self.placeholders.add_list(self.events, self.tr("none", "no adverse events"))
        self.plan.setMaximumHeight(70)
        # Tab goes on to the next field: it wrote a tab into the plan, and the keys could not
        # leave the field (a trap for a keyboard user, a stray character in the record).
        self.plan.setTabChangesFocus(True)
        ol.addRow(self.tr("Tolerance:"), self.tolerance)
        ol.addRow(self.tr("Plan:"), self.plan)
        layout.addWidget(outcome)
        # The tolerance is saved on leaving its line, as a timer's save: behind another room's
        # lock it stays pending, tried again by this timer (ui.pending_save).
        self._tolerance_timer = retry_timer(self, 600, self._save_tolerance, self.pending)
        self.tolerance.editingFinished.connect(
            lambda: now_or_later(self._tolerance_timer, self._save_tolerance))
        # The plan is saved shortly after typing stops, and when the field loses focus.
        self._plan_timer = QTimer(self, singleShot=True, interval=600)
        self._plan_timer.timeout.connect(
            lambda: self._save(self._plan_timer, plan=field_text(self.plan)))
        self.plan.textChanged.connect(lambda: None if self._loading else self._plan_timer.start())
        layout.addStretch(1)

        for combo in (self.finding_sign, self.event_kind):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        # The side and the severity are short, beside a choice that takes what room is left:
        # they show their whole words (eight letters cut « Bilatéral / médian » to
        # « Bilatéral / méd »).
        for combo in (self.finding_side, self.event_severity):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._editors = [self.consent, self.pneumothorax, self.needle_count,
                         self.needles_accounted, self.tolerance, self.plan, add_finding,
                         remove_finding, add_event, remove_event, self.thorax_check,
                         self.finding_sign, self.finding_where, self.finding_side,
                         self.event_kind, self.event_severity, self.event_action]
        listen(records.bus, self, self._on_change)
        self.set_session(None)

    # -- loading ---------------------------------------------------------------------------
    def set_session(self, session_id: int | None) -> None:
        """Show another session (what was typed in this one is flushed first, by the window).
        Its fields show the new session even with the focus in them: kept, a tolerance typed
        in one visit stayed in the field of the next one reached by Alt+Right."""
        self._plan_timer.stop()
        self._tolerance_timer.stop()
        other = session_id != self.session_id
        if other:
            self.conflict.dismiss()
            self._base.clear()
        self.session_id = session_id
        self.refresh(typed_too=other)

    def refresh(self, *, typed_too: bool = False) -> None:
        """Show the stored session; a line or the plan being typed in keeps its text unless
        `typed_too`."""
        self._loading = True
        try:
            if self.session_id is None:
                for w in self._editors:
                    w.setEnabled(False)
                self.placeholders.show(editable=True)  # what each field is for
                self._show_entry_rows(True)
                self.findings.clear()
                self.events.clear()
                self.thorax_banner.hide()
                return
            record = self.records.session_record(self.session_id)
            s = record.session
            editable = self._editable(s)
            if not editable:
                self._set_aside_unsaved(s.id)
            for w in self._editors:
                w.setEnabled(editable)
            self.placeholders.show(editable=editable)
            self._show_entry_rows(editable)
            self.consent.setChecked(s.consent)
            self.pneumothorax.setChecked(s.pneumothorax_discussed)
            self.needle_count.setValue(-1 if s.needle_count is None else s.needle_count)
            self.needles_accounted.setChecked(s.needles_accounted)
            self._base.update(consent=s.consent, pneumothorax_discussed=s.pneumothorax_discussed,
                              needle_count=s.needle_count, needles_accounted=s.needles_accounted)
            # A field being typed in, or showing what was typed and not saved yet (its save
            # refused: the server busy or away), keeps its text: the stored one was put over
            # a tolerance refused behind another room's lock, and over a plan whose timer's
            # save was refused, when the window read the session again.
            if typed_too or not editable or not (self.tolerance.hasFocus() or
                                                 self._typed("tolerance", self.tolerance.text())):
                self._tolerance_timer.stop()
                self.tolerance.setText(s.tolerance)
                self._base["tolerance"] = s.tolerance
            # (a plan still to be saved, its box left meanwhile, is kept as typed too)
            if typed_too or not editable or field_text(self.plan) == "" or \
                    not (self.plan.hasFocus() or self._plan_timer.isActive()
                         or self._typed("plan", field_text(self.plan))):
                self._plan_timer.stop()
                self.plan.setPlainText(s.plan)
                self._base["plan"] = s.plan
            self.findings.clear()
            # Each finding with its side, both sides too (« Bilatéral / médian », as the
            # side list and the session PDF say it): it showed no side word at all.
            sides = {"L": self.tr("left"), "R": self.tr("right"),
                     "M": self.tr("both / midline", "a finding's side")}
            for f in record.findings:
                where = " ".join(x for x in (f.location, sides.get(f.side.value, "")) if x)
                item = QListWidgetItem(vocabulary("FindingSign", FINDING_SIGNS.get(f.sign, f.sign)) +
                                       (f" — {where}" if where else ""))
                item.setData(Qt.ItemDataRole.UserRole, f.id)
                self.findings.addItem(item)
            self.events.clear()
            for a in record.adverse_events:
                event = vocabulary("AdverseEvent", ADVERSE_EVENT_KINDS.get(a.kind, a.kind))
                # One sentence per severity, so that a language agrees the severity with a word
                # of its own (French: « Ecchymose (gravité légère) », whatever the event's
                # gender), not with the event.
                template = EVENT_ENTRIES.get(a.severity)
                text = (QCoreApplication.translate("SessionDetailsPanel", template).format(
                    event=event) if template else
                    f"{event} ({vocabulary('Severity', a.severity)})")
                if a.action_taken:
                    text += f" — {a.action_taken}"
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                self.events.addItem(item)
            self._show_thorax_prompt(s, record.sites, editable)
        finally:
            self._loading = False

    def _typed(self, field: str, text: str) -> bool:
        """``text`` in ``field``'s box is not what was stored when the box was filled: typed
        here and not saved yet."""
        return field in self._base and text != (self._base[field] or "")

    def _editable(self, session: Session) -> bool:
        """Whether the session may be edited here. (A draft whose signature was taken away
        outside imsmap may not: as the window found on opening it, services.queries.
        signed_before.)"""
        read = self.records.read
        return (not session.is_signed and not read.readonly
                and read.held_elsewhere(session.id) is None
                and not read.hold_unknown(session.id)
                and read.signed_before(session.id, fresh=False) is None)

    def _show_thorax_prompt(self, session: Session, sites: Sequence[Site],
                            editable: bool) -> None:
        """The pneumothorax prompt, with the thoracic muscles needled, while the discussion is
        not recorded in a session that may be edited."""
        if editable and needs_pneumothorax_prompt(self.records.atlas, session, sites):
            high, caution = thorax_names(self.records.atlas,
                                         thoracic_sites(self.records.atlas, sites), language())
            self.thorax_banner.show_sites(high, caution)
            self.thorax_banner.show()
        else:
            self.thorax_banner.hide()

    def _show_entry_rows(self, shown: bool) -> None:
        """The rows that add a finding or an adverse event, hidden while the session cannot
        be edited: a signed session's showed their examples (« Région ou segment, p. ex. L5 »,
        « Mesure prise ») under its findings, greyed, as though written (the French walk of
        6 December). With no session open they show, greyed, what the panel is for."""
        self.finding_entry.setVisible(shown)
        self.event_entry.setVisible(shown)

    def _set_aside_unsaved(self, session_id: int) -> None:
        """The session may no longer be edited here (another room has it now, or it was
        signed) while the tolerance or the plan show words typed here and never saved: they
        go to the notice, with why (ConflictNotice.set_aside), before the fields show the
        record. Before, they stayed in the disabled field as though saved, and the next
        reload dropped them without a word."""
        typed = [text.strip() for field, text in (("tolerance", self.tolerance.text()),
                                                  ("plan", field_text(self.plan)))
                 if field in self._base and text.strip() != (self._base[field] or "").strip()]
        if any(typed):
            self.conflict.set_aside([t for t in typed if t],
                                    self.records.read.held_elsewhere(session_id))

    def _on_change(self, change: Change) -> None:
        if self.session_id is None or change.session_id != self.session_id:
            return
        if change.entity is Entity.SITE:
            # A site (each tap on the chart) changes none of the fields here: only whether the
            # pneumothorax prompt shows, and for which muscles. Filling them all again at each
            # tap, on a tab usually not shown, also lost the finding or adverse event selected
            # in its list. The prompt needs the session and its sites, not the whole record
            # (its patient, amendments, findings, events and photos: five more queries a tap).
            session = self.records.read.session(self.session_id)
            self._show_thorax_prompt(session, self.records.read.sites_for_session(session.id),
                                     self._editable(session))
        else:
            self.refresh()

    # -- editing ---------------------------------------------------------------------------
    def _save(self, timer: QTimer | None = None, **fields: object) -> bool:
        """Save ``fields``; ``timer``: the save is that timer's (ui.pending_save: a re-read's
        too, behind a lock left to it). False when refused for a passing reason (the server busy or
        away...): what was typed stays in its box (`refresh` keeps it)."""
        if self._loading or self.session_id is None:
            return True
        started_from = {k: self._base[k] for k in fields if k in self._base}
        if started_from == fields:
            return True  # as shown when loaded: nothing of the user's to save
        try:
            with later(self.records, timer):
                saved = self.records.update_session(self.session_id, expected=started_from,
                                                    **fields)
        except ConflictError as exc:
            # Another window saved these first: show its values, keep what was typed.
            typed = next(iter(fields.values())) if len(fields) == 1 else None
            self.conflict.add(exc, typed)
            self.errorOccurred.emit(exc)
            self.refresh(typed_too=True)
            return True
        except UserFacingError as exc:
            if kept_pending(exc, timer):  # kept as typed, tried again
                self.pending.emit(True)
                return False
            passing = not isinstance(exc, (ValidationError, ReadOnlyError, NotFoundError))
            if passing and "plan" in fields and timer is None:
                self._plan_timer.start()  # a gesture's (flush's): tried again by the timer
            self.errorOccurred.emit(exc)  # said once: a timer's refusal is not tried again
            try:
                self.refresh()  # typed text kept (it differs from what was stored)
            except UserFacingError:
                pass  # unreadable now (the server away): the fields stay as they are
            return not passing
        self._base.update({k: getattr(saved, k) for k in fields})
        if timer is not None:
            self.pending.emit(False)
        return True

    def flush(self, *, briefly: bool = False) -> bool:
        """Save what is typed and not saved yet (before closing or signing): a plan waiting
        for its timer or refused before, a tolerance still in its field (it is saved when the
        field is left). False when either could not be saved (the server busy...): it is
        still in its box, pending. ``briefly``: a re-read's (ui.pending_save), which waits
        briefly for a lock and leaves the plan and the tolerance to their timers behind one.
        (Only a plan whose
        timer was still running was saved here: one whose timer's save had been refused was
        left out, and the window closed without it.)"""
        self._plan_timer.stop()
        saved = True
        if self.plan.isEnabled() and "plan" in self._base:  # nothing when unchanged
            saved = self._save(self._plan_timer if briefly else None,
                               plan=field_text(self.plan))
        if saved and self.tolerance.isEnabled() and "tolerance" in self._base:
            saved = self._save_tolerance(self._tolerance_timer if briefly else None)
        return saved

    def _save_tolerance(self, timer: QTimer | None = None) -> bool:
        """Save the tolerance as its line shows it; ``timer``: the save is that timer's."""
        return self._save(timer, tolerance=self.tolerance.text())

    def _add_finding(self) -> None:
        try:
            self.records.add_finding(self.session_id, self.finding_sign.currentData(),
                                     self.finding_where.text(), self.finding_side.currentData())
            self.finding_where.clear()
        except UserFacingError as exc:
            self.errorOccurred.emit(exc)

    def _remove_finding(self) -> None:
        item = self.findings.currentItem()
        if item is not None:
            try:
                self.records.remove_finding(item.data(Qt.ItemDataRole.UserRole))
            except UserFacingError as exc:
                self.errorOccurred.emit(exc)

    def _add_event(self) -> None:
        try:
            # The severity's key ("mild"), not the words shown: in French the label
            # ("léger") was refused, and no adverse event could be recorded.
            self.records.add_adverse_event(self.session_id, self.event_kind.currentData(),
                                           self.event_severity.currentData(),
                                           self.event_action.text())
            self.event_action.clear()
        except UserFacingError as exc:
            self.errorOccurred.emit(exc)

    def _remove_event(self) -> None:
        item = self.events.currentItem()
        if item is not None:
            try:
                self.records.remove_adverse_event(item.data(Qt.ItemDataRole.UserRole))
            except UserFacingError as exc:
                self.errorOccurred.emit(exc)
