"""A window-like process for tests/test_multiprocess.py: the services on one database file, with
the background work the window runs once it is up (the structure check, and a backup through a
read-only connection of its own, each on a thread).

    python window_process.py DB hold            open the file as the window does, say "ready",
                                                wait until stdin closes
    python window_process.py DB write NAME      as `hold`, then chart sites in a loop, printing
                                                "site <id>" for each one the services
                                                acknowledged, until stdin closes
    python window_process.py DB late            a program that has opened the file (SQLite
                                                opens it at connect) and not yet read it, as
                                                one starting up at the moment of a restore:
                                                says "connected", then on a line from stdin
                                                writes a setting and says "wrote"

Every line is flushed at once: a printed id is a write the services returned from. The
background work prints "backup-start" before its backup begins and "backup <path>" after it,
in order with the ids (one lock for printing), so the test knows which acknowledged sites a
backup must hold.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

from imsmap.atlas import load_atlas
from imsmap.domain.errors import UserFacingError
from imsmap.services import checks
from imsmap.services.context import build_context
from imsmap.store import backup as store_backup
from imsmap.store.db import Database

_print_lock = threading.Lock()


def say(line: str) -> None:
    with _print_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def background(db_path: Path) -> None:
    """What the window runs after its first paint: the structure check, then a backup."""
    problems = checks.structure_problems(db_path)
    say(f"checked {len(problems)}")
    say("backup-start")
    db = Database.open(db_path, create=False, readonly=True)
    try:
        path = store_backup.backup_now(db, store_backup.BackupReason.STARTUP)
    finally:
        db.close()
    say(f"backup {path}")


def stdin_closed(flag: threading.Event) -> None:
    sys.stdin.read()
    flag.set()


def late(db_path: Path) -> int:
    conn = sqlite3.connect(str(db_path), isolation_level=None)
    say("connected")
    sys.stdin.readline()
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("INSERT INTO settings (key, value) VALUES ('late.writer', 'was here')")
    conn.close()
    say("wrote")
    return 0


def main() -> int:
    db_path, mode = Path(sys.argv[1]), sys.argv[2]
    if mode == "late":
        return late(db_path)
    atlas = load_atlas()
    records = build_context(Database.open(db_path), atlas, actor=f"window.{mode}").records
    stop = threading.Event()
    threading.Thread(target=stdin_closed, args=(stop,), daemon=True).start()
    if mode == "hold":
        say("ready")
        stop.wait()
        records.db.close()
        return 0
    name = sys.argv[3]
    patient = records.create_patient(chart_number=f"W-{name}", family_name=name)
    session = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30))
    spots = [(v.id, *r.label, r.muscle, r.side) for v in atlas.views.values()
             for r in v.regions if r.side in ("L", "R") and r.contains(*r.label)]
    worker = threading.Thread(target=background, args=(db_path,))
    worker.start()
    say("ready")
    n = 0
    while not stop.is_set():
        view, x, y, muscle, side = spots[n % len(spots)]
        try:
            site = records.add_site(session.id, view, x, y, muscle_id=muscle, side=side,
                                    grasp=n % 4)
        except UserFacingError as exc:  # the file busy for longer than the timeout: as the
            say(f"refused {exc.message}")  # window does, say so, acknowledge nothing, go on
            continue
        say(f"site {site.id}")
        n += 1
        time.sleep(0.01)
    worker.join()
    records.db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
