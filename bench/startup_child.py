"""Child process of the startup benchmark (run by bench/measure_startup.py, not by hand).

usage: startup_child.py bare|app|interactive|workload DB
       startup_child.py first_open DB PATIENT_ID

Prints one line ``PAINTED <perf_counter> <peak rss MB> <cpu s>`` when the window has painted (for
``app``: when the chart view has painted its scene) and exits at once. perf_counter is
CLOCK_MONOTONIC on Linux, shared by all processes, so the parent subtracts its own start time.
``interactive`` goes on until the window is whole (`MainWindow.completed`), the patient list
holds patients and a tap on a muscle of the chart has been handled by the window
(`add_site_at` returned), then prints ``INTERACTIVE <perf_counter> <rss> <cpu>`` and exits; the
start-up backup and check run as the app starts them. ``workload`` goes on after the first
paint: opens the patient with the longest history, a session
of it, paints the progress overlay with the heat map and writes the session PDF, then reports
``DONE <peak rss MB>``. ``first_open`` is a clinician's first patient of the day: once the
window is whole and the patient list filled, `SETTLE_S` seconds of the app's own idle (the
start-up backup running as the app starts it), then the patient's chart number typed in the
search (not timed) and the patient chosen in the list, timed until what changed is painted;
prints ``OPENED <seconds> <histories cached before> <CPU seconds> <window WxH> <main thread
CPU seconds>`` and exits (the process's CPU counts the start-up check's and journal's threads
too, when they still run; the main thread's is the window's own work).
"""

from __future__ import annotations

import os
import resource
import sys
import time


def _rss() -> float:
    """This program's peak resident memory in MB. On Linux from /proc (VmHWM): `ru_maxrss`
    keeps, across exec, the peak of the process that spawned this one (subprocess starts
    children by vfork, so the parent's memory is the child's until exec), and the benchmark's
    parent, after its windows and histories, peaks above the app it measures."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _report(tag: str) -> None:
    # CPU since the process began (CLOCK_PROCESS_CPUTIME_ID: nanoseconds, where os.times counts
    # 10 ms ticks, too coarse for a 0.1 s baseline)
    sys.stdout.write(f"{tag} {time.perf_counter():.6f} {_rss():.1f} {time.process_time():.4f}\n")
    sys.stdout.flush()


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    class Window(QMainWindow):
        def paintEvent(self, event):  # noqa: N802
            super().paintEvent(event)
            _report("PAINTED")
            os._exit(0)

    app = QApplication(sys.argv[:1])
    w = Window()
    w.setWindowTitle("bare")
    w.resize(1440, 900)
    w.show()
    app.exec()


def app(db: str, workload: bool, interactive: bool = False,
        first_open: int | None = None) -> None:
    state = {"painted": False}
    if interactive:
        sys.meta_path.insert(0, _PatchOnImport("imsmap.ui.main_window", _patch_interactive))
        sys.meta_path.insert(0, _PatchOnImport("imsmap.ui.site_edits", _patch_tap))
    if first_open is not None:
        sys.meta_path.insert(0, _PatchOnImport(
            "imsmap.ui.main_window", lambda module: _patch_first_open(module, first_open)))

    def patch(chart_view) -> None:
        original = chart_view.ChartView.paintEvent

        def paint_event(self, event):
            original(self, event)
            if state["painted"] or self.scene() is None:
                return
            state["painted"] = True
            _report("PAINTED")
            if interactive or first_open is not None:
                return
            if not workload:
                os._exit(0)
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, _workload)

        chart_view.ChartView.paintEvent = paint_event

    # The chart view is patched as the app imports it, so the app starts exactly as `imsmap
    # --db DB` does (importing it here first would move its imports ahead of cli.main).
    sys.meta_path.insert(0, _PatchOnImport("imsmap.ui.chart_view", patch))
    from imsmap.cli import main

    sys.exit(main(["--db", db]))


class _PatchOnImport:
    """A meta path finder that runs `then(module)` right after one module is first executed."""

    def __init__(self, name: str, then):
        self.name, self.then = name, then

    def find_spec(self, name, path=None, target=None):
        if name != self.name:
            return None
        import importlib.util

        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        loader, then = spec.loader, self.then
        original = loader.exec_module

        def exec_module(module):
            original(module)
            then(module)

        loader.exec_module = exec_module
        return spec


def _patch_tap(site_edits) -> None:
    """Report when the window's site edits have handled the first tap on the chart."""
    edits_class = site_edits.SiteEdits
    original_tap = edits_class.add_site_at

    def add_site_at(self, region, x, y):
        original_tap(self, region, x, y)
        _report("INTERACTIVE")
        os._exit(0)

    edits_class.add_site_at = add_site_at


