"""A muscle's fibres zoomed in: a line at a time once they are wider than a pixel (Qt fills
each stroke's outline then, and one outline of lines spread over the muscle is several times
dearer to fill), joined below that (Qt draws them as hairlines), with the same pixels."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath

import imsmap.render.chart_painter as chart_painter
from imsmap.render.chart_painter import ChartPainter


class _Counting(QPainter):
    """Counts the paths drawn with a visible pen (the fibres, the outlines)."""

    def __init__(self, device):
        super().__init__(device)
        self.stroked: list[int] = []

    def drawPath(self, path: QPainterPath) -> None:  # noqa: N802 - Qt's name
        if self.pen().style() != Qt.PenStyle.NoPen:
            self.stroked.append(path.elementCount())
        super().drawPath(path)


def _paint(atlas, k: float) -> tuple[np.ndarray, list[int]]:
    chart = ChartPainter(atlas, "spinal")
    view = chart.view
    image = QImage(800, 600, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    p = _Counting(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.translate(400, 300)
    p.scale(k, k)
    p.translate(-view.width / 2, -1000)
    chart.paint_base(p, within=QRectF(view.width / 2 - 400 / k, 1000 - 300 / k, 800 / k, 600 / k))
    p.end()
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(600, -1)[:, : 800 * 4]
    return pixels.astype(int), p.stroked


@pytest.mark.parametrize("k", [0.6, 3.0])
def test_fibres_wider_than_a_pixel_are_drawn_a_line_at_a_time_with_the_same_pixels(
        qapp, atlas, monkeypatch, k):
    apart, calls_apart = _paint(atlas, k)
    monkeypatch.setattr(chart_painter, "FIBRES_APART_ABOVE_PX", float("inf"))  # always joined
    joined, calls_joined = _paint(atlas, k)
    assert (joined != 255).any() and np.array_equal(apart, joined)
    wide = chart_painter.LIGHT.fibre_width * k > 1.0
    assert wide == (k == 3.0)
    if wide:  # many more, smaller paths: the muscles' fibres one by one
        assert len(calls_apart) > 3 * len(calls_joined)
    else:
        assert calls_apart == calls_joined
