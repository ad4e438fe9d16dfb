"""The window used from the keyboard and through a screen reader: where the keys go when it
opens, and the names a screen reader says for the controls a clinician uses most (a placeholder,
a tooltip or a bare digit on a button is not a name)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures


def said(widget) -> str:
    """The name Qt's accessibility layer gives a screen reader for `widget`."""
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None, widget
    return iface.text(QAccessible.Text.Name)


def test_keys_typed_at_start_go_to_the_patient_search(make_window, session, qtbot):
    w = make_window()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    # It was the chart's tab bar: "Mensah" typed went nowhere, with no focus frame in sight.
    assert w.focusWidget() is w.patients.search
    qtbot.keyClicks(w.focusWidget(), "DEMO")
    assert w.patients.search.text() == "DEMO"


def test_the_controls_used_most_have_names_a_screen_reader_says(window):
    w = window
    d = w.site_table.inspector
    names = {
        w.patients.search: "Find a patient",
        w.patients.patients: "Patients",
        w.patients.sessions: "Sessions",
        w.chart.view: "Body chart",
        w.chart.search: "Find a muscle",
        w.site_table: "Sites",
        w.session_panel.complaint: "Complaint",
        w.session_panel.pain_before: "Pain before",
        w.session_panel.pain_after: "Pain after",
        d.muscle: "Muscle",
        d.preset: "Needle",
        d.diameter: "Needle diameter",
        d.length: "Needle length",
        d.depth: "Depth",
        d.notes: "Notes on this insertion",
        w.history_bar.first: "First visit",
        w.history_bar.prev: "Previous visit",
        w.history_bar.next: "Next visit",
        w.history_bar.last: "Latest visit",
    }
    for widget, name in names.items():
        assert said(widget).startswith(name), (type(widget).__name__, said(widget), name)


def test_grade_buttons_say_the_grade_and_its_word(window):
    buttons = window.site_table.inspector.grasp_buttons
    # They said "0", "1", "2", "3": a number without what it grades.
    assert [said(buttons[g]) for g in range(4)] == [
        "Grasp 0 none", "Grasp 1 mild", "Grasp 2 moderate", "Grasp 3 strong"]
    assert said(buttons[-1]) == "Not graded"

