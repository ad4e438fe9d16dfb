"""Patient > Merge duplicate record… and Separate records… (services/merging.py).

The merge dialog shows the record to keep and the duplicate side by side (names, date of birth,
chart number, sessions, first and last visit), asks for a reason, and says before its button
exactly what happens. Of the record open and its likely duplicate it keeps, at first, the one a
clinician would keep (`merging.to_keep`: the one with signed sessions, or more history, else the
older one; right after a duplicate is registered by mistake the record open is the new, empty
one) and says why in one line under them, which says too when Swap keeps the other one against
that rule (then as a warning, the amber of the app's other dialogs: refusals.WARNING_STYLE):
nothing of either record is rewritten, one history is read from both,
and the merge can be ended with Separate records…. It is refused, with one sentence, while a
draft of either record is open in this window (the service refuses one open in another room).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.errors import UserFacingError
from imsmap.domain.models import Patient, PatientMerge, Session
from imsmap.services import merging
from imsmap.services.records import Records
from imsmap.ui.name_eliding import word_elided
from imsmap.ui.refusals import WARNING_STYLE, ErrorLine
from imsmap.ui.wording import long_date, numeric_date, numeric_datetime

DIALOG_WIDTH = 760  # two records side by side, within a 1366 x 768 screen
PLAIN_WHY = "padding: 6px 0px;"  # the line of the usual choice: the warning's height


def who(p: Patient) -> str:
    return f"{p.display_name} ({p.chart_number})"


class RecordSide(QGroupBox):
    """One record of the two: found by chart number or name, shown field by field."""

    def __init__(self, title: str, records: Records, changed: Callable[[], None],
                 parent: QWidget | None = None):
        super().__init__(title, parent)
        self.records = records
        self._changed = changed
        self.find = QLineEdit()
        self.find.setPlaceholderText(self.tr("Find: chart number or name"))
        self.find.setClearButtonEnabled(True)
        self.choice = QComboBox()
        self.choice.setAccessibleName(title)
        self.find.textChanged.connect(lambda _t: self.fill())
        self.choice.currentIndexChanged.connect(lambda _i: self._show())
        form = QFormLayout(self)
        form.addRow(self.find)
        form.addRow(self.choice)
        self.values: dict[str, QLabel] = {}
        for key, label in (("name", self.tr("Name:")), ("born", self.tr("Date of birth:")),
                           ("chart", self.tr("Chart number:")),
                           ("sessions", self.tr("Sessions:")),
                           ("first", self.tr("First visit:")), ("last", self.tr("Last visit:")),
                           ("merges", self.tr("Merges:"))):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(label, value)
        self.summary: merging.RecordSummary | None = None

    def fill(self, select: int | None = None) -> None:
        keep = select if select is not None else self.patient_id()
        self.choice.blockSignals(True)
        self.choice.clear()
        for p in self.records.read.search_patients(self.find.text()):
            self.choice.addItem(f"{p.display_name} · {p.chart_number}", p.id)
            if p.id == keep:
                self.choice.setCurrentIndex(self.choice.count() - 1)
        self.choice.blockSignals(False)
        self._show()

    def patient_id(self) -> int | None:
        value = self.choice.currentData()
        return int(value) if value is not None else None

    def _show(self) -> None:
        pid = self.patient_id()
        self.summary = merging.summary(self.records, pid) if pid is not None else None
        s = self.summary
        texts = dict.fromkeys(self.values, "—")
        if s is not None:
            p = s.patient
            texts.update(name=p.display_name, chart=p.chart_number,
                         born=long_date(p.birth_date) if p.birth_date else "—",
                         sessions=str(s.sessions),
                         first=numeric_date(s.first_visit.date()) if s.first_visit else "—",
                         last=numeric_date(s.last_visit.date()) if s.last_visit else "—")
            merges = []
            if s.merged_into is not None:
                merges.append(self.tr("merged into {who}").format(
                    who=who(self.records.read.patient(s.merged_into.kept_id))))
            for m in s.keeps:
                merges.append(self.tr("keeps {who}").format(
                    who=who(self.records.read.patient(m.duplicate_id))))
            texts["merges"] = "; ".join(merges) or self.tr("none")
        for key, value in texts.items():
            self.values[key].setText(value)
        self._changed()


class MergeDialog(QDialog):
    """Merge a duplicate record into the record kept, with a reason."""

    def __init__(self, records: Records, open_id: int | None,
                 open_draft: Callable[[], Session | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.records = records
        self.open_draft = open_draft  # the draft open in this window, if any
        self.merge: PatientMerge | None = None
        self.setWindowTitle(self.tr("Merge duplicate record"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "One person registered twice splits their history over two records. Choose the "
            "record to keep and the duplicate to merge into it."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.kept = RecordSide(self.tr("Record to keep"), records, self._explain)
        self.duplicate = RecordSide(self.tr("Duplicate to merge into it"), records,
                                    self._explain)
        self.swap = QPushButton(self.tr("S&wap"))
        self.swap.setToolTip(self.tr("Keep the other record instead"))
        self.swap.clicked.connect(self._swap)
        row.addWidget(self.kept, 1)
        row.addWidget(self.swap, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.duplicate, 1)
        layout.addLayout(row)
        self.why = QLabel()  # which record is kept, and why
        self.why.setObjectName("keptWhy")
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.why)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. Same person: date of birth typed wrong, "
                                               "Jon for John"))
        self.reason.setAccessibleName(self.tr("Reason"))
        form.addRow(self.tr("&Reason:"), self.reason)
        layout.addLayout(form)
        self.what = QLabel()
        self.what.setWordWrap(True)
        layout.addWidget(self.what)
        self.error = ErrorLine(keep_place=True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = buttons.addButton(self.tr("Merge records"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason.textChanged.connect(lambda _t: self._explain())
        kept_id, duplicate_id = open_id, self._likely_duplicate(open_id)
        if kept_id is not None and duplicate_id is not None:
            choice = merging.to_keep(merging.summary(records, kept_id),
                                     merging.summary(records, duplicate_id))
            kept_id, duplicate_id = choice.kept.patient.id, choice.duplicate.patient.id
        self.kept.fill(kept_id)
        self.duplicate.fill(duplicate_id)
        self.reason.setFocus()
        self.resize(DIALOG_WIDTH, layout.totalHeightForWidth(DIALOG_WIDTH))

    def _likely_duplicate(self, open_id: int | None) -> int | None:
        """Another record of the same family name, if there is one (the likely duplicate)."""
        if open_id is None:
            return None
        opened = self.records.read.patient(open_id)
        others = [p for p in self.records.read.search_patients(opened.family_name)
                  if p.id != open_id and self.records.read.merged_into(p.id) is None]
        # Search finds the name in any part of a name (Côté-Roy for Roy): the same family
        # name first.
        same = [p for p in others if p.family_name.casefold() == opened.family_name.casefold()]
        first = (same or others)[:1]
        return first[0].id if first else None

    def _swap(self) -> None:
        a, b = self.kept.patient_id(), self.duplicate.patient_id()
        self.kept.find.clear()
        self.duplicate.find.clear()
        self.kept.fill(b)
        self.duplicate.fill(a)

    def _explain(self) -> None:
        if not hasattr(self, "confirm_button"):
            return  # still being built
        k, d = self.kept.summary, self.duplicate.summary
        ready = k is not None and d is not None and k.patient.id != d.patient.id
        self.confirm_button.setEnabled(ready and bool(self.reason.text().strip()))
        if not ready or k is None or d is None:
            self.what.setText(self.tr("Choose two different records."))
            self.why.clear()
            self.why.setStyleSheet(PLAIN_WHY)
            return
        why, against = self._why(k, d)
        self.why.setText(why)
        # Kept against the usual choice: said as the app's dialogs warn (amber), not as the
        # plain line it read like; the usual choice is the plain line, as high as the warning
        # (the dialog, sized once, does not squeeze the rest when Swap makes it a warning).
        self.why.setStyleSheet(WARNING_STYLE if against else PLAIN_WHY)
        self.what.setText(self.tr(
            "<b>What happens:</b> the sessions of <b>{dup}</b> ({nd}) are read with those of "
            "<b>{kept}</b> ({nk}) as one history ({total}): the history list, earlier-visit overlay, "
            "heat map, visits bar, Progress, segments trend, progress report and exports. "
            "Nothing of either record is rewritten: every session keeps the record it was "
            "signed under and its signature, and names that record and this merge when it is "
            "opened or printed. Finding {dup} opens {kept}; no new session is started on "
            "{dup}. The merge is recorded with your login (<b>{login}</b>), the time and the "
            "reason, in the audit trail.<br>A wrong merge is ended with Patient &gt; Separate "
            "records…: both records then read as before.").format(
                nd=d.sessions, nk=k.sessions, total=d.sessions + k.sessions,
                dup=escape(who(d.patient)), kept=escape(who(k.patient)),
                login=escape(self.records.actor)))

    def _why(self, k: merging.RecordSummary, d: merging.RecordSummary) -> tuple[str, bool]:
        """One line: the record kept and why; or, kept against `merging.to_keep`, that the
        other one would be and why (and True: a warning)."""
        choice = merging.to_keep(k, d)
        kept, other = choice.kept, choice.duplicate
        why = {
            merging.KeepReason.KEEPS_OTHERS: lambda: self.tr(
                "%n other record(s) merged into it already", "", len(kept.keeps)),
            merging.KeepReason.SIGNED: lambda: self.tr(
                "it holds %n signed session(s)", "", kept.signed) + (self.tr(
                    ", {other} only {count}").format(other=other.patient.chart_number,
                                                    count=other.signed)
                    if other.signed else ""),
            merging.KeepReason.SESSIONS: lambda: self.tr(
                "it holds %n session(s)", "", kept.sessions) + (self.tr(
                    ", {other} only {count}").format(other=other.patient.chart_number,
                                                    count=other.sessions)
                    if other.sessions else ""),
            merging.KeepReason.OLDER: lambda: self.tr(
                "it was registered first, on {date}").format(
                    date=numeric_date(kept.patient.created_at.date()))
                if kept.patient.created_at is not None else self.tr("it was registered first"),
        }[choice.reason]()
        if kept.patient.id == k.patient.id:
            return self.tr("{kept} is kept: {why}.").format(
                kept=k.patient.chart_number, why=why), False
        return self.tr("{kept} is kept as you chose; the usual choice is {other}: {why}.").format(
            kept=k.patient.chart_number, other=kept.patient.chart_number, why=why), True

    def _confirm(self) -> None:
        kept, dup = self.kept.patient_id(), self.duplicate.patient_id()
        if kept is None or dup is None:
            return
        draft = self.open_draft()
        if draft is not None:
            ids = set(self.records.read.history_ids(kept)) | set(
                self.records.read.history_ids(dup))
            if draft.patient_id in ids:
                owner = self.records.read.patient(draft.patient_id)
                self.error.show_message(self.tr(
                    "A draft of {who} ({when}) is open in this window: sign it or open "
                    "another patient, then merge. Nothing was changed.").format(
                        who=who(owner), when=numeric_datetime(draft.started_at)))
                return
        try:
            self.merge = merging.merge_records(self.records, kept, dup, self.reason.text())
        except UserFacingError as exc:
            self.error.show_message(exc)
            return
        self.accept()


class SeparateDialog(QDialog):
    """End a merge made by mistake, with a reason: both records read as before."""

    def __init__(self, records: Records, merges: list[PatientMerge],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.records = records
        self.merges = merges
        self.separation: PatientMerge | None = None
        self.setWindowTitle(self.tr("Separate records"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Merge to end"))
        # Two long names do not fit on the line: each is cut at a word end (the chart numbers
        # kept), the whole line in the item's tooltip and in the sentence under it.
        room = self.minimumWidth() - 70  # the dialog's margins and the box's arrow
        metrics = self.choice.fontMetrics()
        for m in merges:
            dup, kept = records.read.patient(m.duplicate_id), records.read.patient(m.kept_id)
            line = self.tr("{dup} merged into {kept}")
            whole = line.format(dup=who(dup), kept=who(kept))
            shown = whole
            if metrics.horizontalAdvance(whole) > room:
                each = (room - metrics.horizontalAdvance(line.format(
                    dup=f" ({dup.chart_number})", kept=f" ({kept.chart_number})"))) // 2
                shown = line.format(
                    dup=f"{word_elided(dup.display_name, each, metrics)} ({dup.chart_number})",
                    kept=f"{word_elided(kept.display_name, each, metrics)} "
                         f"({kept.chart_number})")
            self.choice.addItem(shown, m.id)
            self.choice.setItemData(self.choice.count() - 1, whole, Qt.ItemDataRole.ToolTipRole)
        layout.addWidget(self.choice)
        self.what = QLabel()
        self.what.setWordWrap(True)
        layout.addWidget(self.what)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. Not the same person: father and son"))
        self.reason.setAccessibleName(self.tr("Reason"))
        form.addRow(self.tr("&Reason:"), self.reason)
        layout.addLayout(form)
        self.error = ErrorLine(keep_place=True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = buttons.addButton(self.tr("Separate records"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setEnabled(False)
        self.reason.textChanged.connect(
            lambda t: self.confirm_button.setEnabled(bool(t.strip())))
        buttons.accepted.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.choice.currentIndexChanged.connect(lambda _i: self._explain())
        self._explain()
        self.reason.setFocus()
        width = self.minimumWidth()
        self.resize(width, layout.totalHeightForWidth(width))

    def chosen(self) -> PatientMerge:
        return self.merges[max(0, self.choice.currentIndex())]

    def _explain(self) -> None:
        m = self.chosen()
        self.choice.setToolTip(self.choice.itemData(max(0, self.choice.currentIndex()),
                                                    Qt.ItemDataRole.ToolTipRole) or "")
        dup, kept = (self.records.read.patient(m.duplicate_id),
                     self.records.read.patient(m.kept_id))
        self.what.setText(self.tr(
            "{dup} was merged into {kept} by {by} on {when}: {reason}.<br><br><b>What "
            "happens:</b> this merge ends; each record reads its own sessions again, as before "
            "it, and finding {dup} opens {dup}. Nothing is deleted: the merge and its end stay "
            "in the record and the audit trail, with your login (<b>{login}</b>), the time and "
            "the reason.").format(
                dup=escape(who(dup)), kept=escape(who(kept)), by=escape(m.created_by),
                when=numeric_datetime(m.created_at), reason=escape(m.reason),
                login=escape(self.records.actor)))

    def _confirm(self) -> None:
        try:
            self.separation = merging.separate_records(self.records, self.chosen().id,
                                                       self.reason.text())
        except UserFacingError as exc:
            self.error.show_message(exc)
            return
        self.accept()
