"""The lit row of a column drawn across several levels (`level_rows`), where the earlier work
(test_ui_root_rows, test_ui_site_rows) left it out: a muscle found by name with a level
("longissimus T7", Ctrl+F) lit the column from T1 to T12, and L or R then added its site at the
label's level; a site whose level was set to one its column has no row of lit nothing. Found on
6 December 2026."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

import test_ui_root_rows as root_rows
import test_ui_site_rows as site_rows
from imsmap.render.lit_rows import LitRow
from imsmap.render.markers import halo_radius
from imsmap.ui.progress.trend_matrix import COL_MUSCLE, TARGET_ROLE
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

CTRL = Qt.KeyboardModifier.ControlModifier
LONG_R = site_rows.LONG_R
DEEP_LONG_R = site_rows.DEEP_LONG_R
ILIO_R = "posterior.paraspinal.iliocostalis_thoracis.R"


def test_a_muscle_found_with_a_level_lights_that_row_and_a_side_key_adds_it_there(
        qtbot, window, tmp_path):
    w = window
    chart = w.chart
    chart.set_view("anterior")
    chart.view.setFocus()
    qtbot.keyClick(chart.view, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(chart.search, "longissimus T7")
    assert chart.search.match_texts()[0].startswith("Longissimus thoracis")
    assert chart.search.match_texts()[0].endswith(" T7")
    qtbot.keyClick(chart.search, Qt.Key.Key_Return)
    assert chart.view_id == "posterior"
    scene = chart.scene
    lit = scene.search_highlight
    on_layer = [r for r in scene.chart.regions() if r.muscle == "longissimus_thoracis"]
    assert len(on_layer) == 2
    for region in on_layer:
        assert LitRow(region.id, "T7") in lit and region.id not in lit
    image = root_rows.render(scene)
    image.save(str(tmp_path / f"search-t7-{scene.layer}.png"))
    for region in on_layer:
        assert root_rows.lit_share(image, scene, region, root_rows.middle(region, "T7")) > 0.5
        for other in ("T8", "T10", "T12"):
            assert root_rows.lit_share(
                image, scene, region, root_rows.middle(region, other)) == 0, (region.id, other)
    assert "press L or R" in chart.hint.text()
    # R adds the site in the lit row: its level is the one typed, not the label's row's.
    qtbot.keyClick(chart.view, Qt.Key.Key_R)
    (site,) = w.records.repo.sites_for_session(w.session_id)
    assert (site.muscle_id, site.side.value, site.level) == ("longissimus_thoracis", "R", "T7")
    # The paraspinal sheet's column lights its T3 row, not T1 to T12.
    chart.set_layer("paraspinal")
    chart.focus_search()
    qtbot.keyClicks(chart.search, "longissimus T3")
    qtbot.keyClick(chart.search, Qt.Key.Key_Return)
    assert chart.layer == "paraspinal"
    lit = chart.scene.search_highlight
    assert LitRow(LONG_R, "T3") in lit and LONG_R not in lit
    assert LitRow(LONG_R, "T7") not in lit


def set_level(qtbot, w, records, session, steps: int, expected: str) -> None:
    """Move the inspector's level box `steps` levels up (negative: down), as the clinician."""
    level = w.site_table.inspector.level
    level.setFocus()
    for _ in range(abs(steps)):
        qtbot.keyClick(level, Qt.Key.Key_Up if steps > 0 else Qt.Key.Key_Down)
    (saved,) = records.repo.sites_for_session(session.id)
    assert saved.level == expected


