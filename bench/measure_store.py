"""Store benchmarks: search-as-you-type and bytes per site."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path
from time import process_time as cpu

from common import Result, failed, median, ms, p95, perf


def typing_queries(records, n_patients: int, seed: int = 3) -> list[str]:
    """What the search box holds after each keystroke while looking for `n_patients` patients:
    family name letter by letter, then a space and the given name; or the chart number."""
    rng = random.Random(seed)
    max_id = records.db.conn.execute("SELECT max(id) FROM patients").fetchone()[0]
    queries: list[str] = []
    for k in range(n_patients):
        p = records.repo.patient(rng.randint(1, max_id))
        if k % 4 == 3:
            text = p.chart_number
        else:
            text = f"{p.family_name.lower()} {p.given_name[:4].lower()}"
        queries += [text[:i] for i in range(1, len(text) + 1) if not text[:i].endswith(" ")]
    return queries


def measure_search(records, settings_dir: Path | None, quick: bool) -> list[Result]:
    key, target = "patient_search_ms_p95", 30.0
    out = []
    try:
        queries = typing_queries(records, 12 if quick else 40)
        search = records.repo.search_patients  # what PatientPanel.refresh_patients calls
        for q in queries[:20]:
            search(q)
        times, cpus = [], []
        for q in queries:
            c0, t0 = cpu(), perf()
            search(q)
            times.append(perf() - t0)
            cpus.append(cpu() - c0)
        worst = sorted(zip(times, queries), reverse=True)[:3]
        plan = records.db.conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM patients WHERE (family_name LIKE ? ESCAPE '\\' OR"
            " given_name LIKE ? ESCAPE '\\' OR chart_number LIKE ? ESCAPE '\\') ORDER BY"
            " family_name COLLATE NOCASE, given_name COLLATE NOCASE LIMIT 200",
            ("zz%",) * 3).fetchall()
        extra = {"median_ms": round(ms(median(times)), 2), "keystrokes": len(queries),
                 "cpu_p95_ms": round(ms(p95(cpus)), 2),
                 "worst": [[round(ms(t), 1), q] for t, q in worst],
                 "plan": " / ".join(str(r[3]) for r in plan)}
        # The same keystrokes through the patient panel (search + list filled), if it is there.
        if settings_dir is not None:
            try:
                from common import qt_app

                from imsmap.services.history import PatientHistories
                from imsmap.ui.patient_panel import PatientPanel

                app = qt_app(settings_dir)
                panel = PatientPanel(records, PatientHistories(records.read, records.bus))
                panel.resize(300, 800)
                panel.show()
                app.processEvents()
                ptimes = []
                for q in queries:
                    panel.search.blockSignals(True)
                    panel.search.setText(q)
                    panel.search.blockSignals(False)
                    t0 = perf()
                    panel.refresh_patients()
                    app.processEvents()
                    ptimes.append(perf() - t0)
                panel.close()
                panel.deleteLater()
                extra["with_patient_list_ms_p95"] = round(ms(p95(ptimes)), 1)
            except ImportError:
                pass
        out.append(Result(key, round(ms(p95(times)), 2), target,
                          note="Repository.search_patients, the call the patient panel makes, "
                               f"once per keystroke over {len(queries)} keystrokes",
                          extra=extra))
    except Exception as exc:  # noqa: BLE001
        out.append(failed(key, target, exc))
    return out


def table_sizes(path: Path) -> dict[str, int]:
    """Bytes per table with its indexes (dbstat), read-only."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
        owner = dict(conn.execute("SELECT name, tbl_name FROM sqlite_schema").fetchall())
    finally:
        conn.close()
    sizes: dict[str, int] = {}
    for name, size in rows:
        table = owner.get(name, name)
        sizes[table] = sizes.get(table, 0) + int(size)
    return sizes


def measure_bytes(db: Path, meta_path: Path) -> Result:
    key, target = "bytes_per_site", 200.0
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        n_sites = conn.execute("SELECT count(*) FROM sites").fetchone()[0]
        n_audit_sites = conn.execute(
            "SELECT count(*) FROM audit WHERE entity IN ('site',"
            " (SELECT id FROM terms WHERE text = 'site'))").fetchone()[0]
        conn.close()
        size = db.stat().st_size
        # dbstat reads every page: cached beside the database (sizes change little per run).
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        sizes = meta.get("table_sizes")
        if not sizes:
            sizes = table_sizes(db)
            meta["table_sizes"] = sizes
            meta_path.write_text(json.dumps(meta, indent=1))
        per = {t: round(s / n_sites, 1) for t, s in sorted(sizes.items(), key=lambda kv: -kv[1])
               if s / n_sites >= 1}
        without_audit = (size - sizes.get("audit", 0)) / n_sites
        return Result(
            key, round(size / n_sites, 1), target,
            note=f"file size {size / 1e6:,.0f} MB / {n_sites:,} sites, audit trail included "
                 f"({n_audit_sites:,} site-creation audit entries); without the audit table "
                 f"{without_audit:.0f} B/site",
            extra={"file_bytes": size, "sites": n_sites,
                   "without_audit_bytes_per_site": round(without_audit, 1),
                   "audit_bytes_per_site": round(sizes.get("audit", 0) / n_sites, 1),
                   "per_table_bytes_per_site": per})
    except Exception as exc:  # noqa: BLE001
        return failed(key, target, exc)