def _patch_interactive(main_window) -> None:
    """Tap the chart once the window is whole."""
    from PySide6.QtCore import QTimer

    window_class = main_window.MainWindow
    original_init = window_class.__init__

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self.completed.connect(lambda: QTimer.singleShot(0, lambda: _tap_when_listed(self)))

    window_class.__init__ = init


def _tap_when_listed(window) -> None:
    """A press and release on a muscle, once the patient list shows patients."""
    from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    if window.patients.patients.count() == 0:
        QTimer.singleShot(1, lambda: _tap_when_listed(window))
        return
    scene = window.chart.scene
    view = window.atlas.view(window.chart.view_id)
    x, y = next(r.label for r in view.regions
                if r.contains(*r.label) and scene.region_at(*r.label) is not None)
    vp = window.chart.view.viewport()
    pos = QPointF(window.chart.view.mapFromScene(x, y))
    for kind, buttons in ((QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                          (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
        QApplication.sendEvent(vp, QMouseEvent(kind, pos, QPointF(vp.mapToGlobal(pos)),
                                               Qt.MouseButton.LeftButton, buttons,
                                               Qt.KeyboardModifier.NoModifier))


SETTLE_S = 2.0  # from the whole window to the first patient chosen: a clinician's first look


def _patch_first_open(main_window, patient_id: int) -> None:
    """Choose the patient `SETTLE_S` after the window is whole and lists patients."""
    from PySide6.QtCore import QTimer

    window_class = main_window.MainWindow
    original_init = window_class.__init__

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self.completed.connect(lambda: QTimer.singleShot(0, lambda: _open_when_listed(
            self, patient_id)))

    window_class.__init__ = init


def _open_when_listed(window, patient_id: int) -> None:
    from PySide6.QtCore import QTimer

    if window.patients.patients.count() == 0:
        QTimer.singleShot(1, lambda: _open_when_listed(window, patient_id))
        return
    QTimer.singleShot(int(SETTLE_S * 1000), lambda: _first_open(window, patient_id))


def _first_open(window, patient_id: int) -> None:
    """The chart's overlay as a new window shows it (the last visits, no heat map), whatever
    the settings were left with; the chart number typed (not timed); the patient chosen."""
    try:
        from PySide6.QtWidgets import QApplication

        from imsmap.ui.history_bar import OverlayChoice

        app = QApplication.instance()
        bar = window.history_bar
        bar.show_earlier.setChecked(True)
        bar.last_n.setValue(OverlayChoice().last_n)
        bar.heat.setChecked(False)
        panel = window.patients
        panel.search.setText(window.records.read.patient(patient_id).chart_number)
        panel.refresh_patients()
        app.processEvents()
        held = window.histories.held()
        c0, m0, t0 = time.process_time(), time.thread_time(), time.perf_counter()
        panel.patients.setCurrentRow(0)
        app.processEvents()
        app.processEvents()  # the paint of what changed
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        main_cpu = time.thread_time() - m0
        if window.patient is None or window.patient.id != patient_id:
            raise RuntimeError(f"patient {patient_id} was not the one opened")
        size = window.size()
        sys.stdout.write(f"OPENED {seconds:.6f} {held} {cpu:.6f} "
                         f"{size.width()}x{size.height()} {main_cpu:.6f}\n")
    except BaseException as exc:  # noqa: BLE001 - report and leave
        sys.stdout.write(f"ERROR {type(exc).__name__}: {exc}\n")
    sys.stdout.flush()
    os._exit(0)


def _workload() -> None:
    try:
        from PySide6.QtWidgets import QApplication

        from imsmap.ui.main_window import MainWindow

        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        records = window.records
        pid = records.db.conn.execute(
            "SELECT patient_id FROM sessions GROUP BY patient_id ORDER BY count(*) DESC"
            " LIMIT 1").fetchone()[0]
        window.patients.select_patient(pid)
        app.processEvents()
        sessions = records.repo.sessions_for_patient(pid)
        window.patients.select_session(sessions[0].id)
        app.processEvents()
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import measure_ui

        measure_ui.paint_overlay_once(records, pid)
        try:
            from imsmap.report.session_pdf import write_session_pdf

            out = os.path.join(os.environ.get("IMSMAP_DATA_DIR", "/tmp"), "workload.pdf")
            write_session_pdf(records, sessions[0].id, out)
        except ImportError:
            pass
        app.processEvents()
        _report("DONE")
    except BaseException as exc:  # noqa: BLE001 - report and leave
        sys.stdout.write(f"ERROR {type(exc).__name__}: {exc}\n")
        sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    elif mode == "first_open":
        app(sys.argv[2], workload=False, first_open=int(sys.argv[3]))
    else:
        app(sys.argv[2], workload=mode == "workload", interactive=mode == "interactive")
