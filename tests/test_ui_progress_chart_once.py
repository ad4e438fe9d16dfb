"""The Progress tab's Chart page is worked out once a patient opened, not twice (issue 16).

An open tells the panel the patient (the Chart page filled, with the session before still open
in the window: no draft of this patient is "today"), then the patient's session. Told the
session, the page worked itself out again whatever it was; it now does only where today's
draft changes (`HistoryChart.today`), which for a signed visit opened it never does: the
legend's ages, the drafts line, the heat map's and the earlier sites' ages follow today's draft
and nothing else of the session."""

from __future__ import annotations

from datetime import timedelta

from imsmap.ui.progress.compare import ChartPicture
from test_ui_history import START, large_regions
from test_ui_overlay_patient_order import _choose_in_list
from test_ui_overlay_shown_scene import _signed_visits
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def _count_charts(monkeypatch, canvas: ChartPicture) -> list[object]:
    """Each chart the page's picture is given (once each time the page is worked out)."""
    given: list[object] = []
    real = ChartPicture.set_chart

    def counting(picture, chart):
        if picture is canvas:
            given.append(chart)
        return real(picture, chart)

    monkeypatch.setattr(ChartPicture, "set_chart", counting)
    return given


def _today_word(chart) -> bool:
    return any(age == 0 for age, _words in chart.legend.ages())


def test_a_patient_opened_works_the_chart_page_out_once(qtbot, make_window, records, patient,
                                                          atlas, monkeypatch):
    first = _signed_visits(records, patient.id, atlas, 4, grade=3)
    other = records.create_patient(chart_number="OTHER-2", family_name="Other",
                                   given_name="Patient", sex="F")
    theirs = _signed_visits(records, other.id, atlas, 2, grade=1)
    draft = records.start_session(other.id, started_at=START + timedelta(days=30),
                                  practitioner="J. Physio")
    x, y, region = large_regions(atlas)[0]
    records.add_site(draft.id, "posterior", x, y, muscle_id=region.muscle, side=region.side,
                     layer=region.layer, level=region.level)
    w = make_window()
    w.show_progress()
    qtbot.waitUntil(lambda: w.progress.isVisible())
    p = w.progress
    p.tabs.setCurrentWidget(p.chart)
    _choose_in_list(w, patient.chart_number)
    qtbot.waitUntil(lambda: w.session_id == first[-1])
    given = _count_charts(monkeypatch, p.chart.canvas)

    # A patient whose latest visit is a draft: it opens, and it is today's.
    _choose_in_list(w, other.chart_number)
    qtbot.waitUntil(lambda: w.session_id == draft.id)
    assert len(given) == 1  # main: twice, once with the patient, once with their draft
    assert list(p.chart.history.ids) == [*theirs, draft.id]
    assert p.chart.today() == draft.id and _today_word(p.chart)
    assert p.chart.drafts_left_out() == []  # today's draft is drawn, not said left out
    assert p.chart.drafts.isHidden()

    # Back to the first patient: a signed visit opens, nothing of it is today's.
    _choose_in_list(w, patient.chart_number)
    qtbot.waitUntil(lambda: w.session_id == first[-1])
    assert len(given) == 2  # main: 4
    assert list(p.chart.history.ids) == first
    assert p.chart.today() is None and not _today_word(p.chart)

    # Told another session of the same patient, the page follows where today's draft changes.
    _choose_in_list(w, other.chart_number)
    qtbot.waitUntil(lambda: w.session_id == draft.id)
    w.patients.select_session(theirs[-1])  # a signed visit of theirs opened: no draft today
    qtbot.waitUntil(lambda: w.session_id == theirs[-1])
    assert p.chart.today() is None and not _today_word(p.chart)
    assert [s.id for s in p.chart.drafts_left_out()] == [draft.id]
    assert not p.chart.drafts.isHidden()
    w.patients.select_session(draft.id)
    qtbot.waitUntil(lambda: w.session_id == draft.id)
    assert p.chart.today() == draft.id and _today_word(p.chart)
    assert p.chart.drafts.isHidden()
