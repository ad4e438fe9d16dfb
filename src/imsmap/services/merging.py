"""Merging a duplicate patient record into the record kept, and separating them again
(schema 9; server schema 8), without rewriting anything.

One person registered twice (a typo in the date of birth, "Jon" and "John") has their history
split over two records: the overlay, Progress, the progress report and the segments trend each
showed half. A merge is one insert-only row (``patient_merges``: duplicate, kept, reason, at,
by): every signed session keeps its patient id and its content hash, and the history of the
record kept is read from its own id and those of the records merged into it
(`Repository.history_ids`, the one function every reader of a patient's sessions asks). A
wrong merge is ended by a second row (``separate_records``, a reason required): both records
then read as before, and nothing was lost in between.

Each is one transaction and one audit entry (action ``merge`` or ``separate``, entity
``patient_merge``, recording both ids, the reason and the merge a separation ends), so
`imsmap check` compares the row with its entry as it does an amendment's.

A merge is refused, with one sentence, while a draft of either record is open in another room
of a clinic server (the window refuses it for its own open draft before asking).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from imsmap.domain import validation as v
from imsmap.domain.errors import ReadOnlyError, ValidationError
from imsmap.domain.models import Patient, PatientMerge, Session
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.services.changes import Action, Change, Entity
from imsmap.services.records import Records
from imsmap.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class RecordSummary:
    """What the merge dialog shows of a record, side by side with the other."""

    patient: Patient
    sessions: int  # in the record's history (its own, and any merged into it)
    signed: int  # of those, signed and part of the treatment (not withdrawn, not in error)
    first_visit: datetime | None
    last_visit: datetime | None
    merged_into: PatientMerge | None  # the merge in force that merged this record away
    keeps: tuple[PatientMerge, ...]  # merges in force into this record


def summary(records: Records, patient_id: int) -> RecordSummary:
    sessions = records.repo.sessions_for_patient(patient_id)
    merges = records.repo.merges(patient_id)
    return RecordSummary(
        records.repo.patient(patient_id), len(sessions),
        sum(1 for s in sessions if s.is_signed and s.counts),
        min((s.started_at for s in sessions), default=None),
        max((s.started_at for s in sessions), default=None),
        next((m for m in merges if m.in_force and m.duplicate_id == patient_id), None),
        tuple(m for m in merges if m.in_force and m.kept_id == patient_id))


class KeepReason(Enum):
    """Why `to_keep` keeps the record it keeps, first that applies."""

    KEEPS_OTHERS = "keeps_others"  # records are merged into it: it cannot be merged away
    SIGNED = "signed"  # more signed sessions
    SESSIONS = "sessions"  # as many signed, more sessions (drafts, sessions taken out)
    OLDER = "older"  # as much history: the record registered first


@dataclass(frozen=True)
class KeepChoice:
    kept: RecordSummary
    duplicate: RecordSummary
    reason: KeepReason


def to_keep(a: RecordSummary, b: RecordSummary) -> KeepChoice:
    """Of two records of one person, the one a clinician would keep: right after a duplicate is
    registered by mistake, the record open is the new, empty one, and keeping it would carry
    the established chart's history under today's chart number and name as typed today. The
    record that others are merged into already (it cannot be merged away); else the one with
    more signed sessions; else more sessions; else the one registered first."""
    def older(p: Patient, q: Patient) -> bool:
        if p.created_at is not None and q.created_at is not None \
                and p.created_at != q.created_at:
            return p.created_at < q.created_at
        return p.id < q.id

    if bool(a.keeps) != bool(b.keeps):
        kept, reason = (a if a.keeps else b), KeepReason.KEEPS_OTHERS
    elif a.signed != b.signed:
        kept, reason = (a if a.signed > b.signed else b), KeepReason.SIGNED
    elif a.sessions != b.sessions:
        kept, reason = (a if a.sessions > b.sessions else b), KeepReason.SESSIONS
    else:
        kept, reason = (a if older(a.patient, b.patient) else b), KeepReason.OLDER
    return KeepChoice(kept, b if kept is a else a, reason)


def merged_into(records: Records, patient_id: int) -> PatientMerge | None:
    """The merge in force that merged this record into another, if any."""
    return records.read.merged_into(patient_id)


def merge_of_session(records: Records, session: Session) -> PatientMerge | None:
    """For a session recorded under a record merged away: that merge (who, when, why)."""
    return merged_into(records, session.patient_id)


def _reason(reason: str) -> str:
    return v.text(reason, "reason", label=QT_TRANSLATE_NOOP("Label", "The reason"),
                  max_len=v.MAX_SHORT_TEXT, required=True)


def _name(p: Patient) -> str:
    return f"{p.display_name} ({p.chart_number})"


def merge_records(records: Records, kept_id: int, duplicate_id: int,
                  reason: str) -> PatientMerge:
    """Merge the record ``duplicate_id`` into ``kept_id``: one row, one audit entry; nothing
    of either record is rewritten. ValidationError (one sentence) for the same record twice,
    a record merged away already, a chain, or a missing reason; ReadOnlyError while another
    room of a clinic server has a draft of either record open."""
    reason = _reason(reason)
    if kept_id == duplicate_id:
        raise ValidationError(sentence("Merging", QT_TRANSLATE_NOOP(
            "Merging", "Choose two different records: a record is not merged into itself.")))
    with records.write() as work:
        kept, duplicate = work.store.patient(kept_id), work.store.patient(duplicate_id)
        for p in (duplicate, kept):
            away = merged_into(records, p.id)
            if away is not None:
                into = work.store.patient(away.kept_id)
                raise ValidationError(sentence("Merging", QT_TRANSLATE_NOOP(
                    "Merging", "%1 is merged into %2 already; nothing was changed."),
                    _name(p), _name(into)))
        if any(m.in_force and m.kept_id == duplicate_id
               for m in work.store.merges(duplicate_id)):
            raise ValidationError(sentence("Merging", QT_TRANSLATE_NOOP(
                "Merging", "Other records are merged into %1, so it is kept, not merged away "
                "(merge %2 into it instead); nothing was changed."), _name(duplicate),
                _name(kept)))
        _refuse_drafts_held_elsewhere(records, work, (kept, duplicate))
        mid = work.store.insert_merge(duplicate_id, kept_id, None, reason, work.at, work.actor)
        work.audit(Action.MERGE, Entity.PATIENT_MERGE, mid, None,
                   changes={"duplicate_id": [None, duplicate_id], "kept_id": [None, kept_id],
                            "reason": [None, reason]})
        work.changed(Change(Action.MERGE, Entity.PATIENT_MERGE, mid, patient_id=kept_id))
    done = next(m for m in records.repo.merges(kept_id) if m.id == mid)
    return done


def separate_records(records: Records, merge_id: int, reason: str) -> PatientMerge:
    """End a merge made by mistake: a second row (``ends``), one audit entry; both records
    read as before. Returns the separation."""
    reason = _reason(reason)
    with records.write() as work:
        # Asked inside the write: two windows separating one merge at once both found it in
        # force, and the second's row was refused by the file's unique `ends`, in SQLite's
        # words (tests/test_second_writer_processes.py).
        merge = next((m for m in work.store.all_merges() if m.id == merge_id), None)
        if merge is None or not merge.in_force:
            raise ValidationError(sentence("Merging", QT_TRANSLATE_NOOP(
                "Merging", "These records are not merged (any longer); nothing was changed.")))
        sid = work.store.insert_merge(merge.duplicate_id, merge.kept_id, merge.id, reason,
                                      work.at, work.actor)
        work.audit(Action.SEPARATE, Entity.PATIENT_MERGE, sid, None,
                   changes={"duplicate_id": [None, merge.duplicate_id],
                            "kept_id": [None, merge.kept_id], "ends": [None, merge.id],
                            "reason": [None, reason]})
        work.changed(Change(Action.SEPARATE, Entity.PATIENT_MERGE, sid,
                            patient_id=merge.kept_id))
    ended = next(m for m in records.repo.merges(merge.kept_id) if m.id == merge.id)
    assert ended.ended_by is not None
    return ended.ended_by


def _refuse_drafts_held_elsewhere(records: Records, work: UnitOfWork,
                                  patients: tuple[Patient, ...]) -> None:
    """ReadOnlyError while another room of a clinic server, or another window or command on
    a single-PC file, holds a draft of either record (on a file, the drafts nobody holds are
    held by this merge until it ends: no window opens one for editing meanwhile)."""
    if not records.read.on_server and work.file_holds is None:
        return
    for p in patients:
        for s in records.repo.sessions_for_patient(p.id):
            if s.is_signed or s.retracted:
                continue
            holder = work.held_elsewhere(s.id, any_room=True)
            if holder is None:
                continue
            if holder[2]:
                raise ReadOnlyError(sentence("Merging", QT_TRANSLATE_NOOP(
                    "Merging", "%1 has a draft of %2 open in another imsmap window (%3); merge "
                    "once it is signed or closed there. Nothing was changed."), holder[0],
                    _name(p), holder[1]))
            raise ReadOnlyError(sentence("Merging", QT_TRANSLATE_NOOP(
                "Merging", "%1 has a draft of %2 open in %3; merge once it is signed or "
                "closed. Nothing was changed."), holder[0], _name(p), holder[1]))


def merged_charts(records: Records, sessions: Iterable[Session], patient_id: int) -> dict[int, str]:
    """{session id: chart number} of the sessions recorded under a duplicate record merged into
    ``patient_id``: the progress report's "chart DEMO-0099" on a visit and the Progress tab's
    list of visits say it from this one rule."""
    numbers: dict[int, str] = {}
    out: dict[int, str] = {}
    for s in sessions:
        if s.patient_id != patient_id:
            if s.patient_id not in numbers:
                numbers[s.patient_id] = records.read.patient(s.patient_id).chart_number
            out[s.id] = numbers[s.patient_id]
    return out
