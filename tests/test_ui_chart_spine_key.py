"""The spinal chart's key (its abbreviations: "Mf multifidus", "Second layer: SSC...") on the
Chart tab. Drawn as the chart's own lettering it was about 3 px high at 'fit' on a 1366 x 768
laptop (4.8 px at 1920 x 1080): unreadable without zooming. There the window writes it beside the
chart's foot in its own font, in the room 'fit' leaves on the chart's right, and the drawing leaves
its own out; the chart keeps its size. Zoomed in, the drawing letters it again."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QImage
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_progress_fit import LAPTOP, WIDE, language  # noqa: F401 - fixture
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.ui.chart_key_text import ENTRIES, KEY_MIN_CAP_PX, chart_key

LANDMARK = "\u25c6 "  # a landmark's name written beside the chart, after its diamond


def spinal_window(make_window, qtbot, size):
    w = make_window()
    w.resize(*size)
    qtbot.wait(20)
    w.chart.set_view("spinal")
    qtbot.wait(20)
    view = w.chart.view
    view.fit()
    qtbot.wait(10)
    assert w.chart.scene.chart.view.id == "spinal" and view.zoom() == pytest.approx(1.0)
    return w, view


def pixels(view) -> np.ndarray:
    """The view as shown (its viewport, with the key over it), in the viewport's pixels."""
    assert view.viewport().pos().isNull()
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return raw.reshape(image.height(), image.bytesPerLine())[:, :image.width() * 3].reshape(
        image.height(), image.width(), 3)


@pytest.mark.parametrize("size", [LAPTOP, WIDE])
def test_the_spinal_key_is_readable_beside_the_fitted_chart(language, make_window, qtbot, size):
    w, view = spinal_window(make_window, qtbot, size)
    scene = w.chart.scene
    chart = scene.chart
    k = view.transform().m11()
    # the drawing's own key would be too small here
    assert min(n.size for n in chart.view.notes) * k < KEY_MIN_CAP_PX
    label = view.key_label
    assert label is not None and label.isVisible()
    # the key's words: the drawing's, in its order and its language, an entry a line
    entries = [e for line in chart_key(chart) for e in line.split(ENTRIES)]
    # (then the landmarks' names: tests/test_ui_chart_spine_key.py, below)
    assert label.text().split("\n")[:len(entries) + 1] == [*entries, ""] and len(entries) == 10
    assert entries[0] == ("Mf multifide" if language == "fr_CA" else "Mf multifidus")
    assert any(e.startswith("Deuxième couche" if language == "fr_CA" else "Second layer")
               for e in entries), entries
    # written at least KEY_MIN_CAP_PX high on screen, and every line shown whole
    assert QFontMetricsF(label.font()).capHeight() >= KEY_MIN_CAP_PX
    assert label.height() >= label.heightForWidth(label.width())
    metrics = QFontMetricsF(label.font())
    assert max(metrics.horizontalAdvance(word) for e in entries for word in e.split()) + 8 <= \
        label.width()
    # beside the chart, inside the view, covering none of it
    drawn = view.mapFromScene(scene.sceneRect()).boundingRect()
    assert label.geometry().left() > drawn.right(), (label.geometry(), drawn)
    assert view.viewport().rect().contains(label.geometry())
    # the chart keeps its size: as large as 'fit' made it with the key on the drawing (the
    # room under the search box, which the key reached, is kept: the outline reaches it too)
    room = w.chart.search.height() + 12
    assert k >= (view.viewport().height() - 4 - room) / scene.sceneRect().height() - 1e-9
    # the drawing leaves its own key out, and the lines are painted: dark rows in the label
    assert not scene.background.notes
    shot = pixels(view)
    g = label.geometry()
    part = shot[g.top():g.bottom(), g.left():g.right()]
    rows = (part < 110).all(axis=-1).any(axis=1)
    assert rows.sum() >= 10 * 5, "the key's lines are not there"
    key = chart.note_bounds(chart.view.notes[2])  # "Second layer: SSC..." on the drawing
    at = view.mapFromScene(key).boundingRect()
    band = shot[at.top():at.bottom(), at.left():at.right()]
    assert not (band < 160).all(axis=-1).any(), "the drawing still letters its key"


