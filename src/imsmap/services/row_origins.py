"""Drafts and sites against what their audit trail recorded.

A signed session is bound to its signing entry by its content hash (services.signatures); a
draft, and a site of any session, is bound to the entries that created and changed it. The
entry that created a site or a session recorded its content: a 16-byte digest since schema 4
(store.audit.content_digest), the values themselves in an import's entry, a planned site's and
before schema 4. Each later change recorded every field's value before and after. Undoing the
recorded changes of the row as it is now, newest first, gives back what was created; when it
does not, the row was rewritten around the app (the triggers dropped: a draft's rows are not
locked), and the draft would be signed as it stands. A site moved to another session, and a
row changed after the newest change its trail records (the entries that recorded it cut off
the end of the trail, audit_head set to the new last link), are named too.

`imsmap check` runs this over every session and site, a batch of sessions at a time, each
batch's entries read through the trail's index by session: one pass over the trail in all, no
query per row. On the clinic server too: there it names a practitioner's psql change written
with an audit entry of the session that says something else (the server's record of writes
names a change written with none). What is and is not defended against: docs/integrity.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from imsmap.domain.models import Session, Site
from imsmap.domain.text import QT_TRANSLATE_NOOP, Sentence, counted, quoted, sentence
from imsmap.services.signatures import same_instant
from imsmap.store import audit, site_rows
from imsmap.store.damage import UNDECODABLE, unreadable
from imsmap.store.site_rows import instant, moment
from imsmap.store.terms import Terms

# The entries about a site that tell what it was created with, what changed it since, and when
# its row was last written (a removal or a restore writes the row's time, not its content).
SITE_ACTIONS = ("create", "import", "update", "remove", "restore")
# The same of a session (signing moves a draft started on an earlier atlas to today's).
SESSION_ACTIONS = ("create", "import", "update", "sign")
CREATING = ("create", "import")
# The entries whose recorded fields change the content (a removal's and a restore's record
# the site's number and muscle, not a change of them).
CHANGING = ("update", "sign")
# Sites whose creation is not among their session's entries looked up in the whole trail, at
# most (a pass over it for each 900): the first found; a file whose sites have no creating entry
# at all (its trail cut) is named by integrity.unaudited_rows, and not held here site by site.
MOVED_LOOKED_UP = 1800
# What a new site's row holds where it is given no value (store/migration_v4.py's table;
# store.repository.insert_site's layer): the fields a planned site's creation entry leaves out.
SITE_DEFAULTS: dict[str, object] = {"cramp": 0, "twitch": 0, "estim": 0, "planned": 0,
                                    "notes": "", "layer": "superficial"}


@dataclass(frozen=True)
class Found:
    """One problem: whose (a site or a session), and what is wrong."""

    session: Session
    chart_number: str | None
    site: Site | None  # None: the session itself
    removed: bool  # the site is removed (kept, marked removed)
    problem: Sentence


class Texts:
    """The words of the terms ids a site's row holds: as the connection's cache has them, read
    again once when a row holds a word added since (another window), else the row is
    unreadable."""

    def __init__(self, terms: Terms):
        self.terms = terms
        self.texts = terms.known()
        self.fresh = False

    def content(self, row: tuple[Any, ...]) -> dict[str, object]:
        try:
            return site_rows.row_content(row, self.texts)
        except UNDECODABLE as exc:
            if self.fresh:
                raise unreadable("sites", row[0], exc) from None
            self.texts, self.fresh = self.terms.all(), True
            return self.content(row)

    def site(self, row: tuple[Any, ...]) -> Site:
        try:
            return site_rows.decode(row[:len(site_rows.SITE_ORDER)], self.texts)
        except UNDECODABLE as exc:
            raise unreadable("sites", row[0], exc) from None


def by_row(entries: Iterable[audit.AuditRow]) -> dict[tuple[str, int], list[audit.AuditRow]]:
    """(entity, entity id) -> the entries about that row, in the order given."""
    out: dict[tuple[str, int], list[audit.AuditRow]] = {}
    for entry in entries:
        if entry[5] is not None:
            out.setdefault((entry[4], entry[5]), []).append(entry)
    return out


def batch_problems(sessions: list[tuple[Session, str | None]], rows: Iterable[tuple[Any, ...]],
                   texts: Texts, entries: dict[tuple[str, int], list[audit.AuditRow]],
                   moved: dict[int, tuple[Site, bool, str | None]], *,
                   on_server: bool = False) -> Iterator[Found]:
    """The problems of a batch of sessions (with their patients' chart numbers), given their
    sites' rows (store.witnesses.sites_of_sessions: removed ones too) and their entries about
    sessions and sites (`SESSION_ACTIONS`, `SITE_ACTIONS`, in id order, `by_row`). Sessions that are
    signed are checked against their signature elsewhere (services.checks); their sites are
    checked here, since a draft rewritten and then signed is signed as it stands. A site whose
    creation is not among the batch's entries goes into `moved` (site id -> (site, removed,
    chart number)) to be looked up once for the whole file. `on_server`: the rows are the
    clinic server's (the problems say so, not "in the file")."""
    of_session = {s.id: (s, chart) for s, chart in sessions}
    for session, chart in sessions:
        if session.is_signed:
            continue
        mine = entries.get(("session", session.id), [])
        for problem in _session_problems(session, mine, on_server):
            yield Found(session, chart, None, False, problem)
    removed_at = len(site_rows.SITE_ORDER)
    for row in rows:
        if row[1] not in of_session:
            continue  # a site of no session: the check of references names it
        session, chart = of_session[row[1]]
        mine = [e for e in entries.get(("site", row[0]), ()) if e[3] in SITE_ACTIONS]
        if not any(e[3] in CREATING for e in mine):
            if len(moved) < MOVED_LOOKED_UP:
                moved[row[0]] = (texts.site(row), bool(row[removed_at]), chart)
            continue
        problems = site_problems(row, texts, mine, on_server)
        if problems:
            site = texts.site(row)
            for problem in problems:
                yield Found(session, chart, site, bool(row[removed_at]), problem)


