"""The Progress tab's Segments and Compare tabs compare signed visits (the rule of
domain.progress.earlier_visits, as the Trend grid, the chart and the progress report): a draft's
column keeps its own sums and figures, "draft" in its header, but the muscles in common with the
visit before are counted between signed visits; the Compare tab offers the signed visits chosen,
the visits in between are the signed ones, and the drafts left out are said in the summary's
words. Through the real window on a file; the clinic server's rooms:
tests/server/test_server_window_drafts.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_history import large_regions
from tests.test_ui_history_drafts import START, site_at
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.domain.progress import target_of


@pytest.fixture
def course(records, patient, atlas):
    """Four weekly visits on two muscles (regions A and B): #1 signed, A 2 and B 3; #2 left a
    draft, B released (0); #3 signed, A 1; #4 today's draft, A 3."""
    a, b = large_regions(atlas)
    ids = []
    for k, (sites, signed) in enumerate((([(a, 2), (b, 3)], True), ([(b, 0)], False),
                                         ([(a, 1)], True), ([(a, 3)], False))):
        s = records.start_session(patient.id, started_at=START + timedelta(days=7 * k),
                                  practitioner="J. Physio", pain_before=7 - 2 * k)
        for spot, grade in sites:
            site_at(records, s.id, spot, grade)
        if signed:
            records.sign_session(s.id)
        ids.append(s.id)
    return ids


def open_progress(make_window, patient, ids, tab: str):
    """The window with today's draft open, its Progress tab on ``tab``, ``ids`` chosen."""
    w = make_window(patient_id=patient.id, session_id=ids[-1])
    w.menus.act_progress.trigger()
    w.progress.choose(ids)
    w.progress.tabs.setCurrentWidget(getattr(w.progress, tab))
    QCoreApplication.processEvents()
    return w


def segment_words(w) -> tuple[list[str], list[list[str]], str]:
    """The Segments tab's visits (their header's lines before the date), its figures per row, and the words
    for the drafts it leaves out ("" hidden)."""
    seg = w.progress.segments
    figures = seg.figures
    # (a draft's number and word on lines of their own, over its date)
    heads = [" ".join(figures.horizontalHeaderItem(j).text().split("\n")[:-1])
             for j in range(figures.columnCount())]
    assert heads == [" ".join(seg.roots.horizontalHeaderItem(j).text().split("\n")[:-1])
                     for j in range(seg.roots.columnCount())]
    rows = [[figures.item(r, j).text() for j in range(figures.columnCount())]
            for r in range(figures.rowCount())]
    return heads, rows, "" if seg.drafts.isHidden() else seg.drafts.text()


def test_the_segments_tab_counts_muscles_in_common_between_signed_visits(
        qtbot, make_window, records, patient, course):
    w = open_progress(make_window, patient, course, "segments")
    heads, rows, drafts = segment_words(w)
    assert heads == ["#1", "#2 draft", "#3", "#4 draft"]
    grasping, burden, common = rows
    assert grasping == ["2", "0", "1", "1"] and burden == ["5", "0", "1", "3"]  # their own
    # #3 (A) against #1 (A, B): 50%, not against the draft #2 (B: 0%); the drafts against
    # nothing (they read 50% and 100%)
    assert common == ["", "", "50%", ""]
    tip = w.progress.segments.figures.item(2, 3).toolTip()
    assert tip.startswith("#4 draft ") and tip.endswith(": a draft, not signed; compared with "
                                                        "nothing.")
    assert w.progress.segments.figures.item(2, 2).toolTip() == ""
    assert drafts == "Not compared: 2 drafts, not signed (#2, #4)."
    # signed, they are visits like the others, compared with the visit before
    for sid in (course[1], course[3]):
        records.sign_session(sid)
    qtbot.waitUntil(lambda: w.progress.full.session(course[-1]).is_signed, timeout=3000)
    w.progress.choose(course)
    heads, rows, drafts = segment_words(w)
    assert heads == ["#1", "#2", "#3", "#4"] and drafts == ""
    assert rows[2] == ["", "50%", "0%", "100%"]


def compare_words(compare) -> tuple[list[str], tuple[str, str], dict, str]:
    """The visits the choosers offer (their numbers), the pair chosen, each group's (muscle,
    later) rows, and the words for the drafts left out ("" hidden)."""
    offered = [compare.before.itemText(i).split()[0] for i in range(compare.before.count())]
    assert offered == [compare.after.itemText(i).split()[0] for i in range(compare.after.count())]
    pair = tuple((box.currentText().split() or [""])[0] for box in (compare.before, compare.after))
    groups = {key: [c.target for c in changes]
              for key, changes in compare.groups().items() if changes}
    return offered, pair, groups, "" if compare.drafts.isHidden() else compare.drafts.text()


