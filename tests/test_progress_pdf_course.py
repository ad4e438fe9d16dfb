"""The progress report works out each session's targets once (domain.progress.Course), as the
Progress tab does, and hands them to every table and figure: the sessions table, the change and
the comparison, the grid by muscle each worked them all out again (about five times a session,
250 times for a report of 50 visits: issue 16). Through the real PDF."""

from __future__ import annotations

from collections import Counter

from tests.test_progress_pdf import build_course, text_of, write

from imsmap.domain.progress import History


def test_a_report_works_out_each_sessions_targets_once(qapp, records, patient, tmp_path,
                                                         monkeypatch):
    ids = build_course(records, patient, sessions=12, sites=6)  # the last one a draft
    worked_out: Counter[int] = Counter()
    targets = History.targets

    def counted(history: History, session_id: int):
        worked_out[session_id] += 1
        return targets(history, session_id)

    monkeypatch.setattr(History, "targets", counted)
    reader, flat = text_of(write(records, patient.id, tmp_path))
    assert worked_out == Counter(ids)  # each session's once, the draft's included
    # and every part of the report is there, the draft said apart from what is compared
    for part in ("Sessions 12 sessions, oldest first", "Change since the first session",
                 "Not compared: 1 draft, not signed (visit 12).",
                 "Grasp by muscle and session", "Summed grasp by root and side"):
        assert part in flat
