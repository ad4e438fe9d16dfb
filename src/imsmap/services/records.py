"""The use cases of the clinical record. Each call validates (the rules of each field are
services.record_fields), writes in one transaction with one audit entry, and returns fresh
snapshots; subscribers hear what changed so views can refresh.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import uuid
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import date, datetime

from imsmap.atlas import Atlas, AtlasError
from imsmap.domain import validation as v
from imsmap.domain.errors import ConflictError, ReadOnlyError, ValidationError
from imsmap.domain.models import (
    AdverseEvent,
    Amendment,
    AuditEntry,
    Finding,
    Patient,
    Session,
    SessionRecord,
    Site,
)
from imsmap.domain.text import QT_TRANSLATE_NOOP, quoted, sentence
from imsmap.domain.values import FieldValues, JsonObject
from imsmap.domain.vocabulary import (
    ADVERSE_EVENT_KINDS,
    ADVERSE_SEVERITIES,
    FINDING_SIGNS,
)
from imsmap.services import amending, conflicts
from imsmap.services.amending import Correction
from imsmap.services.changes import Action, Change, ChangeBus, Entity
from imsmap.services.practitioner_list import (
    LOGINS_SETTING,
    PRACTITIONERS_SETTING,
    by_login,
    from_stored,
)
from imsmap.services.queries import RecordQueries
from imsmap.services.record_fields import (
    EDITABLE_SESSION_FIELDS,
    EDITABLE_SITE_FIELDS,
    check_level,
    clean_patient_fields,
    clean_session_fields,
    clean_site_fields,
)
from imsmap.services.safety import signing_atlas
from imsmap.services.signatures import SIGNER_NAME, session_witnesses, signed_again_refusal
from imsmap.services.unit_of_work import UnitOfWork, unit_of_work
from imsmap.store import audit, site_rows
from imsmap.store.db import Database
from imsmap.store.file_holds import FileHolds
from imsmap.store.photos import PhotoStore
from imsmap.store.record_rows import PATIENT_FIELDS, as_dict, sql_time, to_sql
from imsmap.store.repository import Repository

DEFAULT_NEEDLE = (0.25, 40.0)  # mm: a common IMS needle, until the clinic sets its presets


def now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def default_actor() -> str:
    """The login name (getpass.getuser: the environment, else the password database)."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on this system: still record something
        return "unknown"


