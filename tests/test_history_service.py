"""The patient history read once and shared by the window's overlay and progress panel, forgotten
when a change touches it; rows read by position build the same objects as rows read by name."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC

import pytest

from imsmap.domain.models import Site
from imsmap.domain.progress import History
from imsmap.store.record_rows import (
    SESSION_COLUMNS,
    SESSION_ROW,
    session_from_row,
    session_from_tuple,
)
from support import spot

pytestmark = pytest.mark.both_backends


def _course(records, patient, n=3):
    sessions = []
    for i in range(n):
        s = records.start_session(patient.id, practitioner="Dr A")
        view, x, y, _muscle, _side = spot(records.atlas, i)
        site = records.add_site(s.id, view, x, y)
        records.update_site(site.id, grasp=i % 4, cramp=bool(i % 2), notes="n" * i)
        sessions.append(s)
    return sessions


@pytest.mark.sqlite_only("reads the file's rows with SQLite's own SQL")
def test_rows_read_by_position_are_the_objects_read_by_name(records, patient):
    _course(records, patient, 4)
    records.sign_session(records.repo.sessions_for_patient(patient.id)[-1].id)
    from imsmap.services import retractions

    retractions.withdraw_draft(records, records.repo.sessions_for_patient(patient.id)[0].id,
                               "Started twice")
    db = records.db
    # Sites (stored compactly, store.site_rows) against a decoding done by SQL, by name.
    sites = [records.repo.site(r[0]) for r in db.conn.execute("SELECT id FROM sites")]
    by_sql = db.query(
        "SELECT s.id, m.text AS muscle, v.text AS view, l.text AS layer, s.x / 100.0 AS x,"
        " s.y / 100.0 AS y, s.grasp, s.cramp, s.notes, c.text AS creator,"
        " datetime(s.created_at, 'unixepoch') AS created,"
        " datetime(coalesce(s.updated_at, s.created_at), 'unixepoch') AS updated"
        " FROM sites s JOIN terms m ON m.id = s.muscle_id JOIN terms v ON v.id = s.view_id"
        " JOIN terms l ON l.id = s.layer JOIN terms c ON c.id = s.created_by ORDER BY s.id")
    assert len(sites) == len(by_sql) == 4
    for site, r in zip(sites, by_sql):
        # Built through its __dict__ (store.site_rows.decode): the object the constructor makes.
        assert site == Site(**{f.name: getattr(site, f.name) for f in fields(Site)})
        assert repr(site) == repr(Site(**{f.name: getattr(site, f.name) for f in fields(Site)}))
        assert hash(site) == hash(Site(**{f.name: getattr(site, f.name) for f in fields(Site)}))
        assert (site.id, site.muscle_id, site.view_id, site.layer, site.x, site.y, site.grasp,
                site.cramp, site.notes, site.created_by) == (
            r["id"], r["muscle"], r["view"], r["layer"], r["x"], r["y"], r["grasp"],
            bool(r["cramp"]), r["notes"], r["creator"])
        utc = "%Y-%m-%d %H:%M:%S"
        assert site.created_at.astimezone(UTC).strftime(utc) == r["created"]
        assert site.updated_at.astimezone(UTC).strftime(utc) == r["updated"]
    # (the session's columns, and its withdrawal or entered-in-error mark: schema 8)
    by_name = [session_from_row(r) for r in db.query(f"SELECT {SESSION_ROW} FROM sessions")]
    by_pos = [session_from_tuple(r)
              for r in db.conn.execute(f"SELECT {SESSION_COLUMNS} FROM sessions")]
    assert by_pos == by_name and any(s.is_signed for s in by_pos)
    assert any(s.is_withdrawn for s in by_pos)


def test_a_history_is_read_once_and_forgotten_when_its_patient_changes(context, records, patient):
    sessions = _course(records, patient)
    other = records.create_patient(chart_number="C-2002", family_name="Other")
    histories = context.histories
    first = histories.history(patient.id)
    assert histories.history(patient.id) is first and histories.loads == 1
    assert [s.id for s in first.sessions] == [s.id for s in sessions]
    histories.history(other.id)
    records.update_patient(patient.id, notes="moved house")  # not part of the history
    assert histories.history(patient.id) is first
    view, x, y, _muscle, _side = spot(records.atlas, 7)
    records.add_site(sessions[-1].id, view, x, y)
    again = histories.history(patient.id)
    assert again is not first and len(again.sites_of(sessions[-1].id)) == 2
    assert histories.loads == 2  # a site's change re-read its session only, not the history
    stored = records.read.sessions_for_patient(patient.id)
    full_read = History.of(stored, records.read.sites_for_sessions([s.id for s in stored]))
    assert again == full_read
    histories.history(other.id)
    assert histories.loads == 2  # the other patient kept its history
    records.update_session(sessions[-1].id, pain_before=3)  # a session change: read again
    assert histories.history(patient.id).sessions[-1].pain_before == 3
    assert histories.loads == 3


def test_views_hearing_a_change_read_the_fresh_history(context, records, patient):
    sessions = _course(records, patient)
    histories = context.histories
    histories.history(patient.id)
    seen = []
    context.bus.subscribe(lambda change: seen.append(len(histories.history(patient.id).ids)))
    records.start_session(patient.id)
    assert seen[-1] == len(sessions) + 1
