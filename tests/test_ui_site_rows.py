"""A site selected on a paraspinal column drawn across several levels (`level_rows`: spinalis,
longissimus and iliocostalis thoracis on the posterior paraspinal and deep sheets) lights the row
of the level it recorded, not the column from T1 to T12; so does its dashed outline on the other
sheets, and a muscle chosen at a level in the Progress tab. As a root chosen in the Segments tab
does (test_ui_root_rows). Found on 6 December 2026: selecting a longissimus site at T7 lit every
thoracic level of the column."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

import test_ui_root_rows as root_rows
from imsmap.render.lit_rows import LitRow
from imsmap.ui.progress.trend_matrix import COL_MUSCLE, TARGET_ROLE
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

LONG_R = "posterior.paraspinal.longissimus_thoracis.R"
DEEP_LONG_R = "posterior.deep.longissimus_thoracis.R"


def site_in_row(records, session, atlas, level: str):
    """A longissimus thoracis site (right, paraspinal sheet) in the middle of `level`'s row."""
    region = atlas.view("posterior").region(LONG_R)
    y = root_rows.middle(region, level)
    x0, _, x1, _ = region.bbox
    xs = [x for x in range(int(x0), int(x1) + 1) if region.contains(x, y)]
    x = xs[len(xs) // 2]
    assert region.level_at(y) == level
    return records.add_site(session.id, "posterior", x, y, muscle_id="longissimus_thoracis",
                            side="R", layer="paraspinal", level=level)


def render(scene):
    """The scene's chart without its markers: rendered at one pixel a view unit, a marker
    (sized for the screen) covers a row and more. Made transparent, not hidden: a hidden
    marker is no longer selected."""
    for m in scene.markers.values():
        m.setOpacity(0.0)
    image = root_rows.render(scene)
    for m in scene.markers.values():
        m.setOpacity(1.0)
    return image


def click_site_row(qtbot, w, site) -> None:
    """Select the site by its row in the session's site table, as the clinician does."""
    table = w.site_table
    n = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == str(site.seq))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualItemRect(table.item(n, 1)).center())
    assert w.chart.selected_site_id() == site.id


def test_a_site_at_t7_lights_the_t7_row_of_its_column_and_its_outline_on_the_other_sheet(
        qtbot, make_window, atlas, records, session, tmp_path):
    site = site_in_row(records, session, atlas, "T7")
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.chart.set_view("posterior")
    w.chart.set_layer("paraspinal")
    click_site_row(qtbot, w, site)
    scene = w.chart.scene
    assert (scene.view_id, scene.layer) == ("posterior", "paraspinal")
    region = scene.chart.view.region(LONG_R)
    image = render(scene)
    image.save(str(tmp_path / "site-t7-paraspinal.png"))
    assert root_rows.lit_share(image, scene, region, root_rows.middle(region, "T7")) > 0.5
    for other in ("T3", "T11"):
        assert root_rows.lit_share(image, scene, region, root_rows.middle(region, other)) == 0
    assert LitRow(LONG_R, "T7") in scene.background.highlight
    assert LONG_R not in scene.background.highlight
    # The other side's column, not the site's, stays unlit.
    left = scene.chart.view.region("posterior.paraspinal.longissimus_thoracis.L")
    assert root_rows.lit_share(image, scene, left, root_rows.middle(left, "T7")) == 0
    # The deep sheet's long column begins at T7: its T7 row lit, the rest not; the site's own
    # outline dashed over it is the T7 row of the paraspinal column, not T1 to T12.
    w.chart.set_layer("deep")
    scene = w.chart.scene
    assert scene.selected_site_id() == site.id
    deep = scene.chart.view.region(DEEP_LONG_R)
    assert LitRow(DEEP_LONG_R, "T7") in scene.background.highlight
    image = render(scene)
    image.save(str(tmp_path / "site-t7-deep.png"))
    assert root_rows.lit_share(image, scene, deep, root_rows.middle(deep, "T7")) > 0.5
    assert root_rows.lit_share(image, scene, deep, root_rows.middle(deep, "T10")) == 0
    assert scene.ghost.isVisible()
    ghost = scene.ghost.path()
    assert ghost.contains(QPointF(site.x, site.y))
    assert not ghost.contains(QPointF(site.x, root_rows.middle(region, "T3")))
    assert not ghost.contains(QPointF(site.x, root_rows.middle(region, "T11")))
    w.chart.set_layer("superficial")
    scene = w.chart.scene
    image = render(scene)
    image.save(str(tmp_path / "site-t7-superficial.png"))
    ghost = scene.ghost.path()
    assert scene.ghost.isVisible() and ghost.contains(QPointF(site.x, site.y))
    assert not ghost.contains(QPointF(site.x, root_rows.middle(region, "T3")))
    # The level corrected in the inspector (four levels up): the lit row follows it.
    w.chart.set_layer("paraspinal")
    level = w.site_table.inspector.level
    level.setFocus()
    for _ in range(4):
        qtbot.keyClick(level, Qt.Key.Key_Up)
    (saved,) = records.repo.sites_for_session(session.id)
    assert saved.level == "T3"
    lit = w.chart.scene.background.highlight
    assert LitRow(LONG_R, "T3") in lit and LitRow(LONG_R, "T7") not in lit


def test_a_site_at_t3_lights_no_part_of_the_deep_column_that_begins_at_t7(
        qtbot, make_window, atlas, records, session):
    site = site_in_row(records, session, atlas, "T3")
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    click_site_row(qtbot, w, site)
    w.chart.set_layer("deep")
    scene = w.chart.scene
    lit = scene.background.highlight
    assert DEEP_LONG_R not in lit and not any(
        isinstance(h, LitRow) and h.region_id == DEEP_LONG_R for h in lit)
    assert scene.ghost.path().contains(QPointF(site.x, site.y))


def test_a_muscle_chosen_at_t7_in_the_progress_tab_lights_its_t7_rows(
        qtbot, make_window, atlas, records, session, tmp_path):
    site_in_row(records, session, atlas, "T7")
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.menus.act_progress.trigger()
    matrix = w.progress.matrix
    proxy = matrix.proxy
    qtbot.waitUntil(lambda: proxy.rowCount() > 0)
    row = next(r for r in range(proxy.rowCount())
               if proxy.index(r, 0).data(TARGET_ROLE).muscle_id == "longissimus_thoracis")
    assert proxy.index(row, 0).data(TARGET_ROLE).level == "T7"
    rect = matrix.visualRect(proxy.index(row, COL_MUSCLE))
    w.chart.set_view("anterior")
    with qtbot.waitSignal(matrix.targetChosen, timeout=1000):
        qtbot.mouseClick(matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.chart.view_id == "posterior"  # where it was needled
    w.chart.set_layer("paraspinal")
    scene = w.chart.scene
    region = scene.chart.view.region(LONG_R)
    lit = scene.background.highlight
    assert LitRow(LONG_R, "T7") in lit and LONG_R not in lit
    image = render(scene)
    image.save(str(tmp_path / "progress-t7-paraspinal.png"))
    assert root_rows.lit_share(image, scene, region, root_rows.middle(region, "T7")) > 0.5
    assert root_rows.lit_share(image, scene, region, root_rows.middle(region, "T3")) == 0
    # The spinal chart's T7 box of the muscle, not its other boxes.
    w.chart.set_view("spinal")
    lit = w.chart.scene.background.highlight
    boxes = [r for r in w.chart.scene.chart.view.regions
             if r.muscle == "longissimus_thoracis" and r.side == "R"]
    assert {r.id for r in boxes if r.id in lit} == {r.id for r in boxes if r.level == "T7"}
