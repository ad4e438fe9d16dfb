"""The window's menus through their actions: copy forward, protocols, sign, amend, audit trail,
print and reports (imported only when asked), back up now, settings, the shortcuts dialog, and
every action enabled only when it makes sense."""

from __future__ import annotations

import sys
import types
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QWidget

from imsmap.services import planning
from imsmap.services.context import open_context, open_records
from imsmap.store import backup as store_backup
from imsmap.ui import file_dialogs, menus
from imsmap.ui.record.sign_amend import AmendDialog, AuditDialog, SignDialog
from test_ui_support import answer_boxes, make_window, qt_settings, window  # noqa: F401 - fixtures

EARLIER = datetime(2026, 11, 13, 9, 30)


@pytest.fixture
def two_visits(records, patient, session):
    """An earlier visit with two sites, signed, and the fixture's draft session after it."""
    first = records.start_session(patient.id, started_at=EARLIER, practitioner="J. Physio")
    for muscle, x in (("gluteus_medius", 600.0), ("piriformis", 640.0)):
        records.add_site(first.id, "posterior", x, 1000.0, muscle_id=muscle, side="R")
    records.sign_session(first.id)
    return first, session


def _sign(dialog):
    dialog.confirm.setChecked(True)
    dialog.sign_button.click()
    return dialog.result()


def test_without_a_patient_only_patient_actions_are_enabled(make_window, session):
    w = make_window()
    assert w.menus.act_new_patient.isEnabled()
    for act in (w.menus.act_new_session, w.menus.act_copy_forward, w.menus.act_apply_protocol,
                w.menus.act_save_protocol, w.menus.act_sign, w.menus.act_amend, w.menus.act_audit, w.menus.act_print,
                w.menus.act_preview, w.menus.act_export, w.menus.act_export_progress):
        assert not act.isEnabled(), act.text()
    # the patient list shows names with no patient open: Lock now hides them (tests/test_ui_lock_without_pin.py)
    assert w.menus.act_lock.isEnabled()
    assert w.menus.act_backup.isEnabled() and w.menus.act_settings.isEnabled()
    assert w.menus.act_shortcuts.isEnabled() and w.menus.act_hide.isEnabled()


def test_copy_last_visit_adds_planned_sites(qtbot, make_window, two_visits, records):
    first, draft = two_visits
    w = make_window()
    w.patients.select_patient(draft.patient_id)
    w.patients.select_session(draft.id)
    assert w.menus.act_copy_forward.isEnabled()
    w.menus.act_copy_forward.trigger()
    sites = records.repo.sites_for_session(draft.id)
    assert [s.muscle_id for s in sites] == ["gluteus_medius", "piriformis"]
    assert all(s.planned for s in sites)
    assert w.site_table.rowCount() == 2 and "planned" in w.statusBar().currentMessage()
    # The first visit has nothing before it: nothing to copy there.
    w.patients.select_session(first.id)
    assert not w.menus.act_copy_forward.isEnabled()


def test_save_and_apply_a_protocol(qtbot, make_window, two_visits, records, monkeypatch):
    first, draft = two_visits
    w = make_window()
    w.patients.select_patient(draft.patient_id)
    w.patients.select_session(first.id)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("L5 radiculopathy", True))
    w.menus.act_save_protocol.trigger()
    (protocol,) = planning.protocols(records)
    assert protocol.name == "L5 radiculopathy" and len(protocol.sites) == 2
    w.patients.select_session(draft.id)
    offered = []

    def choose(parent, title, label, items, current, editable):
        offered.extend(items)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    w.menus.act_apply_protocol.trigger()
    assert offered == ["L5 radiculopathy (2 sites)"]
    assert len(records.repo.sites_for_session(draft.id)) == 2
    assert "2 planned sites" in w.statusBar().currentMessage()


def test_sign_then_amend_and_read_the_audit_trail(qtbot, window, records, session, monkeypatch):
    monkeypatch.setattr(SignDialog, "exec", _sign)
    assert window.menus.act_sign.isEnabled() and not window.menus.act_amend.isEnabled()
    window.menus.act_sign.trigger()
    assert records.repo.session(session.id).is_signed
    assert not window.menus.act_sign.isEnabled() and window.menus.act_amend.isEnabled()
    for act in (window.menus.act_copy_forward, window.menus.act_apply_protocol, *window.menus.act_grades):
        assert not act.isEnabled()

    def amend(dialog):
        dialog.reason.setText("Wrong side")
        dialog.text.setPlainText("Site 1 was on the left.")
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(AmendDialog, "exec", amend)
    window.menus.act_amend.trigger()
    assert records.repo.amendments(session.id)[0].reason == "Wrong side"
    seen = []
    monkeypatch.setattr(AuditDialog, "exec", lambda d: seen.append(
        [d.table.item(r, 2).text() for r in range(d.table.rowCount())]))
    window.menus.act_audit.trigger()
    assert {"Signed", "Created", "Amendment added"} <= set(seen[0])


