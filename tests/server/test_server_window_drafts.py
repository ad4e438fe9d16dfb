"""Two rooms on one patient (issue 15, live rooms): a draft in progress in one room is never
drawn, nor aged "last time", on the chart of the other, whether that room has no session of
the patient open or a session of its own; its history bar says the draft apart ("draft, not
signed"). Once signed it is a visit, and the other room draws it. On one computer:
tests/test_ui_history_drafts.py."""

from __future__ import annotations

from datetime import timedelta

import pytest

from imsmap.domain.heat import grasp_heat
from imsmap.services.context import open_server_context
from test_ui_history import large_regions
from test_ui_history_drafts import bar_words, earlier_drawn, site_at
from test_ui_support import close_windows, qt_settings, show_window  # noqa: F401 - a fixture

WAIT_MS = 5000  # generous: a loaded machine; the room hears within a second (bench/server.py)


@pytest.fixture
def rooms(qtbot, qt_settings, people):  # noqa: F811 - the fixture imported above
    """Anna's context (Room 1) and Ben's (Room 2), a new patient; `open_room(context, room,
    **kwargs)` shows a window of one of them in its room."""
    from imsmap.ui.window_settings import ROOM

    contexts = [open_server_context(people[k][1]) for k in ("practitioner", "practitioner2")]
    patient = contexts[0].records.create_patient(chart_number="R-7", family_name="Okafor")
    windows = []

    def open_room(context, room: str, **kwargs):
        ROOM.write(room)  # read when the window is built
        w = show_window(qtbot, context, **kwargs)
        windows.append(w)
        return w

    yield contexts[0], contexts[1], patient, open_room
    close_windows(qtbot, windows)
    for context in contexts:
        context.close()


def test_a_draft_in_progress_in_another_room_is_not_last_time(qtbot, rooms):
    anna_context, ben_context, patient, open_room = rooms
    anna = anna_context.records
    ben = open_room(ben_context, "Room 2", patient_id=patient.id)
    assert ben.session_id is None  # the patient open, no session
    qtbot.waitUntil(lambda: ben.live.listening, timeout=WAIT_MS)
    a, _b = large_regions(anna.atlas)
    # Room 1 starts the patient's first visit and needles a strong grasp
    draft = anna.start_session(patient.id, practitioner="Anna",
                               started_at=anna.clock() - timedelta(hours=1))
    open_room(anna_context, "Room 1", patient_id=patient.id,
              session_id=draft.id)
    site_at(anna, draft.id, a, 3)
    qtbot.waitUntil(lambda: draft.id in ben.overlay.history.ids, timeout=WAIT_MS)
    qtbot.wait(1000)  # and its site's change (heard within a second: bench/server.py)
    assert ben.session_id is None
    assert ben.overlay.drawn_ids() == []
    assert earlier_drawn(ben) == set()
    assert bar_words(ben) == ("0 earlier shown", [], "1 draft, not signed: not drawn")
    # Room 1 signs it and starts the next visit: the signed one is last time in Room 2, the
    # new draft is not
    anna.sign_session(draft.id)
    later = anna.start_session(patient.id, practitioner="Anna")
    site_at(anna, later.id, a, 1)
    qtbot.waitUntil(lambda: later.id in ben.overlay.history.ids, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: ben.overlay.drawn_ids() == [draft.id], timeout=WAIT_MS)
    assert ben.session_id is None
    assert earlier_drawn(ben) == {(draft.id, 1)}
    assert bar_words(ben) == ("1 earlier shown", ["last time"], "1 draft, not signed: not drawn")


def test_a_room_s_own_session_draws_the_signed_visits_not_another_room_s_draft(qtbot, rooms):
    anna_context, ben_context, patient, open_room = rooms
    anna = anna_context.records
    a, b = large_regions(anna.atlas)
    now = anna.clock()
    last_week = anna.start_session(patient.id, practitioner="Anna",
                                   started_at=now - timedelta(days=7))
    site_at(anna, last_week.id, a, 2)
    anna.sign_session(last_week.id)
    draft = anna.start_session(patient.id, practitioner="Anna",
                               started_at=now - timedelta(hours=1))
    site_at(anna, draft.id, b, 3)
    open_room(anna_context, "Room 1", patient_id=patient.id,
              session_id=draft.id)  # Room 1 holds its draft
    ben = open_room(ben_context, "Room 2", patient_id=patient.id)
    qtbot.waitUntil(lambda: ben.live.listening, timeout=WAIT_MS)
    ben.session_actions.new_session()  # Room 2's own visit of the same patient
    assert ben.session_id not in (None, last_week.id, draft.id)
    assert ben.overlay.drawn_ids() == [last_week.id]
    assert earlier_drawn(ben) == {(last_week.id, 1)}  # last week's visit is last time
    assert bar_words(ben) == ("1 earlier shown", ["last time"],
                              "1 draft, not signed: not drawn")
    # Copy last visit's sites copies last week's, not Room 1's draft in progress
    ben.menus.act_copy_forward.trigger()
    copied = ben.records.read.sites_for_session(ben.session_id)
    assert [(s.muscle_id, s.planned) for s in copied] == [(a[2].muscle, True)]



