"""A merge of duplicate records and its separation reach the other rooms' windows as they are
made, the way a signed session or a hold taken does (the server's announcement of each audited
write, heard by the window's listener, put on its change bus): reception's window (ui.desk_window)
heard nothing of other rooms before, and showed a merge only at its next refresh."""

from __future__ import annotations

import pytest

from imsmap.services import merging
from imsmap.services.context import open_server_context
from imsmap.ui.desk_window import DeskWindow
from test_ui_support import close_windows, qt_settings, show_window  # noqa: F401 - a fixture

WAIT_MS = 5000  # generous: a loaded machine; a room hears within a second (bench/server.py)


@pytest.fixture
def windows(qtbot, qt_settings, people):  # noqa: F811 - the fixture imported above
    """Anna's window (a practitioner, Room 1), Ben's (Room 2) and reception's, on a clinic with
    one person registered twice; nobody refreshes them."""
    from imsmap.ui.window_settings import ROOM

    contexts = {k: open_server_context(people[k][1])
                for k in ("practitioner", "practitioner2", "reception")}
    anna = contexts["practitioner"].records
    john = anna.create_patient(chart_number="M-1", family_name="Smith", given_name="John")
    jon = anna.create_patient(chart_number="M-2", family_name="Smith", given_name="Jon")
    ROOM.write("Room 1")
    first = show_window(qtbot, contexts["practitioner"])
    ROOM.write("Room 2")
    second = show_window(qtbot, contexts["practitioner2"], patient_id=jon.id)
    desk = DeskWindow(contexts["reception"])
    desk.show()
    qtbot.waitExposed(desk)
    opened = [first, second, desk]
    for w in (first, second):
        qtbot.waitUntil(lambda w=w: w.live is not None and w.live.listening, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: desk.live is not None and desk.live.feed.connected, timeout=WAIT_MS)
    yield first, second, desk, john, jon
    close_windows(qtbot, opened)
    for context in contexts.values():
        context.close()


def _merged_row(patients, duplicate_chart: str, kept_chart: str) -> bool:
    rows = patients.patients
    return any(rows.item(i).text().endswith("→  " + kept_chart)
               and duplicate_chart in rows.item(i).text() for i in range(rows.count()))


def test_a_merge_and_its_separation_reach_the_other_windows_at_once(qtbot, windows):
    first, second, desk, john, jon = windows
    assert desk.patients is not None
    for w in (second.patients, desk.patients):
        assert not _merged_row(w, "M-2", "M-1")
    merge = merging.merge_records(first.records, john.id, jon.id, "Same person, twice")
    # Reception's list and Ben's show Jon's record merged into John's, unasked; Ben had Jon's
    # record open: it follows to John's.
    qtbot.waitUntil(lambda: _merged_row(desk.patients, "M-2", "M-1"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _merged_row(second.patients, "M-2", "M-1"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: second.patients.patient_id == john.id, timeout=WAIT_MS)
    # The separation arrives the same way: both records read as before.
    merging.separate_records(first.records, merge.id, "Two people after all")
    qtbot.waitUntil(lambda: not _merged_row(desk.patients, "M-2", "M-1"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not _merged_row(second.patients, "M-2", "M-1"), timeout=WAIT_MS)


def test_reception_s_window_lets_go_of_its_listener_when_it_closes(qtbot, windows):
    import threading

    def listeners() -> int:
        return sum(t.name == "imsmap live rooms" for t in threading.enumerate())

    _first, _second, desk, _john, _jon = windows
    assert listeners() == 3  # each window's, reception's too
    desk.close()
    qtbot.waitUntil(lambda: listeners() == 2, timeout=WAIT_MS)


def test_the_patient_reception_has_open_is_read_again_when_another_room_edits_it(qtbot,
                                                                                  windows):
    """Reception's window listens as the practitioner's does (ui.open_patient_changes): the
    details it shows follow a write of another room, unasked."""
    first, _second, desk, john, _jon = windows
    assert desk.patients is not None
    desk.patients.select_patient(john.id)
    qtbot.waitUntil(lambda: desk.fields["given_name"].text() == "John", timeout=WAIT_MS)
    first.records.update_patient(john.id, given_name="Johnny", birth_date="1970-03-04")
    qtbot.waitUntil(lambda: desk.fields["given_name"].text() == "Johnny", timeout=WAIT_MS)
    assert desk.fields["birth_date"].text() == "1970-03-04"
    assert desk.patient is not None and desk.patient.given_name == "Johnny"
