"""PDF benchmarks: one 40-site session, and the progress report over 50 sessions."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from time import process_time as cpu

from common import Result, failed, median, missing, ms, perf, qt_app


def measure_session_pdf(records, session_id: int, n_sites: int, outdir: Path, reps: int,
                        settings_dir: Path) -> Result:
    key, target = "session_pdf_ms", 300.0
    try:
        from imsmap.report.session_pdf import write_session_pdf
    except ImportError as exc:
        return missing(key, target, f"imsmap.report.session_pdf ({exc.name})")
    try:
        qt_app(settings_dir)
        out = outdir / "session.pdf"
        write_session_pdf(records, session_id, out)  # warm: fonts, paths
        times, cpus = [], []
        for _ in range(reps):
            c0, t0 = cpu(), perf()
            write_session_pdf(records, session_id, out)
            times.append(perf() - t0)
            cpus.append(cpu() - c0)
        return Result(key, round(ms(median(times)), 1), target,
                      note=f"write_session_pdf, signed session of {n_sites} sites; median of "
                           f"{reps}",
                      extra={"max_ms": round(ms(max(times)), 1),
                             "cpu_median_ms": round(ms(median(cpus)), 1),
                             "pdf_bytes": out.stat().st_size})
    except Exception as exc:  # noqa: BLE001
        return failed(key, target, exc)


def _progress_writer():
    """The progress report's writer, wherever it lands: (function, module name) or None."""
    for name in ("imsmap.report.progress_pdf", "imsmap.report.progress"):
        try:
            mod = importlib.import_module(name)
        except ImportError:
            continue
        for fname in ("write_progress_pdf", "write_progress_report", "write_pdf"):
            fn = getattr(mod, fname, None)
            if callable(fn):
                return fn, f"{name}.{fname}"
    return None


def measure_progress_pdf(records, patient_id: int, session_ids: list[int], outdir: Path,
                         reps: int, settings_dir: Path) -> Result:
    key, target = "progress_pdf_ms", 2000.0
    found = _progress_writer()
    if found is None:
        return missing(key, target, "a progress PDF writer (imsmap.report.progress_pdf."
                                    "write_progress_pdf)")
    fn, name = found
    try:
        qt_app(settings_dir)
        out = outdir / "progress.pdf"
        params = inspect.signature(fn).parameters
        kwargs = {}
        if "session_ids" in params:
            kwargs["session_ids"] = session_ids
        def call(fn=fn, kwargs=kwargs):
            return fn(records, patient_id, out, **kwargs)

        call()
        times, cpus = [], []
        for _ in range(reps):
            c0, t0 = cpu(), perf()
            call()
            times.append(perf() - t0)
            cpus.append(cpu() - c0)
        return Result(key, round(ms(median(times)), 1), target,
                      note=f"{name}, {len(session_ids)} sessions; median of {reps}",
                      extra={"max_ms": round(ms(max(times)), 1),
                             "cpu_median_ms": round(ms(median(cpus)), 1),
                             "pdf_bytes": out.stat().st_size})
    except Exception as exc:  # noqa: BLE001
        return failed(key, target, exc)