class Records:
    """The record's use cases. Made by the composition root (services.context), which gives it
    the database, the atlas and the change bus it publishes on."""

    def __init__(self, db: Database, atlas: Atlas, bus: ChangeBus, actor: str | None = None,
                 clock: Callable[[], datetime] = now):
        self.db = db
        self.repo = Repository(db)  # the store's rows: the services' one seam to SQL
        self.read = RecordQueries(db, self.repo)  # what ui/ and report/ may read
        self.atlas = atlas
        self.bus = bus
        self.actor = actor or default_actor()
        self.clock = clock
        self.photo_store = PhotoStore(db)  # the photo tables (store.photos), bytes apart
        # On a clinic server, the window's room (services.room_hold): set by the window that
        # holds sessions; a draft another room holds is then refused by every write.
        self.room: str | None = None
        self._file_holds: FileHolds | None = None

    @property
    def file_holds(self) -> FileHolds | None:
        """On a single-PC file that can be written, the drafts this window (or command)
        holds (store.file_holds; services.file_hold); None on a server or a read-only file."""
        if self.db.is_server or self.db.readonly or str(self.db.path) == ":memory:":
            return None
        if self._file_holds is None:
            self._file_holds = FileHolds(self.db.path, self.actor)
        self._file_holds.login = self.actor
        return self._file_holds

    # -- the unit of work ------------------------------------------------------------------
    def write(self) -> AbstractContextManager[UnitOfWork]:
        """One write: a transaction with its time stamp and audit entries; the changes it
        announces are published on the bus after COMMIT (services.unit_of_work)."""
        return unit_of_work(self.db, self.repo, self.bus, self.actor,
                            lambda: sql_time(self.db.write_clock() or self.clock()), self.room,
                            self.file_holds, self.read.held_here)

    def waiting_briefly(self) -> AbstractContextManager[None]:
        """The writes inside wait only briefly for another room's lock (store.db): a save
        made by a timer, refused with domain.errors.BusyError and tried again."""
        return self.db.waiting_briefly()

    # -- patients --------------------------------------------------------------------------
    def clean_patient_fields(self, fields: FieldValues) -> FieldValues:
        """The fields checked and made clean, as of this clock (services.record_fields)."""
        return clean_patient_fields(fields, self.clock)

    def create_patient(self, **fields: object) -> Patient:
        for required in ("chart_number", "family_name"):
            fields.setdefault(required, "")
        clean = self.clean_patient_fields(fields)
        with self.write() as work:
            self.repo.lock_chart_numbers([clean["chart_number"]])  # two rooms at once
            self.read.check_chart_number_free(clean["chart_number"])
            at = work.at
            values = {k: to_sql(val) for k, val in clean.items()}
            pid = self.repo.insert_patient(values, at, self.actor)
            work.audit(Action.CREATE, Entity.PATIENT, pid, None,
                       changes={k: [None, val] for k, val in values.items()})
            work.changed(Change(Action.CREATE, Entity.PATIENT, pid, patient_id=pid))
        return self.repo.patient(pid)

    def update_patient(self, patient_id: int, *, expected: FieldValues | None = None,
                       **fields: object) -> Patient:
        """Change a patient's fields. ``expected``: the values the editor started from; a
        ConflictError (nothing written) when the stored ones differ (another window)."""
        clean = self.clean_patient_fields(fields)
        with self.write() as work:
            version = work.version("patients", patient_id)
            old = self.repo.patient(patient_id)
            if expected:
                conflicts.check(self.db.conn, "patient", patient_id, None, old, expected,
                                clean, PATIENT_FIELDS)
            if "chart_number" in clean and clean["chart_number"] != old.chart_number:
                self.repo.lock_chart_numbers([clean["chart_number"]])
                self.read.check_chart_number_free(clean["chart_number"], patient_id)
            self.write_update(work, "patients", old, clean, version,
                               Change(Action.UPDATE, Entity.PATIENT, patient_id,
                                      patient_id=patient_id))
        return self.repo.patient(patient_id)

    # -- sessions --------------------------------------------------------------------------
    def clean_session_fields(self, fields: FieldValues) -> FieldValues:
        """The fields checked and made clean, as of this clock (services.record_fields)."""
        return clean_session_fields(fields, self.clock)

    def start_session(self, patient_id: int, **fields: object) -> Session:
        """A new draft; started now unless ``started_at`` says when: at the write's time, the
        clinic server's on a server (a room's clock five minutes fast started a session the
        server signed before it)."""
        now_here = "started_at" not in fields
        fields.setdefault("started_at", self.clock())
        clean = self.clean_session_fields(fields)
        with self.write() as work:
            self.repo.patient(patient_id)  # exists?
            kept = self.repo.history_ids(patient_id)[0]
            if kept != patient_id:  # merged away (services.merging): its history is the kept one's
                raise ValidationError(sentence("Records", QT_TRANSLATE_NOOP(
                    "Records", "This record was merged into %1; start the session there."),
                    self.repo.patient(kept).chart_number))
            at = work.at
            values = {"patient_id": patient_id, "atlas_version": self.atlas.version,
                      "uid": _new_uid(),
                      **{k: to_sql(val) for k, val in clean.items()}}
            if now_here:
                values["started_at"] = at
            sid = self.repo.insert_session(values, at, self.actor)
            session = self.repo.session(sid)  # the row is the record; the entry, its digest
            work.audit(Action.CREATE, Entity.SESSION, sid, sid,
                       changes=audit.content_digest(audit.session_content(session)))
            work.changed(Change(Action.CREATE, Entity.SESSION, sid, session_id=sid,
                                patient_id=patient_id))
        return session

    def update_session(self, session_id: int, *, expected: FieldValues | None = None,
                       **fields: object) -> Session:
        """Change a draft's fields; ``expected`` as in update_patient."""
        clean = self.clean_session_fields(fields)
        with self.write() as work:
            version = work.version("sessions", session_id)
            old = work.draft(session_id)
            if expected:
                conflicts.check(self.db.conn, "session", session_id, session_id, old, expected,
                                clean, EDITABLE_SESSION_FIELDS)
            self.write_update(work, "sessions", old, clean, version,
                               Change(Action.UPDATE, Entity.SESSION, session_id,
                                      session_id=session_id, patient_id=old.patient_id))
        return self.repo.session(session_id)

    def session_record(self, session_id: int) -> SessionRecord:
        session = self.repo.session(session_id)
        return SessionRecord(session=session, patient=self.repo.patient(session.patient_id),
                             sites=tuple(self.repo.sites_for_session(session_id)),
                             amendments=tuple(self.repo.amendments(session_id)),
                             findings=tuple(self.repo.findings(session_id)),
                             adverse_events=tuple(self.repo.adverse_events(session_id)),
                             photos=tuple(self.photo_store.for_session(session_id)))

    def audit_entries(self, session_id: int | None = None) -> list[AuditEntry]:
        """The audit trail, oldest first; one session's entries when session_id is given."""
        return audit.entries(self.db.conn, session_id)

    # -- examination findings and adverse events -------------------------------------------
    def add_finding(self, session_id: int, sign: str, location: str = "", side: str = "M",
                    notes: str = "") -> Finding:
        if sign not in FINDING_SIGNS:
            raise ValidationError(sentence("Records", QT_TRANSLATE_NOOP(
                "Records", "Finding %1 is not one of: %2."), quoted(sign),
                ", ".join(FINDING_SIGNS)), "sign")
        values = {"session_id": session_id, "sign": sign,
                  "location": v.text(location, "location",
                                     label=QT_TRANSLATE_NOOP("Label", "The location"),
                                     max_len=v.MAX_NAME, multiline=False),
                  "side": v.side(side).value,
                  "notes": v.text(notes, "notes", label=QT_TRANSLATE_NOOP("Label", "The notes"),
                                  max_len=v.MAX_SHORT_TEXT)}
        fid = self._add_detail("findings", "finding", session_id, values)
        return next(f for f in self.repo.findings(session_id) if f.id == fid)

    def add_adverse_event(self, session_id: int, kind: str, severity: str,
                          action_taken: str = "") -> AdverseEvent:
        if kind not in ADVERSE_EVENT_KINDS:
            raise ValidationError(sentence("Records", QT_TRANSLATE_NOOP(
                "Records", "Adverse event %1 is not one of: %2."), quoted(kind),
                ", ".join(ADVERSE_EVENT_KINDS)), "kind")
        if severity not in ADVERSE_SEVERITIES:
            raise ValidationError(sentence("Records", QT_TRANSLATE_NOOP(
                "Records", "Severity %1 is not one of: %2."), quoted(severity),
                ", ".join(ADVERSE_SEVERITIES)), "severity")
        values = {"session_id": session_id, "kind": kind, "severity": severity,
                  "action_taken": v.text(action_taken, "action_taken",
                                         label=QT_TRANSLATE_NOOP("Label", "The action taken"),
                                         max_len=v.MAX_SHORT_TEXT)}
        aid = self._add_detail("adverse_events", "adverse_event", session_id, values)
        return next(a for a in self.repo.adverse_events(session_id) if a.id == aid)

    def _add_detail(self, table: str, entity: str, session_id: int, values: FieldValues) -> int:
        with self.write() as work:
            session = work.draft(session_id)
            at = work.at
            row_id = self.repo.insert_row(table, values, at, self.actor)
            work.audit(Action.CREATE, entity, row_id, session_id,
                       changes={k: [None, val] for k, val in values.items()})
            work.changed(Change(Action.CREATE, Entity(entity), row_id, session_id=session_id,
                                patient_id=session.patient_id))
        return row_id

    def remove_finding(self, finding_id: int) -> None:
        self._remove_detail("findings", "finding", finding_id)

    def remove_adverse_event(self, event_id: int) -> None:
        self._remove_detail("adverse_events", "adverse_event", event_id)

    def _remove_detail(self, table: str, entity: str, row_id: int) -> None:
        with self.write() as work:
            version = work.version(table, row_id)
            session_id = self.repo.session_of(table, row_id)
            session = work.draft(session_id)
            at = work.at
            self.repo.mark_removed(table, row_id, at, self.actor, version)
            work.audit(Action.REMOVE, entity, row_id, session_id, changes={})
            work.changed(Change(Action.REMOVE, Entity(entity), row_id, session_id=session_id,
                                patient_id=session.patient_id))

    # -- sites -----------------------------------------------------------------------------
    def resolve_muscle(self, view_id: str, x: float, y: float,
                       layer: str | None = None) -> tuple[str, str, str, str | None] | None:
        """(muscle id, side, layer, level) of the region under a point, preferring `layer`; the
        level the region gives a site at that height (Region.level_at)."""
        try:
            view = self.atlas.view(view_id)
        except AtlasError as exc:
            raise ValidationError(str(exc), "view_id") from None
        regions = view.regions_at(x, y)
        if not regions:
            return None
        chosen = next((r for r in regions if r.layer == layer), regions[0])
        return chosen.muscle, chosen.side, chosen.layer, chosen.level_at(y)

    def clean_site_fields(self, fields: FieldValues) -> FieldValues:
        """The fields checked and made clean, on this atlas (services.record_fields)."""
        return clean_site_fields(fields, self.atlas)

    def _default_needle(self, session_id: int) -> tuple[float, float]:
        last = self.repo.last_needle(session_id)
        if last is not None:
            return last
        d = self.repo.setting("needle.diameter_mm")
        length = self.repo.setting("needle.length_mm")
        if d and length:
            return float(d), float(length)
        return DEFAULT_NEEDLE

    def add_site(self, session_id: int, view_id: str, x: float, y: float,
                 **fields: object) -> Site:
        """Record an insertion at (x, y) on a view; the muscle is the region there unless given."""
        try:
            view = self.atlas.view(view_id)
        except AtlasError as exc:
            raise ValidationError(str(exc), "view_id") from None
        x = v.coordinate(x, "x", view.width)
        y = v.coordinate(y, "y", view.height)
        if "muscle_id" not in fields:
            found = self.resolve_muscle(view_id, x, y, fields.get("layer"))  # type: ignore[arg-type]
            if found is None:
                raise ValidationError(sentence("Records", QT_TRANSLATE_NOOP(
                    "Records", "There is no muscle at that point of the chart.")), "muscle_id")
            muscle_id, side, layer, level = found
            fields = {"muscle_id": muscle_id, "side": side, "layer": layer, "level": level,
                      **{k: val for k, val in fields.items() if k != "layer"}}
        fields.setdefault("side", "M")
        clean = self.clean_site_fields(fields)
        check_level(self.atlas, clean["muscle_id"], clean.get("level"))
        with self.write() as work:
            work.draft(session_id)
            if "needle_diameter_mm" not in clean or "needle_length_mm" not in clean:
                d, length = self._default_needle(session_id)
                clean.setdefault("needle_diameter_mm", d)
                clean.setdefault("needle_length_mm", length)
            at = work.at
            values = {"session_id": session_id, "seq": self.repo.next_seq(session_id),
                      "view_id": view_id, "x": round(x, 2), "y": round(y, 2),
                      **{k: to_sql(val) for k, val in clean.items()}}
            site_id = self.repo.insert_site(values, at, self.actor)
            # The row is the record; the entry holds a digest of it as it was created (from the
            # row read back, so it is what any later reading sees).
            site = self.repo.site(site_id)
            work.audit(Action.CREATE, Entity.SITE, site_id, session_id,
                       changes=audit.content_digest(site_rows.content(site)))
            work.changed(Change(Action.CREATE, Entity.SITE, site_id, session_id=session_id))
        return site

    def update_site(self, site_id: int, *, expected: FieldValues | None = None,
                    **fields: object) -> Site:
        """Change a site's recorded fields; ``expected`` as in update_patient."""
        clean = self.clean_site_fields(fields)
        return self._change_site(site_id, clean, expected)

    def move_site(self, site_id: int, x: float, y: float) -> Site:
        """Move a site; the muscle, side and level follow the region where it lands."""
        site = self.repo.site(site_id)
        view = self.atlas.view(site.view_id)
        clean: dict[str, object] = {"x": round(v.coordinate(x, "x", view.width), 2),
                                    "y": round(v.coordinate(y, "y", view.height), 2)}
        found = self.resolve_muscle(site.view_id, clean["x"], clean["y"], site.layer)  # type: ignore[arg-type]
        if found is None:
            raise ValidationError(sentence("Records", QT_TRANSLATE_NOOP(
                "Records", "There is no muscle at that point of the chart; the site stays where "
                "it was.")), "muscle_id")
        clean.update(zip(("muscle_id", "side", "layer", "level"), found))
        clean["side"] = v.side(clean["side"])
        if clean["level"] is None and clean["muscle_id"] == site.muscle_id:
            del clean["level"]  # a region without levels keeps the level recorded on the site
        return self._change_site(site_id, clean)

    def _change_site(self, site_id: int, clean: FieldValues, expected: FieldValues | None = None) -> Site:
        with self.write() as work:
            version = work.version("sites", site_id)
            old = self.repo.site(site_id)
            work.draft(old.session_id)
            if "muscle_id" in clean or "level" in clean:
                check_level(self.atlas, clean.get("muscle_id", old.muscle_id),
                                  clean.get("level", old.level))
            if expected:
                conflicts.check(self.db.conn, "site", site_id, old.session_id, old, expected,
                                clean, EDITABLE_SITE_FIELDS)
            self.write_update(work, "sites", old, clean, version,
                               Change(Action.UPDATE, Entity.SITE, site_id,
                                      session_id=old.session_id))
        return self.repo.site(site_id)

    def write_update(self, work: UnitOfWork, table: str, old: Patient | Session | Site,
                      clean: FieldValues, version: int | None, change: Change) -> None:
        """Write the fields of `clean` whose value differs from the stored one (`old`'s), in
        one audit entry of each one's value before and after, under `change`'s record and
        session, and announce `change`; nothing at all when none differs. Shared by
        update_patient, update_session, a draft's site edits and the registration number
        recorded from the sign dialog (services.registration), so that they cannot drift
        apart."""
        values = {k: to_sql(val) for k, val in clean.items()}
        before = as_dict(old, tuple(values))
        diff = {k: [before[k], val] for k, val in values.items() if before[k] != val}
        if not diff:
            return
        self.repo.update(table, change.entity_id, {k: values[k] for k in diff}, work.at,
                         self.actor, version)
        work.audit(Action.UPDATE, change.entity, change.entity_id, change.session_id,
                   changes=diff)
        work.changed(change)

    def remove_site(self, site_id: int) -> Site:
        """Take a site off a draft. The row is kept, marked removed, and can be restored."""
        return self.remove_sites([site_id])[0]

    def restore_site(self, site_id: int) -> Site:
        """Undo a removal: the site returns with its number."""
        return self.restore_sites([site_id])[0]

    def remove_sites(self, site_ids: Sequence[int]) -> list[Site]:
        """Take sites of one draft off in one write (undoing a copy forward is one step), the
        highest number first, each with its audit entry; returns them as they were."""
        with self.write() as work:
            versions = {i: work.version("sites", i) for i in site_ids}
            olds = sorted((work.store.site(i) for i in site_ids), key=lambda x: -x.seq)
            for old in olds:
                work.draft(old.session_id)
                work.store.set_site_removed(old.id, True, work.at, work.actor,
                                            versions[old.id])
                work.store.renumber_after(old.session_id, old.seq, -1)
                work.audit(Action.REMOVE, Entity.SITE, old.id, old.session_id,
                           changes={"seq": [old.seq, None], "muscle_id": [old.muscle_id, None]})
            for session_id in dict.fromkeys(old.session_id for old in olds):
                first = next(old.id for old in olds if old.session_id == session_id)
                work.changed(Change(Action.REMOVE, Entity.SITE, first, session_id=session_id))
        return sorted(olds, key=lambda x: site_ids.index(x.id))

    def restore_sites(self, site_ids: Sequence[int]) -> list[Site]:
        """Undo remove_sites in one write: the sites return with their numbers, lowest first."""
        with self.write() as work:
            versions = {i: work.version("sites", i) for i in site_ids}
            olds = sorted((work.store.site(i, include_removed=True) for i in site_ids),
                          key=lambda x: x.seq)
            for old in olds:
                work.draft(old.session_id)
                seq = min(old.seq, work.store.next_seq(old.session_id))
                work.store.renumber_after(old.session_id, seq - 1, +1)
                work.store.set_site_removed(old.id, False, work.at, work.actor,
                                            versions[old.id])
                if seq != old.seq:
                    work.store.update("sites", old.id, {"seq": seq}, work.at, work.actor)
                work.audit(Action.RESTORE, Entity.SITE, old.id, old.session_id,
                           changes={"seq": [None, seq], "muscle_id": [None, old.muscle_id]})
            for session_id in dict.fromkeys(old.session_id for old in olds):
                first = next(old.id for old in olds if old.session_id == session_id)
                work.changed(Change(Action.RESTORE, Entity.SITE, first, session_id=session_id))
        return [self.repo.site(i) for i in site_ids]

    # -- signing ---------------------------------------------------------------------------
    def sign_session(self, session_id: int, *, seen: str | None = None) -> Session:
        """Lock the session: who, when, and a hash of its content. Later changes are amendments.

        `seen`: the `content_hash` of the record as the signer was shown it (the sign dialog's).
        When the content is no longer that (another window or room changed it since), nothing
        is signed: ConflictError, so that no one signs a note they have not seen."""
        with self.write() as work:
            # On a server the session is locked first, then its version and content read: a
            # site another room adds in the same instant either is in the signed content or
            # is refused, and a second room signing at once finds it signed.
            session = work.draft(session_id, lock=True)
            # A draft whose trail holds its signature: signed before, and the signature taken
            # away outside imsmap (imsmap never does): not signed twice (issue 12's forger).
            signed = session_witnesses(work.connection, session_id).get(session_id)
            if signed is not None:
                raise ReadOnlyError(signed_again_refusal(signed))
            version = work.version("sessions", session_id)
            record = self.session_record(session_id)
            at = work.at
            digest = content_hash(record)
            if seen is not None and digest != seen:
                raise ConflictError(sentence("Records", QT_TRANSLATE_NOOP(
                    "Records", "The session was changed in another window while you were "
                    "signing, so it was not signed: read it as it is now, then sign again.")))
            # A draft started on an earlier atlas is signed on today's, whose catalogue made
            # the signing checks (services.safety.signing_atlas): the version it names is part
            # of what is signed, and the signing entry records the move.
            moves_from = signing_atlas(self.atlas, record).moves_from
            if moves_from is not None:
                digest = content_hash(replace(record, session=replace(
                    record.session, atlas_version=self.atlas.version)))
            self.repo.mark_signed(session_id, at, self.actor, digest, version,
                                  self.atlas.version if moves_from is not None else None)
            changes: dict[str, list[str | None]] = {"status": ["draft", "signed"],
                                                    "content_hash": [None, digest]}
            if moves_from is not None:
                changes["atlas_version"] = [moves_from, self.atlas.version]
            # The person the clinic's list gives this login to, as the list says it now: kept
            # in the signing entry (chained), so that the PDF names them whatever the list
            # says later. A login the list does not name signs as a login alone, as before.
            listed = work.store.settings((PRACTITIONERS_SETTING, LOGINS_SETTING))
            signer = by_login(from_stored(listed.get(PRACTITIONERS_SETTING),
                                          listed.get(LOGINS_SETTING)), self.actor)
            if signer is not None:
                changes[SIGNER_NAME] = [None, signer.name]
            work.audit(Action.SIGN, Entity.SESSION, session_id, session_id, changes=changes)
            work.changed(Change(Action.SIGN, Entity.SESSION, session_id, session_id=session_id,
                                patient_id=session.patient_id))
        return self.repo.session(session_id)

    def amend_session(self, session_id: int, reason: str, text: str,
                      corrections: Sequence[Correction] = (),
                      expected: amending.Expected | None = None,
                      seen: int | None = None) -> Amendment:
        """A dated amendment to a signed session, in words and with corrections of its sites
        ((site id, field, new value): services.amending); the original stays as it was.
        ``expected``: the values the corrections were chosen from (ConflictError when another
        amendment changed one meanwhile); ``seen``: how many amendments the session had when
        this one was begun (ConflictError when another was added since)."""
        return amending.amend(self, session_id, reason, text, corrections, expected, seen)


