"""The window used from the keyboard and through a screen reader: where the keys go when it
opens, and the names a screen reader says for the controls a clinician uses most (a placeholder,
a tooltip or a bare digit on a button is not a name)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
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


def test_the_controls_used_most_have_names_a_screen_reader_says(window):
    w = window
    d = w.site_table.inspector
    names = {
        w.patients.search: "Find a patient",
        w.patients.patients: "Patients",
        w.patients.sessions: "Sessions",
        w.chart.view: "Body chart",
        w.chart.search: "Find a muscle",
        w.site_table: "Sites",
        w.session_panel.complaint: "Complaint",
        w.session_panel.pain_before: "Pain before",
        w.session_panel.pain_after: "Pain after",
        d.muscle: "Muscle",
        d.preset: "Needle",
        d.diameter: "Needle diameter",
        d.length: "Needle length",
        d.depth: "Depth",
        d.notes: "Notes on this insertion",
        w.history_bar.first: "First visit",
        w.history_bar.prev: "Previous visit",
        w.history_bar.next: "Next visit",
        w.history_bar.last: "Latest visit",
    }
    for widget, name in names.items():
        assert said(widget).startswith(name), (type(widget).__name__, said(widget), name)


def test_grade_buttons_say_the_grade_and_its_word(window):
    buttons = window.site_table.inspector.grasp_buttons
    # They said "0", "1", "2", "3": a number without what it grades.
    assert [said(buttons[g]) for g in range(4)] == [
        "Grasp 0 none", "Grasp 1 mild", "Grasp 2 moderate", "Grasp 3 strong"]
    assert said(buttons[-1]) == "Not graded"


# -- a site on a muscle found by name, without a pointer ------------------------------------

def _find(qtbot, chart, text: str) -> None:
    chart.view.setFocus()
    qtbot.keyClick(chart.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(chart.search, text)
    qtbot.keyClick(chart.search, Qt.Key.Key_Return)
    assert chart.view.hasFocus()


def test_a_muscle_found_by_name_is_added_graded_and_cramped_from_the_keys(qtbot, window):
    w = window
    chart = w.chart
    chart.set_view("anterior")
    _find(qtbot, chart, "GMed")
    assert chart.view_id == "posterior"
    assert "press L or R" in chart.hint.text()
    # Enter does not guess a side: it says which keys choose it, and adds nothing.
    qtbot.keyClick(chart.view, Qt.Key.Key_Return)
    assert w.records.repo.sites_for_session(w.session_id) == []
    assert "both sides" in chart.hint.text()
    # It was "Select a site first: tap its marker...", and no key added the site.
    qtbot.keyClick(chart.view, Qt.Key.Key_R)
    (site,) = w.records.repo.sites_for_session(w.session_id)
    assert (site.muscle_id, site.side.value) == ("gluteus_medius", "R")
    assert chart.selected_site_id() == site.id and chart.view.hasFocus()
    assert chart.scene.search_highlight == frozenset()
    # The promise: one key grades it, one marks a cramp.
    qtbot.keyClick(chart.view, Qt.Key.Key_2)
    qtbot.keyClick(chart.view, Qt.Key.Key_C)
    (site,) = w.records.repo.sites_for_session(w.session_id)
    assert site.grasp == 2 and site.cramp


def test_enter_adds_a_muscle_drawn_once_and_a_level_is_never_guessed(qtbot, window, atlas):
    w = window
    chart = w.chart
    # a muscle the view and layer draw as one region (no side to choose)
    view_id, layer, muscle = next(
        (v.id, r.layer, r.muscle) for v in atlas.views.values() for r in v.regions
        if sum(1 for o in v.regions if o.muscle == r.muscle and o.layer == r.layer) == 1)
    chart.set_view(view_id)
    chart.set_layer(layer)
    assert chart.show_muscle(muscle)
    assert "press Enter" in chart.hint.text()
    qtbot.keyClick(chart.view, Qt.Key.Key_Return)
    (site,) = w.records.repo.sites_for_session(w.session_id)
    assert site.muscle_id == muscle and site.view_id == view_id
    # Multifidus on the spinal chart: a region at every level on each side.
    chart.set_view("spinal")
    chart.set_layer(next(r.layer for r in atlas.view("spinal").regions
                         if r.muscle == "multifidus"))
    assert chart.show_muscle("multifidus")
    qtbot.keyClick(chart.view, Qt.Key.Key_L)
    assert len(w.records.repo.sites_for_session(w.session_id)) == 1
    assert "several levels" in chart.hint.text()


def test_in_french_the_side_keys_are_the_side_buttons_letters(qtbot, qapp, make_window, session):
    from imsmap import i18n

    i18n.install(qapp, "fr_CA")
    try:
        w = make_window(patient_id=session.patient_id, session_id=session.id)
        chart = w.chart
        chart.set_view("posterior")
        assert chart.show_muscle("gluteus_medius")
        assert "G ou D" in chart.hint.text()
        qtbot.keyClick(chart.view, Qt.Key.Key_G)  # gauche: the patient's left
        (site,) = w.records.repo.sites_for_session(w.session_id)
        assert site.side.value == "L"
        assert w.site_table.inspector.side_buttons["L"].text() == "G"
    finally:
        i18n.install(qapp, "en")


# -- the guide's table of keys and Help > Keyboard shortcuts --------------------------------

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "user-guide.md"
KEY = re.compile(r"(Ctrl|Shift|Alt)\+.+|F\d+|[A-Z0-9]|Esc|Enter|Tab|Del|Backspace")


def guide_keys() -> list[str]:
    """Every key named in the keys column of the guide's "Every shortcut" table."""
    table = GUIDE.read_text(encoding="utf-8").split("## Every shortcut", 1)[1]
    keys = []
    for line in table.splitlines():
        cells = line.split(" | ")
        if not line.startswith("| ") or len(cells) < 2 or cells[0] in ("| Keys", "| ---"):
            continue
        cell = re.sub(r"\(.*?\)", "", cells[0][2:])  # "(a muscle found with Ctrl+F lit)"
        keys += [t for t in re.split(r" / |, | or |…| ", cell) if KEY.fullmatch(t.strip())]
    return keys


