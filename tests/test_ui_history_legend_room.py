"""The history bar, and so the chart's view above it, is as tall for every patient: its height
follows the window's width, the language and what the clinician asks for (earlier sessions
shown, the heat map), never the patient open. At 1280 px the legend took one row for a patient
of one age and two for one of three ages or with the diamond of a muscle needled on another
chart: the bar went 112 <-> 130 px, the chart was resized and painted again at each open (the
warm open's main-thread CPU about 36 -> 45 ms) and jumped under the clinician's eyes. The
legend now keeps the rows of the longest it may say (OverlayLegend.room), where they take at
most two rows (OverlayLegend.ROOM_ROWS): from 1280 px up. At 960 px they took four in French,
and touch-sized at 960 x 540 with the bar opened they left the chart 68 px tall (82 before):
there the legend's rows follow its words, as before the room."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings

from test_ui_french import clinic_data, french  # noqa: F401 - fixtures
from test_ui_history import START, large_regions
from test_ui_history_drafts import site_at
from test_ui_history_other_charts import GMIN_POST
from test_ui_overlay_patient_order import _choose_in_list
from test_ui_overlay_shown_scene import _signed_visits
from test_ui_support import (  # noqa: F401 - fixtures
    click_chart,
    make_window,
    open_visit,
    qt_settings,
    touch_sized,
)

# where the window has room: the bar keeps its height (at 960 x 540 it folds, and the
# legend keeps no room: OverlayLegend.ROOM_ROWS)
ROOMY = [(1280, 690), (1366, 768), (1920, 1050)]


@pytest.fixture
def patients(records, atlas):
    """Chart numbers of patients whose last visit open shows 0, 1, 2 and 3 earlier ages, one of
    three ages with a muscle needled on the posterior deep chart (a diamond on the lateral
    one), and one with drafts left unsigned before today's."""
    out = []
    for visits, chart_number in ((0, "NONE-0"), (2, "AGES-1"), (3, "AGES-2"), (4, "AGES-3")):
        p = records.create_patient(chart_number=chart_number, family_name="Room",
                                   given_name=chart_number, sex="F")
        _signed_visits(records, p.id, atlas, visits, grade=1)
        out.append(chart_number)
    p = records.create_patient(chart_number="DIAMOND-3", family_name="Room", given_name="Diamond",
                               sex="M")
    for i in range(4):
        s = records.start_session(p.id, started_at=START + timedelta(days=7 * i),
                                  practitioner="J. Physio")
        region = atlas.view("posterior").region(GMIN_POST)
        site = records.add_site(s.id, "posterior", *region.label, muscle_id=region.muscle,
                                side=region.side, layer=region.layer, level=region.level)
        records.update_site(site.id, grasp=3)
        records.sign_session(s.id)
    out.append("DIAMOND-3")
    p = records.create_patient(chart_number="DRAFTS-1", family_name="Room", given_name="Drafts",
                               sex="F")
    a, b = large_regions(atlas)
    for i, sign in enumerate((True, False, True, False)):  # two signed, one left, today's
        s = records.start_session(p.id, started_at=START + timedelta(days=7 * i),
                                  practitioner="J. Physio")
        site_at(records, s.id, a if sign else b, 2)
        if sign and i < 3:
            records.sign_session(s.id)
    out.append("DRAFTS-1")
    return out


@pytest.fixture(params=["en", "fr_CA"])
def language(request):
    """The test in English and in French (the French catalog installed)."""
    if request.param == "fr_CA":
        request.getfixturevalue("french")
    return request.param


@pytest.fixture
def earlier_window(qtbot, make_window, language):
    """`earlier_window(size)`: the window at `size` in the test's `language`, earlier sessions
    shown (and the heat map asked for, with `heat=True`)."""

    def make(size: tuple[int, int], heat: bool = False):
        w = make_window()
        w.resize(*size)
        w.history_bar.show_earlier.setChecked(True)
        if heat:
            w.history_bar.heat.setChecked(True)
        qtbot.wait(20)
        return w

    return make


