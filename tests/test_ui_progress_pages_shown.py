"""The Progress tab, shown while patients are chosen in the patient list, fills the page its
tabs show (the Trend grid and plot) and the Chart page; the Segments and Compare pages wait
until they are shown, and are then the chosen patient's. Before, every patient chosen worked
out all four pages (the Segments' tables and the comparison's trees: about a third of the open
of a 200-visit patient with the Progress tab shown, issue 16), whichever one was in sight."""

from __future__ import annotations

from imsmap.ui.progress.compare import CompareView
from imsmap.ui.progress.segment_trend import SegmentTrend
from test_ui_overlay_patient_order import _choose_in_list
from test_ui_overlay_shown_scene import _signed_visits
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def _count(monkeypatch) -> list[str]:
    calls: list[str] = []
    for cls, name in ((SegmentTrend, "segments"), (CompareView, "compare")):
        real = cls.set_course

        def counting(view, *args, _real=real, _name=name, **kwargs):
            calls.append(_name)
            return _real(view, *args, **kwargs)

        monkeypatch.setattr(cls, "set_course", counting)
    return calls


def test_the_pages_not_shown_wait_and_are_the_chosen_patients_when_shown(
        qtbot, make_window, records, patient, atlas, monkeypatch):
    first = _signed_visits(records, patient.id, atlas, 5, grade=3)
    other = records.create_patient(chart_number="OTHER-2", family_name="Other",
                                   given_name="Patient", sex="F")
    theirs = _signed_visits(records, other.id, atlas, 3, grade=1)
    w = make_window()
    w.show_progress()
    qtbot.waitUntil(lambda: w.progress.isVisible())
    p = w.progress
    _choose_in_list(w, patient.chart_number)
    assert p.chosen_ids() == first
    calls = _count(monkeypatch)

    _choose_in_list(w, other.chart_number)

    assert p.chosen_ids() == theirs
    assert calls == []  # neither hidden page worked out
    assert p.tabs.currentWidget() is p.trend  # the page shown: the chosen patient's visits
    assert len(p.pain.metrics) == len(theirs)
    assert list(p.chart.history.ids) == theirs  # the Chart page too (its key sets the least width)

    p.tabs.setCurrentWidget(p.segments)
    assert calls == ["segments"]
    assert p.segments.figures.columnCount() == len(theirs)
    p.tabs.setCurrentWidget(p.compare)
    assert calls == ["segments", "compare"]
    assert p.compare.after.count() == len(theirs)
    p.tabs.setCurrentWidget(p.trend)
    p.tabs.setCurrentWidget(p.segments)  # seen since the choice: not worked out again
    assert calls == ["segments", "compare"]

    # The page shown is filled at the next choice; the one left waits again.
    _choose_in_list(w, patient.chart_number)
    assert calls == ["segments", "compare", "segments"]
    assert p.segments.figures.columnCount() == len(first)
    p.tabs.setCurrentWidget(p.compare)
    assert p.compare.after.count() == len(first)


def test_a_panel_of_its_own_fills_every_page(qtbot, records, patient, atlas):
    """Outside the window (not lazy), the panel fills every page at once, as before."""
    from imsmap.services.history import PatientHistories
    from imsmap.ui.progress import ProgressPanel

    ids = _signed_visits(records, patient.id, atlas, 4, grade=2)
    panel = ProgressPanel(records, PatientHistories(records.read, records.bus), patient.id)
    qtbot.addWidget(panel)
    assert panel.chosen_ids() == ids
    assert panel.segments.figures.columnCount() == len(ids)
    assert panel.compare.after.count() == len(ids)
