"""A root chosen in the Segments tab lights the rows of that level in the paraspinal columns drawn
across several levels (`level_rows`: spinalis, longissimus and iliocostalis thoracis on the
posterior paraspinal and deep sheets), not the whole column from T1 to T12, and only that level's
boxes of a segmental muscle (the spinal chart's longissimus, the intercostals); a region without
levels still lights whole. Found on 6 December 2026: choosing T7 lit every thoracic level of the
long column."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from imsmap.render.lit_rows import LitRow
from imsmap.ui.record.segment_panel import ROWS
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures


def choose_root(qtbot, w, root: str) -> None:
    """Click the root's row in the Segments tab, as the clinician does."""
    w.right_tabs.setCurrentWidget(w.segments)
    table = w.segments.table
    item = table.item(ROWS.index(root), 0)
    table.scrollToItem(item)
    with qtbot.waitSignal(w.segments.rootChosen):
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         pos=table.visualItemRect(item).center())


def render(scene) -> QImage:
    rect = scene.sceneRect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def lit_share(image: QImage, scene, region, y: float, colour: str = "highlight_fill",
              rows: tuple[int, ...] = (0,)) -> float:
    """The share of the region's pixels across it at height `y` (or a row of `rows` beside it)
    painted in the lit colour (or another of the style's)."""
    lit = QColor(getattr(scene.chart.style, colour))
    x0, _, x1, _ = region.bbox
    xs = [x for x in range(int(x0), int(x1) + 1)
          if region.contains(x, y) and region.contains(x - 2, y) and region.contains(x + 2, y)]
    assert len(xs) >= 4, (region.id, y)
    near = [x for x in xs if any(max(abs(c - d) for c, d in zip(
        image.pixelColor(x, int(y) + k).getRgb()[:3], lit.getRgb()[:3])) < 40 for k in rows)]
    return len(near) / len(xs)


def middle(region, level: str) -> float:
    top, bottom = region.row_span(level)
    return (top + bottom) / 2


def test_t7_lights_the_t7_row_of_the_long_column_not_the_column(qtbot, window, tmp_path):
    w = window
    choose_root(qtbot, w, "T7")
    assert "T7" in w.statusBar().currentMessage()
    w.chart.set_view("posterior")
    w.chart.set_layer("paraspinal")
    scene = w.chart.scene
    image = render(scene)
    image.save(str(tmp_path / "t7-paraspinal.png"))
    for muscle in ("longissimus_thoracis", "iliocostalis_thoracis", "spinalis"):
        for side in ("L", "R"):
            region = next(r for r in scene.chart.regions()
                          if r.muscle == muscle and r.side == side and r.level_rows)
            assert LitRow(region.id, "T7") in scene.background.highlight
            assert region.id not in scene.background.highlight
            assert lit_share(image, scene, region, middle(region, "T7")) > 0.5, region.id
            # the row outlined in the lit line, its bottom edge too (on both sides)
            bottom = region.row_span("T7")[1]
            assert lit_share(image, scene, region, bottom, "highlight_line", (-1, 0, 1)) > 0.8, \
                region.id
            for other in ("T3", "T11"):
                assert lit_share(image, scene, region, middle(region, other)) == 0, \
                    (region.id, other)
    # The deep sheet's long column begins at T7: its first row is lit, the rest not.
    w.chart.set_layer("deep")
    scene = w.chart.scene
    image = render(scene)
    region = next(r for r in scene.chart.regions()
                  if r.muscle == "longissimus_thoracis" and r.side == "R")
    assert region.levels[0] == "T7"
    assert lit_share(image, scene, region, middle(region, "T7")) > 0.5
    assert lit_share(image, scene, region, middle(region, "T10")) == 0


def test_t7_lights_the_t7_boxes_of_a_segmental_muscle_and_whole_regions_without_levels(
        qtbot, window):
    w = window
    choose_root(qtbot, w, "T7")
    w.chart.set_view("spinal")
    lit = w.chart.scene.background.highlight
    boxes = [r for r in w.chart.scene.chart.view.regions if r.muscle == "longissimus_thoracis"]
    assert {r.id for r in boxes if r.id in lit} == {r.id for r in boxes if r.level == "T7"} != set()
    assert "longissimus_thoracis" not in lit  # the muscle's id would light T1 to T12
    w.chart.set_view("anterior")
    scene = w.chart.scene
    lit = scene.background.highlight
    intercostals = [r for r in scene.chart.view.regions if r.muscle == "external_intercostals"]
    assert {r.id for r in intercostals if r.id in lit} == \
        {r.id for r in intercostals if r.level == "T7"} != set()
    # Rectus abdominis (T7-T12) is drawn without levels on the anterior view: lit whole.
    assert "rectus_abdominis" in lit
    # Another root moves the rows; no root puts them out.
    choose_root(qtbot, w, "T3")
    w.chart.set_view("posterior")
    lit = w.chart.scene.background.highlight
    assert LitRow("posterior.paraspinal.spinalis.R", "T3") in lit
    assert LitRow("posterior.paraspinal.spinalis.R", "T7") not in lit
    choose_root(qtbot, w, "C5")
    assert not any(isinstance(h, LitRow) for h in w.chart.scene.background.highlight)