def _sizes(qtbot, w, chart_numbers) -> tuple[dict, set]:
    """The bar's and the chart view's sizes (with the patients who had them) on the posterior
    and the lateral deep charts, and what the bar said for each patient (its ages, the
    diamond, the drafts' words)."""
    bar = w.history_bar
    sizes: dict[tuple, list[str]] = {}
    states = set()
    for chart_number in chart_numbers:
        _choose_in_list(w, chart_number)
        qtbot.wait(20)
        for view, layer in (("posterior", "superficial"), ("lateral_right", "deep")):
            w.chart.set_view(view)
            w.chart.set_layer(layer)
            qtbot.wait(20)
            if bar.compact and not bar.more.isChecked():  # 960 px: the bar unfolded too
                bar.more.setChecked(True)
                qtbot.wait(20)
            # (per chart: another chart's tabs or layers may take other room above it)
            size = (view, bar.size().toTuple(), w.chart.view.size().toTuple(),
                    bar.legend.height())
            sizes.setdefault(size, []).append(chart_number)
            states.add((len(bar.legend.ages), bar.legend.elsewhere, bool(bar.drafts.text())))
    return sizes, states


@pytest.mark.parametrize("size", ROOMY, ids=[f"{w}px" for w, _ in ROOMY])
def test_the_bar_and_the_chart_keep_their_size_from_one_patient_to_the_next(
        qtbot, earlier_window, patients, size, touch_sized):
    w = earlier_window(size)
    bar = w.history_bar
    sizes, states = _sizes(qtbot, w, patients)
    # the cases: no age, one, two, three ages, the diamond or none, drafts or none
    assert {ages for ages, _, _ in states} == {0, 1, 2, 3}, states
    assert (3, True, False) in states and (3, False, False) in states, states
    assert any(drafts for _, _, drafts in states), states
    # one per chart (touch-sized in French at 1280 x 690 the bar folds, as it did before the
    # room, for every patient: opened, it is as tall for each of them)
    assert len(sizes) == 2, sizes
    # the room costs no fold from 1280 px up, mouse-sized (at 1280 x 690 in French three rows
    # folded it)
    assert touch_sized or not bar.compact
    # and the legend's words inside it: its rows are those of the longest (with the diamond)
    legend = bar.legend
    assert legend.height() >= legend.heightForWidth(legend.width())
    assert legend.kept_rows() == legend.room_rows() >= legend.rows()


def test_at_960_px_the_legend_keeps_no_room_and_its_rows_follow_the_patient(
        qtbot, earlier_window, patients):
    """At 960 px the longest words take three rows (four in French): no room is kept, the
    legend takes the rows of its own words, one patient or the next (OverlayLegend.ROOM_ROWS);
    where the bar is folded on the short chart, one row (OverlayLegend.one_line)."""
    w = earlier_window((960, 540))
    bar = w.history_bar
    sizes, states = _sizes(qtbot, w, patients)
    assert {ages for ages, _, _ in states} == {0, 1, 2, 3}, states
    legend = bar.legend
    assert legend.room_rows() > legend.ROOM_ROWS
    assert legend.kept_rows() == legend.rows()
    if bar.compact:  # folded (English: the chart is short), opened: one row for every patient
        assert legend.one_line() and legend.rows() == 1
        # (the drafts' words, on a second line in French, still make the bar taller)
        assert {size[3] for size in sizes} == {legend.ROW}, sizes
    else:
        assert len(sizes) > 2, sizes  # (the chart of a patient of one age taller than of three)


