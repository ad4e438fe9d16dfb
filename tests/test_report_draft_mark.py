"""The DRAFT watermark on every page of a draft's PDF, charts or not. It was filled in light grey
under the page's content (PDF/A-1b has no transparency), and a draft's charts, opaque, hid all
of it but a sliver: a page of charts, printed or filed alone, did not look like a draft. Its
outline is drawn over the content, thin, so the word shows across the charts too."""

from __future__ import annotations

import subprocess

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTransform

from imsmap.report.document import DPI, new_pdf_writer, watermark_path
from imsmap.report.layout import Doc
from imsmap.report.session_pdf import write_session_pdf

RASTER_DPI = 100


def _needle_the_back(records, session_id):
    """Sites over the posterior view's two layers and the spine: pages of charts."""
    for view_id in ("posterior", "spinal"):
        view = records.atlas.view(view_id)
        for layer in view.layer_ids[:2]:
            regions = [r for r in view.regions_on(layer) if r.side == "R"][:3]
            for r in regions:
                records.add_site(session_id, view_id, *r.label, muscle_id=r.muscle,
                                 side=r.side, layer=r.layer, level=r.level, grasp=2)


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w = image.height(), image.width()
    return np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).reshape(
        h, image.bytesPerLine())[:, :w * 3].reshape(h, w, 3).astype(int)


def test_the_draft_mark_shows_over_the_charts(qapp, records, session, tmp_path):
    _needle_the_back(records, session.id)
    out = write_session_pdf(records, session.id, tmp_path / "draft.pdf", paper="A4",
                            language="en")
    subprocess.run(["pdftoppm", "-r", str(RASTER_DPI), "-png", str(out), str(tmp_path / "p")],
                   check=True, capture_output=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) >= 3
    writer = new_pdf_writer(tmp_path / "geometry.pdf", "A4", "", "", "x")
    doc = Doc(writer, DPI)
    path = watermark_path(doc, float(writer.width()), float(writer.height()), writer)
    path = QTransform.fromScale(RASTER_DPI / DPI, RASTER_DPI / DPI).map(path)
    shown = []
    for page in pages:
        image = QImage(str(page))
        mask = QImage(image.size(), QImage.Format.Format_Grayscale8)
        mask.fill(0)
        p = QPainter(mask)
        p.strokePath(path, QPen(QColor(255, 255, 255), 1.0, Qt.PenStyle.SolidLine))
        p.end()
        m = np.frombuffer(mask.constBits(), np.uint8, mask.sizeInBytes()).reshape(
            mask.height(), mask.bytesPerLine())[:, :mask.width()] > 128
        px = _pixels(image)[m]
        # the mark's grey, its fill's or its outline's: not white, not a chart's colours
        grey = (px.max(axis=1) - px.min(axis=1) < 18) & (px.max(axis=1) < 236)
        shown.append(grey.mean())
    # on every page, text or charts, the word's outline shows nearly all along in grey
    assert min(shown) > 0.8, shown
