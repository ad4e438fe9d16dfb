"""The amend dialog corrects a signed session's sites, by keyboard as by mouse: the site is
picked, what to correct and to what, the correction added; the amendment then carries it, and
the chart of the open session, Segments and Progress count the site as corrected."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from imsmap.domain.progress import session_metrics
from imsmap.ui.record.sign_amend import AmendDialog
from test_ui_french import french  # noqa: F401 - a fixture
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures


def _signed(records, session):
    first = records.add_site(session.id, "posterior", 600, 1000, muscle_id="gluteus_medius",
                             side="R", grasp=3)
    second = records.add_site(session.id, "posterior", 700, 1000, muscle_id="gluteus_medius",
                              side="L", grasp=2)
    records.sign_session(session.id)
    return first, second


def _open_dialog(qtbot, records, session) -> AmendDialog:
    """The amend dialog of ``session``, shown, with the keyboard in it."""
    dialog = AmendDialog(records, session.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return dialog


def _choose(qtbot, combo, data):
    """Pick ``data`` in a combo box with the keyboard only (Home, then Down)."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data, [combo.itemData(i) for i in range(combo.count())]


def test_a_grade_and_an_error_are_corrected_from_the_keyboard(qtbot, records, session):
    first, second = _signed(records, session)
    dialog = _open_dialog(qtbot, records, session)
    qtbot.keyClicks(dialog.reason, "Grade entered 3 for 1")
    # Alt+S: the site; the field and value from the keyboard; Alt+D adds the correction.
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert dialog.site_box.hasFocus()
    _choose(qtbot, dialog.site_box, first.id)
    _choose(qtbot, dialog.field_box, "grasp")
    _choose(qtbot, dialog.value_box, 1)
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(dialog.pending), timeout=2000)  # a mnemonic animates its click
    assert dialog.pending == [(first.id, "grasp", 1)]
    assert dialog.pending_list.item(0).text().startswith(f"Site {first.seq}: 3 ")
    # The same site no longer offers its grade 1: it is what the site has now.
    assert 1 not in [dialog.value_box.itemData(i) for i in range(dialog.value_box.count())]
    _choose(qtbot, dialog.site_box, second.id)
    _choose(qtbot, dialog.field_box, "in_error")
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(dialog.pending) == 2, timeout=2000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == AmendDialog.DialogCode.Accepted
    (amendment,) = records.read.amendments(session.id)
    assert amendment.reason == "Grade entered 3 for 1" and amendment.text == ""
    effective = records.read.effective_sites_for_session(session.id)
    assert [(s.id, s.grasp) for s in effective] == [(first.id, 1)]
    assert records.read.site(first.id).grasp == 3  # the signed site as it was


def test_a_correction_taken_back_before_saving_is_not_written(qtbot, records, session):
    first, _ = _signed(records, session)
    dialog = _open_dialog(qtbot, records, session)
    qtbot.keyClicks(dialog.reason, "Cramp")
    _choose(qtbot, dialog.site_box, first.id)
    _choose(qtbot, dialog.field_box, "cramp")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.pending_list.setFocus()
    dialog.pending_list.setCurrentRow(0)
    qtbot.keyClick(dialog.pending_list, Qt.Key.Key_Delete)
    assert dialog.pending == [] and dialog.pending_list.count() == 0
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no words, no correction
    assert dialog.error.text() and records.read.amendments(session.id) == []


def test_the_open_session_and_progress_count_the_corrected_grade(qtbot, records, session,
                                                                 context):
    first, _ = _signed(records, session)
    history = context.histories.history(session.patient_id)
    assert session_metrics(history)[0].max_grasp == 3
    records.amend_session(session.id, "Grade", "", [(first.id, "grasp", 1)])
    history = context.histories.history(session.patient_id)  # the amendment is heard
    assert session_metrics(history)[0].max_grasp == 2


def test_segments_and_the_open_sessions_chart_count_the_corrected_sites(qtbot, window, records,
                                                                       session):
    """The Segments tab and the chart of the open signed session read the effective sites: a
    grade corrected is the corrected one there, a site recorded in error is gone from both."""
    first, second = _signed(records, session)
    window.patients.select_session(session.id)
    segments = window.segments
    segments.refresh()

    def counted() -> int:
        return sum(segments.table.item(r, c).data(Qt.ItemDataRole.UserRole) or 0
                   for r in range(segments.table.rowCount()) for c in (1, 3)
                   if segments.table.item(r, c) is not None)

    before = counted()
    assert before > 0
    assert {s.id: s.grasp for s in window.edits.sites} == {first.id: 3, second.id: 2}
    records.amend_session(session.id, "Wrong", "", [(first.id, "grasp", 1),
                                                   (second.id, "in_error", True)])
    assert {s.id: s.grasp for s in window.edits.sites} == {first.id: 1}
    # The session's amendments, under its note, say what they corrected.
    assert window.session_panel.amendments.text().endswith(
        f"Corrected: site {first.seq}: grade 3 → 1; site {second.seq}: recorded in error.")
    segments.refresh()
    assert counted() < before


