"""The Progress tab's list of visits says what the progress report says: the withdrawn and
entered-in-error sessions it leaves out (the list named none of them; the report says them in one
line), and which visits came from a duplicate record merged into this one (the report marks them
"chart DUP-7"; the list did not). Through the real panel, English and French."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from imsmap.services.merging import merge_records
from imsmap.services.retractions import mark_entered_in_error, withdraw_draft
from imsmap.ui.progress.progress_panel import ProgressPanel


def _visit(records, patient_id, day, sign=True):
    s = records.start_session(patient_id, started_at=datetime(2026, 10, day, 9, tzinfo=UTC),
                              pain_before=5)
    records.add_site(s.id, "posterior", 600, 1000, muscle_id="gluteus_medius", side="R", grasp=2)
    if sign:
        records.sign_session(s.id)
    return s.id


def _course(records, patient):
    kept = [_visit(records, patient.id, d) for d in (1, 15)]
    wrong = _visit(records, patient.id, 20)
    mark_entered_in_error(records, wrong, "Signed on the wrong patient")
    draft = _visit(records, patient.id, 22, sign=False)
    withdraw_draft(records, draft, "Started by mistake")
    dup = records.create_patient(chart_number="DUP-7", family_name=patient.family_name,
                                 given_name=patient.given_name, birth_date=patient.birth_date,
                                 sex=patient.sex)
    theirs = _visit(records, dup.id, 8)
    merge_records(records, patient.id, dup.id, "Same person registered twice")
    return kept, theirs


def _panel(qtbot, context, records, patient):
    panel = ProgressPanel(records, context.histories, patient.id)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _rows(panel) -> dict[int, str]:
    return {panel.sessions.item(r).data(Qt.ItemDataRole.UserRole): panel.sessions.item(r).text()
            for r in range(panel.sessions.count())}


def test_the_list_says_the_merged_visits_and_the_sessions_left_out(qtbot, context, records,
                                                                   patient):
    kept, theirs = _course(records, patient)
    panel = _panel(qtbot, context, records, patient)
    rows = _rows(panel)
    assert sorted(rows) == sorted(kept + [theirs])  # the retracted ones are no visits
    assert rows[theirs].splitlines()[-1] == "chart DUP-7"
    assert all("chart" not in rows[sid] for sid in kept)
    said = panel.chooser.left_out
    assert said.isVisible()
    assert said.text().startswith("Left out, as not this patient's treatment: 2 sessions "
                                  "withdrawn or entered in error, started 2026-10-22")
    assert "2026-10-20" in said.text()


def test_no_session_left_out_says_nothing(qtbot, context, records, patient):
    _visit(records, patient.id, 1)
    panel = _panel(qtbot, context, records, patient)
    assert not panel.chooser.left_out.isVisible()
    assert "chart" not in _rows(panel)[panel.chosen_ids()[0]]
