"""Who holds the open session, when it is not this room: a banner above the session with the
holder, their room and since when, and a Take over button that asks first (on a single-PC
file, services.file_hold: another window, its user and computer, and no Take over).

The banner says whether this room may edit (``editable_changed``): the window keeps the
session read-only while another room holds it. It renews this room's hold on a timer and asks
again whenever the server announces that a hold moved (connect `hold_moved` to
ui.live_rooms.LiveRooms.holds_changed), so a room learns at once that it was taken over, and a
waiting room gets the session as soon as it is free.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from imsmap.domain.errors import UserFacingError
from imsmap.services.file_hold import FileRoomHold
from imsmap.services.room_hold import HEARTBEAT_S, HOLD_EXPIRY_S, Hold, RoomHold
from imsmap.ui.wording import time_of_day

# While another room holds the session, ask again this often. A room that lets go, or is taken
# over, is announced at once; one whose imsmap ends without a word (killed, its computer
# switched off) is not, but its hold ended with its connection (store/postgres/holds.py), so
# the waiting room gets the session at its next look. A room cut off without a word (a cable
# pulled) is found out by the server's TCP keepalives within about 30 s
# (store/postgres/connection.py), and its hold ends with its connection then; the heartbeat's
# 90 s is the last resort. A restart of the server ends every connection: a hold from before it
# is kept for its room a minute (store/postgres/holds.py), so the waiting room sees that and
# gets the session only if that room has not come back by then. Each look is asked without
# waiting for a lock (RoomHold.look): behind another transaction's lock on the hold's row it is
# refused at once and reads "still held"; waiting there the window's 3 s stalled it 3 s of
# every 4.
WAIT_S = 1
# A heartbeat refused at once because another transaction holds the hold's row (RoomHold.beat,
# which never waits for a lock on the window's thread) is asked again this soon, not a whole
# HEARTBEAT_S later: a lock of seconds costs the hold nothing. Only a lock that lasts most of
# the hold's life (HOLD_EXPIRY_S, 90 s) is said: a room whose hold would lapse is told so, then
# told if it has lapsed, and told again once it is renewed.
RETRY_S = 5


def busy_sentence() -> str:
    """An open whose hold could not be asked, a lock another transaction held being in the way
    (RoomHold.busy): the banner's words until a look gets an answer."""
    return QCoreApplication.translate(
        "HoldBanner", "Whether this session can be edited here is not known yet: another room "
        "or program is busy with it on the clinic server. It can be read here meanwhile; imsmap "
        "asks again every second, and it can be edited here as soon as it is free.")


def held_sentence(hold: Hold) -> str:
    """Who holds the session, in which room, since when: the banner's words, and what a
    refused edit says. A hold kept after the server's restart for the room that had it says
    so, and until when."""
    if hold.on_file:
        return QCoreApplication.translate(
            "HoldBanner", "{login} has this session open in another imsmap window ({room}, "
            "since {since}); it can be read here, and edited once it is closed there.").format(
                login=hold.held_by, room=hold.room, since=time_of_day(hold.since))
    if hold.kept_until is not None:
        return QCoreApplication.translate(
            "HoldBanner", "{login} had this session open in {room} when the clinic server went "
            "away; it is kept for that room until {until}. It can be read here, and edited once "
            "it is free or taken over.").format(
                login=hold.held_by, room=hold.room,
                until=time_of_day(hold.kept_until, seconds=True))
    return QCoreApplication.translate(
        "HoldBanner", "{login} has this session open in {room} (since {since}); it can be read "
        "here, and edited once it is free or taken over.").format(
            login=hold.held_by, room=hold.room, since=time_of_day(hold.since))


