"""A session's audit trail as a person reads it: what each creation held, and whether it still
holds.

Since schema 4 the creation of a site or a session is recorded as a digest of its content, not a
copy (store.audit). The content is still there: it is the row, less the later changes, each of
which the trail records with its before and after values. This module rebuilds the created
content that way, checks it against the digest, and gives the entry its content back as
``{column: [None, value]}`` (empty values left out), as entries written before schema 4 hold it. If the rebuilt content
does not match, the row was changed around the app since it was created, and the entry says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from imsmap.domain.errors import NotFoundError
from imsmap.domain.models import AuditEntry, Patient, PatientMerge, Session, Site
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.services.changes import Entity
from imsmap.services.records import Records
from imsmap.store import audit, site_rows

MISMATCH = sentence("AuditView", QT_TRANSLATE_NOOP(
    "AuditView", "changed outside imsmap since it was created (its content no longer matches "
    "the digest recorded then)"))
NOT_FOUND = sentence("AuditView", QT_TRANSLATE_NOOP(
    "AuditView", "no longer found in the file (its content cannot be shown)"))

T = TypeVar("T")


def session_trail(records: Records, session_id: int) -> list[AuditEntry]:
    """The session's entries in order, each creation with the content it was created with;
    among them, in their place, the merges and separations of its patient's record (each
    changes whose history the session is read in: services.merging), as the trail has them."""
    entries = records.audit_entries(session_id)
    out = []
    for i, entry in enumerate(entries):
        if entry.digest is None:
            out.append(entry)
            continue
        content = _created_content(records, entry, entries[i + 1:])
        if content is None:
            out.append(replace(entry, changes={"record": [None, NOT_FOUND]}))
        elif audit.content_digest(content).hex() != entry.digest:
            out.append(replace(entry, changes={"record": [None, MISMATCH]}))
        else:
            # As a creation was written before schema 4: the values given, not the empty ones.
            out.append(replace(entry, changes={k: [None, v] for k, v in content.items()
                                               if v not in (None, "")}))
    return sorted(out + _merges_of_patient(records, session_id), key=lambda e: e.id)


def _merges_of_patient(records: Records, session_id: int) -> list[AuditEntry]:
    """The audit entries of the merges the session's patient's record was part of (as the
    duplicate or the record kept) and of the separations that ended them."""
    patient_id = records.repo.session(session_id).patient_id
    rows = records.repo.merges(patient_id)
    ids = [m.id for m in rows] + [m.ended_by.id for m in rows if m.ended_by is not None]
    return audit.entries_of(records.db.conn, Entity.PATIENT_MERGE.value, ids)


def _created_content(records: Records, entry: AuditEntry,
                     later: list[AuditEntry]) -> dict[str, object] | None:
    if entry.entity_id is None:
        return None
    try:
        if entry.entity == "site":
            current = site_rows.content(records.repo.site(entry.entity_id, include_removed=True))
        elif entry.entity == "session":
            current = audit.session_content(records.repo.session(entry.entity_id))
        else:
            return None
    except NotFoundError:
        return None
    # Undo the later changes, newest first: each update holds the value it replaced, and so
    # does a signature that moved its draft to today's atlas (its atlas version).
    for change in reversed(later):
        if change.action not in ("update", "sign") or \
                (change.entity, change.entity_id) != (entry.entity, entry.entity_id):
            continue
        for key, pair in change.changes.items():
            if key in current and isinstance(pair, list) and len(pair) == 2:
                current[key] = pair[0]
    return current


@dataclass(frozen=True)
class TrailNames:
    """What the ids a trail holds stand for, so that a person reads "site 3" (its number in the
    session), "photo 2", "amendment 1", a patient's chart number and name, rather than rows'
    ids. Read once for a trail (`trail_names`); an id the file no longer has is left out, and
    whoever words the trail says so."""

    session_id: int
    sites: dict[int, Site]  # by id; removed sites included
    photos: dict[int, int]  # photo id -> its number in its session
    amendments: dict[int, int]  # amendment id -> its number in its session (1, 2...)
    patients: dict[int, Patient]
    merges: dict[int, PatientMerge]  # merges and separations, by id
    sessions: dict[int, Session]


def trail_names(records: Records, session_id: int,
                entries: Iterable[AuditEntry]) -> TrailNames:
    """The names of what `entries` (a session's trail) refer to: its own ids and the ids its
    values hold (a photo's site, an amendment's photo, a merge's records)."""
    entries = list(entries)
    repo = records.repo
    site_ids: set[int] = set()
    photo_ids: set[int] = set()
    patient_ids: set[int] = set()
    session_ids = {session_id}
    for entry in entries:
        if entry.entity_id is not None:
            {"site": site_ids, "photo": photo_ids, "session": session_ids}.get(
                entry.entity, set()).add(entry.entity_id)
        for key, pair in entry.changes.items():
            for value in (pair if isinstance(pair, list) else [pair]):
                if not isinstance(value, int) or isinstance(value, bool):
                    continue
                {"site_id": site_ids, "patient_id": patient_ids, "duplicate_id": patient_ids,
                 "kept_id": patient_ids, "session_id": session_ids}.get(key, set()).add(value)
    sites = _found(site_ids, lambda i: repo.site(i, include_removed=True))
    photos = _found(photo_ids,
                    lambda i: records.photo_store.photo(i, include_removed=True).seq)
    sessions = _found(session_ids, repo.session)
    patient_ids |= {s.patient_id for s in sessions.values()}
    patients = _found(patient_ids, repo.patient)
    amendments = {a.id: n for n, a in enumerate(repo.amendments(session_id), start=1)}
    merges = {m.id: m for m in repo.all_merges()}
    merges |= {m.ended_by.id: m.ended_by for m in list(merges.values())
               if m.ended_by is not None}
    return TrailNames(session_id, sites, photos, amendments, patients, merges, sessions)


def _found(ids: Iterable[int], read: Callable[[int], T]) -> dict[int, T]:
    """What `read` gives for each of `ids`, by id; an id the file no longer has left out."""
    out: dict[int, T] = {}
    for i in ids:
        try:
            out[i] = read(i)
        except NotFoundError:
            pass
    return out
