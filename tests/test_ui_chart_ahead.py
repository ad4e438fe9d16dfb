"""The charts a visit is likely on are built while the window waits for its first patient
(ui.chart_panel.ChartPanel.build_ahead, run by ui.idle_work.IdleWork): the first open of a
patient whose visit is on the spinal chart no longer builds that chart's 401 paths nor its
muscles' looks (about 45 ms of a 100 ms open, issue 16's `history_open_cold_ms`). The work runs
a few milliseconds at a time between the event loop's passes: a tap meanwhile is handled as
always, and a chart shown before its turn is built once."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from time import perf_counter

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from imsmap.services.context import open_records
from imsmap.ui.chart_ahead import NUMBERS_AHEAD
from imsmap.ui.idle_work import SLICE_S, IdleWork
from imsmap.ui.main_window import MainWindow
from test_ui_support import close_windows, qt_settings  # noqa: F401 - fixture

BENCH = Path(__file__).resolve().parent.parent / "bench"
STEP_S = 0.001
MOST_A_SLICE = int(SLICE_S / STEP_S) + 1  # steps that start before the slice's time is up


def _burning(n: int, ran: list[int]):
    """n steps of at least STEP_S each; `ran` counts them."""
    for _ in range(n):
        end = perf_counter() + STEP_S
        while perf_counter() < end:
            pass
        ran[0] += 1
        yield


def test_each_pass_of_the_event_loop_runs_one_slice_of_steps(qtbot):
    owner = QObject()
    ran = [0]
    work = IdleWork(_burning(40, ran), owner)
    QCoreApplication.processEvents()
    assert 1 <= ran[0] <= MOST_A_SLICE and not work.done
    QCoreApplication.processEvents()
    assert 2 <= ran[0] <= 2 * MOST_A_SLICE
    qtbot.waitUntil(lambda: work.done, timeout=5_000)
    assert ran[0] == 40


def test_an_event_meanwhile_waits_one_slice_at_most(qtbot):
    owner = QObject()
    ran = [0]
    seen_by_a_timer: list[int] = []
    work = IdleWork(_burning(40, ran), owner)
    QTimer.singleShot(0, lambda: seen_by_a_timer.append(ran[0]))
    qtbot.waitUntil(lambda: work.done, timeout=5_000)
    assert seen_by_a_timer and seen_by_a_timer[0] <= MOST_A_SLICE


def test_the_work_stops_with_its_owner(qtbot):
    owner = QObject()
    ran = [0]
    IdleWork(_burning(400, ran), owner)
    QCoreApplication.processEvents()
    owner.deleteLater()
    qtbot.wait(50)
    after = ran[0]
    qtbot.wait(50)
    assert ran[0] == after < 400


# Put first on the first-open child's path: notes each path parsed, each muscle's fill made
# (ChartStyle.muscle_fill, which only a muscle's look asks) and each text outlined (render.text
# outlines a text once a process, by QPainterPath.addText), and whether the open made it (under
# bench/startup_child.py's _first_open) or the window before it.
_WATCH = """
import os, sys

def _note(what):
    frame, when = sys._getframe(2), "before"
    while frame is not None:
        if frame.f_code.co_name == "_first_open":
            when = "open"
            break
        frame = frame.f_back
    with open(os.environ["BUILT_WHEN"], "a", encoding="utf-8") as out:
        out.write(f"{when} {what}\\n")

class _Watch:
    def find_spec(self, name, path=None, target=None):
        if name not in self.names:
            return None
        import importlib.util
        self.names.discard(name)
        sys.meta_path.remove(self)  # (not asked again for the spec it looks up)
        spec = importlib.util.find_spec(name)
        if self.names:
            sys.meta_path.insert(0, self)
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            if name == "imsmap.render.paths":
                parse = module.parse_path

                def parse_path(d):
                    _note("path")
                    return parse(d)
                module.parse_path = parse_path
            elif name == "imsmap.render.text":
                class Outlined(module.QPainterPath):
                    def addText(self, x, y, font, text):
                        _note("text " + text)
                        return super().addText(x, y, font, text)
                module.QPainterPath = Outlined
            else:
                fill = module.ChartStyle.muscle_fill

                def muscle_fill(style, *a, **k):
                    _note("look")
                    return fill(style, *a, **k)
                module.ChartStyle.muscle_fill = muscle_fill
        spec.loader.exec_module = exec_module
        return spec

