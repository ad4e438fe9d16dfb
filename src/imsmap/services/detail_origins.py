"""Findings, adverse events and photos against what their audit trail recorded.

The same comparison as a draft's and a site's (services.row_origins), for the other rows a
session owns that imsmap writes with an audit entry: a finding and an adverse event are added
(their creation entry records every field) and removed (marked, the entry records the
removal); a photo is added (its description recorded: sha256, format, size, caption, chart
site, the amendment that added it to a signed session) and its caption or chart site changed
(before and after). Imports record every field too, and the row's time and author. The row as
it is now, its recorded changes undone newest first, must give back what was created, each
change must start from the value the one before it left, and a row is removed exactly when
its trail's newest removal or restoration says so. A row changed around the app (sqlite3 on
the file; psql on the clinic server with an audit entry of the session about something else)
is named with the entry that says otherwise. Every session's rows are checked, signed or not:
a draft rewritten and then signed is signed as it stands.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from imsmap.domain.models import Session
from imsmap.domain.text import QT_TRANSLATE_NOOP, Sentence, sentence
from imsmap.services import row_origins
from imsmap.store import audit
from imsmap.store.site_rows import instant
from imsmap.store.witnesses import DETAIL_FIELDS

ENTITIES = tuple(DETAIL_FIELDS)
# The entries about such a row: what created it, changed it, removed it or put it back.
ACTIONS = ("create", "import", "update", "remove", "restore")
REMOVING = ("remove", "restore")
# What a photo's row holds where its creation recorded no value: a photo added to a draft
# (not by an amendment) has none.
PHOTO_DEFAULTS: dict[str, object] = {"amendment_id": None}


@dataclass(frozen=True)
class Detail:
    """One row as store.witnesses.details_of_sessions read it."""

    entity: str  # "finding", "adverse_event" or "photo"
    id: int
    session_id: int
    content: dict[str, object]  # session_id and DETAIL_FIELDS' fields
    written: object  # when its row was last written (a photo's); None
    removed: bool

    @property
    def label(self) -> object:
        """What it is, in a problem's words: a finding's sign, an adverse event's kind."""
        return self.content.get("sign") or self.content.get("kind") or ""


def detail(entity: str, row: tuple[Any, ...]) -> Detail:
    fields = DETAIL_FIELDS[entity][1]
    content = {"session_id": row[1], **dict(zip(fields, row[2:2 + len(fields)], strict=True))}
    return Detail(entity, row[0], row[1], content, row[-2], bool(row[-1]))


def batch_problems(sessions: list[tuple[Session, str | None]], details: Iterable[Detail],
                   entries: dict[tuple[str, int], list[audit.AuditRow]],
                   unfound: dict[tuple[str, int], tuple[Detail, Session, str | None]], *,
                   on_server: bool = False
                   ) -> Iterator[tuple[Session, str | None, Detail, Sentence]]:
    """The problems of a batch of sessions' (with their patients' chart numbers) findings,
    adverse events and photos, given their entries (row_origins.by_row: `ACTIONS`, in id
    order). A row whose creation is not among them goes into `unfound`, to be looked up once
    in the whole trail (moved to another session, or written without an entry)."""
    of_session = {s.id: (s, chart) for s, chart in sessions}
    for one in details:
        if one.session_id not in of_session:
            continue  # a row of no session: the check of references names it
        session, chart = of_session[one.session_id]
        mine = [e for e in entries.get((one.entity, one.id), ()) if e[3] in ACTIONS]
        if not any(e[3] in row_origins.CREATING for e in mine):
            if len(unfound) < row_origins.MOVED_LOOKED_UP:
                unfound[(one.entity, one.id)] = (one, session, chart)
            continue
        for problem in detail_problems(one, mine, on_server):
            yield session, chart, one, problem


def detail_problems(one: Detail, mine: list[audit.AuditRow], on_server: bool = False
                    ) -> list[Sentence]:
    """How a row differs from what its entries (about it, in id order) recorded."""
    creation = next(i for i, e in enumerate(mine) if e[3] in row_origins.CREATING)
    entry = mine[creation]
    if entry[6] is not None and entry[6] != one.session_id:
        return [row_origins.moved_sentence(entry[0], entry[6], one.session_id)]
    changes = [e for e in mine[creation + 1:] if e[3] not in REMOVING]
    problems = row_origins.content_problems(
        one.content, entry, changes, on_server,
        PHOTO_DEFAULTS if one.entity == "photo" else None)
    removal = _removal_problem(one, mine[creation + 1:], on_server)
    if removal is not None:
        problems.append(removal)
    try:
        written = instant(one.written) if isinstance(one.written, str) else None
    except (TypeError, ValueError, OverflowError):
        written = None
    late = row_origins.changed_late(written, mine)
    return problems + ([late] if late is not None else [])


def _removal_problem(one: Detail, later: list[audit.AuditRow], on_server: bool
                     ) -> Sentence | None:
    """A row is removed exactly when the newest of its removals and restorations is a
    removal (imsmap marks a row removed only with its entry, and never deletes one)."""
    newest = next((e for e in reversed(later) if e[3] in REMOVING), None)
    removed = newest is not None and newest[3] == "remove"
    if one.removed == removed:
        return None
    if one.removed:
        return sentence("DetailOrigins", QT_TRANSLATE_NOOP(
            "DetailOrigins", "it is marked removed on the clinic server, but its audit trail "
            "records no removal of it: it was removed outside imsmap") if on_server else
            QT_TRANSLATE_NOOP(
            "DetailOrigins", "it is marked removed in the file, but its audit trail records "
            "no removal of it: it was removed outside imsmap"))
    assert newest is not None
    return sentence("DetailOrigins", QT_TRANSLATE_NOOP(
        "DetailOrigins", "it is not marked removed on the clinic server, but audit entry %1 "
        "removed it: it was put back outside imsmap") if on_server else QT_TRANSLATE_NOOP(
        "DetailOrigins", "it is not marked removed in the file, but audit entry %1 removed "
        "it: it was put back outside imsmap"), str(newest[0]))


def unfound_problem(one: Detail, creation: tuple[int, int | None] | None) -> Sentence | None:
    """A row whose creation was not among its session's entries: the entry found elsewhere
    (`creation`: its id and session) says where it was created. None found: a finding or an
    adverse event was written outside imsmap (a photo without one is named with the other
    unaudited records, store.integrity.unaudited_rows)."""
    if creation is not None:
        return row_origins.moved_sentence(creation[0], creation[1], one.session_id)
    if one.entity == "photo":
        return None
    return sentence("DetailOrigins", QT_TRANSLATE_NOOP(
        "DetailOrigins", "its audit trail records no creation of it: it was written outside "
        "imsmap"))
