"""A landmark's name on a session PDF's enlargement (the spinal chart's vertebrae and bony
points, named beside their diamonds) lies wholly inside the enlargement's frame, or is left out:
a name cut by the frame ("Épine de la scapula : T" at its edge) reads as another word. In English
and in French, whose names are longer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

from imsmap.render.text import HALO_WIDTH, text_path
from imsmap.report.crop_words import enlargement_word_size
from imsmap.report.document import device_resolution
from imsmap.report.layout import Doc
from imsmap.report.session_charts import ChartBlock

# pairs of levels a side: each lays out its own enlargement, from the neck to the sacrum
LEVELS = ("C1", "C2", "C3", "C4", "C5", "C6", "C7", "T1", "T2", "T3", "T4", "T5", "T6", "T7",
          "T8", "T9", "T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4")


def _enlargements(records, session, tmp_path, language):
    """For each two neighbouring levels of multifidus on the right, then on the left, and with
    the neck's C4 on the other side too (several enlargements beside the whole chart): the
    block and its enlargements, as the session PDF lays them out, its words in `language`."""
    view = records.atlas.view("spinal")
    by_level = {(r.side, r.level): r for r in view.regions_on("superficial")
                if r.muscle == "multifidus"}
    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    doc = Doc(writer, device_resolution(writer))
    out = []
    for side in ("R", "L"):
        for upper, lower in zip(LEVELS, LEVELS[1:]):
            needled = [by_level[(side, level)] for level in (upper, lower)
                       if (side, level) in by_level]
            if len(needled) < 2:
                continue
            far = by_level.get(("L" if side == "R" else "R", "C4"))
            sites = []
            for n, region in enumerate([*needled, *([far] if far else [])], start=1):
                sites.append(_site(n, region))
            block = ChartBlock(records, "spinal", "superficial", sites)
            block.chart.speak(records.atlas, language)
            overview, panels = block.layout(doc, 0.0, 0.0, doc.mm(180))
            if overview is not None:
                out.extend((block, doc, panel) for panel in panels)
    return out


def _site(seq, region):
    from imsmap.domain.models import Site

    x, y = region.label
    return Site(id=seq, session_id=1, seq=seq, view_id="spinal", layer="superficial", x=x, y=y,
                muscle_id=region.muscle, side=region.side, level=region.level)


@pytest.mark.parametrize("language", ["en", "fr_CA"])
def test_an_enlargement_s_landmark_names_lie_inside_it_or_are_left_out(
        qapp, records, session, tmp_path, language):
    cut = []
    named = 0
    for block, doc, panel in _enlargements(records, session, tmp_path, language):
        chart = block.chart
        crop = QRectF(*panel.crop)
        size = enlargement_word_size(doc) / panel.scale
        for lm in chart.view.landmarks:
            anchor, at, bounds = chart.landmark_place(lm, size, crop)
            if not bounds.intersects(crop):
                continue  # not painted on this enlargement
            if anchor is None:
                continue  # left out: its diamond alone
            pad = size * HALO_WIDTH / 2  # the painter's outline of the name, and its halo
            name = text_path(chart.landmark_captions.get(lm.id, lm.name), size, anchor=anchor,
                             at=at).boundingRect().adjusted(-pad, -pad, pad, pad)
            named += 1
            if not crop.contains(name):
                cut.append((chart.landmark_captions.get(lm.id, lm.name), name, crop))
    assert named, "no enlargement names a landmark: nothing to test"
    assert not cut, cut


def _enlarged(chart, crop: QRectF, size: float) -> QImage:
    """The enlargement of `crop` as the session PDF paints it (its part of the chart, the
    landmarks' names at `size`), into an image."""
    image = QImage(300, int(300 * crop.height() / crop.width()), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    k = 300 / crop.width()
    painter.scale(k, k)
    painter.translate(-crop.x(), -crop.y())
    chart.paint_base(painter, within=crop, notes=False, word_size=size, level_names=False)
    painter.end()
    return image


def test_a_name_left_out_of_an_enlargement_is_not_painted(qapp, records, session, tmp_path):
    """A landmark whose name fits on neither side of its diamond within the frame: the
    enlargement paints it as it paints the chart without the landmarks' names, the diamond
    alone."""
    for block, doc, panel in _enlargements(records, session, tmp_path, "fr_CA"):
        chart = block.chart
        crop = QRectF(*panel.crop)
        size = enlargement_word_size(doc) / panel.scale
        left_out = [lm for lm in chart.view.landmarks
                    if chart.landmark_place(lm, size, crop)[2].intersects(crop)
                    and chart.landmark_place(lm, size, crop)[0] is None]
        named = [lm for lm in chart.view.landmarks
                 if chart.landmark_place(lm, size, crop)[2].intersects(crop)
                 and chart.landmark_place(lm, size, crop)[0] is not None]
        if left_out and not named:
            painted = _enlarged(chart, crop, size)
            chart.landmark_names = False  # the diamonds alone
            assert painted == _enlarged(chart, crop, size)
            return
    pytest.skip("no enlargement leaves a name out and shows no other in this atlas")


def _landmark_ink(chart, crop: QRectF, size: float, near: QRectF) -> int:
    """How many pixels of the landmarks' colour the enlargement of `crop` paints in `near`
    (view units): the diamond and the name of a landmark there."""
    image = _enlarged(chart, crop, size)
    k = image.width() / crop.width()
    colour = QColor(chart.style.landmark).rgb()
    x0, y0 = int((near.left() - crop.left()) * k), int((near.top() - crop.top()) * k)
    x1, y1 = int((near.right() - crop.left()) * k), int((near.bottom() - crop.top()) * k)
    return sum(1 for x in range(max(0, x0), min(image.width(), x1))
               for y in range(max(0, y0), min(image.height(), y1))
               if image.pixel(x, y) == colour)


@pytest.mark.parametrize("language", ["en", "fr_CA"])
def test_a_landmark_the_frame_cuts_is_left_out(qapp, records, tmp_path, language):
    """The spinal chart's « PSIS: S2 » at the right edge of a progress report's panel: its
    diamond cut by the frame and its name against the frame's line. A landmark whose diamond
    does not lie inside the frame, clear of its line, is not painted, nor its name; a little
    further in, both are, the name clear of the line too."""
    block = ChartBlock(records, "spinal", "superficial", [])
    chart = block.chart
    chart.speak(records.atlas, language)
    psis = next(lm for lm in chart.view.landmarks if lm.id == "psis")
    size = 7.0  # view units: about the words' size on a report's spinal panel, 86 mm wide
    near = QRectF(psis.x - 200, psis.y - 12, 212, 24)  # the diamond and a name on its left
    for edge, drawn in ((4.0, False), (7.0 + size / 4 - 0.5, False), (7.0 + size / 4 + 0.5, True),
                        (40.0, True)):
        crop = QRectF(psis.x + edge - 300, psis.y - 200, 300, 400)
        ink = _landmark_ink(chart, crop, size, near)
        assert (ink > 0) == drawn, (edge, ink)
        if drawn:
            anchor, _at, _bounds = chart.landmark_place(psis, size, crop)
            name = chart.landmark_name_box(psis, size, on_left=anchor == "right")
            assert anchor is not None and crop.adjusted(size / 4, size / 4, -size / 4,
                                                        -size / 4).contains(name)
