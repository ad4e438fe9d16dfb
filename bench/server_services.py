"""A room of bench/server.py on the path the window writes through: the record services
(services.records.Records, each gesture one unit of work: BEGIN, the row, its audit entry, the
row read back, COMMIT) on store.postgres.database.ServerDatabase, signed in with the room's own
login as `imsmap --dsn` signs in. The same charting as the store-level room (server.Room.chart):
a site placed, a grade, a finding, a protocol's ten sites applied in one unit of work, the
signature. A unit's time is the service call's, start to return, as a window waits for it.
"""

from __future__ import annotations

import time

from common import ms

from server import Room


def _spots(atlas) -> list[tuple[str, float, float, str, str]]:
    """(view id, x, y, muscle, side): the label point of every left/right region that holds
    it, where a click on the chart would place a site."""
    return [(v.id, *r.label, r.muscle, r.side) for v in atlas.views.values()
            for r in v.regions if r.side in ("L", "R") and r.contains(*r.label)]


class ServicesRoom(Room):
    def __init__(self, index: int, dsn: str, seed: int):  # noqa: D107 - Room's, on Records
        import random
        import threading

        from imsmap.services.context import open_server_context
        from imsmap.store.postgres.listen import ChangeFeed

        self.index = index
        self.rng = random.Random(seed)
        self.context = open_server_context(dsn)
        self.records = self.context.records
        self.spots = _spots(self.records.atlas)
        self.feed = ChangeFeed(dsn, own_pids=lambda: {self.records.db.conn.pg.info.backend_pid})
        self.heard: dict[int, float] = {}
        self.units: list[dict] = []
        self.sites: list[int] = []
        self.last_entry = 0
        # Counted, not changed: the statements a unit sends, and its COMMIT's own time.
        conn = self.records.db.conn
        self._statements = 0
        self._commit_s = 0.0
        self._committed_at = 0.0
        execute, end = conn.execute, conn.end

        def counted(*args, **kwargs):
            self._statements += 1
            return execute(*args, **kwargs)

        def timed_end(commit: bool) -> None:
            begun = time.monotonic()
            try:
                end(commit)
            finally:
                self._committed_at = time.monotonic()
                self._commit_s = self._committed_at - begun
        conn.execute, conn.end = counted, timed_end
        self._stop = threading.Event()
        self._listener: threading.Thread | None = None

    def unit(self, kind: str, call) -> object:  # type: ignore[override]
        self._statements = 0
        begun = time.monotonic()
        result = call()
        done = time.monotonic()
        statements, commit_s, committed = self._statements, self._commit_s, self._committed_at
        # Which audit entries it wrote (read after the clock stopped; the login's own).
        entries = [r[0] for r in self.records.db.conn.execute(
            "SELECT id FROM audit WHERE actor = session_user AND id > ? ORDER BY id",
            (self.last_entry,)).fetchall()]
        if entries:
            self.last_entry = entries[-1]
        # "done" is when COMMIT returned (the other rooms' latency is counted from it): the
        # service then reads the row back before it returns, which the call's time includes.
        self.units.append({"kind": kind, "ms": ms(done - begun), "audit": entries,
                           "done": committed, "commit_ms": ms(commit_s),
                           "statements": statements + 2})  # and BEGIN, COMMIT
        return result

    def _site(self, session_id: int):
        view, x, y, muscle, side = self.rng.choice(self.spots)
        return self.records.add_site(session_id, view, x, y, muscle_id=muscle, side=side)

    def setup(self) -> None:
        import os
        from datetime import datetime

        from imsmap.services import planning

        r = self.records

        def start():
            patient = r.create_patient(chart_number=f"B-{self.index}-{os.getpid()}",
                                       family_name="Bench")
            template = r.start_session(patient.id, started_at=datetime(2026, 11, 26, 9, 0))
            for _ in range(10):
                self._site(template.id)
            self.protocol_id = planning.save_protocol(r, f"bench {self.index}", template.id).id
            r.sign_session(template.id)
            return patient.id, r.start_session(patient.id,
                                               started_at=datetime(2026, 12, 3, 9, 0)).id

        self.patient_id, self.session_id = self.unit("start", start)

    def place(self, count: int) -> None:
        from imsmap.services import planning

        if count > 1:
            made = self.unit("protocol", lambda: planning.apply_protocol(
                self.records, self.protocol_id, self.session_id))
        else:
            made = [self.unit("site", lambda: self._site(self.session_id))]
        self.sites.extend(s.id for s in made)

    def grade(self) -> None:
        site_id = self.rng.choice(self.sites)
        grasp = self.rng.randrange(0, 4)
        self.unit("grade", lambda: self.records.update_site(site_id, grasp=grasp))

    def finding(self) -> None:
        self.unit("finding", lambda: self.records.add_finding(self.session_id, "shortening",
                                                              "C6", "L", "firm"))

    def sign(self) -> None:
        self.unit("sign", lambda: self.records.sign_session(self.session_id))

    def finish(self, linger: float) -> dict:
        time.sleep(linger)
        self._stop.set()
        if self._listener is not None:
            self._listener.join(5)
        self.context.close()
        return {"index": self.index, "session_id": self.session_id, "sites": self.sites,
                "units": self.units, "heard": self.heard, "reconnects": self.feed.reconnects}