def test_print_uses_the_printing_module_when_there_is_one(window, session, monkeypatch):
    calls = []
    fake = types.ModuleType("imsmap.report.printing")
    fake.print_session = lambda records, sid, parent=None: calls.append(("print", sid, parent))
    fake.print_preview_session = lambda records, sid, parent: calls.append(("preview", sid,
                                                                           parent))
    monkeypatch.setitem(sys.modules, "imsmap.report.printing", fake)
    window.menus.act_print.trigger()
    window.menus.act_preview.trigger()
    assert calls == [("print", session.id, window), ("preview", session.id, window)]


def test_a_missing_report_module_gets_a_sentence(window, monkeypatch):
    monkeypatch.setitem(sys.modules, "imsmap.report.printing", None)  # import fails
    window.menus.act_print.trigger()
    message = window.statusBar().currentMessage()
    assert "cannot do that yet" in message and window.isVisible()


def test_export_progress_report_passes_the_sessions_shown(window, session, monkeypatch,
                                                          tmp_path):
    calls = []
    fake = types.ModuleType("imsmap.report.progress_pdf")
    fake.write_progress_pdf = lambda records, pid, out, session_ids=None: calls.append(
        (pid, out, session_ids))
    monkeypatch.setitem(sys.modules, "imsmap.report.progress_pdf", fake)
    out = str(tmp_path / "progress.pdf")
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (out, ""))
    assert window.menus.act_export_progress.isEnabled()
    window.menus.act_export_progress.trigger()
    assert calls == [(session.patient_id, out, [session.id])]


def test_the_session_pdf_is_saved_where_asked_or_said_why_not(window, monkeypatch, tmp_path):
    """Export session PDF (ui.report_actions): the file where the dialog said, and "Saved";
    a folder that is not there gets the service's sentence in a box, and nothing is made."""
    out = tmp_path / "session.pdf"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(out), ""))
    window.menus.act_export.trigger()
    assert out.read_bytes().startswith(b"%PDF")
    assert window.statusBar().currentMessage() == f"Saved {out}"
    nowhere = tmp_path / "no such folder" / "session.pdf"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(nowhere), ""))
    seen: list[str] = []
    timer = answer_boxes(["OK"], seen)
    try:
        window.menus.act_export.trigger()
    finally:
        timer.stop()
    assert len(seen) == 1 and f"The folder {nowhere.parent} does not exist" in seen[0]
    assert not nowhere.parent.exists()


def test_back_up_now_writes_a_backup_in_the_background(qtbot, window, records):
    window.menus.act_backup.trigger()
    folder = store_backup.backup_dir(records.db)
    qtbot.waitUntil(lambda: not window.backups.running and any(folder.glob("*-full.sqlite3.gz")),
                    timeout=10_000)
    # The thread's `finished` reaches the window through the event loop, just after the thread.
    qtbot.waitUntil(lambda: "Backed up" in window.statusBar().currentMessage(), timeout=2_000)
    # Where it went, not only its file name: the clinic checks its copies are on the drive.
    assert str(folder) in window.statusBar().currentMessage()


def test_clinic_settings_opens_the_settings_dialog(window, monkeypatch):
    from imsmap.ui.record.settings_dialog import SettingsDialog

    opened = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda d: opened.append(d) or 0)
    window.menus.act_settings.trigger()
    assert len(opened) == 1


def test_shortcuts_dialog_lists_every_shortcut(window):
    dialog = menus.ShortcutsDialog(window)
    rows = dialog.rows()
    listed = " ".join(keys for keys, _ in rows)
    for action in window.actions():
        for key in action.shortcuts():
            assert key.toString(QKeySequence.SequenceFormat.NativeText) in listed, action.text()
    assert any("F12" in k and "Ctrl+H" in k for k, _ in rows)
    assert any(k == "C" for k, _ in rows)
    dialog.deleteLater()


