"""Two windows on one record (issue 12, M4): an edit carries the values its editor started from,
and a write over someone else's change is refused with a sentence, never made silently. Here the
services, two Records on one file (two connections, as two windows have)."""

from __future__ import annotations

from datetime import datetime

import pytest

from imsmap.domain.errors import ConflictError, UserFacingError, ValidationError
from imsmap.services.records import Records
from support import chart_atlas, spot

pytestmark = pytest.mark.both_backends


def window(open_records_as, actor: str, minute: int = 0) -> Records:
    """A window's records (a room's, on the clinic server: its own login)."""
    return open_records_as(actor, atlas=chart_atlas(),
                           clock=lambda: datetime(2026, 11, 20, 10, minute).astimezone()).records


@pytest.fixture
def two(open_records_as):
    return window(open_records_as, "anna.physio", 5), window(open_records_as, "ben.physio", 42)


def audit_count(recs: Records) -> int:
    return recs.db.query_one("SELECT count(*) FROM audit")[0]


def test_the_later_save_of_a_note_is_refused_and_names_who_changed_it(two):
    first, second = two
    patient = first.create_patient(chart_number="C-1", family_name="Nguyen")
    session = first.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                  notes="Start.")
    # Both windows show the session with the note "Start."; the second saves first.
    second.update_session(session.id, notes="Start. Ben's addition.", expected={"notes": "Start."})
    entries = audit_count(first)
    with pytest.raises(ConflictError) as caught:
        first.update_session(session.id, notes="Start. Anna's addition.",
                             expected={"notes": "Start."})
    assert isinstance(caught.value, UserFacingError) and caught.value.fields == ("notes",)
    message = caught.value.message
    assert "notes" in message and "another window" in message
    # When Ben wrote: his window's clock on one computer; on a clinic server the server's
    # (the one clock every room's writes and the audit trail share).
    written = first.read.audit_entries(session.id)[-1].at.astimezone()
    assert "ben.physio" in message and f"{written:%Y-%m-%d %H:%M}" in message
    if not first.db.is_server:
        assert f"{written:%Y-%m-%d %H:%M}" == "2026-11-20 10:42"
    assert "not saved" in message
    # Nothing written: the other window's note stands, and the trail has no new entry.
    assert first.repo.session(session.id).notes == "Start. Ben's addition."
    assert audit_count(first) == entries
    # Started again from what is stored, the edit goes through.
    first.update_session(session.id, notes="Start. Ben's addition. Anna's addition.",
                         expected={"notes": "Start. Ben's addition."})
    assert second.repo.session(session.id).notes.endswith("Anna's addition.")


def test_an_edit_of_another_field_is_not_a_conflict(two):
    first, second = two
    patient = first.create_patient(chart_number="C-1", family_name="Nguyen")
    session = first.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30))
    second.update_session(session.id, plan="Review in a week.", expected={"plan": ""})
    updated = first.update_session(session.id, notes="Tolerated well.", expected={"notes": ""})
    assert (updated.notes, updated.plan) == ("Tolerated well.", "Review in a week.")
    # Both windows asking for the same value is no conflict ("" and no value are one).
    second.update_session(session.id, pain_before=5, expected={"pain_before": None})
    assert first.update_session(session.id, pain_before=5, expected={"pain_before": None}
                                ).pain_before == 5
    assert first.update_session(session.id, complaint="", expected={"complaint": None}
                                ).complaint == ""


def test_site_fields_are_checked_too(two):
    first, second = two
    patient = first.create_patient(chart_number="C-1", family_name="Nguyen")
    session = first.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30))
    view, x, y, muscle, side = spot(first.atlas)
    site = first.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=1)
    second.update_site(site.id, grasp=3, notes="strong", expected={"grasp": 1, "notes": ""})
    with pytest.raises(ConflictError, match=r"grasp.*ben\.physio") as caught:
        first.update_site(site.id, grasp=0, expected={"grasp": 1})
    assert caught.value.fields == ("grasp",)
    with pytest.raises(ConflictError, match="notes"):
        first.update_site(site.id, notes="mild", expected={"notes": ""})
    assert first.repo.site(site.id).grasp == 3 and first.repo.site(site.id).notes == "strong"
    # Without `expected` (a drag, an undo step) the edit is made as before.
    assert first.update_site(site.id, grasp=2).grasp == 2


def test_patient_fields_are_checked_too(two):
    first, second = two
    patient = first.create_patient(chart_number="C-1", family_name="Nguyen", notes="")
    second.update_patient(patient.id, notes="Allergic to nickel.", expected={"notes": ""})
    with pytest.raises(ConflictError, match=r"patient.*ben\.physio"):
        first.update_patient(patient.id, notes="Diabetic.", expected={"notes": None})
    assert first.repo.patient(patient.id).notes == "Allergic to nickel."


def test_an_expected_field_that_does_not_exist_is_refused(two):
    first, _ = two
    patient = first.create_patient(chart_number="C-1", family_name="Nguyen")
    session = first.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30))
    with pytest.raises(ValidationError, match="Unknown session field"):
        first.update_session(session.id, notes="x", expected={"signature": "forged"})
    assert first.repo.session(session.id).notes == ""