def test_the_touch_sized_french_chart_at_960_x_540_keeps_its_height_with_the_bar_opened(
        qtbot, make_window, french, clinic_data):
    """Touch-sized, in French, at 960 x 540, the history bar opened: the room the legend kept
    (four rows, for the longest ages and the diamond) left the chart 68 px tall for the
    patient of one age (82 px before it, 85 with the shorter title), too short for a tap on the
    lower trapezius to open the muscle chooser (test_ui_chooser_width). The chart is as tall
    as with the legend's own rows."""
    QSettings().setValue("window/touch_sized", True)
    first, second = clinic_data
    w = open_visit(qtbot, make_window, second, (960, 540))
    bar = w.history_bar
    assert bar.compact  # the case: the bar folds on this short chart
    bar.more.setChecked(True)
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    qtbot.wait(50)
    legend = bar.legend
    assert len(legend.ages) == 1 and legend.rows() < legend.room_rows()
    kept = w.chart.view.height()
    # The same window with no room given to the legend: its own rows, as before the room.
    legend.room = []
    legend.updateGeometry()
    bar.updateGeometry()
    qtbot.wait(50)
    assert legend.kept_rows() == legend.rows()
    own = w.chart.view.height()
    # (and taller than that now: on the folded bar the legend takes one row, below)
    assert kept >= own, (kept, own)
    assert own >= 82  # as tall as before the room (82 px measured on main, 7 December)


def test_at_960_x_540_touch_sized_french_the_tallest_legend_takes_one_row_and_a_tap_adds_a_site(
        qtbot, make_window, french, patients, records):
    """Touch-sized, in French, at 960 x 540, the history bar opened, for the patient of three
    ages and the diamond (the tallest legend: four rows) on the lateral deep chart: the legend
    left the chart 100 px tall (82 on the posterior chart). On the folded bar the legend takes one row, each marker
    with its age in visits, every word in its tooltip; the chart keeps 140 px or more, and a
    tap on a muscle there adds a site."""
    QSettings().setValue("window/touch_sized", True)
    (patient,) = records.read.search_patients("DIAMOND-3")
    today = records.start_session(patient.id, started_at=START + timedelta(days=28),
                                  practitioner="J. Physio")
    w = make_window()
    w.resize(960, 540)
    _choose_in_list(w, "DIAMOND-3")
    w.patients.select_session(today.id)
    w.chart.set_view("lateral_right")
    w.chart.set_layer("deep")
    qtbot.wait(50)
    bar = w.history_bar
    assert bar.compact  # the case: the bar folds on this short chart
    bar.more.setChecked(True)
    qtbot.wait(50)
    legend = bar.legend
    assert len(legend.ages) == 3 and legend.elsewhere
    assert w.chart.view.height() >= 140, w.chart.view.height()  # 100 before
    assert legend.room_rows() > legend.ROOM_ROWS  # its words would take more than two rows
    assert legend.kept_rows() == 1 and legend.height() == legend.ROW
    tip = legend.tool_tip()
    assert all(f"{age} : {text}" in tip for age, text in legend.ages), tip
    assert legend.elsewhere_text() in tip
    # a tap on a muscle of the chart as it is shown (not under the search box)
    view = w.chart.view
    shown = view.viewport().rect().adjusted(0, 0, 0, -(w.chart.search.height() + 12))
    scene = w.chart.scene
    region = next(r for r in sorted(scene.chart.regions(), key=lambda r: -r.area)
                  if scene.region_at(*r.label) is r
                  and shown.contains(view.mapFromScene(*r.label)))
    click_chart(qtbot, w, *region.label)
    qtbot.wait(20)
    (site,) = records.repo.sites_for_session(today.id)
    assert site.muscle_id == region.muscle


def test_the_settings_change_the_bar_the_same_for_every_patient(
        qtbot, earlier_window, patients):
    """Earlier sessions hidden, or the heat map on: the bar's height changes with the setting,
    and stays the same from one patient to the next."""
    w = earlier_window((1280, 690), heat=True)
    bar = w.history_bar
    sizes, _ = _sizes(qtbot, w, patients)
    assert len(sizes) == 2, sizes  # one per chart
    bar.heat.setChecked(False)
    bar.show_earlier.setChecked(False)
    qtbot.wait(20)
    sizes, states = _sizes(qtbot, w, patients)
    assert {ages for ages, _, _ in states} == {0}
    assert len(sizes) == 2, sizes  # one per chart