def site_problems(row: tuple[Any, ...], texts: Texts, mine: list[audit.AuditRow],
                  on_server: bool = False) -> list[Sentence]:
    """How a site (its row of store.site_rows.SITE_COLUMNS) differs from what its entries
    (about it, in id order) recorded."""
    creation = next(i for i, e in enumerate(mine) if e[3] in CREATING)
    entry = mine[creation]
    if entry[6] is not None and entry[6] != row[1]:
        return [moved_sentence(entry[0], entry[6], row[1])]
    problems = content_problems(texts.content(row), entry, mine[creation + 1:], on_server)
    updated = row[24] if row[24] is not None else row[22]  # updated_at, else created_at
    late = changed_late(updated, mine)
    return problems + ([late] if late is not None else [])


def _session_problems(session: Session, mine: list[audit.AuditRow], on_server: bool
                      ) -> list[Sentence]:
    creation = next((i for i, e in enumerate(mine) if e[3] in CREATING), None)
    if creation is None:
        return []  # a row without its creating entry: integrity.unaudited_rows names it
    problems = content_problems(audit.session_content(session), mine[creation],
                                 mine[creation + 1:], on_server)
    try:
        updated = instant(session.updated_at) if session.updated_at is not None else None
    except (TypeError, ValueError, OverflowError):
        updated = None
    late = changed_late(updated, mine)
    return problems + ([late] if late is not None else [])


def content_problems(current: dict[str, object], entry: audit.AuditRow,
                     later: list[audit.AuditRow], on_server: bool,
                     defaults: dict[str, object] | None = None) -> list[Sentence]:
    """`current` (a row's content as the trail writes values) against the changes `later`
    recorded, newest first (the newest change of a field recorded the value it holds now,
    each earlier one the value the next one says it replaced), and, those changes undone,
    against what the creating `entry` recorded (`defaults`: what a row is created with where
    its creation recorded no value). `on_server`: said of the clinic server's rows."""
    content = dict(current)
    changes = 0
    problems: list[Sentence] = []
    checked: dict[str, int] = {}  # field -> the entry whose value before it holds now
    for change in reversed(later):  # each change holds the value it replaced
        recorded = _pairs(change[7]) if change[3] in CHANGING else {}
        touched = False
        for key, (before, after) in recorded.items():
            if key not in content:
                continue
            if key in checked and not _same(key, after, content[key]):
                # Each change starts from the value the one before it left (imsmap reads it
                # in the writing transaction): an entry with a false value before, written
                # beside a change of the row, breaks the sequence.
                problems.append(sentence("RowOrigins", QT_TRANSLATE_NOOP(
                    "RowOrigins", "the changes of %1 that its audit trail records do not "
                    "follow on: audit entry %2 made it %3, and audit entry %4, the next "
                    "change of it, says it was %5 before: one of them was written outside "
                    "imsmap"), key, str(change[0]), _shown(after), str(checked[key]),
                    _shown(content[key])))
            elif key not in checked and not _same(key, after, content[key]):
                problems.append(sentence("RowOrigins", QT_TRANSLATE_NOOP(
                    "RowOrigins", "%1 is %2 on the clinic server, but the newest change of it "
                    "that its audit trail records (audit entry %3) made it %4: it was changed "
                    "outside imsmap") if on_server else QT_TRANSLATE_NOOP(
                    "RowOrigins", "%1 is %2 in the file, but the newest change of it that its "
                    "audit trail records (audit entry %3) made it %4: it was changed outside "
                    "imsmap"),
                    key, _shown(current[key]), str(change[0]), _shown(after)))
            checked[key] = change[0]
            content[key] = site_rows.plain(before)
            touched = True
        changes += touched
    if isinstance(entry[7], bytes):
        if audit.content_digest(content) == entry[7]:
            return problems
        if changes:
            return problems + [counted("RowOrigins", QT_TRANSLATE_NOOP(
                "RowOrigins", "what it holds, with the %1 change(s) its audit trail records "
                "undone, is not what audit entry %2 recorded when it was created: it was "
                "changed outside imsmap"), changes, str(entry[0]))]
        return problems + [sentence("RowOrigins", QT_TRANSLATE_NOOP(
            "RowOrigins", "what it holds is not what audit entry %1 recorded when it was "
            "created, and its audit trail records no change of it since: it was changed "
            "outside imsmap"), str(entry[0]))]
    created = {**(defaults or {}), **{key: after for key, (_before, after)
                                      in _pairs(entry[7]).items() if key in content}}
    if entry[3] == "create" and entry[4] == "site" and isinstance(entry[1], int):
        # A planned site's creation (schema 4 on) recorded the values given; the others are
        # what the table gives a new row. (An import's entry records them all; one written
        # before schema 4 is read for what it recorded: its site's row went through the
        # upgrade's re-encoding, the entry did not.)
        created = {**{key: SITE_DEFAULTS.get(key) for key in content}, **created}
    for key, value in created.items():
        if not _same(key, value, content[key]):
            problems.append(sentence("RowOrigins", (QT_TRANSLATE_NOOP(
                "RowOrigins", "%1 is %2 on the clinic server, but audit entry %3 created it %4 "
                "and its audit trail records no change of it since: it was changed outside "
                "imsmap") if on_server else QT_TRANSLATE_NOOP(
                "RowOrigins", "%1 is %2 in the file, but audit entry %3 created it %4 and its "
                "audit trail records no change of it since: it was changed outside imsmap"))
                if key not in checked else QT_TRANSLATE_NOOP(
                "RowOrigins", "%1 was %2 before the changes its audit trail records, but "
                "audit entry %3 created it %4: it was changed outside imsmap"),
                key, _shown(content[key]), str(entry[0]), _shown(value)))
    return problems


