"""Amending a signed session: a dated amendment, in words and, since schema 7, with corrections of
the session's sites (domain.corrections). One transaction: the amendment, each correction and
the one audit entry that records them all; the signed session and its sites stay as they were.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from imsmap.domain import validation as v
from imsmap.domain.corrections import (
    CRAMP,
    FIELDS,
    GRASP,
    IN_ERROR,
    SiteCorrection,
    Value,
    current_values,
)
from imsmap.domain.errors import ConflictError, ValidationError
from imsmap.domain.local_time import local_time
from imsmap.domain.models import Amendment, Site
from imsmap.domain.text import QT_TRANSLATE_NOOP, joined, sentence
from imsmap.services import conflicts
from imsmap.services.changes import Action, Change, Entity
from imsmap.services.signatures import CORRECTIONS  # what the entry records them under
from imsmap.services.unit_of_work import UnitOfWork
from imsmap.store import site_corrections
from imsmap.store.repository import Repository


class Writes(Protocol):
    """What amending needs of services.records.Records (not imported: it calls this module)."""

    repo: Repository
    actor: str

    def write(self) -> AbstractContextManager[UnitOfWork]: ...

# Amendments added meanwhile named in a refusal at most (the newest): all are shown with the
# session; a sentence has 99 places (domain.text).
MOST_NAMED = 20


class AmendedMeanwhile(ConflictError):
    """An amendment refused because another amendment came first (it corrected a value this
    one started from, or was added after this one was begun). ``amendments``: how many the
    session has as the refused write read them (None: not counted, no ``seen`` given)."""

    def __init__(self, message: str, fields: tuple[str, ...] = (),
                 amendments: int | None = None):
        super().__init__(message, fields)
        self.amendments = amendments


# (site id, field, new value): what the amend dialog asks for
Correction = tuple[int, str, Value]
# (site id, field) -> the value the amend dialog showed before its own corrections
Expected = Mapping[tuple[int, str], Value]


def _say(template: str, *args: object) -> ValidationError:
    return ValidationError(sentence("Records", template, *args), CORRECTIONS)


def _clean_value(field: str, value: object, seq: int) -> Value:
    if field == GRASP:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3:
            raise _say(QT_TRANSLATE_NOOP(
                "Records", "Site %1: a grasp grade is 0 to 3 (or none)."), seq)
        return value
    if not isinstance(value, bool):
        raise _say(QT_TRANSLATE_NOOP("Records", "Site %1: a correction of %2 is yes or no."),
                   seq, field)
    return value


def amend(records: Writes, session_id: int, reason: str, text: str,
          corrections: Sequence[Correction] = (), expected: Expected | None = None,
          seen: int | None = None) -> Amendment:
    """Validate, then write the amendment with its corrections in one transaction.
    ``expected``: the value each corrected (site, field) had when the person was shown it (the
    amend dialog's); an amendment written meanwhile in another window or program that changed
    one of them refuses this one (ConflictError): its correction was chosen from a value that
    is no longer the site's, and would override the other person's unseen.
    ``seen``: how many amendments the session had when the person began this one (the amend
    dialog's); one added since in another window or program refuses this one (ConflictError
    naming it), read here inside the write: a correction written without it in sight would
    contradict it blind, two signed minutes apart (walk of 7 December)."""
    reason = v.text(reason, "reason",
                    label=QT_TRANSLATE_NOOP("Label", "The reason for the amendment"),
                    max_len=v.MAX_SHORT_TEXT, required=True)
    text = v.text(text, "text", label=QT_TRANSLATE_NOOP("Label", "The amendment"),
                  max_len=v.MAX_LONG_TEXT, required=not corrections)
    repo = records.repo
    with records.write() as work:
        # On a server, the session's row is held until COMMIT: a second room amending at once
        # waits, then reads the corrections this one wrote (its old values are then right).
        repo.lock_session(session_id)
        session = repo.session(session_id)
        amendments = repo.amendments(session_id) if seen is not None else None
        if not session.is_signed:
            raise ValidationError(sentence("Records", QT_TRANSLATE_NOOP(
                "Records", "Only a signed session is amended; edit the draft directly.")))
        if corrections and session.retracted:
            raise ValidationError(sentence("Records", QT_TRANSLATE_NOOP(
                "Records", "This session is marked entered in error and counts in no figure: "
                "its sites are not corrected. Say in the amendment what you add.")))
        planned: list[tuple[int, int, str, Value, Value]] = []  # site, seq, field, old, new
        if corrections:
            sites = {s.id: s for s in repo.sites_for_session(session_id) if not s.planned}
            earlier = site_corrections.for_sessions(work.connection, [session_id]).get(
                session_id, [])
            now = {sid: current_values(site, earlier) for sid, site in sites.items()}
            _check_expected(expected or {}, now, sites, earlier,
                            None if amendments is None else len(amendments))
            for site_id, field, value in corrections:
                site = sites.get(site_id)
                if site is None:
                    raise _say(QT_TRANSLATE_NOOP(
                        "Records", "Site id %1 is not a needled site of this session."),
                        site_id)
                if field not in FIELDS:
                    raise _say(QT_TRANSLATE_NOOP(
                        "Records", "Site %1: %2 is not corrected by an amendment (only the "
                        "grasp, the cramp and recorded in error are)."), site.seq, field)
                new = _clean_value(field, value, site.seq)
                values = now[site_id]
                if field != IN_ERROR and values[IN_ERROR]:
                    raise _say(QT_TRANSLATE_NOOP(
                        "Records", "Site %1 was recorded in error: it is not corrected "
                        "further."), site.seq)
                if values[field] == new:
                    raise _say(QT_TRANSLATE_NOOP(
                        "Records", "Site %1: %2 is already that; nothing to correct."),
                        site.seq, field)
                planned.append((site_id, site.seq, field, values[field], new))
                values[field] = new
        if amendments is not None:
            check_unseen(amendments[seen:], len(amendments))
        at = work.at
        aid = repo.insert_amendment(session_id, at, records.actor, reason, text)
        recorded = []
        for site_id, seq, field, old, new in planned:
            site_corrections.insert(work.connection, aid, site_id, field, old, new)
            recorded.append([seq, field, old, new])
        changes: dict[str, list[object]] = {"reason": [None, reason], "text": [None, text]}
        if recorded:
            changes[CORRECTIONS] = [None, recorded]
        work.audit(Action.AMEND, Entity.AMENDMENT, aid, session_id, changes=changes)
        work.changed(Change(Action.AMEND, Entity.AMENDMENT, aid, session_id=session_id,
                            patient_id=session.patient_id))
    return next(a for a in repo.amendments(session_id) if a.id == aid)


def _check_expected(expected: Expected, now: dict[int, dict[str, Value]],
                    sites: Mapping[int, Site], earlier: Sequence[SiteCorrection],
                    amendments: int | None) -> None:
    """ConflictError naming the sites whose corrected field another amendment changed since
    the person was shown it, with who corrected it last and when."""
    changed = [(site_id, field) for (site_id, field), value in expected.items()
               if site_id in now and field in FIELDS and now[site_id][field] != value]
    if not changed:
        return
    last = [c for c in earlier if (c.site_id, c.field) in changed][-1:]
    names = joined(", ", [sentence("Records", QT_TRANSLATE_NOOP("Records", "site %1's %2"),
                                   sites[site_id].seq, conflicts.field_name(field))
                          for site_id, field in changed])
    by = sentence("Conflicts", QT_TRANSLATE_NOOP("Conflicts", " (by %1 at %2)"),
                  last[0].created_by, f"{local_time(last[0].created_at):%Y-%m-%d %H:%M}") \
        if last and last[0].created_at is not None else ""
    raise AmendedMeanwhile(sentence("Records", QT_TRANSLATE_NOOP(
        "Records", "An amendment in another window or program corrected %1%2 after you began "
        "this one, so this amendment was not added; nothing was overwritten. Its corrections "
        "now start from the values as they are: check them, then add the amendment again."),
        names, by), tuple(field for _, field in changed), amendments)


# The refusal of an amendment begun before another was added (check_unseen): %1 names the
# others; the last sentence says how to go on in the dialog it was typed in.
UNSEEN = QT_TRANSLATE_NOOP(
    "Records", "Another amendment was added to this session in another window or program "
    "after you began this one (%1), so yours was not added yet. It is now shown with the "
    "session: read it, then press Add amendment again to add yours as typed, or Cancel.")


def check_unseen(unseen: Sequence[Amendment], amendments: int, refusal: str = UNSEEN,
                 context: str = "Records") -> None:
    """AmendedMeanwhile naming the amendments added after the person began theirs (when, by
    whom, why): nothing is added until they have been shown them. Called inside the write,
    after the session's row is held (amend; services.photo_amending). ``refusal``: the sentence
    (in ``context``) whose %1 names them."""
    if not unseen:
        return
    which = joined("; ", [sentence("Records", QT_TRANSLATE_NOOP("Records", "by %1 at %2 – %3"),
                                   a.created_by, f"{local_time(a.created_at):%Y-%m-%d %H:%M}",
                                   a.reason) for a in unseen[-MOST_NAMED:]])
    raise AmendedMeanwhile(sentence(context, refusal, which), amendments=amendments)


def recorded_corrections(corrections: Sequence[SiteCorrection]) -> list[list[object]]:
    """[[site number, field, old, new], ...]: what the audit entry of their amendment recorded
    (and what an export carries)."""
    return [c.recorded() for c in corrections]


__all__ = ["CORRECTIONS", "AmendedMeanwhile", "CRAMP", "GRASP", "IN_ERROR", "Correction", "amend",
           "check_unseen", "recorded_corrections"]
