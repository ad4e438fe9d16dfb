"""What the status bar says after Del removes a site.

The sites after a removed one take the numbers one down at once, so "Site 1 removed" read, with
the site now numbered 1 still on the chart and in the list, as if that one had gone (the walk of
5 December 2026). The message names the removed site by its muscle and side as well, and says
that the numbers after it moved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from imsmap.ui.chart_words import side_label
from imsmap.ui.wording import muscle_name
from test_ui_support import (  # noqa: F401 - fixtures
    click_region,
    layered_point,
    make_window,
    qt_settings,
    spread_regions,
    window,
)

pytestmark = pytest.mark.both_backends


def _named(window, site) -> str:
    level = f" {site.level}" if site.level else ""
    return f"{muscle_name(window.atlas, site.muscle_id)}{level}, {side_label(site.side).lower()}"


def _click_row(qtbot, window, row: int) -> None:
    table = window.site_table
    rect = table.visualItemRect(table.item(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_removing_a_site_names_it_and_says_the_numbers_after_it_moved(qtbot, window, records,
                                                                      session):
    first, second = spread_regions(window, 2)
    click_region(qtbot, window, first)
    click_region(qtbot, window, second)
    one, two = records.repo.sites_for_session(session.id)
    _click_row(qtbot, window, 0)
    assert window.site_table.selected_site_id() == one.id
    qtbot.keyClick(window.chart.view, Qt.Key.Key_Delete)
    (left,) = records.repo.sites_for_session(session.id)
    assert left.id == two.id and left.seq == 1  # the second site is now number 1
    said = window.statusBar().currentMessage()
    assert said.startswith(f"Removed site 1 ({_named(window, one)})"), said
    assert "numbered one less" in said and "Ctrl+Z" in said
    assert window.undo_stack.undoText() == f"remove site 1 ({_named(window, one)})"

    # The last site: no site after it to renumber, so nothing is said about numbers.
    _click_row(qtbot, window, 0)
    qtbot.keyClick(window.chart.view, Qt.Key.Key_Delete)
    assert records.repo.sites_for_session(session.id) == []
    said = window.statusBar().currentMessage()
    assert said == f"Removed site 1 ({_named(window, two)}). Ctrl+Z brings it back."


def test_the_muscle_strip_of_a_later_site_follows_its_new_number(qtbot, window, records,
                                                                 session):
    # A tap offers the muscles under it ("#2 or: ..."); site 1 removed meanwhile, the strip
    # still said "#2 or:" of the site the list now numbers 1.
    top, _deep = layered_point(window)
    other = next(r for r in spread_regions(window, 8) if r.muscle != top.muscle)
    click_region(qtbot, window, other)
    click_region(qtbot, window, top)
    one, two = records.repo.sites_for_session(session.id)
    chooser = window.chart.chooser
    assert chooser.isVisible() and chooser.site_id == two.id
    assert chooser.caption.text() == "#2 or:"
    _click_row(qtbot, window, 0)
    qtbot.keyClick(window.chart.view, Qt.Key.Key_Delete)
    assert [s.id for s in records.repo.sites_for_session(session.id)] == [two.id]
    assert chooser.isVisible() and chooser.caption.text() == "#1 or:"
