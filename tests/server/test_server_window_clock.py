"""A room whose computer's clock is wrong, on a clinic server: what it records is dated by the
server (docs/clinic-server.md, "One clock"). The French walk of 5 December found one date the
room's clock still gave: a new session's start. A room five minutes fast started a session at
10:05 that the server signed at 10:02, "signed before it started"; and an export of the whole
clinic could then be imported nowhere ("The visit is signed before it started")."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from imsmap.services.context import open_server_context
from imsmap.services.records import now
from test_ui_support import (  # noqa: F401
    click_region,
    close_windows,
    pick_region,
    qt_settings,
    show_window,
    sign_through_dialog,
)


def test_a_room_five_minutes_fast_starts_and_signs_its_session_on_the_servers_time(
        people, qtbot, qt_settings):  # noqa: F811
    fast = open_server_context(people["practitioner"][1],
                               clock=lambda: now() + timedelta(minutes=5))
    try:
        records = fast.records
        patient = records.create_patient(chart_number="CLK-1", family_name="Horloge")
        w = show_window(qtbot, fast, patient_id=patient.id)
        try:
            w.menus.act_new_session.trigger()  # Session > New session, as in the room
            session_id = w.session_id
            assert session_id is not None
            click_region(qtbot, w, pick_region(w))
            qtbot.keyClick(w.chart.view, Qt.Key.Key_2)
            sign_through_dialog(qtbot, w)
        finally:
            close_windows(qtbot, [w])
        session = records.read.session(session_id)
        assert session.is_signed
        server_now = records.db.write_clock()
        assert abs(session.started_at - server_now) < timedelta(minutes=1), (
            session.started_at, server_now)  # the server's time, not the room's
        assert session.started_at <= session.signed_at, (session.started_at, session.signed_at)
    finally:
        fast.close()
