"""Amending a signed session: a dated amendment with a reason, its words, and corrections of the
session's sites (a grasp grade, the cramp mark, recorded in error: services.amending). The
signed record stays as it was; the figures count the sites as corrected."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.corrections import CRAMP, GRASP, IN_ERROR, SiteCorrection, Value, current_values
from imsmap.domain.errors import ConflictError, UserFacingError
from imsmap.domain.models import Site
from imsmap.services import clinic
from imsmap.services.amending import AmendedMeanwhile
from imsmap.services.records import Records
from imsmap.ui.chart_words import describe_site
from imsmap.ui.plain_text import field_text
from imsmap.ui.refusals import ErrorLine
from imsmap.ui.typed_guard import TypedGuard
from imsmap.ui.wording import grasp_text, numeric_datetime


def _said(field: str, value: Value) -> str:
    """A corrected value in words: a grade's number ("—" none), the cramp's yes or no."""
    if field == CRAMP:
        return QCoreApplication.translate("AmendDialog", "yes") if value else \
            QCoreApplication.translate("AmendDialog", "no")
    return "—" if value is None else str(value)


def correction_words(c: SiteCorrection) -> str:
    """What one correction changed: "grade 3 → 1", "cramp yes → no", "recorded in error"."""
    if c.field == IN_ERROR:
        return QCoreApplication.translate("AmendDialog", "recorded in error") if c.new \
            else QCoreApplication.translate("AmendDialog", "not in error")
    name = QCoreApplication.translate("AmendDialog", "grade") if c.field == GRASP \
        else QCoreApplication.translate("AmendDialog", "cramp")
    return f"{name} {_said(c.field, c.old)} → {_said(c.field, c.new)}"


def corrections_in_words(records: Records, session_id: int) -> dict[int, str]:
    """{amendment id: " Corrected: site 3: grade 3 → 1; site 10: recorded in error."} of the
    session's amendments that correct sites (what the session panel adds to their words)."""
    said: dict[int, list[str]] = {}
    for c in records.read.site_corrections([session_id]).get(session_id, []):
        said.setdefault(c.amendment_id, []).append(QCoreApplication.translate(
            "AmendDialog", "site {seq}: {what}").format(seq=c.seq, what=correction_words(c)))
    return {aid: " " + QCoreApplication.translate("AmendDialog", "Corrected: {list}.").format(
        list="; ".join(parts)) for aid, parts in said.items()}


