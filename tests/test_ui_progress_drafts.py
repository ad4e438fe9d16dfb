"""The Progress tab's chart compares signed visits (ui.progress.history_chart): "today" is this
window's own session open while it is a draft, never another window's or room's draft on the same
patient; the heat map sums the signed sessions chosen; the drafts chosen and left out are said
("draft, not signed"), as the history bar says them. A new session's practitioner is taken from
the last signed visit, never from a draft. The clinic server's rooms:
tests/server/test_server_window_drafts.py."""

from __future__ import annotations

from datetime import timedelta

import numpy as np

from imsmap.domain.heat import grasp_heat
from imsmap.ui.wording import numeric_datetime
from test_ui_history import large_regions
from test_ui_history_drafts import course, site_at, two_windows  # noqa: F401 - fixtures
from test_ui_support import make_window, qt_settings, show_window  # noqa: F401 - fixtures


def progress_chart(w, session_ids):
    """The window's Progress tab on its Chart, `session_ids` chosen, the posterior view."""
    w.menus.act_progress.trigger()
    w.progress.choose(session_ids)
    w.progress.tabs.setCurrentWidget(w.progress.chart)
    chart = w.progress.chart
    chart.set_view("posterior")
    chart.heat.setChecked(True)
    return chart


def drafts_words(chart) -> str:
    """The chart's words for the drafts it leaves out ("" hidden)."""
    return "" if chart.drafts.isHidden() else chart.drafts.text()


def signed_heat(chart, signed):
    v = chart.canvas.chart.view
    return grasp_heat(chart.history, v.id, v.width, v.height, session_ids=signed,
                      half_life_days=None)


def test_another_windows_draft_is_not_today_nor_summed(qtbot, two_windows, atlas):
    anna, windows, patient = two_windows
    ben_window = windows[0]
    a, b = large_regions(atlas)
    now = anna.records.clock()
    # Anna signed last week's visit (grasp 2 at A) and is needling today's (grasp 3 at B)
    last_week = anna.records.start_session(patient.id, practitioner="Anna",
                                           started_at=now - timedelta(days=7))
    site_at(anna.records, last_week.id, a, 2)
    anna.records.sign_session(last_week.id)
    draft = anna.records.start_session(patient.id, practitioner="Anna",
                                       started_at=now - timedelta(hours=1))
    site_at(anna.records, draft.id, b, 3)
    windows.append(show_window(qtbot, anna, patient_id=patient.id, session_id=draft.id))
    ben_window.refresh_all(force=False)  # Ben comes back to his window: it reads again
    assert ben_window.session_id is None
    chart = progress_chart(ben_window, [last_week.id, draft.id])
    assert chart.history.ids == (last_week.id, draft.id)
    # no session open in Ben's window: nothing is today's, last week's visit is last time
    assert chart.today_and_count() == (None, 1)
    assert chart.earlier_ids() == [last_week.id]
    assert drafts_words(chart) == "1 draft, not signed: not drawn, not in the heat map"
    assert numeric_datetime(draft.started_at) in chart.drafts.toolTip()
    grid = chart.heat_grid()
    assert grid is not None
    assert np.allclose(grid.values, signed_heat(chart, [last_week.id]).values)
    # Anna's own Progress tab: her draft is today's, on top of last week's; nothing left out
    mine = progress_chart(windows[1], [last_week.id, draft.id])
    assert mine.today_and_count() == (draft.id, 1)
    assert drafts_words(mine) == ""
    assert np.allclose(mine.heat_grid().values, signed_heat(mine, [last_week.id]).values)
    # Ben starts his own session of the patient: it is his today's, Anna's draft still no visit
    ben_window.session_actions.new_session()
    ours = ben_window.session_id
    assert ours not in (None, draft.id)
    qtbot.waitUntil(lambda: ours in ben_window.progress.full.ids, timeout=3000)
    ben_window.progress.choose_last(0)
    assert chart.today_and_count() == (ours, 1)
    assert chart.earlier_ids() == [last_week.id]
    assert drafts_words(chart) == "1 draft, not signed: not drawn, not in the heat map"


