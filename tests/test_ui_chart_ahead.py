"""The charts a visit is likely on are built while the window waits for its first patient
(ui.chart_panel.ChartPanel.build_ahead, run by ui.idle_work.IdleWork): the first open of a
patient whose visit is on the spinal chart no longer parses that chart's 401 paths (about 45 ms
of a 100 ms open, issue 16's `history_open_cold_ms`). The work runs a few milliseconds at a time
between the event loop's passes: a tap meanwhile is handled as always, and a chart shown before
its turn is built once."""

from __future__ import annotations

from time import perf_counter

import pytest
from PySide6.QtCore import QObject, QTimer

import imsmap.render.paths as render_paths
from imsmap.render import chart_painter
from imsmap.ui.chart_panel import FIRST_TABS
from imsmap.ui.idle_work import SLICE_S, IdleWork
from test_ui_overlay_chart_switch import _visits_on
from test_ui_overlay_patient_order import _choose_in_list
from test_ui_support import make_window, pick_region, qt_settings  # noqa: F401 - fixtures

STEP_S = 0.001


def _burning(n: int, ran: list[int]):
    """n steps of at least STEP_S each; `ran` counts them."""
    for _ in range(n):
        end = perf_counter() + STEP_S
        while perf_counter() < end:
            pass
        ran[0] += 1
        yield


def test_the_steps_run_a_slice_at_a_time_between_the_event_loops_passes(qtbot):
    owner = QObject()
    ran = [0]
    seen_by_a_timer: list[int] = []
    work = IdleWork(_burning(40, ran), owner)
    QTimer.singleShot(0, lambda: seen_by_a_timer.append(ran[0]))  # an event meanwhile
    qtbot.waitUntil(lambda: work.done, timeout=5_000)
    assert ran[0] == 40
    # The timer's event was handled while the work went on, after a slice at most.
    assert seen_by_a_timer and seen_by_a_timer[0] <= SLICE_S / STEP_S + 1


def test_a_slice_stops_within_its_time(qtbot):
    owner = QObject()
    ran = [0]
    work = IdleWork(_burning(40, ran), owner)
    work._slice()  # one pass of the event loop's
    assert 1 <= ran[0] <= SLICE_S / STEP_S + 1
    assert not work.done
    qtbot.waitUntil(lambda: work.done, timeout=5_000)
    assert ran[0] == 40


def test_the_work_stops_with_its_owner(qtbot):
    owner = QObject()
    ran = [0]
    IdleWork(_burning(400, ran), owner)
    qtbot.wait(1)
    before = ran[0]
    owner.deleteLater()
    qtbot.wait(50)
    after = ran[0]
    qtbot.wait(50)
    assert ran[0] == after < 400 and after - before <= 2 * (SLICE_S / STEP_S + 1)


@pytest.fixture
def nothing_built():
    """No chart's paths built yet in this process (earlier tests built them)."""
    for cached in (render_paths._build, chart_painter._bounds, chart_painter._padded_bounds,
                   chart_painter._joined, chart_painter._apart):
        cached.cache_clear()


@pytest.fixture
def parsed(monkeypatch):
    """Path texts parsed from now on."""
    texts: list[str] = []
    parse = render_paths.parse_path

    def counting(d):
        texts.append(d)
        return parse(d)

    monkeypatch.setattr(render_paths, "parse_path", counting)
    return texts


def test_the_first_open_on_the_spinal_chart_finds_it_built(
        nothing_built, make_window, records, patient, atlas, parsed, qtbot, monkeypatch):
    _visits_on(records, patient.id, atlas, "spinal", 2, grade=2)
    w = make_window()
    assert w.chart.view_id == "anterior"  # where a window starts
    qtbot.waitUntil(lambda: w.chart.ahead is not None and w.chart.ahead.done, timeout=10_000)
    for view_id in FIRST_TABS:
        layer = atlas.view(view_id).layer_ids[0]
        assert (view_id, layer) in w.chart._scenes
    del parsed[:]
    looks = []  # a muscle's fill and pens made (kept by its chart's painter)
    make_look = chart_painter.ChartPainter._region_look
    monkeypatch.setattr(chart_painter.ChartPainter, "_region_look",
                        lambda self, *a: looks.append(a) or make_look(self, *a))

    _choose_in_list(w, patient.chart_number)
    w.chart.view.viewport().repaint()  # the chart's first paint at its size

    assert w.chart.view_id == "spinal"  # where the visit was needled
    assert w.chart.scene.markers  # its sites shown
    assert parsed == []  # every path was built before the patient was chosen
    assert looks == []  # and every muscle's look


def test_a_tap_while_the_charts_are_built_is_handled_and_the_work_goes_on(
        nothing_built, make_window, records, session, qtbot):
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    work = w.chart.ahead
    assert work is not None and not work.done  # (a window whole a moment ago)
    region = pick_region(w)
    before = len(w.edits.sites)
    w.chart.regionClicked.emit(region, *region.label)
    assert len(w.edits.sites) == before + 1
    qtbot.waitUntil(lambda: work.done, timeout=10_000)
    assert len(w.edits.sites) == before + 1


def test_a_chart_shown_before_its_turn_is_built_once(nothing_built, make_window, atlas, qtbot):
    w = make_window()
    assert not w.chart.ahead.done
    w.chart.set_view("spinal")  # before the idle work reaches it
    shown = w.chart.scene
    qtbot.waitUntil(lambda: w.chart.ahead.done, timeout=10_000)
    layer = atlas.view("spinal").layer_ids[0]
    assert w.chart._scenes[("spinal", layer)] is shown is w.chart.scene
    assert [k for k in w.chart._scenes if k[0] == "spinal"] == [("spinal", layer)]
