"""The chart as a PDF carries it: a muscle's outline written twice (the clip its fibres need,
filled, and the stroke), not three times, and the same picture as on screen."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import (
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPicture,
)

from imsmap.atlas import load_atlas
from imsmap.atlas.view_files import load_views
from imsmap.i18n.records import speaking
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.style import LIGHT
from imsmap.report.print_chart import captions_in_records_language

VIEWS = load_views()


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    raw = np.array(image.constBits(), copy=True).reshape(image.height(), image.bytesPerLine())
    return raw[:, :image.width() * 4].reshape(image.height(), image.width(), 4)[:, :, :3].astype(int)


def _chart_image(view_id: str, layer: str, k: float, *, vector: bool,
                 highlight: frozenset = frozenset()) -> np.ndarray:
    """The chart at `k` pixels a unit: painted straight on the image (the raster way), or
    recorded first (a QPicture: a vector device, as a PDF) and replayed."""
    view = VIEWS[view_id]
    image = QImage(int(view.width * k), int(view.height * k), QImage.Format.Format_RGB32)
    image.fill(QColor(LIGHT.background))
    recording = QPicture()
    painter = QPainter(recording if vector else image)
    painter.scale(k, k)
    ChartPainter(view, view_id, layer, LIGHT).paint_base(painter, highlight=highlight)
    painter.end()
    if vector:
        painter = QPainter(image)
        recording.play(painter)
        painter.end()
    return _pixels(image)


@pytest.mark.parametrize(("view_id", "layer"), [("spinal", "superficial"),
                                                ("anterior", "superficial"),
                                                ("posterior", "deep")])
@pytest.mark.parametrize("k", [0.7, 2.0])
def test_a_chart_on_a_vector_device_looks_as_on_screen(qapp, view_id, layer, k):
    view = VIEWS[view_id]
    layer = layer if layer in view.layer_ids else view.layer_ids[-1]
    lit = frozenset({view.regions_on(layer)[0].muscle})
    raster = _chart_image(view_id, layer, k, vector=False, highlight=lit)
    vector = _chart_image(view_id, layer, k, vector=True, highlight=lit)
    # Only anti-aliased edges differ (the fill's clipped edge under the outline's stroke, the
    # words' halo stroked rather than filled), by a fraction of a pixel's coverage: a muscle
    # left unfilled, or filled beyond its outline, differs over thousands of pixels.
    diff = np.abs(raster - vector).max(axis=2)
    assert (diff > 64).sum() <= 0.002 * diff.size, ((diff > 64).sum(), diff.size)


def _a4_at_72_dpi(out) -> QPdfWriter:
    """A PDF of one A4 page without margins, one unit a point."""
    writer = QPdfWriter(str(out))
    writer.setResolution(72)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    return writer


def _content(view, within: QRectF, tmp_path) -> bytes:
    out = tmp_path / "chart.pdf"
    writer = _a4_at_72_dpi(out)
    painter = QPainter(writer)
    painter.scale(0.25, 0.25)
    ChartPainter(view, view.id, view.layer_ids[0], LIGHT).paint_base(painter, within=within)
    painter.end()
    del writer
    return PdfReader(str(out)).pages[0].get_contents().get_data()


def _subpaths(path: QPainterPath) -> int:
    return sum(1 for i in range(path.elementCount())
               if path.elementAt(i).type == QPainterPath.ElementType.MoveToElement)


def test_a_pdf_writes_a_muscle_outline_twice(qapp, tmp_path):
    # One muscle with fibres, alone on its sheet, painted away from the caption: the PDF holds
    # the body outline (filled, then stroked), the muscle's outline as a clip and as a stroke
    # (its fill is the clip's rectangle), and each fibre.
    view = VIEWS["posterior"]
    region = next(r for r in view.regions_on(view.layer_ids[0])
                  if r.fibres and ChartPainter(view, view.id).region_path(r.id)
                  .boundingRect().top() > view.height / 2)
    alone = dataclasses.replace(view, regions=(region,), details=(), landmarks=(), notes=(),
                                groups=())
    painter = ChartPainter(alone, alone.id)
    within = painter.region_path(region.id).boundingRect()
    content = _content(alone, within, tmp_path)
    moves = len(re.findall(rb"\sm\n", content))
    body = _subpaths(painter.outline_path())
    outline = _subpaths(painter.region_path(region.id))
    fibres = _subpaths(painter.fibre_path(region))
    assert moves == 2 * body + 2 * outline + fibres, (moves, body, outline, fibres)


def test_a_charts_words_are_text_of_the_pdf(qapp, tmp_path):
    # The words a chart paints (its side captions, landmarks and key) are written as the
    # font's text, in the chart's language: a records system finds them by a search, and their
    # outlines are written once (the halo's stroke), not twice.
    atlas = load_atlas()
    view = VIEWS["spinal"]
    out = tmp_path / "words.pdf"
    writer = _a4_at_72_dpi(out)
    painter = QPainter(writer)
    painter.scale(0.5, 0.5)
    chart = ChartPainter(view, view.id, view.layer_ids[0], LIGHT)
    with speaking("fr_CA"):
        captions_in_records_language(chart, atlas)
        chart.paint_base(painter)
    painter.end()
    del writer
    text = " ".join(PdfReader(str(out)).pages[0].extract_text().split())
    for lm in view.landmarks:
        assert " ".join(atlas.landmark_name(view.id, lm.id, "fr_CA").split()) in text
    for note in view.notes:
        words = atlas.note_text(view.id, note.id, "fr_CA").split()
        assert " ".join(words[:3]) in text, (words, text)
    assert "GAUCHE du patient" in text and "DROITE du patient" in text
    # no "fi" ligature: a search for "multifide" finds it
    assert "multifide" in text and "\ufb01" not in text