def test_a_draft_left_unsigned_is_said_apart_beside_todays(qtbot, make_window, course, patient,
                                                            records):
    signed, left, today = course["signed"], course["left"], course["today"]
    w = make_window(patient_id=patient.id, session_id=today.id)
    chart = progress_chart(w, [signed.id, left.id, today.id])
    assert chart.today_and_count() == (today.id, 1)
    assert drafts_words(chart) == "1 draft, not signed: not drawn, not in the heat map"
    # the heat map is the signed visit's alone: the left draft's strong grasp at B adds nothing
    assert np.allclose(chart.heat_grid().values, signed_heat(chart, [signed.id]).values)
    # with today's signed, no session is a draft but the left one: all signed are earlier
    records.sign_session(today.id)
    qtbot.waitUntil(lambda: w.progress.full.session(today.id).is_signed, timeout=3000)
    w.progress.choose([signed.id, left.id, today.id])
    assert chart.today_and_count() == (None, 2)
    assert chart.earlier_ids() == [signed.id, today.id]
    assert drafts_words(chart) == "1 draft, not signed: not drawn, not in the heat map"
    records.sign_session(left.id)
    qtbot.waitUntil(lambda: w.progress.full.session(left.id).is_signed, timeout=3000)
    w.progress.choose([signed.id, left.id, today.id])
    assert drafts_words(chart) == "" and chart.drafts.isHidden()
    assert chart.earlier_ids() == [signed.id, left.id, today.id]


def test_a_new_session_takes_the_practitioner_of_the_last_signed_visit(
        qtbot, make_window, records, patient, atlas):
    """Another window's draft (or one left unsigned) names whoever treats there: not the new
    session's practitioner, which is the last signed visit's; with none signed, nobody."""
    a, _b = large_regions(atlas)
    now = records.clock()
    first = records.start_session(patient.id, practitioner="Anna",
                                  started_at=now - timedelta(hours=3))
    w = make_window(patient_id=patient.id)
    w.session_actions.new_session()
    assert records.read.session(w.session_id).practitioner == ""  # only a draft: nobody
    records.sign_session(first.id)
    elsewhere = records.start_session(patient.id, practitioner="Ben",
                                      started_at=now - timedelta(hours=1))
    site_at(records, elsewhere.id, a, 2)
    w.session_actions.new_session()
    newest = records.read.session(w.session_id)
    assert newest.id not in (first.id, elsewhere.id)
    assert newest.practitioner == "Anna"


def test_the_summary_compares_signed_visits_and_says_the_drafts_apart(
        qtbot, make_window, course, patient, records):
    """The summary's latest visit and first are signed ones: a draft left unsigned (a strong
    grasp nobody signed) and today's draft before signing are said apart, compared with
    nothing ("Latest (#4…) … grasp burden 2 → 6" read today's draft as the latest visit)."""
    signed, left, today, a, b = (course[k] for k in ("signed", "left", "today", "a", "b"))
    second = records.start_session(patient.id, started_at=signed.started_at + timedelta(days=3),
                                   practitioner="J. Physio")
    site_at(records, second.id, a, 1)
    records.sign_session(second.id)
    site_at(records, today.id, a, 3)
    site_at(records, today.id, b, 3)
    w = make_window(patient_id=patient.id, session_id=today.id)
    w.menus.act_progress.trigger()
    w.progress.choose([signed.id, second.id, left.id, today.id])
    text = w.progress.summary.text()
    assert text.startswith("Latest (#2, ")  # visit 2, signed; not today's draft (#4)
    assert "Since #1, " in text and "grasp burden 2 \u2192 1" in text
    assert text.endswith("Not compared: 2 drafts, not signed (#3, #4).")
    # today's signed: it is the latest visit, compared; the one left unsigned still apart
    records.sign_session(today.id)
    qtbot.waitUntil(lambda: w.progress.full.session(today.id).is_signed, timeout=3000)
    w.progress.choose([signed.id, second.id, left.id, today.id])
    text = w.progress.summary.text()
    assert text.startswith("Latest (#4, ") and "grasp burden 2 \u2192 6" in text
    assert text.endswith("Not compared: 1 draft, not signed (#3).")
    # drafts alone: nothing compared
    w.progress.choose([left.id])
    assert w.progress.summary.text() == (
        "No signed visit with needled sites in the sessions shown yet.\n"
        "Not compared: 1 draft, not signed (#3).")