def test_every_key_in_the_guides_table_is_in_the_shortcuts_dialog_and_works(window):
    from imsmap.ui.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    listed = " | ".join(keys for keys, _ in dialog.rows())
    keys = guide_keys()
    assert {"Ctrl+Shift+S", "Ctrl+Q", "T", "Ctrl+F", "Ctrl+Shift+Z"} <= set(keys)
    # T, E, Enter, Tab, Ctrl+F were not in the dialog; Quit had no key and Redo only Ctrl+Y
    # where Qt's standard keys are Windows' (Ctrl+Q and Ctrl+Shift+Z did nothing there).
    assert [k for k in keys if k not in listed] == []
    assert QKeySequence("Ctrl+Q") in window.menus.act_quit.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in window.menus.act_redo.shortcuts()
    dialog.deleteLater()


def test_the_shortcuts_dialog_follows_the_menus_and_lists_the_charts_in_key_order(window):
    # Sorted by name, the charts' keys came Ctrl+1, Ctrl+6, Ctrl+7, Ctrl+8, Ctrl+9, Ctrl+4,
    # Ctrl+2, Ctrl+5, Ctrl+3 ("Chart: Anterior", "Chart: Feet, dorsal" ...), and File's keys
    # were mixed with View's. Now menu by menu, each in the menu's own order.
    from imsmap.ui.shortcuts import ShortcutsDialog, plain_action_text

    dialog = ShortcutsDialog(window)
    menus = [plain_action_text(a) for a in window.menuBar().actions() if a.menu() is not None]
    titles = dialog.section_titles()
    in_menus = [t for t in titles if t in menus]
    assert in_menus == [m for m in menus if m in in_menus] and len(in_menus) >= 3
    assert titles[-2:] == ["On the chart and the site list", "Lock screen"]
    charts = [k for k, text in dialog.rows() if text.startswith("Chart: ")]
    assert charts == [f"Ctrl+{n}" for n in range(1, len(charts) + 1)] and len(charts) >= 5
    dialog.deleteLater()