def test_another_room_s_draft_is_not_today_on_the_progress_tab(qtbot, rooms):
    """Room 2's Progress tab with no session open: Room 1's draft in progress is neither its
    chart's "today" nor summed in its heat map, and said apart; Room 2's own session is."""
    from test_ui_progress_drafts import drafts_words, progress_chart

    anna_context, ben_context, patient, open_room = rooms
    anna = anna_context.records
    a, b = large_regions(anna.atlas)
    now = anna.clock()
    ben = open_room(ben_context, "Room 2", patient_id=patient.id)  # no session open there
    qtbot.waitUntil(lambda: ben.live.listening, timeout=WAIT_MS)
    last_week = anna.start_session(patient.id, practitioner="Anna",
                                   started_at=now - timedelta(days=7))
    site_at(anna, last_week.id, a, 2)
    anna.sign_session(last_week.id)
    draft = anna.start_session(patient.id, practitioner="Anna",
                               started_at=now - timedelta(hours=1))
    open_room(anna_context, "Room 1", patient_id=patient.id, session_id=draft.id)
    site_at(anna, draft.id, b, 3)
    chart = progress_chart(ben, [])
    qtbot.waitUntil(lambda: draft.id in ben.progress.full.ids, timeout=WAIT_MS)
    ben.progress.choose_last(0)
    assert ben.session_id is None and chart.history.ids == (last_week.id, draft.id)
    assert chart.today_and_count() == (None, 1)
    assert chart.earlier_ids() == [last_week.id]
    assert drafts_words(chart) == "1 draft, not signed: not drawn, not in the heat map"
    heat = chart.heat_grid()
    v = chart.canvas.chart.view
    assert (heat.values == grasp_heat(chart.history, v.id, v.width, v.height,
                                      session_ids=[last_week.id]).values).all()
    # Room 2's own visit of the patient is its today's
    ben.session_actions.new_session()
    ours = ben.session_id
    qtbot.waitUntil(lambda: ours in ben.progress.full.ids, timeout=WAIT_MS)
    ben.progress.choose_last(0)
    assert chart.today_and_count() == (ours, 1)
    assert drafts_words(chart) == "1 draft, not signed: not drawn, not in the heat map"


def test_another_room_s_draft_is_compared_with_nothing_on_the_progress_tab(qtbot, rooms):
    """Room 2's Segments and Compare tabs, with no session open: Room 1's draft in progress has
    its own column, "draft" in its header, and is compared with nothing; the Compare tab
    compares the two signed visits and says the draft apart."""
    from test_ui_progress_drafts_tabs import compare_words, segment_words

    anna_context, ben_context, patient, open_room = rooms
    anna = anna_context.records
    a, b = large_regions(anna.atlas)
    now = anna.clock()
    ben = open_room(ben_context, "Room 2", patient_id=patient.id)  # no session open there
    qtbot.waitUntil(lambda: ben.live.listening, timeout=WAIT_MS)
    signed = []
    for days, sites in ((14, [(a, 2), (b, 3)]), (7, [(a, 1)])):
        visit = anna.start_session(patient.id, practitioner="Anna",
                                   started_at=now - timedelta(days=days))
        for spot, grade in sites:
            site_at(anna, visit.id, spot, grade)
        anna.sign_session(visit.id)
        signed.append(visit.id)
    draft = anna.start_session(patient.id, practitioner="Anna",
                               started_at=now - timedelta(hours=1))
    open_room(anna_context, "Room 1", patient_id=patient.id, session_id=draft.id)
    site_at(anna, draft.id, b, 3)
    ben.menus.act_progress.trigger()  # shown, the tab reads what it hears
    qtbot.waitUntil(lambda: draft.id in ben.progress.full.ids, timeout=WAIT_MS)
    qtbot.wait(1000)  # and its site's change (heard within a second: bench/server.py)
    ben.progress.choose_last(0)
    ben.progress.tabs.setCurrentWidget(ben.progress.segments)
    assert ben.session_id is None
    heads, rows, drafts = segment_words(ben)
    assert heads == ["#1", "#2", "#3 draft"]
    assert rows[1] == ["5", "1", "3"]  # the draft's own burden, in its column
    assert rows[2] == ["", "50%", ""]  # the draft (B) compared with nothing (it read 0%)
    assert drafts == "Not compared: 1 draft, not signed (#3)."
    ben.progress.tabs.setCurrentWidget(ben.progress.compare)
    offered, pair, groups, drafts = compare_words(ben.progress.compare)
    assert offered == ["#1", "#2"] and pair == ("#1", "#2")
    assert set(groups) == {"better", "not_repeated"}  # not #2 against the draft's B 3 ("new")
    assert drafts == "Not compared: 1 draft, not signed (#3)."
