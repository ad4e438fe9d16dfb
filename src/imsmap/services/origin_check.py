"""`imsmap check`'s section "Drafts and sites as their audit trail recorded them": every
session's own row (a draft's), its sites, findings, adverse events and photos, removed ones
too, against the entries that created and changed them (services.row_origins,
services.detail_origins), a batch of sessions at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from imsmap.domain.local_time import local_time
from imsmap.domain.models import Session, Site
from imsmap.domain.text import QT_TRANSLATE_NOOP, Sentence, counted, joined, sentence
from imsmap.domain.vocabulary import ADVERSE_EVENT_KINDS, FINDING_SIGNS
from imsmap.services import detail_origins, row_origins
from imsmap.store import witnesses as witness_rows
from imsmap.store.damage import reading
from imsmap.store.db import Database
from imsmap.store.photos import PhotoStore
from imsmap.store.terms import terms_of


class Problems(Protocol):
    """Where a section's problems go (services.checks.Problems)."""

    def add(self, problem: str) -> None: ...


# The entries read with each batch: about its sessions, their sites and their other rows.
ENTITIES = ("session", "site", *detail_origins.ENTITIES)
ACTIONS = tuple(dict.fromkeys(row_origins.SESSION_ACTIONS + row_origins.SITE_ACTIONS
                              + detail_origins.ACTIONS))


def drafts_and_sites(db: Database, found: Problems, step: Callable[[float], None]) -> str:
    """Each draft and each site, finding, adverse event and photo (of every session, removed
    ones too) against the entries that created and changed it: a batch of sessions at a time,
    with their rows and their entries read through the indexes by session, on a file or on the
    clinic server alike (its trail keeps the words, store.audit.rows reads either). Reads in
    the caller's transaction (`full_check`'s one moment); needs only the database, not the
    atlas (tests/conftest.py runs it after each test on the server)."""
    total = witness_rows.session_count(db)
    done = drafts = sites = details = 0
    moved: dict[int, tuple[Site, bool, str | None]] = {}
    unfound: dict[tuple[str, int], tuple[detail_origins.Detail, Session, str | None]] = {}
    texts = row_origins.Texts(terms_of(db.conn))
    photos = PhotoStore(db)
    batches = witness_rows.session_batches(db)
    while True:
        with reading(db.path):  # a damaged row: StoreError, the section "could not be checked"
            batch = next(batches, None)
            if batch is None:
                break
            span = (batch[0][0].id, batch[-1][0].id)
            rows = witness_rows.sites_of_sessions(db.conn, span)
            others = [detail_origins.detail(entity, row) for entity, row in
                      witness_rows.details_of_sessions(
                          db.conn, span, photos=photos.available,
                          by_amendment=photos.by_amendment_available)]
            entries = row_origins.by_row(witness_rows.entries_about(
                db.conn, ENTITIES, ACTIONS, sessions=span))
            found_here = [joined(": ", [_row_where(f.session, f.chart_number, f.site, f.removed),
                                        f.problem])
                          for f in row_origins.batch_problems(batch, rows, texts, entries, moved,
                                                              on_server=db.is_server)]
            found_here += [joined(": ", [_detail_where(session, chart, one), problem])
                           for session, chart, one, problem in detail_origins.batch_problems(
                               batch, others, entries, unfound, on_server=db.is_server)]
        for said in found_here:
            found.add(said)
        drafts += sum(1 for s, _chart in batch if not s.is_signed)
        sites += len(rows)
        details += len(others)
        done += len(batch)
        step(done / total if total else 1.0)
    if moved:  # sites whose creation is not among their session's entries: one more pass
        with reading(db.path):
            created = witness_rows.creations_of(db.conn, "site", moved)
            for site_id, (site, removed, chart) in sorted(moved.items()):
                problem = row_origins.moved_problem(site, created.get(site_id))
                session = witness_rows.session_of(db.conn, site.session_id) \
                    if problem is not None else None
                if problem is not None and session is not None:
                    found.add(joined(": ", [_row_where(session, chart, site, removed),
                                            problem]))
    for entity in detail_origins.ENTITIES:  # the same of the other rows, a pass a kind
        mine = {key[1]: value for key, value in sorted(unfound.items()) if key[0] == entity}
        if not mine:
            continue
        with reading(db.path):
            created = witness_rows.creations_of(db.conn, entity, mine)
        for row_id, (one, session, chart) in mine.items():
            problem = detail_origins.unfound_problem(one, created.get(row_id))
            if problem is not None:
                found.add(joined(": ", [_detail_where(session, chart, one), problem]))
    return joined(", ", [
        counted("Checks", QT_TRANSLATE_NOOP("Checks", "%1 draft(s)"), drafts),
        counted("Checks", QT_TRANSLATE_NOOP("Checks", "%1 site(s)"), sites),
        counted("Checks", QT_TRANSLATE_NOOP(
            "Checks", "%1 finding(s), adverse event(s) and photo(s)"), details)])


def _row_where(session: Session, chart: str | None, site: Site | None,
               removed: bool = False) -> Sentence:
    """Whose problem it is: a draft, or a site (by its number in its session)."""
    where = sentence("Checks", QT_TRANSLATE_NOOP("Checks", "session %1 (chart %2, %3)"),
                     str(session.id), chart or "?", when(session.started_at))
    if site is None:
        return where
    return sentence("Checks", QT_TRANSLATE_NOOP(
        "Checks", "%1, removed site %2 (%3)") if removed else
        QT_TRANSLATE_NOOP("Checks", "%1, site %2 (%3)"), where, str(site.seq),
        f"{site.muscle_id} {site.side.value}")


def _detail_where(session: Session, chart: str | None, one: detail_origins.Detail) -> Sentence:
    """Whose problem it is: a finding or an adverse event (by its id, with its sign or kind),
    or a photo (by its id), of a session."""
    where = _row_where(session, chart, None)
    if one.entity == "finding":
        text = QT_TRANSLATE_NOOP("Checks", "%1, removed finding %2 (%3)") if one.removed \
            else QT_TRANSLATE_NOOP("Checks", "%1, finding %2 (%3)")
    elif one.entity == "adverse_event":
        text = QT_TRANSLATE_NOOP("Checks", "%1, removed adverse event %2 (%3)") \
            if one.removed else QT_TRANSLATE_NOOP("Checks", "%1, adverse event %2 (%3)")
    else:
        text = QT_TRANSLATE_NOOP("Checks", "%1, removed photo %2") if one.removed \
            else QT_TRANSLATE_NOOP("Checks", "%1, photo %2")
    return sentence("Checks", text, where, str(one.id),
                    *(() if one.entity == "photo" else (_named(one),)))


def _named(one: detail_origins.Detail) -> object:
    """A finding's sign or an adverse event's kind in the reader's words (the code itself
    when it is none imsmap knows: a damaged or forged row)."""
    label = str(one.label)
    if one.entity == "finding" and label in FINDING_SIGNS:
        return sentence("FindingSign", FINDING_SIGNS[label])
    if one.entity == "adverse_event" and label in ADVERSE_EVENT_KINDS:
        return sentence("AdverseEvent", ADVERSE_EVENT_KINDS[label])
    return label


def when(value: object) -> str:
    """A stored time in a problem's words as this computer's clock reads it, to the minute
    (domain.local_time); the stored text as it is when it is not a time (a damaged row)."""
    try:
        return f"{local_time(datetime.fromisoformat(str(value))):%Y-%m-%d %H:%M}"
    except ValueError:
        return str(value)[:16]
