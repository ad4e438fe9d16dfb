"""Withdrawing a draft on a clinic server (services/retractions.py, sql/v7_retractions.sql): a
draft another room holds open is withdrawn only once taken over, as any change; once withdrawn,
the room that had it open writes nothing more to it, refused with a sentence; and the server
itself refuses a write to a withdrawn draft however it comes (SQLSTATE 23W01)."""

from __future__ import annotations

import psycopg
import pytest
from live_support import make_people

from imsmap.domain.errors import ReadOnlyError, UserFacingError
from imsmap.services import retractions
from imsmap.services.context import open_server_context
from imsmap.services.room_hold import OnConnection, RoomHold
from imsmap.store.postgres.connection import connect
from support import spot


@pytest.fixture
def two_rooms(pg_server, clinic_dsn):
    """Anna in Room 1 and Ben in Room 2, each with services on a connection of their own and
    their room's hold (as services.live.room_of gives a window); a draft with one site that
    Anna's room holds open."""
    people = make_people(pg_server, clinic_dsn)
    contexts = [open_server_context(people[k][1]) for k in ("practitioner", "practitioner2")]
    anna, ben = (c.records for c in contexts)
    rooms = []
    for records, room in ((anna, "Room 1"), (ben, "Room 2")):
        hold = RoomHold(OnConnection(records.db.conn), room)
        records.room = hold.room
        records.read.watch_holds(hold)
        rooms.append(hold)
    patient = anna.create_patient(chart_number="W-1", family_name="Okafor")
    session = anna.start_session(patient.id)
    view, x, y, muscle, side = spot(anna.atlas)
    site = anna.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=1)
    assert rooms[0].open(session.id).mine
    yield anna, ben, rooms, session, site
    for hold in rooms:
        hold.close()
    for context in contexts:
        context.close()


def test_a_held_draft_is_withdrawn_after_a_take_over_and_the_other_room_writes_nothing(
        two_rooms):
    anna, ben, (room1, room2), session, site = two_rooms
    assert not room2.open(session.id).mine
    with pytest.raises(ReadOnlyError, match="open in Room 1"):
        retractions.withdraw_draft(ben, session.id, "Started on the wrong patient")
    assert ben.read.session(session.id).counts
    assert room2.take_over().mine
    retractions.withdraw_draft(ben, session.id, "Started on the wrong patient")
    # Room 1 still shows the draft; whatever it writes now is refused, with a sentence
    room1.refresh()
    view, x, y, muscle, side = spot(anna.atlas, 1)
    for write in (lambda: anna.update_site(site.id, grasp=3),
                  lambda: anna.add_site(session.id, view, x, y, muscle_id=muscle, side=side),
                  lambda: anna.update_session(session.id, notes="more"),
                  lambda: anna.sign_session(session.id)):
        with pytest.raises(UserFacingError, match="withdrawn|open in Room 2"):
            write()
    # once Room 2 lets go, Room 1 may hold it again, and still writes nothing: it is withdrawn
    room2.release()
    assert room1.refresh().mine
    with pytest.raises(ReadOnlyError, match="withdrawn by"):
        anna.update_site(site.id, grasp=3)
    assert [s.grasp for s in anna.read.sites_for_session(session.id)] == [1]
    mark = anna.read.retraction(session.id)
    assert (mark.created_by, mark.reason) == (ben.actor, "Started on the wrong patient")


def test_the_server_refuses_a_write_to_a_withdrawn_draft_and_a_mark_in_another_name(
        two_rooms, pg_server):
    anna, ben, (room1, _room2), session, site = two_rooms
    retractions.withdraw_draft(anna, session.id, "Empty, started twice")
    # past the services (an old client, a script): the server's triggers refuse it
    with connect(anna.db.another_dsn()) as conn:
        with pytest.raises(psycopg.Error) as caught:
            conn.execute("UPDATE imsmap.sites SET grasp = 3 WHERE id = %s", (site.id,))
        assert caught.value.sqlstate == "23W01"
    other = ben.start_session(session.patient_id)
    with connect(ben.db.another_dsn()) as conn:
        with pytest.raises(psycopg.Error, match="in the name of the login"):
            conn.execute("INSERT INTO imsmap.retractions (session_id, kind, reason,"
                         " created_at, created_by) VALUES (%s, 'withdrawn', 'x', 'now',"
                         " 'someone.else')", (other.id,))
