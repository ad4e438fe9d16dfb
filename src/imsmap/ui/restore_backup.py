"""Restore from a backup, in the window: offered by the first start's set-up (a new computer,
the old one's backups on a USB drive) and by File > Restore from backup….

The dialog asks for the backup folder only. imsmap finds the newest backup there (over records
that have an identity, the newest of their own: a folder may hold another database's too, which
is named and never chosen for them) and says what
it holds (patients, sessions, the last signed session's date and time, amendments, photos) and
what it cannot bring back, and, over records that are open, what those hold that the backup
lacks (store.restore_losses, as `imsmap restore` says it) before anything is replaced. The
restore is services.database_files.restore (store.restore.restore, the command line's): it
needs the file to itself, so the window closes, ui.app restores (`run_restore`), then opens
the restored records in a new window. The records replaced are set aside beside the file under
a new name, never deleted. The list under the folder holds every backup in it, whose each is:
choosing another one there checks and shows that one instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
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
from imsmap.services.restore_points import (
    Choice,
    NotOwn,
    RestoreLosses,
    RestorePoint,
    restore_losses,
)
from imsmap.ui import file_dialogs
from imsmap.ui.backup_list import BackupBox
from imsmap.ui.busy import while_working
from imsmap.ui.privacy_cover import Guard, unguarded
from imsmap.ui.refusals import WARNING_STYLE, ErrorLine
from imsmap.ui.restore_words import RestoreWords, holds_lines, losses_lines, when_text
from imsmap.ui.wording import said


def title() -> str:
    return QCoreApplication.translate("RestoreBackup", "Restore from a backup")


@dataclass(frozen=True)
class RestoreRequest:
    """A backup the clinic chose to restore, and what it was told the records would lose."""

    point: RestorePoint
    losses: RestoreLosses


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
        self.listed: tuple[Choice, ...] = ()  # the backups in the list, as it shows them
        self.backups = BackupBox()  # each line fitted: the time and the file's name whole
        self.backups.setAccessibleName(self.tr("Backup to restore"))
        self.backups.setPlaceholderText(self.tr("Choose a backup…"))
        # a line names a database file's whole path: the dialog keeps its width, the line elides
        self.backups.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.backups.setMinimumContentsLength(40)
        self.backups.activated.connect(self._pick)
        self.backups_label = QLabel(self.tr("&Backup:"))
        self.backups_label.setBuddy(self.backups)
        pick_row = QHBoxLayout()
        pick_row.addWidget(self.backups_label)
        pick_row.addWidget(self.backups, 1)
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
        layout.addLayout(pick_row)
        layout.addWidget(self.holds)
        layout.addWidget(self.lacks)
        layout.addStretch(1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self.folder.textEdited.connect(lambda _t: self._forget())
        self._list(())

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
        self._forget()
        folder = self.folder.text().strip() or "."
        try:
            point = while_working(
                self, title(), self.tr(
                    "Checking the newest backup in {folder}: every record, signature and "
                    "amendment in it is read, a few minutes for a large clinic's. Nothing "
                    "changes.").format(folder=folder),
                lambda: restore_points.newest(folder, self.db_path),
                stop_label=self.tr("Stop checking"))
        except NotOwn as exc:  # none of the open records' own: the clinic chooses, or not
            self._list(exc.choices)
            self._refuse(self.tr("{refusal} Choose one in the list of backups to see what it "
                                 "holds.").format(refusal=said(exc)) if exc.others else exc)
            return
        except UserFacingError as exc:
            self._refuse(exc)
            return
        if point is None:
            self._refuse(self.tr(
                "The backup was not checked (stopped); nothing changed. Look in the folder "
                "again to check it."))
            return
        self._show(point)

    def _pick(self, index: int) -> None:
        """A backup chosen in the list: checked and shown in place of the one shown."""
        if self._looking or not 0 <= index < len(self.listed):
            return
        choice = self.listed[index]
        if self.point is not None and self.point.path == choice.path:
            return
        self._looking = True
        try:
            self._show(None)  # the list stays, on the one chosen
            try:
                point = while_working(
                    self, title(), self.tr(
                        "Checking the backup {name}: every record, signature and amendment in "
                        "it is read, a few minutes for a large clinic's. Nothing changes.")
                    .format(name=choice.path.name),
                    lambda: restore_points.chosen(choice.path, self.db_path),
                    stop_label=self.tr("Stop checking"))
            except UserFacingError as exc:
                self._refuse(exc)
                return
            if point is None:
                self._refuse(self.tr("The backup was not checked (stopped); nothing changed. "
                                     "Choose it again to check it."))
                return
            self._show(point)
        finally:
            self._looking = False

    def _forget(self) -> None:
        """Nothing shown, nothing listed: the folder changed."""
        self._show(None)
        self._list(())

    def _list(self, choices: tuple[Choice, ...], mine: str | None = None,
              current: Path | None = None) -> None:
        """The list of the folder's backups, `current` chosen in it (None: none yet)."""
        self.listed = tuple(choices)
        self.backups.clear()
        words = RestoreWords()
        for choice in self.listed:
            self.backups.add_line(*words.choice_parts(choice, mine))
        self.backups.add_done()
        paths = [c.path for c in self.listed]
        self.backups.setCurrentIndex(paths.index(current) if current in paths else -1)
        self.backups.setVisible(bool(self.listed))
        self.backups_label.setVisible(bool(self.listed))

    def _refuse(self, message: object) -> None:
        """The red sentence, the dialog grown to hold it whole: a refusal of three lines (a
        damaged journal: what to do about it) showed its first two, cut in mid-sentence."""
        self.error.show_message(message)
        self.adjustSize()
        self._keep_on_screen()

    def _show(self, point: RestorePoint | None) -> None:
        self.point = point
        if point is not None and point.choices:  # the list, this one chosen in it
            self._list(point.choices, point.mine, point.path)
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
        self._widen_for_list()
        self._keep_on_screen()

    def _widen_for_list(self) -> None:
        """The list's lines ask for more width (ui.backup_list: the time and the file name
        whole) than Qt's adjustSize gives a window, two thirds of the screen's: the dialog
        widens to them, within the screen."""
        screen = self.screen()
        if screen is None or self.backups.isHidden():
            return
        want = min(self.sizeHint().width(), screen.availableGeometry().width() - 80)
        if want > self.width():
            self.resize(want, self.height())

    def _keep_on_screen(self) -> None:
        """Grown (what the backup holds, what the open records lack, a refusal), the dialog is
        moved up to stay on its screen: it opened centred while it was short and grew
        downwards, and in French on a 1366 x 768 screen its Restore button went past the
        screen's bottom edge (walk of 6 December)."""
        screen = self.screen()
        if screen is None or not self.isVisible():
            return
        area = screen.availableGeometry()
        frame = self.frameGeometry()
        over = frame.bottom() - area.bottom()
        if over > 0:
            self.move(self.x(), max(area.top() + (self.y() - frame.y()), self.y() - over))
        over = frame.right() - area.right()  # widened for the list of backups
        if over > 0:
            self.move(max(area.left() + (self.x() - frame.x()), self.x() - over), self.y())

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
        ).format(when=when_text(point.taken_at))
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


