"""What a clinician meets, not a warm cache (issue 16): the first open of a long history after
start, the overlay's paint after a zoom step, taps while the start-up backup and check run, and
what signing adds to the wait.

In the benchmark process, with the real window (offscreen) on the benchmark database; the
backup folder is the run's own (`IMSMAP_DATA_DIR` points into the run folder).
"""

from __future__ import annotations

import math
from pathlib import Path
from time import process_time as cpu

from common import Result, failed, median, ms, p95, perf, pump, qt_app


# -- a window on its own connection ----------------------------------------------------------
def fresh_window(db: Path, settings_dir: Path, *, auto_backup: bool = False,
                 backup_folder: Path | None = None):
    """A new connection (an empty SQLite page cache) and a new, whole window: as after a start.
    Returns (records, window)."""
    from imsmap.services.context import open_context
    from imsmap.ui.main_window import MainWindow

    app = qt_app(settings_dir)
    context = open_context(db, actor="bench")
    records = context.records
    set_backup_folder(records, backup_folder)
    window = MainWindow(context, auto_backup=auto_backup)
    window.resize(1600, 1000)
    window.show()
    window.build_rest()
    pump(app, 0.05)
    return records, window


def close_window(records, window) -> None:
    import common

    app = common.shared_app
    window.close()
    window.deleteLater()
    pump(app, 0.02)
    records.db.close()


def set_backup_folder(records, folder: Path | None) -> None:
    """Backups into `folder` (None: the default folder, in the run's data folder), made first
    as the clinic settings want a chosen folder to exist."""
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    with records.db.transaction():
        records.repo.set_setting("backup.dir", str(folder) if folder else "")


def _open_patient(app, window, chart_number: str) -> None:
    panel = window.patients
    panel.search.setText(chart_number)
    panel.refresh_patients()
    pump(app)


def cached_histories(window) -> int:
    """How many patients' histories the window's history cache holds (0: a cold open)."""
    return window.histories.held()


# -- history_open_cold_ms --------------------------------------------------------------------
HEAVY_OVERLAY = 99  # the most earlier visits the history bar draws (its spin box's maximum)


def _cold_opens(db: Path, settings_dir: Path, heavy_id: int, reps: int, last_n: int,
                heat: bool) -> tuple[list[float], list[float], list[int], int]:
    """Cold opens of the patient with the chart's overlay set to the last `last_n` visits (and
    the heat map): (seconds, CPU seconds, histories cached before each open, visits drawn).
    The overlay is set on each new window before the patient is chosen: the window restores
    it from the settings, which an earlier benchmark may have left otherwise."""
    app = qt_app(settings_dir)
    times, cpus, cold, drawn = [], [], [], 0
    for _ in range(reps):
        records, w = fresh_window(db, settings_dir)
        try:
            bar = w.history_bar
            bar.show_earlier.setChecked(True)
            bar.last_n.setValue(last_n)
            bar.heat.setChecked(heat)
            chart = records.repo.patient(heavy_id).chart_number
            _open_patient(app, w, chart)  # typed in the search box: not timed
            cold.append(cached_histories(w))
            c0, t0 = cpu(), perf()
            w.patients.patients.setCurrentRow(0)
            app.processEvents()
            pump(app)  # the paint of what changed
            times.append(perf() - t0)
            cpus.append(cpu() - c0)
            assert w.patient is not None and w.patient.id == heavy_id
            drawn = len(w.overlay.drawn_ids())
        finally:
            close_window(records, w)
    return times, cpus, cold, drawn


def first_opens(db: Path, workdir: Path, heavy_id: int,
                reps: int) -> tuple[list[float], list[float], list[int], list[str], list[float]]:
    """The patient chosen as a clinician's first of the day, each in a new app process
    (bench/startup_child.py first_open): nothing the app reads or builds on the way is made yet,
    neither the history, nor the chart the visit's sites are on, nor the modules that draw
    earlier visits. (seconds, CPU seconds of the whole process meanwhile, histories cached
    before each open, the window's sizes: "1440x900", CPU seconds of the main thread)."""
    import measure_startup

    measure_startup.compile_package()  # as an installed wheel is
    env = measure_startup.child_env(workdir)
    measure_startup.prepare_backup_set(db, env)  # a day the weekly full backup is not due
    times, cpus, held, sizes, mains = [], [], [], set(), []
    for _ in range(reps):
        _t0, (t, n, cpu, size, main_cpu) = measure_startup.child_report(
            ["first_open", str(db), str(heavy_id)], env, "OPENED", timeout=300)
        times.append(float(t))
        held.append(int(n))
        cpus.append(float(cpu))
        sizes.add(size)
        mains.append(float(main_cpu))
    return times, cpus, held, sorted(sizes), mains


