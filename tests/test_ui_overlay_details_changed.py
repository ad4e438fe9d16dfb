"""A change of the open patient's details (Patient > Edit details…, or another room's edit heard
on the bus) changes none of their visits: the chart under the open session still draws the
visits before it. Before, the window chose the patient again and the overlay forgot which
session was open: at its next drawing it drew every signed visit, the open one too, as earlier
("3 earlier shown", "3 visits ago" under the third of three visits; walk of 7 December on the
clinic server, after a note was added to the patient's details)."""

from __future__ import annotations

from datetime import timedelta

from test_ui_history import START, large_regions
from test_ui_history_drafts import bar_words, earlier_drawn, site_at
from test_ui_support import (  # noqa: F401 - qt_settings, make_window: fixtures
    close_windows,
    make_window,
    qt_settings,
    show_window,
)


def test_a_patients_details_changed_leave_the_open_visit_out_of_the_earlier_ones(
        qtbot, make_window, records, patient, atlas):
    a, b = large_regions(atlas)
    first = records.start_session(patient.id, started_at=START, practitioner="J. Physio")
    site_at(records, first.id, a, 2)
    records.sign_session(first.id)
    second = records.start_session(patient.id, started_at=START + timedelta(days=7),
                                   practitioner="J. Physio")
    site_at(records, second.id, b, 3)
    records.sign_session(second.id)
    w = make_window(patient_id=patient.id, session_id=second.id)
    assert w.overlay.drawn_ids() == [first.id]

    records.update_patient(patient.id, notes="Allergic to latex.")  # as Edit details saves
    w.menus.act_overlay.trigger()  # earlier visits hidden, and shown again: drawn anew
    w.menus.act_overlay.trigger()
    assert w.session_panel.session.id == second.id  # the same visit open
    assert w.overlay.drawn_ids() == [first.id]
    assert earlier_drawn(w) == {(first.id, 1)}
    assert bar_words(w)[:2] == ("1 earlier shown", ["last time"])
