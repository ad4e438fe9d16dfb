"""Starting a session from what came before: copy forward the last visit's sites, or a protocol.

Copied sites arrive as *planned* markers: not yet needled, not graded. The clinician confirms each
one (update_site(planned=False) with a grade) or removes it; a planned site left at signing is
recorded as planned, never as an insertion.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from imsmap.domain import validation as v
from imsmap.domain.errors import NotFoundError, ValidationError
from imsmap.domain.local_time import local_date
from imsmap.domain.models import Side, Site
from imsmap.domain.text import QT_TRANSLATE_NOOP, quoted, sentence
from imsmap.domain.values import AuditChanges, FieldValues
from imsmap.services.changes import Action, Change, Entity
from imsmap.services.records import Records
from imsmap.store import protocol_rows
from imsmap.store.record_rows import to_sql

_COPIED = ("muscle_id", "side", "layer", "level", "needle_diameter_mm", "needle_length_mm")


@dataclass(frozen=True)
class ProtocolSite:
    seq: int
    muscle_id: str
    side: Side
    view_id: str
    layer: str
    x: float
    y: float
    level: str | None = None


@dataclass(frozen=True)
class Protocol:
    id: int
    name: str
    notes: str
    sites: tuple[ProtocolSite, ...]


def previous_session_id(records: Records, session_id: int) -> int | None:
    """The patient's signed visit just before this one (by start time), if any: "last time",
    as the chart draws it (domain.progress.earlier_visits); never a draft."""
    return records.repo.previous_session_id(session_id)


def copy_forward(records: Records, session_id: int, from_session_id: int | None = None
                 ) -> list[Site]:
    """Add the earlier session's sites to this draft as planned markers."""
    source = from_session_id or previous_session_id(records, session_id)
    if source is None:
        raise ValidationError(sentence("Planning", QT_TRANSLATE_NOOP(
            "Planning", "This patient has no earlier signed visit to copy from.")))
    src = records.repo.session(source)
    if src.patient_id != records.repo.session(session_id).patient_id:
        raise ValidationError(sentence("Planning", QT_TRANSLATE_NOOP(
            "Planning", "Sites can only be copied from the same patient's sessions.")))

    def items() -> list[Planned]:
        # Read inside the write: a site an amendment (another window's, committed a moment
        # ago) said was recorded in error is not copied (domain.corrections).
        sites = records.read.effective_sites_for_session(source)
        if not sites:
            raise ValidationError(sentence("Planning", QT_TRANSLATE_NOOP(
                "Planning", "The session of %1 has no sites to copy."),
                f'{local_date(src.started_at):%Y-%m-%d}'))
        return [(s.view_id, s.x, s.y, {k: getattr(s, k) for k in _COPIED}) for s in sites]

    return _add_planned(records, session_id, items, origin={"copied_from_session": source})


# A planned site: (view id, x, y, fields).
Planned = tuple[str, float, float, FieldValues]


def _add_planned(records: Records, session_id: int, items: Callable[[], list[Planned]],
                 origin: AuditChanges) -> list[Site]:
    """All planned sites in one unit of work (one step, one undo), each with its audit entry;
    ``items`` are read inside it (tests/test_second_writer_processes.py)."""
    created: list[int] = []
    with records.write() as work:
        work.draft(session_id)
        cleaned = [(view_id, x, y, records.clean_site_fields({**fields, "planned": True}))
                   for view_id, x, y, fields in items()]
        seq = work.store.next_seq(session_id)
        for view_id, x, y, clean in cleaned:
            values = {"session_id": session_id, "seq": seq, "view_id": view_id, "x": x, "y": y,
                      **{k: to_sql(val) for k, val in clean.items()}}
            site_id = work.store.insert_site(values, work.at, work.actor)
            work.audit(Action.CREATE, Entity.SITE, site_id, session_id,
                       changes={**{k: [None, val] for k, val in values.items()},
                                **{k: [None, val] for k, val in origin.items()}})
            created.append(site_id)
            seq += 1
        work.changed(Change(Action.CREATE, Entity.SITE, created[0], session_id=session_id))
    return [records.repo.site(i) for i in created]


# -- protocols ---------------------------------------------------------------------------------
def save_protocol(records: Records, name: str, session_id: int, notes: str = "") -> Protocol:
    """Keep a session's sites as a named protocol for a common presentation."""
    name = v.text(name, "name", label=QT_TRANSLATE_NOOP("Label", "The protocol name"),
                  max_len=v.MAX_NAME, required=True,
                  multiline=False)
    notes = v.text(notes, "notes", label=QT_TRANSLATE_NOOP("Label", "The notes"),
                   max_len=v.MAX_SHORT_TEXT)
    with records.write() as work:
        # The sites as they are when it is written (not those in error).
        sites = records.read.effective_sites_for_session(session_id)
        if not sites:
            raise ValidationError(sentence("Planning", QT_TRANSLATE_NOOP(
                "Planning", "A protocol needs at least one site; this session has none.")))
        if protocol_rows.named(work.store, name) is not None:
            raise ValidationError(sentence("Planning", QT_TRANSLATE_NOOP(
                "Planning", "There is a protocol called %1 already."), quoted(name)), "name")
        pid = work.store.insert_row("protocols", {"name": name, "notes": notes}, work.at,
                                    work.actor)
        for s in sites:
            protocol_rows.insert_site(work.store, pid, s)
        work.audit("create", "protocol", pid, None,
                   changes={"name": [None, name], "sites": [None, len(sites)],
                            "from_session": [None, session_id]})
    return protocol(records, pid)


def protocols(records: Records) -> list[Protocol]:
    return [protocol(records, pid) for pid in protocol_rows.ids(records.repo)]


def protocol(records: Records, protocol_id: int) -> Protocol:
    row = protocol_rows.head(records.repo, protocol_id)
    if row is None:
        raise NotFoundError(sentence("Planning", QT_TRANSLATE_NOOP(
            "Planning", "There is no protocol with id %1."), str(protocol_id)))
    sites = tuple(
        ProtocolSite(seq=r[0], muscle_id=r[1], side=Side(r[2]), view_id=r[3], layer=r[4],
                     x=r[5], y=r[6], level=r[7])
        for r in protocol_rows.sites(records.repo, protocol_id))
    return Protocol(id=row[0], name=row[1], notes=row[2], sites=sites)


def apply_protocol(records: Records, protocol_id: int, session_id: int) -> list[Site]:
    p = protocol(records, protocol_id)  # (no write changes a kept protocol's sites)
    return _add_planned(records, session_id, lambda: [
        (s.view_id, s.x, s.y, {"muscle_id": s.muscle_id, "side": s.side, "layer": s.layer,
                               "level": s.level}) for s in p.sites],
        origin={"protocol": p.name})
