"""The spinal chart's key (its abbreviations: "Mf multifidus   Lo longissimus"...) in the Progress
tab's narrow chart on a 1366 x 768 laptop: drawn as the chart's own lettering it was about 3 px
high there, unreadable. Where it would be drawn that small, the picture writes it under the chart
in the window's font, wrapped to the column, and leaves it off the drawing; a chart drawn large
enough keeps its own lettering, and the full chart and the PDFs are not touched."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QFontMetricsF, QImage, QPainter
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_progress_chart_french import chart_tab, render
from tests.test_ui_progress_fit import LAPTOP, language, open_progress, visits  # noqa: F401
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.render.chart_painter import ChartPainter
from imsmap.ui.chart_key_text import KEY_MIN_CAP_PX, chart_key
from imsmap.ui.progress.compare import ChartPicture


def spinal_chart_tab(w, qtbot):
    chart = chart_tab(w)
    box = chart.view_box
    box.setCurrentIndex(box.findData("spinal"))
    qtbot.wait(20)
    assert chart.canvas.chart is not None and chart.canvas.chart.view.id == "spinal"
    return chart


@pytest.mark.parametrize("heat", [True, False])
def test_the_spinal_key_is_readable_in_the_narrow_chart(language, make_window, qtbot, visits,
                                                        heat):
    w, _ = open_progress(make_window, qtbot, visits, LAPTOP)
    chart = spinal_chart_tab(w, qtbot)
    chart.heat.setChecked(heat)
    qtbot.wait(20)
    canvas = chart.canvas
    view = canvas.view_rect()
    # the drawing's own key would be this small here
    assert min(n.size for n in canvas.chart.view.notes) * view.width() / 900 < KEY_MIN_CAP_PX
    lines = canvas.key_below()
    assert lines == chart_key(canvas.chart) and len(lines) == 4
    assert ("Mf multifide" if language == "fr_CA" else "Mf multifidus") in lines[0], lines
    key = canvas.key_rect()
    # under the chart, whole inside the picture, in a font at least as large as asked
    assert key.top() >= view.bottom() and canvas.rect().toRectF().contains(key), (key, view)
    assert QFontMetricsF(canvas.key_font()).capHeight() >= KEY_MIN_CAP_PX
    painted = render(canvas)
    below = painted[int(key.top()):int(key.bottom()), int(key.left()):int(key.right())]
    dark = (below < 110).all(axis=-1)
    assert dark.any(axis=1).sum() >= 4 * 5, "the key's lines are not there"
    # and the drawing leaves its own lettering out: where it was, far fewer colours than the
    # same picture with the drawing's key on it (its letters' antialiased edges)
    canvas.notes_on_chart = lambda: True
    try:
        canvas.update()
        drawn = render(canvas)
    finally:
        del canvas.notes_on_chart
    k = view.width() / canvas.chart.view.width
    for note in canvas.chart.view.notes:
        box = canvas.chart.note_bounds(note)
        x0, x1 = int(view.left() + box.left() * k), int(view.left() + box.right() * k)
        y = int(view.top() + note.y * k)
        colours = [{tuple(c) for c in image[y - 1:y + 2, x0:x1].reshape(-1, 3)}
                   for image in (painted, drawn)]
        assert 2 * len(colours[0]) < len(colours[1]), (note.id, [len(c) for c in colours])


def test_a_large_picture_keeps_the_key_on_the_chart(qapp, atlas):
    picture = ChartPicture()
    picture.set_chart(ChartPainter(atlas, "spinal"))
    picture.resize(800, 1600)  # 0.78 px a unit: the key's 11 units are 8.6 px high
    assert picture.key_below() == [] and picture.key_rect().isEmpty()
    assert picture.notes_on_chart()
    picture.resize(300, 600)
    assert len(picture.key_below()) == 4 and not picture.notes_on_chart()
    # a view without a key (the anterior body chart) has nothing to write under it
    picture.set_chart(ChartPainter(atlas, "anterior"))
    assert picture.key_below() == [] and picture.notes_on_chart()
    # the hand sheet's cues ("thumb") name what they are drawn by: they stay on the drawing
    picture.set_chart(ChartPainter(atlas, "hand_palmar"))
    assert chart_key(picture.chart) == [] and picture.notes_on_chart()


def test_the_full_chart_still_draws_its_key(qapp, atlas):
    """The Chart panel and the PDFs paint the chart with its key, as before."""
    chart = ChartPainter(atlas, "spinal")
    image = QImage(900, 2000, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    p = QPainter(image)
    chart.paint_base(p)
    p.end()
    key = chart.note_bounds(chart.view.notes[0]).toRect()
    part = image.copy(key).convertToFormat(QImage.Format.Format_RGB888)
    raw = np.frombuffer(part.constBits(), dtype=np.uint8, count=part.sizeInBytes())
    assert (raw < 160).any()
