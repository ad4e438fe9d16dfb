"""A room whose own connection to the clinic server is cut (its server process ended by the
server's administrator, `pg_terminate_backend`, as a restart of the server ends it) while the
window is open: the window finds it lost, makes it again by itself and reads again. What the
people in the room see meanwhile and once it is back (walk of 7 December, two real windows on a
server stopped for 20 s; the run's shared server is left running here: only the window's
connection is cut, and it connects again at once)."""

from __future__ import annotations

import pytest

from imsmap.services.context import open_server_context
from test_ui_support import close_windows, qt_settings, show_window  # noqa: F401 - a fixture

WAIT_MS = 15000  # generous: a loaded machine; a new connection is made within a second


def cut(pg_server, w) -> None:
    """End the server process of the window's own connection (its listener's is left)."""
    pid = w.records.db.conn.pg.info.backend_pid
    with pg_server.admin() as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]


@pytest.fixture
def rooms(qtbot, qt_settings, people):  # noqa: F811 - the fixture imported above
    """Anna's context and Ben's; `open_room(context, room, **kwargs)` shows a window."""
    from imsmap.ui.window_settings import ROOM

    contexts = [open_server_context(people[k][1]) for k in ("practitioner", "practitioner2")]
    windows = []

    def open_room(context, room: str, **kwargs):
        ROOM.write(room)  # read when the window is built
        w = show_window(qtbot, context, **kwargs)
        windows.append(w)
        qtbot.waitUntil(lambda: w.live.listening, timeout=WAIT_MS)
        return w

    yield contexts[0], contexts[1], open_room
    close_windows(qtbot, windows)
    for context in contexts:
        context.close()


def test_a_patient_chosen_while_the_connection_is_lost_is_shown_whole_once_back(
        qtbot, pg_server, rooms):
    """Before, the list showed the patient chosen and the window the one before: its header,
    its draft; once back, the list of sessions was the chosen patient's under the other's
    name."""
    anna_context, _ben, open_room = rooms
    anna = anna_context.records
    first = anna.create_patient(chart_number="W-1", family_name="Tremblay", given_name="Émilie")
    draft = anna.start_session(first.id)
    second = anna.create_patient(chart_number="W-2", family_name="Côté", given_name="Marc")
    visit = anna.start_session(second.id)
    anna.sign_session(visit.id)
    w = open_room(anna_context, "Room 1", patient_id=first.id, session_id=draft.id)
    assert "W-1" in w.session_panel.patient_line.text()

    cut(pg_server, w)
    item = next(w.patients.patients.item(i) for i in range(w.patients.patients.count())
                if "W-2" in w.patients.patients.item(i).text())
    with qtbot.capture_exceptions() as escaped:  # the refusal, said in the status bar
        w.patients.patients.setCurrentItem(item)
    assert all("connecting again" in str(e[1]) for e in escaped), escaped

    qtbot.waitUntil(lambda: not w.live.reconnecting
                    and "Connected to the clinic server again" in
                    w.statusBar().currentMessage(), timeout=WAIT_MS)
    assert w.patients.patient_id == second.id
    assert w.patient is not None and w.patient.id == second.id
    assert "W-2" in w.session_panel.patient_line.text()
    assert "W-1" not in w.session_panel.patient_line.text()
    assert w.session_id == visit.id  # the chosen patient's visit, not the other's draft
    assert w.overlay.patient_id == second.id


def test_a_look_at_another_room_s_hold_on_a_lost_connection_says_it_connects_again(
        qtbot, pg_server, rooms):
    """The banner looks every second whether the other room let go; the first to meet the
    lost connection, it said "what was not saved was not kept ... Check the network and try
    again" to a room that had done nothing, while the window was connecting again."""
    anna_context, ben_context, open_room = rooms
    anna = anna_context.records
    patient = anna.create_patient(chart_number="W-3", family_name="Okafor")
    draft = anna.start_session(patient.id)
    open_room(anna_context, "Room 1", patient_id=patient.id, session_id=draft.id)
    ben = open_room(ben_context, "Room 2", patient_id=patient.id, session_id=draft.id)
    qtbot.waitUntil(lambda: ben.live.banner.isVisible(), timeout=WAIT_MS)
    said: list[str] = []
    ben.statusBar().messageChanged.connect(said.append)

    cut(pg_server, ben)
    qtbot.waitUntil(lambda: any("Connected to the clinic server again" in s for s in said),
                    timeout=WAIT_MS)
    refused = [s for s in said if s and not s.startswith(("Connected", "Refreshed"))]
    assert refused, said  # the look met the lost connection and said so
    for sentence in refused:  # (the bar's room may cut it short, with "…": ui.refusals)
        assert sentence.startswith("The clinic server cannot be reached now"), said
        assert "was not kept" not in sentence and "Check the network" not in sentence, said
    qtbot.waitUntil(lambda: ben.live.banner.isVisible(), timeout=WAIT_MS)  # still Anna's
    assert not ben.session_panel.editable
