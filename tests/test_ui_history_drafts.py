"""A draft is no earlier visit: the chart under the open session draws, and ages ("last time"),
the signed visits before it (as amended), or with none open the signed ones before now; a draft
left unsigned in this window, or in progress in another window on the same file, is said apart
("draft, not signed") and never drawn nor counted. The clinic server's rooms:
tests/server/test_server_window_drafts.py."""

from __future__ import annotations

from datetime import timedelta

import pytest

from imsmap.ui.wording import numeric_datetime
from test_ui_history import START, close_colours, large_regions, pixel_at, render_chart
from test_ui_support import (  # noqa: F401 - qt_settings, make_window: fixtures
    close_windows,
    make_window,
    qt_settings,
    show_window,
)


def site_at(records, session_id, spot, grade):
    x, y, region = spot
    site = records.add_site(session_id, "posterior", x, y, muscle_id=region.muscle,
                            side=region.side, layer=region.layer, level=region.level)
    records.update_site(site.id, grasp=grade)


def earlier_drawn(w) -> set[tuple[int, int]]:
    """(session, age) of the earlier markers on the posterior chart of the window."""
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    item = w.overlay.item_for(w.chart.scene)
    return {(m.session_id, m.age) for m in item.markers}


def bar_words(w) -> tuple[str, list[str], str]:
    """The bar's count, the legend's ages, and its words for the drafts not drawn ("" hidden)."""
    bar = w.history_bar
    return (bar.count.text(), [text for _age, text in bar.legend.ages],
            "" if bar.drafts.isHidden() else bar.drafts.text())


@pytest.fixture
def course(records, patient, atlas):
    """A signed visit (grasp 2 at A), a week later a visit left as a draft (grasp 3 at B), and
    today's draft the next day."""
    a, b = large_regions(atlas)
    signed = records.start_session(patient.id, started_at=START, practitioner="J. Physio")
    site_at(records, signed.id, a, 2)
    records.sign_session(signed.id)
    left = records.start_session(patient.id, started_at=START + timedelta(days=7),
                                 practitioner="J. Physio")
    site_at(records, left.id, b, 3)
    today = records.start_session(patient.id, started_at=START + timedelta(days=8),
                                  practitioner="J. Physio")
    return {"signed": signed, "left": left, "today": today, "a": a, "b": b}


def test_an_earlier_draft_left_unsigned_is_not_last_time(qtbot, make_window, course, patient,
                                                         records):
    signed, left, today = course["signed"], course["left"], course["today"]
    w = make_window(patient_id=patient.id, session_id=today.id)
    assert w.overlay.drawn_ids() == [signed.id]
    assert earlier_drawn(w) == {(signed.id, 1)}  # the signed visit is last time
    assert bar_words(w) == ("1 earlier shown", ["last time"],
                            "1 draft, not signed: not drawn")
    assert numeric_datetime(left.started_at) in w.history_bar.drafts.toolTip()
    # nothing of the draft's strong grasp at B on the chart: the same as with no overlay
    bx, by, _ = course["b"]
    image, rect = render_chart(w)
    w.menus.act_overlay.trigger()
    bare, _ = render_chart(w)
    assert close_colours(pixel_at(image, rect, bx, by), pixel_at(bare, rect, bx, by), tol=3)
    w.menus.act_overlay.trigger()
    # picked by hand it is listed as what it is, and cannot be chosen
    w.history_bar.pick_menu.aboutToShow.emit()
    drafts = [a for a in w.history_bar.pick_menu.actions() if "draft, not signed" in a.text()]
    assert len(drafts) == 2 and not any(a.isEnabled() for a in drafts)  # it and today's
    # the Progress tab's chart: the same visits before today's draft, the same "last time"
    w.menus.act_progress.trigger()
    w.progress.choose([signed.id, left.id, today.id])
    assert w.progress.chart.today_and_count() == (today.id, 1)
    assert w.progress.chart.earlier_ids() == [signed.id]
    # signed, it is a visit: last time now, the first one two visits ago
    records.sign_session(left.id)
    assert earlier_drawn(w) == {(signed.id, 2), (left.id, 1)}
    assert bar_words(w) == ("2 earlier shown", ["last time", "2 visits ago"], "")
    # (the shown Progress tab reads again after a short timer)
    qtbot.waitUntil(lambda: w.progress.full.session(left.id).is_signed, timeout=3000)
    w.progress.choose([signed.id, left.id, today.id])
    assert w.progress.chart.earlier_ids() == [signed.id, left.id]


@pytest.fixture
def two_windows(qtbot, qt_settings, open_records_as):  # noqa: F811 - a fixture
    """Anna's context and Ben's on one file, a new patient with no visit; Ben's window shows
    the patient (no session open). Anna's window is made by the test."""
    anna = open_records_as("anna.physio")
    ben = open_records_as("ben.physio")
    patient = anna.records.create_patient(chart_number="C-7", family_name="Okafor")
    windows = [show_window(qtbot, ben, patient_id=patient.id)]
    yield anna, windows, patient
    close_windows(qtbot, windows)


def test_a_draft_in_another_window_on_the_file_is_not_last_time(qtbot, two_windows, atlas):
    anna, windows, patient = two_windows
    ben_window = windows[0]
    assert ben_window.session_id is None
    a, _b = large_regions(atlas)
    # Anna starts the patient's first visit in her window and needles a strong grasp at A
    draft = anna.records.start_session(patient.id, practitioner="Anna",
                                       started_at=anna.records.clock() - timedelta(hours=2))
    site_at(anna.records, draft.id, a, 3)
    windows.append(show_window(qtbot, anna, patient_id=patient.id, session_id=draft.id))
    ben_window.refresh_all(force=False)  # Ben comes back to his window: it reads again
    assert draft.id in ben_window.overlay.history.ids
    assert ben_window.session_id is None  # no session open here: her draft is not last time
    assert ben_window.overlay.drawn_ids() == []
    assert earlier_drawn(ben_window) == set()
    assert bar_words(ben_window) == ("0 earlier shown", [], "1 draft, not signed: not drawn")
    # Anna signs, and starts the next visit: the signed one is last time in Ben's window, the
    # new draft is not
    anna.records.sign_session(draft.id)
    later = anna.records.start_session(patient.id, practitioner="Anna")
    site_at(anna.records, later.id, a, 1)
    ben_window.refresh_all(force=False)
    assert later.id in ben_window.overlay.history.ids and ben_window.session_id is None
    assert earlier_drawn(ben_window) == {(draft.id, 1)}
    assert bar_words(ben_window) == ("1 earlier shown", ["last time"],
                                     "1 draft, not signed: not drawn")
