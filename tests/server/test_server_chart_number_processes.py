"""On the clinic server, a practitioner's window and the reception desk creating a patient
with the same chart number at the same moment (tests/test_chart_number_processes.py has the
file's case and the processes): exactly one gets it, the other is told in one sentence that
it belongs to another patient already, and nothing of its write is kept."""

from __future__ import annotations

import time

import psycopg
from live_support import one

from imsmap.services.checks import full_check
from imsmap.services.context import open_server_context
from test_chart_number_processes import race


def test_two_rooms_creating_one_chart_number_on_the_server(clinic_dsn, people):
    practitioner, reception = people["practitioner"], people["reception"]
    dbname = psycopg.conninfo.conninfo_to_dict(clinic_dsn)["dbname"]
    before = one(clinic_dsn, "SELECT count(*) FROM audit")[0]

    def second_waits() -> None:  # the second's server process waits for a lock
        for _ in range(600):
            if one(clinic_dsn, "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
                   " AND wait_event_type = 'Lock'", (dbname,))[0]:
                return
            time.sleep(0.05)
        raise AssertionError("the second room never waited for the first")

    first, second = race(practitioner[1], (practitioner[0], reception[0]), second_waits,
                         where_second=reception[1])

    assert first.startswith("created ")
    assert second == "refused Chart number C-7 belongs to another patient already."
    assert one(clinic_dsn, "SELECT array_agg(id), array_agg(family_name) FROM patients"
               " WHERE chart_number = 'C-7'") == ([int(first.split()[1])], ["Nguyen"])
    assert one(clinic_dsn, "SELECT count(*) FROM patients")[0] == 1
    assert one(clinic_dsn, "SELECT count(*) FROM audit")[0] == before + 1
    records = open_server_context(practitioner[1]).records
    try:
        report = full_check(records)
        assert report.ok, report.text()
    finally:
        records.db.close()
