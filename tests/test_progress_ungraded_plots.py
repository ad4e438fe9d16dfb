"""A visit needled without grades is no "0 muscles grasping" in the plots or the sessions table.
The Progress tab's plot wrote "0" over its muscles-grasping bar and its tooltip "0 of 4 muscles
grasping"; the progress report's sessions table said "0 of 4" and its trend plot drew a bar of
0 (nothing), all read as every muscle released. Each now shows the visit as not graded: "–" in
the bar's place with the key saying so, "—" in the table. A visit with some sites graded is
graded. Through the real PDF's text and the real widget, on a real record."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from tests.test_progress_pdf import text_of, write
from tests.test_progress_ungraded_first import _course, _two_visits

from imsmap.ui.progress.pain_plot import PainPlot
from imsmap.ui.progress.segment_trend import SegmentTrend
from imsmap.ui.progress.summary import summary_text


def test_report_shows_an_ungraded_visit_as_not_graded(qapp, records, patient, tmp_path):
    _two_visits(records, patient, (None, None, None, None), (2, 1, 1, None))
    _reader, flat = text_of(write(records, patient.id, tmp_path))
    sessions = flat[flat.find("Sessions 2 sessions"):flat.find("Pain 0–10.")]
    assert "0 of 4" not in sessions, sessions
    assert "3 of 4" in sessions, sessions  # the partly graded visit is graded
    assert "muscles grasping (–: needled, not graded)" in flat


def test_report_of_graded_visits_keeps_its_key(qapp, records, patient, tmp_path):
    _two_visits(records, patient, (0, 0, 0, 0), (2, 1, 1, None))
    _reader, flat = text_of(write(records, patient.id, tmp_path))
    sessions = flat[flat.find("Sessions 2 sessions"):flat.find("Pain 0–10.")]
    assert "0 of 4" in sessions, sessions  # graded 0 everywhere: none grasped
    assert "not graded)" not in flat


def test_window_plot_shows_an_ungraded_visit_as_not_graded(qtbot, records, patient):
    _two_visits(records, patient, (None, None, None, None), (2, 1, 1, None))
    plot = PainPlot()
    qtbot.addWidget(plot)
    plot.set_metrics(_course(records, patient).metrics)
    first, second = plot.toolTip().splitlines()
    assert "4 muscles needled, not graded, 4 sites" in first and "0 of" not in first
    assert "3 of 4 muscles grasping" in second
    words = [text for _at, text in plot.layout_for(QRectF(0, 0, 900, 400)).counts_key]
    assert "muscles grasping (–: needled, not graded)" in words


def test_window_plot_of_graded_visits_keeps_its_key(qtbot, records, patient):
    _two_visits(records, patient, (0, 0, 0, 0), (2, 1, 1, None))
    plot = PainPlot()
    qtbot.addWidget(plot)
    plot.set_metrics(_course(records, patient).metrics)
    assert "0 of 4 muscles grasping" in plot.toolTip().splitlines()[0]
    words = [text for _at, text in plot.layout_for(QRectF(0, 0, 900, 400)).counts_key]
    assert "muscles grasping" in words


def test_summary_says_an_ungraded_latest_visit_is_not_graded(qapp, records, patient):
    _two_visits(records, patient, (2, 1, 1, None), (None, None, None, None))
    summary = summary_text(_course(records, patient))
    assert "4 muscles needled, not graded." in summary and "0 of 4" not in summary, summary
    assert "muscles grasping 3 \u2192 -" in summary


def test_segments_figures_leave_an_ungraded_visit_blank(qtbot, records, patient):
    _two_visits(records, patient, (None, None, None, None), (2, 1, 1, None))
    segments = SegmentTrend()
    qtbot.addWidget(segments)
    course = _course(records, patient)
    segments.set_course(course, records.atlas.catalogue, course.history.numbering)
    first, second = segments.figures.item(0, 0), segments.figures.item(0, 1)
    assert (first.text(), second.text()) == ("", "3")
    assert first.toolTip().endswith(": needled, not graded.") and second.toolTip() == ""
