"""What floats over the chart, and the rows round it, in a French window at 960 x 540 (1080p at
200 %), where the chart is 286 px wide: the hint's sentence ("Aucun muscle à cet endroit.") was
put beside the search box in the 80 px left past it, all but its first letters past the chart's
edge; the search's list of matches cut a long one with an ellipsis at 280 px. The layer buttons
and the earlier visits' bar (history_bar) keep their words whole or in a tooltip there:
guards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget
from tests.test_ui_french import clinic_data, french  # noqa: F401 - fixtures
from tests.test_ui_support import make_window, open_visit, qt_settings, touch_sized  # noqa: F401

from imsmap.ui.muscle_search import ROW_PADDING

pytestmark = pytest.mark.usefixtures("touch_sized")


@pytest.fixture
def narrow(french, make_window, clinic_data, qtbot):  # noqa: F811
    first, second = clinic_data
    w = open_visit(qtbot, make_window, second, (1366, 768))
    w.resize(960, 540)
    qtbot.wait(20)
    return w


def within(outer: QWidget, widget: QWidget) -> bool:
    return outer.rect().contains(QRect(widget.mapTo(outer, QPoint(0, 0)), widget.size()))


def test_the_hint_is_whole_inside_the_chart(narrow, qtbot):
    chart = narrow.chart
    chart.view.missed.emit(QPoint(2, 2), False)  # a tap no muscle took
    hint = chart.hint
    assert hint.isVisible() and hint.text() == "Aucun muscle à cet endroit."
    area = chart.view.viewport().geometry()
    assert area.contains(hint.geometry()), (hint.geometry(), area)
    assert hint.height() >= hint.heightForWidth(hint.width())  # every line of it
    assert not hint.geometry().intersects(chart.search.geometry())


def test_every_match_of_the_search_is_whole(narrow, qtbot):
    search = narrow.chart.search
    search.setFocus()
    qtbot.keyClicks(search, "interosseux")
    matches = search.list
    assert matches.isVisible() and matches.count() >= 2
    assert within(narrow, matches)
    fm = matches.fontMetrics()
    room = matches.viewport().width() - 2 * ROW_PADDING - 8
    longest = max(search.match_texts(), key=fm.horizontalAdvance)
    assert fm.horizontalAdvance(longest) <= room, (longest, room)


def test_the_layer_buttons_name_their_layers(narrow, qtbot):
    # On this short window they keep one line (tests/test_ui_chart_room_960.py): a name too
    # long for its share gives way to its short name ("Multifidus, ES"), else is shortened,
    # and is named whole in the button's tooltip.
    chart = narrow.chart
    chart.set_view("spinal")
    qtbot.wait(20)
    buttons = [b for b in chart.findChildren(QWidget) if type(b).__name__ == "LayerButton"
               and b.isVisible()]
    assert len(buttons) >= 2
    for b in buttons:
        assert b.text() == b.name or ((b.text() == b.short or b.text().endswith("…"))
                                      and b.name.lower() in b.toolTip().lower()), b.text()
        assert within(chart, b)


@pytest.mark.parametrize("mode", [0, 1, 2])
def test_the_earlier_visits_bar_keeps_its_controls_whole(narrow, qtbot, mode):
    bar = narrow.history_bar
    bar.more.setChecked(True)  # folded on the short chart (ui.short_chart): opened
    bar.mode.setCurrentIndex(mode)
    qtbot.wait(20)
    shown = [c for c in bar.findChildren(QWidget) if c.isVisible() and c.parent() is bar]
    assert shown
    for c in shown:
        assert within(bar, c), (type(c).__name__, c.geometry(), bar.rect())
        assert c.width() >= c.minimumSizeHint().width(), type(c).__name__
