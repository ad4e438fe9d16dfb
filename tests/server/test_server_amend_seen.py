"""On a clinic server, an amendment begun before another room's amendment is refused inside its
own write (services.amending reads the session's amendments after holding its row), as on a
file: the window hears the other room's amendment already (ui.live_rooms); the dialog says it
before adding its own (ui.record.amend_dialog)."""

from __future__ import annotations

import pytest

from imsmap.services.amending import AmendedMeanwhile
from imsmap.services.context import open_server_context
from support import spot


def test_another_room_s_amendment_refuses_one_begun_before_it(people):
    anna = open_server_context(people["practitioner"][1])
    ben = open_server_context(people["practitioner2"][1])
    try:
        records = anna.records
        p = records.create_patient(chart_number="C-7", family_name="Tremblay")
        s = records.start_session(p.id)
        view, x, y, muscle, side = spot(records.atlas)
        records.add_site(s.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        records.sign_session(s.id)
        seen = len(records.read.amendments(s.id))  # Anna opens her amendment dialog
        ben.records.amend_session(s.id, "Graded on the paper sheet", "Ben's words.")
        with pytest.raises(AmendedMeanwhile) as refused:
            records.amend_session(s.id, "Grade was 3", "Anna's words.", seen=seen)
        assert "Graded on the paper sheet" in str(refused.value)
        assert refused.value.amendments == 1
        assert [a.reason for a in records.read.amendments(s.id)] == ["Graded on the paper sheet"]
        records.amend_session(s.id, "Grade was 3", "Anna's words.", seen=1)  # read it: go on
        assert [a.reason for a in records.read.amendments(s.id)] == [
            "Graded on the paper sheet", "Grade was 3"]
    finally:
        ben.close()
        anna.close()
