"""The benchmark harness measures what its keys say (bench/, issue 16): a cold measurement starts
with nothing cached, and a delay injected into the measured path shows up in the figure.

Not timed tests: each delay is a lower bound the figure must reach (a sleep takes at least its
time), and the figures' values are never compared with targets here.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import common  # noqa: E402
import measure_cold  # noqa: E402

from imsmap.services.context import open_context, open_records  # noqa: E402
from support import spot  # noqa: E402

DELAY_S = 0.15


@pytest.fixture
def bench_app(qapp, monkeypatch):
    """The harness's Qt application is the test's (its message handler stays pytest-qt's)."""
    monkeypatch.setattr(common, "shared_app", qapp)
    return qapp


@pytest.fixture
def history_db(db_path):
    """A patient with six signed visits of five sites; returns (database, patient id)."""
    records = open_records(db_path, actor="test.physio")
    patient = records.create_patient(chart_number="H-1", family_name="Lee", given_name="Ana")
    for week in range(6):
        s = records.start_session(patient.id, practitioner="J. Physio",
                                  started_at=datetime(2026, 9, 1, 9) + timedelta(weeks=week))
        for i in range(5):
            view, x, y, muscle, side = spot(records.atlas, i)
            records.add_site(s.id, view, x, y, muscle_id=muscle, side=side, grasp=i % 4)
        records.sign_session(s.id)
    records.db.close()
    return db_path, patient.id


def test_a_cold_history_open_starts_with_nothing_cached(bench_app, history_db, tmp_path):
    db, pid = history_db
    records, window = measure_cold.fresh_window(db, tmp_path / "qs")
    try:
        assert measure_cold.cached_histories(window) == 0  # a new window holds no history
    finally:
        measure_cold.close_window(records, window)
    result = measure_cold.measure_history_cold(db, tmp_path / "qs", pid, reps=2,
                                               workdir=tmp_path / "run")
    assert result.value is not None and result.value > 0, result.note
    # the figure is the first open after the app started, each in a new process; the open in
    # a new window of a running app is beside it
    assert len(result.extra["runs_ms"]) == 2 and result.extra["new_window_ms"] > 0
    # in the window a clinic's screen opens, not one on the offscreen platform's 800 x 600
    # screen (narrower than the window's least width: rows wrapped, the chart 231 px wide)
    assert result.extra["window"] == "1440x900"


def test_a_history_cached_before_the_open_is_refused(bench_app, history_db, tmp_path,
                                                     monkeypatch):
    db, pid = history_db
    real = measure_cold.fresh_window

    def warmed(*args, **kwargs):
        records, window = real(*args, **kwargs)
        window.histories.history(pid)  # someone warmed the cache: not a cold open
        return records, window

    monkeypatch.setattr(measure_cold, "fresh_window", warmed)
    result = measure_cold.measure_history_cold(db, tmp_path / "qs", pid, reps=1,
                                               workdir=tmp_path / "run")
    assert result.value is None and "cached before the cold open" in result.note


def test_a_delay_in_opening_a_history_shows_in_the_cold_figure(bench_app, history_db,
                                                               tmp_path, monkeypatch):
    """In the app processes the figure is taken in (the delay put there by a sitecustomize
    module on their path: longer than the first open itself takes, so that the figure shows
    whether it was there) and in the benchmark's own new window."""
    child_delay_s = 2.0
    from imsmap.store.repository import Repository

    db, pid = history_db
    inject = tmp_path / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(
        "import time\n"
        "from imsmap.store.repository import Repository\n"
        "_real = Repository.sessions_for_patient\n"
        "def _slow(self, patient_id):\n"
        f"    time.sleep({child_delay_s})\n"
        "    return _real(self, patient_id)\n"
        "Repository.sessions_for_patient = _slow\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(inject))
    real = Repository.sessions_for_patient

    def slow(self, patient_id):
        time.sleep(DELAY_S)
        return real(self, patient_id)

    monkeypatch.setattr(Repository, "sessions_for_patient", slow)
    result = measure_cold.measure_history_cold(db, tmp_path / "qs", pid, reps=1,
                                               workdir=tmp_path / "run")
    assert result.value >= child_delay_s * 1000, result.note
    assert DELAY_S * 1000 <= result.extra["new_window_ms"] < child_delay_s * 1000



def test_work_on_the_window_s_thread_shows_in_the_first_open_s_main_thread_cpu(
        bench_app, history_db, tmp_path, monkeypatch):
    """The first open's main-thread CPU (the window's own work, without the start-up check's
    and journal's threads that the process's CPU also counts) holds CPU work put in the
    history's read (a busy loop of `busy_s` in the app process, by a sitecustomize module)."""
    busy_s = 0.6
    db, pid = history_db
    inject = tmp_path / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(
        "import time\n"
        "from imsmap.store.repository import Repository\n"
        "_real = Repository.sessions_for_patient\n"
        "def _busy(self, patient_id):\n"
        "    end = time.thread_time() + " + repr(busy_s) + "\n"
        "    while time.thread_time() < end:\n"
        "        pass\n"
        "    return _real(self, patient_id)\n"
        "Repository.sessions_for_patient = _busy\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(inject))
    times, cpus, held, sizes, mains = measure_cold.first_opens(db, tmp_path / "run", pid, 1)
    assert held == [0] and sizes == ["1440x900"]
    assert mains[0] >= busy_s and cpus[0] >= mains[0] and times[0] >= busy_s


def test_a_delay_in_painting_the_overlay_shows_in_the_cold_overlay_figure(
        bench_app, history_db, tmp_path, monkeypatch):
    import measure_ui

    from imsmap.ui import history_overlay

    db, pid = history_db
    context = open_context(db, actor="bench")
    bench = measure_ui.WindowBench(context, tmp_path / "qs")
    try:
        real = history_overlay.paint_overlay  # the earlier markers, painted by the item
        painted = []

        def slow(*args, **kwargs):
            painted.append(1)
            time.sleep(DELAY_S)
            real(*args, **kwargs)

        monkeypatch.setattr(history_overlay, "paint_overlay", slow)
        result = measure_cold.measure_overlay_cold(bench, pid, reps=2)
    finally:
        bench.close()
        context.close()
    assert painted, "the zoom step repainted no overlay: its cache was not invalid"
    assert result.value >= DELAY_S * 1000, result.note


def test_the_window_bench_starts_once_the_window_is_whole_however_late(bench_app, history_db,
                                                                      tmp_path, monkeypatch):
    # On a loaded machine the window's step 2 (build_rest) came ~0.45 s after show, later than
    # the fixed wait the bench had: figures then timed a half-built window, or failed.
    import measure_ui
    from PySide6.QtCore import QTimer

    from imsmap.ui.main_window import MainWindow

    real = MainWindow.after_first_paint

    def late(self):
        QTimer.singleShot(450, self, lambda: real(self))

    monkeypatch.setattr(MainWindow, "after_first_paint", late)
    db, _pid = history_db
    context = open_context(db, actor="bench")
    bench = measure_ui.WindowBench(context, tmp_path / "qs")
    try:
        assert bench.window.built
    finally:
        bench.close()
        context.close()


def test_a_delay_in_the_journal_shows_in_sign_backup_ms(bench_app, history_db, tmp_path,
                                                        monkeypatch):
    from imsmap.store import journal

    db, _pid = history_db
    real = journal.append

    def slow(*args, **kwargs):
        time.sleep(DELAY_S)
        return real(*args, **kwargs)

    monkeypatch.setattr(journal, "append", slow)
    result = measure_cold.measure_sign_backup(db, tmp_path / "qs", tmp_path / "backups", 1)
    assert result.value is not None, result.note
    assert result.value >= DELAY_S * 1000, result.note


def test_a_commit_waiting_during_the_backup_shows_in_the_tap_figures(bench_app, history_db,
                                                                      tmp_path, monkeypatch):
    """A tap whose commit waits (for the disk, behind a backup's writes) shows in the slowest
    tap and, apart, in the slowest commit."""
    from imsmap.services.records import Records

    db, _pid = history_db
    real, calls = Records.add_site, []

    def slow_once(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 5:  # after the three warm-up taps, while the backup runs
            time.sleep(DELAY_S)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Records, "add_site", slow_once)
    result = measure_cold.measure_click_during_backup(db, tmp_path / "qs",
                                                      tmp_path / "backups", 4)
    assert result.value is not None, result.note
    assert result.extra["max_ms"] >= DELAY_S * 1000, result.extra
    assert result.extra["slowest_commit_ms"] >= DELAY_S * 1000, result.extra
    assert result.extra["commits_over_100_ms"] >= 1, result.extra


def test_the_cold_open_sets_the_overlay_it_names_whatever_an_earlier_window_left(
        bench_app, history_db, tmp_path):
    # The window restores the overlay from the settings; the overlay benchmark leaves it at
    # the last 99 visits with the heat map. The cold figure is taken as the window starts
    # (three visits, no heat), and beside it with 99 and the heat map, either way.
    from imsmap.ui.window_settings import OVERLAY_HEAT, OVERLAY_LAST_N

    db, pid = history_db
    measure_cold.qt_app(tmp_path / "qs")
    OVERLAY_LAST_N.write(measure_cold.HEAVY_OVERLAY)
    OVERLAY_HEAT.write(True)
    result = measure_cold.measure_history_cold(db, tmp_path / "qs", pid, reps=1,
                                               workdir=tmp_path / "run")
    assert result.value is not None, result.note
    assert result.extra["visits_drawn"] == 3  # of the six visits, the three before the last
    assert result.extra["heavy_overlay_visits_drawn"] == 5  # every earlier one
    assert result.extra["new_window_heavy_overlay_ms"] > 0


def test_a_child_reports_its_own_peak_memory_not_its_parents(tmp_path):
    # subprocess starts the children by vfork: until exec they share the parent's memory, and
    # ru_maxrss keeps that peak across exec. The benchmark's parent, after its windows and
    # histories, peaks above the app it measures; peak_rss_mb must be the app's own.
    import resource

    import measure_startup

    ballast = bytearray(600 * 1024 * 1024)
    ballast[::4096] = b"x" * len(range(0, len(ballast), 4096))  # touched: resident
    parent_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert parent_peak_mb > 600
    env = measure_startup.child_env(tmp_path)
    _t, child_peak_mb, _cpu = measure_startup.run_child(["bare"], env)
    del ballast
    assert 20 < child_peak_mb < 300  # a bare window; never the parent's 600 MB and more


def test_a_new_sessions_opening_is_painted_before_the_first_tap_is_timed(bench_app, history_db,
                                                                         tmp_path, monkeypatch):
    # One pass of the event loop after opening a session leaves pending what the opening
    # changed: at a patient's second visit the legend gains its earlier sites' words, in a
    # narrow chart on a second row, so the history bar grows, the chart view shrinks and the
    # whole chart is painted again at its new size (before the heat row was kept from the first
    # visit on, the heat scale did the same at any width); the first timed tap of each session
    # paid it (about 45 ms of CPU).
    import measure_ui

    from imsmap.render.chart_painter import ChartPainter
    from imsmap.ui.history_bar import OverlayChoice, OverlayMode

    painted = []
    real = ChartPainter.paint_base

    def counted(self, *args, **kwargs):
        painted.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(ChartPainter, "paint_base", counted)
    # The bar grows and the chart is painted smaller: at 900 x 800 the bar would fold instead
    # (ui.short_chart), which is not the case under test.
    monkeypatch.setattr("imsmap.ui.short_chart.SHARE", 0.0)
    db, _pid = history_db
    context = open_context(db, actor="bench")
    bench = measure_ui.WindowBench(context, tmp_path / "qs")
    try:
        w, records = bench.window, bench.records
        pid = measure_ui.bench_patient(records)  # no visit yet, as the benchmark's patient
        w.patients.select_patient(pid)
        bar = w.history_bar  # as the click benchmark finds it (window_overlay)
        # The legend keeps the room of its longest words for every patient and visit
        # (OverlayLegend.room), so an opening no longer resizes the chart in the app: without
        # that room, its rows follow its words again, the case of an opening that leaves a
        # resized chart's paint pending, which the harness must still take before timing.
        bar.legend.room = []
        w.resize(900, 800)  # as narrow as the window goes: the legend's words wrap in time
        common.pump(bench.app, 0.1)
        bar.show_earlier.setChecked(True)
        bar.heat.setChecked(True)
        bar.set_choice(OverlayChoice(mode=OverlayMode.LAST, last_n=100))
        region = next(r for r in records.atlas.view(w.chart.view_id).regions
                      if r.layer == w.chart.layer and r.contains(*r.label))
        session = measure_ui.open_new_session(records, w, bench.app, pid)
        for _visit in range(6):  # the visit at which the legend's words take a second row
            records.add_site(session, w.chart.view_id, *region.label)
            # signed: an earlier visit, aged in the legend (a draft is none, and the bar keeps
            # the room of the drafts' words: they no longer grow it, ui.history_bar)
            records.sign_session(session)
            common.pump(bench.app, 0.1)
            height = bar.height()
            painted.clear()
            session = measure_ui.open_new_session(records, w, bench.app, pid)
            if bar.height() > height:
                break
        else:
            pytest.fail("the legend never grew: nothing to repaint")
        assert painted, "opening the session repainted no chart"
        painted.clear()
        common.pump(bench.app, 0.1)
        assert not painted, "the opening's paint was still pending after it returned"
    finally:
        bench.close()
        context.close()


# A child of the start-up benchmark that sleeps in one constructor of the window: IMSMAP_SLOW
# names it ("module:Class"), IMSMAP_SLOW_S how long. Then the benchmark's own child, unchanged.
_SLOW_CHILD = """
import os, sys, time
sys.path.insert(0, {bench!r})
import startup_child

module_name, class_name = os.environ["IMSMAP_SLOW"].split(":")
seconds = float(os.environ["IMSMAP_SLOW_S"])


def slow(module):
    cls = getattr(module, class_name)
    real = cls.__init__

    def init(self, *args, **kwargs):
        time.sleep(seconds)
        real(self, *args, **kwargs)

    cls.__init__ = init


sys.meta_path.insert(0, startup_child._PatchOnImport(module_name, slow))
mode = sys.argv[1]
startup_child.app(sys.argv[2], workload=False, interactive=mode == "interactive")
"""


def _slow_start(history_db, tmp_path, monkeypatch, where: str, seconds: float, mode: str):
    import measure_startup

    db, _pid = history_db
    child = tmp_path / "slow_child.py"
    child.write_text(_SLOW_CHILD.format(bench=str(BENCH)), encoding="utf-8")
    monkeypatch.setattr(measure_startup, "CHILD", child)
    env = measure_startup.child_env(tmp_path)
    env.update(IMSMAP_SLOW=where, IMSMAP_SLOW_S=str(seconds))
    tag = "INTERACTIVE" if mode == "interactive" else "PAINTED"
    t, _rss, _cpu = measure_startup.run_child([mode, str(db)], env, timeout=120, tag=tag)
    return t


def test_a_delay_before_the_chart_is_painted_shows_in_both_start_up_figures(
        history_db, tmp_path, monkeypatch):
    # The chart panel is built in the window's step 1, before its first paint.
    for mode in ("app", "interactive"):
        t = _slow_start(history_db, tmp_path, monkeypatch, "imsmap.ui.chart_panel:ChartPanel",
                        DELAY_S, mode)
        assert t >= DELAY_S, (mode, t)


def test_the_whole_window_figure_waits_for_step_2_and_the_first_paint_figure_does_not(
        history_db, tmp_path, monkeypatch):
    # The patient list is built in step 2 (build_rest), after the chart's first paint:
    # startup_interactive_s pays a delay there, startup_s never waits for it (its child
    # leaves at the first paint, long before a minute's sleep would end).
    t = _slow_start(history_db, tmp_path, monkeypatch, "imsmap.ui.patient_panel:PatientPanel",
                    DELAY_S, "interactive")
    assert t >= DELAY_S, t
    t = _slow_start(history_db, tmp_path, monkeypatch, "imsmap.ui.patient_panel:PatientPanel",
                    60.0, "app")
    assert t < 60.0, t


def test_a_stale_benchmark_database_goes_with_its_holds_folder(tmp_path):
    """A database of an older generator or atlas is rebuilt; the window the benchmark ran had
    made its drafts' holds folder beside it, which stopped the rebuild (IsADirectoryError)
    after the old file was already deleted."""
    from bench import datagen

    params = datagen.Params(patients=3, sessions=6, sites=30, heavy_sessions=2, heavy_sites=2,
                            progress_sessions=2, progress_sites=2)
    stale = tmp_path / "bench-3p-30s-000000000000.sqlite3"
    stale.write_bytes(b"old")
    (tmp_path / f"{stale.name}-holds").mkdir()
    (tmp_path / f"{stale.name}-holds" / "session-1.lock").write_text("{}")
    path, meta = datagen.ensure_database(tmp_path, params, log=lambda *_: None)
    assert path.exists() and not meta.get("reused")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in tmp_path.iterdir() if p.name.startswith(path.stem))


def test_the_long_course_opens_on_a_draft_in_every_generated_file(tmp_path):
    """history_open_ms opens the long course's newest visit: a draft on every file (the patient
    treated now, the pneumothorax discussion not recorded yet), as the random draws made it on
    the ten-million-site file and not on the quick one, whose figure timed a signed visit's
    open instead."""
    import sqlite3

    from bench import datagen

    for seed in (1, 8):
        params = datagen.Params(patients=4, sessions=9, sites=40, heavy_sessions=3, heavy_sites=3,
                                progress_sessions=2, progress_sites=2, seed=seed)
        path, _meta = datagen.ensure_database(tmp_path / str(seed), params, log=lambda *_: None)
        conn = sqlite3.connect(path)
        newest = conn.execute("SELECT status, signed_at, pneumothorax_discussed FROM sessions"
                              " WHERE patient_id = 1 ORDER BY started_at DESC, id DESC").fetchall()
        signs = conn.execute("SELECT count(*) FROM audit a JOIN terms t ON t.id = a.action"
                             " WHERE t.text = 'sign' AND a.session_id = (SELECT id FROM sessions"
                             " WHERE patient_id = 1 ORDER BY started_at DESC, id DESC LIMIT 1)"
                             ).fetchone()[0]
        conn.close()
        assert newest[0] == ("draft", None, 0) and signs == 0, (seed, newest)
        assert newest[1][0] == "signed" and newest[1][1], (seed, newest)  # the visit before


def test_a_table_lines_its_columns_up_under_a_rule_and_lets_the_last_run_free():
    lines = common.columns([("figure", "value", "note"), ("startup_s", "1.25", "a long note"),
                            ("peak_rss_mb", "null", "")])
    assert lines == ["figure       value  note",
                     "------------------------",
                     "startup_s    1.25   a long note",
                     "peak_rss_mb  null"]
