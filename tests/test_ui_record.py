"""The session-record widgets through their real controls, against a real database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from imsmap.domain.errors import ReadOnlyError
from imsmap.ui.record.details_panel import SessionDetailsPanel
from imsmap.ui.record.sign_amend import AmendDialog, AuditDialog, SignDialog
from support import site_on

pytestmark = pytest.mark.both_backends


def _tick(qtbot, box):
    """Click a check box on its indicator, as a finger would."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


@pytest.fixture
def panel(qtbot, records, session):
    widget = SessionDetailsPanel(records)
    qtbot.addWidget(widget)
    widget.set_session(session.id)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_consent_and_needles_are_saved_as_they_are_edited(panel, records, session, qtbot):
    _tick(qtbot, panel.consent)
    panel.needle_count.setValue(14)
    _tick(qtbot, panel.needles_accounted)
    s = records.repo.session(session.id)
    assert (s.consent, s.needle_count, s.needles_accounted) == (True, 14, True)


def test_findings_and_adverse_events_are_added_and_removed(panel, records, session, qtbot):
    panel.finding_sign.setCurrentIndex(panel.finding_sign.findData("trophedema"))
    qtbot.keyClicks(panel.finding_where, "L5")
    panel.finding_side.setCurrentIndex(panel.finding_side.findData("R"))
    _click_button(panel, "Add finding", qtbot)
    panel.event_kind.setCurrentIndex(panel.event_kind.findData("bruising"))
    qtbot.keyClicks(panel.event_action, "Pressure applied")
    _click_button(panel, "Add adverse event", qtbot)
    record = records.session_record(session.id)
    assert [(f.sign, f.location, f.side.value) for f in record.findings] == \
        [("trophedema", "L5", "R")]
    assert [(a.kind, a.severity, a.action_taken) for a in record.adverse_events] == \
        [("bruising", "mild", "Pressure applied")]
    assert panel.findings.count() == 1 and "L5 right" in panel.findings.item(0).text()
    panel.findings.setCurrentRow(0)
    _click_button(panel, "Remove selected finding", qtbot)
    assert records.session_record(session.id).findings == ()
    assert panel.findings.count() == 0


def _click_button(panel, accessible_name, qtbot):
    from PySide6.QtWidgets import QPushButton

    (button,) = [b for b in panel.findChildren(QPushButton) if b.accessibleName() ==
                 accessible_name]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_thorax_site_prompts_for_the_pneumothorax_discussion(panel, records, session, qtbot):
    assert panel.thorax_banner.isHidden()
    site_on(records, session, "trapezius_middle")
    assert not panel.thorax_banner.isHidden()
    assert "Trapezius" in panel.thorax_text.text()
    qtbot.mouseClick(panel.thorax_check, Qt.MouseButton.LeftButton)
    assert records.repo.session(session.id).pneumothorax_discussed
    assert panel.thorax_banner.isHidden()


def test_sign_dialog_lists_open_items_and_needs_confirmation(qtbot, records, session):
    dialog = SignDialog(records, session.id)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.checks_label.text()
    assert "consent is not recorded" in text and "No insertion sites" in text
    assert not dialog.sign_button.isEnabled()
    _tick(qtbot, dialog.confirm)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    signed = records.repo.session(session.id)
    assert signed.is_signed and len(signed.content_hash) == 64
    with pytest.raises(ReadOnlyError):
        records.update_session(session.id, pain_after=2)


