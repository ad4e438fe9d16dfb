"""Clinic settings at 1366 x 768, in French: the practitioners' table shows each column's header
whole. The first-day walk of 7 December (a new clinic, fresh clone) read « dentifiant
(facultatif) » over the third column, cut at both ends (/tmp/firstday/81.png): three columns
stretched to equal thirds of a table narrower than the three headers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_settings_short_screen import language, open_settings  # noqa: F401 - fixtures


@pytest.mark.parametrize("screen", [QSize(1366, 768), QSize(1280, 720), QSize(1920, 1040)])
def test_every_header_of_the_practitioners_table_is_whole(language, qtbot, records, monkeypatch,
                                                          screen):
    dialog = open_settings(qtbot, records, screen, monkeypatch)
    assert dialog.width() <= screen.width()
    header = dialog.practitioners.horizontalHeader()
    for column in range(header.count()):  # Qt's own room for the header, whole
        text = dialog.practitioners.horizontalHeaderItem(column).text()
        need = header.sectionSizeFromContents(column).width()
        assert header.sectionSize(column) >= need, (text, header.sectionSize(column), need)
