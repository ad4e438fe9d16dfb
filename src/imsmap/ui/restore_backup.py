"""Restore from a backup, in the window: offered by the first start's set-up (a new computer,
the old one's backups on a USB drive) and by File > Restore from backup….

The dialog asks for the backup folder only. imsmap finds the newest backup there and says what
it holds (patients, sessions, the last signed session's date and time, amendments, photos) and
what it cannot bring back, and, over records that are open, what those hold that the backup
lacks (store.restore_losses, as `imsmap restore` says it) before anything is replaced. The
restore is services.database_files.restore (store.restore.restore, the command line's): it
needs the file to itself, so the window closes, ui.app restores (`run_restore`), then opens
the restored records in a new window. The records replaced are set aside beside the file under
a new name, never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.errors import UserFacingError
from imsmap.services import database_files, restore_points
from imsmap.services.restore_points import RestoreLosses, RestorePoint, restore_losses
from imsmap.ui import file_dialogs
from imsmap.ui.busy import while_working
from imsmap.ui.refusals import ErrorLine
from imsmap.ui.wording import long_datetime, said

WARNING_STYLE = "background: #fdecc8; color: #5a3b00; padding: 6px; border-radius: 3px;"


def title() -> str:
    return QCoreApplication.translate("RestoreBackup", "Restore from a backup")


@dataclass(frozen=True)
class RestoreRequest:
    """A backup the clinic chose to restore, and what it was told the records would lose."""

    point: RestorePoint
    losses: RestoreLosses


def _when(value) -> str:
    return long_datetime(value) if value is not None else "—"


class RestoreWords(QObject):
    """The dialog's and the message's longer texts (a QObject for tr's plural forms)."""

    def holds_lines(self, point: RestorePoint) -> list[str]:
        """What the backup holds, and what it cannot bring back, in the window's words."""
        lines = [
            self.tr(
                "The newest backup in this folder holds the records of {clinic} as they were "
                "on {when}:",
            ).format(clinic=point.clinic, when=_when(point.taken_at))
            if point.clinic
            else self.tr(
                "The newest backup in this folder holds the records as they were on {when}:",
            ).format(when=_when(point.taken_at)),
            "• "
            + self.tr("%n patient(s)", "", point.patients)
            + ", "
            + self.tr("%n session(s)", "", point.sessions)
            + " ("
            + self.tr("%n signed", "", point.signed)
            + ", "
            + self.tr("%n draft(s)", "", point.drafts)
            + "), "
            + self.tr("%n amendment(s)", "", point.amendments)
            + ", "
            + self.tr("%n photo(s)", "", point.photos)
            + ".",
        ]
        if point.last_signed_at is not None:
            lines.append(
                "• "
                + self.tr("The last signed session: chart {chart}, signed on {when}.").format(
                    chart=point.last_signed_chart, when=_when(point.last_signed_at)
                )
            )
        else:
            lines.append("• " + self.tr("It holds no signed session."))
        lines.append(
            "• "
            + self.tr(
                "Checked: the backup is whole, every signature matches its "
                "session and the audit trail is unbroken.",
            )
        )
        lines.append("")
        lines.append(self.tr("What it cannot bring back:"))
        lines.append(
            "• "
            + self.tr(
                "anything written after {when}: a session "
                "signed, a draft changed or a photo added later.",
            ).format(when=_when(point.taken_at))
        )
        if point.journal_missing and point.journal is not None:
            lines.append(
                "• "
                + self.tr(
                    "Its journal ({name}) is not in the folder: the records come back as they "
                    "were when this full backup was made, without what was signed after it. "
                    "If you have the journal, put it in the folder and look again.",
                ).format(name=point.journal.name)
            )
        if point.drafts:
            lines.append(
                "• "
                + self.tr(
                    "%n draft session(s) come back as they were then, not signed: "
                    "check them before you sign.",
                    "",
                    point.drafts,
                )
            )
        lines.append(
            "• "
            + self.tr(
                "PDFs that were saved or printed are not in a backup; File > Export "
                "session PDF… makes them again from the restored records.",
            )
        )
        for path, reason in point.passed_over:
            lines.append(
                "• "
                + self.tr("A newer backup, {name}, was passed over: {reason}").format(
                    name=path.name, reason=said(reason)
                )
            )
        return lines

    def losses_lines(self, losses: RestoreLosses) -> list[str]:
        """What the open records hold that the backup lacks (the command line's list): a line
        for each kind there is, its count and then each one."""
        def started(s) -> str:
            return self.tr("chart {chart}, {started}").format(
                chart=s.chart_number, started=_stamp(s.started_at))

        kinds = [
            (self.tr("%n signed session(s):", "", len(losses.signed_sessions)), "; ",
             [self.tr("chart {chart}, {started}, signed {signed}").format(
                 chart=s.chart_number, started=_stamp(s.started_at), signed=_stamp(s.signed_at))
              for s in losses.signed_sessions]),
            (self.tr("%n amendment(s):", "", len(losses.amendments)), "; ",
             [self.tr("chart {chart}, {started}, written {written} by {who}").format(
                 chart=a.chart_number, started=_stamp(a.session_started_at),
                 written=_stamp(a.created_at), who=a.created_by)
              for a in losses.amendments]),
            (self.tr("%n session(s) withdrawn or entered in error (they count again "
                     "restored):", "", len(losses.retractions)), "; ",
             [self.tr("chart {chart}, {started}, marked {written} by {who}").format(
                 chart=r.chart_number, started=_stamp(r.session_started_at),
                 written=_stamp(r.created_at), who=r.created_by)
              for r in losses.retractions]),
            (self.tr("%n merge(s) or separation(s) of patient records (restored, the "
                     "records read as before them):", "", len(losses.merges)), "; ",
             [self.tr("chart {dup} into chart {kept}, {written} by {who}").format(
                 dup=m.duplicate_chart, kept=m.kept_chart, written=_stamp(m.created_at),
                 who=m.created_by)
              for m in losses.merges]),
            (self.tr("%n draft session(s):", "", len(losses.draft_sessions)), "; ",
             [started(s) for s in losses.draft_sessions]),
            (self.tr("%n draft session(s) changed since the backup (they come back as they "
                     "were):", "", len(losses.changed_drafts)), "; ",
             [started(s) for s in losses.changed_drafts]),
            (self.tr("%n patient(s):", "", len(losses.patients)), ", ", list(losses.patients)),
            (self.tr("%n patient(s) whose details changed since the backup (they come back as "
                     "they were):", "", len(losses.changed_patients)), ", ",
             list(losses.changed_patients)),
        ]
        return ["• " + head + " " + between.join(items) for head, between, items in kinds
                if items]

    def counts(self, patients: int, sessions: int) -> tuple[str, str]:
        return self.tr("%n patient(s)", "", patients), self.tr("%n session(s)", "", sessions)


def holds_lines(point: RestorePoint) -> list[str]:
    return RestoreWords().holds_lines(point)


def losses_lines(losses: RestoreLosses) -> list[str]:
    return RestoreWords().losses_lines(losses)


def _stamp(stamp: str | None) -> str:
    from datetime import datetime

    if not stamp:
        return "—"
    try:
        return long_datetime(datetime.fromisoformat(stamp))
    except ValueError:
        return stamp


class RestoreDialog(QDialog):
    """Choose the backup folder; see what its newest backup holds; Restore or Cancel.
    Accepted: `request` holds the backup and what the open records would lose."""

    def __init__(self, db_path: Path, folder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.request: RestoreRequest | None = None
        self.point: RestorePoint | None = None
        self._looking = False  # a look's check is running (`look`)
        self.setWindowTitle(title())
        intro = QLabel(
            self.tr(
                "Choose the folder that holds the backups, for example on the USB drive. imsmap "
                "finds the newest backup there and shows what it holds; nothing changes until you "
                "press Restore."
            )
        )
        intro.setWordWrap(True)
        row = QHBoxLayout()
        self.folder = QLineEdit(folder)
        self.folder.setAccessibleName(self.tr("Backup folder"))
        self.folder.setPlaceholderText(self.tr("the folder of the backups, e.g. on the USB drive"))
        self.choose = QPushButton(self.tr("Choose…"))
        self.choose.clicked.connect(self._choose)
        self.look_button = QPushButton(self.tr("Look in this folder"))
        self.look_button.clicked.connect(self.look)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        row.addWidget(self.look_button)
        self.holds = QLabel()
        self.holds.setTextFormat(Qt.TextFormat.PlainText)
        self.holds.setWordWrap(True)
        self.holds.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lacks = QLabel()
        self.lacks.setTextFormat(Qt.TextFormat.PlainText)
        self.lacks.setWordWrap(True)
        self.lacks.setStyleSheet(WARNING_STYLE)
        self.lacks.hide()
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        # Enter looks in the folder typed; only a click (or Space on it) on Restore restores,
        # never the Enter that ends the folder's name.
        self.restore_button.setAutoDefault(False)
        self.restore_button.setDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.choose.setAutoDefault(False)
        self.look_button.setAutoDefault(True)
        self.look_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.holds)
        layout.addWidget(self.lacks)
        layout.addStretch(1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self.folder.textEdited.connect(lambda _t: self._show(None))

    def _choose(self) -> None:
        folder = file_dialogs.existing_directory(
            self, self.tr("Backup folder"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)
            self.look()

    def look(self) -> None:
        """Find and check the folder's newest backup, and say what it holds. Once at a time:
        the check's wait turns the event loop, where the look the dialog starts with and a
        click on Look in this folder could otherwise both run, one inside the other."""
        if self._looking:
            return
        self._looking = True
        try:
            self._look()
        finally:
            self._looking = False

    def _look(self) -> None:
        self._show(None)
        folder = self.folder.text().strip() or "."
        try:
            point = while_working(
                self, title(), self.tr(
                    "Checking the newest backup in {folder}: every record, signature and "
                    "amendment in it is read, a few minutes for a large clinic's. Nothing "
                    "changes.").format(folder=folder),
                lambda: restore_points.newest(folder, self.db_path),
                stop_label=self.tr("Stop checking"))
        except UserFacingError as exc:
            self._refuse(exc)
            return
        if point is None:
            self._refuse(self.tr(
                "The backup was not checked (stopped); nothing changed. Look in the folder "
                "again to check it."))
            return
        self._show(point)

    def _refuse(self, message: object) -> None:
        """The red sentence, the dialog grown to hold it whole: a refusal of three lines (a
        damaged journal: what to do about it) showed its first two, cut in mid-sentence."""
        self.error.show_message(message)
        self.adjustSize()

    def _show(self, point: RestorePoint | None) -> None:
        self.point = point
        self.error.show_message(None)
        self.restore_button.setEnabled(point is not None)
        self.holds.setText("\n".join(holds_lines(point)) if point is not None else "")
        lacking = losses_lines(point.losses) if point is not None else []
        self.lacks.setText(
            "\n".join(
                [
                    self.tr(
                        "The records open now hold what this backup lacks. Restoring takes it out of them "
                        "(it stays in the file set aside, {name}.replaced-…):"
                    ).format(name=self.db_path.stem),
                    *lacking,
                ]
            )
            if lacking
            else ""
        )
        self.lacks.setVisible(bool(lacking))
        self.adjustSize()

    def accept(self) -> None:
        point = self.point
        if point is None:
            return
        if point.losses and not _confirm_losses(self, point):
            return
        self.request = RestoreRequest(point, point.losses)
        super().accept()


def _confirm_losses(parent: QWidget, point: RestorePoint) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title())
    box.setText(
        QCoreApplication.translate(
            "RestoreBackup", "Replace the records open now with the backup of {when}?"
        ).format(when=_when(point.taken_at))
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "RestoreBackup",
            "These records are not in the backup; they stay only in the file set aside:",
        )
        + "\n"
        + "\n".join(losses_lines(point.losses))
    )
    yes = box.addButton(
        QCoreApplication.translate("RestoreBackup", "Restore the backup"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def ask(db_path: Path, folder: str = "", parent: QWidget | None = None) -> RestoreRequest | None:
    """The dialog; the clinic's choice, or None (nothing to do)."""
    dialog = RestoreDialog(db_path, folder, parent)
    if folder and Path(folder).is_dir():  # the clinic's backup folder: looked in at once
        QTimer.singleShot(0, dialog, dialog.look)
    try:
        return dialog.request if dialog.exec() else None
    finally:
        dialog.deleteLater()


def run_restore(request: RestoreRequest, db_path: Path, parent: QWidget | None = None) -> bool:
    """Restore (the window is closed: the file is free); say what happened. Refused when the
    records changed since the clinic was told what they would lose; nothing changes then."""

    def unchanged(copy: Path) -> None:
        if db_path.is_file() and db_path.stat().st_size:
            if restore_losses(db_path, copy) != request.losses:
                raise database_files.StoreError(
                    QCoreApplication.translate(
                        "RestoreBackup",
                        "The records changed since the backup was looked at; nothing was restored. "
                        "Choose File > Restore from backup… again to see what it would replace.",
                    )
                )

    when = _when(request.point.taken_at)
    try:
        result = while_working(
            parent, title(), QCoreApplication.translate(
                "RestoreBackup", "Restoring the backup of {when}: it is checked again as it "
                "is put in place, a few minutes for a large clinic's. The records open when "
                "it is done.").format(when=when),
            lambda: database_files.restore(request.point.path, db_path, also=unchanged))
        assert result is not None  # no Stop button: waited for to its end
    except UserFacingError as exc:
        QMessageBox.warning(
            parent,
            title(),
            QCoreApplication.translate("RestoreBackup", "Nothing was restored: {reason}").format(
                reason=said(exc)
            ),
        )
        return False
    point = request.point
    patients, sessions = RestoreWords().counts(result.info.patients, result.info.sessions)
    lines = [
        QCoreApplication.translate(
            "RestoreBackup", "The backup of {when} was restored: {patients}, {sessions}."
        ).format(when=_when(point.taken_at), patients=patients, sessions=sessions)
    ]
    if result.replaced and not result.replaced_empty:  # an empty new clinic: nothing to say
        lines.append(
            QCoreApplication.translate(
                "RestoreBackup", "The records it replaced are kept, not deleted, as {path}."
            ).format(path=result.replaced)
        )
    lines.append(
        QCoreApplication.translate(
            "RestoreBackup", "Not in it: anything written after {when}."
        ).format(when=_when(point.taken_at))
    )
    QMessageBox.information(parent, title(), "\n\n".join(lines))
    return True
