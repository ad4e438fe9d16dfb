"""The record use cases against a real temporary database: one audit entry each, validation that
changes nothing, signed sessions that stay signed, removal and restore of sites."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import support
from imsmap.domain.errors import NotFoundError, ReadOnlyError, ValidationError
from imsmap.store import audit

pytestmark = pytest.mark.both_backends

TABLES = ("patients", "sessions", "sites", "amendments", "audit")
DB_EXAMPLES = settings(max_examples=40, deadline=None,
                       suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(name="spot")
def spot_fixture(records):
    """(view id, x, y, muscle, side): the label point of a region of the atlas."""
    return support.spot(records.atlas)


def _add(records, session_id, spot, **fields):
    view_id, x, y, muscle, side = spot
    return records.add_site(session_id, view_id, x, y, muscle_id=muscle, side=side, **fields)


def _counts(records):
    return {t: records.db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in TABLES}


def _snapshot(records):
    """Every row of the clinical tables: nothing may change when a value is refused."""
    return {t: records.db.conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in TABLES}


def _is_sentence(message: str) -> bool:
    return bool(message) and message[0].isupper() and message.rstrip().endswith(".") \
        and "\n" not in message and "Traceback" not in message


# -- one audit entry per use case -----------------------------------------------------------


def test_each_use_case_writes_exactly_one_audit_entry(records, spot):
    def one_entry(action, entity, call):
        before = _counts(records)["audit"]
        result = call()
        entries = [r[3:5] for r in audit.rows(records.db.conn, "WHERE id > ?", (before,))]
        assert entries == [(action, entity)], call
        return result

    p = one_entry("create", "patient", lambda: records.create_patient(
        chart_number="A-1", family_name="Kim", given_name="Min-jun", birth_date="1980-02-29"))
    one_entry("update", "patient", lambda: records.update_patient(p.id, notes="Prefers mornings"))
    s = one_entry("create", "session", lambda: records.start_session(
        p.id, started_at=datetime(2026, 11, 2, 9, 0), complaint="Neck pain"))
    one_entry("update", "session", lambda: records.update_session(s.id, pain_before=6))
    site = one_entry("create", "site", lambda: _add(records, s.id, spot, grasp=2))
    one_entry("update", "site", lambda: records.update_site(site.id, grasp=3, cramp=True))
    one_entry("remove", "site", lambda: records.remove_site(site.id))
    one_entry("restore", "site", lambda: records.restore_site(site.id))
    one_entry("sign", "session", lambda: records.sign_session(s.id))
    one_entry("amend", "amendment", lambda: records.amend_session(
        s.id, "Late entry", "Mild soreness the next day."))
    assert audit.verify_chain(records.db.conn) == []


def test_an_edit_that_changes_nothing_writes_no_audit_entry(records, patient, session):
    records.update_session(session.id, pain_before=5)
    before = _counts(records)
    records.update_session(session.id, pain_before=5)
    records.update_patient(patient.id, family_name=patient.family_name)
    assert _counts(records) == before


def test_audit_entry_records_who_and_what(records, session, spot):
    site = _add(records, session.id, spot, grasp=1)
    records.update_site(site.id, grasp=3)
    last = list(audit.rows(records.db.conn))[-1]
    assert (last[2], last[5], last[6]) == ("test.physio", site.id, session.id)
    assert '"grasp":[1,3]' in last[7]


def test_created_at_follows_the_clock_given(db_path, atlas):
    from imsmap.services.context import build_context
    from imsmap.store.db import Database

    when = datetime(2026, 10, 5, 8, 30).astimezone()
    with Database.open(db_path) as db:
        recs = build_context(db, atlas, actor="demo", clock=lambda: when).records
        p = recs.create_patient(chart_number="T-1", family_name="Clock")
        s = recs.start_session(p.id)
    assert p.created_at == when and s.started_at == when and s.created_at == when


# -- validation: a sentence, and nothing changed --------------------------------------------


@pytest.mark.parametrize("call", [
    lambda r, p, s, site: r.update_session(s.id, pain_before=11),
    lambda r, p, s, site: r.update_session(s.id, pain_after=-1),
    lambda r, p, s, site: r.update_site(site.id, grasp=4),
    lambda r, p, s, site: r.update_site(site.id, needle_diameter_mm=0.6),
    lambda r, p, s, site: r.update_site(site.id, needle_length_mm=200),
    lambda r, p, s, site: r.update_site(site.id, tissue_feel="squishy"),
    lambda r, p, s, site: r.update_site(site.id, level="L9"),
    lambda r, p, s, site: r.create_patient(chart_number="", family_name="Blank"),
    lambda r, p, s, site: r.create_patient(chart_number="   ", family_name="Blank"),
    lambda r, p, s, site: r.create_patient(chart_number="F-1", family_name="Future",
                                           birth_date=date.today() + timedelta(days=1)),
    lambda r, p, s, site: r.create_patient(chart_number="F-2", family_name=""),
    lambda r, p, s, site: r.create_patient(chart_number="F-3", family_name="Ctl\x07"),
    lambda r, p, s, site: r.start_session(p.id, started_at=datetime.now() + timedelta(days=2)),
    lambda r, p, s, site: r.add_site(s.id, "posterior", 10, 10, muscle_id="no_such_muscle"),
    lambda r, p, s, site: r.add_site(s.id, "no_such_view", 10, 10, muscle_id="deltoid_middle"),
    lambda r, p, s, site: r.amend_session(s.id, "Reason", "Only a signed session is amended"),
], ids=["pain 11", "pain -1", "grasp 4", "needle 0.6", "length 200", "tissue feel", "level L9",
        "empty chart number", "blank chart number", "future birth date", "no family name",
        "control character", "future start", "unknown muscle", "unknown view",
        "amend a draft"])
def test_impossible_values_are_refused_with_a_sentence_and_change_nothing(
        records, patient, session, spot, call):
    site = _add(records, session.id, spot, grasp=1)
    before = _snapshot(records)
    with pytest.raises(ValidationError) as info:
        call(records, patient, session, site)
    assert _is_sentence(info.value.message), info.value.message
    assert _snapshot(records) == before


def test_duplicate_chart_number_is_refused(records, patient):
    before = _snapshot(records)
    with pytest.raises(ValidationError, match="belongs to another patient"):
        records.create_patient(chart_number=patient.chart_number, family_name="Other")
    other = records.create_patient(chart_number="C-2002", family_name="Other")
    with pytest.raises(ValidationError, match="belongs to another patient"):
        records.update_patient(other.id, chart_number=patient.chart_number)
    assert _snapshot(records)["patients"] == before["patients"] + [
        tuple(records.db.conn.execute("SELECT * FROM patients WHERE id = ?",
                                      (other.id,)).fetchone())]


def test_unknown_ids_are_not_found(records):
    with pytest.raises(NotFoundError, match="no session with id 999"):
        records.update_session(999, pain_before=3)
    with pytest.raises(NotFoundError):
        records.start_session(999)
    with pytest.raises(NotFoundError):
        records.update_site(999, grasp=1)


@DB_EXAMPLES
@given(pain=st.one_of(st.integers(-1000, 1000), st.floats(allow_nan=True)))
def test_pain_is_a_whole_number_from_0_to_10(records, session, pain):
    before = _snapshot(records)
    valid = not isinstance(pain, float) or (pain == pain and pain.is_integer())
    valid = valid and 0 <= pain <= 10
    if valid:
        assert records.update_session(session.id, pain_before=pain).pain_before == int(pain)
    else:
        with pytest.raises(ValidationError) as info:
            records.update_session(session.id, pain_before=pain)
        assert _is_sentence(info.value.message)
        assert _snapshot(records) == before


@DB_EXAMPLES
@given(grasp=st.integers(-50, 50))
def test_grasp_is_graded_0_to_3(records, session, spot, grasp):
    if 0 <= grasp <= 3:
        assert _add(records, session.id, spot, grasp=grasp).grasp == grasp
    else:
        before = _snapshot(records)
        with pytest.raises(ValidationError, match="Grasp"):
            _add(records, session.id, spot, grasp=grasp)
        assert _snapshot(records) == before


@DB_EXAMPLES
@given(diameter=st.floats(-1, 2, allow_nan=False), length=st.floats(0, 400, allow_nan=False))
def test_needle_sizes_are_in_millimetres_within_limits(records, session, spot, diameter, length):
    ok = 0.12 <= diameter <= 0.50 and 7 <= length <= 150
    if ok:
        site = _add(records, session.id, spot, needle_diameter_mm=diameter,
                    needle_length_mm=length)
        assert site.needle_diameter_mm == pytest.approx(diameter, abs=1e-3)
        assert site.needle_length_mm == pytest.approx(length, abs=1e-3)
    else:
        before = _snapshot(records)
        with pytest.raises(ValidationError, match="mm"):
            _add(records, session.id, spot, needle_diameter_mm=diameter,
                 needle_length_mm=length)
        assert _snapshot(records) == before


# -- signing, amending ----------------------------------------------------------------------


def test_a_signed_session_is_read_only(records, session, spot):
    site = _add(records, session.id, spot, grasp=2)
    signed = records.sign_session(session.id)
    assert signed.is_signed and len(signed.content_hash) == 64
    before = _snapshot(records)
    for call in (lambda: records.update_site(site.id, grasp=0),
                 lambda: _add(records, session.id, spot, grasp=1),
                 lambda: records.update_session(session.id, pain_after=2),
                 lambda: records.remove_site(site.id),
                 lambda: records.sign_session(session.id)):
        with pytest.raises(ReadOnlyError) as info:
            call()
        assert _is_sentence(info.value.message)
    assert _snapshot(records) == before


def test_amendment_needs_a_reason_and_keeps_the_original(records, session, spot):
    _add(records, session.id, spot, grasp=2)
    signed = records.sign_session(session.id)
    before = _snapshot(records)
    for reason in ("", "   ", None):
        with pytest.raises(ValidationError, match="reason"):
            records.amend_session(session.id, reason, "Text")
    with pytest.raises(ValidationError):
        records.amend_session(session.id, "Reason", "")
    assert _snapshot(records) == before
    amendment = records.amend_session(session.id, "Correction", "Grasp was moderate.")
    record = records.session_record(session.id)
    assert record.amendments == (amendment,)
    assert record.session.content_hash == signed.content_hash
    assert record.sites[0].grasp == 2


# -- sites ----------------------------------------------------------------------------------


def test_remove_then_restore_keeps_the_numbering(records, session, spot):
    sites = [_add(records, session.id, spot, grasp=g) for g in (1, 2, 3, 0)]
    assert [s.seq for s in sites] == [1, 2, 3, 4]
    records.remove_site(sites[1].id)
    live = records.repo.sites_for_session(session.id)
    assert [(s.id, s.seq) for s in live] == [(sites[0].id, 1), (sites[2].id, 2),
                                             (sites[3].id, 3)]
    restored = records.restore_site(sites[1].id)
    assert restored.seq == 2
    live = records.repo.sites_for_session(session.id)
    assert [(s.id, s.seq) for s in live] == [(s.id, i) for i, s in enumerate(sites, 1)]
    # The removed row was kept all along: nothing is ever deleted.
    total = records.db.conn.execute("SELECT count(*) FROM sites").fetchone()[0]
    assert total == 4


def test_a_new_site_after_a_removal_takes_the_next_number(records, session, spot):
    a, b = _add(records, session.id, spot), _add(records, session.id, spot)
    records.remove_site(a.id)
    c = _add(records, session.id, spot)
    assert (records.repo.site(b.id).seq, c.seq) == (1, 2)


def test_site_without_a_muscle_takes_the_region_under_the_point(records, session, spot):
    view_id, x, y, muscle, side = spot
    site = records.add_site(session.id, view_id, x, y)
    assert (site.muscle_id, site.side.value) == (muscle, side)
    with pytest.raises(ValidationError, match="no muscle at that point"):
        records.add_site(session.id, view_id, 1, 1)


def test_needle_defaults_to_the_last_one_used(records, session, spot):
    _add(records, session.id, spot, needle_diameter_mm=0.30, needle_length_mm=60)
    site = _add(records, session.id, spot)
    assert (site.needle_diameter_mm, site.needle_length_mm) == (0.30, 60.0)