def test_the_compare_tab_compares_signed_visits(qtbot, make_window, records, patient, course):
    w = open_progress(make_window, patient, course, "compare")
    compare = w.progress.compare
    a, b = (target_of(s) for s in records.read.sites_for_session(course[0]))
    offered, pair, groups, drafts = compare_words(compare)
    assert offered == ["#1", "#3"]  # the signed visits chosen
    # #1 against #3, not #3 against today's draft (A 1 -> 3 read "Grasp stronger")
    assert pair == ("#1", "#3")
    # B, released at the draft #2 that nobody signed, is not "released in between": it was
    # last needled at a signed visit at #1
    assert groups == {"better": [a], "not_repeated": [b]}
    assert drafts == "Not compared: 2 drafts, not signed (#2, #4)."
    assert not compare.notice.isVisible() and compare.tree.isVisible()
    # the side-by-side charts are the signed visits'
    assert compare.right.caption.startswith("#3 ")
    # one signed visit chosen with the drafts: nothing is compared, said so
    w.progress.choose(course[1:])
    offered, _pair, groups, drafts = compare_words(compare)
    assert offered == ["#3"] and compare.comparison is None and groups == {}
    assert compare.notice.text() == ("Fewer than two signed visits chosen: there is nothing to "
                                     "compare. A draft is compared once it is signed.")
    assert drafts == "Not compared: 2 drafts, not signed (#2, #4)."
    w.progress.choose([course[1], course[3]])  # drafts alone
    assert compare_words(compare)[0] == [] and compare.comparison is None
    assert compare.notice.isVisible() and not compare.tree.isVisible()
    # signed, they are visits: the latest two are compared, nothing is said apart
    for sid in (course[1], course[3]):
        records.sign_session(sid)
    qtbot.waitUntil(lambda: w.progress.full.session(course[-1]).is_signed, timeout=3000)
    w.progress.choose(course)
    offered, pair, groups, drafts = compare_words(compare)
    assert offered == ["#1", "#2", "#3", "#4"] and pair == ("#3", "#4") and drafts == ""
    assert groups == {"worse": [a]}


def test_the_segments_and_compare_tabs_say_their_drafts_in_french(
        french, qtbot, make_window, records, patient, course):
    w = open_progress(make_window, patient, course, "segments")
    heads, rows, drafts = segment_words(w)
    assert heads == ["#1", "#2 brouillon", "#3", "#4 brouillon"]
    assert rows[2] == ["", "", "50\u00a0%", ""]
    words = "Non comparés\u00a0: 2\u00a0brouillons non signés (#2, #4)."
    assert drafts == words
    assert w.progress.segments.figures.item(2, 1).toolTip().endswith(
        "\u00a0: un brouillon non signé, qui n\u2019est comparé à rien.")
    w.progress.tabs.setCurrentWidget(w.progress.compare)
    compare = w.progress.compare
    offered, pair, _groups, drafts = compare_words(compare)
    assert offered == ["#1", "#3"] and pair == ("#1", "#3") and drafts == words
    w.progress.choose(course[1:])
    assert compare.notice.text() == (
        "Moins de deux visites signées choisies\u00a0: il n'y a rien à comparer. Un "
        "brouillon est comparé une fois signé.")


def test_a_draft_just_started_is_said_apart_alike_in_the_summary_and_the_tabs(
        qtbot, make_window, records, patient, course):
    """A session just started (New session, nothing needled yet) is one of the drafts chosen:
    the summary says it apart in the same line as the Segments and Compare tabs (it said only
    the drafts with needled sites, so its « Latest (#3…) » left the visit in progress unsaid
    while both tabs named it)."""
    w = open_progress(make_window, patient, course, "segments")
    w.session_actions.new_session()  # through the window's own action
    new = w.session_id
    assert new not in course and not records.read.sites_for_session(new)
    chosen = [*course[:3], new]
    w.progress.choose(chosen)
    QCoreApplication.processEvents()
    assert w.progress.chosen_ids() == chosen
    line = "Not compared: 2 drafts, not signed (#2, #5)."
    heads, _rows, segments = segment_words(w)
    assert heads == ["#1", "#2 draft", "#3", "#5 draft"] and segments == line
    w.progress.tabs.setCurrentWidget(w.progress.compare)
    QCoreApplication.processEvents()
    assert compare_words(w.progress.compare)[3] == line
    summary = w.progress.summary.text()
    assert summary.startswith("Latest (#3, ") and summary.endswith("\n" + line)
    # with nothing needled in any session chosen, the line still says the draft
    w.progress.choose([new])
    QCoreApplication.processEvents()
    line = "Not compared: 1 draft, not signed (#5)."
    assert w.progress.summary.text() == "No needled sites in the sessions shown yet.\n" + line
    assert compare_words(w.progress.compare)[3] == line
    w.progress.tabs.setCurrentWidget(w.progress.segments)
    assert segment_words(w)[2] == line