def test_a_site_set_to_a_level_its_column_has_no_row_of_lights_its_column_whole(
        qtbot, make_window, atlas, records, session, tmp_path):
    # Iliocostalis thoracis is T1 to T12; its paraspinal column is drawn from T2.
    region = atlas.view("posterior").region(ILIO_R)
    assert "T1" in atlas.muscle("iliocostalis_thoracis").levels and "T1" not in region.levels
    y = root_rows.middle(region, "T3")
    x0, _, x1, _ = region.bbox
    xs = [x for x in range(int(x0), int(x1) + 1) if region.contains(x, y)]
    site = records.add_site(session.id, "posterior", xs[len(xs) // 2], y,
                            muscle_id="iliocostalis_thoracis", side="R", layer="paraspinal",
                            level="T3")
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.chart.set_view("posterior")
    w.chart.set_layer("paraspinal")
    site_rows.click_site_row(qtbot, w, site)
    assert LitRow(ILIO_R, "T3") in w.chart.scene.background.highlight
    set_level(qtbot, w, records, session, 2, "T1")
    scene = w.chart.scene
    assert ILIO_R in scene.background.highlight
    image = site_rows.render(scene)
    image.save(str(tmp_path / "ilio-t1-paraspinal.png"))
    for level in ("T3", "T7", "T11"):
        assert root_rows.lit_share(image, scene, region, root_rows.middle(region, level)) > 0.5
    # The other side's column is not lit; on the deep sheet (its column from T7) the site's
    # own column is outlined whole, dashed.
    left = scene.chart.view.region("posterior.paraspinal.iliocostalis_thoracis.L")
    assert root_rows.lit_share(image, scene, left, root_rows.middle(left, "T7")) == 0
    w.chart.set_layer("deep")
    ghost = w.chart.scene.ghost
    assert ghost.isVisible()
    assert ghost.path().contains(QPointF(xs[len(xs) // 2], root_rows.middle(region, "T9")))


def test_a_site_on_the_deep_column_set_above_it_lights_that_column_whole(
        qtbot, make_window, atlas, records, session, tmp_path):
    deep = atlas.view("posterior").region(DEEP_LONG_R)
    y = root_rows.middle(deep, "T8")
    x0, _, x1, _ = deep.bbox
    xs = [x for x in range(int(x0), int(x1) + 1) if deep.contains(x, y)]
    site = records.add_site(session.id, "posterior", xs[len(xs) // 2], y,
                            muscle_id="longissimus_thoracis", side="R", layer="deep",
                            level="T8")
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.chart.set_view("posterior")
    w.chart.set_layer("deep")
    site_rows.click_site_row(qtbot, w, site)
    set_level(qtbot, w, records, session, 5, "T3")
    scene = w.chart.scene
    assert DEEP_LONG_R in scene.background.highlight
    image = site_rows.render(scene)
    image.save(str(tmp_path / "deep-t3.png"))
    for level in ("T7", "T10", "T12"):
        assert root_rows.lit_share(image, scene, deep, root_rows.middle(deep, level)) > 0.5
    # The paraspinal sheet has a T3 row: that row, not the column.
    w.chart.set_layer("paraspinal")
    lit = w.chart.scene.background.highlight
    assert LitRow(LONG_R, "T3") in lit and LONG_R not in lit


def near(image, point, colour: str, scene, within: int = 45) -> bool:
    """The viewport's pixel at `point` is about the style's `colour`."""
    want = QColor(getattr(scene.chart.style, colour)).getRgb()[:3]
    got = image.pixelColor(point).getRgb()[:3]
    return max(abs(a - b) for a, b in zip(got, want)) < within


def test_at_fit_zoom_the_selected_site_s_lit_row_shows_beside_its_marker(
        qtbot, make_window, atlas, records, session, tmp_path):
    site = site_rows.site_in_row(records, session, atlas, "T7")
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    chart = w.chart
    chart.set_view("posterior")
    chart.set_layer("paraspinal")
    site_rows.click_site_row(qtbot, w, site)
    view = chart.view
    view.fit()
    scene = chart.scene
    region = scene.chart.view.region(LONG_R)
    top, bottom = region.row_span("T7")
    # the marker, with its halo, is taller than the row at this zoom (the fault)
    assert 2 * halo_radius(scene.chart.style, scene.marker_scale, False) > bottom - top

    def sample(zoom_name: str):
        image = view.viewport().grab().toImage()
        image.save(str(tmp_path / f"row-{zoom_name}.png"))
        return image

    image = sample("fit")
    halo = halo_radius(scene.chart.style, scene.marker_scale, False) * view.transform().m11()
    centre = view.mapFromScene(QPointF(site.x, site.y))
    mid = view.mapFromScene(QPointF(site.x, (top + bottom) / 2)).y()
    # Right of the marker's halo (away from the spine, which the halo covers), at the row's
    # height: lit.
    assert near(image, QPoint(int(centre.x() + halo + 5), mid), "highlight_fill", scene)
    # Above and below the row, beside the marker: not lit (not the column from T1 to T12).
    for level in ("T5", "T9"):
        a, b = region.row_span(level)
        y = view.mapFromScene(QPointF(site.x, (a + b) / 2)).y()
        for dx in (-1, 1):
            x = int(centre.x() + dx * (halo + 5))
            assert not near(image, QPoint(x, y), "highlight_fill", scene), (level, dx)
    # Zoomed in, the row shows round the marker by itself: the band goes, the row is lit
    # above and below the marker, and the rows next to it are not.
    view.zoom_by(8.0, anchor_under_mouse=False)
    view.centerOn(site.x, site.y)
    assert not scene.row_band.isVisible()
    image = sample("zoomed")
    halo = halo_radius(scene.chart.style, scene.marker_scale, False) * view.transform().m11()
    centre = view.mapFromScene(QPointF(site.x, site.y))
    for dy in (-1, 1):
        y = int(centre.y() + dy * (halo + 2))
        assert top < view.mapToScene(centre.x(), y).y() < bottom
        assert near(image, QPoint(centre.x(), y), "highlight_fill", scene), dy
    for level in ("T6", "T8"):
        a, b = region.row_span(level)
        p = view.mapFromScene(QPointF(site.x, (a + b) / 2))
        assert not near(image, p, "highlight_fill", scene), level


def test_the_band_follows_its_marker_while_it_is_dragged(
        qtbot, make_window, atlas, records, session, tmp_path):
    # The band was placed again only when the drag was released (the site moved): while the
    # marker was dragged it stayed behind, a lit band beside nothing.
    site = site_rows.site_in_row(records, session, atlas, "T7")
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    chart = w.chart
    chart.set_view("posterior")
    chart.set_layer("paraspinal")
    site_rows.click_site_row(qtbot, w, site)
    view = chart.view
    view.fit()
    scene = chart.scene
    band, marker = scene.row_band, scene.marker(site.id)
    reach = halo_radius(scene.chart.style, scene.marker_scale, False)  # view units

    def around(x: float) -> bool:
        """The band reaches past the halo of a marker at `x` on the side away from the spine
        (the halo covers the spine line: the band stops there)."""
        rect = band.path().boundingRect()
        return band.isVisible() and rect.left() < x and rect.right() > x + reach

    assert around(site.x)
    viewport = view.viewport()
    at = view.mapFromScene(QPointF(site.x, site.y))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=at)
    for dx in range(3, 25, 3):  # along the row, past a click's slop
        QTest.mouseMove(viewport, at + QPoint(dx, 0))
        qtbot.wait(5)
    # not yet released: the marker has moved, and the band with it
    assert marker.pos().x() > site.x + 5
    assert around(marker.pos().x())
    image = viewport.grab().toImage()
    image.save(str(tmp_path / "row-dragged.png"))
    halo = reach * view.transform().m11()
    centre = view.mapFromScene(marker.pos())
    # lit beside the dragged marker's halo, at the row's height
    x = int(centre.x() + halo + 5)
    assert near(image, QPoint(x, centre.y()), "highlight_fill", scene)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=at + QPoint(24, 0))
    (moved,) = records.repo.sites_for_session(session.id)
    assert moved.x > site.x + 5  # released, the site moves where the marker was dropped


def test_a_muscle_chosen_in_the_progress_tab_at_a_level_its_column_lacks_lights_it_whole(
        qtbot, make_window, atlas, records, session):
    region = atlas.view("posterior").region(ILIO_R)
    y = root_rows.middle(region, "T3")
    x0, _, x1, _ = region.bbox
    xs = [x for x in range(int(x0), int(x1) + 1) if region.contains(x, y)]
    records.add_site(session.id, "posterior", xs[len(xs) // 2], y,
                     muscle_id="iliocostalis_thoracis", side="R", layer="paraspinal", level="T1")
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.menus.act_progress.trigger()
    matrix = w.progress.matrix
    proxy = matrix.proxy
    qtbot.waitUntil(lambda: proxy.rowCount() > 0)
    row = next(r for r in range(proxy.rowCount())
               if proxy.index(r, 0).data(TARGET_ROLE).muscle_id == "iliocostalis_thoracis")
    assert proxy.index(row, 0).data(TARGET_ROLE).level == "T1"
    rect = matrix.visualRect(proxy.index(row, COL_MUSCLE))
    with qtbot.waitSignal(matrix.targetChosen, timeout=1000):
        qtbot.mouseClick(matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    w.chart.set_layer("paraspinal")
    assert ILIO_R in w.chart.scene.background.highlight
