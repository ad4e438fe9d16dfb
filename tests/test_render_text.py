"""Words on the chart: on screen the halo is filled from its outline and the letters from theirs;
in a PDF the halo is a stroke and the letters are text. Both look the same, and the PDF's words
can be searched. A chart's notes beyond the part painted are left out."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPicture,
)

from imsmap.atlas.view_files import load_views
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.style import LIGHT
from imsmap.render.text import draw_text, halo_outline, text_path

BACKGROUND, HALO, INK = QColor("#c04040"), QColor("#ffffff"), QColor("#404860")


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    raw = np.array(image.constBits(), copy=True).reshape(image.height(), image.bytesPerLine())
    return raw[:, :image.width() * 4].reshape(image.height(), image.width(), 4)[:, :, :3].astype(int)


def _text_image(text: str, size: float, bold: bool, k: float, tmp_path: Path, *,
                vector: bool) -> np.ndarray:
    """`text` painted at `k` pixels a unit: straight on the image (the raster way: the halo's
    outline filled, the letters' outlines filled), or written into a PDF (the halo stroked, the
    letters the font's own glyphs) and that page rasterised by poppler's pdftoppm."""
    box = text_path(text, size, bold=bold).boundingRect().adjusted(-size, -size, size, size)
    width, height = int(box.width() * k) + 2, int(box.height() * k) + 2
    if not vector:
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(BACKGROUND)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.scale(k, k)
        painter.translate(-box.left(), -box.top())
        draw_text(painter, text, size, (0.0, 0.0), INK, HALO, bold=bold)
        painter.end()
        return _pixels(image)
    # a page of width x height points at 72 dpi: one point of the page is one pixel of the image
    writer = QPdfWriter(str(tmp_path / "text.pdf"))
    writer.setResolution(72)
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(width, height), QPageSize.Unit.Point),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    painter.fillRect(QRectF(0, 0, width, height), BACKGROUND)
    painter.scale(k, k)
    painter.translate(-box.left(), -box.top())
    draw_text(painter, text, size, (0.0, 0.0), INK, HALO, bold=bold)
    painter.end()
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", str(tmp_path / "text.pdf"),
                    str(tmp_path / "text")], check=True, capture_output=True)
    image = QImage(str(tmp_path / "text.png"))
    return _pixels(image.copy(0, 0, width, height))


@pytest.mark.parametrize(("text", "size", "bold"), [
    ("Mf multifidus   Lo longissimus", 11.0, True),
    ("Côté gauche du patient", 22.0, True),
    ("rectus capitis posterior major", 13.0, False),
])
@pytest.mark.parametrize("k", [0.54, 2.0, 6.0])
def test_a_text_in_a_pdf_looks_as_on_screen(qapp, tmp_path, text, size, bold, k):
    """The halo filled from its outline on screen looks as the PDF's stroke, and the letters
    the PDF holds as text look as the outlines the screen fills."""
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm (poppler-utils) is needed to read the PDF back")
    screen = _text_image(text, size, bold, k, tmp_path, vector=False)
    pdf = _text_image(text, size, bold, k, tmp_path, vector=True)
    # the halo and the ink show (green is low in the background and the ink, high in the halo;
    # blue is high in the ink only): something to compare
    assert (pdf[:, :, 1] > 200).sum() > 20 and (_ink(pdf)).sum() > 5
    painted = np.abs(pdf - [BACKGROUND.blue(), BACKGROUND.green(), BACKGROUND.red()]
                     ).max(axis=2) > 0
    # Only the anti-aliased edges differ, by a fraction of a pixel's coverage, and the letters
    # by where each renderer puts a glyph's bitmap (poppler by whole pixels down, quarter
    # pixels across): each pixel is compared with the nearest alike within one pixel.
    diff = _nearest_difference(screen, pdf)
    assert (diff > 64).sum() <= 0.02 * painted.sum(), ((diff > 64).sum(), painted.sum())
    assert abs(int(_ink(screen).sum()) - int(_ink(pdf).sum())) <= 0.1 * _ink(screen).sum() + 4


def _ink(pixels: np.ndarray) -> np.ndarray:
    return np.abs(pixels - [INK.blue(), INK.green(), INK.red()]).max(axis=2) < 48


def _nearest_difference(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per pixel of `a`, the least difference to a pixel of `b` one pixel or less away."""
    padded = np.pad(b, ((1, 1), (1, 1), (0, 0)), mode="edge")
    h, w = a.shape[:2]
    return np.min([np.abs(a - padded[1 + dy:1 + dy + h, 1 + dx:1 + dx + w]).max(axis=2)
                   for dy in (-1, 0, 1) for dx in (-1, 0, 1)], axis=0)


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


@pytest.mark.parametrize("k", [0.25, 0.6, 1.5])
def test_a_lines_halo_is_filled_a_word_at_a_time_and_looks_the_same(qapp, k):
    # One outline for a whole line is long to fill (Qt's rasteriser goes over it for each band
    # of rows it fits in its memory); the parts that do not meet, filled one by one, paint what
    # the whole does but for a few edge pixels where two words' halos come within a pixel.
    line = "Mf multifidus   Lo longissimus   IL iliocostalis"
    fills: list[QRectF] = []

    class Counting(QPainter):
        def drawPath(self, path):  # noqa: N802 - Qt's name
            if self.brush().color() == HALO:
                fills.append(path.boundingRect())
            super().drawPath(path)

    def paint(whole: bool) -> np.ndarray:
        image = QImage(int(700 * k), int(60 * k), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(BACKGROUND)
        p = Counting(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.scale(k, k)
        if whole:  # the halo filled as one outline, then the letters
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(HALO)
            p.drawPath(halo_outline(line, 14, bold=True, anchor="left", at=(10, 30)))
            p.setBrush(INK)
            p.drawPath(text_path(line, 14, bold=True, anchor="left", at=(10, 30)))
        else:
            draw_text(p, line, 14, (10, 30), INK, HALO, anchor="left", bold=True)
        p.end()
        return _pixels(image)

    apart = paint(False)
    assert len(fills) >= 6  # the halo in parts (the words, at least), none meeting another
    assert not any(a.intersects(b) for i, a in enumerate(fills) for b in fills[i + 1:])
    whole = paint(True)
    differing = np.abs(apart - whole).max(axis=2)
    assert (apart != BACKGROUND.red()).any()
    assert (differing > 0).sum() <= 12 and differing.max() <= 48


def test_a_text_is_outlined_once_whatever_asks_for_it(qapp, monkeypatch):
    """text_path places the text by its outline's box and then maps that outline: one outline,
    made once for the text (they were two, cached apart, until 7 December: every number on
    the markers and every word on the chart was laid out twice the first time)."""
    from PySide6.QtGui import QPainterPath

    outlined: list[str] = []
    add_text = QPainterPath.addText

    def counted(self, *args):
        outlined.append(args[-1])
        return add_text(self, *args)

    monkeypatch.setattr(QPainterPath, "addText", counted)
    text = "once 7 December 02:40"  # no other test outlines it
    first = text_path(text, 5.0, bold=True, at=(10.0, 20.0))
    again = text_path(text, 9.0, bold=True, anchor="left", at=(0.0, 0.0))
    assert outlined == [text]
    assert first.elementCount() == again.elementCount() > 0
    assert first.boundingRect().center().x() == pytest.approx(10.0)
    assert again.boundingRect().left() == pytest.approx(0.0)
