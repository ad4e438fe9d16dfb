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

