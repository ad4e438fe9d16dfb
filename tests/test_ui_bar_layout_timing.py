"""The earlier visits' bar under the chart gets the height its rows need as soon as a visit is
open, whatever the layouts did before: in French at 1366 x 768 the legend of earlier sites
takes two rows, and the bar was left the height of one (its legend's second row cut, the
visits row drawn over it) until something else laid the chart's column out again, a tab
opened or the window resized; by then a screenshot, or the clinician, had seen it cut. Qt keeps
a widget's height for a width in its parent's layout until that widget's updateGeometry, which
the bar's own layout pass did only after the column had been laid out with the old height
(ui.overlay_legend.OverlayLegend.set_state)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from tests.test_ui_french import clinic_data  # noqa: F401 - fixture
from tests.test_ui_support import make_window, qt_settings, touch_sized  # noqa: F401 - fixtures

from imsmap import i18n

# With the controls mouse-sized and touch-sized (ui.touch_size).
pytestmark = pytest.mark.usefixtures("touch_sized")

POSTED = 20  # ms: the layouts' posted requests handled, and no timer of the window's since


@pytest.fixture(params=["en", "fr_CA"])
def lang(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


def whole(w) -> None:
    """The bar as tall as its rows at its width, its legend too, the visits row under it."""
    bar = w.history_bar
    assert bar.height() >= bar.heightForWidth(bar.width()), (bar.height(), bar.width())
    legend = bar.legend
    if legend.isVisible():
        assert legend.height() >= legend.heightForWidth(legend.width()), legend.height()
        slider = bar.slider.mapTo(bar, QPoint(0, 0)).y()
        assert slider >= legend.geometry().bottom(), (slider, legend.geometry())


@pytest.mark.parametrize("size", [(1366, 768), (960, 540)])
def test_the_bar_is_whole_as_soon_as_a_visit_is_open(lang, make_window, clinic_data, qtbot,  # noqa: F811
                                                     size):
    first, second = clinic_data
    w = make_window()
    w.resize(*size)
    w.patients.select_patient(second.patient_id)
    w.patients.select_session(second.id)
    qtbot.wait(POSTED)
    if lang == "fr_CA" and size[0] == 1366:
        # the case: the French legend's two rows (kept for every patient: the ages and the
        # diamond they may show, OverlayLegend.room)
        assert w.history_bar.legend.kept_rows() == 2
    whole(w)
    # And after the other orders the walk went through: the earlier visit and back, the
    # right column's tabs, the charts' tabs, a narrower window and back.
    w.patients.select_session(first.id)
    qtbot.wait(POSTED)
    whole(w)
    w.patients.select_session(second.id)
    qtbot.wait(POSTED)
    whole(w)
    for i in [*range(w.right_tabs.count()), 0]:
        if w.right_tabs.isTabEnabled(i):
            w.right_tabs.setCurrentIndex(i)
            qtbot.wait(POSTED)
            whole(w)
    for view in ("spinal", "posterior", "anterior"):
        w.chart.set_view(view)
        qtbot.wait(POSTED)
        whole(w)
    w.resize(960 if size[0] == 1366 else 1366, 540 if size[0] == 1366 else 768)
    qtbot.wait(POSTED)
    w.resize(*size)
    qtbot.wait(POSTED)
    whole(w)
