"""The chart's keys: grade, cramp, twitch and stimulation, Delete and undo, Tab and the
arrows through the sites, Enter to confirm a planned site; one tap and one key per insertion;
none on a signed session."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from test_ui_support import (  # noqa: F401 - fixtures
    click_region,
    make_window,
    pick_region,
    qt_settings,
    sites_of,
    spread_regions,
    window,
)

pytestmark = pytest.mark.both_backends


def test_keys_grade_cramp_delete_and_undo(qtbot, window, records, session):
    region = pick_region(window)
    click_region(qtbot, window, region)
    view = window.chart.view
    qtbot.keyClick(view, Qt.Key.Key_2)
    qtbot.keyClick(view, Qt.Key.Key_C)
    (site,) = sites_of(records, session)
    assert site.grasp == 2 and site.cramp is True
    assert window.site_table.item(0, 3).text().startswith("2")

    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert sites_of(records, session) == []
    assert window.chart.scene.marker(site.id) is None
    assert window.site_table.rowCount() == 0

    window.undo_stack.undo()  # the removal
    (back,) = sites_of(records, session)
    assert back.id == site.id and back.grasp == 2 and back.cramp is True
    assert window.chart.scene.marker(site.id) is not None

    window.undo_stack.undo()  # cramp
    window.undo_stack.undo()  # grasp
    (site,) = sites_of(records, session)
    assert site.grasp is None and site.cramp is False
    window.undo_stack.undo()  # the site itself
    assert sites_of(records, session) == []
    window.undo_stack.redo()
    assert [s.id for s in sites_of(records, session)] == [back.id]


def test_keys_in_the_site_list_act_on_the_selected_row(qtbot, window, records, session):
    region = pick_region(window)
    click_region(qtbot, window, region)
    window.site_table.setFocus()
    qtbot.keyClick(window.site_table, Qt.Key.Key_3)
    assert sites_of(records, session)[0].grasp == 3


# -- fast entry: one tap and one key per insertion ------------------------------------------

def test_keys_t_and_e_toggle_twitch_and_stimulation_one_undo_step_each(qtbot, window, records,
                                                                        session):
    click_region(qtbot, window, pick_region(window))
    view = window.chart.view
    depth = window.undo_stack.count()
    qtbot.keyClick(view, Qt.Key.Key_T)
    qtbot.keyClick(view, Qt.Key.Key_E)
    (site,) = sites_of(records, session)
    assert site.twitch is True and site.estim is True
    assert window.undo_stack.count() == depth + 2
    assert "twitch" in window.statusBar().currentMessage()
    window.undo_stack.undo()
    (site,) = sites_of(records, session)
    assert site.twitch is True and site.estim is False
    qtbot.keyClick(view, Qt.Key.Key_T)  # toggles back off
    (site,) = sites_of(records, session)
    assert site.twitch is False


def test_tab_shift_tab_and_arrows_step_through_the_sites_in_order(qtbot, window, records,
                                                                  session):
    for region in spread_regions(window, 3):
        click_region(qtbot, window, region)
    ids = [s.id for s in sites_of(records, session)]
    assert len(ids) == 3
    view = window.chart.view
    view.setFocus()
    assert window.edits.selected_site_id() == ids[2]
    qtbot.keyClick(view, Qt.Key.Key_Right)  # the arrows wrap: to the first
    assert window.chart.selected_site_id() == ids[0]
    assert window.site_table.selected_site_id() == ids[0]
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert window.edits.selected_site_id() == ids[1]
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert window.edits.selected_site_id() == ids[0]
    qtbot.keyClick(view, Qt.Key.Key_Up)  # wraps to the last
    assert window.edits.selected_site_id() == ids[2]
    assert view.hasFocus()  # Tab did not wander off to another widget
    # Tab past the last site moves the focus on (the selection stays): it wrapped round, and
    # a keyboard user could never leave the chart for the pain scores and notes.
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert not view.hasFocus() and window.edits.selected_site_id() == ids[2]
    # The same keys in the list, which the chart follows; a key then grades that site.
    table = window.site_table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # wraps to the first
    assert table.selected_site_id() == ids[0] and window.chart.selected_site_id() == ids[0]
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    qtbot.keyClick(table, Qt.Key.Key_2)
    assert [s.grasp for s in sites_of(records, session)] == [None, 2, None]
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert not table.hasFocus() and table.selected_site_id() == ids[0]  # out before the first


def test_enter_confirms_a_planned_site_and_a_grade_confirms_it_too(qtbot, window, records,
                                                                   session):
    a, b = spread_regions(window, 2)
    vid = window.chart.view_id
    for region in (a, b):
        records.add_site(session.id, vid, *region.label, muscle_id=region.muscle,
                         side=region.side, layer=region.layer, level=region.level, planned=True)
    first, second = sites_of(records, session)
    view = window.chart.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert window.edits.selected_site_id() == first.id
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert records.repo.site(first.id).planned is False
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_3)  # grading a planned site records it: one key, one step
    site = records.repo.site(second.id)
    assert (site.planned, site.grasp) == (False, 3)
    window.undo_stack.undo()
    site = records.repo.site(second.id)
    assert (site.planned, site.grasp) == (True, None)
    window.undo_stack.undo()
    assert records.repo.site(first.id).planned is True


def test_keys_on_a_signed_session_change_nothing(qtbot, window, records, session):
    click_region(qtbot, window, pick_region(window))
    records.sign_session(session.id)
    qtbot.keyClick(window.chart.view, Qt.Key.Key_T)
    (site,) = sites_of(records, session)
    assert site.twitch is False
    assert "signed" in window.statusBar().currentMessage()


def test_a_session_of_25_insertions_by_tap_and_one_key_each(qtbot, window, records, session):
    """Issue 4's "done when": 25 taps, one key each, 25 graded sites."""
    done = 0
    for view_id in ("anterior", "posterior"):
        window.chart.set_view(view_id)
        for region in spread_regions(window, 25 - done):
            click_region(qtbot, window, region)
            qtbot.keyClick(window.chart.view, Qt.Key.Key_0 + done % 4)
            done += 1
    assert done == 25
    sites = sites_of(records, session)
    assert len(sites) == 25
    assert [s.seq for s in sites] == list(range(1, 26))
    assert [s.grasp for s in sites] == [i % 4 for i in range(25)]
    assert window.site_table.rowCount() == 25
    assert window.undo_stack.count() == 50


def test_a_grade_key_on_a_signed_session_says_it_is_signed(qtbot, window, records, session):
    """The window knows the session is signed: the key's refusal says so, and how to correct
    it, rather than "signed (or the database is read-only)"."""
    region = pick_region(window)
    click_region(qtbot, window, region)
    (site,) = sites_of(records, session)
    records.sign_session(session.id)
    window.refresh_all()
    window.edits.select_site(site.id)
    for key in (Qt.Key.Key_2, Qt.Key.Key_C):
        window.statusBar().clearMessage()
        qtbot.keyClick(window.chart.view, key)
        said = window.statusBar().currentMessage()
        assert said.startswith("This session is signed: its sites cannot change.") and \
            "read-only" not in said and "Add amendment…" in said, said
    assert sites_of(records, session)[0].grasp == site.grasp

