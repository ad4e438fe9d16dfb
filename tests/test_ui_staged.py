"""The window is built in two stages (docs/performance.md, startup): the chart first, the rest
right after its first paint. Only the order changes: what touches a later part early gets it
built on the spot, and a window closed before its second stage writes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from imsmap.cli import build_parser, window_args
from imsmap.ui.main_window import DEFERRED, MainWindow
from tests.test_ui_support import qt_settings  # noqa: F401 - fixture


@pytest.fixture
def new_window(records, qtbot, qt_settings):  # noqa: F811
    made = []

    def make(**kwargs) -> MainWindow:
        w = MainWindow(records, **kwargs)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()
        w.deleteLater()
    qtbot.wait(1)


def test_the_second_stage_runs_by_itself_after_the_first_paint(new_window, qtbot):
    w = new_window()
    assert not w.built and "patients" not in w.__dict__  # only the chart and what sizes it
    w.show()
    qtbot.waitUntil(lambda: w.built, timeout=5_000)
    assert w.patients.isVisible() and w.right_tabs.isVisible()
    assert w.splitter.widget(0) is w.patients and w.splitter.widget(2) is w.right_tabs
    menus = {a.text(): a.menu() for a in w.menuBar().actions()}
    assert w.act_quit in menus["&File"].actions() and w.act_shortcuts in menus["&Help"].actions()
    assert len(w.menuBar().actions()) == 6  # filled, not added twice


def test_a_part_touched_before_the_second_stage_is_built_complete(new_window, session):
    w = new_window()  # never shown: nothing has painted
    assert not w.built
    w.patients.select_patient(session.patient_id)  # the first touch builds everything
    assert w.built
    w.patients.select_session(session.id)
    assert w.session_id == session.id and w.session_panel.editable
    assert w.act_sign.isEnabled() and w.overlay is not None


def test_actions_and_the_privacy_state_follow_the_settings_when_touched_early(
        new_window, qt_settings):  # noqa: F811
    QSettings().setValue("privacy/hide_names", True)
    QSettings().setValue("chart/labels", True)
    w = new_window()
    assert w.hide_names is True  # built on this first touch, from the settings
    assert w.act_hide.isChecked() and w.act_labels.isChecked()


def test_every_part_of_the_second_stage_is_named_in_deferred(new_window):
    w = new_window()
    before = set(w.__dict__)
    w._complete()
    added = {k for k in set(w.__dict__) - before if not k.startswith("_")}
    assert added - DEFERRED == {k for k in added if k.startswith("act_")}
    with pytest.raises(AttributeError):
        w.no_such_part  # noqa: B018 - other names are still errors


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


def test_the_window_arguments_parse_as_the_full_parser_does():
    for argv in (["--db", "x.sqlite3"], ["--demo"], [], ["--db=x", "--demo"],
                 ["--demo", "--db", "a b/ünï.sqlite3", "--demo"], ["--db", "x", "--db", "y"],
                 ["--db="]):
        assert window_args(argv) == build_parser().parse_args(argv)
    for argv in (["pdf", "--session", "1"], ["--help"], ["-h"], ["--db"], ["--bogus"],
                 ["--db", "x", "check"], ["--version"], ["--db", "--demo"], ["--dem"]):
        assert window_args(argv) is None  # left to the full parser (errors, help, commands)


def test_the_startup_backup_waits_for_the_first_paint_but_is_never_skipped(
        new_window, records, qtbot):
    from imsmap.store import backup as store_backup

    folder = store_backup.backup_dir(records.db)
    w = new_window(auto_backup=True)
    qtbot.wait(20)
    assert not any(folder.glob("*-startup.sqlite3"))  # not before the chart is on screen
    assert w.close()  # closed before that: it is made on closing, and waited for
    assert not w.backups.running and any(folder.glob("*-startup.sqlite3"))


def test_the_chart_keeps_its_place_when_the_side_panels_arrive(new_window, qtbot):
    from imsmap.ui.main_window import RIGHT_MIN_WIDTH

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


def test_the_muscle_chooser_is_built_when_first_offered(new_window, qtbot, session):
    w = new_window()
    w.show()
    qtbot.waitUntil(lambda: w.built, timeout=5_000)
    assert w.chart.view.findChild(QWidget, "regionChooser") is None
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


def test_cycle_collection_waits_for_the_window_and_is_always_back_on(monkeypatch, qapp):
    import gc

    import imsmap.ui.app as ui_app
    from imsmap.cli import main

    seen = []
    monkeypatch.setattr(ui_app, "run_app", lambda db=None, demo=False: seen.append(
        gc.isenabled()) or 0)
    assert main(["--db", "x.sqlite3"]) == 0
    assert seen == [False] and gc.isenabled()  # off for the start, on again after

    def failing(db=None, demo=False):
        raise RuntimeError("the window failed")

    monkeypatch.setattr(ui_app, "run_app", failing)
    with pytest.raises(RuntimeError):
        main(["--db", "x.sqlite3"])
    assert gc.isenabled()
    gc.disable()
    try:
        ui_app._settle_memory()  # the window is whole: the start's objects frozen, collection on
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()
