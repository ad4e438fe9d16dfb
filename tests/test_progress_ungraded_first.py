"""A first visit needled without grades is no count of muscles grasping. The progress report's
change since the first session showed, under visit 1's date, the grasp burden of the first
*graded* visit (here the latest itself: "4 4 0", the latest visit compared with itself), and
"Muscles grasping 0 3 +3", three more muscles grasping, where nothing had been graded; the
Progress tab's summary said "muscles grasping 0 → 3". Both now say "—" ("-") for the ungraded
visit and give no change. Through the real PDF and the summary of the real history."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.test_progress_pdf import interior_points, text_of, write

from imsmap.domain.progress import Course, History, changes_since_first
from imsmap.ui.progress.summary import summary_text


def _two_visits(records, patient, first_grades, second_grades):
    points = interior_points(records.atlas)[:len(first_grades)]
    start = datetime(2026, 3, 2, 9, 0)
    for k, grades in enumerate((first_grades, second_grades)):
        s = records.start_session(patient.id, started_at=start + timedelta(days=7 * k),
                                  practitioner="J. Physio", pain_before=7 - k, pain_after=5 - k)
        for (vid, region, x, y), g in zip(points, grades):
            records.add_site(s.id, vid, x, y, muscle_id=region.muscle, side=region.side,
                             layer=region.layer, grasp=g)
        records.sign_session(s.id)


def _course(records, patient) -> Course:
    sessions = records.read.sessions_for_patient(patient.id)
    return Course.of(History.of(sessions, records.read.effective_sites_for_sessions(
        [s.id for s in sessions])))


def test_an_ungraded_first_visit_gives_no_grasp_change(qapp, records, patient, tmp_path):
    _two_visits(records, patient, (None, None, None, None), (2, 1, 1, 0))
    _reader, flat = text_of(write(records, patient.id, tmp_path))
    assert "Muscles grasping — 3 —" in flat, flat[flat.find("Visit 1, "):][:400]
    assert "Grasp burden (sum of grades) — 4 —" in flat
    # pain keeps its own baseline, recorded at both
    assert "Pain before treatment 7 6 −1 (−14%)" in flat
    course = _course(records, patient)
    change = changes_since_first(course.metrics)[-1]
    assert (change.muscles_grasping, change.grasp_burden) == (None, None)
    summary = summary_text(course)
    assert "muscles grasping - \u2192 3" in summary and "grasp burden - \u2192 4" in summary


def test_graded_visits_still_give_their_change(qapp, records, patient, tmp_path):
    _two_visits(records, patient, (3, 2, 2, 1), (2, 1, 0, 0))
    _reader, flat = text_of(write(records, patient.id, tmp_path))
    assert "Muscles grasping 4 2 −2" in flat
    assert "Grasp burden (sum of grades) 8 3 −5" in flat
    assert "muscles grasping 4 \u2192 2" in summary_text(_course(records, patient))
