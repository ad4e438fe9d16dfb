"""Session > Withdraw draft… and Mark entered in error… in the window: the dialog says what
happens and that it is final; the session stays in the patient's list, greyed and struck
through with who, when and why, and counts nowhere (overlay, Progress tab, New session's list
of drafts left unsigned)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from imsmap.domain.errors import ValidationError
from imsmap.services import retractions
from imsmap.ui.record.retract_dialog import RetractDialog
from imsmap.ui.record.sign_amend import AmendDialog
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def _through_dialog(qtbot, monkeypatch, action, reason, seen):
    def answer(dialog):
        seen.append(dialog.windowTitle())
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        assert not dialog.confirm_button.isEnabled()  # no reason yet
        qtbot.keyClicks(dialog.reason, reason)
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(RetractDialog, "exec", answer)
    action.trigger()


def _list_item(window, session_id):
    tree = window.patients.sessions
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        if item.data(0, Qt.ItemDataRole.UserRole) == session_id:
            return item
    raise AssertionError(f"session {session_id} is not in the patient's list")


def test_a_draft_withdrawn_stays_listed_struck_through_and_counts_nowhere(
        qtbot, make_window, records, patient, monkeypatch):
    today = records.clock().replace(second=0, microsecond=0) - timedelta(minutes=5)
    last_week = records.start_session(patient.id, started_at=today - timedelta(days=7))
    records.add_site(last_week.id, "posterior", 600, 1000, muscle_id="gluteus_medius",
                     side="R", grasp=2)
    records.sign_session(last_week.id)
    mistake = records.start_session(patient.id, started_at=today - timedelta(hours=1))
    records.add_site(mistake.id, "posterior", 600, 1000, muscle_id="gluteus_medius",
                     side="R", grasp=3)
    window = make_window(patient_id=patient.id, session_id=mistake.id)
    assert window.menus.act_withdraw.isEnabled()
    assert not window.menus.act_in_error.isEnabled()
    assert mistake.id in [s.id for s in window.overlay.history.sessions]

    seen: list[str] = []
    _through_dialog(qtbot, monkeypatch, window.menus.act_withdraw,
                    "Started on the wrong patient", seen)
    assert seen[0] == "Withdraw draft"
    assert "This is final" in seen[1] and "cannot be undone" in seen[1]
    assert records.read.session(mistake.id).is_withdrawn

    # listed, greyed and struck through, with who, when and why
    item = _list_item(window, mistake.id)
    assert item.text(1) == "withdrawn"
    assert item.font(1).strikeOut() and item.font(0).strikeOut()
    assert "Started on the wrong patient" in item.toolTip(1)
    assert records.actor in item.toolTip(1)
    # read-only, and says why
    panel = window.session_panel
    assert window.session_id == mistake.id
    assert panel.status.text().startswith("Withdrawn ")
    assert not panel.editable and not window.menus.act_sign.isEnabled()
    assert not window.menus.act_withdraw.isEnabled()
    # counted nowhere: not on the overlay's visits, not in the progress history
    assert mistake.id not in [s.id for s in window.overlay.history.sessions]
    assert [s.id for s in window.history_bar.sessions] == [last_week.id]
    # New session names no withdrawn draft as "still not signed"
    qtbot.mouseClick(window.patients.new_session, Qt.MouseButton.LeftButton)
    assert "not signed" not in window.statusBar().currentMessage()


def test_a_signed_session_marked_entered_in_error(qtbot, make_window, records, patient,
                                                  monkeypatch):
    today = records.clock().replace(second=0, microsecond=0) - timedelta(minutes=5)
    wrong = records.start_session(patient.id, started_at=today - timedelta(days=1))
    records.add_site(wrong.id, "posterior", 600, 1000, muscle_id="gluteus_medius", side="R",
                     grasp=2)
    records.sign_session(wrong.id)
    window = make_window(patient_id=patient.id, session_id=wrong.id)
    assert window.menus.act_in_error.isEnabled() and not window.menus.act_withdraw.isEnabled()
    seen: list[str] = []
    _through_dialog(qtbot, monkeypatch, window.menus.act_in_error,
                    "Signed on the wrong patient", seen)
    assert seen[0] == "Mark entered in error"
    assert "ENTERED IN ERROR" in seen[1] and "This is final" in seen[1]
    item = _list_item(window, wrong.id)
    assert item.text(1) == "in error" and item.font(1).strikeOut()
    assert window.session_panel.status.text().startswith("Entered in error ")
    assert not window.menus.act_in_error.isEnabled()
    assert window.overlay.history.sessions == ()


# -- two windows, each with its own connection to the file (as test_ui_conflicts) ------------
from test_ui_conflicts import _type, two_windows  # noqa: E402, F401 - fixture


def test_a_draft_withdrawn_in_another_window_takes_no_more_writes_here(qtbot, two_windows):
    anna, ben, session, site = two_windows
    from imsmap.services import retractions

    retractions.withdraw_draft(ben.records, session.id, "Started on the wrong patient")
    # Anna's window still shows the draft; what she types is refused, kept, and said why
    panel = anna.session_panel
    _type(qtbot, panel.notes, "Anna: needled L5.")
    panel.save_notes()  # refused for good (as for a session signed elsewhere): said, not retried
    assert anna.records.repo.session(session.id).notes == ""
    said = anna.statusBar().currentMessage()
    assert "withdrawn by ben.physio" in said and "nothing was changed" in said, said
    # a grade through the window's edits: refused too, nothing written
    anna.edits.select_site(site.id)
    anna.edits.set_grasp(3)
    assert [s.grasp for s in anna.records.repo.sites_for_session(session.id)] == [1]
    assert "This draft was withdrawn" in anna.statusBar().currentMessage()
    # coming back to the window: it shows the draft withdrawn, read-only; what Anna typed is
    # kept in the notice to copy, not lost
    anna.refresh_all(force=False)
    assert panel.session.is_withdrawn and not panel.editable
    assert panel.status.text().startswith("Withdrawn ")
    assert "Anna: needled L5." in panel.conflict.text()
    assert not anna.menus.act_sign.isEnabled() and not anna.menus.act_withdraw.isEnabled()


def test_a_patient_opens_on_the_newest_session_that_counts(qtbot, make_window, records,
                                                           patient):
    from imsmap.services import retractions

    today = records.clock().replace(second=0, microsecond=0) - timedelta(minutes=5)
    visit = records.start_session(patient.id, started_at=today - timedelta(hours=2))
    twice = records.start_session(patient.id, started_at=today - timedelta(hours=1))
    retractions.withdraw_draft(records, twice.id, "New session pressed twice")
    window = make_window(patient_id=patient.id)
    assert window.session_id == visit.id


def test_the_pdfs_say_entered_in_error_and_leave_it_out_of_the_course(qapp, records, patient,
                                                                       tmp_path):
    import subprocess

    from imsmap.report.progress_pdf import write_progress_pdf
    from imsmap.report.session_pdf import write_session_pdf
    from imsmap.services import retractions

    today = records.clock().replace(second=0, microsecond=0) - timedelta(minutes=5)
    visits = []
    for days, grasp in ((14, 3), (7, 2), (1, 1)):
        s = records.start_session(patient.id, started_at=today - timedelta(days=days))
        records.add_site(s.id, "posterior", 600, 1000, muscle_id="gluteus_medius", side="R",
                         grasp=grasp)
        records.sign_session(s.id)
        visits.append(s)
    retractions.mark_entered_in_error(records, visits[1].id, "Signed on the wrong patient")

    def text(path) -> str:
        return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                       text=True, check=True).stdout.split())

    said = text(write_session_pdf(records, visits[1].id, tmp_path / "s.pdf"))
    assert "ENTERED IN ERROR. This signed session is not this patient's treatment: Signed on " \
           "the wrong patient (marked by test.physio," in said
    assert "ENTERED IN ERROR" not in text(write_session_pdf(records, visits[0].id,
                                                            tmp_path / "first.pdf"))
    course = text(write_progress_pdf(records, patient.id, tmp_path / "p.pdf"))
    assert "2 (visits 1-2)" in course
    assert "1 session withdrawn or entered in error" in course


def test_the_timeline_does_not_name_another_visit_for_a_session_that_counts_nowhere(
        qtbot, make_window, records, patient):
    """Open on a session marked entered in error, the timeline under the chart said "#1 of 1 ·
    <the earlier visit's date> · signed", as if that visit were the one on screen."""
    today = records.clock().replace(second=0, microsecond=0) - timedelta(minutes=5)
    earlier = records.start_session(patient.id, started_at=today - timedelta(days=8))
    records.add_site(earlier.id, "posterior", 600, 1000, muscle_id="gluteus_medius", side="R",
                     grasp=2)
    records.sign_session(earlier.id)
    wrong = records.start_session(patient.id, started_at=today - timedelta(days=1))
    records.add_site(wrong.id, "posterior", 620, 1000, muscle_id="gluteus_medius", side="L",
                     grasp=1)
    records.sign_session(wrong.id)
    retractions.mark_entered_in_error(records, wrong.id, "Signed on the wrong patient")
    window = make_window(patient_id=patient.id, session_id=wrong.id)
    assert window.session_panel.status.text().startswith("Entered in error ")
    when = window.history_bar.when.text()
    assert "#1 of 1" not in when and "signed" not in when, when
    assert when == "not counted · 1 other visit", when
    assert "withdrawn or entered in error" in window.history_bar.when.toolTip()
    # Going to the counted visit names it as before.
    window.patients.select_session(earlier.id)
    assert window.history_bar.when.text().startswith("#1 of 1 · "), window.history_bar.when.text()
    assert not window.history_bar.when.toolTip()


