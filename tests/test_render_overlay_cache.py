"""Repaints that reuse what they drew before: earlier markers as sprites on screen (vector in a
PDF), the chart-plus-heat image kept until its data or scale changes, and the window's history
overlay kept as a picture while the pointer and the selection move."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

import imsmap.ui.history_overlay as history_overlay
from imsmap.domain.heat import grasp_heat
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.heatmap import paint_heat_over_chart
from imsmap.render.overlay import OverlayMarker, paint_overlay
from test_render_overlay import VIEW, _history
from test_ui_history import hwin, visits  # noqa: F401 - fixtures
from test_ui_support import click_region, make_window, pick_region, qt_settings  # noqa: F401

MARKERS = [OverlayMarker(150 + 70 * (i % 10), 200 + 150 * (i // 10), (None, 0, 1, 2, 3)[i % 5],
                         1 + i % 4) for i in range(100)]


def _paint(sprites: bool | None, scale: float = 0.6, ratio: float = 1.0) -> QImage:
    image = QImage(int(1000 * scale * ratio), int(2000 * scale * ratio),
                   QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)  # a screen at 200 %: twice the pixels, the same layout
    image.fill(QColor("#ffffff"))
    p = QPainter(image)
    p.translate(3.3, 1.7)
    p.scale(scale, scale)
    paint_overlay(p, ChartPainter(VIEW, "posterior"), MARKERS, (), oldest=4, sprites=sprites)
    p.end()
    return image


def _arrays(*images: QImage) -> list[np.ndarray]:
    out = []
    for im in images:
        im = im.convertToFormat(QImage.Format.Format_RGB32)
        ptr = im.constBits()
        out.append(np.frombuffer(ptr, np.uint8).reshape(im.height(), im.bytesPerLine())
                   [:, : im.width() * 4].astype(int))
    return out


def test_sprites_look_like_the_vector_markers(qapp):
    vector, sprites, auto = _arrays(_paint(False), _paint(True), _paint(None))
    assert (vector != 255).any()  # markers were drawn
    assert np.array_equal(sprites, auto)  # into an image the sprites are the default
    # the same markers within half a pixel: colours agree except along the edges
    differing = (np.abs(vector - sprites).reshape(*vector.shape[:1], -1, 4).max(axis=2) > 60)
    drawn = ((vector != 255).reshape(*vector.shape[:1], -1, 4).any(axis=2))
    assert differing.sum() < 0.12 * drawn.sum()


@pytest.mark.parametrize("ratio", [2.0, 1.5])
def test_sprites_look_like_the_vector_markers_on_a_screen_at_200_and_150_percent(qapp, ratio):
    # Qt's transform already holds the pixel ratio; multiplied by it again, the earlier
    # visits' markers came out twice their size, twice as far from the corner, and cut off
    # where the window's cached picture ended (QT_SCALE_FACTOR=2, walk of 5 December).
    vector, sprites = _arrays(_paint(False, ratio=ratio), _paint(True, ratio=ratio))
    differing = (np.abs(vector - sprites).reshape(*vector.shape[:1], -1, 4).max(axis=2) > 60)
    drawn = ((vector != 255).reshape(*vector.shape[:1], -1, 4).any(axis=2))
    assert drawn.sum() > 0.01 * drawn.size  # the markers were drawn
    # Edges differ where a sprite sits at a whole device pixel and a vector marker half a
    # pixel off: about 12 % of the pixels drawn at these ratios since the grades' pips (more
    # edges; 10 % before them). Misplaced or mis-sized sprites differ over most of them.
    assert differing.sum() < 0.15 * drawn.sum()


def _pdf(paint) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    p = QPainter(writer)
    paint(p)
    p.end()
    buffer.close()
    return bytes(data)


def test_a_pdf_keeps_vector_markers(qapp):
    chart = ChartPainter(VIEW, "posterior")
    pdf = _pdf(lambda p: paint_overlay(p, chart, MARKERS, (), oldest=4))
    assert len(pdf) > 1000 and b"/Subtype /Image" not in pdf
    pdf = _pdf(lambda p: paint_overlay(p, chart, MARKERS, (), oldest=4, sprites=True))
    assert b"/Subtype /Image" not in pdf  # asked for sprites, a PDF still gets vectors
    control = _pdf(lambda p: p.drawImage(0, 0, _paint(True, 0.1)))
    assert b"/Subtype /Image" in control  # an image in a PDF would show


def test_the_chart_with_its_heat_is_composed_once_per_data_and_scale(qapp):
    chart = ChartPainter(VIEW, "posterior")
    grid = grasp_heat(_history(), "posterior", VIEW.width, VIEW.height)
    image = QImage(500, 1000, QImage.Format.Format_RGB32)
    p = QPainter(image)
    p.scale(0.5, 0.5)
    first = paint_heat_over_chart(p, chart, grid, pixels_per_unit=0.5)
    assert paint_heat_over_chart(p, chart, grid, pixels_per_unit=0.5) is first
    zoomed = paint_heat_over_chart(p, chart, grid, pixels_per_unit=0.75)
    assert zoomed is not first and zoomed.width() == 750
    lit = paint_heat_over_chart(p, chart, grid, pixels_per_unit=0.75,
                                base_kwargs={"highlight": frozenset({"gluteus_medius"})})
    assert lit is not zoomed
    new_data = grasp_heat(_history().select(_history().ids[:1]), "posterior", VIEW.width,
                          VIEW.height)
    again = paint_heat_over_chart(p, chart, new_data, pixels_per_unit=0.75)
    p.end()
    assert again is not zoomed and _arrays(again)[0].tolist() != _arrays(zoomed)[0].tolist()


def test_the_history_overlay_is_not_repainted_by_hover_or_a_new_site(
        qtbot, hwin, visits, monkeypatch):
    calls = []
    original = history_overlay.paint_overlay

    def counting(*args, **kwargs):
        calls.append(1)
        original(*args, **kwargs)

    monkeypatch.setattr(history_overlay, "paint_overlay", counting)
    scene = hwin.chart.scene
    item = hwin.overlay.item_for(scene)
    assert item is not None and item.markers  # earlier visits drawn
    viewport = hwin.chart.view.viewport()
    item.update()  # the counting works: a changed overlay is painted again
    viewport.repaint()
    assert calls
    n = len(calls)
    region = pick_region(hwin)
    scene.set_hover(scene.regions[region.id])
    viewport.repaint()
    click_region(qtbot, hwin, region)
    viewport.repaint()
    qtbot.wait(20)
    assert len(hwin.edits.sites) == 2  # today's site added (the draft had one)
    assert len(calls) == n
    hwin.history_bar.heat.setChecked(not hwin.history_bar.heat.isChecked())
    viewport.repaint()
    assert len(calls) == n + 1  # a change of what it shows does repaint it


def test_sprites_at_whole_pixels_are_where_the_raster_engine_puts_them(qapp):
    # render.overlay places sprites with drawImage(int, int) at a pixel ratio of 1: the pixels
    # of placing each at its exact point (QPointF), which the raster engine rounds.
    from PySide6.QtCore import QPointF

    from imsmap.render import overlay

    chart = ChartPainter(VIEW, "posterior")
    fast = _paint(True)
    exact = QImage(fast.size(), QImage.Format.Format_RGB32)
    exact.fill(QColor("#ffffff"))
    p = QPainter(exact)
    scale, dx, dy = 0.6, 3.3, 1.7
    for m in sorted(MARKERS, key=lambda m: -m.age):
        size = overlay.LAST_SCALE if m.age <= 1 else overlay.EARLIER_SCALE
        image = overlay.marker_sprite(chart, overlay.age_fade(m.age, 4), m.grasp, size, (scale, 1.0))
        half = image.width() / 2
        p.drawImage(QPointF(m.x * scale + dx - half, m.y * scale + dy - half), image)
    p.end()
    a, b = _arrays(fast, exact)
    assert (a != 255).any() and np.array_equal(a, b)


def _frame(chart: ChartPainter, scale: float, marker_scale: float) -> np.ndarray:
    image = QImage(int(1000 * scale), int(2000 * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    p = QPainter(image)
    p.translate(3.3, 1.7)
    p.scale(scale, scale)
    paint_overlay(p, chart, MARKERS, (), oldest=4, scale=marker_scale, sprites=True)
    p.end()
    return _arrays(image)[0]


def test_a_zoom_step_that_keeps_the_markers_size_on_screen_reuses_their_sprites(qapp):
    # The window keeps markers the same size on screen over most of its zoom range (twice the
    # scale, half the marker size): a zoom step there paints no sprite again, and they are the
    # pixels of the markers painted afresh at that scale.
    from imsmap.render import overlay

    chart = ChartPainter(VIEW, "posterior")
    first = overlay.marker_sprite(chart, 0.3, 2, 0.55, (0.6, 1.0))
    assert overlay.marker_sprite(chart, 0.3, 2, 0.275, (1.2, 1.0)) is first
    assert overlay.marker_sprite(chart, 0.3, 2, 0.55, (1.2, 1.0)) is not first  # larger

    _frame(chart, 0.6, 1.0)
    reused = _frame(chart, 1.2, 0.5)  # every sprite taken from the step before
    fresh = _frame(ChartPainter(VIEW, "posterior"), 1.2, 0.5)
    assert (reused != 255).any() and np.array_equal(reused, fresh)

    # each sprite is the marker as painted by the chart painter at that scale (faded colours,
    # the grade's pips)
    reference = QImage(first.size(), QImage.Format.Format_ARGB32_Premultiplied)
    reference.fill(QColor(0, 0, 0, 0))
    p = QPainter(reference)
    p.translate(first.width() / 2, first.height() / 2)
    p.scale(1.2, 1.2)
    faded = ChartPainter(VIEW, "posterior")
    faded.style = overlay.faded_style(faded.style, 0.3)
    faded.paint_marker(p, 0.0, 0.0, None, 2, scale=0.275, pips=True)
    p.end()
    a, b = _arrays(first, reference)
    # The same pixels, but for a few levels of a pip's edge: 0.275 x 1.2 is 0.33 to a last bit,
    # and a dot of a pixel's size is that sensitive (a sprite of another look, or another
    # size, differs by a hundred levels and more).
    assert (b != 0).any() and np.abs(a - b).max() <= 16


def test_markers_put_in_order_once_paint_as_the_markers_themselves(qapp):
    from imsmap.render.overlay import EarlierMarkers

    chart = ChartPainter(VIEW, "posterior")
    prepared = EarlierMarkers(MARKERS, 4)
    for sprites in (True, False):
        images = []
        for earlier in (MARKERS, prepared):
            image = QImage(600, 1200, QImage.Format.Format_RGB32)
            image.fill(QColor("#ffffff"))
            p = QPainter(image)
            p.scale(0.6, 0.6)
            paint_overlay(p, chart, earlier, (), oldest=4, sprites=sprites)
            p.end()
            images.append(image)
        a, b = _arrays(*images)
        assert (a != 255).any() and np.array_equal(a, b)


def test_sprites_beyond_the_part_painted_are_not_drawn(qapp):
    # Zoomed in, the window's overlay picture holds the part of the chart in view: markers
    # beyond it (or beyond a clip) are not blitted, and what shows is the same.
    drawn = []

    class Counting(QPainter):
        def drawImage(self, *args):  # noqa: N802 - Qt's name
            drawn.append(args)
            super().drawImage(*args)

    chart = ChartPainter(VIEW, "posterior")
    whole = _arrays(_paint(True))[0]
    for clip in (None, (0, 0, 300, 150)):
        drawn.clear()
        part = QImage(300, 300, QImage.Format.Format_RGB32)
        part.fill(QColor("#ffffff"))
        p = Counting(part)
        if clip is not None:
            p.setClipRect(*clip)
        p.translate(3.3, 1.7)
        p.scale(0.6, 0.6)
        paint_overlay(p, chart, MARKERS, (), oldest=4, sprites=True)
        p.end()
        height = 300 if clip is None else 150
        shown = _arrays(part)[0][:height, : 300 * 4]
        assert (shown != 255).any() and np.array_equal(shown, whole[:height, : 300 * 4])
        assert 0 < len(drawn) < (40 if clip is None else 20)  # of 100 markers