def test_zoomed_in_the_drawing_letters_its_key(make_window, qtbot):
    w, view = spinal_window(make_window, qtbot, LAPTOP)
    scene = w.chart.scene
    assert view.key_label.isVisible() and not scene.background.notes
    # a step in: still room on the chart's right, the key beside it, over none of it
    view.zoom_by(1.2, anchor_under_mouse=False)
    drawn = view.mapFromScene(scene.sceneRect()).boundingRect()
    assert view.key_label.isVisible() and view.key_label.geometry().left() > drawn.right()
    # the chart, now taller than the view, scrolled up and down: the key stays where it is, in
    # the view (it does not scroll away with the chart)
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    placed = []
    for value in (bar.minimum(), bar.maximum()):
        bar.setValue(value)
        qtbot.wait(5)
        placed.append(view.key_label.geometry())
        assert view.viewport().rect().contains(placed[-1]), value
    assert placed[0] == placed[1], placed
    # further: the chart leaves no room on its right; the key would hide part of it
    view.zoom_by(1.3, anchor_under_mouse=False)
    assert not view.key_label.isVisible() and scene.background.notes
    # the window made wider at this zoom: room again beside the chart
    w.resize(WIDE[0], LAPTOP[1])
    qtbot.wait(20)
    drawn = view.mapFromScene(scene.sceneRect()).boundingRect()
    assert view.key_label.isVisible() and view.key_label.geometry().left() > drawn.right()
    assert not scene.background.notes
    w.resize(*LAPTOP)
    qtbot.wait(20)
    assert not view.key_label.isVisible() and scene.background.notes
    view.zoom_by(3.0, anchor_under_mouse=False)  # large enough to read on the drawing
    assert min(n.size for n in scene.chart.view.notes) * view.transform().m11() >= \
        KEY_MIN_CAP_PX
    assert not view.key_label.isVisible() and scene.background.notes
    view.fit()
    assert view.key_label.isVisible() and not scene.background.notes
    # a chart without a key writes none beside it
    w.chart.set_view("anterior")
    qtbot.wait(10)
    assert not view.key_label.isVisible()


@pytest.mark.parametrize("size", [LAPTOP, WIDE])
def test_the_landmarks_names_are_readable_beside_the_fitted_chart(language, make_window, qtbot,
                                                                  size):
    # The drawing's landmarks' names ("C7 vertebra prominens", "Spine of scapula: T3"...) were
    # about 3 px high at 'fit' on a 1366 x 768 laptop, 4 px at 1920 x 1080: written under the
    # key in the window's font, each after a diamond as the drawing marks them; the drawing
    # keeps its diamonds, at the levels the names say.
    w, view = spinal_window(make_window, qtbot, size)
    scene = w.chart.scene
    chart = scene.chart
    k = view.transform().m11()
    assert chart.style.label_size * k < KEY_MIN_CAP_PX  # the case under test
    landmarks = sorted(chart.view.landmarks, key=lambda lm: lm.y)
    names = [chart.landmark_captions.get(lm.id, lm.name) for lm in landmarks]
    assert len(names) == 5 and "T3" in names[1]
    label = view.key_label
    assert label is not None and label.isVisible()
    lines = label.text().split("\n")
    assert lines[-len(names):] == [LANDMARK + n.replace(" :", "\u00a0:") for n in names], lines
    assert QFontMetricsF(label.font()).capHeight() >= KEY_MIN_CAP_PX
    assert label.height() >= label.heightForWidth(label.width())
    assert view.viewport().rect().contains(label.geometry())
    # the drawing leaves the names out: no dark lettering where the name of the spine of the
    # scapula was, right of its diamond, which is still drawn
    assert not chart.landmark_names
    shot = pixels(view)
    lm = landmarks[1]
    box = view.mapFromScene(chart.landmark_bounds(lm)).boundingRect()
    diamond = view.mapFromScene(QRectF(lm.x - 7, lm.y - 7, 14, 14)).boundingRect()
    words = shot[box.top():box.bottom(), diamond.right() + 2:box.right()]
    assert not (np.abs(words.astype(int) - [0x2a, 0x5a, 0x86]).sum(axis=-1) < 90).any(), \
        "the drawing still letters the landmark's name"
    centre = view.mapFromScene(QPointF(lm.x, lm.y))
    assert (np.abs(shot[centre.y(), centre.x()].astype(int) - [0x2a, 0x5a, 0x86]).sum()
            < 90), "the diamond is not drawn"
    # zoomed in enough to read them on the drawing: the drawing letters them again
    view.zoom_by(3.0, anchor_under_mouse=False)
    assert chart.style.label_size * view.transform().m11() >= KEY_MIN_CAP_PX
    assert chart.landmark_names
    assert not view.key_label.isVisible() or LANDMARK not in view.key_label.text()
    view.fit()
    assert not chart.landmark_names and LANDMARK in view.key_label.text()


def test_a_chart_shown_says_its_scale_once_with_its_key_beside_it(make_window, qtbot):
    """Showing a chart works out its scale's consequences (the markers' size, the key and the
    landmarks written beside it or on the drawing) once: `fit` does, and nothing again after
    it. Zoomed in, a chart shown keeps the zoom, and its key follows."""
    w, view = spinal_window(make_window, qtbot, LAPTOP)
    said = []
    view.zoomed.connect(lambda: said.append(view.transform().m11()))
    w.chart.set_view("anterior")
    qtbot.wait(10)
    assert len(said) == 1 and not view.key_label.isVisible()
    said.clear()
    w.chart.set_view("spinal")
    qtbot.wait(10)
    assert len(said) == 1 and view.key_label.isVisible() and not w.chart.scene.background.notes
    # zoomed in, another layer of the chart shown: the zoom kept, said once more by its step
    view.zoom_by(1.2, anchor_under_mouse=False)
    said.clear()
    w.chart.toggle_layer()
    qtbot.wait(10)
    assert view.zoom() == pytest.approx(1.2) and said
    assert said[-1] == pytest.approx(view.transform().m11())
    assert view.key_label.isVisible() and not w.chart.scene.background.notes
