"""The progress report's comparison of the first and latest signed visits lists the muscles whose
grasp did not change, as the Progress tab's Compare view does ("Unchanged"). The report listed
only the released, weaker, stronger, new and left-out muscles: a muscle grasping strongly (3) at
the first visit and still at 3 at the latest, the muscle the course had not helped, was in none of
its lists, and the section read as if every muscle compared had improved. Through the real PDF,
with the latest grade as an amendment corrected it."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.test_progress_pdf import interior_points, text_of, write

from imsmap.domain.progress import target_of
from imsmap.report.site_text import target_label


def _course(records, patient, grades_by_visit):
    """Weekly signed visits needling the same muscles with the grades given. Returns each
    visit's sites."""
    points = interior_points(records.atlas)[:len(grades_by_visit[0])]
    start = datetime(2026, 3, 2, 9, 0)
    visits = []
    for k, grades in enumerate(grades_by_visit):
        s = records.start_session(patient.id, started_at=start + timedelta(days=7 * k),
                                  practitioner="J. Physio", pain_before=6 - k, pain_after=4 - k)
        visits.append([records.add_site(s.id, vid, x, y, muscle_id=region.muscle,
                                        side=region.side, layer=region.layer, grasp=g)
                       for (vid, region, x, y), g in zip(points, grades)])
        records.sign_session(s.id)
    return visits


def _listed(flat: str, label: str) -> str:
    """The text after a list's label up to the next list's label."""
    start = flat.index(label) + len(label)
    ends = [flat.find(stop, start) for stop in ("Stronger grasp", "Needled in visit",
                                                "Unchanged grasp", "Graded at one")]
    return flat[start:min(e for e in ends if e > 0)]


def test_a_muscle_whose_grasp_did_not_change_is_listed_as_unchanged(qapp, records, patient,
                                                                     tmp_path):
    # the first muscle grasps 3 throughout; the second releases; the third weakens, then holds
    visits = _course(records, patient, [(3, 2, 2), (3, 1, 1), (1, 0, 1)])
    stubborn, released, weaker = visits[-1]
    # the latest visit's first grade was entered wrong: corrected to 3 by an amendment
    records.amend_session(stubborn.session_id, "Grade entered on the wrong site", "",
                          [(stubborn.id, "grasp", 3)])
    _reader, flat = text_of(write(records, patient.id, tmp_path))
    assert "Muscles compared between visit 1 and visit 3" in flat
    unchanged = _listed(flat, "Unchanged grasp")
    assert f"{target_label(records, target_of(stubborn))} 3→3" in unchanged
    # and the others in their own lists, each once
    assert f"{target_label(records, target_of(released))} 2→0" in _listed(
        flat, "Released (grasp → 0)")
    assert f"{target_label(records, target_of(weaker))} 2→1" in _listed(flat, "Weaker grasp")
    assert target_label(records, target_of(stubborn)) not in _listed(flat, "Weaker grasp")


def test_no_unchanged_muscle_says_none(qapp, records, patient, tmp_path):
    _course(records, patient, [(3, 2), (1, 0)])
    _reader, flat = text_of(write(records, patient.id, tmp_path))
    assert "Unchanged grasp none" in flat
