"""A practitioner's own login on the clinic server, with psql rather than imsmap (the attacker
of issue 12 on a server: no superuser, only the grants every practitioner has): another
room's draft moved to another patient with a plain UPDATE. The server's rules let a draft's
row change and write no audit entry of it; once signed, the session is whole by its content
hash (which leaves the patient out) and its signing entry. Its creating entry recorded the
patient it was started for, and `imsmap check` and the session's seal compare them. (Since
server schema 15 the server's own record of writes names the change too, before and after
signing: tests/server/test_server_record_writes.py.)"""

from __future__ import annotations

from datetime import datetime

from imsmap.services import checks, signatures
from imsmap.services.context import open_server_context
from imsmap.store.postgres.connection import connect
from support import spot


def test_a_draft_moved_to_another_patient_with_psql_is_named_once_signed(people):
    anna = open_server_context(people["practitioner"][1])
    try:
        records = anna.records
        mine = records.create_patient(chart_number="C-1", family_name="Nguyen")
        other = records.create_patient(chart_number="C-2", family_name="Osei")
        session = records.start_session(mine.id, started_at=datetime(2026, 11, 20, 9, 30))
        view, x, y, muscle, side = spot(records.atlas)
        records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        with connect(people["practitioner2"][1]) as psql:  # the other practitioner, by hand
            psql.execute("UPDATE sessions SET patient_id = %s WHERE id = %s",
                         (other.id, session.id))
            psql.commit()
        assert records.read.session(session.id).patient_id == other.id
        records.sign_session(session.id)
        report = checks.full_check(records)
        found = " | ".join(report.problems)
        assert f"session {session.id}" in found and "its patient" in found, found
        assert signatures.seal(records.db.conn, session.id).problems
    finally:
        anna.close()
