"""A patient's history (sessions and their sites), read once and shared.

The window's history overlay and its progress panel both need the open patient's sessions with
their sites. `PatientHistories` keeps the last few patients' `History`, and forgets one as soon as
a change on the bus (services.changes) touches that patient or one of its sessions (a change of a
site reads just that session's sites again). It listens in the bus's CACHE tier, so it is up to
date before any view (VIEW tier) hears the same change and reads from it.

The sites are read for the sessions asked for: opening a patient, the chart's overlay shows the
last few visits, and reading the sites of all of them (8,000 for 200 visits) was most of the
first open's time. A history therefore holds every session and the sites of those read so far
(`loaded`); the progress panel asks for all of them when it is shown, the overlay for the visits
it draws, and each asks only for what is missing, in one query.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable

from imsmap.domain.progress import History
from imsmap.services.changes import Change, ChangeBus, Entity, Tier
from imsmap.services.queries import RecordQueries

KEEP = 2  # the patient open now and the one before (switching back is common)


class PatientHistories:
    def __init__(self, read: RecordQueries, bus: ChangeBus, keep: int = KEEP):
        self.read = read
        self.keep = keep
        self._cache: OrderedDict[int, History] = OrderedDict()
        self._loaded: dict[int, frozenset[int]] = {}  # patient -> sessions whose sites are read
        self.loads = 0  # how many histories were read from the store (for tests)
        self.site_reads = 0  # how many queries read sites of sessions (for tests)
        bus.subscribe(self._on_change, Tier.CACHE)

    def history(self, patient_id: int | None, sessions: Iterable[int] | None = None) -> History:
        """The patient's sessions (oldest first) with the sites of `sessions` (None: of all of
        them); empty for None. Sites of other sessions may be there too (read before): ask for
        the ones you use. The same object while nothing changes and nothing was missing."""
        if patient_id is None:
            return History(())
        history = self._cache.get(patient_id)
        if history is None:
            ordered = History.of(self.read.sessions_for_patient(patient_id), {})
            history = History(ordered.sessions, {}, ordered.numbering,  # no sites read yet
                              ordered.retracted)
            self.loads += 1
            self._cache[patient_id] = history
            self._loaded[patient_id] = frozenset()
            while len(self._cache) > self.keep:
                gone, _ = self._cache.popitem(last=False)
                self._loaded.pop(gone, None)
        self._cache.move_to_end(patient_id)
        loaded = self._loaded[patient_id]
        wanted = history.ids if sessions is None else sessions
        missing = [sid for sid in wanted if sid not in loaded and sid in history.numbering]
        if missing:
            read = self.read.effective_sites_for_sessions(missing)
            self.site_reads += 1
            fresh = {sid: tuple(x for x in read[sid] if not x.planned) for sid in missing}
            history = History(history.sessions, {**history.sites, **fresh}, history.numbering,
                              history.retracted)
            self._cache[patient_id] = history
            self._loaded[patient_id] = loaded | frozenset(missing)
        return history

    def loaded(self, patient_id: int) -> frozenset[int]:
        """The sessions of the cached history whose sites are read (empty if none is cached)."""
        return self._loaded.get(patient_id, frozenset())

    def held(self) -> int:
        """How many patients' histories are held now."""
        return len(self._cache)

    def forget(self, patient_id: int | None = None) -> None:
        """Read again next time: one patient, or everyone (None; e.g. another program wrote to
        the database)."""
        if patient_id is None:
            self._cache.clear()
            self._loaded.clear()
        else:
            self._cache.pop(patient_id, None)
            self._loaded.pop(patient_id, None)

    def _on_change(self, change: Change) -> None:
        if change.entity is Entity.PATIENT:
            return  # names and notes: not part of the history
        if change.entity is Entity.PATIENT_MERGE:
            self.forget()  # records merged or separated: whose sessions are whose, read again
            return
        for pid, history in list(self._cache.items()):
            # Is the change's session one of this history's? Its visit numbers hold every
            # session it counts (they are made with it, above), and a dict answers at once:
            # `history.ids` makes the tuple of the patient's sessions anew, twice for each
            # patient held, at every tap.
            ours = change.session_id in history.numbering
            if change.entity is Entity.SITE and ours:
                # A site tapped, graded or removed: that session's sites read again (if they
                # were read), not the whole history (200 visits are 8,000 sites, about 25 ms, on
                # every tap while the Progress tab is open).
                sid = change.session_id
                if sid not in self._loaded[pid]:
                    continue
                sites = tuple(x for x in self.read.effective_sites_for_session(sid)
                              if not x.planned)
                self._cache[pid] = History(history.sessions, {**history.sites, sid: sites},
                                           history.numbering, history.retracted)
            elif change.patient_id == pid or ours:
                del self._cache[pid]
                del self._loaded[pid]
