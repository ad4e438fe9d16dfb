"""A muscle needled at an earlier visit on another chart, marked on the chart open now: the real
window on the real database. Which muscles are marked, where (the muscle's label point on this
chart), in which style (a diamond with the grade in it, not a site's circle), its tooltip and key,
nothing for muscles this chart does not draw; and an earlier grade that stays legible."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from imsmap.render.other_charts import mark_radius
from imsmap.render.overlay import EARLIER_SCALE, age_fade, faded_style
from imsmap.ui.history_overlay import EARLIER_BOOST, OtherChartTip
from test_ui_support import click_chart, make_window, qt_settings  # noqa: F401 - fixtures

START = datetime(2026, 11, 10, 9, 0)
GMIN_POST = "posterior.deep.gluteus_minimus.R"
GMIN_LAT = "lateral_right.deep.gluteus_minimus.R"
GMED_POST = "posterior.superficial.gluteus_medius.R"
GMED_LAT = "lateral_right.superficial.gluteus_medius.R"
SEMIT_POST = "posterior.superficial.semitendinosus.R"  # not drawn on the lateral charts


def _add(records, session_id, atlas, region_id, grade):
    view_id = region_id.split(".")[0]
    region = atlas.view(view_id).region(region_id)
    site = records.add_site(session_id, view_id, *region.label, muscle_id=region.muscle,
                            side=region.side, layer=region.layer, level=region.level)
    records.update_site(site.id, grasp=grade)


@pytest.fixture
def unsigned(records, patient, atlas):
    """Visit 1: gluteus minimus R graded 3 on the posterior deep chart, semitendinosus R 3.
    Visit 2: gluteus medius R graded 1 on the posterior chart. Visit 3: today's draft. None
    signed yet (`signed_before_today`)."""
    ids = []
    for i in range(3):
        s = records.start_session(patient.id, started_at=START + timedelta(days=7 * i),
                                  practitioner="J. Physio")
        ids.append(s.id)
    _add(records, ids[0], atlas, GMIN_POST, 3)
    _add(records, ids[0], atlas, SEMIT_POST, 3)
    _add(records, ids[1], atlas, GMED_POST, 1)
    return ids


def signed_before_today(records, ids):
    """Visits 1 and 2 signed: earlier visits are signed ones (a draft is never drawn as one)."""
    for sid in ids[:-1]:
        records.sign_session(sid)
    return ids


@pytest.fixture
def visits(records, unsigned):
    """`unsigned`'s visits, 1 and 2 signed."""
    return signed_before_today(records, unsigned)


def open_today(make_window, patient, ids):
    w = make_window()
    w.patients.select_patient(patient.id)
    w.patients.select_session(ids[-1])
    return w


@pytest.fixture
def win(make_window, visits, patient):
    return open_today(make_window, patient, visits)


def _show(w, view_id, layer):
    w.chart.set_view(view_id)
    w.chart.set_layer(layer)
    item = w.overlay.item_for(w.chart.scene)
    assert item is not None and item.view_id == view_id and item.chart.layer == layer
    return item


def _render(w) -> tuple[QImage, QRectF]:
    scene = w.chart.scene
    rect = scene.sceneRect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    p = QPainter(image)
    scene.render(p, QRectF(image.rect()), rect)
    p.end()
    return image, rect


def _pixel(image: QImage, rect: QRectF, x: float, y: float) -> QColor:
    return image.pixelColor(int((x - rect.left()) * image.width() / rect.width()),
                            int((y - rect.top()) * image.height() / rect.height()))


def _close(a: QColor, b: QColor, tol: int = 12) -> bool:
    return all(abs(u - v) <= tol for u, v in ((a.red(), b.red()), (a.green(), b.green()),
                                              (a.blue(), b.blue())))


def _lab(c: QColor) -> tuple[float, float, float]:
    def lin(u: int) -> float:
        v = u / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = lin(c.red()), lin(c.green()), lin(c.blue())
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _reads_as(style, colour: QColor) -> int | None:
    """The grade whose full colour (the key's) is nearest to `colour`."""
    return min(style.grasp_fills,
               key=lambda g: math.dist(_lab(colour), _lab(QColor(style.grasp_fills[g]))))