def test_the_sign_dialog_says_which_login_signs_and_the_record_names_it(qtbot, records,
                                                                          session):
    """A signature names the login (the computer's, or the clinic server's), not a person;
    where a clinic shares one login, the clinician reads it before signing."""
    dialog = SignDialog(records, session.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert f"You sign as <b>{records.actor}</b>" in dialog.signer.text()
    # as tall as its sentences at its width: no gap between them (Qt had sized it from them
    # wrapped at their narrowest)
    assert dialog.height() <= dialog.layout().totalHeightForWidth(dialog.width()) + 1
    assert dialog.signer.height() >= dialog.signer.heightForWidth(dialog.signer.width())
    _tick(qtbot, dialog.confirm)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert records.repo.session(session.id).signed_by == records.actor


def test_panel_is_read_only_for_a_signed_session(qtbot, records, session):
    records.sign_session(session.id)
    widget = SessionDetailsPanel(records)
    qtbot.addWidget(widget)
    widget.set_session(session.id)
    assert not widget.consent.isEnabled() and not widget.plan.isEnabled()


def test_amendment_needs_a_reason_and_leaves_the_original(qtbot, records, session):
    records.update_session(session.id, notes="Original note")
    records.sign_session(session.id)
    dialog = AmendDialog(records, session.id)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.text, "Site 2 was on the left, not the right.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "reason" in dialog.error.text().lower()
    assert records.repo.amendments(session.id) == []
    qtbot.keyClicks(dialog.reason, "Wrong side recorded")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (amendment,) = records.repo.amendments(session.id)
    assert amendment.reason == "Wrong side recorded"
    assert records.repo.session(session.id).notes == "Original note"


def test_audit_dialog_shows_who_changed_what(qtbot, records, session):
    records.update_session(session.id, pain_before=7)
    records.update_session(session.id, pain_before=6)
    dialog = AuditDialog(records, session.id)
    qtbot.addWidget(dialog)
    rows = [[dialog.table.item(r, c).text() for c in range(6)]
            for r in range(dialog.table.rowCount())]
    pain_rows = [r for r in rows if r[3] == "Session: Pain before (0 to 10)"
                 and r[2] == "Changed"]
    assert [(r[1], r[4], r[5]) for r in pain_rows] == [("test.physio", "", "7"),
                                                       ("test.physio", "7", "6")]


def test_audit_dialog_shows_a_long_value_whole(qtbot, records, session):
    """An amendment's text, a note: the row was one line high, its words cut off with "...",
    and nothing showed the rest; the trail is where an auditor reads what was written."""
    text = ("Site 1 (multifidus L4 right) grasp was 2 moderate, not 1 mild. Also needled: "
            "right tibialis anterior, grasp 1 mild. Note corrected: outcome good, plan review "
            "in two weeks, then monthly if the grasps keep releasing.")
    records.sign_session(session.id)
    records.amend_session(session.id, "Grade and a missed site", text)
    dialog = AuditDialog(records, session.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 5).text() == text)
    item = table.item(row, 5)
    assert text in item.toolTip()
    needed = table.fontMetrics().boundingRect(
        0, 0, table.columnWidth(5) - 8, 10_000, Qt.TextFlag.TextWordWrap, text).height()
    assert table.rowHeight(row) >= needed, (table.rowHeight(row), needed)


def test_segment_panel_counts_roots_by_side_and_names_a_roots_muscles(qtbot, records, session):
    from imsmap.domain.segments import SPINAL_ROOTS
    from imsmap.ui.record.segment_panel import SegmentPanel

    widget = SegmentPanel(records)
    qtbot.addWidget(widget)
    widget.set_session(session.id)
    site = site_on(records, session, "tibialis_anterior")  # deep fibular nerve, L4 dominant
    records.update_site(site.id, grasp=2)
    muscle = records.atlas.muscle("tibialis_anterior")
    col = 1 if site.side.value == "L" else 3
    waiting = widget.table.item(SPINAL_ROOTS.index(muscle.dominant_root), col)
    assert waiting is None or not waiting.text()  # not on screen: it waits
    widget.show()  # shown, it catches up
    for root in muscle.roots:
        row = SPINAL_ROOTS.index(root)
        assert widget.table.item(row, col).data(Qt.ItemDataRole.UserRole) == 1
        assert widget.table.item(row, col + 1).data(Qt.ItemDataRole.UserRole) == 2
    l4 = SPINAL_ROOTS.index(muscle.dominant_root)
    assert "1d 0c" in widget.table.item(l4, col).text()
    with qtbot.waitSignal(widget.rootChosen) as signal:
        widget.table.selectRow(l4)
    root, muscles, levels = signal.args
    assert root == muscle.dominant_root and "tibialis_anterior" in muscles
    assert levels == frozenset({muscle.dominant_root})


