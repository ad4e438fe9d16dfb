"""`imsmap check --dsn`'s drafts-and-sites section on a clinic server the size of the quick
bench file (docs/integrity.md, "Drafts and sites as their trail recorded them"). Not a test:
pytest never collects it.

    python bench/server_check.py [--workdir DIR] [--pairs 2]

Moves bench/datagen.py's quick file (2,000 patients, 10,000 sessions, 200,000 sites) onto a
durable PostgreSQL of its own (tests/pg_support.py, as bench/server.py starts one) with
store.postgres.transfer.migrate: not `imsmap server migrate`, whose check first refuses the
file (its signed sessions carry stand-in content hashes, bench/datagen.py). Then times the
section alone three times, and the whole check with and without it in interleaved pairs: CPU
of this process and of the server's backend (/proc), and wall time, with the load average
beside them (the machine is shared: compare CPU, not wall).
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))  # pg_support: the tests' server


def backend_cpu(pid: int) -> float:
    """CPU seconds (user and system) the server's backend `pid` has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed(what: str, pid: int, run) -> object:
    s0, c0, w0 = backend_cpu(pid), time.process_time(), time.perf_counter()
    result = run()
    print(f"{what}: {time.process_time() - c0:.2f} s CPU here, {backend_cpu(pid) - s0:.2f} s"
          f" in the server, {time.perf_counter() - w0:.2f} s wall (load"
          f" {os.getloadavg()[0]:.1f})", flush=True)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "imsmap-bench"))
    ap.add_argument("--pairs", type=int, default=2)
    args = ap.parse_args()

    import datagen

    from imsmap.services import checks
    from imsmap.services.context import open_records, open_server_context
    from imsmap.store import witnesses
    from imsmap.store.postgres import schema, transfer
    from imsmap.store.postgres.database import ServerDatabase
    from pg_support import start_server

    source, _meta = datagen.ensure_database(Path(args.workdir), datagen.QUICK)
    top = Path(tempfile.mkdtemp(prefix="imsmap-check-pg-"))
    os.chmod(top, 0o777)  # initdb runs as postgres under root
    server = start_server(top, durable=True)
    try:
        copy = top / "quick.sqlite3"
        shutil.copy(source, copy)
        dsn = server.dsn(server.new_database())
        schema.init(dsn)
        records = open_records(copy, create=False, readonly=True)
        try:
            transfer.migrate(records.db.conn, str(copy), dsn)
        finally:
            records.db.close()
        db = ServerDatabase.connect(dsn, readonly=True)
        try:
            for n in range(3):
                def section() -> str:
                    found = checks.Problems("", keep=10)
                    with witnesses.one_moment(db):
                        said = checks.drafts_and_sites(db, found, lambda _done: None)
                    return f"{said}, {sum(found.counts.values())} named"
                print(" ", timed(f"section, run {n + 1}", db.backend_pid() or 0, section))
        finally:
            db.close()
        real = checks.drafts_and_sites
        try:
            for n in range(args.pairs * 2):
                with_it = n % 2 == 0
                checks.drafts_and_sites = real if with_it else (lambda db, found, step: "")
                context = open_server_context(dsn, readonly=True)
                try:
                    timed(f"whole check {'with' if with_it else 'without'} the section",
                          context.records.db.backend_pid() or 0,
                          functools.partial(checks.full_check, context.records))
                finally:
                    context.close()
        finally:
            checks.drafts_and_sites = real
    finally:
        server.stop()
        shutil.rmtree(top, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
