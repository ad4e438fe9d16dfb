"""Where Tab goes in the main window: through the columns as they stand on the screen.

The window is built in two steps (ui.main_window): the chart and the visits under it first,
the patients and the right column's tabs a frame later, then the chart's muscle search. Qt's
Tab follows the order widgets were made in, so it went from the patients to the session's
column, then back to the chart, and reached the chart's layer buttons (remade with each chart)
and its search box last of all; the photos' button came between the site list and the site's
fields under it. `follow_the_screen` moves the chart and the visits after the patients: the
patients, the chart from its tabs down to the visits, then the right column.

Tab also leaves every read-only table (`setTabKeyNavigation(False)`: a QTableView's Tab goes
from cell to cell and round again, so a keyboard user could never leave the Segments table or
the progress grid) and every text box (`setTabChangesFocus`: Tab wrote a tab into the plan);
an exclusive group of buttons (the grades, the sides, the layers) is one stop, on the button
checked, and the arrows move in it, as Qt does for radio buttons.

The widgets moved are named, with their own stops: walking the whole focus chain from Python
(nextInFocusChain) left PySide with wrappers that outlived their widgets (the status bar's was
found dead after a chart's layer buttons were remade).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def stops_in(parent: QWidget) -> list[QWidget]:
    """The widgets in `parent` that Tab stops on, in the order they were made. Not those
    that hand their focus to another (a spin box's text field, a view's viewport): Tab passes
    them by wherever they are, and Qt's setTabOrder would put their proxy in their place."""
    return [c for c in parent.findChildren(QWidget)
            if c.focusPolicy() & Qt.FocusPolicy.TabFocus and c.focusProxy() is None]


def with_parts(widgets: Iterable[QWidget]) -> list[QWidget]:
    """Each widget followed by its own stops (a tab bar's scroll arrows, an inspector's
    fields): moved together, none is left behind at the old place."""
    return [w for widget in widgets for w in (widget, *stops_in(widget))]


def chain(widgets: Iterable[QWidget]) -> None:
    """Tab goes from each widget to the next (of those in the first one's window: a layer
    button made but not yet laid out in the chart has no place in its order yet). Each must
    take the focus: Qt's setTabOrder passes over a widget that takes none."""
    widgets = list(widgets)
    if widgets:
        widgets = [w for w in widgets if w.window() is widgets[0].window()]
    for first, second in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(first, second)


def follow_the_screen(after_patients: QWidget, chart, history_bar: QWidget) -> None:
    """The chart (ChartPanel.tab_stops) and the visits under it (in the order made: row by
    row) after the patients' last stop, `after_patients`; the right column followed the
    visits already. (The site's fields go after the site list when they are placed under it:
    SiteTable.place_inspector.)"""
    chain([after_patients, *with_parts([*chart.tab_stops(), *stops_in(history_bar)])])
