"""backup_disk_ratio (a year of kept backups) and schema_upgrade_s (a schema-3 file upgraded).

backup_disk_ratio runs the app's own backup code over a simulated year on a copy of a
benchmark database: every day a start (store.backup_sets.run_scheduled: a full backup when one
is due, else a journal record), then that day's sessions (20 sites each, through the services)
each signed and journalled (store.backup_sets.append), the clock of the records and of the
backups set to that day. Each evening it adds up the backup folder's bytes and divides by the
database file's; the figure is the largest of the year. The copy is written with
synchronous=OFF to keep the simulation short: that changes no byte of what is measured.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from common import Result, failed, perf

SITES_PER_SESSION = 20


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def _db_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file())


def measure_disk_ratio(source: Path, scratch: Path, sessions_per_year: int,
                       days: int = 365) -> Result:
    key, target = "backup_disk_ratio", 3.0
    try:
        from datagen import site_targets

        from imsmap.atlas import load_atlas
        from imsmap.services.context import build_context
        from imsmap.store import backup_sets
        from imsmap.store.db import Database

        scratch.mkdir(parents=True, exist_ok=True)
        db = scratch / "year.sqlite3"
        _copy_database(source, db)
        folder = scratch / "backups"
        folder.mkdir(parents=True, exist_ok=True)  # a chosen folder exists (clinic settings)
        start = datetime(2027, 1, 4, 8, 0)
        clock = [start]
        records = build_context(Database.open(db), load_atlas(), actor="bench",
                                clock=lambda: clock[0].astimezone()).records
        records.db.conn.execute("PRAGMA synchronous = OFF")
        with records.db.transaction():
            records.repo.set_setting("backup.dir", str(folder))
        patient = records.create_patient(chart_number="YEAR-0001", family_name="Year",
                                         given_name="Simulated", sex="U")
        targets = [t for t in site_targets()[0] if t.layer == "superficial"][:40]
        per_day = sessions_per_year / 365.0
        owed, ratios, fulls, t0 = 0.0, [], 0, perf()
        for day in range(days):
            clock[0] = start + timedelta(days=day)
            kind, _ = backup_sets.run_scheduled(records.db, now=clock[0])
            fulls += kind is backup_sets.Scheduled.FULL
            owed += per_day
            while owed >= 1:
                owed -= 1
                clock[0] += timedelta(minutes=30)
                session = records.start_session(patient.id, practitioner="Benchmark")
                for i in range(SITES_PER_SESSION):
                    t = targets[(i * 7 + day) % len(targets)]
                    records.add_site(session.id, t.view_id, t.xs[0], t.ys[0],
                                     muscle_id=t.muscle_id, side=t.side, layer=t.layer,
                                     level=t.level, grasp=i % 4)
                records.sign_session(session.id)
                backup_sets.append(records.db, now=clock[0])
            ratios.append(_folder_bytes(folder) / _db_bytes(db))
        final_db = _db_bytes(db)
        kept = backup_sets.sets(folder)
        records.db.close()
        worst = max(ratios)
        note = (f"the largest, over {days} simulated days, of the backup folder's bytes over "
                f"the database's; {sessions_per_year} sessions of {SITES_PER_SESSION} sites a "
                f"year on a copy of a {source.stat().st_size / 1e6:.0f} MB benchmark database; "
                f"policy: {backup_sets.Policy().describe()}")
        shutil.rmtree(scratch, ignore_errors=True)
        return Result(key, round(worst, 2), target, note=note,
                      extra={"at_year_end": round(ratios[-1], 2), "full_backups_made": fulls,
                             "sets_kept": len(kept), "database_mb_at_end": round(final_db / 1e6, 1),
                             "simulation_s": round(perf() - t0, 1)})
    except Exception as exc:  # noqa: BLE001
        shutil.rmtree(scratch, ignore_errors=True)
        return failed(key, target, exc)


def _copy_database(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def measure_upgrade(schema3: Path, scratch: Path) -> Result:
    """A copy of the schema-3 file upgraded with progress (store.upgrade), as the command line
    and the window do it."""
    key = "schema_upgrade_s"
    try:
        from imsmap.store import upgrade

        scratch.mkdir(parents=True, exist_ok=True)
        work = scratch / "upgrade.sqlite3"
        shutil.copy(schema3, work)
        pending = upgrade.pending(work)
        if pending is None:
            raise RuntimeError(f"{schema3} needs no upgrade")
        seen: list[tuple[float, float]] = []
        t0 = perf()
        upgrade.upgrade(pending, lambda f: seen.append((perf(), f)))
        took = perf() - t0
        stamps = [t0] + [t for t, _ in seen]
        gaps = [b - a for a, b in zip(stamps, stamps[1:])]
        shutil.rmtree(scratch, ignore_errors=True)
        return Result(key, round(took, 1), None,
                      note=f"a copy of a schema-3 file of {pending.rows:,} sites and audit "
                           f"entries ({schema3.stat().st_size / 1e6:,.0f} MB) upgraded to "
                           f"schema {pending.target} with progress (store.upgrade)",
                      extra={"progress_updates": len(seen),
                             "longest_without_progress_s": round(max(gaps), 2),
                             "shown_before_the_end": round(seen[-2][1], 3) if len(seen) > 1
                             else None})
    except Exception as exc:  # noqa: BLE001
        shutil.rmtree(scratch, ignore_errors=True)
        return failed(key, None, exc)
