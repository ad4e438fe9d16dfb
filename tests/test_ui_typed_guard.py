"""Escape, Cancel or ✕ on a dialog holding what was typed asks first: a new patient's three
fields and an amendment's words went with one Escape, unsaid and unsaved (French walk of
6 December). An untouched dialog still closes at once."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from imsmap.ui.dialogs import PatientDialog
from imsmap.ui.record.amend_dialog import AmendDialog
from imsmap.ui.title_width import title_width
from test_ui_support import answer_boxes


def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_escape_on_a_new_patient_typed_in_asks_and_keeps_it(qtbot, records):
    dialog = _shown(qtbot, PatientDialog(records))
    qtbot.keyClicks(dialog.chart_number, "C-2000")
    qtbot.keyClicks(dialog.family_name, "Gagnon")
    seen: list[str] = []
    timer = answer_boxes(["Keep typing", "Discard"], seen)
    try:
        qtbot.keyClick(dialog.family_name, Qt.Key.Key_Escape)
        assert dialog.isVisible() and dialog.result() == 0
        assert (dialog.chart_number.text(), dialog.family_name.text()) == ("C-2000", "Gagnon")
        qtbot.keyClick(dialog.family_name, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
    finally:
        timer.stop()
    assert len(seen) == 2 and "Discard what you typed?" in seen[0]


def test_an_untouched_dialog_closes_on_escape_without_a_question(qtbot, records):
    dialog = _shown(qtbot, PatientDialog(records))
    seen: list[str] = []
    timer = answer_boxes(["Discard"], seen)
    try:
        qtbot.keyClick(dialog.chart_number, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
    finally:
        timer.stop()
    assert seen == []


def test_cancel_on_an_amendment_typed_in_asks_first(qtbot, records, session):
    records.sign_session(session.id)
    dialog = _shown(qtbot, AmendDialog(records, session.id))
    qtbot.keyClicks(dialog.reason, "Wrong side for site 1")
    (box,) = dialog.findChildren(QDialogButtonBox)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    seen: list[str] = []
    timer = answer_boxes(["Keep typing"], seen)
    try:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog.reason.text() == "Wrong side for site 1"
    finally:
        timer.stop()
    assert len(seen) == 1


def test_the_question_is_as_wide_as_its_title_needs(qtbot, records):
    # At the width of its question the window manager cut the French title to
    # « Nouveau pa… nt — imsmap ».
    dialog = _shown(qtbot, PatientDialog(records))
    qtbot.keyClicks(dialog.chart_number, "C-2000")
    widths: list[tuple[int, int]] = []

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        widths.append((box.width(), title_width(box, box.windowTitle())))
        box.escapeButton().click()

    QTimer.singleShot(0, answer)
    assert not dialog.guard.may_discard()
    (width, needed), = widths
    assert width >= needed > 0
