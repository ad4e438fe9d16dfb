"""The rest of the session record beside the chart: consent, needles, examination findings,
adverse events, tolerance and plan. Every field is saved as it is edited, like the chart.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.errors import UserFacingError
from imsmap.domain.models import ADVERSE_EVENT_KINDS, ADVERSE_SEVERITIES, FINDING_SIGNS
from imsmap.services.records import Change, Records
from imsmap.services.safety import needs_pneumothorax_prompt, thoracic_sites

SIDES = (("M", "Both / midline"), ("L", "Left"), ("R", "Right"))


class SessionDetailsPanel(QWidget):
    """Edits one session's consent, needles, findings, adverse events, tolerance and plan."""

    message = Signal(str)  # a sentence for the status bar (errors the user can act on)

    def __init__(self, records: Records, parent: QWidget | None = None):
        super().__init__(parent)
        self.records = records
        self.session_id: int | None = None
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        # The pneumothorax prompt: shown while thoracic muscles are needled and the discussion
        # is not yet recorded. One tap records it.
        self.thorax_banner = QWidget()
        self.thorax_banner.setObjectName("thoraxBanner")
        self.thorax_banner.setStyleSheet(
            "#thoraxBanner { background: #fff3cd; border: 1px solid #d39e00; border-radius: 4px; }")
        banner = QHBoxLayout(self.thorax_banner)
        self.thorax_text = QLabel()
        self.thorax_text.setWordWrap(True)
        self.thorax_button = QPushButton("Risk discussed")
        self.thorax_button.setAccessibleName("Record that pneumothorax risk was discussed")
        self.thorax_button.setMinimumHeight(36)
        self.thorax_button.clicked.connect(lambda: self._save(pneumothorax_discussed=True))
        banner.addWidget(self.thorax_text, 1)
        banner.addWidget(self.thorax_button)
        self.thorax_banner.hide()
        layout.addWidget(self.thorax_banner)

        consent = QGroupBox("Consent and needles")
        form = QFormLayout(consent)
        self.consent = QCheckBox("Informed consent obtained")
        self.pneumothorax = QCheckBox("Pneumothorax risk discussed")
        self.needle_count = QSpinBox()
        self.needle_count.setRange(-1, 999)
        self.needle_count.setSpecialValueText("not recorded")
        self.needle_count.setAccessibleName("Number of needles used")
        self.needles_accounted = QCheckBox("All needles accounted for, sharps disposed")
        form.addRow(self.consent)
        form.addRow(self.pneumothorax)
        form.addRow("Needles used:", self.needle_count)
        form.addRow(self.needles_accounted)
        layout.addWidget(consent)
        self.consent.toggled.connect(lambda on: self._save(consent=on))
        self.pneumothorax.toggled.connect(lambda on: self._save(pneumothorax_discussed=on))
        self.needles_accounted.toggled.connect(lambda on: self._save(needles_accounted=on))
        self.needle_count.valueChanged.connect(
            lambda n: self._save(needle_count=None if n < 0 else n))

        # Findings (Gunn's signs)
        findings = QGroupBox("Examination findings")
        fl = QVBoxLayout(findings)
        self.findings = QListWidget()
        self.findings.setAccessibleName("Examination findings")
        self.findings.setMaximumHeight(110)
        fl.addWidget(self.findings)
        row = QHBoxLayout()
        self.finding_sign = QComboBox()
        for key, label in FINDING_SIGNS.items():
            self.finding_sign.addItem(label, key)
        self.finding_where = QLineEdit()
        self.finding_where.setPlaceholderText("Region or segment, e.g. L5")
        self.finding_side = QComboBox()
        for key, label in SIDES:
            self.finding_side.addItem(label, key)
        add_finding = QPushButton("Add")
        add_finding.setAccessibleName("Add finding")
        add_finding.clicked.connect(self._add_finding)
        remove_finding = QPushButton("Remove")
        remove_finding.setAccessibleName("Remove selected finding")
        remove_finding.clicked.connect(self._remove_finding)
        row.addWidget(self.finding_sign, 1)
        row.addWidget(self.finding_side)
        fl.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.finding_where, 1)
        row.addWidget(add_finding)
        row.addWidget(remove_finding)
        fl.addLayout(row)
        layout.addWidget(findings)

        # Adverse events
        events = QGroupBox("Adverse events")
        el = QVBoxLayout(events)
        self.events = QListWidget()
        self.events.setAccessibleName("Adverse events")
        self.events.setMaximumHeight(90)
        el.addWidget(self.events)
        row = QHBoxLayout()
        self.event_kind = QComboBox()
        for key, label in ADVERSE_EVENT_KINDS.items():
            self.event_kind.addItem(label, key)
        self.event_severity = QComboBox()
        self.event_severity.addItems(ADVERSE_SEVERITIES)
        self.event_action = QLineEdit()
        self.event_action.setPlaceholderText("Action taken")
        add_event = QPushButton("Add")
        add_event.setAccessibleName("Add adverse event")
        add_event.clicked.connect(self._add_event)
        remove_event = QPushButton("Remove")
        remove_event.setAccessibleName("Remove selected adverse event")
        remove_event.clicked.connect(self._remove_event)
        row.addWidget(self.event_kind, 1)
        row.addWidget(self.event_severity)
        el.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.event_action, 1)
        row.addWidget(add_event)
        row.addWidget(remove_event)
        el.addLayout(row)
        layout.addWidget(events)

        outcome = QGroupBox("Tolerance and plan")
        ol = QFormLayout(outcome)
        self.tolerance = QLineEdit()
        self.tolerance.setPlaceholderText("How the patient tolerated the treatment")
        self.plan = QPlainTextEdit()
        self.plan.setPlaceholderText("Plan, e.g. review in one week; home stretches")
        self.plan.setMaximumHeight(70)
        ol.addRow("Tolerance:", self.tolerance)
        ol.addRow("Plan:", self.plan)
        layout.addWidget(outcome)
        self.tolerance.editingFinished.connect(lambda: self._save(tolerance=self.tolerance.text()))
        # The plan is saved shortly after typing stops, and when the field loses focus.
        self._plan_timer = QTimer(self, singleShot=True, interval=600)
        self._plan_timer.timeout.connect(lambda: self._save(plan=self.plan.toPlainText()))
        self.plan.textChanged.connect(lambda: None if self._loading else self._plan_timer.start())
        layout.addStretch(1)

        for combo in (self.finding_sign, self.finding_side, self.event_kind,
                      self.event_severity):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self._editors = [self.consent, self.pneumothorax, self.needle_count,
                         self.needles_accounted, self.tolerance, self.plan, add_finding,
                         remove_finding, add_event, remove_event, self.thorax_button,
                         self.finding_sign, self.finding_where, self.finding_side,
                         self.event_kind, self.event_severity, self.event_action]
        records.subscribe(self._on_change)
        callback = self._on_change
        self.destroyed.connect(lambda *_: records.unsubscribe(callback))
        self.set_session(None)

    # -- loading ---------------------------------------------------------------------------
    def set_session(self, session_id: int | None) -> None:
        self._plan_timer.stop()
        self.session_id = session_id
        self.refresh()

    def refresh(self) -> None:
        self._loading = True
        try:
            if self.session_id is None:
                for w in self._editors:
                    w.setEnabled(False)
                self.findings.clear()
                self.events.clear()
                self.thorax_banner.hide()
                return
            record = self.records.session_record(self.session_id)
            s = record.session
            editable = not s.is_signed and not self.records.db.readonly
            for w in self._editors:
                w.setEnabled(editable)
            self.consent.setChecked(s.consent)
            self.pneumothorax.setChecked(s.pneumothorax_discussed)
            self.needle_count.setValue(-1 if s.needle_count is None else s.needle_count)
            self.needles_accounted.setChecked(s.needles_accounted)
            if not self.tolerance.hasFocus():
                self.tolerance.setText(s.tolerance)
            if not self.plan.hasFocus() or self.plan.toPlainText() == "":
                self.plan.setPlainText(s.plan)
            self.findings.clear()
            for f in record.findings:
                where = " ".join(x for x in (f.location, {"L": "left", "R": "right"}.get(
                    f.side.value, "")) if x)
                item = QListWidgetItem(FINDING_SIGNS.get(f.sign, f.sign) +
                                       (f" — {where}" if where else ""))
                item.setData(Qt.ItemDataRole.UserRole, f.id)
                self.findings.addItem(item)
            self.events.clear()
            for a in record.adverse_events:
                text = f"{ADVERSE_EVENT_KINDS.get(a.kind, a.kind)} ({a.severity})"
                if a.action_taken:
                    text += f" — {a.action_taken}"
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                self.events.addItem(item)
            if editable and needs_pneumothorax_prompt(self.records.atlas, record):
                names = sorted({self.records.atlas.muscle(x.muscle_id).name
                                for x in thoracic_sites(self.records.atlas, record)})
                self.thorax_text.setText(
                    "<b>Over the thorax:</b> " + ", ".join(names) +
                    ". Record that pneumothorax risk was discussed with the patient.")
                self.thorax_banner.show()
            else:
                self.thorax_banner.hide()
        finally:
            self._loading = False

    def _on_change(self, change: Change) -> None:
        if self.session_id is not None and change.session_id == self.session_id:
            self.refresh()

    # -- editing ---------------------------------------------------------------------------
    def _save(self, **fields: object) -> None:
        if self._loading or self.session_id is None:
            return
        try:
            self.records.update_session(self.session_id, **fields)
        except UserFacingError as exc:
            self.message.emit(exc.message)
            self.refresh()

    def flush(self) -> None:
        """Save a plan still waiting for its timer (before switching session or closing)."""
        if self._plan_timer.isActive():
            self._plan_timer.stop()
            self._save(plan=self.plan.toPlainText())

    def _add_finding(self) -> None:
        try:
            self.records.add_finding(self.session_id, self.finding_sign.currentData(),
                                     self.finding_where.text(), self.finding_side.currentData())
            self.finding_where.clear()
        except UserFacingError as exc:
            self.message.emit(exc.message)

    def _remove_finding(self) -> None:
        item = self.findings.currentItem()
        if item is not None:
            try:
                self.records.remove_finding(item.data(Qt.ItemDataRole.UserRole))
            except UserFacingError as exc:
                self.message.emit(exc.message)

    def _add_event(self) -> None:
        try:
            self.records.add_adverse_event(self.session_id, self.event_kind.currentData(),
                                           self.event_severity.currentText(),
                                           self.event_action.text())
            self.event_action.clear()
        except UserFacingError as exc:
            self.message.emit(exc.message)

    def _remove_event(self) -> None:
        item = self.events.currentItem()
        if item is not None:
            try:
                self.records.remove_adverse_event(item.data(Qt.ItemDataRole.UserRole))
            except UserFacingError as exc:
                self.message.emit(exc.message)
