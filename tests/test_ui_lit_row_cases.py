"""The lit row of a column drawn across several levels (`level_rows`), where the earlier work
(test_ui_root_rows, test_ui_site_rows) left it out: a site whose level was set to one its
column has no row of lit nothing. Found on 6 December 2026."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

import test_ui_root_rows as root_rows
import test_ui_site_rows as site_rows
from imsmap.render.lit_rows import LitRow
from imsmap.ui.progress.trend_matrix import COL_MUSCLE, TARGET_ROLE
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

LONG_R = site_rows.LONG_R
DEEP_LONG_R = site_rows.DEEP_LONG_R
ILIO_R = "posterior.paraspinal.iliocostalis_thoracis.R"


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