def measure_history_cold(db: Path, settings_dir: Path, heavy_id: int, reps: int,
                         workdir: Path) -> Result:
    """The first open after start (the figure), and beside it the first open in a new window
    of a running app (a new connection and history cache; what the process has built and
    imported stays), with the overlay as the window starts it (the last three visits, no heat
    map) and with the last 99 visits and the heat map."""
    key, target = "history_open_cold_ms", 50.0
    try:
        from imsmap.ui.history_bar import OverlayChoice

        first, first_cpu, first_held, first_sizes, first_main = first_opens(db, workdir,
                                                                             heavy_id, reps)
        usual = OverlayChoice().last_n
        times, cpus, cold, drawn = _cold_opens(db, settings_dir, heavy_id, reps, usual, False)
        h_times, h_cpus, h_cold, h_drawn = _cold_opens(db, settings_dir, heavy_id, reps,
                                                       HEAVY_OVERLAY, True)
        assert not any(first_held + cold + h_cold), "a history was cached before the cold open"
        return Result(key, round(ms(median(first)), 1), target,
                      note=f"the 200-session patient chosen in the patient list as the first "
                           f"patient after the app started (a new process each time, "
                           f"{reps} runs; the OS file cache warm), the chart's overlay as it "
                           f"starts ({drawn} earlier visits), until painted; median",
                      extra={"max_ms": round(ms(max(first)), 1),
                             "runs_ms": [round(ms(t), 1) for t in first],
                             "process_cpu_median_ms": round(ms(median(first_cpu)), 1),
                             "main_thread_cpu_median_ms": round(ms(median(first_main)), 1),
                             "window": ", ".join(first_sizes),
                             "new_window_ms": round(ms(median(times)), 1),
                             "new_window_cpu_median_ms": round(ms(median(cpus)), 1),
                             "new_window_runs_ms": [round(ms(t), 1) for t in times],
                             "visits_drawn": drawn,
                             "heavy_overlay_visits_drawn": h_drawn,
                             "new_window_heavy_overlay_ms": round(ms(median(h_times)), 1),
                             "new_window_heavy_overlay_cpu_median_ms": round(
                                 ms(median(h_cpus)), 1)})
    except Exception as exc:  # noqa: BLE001
        return failed(key, target, exc)


# -- overlay_repaint_cold_ms -----------------------------------------------------------------
def measure_overlay_cold(bench, heavy_id: int, reps: int) -> Result:
    """The real window's chart with the last 100 sessions and the heat map: a zoom step (the
    overlay's cached picture no longer fits), then the repaint."""
    key, target = "overlay_repaint_cold_ms", 33.0
    try:
        import measure_ui

        measure_ui.window_overlay(bench, heavy_id, 1)  # the state of overlay_repaint_ms
        w, app = bench.window, bench.app
        view, vp = w.chart.view, w.chart.view.viewport()
        times, cpus = [], []
        for i in range(reps + 1):
            c0, t0 = cpu(), perf()
            view.zoom_by(1.25 if i % 2 == 0 else 0.8, anchor_under_mouse=False)
            vp.repaint()
            if i:  # the first one warms fonts and paths at the new scale
                times.append(perf() - t0)
                cpus.append(cpu() - c0)
        view.fit()
        pump(app)
        return Result(key, round(ms(median(times)), 1), target,
                      note="the real window's chart (about 1600 x 1000) with the last 100 "
                           "sessions and the heat map: one zoom step (in, out, in...) and the "
                           f"repaint; median of {reps}",
                      extra={"p95_ms": round(ms(p95(times)), 1),
                             "cpu_median_ms": round(ms(median(cpus)), 1)})
    except Exception as exc:  # noqa: BLE001
        return failed(key, target, exc)