def _new_uid() -> str:
    return uuid.uuid4().hex


def content_hash(record: SessionRecord) -> str:
    """sha256 over the canonical content of a session and its sites (not their bookkeeping),
    and its photos' sha256, caption and chart site (by the site's number), where it has photos
    (those it had when signed: a photo added later by amendment is the amendment's).

    The patient's demographics are left out on purpose: correcting a misspelt name later must not
    make every signed session look tampered with. Database ids are left out too: they change when
    records move to another database (services.importer), and the signature must travel with them;
    the session's permanent uid binds the hash to this one session instead.
    """
    s = record.session
    doc: JsonObject = {
        "session": {k: to_sql(getattr(s, k)) for k in
                    ("uid", "started_at", "atlas_version", *EDITABLE_SESSION_FIELDS)},
        "sites": [{k: to_sql(getattr(site, k)) for k in
                   ("seq", "view_id", "x", "y", *EDITABLE_SITE_FIELDS)}
                  for site in record.sites],
        "findings": [[f.sign, f.location, f.side.value, f.notes] for f in record.findings],
        "adverse_events": [[a.kind, a.severity, a.action_taken] for a in record.adverse_events],
    }
    # A photo added after signing belongs to its amendment, not to what was signed (schema 10).
    signed_photos = [p for p in record.photos if p.amendment_id is None]
    if signed_photos:  # (a session without photos hashes as it did before schema 6)
        seqs = {site.id: site.seq for site in record.sites}
        doc["photos"] = [[p.sha256, p.caption, None if p.site_id is None else seqs.get(p.site_id)]
                         for p in signed_photos]
    blob = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def age_on(birth: date | None, day: date) -> int | None:
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
