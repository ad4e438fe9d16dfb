"""Two demo creations at one name at once: `imsmap --demo` started twice at the same moment (a
double click on the launcher), or services.demo.create_demo from two processes. Each builds its
demo in a hidden folder of its own; the hard link that gives the name refuses the second. The
second is not an error for the window: the demo it asked for is there, whole, and it opens
that one. Neither fails with a traceback, both open the same whole demo, and no building folder
is left behind."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from support import open_clinic
from test_signing_processes import imsmap_check, python

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the children's stdin barrier")

# What `imsmap --demo` does before its window (ui.app.open_database), once told to go.
OPEN_DEMO = """
    import json, sys
    from imsmap.services import clinic
    from imsmap.ui.app import open_database
    print("ready", flush=True)
    sys.stdin.readline()
    context = open_database(demo=True)
    records = context.records
    print(json.dumps({"path": str(records.db.path), "demo": clinic.is_demo(records),
                      "counts": records.repo.counts()}), flush=True)
    context.close()
"""

# services.demo.create_demo itself, once told to go: made it, or was refused the name.
CREATE_DEMO = """
    import json, sys
    from imsmap.services import demo
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        made = demo.create_demo(sys.argv[1])
    except demo.DemoExists as exc:
        print(json.dumps({"refused": str(exc)}), flush=True)
    else:
        print(json.dumps({"made": made.as_dict()}), flush=True)
"""


def _together(script: str, *args: object) -> list[dict]:
    """``script`` in two processes, let go at the same moment; what each printed last."""
    children = [python(script, *args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE) for _ in range(2)]
    try:
        for child in children:
            assert child.stdout.readline().strip() == "ready", child.communicate()[1]
        for child in children:
            child.stdin.write("go\n")
            child.stdin.flush()
        outs = [child.communicate(timeout=300) for child in children]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
    for child, (_out, err) in zip(children, outs, strict=True):
        assert child.returncode == 0 and "Traceback" not in err, err
    return [json.loads(out.strip().splitlines()[-1]) for out, _err in outs]


def test_imsmap_demo_started_twice_at_once_opens_the_same_whole_demo(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("IMSMAP_DATA_DIR", str(data))  # the children's (python(): os.environ)
    first, second = _together(OPEN_DEMO)
    assert first == second and first["demo"]
    assert first["counts"]["patients"] > 0 and first["counts"]["sessions"] > 0
    folder = data / "demo"
    assert [p.name for p in folder.iterdir() if p.name.endswith(".building")] == []
    imsmap_check(folder / "imsmap-demo.sqlite3")


def test_two_creations_at_one_name_make_one_demo_and_refuse_the_other(tmp_path):
    path = tmp_path / "demo.sqlite3"
    results = _together(CREATE_DEMO, path)
    made = [r["made"] for r in results if "made" in r]
    refused = [r["refused"] for r in results if "refused" in r]
    assert len(made) == len(refused) == 1, results
    assert refused[0] == f"{path} exists already; the demo never overwrites a file. Choose " \
                         "another path."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite3"]  # no building folder
    records = open_clinic(path)
    try:
        counts = records.repo.counts()
        assert (counts["patients"], counts["sessions"]) == (made[0]["patients"],
                                                            made[0]["sessions"])
    finally:
        records.db.close()
    imsmap_check(path)
