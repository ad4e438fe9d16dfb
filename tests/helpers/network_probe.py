"""Run every imsmap path that touches data, recording each socket Python creates or connects.

Used by tests/test_no_network.py, in a subprocess (under strace where available). Prints one
line per Python-level socket event and SITES=<n> at the end.
"""

import os
import sys

events: list[str] = []


def _hook(event: str, args: tuple) -> None:
    if event in ("socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo",
                 "socket.gethostbyname", "socket.sendto", "urllib.Request"):
        events.append(f"{event} {args!r}"[:300])


sys.addaudithook(_hook)
os.environ["QT_QPA_PLATFORM"] = "offscreen"
out = sys.argv[1]

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

app = QApplication([])

from imsmap.cli import main  # noqa: E402

db = os.path.join(out, "demo.sqlite3")
for argv in (["demo", "--db", db],
             ["export", "--db", db, "--out", os.path.join(out, "all.json")],
             ["export", "--db", db, "--csv", "--out", os.path.join(out, "sites.csv")],
             ["pdf", "--db", db, "--session", "1", "--out", os.path.join(out, "s1.pdf")],
             ["check", "--db", db],
             ["backup", "--db", db, "--out", os.path.join(out, "backup.sqlite3")],
             ["import", "--db", os.path.join(out, "copy.sqlite3"), os.path.join(out, "all.json")]):
    status = main(argv)
    assert status == 0, (argv, status)

from imsmap.services.context import open_context  # noqa: E402
from imsmap.ui.main_window import MainWindow  # noqa: E402

context = open_context(db)
records = context.records
window = MainWindow(context)
window.show()
window.build_rest()  # the whole window now, without waiting for the chart's first paint
patient_id = records.repo.search_patients("")[0].id
today = records.start_session(patient_id)
window.patients.select_patient(patient_id)
window.patients.select_session(today.id)
scene = window.chart.scene
region = next(r for r in scene.chart.regions()
              if r.contains(*r.label) and scene.region_at(*r.label) is r and r.area > 2000)
QTest.mouseClick(window.chart.view.viewport(), Qt.MouseButton.LeftButton,
                 Qt.KeyboardModifier.NoModifier, window.chart.view.mapFromScene(*region.label))
app.processEvents()
sites = len(records.repo.sites_for_session(today.id))
window.close()
app.processEvents()
records.db.close()
for e in events:
    print("PYSOCKET", e)
print(f"SITES={sites}")