_w = _Watch()
_w.names = {"imsmap.render.paths", "imsmap.render.style", "imsmap.render.text"}
sys.meta_path.insert(0, _w)
"""


def test_the_first_open_after_start_finds_the_spinal_chart_built(db_path, tmp_path):
    """In the app's own process, as the benchmark's first open (bench/startup_child.py
    first_open: the window whole, 2 s, then the patient chosen): the chart's paths and looks,
    its landmarks' names, the markers' numbers and the overlay legend's words were all made
    before the open, which outlines no text at all."""
    records = open_records(db_path, actor="test.physio")
    spinal = records.atlas.view("spinal")
    regions = [r for r in spinal.regions if r.contains(*r.label)][:4]
    patient = records.create_patient(chart_number="S-1", family_name="Lee", given_name="Ana")
    for week in range(2):
        s = records.start_session(patient.id, practitioner="J. Physio",
                                  started_at=datetime(2026, 9, 1, 9) + timedelta(weeks=week))
        for r in regions:
            records.add_site(s.id, "spinal", *r.label, muscle_id=r.muscle, side=r.side,
                             layer=r.layer, level=r.level, grasp=1)
        records.sign_session(s.id)
    records.db.close()

    sys.path.insert(0, str(BENCH))
    try:
        import measure_startup
    finally:
        sys.path.remove(str(BENCH))
    inject = tmp_path / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(_WATCH, encoding="utf-8")
    built = tmp_path / "built_when.txt"
    env = measure_startup.child_env(tmp_path / "child")
    env.update(PYTHONPATH=str(inject), BUILT_WHEN=str(built))
    proc = subprocess.run([sys.executable, str(measure_startup.CHILD), "first_open", str(db_path),
                           str(patient.id)], env=env, capture_output=True, text=True, timeout=120)
    assert any(line.startswith("OPENED ") for line in proc.stdout.splitlines()), (
        proc.stdout, proc.stderr[-2000:])
    notes = built.read_text(encoding="utf-8").splitlines()
    before = [n for n in notes if n.startswith("before ")]
    # the spinal chart's 401 paths and 144 looks among what was built before the open
    assert before.count("before path") > 401 and before.count("before look") > 144
    numbers = {f"before text {n}" for n in range(1, NUMBERS_AHEAD + 1)}
    assert numbers <= set(before)
    assert [n for n in notes if n.startswith("open ")] == []


def _whole_window(context, session) -> MainWindow:
    """A window whole by its named step, its event loop not run yet: the build ahead has begun
    and nothing of it is done."""
    w = MainWindow(context)
    w.resize(1440, 900)
    w.build_rest()
    w.patients.select_patient(session.patient_id)
    w.patients.select_session(session.id)
    return w


def test_a_tap_while_the_charts_are_built_is_handled_and_the_work_goes_on(
        context, session, qtbot, qt_settings):  # noqa: F811
    w = _whole_window(context, session)
    try:
        work = w.chart.ahead
        assert work is not None and not work.done
        view = w.atlas.view(w.chart.view_id)
        region = next(r for r in view.regions if r.layer == w.chart.layer
                      and w.chart.scene.region_at(*r.label) is r)
        before = len(w.edits.sites)
        w.chart.regionClicked.emit(region, *region.label)
        assert len(w.edits.sites) == before + 1
        qtbot.waitUntil(lambda: work.done, timeout=10_000)
        assert len(w.edits.sites) == before + 1
    finally:
        close_windows(qtbot, [w])


def test_a_chart_shown_before_its_turn_is_built_once(context, session, qtbot,
                                                     qt_settings):  # noqa: F811
    w = _whole_window(context, session)
    try:
        w.chart.set_view("spinal")  # before the build ahead reaches it
        shown = w.chart.scene
        qtbot.waitUntil(lambda: w.chart.ahead.done, timeout=10_000)
        assert w.chart.scene is shown
        w.chart.set_view("anterior")
        w.chart.set_view("spinal")
        assert w.chart.scene is shown  # the one made when it was shown, kept
    finally:
        close_windows(qtbot, [w])
