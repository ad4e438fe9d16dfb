"""Earlier sessions on the chart and the Progress tab: which sessions a choice draws (numbers),
what the rendered scene shows at an earlier site (pixels), the heat map, the timeline and replay,
and a muscle chosen in the progress grid lit on the chart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from imsmap.domain.models import Session, SessionStatus
from imsmap.domain.progress import History, drafts_not_drawn
from imsmap.render.overlay import EARLIER_SCALE, age_fade, faded_style
from imsmap.ui.history_bar import OverlayChoice, OverlayMode
from imsmap.ui.history_overlay import (
    EARLIER_BOOST,
    Z_HISTORY,
    HistoryOverlayItem,
    ages_of,
    sessions_to_draw,
)
from imsmap.ui.progress.progress_panel import Deferred
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

START = datetime(2026, 9, 1, 9, 0)


def _sessions(n: int) -> list[Session]:
    """n weekly visits, signed."""
    return [Session(id=10 + i, patient_id=1, started_at=START + timedelta(days=7 * i),
                    atlas_version="t", status=SessionStatus.SIGNED) for i in range(n)]


# -- which sessions (pure) ----------------------------------------------------------------
def test_last_n_draws_the_sessions_just_before_the_open_one():
    s = _sessions(6)  # ids 10..15
    assert sessions_to_draw(s, 15, OverlayChoice(OverlayMode.LAST, last_n=3)) == [12, 13, 14]
    assert sessions_to_draw(s, 13, OverlayChoice(OverlayMode.LAST, last_n=3)) == [10, 11, 12]
    assert sessions_to_draw(s, 10, OverlayChoice(OverlayMode.LAST, last_n=3)) == []
    assert sessions_to_draw(list(reversed(s)), 15, OverlayChoice(OverlayMode.LAST, last_n=1)) == [14]
    assert sessions_to_draw(s, None, OverlayChoice(OverlayMode.LAST, last_n=2)) == [14, 15]


def test_a_date_range_and_picked_sessions_never_draw_later_visits():
    s = _sessions(6)
    rng = OverlayChoice(OverlayMode.RANGE, date_from=date(2026, 9, 8), date_to=date(2026, 9, 22))
    assert sessions_to_draw(s, 15, rng) == [11, 12, 13]
    assert sessions_to_draw(s, 12, rng) == [11]
    picked = OverlayChoice(OverlayMode.PICKED, picked=frozenset({10, 13, 15}))
    assert sessions_to_draw(s, 15, picked) == [10, 13]
    assert sessions_to_draw(s, 12, picked) == [10]


def test_a_draft_is_never_drawn_nor_aged_as_an_earlier_visit():
    """Visits 10, 11 and 13 signed; 12 a draft left unsigned (or in progress in another room);
    14 today's draft. Last time is 13, the visit before it 11; picked or in a date range, the
    draft is not drawn either, and with no session open it is no "last time"."""
    s = _sessions(5)
    s[2] = replace(s[2], status=SessionStatus.DRAFT)
    s[4] = replace(s[4], status=SessionStatus.DRAFT)
    last = OverlayChoice(OverlayMode.LAST, last_n=3)
    assert sessions_to_draw(s, 14, last) == [10, 11, 13]
    assert sessions_to_draw(s, 14, OverlayChoice(OverlayMode.LAST, last_n=1)) == [13]
    assert sessions_to_draw(s, 14, OverlayChoice(OverlayMode.PICKED,
                                                 picked=frozenset({12, 13}))) == [13]
    assert sessions_to_draw(s, 14, OverlayChoice(OverlayMode.RANGE, date_from=date(2026, 9, 1),
                                                 date_to=date(2026, 9, 29))) == [10, 11, 13]
    assert sessions_to_draw(s, None, OverlayChoice(OverlayMode.LAST, last_n=1)) == [13]
    history = History.of(s, {})
    assert ages_of(history, 14) == {13: 1, 11: 2, 10: 3}  # "last time" is the signed 13
    assert ages_of(history, None) == {13: 1, 11: 2, 10: 3}
    assert [x.id for x in drafts_not_drawn(s, 14)] == [12]
    assert [x.id for x in drafts_not_drawn(s, None)] == [12, 14]
    assert [x.id for x in drafts_not_drawn(s, 13)] == [12]
    assert drafts_not_drawn(s, 11) == []


# -- the window ---------------------------------------------------------------------------
def large_regions(atlas, view_id="posterior", n=2):
    """Large regions of a view, by their label points (clear of each other)."""
    view = atlas.view(view_id)
    found = []
    for r in sorted(view.regions, key=lambda r: -r.area):
        x, y = r.label
        if r.layer == "superficial" and r.contains(x, y) and all(
                abs(x - fx) + abs(y - fy) > 200 for fx, fy, _ in found):
            found.append((x, y, r))
        if len(found) == n:
            return found
    raise AssertionError("not enough regions")


@pytest.fixture
def visits(records, patient, atlas):
    """Four weekly visits: the same muscle grasping 3, 2, 1 at A; a site at B only in visit 1;
    the first three signed, the fourth (today's draft) has one site at B."""
    (ax, ay, ra), (bx, by, rb) = large_regions(atlas)
    ids = []
    for i, grade in enumerate((3, 2, 1, None)):
        s = records.start_session(patient.id, started_at=START + timedelta(days=7 * i),
                                  practitioner="J. Physio")
        ids.append(s.id)
        if grade is not None:
            site = records.add_site(s.id, "posterior", ax, ay, muscle_id=ra.muscle,
                                    side=ra.side, layer=ra.layer, level=ra.level)
            records.update_site(site.id, grasp=grade)
        if i in (0, 3):
            site = records.add_site(s.id, "posterior", bx, by, muscle_id=rb.muscle,
                                    side=rb.side, layer=rb.layer, level=rb.level)
            records.update_site(site.id, grasp=3 if i == 0 else 0)
        if i < 3:  # the earlier visits are signed: a draft is never drawn as one
            records.sign_session(s.id)
    return {"ids": ids, "a": (ax, ay, ra), "b": (bx, by, rb)}


@pytest.fixture
def hwin(make_window, visits, patient):
    w = make_window()
    w.patients.select_patient(patient.id)
    w.patients.select_session(visits["ids"][-1])
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    assert w.session_id == visits["ids"][-1]
    return w


def render_chart(w) -> tuple[QImage, QRectF]:
    scene = w.chart.scene
    rect = scene.sceneRect()
    image = QImage(int(rect.width() / 2), int(rect.height() / 2), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    p = QPainter(image)
    scene.render(p, QRectF(image.rect()), rect)
    p.end()
    return image, rect


def pixel_at(image: QImage, rect: QRectF, x: float, y: float) -> QColor:
    return image.pixelColor(int((x - rect.left()) * image.width() / rect.width()),
                            int((y - rect.top()) * image.height() / rect.height()))


def close_colours(a: QColor, b: QColor, tol: int = 12) -> bool:
    return all(abs(u - v) <= tol for u, v in ((a.red(), b.red()), (a.green(), b.green()),
                                              (a.blue(), b.blue())))


def test_the_overlay_item_sits_between_the_chart_and_the_markers(hwin):
    item = hwin.overlay.item_for(hwin.chart.scene)
    assert isinstance(item, HistoryOverlayItem) and item.scene() is hwin.chart.scene
    assert 0 < Z_HISTORY < 10 and item.zValue() == Z_HISTORY
    assert item.acceptedMouseButtons() == Qt.MouseButton.NoButton


def test_the_choice_decides_which_sessions_are_drawn(hwin, visits):
    ids = visits["ids"]
    assert hwin.overlay.drawn_ids() == ids[:3]  # last 3 before today's
    hwin.history_bar.last_n.setValue(1)
    assert hwin.overlay.drawn_ids() == [ids[2]]
    item = hwin.overlay.item_for(hwin.chart.scene)
    assert {m.session_id for m in item.markers} == {ids[2]}
    hwin.history_bar.pick_sessions([ids[0]])
    assert hwin.overlay.drawn_ids() == [ids[0]]
    assert sorted(m.grasp for m in item.markers) == [3, 3]  # A and B of the first visit
    assert {m.age for m in item.markers} == {3}
    hwin.menus.act_overlay.trigger()  # off
    assert hwin.overlay.drawn_ids() == [] and item.markers == []


def test_the_pick_menu_lists_the_visits_when_it_opens_and_picks_from_them(hwin, visits):
    bar, ids = hwin.history_bar, visits["ids"]
    assert bar.pick_menu.actions() == []  # built as it opens, not for every patient chosen
    bar.pick_menu.aboutToShow.emit()
    labels = [a.text() for a in bar.pick_menu.actions()]
    assert labels == [f"#{i + 1}  {(START + timedelta(days=7 * i)).date().isoformat()}"
                      for i in range(3)] + [
        f"#4  {(START + timedelta(days=21)).date().isoformat()}  (draft, not signed)"]
    assert [a.isEnabled() for a in bar.pick_menu.actions()] == [True, True, True, False]
    bar.mode.setCurrentIndex(bar.mode.findData("picked"))
    bar.pick_menu.actions()[1].setChecked(True)
    assert hwin.overlay.drawn_ids() == [ids[1]]
    bar.pick_menu.aboutToShow.emit()  # opened again: the same visits, the pick still ticked
    assert [a.isChecked() for a in bar.pick_menu.actions()] == [False, True, False, False]


def test_rendered_scene_shows_last_visits_grasp_colour_at_its_site(hwin, visits):
    ax, ay, _ = visits["a"]
    hwin.history_bar.last_n.setValue(1)  # last time: grasp 1 at A
    image, rect = render_chart(hwin)
    style = hwin.chart.scene.chart.style
    # beside the centre, where the grade's pips leave the fill (render.markers): half the
    # smaller earlier marker's radius
    ax += 0.5 * style.marker_radius * hwin.chart.scene.marker_scale * EARLIER_BOOST * EARLIER_SCALE
    expected = faded_style(style, age_fade(1, 1)).grasp_fill(1)
    assert close_colours(pixel_at(image, rect, ax, ay), expected)
    hwin.menus.act_overlay.trigger()
    bare, _ = render_chart(hwin)
    assert not close_colours(pixel_at(bare, rect, ax, ay), expected, tol=30)
    hwin.menus.act_overlay.trigger()
    hwin.history_bar.pick_sessions([visits["ids"][0]])  # three visits back: strong, faded
    image, _ = render_chart(hwin)
    expected = faded_style(style, age_fade(3, 3)).grasp_fill(3)
    assert close_colours(pixel_at(image, rect, ax, ay), expected)


def test_todays_marker_stays_on_top_of_earlier_ones(hwin, visits):
    bx, by, _ = visits["b"]
    hwin.history_bar.pick_sessions([visits["ids"][0]])  # grasp 3 at B, under today's 0 at B
    image, rect = render_chart(hwin)
    today = hwin.chart.scene.chart.style.grasp_fill(0)
    # The number covers the centre: look beside it, inside the marker.
    r = hwin.chart.scene.chart.style.marker_radius * hwin.chart.scene.marker_scale
    assert close_colours(pixel_at(image, rect, bx - r * 0.75, by), today, tol=20)


def test_heat_map_warms_the_chart_where_it_grasped(hwin, visits):
    ax, ay, _ = visits["a"]
    bx, by, _ = visits["b"]
    hwin.history_bar.last_n.setValue(3)
    item = hwin.overlay.item_for(hwin.chart.scene)
    grid = item.heat_grid()
    assert grid.at(ax, ay) > grid.at(bx, by) > 0  # 3+2+1 at A, 3 at B
    before, rect = render_chart(hwin)
    hwin.menus.act_heat.trigger()
    assert hwin.history_bar.heat.isChecked() and hwin.history_bar.legend.heat_vmax > 5.5  # 3 + 2 + 1
    after, _ = render_chart(hwin)
    off = 30.0  # beside the marker, still in the warm spot
    b, a = pixel_at(before, rect, ax + off, ay), pixel_at(after, rect, ax + off, ay)
    assert a.blue() < b.blue() - 40 and a.red() >= a.blue() + 60


def test_timeline_opens_earlier_visits_and_replays_them(qtbot, hwin, visits):
    ids = visits["ids"]
    bar = hwin.history_bar
    assert bar.slider.maximum() == 3 and bar.slider.value() == 3
    hwin.menus.act_prev_visit.trigger()
    assert hwin.session_id == ids[2] and hwin.overlay.drawn_ids() == ids[:2]
    assert "#3 of 4" in bar.when.text()
    bar.step_to(0)
    assert hwin.session_id == ids[0] and hwin.overlay.drawn_ids() == []
    bar.set_replay_interval(10)
    bar.play.click()
    assert bar.replaying
    qtbot.waitUntil(lambda: hwin.session_id == ids[-1] and not bar.replaying, timeout=3000)
    assert hwin.patients.session_id() == ids[-1]


def test_progress_tab_follows_the_patient_and_lights_a_chosen_muscle(
        qtbot, hwin, visits, records):
    _, _, ra = visits["a"]
    hwin.menus.act_progress.trigger()
    assert hwin.right_tabs.currentWidget() is hwin.progress_tab
    assert hwin.progress.patient_id == hwin.patient.id
    assert "Nguyen" in hwin.progress_header.text()
    hwin.chart.set_view("anterior")
    hwin.progress.muscleChosen.emit(ra.muscle, ra.side)
    assert hwin.chart.view_id == "posterior"  # where it was needled
    assert ra.id in hwin.chart.scene.background.highlight
    other = records.create_patient(chart_number="C-2002", family_name="Okafor")
    hwin.patients.select_patient(other.id)
    assert hwin.progress.patient_id == other.id
    assert hwin.overlay.history.sessions == ()


def test_opening_a_patient_reads_the_visits_drawn_and_the_progress_tab_the_rest_when_shown(
        make_window, visits, patient, context):
    w = make_window()
    w.history_bar.last_n.setValue(1)  # the overlay draws the visit before today's only
    histories = context.histories
    before, reads = histories.loads, histories.site_reads
    w.patients.select_patient(patient.id)
    ids = visits["ids"]
    assert w.session_id == ids[-1]
    assert histories.loads == before + 1  # the overlay and the panel share one read
    assert list(w.overlay.history.ids) == ids  # every visit, for the timeline
    assert histories.loaded(patient.id) == {ids[-2]}  # the sites of the visit drawn, no more
    assert histories.site_reads == reads + 1
    w.chart.set_view("posterior")
    item = w.overlay.item_for(w.chart.scene)
    assert {m.session_id for m in item.markers} == {ids[-2]}
    assert w.progress.patient_id == patient.id and w.progress.sessions.count() == 0  # hidden
    w.menus.act_progress.trigger()
    assert w.progress.sessions.count() == len(ids)
    assert histories.loaded(patient.id) == set(ids)  # the rest, in one more query
    assert histories.site_reads == reads + 2
    assert histories.loads == before + 1
    stored = context.records.read.sites_for_sessions(ids)
    for sid in ids:  # what the panel shows is the whole record of each visit
        assert [s.id for s in w.progress.full.sites_of(sid)] == [s.id for s in stored[sid]]
    # the visit drawn was read once: the panel shows the very objects the overlay drew
    assert w.progress.full.sites_of(ids[-2]) is w.overlay.history.sites_of(ids[-2])
    assert w.progress.chosen_ids() == ids[-w.progress.last_n:]
    w.history_bar.last_n.setValue(3)  # more visits drawn: already read, nothing more
    assert {m.session_id for m in item.markers} == set(ids[:-1])
    assert histories.site_reads == reads + 2


def test_a_hidden_progress_panel_answers_with_the_patient_now_open(
        qtbot, make_window, visits, patient, records):
    w = make_window()
    w.patients.select_patient(patient.id)
    assert not w.progress.isVisible()
    # the progress report asks the panel which sessions are chosen while it is hidden
    assert w.progress.chosen_ids() == visits["ids"][-w.progress.last_n:]
    shown = w.progress.sessions.count()
    s = records.start_session(patient.id, started_at=START + timedelta(days=60))
    qtbot.waitUntil(lambda: w.progress.put_off is Deferred.REFRESH, timeout=2000)  # noted,
    assert w.progress.sessions.count() == shown  # not read while hidden
    assert w.progress.chosen_ids()[-1] == s.id  # read when asked
    assert w.progress.sessions.count() == shown + 1


def test_taps_in_a_first_visit_leave_the_overlay_picture_alone(make_window, records, patient,
                                                                 atlas, monkeypatch):
    # A new patient, the overlay and the heat map on, no visit open: the first visit, as it is
    # created, is a draft, never one of "the earlier visits" (not even for a moment); with the
    # Progress tab shown its sites are read; once it is open the overlay draws nothing of it,
    # so a tap in it (which may read its sites again: a new history) leaves its cached picture
    # (the whole chart, with the heat map) alone.
    import imsmap.ui.history_overlay as history_overlay

    w = make_window()
    w.history_bar.show_earlier.setChecked(True)
    w.history_bar.heat.setChecked(True)
    w.patients.select_patient(patient.id)
    assert w.session_id is None
    first = records.start_session(patient.id, practitioner="J. Physio")
    w.patients.select_session(first.id)
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    assert w.overlay.drawn_ids() == []  # a draft: no earlier visit
    w.menus.act_progress.trigger()  # the Progress tab reads every visit's sites
    assert first.id in w.histories.loaded(patient.id)
    counted = []
    real = history_overlay.overlay_markers

    def counting(*args, **kwargs):
        counted.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(history_overlay, "overlay_markers", counting)
    item = w.overlay.item_for(w.chart.scene)
    for x, y, r in large_regions(atlas):
        site = records.add_site(first.id, "posterior", x, y, muscle_id=r.muscle, side=r.side,
                                layer=r.layer, level=r.level)
        w.edits.select_site(site.id)
    w.overlay.update()  # and when the overlay is asked again (the bar, a change elsewhere)
    assert item.markers == [] and counted == []  # the overlay recounted nothing


def test_a_tap_today_does_not_recount_the_earlier_markers(hwin, visits, monkeypatch):
    import imsmap.ui.history_overlay as history_overlay

    counted = []
    real = history_overlay.overlay_markers

    def counting(*args, **kwargs):
        counted.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(history_overlay, "overlay_markers", counting)
    item = hwin.overlay.item_for(hwin.chart.scene)
    assert item.markers  # the earlier visits' sites are drawn
    (bx, by, rb) = visits["b"]
    site = hwin.records.add_site(visits["ids"][-1], "posterior", bx + 3, by, muscle_id=rb.muscle,
                                 side=rb.side, layer=rb.layer, level=rb.level)
    hwin.edits.select_site(site.id)
    assert counted == []  # same history, same choice, same visit open: nothing recounted
    hwin.patients.select_session(visits["ids"][-2])  # another visit open: the ages change
    assert counted and counted[-1] == visits["ids"][-2]


def _settled_height(qtbot, win) -> int:
    """The chart's height once the layout has settled: the same over three looks 50 ms apart (a
    fixed wait is too short on a loaded machine, where the first look can precede the layout)."""
    seen = [win.chart.view.viewport().height()]
    while len(seen) < 3 or not seen[-1] == seen[-2] == seen[-3]:
        assert len(seen) < 100, seen  # five seconds without settling
        qtbot.wait(50)
        seen.append(win.chart.view.viewport().height())
    return seen[-1]


def test_the_chart_keeps_its_height_from_a_patient_with_history_to_a_first_visit(
        qtbot, hwin, records):
    # With the heat map on, the heat row under the chart stays whether or not there is anything
    # to sum: going from a patient with earlier visits to one at a first visit, the chart does
    # not jump by the row's height (and repaint whole), and the row says why it is empty.
    hwin.history_bar.heat.setChecked(True)
    hwin.show()
    qtbot.waitExposed(hwin)
    legend = hwin.history_bar.legend
    qtbot.waitUntil(lambda: legend.heat_vmax is not None)
    with_history = _settled_height(qtbot, hwin)
    newcomer = records.create_patient(chart_number="C-1002", family_name="Tremblay",
                                      given_name="Luc", birth_date="1981-02-03", sex="M")
    first = records.start_session(newcomer.id, practitioner="J. Physio")
    hwin.patients.select_patient(newcomer.id)
    hwin.patients.select_session(first.id)
    qtbot.waitUntil(lambda: hwin.session_id == first.id)
    first_visit = _settled_height(qtbot, hwin)
    assert legend.heat_vmax is None and legend.heat_on and not legend.ages
    assert first_visit == with_history
    hwin.history_bar.heat.setChecked(False)  # asked off: the row goes
    qtbot.waitUntil(lambda: hwin.chart.view.viewport().height() > with_history)
