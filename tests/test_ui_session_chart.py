"""A visit opened is shown where it was needled: the chart that shows none of its sites gives
way to the chart (and layer) with the most of them. Mensah's signed visit opened on the front
view, an empty chart, its sites on the back and the spine."""

from __future__ import annotations

from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def _needle(records, session_id, view_id, n, layer="superficial"):
    regions = [r for r in records.atlas.view(view_id).regions_on(layer) if r.area > 2000]
    for region in regions[:n]:
        records.add_site(session_id, view_id, *region.label, layer=layer)


def test_a_visit_opens_on_the_chart_where_it_was_needled(qtbot, make_window, records, patient):
    back = records.start_session(patient.id)
    _needle(records, back.id, "posterior", 3)
    _needle(records, back.id, "spinal", 2)
    front = records.start_session(patient.id)
    _needle(records, front.id, "anterior", 1)
    _needle(records, front.id, "posterior", 1)
    empty = records.start_session(patient.id)
    w = make_window(patient_id=patient.id, session_id=front.id)
    w.chart.set_view("anterior")
    w.patients.select_session(back.id)
    qtbot.waitUntil(lambda: w.session_id == back.id)
    assert w.chart.view_id == "posterior"  # three of its five sites
    w.chart.set_view("spinal")  # a chart with some of its sites: kept
    w.patients.select_session(front.id)
    qtbot.waitUntil(lambda: w.session_id == front.id)
    assert w.chart.view_id == "anterior"  # a tie: the first in tab order
    w.chart.set_view("posterior")
    w.patients.select_session(back.id)
    qtbot.waitUntil(lambda: w.session_id == back.id)
    assert w.chart.view_id == "posterior"  # some of its sites here: the clinician's choice kept
    w.chart.set_view("hand_dorsal")
    w.patients.select_session(empty.id)
    qtbot.waitUntil(lambda: w.session_id == empty.id)
    assert w.chart.view_id == "hand_dorsal"  # nothing needled yet: the chart as it was


def test_a_visit_needled_only_on_a_deep_layer_opens_on_that_layer(qtbot, make_window, records,
                                                                    patient):
    deep = next(lay.id for lay in records.atlas.view("posterior").layers[1:])
    s = records.start_session(patient.id)
    _needle(records, s.id, "posterior", 2, layer=deep)
    other = records.start_session(patient.id)
    w = make_window(patient_id=patient.id, session_id=other.id)
    w.chart.set_view("anterior")
    w.patients.select_session(s.id)
    qtbot.waitUntil(lambda: w.session_id == s.id)
    assert (w.chart.view_id, w.chart.layer) == ("posterior", deep)
