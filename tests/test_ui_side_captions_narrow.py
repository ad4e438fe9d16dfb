"""The patient's sides over the chart at 960 x 540: in French « GAUCHE du patient » went under
« DROITE du patient », over the figure's shoulder (walk of 6 December); each goes on two lines
in its own top corner, beside the head, where the chart is narrower than both on one. Where
there is room (1366 x 768, 1920 x 1080) both keep one line, side by side, as before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


@pytest.fixture(params=["fr_CA", "en"])
def language(request):
    if request.param == "fr_CA":
        request.getfixturevalue("french")
    return request.param


def _on_muscle(view, caption) -> list[QPointF]:
    """The points of `caption` (every 3 px) over a muscle of the chart."""
    scene = view.scene()
    geometry = caption.geometry()
    hits = []
    for x in range(geometry.left(), geometry.right() + 1, 3):
        for y in range(geometry.top(), geometry.bottom() + 1, 3):
            point = view.mapToScene(view.viewport().mapFrom(view, QPoint(x, y)))
            if scene.region_at(point.x(), point.y()) is not None:
                hits.append(point)
    return hits


@pytest.mark.parametrize("size", [(960, 510), (1366, 738), (1920, 1050)])
@pytest.mark.parametrize("chart", ["anterior", "posterior"])
def test_the_sides_stand_in_their_corners(language, size, chart, make_window, qtbot):
    w = make_window()
    w.resize(*size)
    qtbot.wait(20)
    w.chart.set_view(chart)
    qtbot.wait(20)
    view = w.chart.view
    captions = view.side_captions
    left, right = captions.left, captions.right
    assert left.isVisible() and right.isVisible()
    # side by side at the top, the left one left of the right one, inside the view
    assert left.y() == right.y()
    assert left.geometry().right() < right.geometry().left()
    inside = view.viewport().geometry()
    for caption in (left, right):
        assert inside.contains(caption.geometry()), (caption.geometry(), inside)
        # its words whole, on one or two lines, none of them cut
        lines = caption.text().split("\n")
        assert " ".join(lines) == caption.words
        assert len(lines) <= 2
        assert all(caption.fontMetrics().horizontalAdvance(line) <= caption.contentsRect().width()
                   for line in lines)
        # and over no muscle of the figure
        assert not _on_muscle(view, caption), (caption.text(), caption.geometry())
    one_line = all("\n" not in c.text() for c in (left, right))
    if size[0] >= 1366:
        assert one_line  # the layout where there is room: as before
    elif language == "fr_CA":
        assert not one_line  # « DROITE / du patient » beside the head
