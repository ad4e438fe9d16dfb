"""The Progress tab's own chart marks, as the main chart and the progress report do, a muscle
needled at an earlier chosen visit on another chart: a diamond at the muscle's label point on
this chart, coloured by the grade and faded by age, its key saying what it is. It had the circles
of this chart's own sites only, so gluteus medius needled on the posterior chart left the right
lateral chart bare there."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtGui import QColor
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_history_other_charts import (  # noqa: F401 - fixtures
    GMED_LAT,
    GMIN_LAT,
    _close,
    unsigned,
    visits,
)
from tests.test_ui_progress_chart_french import render
from tests.test_ui_progress_fit import LAPTOP, language  # noqa: F401 - fixture
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.render.other_charts import mark_radius
from imsmap.render.overlay import age_fade, faded_style


def _progress_chart(make_window, qtbot, visits, patient):
    w = make_window()
    w.resize(*LAPTOP)
    w.patients.select_patient(patient.id)
    w.patients.select_session(visits[-1])
    w.menus.act_progress.trigger()
    panel = w.progress
    panel.tabs.setCurrentWidget(panel.chart)
    QCoreApplication.processEvents()
    chart = panel.chart
    chart.heat.setChecked(False)  # the chart's own colours, under the marks
    chart.set_view("lateral_right")
    qtbot.wait(20)
    assert chart.canvas.chart.view.id == "lateral_right"
    return chart


def _at(chart, x: float, y: float) -> QPointF:
    rect = chart.canvas.view_rect()
    k = rect.width() / chart.canvas.chart.view.width
    return QPointF(rect.left() + x * k, rect.top() + y * k)


def _pixel(image: np.ndarray, p: QPointF) -> QColor:
    r, g, b = image[int(p.y()), int(p.x())]
    return QColor(int(r), int(g), int(b))


def test_the_progress_tabs_lateral_chart_marks_gluteus_medius_needled_on_the_posterior_one(
        make_window, qtbot, visits, patient, atlas):
    chart = _progress_chart(make_window, qtbot, visits, patient)
    canvas = chart.canvas
    # Visit 2 (last time before today's draft) needled gluteus medius R on the posterior chart,
    # graded 1; the right lateral chart draws it on its superficial sheet (the tab's layer).
    marks = chart.other_marks()
    assert [(m.region_id, m.grasp, m.age) for m in marks] == [(GMED_LAT, 1, 1)]
    assert GMIN_LAT not in [m.region_id for m in marks]  # a deep muscle: not on this sheet
    mark = marks[0]
    assert (mark.x, mark.y) == atlas.view("lateral_right").region(GMED_LAT).label
    image = render(canvas)
    r = mark_radius(canvas.chart, canvas.marker_scale()) * canvas.view_rect().width() \
        / canvas.chart.view.width  # in pixels
    fill = faded_style(canvas.chart.style, age_fade(1, 2)).grasp_fill(1)
    top = _at(chart, mark.x, mark.y)
    top.setY(top.y() - 0.6 * r)
    assert _close(_pixel(image, top), fill, tol=20), (_pixel(image, top).name(), fill.name())
    # The key beside the chart says what the diamond is.
    key = render(chart.legend)
    chart.earlier.setChecked(False)  # earlier sites off: no diamond, no line in the key
    qtbot.wait(10)
    assert chart.other_marks() == []
    assert not _close(_pixel(render(canvas), top), fill, tol=20)
    assert (render(chart.legend) != key).any()


def test_the_key_line_fits_its_column(language, make_window, qtbot, visits, patient, tmp_path):
    chart = _progress_chart(make_window, qtbot, visits, patient)
    assert chart.other_marks()
    painted = render(chart.legend)
    assert (painted[:, -6:] == 255).all()  # no word runs off the column's right edge
    chart.grab().save(str(tmp_path / f"progress-chart-{language}.png"))
