"""A visit opened on another chart than the one shown (the chart switches to where it was
needled: ui.chart_panel.ChartPanel.show_where_sites_are) draws the earlier visits' overlay
once, on the chart it switches to, with that visit as the one open. Before, the chart's switch
drew the new chart's overlay while the window had not yet told it the session (the patient's
last visits, the open one among them), and the session then drew it again."""

from __future__ import annotations

from datetime import timedelta

from test_ui_history import START, large_regions
from test_ui_overlay_patient_order import _choose_in_list, _Watch
from test_ui_overlay_shown_scene import _signed_visits
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def _visits_on(records, patient_id: int, atlas, view_id: str, n: int, grade: int) -> list[int]:
    ids = []
    for i in range(n):
        s = records.start_session(patient_id, started_at=START + timedelta(days=7 * i),
                                  practitioner="J. Physio")
        for x, y, r in large_regions(atlas, view_id):
            site = records.add_site(s.id, view_id, x, y, muscle_id=r.muscle, side=r.side,
                                    layer=r.layer, level=r.level)
            records.update_site(site.id, grasp=grade)
        records.sign_session(s.id)
        ids.append(s.id)
    return ids


def test_a_visit_on_another_chart_is_drawn_once_where_it_was_needled(
        make_window, records, patient, atlas, monkeypatch):
    _signed_visits(records, patient.id, atlas, 3, grade=3)  # on the posterior chart
    other = records.create_patient(chart_number="FRONT-1", family_name="Front",
                                   given_name="Patient", sex="F")
    front = _visits_on(records, other.id, atlas, "anterior", 4, grade=1)
    w = make_window()
    w.history_bar.show_earlier.setChecked(True)
    _choose_in_list(w, patient.chart_number)
    assert w.chart.view_id == "posterior"
    watch = _Watch(monkeypatch)

    _choose_in_list(w, other.chart_number)

    assert w.session_panel.session.id == front[-1]  # their latest visit, open
    assert w.chart.view_id == "anterior"  # where it was needled
    earlier = tuple(front[-4:-1])  # the last three before it (the bar's default)
    assert watch.items == [(set(front), earlier, front[-1])]  # one drawing, this session's
    assert watch.bar_sessions == [(set(front), front[-1])]
    assert watch.states == [earlier]
    item = w.overlay.item_for(w.chart.scene)
    assert item is not None and item.scene() is w.chart.scene
    assert {m.grasp for m in item.markers} == {1}
    assert len(item.markers) == 2 * len(earlier)
    assert {m.session_id for m in item.markers} == set(earlier)
    assert w.history_bar.count.text() == "3 earlier shown"


def test_a_visit_on_the_chart_shown_is_drawn_once_there(make_window, records, patient, atlas,
                                                        monkeypatch):
    other = records.create_patient(chart_number="FRONT-2", family_name="Front",
                                   given_name="Patient", sex="F")
    front = _visits_on(records, other.id, atlas, "anterior", 3, grade=2)
    _visits_on(records, patient.id, atlas, "anterior", 2, grade=3)
    w = make_window()
    w.history_bar.show_earlier.setChecked(True)
    _choose_in_list(w, patient.chart_number)
    assert w.chart.view_id == "anterior"
    watch = _Watch(monkeypatch)

    _choose_in_list(w, other.chart_number)

    assert w.chart.view_id == "anterior"  # no switch: drawn by the window itself
    assert watch.items == [(set(front), tuple(front[:-1]), front[-1])]
    assert watch.states == [tuple(front[:-1])]
    item = w.overlay.item_for(w.chart.scene)
    assert {m.grasp for m in item.markers} == {2} and len(item.markers) == 4
