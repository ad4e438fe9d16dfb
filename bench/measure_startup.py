"""startup_s / startup_ratio and peak_rss_mb: the app in child processes on the big database.

Baseline: the same interpreter showing a bare QMainWindow (offscreen), measured in the same run,
interleaved with the app runs so both see the same machine state.

Before measuring, the imsmap package is byte-compiled once (`compile_package`): an installed wheel
is compiled by pip, as PySide6 is for the bare window, but an editable install on a machine with
PYTHONDONTWRITEBYTECODE=1 (this one) would otherwise compile ~45 modules on every start
(0.1-0.2 s that only the app pays). PYTHONDONTWRITEBYTECODE stops Python writing .pyc files, not
reading them, so the children use the compiled files.
"""

from __future__ import annotations

import compileall
import json
import os
import subprocess
import sys
from pathlib import Path

from common import Result, failed, median, missing, perf

CHILD = Path(__file__).with_name("startup_child.py")


# The screen the children's offscreen platform gives them. Its own default, 800 x 600, is
# narrower than the window's least width: the app opened at 800 x 796, as on no clinic's screen,
# its rows wrapped, the chart was 231 px wide, and opening a patient there made the window
# wider than the screen and laid all of it out and painted it again. On a 1920 x 1080 screen
# the window opens at its first size, 1440 x 900 (ui.window_layout.first_size), as large as the
# bare window it is compared with.
SCREEN = (1920, 1080)


