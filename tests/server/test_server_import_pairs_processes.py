"""On a clinic server, two imports at once of two files whose patients' chart numbers differ
only in capitals (A-1 in one, a-1 in the other): the second waits for the first's lock on the
folded number, then finds its patient, and is refused with its sentence, nothing of it
written. (The file's case and the processes: tests/test_killed_new_writes.py.)"""

from __future__ import annotations

import json
import sys
import time

import pytest
from live_support import one
from test_server_killed_writes import imsmap_check

from imsmap.services.context import open_server_context
from test_killed_new_writes import REFUSED, only_the_first_in, two_imports

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")


def test_two_imports_at_once_of_one_number_in_other_capitals_let_one_in(
        clinic_template, tmp_path):
    name = clinic_template.new_clinic()
    superuser, anna = clinic_template.server.dsn(name), clinic_template.dsn(name, "anna.physio")
    try:
        def second_waits(_second) -> None:  # at the folded number's lock
            for _ in range(600):
                if one(superuser, "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
                       " AND wait_event = 'advisory'", (name,))[0]:
                    return
                time.sleep(0.05)
            raise AssertionError("the second import never waited for the first")

        said = two_imports(anna, tmp_path, second_waits)
        assert said.startswith("refused ")
        assert json.loads(said.removeprefix("refused ")) == REFUSED
        context = open_server_context(anna)
        try:
            only_the_first_in(context.records)
        finally:
            context.close()
        assert one(superuser, "SELECT count(*) FROM patients")[0] == 1
        imsmap_check(anna)
    finally:
        clinic_template.drop(name)
