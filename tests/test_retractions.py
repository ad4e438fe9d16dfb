"""Withdrawing a draft started by mistake and marking a signed session entered in error
(schema 7, services/retractions.py): one insert-only mark, the session kept and readable,
counted nowhere; on both backends."""

from __future__ import annotations

from datetime import datetime

import pytest

from imsmap.domain.errors import ReadOnlyError, UserFacingError, ValidationError
from imsmap.domain.models import RetractionKind
from imsmap.services import retractions

pytestmark = pytest.mark.both_backends


def _site(records, session, n=0):
    import support

    view, x, y, muscle, side = support.spot(records.atlas, n)
    return records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)


def test_withdrawn_draft_is_kept_readable_and_locked(records, session):
    site = _site(records, session)
    with pytest.raises(ValidationError):
        retractions.withdraw_draft(records, session.id, "   ")
    mark = retractions.withdraw_draft(records, session.id, "Started on the wrong patient")
    assert mark.kind is RetractionKind.WITHDRAWN
    assert mark.created_by == records.actor
    again = records.read.session(session.id)
    assert again.is_withdrawn and not again.counts and not again.is_signed
    # the sites stay, readable
    assert [s.id for s in records.read.sites_for_session(session.id)] == [site.id]
    # every write is refused with a sentence that says why
    with pytest.raises(ReadOnlyError, match="withdrawn"):
        _site(records, session, 1)
    with pytest.raises(ReadOnlyError, match="withdrawn"):
        records.update_site(site.id, grasp=3)
    with pytest.raises(ReadOnlyError, match="withdrawn"):
        records.update_session(session.id, notes="more")
    with pytest.raises(ReadOnlyError, match="withdrawn"):
        records.sign_session(session.id)
    with pytest.raises(ReadOnlyError, match="withdrawn"):
        retractions.withdraw_draft(records, session.id, "twice")
    # the audit trail says who, when and why
    entry = [e for e in records.audit_entries(session.id) if e.action == "withdraw"]
    assert len(entry) == 1 and entry[0].changes["reason"] == [None, "Started on the wrong patient"]


def test_entered_in_error_only_for_a_signed_session(records, session):
    _site(records, session)
    with pytest.raises(ValidationError, match="withdrawn instead"):
        retractions.mark_entered_in_error(records, session.id, "Wrong patient")
    records.sign_session(session.id)
    with pytest.raises(ReadOnlyError):
        retractions.withdraw_draft(records, session.id, "Wrong patient")
    mark = retractions.mark_entered_in_error(records, session.id, "Signed on the wrong patient")
    assert mark.kind is RetractionKind.ENTERED_IN_ERROR
    s = records.read.session(session.id)
    assert s.is_entered_in_error and s.is_signed and not s.counts
    with pytest.raises(UserFacingError):
        retractions.mark_entered_in_error(records, session.id, "again")
    # still amendable: an amendment may say more
    records.amend_session(session.id, "Note", "The patient was C-1002.")


def test_marks_are_never_changed_or_deleted(records, session):
    _site(records, session)
    retractions.withdraw_draft(records, session.id, "Empty one started twice")
    for sql in ("UPDATE retractions SET reason = 'other'", "DELETE FROM retractions",
                "UPDATE sites SET grasp = 0", "UPDATE sessions SET notes = 'x'"):
        with pytest.raises(Exception, match="never|locked|refused"):
            with records.db.transaction():
                records.db.conn.execute(sql)
