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