def test_read_only_database_disables_every_change(qtbot, records, session, qt_settings):
    from imsmap.ui.main_window import MainWindow

    readonly = open_context(records.db.path, readonly=True)
    try:
        w = MainWindow(readonly)
        w.show()
        qtbot.waitExposed(w)
        qtbot.waitUntil(lambda: w.built)  # step 2, right after the chart's first paint
        w.patients.select_patient(session.patient_id)
        w.patients.select_session(session.id)
        assert "read-only" in w.windowTitle() and w.readonly_label.isVisible()
        for act in (w.menus.act_new_patient, w.menus.act_new_session, w.menus.act_copy_forward, w.menus.act_sign,
                    w.menus.act_amend, w.menus.act_apply_protocol, w.menus.act_save_protocol, w.menus.act_settings,
                    w.menus.act_pin, *w.menus.act_grades):
            assert not act.isEnabled(), act.text()
        assert w.menus.act_export.isEnabled() and w.menus.act_audit.isEnabled()
        w.close()
        w.deleteLater()
    finally:
        readonly.db.close()


def test_sessions_follow_each_other_by_date(records, patient):
    s1 = records.start_session(patient.id, started_at=EARLIER)
    s2 = records.start_session(patient.id, started_at=EARLIER + timedelta(days=7))
    assert planning.previous_session_id(records, s2.id) is None  # a draft is no visit yet
    records.sign_session(s1.id)
    assert planning.previous_session_id(records, s2.id) == s1.id
    # a draft between them (left unsigned, or in progress elsewhere) is not last time
    between = records.start_session(patient.id, started_at=EARLIER + timedelta(days=3))
    assert planning.previous_session_id(records, s2.id) == s1.id
    records.sign_session(between.id)
    assert planning.previous_session_id(records, s2.id) == between.id


def _listed(w) -> list[str]:
    return [w.patients.patients.item(i).text() for i in range(w.patients.patients.count())]


def test_a_second_window_on_the_same_file_sees_changes_on_refresh(no_file_holds, qtbot,
                                                                  make_window, records,
                                                                  session, db_path):
    """Where the file's holds cannot be kept (else the other program's edits of the draft
    this window holds are refused: tests/test_file_holds_processes.py)."""
    from imsmap.ui.main_window import MainWindow

    elsewhere = open_records(db_path, actor="other.physio")  # another computer, same file
    try:
        w = make_window()
        w.patients.select_patient(session.patient_id)
        w.patients.select_session(session.id)
        assert w.refresh_all(force=False) is False  # nothing new
        elsewhere.update_session(session.id, complaint="Neck pain", pain_before=6)
        elsewhere.add_site(session.id, "posterior", 600.0, 1000.0, muscle_id="piriformis",
                           side="R")
        newcomer = elsewhere.create_patient(chart_number="C-2002", family_name="Okafor")
        assert w.session_panel.complaint.text() != "Neck pain"  # not yet seen
        w.menus.act_refresh.trigger()  # F5
        assert w.session_panel.complaint.text() == "Neck pain"
        assert w.session_panel.pain_before.pain() == 6
        assert w.site_table.rowCount() == 1
        listed = [w.patients.patients.item(i).text() for i in range(w.patients.patients.count())]
        assert any("Okafor" in t for t in listed)
        # And on activation (ui.rereading), only when the file changed meanwhile.
        elsewhere.update_patient(newcomer.id, given_name="Chidi")
        other = QWidget()  # another window takes the focus, then this one gets it back
        qtbot.addWidget(other)
        other.show()
        other.activateWindow()
        qtbot.waitUntil(lambda: not w.isActiveWindow())
        assert not any("Chidi" in t for t in _listed(w))  # not yet seen
        w.activateWindow()
        qtbot.waitUntil(lambda: any("Chidi" in t for t in _listed(w)))
        assert w.refresh_all(force=False) is False  # read at the activation already
        elsewhere.update_patient(newcomer.id, given_name="Chidi A.")
        assert w.refresh_all(force=False) is True
        assert w.refresh_all(force=False) is False
        assert isinstance(w, MainWindow)
    finally:
        elsewhere.db.close()


def test_charts_are_reachable_by_keyboard(qtbot, window):
    """Ctrl+1..9 choose a chart, Ctrl+PgDown/PgUp step through them."""
    tabs = window.chart.tabs
    assert [a.shortcut().toString() for a in window.menus.act_views[:2]] == ["Ctrl+1", "Ctrl+2"]
    window.menus.act_views[1].trigger()
    assert tabs.currentIndex() == 1
    window.menus.act_next_view.trigger()
    assert tabs.currentIndex() == 2
    window.menus.act_prev_view.trigger()
    window.menus.act_prev_view.trigger()
    assert tabs.currentIndex() == 0
    window.menus.act_prev_view.trigger()
    assert tabs.currentIndex() == tabs.count() - 1


