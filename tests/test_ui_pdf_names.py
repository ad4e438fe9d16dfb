"""The session PDF's offered name tells two sessions of a day apart (the walk of 6 December
2026): a second session the same day was offered ims-WALK-0001-2026-12-06.pdf, the name of the
first one's PDF, and Enter asked only whether to write over it. The time joins the day in the
name where the patient has another session that day; a day's only session keeps the short
name."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from imsmap.ui import file_dialogs
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


def test_two_sessions_of_a_day_are_offered_two_names(make_window, records, patient,
                                                     monkeypatch):
    morning = records.start_session(patient.id, started_at=datetime(2026, 11, 6, 8, 5))
    afternoon = records.start_session(patient.id, started_at=datetime(2026, 11, 6, 14, 30))
    other_day = records.start_session(patient.id, started_at=datetime(2026, 11, 13, 8, 5))
    offered: list[str] = []

    def ask(parent, title, default, *rest, **kw):
        offered.append(Path(default).name)
        return "", ""  # cancelled: nothing written
    monkeypatch.setattr(file_dialogs, "save_file_name", ask)
    w = make_window(patient_id=patient.id)
    for s in (morning, afternoon, other_day):
        w.patients.select_session(s.id)
        w.menus.act_export.trigger()
    chart = patient.chart_number
    assert offered == [f"ims-{chart}-2026-11-06-0805.pdf", f"ims-{chart}-2026-11-06-1430.pdf",
                       f"ims-{chart}-2026-11-13.pdf"]
