"""Words on the chart: the halo filled from its outline on a raster device looks as the stroke
a PDF carries; a chart's notes beyond the part painted are left out."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPicture

from imsmap.atlas.views import load_views
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.style import LIGHT
from imsmap.render.text import draw_text, halo_outline, text_path

BACKGROUND, HALO, INK = QColor("#c04040"), QColor("#ffffff"), QColor("#404860")


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    raw = np.array(image.constBits(), copy=True).reshape(image.height(), image.bytesPerLine())
    return raw[:, :image.width() * 4].reshape(image.height(), image.width(), 4)[:, :, :3].astype(int)


def _text_image(text: str, size: float, bold: bool, k: float, *, vector: bool) -> np.ndarray:
    """`text` painted at `k` pixels a unit: straight on the image (the raster way: the halo's
    outline filled), or recorded first (a QPicture, as a PDF: the halo stroked) and replayed."""
    box = text_path(text, size, bold=bold).boundingRect().adjusted(-size, -size, size, size)
    image = QImage(int(box.width() * k) + 2, int(box.height() * k) + 2,
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(BACKGROUND)
    recording = QPicture()
    painter = QPainter(recording if vector else image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.scale(k, k)
    painter.translate(-box.left(), -box.top())
    draw_text(painter, text, size, (0.0, 0.0), INK, HALO, bold=bold)
    painter.end()
    if vector:
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        recording.play(painter)
        painter.end()
    return _pixels(image)


@pytest.mark.parametrize(("text", "size", "bold"), [
    ("Mf multifidus   Lo longissimus", 11.0, True),
    ("Côté gauche du patient", 22.0, True),
    ("rectus capitis posterior major", 13.0, False),
])
@pytest.mark.parametrize("k", [0.54, 2.0, 6.0])
def test_the_filled_halo_looks_as_the_stroked_one(qapp, text, size, bold, k):
    filled = _text_image(text, size, bold, k, vector=False)
    stroked = _text_image(text, size, bold, k, vector=True)
    # the halo shows (green is low in both the background and the ink): something to compare
    assert (stroked[:, :, 1] > 200).sum() > 20
    painted = np.abs(stroked - [BACKGROUND.blue(), BACKGROUND.green(), BACKGROUND.red()]
                     ).max(axis=2) > 0
    # Only the anti-aliased edge differs, by a fraction of a pixel's coverage.
    diff = np.abs(filled - stroked).max(axis=2)
    assert (diff > 64).sum() <= 0.02 * painted.sum(), ((diff > 64).sum(), painted.sum())


def test_the_halo_outline_covers_the_text_and_a_band_round_it(qapp):
    text, size = "T7 Lo", 20.0
    glyphs = text_path(text, size).boundingRect()
    halo = halo_outline(text, size).boundingRect()
    band = size * 0.14  # half the pen of size * 0.28
    for got, want in ((halo.left(), glyphs.left() - band), (halo.top(), glyphs.top() - band),
                      (halo.right(), glyphs.right() + band),
                      (halo.bottom(), glyphs.bottom() + band)):
        assert got == pytest.approx(want, abs=0.05 * size)


def _recording_size(view, within: QRectF) -> int:
    recording = QPicture()
    painter = QPainter(recording)
    ChartPainter(view, view.id, view.layer_ids[0], LIGHT).paint_base(painter, within=within)
    painter.end()
    return recording.size()


def test_notes_beyond_the_part_painted_are_left_out(qapp):
    # The spinal chart's key lies at its foot: a part above it paints nothing of it (a PDF
    # writes every path it is given, seen or not), and a part holding it paints it.
    view = load_views()["spinal"]
    assert view.notes and min(n.y for n in view.notes) > view.height * 0.8
    without_notes = dataclasses.replace(view, notes=())
    top = QRectF(0, 0, view.width, view.height / 2)
    assert _recording_size(view, top) == _recording_size(without_notes, top)
    foot = QRectF(0, view.height * 0.8, view.width, view.height * 0.2)
    assert _recording_size(view, foot) > _recording_size(without_notes, foot)
