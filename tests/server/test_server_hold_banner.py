"""Two rooms on the same session, on a real server, through the real banner: the second sees who
holds it and in which room and may not edit; it takes over only when the person confirms (the
audit trail records it), and the first room learns at once that it lost the session."""

from __future__ import annotations

from live_support import one, patient, session
from PySide6.QtCore import Qt

from imsmap.services.changes import ChangeBus
from imsmap.services.room_hold import RoomHold
from imsmap.store.postgres.faults import Connector
from imsmap.store.postgres.listen import ChangeFeed
from imsmap.ui.hold_banner import HoldBanner
from imsmap.ui.live_rooms import LiveRooms
from imsmap.ui.wording import said
from test_ui_support import answer_boxes


class Room:
    """One room's window parts: its banner, its hold, its listener."""

    def __init__(self, qtbot, dsn: str, name: str):
        self.connector = Connector(dsn)
        self.errors: list[object] = []
        self.banner = HoldBanner(RoomHold(self.connector, name), self.errors.append)
        qtbot.addWidget(self.banner)
        self.editable: list[bool] = []
        self.banner.editable_changed.connect(self.editable.append)
        self.live = LiveRooms(ChangeBus(), ChangeFeed(dsn))
        self.live.holds_changed.connect(self.banner.hold_moved)
        self.live.start()
        qtbot.waitUntil(lambda: self.live.feed.connected, timeout=10_000)  # its thread's

    def close(self) -> None:
        self.live.stop()
        self.connector.close()


def test_the_second_room_sees_the_holder_and_takes_over_only_when_confirmed(
        qtbot, people, clinic_dsn):
    anna, dsn_a = people["practitioner"]
    ben, dsn_b = people["practitioner2"]
    sid = session(dsn_a, patient(dsn_a, "H-1"))
    first, second = Room(qtbot, dsn_a, "Room 1"), Room(qtbot, dsn_b, "Room 2")
    try:
        first.banner.set_session(sid)
        assert first.banner.editable and first.banner.isHidden()
        assert first.banner.timer.isActive()  # its heartbeat runs
        second.banner.set_session(sid)
        assert not second.banner.editable and not second.banner.isHidden()
        words = second.banner.label.text()
        assert anna in words and "Room 1" in words and "taken over" in words
        assert second.banner.take_button.isVisible()
        entries = one(clinic_dsn, "SELECT count(*) FROM audit")[0]
        # Asked, and cancelled: nothing changes.
        seen: list[str] = []
        titles: list[str] = []
        timer = answer_boxes(["Cancel"], seen, titles=titles)
        qtbot.mouseClick(second.banner.take_button, Qt.MouseButton.LeftButton)
        timer.stop()
        assert anna in seen[0] and "Room 1" in seen[0]
        # Its own words: Qt adds the app's name (test_ui_window_titles)
        assert titles == ["Take over this session"]
        assert not second.banner.editable and first.banner.editable
        assert one(clinic_dsn, "SELECT count(*) FROM audit")[0] == entries
        # Asked, and confirmed: the second room edits, the first learns it lost the session.
        timer = answer_boxes(["Take over"], seen)
        qtbot.mouseClick(second.banner.take_button, Qt.MouseButton.LeftButton)
        timer.stop()
        assert second.banner.editable and second.banner.isHidden()
        qtbot.waitUntil(lambda: not first.banner.editable, timeout=2000)
        # the session's hold moved: said; the session shown at first was not (the window
        # reads whether it may edit it as it fills its panels)
        assert first.editable == [False] and not first.banner.isHidden()
        assert ben in first.banner.label.text() and "Room 2" in first.banner.label.text()
        assert one(clinic_dsn, "SELECT actor, action, entity_id FROM audit"
                               " ORDER BY id DESC LIMIT 1") == (ben, "take_over", sid)
        # The second room closes the session: the first gets it back, without asking.
        second.banner.set_session(None)
        qtbot.waitUntil(lambda: first.banner.editable, timeout=2000)
        assert first.banner.isHidden()
        assert first.errors == [] and second.errors == []
    finally:
        first.close()
        second.close()


def test_a_room_that_cannot_reach_the_server_says_so_and_edits_nothing(qtbot, people,
                                                                       pg_server):
    _, dsn = people["practitioner"]
    sid = session(dsn, patient(dsn, "H-2"))
    nobody = dsn.replace(f"port={pg_server.port}", "port=1")
    connector = Connector(nobody)
    errors: list[object] = []  # the refusals, as the window's status bar gets them
    banner = HoldBanner(RoomHold(connector, "Room 3"), errors.append)
    qtbot.addWidget(banner)
    banner.set_session(sid)
    assert not banner.editable and len(errors) == 1
    assert "could not be reached" in said(errors[0])