def ask(db_path: Path, folder: str = "", parent: QWidget | None = None, *,
        guard: Guard = unguarded) -> RestoreRequest | None:
    """The dialog; the clinic's choice, or None (nothing to do). `guard`: the window's privacy
    screen (what the backup holds and the open records lack names chart numbers)."""
    dialog = RestoreDialog(db_path, folder, parent)
    guard(dialog)
    if folder and Path(folder).is_dir():  # the clinic's backup folder: looked in at once
        QTimer.singleShot(0, dialog, dialog.look)
    try:
        return dialog.request if dialog.exec() else None
    finally:
        dialog.deleteLater()


def run_restore(request: RestoreRequest, db_path: Path,
                parent: QWidget | None = None) -> str | None:
    """Restore (the window is closed: the file is free); say what happened. Refused when the
    records changed since the clinic was told what they would lose; nothing changes then.
    Returns the sentence the window opened on the restored records says first (None:
    nothing was restored)."""

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

    when = when_text(request.point.taken_at)
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
        return None
    point = request.point
    patients, sessions = RestoreWords().counts(result.info.patients, result.info.sessions)
    lines = [
        QCoreApplication.translate(
            "RestoreBackup", "The backup of {when} was restored: {patients}, {sessions}."
        ).format(when=when_text(point.taken_at), patients=patients, sessions=sessions)
    ]
    if result.replaced and not result.replaced_empty:  # an empty new clinic: nothing to say
        lines.append(
            QCoreApplication.translate(
                "RestoreBackup", "The records it replaced are kept, not deleted, in this file:"
                "\n{path}"
            ).format(path=result.replaced)
        )
    lines.append(
        QCoreApplication.translate(
            "RestoreBackup", "Not in it: anything written after {when}."
        ).format(when=when_text(point.taken_at))
    )
    QMessageBox.information(parent, title(), "\n\n".join(lines))
    return lines[0]
