"""Patient > Export FHIR bundle… (walk of 6 December: the FHIR export was on the command line
only): the open patient's sessions as the bundle `imsmap export --fhir --chart NUMBER` writes
(report.fhir_export, one way to make it for both), each signed session with its PDF/A, in the
file the clinician chooses, the dialog opening in the folder of the last export."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

import fhir_reader
from imsmap.cli import main
from imsmap.ui import file_dialogs, report_actions
from support import spot
from test_ui_french import french  # noqa: F401 - fixtures
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def _resources(path: Path) -> dict[str, dict]:
    """The bundle's resources by id, without what is made at the export's time (the
    timestamp, the PDFs drawn then)."""
    bundle = json.loads(path.read_text(encoding="utf-8"))
    found = {}
    for entry in bundle["entry"]:
        res = entry["resource"]
        if res["resourceType"] == "DocumentReference":
            res = {**res, "content": None, "date": None}
        found[res["id"]] = res
    return found


def test_the_patient_menu_exports_the_open_patients_fhir_bundle(
        qtbot, make_window, records, patient, session, db_path, tmp_path, monkeypatch):
    view_id, x, y, muscle, side = spot(records.atlas)
    records.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side, grasp=2)
    records.update_session(session.id, pain_before=6, consent=True)
    records.sign_session(session.id)
    records.create_patient(chart_number="C-9", family_name="Gagnon")  # not exported
    window = make_window(patient_id=patient.id, session_id=session.id)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Patient")
    action = next(a for a in menu.actions() if a.text() == "Export &FHIR bundle…")
    assert action is window.menus.act_export_fhir and action.isEnabled()

    folder = tmp_path / "records system"
    folder.mkdir()
    offered: list[str] = []
    answer: list[str] = [str(folder / "anna.fhir.json")]

    def ask(parent, title, default, kind, *rest, **kw):
        offered.append(default)
        assert "*.json" in kind
        return answer[0], ""

    monkeypatch.setattr(file_dialogs, "save_file_name", ask)
    action.trigger()
    out = folder / "anna.fhir.json"
    assert Path(offered[0]) == Path.home() / f"ims-{patient.chart_number}.fhir.json"
    assert window.statusBar().currentMessage() == f"Saved {out}"
    bundle = json.loads(out.read_text(encoding="utf-8"))
    [exported] = fhir_reader.read(bundle)
    assert exported["chart_number"] == patient.chart_number and len(exported["visits"]) == 1
    pdfs = [e["resource"]["content"][0]["attachment"]["data"] for e in bundle["entry"]
            if e["resource"]["resourceType"] == "DocumentReference"]
    assert len(pdfs) == 1 and base64.b64decode(pdfs[0]).startswith(b"%PDF")

    # the command line's bundle of the same chart: the same resources
    by_cli = tmp_path / "cli.json"
    assert main(["export", "--fhir", "--db", str(db_path), "--chart", patient.chart_number,
                 "--out", str(by_cli)]) == 0
    assert _resources(out) == _resources(by_cli)

    # the next export opens where this one went; cancelled, nothing is written
    answer[0] = ""
    action.trigger()
    assert Path(offered[1]).parent == folder
    assert sorted(p.name for p in folder.iterdir()) == ["anna.fhir.json"]


def test_a_patient_without_sessions_has_nothing_to_export(make_window, records):
    lone = records.create_patient(chart_number="C-5", family_name="Roy")
    window = make_window(patient_id=lone.id)
    assert not window.menus.act_export_fhir.isEnabled()


def _signed_sessions(records, patient, n: int) -> None:
    view_id, x, y, muscle, side = spot(records.atlas)
    for k in range(n):
        s = records.start_session(patient.id)
        records.add_site(s.id, view_id, x, y, muscle_id=muscle, side=side, grasp=k % 4)
        records.update_session(s.id, pain_before=5, consent=True)
        records.sign_session(s.id)


def test_a_long_export_counts_the_pdfs_and_stop_writes_nothing(
        qtbot, make_window, records, patient, tmp_path, monkeypatch):
    """A year of weekly visits is some fifteen seconds of PDFs drawn on the window's thread:
    a progress window counts them, and Stop ends the export with nothing written."""
    _signed_sessions(records, patient, 4)
    window = make_window(patient_id=patient.id)
    out = tmp_path / "bundle.json"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(report_actions, "PROGRESS_AFTER_MS", 0)  # shown at once, for the test
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: told.append((title, text)))
    seen: list[str] = []

    def progress() -> QProgressDialog | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QProgressDialog) and w.isVisible()), None)

    def look() -> None:  # what the progress window says as each PDF is drawn
        box = progress()
        if box is not None and box.labelText() not in seen:
            seen.append(box.labelText())
    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(0)
    window.menus.act_export_fhir.trigger()
    timer.stop()
    assert out.is_file()
    # (Qt shows the window once the first PDFs say the whole will take longer than its delay,
    # and turns the event loop from then on, at each PDF)
    counted = [f"Drawing the PDF of signed session {n} of 4…" for n in (1, 2, 3, 4)]
    assert seen and set(seen) <= set(counted) and seen[-1] == counted[-1]
    assert progress() is None and told == []

    # Stop pressed while the first PDF is drawn: nothing written, said as information
    out.unlink()

    def stop() -> None:
        box = progress()
        if box is not None and not box.wasCanceled():
            qtbot.mouseClick(box.findChild(QPushButton), Qt.MouseButton.LeftButton)
    timer2 = QTimer()
    timer2.timeout.connect(stop)
    timer2.start(0)
    window.menus.act_export_fhir.trigger()
    timer2.stop()
    assert not out.exists() and list(tmp_path.glob("bundle*")) == []
    assert told == [("Export FHIR bundle", "The export was stopped; nothing was written.")]
    assert progress() is None


def test_the_progress_window_holds_its_french_title_whole(
        qtbot, make_window, records, patient, tmp_path, monkeypatch, french):
    """The window manager writes a window's title in its title bar at the window's width: at
    the width of its label the French progress window read « Exporter le Bun… HIR — imsmap »
    (walk of 6 December, 1280 x 1024)."""
    _signed_sessions(records, patient, 4)
    window = make_window(patient_id=patient.id)
    out = tmp_path / "bundle.json"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(report_actions, "PROGRESS_AFTER_MS", 0)
    seen: list[tuple[str, int, int]] = []

    def look() -> None:
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QProgressDialog) and box.isVisible() and not seen:
                bold = QFont(box.font())
                bold.setBold(True)
                title = f"{box.windowTitle()} — imsmap"
                seen.append((box.windowTitle(), box.width(),
                             QFontMetrics(bold).horizontalAdvance(title)))
    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(0)
    window.menus.act_export_fhir.trigger()
    timer.stop()
    assert out.is_file() and seen
    title, width, needed = seen[0]
    assert title == "Exporter le Bundle FHIR"
    # the title, and the icon and three buttons of a title bar beside it
    assert width >= needed + 120, (width, needed)