class AmendDialog(QDialog):
    """A dated amendment to a signed session. A reason is required; the original stays visible.
    Words, corrections of sites, or both."""

    def __init__(self, records: Records, session_id: int, parent: QWidget | None = None,
                 site_id: int | None = None, reread: Callable[[], object] = lambda: None):
        """``site_id``: the site selected in the window, which the corrections start on (the
        inspector of a signed session says to select a site, then Add amendment). ``reread``:
        the window reads the record again (an amendment another window or program added
        while this dialog was open is then shown with the session behind it)."""
        super().__init__(parent)
        self.records = records
        self.session_id = session_id
        self.reread = reread
        self.amendment = None
        # The amendments the session has as the clinician begins this one: another added
        # meanwhile refuses this one until they have been shown it (services.amending).
        self.seen = len(records.read.amendments(session_id))
        self.setWindowTitle(self.tr("Amend signed session"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        s = records.read.session(session_id)
        # An amendment is as locked as the note it amends (a trigger refuses any change): one
        # mistyped was found out only after the button, with no word of how to put it right.
        note = QLabel(self.tr("Session of {when}, signed by {who} on {signed}. The signed note is "
                              "not changed; this amendment is added to it with today's date and "
                              "your name. Once added, it cannot be changed or withdrawn either: "
                              "a mistake in it is corrected by another amendment.").format(
            when=numeric_datetime(s.started_at), who=s.signed_by,
            signed=numeric_datetime(s.signed_at)))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. Wrong side recorded for site 4"))
        self.reason.setAccessibleName(self.tr("Reason for the amendment"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Amendment text"))
        self.text.setPlaceholderText(self.tr("What is corrected or added"))
        self.text.setTabChangesFocus(True)  # Tab goes on to the corrections
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Amendment:"), self.text)
        layout.addLayout(form)
        layout.addWidget(self._corrections_box(retracted=bool(s.retracted)))
        if site_id in self.signed:  # not chosen (self.chosen): Add amendment saves words alone
            self.site_box.setCurrentIndex(self.site_box.findData(site_id))
        self.error = ErrorLine(keep_place=True)
        layout.addWidget(self.error)
        # A refusal of the reason or of the words goes once that field is edited, as the new
        # patient dialog's do: it stayed, saying an empty reason under one typed in.
        self.refused_field: str | None = None
        # (bound methods: a lambda holding the dialog kept every closed one alive)
        self.reason.textEdited.connect(self._reason_edited)
        self.text.textChanged.connect(self._text_edited)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(self.tr("Add amendment"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._save)
        # Escape, Cancel and ✕ ask before throwing away a reason, words or corrections typed.
        self.guard = TypedGuard(self, self.typed)
        buttons.rejected.connect(self.guard.cancel)
        layout.addWidget(buttons)

    def typed(self) -> bool:
        """Whether anything is typed or chosen that closing would lose."""
        return bool(self.reason.text().strip() or field_text(self.text).strip() or self.pending)

    # -- corrections of sites ------------------------------------------------------------
    def _corrections_box(self, retracted: bool = False) -> QGroupBox:
        box = QGroupBox(self.tr("Correct a site (optional)"))
        grid = QFormLayout(box)
        # A session entered in error counts nowhere: a correction of its sites would change no
        # figure, and the hint below would promise that it does (services.amending refuses it).
        hint = QLabel(self.tr("This session is marked entered in error and counts in no "
                              "figure: its sites are not corrected. Say in the amendment what "
                              "you add to the record.") if retracted else
                      self.tr("The site stays printed as signed, with each correction beside "
                              "it; the charts, Segments, Progress and the exports count it as "
                              "corrected. A wrong muscle or side: mark the site recorded in "
                              "error and say in the amendment what was needled."))
        hint.setWordWrap(True)
        grid.addRow(hint)
        self.labels = clinic.grasp_labels(self.records)
        signed = [x for x in self.records.read.sites_for_session(self.session_id)
                  if not x.planned]
        self.signed: dict[int, Site] = {x.id: x for x in signed}
        self.earlier = self.records.read.site_corrections([self.session_id]).get(
            self.session_id, [])
        self.site_box = QComboBox()
        self.site_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.site_box.setAccessibleName(self.tr("Site to correct"))
        self.field_box = QComboBox()
        self.field_box.setAccessibleName(self.tr("What to correct"))
        for field, text in ((GRASP, self.tr("Grasp grade")), (CRAMP, self.tr("Cramp")),
                            (IN_ERROR, self.tr("Recorded in error"))):
            self.field_box.addItem(text, field)
        self.value_box = QComboBox()
        self.value_box.setAccessibleName(self.tr("Corrected value"))
        self.add_button = QPushButton(self.tr("A&dd correction"))
        site_label, field_label, value_label = (QLabel(self.tr("&Site:")),
                                                QLabel(self.tr("Co&rrect:")),
                                                QLabel(self.tr("&To:")))
        site_label.setBuddy(self.site_box)
        field_label.setBuddy(self.field_box)
        value_label.setBuddy(self.value_box)
        grid.addRow(site_label, self.site_box)
        row = QHBoxLayout()
        row.addWidget(self.field_box, 1)
        row.addWidget(value_label)
        row.addWidget(self.value_box, 1)
        row.addWidget(self.add_button)
        grid.addRow(field_label, row)
        self.pending_list = QListWidget()
        self.pending_list.setAccessibleName(self.tr("Corrections in this amendment"))
        self.pending_list.setMaximumHeight(96)
        self.remove_button = QPushButton(self.tr("Re&move"))
        row = QHBoxLayout()
        row.addWidget(self.pending_list, 1)
        row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        grid.addRow(row)
        self.pending: list[tuple[int, str, Value]] = []
        # A correction picked in the boxes but not added (Add correction) is not in the
        # amendment: saving then would drop it unsaid, the words going in alone.
        self.chosen = False
        for chooser in (self.site_box, self.field_box, self.value_box):
            chooser.activated.connect(self._chose)
        self.site_box.currentIndexChanged.connect(self._fill_values)
        self.field_box.currentIndexChanged.connect(self._fill_values)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        QShortcut(QKeySequence.StandardKey.Delete, self.pending_list, self._remove,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self._fill_sites()
        for widget in (self.site_box, self.field_box, self.value_box, self.add_button,
                       self.pending_list, self.remove_button):
            widget.setEnabled(bool(signed) and not retracted)
        if not signed:
            box.setEnabled(False)
        return box

    def _now(self, site: Site) -> dict[str, Value]:
        """The site's values as this amendment would find them: signed, earlier amendments'
        corrections, then those already added here."""
        values = current_values(site, self.earlier)
        for site_id, field, value in self.pending:
            if site_id == site.id:
                values[field] = value
        return values

    def _describe(self, site: Site) -> str:
        values = self._now(site)
        grasp = values[GRASP]
        shown = replace(site, grasp=grasp if grasp is None else int(grasp),
                        cramp=bool(values[CRAMP]))
        text = describe_site(self.records.atlas, shown, self.labels)
        return self.tr("{site} – recorded in error").format(site=text) if values[IN_ERROR] \
            else text

    def _fill_sites(self) -> None:
        chosen = self.site_box.currentData()
        self.site_box.blockSignals(True)
        self.site_box.clear()
        for site in self.signed.values():
            self.site_box.addItem(self._describe(site), site.id)
        index = self.site_box.findData(chosen)
        self.site_box.setCurrentIndex(max(index, 0))
        self.site_box.blockSignals(False)
        # As wide as its longest site, "recorded in error" and all, and the dialog grows with
        # it (its own minimum width is set, so its layout does not grow it): in French at
        # 1366 px the words saying a site is in error were cut off.
        self.site_box.setMinimumWidth(self.site_box.sizeHint().width())
        if self.isVisible():  # once the layouts have taken the box's new width
            QTimer.singleShot(0, self._grow)
        self._fill_values()

    def _grow(self) -> None:
        self.resize(max(self.width(), self.sizeHint().width()), self.height())

    def _value_text(self, field: str, value: Value) -> str:
        if field == GRASP:
            return self.tr("not graded") if value is None else grasp_text(int(value),
                                                                          self.labels)
        if field == CRAMP:
            return self.tr("cramp") if value else self.tr("no cramp")
        return self.tr("recorded in error") if value else self.tr("not in error")

    def _fill_values(self) -> None:
        self.value_box.clear()
        site = self.signed.get(self.site_box.currentData())
        field = self.field_box.currentData()
        if site is None or field is None:
            return
        now = self._now(site)
        options: Sequence[Value] = (0, 1, 2, 3, None) if field == GRASP else (True, False)
        for value in options:
            if value != now[field]:
                self.value_box.addItem(self._value_text(field, value), value)

    def _chose(self, *_args) -> None:
        self.chosen = True

    def _add(self) -> None:
        self.chosen = False
        site = self.signed.get(self.site_box.currentData())
        field = self.field_box.currentData()
        if site is None or field is None or self.value_box.currentIndex() < 0:
            return
        value = self.value_box.currentData()
        self.pending_list.addItem(QListWidgetItem(self._pending_text(site, field, value)))
        self.pending.append((site.id, field, value))
        self._fill_sites()

    def _pending_text(self, site: Site, field: str, value: Value) -> str:
        """A correction as the list shows it, from the value it finds (before it is added)."""
        return self.tr("Site {seq}: {old} → {new}").format(
            seq=site.seq, old=self._value_text(field, self._now(site)[field]),
            new=self._value_text(field, value))

    def _remove(self) -> None:
        row = self.pending_list.currentRow()
        if row < 0:
            row = self.pending_list.count() - 1
        if row < 0:
            return
        # Later corrections of the same site were made from this one's value: they go too.
        site_id = self.pending[row][0]
        keep = [(k, c) for k, c in enumerate(self.pending) if k < row or c[0] != site_id]
        self.pending = [c for _, c in keep]
        for k in reversed(range(self.pending_list.count())):
            if k not in {i for i, _ in keep}:
                self.pending_list.takeItem(k)
        self._fill_sites()

    def _save(self) -> None:
        if self.chosen:
            self.error.show_message(self.tr(
                "A correction is chosen but not added: press Add correction to put it in this "
                "amendment, or Add amendment again to save without it."))
            self.refused_field = None  # not a field's: typing does not answer it
            self.chosen = False  # said once: a second press saves without it
            return
        # The values the corrections were chosen from: an amendment written meanwhile in
        # another window that corrected one of them refuses this one (services.amending).
        expected = {(site_id, field): current_values(self.signed[site_id], self.earlier)[field]
                    for site_id, field, _value in self.pending}
        try:
            self.amendment = self.records.amend_session(
                self.session_id, self.reason.text(), field_text(self.text), self.pending,
                expected, seen=self.seen)
        except ConflictError as exc:
            # Another amendment came first: the window shows it with the session, the
            # corrections start from what it left, and Add amendment again adds this one as
            # typed (nothing typed is lost), unless yet another arrives meanwhile.
            if isinstance(exc, AmendedMeanwhile) and exc.amendments is not None:
                self.seen = exc.amendments  # those the refusal named, and the ones before
            self.reread()
            self._read_corrections_again()
            self._refuse(exc)
            return
        except UserFacingError as exc:
            self._refuse(exc)
            return
        self.accept()

    def _reason_edited(self, _text: str) -> None:
        self._edited("reason")

    def _text_edited(self) -> None:
        self._edited("text")

    def _edited(self, field: str) -> None:
        if self.refused_field == field:
            self.refused_field = None
            self.error.show_message(None)

    def _refuse(self, exc: UserFacingError) -> None:
        """Say why nothing was added, the dialog as tall as the sentence needs: a conflict's
        takes three lines, and the dialog kept the height of one, cutting it off."""
        self.error.show_message(exc)
        self.refused_field = getattr(exc, "field", None)
        layout = self.layout()
        self.resize(self.width(), max(self.height(), layout.totalHeightForWidth(self.width())))

    def _read_corrections_again(self) -> None:
        """The sites as the other window's amendment left them: the corrections added here
        start from those values, and one that changes nothing any longer is dropped."""
        self.earlier = self.records.read.site_corrections([self.session_id]).get(
            self.session_id, [])
        wanted, self.pending = self.pending, []
        self.pending_list.clear()
        for site_id, field, value in wanted:
            site = self.signed[site_id]
            if self._now(site)[field] != value:
                self.pending_list.addItem(QListWidgetItem(self._pending_text(site, field, value)))
                self.pending.append((site_id, field, value))
        self._fill_sites()