# -- which muscles, where, in which style --------------------------------------------------
def test_a_muscle_needled_on_the_posterior_chart_is_marked_on_the_lateral_one(win, visits, atlas):
    item = _show(win, "lateral_right", "deep")
    assert [m.region_id for m in item.others] == [GMIN_LAT]
    mark = item.others[0]
    region = atlas.view("lateral_right").region(GMIN_LAT)
    assert (mark.x, mark.y) == region.label  # this chart's place for the muscle, not the site's
    assert (mark.grasp, mark.age, mark.session_id) == (3, 2, visits[0])
    assert mark.charts == (("posterior", "deep"),)
    # drawn: a diamond filled with the grade's (faded) colour, the figure in it
    image, rect = _render(win)
    style = win.chart.scene.chart.style
    r = mark_radius(item.chart, win.chart.scene.marker_scale * EARLIER_BOOST)
    fill = faded_style(style, age_fade(2, 2)).grasp_fill(3)
    assert _close(_pixel(image, rect, mark.x, mark.y - 0.6 * r), fill)
    # a diamond, not a circle: its corners' square is empty where a marker's disc would not be
    assert not _close(_pixel(image, rect, mark.x + 0.62 * r, mark.y - 0.62 * r), fill, tol=30)
    # the figure: white on the dark fill, at the centre
    assert _close(_pixel(image, rect, mark.x, mark.y), QColor("#ffffff"), tol=60) or \
        _close(_pixel(image, rect, mark.x, mark.y + 0.1 * r), QColor("#ffffff"), tol=60)
    win.menus.act_overlay.trigger()  # earlier sessions off: no mark
    assert item.others == [] and item.tips == []
    bare, _ = _render(win)
    assert not _close(_pixel(bare, rect, mark.x, mark.y - 0.6 * r), fill, tol=30)


def test_nothing_is_marked_for_muscles_this_chart_does_not_draw(win, visits):
    # the superficial lateral chart draws gluteus medius, not gluteus minimus nor semitendinosus
    item = _show(win, "lateral_right", "superficial")
    assert [(m.region_id, m.grasp, m.age) for m in item.others] == [(GMED_LAT, 1, 1)]
    assert _show(win, "lateral_left", "deep").others == []  # the left side: none of them
    assert _show(win, "anterior", "superficial").others == []
    # the chart they were needled on shows its own earlier sites, never a mark for them
    item = _show(win, "posterior", "deep")
    assert item.others == [] and len(item.markers) == 3


def test_a_mark_gives_way_to_this_charts_own_site_as_recent(make_window, patient, unsigned,
                                                            records, atlas):
    _add(records, unsigned[1], atlas, GMIN_LAT, 1)  # visit 2 needled it on the lateral chart
    visits = signed_before_today(records, unsigned)
    win = open_today(make_window, patient, visits)
    item = _show(win, "lateral_right", "deep")
    assert item.others == []  # its own earlier marker (visit 2, grade 1) says more
    assert [(m.grasp, m.age) for m in item.markers] == [(1, 1)]
    win.history_bar.pick_sessions([visits[0]])  # only visit 1 drawn: the mark again
    assert [(m.region_id, m.grasp) for m in item.others] == [(GMIN_LAT, 3)]


def test_the_marks_tooltip_names_the_chart_and_clicks_reach_the_muscle(qtbot, win, visits):
    item = _show(win, "lateral_right", "deep")
    (tip,) = item.tips
    assert isinstance(tip, OtherChartTip) and tip.scene() is win.chart.scene
    text = tip.toolTip()
    assert "Gluteus minimus" in text and "grasp 3" in text and "Posterior" in text
    assert "#1" in text and "2026-11-10" in text
    # the tip is the first item under the pointer that has a tooltip (the muscle's comes after)
    view = win.chart.view
    under = view.items(view.mapFromScene(QPointF(tip.mark.x, tip.mark.y)))
    assert next(i for i in under if i.toolTip()) is tip
    # and a tap on the mark adds a site to the muscle under it, as anywhere on the muscle
    click_chart(qtbot, win, tip.mark.x, tip.mark.y)
    qtbot.waitUntil(lambda: len(win.chart.scene.markers) == 1)
    (marker,) = win.chart.scene.markers.values()
    assert marker.site.muscle_id == "gluteus_minimus" and marker.site.view_id == "lateral_right"


def test_the_key_says_what_the_diamond_is_on_a_chart_that_has_one(win, visits):
    legend = win.history_bar.legend
    _show(win, "lateral_right", "deep")
    assert legend.elsewhere and legend.elsewhere_text() == "needled on another chart"
    # its words go on the markers' row, or on a row of their own when that has no room
    diamond = 2 * 9 + 4 + legend.text_width(legend.elsewhere_text())
    wide = int(legend.needed_width()) + 10
    assert not legend.wrapped(wide) and legend.rows(wide) == 1
    starts = legend.places(wide)[-1][0]  # the diamond's, on one row
    apart = int(starts + diamond) - 10
    assert legend.wrapped(apart) and legend.elsewhere_apart(apart) and legend.rows(apart) == 2
    # The legend's height for a width (what the layouts give it) keeps the rows of the
    # longest words it may say, the diamond's among them: the same with the diamond or
    # without, so the chart above neither shrinks nor moves when a chart has one.
    heights = {width: legend.heightForWidth(width) for width in (wide, apart, 300, 2000)}
    for width, height in heights.items():
        assert height >= legend.ROW + legend.WRAPPED * (legend.rows(width) - 1), width
    shown = legend.height()
    _show(win, "anterior", "superficial")
    assert not legend.elsewhere and not legend.elsewhere_apart()
    # (where the longest words take at most two rows: narrower, at 300 px as at 960 px, the
    # rows follow the words, OverlayLegend.ROOM_ROWS)
    kept = {width for width in heights if legend.room_rows(width) <= legend.ROOM_ROWS}
    assert kept >= {wide, 2000}
    assert {width: legend.heightForWidth(width) for width in kept} == \
        {width: heights[width] for width in kept}
    assert legend.height() == shown


