"""A muscle whose only site at the later visit an amendment marked "recorded in error" counts
nowhere in a comparison (rightly), but the Compare view listed it under "Not needled in the
later session" and the progress report under "Needled in visit 1, not 3": the record says
neither. Both say it was recorded in error, from one rule (domain.comparison.recorded_in_error).
Through the real panel and the real PDF."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from tests.test_progress_pdf import interior_points, text_of, write

from imsmap.domain.progress import target_of
from imsmap.report.site_text import target_label
from imsmap.ui.progress.progress_panel import ProgressPanel


def _course(records, patient):
    """Three signed visits needling two muscles (2 then 1); at the last, the second muscle's
    site is marked recorded in error by an amendment. Returns the last visit's two sites."""
    points = interior_points(records.atlas)[:2]
    start = datetime(2026, 3, 2, 9, 0)
    last = []
    for k in range(3):
        s = records.start_session(patient.id, started_at=start + timedelta(days=7 * k),
                                  practitioner="J. Physio", pain_before=6 - k)
        last = [records.add_site(s.id, vid, x, y, muscle_id=region.muscle, side=region.side,
                                 layer=region.layer, grasp=2 if k == 0 else 1)
                for vid, region, x, y in points]
        records.sign_session(s.id)
    records.amend_session(last[1].session_id, "Site entered on the wrong muscle", "",
                          [(last[1].id, "in_error", True)])
    return last


def _groups(compare) -> dict[str, list[str]]:
    out = {}
    for i in range(compare.tree.topLevelItemCount()):
        top = compare.tree.topLevelItem(i)
        out[top.data(0, Qt.ItemDataRole.UserRole)] = [
            f"{top.child(j).text(0)}|{top.child(j).text(2)}" for j in range(top.childCount())]
    return out


def test_compare_view_says_recorded_in_error_not_not_needled(qtbot, context, records, patient):
    kept, erroneous = _course(records, patient)
    panel = ProgressPanel(records, context.histories, patient.id)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    qtbot.waitExposed(panel)
    compare = panel.compare
    panel.tabs.setCurrentWidget(compare)
    ids = panel.chosen_ids()
    compare.set_pair(ids[0], ids[-1])
    groups = _groups(compare)
    assert "not_repeated" not in groups
    (row,) = groups["in_error"]
    assert row.endswith("|recorded in error")
    titles = [compare.tree.topLevelItem(i).text(0)
              for i in range(compare.tree.topLevelItemCount())]
    assert "Recorded in error in the later session (1)" in titles
    # the muscle kept at the later visit is compared as ever
    assert len(groups["better"]) == 1


def test_progress_report_says_recorded_in_error_at_the_last_visit(qapp, records, patient,
                                                                   tmp_path):
    kept, erroneous = _course(records, patient)
    _reader, flat = text_of(write(records, patient.id, tmp_path))
    label = target_label(records, target_of(erroneous))
    assert "Recorded in error at visit 3" in flat
    after = flat[flat.index("Recorded in error at visit 3"):]
    assert after.startswith(f"Recorded in error at visit 3 {label} 2")
    # and no longer "needled in visit 1, not 3"
    left_out = flat[flat.index("Needled in visit 1, not 3"):flat.index("Recorded in error")]
    assert label not in left_out
    assert "Needled in visit 1, not 3 none" in flat
