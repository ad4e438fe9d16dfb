"""The atlas carries only the fibre lines that can show: the painter clips a muscle's fibres to
its region, and a line its clip hides entirely was parsed at every paint and written into every
PDF of the chart for nothing (a third of the spinal chart's lines, the session PDF's charts a
tenth larger). The generators leave them out (tools/atlas/fibre_reach.py); none that paints a
pixel may go."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPathStroker, QPen

from imsmap.atlas.view_files import load_views
from imsmap.render.paths import painter_path
from imsmap.render.style import LIGHT

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "atlas"))

import fibre_reach  # noqa: E402

VIEWS = load_views()


def test_the_generators_pen_is_the_charts():
    assert fibre_reach.FIBRE_PEN == LIGHT.fibre_width


@pytest.mark.parametrize("view_id", sorted(VIEWS))
def test_every_fibre_line_reaches_its_region(qapp, view_id):
    stroker = QPainterPathStroker()
    stroker.setWidth(LIGHT.fibre_width + 2 * fibre_reach.MARGIN)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    hidden = [(r.id, f) for r in VIEWS[view_id].regions
              for f in r.fibres if not stroker.createStroke(painter_path(f)).intersects(
                  painter_path(r.d))]
    assert hidden == []


def _paints(d: str, fibre: str, k: float) -> bool:
    """Whether the fibre, stroked with the chart's pen and clipped to region ``d`` as the
    painter does, changes a pixel at ``k`` pixels a unit."""
    region = painter_path(d)
    box = region.boundingRect().adjusted(-4, -4, 4, 4)
    image = QImage(int(box.width() * k) + 1, int(box.height() * k) + 1,
                   QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.scale(k, k)
    painter.translate(-box.x(), -box.y())
    painter.setClipPath(region)
    painter.setPen(QPen(QColor("#000000"), LIGHT.fibre_width, Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap))
    painter.drawPath(painter_path(fibre))
    painter.end()
    raw = np.array(image.constBits(), copy=True)
    return bool((raw != 0xFF).any())


def test_a_line_that_paints_a_pixel_is_kept(qapp):
    # Lines across a slanted muscle's box, as the spinal chart lays them, some wholly inside,
    # some crossing its edge, some grazing its corner, some past it: each that tints a pixel
    # at a large zoom, or at the window's smallest, is one the generators keep.
    region = next(r for r in VIEWS["spinal"].regions if r.fibres and r.side == "R")
    box = painter_path(region.d).boundingRect()
    centre = box.center()
    direction = QLineF.fromPolar(1.0, 180 + 58)  # up and in, as spinal.fibres_for
    normal = QPointF(-direction.dy(), direction.dx())
    reach = (box.width() + box.height()) / 2 + 8
    lines = []
    for i in range(-80, 81):
        at = centre + normal * (i * 0.5)
        a = at - QPointF(direction.dx(), direction.dy()) * reach
        b = at + QPointF(direction.dx(), direction.dy()) * reach
        lines.append(f"M {a.x():.1f} {a.y():.1f} L {b.x():.1f} {b.y():.1f}")
    kept = set(fibre_reach.reaching(region.d, lines))
    painting = [f for f in lines if _paints(region.d, f, 8.0) or _paints(region.d, f, 0.35)]
    assert painting and set(painting) <= kept
    assert len(kept) < len(lines)  # the lines far past the muscle go
