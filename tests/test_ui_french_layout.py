"""The French window at 1366 x 768 (issue 19): the chart's tabs leave room for the body's charts,
the visit list shows its dates and times whole, and the earlier sites' legend keeps its words
inside the chart's column (on two rows when one is too narrow). The words are longer than in
English (« 2026-11-19 09 h 00 », « Points précédents, p. ex. préhension forte : »)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from tests.test_ui_french import (  # noqa: F401 - fixtures
    clinic_data,
    french,
    french_window,
)
from tests.test_ui_support import make_window, qt_settings, touch_sized  # noqa: F401 - fixtures

from imsmap.ui.overlay_legend import OverlayLegend

# Each test with the controls mouse-sized and touch-sized (ui.touch_size).
pytestmark = pytest.mark.usefixtures("touch_sized")

# The first tabs: the front and the back, the spine beside them (IMS needles the paraspinal
# muscles at nearly every visit), both profiles.
BODY_VIEWS = ("anterior", "posterior", "spinal", "lateral_left", "lateral_right")


def whole_tabs(tabs) -> list[str]:
    """The chart tabs shown whole at the tab strip's position (ui.chart_tabs): inside the part
    of the bar its strip shows, and as wide as their words."""
    area = tabs.parentWidget()  # the strip's window on the bar
    visible = QRect(0, 0, area.width(), area.height())
    out = []
    for i in range(tabs.count()):
        rect = tabs.tabRect(i).translated(tabs.pos())
        need = tabs.fontMetrics().horizontalAdvance(tabs.tabText(i))
        if visible.contains(rect) and rect.width() >= need:
            out.append(tabs.tabText(i))
    return out


def test_the_chart_tabs_show_the_body_charts_at_1366_px(french_window, qtbot):
    w = french_window
    w.resize(1366, 768)
    w.chart.set_view("anterior")
    qtbot.wait(20)
    assert w.width() <= 1366
    tabs = w.chart.tabs
    shown = whole_tabs(tabs)
    # The body charts and the spine without scrolling; a physiotherapist reads the shorter
    # French tab names, the whole name is the tooltip. Beside the arrows, the button listing
    # every chart (ui.chart_tabs) takes the room of the fifth, the right profile, when the
    # visit's counts are on the first two tabs (10 px were left beside the arrows, the
    # button's « +6 » needs 30, touch-sized 35 of 32): it is in the button's list, named.
    assert len(shown) >= len(BODY_VIEWS) - 1, shown
    strip = w.chart.tab_strip
    hidden = tabs.count() - len(shown)
    assert strip.more.isVisible() and str(hidden) in strip.more.text()
    strip.fill_menu()
    names = [a.text() for a in strip.menu.actions()]
    assert all(any(n.startswith(w.atlas.view_name(v, "fr_CA")) for n in names)
               for v in BODY_VIEWS), names
    for i, view_id in enumerate(BODY_VIEWS):
        assert tabs.tabText(i).split(" (")[0] == w.atlas.view_tab_name(view_id, "fr_CA")
        assert w.atlas.view_name(view_id, "fr_CA").lower() in tabs.tabToolTip(i).lower()
    # The menu names each chart whole.
    assert any(a.text().endswith("Vue antérieure") for a in w.menus.act_views)


def test_the_visit_list_shows_dates_and_times_whole_at_1366_px(french_window, qtbot):
    w = french_window
    w.resize(1366, 768)
    # The patients' column as narrow as it goes (dragged, or restored so from an earlier run).
    w.splitter.setSizes([1, 1366, 1])
    qtbot.wait(20)
    assert w.splitter.sizes()[0] < 400
    tree = w.patients.sessions
    assert tree.topLevelItemCount() == 2
    problems = []
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        for column in range(tree.columnCount()):
            need = tree.fontMetrics().horizontalAdvance(item.text(column)) + 8
            if tree.columnWidth(column) < need:
                problems.append(f"{item.text(column)!r}: {tree.columnWidth(column)} px "
                                f"< {need} px")
    assert "09\u00a0h\u00a030" in tree.topLevelItem(0).text(0)
    # and the list, its columns and the frame fit the patients' column
    assert sum(tree.columnWidth(c) for c in range(tree.columnCount())) \
        <= tree.viewport().width(), tree.viewport().width()
    assert not problems, "\n".join(problems)


def test_the_earlier_sites_legend_keeps_its_words_in_the_chart_column(french_window, qtbot):
    w = french_window
    w.resize(1366, 768)
    bar = w.history_bar
    bar.show_earlier.setChecked(True)
    qtbot.wait(20)
    legend: OverlayLegend = bar.legend
    assert legend.ages, "the second visit shows the first one's sites"
    assert legend.isVisible()
    # Each row of words fits: the title's, and the markers' that follow it (their words'
    # ends within the legend's width).
    assert all(4 + legend.text_width(line, True) <= legend.width()
               for line in legend.title_lines(legend.width()))
    texts = [text for _age, text in legend.ages]
    for (x, _row), text in zip(legend.places(), texts, strict=True):
        assert x + 2 * 9 + 4 + legend.text_width(text) <= legend.width(), text
    assert legend.height() >= legend.ROW + legend.WRAPPED * (legend.rows() - 1)
    # Narrower than its words: more rows (at 200 px the French title on one, the marker
    # under it); wide enough: one row again. Its height for a width is what the layouts give
    # it (heightForWidth): the rows of the longest words it may say (three ages and the
    # diamond), whichever the patient, so the chart does not move from one to the next.
    assert legend.wrapped(200) and legend.rows(200) == 2
    assert legend.kept_rows(200) >= 2
    assert legend.heightForWidth(200) == legend.ROW + (legend.kept_rows(200) - 1) * legend.WRAPPED
    wide = int(legend.needed_width()) + 10
    assert not legend.wrapped(wide) and legend.rows(wide) == 1
    assert legend.heightForWidth(2000) == legend.ROW  # the longest words too on one row


def test_the_site_list_keeps_six_rows_in_french_at_1366_px(french_window, qtbot, records,
                                                          touch_sized):
    # The longer French words (« Signer la séance… », « Motif de consultation », the draft's
    # state beside the button) cost the list no row: it keeps six in view with the
    # pneumothorax prompt and the fields showing, and the column does not scroll.
    from tests.test_ui_small_screen import _thorax_site, add_sites, in_view, visible_rows

    w = french_window
    add_sites(records, w, 9)
    _thorax_site(qtbot, w)
    qtbot.wait(20)
    w.right_tabs.widget(0).verticalScrollBar().setValue(0)
    sp = w.session_panel
    for widget in (w.details.thorax_banner, w.details.thorax_check, sp.complaint, sp.notes,
                   sp.sign_button):
        assert in_view(w, widget), widget
    assert visible_rows(w) >= 6, visible_rows(w)
    # The selected site's grades: in view, or a scroll of the column away with touch-sized
    # controls, or where the prompt names more muscles than one line holds (here five: every
    # one is named, on three lines or more).
    line = w.details.thorax_text.fontMetrics().lineSpacing()
    tall_prompt = w.details.thorax_text.height() > 2 * line
    if touch_sized or tall_prompt:
        w.right_tabs.widget(0).ensureWidgetVisible(w.site_table.inspector, 0, 0)
    assert in_view(w, w.site_table.inspector)
    w.right_tabs.widget(0).verticalScrollBar().setValue(0)
    # The photos under it: in view, or (as the grades) a scroll of the column away.
    if touch_sized or tall_prompt:
        w.right_tabs.widget(0).ensureWidgetVisible(w.photo_strip, 0, 0)
    assert in_view(w, w.photo_strip)
    w.right_tabs.widget(0).verticalScrollBar().setValue(0)
    # The prompt's box says what it records, whole.
    check = w.details.thorax_check
    assert check.width() >= check.sizeHint().width()
    assert "pneumothorax" in check.text()


def test_every_choice_of_earlier_sessions_keeps_the_window_within_1366_px(french_window, qtbot):
    # « Choisies » with its « Séances… » button (or the two dates of « Dates ») in place of the
    # count's box made the row of choices wider than the chart's column at 1366 px: the window
    # grew past a 1366 px screen's edge, the right column's buttons and last column cut off.
    # The row goes on to a second line instead, its controls inside the column.
    from imsmap.ui.history_bar import OverlayMode

    w = french_window
    bar = w.history_bar
    bar.show_earlier.setChecked(True)
    for mode in OverlayMode:
        bar.mode.setCurrentIndex(bar.mode.findData(mode.value))
        w.resize(1366, 768)
        qtbot.wait(20)
        assert w.width() <= 1366, (mode, w.width())
        for control in (bar.show_earlier, bar.mode, bar.last_n, bar.date_from, bar.date_to,
                        bar.pick, bar.heat, bar.count):
            if control.isVisible():
                right = control.mapTo(bar, control.rect().topRight()).x()
                assert right < bar.width(), (mode, control, right, bar.width())


def test_the_sessions_button_keeps_its_menu_arrow_beside_its_words(french_window):
    # A tool button's menu arrow lay over « Séances… »'s last letters: the button was only as
    # wide as its words. It has room for the words, the arrow and the frame's margins.
    from PySide6.QtWidgets import QStyle

    from imsmap.ui.history_bar import OverlayMode

    bar = french_window.history_bar
    bar.mode.setCurrentIndex(bar.mode.findData(OverlayMode.PICKED.value))
    pick = bar.pick
    assert pick.text() == "Séances…"
    style = pick.style()
    words = pick.fontMetrics().horizontalAdvance(pick.text())
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, pick)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, pick)
    assert pick.width() >= words + arrow + margin


def test_the_key_hint_beside_the_sites_goes_on_by_whole_pairs_at_1366_px(french_window, qtbot,
                                                                        records):
    # « Suppr retirer » went alone onto a second line: the hint breaks where its two lines come
    # out even, never inside a pair of key and word, each line within the label's width.
    from tests.test_ui_small_screen import add_sites

    w = french_window
    w.resize(1366, 768)
    add_sites(records, w, 3)
    qtbot.wait(20)
    hint = w.session_panel.sites_hint
    pairs = hint.hint().split(" · ")
    assert pairs[-1] == "Suppr retirer" and "\n" not in hint.hint()
    lines = hint.text().split("\n")
    assert 1 <= len(lines) <= 2, lines
    held = [[p for p in pairs if p in line] for line in lines]
    assert sorted(p for line in held for p in line) == sorted(pairs), lines  # each pair whole
    assert len(lines) == 1 or all(len(line) >= 2 for line in held), lines  # none alone
    room = hint.contentsRect().width()
    assert all(hint.fontMetrics().horizontalAdvance(line) <= room for line in lines), lines