class HoldBanner(QFrame):
    editable_changed = Signal(bool)
    lost = Signal(object)  # the Hold of the room that took this room's session over
    freed = Signal(object)  # the Hold of the room that had the session before this one got it

    def __init__(self, hold: RoomHold | FileRoomHold, show_error: Callable[[UserFacingError | str], None],
                 parent: QWidget | None = None,
                 show_message: Callable[[str], None] | None = None):
        super().__init__(parent)
        self.hold = hold
        self.show_error = show_error
        self.show_message = show_message or show_error
        self.lapse_said = ""  # what was said of this room's hold not renewed ("" nothing)
        self.setObjectName("holdBanner")
        self.setStyleSheet("#holdBanner { background: #fff4d6; border: 1px solid #e0c070; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.take_button = QPushButton(self.tr("Take over…"))
        self.take_button.setToolTip(self.tr("Edit this session here; the other room can then "
                                            "only read it, and the record notes who took it "
                                            "over."))
        self.take_button.clicked.connect(self.ask_take_over)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.take_button)
        self._editable = False
        self._theirs: Hold | None = None  # another room's hold, while it is shown
        self.timer = QTimer(self)
        self.timer.setInterval(HEARTBEAT_S * 1000)
        self.timer.timeout.connect(self.beat)
        self.wait_timer = QTimer(self)
        self.wait_timer.setInterval(WAIT_S * 1000)
        self.wait_timer.timeout.connect(self.look_again)
        self.paused = False  # the connection is being made again: nothing is asked meanwhile
        # The window's connection is found lost and not yet made again (it may not have said
        # so yet: ui.server_link.Reconnection.cut_off); the window asks again once it is back.
        self.cut_off: Callable[[], bool] = lambda: False
        self.hide()

    @property
    def editable(self) -> bool:
        return self._editable

    def set_session(self, session_id: int | None) -> None:
        """Another session shown: whether it may be edited here is known (``editable``), not
        said: whoever shows it fills its panels next and asks then (``editable_changed`` is a
        hold that moved on the session shown). Nothing was lost or freed either (the banner
        says who holds it)."""
        # On a server the open may wait for a lock, briefly (store.postgres.holds.open_hold):
        # the wait cursor says meanwhile that the window is busy, not frozen. (A file's lock
        # is asked for without waiting.)
        waits = session_id is not None and isinstance(self.hold, RoomHold)
        if waits:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._ask(lambda: self.hold.open(session_id), opened=True)
        finally:
            if waits:
                QApplication.restoreOverrideCursor()
        self._renewal(session_changed=True)

    def hold_moved(self, session_id: object) -> None:
        """A hold moved on the server (None: any): ask again if it may be this session's,
        without waiting for a lock (RoomHold.refresh, RoomHold.look): nobody's gesture is
        behind it. Behind a lock the room keeps what it knew; a room taken over learns it at
        the next notification or heartbeat (the take-over's own transaction has ended by
        then)."""
        if self.paused or self.cut_off():
            # A room that hung (or lost its connection) heard, once woken, of the holds that
            # moved meanwhile: asked now, each look said "the clinic server cannot be reached"
            # over what it was told of its save. Asked again when the connection is back.
            return
        if self.hold.session_id is not None and session_id in (None, self.hold.session_id):
            self._ask(self.hold.refresh if self._editable else self.hold.look)

    def beat(self) -> None:
        if not self.paused and not self.cut_off():
            self._ask(self.hold.beat)
            self._renewal()

    def _renewal(self, session_changed: bool = False) -> None:
        """A heartbeat missed (a lock in the way) is asked again soon; the room is told when
        its hold would lapse, when it has, and when it is renewed after that."""
        hold = self.hold
        if session_changed or not self._editable or hold.missed == 0:
            self.timer.setInterval(HEARTBEAT_S * 1000)
            if self.lapse_said and self._editable and not session_changed:
                self.show_message(QCoreApplication.translate(
                    "HoldBanner", "This room's hold on the session is renewed: it is still "
                    "edited here."))
            self.lapse_said = ""
            return
        self.timer.setInterval(RETRY_S * 1000)
        assert isinstance(hold, RoomHold)  # a file's hold misses no heartbeat
        stale = hold.unrenewed_s()
        lapses = datetime.now(UTC) + timedelta(seconds=HOLD_EXPIRY_S - stale)
        if stale >= HOLD_EXPIRY_S and self.lapse_said != "lapsed":
            self.lapse_said = "lapsed"
            self.show_error(QCoreApplication.translate(
                "HoldBanner", "This room's hold on the session lapsed at {time} (another room "
                "or program has kept it busy on the clinic server for {seconds} s): another "
                "room may now open it for editing. imsmap keeps trying to renew it.").format(
                    time=time_of_day(lapses, seconds=True), seconds=int(stale)))
        elif HOLD_EXPIRY_S - HEARTBEAT_S <= stale < HOLD_EXPIRY_S and not self.lapse_said:
            self.lapse_said = "lapsing"
            self.show_error(QCoreApplication.translate(
                "HoldBanner", "This room's hold on the session has not been renewed for "
                "{seconds} s: another room or program is busy with it on the clinic server. "
                "Unless it is renewed by {time}, another room may open it for editing.").format(
                    seconds=int(stale), time=time_of_day(lapses, seconds=True)))

    def look_again(self) -> None:
        if not self.paused and not self.cut_off():
            self.hold_moved(self.hold.session_id)

    def ask_take_over(self) -> None:
        current = self.hold.current
        if current is None or current.mine:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Take over this session"))
        box.setText(self.tr("Take this session over from {login} in {room}? They will no "
                            "longer be able to edit it, and the record notes that you took it "
                            "over.").format(login=current.held_by, room=current.room))
        take = box.addButton(self.tr("Take over"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is take:
            # The person's deliberate act may wait the window's bound for a lock (3 s,
            # connection.LOCK_WAIT_S), then is refused with its sentence: the wait cursor
            # says meanwhile that the window is busy, not frozen.
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._ask(self.hold.take_over)
            finally:
                QApplication.restoreOverrideCursor()

    def _ask(self, call: Callable[[], Hold | None], opened: bool = False) -> None:
        try:
            current = call()
        except UserFacingError as exc:
            # Said; the room keeps what it knew (a session opened meanwhile: held by nobody
            # here, so read-only), and asks again once the connection is back.
            current = self.hold.current
            self.show_error(exc)
        self._show(current, opened)

    def _show(self, current: Hold | None, opened: bool = False) -> None:
        editable = current is not None and current.mine
        busy = current is None and self.hold.busy  # not answered yet: a lock in the way
        if busy:
            self.label.setText(busy_sentence())
            self.take_button.hide()  # nobody known to take it from
            self.show()
        elif current is None or current.mine:
            self.hide()
        else:
            self.label.setText(held_sentence(current))
            # a lock held by a live process on a file cannot be broken (services.file_hold)
            self.take_button.setVisible(not current.on_file)
            self.show()
        if editable:
            self.timer.start()
        else:
            self.timer.stop()
        if busy or (current is not None and not current.mine):
            if not self.wait_timer.isActive():
                self.wait_timer.start()
        else:
            self.wait_timer.stop()
        before, self._theirs = self._theirs, (
            current if current is not None and not current.mine else None)
        if editable != self._editable:
            self._editable = editable
            if opened:
                # Another session shown, not the same one's hold moved: the window asks as it
                # fills its panels next. Said here, it filled them again with the session they
                # still showed, the one before (a signed visit read again as a draft opened).
                return
            self.editable_changed.emit(editable)
            if not editable and current is not None:
                self.lost.emit(current)
            elif editable and before is not None:
                self.freed.emit(before)