def test_a_session_entered_in_error_is_amended_in_words_only(qtbot, records, patient):
    """Add amendment… stays open on a session entered in error (words can still be added), but its
    dialog offered corrections of sites, promising that "the charts, Segments, Progress and the
    exports count it as corrected", of a session that counts nowhere; and the amendment took
    them."""
    today = records.clock().replace(second=0, microsecond=0) - timedelta(minutes=5)
    wrong = records.start_session(patient.id, started_at=today - timedelta(days=1))
    site = records.add_site(wrong.id, "posterior", 600, 1000, muscle_id="gluteus_medius",
                            side="R", grasp=2)
    records.sign_session(wrong.id)
    retractions.mark_entered_in_error(records, wrong.id, "Signed on the wrong patient")
    dialog = AmendDialog(records, wrong.id)
    qtbot.addWidget(dialog)
    dialog.show()
    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "count it as corrected" not in words
    assert "marked entered in error and counts in no figure" in words
    assert not dialog.add_button.isEnabled() and not dialog.site_box.isEnabled()
    assert dialog.reason.isEnabled() and dialog.text.isEnabled()
    with pytest.raises(ValidationError, match="entered in error"):
        records.amend_session(wrong.id, "Grade", "", [(site.id, "grasp", 3)])
    assert records.read.amendments(wrong.id) == []
    # Words alone are still added.
    qtbot.keyClicks(dialog.reason, "Whose visit it was")
    qtbot.keyClicks(dialog.text, "The visit was C-1042's.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == AmendDialog.DialogCode.Accepted
    (amendment,) = records.read.amendments(wrong.id)
    assert amendment.text == "The visit was C-1042's."


def test_the_site_shown_when_its_draft_is_withdrawn_is_read_only_and_says_why(
        qtbot, make_window, records, patient, monkeypatch):
    """The French walk of 5 December: the room withdrew the draft it had started by mistake
    with its site selected; the inspector kept its grade, cramp and note fields live (the
    session list said withdrawn, the inspector said nothing), on a record that refuses every
    change. Opened afresh the same: only a signed session made it read-only."""
    draft = records.start_session(patient.id)
    site = records.add_site(draft.id, "posterior", 600, 1000, muscle_id="gluteus_medius",
                            side="R", grasp=2)
    window = make_window(patient_id=patient.id, session_id=draft.id)
    window.edits.select_site(site.id)
    inspector = window.site_table.inspector
    assert inspector.editable and inspector.grasp_buttons[3].isEnabled()
    _through_dialog(qtbot, monkeypatch, window.menus.act_withdraw, "New session pressed twice",
                    [])
    assert records.read.session(draft.id).is_withdrawn
    for shown in ("after", "opened again"):
        assert inspector.site is not None and inspector.site.id == site.id, shown
        assert not inspector.editable, shown
        assert not inspector.grasp_buttons[3].isEnabled(), shown
        assert not inspector.notes.isEnabled(), shown
        assert "read-only (withdrawn)" in inspector.header.text(), inspector.header.text()
        window.patients.select_session(draft.id)
        window.edits.select_site(site.id)


@pytest.mark.parametrize("how", ["signed", "withdrawn"])
def test_the_muscle_chooser_of_the_last_tap_goes_when_the_session_is_locked(
        qtbot, make_window, records, patient, monkeypatch, how):
    """The French walk of 5 December: after signing (and after withdrawing) the strip "#15 or:
    Multifidus T3" stayed over the chart, offering to move a site of a locked record."""
    from test_ui_support import click_region, layered_point, sign_through_dialog

    draft = records.start_session(patient.id)
    window = make_window(patient_id=patient.id, session_id=draft.id)
    top, _deep = layered_point(window)
    click_region(qtbot, window, top)
    qtbot.keyClick(window.chart.view, Qt.Key.Key_2)
    chooser = window.chart.chooser
    assert chooser.isVisible()
    if how == "signed":
        sign_through_dialog(qtbot, window)
        assert records.read.session(draft.id).is_signed
    else:
        _through_dialog(qtbot, monkeypatch, window.menus.act_withdraw, "Wrong patient", [])
        assert records.read.session(draft.id).is_withdrawn
    assert not chooser.isVisible()


def test_the_segments_tab_of_a_session_that_counts_nowhere_says_so(qtbot, make_window, records,
                                                                    patient, monkeypatch):
    """Its own segmental summary stays readable, under a line saying that it counts nowhere
    (the tab showed it as any session's, as if it counted)."""
    today = records.clock().replace(second=0, microsecond=0) - timedelta(minutes=5)
    wrong = records.start_session(patient.id, started_at=today - timedelta(days=1))
    records.add_site(wrong.id, "posterior", 600, 1000, muscle_id="gluteus_medius", side="R",
                     grasp=2)
    records.sign_session(wrong.id)
    draft = records.start_session(patient.id, started_at=today)
    records.add_site(draft.id, "posterior", 600, 1000, muscle_id="gluteus_medius", side="R")
    window = make_window(patient_id=patient.id, session_id=wrong.id)
    window.right_tabs.setCurrentWidget(window.segments)
    segments = window.segments
    assert not segments.not_counted.isVisible()
    _through_dialog(qtbot, monkeypatch, window.menus.act_in_error,
                    "Signed on the wrong patient", [])
    assert segments.not_counted.isVisible()
    assert "Entered in error" in segments.not_counted.text()
    assert "counts in no figure" in segments.not_counted.text()
    row = next(r for r in range(segments.table.rowCount())
               if segments.table.item(r, 4) and segments.table.item(r, 4).text())
    assert segments.table.item(row, 4).text().startswith("max 2")  # still readable
    # a draft withdrawn says so too; a session that counts says nothing
    window.patients.select_session(draft.id)
    assert window.segments.session_id == draft.id
    assert not segments.not_counted.isVisible()
    retractions.withdraw_draft(records, draft.id, "Started on the wrong patient")
    qtbot.waitUntil(lambda: segments.not_counted.isVisible())
    assert "Withdrawn" in segments.not_counted.text()
