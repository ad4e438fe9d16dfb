"""Shared helpers for the benchmarks: statistics, results, an isolated Qt application, the
printed table and the JSON file of a run."""

from __future__ import annotations

import json
import math
import os
import platform
import resource
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

perf = time.perf_counter


def p95(values: list[float]) -> float:
    """95th percentile, nearest-rank (no interpolation: a real observed value)."""
    s = sorted(values)
    return s[max(0, math.ceil(0.95 * len(s)) - 1)]


def median(values: list[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> float:
    return seconds * 1000.0


@dataclass
class Result:
    """One reported figure. value None means not measured; note says why."""

    key: str
    value: float | None
    target: float | None = None
    note: str = ""
    baseline: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def met(self) -> bool | None:
        if self.value is None or self.target is None:
            return None
        return self.value <= self.target


def missing(key: str, target: float | None, what: str) -> Result:
    return Result(key, None, target, note=f"missing: {what}")


def failed(key: str, target: float | None, exc: BaseException) -> Result:
    return Result(key, None, target, note=f"error: {type(exc).__name__}: {exc}"[:400])


def columns(rows: list[tuple[str, ...]]) -> list[str]:
    """`rows` (the first the heading) as lines of a table: every column but the last padded to
    its widest cell, two spaces apart (the last, a note, runs free, and no line ends in
    spaces), a rule under the heading."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    lines = ["  ".join([*(c.ljust(w) for c, w in zip(r, widths)), r[-1]]).rstrip()
             for r in rows]
    lines.insert(1, "-" * len(lines[0]))
    return lines


def save_json(path: str | None, out: dict[str, Any]) -> None:
    """The run's results written as JSON to `path` (the --json option), when one is given."""
    if path:
        Path(path).write_text(json.dumps(out, indent=2) + "\n")


def rss_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_mb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_mb = int(line.split()[1]) // 1024
    except OSError:
        pass
    import sqlite3

    try:
        from PySide6 import __version__ as pyside
    except ImportError:  # pragma: no cover
        pyside = None
    return {"nproc": os.cpu_count(), "cpu": cpu or platform.processor(), "ram_mb": mem_mb,
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "pyside6": pyside, "platform": platform.platform()}


shared_app = None  # the harness's QApplication, made once (a test gives it pytest-qt's)


def qt_app(settings_dir: Path):
    """The QApplication (offscreen) with QSettings kept in `settings_dir`, never the user's."""
    global shared_app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    if shared_app is None:
        from PySide6.QtCore import qInstallMessageHandler

        def handler(mode, context, message):  # the offscreen platform's one harmless warning
            if "propagateSizeHints" not in message:
                print(f"qt: {message}", flush=True)

        qInstallMessageHandler(handler)
        shared_app = QApplication.instance() or QApplication(["imsmap-bench"])
    QCoreApplication.setOrganizationName("imsmap")
    QCoreApplication.setApplicationName("imsmap")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    return shared_app


def pump(app, seconds: float = 0.0) -> None:
    """Process pending events (and keep doing so for `seconds`)."""
    end = perf() + seconds
    app.processEvents()
    while perf() < end:
        app.processEvents()


def pump_until(app, done, what: str, timeout: float = 60.0) -> None:
    """Process events until `done()` is true: a wait for a real state, not a guessed time (a
    loaded machine takes longer, and a figure must not include or miss it by chance). Raises
    if `what` has not happened after `timeout` seconds."""
    end = perf() + timeout
    app.processEvents()
    while not done():
        if perf() > end:
            raise TimeoutError(f"{what} did not happen within {timeout:.0f} s")
        app.processEvents()
