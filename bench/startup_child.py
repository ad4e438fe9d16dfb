"""Child process of the startup benchmark (run by bench/measure_startup.py, not by hand).

usage: startup_child.py bare|app|workload DB

Prints one line ``PAINTED <perf_counter> <peak rss MB> <cpu s>`` when the window has painted (for
``app``: when the chart view has painted its scene) and exits at once. perf_counter is
CLOCK_MONOTONIC on Linux, shared by all processes, so the parent subtracts its own start time.
``workload`` goes on after the first paint: opens the patient with the longest history, a session
of it, paints the progress overlay with the heat map and writes the session PDF, then reports
``DONE <peak rss MB>``.
"""

from __future__ import annotations

import os
import resource
import sys
import time


def _rss() -> float:
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


def app(db: str, workload: bool) -> None:
    state = {"painted": False}

    def patch(chart_view) -> None:
        original = chart_view.ChartView.paintEvent

        def paint_event(self, event):
            original(self, event)
            if state["painted"] or self.scene() is None:
                return
            state["painted"] = True
            _report("PAINTED")
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
    else:
        app(sys.argv[2], workload=mode == "workload")