# -- the grade stays legible ----------------------------------------------------------------
def test_a_strong_grasp_two_visits_back_still_reads_as_strong(win, visits, atlas):
    """Two visits back is the oldest drawn: its fade is the palest. Its colour on the chart must
    still be nearer the key's strong grasp than any other grade's, on the layer it was recorded
    on; on another layer of the view it is drawn paler still, as any site of another layer is
    (ChartPainter.on_other_layer), its pips telling its grade."""
    _show(win, "posterior", "superficial")
    image, rect = _render(win)
    region = atlas.view("posterior").region(SEMIT_POST)  # visit 1, graded 3, alone there
    style = win.chart.scene.chart.style
    # beside the centre pip of its three (render.markers), inside the smaller earlier marker
    x, y = region.label
    x += 0.5 * style.marker_radius * win.chart.scene.marker_scale * EARLIER_BOOST * EARLIER_SCALE
    own = _pixel(image, rect, x, y)
    assert _reads_as(style, own) == 3
    win.chart.set_layer("deep")
    image, rect = _render(win)
    assert _pixel(image, rect, x, y).lightness() > own.lightness()


# -- the progress report's charts ---------------------------------------------------------
def test_the_progress_reports_lateral_chart_marks_the_muscle_and_its_key_says_so(
        qapp, records, patient, visits, atlas, tmp_path):
    import re

    import pypdf

    from imsmap.domain.progress import History
    from imsmap.report.progress_charts import HeatChart
    from imsmap.report.progress_pdf import write_progress_pdf

    # a site on the lateral deep chart in the latest visit: that chart is in the report
    _add(records, visits[2], atlas, "lateral_right.deep.iliocostalis_thoracis.R", 1)
    sessions = records.repo.sessions_for_patient(patient.id)
    history = History.of(sessions, records.repo.sites_for_sessions([s.id for s in sessions]))
    lateral = HeatChart(records, history, "lateral_right", [
        s for sid in history.ids for s in history.sites_of(sid) if s.view_id == "lateral_right"])
    assert [(m.region_id, m.grasp, m.age) for m in lateral.others] == [(GMIN_LAT, 3, 2)]
    # the crop takes the mark in, though no site of that chart is near it
    x, y, w, h = lateral.prepare(0.8)[0]
    mark = lateral.others[0]
    assert x <= mark.x <= x + w and y <= mark.y <= y + h
    path = write_progress_pdf(records, patient.id, tmp_path / "progress.pdf")
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() or ""
                                        for p in pypdf.PdfReader(str(path)).pages))
    assert "needled on another chart" in text


def test_a_muscle_drawn_in_parts_here_gets_one_mark_on_its_largest_part(
        make_window, patient, unsigned, records, atlas):
    _add(records, unsigned[1], atlas, "anterior.superficial.external_oblique.R", 2)
    win = open_today(make_window, patient, signed_before_today(records, unsigned))
    item = _show(win, "lateral_right", "superficial")
    parts = [r for r in atlas.view("lateral_right").regions
             if r.muscle == "external_oblique" and r.side == "R"]
    assert len(parts) == 2
    largest = max(parts, key=lambda r: r.area)
    oblique = [m for m in item.others if m.muscle_id == "external_oblique"]
    assert [(m.region_id, (m.x, m.y), m.grasp) for m in oblique] == [
        (largest.id, largest.label, 2)]


def test_a_paraspinal_level_is_marked_at_its_own_level(make_window, records, patient, atlas):
    """Multifidus L4, L5 and S1 right needled on the spinal chart: on the posterior deep chart,
    which draws multifidus one box a level under one name, each level's diamond went to the
    name's point (beside L3), the three one on another (two hidden) and a level below L3 said
    as L3. Each goes in its own level's box."""
    ids = [records.start_session(patient.id, started_at=START + timedelta(days=7 * i),
                                 practitioner="J. Physio").id for i in range(2)]
    for level in ("L4", "L5", "S1"):
        _add(records, ids[0], atlas, f"spinal.superficial.multifidus.{level}.R", 2)
    records.sign_session(ids[0])
    w = open_today(make_window, patient, ids)
    item = _show(w, "posterior", "deep")
    view = atlas.view("posterior")
    marks = {m.region_id: m for m in item.others}
    wanted = [f"posterior.deep.multifidus.{level}.R" for level in ("L4", "L5", "S1")]
    assert sorted(marks) == wanted
    for region_id in wanted:
        mark = marks[region_id]
        assert view.region(region_id).contains(mark.x, mark.y), \
            f"{region_id}'s mark at ({mark.x}, {mark.y}), out of its level's box"
    ys = [marks[r].y for r in wanted]
    assert ys == sorted(ys) and len(set(ys)) == 3  # L4 above L5 above S1
