"""A patient chosen in the patient list is drawn once on the chart's earlier-visits overlay,
from their own history: the list gives the window the patient first, then the session it
opens on (ui.patient_panel.PatientPanel), and the overlay reads the patient's history at the
first and draws it at the second (ui.history_overlay.HistoryOverlay). Before, the session came
first, so the overlay and its bar were given the new session with the previous patient's
visits, then drawn again once the patient followed."""

from __future__ import annotations

from imsmap.ui.history_bar import HistoryBar
from imsmap.ui.history_overlay import HistoryOverlayItem
from test_ui_overlay_shown_scene import _signed_visits
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def _choose_in_list(w, chart_number: str) -> None:
    """Type the chart number in the patient search and click the patient's row, as a
    clinician chooses a patient."""
    panel = w.patients
    panel.search.setText(chart_number)
    panel.refresh_patients()
    assert panel.patients.count() == 1
    panel.patients.setCurrentRow(0)


class _Watch:
    """What the overlay's items and its bar are given, call by call."""

    def __init__(self, monkeypatch):
        self.items: list[tuple[set[int], tuple[int, ...], int | None]] = []
        self.bar_sessions: list[tuple[set[int], int | None]] = []
        self.states: list[tuple[int, ...]] = []
        set_data, set_sessions, show_state = (HistoryOverlayItem.set_data,
                                              HistoryBar.set_sessions, HistoryBar.show_state)

        def counting_data(item, history, drawn, current_id, *args, **kwargs):
            self.items.append(({s.id for s in history.sessions}, tuple(drawn), current_id))
            return set_data(item, history, drawn, current_id, *args, **kwargs)

        def counting_sessions(bar, sessions, current_id, *args, **kwargs):
            self.bar_sessions.append(({s.id for s in sessions}, current_id))
            return set_sessions(bar, sessions, current_id, *args, **kwargs)

        def counting_state(bar, chart, drawn, *args, **kwargs):
            self.states.append(tuple(drawn))
            return show_state(bar, chart, drawn, *args, **kwargs)

        monkeypatch.setattr(HistoryOverlayItem, "set_data", counting_data)
        monkeypatch.setattr(HistoryBar, "set_sessions", counting_sessions)
        monkeypatch.setattr(HistoryBar, "show_state", counting_state)


def _two_patients(records, patient, atlas):
    first = _signed_visits(records, patient.id, atlas, 4, grade=3)
    other = records.create_patient(chart_number="OTHER-1", family_name="Other",
                                   given_name="Patient", sex="F")
    earlier = _signed_visits(records, other.id, atlas, 3, grade=1)
    today = records.start_session(other.id, practitioner="J. Physio")
    return first, other, earlier, today


def test_a_patient_chosen_is_drawn_once_from_their_own_visits(make_window, records, patient,
                                                              atlas, monkeypatch):
    first, other, earlier, today = _two_patients(records, patient, atlas)
    w = make_window()
    w.history_bar.show_earlier.setChecked(True)
    _choose_in_list(w, patient.chart_number)
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    assert w.overlay.drawn_ids() == first[:-1]  # the visits before the newest, open
    watch = _Watch(monkeypatch)

    _choose_in_list(w, other.chart_number)

    theirs = set(earlier) | {today.id}
    assert w.session_panel.session.id == today.id
    # one drawing, of the chosen patient's visits before today's session
    assert watch.items == [(theirs, tuple(earlier), today.id)]
    assert watch.bar_sessions == [(theirs, today.id)]
    assert watch.states == [tuple(earlier)]
    item = w.overlay.item_for(w.chart.scene)
    assert item is not None and {m.grasp for m in item.markers} == {1}
    assert len(item.markers) == 2 * len(earlier)


def test_a_patient_without_sessions_clears_the_overlay_once(make_window, records, patient, atlas,
                                                            monkeypatch):
    first, other, earlier, today = _two_patients(records, patient, atlas)
    nobody = records.create_patient(chart_number="NEW-1", family_name="New",
                                    given_name="Patient", sex="M")
    empty = records.create_patient(chart_number="NEW-2", family_name="Newer",
                                   given_name="Patient", sex="M")
    w = make_window()
    w.history_bar.show_earlier.setChecked(True)
    _choose_in_list(w, patient.chart_number)
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    watch = _Watch(monkeypatch)

    _choose_in_list(w, nobody.chart_number)  # from a patient with visits
    assert w.session_panel.session is None
    assert watch.bar_sessions == [(set(), None)] and watch.states == [()]
    assert all(item == (set(), (), None) for item in watch.items)
    assert w.overlay.item_for(w.chart.scene).markers == []
    assert w.history_bar.sessions == []

    _choose_in_list(w, empty.chart_number)  # no session before, none now: drawn for them too
    assert w.overlay.patient_id == empty.id
    assert watch.bar_sessions == [(set(), None)] * 2 and watch.states == [(), ()]
    assert w.patient.id == empty.id
