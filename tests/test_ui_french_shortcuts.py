"""The keyboard shortcuts' table in French: its second column's heading agrees with the first's
plural « Touches » (a row may name two keys, « Ctrl+Maj+Z ou Ctrl+Y »); it read « Ce qu'elle
fait », a singular with no noun to agree with (French walk of 6 December)."""

from __future__ import annotations

from imsmap.ui.shortcuts import ShortcutsDialog
from test_ui_french import (  # noqa: F401 - fixtures
    _deltoid,
    clinic_data,
    french,
    french_window,
    make_window,
    qt_settings,
)


def test_the_shortcuts_headings_agree(french_window, qtbot):
    dialog = ShortcutsDialog(french_window)
    qtbot.addWidget(dialog)
    headings = [dialog.table.horizontalHeaderItem(i).text() for i in range(2)]
    assert headings == ["Touches", "Action"]