# -- taps ------------------------------------------------------------------------------------
class Tapper:
    """Press-and-release on free points of a muscle in the window, a new session every 20."""

    def __init__(self, records, window, app):
        import measure_ui
        from datagen import site_targets

        import imsmap.ui.chart_scene as chart_scene

        self.records, self.w, self.app = records, window, app
        self.painted: dict[int, float] = {}
        self._original = chart_scene.MarkerItem.paint
        painted, original = self.painted, self._original

        def paint(item, painter, option, widget=None):
            original(item, painter, option, widget)
            painted.setdefault(item.site.id, perf())

        chart_scene.MarkerItem.paint = paint
        # The record's commit inside each tap, apart: a tap slowed by waiting for the disk
        # (behind a backup's writes) shows here and not in the CPU.
        self.commits: list[float] = []
        self._add_site = records.add_site
        add_site, commits = self._add_site, self.commits

        def timed_add_site(*a, **kw):
            t0 = perf()
            try:
                return add_site(*a, **kw)
            finally:
                commits.append(perf() - t0)

        records.add_site = timed_add_site
        self.pid = measure_ui.bench_patient(records)
        _open_patient(app, window, measure_ui.BENCH_CHART)
        window.patients.patients.setCurrentRow(0)
        pump(app)
        scene, chart = window.chart.scene, window.chart
        self.points = [(x, y) for t in site_targets()[0]
                       if t.view_id == chart.view_id and t.layer == chart.layer
                       for x, y in zip(t.xs, t.ys) if scene.region_at(x, y) is not None]
        self.i, self.used, self.n = 0, [], 0

    def close(self) -> None:
        import imsmap.ui.chart_scene as chart_scene

        chart_scene.MarkerItem.paint = self._original
        self.records.add_site = self._add_site

    def tap(self) -> float:
        """One tap that adds a site; seconds from the press to the new marker painted. A tap
        that lands on a marker (it selects it) is tried again on the next free point."""
        for _ in range(10):
            took = self._tap_once()
            if took is not None:
                self.n += 1
                return took
        raise RuntimeError(f"ten taps made no site: {self.w.statusBar().currentMessage()!r}")

    def _tap_once(self) -> float | None:
        import measure_ui
        from PySide6.QtCore import QEvent, Qt

        w, app = self.w, self.app
        if self.n % 20 == 0 and not self.used:
            measure_ui.open_new_session(self.records, w, app, self.pid)
        for _ in range(len(self.points)):
            x, y = self.points[self.i % len(self.points)]
            self.i += 7
            if all(math.hypot(x - ux, y - uy) > 48 for ux, uy in self.used):
                break
        self.used.append((x, y))
        pos = w.chart.view.mapFromScene(x, y)
        vp = w.chart.view.viewport()
        before = len(w.edits.sites)
        t0 = perf()
        measure_ui.send_mouse(app, vp, QEvent.Type.MouseButtonPress, pos, Qt.MouseButton.LeftButton)
        measure_ui.send_mouse(app, vp, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton)
        if len(w.edits.sites) != before + 1:
            return None
        new_id = max(s.id for s in w.edits.sites)
        deadline = perf() + 5.0
        while new_id not in self.painted:
            app.processEvents()
            if perf() > deadline:
                raise RuntimeError("the new marker was never painted")
        if (self.n + 1) % 20 == 0:
            self.used = []  # the next tap starts a new session
        return self.painted[new_id] - t0