def test_the_spinal_chart_is_beside_the_posterior_view_and_ctrl_3(qtbot, window):
    """IMS needles the paraspinal muscles at nearly every visit: the spinal chart was the
    last of a dozen tabs, behind the tab bar's scroll buttons, with no key."""
    chart = window.chart
    assert [chart.view_id_at(i) for i in range(3)] == ["anterior", "posterior", "spinal"]
    assert sorted(chart.view_id_at(i) for i in range(chart.tabs.count())) == sorted(
        window.atlas.views)  # every chart still there, once
    spinal = window.menus.act_views[2]
    assert spinal.shortcut().toString() == "Ctrl+3"
    assert "Spine" in spinal.text()
    spinal.trigger()
    assert chart.view_id == "spinal" and chart.tabs.currentIndex() == 2


def test_ordering_the_chart_tabs_parses_no_view(monkeypatch):
    """Opening the window parses the one view it shows (issue 8): the tab order asked whether
    each first tab was in the atlas, and Mapping's `in` parsed it (about 30 ms of CPU at the
    start, three views)."""
    from imsmap.atlas import view_files
    from imsmap.ui.chart_panel import tab_order

    shipped = view_files.load_views()
    parsed: list[str] = []
    real = view_files.parse_view

    def counting(data, file_name, **kw):
        parsed.append(file_name)
        return real(data, file_name, **kw)

    monkeypatch.setattr(view_files, "parse_view", counting)
    assert tab_order(shipped)[:3] == ["anterior", "posterior", "spinal"]
    assert "spinal" in shipped and "no_such_view" not in shipped
    assert parsed == []
    assert shipped["spinal"].kind == "spinal" and parsed == ["spinal.json"]


def test_the_first_start_opens_the_window_within_the_screen(context, qtbot, qt_settings):
    # With nothing saved, the window opened at 1440 x 900 on any screen: on a 1366 x 768
    # laptop its status bar and visits row were below the screen's edge, the right column
    # past its side. It now takes the screen's room where that is less (the tests' offscreen
    # screen: 800 x 800), and 1440 x 900 where there is more.
    from imsmap.ui.main_window import MainWindow

    w = MainWindow(context)
    try:
        room = w.screen().availableGeometry().size()
        assert room.width() < 1440 or room.height() < 900  # the case under test
        w.show()
        qtbot.waitUntil(lambda: w.built)
        assert w.width() <= max(room.width(), w.minimumSizeHint().width())
        assert w.height() <= max(room.height(), w.minimumSizeHint().height())
        assert w.height() <= room.height()
    finally:
        w.close()
        w.deleteLater()
        qtbot.wait(1)


def test_the_next_pdf_export_begins_in_the_folder_the_last_one_went_to(window, monkeypatch,
                                                                       tmp_path):
    """The clinic's records folder chosen once is where the next session PDF and the progress
    report are offered (each export began in the home folder); a folder since removed gives
    the home folder back."""
    records_folder = tmp_path / "Dossiers cliniques"
    records_folder.mkdir()
    offered: list[str] = []

    def save_to(out):
        def ask(parent, title, default, *rest, **kw):
            offered.append(default)
            return (str(out) if out else ""), ""
        monkeypatch.setattr(file_dialogs, "save_file_name", ask)

    save_to(records_folder / "first.pdf")
    window.menus.act_export.trigger()
    assert Path(offered[0]).parent == Path.home()
    save_to(records_folder / "second.pdf")
    window.menus.act_export.trigger()
    assert Path(offered[1]).parent == records_folder
    assert Path(offered[1]).name == Path(offered[0]).name  # the same name offered
    monkeypatch.setitem(sys.modules, "imsmap.report.progress_pdf", types.SimpleNamespace(
        write_progress_pdf=lambda *a, **k: None))
    window.menus.act_export_progress.trigger()
    assert Path(offered[2]).parent == records_folder
    assert Path(offered[2]).name.startswith("ims-progress-")
    (records_folder / "first.pdf").unlink()
    (records_folder / "second.pdf").unlink()
    records_folder.rmdir()
    save_to(None)  # cancelled
    window.menus.act_export.trigger()
    assert Path(offered[3]).parent == Path.home()