@pytest.mark.sqlite_only("on the server the clinic's settings are the admin's")
def test_settings_dialog_saves_and_refuses_bad_presets(qtbot, records):
    from PySide6.QtWidgets import QPushButton

    from imsmap.services import clinic
    from imsmap.ui.record.settings_dialog import SettingsDialog

    dialog = SettingsDialog(records)
    qtbot.addWidget(dialog)
    dialog.clinic_name.setText("Harbour Physiotherapy")
    add = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Add practitioner")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    row = dialog.practitioners.rowCount() - 1
    dialog.practitioners.item(row, 0).setText("Jo Lee")
    dialog.practitioners.item(row, 1).setText("PT-12345")
    dialog.presets.setText("0.25x40, lots")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "not written as diameter x length" in dialog.error.text()
    assert clinic.load(records).clinic_name == ""
    dialog.presets.setText("0.25x40, 0.30x60")
    dialog.grasp_labels[3].setText("marked")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = clinic.load(records)
    assert saved.clinic_name == "Harbour Physiotherapy"
    assert saved.practitioners == (clinic.Practitioner("Jo Lee", "PT-12345"),)
    assert [p.label for p in saved.needle_presets] == ["0.25 x 40 mm", "0.30 x 60 mm"]
    assert saved.grasp_labels[3] == "marked"


@pytest.mark.sqlite_only("on the server the clinic's settings are the admin's")
def test_a_settings_refusal_goes_once_its_field_is_edited(qtbot, records):
    # A bad needle preset's sentence stayed under the presets once they were typed right
    # (walk of 6 December); an edit of another field leaves a refusal where it is.
    from PySide6.QtWidgets import QPushButton

    from imsmap.services import clinic
    from imsmap.ui.record.settings_dialog import SettingsDialog

    dialog = SettingsDialog(records)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.presets.selectAll()
    qtbot.keyClicks(dialog.presets, "0.25x40, 0.30 60")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "0.30 60" in dialog.error.text() and "diameter x length" in dialog.error.text()
    qtbot.keyClicks(dialog.clinic_name, "Harbour Physiotherapy")
    assert "0.30 60" in dialog.error.text()
    qtbot.keyClick(dialog.presets, Qt.Key.Key_End)
    for _ in "60":
        qtbot.keyClick(dialog.presets, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.presets, "x60")
    assert dialog.error.text() == ""
    # the practitioners' table too: a name listed twice, then one of them renamed
    add = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Add practitioner")
    for name in ("Jo Lee", "Jo Lee"):
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
        dialog.practitioners.item(dialog.practitioners.rowCount() - 1, 0).setText(name)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "listed twice" in dialog.error.text()
    dialog.grasp_labels[3].setText("marked")  # not the table
    qtbot.keyClicks(dialog.grasp_labels[3], "!")
    assert "listed twice" in dialog.error.text()
    dialog.practitioners.item(dialog.practitioners.rowCount() - 1, 0).setText("Jo Leigh")
    assert dialog.error.text() == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = clinic.load(records)
    assert [p.label for p in saved.needle_presets] == ["0.25 x 40 mm", "0.30 x 60 mm"]
    assert [p.name for p in saved.practitioners][-2:] == ["Jo Lee", "Jo Leigh"]


@pytest.mark.sqlite_only("on the server the clinic's settings are the admin's")
@pytest.mark.parametrize("language", ["en", "fr_CA"])
def test_the_settings_show_five_practitioners_within_a_1366_x_768_screen(
        qapp, qtbot, records, language):
    # In one column the dialog was taller than a 1366 x 768 screen, and on a 1000 px one the
    # practitioners' table showed one or two rows (walk of 6 December): in two columns, the
    # dialog at its least height fits under a title bar on the short screen and its table
    # shows five rows, and it is narrower than a 1280 px screen, in French too.
    from imsmap import i18n
    from imsmap.ui.record.settings_dialog import SettingsDialog

    i18n.install(qapp, language)
    try:
        dialog = SettingsDialog(records)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.resize(dialog.width(), 1)  # as short as its layout lets it be
        qtbot.wait(20)
        table = dialog.practitioners
        rows = table.viewport().height() // table.verticalHeader().defaultSectionSize()
        assert dialog.height() <= 768 - 30 and rows >= 5, (dialog.height(), rows)
        assert dialog.width() <= 1280 - 40, dialog.width()
        # the note on logins under the table, not over it (Qt opened the dialog two thirds
        # of the screen high, shorter than its wrapped sentences need)
        note = dialog.logins_note
        assert table.geometry().bottom() < note.geometry().top(), (table.geometry(),
                                                                   note.geometry())
        assert note.height() >= note.heightForWidth(note.width())
    finally:
        i18n.install(qapp, "en")


