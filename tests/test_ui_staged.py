"""The window is built in two steps (ui.main_window): the chart first, the rest (`build_rest`)
right after its first paint. Only the order changes: code that needs a later part early calls
`build_rest()` and gets the whole window, and a window closed before step 2 writes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from tests.test_ui_support import qt_settings  # noqa: F401 - fixture

from imsmap.ui.main_window import MainWindow


@pytest.fixture
def new_window(context, qtbot, qt_settings):  # noqa: F811
    made = []

    def make(**kwargs) -> MainWindow:
        w = MainWindow(context, **kwargs)
        w.resize(1440, 900)  # as on a screen that has room for it (test_ui_support.show_window)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()
        w.deleteLater()
    qtbot.wait(1)


def test_step_two_runs_by_itself_after_the_first_paint(new_window, qtbot):
    w = new_window()
    assert not w.built and not hasattr(w, "patients")  # only the chart and what sizes it
    w.show()
    qtbot.waitUntil(lambda: w.built, timeout=5_000)
    assert w.patients.isVisible() and w.right_tabs.isVisible()
    assert w.splitter.widget(0) is w.patients and w.splitter.widget(2) is w.right_tabs
    menus = {a.text(): a.menu() for a in w.menuBar().actions()}
    assert w.menus.act_quit in menus["&File"].actions() and w.menus.act_shortcuts in menus["&Help"].actions()
    assert len(w.menuBar().actions()) == 7  # filled, not added twice (with Patient)


def test_a_window_built_early_by_its_named_step_is_complete(new_window, session, qtbot):
    w = new_window()  # never shown: nothing has painted
    assert not w.built
    completed = []
    w.completed.connect(lambda: completed.append(True))
    w.build_rest()
    assert w.built and completed == [True]
    w.build_rest()  # once: a second call builds nothing twice
    assert completed == [True] and len(w.menuBar().actions()) == 7
    w.patients.select_patient(session.patient_id)
    w.patients.select_session(session.id)
    assert w.session_id == session.id and w.session_panel.editable
    assert w.menus.act_sign.isEnabled() and w.overlay is not None
    assert w.chart.search is not None and w.chart.chooser is not None
    w.show()
    qtbot.wait(400)  # the first paint and the shown-window fallback: nothing built again
    assert completed == [True] and len(w.menuBar().actions()) == 7


def test_actions_and_the_privacy_state_follow_the_settings_when_built_early(
        new_window, qt_settings):  # noqa: F811
    QSettings().setValue("privacy/hide_names", True)
    QSettings().setValue("chart/labels", True)
    w = new_window()
    w.build_rest()
    assert w.hide_names is True  # read from the settings by step 2
    assert w.menus.act_hide.isChecked() and w.menus.act_labels.isChecked()


def test_a_tap_on_the_chart_before_step_two_changes_nothing(new_window, records, session,
                                                             qtbot):
    w = new_window()
    changes = records.db.conn.total_changes
    chart = w.chart
    view = chart.atlas.view(chart.view_id)
    region = next(r for r in view.regions if r.layer == chart.layer)
    chart.regionClicked.emit(region, *region.label)  # no session panel yet: nothing to add to
    assert not chart.offer_choices_at(chart.scene_to_viewport(*region.label))
    assert records.db.conn.total_changes == changes and not w.built


def test_closed_before_the_second_stage_nothing_is_written(new_window, records, session,
                                                            qt_settings):  # noqa: F811
    settings = QSettings()
    settings.setValue("privacy/hide_names", True)
    settings.setValue("overlay/last_n", 7)
    settings.setValue("chart/labels", True)
    settings.sync()
    before = {k: settings.value(k) for k in settings.allKeys()}
    changes = records.db.conn.total_changes
    w = new_window()
    assert w.close()
    assert not w.built  # closing did not build it either
    after = QSettings()
    assert {k: after.value(k) for k in after.allKeys()} == before
    assert records.db.conn.total_changes == changes
    assert records.repo.session(session.id) == session


def test_the_startup_backup_waits_for_the_first_paint_but_is_never_skipped(
        new_window, records, session, qtbot):
    """Closed before its first paint, the window starts no full backup (the next start makes
    one; closing never waits for a copy) but brings the journal up to date."""
    from imsmap.store import backup as store_backup
    from imsmap.store import backup_sets, journal

    folder = store_backup.backup_dir(records.db)
    made = backup_sets.make_full(records.db)
    records.sign_session(session.id)  # written after the full backup
    w = new_window(auto_backup=True)
    qtbot.wait(20)
    assert len(journal.read(made.journal)) == 1  # not before the chart is on screen
    assert w.close()  # closed before that: the journal record is written on closing
    assert not w.backups.running and backup_sets.sets(folder) == [made]
    assert journal.read(made.journal)[-1].signed == (session.id,)


def test_the_chart_keeps_its_place_when_the_side_panels_arrive(new_window, qtbot):
    from imsmap.ui.window_layout import RIGHT_MIN_WIDTH

    w = new_window()
    w.show()  # laid out: what the first frame shows
    before = (w.chart.mapTo(w, QPoint(0, 0)), w.chart.size())
    assert not w.built
    qtbot.waitUntil(lambda: w.built, timeout=5_000)
    qtbot.wait(50)  # the splitter has taken the tabs' minimum width, if it had to
    assert w.right_tabs.minimumSizeHint().width() <= RIGHT_MIN_WIDTH
    assert (w.chart.mapTo(w, QPoint(0, 0)), w.chart.size()) == before  # no jump of the chart


def test_the_chart_search_box_comes_right_after_the_first_paint(new_window, qtbot):
    w = new_window()
    view = w.chart.view
    assert view.findChild(QLineEdit, "chartSearch") is None  # not needed to see the chart
    w.show()
    qtbot.waitUntil(lambda: w.built, timeout=5_000)
    box = view.findChild(QLineEdit, "chartSearch")
    assert box is w.chart.search and box.isVisible()
    assert box.x() == 8 and box.geometry().bottom() == view.viewport().height() - 9  # its corner
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert box.hasFocus()


def test_the_muscle_chooser_comes_with_step_two_and_is_offered(new_window, qtbot, session):
    w = new_window()
    assert w.chart.view.findChild(QWidget, "regionChooser") is None
    w.show()
    qtbot.waitUntil(lambda: w.built, timeout=5_000)
    w.patients.select_patient(session.patient_id)
    w.patients.select_session(session.id)
    chart = w.chart
    chart.set_view("posterior")
    view = chart.atlas.view("posterior")
    # A point with more than one muscle under it: the chooser offers them.
    from imsmap.ui.region_chooser import regions_here

    point = next((r.label for r in view.regions
                  if r.layer == chart.layer and regions_here(view, *r.label, besides=r)), None)
    assert point is not None
    assert chart.offer_choices_at(chart.scene_to_viewport(*point))
    assert chart.chooser.isVisible() and chart.chooser.objectName() == "regionChooser"
    assert w.chart.view.findChild(QWidget, "regionChooser") is chart.chooser
