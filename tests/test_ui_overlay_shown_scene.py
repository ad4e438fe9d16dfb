"""The earlier visits' overlay keeps the chart shown up to date, and only it: a tap or a
selection asks nothing of it (no earlier visit changed), a chart not shown is not drawn again
for each patient or visit opened, and a chart shown again draws the patient open now
(ui.history_overlay.HistoryOverlay, ui.history_control)."""

from __future__ import annotations

from datetime import datetime, timedelta

from imsmap.ui.history_overlay import HistoryOverlayItem
from test_ui_history import large_regions
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

START = datetime(2026, 9, 1, 9, 0)


def _signed_visits(records, patient_id: int, atlas, n: int, grade: int) -> list[int]:
    """n weekly signed visits on the posterior chart, a site at each of two large muscles."""
    ids = []
    for i in range(n):
        s = records.start_session(patient_id, started_at=START + timedelta(days=7 * i),
                                  practitioner="J. Physio")
        for x, y, r in large_regions(atlas):
            site = records.add_site(s.id, "posterior", x, y, muscle_id=r.muscle, side=r.side,
                                    layer=r.layer, level=r.level)
            records.update_site(site.id, grasp=grade)
        records.sign_session(s.id)
        ids.append(s.id)
    return ids


def _count_set_data(monkeypatch) -> list[HistoryOverlayItem]:
    calls: list[HistoryOverlayItem] = []
    real = HistoryOverlayItem.set_data

    def counting(item, *args, **kwargs):
        calls.append(item)
        return real(item, *args, **kwargs)

    monkeypatch.setattr(HistoryOverlayItem, "set_data", counting)
    return calls


def test_a_tap_or_a_selection_asks_nothing_of_the_overlay(make_window, records, patient, atlas,
                                                          monkeypatch):
    _signed_visits(records, patient.id, atlas, 3, grade=2)
    today = records.start_session(patient.id, practitioner="J. Physio")
    w = make_window()
    w.history_bar.show_earlier.setChecked(True)
    w.patients.select_patient(patient.id)
    w.patients.select_session(today.id)
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    item = w.overlay.item_for(w.chart.scene)
    assert item is not None and len(item.markers) == 6  # the three visits' two sites each
    calls = _count_set_data(monkeypatch)
    for x, y, r in large_regions(atlas, n=2):
        w.edits.add_site_at(r, x, y)  # a tap on the muscle: a site, selected
    assert len(w.edits.sites) == 2
    w.edits.select_site(w.edits.sites[0].id)
    w.edits.select_site(None)
    assert calls == []  # on main: every selection updated every chart's overlay
    assert len(item.markers) == 6


def test_a_chart_not_shown_is_drawn_again_when_shown(make_window, records, patient, atlas,
                                                     monkeypatch):
    _signed_visits(records, patient.id, atlas, 2, grade=3)
    other = records.create_patient(chart_number="OTHER-1", family_name="Other",
                                   given_name="Patient", sex="F")
    earlier = _signed_visits(records, other.id, atlas, 1, grade=1)
    records.start_session(other.id, practitioner="J. Physio")  # today's, no site yet: the
    # chart shown stays where it is when this patient opens
    w = make_window()
    w.history_bar.show_earlier.setChecked(True)
    w.patients.select_patient(patient.id)
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    posterior = w.overlay.item_for(w.chart.scene)
    assert posterior is not None and {m.grasp for m in posterior.markers} == {3}
    w.chart.set_view("anterior")  # the posterior chart is no longer shown
    anterior = w.overlay.item_for(w.chart.scene)
    assert anterior is not None and anterior is not posterior
    calls = _count_set_data(monkeypatch)
    w.patients.select_patient(other.id)
    assert w.chart.view_id == "anterior"
    assert posterior not in calls  # not drawn while not shown (on main: at each update)
    assert anterior in calls
    w.chart.set_view("posterior")  # shown again: the patient open now, the choice of now
    assert w.overlay.item_for(w.chart.scene) is posterior
    assert {m.grasp for m in posterior.markers} == {1} and len(posterior.markers) == 2
    assert w.overlay.drawn_ids() == earlier


def test_a_change_of_the_bar_draws_the_overlay_once(make_window, records, patient, atlas,
                                                    monkeypatch):
    from imsmap.ui.history_bar import HistoryBar

    _signed_visits(records, patient.id, atlas, 3, grade=2)
    w = make_window()
    w.patients.select_patient(patient.id)
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    w.history_bar.show_earlier.setChecked(False)
    shown: list[tuple] = []
    real = HistoryBar.show_state

    def counting(bar, chart, drawn, oldest, heat_vmax, **kwargs):
        shown.append((tuple(drawn), heat_vmax))
        return real(bar, chart, drawn, oldest, heat_vmax, **kwargs)

    monkeypatch.setattr(HistoryBar, "show_state", counting)
    w.history_bar.show_earlier.setChecked(True)
    assert len(shown) == 1 and len(shown[0][0]) == 2  # the visits before the open one; on main: twice
    w.menus.act_heat.trigger()  # the View menu's heat map: the bar's box follows, then the chart
    assert w.history_bar.heat.isChecked()
    assert len(shown) == 2 and shown[-1][1] is not None  # the heat scale in the legend
    item = w.overlay.item_for(w.chart.scene)
    assert item is not None and item.heat_on and len(item.markers) == 4