def changed_late(updated: object, mine: list[audit.AuditRow]) -> Sentence | None:
    """The row was written (`updated`: seconds since 1970) after the newest entry about it: a
    change made around the app, or the entries that recorded it cut off the end of the trail
    (the content put back or not). Not said of a row whose newest entry imported it (its time
    is the exporting file's), nor of one whose newest entry was written before schema 4 (rows
    and entries were not then written with one time: `imsmap check` would name sound files)."""
    if not isinstance(updated, int) or not mine or mine[-1][3] == "import":
        return None
    newest = mine[-1]
    last = newest[1]
    if not isinstance(last, int) or updated <= last:
        return None
    return sentence("RowOrigins", QT_TRANSLATE_NOOP(
        "RowOrigins", "its row was last written at %1, after the newest change its audit "
        "trail records (audit entry %2, at %3): it was changed outside imsmap, or the entries "
        "recording the change were cut off the end of the trail"),
        f"{moment(updated):%Y-%m-%d %H:%M:%S}", str(newest[0]),
        f"{moment(last):%Y-%m-%d %H:%M:%S}")


def moved_problem(site: Site, creation: tuple[int, int | None] | None) -> Sentence | None:
    """A site whose creation was not among its session's entries: the entry found elsewhere
    (`creation`: its id and session) says where it was created; None when the trail has none
    (integrity.unaudited_rows names it)."""
    return None if creation is None else moved_sentence(creation[0], creation[1], site.session_id)


def moved_sentence(entry_id: int, created_in: object, now_in: int) -> Sentence:
    return sentence("RowOrigins", QT_TRANSLATE_NOOP(
        "RowOrigins", "audit entry %1 created it in session %2, and it is in session %3 "
        "now: it was moved outside imsmap"), str(entry_id), str(created_in), str(now_in))


def _pairs(changes: object) -> dict[str, tuple[object, object]]:
    """{field: (before, after)} of an entry's stored changes (JSON); {} for a digest or a
    value that is not that."""
    if isinstance(changes, bytes):
        return {}
    try:
        value = json.loads(changes)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return {}
    if not isinstance(value, dict):
        return {}
    return {k: (v[0], v[1]) for k, v in value.items() if isinstance(v, list) and len(v) == 2}


def _same(key: str, created: object, now: object) -> bool:
    """A created value as an entry recorded it (JSON: true for 1, an ISO time in any offset)
    and the rebuilt one."""
    if key in ("started_at", "created_at"):
        return created == now or same_instant(created, now)
    return site_rows.plain(created) == site_rows.plain(now)


def _shown(value: object) -> object:
    """A value in a problem's words: quoted, a long text cut; none as "(none)"."""
    if value is None or value == "":
        return sentence("RowOrigins", QT_TRANSLATE_NOOP("RowOrigins", "(none)"))
    text = str(value)
    return quoted(text if len(text) <= 40 else text[:39] + "…")