def test_add_amendment_opens_on_the_site_selected_in_the_window(qtbot, window, records,
                                                                 session):
    """A signed session's inspector says "tap a marker or a row to read its site. To correct
    one: Session > Add amendment…": the dialog opened on site 1 whichever was selected, and a
    grade picked there at once corrected the wrong site. It opens on the one selected."""
    first, second = _signed(records, session)
    window.patients.select_session(session.id)
    table = window.session_panel.sites
    row = next(r for r in range(table.rowCount()) if table.site_id_at(r) == second.id)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(row, 1)).center())
    assert window.edits.selected_site_id() == second.id
    seen = []

    def correct() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AmendDialog)
        seen.append(dialog.site_box.currentData())
        qtbot.keyClicks(dialog.reason, "Grade misread")
        _choose(qtbot, dialog.value_box, 1)  # the site as it opened, its grade from the keys
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, correct)
    qtbot.mouseClick(window.session_panel.amend_button, Qt.MouseButton.LeftButton)
    assert seen == [second.id]
    corrected = records.read.site_corrections([session.id])[session.id]
    assert [(c.site_id, c.field, c.new) for c in corrected] == [(second.id, "grasp", 1)]


def test_the_site_list_says_each_correction_and_keeps_a_site_in_error_readable(
        qtbot, window, records, session):
    """The signed note stays readable in the window as in its PDF: a corrected site's number is
    red with what corrected it, a site recorded in error stays listed, struck through, where
    it was, and counts nowhere (not on the chart, not among the sites the keys act on)."""
    first, second = _signed(records, session)
    window.patients.select_session(session.id)
    table = window.session_panel.sites
    assert table.rowCount() == 2 and not table.item(1, 0).font().strikeOut()
    records.amend_session(session.id, "Grade entered 3 for 1", "", [(first.id, "grasp", 1)])
    records.amend_session(session.id, "Other patient's site", "", [(second.id, "in_error", True)])
    assert table.rowCount() == 2
    assert [table.item(r, 0).text() for r in range(2)] == [str(first.seq), str(second.seq)]
    # The corrected site: its grade as corrected, its number marked, the correction said.
    assert table.item(0, 3).text().startswith("1")
    assert table.item(0, 0).font().bold() and not table.item(0, 0).font().strikeOut()
    assert "grade 3 → 1 (Grade entered 3 for 1)" in table.item(0, 3).toolTip()
    # The site in error: listed, struck through, said so, and nowhere else.
    assert all(table.item(1, c).font().strikeOut() for c in range(table.columnCount()))
    assert table.item(1, 3).text() == "in error"
    assert "Recorded in error" in table.item(1, 1).toolTip()
    assert "Other patient's site" in table.item(1, 1).toolTip()
    assert [s.id for s in window.edits.sites] == [first.id]
    table.selectRow(1)  # choosing it shows nothing to edit, and changes nothing
    assert window.edits.selected_site() is None
    assert records.read.effective_sites_for_session(session.id)[0].grasp == 1


def test_a_correction_chosen_but_not_added_is_not_dropped_unsaid(qtbot, records, session):
    """Site, field and value picked, words typed, Add amendment pressed without Add correction:
    the amendment was saved with the words alone and the grade left as signed, unsaid."""
    first, _ = _signed(records, session)
    dialog = _open_dialog(qtbot, records, session)
    qtbot.keyClicks(dialog.reason, "Grade")
    qtbot.keyClicks(dialog.text, "Site 1 was grade 1.")
    _choose(qtbot, dialog.site_box, first.id)
    _choose(qtbot, dialog.field_box, "grasp")
    _choose(qtbot, dialog.value_box, 1)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != AmendDialog.DialogCode.Accepted
    assert "chosen but not added" in dialog.error.text()
    assert records.read.amendments(session.id) == []
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(dialog.pending), timeout=2000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == AmendDialog.DialogCode.Accepted
    assert [(s.id, s.grasp) for s in records.read.effective_sites_for_session(session.id)
            if s.id == first.id] == [(first.id, 1)]


def test_in_french_the_site_box_shows_a_long_site_whole(qtbot, records, session, french):  # noqa: F811
    """The French walk of 5 December at 1366 px: after "recorded in error" was added for a
    site, the site box read "#10 Biceps fémoral, chef court, droite – préhension 2 (modérée) –
    consigné…", the very words saying the site is in error cut off."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    deltoid = records.add_site(session.id, "anterior", 600, 400, muscle_id="deltoid_anterior",
                               side="L", grasp=2, cramp=True)
    records.sign_session(session.id)
    dialog = _open_dialog(qtbot, records, session)
    _choose(qtbot, dialog.site_box, deltoid.id)
    _choose(qtbot, dialog.field_box, "in_error")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.wait(10)
    box = dialog.site_box
    text = box.currentText()
    assert text.startswith("#1 Deltoïde, partie claviculaire (antérieure), gauche")
    assert text.endswith("consigné par erreur"), text
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    room = box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                      QStyle.SubControl.SC_ComboBoxEditField, box).width()
    assert box.fontMetrics().horizontalAdvance(text) <= room, (room, text)
    right = box.mapTo(dialog, box.rect().topRight()).x()
    assert right < dialog.width(), (right, dialog.width())  # and the dialog holds the box
    assert dialog.frameGeometry().width() <= 1366, dialog.width()
    # and the words of the correction read as French ("pas par erreur" did not)
    assert dialog.pending_list.item(0).text() == "Point 1\u00a0: valide → consigné par erreur"
