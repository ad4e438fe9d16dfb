"""imsmap performance benchmarks (issue 8). Not tests: pytest never collects this folder.

    python bench/run.py [--quick] [--json OUT] [--workdir DIR] [--only KEY,...]

Builds its own database (cached in the work folder and reused while its parameters, the
generator, the schema and the atlas stay the same), measures, prints a table and writes JSON.
Full size: 100,000 patients, 500,000 sessions, 10,000,000 sites; --quick: 2,000 / 10,000 /
200,000. Every figure that has a baseline is measured beside it in the same run. A piece of the
app that is not there yet is reported as null with a "missing: ..." note.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import Result, columns, machine, perf, save_json  # noqa: E402

KEYS = ("startup_s", "startup_ratio", "click_to_marker_ms_p95", "overlay_repaint_ms_median",
        "session_pdf_ms", "progress_pdf_ms", "patient_search_ms_p95", "history_open_ms",
        "peak_rss_mb", "bytes_per_site",
        # issue 16: what a clinician meets (cold caches, the whole window, the backups)
        "startup_interactive_s", "startup_interactive_ratio", "history_open_cold_ms",
        "overlay_repaint_cold_ms", "click_during_backup_ms_p95", "sign_backup_ms",
        "backup_disk_ratio", "schema_upgrade_s")


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def run(quick: bool, workdir: Path, only: set[str] | None = None,
        regenerate: bool = False) -> dict:
    import datagen

    t_start = perf()
    load_before = os.getloadavg()
    params = datagen.QUICK if quick else datagen.FULL
    db, meta = datagen.ensure_database(workdir, params, log=_log, regenerate=regenerate)
    how = "reused" if meta.get("reused") else f"generated in {meta['generate_s']:.0f} s"
    _log(f"database: {db} ({how})")
    run_dir = Path(tempfile.mkdtemp(prefix="run-", dir=workdir))
    settings_dir = run_dir / "qsettings"
    # The app's data folder (default backup folder, crash log) is the run's, never the user's.
    os.environ["IMSMAP_DATA_DIR"] = str(run_dir / "data")
    results: dict[str, Result] = {}

    def want(*keys: str) -> bool:
        return only is None or bool(only & set(keys))

    def add(items) -> None:
        for r in items if isinstance(items, list) else [items]:
            results[r.key] = r
            shown = "null" if r.value is None else r.value
            _log(f"  {r.key} = {shown}  {r.note[:110]}")

    import measure_store

    if want("bytes_per_site"):  # first: later benchmarks add a few rows of their own
        add(measure_store.measure_bytes(db, db.with_suffix(".json")))

    from imsmap.services.context import open_context

    context = open_context(db, actor="bench")
    records = context.records
    try:
        heavy = int(meta.get("heavy_patient_id", 1))
        progress_patient = int(meta.get("progress_patient_id", 2))
        other = 3
        heavy_sessions = records.repo.sessions_for_patient(heavy)
        pdf_session = next(s for s in heavy_sessions if s.is_signed)
        n_pdf_sites = len(records.repo.sites_for_session(pdf_session.id))

        if want("patient_search_ms_p95"):
            add(measure_store.measure_search(records, settings_dir, quick))
        if want("session_pdf_ms", "progress_pdf_ms"):
            import measure_reports

            add(measure_reports.measure_session_pdf(records, pdf_session.id, n_pdf_sites,
                                                    run_dir, 5 if quick else 10, settings_dir))
            prog_ids = [s.id for s in records.repo.sessions_for_patient(progress_patient)]
            add(measure_reports.measure_progress_pdf(records, progress_patient, prog_ids,
                                                     run_dir, 3 if quick else 5, settings_dir))
        if want("overlay_repaint_ms_median", "click_to_marker_ms_p95", "history_open_ms",
                "overlay_repaint_cold_ms"):
            import measure_ui

            add(measure_ui.measure(context, heavy, other, settings_dir, quick,
                                   cold_overlay=want("overlay_repaint_cold_ms")))
    finally:
        context.close()

    import measure_cold

    if want("history_open_cold_ms"):
        add(measure_cold.measure_history_cold(db, settings_dir, heavy, 5 if quick else 9,
                                                run_dir))
    if want("click_during_backup_ms_p95"):
        add(measure_cold.measure_click_during_backup(db, settings_dir, run_dir / "backups",
                                                     30 if quick else 100))
    if want("sign_backup_ms"):
        add(measure_cold.measure_sign_backup(db, settings_dir, run_dir / "backups",
                                             5 if quick else 10))
    if want("backup_disk_ratio", "schema_upgrade_s"):
        import measure_backup

        if want("backup_disk_ratio"):
            # On the quick database in both modes (a year of weekly full backups of the full
            # one would take hours); the year's sessions in proportion to its six years.
            small, _ = datagen.ensure_database(workdir, datagen.QUICK, log=_log)
            add(measure_backup.measure_disk_ratio(small, run_dir / "year",
                                                  datagen.QUICK.sessions // 6))
        if want("schema_upgrade_s"):
            import schema3

            add(measure_backup.measure_upgrade(schema3.ensure(db, log=_log),
                                               run_dir / "upgrade"))

    if want("startup_s", "startup_ratio", "peak_rss_mb", "startup_interactive_s",
            "startup_interactive_ratio"):
        import measure_startup

        # Interleaved pairs of app and bare window; single starts on this shared machine vary
        # by +-25 %, so the median needs more than three (about 0.4 s a pair).
        add(measure_startup.measure(db, run_dir, 7 if quick else 11))

    import shutil

    shutil.rmtree(run_dir, ignore_errors=True)  # PDFs, settings and scratch of this run
    out: dict = {}
    for key in KEYS:
        r = results.get(key)
        out[key] = None if r is None else r.value
    out["machine"] = machine()
    out["machine"]["loadavg_1min_before_after"] = [round(load_before[0], 2),
                                                   round(os.getloadavg()[0], 2)]
    out["duration_s"] = round(perf() - t_start, 1)
    out["quick"] = quick
    out["target"] = {k: (results[k].target if k in results else None) for k in KEYS}
    out["met"] = {k: (results[k].met if k in results else None) for k in KEYS}
    out["notes"] = {k: results[k].note for k in KEYS if k in results and results[k].note}
    out["baseline"] = {k: results[k].baseline for k in KEYS if k in results and results[k].baseline}
    out["detail"] = {k: results[k].extra for k in KEYS if k in results and results[k].extra}
    out["database"] = {"path": str(db), "reused": bool(meta.get("reused")),
                       "generate_s": meta.get("generate_s"), "counts": meta.get("counts"),
                       "atlas_views": meta.get("atlas_views"), "params": meta.get("params")}
    out["when"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    return out


def table(out: dict) -> str:
    rows = [("figure", "value", "target", "met", "note")]
    for key in KEYS:
        v = out[key]
        t = out["target"].get(key)
        met = out["met"].get(key)
        rows.append((key, "null" if v is None else f"{v:g}", "" if t is None else f"<= {t:g}",
                     "" if met is None else ("yes" if met else "NO"),
                     out["notes"].get(key, "")[:70]))
    lines = columns(rows)
    m = out["machine"]
    lines.append(f"\n{'quick' if out['quick'] else 'full'} run, {out['duration_s']} s; "
                 f"{m['nproc']} x {m['cpu']}, {m['ram_mb']} MB RAM; database "
                 f"{'reused' if out['database']['reused'] else 'generated'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small database, about a minute")
    ap.add_argument("--json", metavar="OUT", help="write the results as JSON to OUT")
    ap.add_argument("--workdir", metavar="DIR",
                    help="where the generated databases are cached (default: "
                         "<tmp>/imsmap-bench)")
    ap.add_argument("--regenerate", action="store_true",
                    help="rebuild the cached database (e.g. after the charts changed)")
    ap.add_argument("--only", metavar="KEYS", help="comma-separated figures to measure")
    args = ap.parse_args(argv)
    workdir = Path(args.workdir or Path(tempfile.gettempdir()) / "imsmap-bench").resolve()
    only = set(args.only.split(",")) if args.only else None
    out = run(args.quick, workdir, only, args.regenerate)
    print(table(out))
    save_json(args.json, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