def measure_click_during_backup(db: Path, settings_dir: Path, backup_dir: Path,
                                min_taps: int) -> Result:
    """Taps while the start-up work runs: a full backup (a new backup folder, so one is due)
    and the structure check (quick_check), on their threads, as the window starts them."""
    key, target = "click_during_backup_ms_p95", 33.0
    try:
        from imsmap.services.database_files import BackupReason
        from imsmap.store import backup_sets
        from imsmap.ui.startup import StartupCheck

        app = qt_app(settings_dir)
        records, w = fresh_window(db, settings_dir)
        tapper = Tapper(records, w, app)
        try:
            for _ in range(3):
                tapper.tap()  # warm-up, before the background work
            del tapper.commits[:]
            times, rounds, backup_s = [], 0, []
            while len(times) < min_taps and rounds < 20:
                rounds += 1
                folder = backup_dir / f"round-{rounds}"
                set_backup_folder(records, folder)
                check = StartupCheck(records.db.path)
                t0 = perf()
                w.backups.start(BackupReason.STARTUP)  # a full backup: none in this folder yet
                check.start()
                while w.backups.running or check.running:
                    times.append(tapper.tap())
                    pump(app, 0.01)  # a clinician taps a few times a second at most
                backup_s.append(perf() - t0)
                if not backup_sets.sets(folder):
                    raise RuntimeError("the start-up backup made no full backup")
        finally:
            tapper.close()
            set_backup_folder(records, None)
            close_window(records, w)
        return Result(key, round(ms(p95(times)), 1), target,
                      note=f"{len(times)} taps (press to marker painted) in the real window while "
                           f"the start-up full backup (copy, integrity check, compression) and "
                           f"quick_check ran on their threads; {rounds} round(s)",
                      extra={"median_ms": round(ms(median(times)), 1),
                             "max_ms": round(ms(max(times)), 1),
                             "slowest_commit_ms": round(ms(max(tapper.commits)), 1),
                             "commits_over_100_ms": sum(c > 0.1 for c in tapper.commits),
                             "backup_and_check_s": [round(s, 2) for s in backup_s]})
    except Exception as exc:  # noqa: BLE001
        return failed(key, target, exc)


# -- sign_backup_ms --------------------------------------------------------------------------
def measure_sign_backup(db: Path, settings_dir: Path, backup_dir: Path, reps: int) -> Result:
    """Signing in the window with automatic backups on: the journal record written before the
    window goes on (BackgroundBackup.journal_now, called by the sign), timed where it runs."""
    key, target = "sign_backup_ms", 300.0
    try:
        from imsmap.store import backup_sets, journal

        app = qt_app(settings_dir)
        folder = backup_dir / "sign"
        records, w = fresh_window(db, settings_dir, auto_backup=True, backup_folder=folder)
        w.backups.background.wait(3600)  # the window's own start-up backup, if it started one
        if backup_sets.current_set(folder, records.db.schema_version,
                                   backup_sets.identity_of(records.db, folder)) is None:
            t0 = perf()
            backup_sets.make_full(records.db)
            full_s = perf() - t0
        else:
            full_s = None
        tapper = Tapper(records, w, app)
        spent, signs = [], []
        original = w.backups.background.journal_now

        def timed():
            t0 = perf()
            try:
                return original()
            finally:
                spent.append(perf() - t0)

        w.backups.background.journal_now = timed
        try:
            for _ in range(reps):
                for _ in range(20 - tapper.n % 20):
                    tapper.tap()  # a session of 20 sites
                t0 = perf()
                records.sign_session(w.session_id)  # the window hears it and journals it
                signs.append(perf() - t0)
        finally:
            w.backups.background.journal_now = original
            tapper.close()
            (current,) = backup_sets.sets(folder)[-1:]
            size = current.journal.stat().st_size
            n_records = len(journal.read(current.journal)) - 1
            set_backup_folder(records, None)
            close_window(records, w)
        if len(spent) != reps:
            raise RuntimeError(f"{len(spent)} journal records for {reps} signatures")
        return Result(key, round(ms(median(spent)), 1), target,
                      note=f"journal record written on the GUI thread after each of {reps} "
                           "signatures of 20-site sessions in the real window (fsynced); the "
                           "database is never copied at a signature",
                      extra={"p95_ms": round(ms(p95(spent)), 1),
                             "sign_including_journal_ms_median": round(ms(median(signs)), 1),
                             "journal_bytes_per_record": round(size / max(1, n_records)),
                             "first_full_backup_s": None if full_s is None else round(full_s, 1)})
    except Exception as exc:  # noqa: BLE001
        return failed(key, target, exc)
