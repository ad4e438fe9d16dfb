"""A tap asks the session column's wrapping rows their heights about half as often as it did
(issue 16: click_to_marker's last milliseconds), and the rows still wrap and follow the column.

Each of the inspector's five rows (ui.wrapping_row) was a layout inside the inspector's box.
Qt's QBoxLayout asks such an item its height for a width and then its least height for that
width, which a layout answers by working its lines out again, and keeps nothing between two
passes: 70-80 times a tap in this test's window, at the same few widths.
Each row is now a widget of its own, as the chooser's strip is: Qt's widget item keeps a
widget's heights for the last widths asked until the widget says it changed (QWidgetItemV2),
so a row that did not change is not worked out again. No height is kept by imsmap: the cache
taken out in c066d32 stays out. The session's own two rows above (when and by whom, the pain
scores) were layouts in its form, worked out again at each tap though a tap changes neither:
the site list below them grows by a row, and the form is laid out again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from imsmap.ui.wrapping_row import WrappingRow
from test_ui_support import click_region, make_window, qt_settings, spread_regions  # noqa: F401


def inspector_rows(w) -> list[WrappingRow]:
    inspector = w.site_table.inspector
    return [row for row in w.findChildren(WrappingRow)
            if row.parentWidget() is inspector or inspector.isAncestorOf(row.parentWidget())]


@pytest.fixture
def placements(monkeypatch):
    """Each time a row works its lines out, by row: its height for a width, or its items
    placed. Patched before the window is made: Qt's calls into a Python layout's methods
    find them as the layout is made (one patched later is not seen from C++)."""
    seen: list[WrappingRow] = []
    height_for_width, set_geometry = WrappingRow.heightForWidth, WrappingRow.setGeometry

    def height(self, width):
        seen.append(self)
        return height_for_width(self, width)

    def place(self, rect):
        seen.append(self)
        return set_geometry(self, rect)

    monkeypatch.setattr(WrappingRow, "heightForWidth", height)
    monkeypatch.setattr(WrappingRow, "setGeometry", place)
    return seen


def placed_per_tap(qtbot, w, regions, placements, rows):
    """Tap the first region (the list and the inspector filled the first time), then each
    other one: how many times ``rows`` were placed in each of those taps, the new site
    inspected each time."""
    click_region(qtbot, w, regions[0])
    qtbot.waitUntil(lambda: w.site_table.inspector.site is not None)
    qtbot.wait(30)
    per_tap = []
    for region in regions[1:]:
        placements.clear()
        before = len(w.edits.sites)
        click_region(qtbot, w, region)
        qtbot.waitUntil(lambda before=before: len(w.edits.sites) == before + 1)
        qtbot.wait(30)  # the layout passes the tap posted, and the paint
        assert w.site_table.inspector.site.id == max(s.id for s in w.edits.sites)
        per_tap.append(sum(1 for row in placements if row in rows))
    return per_tap


def test_a_tap_works_the_inspectors_rows_out_about_once_each(qtbot, make_window, session,
                                                             placements):
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    rows = inspector_rows(w)
    assert len(rows) == 5
    regions = spread_regions(w, 6)
    assert len(regions) == 6
    per_tap = placed_per_tap(qtbot, w, regions, placements, rows)
    # Each row filled anew at each tap (the new site) is worked out once or twice for each
    # width the column asks (the column's, less its scroll bar, the inspector's own) and
    # laid out: 32-36 times a tap for the five rows here. As layouts in the box, 70-80.
    assert max(per_tap) <= 45, per_tap


def test_a_tap_leaves_the_sessions_own_rows_alone(qtbot, make_window, session, placements):
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    panel = w.session_panel
    # its form's two rows: in the panel itself (layouts) or in a plain widget of their own
    own = [row for row in w.findChildren(WrappingRow)
           if row.parentWidget() is panel or (type(row.parentWidget()) is QWidget
                                              and row.parentWidget().parentWidget() is panel)]
    assert len(own) == 2
    regions = spread_regions(w, 6)
    per_tap = placed_per_tap(qtbot, w, regions, placements, own)
    # Nothing in them changed: 0-4 times a tap (the column laid out at another width now
    # and then). As layouts in the form, 12-14.
    assert max(per_tap) <= 6, per_tap


@pytest.mark.parametrize("width", [1440, 960])
def test_the_rows_still_wrap_and_hold_every_field(qtbot, make_window, session, width):
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.resize(width, 900)
    qtbot.wait(50)
    region = spread_regions(w, 1)[0]
    click_region(qtbot, w, region)
    inspector = w.site_table.inspector
    qtbot.waitUntil(lambda: inspector.site is not None)
    qtbot.wait(50)
    fields = [widget for widget in inspector.inputs if widget.isVisibleTo(inspector)]
    boxes = {widget: QRect(widget.mapTo(inspector, widget.rect().topLeft()), widget.size())
             for widget in fields}
    for widget, box in boxes.items():
        assert inspector.rect().contains(box), (widget.accessibleName(), box, inspector.rect())
    for a, box_a in boxes.items():
        for b, box_b in boxes.items():
            if a is not b:
                assert not box_a.intersects(box_b), (a.accessibleName(), b.accessibleName())
    grades = inspector.grasp_buttons[3]
    estim = inspector.toggles["estim"]
    same_line = boxes[grades].top() == boxes[estim].top()
    # A wide window keeps the grades and the toggles on one line; at 960 px the column is
    # narrower than that row, which goes on to a second line (as it did as a layout).
    assert same_line == (width == 1440), (width, boxes[grades], boxes[estim])
