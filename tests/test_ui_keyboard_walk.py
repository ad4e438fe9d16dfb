"""A clinic day without a pointer (gloves on, or a screen reader): what the keyboard walk of
5 December found a keyboard user could not do or could not see, through the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QApplication

from test_ui_support import (  # noqa: F401 - fixtures
    answer_boxes,
    click_region,
    make_window,
    pick_region,
    qt_settings,
    sign_through_dialog,
    window,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def sites(w):
    return w.records.repo.sites_for_session(w.session_id)


# -- a site at a spinal level, from the keys ---------------------------------------------------

def test_a_spinal_level_typed_after_the_name_is_lit_and_added_with_a_side_key(qtbot, window):
    w = window
    chart = w.chart
    chart.set_view("anterior")
    chart.view.setFocus()
    qtbot.keyClick(chart.view, Qt.Key.Key_F, CTRL)
    # "Multifidus is drawn at several levels here: tap the level you needled": no key could
    # add a site at a level, on the chart an IMS clinician uses most.
    qtbot.keyClicks(chart.search, "multifidus l4")
    assert chart.search.match_texts()[0] == "Multifidus L4"
    qtbot.keyClick(chart.search, Qt.Key.Key_Return)
    assert chart.view.hasFocus()
    assert "press L or R" in chart.hint.text()
    qtbot.keyClick(chart.view, Qt.Key.Key_R)
    (site,) = sites(w)
    assert (site.muscle_id, site.side.value, site.level) == ("multifidus", "R", "L4")
    qtbot.keyClick(chart.view, Qt.Key.Key_1)
    assert sites(w)[0].grasp == 1


def test_the_spinal_chart_is_kept_when_it_draws_the_level(qtbot, window):
    w = window
    chart = w.chart
    chart.set_view("spinal")
    chart.focus_search()
    qtbot.keyClicks(chart.search, "rotatores T7")
    qtbot.keyClick(chart.search, Qt.Key.Key_Return)
    assert chart.view_id == "spinal"
    qtbot.keyClick(chart.view, Qt.Key.Key_L)
    (site,) = sites(w)
    assert (site.muscle_id, site.side.value, site.level, site.view_id) == (
        "rotatores", "L", "T7", "spinal")


def test_a_level_no_chart_draws_for_that_muscle_is_not_offered(qtbot, window):
    chart = window.chart
    chart.focus_search()
    qtbot.keyClicks(chart.search, "multifidus T40")
    assert "Multifidus T40" not in chart.search.match_texts()
    # a name alone still finds the muscle, every level lit as before
    chart.search.clear()
    qtbot.keyClicks(chart.search, "multifidus")
    assert chart.search.match_texts()[0] == "Multifidus"
    qtbot.keyClick(chart.search, Qt.Key.Key_Return)
    # and the hint says how to take a level from the keys
    assert "type the level after the name" in chart.hint.text()
    qtbot.keyClick(chart.view, Qt.Key.Key_R)
    assert "(Ctrl+F: Multifidus L4)" in chart.hint.text() and sites(window) == []


def test_the_site_inspectors_muscle_box_offers_no_levels(qtbot, window, atlas):
    box = window.site_table.inspector.muscle
    box.setText("")
    box.show_matches("multifidus L4")
    assert "Multifidus L4" not in box.match_texts()


# -- where the keys are: the chart shows it has them -------------------------------------------

def _ring_pixels(view) -> set[str]:
    """The colours along the chart's left edge, a pixel in (where the ring is drawn)."""
    image = view.viewport().grab().toImage()
    return {image.pixelColor(1, y).name() for y in range(20, image.height() - 60, 10)}


def test_the_chart_shows_a_ring_while_it_has_the_keys_and_not_after_a_tap(qtbot, window):
    w = window
    view = w.chart.view
    highlight = view.palette().color(view.palette().ColorRole.Highlight).name()
    w.patients.search.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: w.patients.search.hasFocus())
    assert highlight not in _ring_pixels(view)
    # Tab (or Ctrl+F's Enter, or a new session) gives the chart the keys: it had no frame, and
    # nothing on the screen said where a grade key would go.
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: view.hasFocus())
    assert _ring_pixels(view) == {highlight}
    # a tap: the pointer says where it acted, no ring
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.viewport().rect().center())
    assert view.hasFocus() and highlight not in _ring_pixels(view)


# -- Tab follows the screen, and every stop has a name -----------------------------------------

