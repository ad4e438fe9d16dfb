"""Taking a session recorded by mistake out of the clinical story, without losing it (schema 8).

Two gestures, one insert-only table (``retractions``: session, kind, reason, at, by):
- **Withdraw a draft** started by mistake (the wrong patient, an empty one started twice): the
  draft is locked for ever, its sites stay readable, and it counts nowhere.
- **Entered in error**: a signed session that is not this patient's treatment (signed on the
  wrong patient). A specific kind of amendment: a reason, the login's name and the time, and
  nothing of the signed note changes; its PDF says so, and it counts nowhere either.

Each is one transaction and one audit entry (action ``withdraw`` or ``entered_in_error``, entity
``retraction``, recording the kind, reason and session), so `imsmap check` compares the row with
its entry as it does an amendment's. Both are final: there is no undo and no un-marking (a
mark is never changed or deleted; schema 8's triggers, store/migration_v5_v11.py, refuse it),
which the dialogs say before the button.

"Counts nowhere" is one rule, `Session.counts`, that the readers of figures apply: the history
(domain.progress.History.of) leaves such sessions out of the overlay, the heat map, the Progress
tab and the progress report, and the CSV export, the segments and FHIR's figures follow.
"""

from __future__ import annotations

from imsmap.domain import validation as v
from imsmap.domain.errors import ValidationError
from imsmap.domain.models import Retraction, RetractionKind
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.services.changes import Action, Change, Entity
from imsmap.services.records import Records


def _reason(reason: str) -> str:
    return v.text(reason, "reason", label=QT_TRANSLATE_NOOP("Label", "The reason"),
                  max_len=v.MAX_SHORT_TEXT, required=True)


def withdraw_draft(records: Records, session_id: int, reason: str) -> Retraction:
    """Withdraw a draft started by mistake: final; its sites stay readable and count nowhere.

    Refused (ReadOnlyError, one sentence) for a signed session, a draft already withdrawn, or,
    on a clinic server, a draft another room holds open (take it over first)."""
    reason = _reason(reason)
    with records.write() as work:
        # The draft's row is locked first on a server: a room adding a site at this instant
        # either lands before the withdrawal (and is withdrawn with it) or is refused after.
        session = work.draft(session_id, lock=True)
        rid = work.store.insert_retraction(session_id, RetractionKind.WITHDRAWN.value, reason,
                                           work.at, work.actor)
        work.audit(Action.WITHDRAW, Entity.RETRACTION, rid, session_id,
                   changes={"kind": [None, RetractionKind.WITHDRAWN.value],
                            "reason": [None, reason], "session_id": [None, session_id]})
        work.changed(Change(Action.WITHDRAW, Entity.RETRACTION, rid, session_id=session_id,
                            patient_id=session.patient_id))
    mark = records.repo.retraction(session_id)
    assert mark is not None
    return mark


def mark_entered_in_error(records: Records, session_id: int, reason: str) -> Retraction:
    """Mark a signed session entered in error (e.g. signed on the wrong patient): a kind of
    amendment, signed by the login; the signed note stays as it was, and counts nowhere."""
    reason = _reason(reason)
    with records.write() as work:
        work.store.lock_session(session_id)
        session = work.store.session(session_id)
        if not session.is_signed:
            raise ValidationError(sentence("Records", QT_TRANSLATE_NOOP(
                "Records", "Only a signed session is marked entered in error; a draft started "
                "by mistake is withdrawn instead (Session > Withdraw draft).")))
        if session.retracted:
            raise ValidationError(sentence("Records", QT_TRANSLATE_NOOP(
                "Records", "This session is already marked entered in error; nothing was "
                "changed.")))
        rid = work.store.insert_retraction(session_id, RetractionKind.ENTERED_IN_ERROR.value,
                                           reason, work.at, work.actor)
        work.audit(Action.ENTERED_IN_ERROR, Entity.RETRACTION, rid, session_id,
                   changes={"kind": [None, RetractionKind.ENTERED_IN_ERROR.value],
                            "reason": [None, reason], "session_id": [None, session_id]})
        work.changed(Change(Action.ENTERED_IN_ERROR, Entity.RETRACTION, rid,
                            session_id=session_id, patient_id=session.patient_id))
    mark = records.repo.retraction(session_id)
    assert mark is not None
    return mark