def child_env(workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    screen = workdir / "screen.json"
    screen.parent.mkdir(parents=True, exist_ok=True)
    width, height = SCREEN
    screen.write_text(json.dumps({"screens": [{
        "name": "bench", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    home = workdir / "child-home"
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "data").mkdir(parents=True, exist_ok=True)
    env["XDG_CONFIG_HOME"] = str(home / "config")  # never the user's Qt settings
    env["IMSMAP_DATA_DIR"] = str(home / "data")
    env.pop("IMSMAP_DB", None)
    return env


def compile_package() -> Path:
    """Byte-compile the imsmap package into its __pycache__ folders (as pip does for a wheel);
    unchanged modules are skipped. Returns the package folder."""
    import imsmap

    folder = Path(imsmap.__file__).resolve().parent
    compileall.compile_dir(str(folder), quiet=2, workers=1)
    return folder


def child_report(args: list[str], env: dict[str, str], tag: str,
                 timeout: float = 900.0) -> tuple[float, list[str]]:
    """Runs startup_child.py with `args`: (this process's perf_counter when it was spawned, the
    fields of the child's `tag` line)."""
    t0 = perf()
    proc = subprocess.run([sys.executable, str(CHILD), *args], env=env, capture_output=True,
                          text=True, timeout=timeout)
    for line in proc.stdout.splitlines():
        if line.startswith(tag + " "):
            return t0, line.split()[1:]
    said = [line for line in proc.stdout.splitlines() if line.startswith("ERROR")]
    raise RuntimeError(f"child {args[0]} did not report {tag} (exit {proc.returncode}): "
                       f"{said or proc.stderr.strip().splitlines()[-1:]}")


def run_child(args: list[str], env: dict[str, str], timeout: float = 900.0,
              tag: str = "PAINTED") -> tuple[float, float, float]:
    """(seconds from spawn to `tag` (PAINTED, or INTERACTIVE), peak RSS MB at that point, CPU
    seconds of the child)."""
    t0, (t, rss, cpu) = child_report(args, env, tag, timeout)
    return float(t) - t0, float(rss), float(cpu)


def prepare_backup_set(db: Path, env: dict[str, str]) -> None:
    """A backup set in the children's backup folder, as on a day the weekly full backup is not
    due: each start brings the journal up to date (a full backup at start is measured by
    click_during_backup_ms_p95)."""
    from imsmap.store import backup_sets
    from imsmap.store.backup import backup_dir
    from imsmap.store.db import Database

    before = os.environ.get("IMSMAP_DATA_DIR")
    os.environ["IMSMAP_DATA_DIR"] = env["IMSMAP_DATA_DIR"]
    try:
        with Database.open(db, create=False, readonly=True) as opened:
            folder = backup_dir(opened)
            if backup_sets.current_set(folder, opened.schema_version,
                                       backup_sets.identity_of(opened, folder)) is None:
                backup_sets.make_full(opened)
    finally:
        if before is None:
            os.environ.pop("IMSMAP_DATA_DIR", None)
        else:
            os.environ["IMSMAP_DATA_DIR"] = before


def measure(db: Path, workdir: Path, reps: int) -> list[Result]:
    try:
        import imsmap.ui.app  # noqa: F401
        import imsmap.ui.main_window  # noqa: F401
    except ImportError as exc:
        return [missing("startup_s", None, f"the window ({exc.name})"),
                missing("startup_ratio", 2.0, f"the window ({exc.name})"),
                missing("peak_rss_mb", 300.0, f"the window ({exc.name})")]
    compile_package()  # what an installed wheel has: see the module's docstring
    env = child_env(workdir)
    prepare_backup_set(db, env)
    out: list[Result] = []
    rss_start: list[float] = []
    try:
        run_child(["bare"], env)  # warm the file cache for both (libraries, fonts)
        bare, app, cpu_bare, cpu_app = [], [], [], []
        whole, cpu_whole = [], []
        whole_error: Exception | None = None
        for _ in range(reps):
            t, _rss, cpu = run_child(["bare"], env)
            bare.append(t)
            cpu_bare.append(cpu)
            t, rss, cpu = run_child(["app", str(db)], env)
            app.append(t)
            cpu_app.append(cpu)
            rss_start.append(rss)
            try:
                t, _rss, cpu = run_child(["interactive", str(db)], env, tag="INTERACTIVE")
                whole.append(t)
                cpu_whole.append(cpu)
            except RuntimeError as exc:  # reported on its own keys; startup_s goes on
                whole_error = exc
        s_app, s_bare = median(app), median(bare)
        out.append(Result("startup_s", round(s_app, 3), None,
                          note=f"median of {reps}; process spawn to the chart view's first paint; "
                               "imsmap byte-compiled first, as an installed wheel is",
                          extra={"runs_s": [round(x, 3) for x in app],
                                 "cpu_s": round(median(cpu_app), 3)}))
        out.append(Result("startup_ratio", round(s_app / s_bare, 2), 2.0,
                          note="wall-clock ratio; the CPU-time ratio (less sensitive to a busy "
                               f"machine) is {median(cpu_app) / median(cpu_bare):.2f}",
                          baseline={"bare_window_s": round(s_bare, 3),
                                    "runs_s": [round(x, 3) for x in bare],
                                    "bare_cpu_s": round(median(cpu_bare), 3)},
                          extra={"cpu_ratio": round(median(cpu_app) / median(cpu_bare), 2)}))
        if whole_error is not None:
            raise whole_error
        s_whole = median(whole)
        out.append(Result("startup_interactive_s", round(s_whole, 3), None,
                          note=f"median of {reps}; process spawn to the whole window built, the "
                               "patient list filled and a first tap on a muscle handled by the "
                               "window; the start-up backup and check running as the app starts "
                               "them",
                          extra={"runs_s": [round(x, 3) for x in whole],
                                 "cpu_s": round(median(cpu_whole), 3)}))
        out.append(Result("startup_interactive_ratio", round(s_whole / s_bare, 2), 2.5,
                          note="over the bare window of the same run (interleaved); CPU-time "
                               f"ratio {median(cpu_whole) / median(cpu_bare):.2f}",
                          baseline={"bare_window_s": round(s_bare, 3)},
                          extra={"cpu_ratio": round(median(cpu_whole) / median(cpu_bare), 2)}))
    except Exception as exc:  # noqa: BLE001
        done = {r.key for r in out}
        out += [failed(k, t, exc) for k, t in (("startup_s", None), ("startup_ratio", 2.0),
                                               ("startup_interactive_s", None),
                                               ("startup_interactive_ratio", 2.5))
                if k not in done]
    # Peak memory over a realistic session of use, in its own process.
    try:
        t0 = perf()
        proc = subprocess.run([sys.executable, str(CHILD), "workload", str(db)], env=env,
                              capture_output=True, text=True, timeout=1800)
        done = [ln for ln in proc.stdout.splitlines() if ln.startswith(("DONE", "ERROR"))]
        if not done or done[0].startswith("ERROR"):
            raise RuntimeError(done[0] if done else
                               f"exit {proc.returncode}: {proc.stderr.strip().splitlines()[-1:]}")
        rss = float(done[0].split()[2])
        out.append(Result(
            "peak_rss_mb", round(rss, 1), 300.0,
            note="app process: start on the big database, open the longest history and its "
                 "latest session, paint the 100-session overlay with heat map, write the "
                 "session PDF",
            extra={"at_first_paint_mb": round(max(rss_start), 1) if rss_start else None,
                   "workload_s": round(perf() - t0, 2)}))
    except Exception as exc:  # noqa: BLE001
        out.append(failed("peak_rss_mb", 300.0, exc))
    return out
