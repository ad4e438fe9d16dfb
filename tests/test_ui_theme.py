"""The chart follows the system's light or dark palette; PDFs stay light."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from imsmap.render.style import DARK, LIGHT
from imsmap.ui.chart_scene import ChartScene


@pytest.fixture
def dark_palette(qapp):
    before = qapp.palette()
    palette = QPalette(before)
    palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    qapp.setPalette(palette)
    yield
    qapp.setPalette(before)


def _background(scene) -> str:
    return scene.backgroundBrush().color().name()


def test_light_desktop_gets_the_light_chart(qapp, atlas):
    from imsmap.ui.theme import is_dark

    if is_dark():
        pytest.fail("the test desktop should start light")
    scene = ChartScene(atlas, "posterior", "superficial")
    assert _background(scene) == QColor(LIGHT.background).name()


def test_dark_desktop_gets_the_dark_chart(dark_palette, atlas):
    scene = ChartScene(atlas, "posterior", "superficial")
    assert scene.chart.style is DARK
    assert _background(scene) == QColor(DARK.background).name()
