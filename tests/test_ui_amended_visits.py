"""A visit amended after signing reads "amended" wherever the window names its state: the list of
sessions did, the Progress tab's visits and the timeline under the chart said nothing, or
"signed", while an amendment may say in words more than those views count (its corrections of
sites they count: tests/test_ui_amend_corrections.py)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from imsmap.ui.record.sign_amend import AmendDialog
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures


def _amend_through_dialog(qtbot, window, monkeypatch, reason, text):
    def answer(dialog):
        qtbot.keyClicks(dialog.reason, reason)
        qtbot.keyClicks(dialog.text, text)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(AmendDialog, "exec", answer)
    window.menus.act_amend.trigger()


def _visit_item(panel, session_id):
    for row in range(panel.sessions.count()):
        item = panel.sessions.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == session_id:
            return item
    raise AssertionError(f"session {session_id} is not in the Progress tab's list")


def test_an_amended_visit_reads_amended_on_the_progress_tab_and_the_timeline(
        qtbot, window, records, session, monkeypatch):
    records.add_site(session.id, "posterior", 600, 1000, muscle_id="gluteus_medius", side="R",
                     grasp=1)
    records.sign_session(session.id)
    later = records.start_session(session.patient_id, started_at=datetime(2026, 11, 27, 9, 30),
                                  practitioner="J. Physio")
    window.patients.select_session(session.id)
    window.menus.act_progress.trigger()
    panel = window.progress
    qtbot.waitUntil(lambda: panel.sessions.count() == 2, timeout=2000)
    first = _visit_item(panel, session.id)
    assert "amended" not in first.text() and not first.toolTip()
    assert _visit_item(panel, later.id).text().endswith("draft, not signed")
    assert window.history_bar.when.text().endswith("· signed")

    _amend_through_dialog(qtbot, window, monkeypatch, "Grade entered wrong for site 1",
                          "Site 1 grasped 3 strong, not 1 mild.")
    assert records.repo.amendments(session.id)[0].reason == "Grade entered wrong for site 1"
    assert window.patients.sessions.topLevelItem(1).text(1) == "amended"
    qtbot.waitUntil(lambda: _visit_item(panel, session.id).text().endswith("\namended"),
                    timeout=2000)
    tip = _visit_item(panel, session.id).toolTip()
    assert "Amended after signing (1 amendment)" in tip
    assert "count the sites as the amendments corrected them" in tip
    # The timeline under the chart names the open visit's state as the list does.
    assert window.history_bar.when.text().endswith("· amended"), window.history_bar.when.text()
    window.patients.select_session(later.id)
    assert window.history_bar.when.text().endswith("· draft")


def test_a_mistyped_amendment_is_corrected_by_another_and_both_stay_readable(
        qtbot, window, records, session, monkeypatch, tmp_path):
    """The dialog said nothing of what happens after its button: an amendment is as locked as
    the note it amends. It now says so, and how a mistake in one is put right."""
    import sqlite3

    import pytest
    from PySide6.QtWidgets import QLabel

    from imsmap.report.session_pdf import write_session_pdf

    records.sign_session(session.id)
    window.patients.select_session(session.id)
    seen = []

    def answer(dialog):
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        qtbot.keyClicks(dialog.reason, "Grade entered wrong")
        qtbot.keyClicks(dialog.text, "Site 2 grasped 3, not 1.")  # it was site 1
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(AmendDialog, "exec", answer)
    window.menus.act_amend.trigger()
    assert "cannot be changed or withdrawn" in seen[0]
    assert "a mistake in it is corrected by another amendment" in seen[0]
    (typo,) = records.repo.amendments(session.id)
    with pytest.raises(sqlite3.DatabaseError):
        records.db.conn.execute("UPDATE amendments SET text = 'Site 1 grasped 3, not 1.'"
                                " WHERE id = ?", (typo.id,))
    _amend_through_dialog(qtbot, window, monkeypatch, "Correction of the amendment above",
                          "Site 1, not site 2, grasped 3.")
    first, second = records.repo.amendments(session.id)
    assert (first.text, second.reason) == ("Site 2 grasped 3, not 1.",
                                           "Correction of the amendment above")
    shown = window.session_panel.amendments.text()
    assert shown.index("Site 2 grasped 3, not 1.") < shown.index("Site 1, not site 2")
    out = write_session_pdf(records, session.id, tmp_path / "s.pdf")
    import subprocess
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "Site 2 grasped 3, not 1." in text and "Site 1, not site 2, grasped 3." in text
    assert "2 amendments, below" in text


def test_the_status_bar_says_the_amendment_was_added(qtbot, window, records, session,
                                                     monkeypatch):
    """Signing says "Session signed and locked." and a photo added by amendment says so; an
    amendment added through its dialog left the status bar empty (walk of 6 December)."""
    records.sign_session(session.id)
    window.patients.select_session(session.id)
    window.statusBar().clearMessage()
    _amend_through_dialog(qtbot, window, monkeypatch, "Patient called next day",
                          "Mild soreness for 24 h, settled.")
    assert records.repo.amendments(session.id)
    said = window.statusBar().currentMessage()
    assert said.startswith("Amendment added to the session of ") and "unchanged" in said

    # Cancelled: nothing added, nothing said.
    window.statusBar().clearMessage()
    monkeypatch.setattr(AmendDialog, "exec", lambda dialog: 0)
    window.menus.act_amend.trigger()
    assert window.statusBar().currentMessage() == ""
