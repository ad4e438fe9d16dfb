"""The progress report's words about the course, checked against what was recorded: a muscle that
released and was no longer needled is said to have released, and when; new muscles carry their
grade; a course that went badly is told as plainly as one that went well."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from tests.test_progress_pdf import interior_points, text_of, write

pytest.importorskip("pypdf")

UNGRADED = object()


def course(records, patient, grades):
    """Weekly signed visits; ``grades`` maps a muscle's index to its grade at each visit (None:
    not needled that day; UNGRADED: needled, not graded). Returns the muscles' labels by index."""
    points = interior_points(records.atlas)[:len(grades)]
    visits = len(next(iter(grades.values())))
    start = datetime(2025, 3, 3, 9, 0)
    for k in range(visits):
        s = records.start_session(patient.id, started_at=start + timedelta(days=7 * k),
                                  pain_before=6, pain_after=4)
        for i, (vid, region, x, y) in enumerate(points):
            g = grades[i][k]
            if g is not None:
                records.add_site(s.id, vid, x, y, muscle_id=region.muscle, side=region.side,
                                 layer=region.layer, grasp=None if g is UNGRADED else g)
        records.sign_session(s.id)
    from imsmap.domain.progress import Target
    from imsmap.report.site_text import target_label
    return [target_label(records, Target(r.muscle, r.side)) for _v, r, _x, _y in points]


def compared(flat):
    return flat.split("Muscles compared between visit 1")[1].split("Pain and grasp")[0]


def test_a_muscle_released_then_left_is_said_to_have_released(qapp, records, patient,
                                                                 tmp_path):
    """A muscle that grasped at visit 1, released (0) at visit 3 and was not needled again was
    listed under "Needled in visit 1, not 4" with no grade, and "Released (grasp → 0): none":
    a course that went well read to an insurer as muscles merely left out."""
    names = course(records, patient, {0: [3, 2, 0, None], 1: [2, 2, 2, None],
                                      2: [3, 2, 1, 1], 3: [None, None, None, 2]})
    words = compared(text_of(write(records, patient.id, tmp_path))[1])
    released = words.split("Released (grasp → 0)")[1].split("Weaker grasp")[0]
    assert f"{names[0]} 3→0 (visit 3)" in released
    assert names[1] not in released
    assert f"{names[2]} 3→1" in words.split("Weaker grasp")[1].split("Stronger grasp")[0]
    new = words.split("Needled in visit 4, not 1")[1].split("Needled in visit 1, not 4")[0]
    assert f"{names[3]} 2" in new  # a new muscle's grade: how strongly it grasped
    left = words.split("Needled in visit 1, not 4")[1]
    assert f"{names[1]} 2→2 (visit 3)" in left  # still grasping when last needled
    assert "the last visit that needled the muscle before visit 4" in left


def test_a_course_that_went_badly_is_told_as_plainly(qapp, records, patient, tmp_path):
    """Grasps that came back stronger, and a muscle left while it still grasped: never
    'released'."""
    names = course(records, patient, {0: [1, 2, 3, 3], 1: [1, 3, None, None],
                                      2: [None, 0, 2, 3]})
    words = compared(text_of(write(records, patient.id, tmp_path))[1])
    assert words.split("Released (grasp → 0)")[1].split("Weaker grasp")[0].strip() == "none"
    assert f"{names[0]} 1→3" in words.split("Stronger grasp")[1]
    assert f"{names[1]} 1→3 (visit 2)" in words.split("Needled in visit 1, not 4")[1]
    assert f"{names[2]} 3" in words.split("Needled in visit 4, not 1")[1]


def test_the_grasp_burden_falls_when_released_muscles_are_left(qapp, records, patient,
                                                              tmp_path):
    """Visit 4 needles only the muscle still grasping: the mean grade rose from 1.0 to 2.0
    although no grasp was stronger than at visit 3; the grasp burden stays at 2, and the report
    says how it moves."""
    course(records, patient, {0: [3, 1, 0, None], 1: [3, 3, 2, 2]})
    flat = text_of(write(records, patient.id, tmp_path))[1]
    assert "3 2025-03-17 09:00 6 4 2 1 of 2 2 100%" in flat
    assert "4 2025-03-24 09:00 6 4 1 1 of 1 2 50%" in flat
    assert ("The grasp burden falls as muscles release and grasps weaken, and rises only when a "
            "grasp is stronger or a new muscle grasps.") in flat


def test_the_report_says_how_to_read_it(qapp, records, patient, tmp_path):
    """An insurer's reader, without the app, met 'grasp' and 'mean grasp 2.0 → 1.0' with no word
    of what a grasp is, nor which way is better; the first page now says both, in the clinic's
    words for the grades."""
    course(records, patient, {0: [3, 1], 1: [2, 0]})
    reader, _flat = text_of(write(records, patient.id, tmp_path))
    page1 = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert ("How to read it At each insertion the practitioner grades how strongly the muscle "
            "grasps the needle (a shortened muscle grips it): 0 none, 1 mild, 2 moderate, "
            "3 strong.") in page1
    assert "For pain and grasp, lower numbers are better." in page1



def test_a_muscle_graded_at_one_of_the_two_visits_is_not_left_out(qapp, records, patient,
                                                                    tmp_path):
    """Needled at both visits but graded at one only: in no list, a muscle graded 3 at the
    first visit vanished from the comparison an insurer reads."""
    names = course(records, patient, {0: [3, 2, UNGRADED], 1: [2, 1, 1]})
    words = compared(text_of(write(records, patient.id, tmp_path))[1])
    assert f"Graded at one of the two {names[0]} 3→–" in words
    assert "–: needled, not graded." in words
    assert f"{names[1]} 2→1" in words.split("Weaker grasp")[1].split("Stronger grasp")[0]


def test_the_complaint_is_the_latest_one_recorded_and_says_which_visit(qapp, records, patient,
                                                                      tmp_path):
    """A visit charted without retyping the complaint (the field starts empty each time) left
    the report's header reading "Complaint (latest session) —": the reader of a ten-visit
    course for a right L5 radiculopathy was told of no complaint at all. The header gives the
    latest complaint recorded, naming its visit when it is not the latest session's."""
    course(records, patient, {0: [2, 1, 1]})  # three visits, none with a complaint
    flat = text_of(write(records, patient.id, tmp_path, "none.pdf"))[1]
    assert "COMPLAINT (LATEST SESSION) —" in flat
    third = max(records.read.sessions_for_patient(patient.id), key=lambda s: s.started_at)
    later = records.start_session(patient.id, started_at=third.started_at + timedelta(days=7),
                                  complaint="Right L5 radiculopathy", pain_before=3)
    records.sign_session(later.id)
    latest = records.start_session(patient.id, started_at=later.started_at + timedelta(days=7),
                                   pain_before=2)
    records.sign_session(latest.id)
    flat = text_of(write(records, patient.id, tmp_path, "later.pdf"))[1]
    assert "COMPLAINT (VISIT 4) Right L5 radiculopathy" in flat, flat[:900]
    assert "COMPLAINT (LATEST SESSION)" not in flat
