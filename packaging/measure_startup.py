"""Start time of the frozen app against the pip-installed one, on Linux under Xvfb (xcb).

usage: xvfb-run -a -s "-screen 0 1440x900x24 -noreset" python packaging/measure_startup.py [RUNS]

Times from spawning `imsmap --db DEMO` to its window being mapped and visible (xdotool, polled
every 20 ms; the window is mapped, its first paint may follow), then `imsmap --version`, for
dist/imsmap/imsmap (frozen) and build/packaging/venv-pip/bin/imsmap (a plain `pip install .` of
the same source with its dependencies from PyPI, byte-compiled by pip), RUNS times each (default 9), interleaved so both see the same
machine, after one unmeasured warm-up run of each. Prints every run and the medians. Neither is
given any advantage: the same demo database, a fresh home, the same display.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from smoke_test import clean_env, visible_window  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FROZEN = ROOT / "dist" / "imsmap" / "imsmap"
PIP = ROOT / "build" / "packaging" / "venv-pip" / "bin" / "imsmap"


def time_to_window(exe: Path, db: Path, env: dict[str, str], cwd: Path) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(exe), "--db", str(db)], env=env, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        while time.perf_counter() - t0 < 60:
            if visible_window(proc.pid):
                return time.perf_counter() - t0
            if proc.poll() is not None:
                raise SystemExit(f"{exe} exited {proc.returncode} before its window showed:\n"
                                 f"{proc.stderr.read()}")
            time.sleep(0.02)
        raise SystemExit(f"{exe}: no window within 60 s")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def time_version(exe: Path, env: dict[str, str], cwd: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([str(exe), "--version"], env=env, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    with tempfile.TemporaryDirectory(prefix="imsmap-measure-") as tmp:
        work = Path(tmp)
        env = clean_env(work / "home")
        db = work / "clinic.sqlite3"
        subprocess.run([str(PIP), "demo", "--db", str(db)], env=env, check=True,
                       capture_output=True)
        times: dict[str, list[float]] = {"frozen": [], "pip": []}
        for exe in (FROZEN, PIP):
            time_to_window(exe, db, env, work)  # warm-up: file cache, font cache
        for i in range(runs):
            for name, exe in (("frozen", FROZEN), ("pip", PIP)):
                t = time_to_window(exe, db, env, work)
                times[name].append(t)
                print(f"run {i + 1} {name}: {t:.3f} s", flush=True)
        frozen, pip = statistics.median(times["frozen"]), statistics.median(times["pip"])
        print(f"window: median frozen {frozen:.3f} s, pip {pip:.3f} s, ratio {frozen / pip:.2f} "
              f"({runs} runs each)")
        versions: dict[str, list[float]] = {"frozen": [], "pip": []}
        for _ in range(runs):
            for name, exe in (("frozen", FROZEN), ("pip", PIP)):
                versions[name].append(time_version(exe, env, work))
        frozen, pip = statistics.median(versions["frozen"]), statistics.median(versions["pip"])
        print(f"--version: median frozen {frozen:.3f} s, pip {pip:.3f} s, "
              f"ratio {frozen / pip:.2f} ({runs} runs each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
