"""Two windows amending the same signed session at once, in two operating-system processes: every
amendment lands with its corrections, in one order, each correction's value before being the
value the one before it left; nothing is lost and the file checks whole."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from imsmap.services.checks import full_check
from support import open_clinic, spot

AMENDS = """
    import sys
    from imsmap.services.context import open_context
    path, session_id, site_id, actor = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    context = open_context(path, actor=actor, create=False)
    for n in range(12):
        # each process corrects its own site's grade, 0 and 1 in turn, and the shared cramp
        context.records.amend_session(session_id, f"{actor} {n}", "",
                                      [(site_id, "grasp", n % 2)])
    context.close()
"""


def test_two_processes_amending_one_session_both_land_in_order(db_path):
    records = open_clinic(db_path)
    try:
        patient = records.create_patient(chart_number="C-1", family_name="Nguyen")
        session = records.start_session(patient.id)
        sites = []
        for n in range(2):
            view, x, y, muscle, side = spot(records.atlas, n * 5)
            sites.append(records.add_site(session.id, view, x, y, muscle_id=muscle, side=side,
                                          grasp=3))
        records.sign_session(session.id)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        procs = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(AMENDS), str(db_path),
                                   str(session.id), str(site.id), actor], env=env, text=True,
                                  stderr=subprocess.PIPE)
                 for site, actor in zip(sites, ("anna", "ben"))]
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
        amendments = records.read.amendments(session.id)
        assert len(amendments) == 24
        corrections = records.read.site_corrections([session.id])[session.id]
        assert len(corrections) == 24
        for site in sites:
            mine = [c for c in corrections if c.site_id == site.id]
            # in amendment order, each one's old value is the one its predecessor left
            assert [c.old for c in mine] == [3] + [c.new for c in mine[:-1]]
            assert [c.new for c in mine] == [n % 2 for n in range(12)]
        assert [s.grasp for s in records.read.effective_sites_for_session(session.id)] == [1, 1]
        assert full_check(records).ok
    finally:
        records.db.close()
