"""The history bar's line for the drafts it does not draw, as a patient is chosen in the
patient list. Shown with its words for one patient and hidden for the next, it laid the window
out in the middle of each open (Qt activates every layout up to a widget shown), and, on a line
of its own, changed the bar's height at each patient, so the chart was resized and painted again
(6a94b28a). Its room is now kept, words or none: the bar and the chart keep their sizes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject

from test_ui_history_drafts import course  # noqa: F401 - fixture
from test_ui_overlay_patient_order import _choose_in_list
from test_ui_overlay_shown_scene import _signed_visits
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


class _LineEvents(QObject):
    """The line's words when it is shown, and its sizes given, in order."""

    def __init__(self, line):
        super().__init__()
        self.line = line
        self.shown_with: list[str] = []
        self.sizes: list[tuple[int, int]] = []
        line.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Show:
            self.shown_with.append(self.line.text())
        elif event.type() == QEvent.Type.Resize:
            self.sizes.append((event.size().width(), event.size().height()))
        return False


def _other(records, atlas, visits: int = 3):
    """A patient of signed visits, no draft."""
    other = records.create_patient(chart_number="SIGNED-1", family_name="Signed",
                                   given_name="Only", sex="F")
    _signed_visits(records, other.id, atlas, visits, grade=1)
    return other


def test_the_drafts_line_says_its_words_and_keeps_its_place(
        qtbot, make_window, records, patient, atlas, course):  # noqa: F811 - fixture
    """Its words come and go with the patient's drafts; the line itself is neither shown nor
    hidden nor resized between patients (its room is kept: WrappedWords.room)."""
    other = _other(records, atlas)
    w = make_window()
    w.history_bar.show_earlier.setChecked(True)
    _choose_in_list(w, other.chart_number)
    qtbot.wait(10)
    line = w.history_bar.drafts
    assert not line.isHidden() and line.text() == ""
    events = _LineEvents(line)
    before = line.geometry()

    _choose_in_list(w, patient.chart_number)  # today's draft open, a draft left before it
    qtbot.wait(10)

    assert w.session_panel.session.id == course["today"].id
    assert line.text() == "1 draft, not signed: not drawn"
    assert line.geometry() == before and events.sizes == [] and events.shown_with == []
    assert line.height() >= line.fontMetrics().height()

    _choose_in_list(w, other.chart_number)  # none again: its words gone
    qtbot.wait(10)
    assert line.text() == "" and line.toolTip() == ""
    assert line.geometry() == before and events.sizes == []


@pytest.mark.parametrize("width, height", [(1280, 690), (1920, 1050)])
def test_the_bar_is_as_tall_for_a_patient_with_drafts_as_without(
        qtbot, make_window, records, patient, atlas, course,  # noqa: F811 - fixture
        width, height):
    """Walk of 7 December (/tmp/cday/71.png): at 1280 px the drafts' words wrapped in three
    narrow lines beside the count, the bar grew for that patient and the chart under it shrank
    (resized and painted again at each open, and moved by a line); a line of their own shown
    for one patient and hidden for the next did the same at every width (6a94b28a). Now the
    bar, and the chart's view, are the same size for both, and the words are whole on a line.
    (The other patient has two signed visits, the last open: the legend's rows follow the ages it shows.)"""
    other = _other(records, atlas, visits=2)
    w = make_window()
    w.resize(width, height)
    w.history_bar.show_earlier.setChecked(True)
    bar, line, view = w.history_bar, w.history_bar.drafts, w.chart.view
    sizes = []
    for chart_number in (other.chart_number, patient.chart_number, other.chart_number):
        _choose_in_list(w, chart_number)
        qtbot.wait(20)
        assert [text for _age, text in bar.legend.ages] == ["last time"]
        sizes.append((bar.size(), view.size(), bar.count.geometry(), line.geometry()))
    assert sizes[0] == sizes[1] == sizes[2], sizes
    assert line.text() == ""
    _choose_in_list(w, patient.chart_number)
    qtbot.wait(20)
    assert line.text() == "1 draft, not signed: not drawn"
    assert line.height() < 2 * line.fontMetrics().lineSpacing(), line.height()  # one line
    assert line.width() >= line.fontMetrics().horizontalAdvance(line.text())