def test_signing_names_a_missing_pain_after_treatment(qtbot, records, session):
    # The outcome's pain score (before/after) is half the note's result: with pain before
    # recorded and pain after left "not recorded", the dialog listed consent and needles but
    # not this, and the note was signed without the clinician being told.
    records.update_session(session.id, pain_before=6)
    dialog = SignDialog(records, session.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Pain after treatment is not recorded." in dialog.checks_label.text()
    assert "Pain before treatment" not in dialog.checks_label.text()
    dialog.close()
    records.update_session(session.id, pain_after=0)  # a score of 0 is recorded
    again = SignDialog(records, session.id)
    qtbot.addWidget(again)
    again.show()
    assert "Pain after" not in again.checks_label.text()


def test_a_french_window_records_an_adverse_event_with_its_severity(qapp, records, session,
                                                                     qtbot):
    """The severity combo shows « modérée » and records "moderate": its words were sent, and
    every adverse event was refused in French (« La gravité « léger » n'est pas l'une de
    celles-ci : mild, moderate, severe. »). The box says the severity as the records do (the
    PDF's column « Gravité », FHIR, the list's « gravité modérée »): it read « modéré » beside
    « Ecchymose » while the PDF beside it said « modérée »."""
    from imsmap import i18n

    i18n.install(qapp, "fr_CA")
    try:
        widget = SessionDetailsPanel(records)
        qtbot.addWidget(widget)
        widget.set_session(session.id)
        widget.show()
        errors = []
        widget.errorOccurred.connect(errors.append)
        widget.event_kind.setCurrentIndex(widget.event_kind.findData("bruising"))
        widget.event_severity.setCurrentIndex(widget.event_severity.findData("moderate"))
        assert widget.event_severity.currentText() == "modérée"
        assert [widget.event_severity.itemText(i) for i in range(widget.event_severity.count())
                ] == ["légère", "modérée", "grave"]
        qtbot.keyClicks(widget.event_action, "Glace")
        _click_button(widget, "Ajouter\u00a0: événement indésirable", qtbot)
        # The severity agrees with « gravité », whatever the event's gender (« Ecchymose
        # (modéré) » read as a masculine word beside a feminine event).
        assert widget.events.item(0).text() == "Ecchymose (gravité modérée) — Glace"
    finally:
        i18n.install(qapp, "en")
    assert errors == []
    assert [(a.kind, a.severity, a.action_taken)
            for a in records.session_record(session.id).adverse_events] == \
        [("bruising", "moderate", "Glace")]


def test_enter_in_the_text_adds_the_finding_or_the_adverse_event(panel, records, session,
                                                                 qtbot):
    """Enter after "L4-L5" adds the finding as Add does (it did nothing; the words stayed in
    the field, out of the record)."""
    qtbot.keyClicks(panel.finding_where, "L4-L5")
    qtbot.keyClick(panel.finding_where, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.event_action, "Ice")
    qtbot.keyClick(panel.event_action, Qt.Key.Key_Enter)
    record = records.session_record(session.id)
    assert [f.location for f in record.findings] == ["L4-L5"]
    assert [a.action_taken for a in record.adverse_events] == ["Ice"]
    assert panel.finding_where.text() == "" and panel.event_action.text() == ""


def test_the_side_and_the_severity_show_their_whole_words_in_french(qapp, records, session,
                                                                    qtbot):
    """« Bilatéral / médian » is shown whole beside the sign in a 450-pixel column (it read
    « Bilatéral / méd »)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    from imsmap import i18n

    i18n.install(qapp, "fr_CA")
    try:
        widget = SessionDetailsPanel(records)
        qtbot.addWidget(widget)
        widget.set_session(session.id)
        widget.resize(450, 900)
        widget.show()
        qtbot.waitExposed(widget)
        for combo in (widget.finding_side, widget.event_severity):
            for i in range(combo.count()):
                combo.setCurrentIndex(i)
                option = QStyleOptionComboBox()
                combo.initStyleOption(option)
                field = combo.style().subControlRect(
                    QStyle.ComplexControl.CC_ComboBox, option,
                    QStyle.SubControl.SC_ComboBoxEditField, combo)
                text = combo.currentText()
                assert combo.fontMetrics().horizontalAdvance(text) <= field.width(), text
        assert widget.finding_side.itemText(0) == "Bilatéral / médian"
    finally:
        i18n.install(qapp, "en")
