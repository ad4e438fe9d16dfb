"""The first patient opened after the app starts pays for nothing it does not draw: numpy (about
0.1 s of CPU to import, the largest part of that open) is not imported by the chart, its earlier
visits or the marks of muscles needled on another chart. The app runs in its own process, as
the benchmark's first open runs it (bench/startup_child.py first_open)."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from imsmap.services.context import open_records

BENCH = Path(__file__).resolve().parent.parent / "bench"

# Put first on the child's path: writes the stack to NUMPY_WHO when numpy is first imported.
_WATCH = """
import os, sys, traceback

class _Watch:
    def find_spec(self, name, path=None, target=None):
        if name == "numpy":
            sys.meta_path.remove(self)
            with open(os.environ["NUMPY_WHO"], "w", encoding="utf-8") as out:
                traceback.print_stack(file=out)
        return None

sys.meta_path.insert(0, _Watch())
"""


def test_the_first_patient_opened_after_start_imports_no_numpy(db_path, tmp_path):
    records = open_records(db_path, actor="test.physio")
    spinal = records.atlas.view("spinal")
    regions = [r for r in spinal.regions if r.contains(*r.label)][:4]
    posterior = records.atlas.view("posterior")
    elsewhere = next(r for r in posterior.regions if r.contains(*r.label) and any(
        s.muscle == r.muscle and s.side == r.side for s in spinal.regions))
    patient = records.create_patient(chart_number="F-1", family_name="Lee", given_name="Ana")
    for week in range(4):
        s = records.start_session(patient.id, practitioner="J. Physio",
                                  started_at=datetime(2026, 9, 1, 9) + timedelta(weeks=week))
        for i, r in enumerate(regions):
            records.add_site(s.id, "spinal", *r.label, muscle_id=r.muscle, side=r.side,
                             layer=r.layer, level=r.level, grasp=i % 4)
        records.add_site(s.id, "posterior", *elsewhere.label, muscle_id=elsewhere.muscle,
                         side=elsewhere.side, layer=elsewhere.layer, grasp=2)
        records.sign_session(s.id)
    records.db.close()

    sys.path.insert(0, str(BENCH))
    try:
        import measure_startup
    finally:
        sys.path.remove(str(BENCH))
    inject = tmp_path / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(_WATCH, encoding="utf-8")
    who = tmp_path / "numpy_who.txt"
    env = measure_startup.child_env(tmp_path / "child")
    env.update(PYTHONPATH=str(inject), NUMPY_WHO=str(who))
    proc = subprocess.run([sys.executable, str(measure_startup.CHILD), "first_open", str(db_path),
                           str(patient.id)], env=env, capture_output=True, text=True, timeout=120)
    assert any(line.startswith("OPENED ") for line in proc.stdout.splitlines()), (
        proc.stdout, proc.stderr[-2000:])
    assert not who.exists(), who.read_text(encoding="utf-8")
