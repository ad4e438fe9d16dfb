"""The body chart stays cached on screen: lit and hovered muscles are painted by an item of their
own above it, and look as the chart painter draws them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from imsmap.ui.chart_scene import ChartScene
from test_ui_support import click_region, make_window, pick_region, qt_settings, window  # noqa: F401


def _render_scene(scene: ChartScene) -> QImage:
    rect = scene.sceneRect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    scene.render(p, QRectF(image.rect()), rect)
    p.end()
    return image


def _render_painter(scene: ChartScene, **kwargs) -> QImage:
    """What ChartPainter.paint_base draws with the highlight and hover in one go."""
    rect = scene.sceneRect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.fillRect(QRectF(image.rect()), scene.backgroundBrush())
    p.translate(-rect.left(), -rect.top())
    scene.chart.paint_base(p, **kwargs)
    p.end()
    return image


def _differing(a: QImage, b: QImage, tol: int = 48) -> float:
    """Share of pixels (every 2nd row and column) whose colours differ by more than tol."""
    n = bad = 0
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
            n += 1
            if max(abs(ca.red() - cb.red()), abs(ca.green() - cb.green()),
                   abs(ca.blue() - cb.blue())) > tol:
                bad += 1
    return bad / n


@pytest.mark.parametrize("layer", ["superficial", "deep"])
def test_lit_and_hovered_muscles_look_as_the_chart_painter_draws_them(qapp, atlas, layer):
    scene = ChartScene(atlas, "posterior", layer)
    regions = [r for r in scene.chart.regions() if r.area > 2000]
    lit, hovered = regions[0], regions[len(regions) // 2]
    scene.set_search_highlight(frozenset({lit.id}))
    scene.set_hover(scene.regions[hovered.id])
    assert scene.background.highlight == {lit.id} and scene.background.hover == hovered.id
    shown = _render_scene(scene)
    expected = _render_painter(scene, highlight=frozenset({lit.id}), hover=hovered.id)
    plain = _render_painter(scene)
    assert _differing(expected, plain) > 0.002  # lit and hovered muscles do show
    assert _differing(shown, expected) < 0.0015
    x, y = lit.label
    colour = shown.pixelColor(int(x - scene.sceneRect().left()), int(y - scene.sceneRect().top()))
    assert colour == expected.pixelColor(int(x - scene.sceneRect().left()),
                                         int(y - scene.sceneRect().top()))
    scene.clear_hover(scene.regions[hovered.id])
    scene.set_search_highlight(frozenset())
    assert _differing(_render_scene(scene), plain) < 0.0015


def test_hover_and_selection_repaint_the_emphasis_not_the_cached_chart(
        qtbot, window, records, session):
    scene = window.chart.scene
    chart = scene.chart
    painted = {"base": 0, "emphasis": 0}
    base, emphasis = chart.paint_base, chart.paint_emphasis

    def count_base(*args, **kwargs):
        painted["base"] += 1
        base(*args, **kwargs)

    def count_emphasis(*args, **kwargs):
        painted["emphasis"] += 1
        emphasis(*args, **kwargs)

    chart.paint_base, chart.paint_emphasis = count_base, count_emphasis
    viewport = window.chart.view.viewport()
    scene.background.update()  # the counting works: a changed chart is painted again
    viewport.repaint()
    qtbot.wait(20)
    before = painted["base"]
    assert before >= 1
    region = pick_region(window)
    scene.set_hover(scene.regions[region.id])
    viewport.repaint()
    assert painted["emphasis"] >= 1
    click_region(qtbot, window, region)  # a new site, selected: its muscle lit
    viewport.repaint()
    qtbot.wait(20)
    assert window.edits.selected_site() is not None
    assert region.id in scene.background.highlight
    assert painted["emphasis"] >= 2
    assert painted["base"] == before  # the chart came from its cache


def test_a_muscle_is_described_when_the_pointer_first_comes_over_it(qapp, atlas):
    from imsmap.ui.chart_words import describe_region

    scene = ChartScene(atlas, "posterior", "superficial")
    region = next(r for r in scene.chart.regions() if r.area > 2000)
    item = scene.regions[region.id]
    assert item.toolTip() == ""  # not made for every muscle when the chart opens
    said: list[str] = []
    scene.signals.hoverText.connect(said.append)
    scene.set_hover(item)
    assert said == [describe_region(atlas, region)] and item.toolTip() == said[0]
    assert atlas.muscle(region.muscle).name in said[0]


def test_the_muscle_items_wait_for_the_first_paint_or_the_first_use(qapp, atlas):
    scene = ChartScene(atlas, "posterior", "superficial")
    assert not scene.regions_made  # the first frame is the background item's alone
    region = next(r for r in scene.chart.regions() if r.area > 2000)
    assert scene.region_at(*region.label) is not None  # a lookup makes them
    assert len(scene.regions) == len(scene.chart.regions())
    assert all(item.scene() is scene for item in scene.regions.values())


def test_muscles_lit_beside_the_spinal_landmarks_keep_the_landmarks_drawn_over_them(qapp, atlas):
    # paint_emphasis paints only the landmarks that reach the lit muscles; those must still
    # be drawn over them, and nothing may be missing where a landmark's name meets one.
    scene = ChartScene(atlas, "spinal", "superficial")
    chart = scene.chart
    assert chart.view.landmarks
    near = frozenset(r.id for r in chart.regions() for lm in chart.view.landmarks
                     if chart.region_path(r.id).boundingRect().intersects(
                         chart.landmark_bounds(lm)))
    assert near
    scene.set_search_highlight(near)
    shown = _render_scene(scene)
    expected = _render_painter(scene, highlight=near)
    assert _differing(expected, _render_painter(scene)) > 0.002  # they do show lit
    left, top = scene.sceneRect().left(), scene.sceneRect().top()
    for lm in chart.view.landmarks:  # pixel by pixel where each landmark and its name paint
        box = chart.landmark_bounds(lm).translated(-left, -top).toAlignedRect()
        box = box.intersected(shown.rect())
        assert _differing(shown.copy(box), expected.copy(box)) < 0.01, lm.name


@pytest.mark.parametrize("view_id", ["spinal", "posterior"])
def test_zoomed_in_the_cached_chart_paints_the_part_shown_and_looks_the_same(
        qapp, atlas, monkeypatch, view_id):
    import imsmap.ui.chart_muscles as chart_muscles
    from imsmap.ui.chart_view import ChartView

    scene = ChartScene(atlas, view_id, "superficial")
    view = ChartView()
    view.setScene(scene)
    view.resize(800, 600)
    view.zoom_by(6.0, anchor_under_mouse=False)
    region = max(scene.chart.regions(), key=lambda r: r.area)
    view.centerOn(*region.label)
    shown_parts = []
    real = chart_muscles.shown_part

    def recording(painter):
        shown_parts.append(real(painter))
        return shown_parts[-1]

    monkeypatch.setattr(chart_muscles, "shown_part", recording)
    part = view.viewport().grab().toImage()
    assert shown_parts  # the chart was painted, from the part shown
    whole = scene.chart.bounding_rect()
    painted = shown_parts[-1].intersected(whole)
    assert painted.width() * painted.height() < 0.25 * whole.width() * whole.height()
    # the same view with the whole chart painted into its cache, as before
    monkeypatch.setattr(chart_muscles, "shown_part", lambda painter: whole.adjusted(-50, -50, 50, 50))
    scene.background.update()
    everything = view.viewport().grab().toImage()
    assert part == everything
    view.deleteLater()


def test_a_small_repaint_paints_the_lit_muscles_within_it_and_looks_the_same(qapp, atlas):
    # A tap repaints the new marker's square: the emphasis item is told that square
    # (option.exposedRect) and paint_emphasis leaves out what cannot reach it.
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QPicture

    from imsmap.ui.chart_view import ChartView

    scene = ChartScene(atlas, "spinal", "superficial")
    chart = scene.chart
    region = max(chart.regions(), key=lambda r: r.area)
    lit = frozenset(r.id for r in chart.regions() if r.muscle == region.muscle)
    assert len(lit) > 4
    scene.set_search_highlight(lit)
    view = ChartView()
    view.setScene(scene)
    view.resize(600, 900)
    view.viewport().grab()  # laid out and fitted, the chart cached
    told: list[QRectF | None] = []
    real = chart.paint_emphasis

    def recording(painter, **kwargs):
        within = kwargs.get("within")
        told.append(None if within is None else QRectF(within))  # the option's, kept
        real(painter, **kwargs)

    chart.paint_emphasis = recording
    at = view.mapFromScene(*region.label)
    square = QRect(at.x() - 20, at.y() - 20, 40, 40)
    part = view.viewport().grab(square).toImage()
    assert told and told[-1] is not None
    assert told[-1].width() * told[-1].height() < 0.05 * chart.bounding_rect().width() * \
        chart.bounding_rect().height()
    # the same square painted with the whole of every lit muscle, as before
    chart.paint_emphasis = lambda painter, within=None, **kwargs: real(painter, **kwargs)
    assert view.viewport().grab(square).toImage() == part

    def recorded(**kwargs) -> int:
        picture = QPicture()
        p = QPainter(picture)
        real(p, highlight=lit, **kwargs)
        p.end()
        return picture.size()

    far = QRectF(0, 0, 20, 20)  # the top-left corner: no lit muscle reaches it
    assert recorded(within=far) < recorded() / 4
    view.deleteLater()


def test_the_chart_view_paints_every_pixel_itself_so_qt_fills_no_background_under_it(
        qtbot, window):
    """The viewport says it paints whole (WA_OpaquePaintEvent): Qt then skips filling its
    background before each paint (at every zoom step, tap and hover). The promise must hold:
    rendered over a colour the chart never uses, without the widget's background, at the
    fitted scale and zoomed out (the view wider than the chart), nothing of that colour is
    left."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QRegion
    from PySide6.QtWidgets import QWidget

    view = window.chart.view
    viewport = view.viewport()
    assert viewport.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    for zoom in (1.0, 0.6):
        view.fit()
        if zoom != 1.0:
            view.zoom_by(zoom, anchor_under_mouse=False)
        image = QImage(viewport.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#ff00ff"))
        viewport.render(image, QPoint(), QRegion(),
                        QWidget.RenderFlag.DrawChildren)  # no DrawWindowBackground
        left = sum(1 for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)
                   if image.pixelColor(x, y) == QColor("#ff00ff"))
        assert left == 0, f"{left} pixels not painted at {zoom} times 'fit'"
    # no scene: nothing paints the viewport, and Qt must fill it again
    view.setScene(None)
    assert not viewport.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
