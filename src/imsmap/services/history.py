"""A patient's whole history (sessions and their sites), read once and shared.

The window's history overlay and its progress panel both need every session of the open
patient with its sites; reading them twice cost two thirds of opening a patient with a long
history. `PatientHistories` keeps the last few patients' `History`, and forgets one as soon as a
change on the bus (services.changes) touches that patient or one of its sessions (a change of a
site reads just that session's sites again). It listens in the bus's CACHE tier, so it is up to
date before any view (VIEW tier) hears the same change and reads from it.
"""

from __future__ import annotations

from collections import OrderedDict

from imsmap.domain.progress import History
from imsmap.services.changes import Change, ChangeBus, Entity, Tier
from imsmap.services.queries import RecordQueries

KEEP = 2  # the patient open now and the one before (switching back is common)


class PatientHistories:
    def __init__(self, read: RecordQueries, bus: ChangeBus, keep: int = KEEP):
        self.read = read
        self.keep = keep
        self._cache: OrderedDict[int, History] = OrderedDict()
        self.loads = 0  # how many histories were read from the store (for tests)
        bus.subscribe(self._on_change, Tier.CACHE)

    def history(self, patient_id: int | None) -> History:
        """The patient's sessions (oldest first) with their sites; empty for None."""
        if patient_id is None:
            return History(())
        found = self._cache.get(patient_id)
        if found is not None:
            self._cache.move_to_end(patient_id)
            return found
        sessions = self.read.sessions_for_patient(patient_id)
        history = History.of(sessions, self.read.sites_for_sessions([s.id for s in sessions]))
        self.loads += 1
        self._cache[patient_id] = history
        while len(self._cache) > self.keep:
            self._cache.popitem(last=False)
        return history

    def held(self) -> int:
        """How many patients' histories are held now."""
        return len(self._cache)

    def forget(self, patient_id: int | None = None) -> None:
        """Read again next time: one patient, or everyone (None; e.g. another program wrote to
        the database)."""
        if patient_id is None:
            self._cache.clear()
        else:
            self._cache.pop(patient_id, None)

    def _on_change(self, change: Change) -> None:
        if change.entity is Entity.PATIENT:
            return  # names and notes: not part of the history
        for pid, history in list(self._cache.items()):
            if change.entity is Entity.SITE and change.session_id in history.ids:
                # A site tapped, graded or removed: that session's sites read again, not the
                # whole history (200 visits are 8,000 sites, about 25 ms, on every tap while the
                # Progress tab is open).
                sid = change.session_id
                sites = tuple(x for x in self.read.sites_for_session(sid)
                              if not x.planned)
                self._cache[pid] = History(history.sessions, {**history.sites, sid: sites},
                                           history.numbering)
            elif change.patient_id == pid or (change.session_id is not None
                                              and change.session_id in history.ids):
                del self._cache[pid]
