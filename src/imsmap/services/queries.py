"""The read side of the record: what the window and the reports may ask, as domain objects.

`ui/` and `report/` read the record only through a `RecordQueries` (``records.read``), never
through the store's repository or the database connection, so the store behind the services
(SQLite today, a clinic server later) is one seam they never see.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from imsmap.domain.corrections import SiteCorrection, effective_sites
from imsmap.domain.errors import ValidationError
from imsmap.domain.models import (
    Amendment,
    AuditEntry,
    Patient,
    PatientMerge,
    Retraction,
    Session,
    Site,
)
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.services import signatures
from imsmap.services.file_hold import FileRoomHold
from imsmap.services.room_hold import Hold, RoomHold
from imsmap.store import audit, site_corrections
from imsmap.store.db import Database
from imsmap.store.repository import Repository


class RecordQueries:
    def __init__(self, db: Database, store: Repository):
        self._db = db
        self._store = store
        self._holds: RoomHold | FileRoomHold | None = None
        self._signed_before: dict[int, signatures.Witness | None] = {}

    # -- several rooms (a clinic server) --------------------------------------------------
    def watch_holds(self, hold: RoomHold | FileRoomHold) -> None:
        """Answer `held_elsewhere` from this room's hold (services.live.room_of)."""
        self._holds = hold

    def held_elsewhere(self, session_id: int | None) -> Hold | None:
        """Another room's hold on the session, as this room last heard of it (no server
        call): while there is one, the session is read-only here. On a single-PC file, another
        window's (services.file_hold)."""
        hold = self._holds
        if hold is None or session_id is None or hold.session_id != session_id:
            return None
        current = hold.current
        return current if current is not None and not current.mine else None

    def held_here(self, session_id: int) -> int | None:
        """This room believes it holds the session (its hold's last answer; no server call):
        the server process of the connection it holds it on (0: not known), else None. Each
        write to it checks that the server agrees (services.unit_of_work)."""
        hold = self._holds
        if not isinstance(hold, RoomHold) or hold.session_id != session_id \
                or not hold.editable:
            return None
        return hold.held_pid or 0

    def hold_unknown(self, session_id: int | None) -> bool:
        """This room asked for the session's hold and has no answer yet (a lock another
        transaction held was in the way: RoomHold.busy): read-only here, as while another room
        holds it, until a look answers (no server call)."""
        hold = self._holds
        return (hold is not None and session_id is not None and hold.session_id == session_id
                and hold.current is None and hold.busy)

    def signed_before(self, session_id: int, *, fresh: bool = True
                      ) -> signatures.Witness | None:
        """Of a draft: the entry that signed it, when the audit trail holds one (its signature
        taken away outside imsmap, which imsmap never does): such a draft is neither edited
        nor signed again. Looked up through the trail's index by session when `fresh` (the
        window, as it opens the session), else as last looked up here (the site inspector,
        at each site it shows: no lookup per tap)."""
        if fresh or session_id not in self._signed_before:
            self._signed_before[session_id] = signatures.signed_before(self._db.conn,
                                                                       session_id)
        return self._signed_before[session_id]

    # -- the database as a whole ----------------------------------------------------------
    @property
    def path(self) -> Path:
        """The database file (for titles, messages and the background backup)."""
        return Path(self._db.path)

    @property
    def readonly(self) -> bool:
        """True when the file (or its folder) cannot be written: nothing can change."""
        return self._db.readonly

    @property
    def roles(self) -> frozenset[str]:
        """What the person signed in may do (store.db.ROLES): on a clinic server the groups the
        login is in, as the server says; on one PC all of them. The server enforces them; the
        window shows only what they allow."""
        return self._db.roles

    @property
    def place(self) -> str | None:
        """On a clinic server, which database on which server, as a records sentence
        ("database clinic on db.clinic.lan:5432"); None for a file."""
        return getattr(self._db, "place", None) if self._db.is_server else None

    @property
    def login(self) -> str | None:
        """The clinic server's login that is signed in (None for a file)."""
        return self._db.login

    @property
    def on_server(self) -> bool:
        return self._db.is_server

    def data_version(self) -> int | None:
        """A number that changes when another connection has written to the database since
        this one last looked (SQLite's PRAGMA data_version); None when the connection is gone
        (closing) or cannot answer."""
        return self._store.data_version()

    def setting(self, key: str, default: str | None = None) -> str | None:
        return self._store.setting(key, default)

    # -- patients, sessions, sites --------------------------------------------------------
    def patient(self, patient_id: int) -> Patient:
        return self._store.patient(patient_id)

    def search_patients(self, text: str) -> list[Patient]:
        return self._store.search_patients(text)

    def check_chart_number_free(self, chart_number: str, patient_id: int | None = None) -> None:
        """A ValidationError (at the chart number) when a patient other than ``patient_id``
        has ``chart_number``: what Records.create_patient and update_patient refuse, asked by
        the patient form before it saves, so that it says every problem at once."""
        other = self._store.patient_by_chart_number(chart_number)
        if other is not None and other.id != patient_id:
            raise ValidationError(sentence("Records", QT_TRANSLATE_NOOP(
                "Records", "Chart number %1 belongs to another patient already."),
                chart_number), "chart_number")
        # In other capitals it is the same number on paper, and the search finds both under
        # either: a second record under it got the visits meant for the first. A patient's own
        # number kept as it is stays theirs (a file may hold two from before this check).
        if patient_id is not None and self._store.patient(patient_id).chart_number == chart_number:
            return
        for other in self._store.patients_by_chart_number_folded(chart_number):
            if other.id != patient_id:
                raise ValidationError(sentence("Records", QT_TRANSLATE_NOOP(
                    "Records", "Chart number %1 belongs to another patient already, written %2."),
                    chart_number, other.chart_number), "chart_number")

    def session(self, session_id: int) -> Session:
        return self._store.session(session_id)

    def sessions_for_patient(self, patient_id: int) -> list[Session]:
        """The sessions of the patient's history, newest first: the record's own and those of
        every duplicate merged into it (services.merging)."""
        return self._store.sessions_for_patient(patient_id)

    def history_ids(self, patient_id: int) -> tuple[int, ...]:
        """The patient ids the record's history is read from: the record kept, then the
        duplicates merged into it (store.merge_rows.history_ids)."""
        return self._store.history_ids(patient_id)

    def merges(self, patient_id: int) -> list[PatientMerge]:
        """Every merge the record was part of (as duplicate or kept), oldest first, each with
        the separation that ended it, if any."""
        return self._store.merges(patient_id)

    def all_merges(self) -> list[PatientMerge]:
        return self._store.all_merges()

    def merged_into(self, patient_id: int) -> PatientMerge | None:
        """The merge in force that merged this record into another, if any."""
        return next((m for m in self._store.merges(patient_id)
                     if m.in_force and m.duplicate_id == patient_id), None)

    def previous_session_id(self, session_id: int) -> int | None:
        return self._store.previous_session_id(session_id)

    def site(self, site_id: int, *, include_removed: bool = False) -> Site:
        return self._store.site(site_id, include_removed=include_removed)

    def sites_for_session(self, session_id: int) -> list[Site]:
        return self._store.sites_for_session(session_id)

    def sites_for_sessions(self, session_ids: list[int]) -> dict[int, list[Site]]:
        return self._store.sites_for_sessions(session_ids)

    def effective_sites_for_session(self, session_id: int) -> list[Site]:
        """The session's sites as every figure counts them: signed values with its amendments'
        corrections applied, a site recorded in error left out (effective_sites_for_sessions)."""
        return self.effective_sites_for_sessions([session_id])[session_id]

    def effective_sites_for_sessions(self, session_ids: list[int]) -> dict[int, list[Site]]:
        """{session id: its effective sites} (domain.corrections.effective_sites, the one
        function every reader of figures goes through); `sites_for_sessions` is the record as
        signed (the session PDF's site table, the content hash)."""
        return effective_sites_of(self._db.conn, self._store.sites_for_sessions(session_ids))

    def site_corrections(self, session_ids: list[int]) -> dict[int, list[SiteCorrection]]:
        """{session id: its corrections in amendment order} for the corrected ones."""
        return site_corrections.for_sessions(self._db.conn, session_ids)

    def amendments(self, session_id: int) -> list[Amendment]:
        return self._store.amendments(session_id)

    def amendment_counts(self, patient_id: int) -> dict[int, int]:
        """{session id: how many amendments} for the patient's amended sessions."""
        return self._store.amendment_counts(patient_id)

    def retraction(self, session_id: int) -> Retraction | None:
        """The session's withdrawal or entered-in-error mark, if it has one."""
        return self._store.retraction(session_id)

    def retractions(self, patient_id: int) -> dict[int, Retraction]:
        """{session id: its mark} for the patient's withdrawn or entered-in-error sessions."""
        return self._store.retractions(patient_id)

    def audit_entries(self, session_id: int | None = None) -> list[AuditEntry]:
        """The audit trail, oldest first; one session's entries when session_id is given."""
        return audit.entries(self._db.conn, session_id)

    def signer_names(self, session_ids: Iterable[int] | None = None) -> dict[int, str]:
        """{session id: the person named as its signer} (services.signatures.signer_names)."""
        return signatures.signer_names(self._db.conn, session_ids)

    def seal(self, session_id: int) -> signatures.Seal:
        """The signed session's seal for its PDF (services.signatures.Seal)."""
        return signatures.seal(self._db.conn, session_id)


def effective_sites_of(conn: sqlite3.Connection, sites: dict[int, list[Site]]
                       ) -> dict[int, list[Site]]:
    """{session id: effective sites} of {session id: sites as signed}: one query for the
    corrections of all of them (store.site_corrections), then effective_sites. What every reader
    of figures calls, the window's (RecordQueries) and the exports' (which read the store)."""
    corrections = site_corrections.for_sessions(conn, list(sites))
    return {sid: effective_sites(rows, corrections[sid]) if sid in corrections else rows
            for sid, rows in sites.items()}
