"""Clinic settings on a 960 x 540 screen (Xvfb, walk of 6 December, French): the dialog was held
at the screen's height with its practitioners' table at five rows, so the note on logins (three
lines at that width) lay over the table's last rows. On a screen too short for it, the table now
gives up rows (down to three; it scrolls to the others) and nothing lies over anything; on a
tall screen it keeps its five."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QScreen
from tests.test_ui_french import french  # noqa: F401 - fixture

from imsmap.ui.record.settings_dialog import (
    PRACTITIONER_ROWS,
    SHORT_SCREEN_ROWS,
    SettingsDialog,
)


@pytest.fixture(params=["fr_CA", "en"])
def language(request):
    if request.param == "fr_CA":
        request.getfixturevalue("french")
    return request.param


def rect_in(widget, dialog) -> QRect:
    return QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())


def open_settings(qtbot, records, screen_size: QSize | None, monkeypatch) -> SettingsDialog:
    if screen_size is not None:
        monkeypatch.setattr(QScreen, "availableGeometry",
                            lambda _self: QRect(QPoint(0, 0), screen_size))
    dialog = SettingsDialog(records)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(30)
    return dialog


def test_on_a_short_screen_nothing_lies_over_the_table(language, qtbot, records, monkeypatch):
    dialog = open_settings(qtbot, records, QSize(960, 540), monkeypatch)
    assert dialog.height() <= 540
    table, note = dialog.practitioners, dialog.logins_note
    assert note.isVisible() and note.text()
    # the note under the table, whole at its width, over nothing
    assert rect_in(note, dialog).top() >= rect_in(table, dialog).bottom()
    assert note.height() >= note.heightForWidth(note.width())
    # the table shows three rows at least, the Save button is in the dialog
    rows = table.verticalHeader().defaultSectionSize()
    assert table.viewport().height() >= SHORT_SCREEN_ROWS * rows
    assert dialog.rect().contains(rect_in(dialog.save_button, dialog))


def test_a_tall_screen_keeps_five_rows(language, qtbot, records, monkeypatch):
    dialog = open_settings(qtbot, records, QSize(1920, 1040), monkeypatch)
    table = dialog.practitioners
    rows = table.verticalHeader().defaultSectionSize()
    assert table.viewport().height() >= PRACTITIONER_ROWS * rows
    assert rect_in(dialog.logins_note, dialog).top() >= rect_in(table, dialog).bottom()