def tab_walk(qtbot, w, start, steps: int = 150) -> list:
    """The widgets Tab reaches from `start`, in turn, until it comes back to `start`."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    seen = []
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is start:
            return seen
        seen.append(now)
    raise AssertionError(f"Tab never came back to {start}: {seen[-5:]}")


def test_tab_goes_through_the_columns_left_to_right_and_down_the_chart(qtbot, window):
    w = window
    w.chart.set_view("posterior")  # a chart with four layer buttons
    click_region(qtbot, w, pick_region(w))  # a site open: the inspector's fields take part
    stops = tab_walk(qtbot, w, w.patients.search)
    chart_column = w.chart.parentWidget()

    def column(x) -> int:
        return next(i for i, c in enumerate((w.patients, chart_column, w.right_tabs))
                    if c.isAncestorOf(x))

    # It went patients, then the session's column, then the chart, then the visits under it,
    # and the chart's layer buttons and muscle search came last of all.
    columns = [column(x) for x in stops]
    assert columns == sorted(columns), [type(x).__name__ for x in stops]
    middle = [x for x in stops if column(x) == 1]
    assert middle[0] is w.chart.tabs
    # the layers are one group: Tab stops on the one shown (the arrows go to the others)
    shown = w.chart.layer_group.checkedButton()
    assert middle.index(w.chart.tabs) < middle.index(shown) < middle.index(w.chart.view)
    assert middle.index(w.chart.view) < middle.index(w.chart.search) < middle.index(
        w.history_bar.show_earlier)
    # down the chart's column, row by row (a row's widgets may differ by a pixel or two)
    rows = [x.mapTo(w, x.rect().center()).y() for x in middle]
    assert all(b >= a - 8 for a, b in zip(rows, rows[1:])), rows
    # the photos' button, at the column's foot, after the site's fields
    right = [x for x in stops if column(x) == 2]
    inspector = w.site_table.inspector
    assert right.index(inspector.notes) < right.index(w.photo_strip.add_button)


def said(widget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


def test_every_stop_of_tab_on_each_right_tab_has_a_name_a_screen_reader_says(qtbot, window):
    w = window
    w.chart.set_view("posterior")
    click_region(qtbot, w, pick_region(w))
    unnamed = set()
    for tab in range(w.right_tabs.count()):
        w.right_tabs.setCurrentIndex(tab)
        for x in tab_walk(qtbot, w, w.patients.search):
            # a letter or a digit is not a name ("L", "R", "M" on the side buttons)
            if len(said(x)) < 3:
                unnamed.add(f"{type(x).__name__} {x.objectName()} {said(x)!r}")
    # The session's column and the consent tab's scroll areas were stops with no name and no
    # focus to see; the progress tab's visit list and its grid had no name.
    assert unnamed == set()


# -- Escape closes a dialog and changes nothing ------------------------------------------------

def escape_from_dialog(qtbot, trigger, fill, asks: bool = False) -> list[str]:
    """Open a dialog with `trigger`, type into it (`fill`), press Escape: [the dialog's class]
    if Escape closed it. `asks`: a dialog holding what was typed asks first (ui.typed_guard),
    answered Discard."""
    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        fill(dialog)
        said: list[str] = []
        boxes = answer_boxes(["Discard"] if asks else [], said)
        try:
            qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
        finally:
            boxes.stop()
        assert len(said) == (1 if asks else 0), said
        if dialog.isVisible():  # not closed: close it, for the test to go on and fail
            dialog.reject()
        else:
            seen.append(type(dialog).__name__)

    QTimer.singleShot(0, answer)
    trigger()
    assert QApplication.activeModalWidget() is None
    return seen


def test_escape_closes_the_day_s_dialogs_without_a_change_to_the_record(qtbot, window):
    # A dialog holding what was typed asks first (French walk of 6 December: a new patient
    # typed in went with one Escape); Discard closes it, the record unchanged.
    w = window
    repo = w.records.repo
    patients = len(repo.search_patients(""))

    def new_patient(d):
        qtbot.keyClicks(d.family_name, "Tremblay")
        qtbot.keyClicks(d.given_name, "Luc")
        qtbot.keyClicks(d.birth_date, "1970-01-01")

    assert escape_from_dialog(qtbot, w.menus.act_new_patient.trigger, new_patient,
                              asks=True) == ["PatientDialog"]
    assert len(repo.search_patients("")) == patients

    def sign(d):
        qtbot.keyClick(d.confirm, Qt.Key.Key_Space)
        assert d.sign_button.isEnabled()

    assert escape_from_dialog(qtbot, w.menus.act_sign.trigger, sign) == ["SignDialog"]
    assert not repo.session(w.session_id).is_signed

    sign_through_dialog(qtbot, w)

    def amend(d):
        qtbot.keyClicks(d.reason, "Typo")
        qtbot.keyClicks(d.text, "Depth was 30 mm")

    assert escape_from_dialog(qtbot, w.menus.act_amend.trigger, amend,
                              asks=True) == ["AmendDialog"]
    assert repo.amendments(w.session_id) == []


def test_the_shortcuts_dialog_names_undo_by_what_it_does_not_by_the_last_change(qtbot, window):
    from imsmap.ui.shortcuts import ShortcutsDialog

    w = window
    w.chart.set_view("posterior")
    click_region(qtbot, w, pick_region(w))
    qtbot.keyClick(w.chart.view, Qt.Key.Key_C)
    assert "cramp" in w.menus.act_undo.text()  # the menu names the change: right there
    dialog = ShortcutsDialog(w)
    rows = dict(dialog.rows())
    # F1 after a cramp said "Ctrl+Z  Undo cramp of site 1" ("Annuler crampe du point 1")
    assert rows[QKeySequence("Ctrl+Z").toString(QKeySequence.SequenceFormat.NativeText)] == (
        "Undo the last change")
    assert "Redo what was undone" in rows.values()
    dialog.deleteLater()


def test_the_sign_dialog_shows_where_the_keys_are_and_tabs_as_on_the_screen(qtbot, window):
    seen = {}

    def look():
        dialog = QApplication.activeModalWidget()
        try:
            qtbot.wait(50)
            # Qt draws a focus frame only in a window where the focus moved by the keys:
            # opened with Ctrl+Shift+S, the box had the keys and no frame (Space would tick it
            # unseen).
            seen["frame"] = dialog.confirm.hasFocus() and dialog.testAttribute(
                Qt.WidgetAttribute.WA_KeyboardFocusChange)
            qtbot.keyClick(dialog.confirm, Qt.Key.Key_Space)
            qtbot.keyClick(dialog.confirm, Qt.Key.Key_Tab)
            seen["after box"] = dialog.focusWidget() is dialog.sign_button  # Cancel came first
        finally:
            dialog.reject()

    QTimer.singleShot(0, look)
    window.menus.act_sign.trigger()
    assert seen == {"frame": True, "after box": True}
