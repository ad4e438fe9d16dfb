"""The grasp figure of a course, the same in the window and the progress report: the grasp
burden (each muscle's strongest grade, added up), never a mean that rises as released muscles
stop being needled; the muscles in common with the visit before in percent; one heat scale rule.

The courses are real signed records, read by the real Progress tab and the rendered PDF's text.
"""

from __future__ import annotations

import re

import pytest
from tests.test_progress_course_words import course
from tests.test_progress_pdf import text_of, write

from imsmap.ui.progress import ProgressPanel

pytest.importorskip("pypdf")

# Five muscles; each improves, those released (0) are no longer needled. Per visit the strongest
# grades are 3+2+1+3+1, 2+1+0+3+0, 0+1+2, 0+2, 2: burden 10, 6, 3, 2, 2. The mean grade over
# the sites needled read 2.0, 1.2, 1.0, 1.0, 2.0: "mean grasp 2.0 -> 2.0", worse at the end.
IMPROVING = {0: [3, 2, 0, None, None], 1: [2, 1, 1, 0, None], 2: [1, 0, None, None, None],
             3: [3, 3, 2, 2, 2], 4: [1, 0, None, None, None]}
IMPROVING_BURDEN = ["10", "6", "3", "2", "2"]
# Muscles needled at both visits of those at either: 5/5, 3/5, 2/3, 1/2.
IMPROVING_COMMON = ["", "100%", "60%", "67%", "50%"]
# Grasps come back stronger and a new muscle grasps: 1+1+0, 2+1+1+0, 2+2+2+1, 3+2+3+1.
WORSENING = {0: [1, 2, 2, 3], 1: [1, 1, 2, 2], 2: [None, 1, 2, 3], 3: [0, 0, 1, 1]}
WORSENING_BURDEN = ["2", "4", "7", "9"]


def _panel(qtbot, context, patient):
    panel = ProgressPanel(context.records, context.histories, patient.id)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _figures(panel, row):
    table = panel.segments.figures
    return [table.item(row, j).text() for j in range(table.columnCount())]


def test_the_progress_tab_reads_an_improving_course_as_better(qtbot, context, records, patient):
    course(records, patient, IMPROVING)
    panel = _panel(qtbot, context, patient)
    text = panel.summary.text()
    assert "grasp burden 10 \u2192 2" in text
    assert "mean grasp" not in text
    figures = panel.segments.figures
    assert figures.verticalHeaderItem(1).text().replace("\n", " ") == "Grasp burden (sum of grades)"
    assert _figures(panel, 1) == IMPROVING_BURDEN
    assert figures.verticalHeaderItem(2).text().replace("\n", " ") == \
        "Muscles in common with the visit before"  # its lines as the room allows
    assert _figures(panel, 2) == IMPROVING_COMMON
    # The plot's diamonds and its tooltip carry the same figures.
    assert [m.grasp_burden for m in panel.pain.metrics] == [10, 6, 3, 2, 2]
    assert "grasp burden 2" in panel.pain.toolTip().splitlines()[-1]


def test_the_progress_tab_reads_a_worsening_course_as_worse(qtbot, context, records, patient):
    course(records, patient, WORSENING)
    panel = _panel(qtbot, context, patient)
    assert "grasp burden 2 \u2192 9" in panel.summary.text()
    assert _figures(panel, 1) == WORSENING_BURDEN


def _sessions_rows(flat):
    table = flat.split("Sessions ")[1].split("Pain 0–10.")[0]
    return re.findall(r"(\d) 20\d\d-\d\d-\d\d \d\d:\d\d \d+ \d+ \d+ \d+ of \d+ (\S+) (\S+)", table)


def test_the_report_gives_the_same_figures_as_the_window(qtbot, context, records, patient,
                                                         tmp_path):
    course(records, patient, IMPROVING)
    _reader, flat = text_of(write(records, patient.id, tmp_path))
    rows = _sessions_rows(flat)
    assert [burden for _n, burden, _c in rows] == IMPROVING_BURDEN
    assert [common for _n, _b, common in rows] == ["—"] + IMPROVING_COMMON[1:]
    assert "Grasp burden (sum of grades) 10 2 −8" in flat
    assert "Mean grasp" not in flat and "Jaccard" not in flat
    assert "rises only when a grasp is stronger or a new muscle grasps" in flat


def test_the_report_reads_a_worsening_course_as_worse(qapp, records, patient, tmp_path):
    course(records, patient, WORSENING)
    _reader, flat = text_of(write(records, patient.id, tmp_path))
    assert [burden for _n, burden, _c in _sessions_rows(flat)] == WORSENING_BURDEN
    assert "Grasp burden (sum of grades) 2 9 +7" in flat


def test_the_french_report_says_it_in_french(qapp, records, patient, tmp_path):
    course(records, patient, IMPROVING)
    _reader, flat = text_of(write(records, patient.id, tmp_path, language="fr_CA"))
    assert "Charge de préhension (somme des cotes) 10 2 −8" in flat
    assert "Muscles en commun avec la visite précédente" in flat
    assert re.search(r"\b60\s%", flat) and "préhension moyenne" not in flat.lower()


def test_the_heat_scale_tops_at_a_whole_number_in_the_window_and_the_report(
        qtbot, context, records, patient):
    """The middle scalene's site summed 12.5 on the window's grid and 12.4 on the report's: the
    window's legend read "12.5" (a decimal where grades are whole), the report's "12.4". One
    rule: the whole number at or above the peak, 13 in both."""
    from imsmap.domain.vocabulary import GRASP_LABELS
    from imsmap.render.heatmap import heat_legend_layout
    from imsmap.report.progress_charts import heat_chart_blocks
    from imsmap.report.progress_pdf import load_history

    course(records, patient, IMPROVING)
    panel = _panel(qtbot, context, patient)
    chart = panel.chart
    grid = chart.heat_grid()
    assert grid is not None
    peak = float(grid.values.max())
    assert 12.0 < peak < 13.0  # the data this test is about: a peak between whole numbers
    assert chart.legend.vmax == 13.0
    layout = heat_legend_layout(chart.canvas.rect().toRectF(), chart.legend.vmax, "t", "more",
                                ".")
    assert "13" in [t.text for t in layout.texts]
    _patient, history = load_history(records, patient.id)
    legend, *_rows = heat_chart_blocks(records, history, GRASP_LABELS, 180)
    assert legend.vmax == 13.0
