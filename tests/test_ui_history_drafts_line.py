"""The history bar's line for the drafts it does not draw, as a patient is chosen in the
patient list: shown with its words, once the bar's count and legend are set. Showing a widget
of a shown window lays the window out there and then (Qt activates every layout up to it): the
line was shown first, with the previous patient's words (none), laid out so with the legend
before, then laid out again with its words, in the middle of each open that showed it."""

from __future__ import annotations

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


def test_the_drafts_line_is_shown_with_its_words_and_laid_out_once(
        qtbot, make_window, records, patient, atlas, course):  # noqa: F811 - fixture
    other = records.create_patient(chart_number="SIGNED-1", family_name="Signed",
                                   given_name="Only", sex="F")
    _signed_visits(records, other.id, atlas, 3, grade=1)
    w = make_window()
    w.history_bar.show_earlier.setChecked(True)
    _choose_in_list(w, other.chart_number)
    qtbot.wait(10)
    line = w.history_bar.drafts
    assert line.isHidden()
    events = _LineEvents(line)

    _choose_in_list(w, patient.chart_number)  # today's draft open, a draft left before it
    qtbot.wait(10)

    assert w.session_panel.session.id == course["today"].id
    assert not line.isHidden() and line.text() == "1 draft, not signed: not drawn"
    assert events.shown_with == ["1 draft, not signed: not drawn"]
    assert len(events.sizes) == 1  # laid out once, at its words' size
    assert events.sizes[0][1] >= line.fontMetrics().height()

    _choose_in_list(w, other.chart_number)  # none again: hidden, its words gone
    qtbot.wait(10)
    assert line.isHidden() and line.text() == "" and line.toolTip() == ""
