"""The window among the other windows on the same single-PC file: the draft shown is edited
only while this window holds it (services.file_hold), as on a clinic server
(ui.live_window), with the same banner (ui.hold_banner) and the same read-only state.

A second window (a second login on the reception PC, imsmap opened twice) that opens a draft
another window holds shows it read-only with who holds it, where and since when, and asks
again every second; once the other window lets go (another session or patient, the window
closed, its process ended however it ended) this one gets the draft, reads everything again
and says so. There is no taking over on a file: the banner says to close the draft in the
other window. A folder where the holds cannot be written is said once, in the status bar too,
and the window edits as it did before holds (each write still checked against what it was
based on).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from imsmap.domain.errors import NotFoundError
from imsmap.domain.models import Session
from imsmap.services.file_hold import FileHolds, FileRoomHold, LostAmendment, left_behind
from imsmap.services.records import Records
from imsmap.services.room_hold import Hold
from imsmap.ui.hold_banner import HoldBanner
from imsmap.ui.wording import numeric_datetime


class FileWindowHolds(QObject):
    editable_changed = Signal(bool)  # this window may (True) or may no longer edit the draft
    everything = Signal()  # read everything again: the draft was edited elsewhere until now

    def __init__(self, records: Records, holds: FileHolds,
                 show_message: Callable[[str], None], show_error: Callable[[object], None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.records = records
        self.show_message = show_message
        self.show_error = show_error
        self.hold = FileRoomHold(holds, records.read.session)
        records.read.watch_holds(self.hold)
        self.banner = HoldBanner(self.hold, show_error)
        # Shown only where holds cannot be kept (a read-only holds folder)
        self.status_label = QLabel()
        self.status_label.hide()
        self.banner.editable_changed.connect(self.editable_changed)
        self.banner.lost.connect(self._lost)
        self.banner.freed.connect(self._freed)
        self._said_problem = False
        self._closed = False
        self.lost_box: QMessageBox | None = None  # the amendments lost when a window ended
        # once the window is on screen (store.amending_marks)
        QTimer.singleShot(0, self, lambda: self.say_lost_amendments(holds))

    @classmethod
    def on_file(cls, records: Records, show_message: Callable[[str], None],
                show_error: Callable[[object], None], parent: QObject | None = None
                ) -> FileWindowHolds | None:
        """The window's holds on a file that can be written; None on a read-only one (nothing
        is edited there) or on a clinic server (ui.live_window)."""
        holds = records.file_holds
        if holds is None:
            return None
        return cls(records, holds, show_message, show_error, parent)

    @property
    def editable(self) -> bool:
        return self.banner.editable

    @property
    def reconnecting(self) -> bool:
        return False  # a file has no connection to make again

    def show_session(self, session: Session | None) -> None:
        """The window shows ``session``: hold it if it is a draft (or learn who does); a
        signed or withdrawn session (or none) needs no hold, and the one held before goes."""
        if self._closed:
            return
        draft = session is not None and not session.is_signed and not session.retracted
        self.banner.set_session(session.id if draft and session is not None else None)
        problem = self.hold.problem
        if problem is not None and not self._said_problem:
            self._said_problem = True
            self.status_label.setText(self.tr("Drafts not marked"))
            self.status_label.setToolTip(str(problem))
            self.status_label.show()
            self.show_error(problem)

    def say_lost_amendments(self, holds: FileHolds) -> None:
        """An amendment being written when its window ended (killed, crashed, the computer
        switched off): said once, in a message that stays until it is read; nothing of it was
        saved, the signed session is as it was."""
        lost = left_behind(holds.db_path)
        if not lost or self._closed:
            return
        parent = self.parent()
        box = QMessageBox(parent if isinstance(parent, QWidget) else None)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Amendment not added"))
        box.setText(self.tr("imsmap ended while an amendment was being written: it was not "
                            "added."))
        box.setInformativeText("\n".join(self._lost_line(a) for a in lost) + "\n\n" + self.tr(
            "Nothing of what was typed in it was saved; the signed session is as it was. "
            "Open the session and add the amendment again."))
        box.setModal(False)
        box.show()
        self.lost_box = box

    def _lost_line(self, lost: LostAmendment) -> str:
        try:
            session = self.records.read.session(lost.session_id)
            chart = self.records.read.patient(session.patient_id).chart_number
        except NotFoundError:  # not in these records (a backup restored since)
            return "• " + self.tr("An amendment to a session no longer in these records, begun {since}").format(
                since=numeric_datetime(lost.since))
        return "• " + self.tr("Chart {chart}, session of {started}: the amendment begun {since}").format(
            chart=chart, started=numeric_datetime(session.started_at),
            since=numeric_datetime(lost.since))

    def _lost(self, hold: Hold) -> None:
        """The draft this window edited is another's now (its lock file was deleted under it,
        and another window took the new one)."""
        self.show_error(self.tr("{login} has this session open in another imsmap window "
                                "({room}) now; it is read-only here.").format(
                                    login=hold.held_by, room=hold.room))

    def _freed(self, hold: Hold) -> None:
        self.everything.emit()  # what the other window wrote until it let go
        self.show_message(self.tr("{login} no longer has this session open in another imsmap "
                                  "window ({room}); it can be edited here now.").format(
                                      login=hold.held_by, room=hold.room))

    def close(self) -> None:
        """Let go of the draft held (the window closes)."""
        if self._closed:
            return
        self._closed = True
        self.banner.timer.stop()
        self.banner.wait_timer.stop()
        self.hold.close()
