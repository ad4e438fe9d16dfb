"""Merging duplicate patient records on a clinic server (services/merging.py,
sql/v8_patient_merges.sql): refused while another room holds a draft of either record open;
the server refuses a merge in another login's name; `server migrate` moves the merges and the
separations whole; the server's backup counts them."""

from __future__ import annotations

from datetime import datetime

import psycopg
import pytest
from clinic_files import make_clinic, open_file
from live_support import make_people

from imsmap.cli import main
from imsmap.domain.errors import ReadOnlyError
from imsmap.services import merging
from imsmap.services.context import open_server_context
from imsmap.services.room_hold import OnConnection, RoomHold
from imsmap.store.postgres.connection import connect
from support import spot


@pytest.fixture
def two_rooms(pg_server, clinic_dsn):
    """Anna in Room 1 and Ben in Room 2; "Jon" Smith's draft held open in Room 1."""
    people = make_people(pg_server, clinic_dsn)
    contexts = [open_server_context(people[k][1]) for k in ("practitioner", "practitioner2")]
    anna, ben = (c.records for c in contexts)
    rooms = []
    for records, room in ((anna, "Room 1"), (ben, "Room 2")):
        hold = RoomHold(OnConnection(records.db.conn), room)
        records.room = hold.room
        records.read.watch_holds(hold)
        rooms.append(hold)
    john = anna.create_patient(chart_number="M-1", family_name="Smith", given_name="John",
                               birth_date="1980-03-14")
    jon = anna.create_patient(chart_number="M-2", family_name="Smith", given_name="Jon",
                              birth_date="1980-04-13")
    signed = anna.start_session(john.id, started_at=datetime(2026, 11, 2, 9, 0))
    view, x, y, muscle, side = spot(anna.atlas)
    anna.add_site(signed.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
    anna.sign_session(signed.id)
    draft = anna.start_session(jon.id, started_at=datetime(2026, 11, 9, 9, 0))
    assert rooms[0].open(draft.id).mine
    yield anna, ben, rooms, john, jon, draft
    for hold in rooms:
        hold.close()
    for context in contexts:
        context.close()


def test_a_merge_waits_for_the_other_rooms_draft(two_rooms):
    anna, ben, (room1, room2), john, jon, draft = two_rooms
    with pytest.raises(ReadOnlyError, match="has a draft of Smith, Jon \\(M-2\\) open in "
                                            "Room 1"):
        merging.merge_records(ben, john.id, jon.id, "Same person")
    assert ben.read.merged_into(jon.id) is None
    room1.release()  # Anna closed it (signed, or opened another patient)
    merge = merging.merge_records(ben, john.id, jon.id, "Same person")
    assert merge.created_by == ben.actor
    # Anna's room reads one history too, the draft of the duplicate in it
    assert {s.id for s in anna.read.sessions_for_patient(john.id)} >= {draft.id}


def test_the_server_refuses_a_merge_in_another_name_or_a_chain(two_rooms):
    anna, ben, _rooms, john, jon, _draft = two_rooms
    third = anna.create_patient(chart_number="M-3", family_name="Smith")
    with connect(anna.db.another_dsn()) as conn:
        with pytest.raises(psycopg.Error, match="name of the login"):
            conn.execute("INSERT INTO patient_merges (duplicate_id, kept_id, reason,"
                         " created_at, created_by) VALUES (%s, %s, 'x', '2026-12-01', 'ben')",
                         (jon.id, john.id))
        conn.rollback()
        conn.execute("INSERT INTO patient_merges (duplicate_id, kept_id, reason, created_at,"
                     " created_by) VALUES (%s, %s, 'x', '2026-12-01', session_user)",
                     (jon.id, john.id))
        for dup, kept in ((third.id, jon.id), (john.id, third.id), (jon.id, third.id)):
            with pytest.raises(psycopg.Error, match="merged|chain"):
                with conn.transaction():
                    conn.execute("INSERT INTO patient_merges (duplicate_id, kept_id, reason,"
                                 " created_at, created_by) VALUES (%s, %s, 'x', '2026-12-01',"
                                 " session_user)", (dup, kept))
        conn.rollback()


def test_migrate_moves_merges_and_separations_whole(tmp_path, clinic_dsn, capsys):
    path = make_clinic(tmp_path / "clinic.sqlite3")
    recs = open_file(path)
    a = recs.create_patient(chart_number="D-1", family_name="Doe", given_name="John")
    b = recs.create_patient(chart_number="D-2", family_name="Doe", given_name="Jon")
    wrong = merging.merge_records(recs, a.id, b.id, "Wrong")
    merging.separate_records(recs, wrong.id, "Not him")
    merging.merge_records(recs, b.id, a.id, "Right this time")
    rows = recs.db.conn.execute("SELECT * FROM patient_merges ORDER BY id").fetchall()
    recs.db.close()
    assert main(["server", "migrate", "--db", str(path), "--dsn", clinic_dsn]) == 0
    capsys.readouterr()
    with connect(clinic_dsn) as conn:
        got = conn.execute("SELECT id, duplicate_id, kept_id, ends, reason, created_at,"
                           " created_by FROM patient_merges ORDER BY id").fetchall()
    assert [tuple(r) for r in got] == [tuple(r) for r in rows]
    server = open_server_context(clinic_dsn)
    try:
        from imsmap.services import checks

        assert server.records.read.history_ids(a.id) == (b.id, a.id)
        assert checks.full_check(server.records).problems == []
    finally:
        server.close()
    out = tmp_path / "clinic.dump"
    assert main(["backup", "--dsn", clinic_dsn, "--out", str(out)]) == 0
    assert "unbroken" in capsys.readouterr().out


def test_other_rooms_hear_a_merge_as_the_kept_records_change(two_rooms):
    from imsmap.services.changes import Action, Change, Entity
    from imsmap.services.live import to_change
    from imsmap.store.postgres.listen import Notice

    anna, ben, (room1, _room2), john, jon, _draft = two_rooms
    room1.release()
    with connect(anna.db.another_dsn()) as conn:
        before = conn.execute("SELECT change_point()").fetchone()[0]
    merge = merging.merge_records(ben, john.id, jon.id, "Same person")
    with connect(anna.db.another_dsn()) as conn:
        heard = conn.execute("SELECT action, entity, entity_id, session_id, patient_id"
                             " FROM changes_since(%s, 10)", (before,)).fetchall()
    assert [tuple(h) for h in heard] == [("merge", "patient_merge", merge.id, None, john.id)]
    action, entity, entity_id, session_id, patient_id = heard[0]
    assert to_change(Notice(entity, action, entity_id, session_id, patient_id)) == Change(
        Action.MERGE, Entity.PATIENT_MERGE, merge.id, patient_id=john.id)


def test_a_session_s_trail_on_the_server_lists_its_patient_s_merge(two_rooms):
    """services.audit_view on a clinic server: Anna's draft under Jon's record lists the merge
    Ben made of it into John's (the server's trail, read by another login)."""
    from imsmap.services.audit_view import session_trail

    anna, ben, (room1, _room2), john, jon, draft = two_rooms
    room1.release()
    merge = merging.merge_records(ben, john.id, jon.id, "Same person")
    merges = [e for e in session_trail(anna, draft.id) if e.entity == "patient_merge"]
    assert [(e.action, e.entity_id, e.actor, e.changes["kept_id"]) for e in merges] == [
        ("merge", merge.id, ben.actor, [None, john.id])]
