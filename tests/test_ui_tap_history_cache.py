"""A tap keeps the patients' histories up to date without making their lists of sessions anew
(issue 16: click_to_marker's last milliseconds). `PatientHistories` hears every change first
and asked each history it holds whether the change's session was one of its own through
`History.ids`, which makes the tuple of the patient's sessions each time it is asked: three
times a tap with two patients held (about 108 ids each in the benchmark's window). It asks
the visit numbers the history is made with, a dict of the same sessions."""

from __future__ import annotations

import sys

from imsmap.domain.progress import History
from imsmap.services import history as history_service
from test_ui_history import hwin, visits  # noqa: F401
from test_ui_support import click_region, make_window, pick_region, qt_settings  # noqa: F401


def test_a_tap_updates_the_histories_held_without_listing_their_sessions(
        qtbot, hwin, visits, patient, records, context, monkeypatch):
    w = hwin
    histories = context.histories
    other = records.create_patient(chart_number="C-3003", family_name="Tremblay")
    records.start_session(other.id, practitioner="J. Physio")
    w.patients.select_patient(other.id)
    w.patients.select_patient(patient.id)
    w.patients.select_session(visits["ids"][-1])
    w.menus.act_progress.trigger()  # every visit's sites read, today's among them
    assert histories.held() == 2
    loads = histories.loads
    today = visits["ids"][-1]
    assert today in histories.loaded(patient.id)

    listed: list[int] = []  # `History.ids` made for the cache's listener
    made = History.ids

    def counted(self):
        if sys._getframe(1).f_code.co_filename == history_service.__file__:
            listed.append(1)
        return made.fget(self)

    monkeypatch.setattr(History, "ids", property(counted))
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    before = len(w.edits.sites)
    click_region(qtbot, w, pick_region(w))
    qtbot.waitUntil(lambda: len(w.edits.sites) == before + 1)
    new = max(s.id for s in w.edits.sites)

    assert listed == []  # three a tap before
    # The same up-to-date histories as before: today's visit read again with its new site,
    # both patients still held, nothing read whole again.
    assert histories.held() == 2 and histories.loads == loads
    held = histories.history(patient.id, [today])
    assert new in [s.id for s in held.sites_of(today)]
    stored = [s.id for s in records.read.effective_sites_for_session(today)]
    assert new in stored
    # the Progress tab shown reads the history again after its short delay: the same sites
    qtbot.waitUntil(lambda: [s.id for s in w.progress.full.sites_of(today)] == stored)
    assert histories.loads == loads
