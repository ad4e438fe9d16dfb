"""A working day in one window: does the process stay healthy over 30-40 patients?

    python bench/day.py [--quick] [--patients N] [--json OUT] [--workdir DIR]

Drives ONE real MainWindow (offscreen) through a simulated clinic day on a copy of a small
generated database (bench/datagen.py): for each patient (default 40, --quick 10) it searches and
opens the patient, starts a session, taps 8-15 muscles on the anterior, posterior, spinal and
lateral charts, grades each by key (0-3, C for cramp), writes a note, signs through the dialog,
writes the session PDF, opens the Progress tab, adds a photo by amendment to every fifth (and
opens it in the viewer), switches the earlier-sessions overlay and the heat map and zooms.

After each patient it records what the process holds: VmRSS and VmHWM, open file descriptors,
threads (Python's and the kernel's), live QObjects under the window (and by class), QTimers,
top-level widgets, the SQLite connections on the file (descriptors open on it), files in the
temporary folder and in the data folder, the patients' histories cached. The report gives, for
each, the growth per patient: the least-squares slope over the last half of the day (the first
patients fill caches that are bounded; what still grows after that has no bound).

Not a test: pytest never collects this folder, and nothing here is timed against a target.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import columns, machine, perf, pump, pump_until, qt_app, save_json  # noqa: E402

# A small clinic: the day's patients are drawn from it (the heavy and progress patients of the
# generator are left out: a day is ordinary patients with a few visits each).
PARAMS = dict(patients=300, sessions=1_500, sites=15_000, heavy_sessions=30, heavy_sites=20,
              progress_sessions=10, progress_sites=15)
CHARTS = ("anterior", "posterior", "spinal", "lateral_left", "lateral_right")
FIGURES = ("vm_rss_kb", "vm_hwm_kb", "fds", "threads_python", "threads_os", "qobjects",
           "qtimers", "top_level_widgets", "sqlite_fds", "temp_files", "data_files",
           "histories_cached", "bus_listeners", "chart_scenes", "gc_objects")


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# -- what the process holds --------------------------------------------------------------------
def _status() -> dict[str, int]:
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0])
    return out


def _files_under(folder: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(folder)) if folder.is_dir() else 0


def _fds_on(path: Path) -> int:
    """Descriptors open on the database file itself (one per SQLite connection)."""
    n = 0
    target = str(path.resolve())
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == target:
                n += 1
        except OSError:
            pass
    return n


def sample(window, db: Path, temp_dir: Path, data_dir: Path) -> dict:
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from imsmap.services.changes import Tier
    from imsmap.ui.chart_scene import ChartScene

    # What was handed to deleteLater goes, as the app's event loop would do between two
    # patients (processEvents from here does not), and Python's cycles are collected: what
    # is left is what the process holds.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    status = _status()
    children = window.findChildren(QObject)
    return {
        "vm_rss_kb": status["VmRSS"], "vm_hwm_kb": status["VmHWM"],
        "fds": len(os.listdir("/proc/self/fd")),
        "threads_python": threading.active_count(),
        "threads_os": len(os.listdir("/proc/self/task")),
        "qobjects": len(children),
        "qtimers": len(window.findChildren(QTimer)),
        "top_level_widgets": len(QApplication.topLevelWidgets()),
        "sqlite_fds": _fds_on(db),
        "temp_files": _files_under(temp_dir),
        "data_files": _files_under(data_dir),
        "histories_cached": window.histories.held(),
        "bus_listeners": sum(len(window.records.bus.listeners(t)) for t in Tier),
        "chart_scenes": len(window.findChildren(ChartScene)),
        "gc_objects": len(gc.get_objects()),
    }


def qobject_classes(window) -> Counter:
    from PySide6.QtCore import QObject

    return Counter(type(o).__name__ for o in window.findChildren(QObject))


def slope(ys: list[float]) -> float:
    """Least-squares growth per patient of `ys` (one value a patient)."""
    n = len(ys)
    if n < 2:
        return 0.0
    mx = (n - 1) / 2
    my = sum(ys) / n
    num = sum((i - mx) * (y - my) for i, y in enumerate(ys))
    den = sum((i - mx) ** 2 for i in range(n))
    return num / den


# -- the clinician's hands ---------------------------------------------------------------------
class Day:
    def __init__(self, app, window, work: Path):
        self.app, self.w, self.work = app, window, work

    def key(self, widget, key, text: str = "") -> None:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent

        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            self.app.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                 text))
        self.app.processEvents()

    def tap(self, x: float, y: float) -> bool:
        """Press and release at chart point (x, y); whether it added a site."""
        from measure_ui import send_mouse
        from PySide6.QtCore import QEvent, Qt

        view = self.w.chart.view
        vp = view.viewport()
        pos = view.mapFromScene(x, y)
        before = len(self.w.edits.sites)
        send_mouse(self.app, vp, QEvent.Type.MouseButtonPress, pos, Qt.MouseButton.LeftButton)
        send_mouse(self.app, vp, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton)
        self.app.processEvents()
        return len(self.w.edits.sites) == before + 1

    def open_patient(self, chart_number: str, patient_id: int) -> None:
        from PySide6.QtCore import Qt

        panel = self.w.patients
        panel.search.setText(chart_number)
        panel.refresh_patients()
        pump(self.app)
        lst = panel.patients
        row = next(r for r in range(lst.count())
                   if lst.item(r).data(Qt.ItemDataRole.UserRole) == patient_id)
        lst.setCurrentRow(row)  # the row a click chooses
        pump(self.app)
        assert self.w.patient is not None and self.w.patient.id == patient_id, chart_number

    def free_points(self, want: int, seed: int) -> list[tuple[float, float]]:
        """Up to `want` label points of different muscles on the current chart, on screen and
        where a tap finds the region (the view fitted first)."""
        from imsmap.ui.chart_scene import RegionItem

        view = self.w.chart.view
        vp = view.viewport()
        scene = self.w.chart.scene
        regions = [r for r in scene.chart.regions() if r.area > 800]
        regions = regions[seed % max(1, len(regions)):] + regions[:seed % max(1, len(regions))]
        out: list[tuple[float, float]] = []
        seen: set[str] = set()
        for region in regions:
            x, y = region.label
            at = view.mapFromScene(x, y)
            if region.muscle in seen or scene.region_at(x, y) is not region or \
                    not vp.rect().contains(at) or \
                    not any(isinstance(it, RegionItem) for it in view.items(at)) or \
                    any(abs(x - ux) + abs(y - uy) < 60 for ux, uy in out):
                continue
            seen.add(region.muscle)
            out.append((x, y))
            if len(out) == want:
                break
        return out

    def tap_muscles(self, n: int, seed: int) -> int:
        from PySide6.QtCore import Qt

        charts = [CHARTS[(seed + k) % len(CHARTS)] for k in range(3)]
        done = 0
        for k, view_id in enumerate(charts):
            self.w.chart.set_view(view_id)
            self.w.menus.act_fit.trigger()
            pump(self.app)
            share = (n - done) // (len(charts) - k)
            for x, y in self.free_points(share, seed + k):
                if not self.tap(x, y):
                    continue
                view = self.w.chart.view
                self.key(view, Qt.Key.Key_0 + (done + seed) % 4, str((done + seed) % 4))
                if (done + seed) % 3 == 0:
                    self.key(view, Qt.Key.Key_C, "c")
                done += 1
        return done

    def write_note(self, text: str) -> None:
        from PySide6.QtCore import Qt

        notes = self.w.session_panel.notes
        notes.setFocus()
        for ch in text:
            self.key(notes, Qt.Key.Key_Space if ch == " " else Qt.Key.Key_A, ch)

    def sign(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from imsmap.ui.record.sign_amend import SignDialog

        def answer():
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, SignDialog):
                QTimer.singleShot(10, answer)
                return
            dialog.confirm.setChecked(True)
            dialog.sign_button.click()

        QTimer.singleShot(0, answer)
        self.w.menus.act_sign.trigger()
        pump(self.app)

    def export_pdf(self, out: Path) -> None:
        from PySide6.QtWidgets import QFileDialog

        original = QFileDialog.getSaveFileName
        QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(out), ""))
        try:
            self.w.menus.act_export.trigger()
        finally:
            QFileDialog.getSaveFileName = original
        pump(self.app)

    def add_photo_by_amendment(self, path: Path) -> None:
        from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
        from PySide6.QtGui import QDragEnterEvent, QDropEvent
        from PySide6.QtWidgets import QApplication

        from imsmap.ui.record.photo_amend_dialog import PhotoAmendDialog

        strip = self.w.photo_strip
        pump_until(self.app, lambda: strip.amendable, "the strip offers an amendment")
        before = strip.list.count()

        def answer():
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, PhotoAmendDialog) or not dialog.isVisible():
                QTimer.singleShot(10, answer)
                return
            dialog.reason.setText("Bruise at the site the next morning")
            dialog.caption.setText("Bruise")
            dialog.save_button.click()

        QTimer.singleShot(0, answer)
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        where = QPointF(strip.rect().center())
        enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(strip, enter)
        assert enter.isAccepted(), "the strip refused the photo"
        QApplication.sendEvent(strip, QDropEvent(where, Qt.DropAction.CopyAction, mime,
                                                 Qt.MouseButton.LeftButton,
                                                 Qt.KeyboardModifier.NoModifier))
        pump_until(self.app, lambda: strip.list.count() == before + 1, "the photo in the strip")
        # and looked at, in the viewer, then closed
        viewer = strip.open_photo(strip.photo_ids()[-1])
        pump(self.app, 0.02)
        viewer.close()
        pump(self.app)

    def look_back(self) -> None:
        """The Progress tab, the overlay of earlier sessions and the heat map, a zoom."""
        m = self.w.menus
        m.act_progress.trigger()
        pump(self.app, 0.02)
        self.w.right_tabs.setCurrentIndex(0)
        for act in (m.act_overlay, m.act_heat, m.act_heat, m.act_overlay):
            act.trigger()
            pump(self.app)
        for act in (m.act_zoom_in, m.act_zoom_in, m.act_zoom_out, m.act_fit):
            act.trigger()
            pump(self.app)


def photo_file(folder: Path) -> Path:
    from PySide6.QtGui import QColor, QImage

    path = folder / "bruise.jpg"
    if not path.exists():
        image = QImage(1600, 1200, QImage.Format.Format_RGB32)
        image.fill(QColor(190, 60, 50))
        image.save(str(path), "JPEG", 85)
    return path


# -- the day -----------------------------------------------------------------------------------
def run(n_patients: int, workdir: Path, regenerate: bool = False) -> dict:
    import datagen

    t0 = perf()
    params = datagen.Params(**PARAMS)
    source, meta = datagen.ensure_database(workdir / "db", params, log=_log,
                                           regenerate=regenerate)
    run_dir = Path(tempfile.mkdtemp(prefix="day-", dir=workdir))
    db = run_dir / "clinic.sqlite3"
    shutil.copyfile(source, db)
    temp_dir = run_dir / "tmp"
    data_dir = run_dir / "data"
    pdf_dir = run_dir / "pdf"
    for d in (temp_dir, data_dir, pdf_dir):
        d.mkdir()
    # The process's temporary folder (Python's and Qt's) and the app's data folder are the
    # run's own: what they gather is counted, and no one else's files are.
    os.environ["TMPDIR"] = str(temp_dir)
    tempfile.tempdir = str(temp_dir)
    os.environ["IMSMAP_DATA_DIR"] = str(data_dir)
    app = qt_app(run_dir / "qsettings")

    from imsmap.services.context import open_context
    from imsmap.ui.main_window import MainWindow

    context = open_context(db, actor="bench")
    records = context.records
    # the day's patients: ordinary ones with a few earlier visits (not the generator's heavy
    # and progress patients, ids 1 and 2)
    candidates = [records.read.patient(i) for i in range(3, 3 + n_patients)]
    window = MainWindow(context)
    window.resize(1600, 1000)
    window.show()
    pump_until(app, lambda: window.built, "the window's build")
    pump(app, 0.05)
    day = Day(app, window, run_dir)
    photo = photo_file(run_dir)
    samples: list[dict] = []
    start = sample(window, db, temp_dir, data_dir)
    classes_start = classes_mid = qobject_classes(window)
    gc_start = Counter(type(o).__name__ for o in gc.get_objects())
    per_patient_s: list[float] = []
    taps: list[int] = []
    for i, patient in enumerate(candidates):
        p0 = perf()
        day.open_patient(patient.chart_number, patient.id)
        window.menus.act_new_session.trigger()
        pump(app)
        sid = window.session_id
        assert sid is not None and not records.read.session(sid).is_signed
        taps.append(day.tap_muscles(8 + (i * 7) % 8, i))
        day.write_note("tolerated well review in a week")
        day.sign()
        assert records.read.session(sid).is_signed, f"patient {i}: not signed"
        pdf = pdf_dir / f"session-{sid}.pdf"
        day.export_pdf(pdf)
        assert pdf.exists(), f"patient {i}: no PDF"
        pdf.unlink()  # the clinician's own folder: not the process's to hold
        day.look_back()
        if i % 5 == 4:
            day.add_photo_by_amendment(photo)
        pump(app, 0.02)
        per_patient_s.append(perf() - p0)
        samples.append(sample(window, db, temp_dir, data_dir))
        if i == len(candidates) // 2 - 1:
            classes_mid = qobject_classes(window)
        s = samples[-1]
        _log(f"patient {i + 1:2d}/{len(candidates)}: {taps[-1]:2d} sites, "
             f"{per_patient_s[-1]:.1f} s; rss {s['vm_rss_kb'] // 1024} MB, fds {s['fds']}, "
             f"threads {s['threads_os']}, qobjects {s['qobjects']}, "
             f"timers {s['qtimers']}, sqlite {s['sqlite_fds']}, temp {s['temp_files']}, "
             f"data {s['data_files']}")
    classes_end = qobject_classes(window)
    gc_end = Counter(type(o).__name__ for o in gc.get_objects())
    window.close()
    window.deleteLater()
    pump(app, 0.05)
    context.close()
    half = samples[len(samples) // 2:]
    growth = {k: round(slope([s[k] for s in half]), 2) for k in FIGURES}
    grew = {k: v for k, v in ((c, classes_end[c] - classes_start.get(c, 0))
                              for c in classes_end) if v > 0}
    grew_late = {k: v for k, v in ((c, classes_end[c] - classes_mid.get(c, 0))
                                   for c in set(classes_end) | set(classes_mid)) if v}
    gc_grew = sorted(((k, gc_end[k] - gc_start.get(k, 0)) for k in gc_end),
                     key=lambda kv: -kv[1])[:15]
    out = {
        "patients": len(candidates),
        "sites_tapped": sum(taps),
        "growth_per_patient_last_half": growth,
        "start": start,
        "end": samples[-1] if samples else start,
        "per_patient": samples,
        "seconds_per_patient": [round(t, 2) for t in per_patient_s],
        "qobject_classes_grown": dict(sorted(grew.items(), key=lambda kv: -kv[1])),
        "qobject_classes_changed_last_half": dict(sorted(grew_late.items(),
                                                         key=lambda kv: -abs(kv[1]))),
        "python_types_grown_top": dict(gc_grew),
        "machine": machine(),
        "duration_s": round(perf() - t0, 1),
        "database": {"source": str(source), "params": PARAMS,
                     "counts": meta.get("counts")},
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    shutil.rmtree(run_dir, ignore_errors=True)
    return out


def table(out: dict) -> str:
    rows = [("figure", "start", "end", "per patient (last half)")]
    for k in FIGURES:
        rows.append((k, str(out["start"][k]), str(out["end"][k]),
                     f"{out['growth_per_patient_last_half'][k]:+g}"))
    lines = columns(rows)
    m = out["machine"]
    lines.append(f"\n{out['patients']} patients, {out['sites_tapped']} sites, "
                 f"{out['duration_s']} s; {m['nproc']} x {m['cpu']}")
    if out["qobject_classes_grown"]:
        lines.append("QObjects grown by class: " + ", ".join(
            f"{k} +{v}" for k, v in list(out["qobject_classes_grown"].items())[:12]))
    if out["qobject_classes_changed_last_half"]:
        lines.append("... over the last half of the day: " + ", ".join(
            f"{k} {v:+d}" for k, v in out["qobject_classes_changed_last_half"].items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="10 patients instead of 40")
    ap.add_argument("--patients", type=int, help="how many patients the day has")
    ap.add_argument("--json", metavar="OUT", help="write the results as JSON to OUT")
    ap.add_argument("--workdir", metavar="DIR",
                    help="where the generated database is cached and the day runs (default: "
                         "<tmp>/imsmap-bench-day)")
    ap.add_argument("--regenerate", action="store_true", help="rebuild the cached database")
    args = ap.parse_args(argv)
    n = args.patients or (10 if args.quick else 40)
    workdir = Path(args.workdir or Path(tempfile.gettempdir()) / "imsmap-bench-day").resolve()
    out = run(n, workdir, args.regenerate)
    print(table(out))
    save_json(args.json, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
