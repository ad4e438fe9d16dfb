"""Choosing sessions in the Progress tab works out each chosen session's targets once
(domain.progress.Course) and hands them to every view of the tab: the summary, the grid, the
plot, the segments and the comparison each worked them all out again, about five times a
session (a thousand times for "All" of a 200-visit history, 0.6-0.8 s: issue 16). Through the
real window."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from imsmap.domain.progress import History
from imsmap.ui.progress.trend_matrix import FIRST_SESSION_COL
from support import spot
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

VISITS = 12


@pytest.fixture
def course(records, patient):
    """Twelve weekly visits of four sites; the 3rd, 7th and 11th left drafts."""
    ids = []
    for week in range(VISITS):
        s = records.start_session(patient.id, practitioner="J. Physio",
                                  pain_before=8 - week // 2,
                                  started_at=datetime(2026, 9, 1, 9) + timedelta(weeks=week))
        for i in range(4):
            view, x, y, muscle, side = spot(records.atlas, i + week % 3)
            records.add_site(s.id, view, x, y, muscle_id=muscle, side=side,
                             grasp=(i + week) % 4)
        if week % 4 != 2:
            records.sign_session(s.id)
        ids.append(s.id)
    return ids


def test_all_works_out_each_sessions_targets_once(qtbot, make_window, patient, course,
                                                   monkeypatch):
    w = make_window(patient_id=patient.id)
    w.menus.act_progress.trigger()
    panel = w.progress
    panel.choose_last(4)
    QCoreApplication.processEvents()
    worked_out: Counter[int] = Counter()
    targets = History.targets

    def counted(history: History, session_id: int):
        worked_out[session_id] += 1
        return targets(history, session_id)

    monkeypatch.setattr(History, "targets", counted)
    qtbot.mouseClick(panel.all, Qt.MouseButton.LeftButton)
    QCoreApplication.processEvents()
    assert panel.chosen_ids() == course
    # and every view shows every visit (the Segments and Compare pages once shown)
    assert panel.matrix.trend_model.columnCount() == FIRST_SESSION_COL + VISITS
    assert len(panel.pain.metrics) == VISITS
    panel.tabs.setCurrentWidget(panel.segments)
    assert panel.segments.figures.columnCount() == VISITS
    panel.tabs.setCurrentWidget(panel.compare)
    assert panel.compare.after.count() == VISITS - 3  # the signed visits, drafts said apart
    assert panel.compare.drafts.text().startswith("Not compared: 3 drafts")
    assert "Not compared: 3 drafts" in panel.summary.text()
    assert worked_out == Counter(course)  # each chosen session's once, drafts included
