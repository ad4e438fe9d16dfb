"""Several rooms on one clinic server (issue 15, item 8). Not a test: pytest never collects it.

    python bench/server.py [--quick] [--rooms 8] [--seconds S] [--json OUT] [--search-only]

Starts its own PostgreSQL (initdb in a temporary folder, on a free loopback port, durable:
fsync and synchronous_commit on, as a clinic's server runs), sets up a clinic (`imsmap server
init`) with one practitioner's login per room, and runs each room as a process of its own. A
room charts one session at a clinician's pace, with bursts: a few sites placed a second or less
apart, some graded, now and then a finding or a protocol's ten sites at once, then a pause of
some seconds while the needle is in; it signs the session at the end. Two write paths
(--path): `services` (the default), each gesture a call of the record services on
ServerDatabase, the unit of work the window writes through (bench/server_services.py); and
`store`, each write one unit of work through store.postgres.faults.run_unit in raw SQL (one
transaction with its audit entry). Each room also listens (store.postgres.listen.ChangeFeed,
its own connection and thread) and notes when it hears each other room's entries.

Measured: commit latency of a unit of work (start to COMMIT returned), p50/p95/max; change to
other room (COMMIT returned in the writing room to the notification heard in each other room,
one clock: CLOCK_MONOTONIC is the machine's); lost writes (what each room committed, counted
again on the server); notifications missed; the audit chain verified afterwards
(store/postgres/chain.py). Full run: 180 s of charting; --quick: 30 s. The machine is shared:
the load average is reported beside the figures.

Then patient search (`server_patient_search_ms_p95`, bench/server_search.py): the clinic given
100,000 patients (--quick: 20,000), the search the patient panel makes timed at each keystroke.
--search-only measures that alone (no rooms).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))  # pg_support: the tests' server

from common import machine, median, ms, p95, save_json  # noqa: E402

TARGET_COMMIT_MS = 16.0
TARGET_OTHER_ROOM_MS = 500.0
PASSWORD = "bench room password"
NOW = "2026-12-03T09:00:00+00:00"
MUSCLES = ("upper trapezius", "levator scapulae", "infraspinatus", "gluteus medius",
           "multifidus", "quadratus lumborum", "piriformis", "supraspinatus")


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def start_server(top: Path):
    """A durable PostgreSQL in ``top`` (tests/pg_support.start_server: as the postgres user
    when run as root)."""
    from pg_support import start_server as start

    try:
        return start(top, durable=True)
    except RuntimeError as exc:
        raise SystemExit(f"bench/server.py needs a PostgreSQL server: {exc}.") from None


# -- one room (a process of its own) ---------------------------------------------------------
class Room:
    def __init__(self, index: int, dsn: str, seed: int):
        from imsmap.store.postgres.faults import Connector
        from imsmap.store.postgres.listen import ChangeFeed

        self.index = index
        self.rng = random.Random(seed)
        self.writer = Connector(dsn, application_name=f"imsmap bench room {index}")
        self.writer.connection()
        self.feed = ChangeFeed(dsn, own_pids=lambda: {self.writer.backend_pid()})
        self.heard: dict[int, float] = {}
        self.units: list[dict] = []  # kind, ms, audit ids, committed (monotonic)
        self.sites: list[int] = []
        self.versions: dict[int, int] = {}
        self.terms: dict[str, int] = {}
        self._stop = threading.Event()
        self._listener: threading.Thread | None = None

    def listen(self) -> None:
        self.feed.open()

        def run():
            try:
                while not self._stop.is_set():
                    for notice in self.feed.wait(0.2):
                        if notice.audit_id is not None:
                            self.heard.setdefault(notice.audit_id, time.monotonic())
            finally:
                self.feed.close()

        self._listener = threading.Thread(target=run, daemon=True)
        self._listener.start()

    def unit(self, kind: str, work) -> object:
        from imsmap.store.postgres.faults import run_unit

        entries: list[int] = []
        written = [0.0]

        def whole(conn):
            entries.clear()
            result = work(conn, entries)
            written[0] = time.monotonic()  # what is left is COMMIT
            return result

        begun = time.monotonic()
        result = run_unit(self.writer, whole)
        done = time.monotonic()
        self.units.append({"kind": kind, "ms": ms(done - begun), "audit": list(entries),
                           "done": done, "commit_ms": ms(done - written[0])})
        return result

    @staticmethod
    def _audit(conn, entries: list[int], action: str, entity: str, entity_id: int,
               session_id: int | None, changes: dict | None = None, digest: bytes | None = None
               ) -> None:
        row = conn.execute("INSERT INTO audit (action, entity, entity_id, session_id, changes,"
                           " digest) VALUES (%s, %s, %s, %s, %s, %s) RETURNING id",
                           (action, entity, entity_id, session_id,
                            None if changes is None else json.dumps(changes, sort_keys=True),
                            digest)).fetchone()
        entries.append(row[0])

    def setup(self) -> None:
        from imsmap.store.audit import content_digest

        def terms(conn, entries):
            for text in (*MUSCLES, "posterior", "superficial", "bench"):
                row = conn.execute("SELECT id FROM terms WHERE text = %s", (text,)).fetchone()
                if row is None:
                    row = conn.execute("INSERT INTO terms (text) VALUES (%s) ON CONFLICT (text)"
                                       " DO NOTHING RETURNING id", (text,)).fetchone() \
                        or conn.execute("SELECT id FROM terms WHERE text = %s",
                                        (text,)).fetchone()
                self.terms[text] = row[0]

        self.unit("terms", terms)

        def patient(conn, entries):
            pid = conn.execute("INSERT INTO patients (chart_number, family_name, created_at,"
                               " created_by, updated_at, updated_by) VALUES (%s, 'Bench', %s,"
                               " 'bench', %s, 'bench') RETURNING id",
                               (f"B-{self.index}-{os.getpid()}", NOW, NOW)).fetchone()[0]
            self._audit(conn, entries, "create", "patient", pid, None,
                        digest=content_digest({"chart": pid}))
            sid = conn.execute("INSERT INTO sessions (patient_id, started_at, atlas_version,"
                               " created_at, created_by, updated_at, updated_by) VALUES"
                               " (%s, %s, '2026.1', %s, 'bench', %s, 'bench') RETURNING id",
                               (pid, NOW, NOW, NOW)).fetchone()[0]
            self._audit(conn, entries, "create", "session", sid, sid,
                        digest=content_digest({"session": sid}))
            return pid, sid

        self.patient_id, self.session_id = self.unit("start", patient)

    def place(self, count: int) -> None:
        from imsmap.store.audit import content_digest

        def work(conn, entries):
            made = []
            for _ in range(count):
                muscle = self.terms[self.rng.choice(MUSCLES)]
                seq = len(self.sites) + len(made) + 1
                x, y = self.rng.randrange(0, 100_000), self.rng.randrange(0, 200_000)
                site_id = conn.execute(
                    "INSERT INTO sites (session_id, seq, muscle_id, side, view_id, layer, x, y,"
                    " created_at, created_by) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                    " RETURNING id", (self.session_id, seq, muscle, self.rng.choice("LR"),
                                      self.terms["posterior"], self.terms["superficial"], x, y,
                                      int(time.time()), self.terms["bench"])).fetchone()[0]
                self._audit(conn, entries, "create", "site", site_id, self.session_id,
                            digest=content_digest({"site": site_id, "x": x, "y": y}))
                made.append(site_id)
            return made

        made = self.unit("protocol" if count > 1 else "site", work)
        self.sites.extend(made)
        self.versions.update({s: 1 for s in made})

    def grade(self) -> None:
        from imsmap.store.postgres.versions import guarded_update

        site_id = self.rng.choice(self.sites)
        grasp = self.rng.randrange(0, 4)

        def work(conn, entries):
            version = guarded_update(conn, "sites", site_id, self.versions[site_id],
                                     {"grasp": grasp, "twitch": 1, "updated_at": int(time.time()),
                                      "updated_by": self.terms["bench"]})
            self._audit(conn, entries, "update", "site", site_id, self.session_id,
                        {"grasp": [None, grasp]})
            return version

        self.versions[site_id] = self.unit("grade", work)

    def finding(self) -> None:
        def work(conn, entries):
            fid = conn.execute("INSERT INTO findings (session_id, sign, created_at, created_by)"
                               " VALUES (%s, 'taut band', %s, 'bench') RETURNING id",
                               (self.session_id, NOW)).fetchone()[0]
            self._audit(conn, entries, "create", "finding", fid, self.session_id,
                        {"sign": [None, "taut band"]})

        self.unit("finding", work)

    def sign(self) -> None:
        from imsmap.store.postgres.versions import guarded_update, version_of

        def work(conn, entries):
            login = conn.execute("SELECT session_user").fetchone()[0]
            version = version_of(conn, "sessions", self.session_id)
            guarded_update(conn, "sessions", self.session_id, version,
                           {"status": "signed", "signed_at": NOW, "signed_by": login,
                            "content_hash": f"bench-{len(self.sites)}"})
            self._audit(conn, entries, "sign", "session", self.session_id, self.session_id,
                        {"content_hash": [None, f"bench-{len(self.sites)}"]})

        self.unit("sign", work)

    def chart(self, until: float) -> None:
        """Bursts of placing and grading, pauses while the needles are in."""
        while time.monotonic() < until:
            if self.rng.random() < 0.1:
                self.place(10)  # a protocol applied: ten sites in one unit of work
            else:
                for _ in range(self.rng.randint(3, 8)):
                    self.place(1)
                    time.sleep(self.rng.uniform(0.3, 0.9))
                    if self.rng.random() < 0.5:
                        self.grade()
                        time.sleep(self.rng.uniform(0.2, 0.6))
            if self.rng.random() < 0.3:
                self.finding()
            time.sleep(min(self.rng.uniform(3.0, 8.0), max(0.0, until - time.monotonic())))

    def finish(self, linger: float) -> dict:
        time.sleep(linger)  # the others' last notifications
        self._stop.set()
        if self._listener is not None:
            self._listener.join(5)
        self.writer.close()
        return {"index": self.index, "session_id": self.session_id, "sites": self.sites,
                "units": self.units, "heard": self.heard, "reconnects": self.feed.reconnects}


def room_main(index: int, dsn: str, together, seconds: float, out: str,
              path: str = "services") -> None:
    if path == "services":
        from server_services import ServicesRoom

        room: Room = ServicesRoom(index, dsn, seed=1000 + index)
    else:
        room = Room(index, dsn, seed=1000 + index)
    room.setup()
    room.listen()
    together.wait()  # every room set up and listening
    room.chart(time.monotonic() + seconds)
    room.sign()
    together.wait()  # every room done writing: the last notifications are on their way
    Path(out).write_text(json.dumps(room.finish(linger=2.0)))


# -- the run ----------------------------------------------------------------------------------
def _stats(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    return {"n": len(values), "p50": round(median(values), 2), "p95": round(p95(values), 2),
            "max": round(max(values), 2)}


def run(rooms: int, seconds: float, quick: bool, path: str = "services",
        search_only: bool = False) -> dict:
    from imsmap.store.postgres import chain, schema, users

    top = Path(tempfile.mkdtemp(prefix="imsmap-bench-pg-"))
    server = start_server(top)
    loads: list[float] = [os.getloadavg()[0]]
    try:
        with server.admin() as admin:
            admin.execute("CREATE DATABASE clinic TEMPLATE template0 ENCODING UTF8")
            pg_version = admin.execute("SHOW server_version").fetchone()[0]
        clinic = server.dsn("clinic")
        schema.init(clinic)
        logins = [f"room{n}.bench" for n in range(rooms)]
        for login in logins:
            users.add_user(clinic, login, "practitioner", PASSWORD)
        if search_only:
            return {"mode": "quick" if quick else "full", **_search_figures(
                server, clinic, logins[0], quick),
                "server": {"postgresql": pg_version, "where": "same machine, loopback TCP"},
                "machine": {**machine(), "loadavg_1min_start_end": [
                    round(loads[0], 2), round(os.getloadavg()[0], 2)]}}
        outs = [top / f"room{n}.json" for n in range(rooms)]
        ctx = multiprocessing.get_context("spawn")
        together = ctx.Barrier(rooms, timeout=seconds + 300)
        procs = [ctx.Process(target=room_main, args=(n, server.dsn("clinic", user=logins[n],
                                                                    password=PASSWORD),
                                                     together, seconds, str(outs[n]), path))
                 for n in range(rooms)]
        for p in procs:
            p.start()
        _log(f"{rooms} rooms charting for {seconds:.0f} s...")
        while any(p.is_alive() for p in procs):
            time.sleep(5)
            loads.append(os.getloadavg()[0])
        for p in procs:
            p.join()
        bad = [n for n, p in enumerate(procs) if p.exitcode != 0]
        if bad:
            raise SystemExit(f"rooms {bad} failed; see their output above.")
        results = [json.loads(o.read_text()) for o in outs]
        figures = _figures(results, clinic, logins, chain, seconds, quick, loads, pg_version,
                           path)
        return {**figures, **_search_figures(server, clinic, logins[0], quick)}
    finally:
        server.stop("fast")
        shutil.rmtree(top, ignore_errors=True)


def _search_figures(server, clinic: str, login: str, quick: bool) -> dict:
    """`server_patient_search_ms_p95` and what goes with it (bench/server_search.py)."""
    import server_search

    patients = server_search.PATIENTS_QUICK if quick else server_search.PATIENTS_FULL
    _log(f"adding {patients} patients for the search...")
    server_search.add_patients(clinic, patients)
    load = os.getloadavg()[0]
    result = server_search.measure_search(server.dsn("clinic", user=login, password=PASSWORD),
                                          patients, quick)
    return {result.key: result.value, f"{result.key}_target": result.target,
            "patient_search": {"note": result.note, **result.extra,
                               "loadavg_1min_start_end": [round(load, 2),
                                                          round(os.getloadavg()[0], 2)]}}


WRITE_PATHS = {
    "services": "services: the record services (services.records.Records) on "
                "store.postgres.database.ServerDatabase, one unit of work per gesture as the "
                "window writes (bench/server_services.py); a unit's time is the service call's",
    "store": "store level: store.postgres.faults.run_unit, one transaction per unit of work "
             "with its audit entry, raw SQL",
}


def _figures(results, clinic, logins, chain, seconds, quick, loads, pg_version,
             path: str = "services") -> dict:
    from imsmap.store.postgres.connection import connect

    # Setting a room up (its patient and session; on the services path also a protocol's
    # template session, signed) is not charting: it is not in the figures.
    commit = [u["ms"] for r in results for u in r["units"] if u["kind"] not in ("terms", "start")]
    # Setting up (before every room listens) is not charting: its entries are not counted.
    committed_at = {a: (r["index"], u["done"]) for r in results for u in r["units"]
                    if u["kind"] not in ("terms", "start") for a in u["audit"]}
    other_room, missed = [], 0
    for r in results:
        heard = {int(k): v for k, v in r["heard"].items()}
        for entry, (writer, done) in committed_at.items():
            if writer == r["index"]:
                continue
            if entry in heard:
                other_room.append(ms(heard[entry] - done))
            else:
                missed += 1
                _log(f"room {r['index']} did not hear entry {entry} of room {writer}")
    lost = 0
    with connect(clinic) as conn:
        with conn.transaction():
            for r, login in zip(results, logins, strict=True):
                on_server = {row[0] for row in conn.execute(
                    "SELECT id FROM sites WHERE session_id = %s", (r["session_id"],))}
                lost += len(set(r["sites"]) - on_server) + len(on_server - set(r["sites"]))
                entries = {row[0] for row in conn.execute(
                    "SELECT id FROM audit WHERE actor = %s", (login,))}
                mine = {a for u in r["units"] for a in u["audit"]}
                lost += len(mine - entries) + len(entries - mine)
            problems = chain.verify_chain(conn)
            counts = conn.execute("SELECT (SELECT count(*) FROM sites), (SELECT count(*) FROM"
                                  " audit), (SELECT count(*) FROM sessions WHERE status ="
                                  " 'signed')").fetchone()
    units = len(commit)
    figures = {
        "mode": "quick" if quick else "full",
        "write_path": WRITE_PATHS[path],
        "rooms": len(results), "charting_s": seconds, "units_of_work": units,
        "sites": counts[0], "audit_entries": counts[1], "sessions_signed": counts[2],
        "commit_ms": _stats(commit), "commit_ms_p95_target": TARGET_COMMIT_MS,
        "commit_ms_by_kind": {kind: _stats([u["ms"] for r in results for u in r["units"]
                                            if u["kind"] == kind])
                              for kind in ("site", "grade", "finding", "protocol", "sign")},
        "commit_statement_alone_ms": _stats([u["commit_ms"] for r in results
                                             for u in r["units"] if u["kind"] != "terms"
                                             and u["commit_ms"] is not None]),
        "statements_per_unit_by_kind": {
            kind: _stats([u["statements"] for r in results for u in r["units"]
                          if u["kind"] == kind and "statements" in u])
            for kind in ("site", "grade", "finding", "protocol", "sign")},
        "other_room_ms": _stats(other_room), "other_room_ms_p95_target": TARGET_OTHER_ROOM_MS,
        "notifications_missed": missed, "lost_writes": lost,
        "listener_reconnects": sum(r["reconnects"] for r in results),
        "chain_intact": not problems, "chain_problems": problems[:5],
        "server": {"postgresql": pg_version, "fsync": "on", "synchronous_commit": "on",
                   "where": "same machine, loopback TCP"},
        "machine": {**machine(), "loadavg_1min_start_max_end": [round(loads[0], 2),
                                                                 round(max(loads), 2),
                                                                 round(loads[-1], 2)]},
    }
    return figures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="30 s of charting instead of 180 s")
    ap.add_argument("--rooms", type=int, default=8)
    ap.add_argument("--seconds", type=float, help="charting time (overrides --quick)")
    ap.add_argument("--json", metavar="OUT", help="write the results as JSON to OUT")
    ap.add_argument("--path", choices=sorted(WRITE_PATHS), default="services",
                    help="the write path timed: the record services a window uses (default), "
                         "or the store level's raw SQL")
    ap.add_argument("--search-only", action="store_true",
                    help="measure patient search alone (server_patient_search_ms_p95), no rooms")
    args = ap.parse_args()
    seconds = args.seconds or (30.0 if args.quick else 180.0)
    out = run(args.rooms, seconds, args.quick, args.path, search_only=args.search_only)
    search = (f"patient search p95 {out.get('server_patient_search_ms_p95')} ms, median "
              f"{out.get('patient_search', {}).get('median_ms')} ms over "
              f"{out.get('patient_search', {}).get('patients')} patients (target p95 <= 30)")
    if args.search_only:
        print(search)
        save_json(args.json, out)
        return 0 if out.get("server_patient_search_ms_p95") is not None else 1
    c, o = out["commit_ms"], out["other_room_ms"]
    print(f"write path: {args.path}")
    print(f"rooms {out['rooms']}, {out['units_of_work']} units of work in {seconds:.0f} s, "
          f"load {out['machine']['loadavg_1min_start_max_end']}")
    print(f"commit latency      p50 {c.get('p50')} ms  p95 {c.get('p95')} ms  max {c.get('max')}"
          f" ms  (target p95 <= {TARGET_COMMIT_MS:.0f})")
    a = out["commit_statement_alone_ms"]
    print(f"  of which COMMIT    p50 {a.get('p50')} ms  p95 {a.get('p95')} ms")
    print(f"change to other room p50 {o.get('p50')} ms  p95 {o.get('p95')} ms  max "
          f"{o.get('max')} ms  (target p95 <= {TARGET_OTHER_ROOM_MS:.0f})")
    print(f"lost writes {out['lost_writes']}, notifications missed "
          f"{out['notifications_missed']}, chain intact {out['chain_intact']}")
    print(search)
    save_json(args.json, out)
    return 0 if out["lost_writes"] == 0 and out["chain_intact"] else 1


if __name__ == "__main__":
    sys.exit(main())
