"""A signed visit with several amendments on a 1366 x 768 screen, in English and in French, with
the controls mouse-sized and touch-sized. Each amendment's words were shown in full under the
session's fields: five of a few lines each took 280-300 px and pushed the site list and the
open site's grades below the screen, so a clinician opening the visit had to scroll to its
sites. Now the newest is shown and the others are a click away (ui.record.amendment_list): the
list and the grades are in view as the visit opens, and every amendment's words are still
there, whole, for the reading.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_small_screen import SCREEN, in_view, visible_rows
from tests.test_ui_support import make_window, qt_settings, touch_sized  # noqa: F401 - fixtures

from imsmap.ui.record.amendment_list import (
    ELLIPSIS,
    NEWEST_MOST_LINES,
    AmendmentWords,
    cut_to_lines,
    line_count,
)

pytestmark = pytest.mark.usefixtures("touch_sized")

# Five amendments of three or four lines each in the session's column, as a clinic writes them.
AMENDMENTS = [
    ("Late entry: consent discussion",
     "Pneumothorax risk was discussed again before the thoracic sites, as at the first visit. "
     "The patient repeated the warning signs back (sudden chest pain, shortness of breath) and "
     "agreed to go on."),
    ("Correction: side of the gluteal sites",
     "The gluteus medius sites were on the left, not the right as first recorded. The chart's "
     "dots were placed correctly; only the words of the notes were wrong."),
    ("Late entry: adverse event reported by telephone",
     "Patient phoned the next morning: post-needling soreness in the lumbar paraspinals for "
     "about 24 hours, eased with heat. No bruising, no nerve symptoms, no chest symptoms."),
    ("Addition: outcome measure",
     "Oswestry Disability Index completed after the visit: 38% (was 52% at the first visit). "
     "Patient-specific functional scale: sitting 6/10 (was 3), walking 7/10 (was 5)."),
    ("Addition: plan agreed with the patient",
     "Review in one week. Home programme: hip flexor stretch twice a day, walking 20 minutes "
     "daily. If the leg pain returns below the knee, the patient will call before the visit."),
]


@pytest.fixture(params=["en", "fr_CA"])
def language(request):
    if request.param != "en":
        request.getfixturevalue("french")  # the French catalog, for this test
    return request.param


@pytest.fixture
def amended(records, context, session):
    """The fixture session with 11 sites on the front chart, signed, then amended five times."""
    regions = [r for r in context.atlas.view("anterior").regions if r.layer == "superficial"]
    for r in regions[:11]:
        records.add_site(session.id, "anterior", *r.label, muscle_id=r.muscle, layer=r.layer)
    records.update_session(session.id, consent=True)
    records.sign_session(session.id)
    for reason, text in AMENDMENTS:
        records.amend_session(session.id, reason, text)
    return session


def _open(make_window, qtbot, session):
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.resize(*SCREEN)
    if w.edits.sites:
        w.edits.select_site(w.edits.sites[0].id)  # a site open: its grades under the list
    qtbot.wait(20)
    w.right_tabs.widget(0).verticalScrollBar().setValue(0)
    return w


def plain(label: QLabel) -> str:
    """What `label` shows, as text (its rich text's markup left out)."""
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


def _shown_whole(w, text: str) -> list[QLabel]:
    """The labels of the session's column that show `text` whole."""
    return [label for label in w.session_panel.findChildren(QLabel)
            if label.isVisible() and text in plain(label)]


def test_a_visit_with_five_amendments_opens_with_its_sites_and_grades_in_view(
        language, make_window, qtbot, amended, touch_sized):
    w = _open(make_window, qtbot, amended)
    sp = w.session_panel
    area = w.right_tabs.widget(0)
    # As the visit opens: the site list (six rows at least) and the open site's grades are
    # in view without scrolling (they were 280-310 px below the screen's foot)...
    assert in_view(w, w.site_table), area.verticalScrollBar().maximum()
    assert visible_rows(w) >= 6, visible_rows(w)
    for button in w.site_table.inspector.grasp_buttons.values():
        assert in_view(w, button), button.text()
    # ... with the signed state, the count of amendments, the newest one's words and the
    # button that shows them all in view too: nothing of the record left out without a cue.
    amendments = sp.amendments
    for widget in (sp.status, amendments.heading, amendments.newest, amendments.toggle):
        assert in_view(w, widget), widget
    assert "5" in amendments.heading.text() and "5" in amendments.toggle.text()
    assert AMENDMENTS[-1][1] in plain(amendments.newest)  # the newest, whole
    assert not _shown_whole(w, AMENDMENTS[0][1])  # the first is behind the button
    # One click shows every amendment whole, oldest first, each one reached by scrolling.
    qtbot.mouseClick(amendments.toggle, Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    tops = []
    for _reason, text in AMENDMENTS:
        (label,) = _shown_whole(w, text)
        area.ensureWidgetVisible(label, 0, 0)
        assert in_view(w, label), text
        tops.append(label.mapTo(sp, label.rect().topLeft()).y())
    assert tops == sorted(tops)
    # and the button gives the short form back
    qtbot.mouseClick(amendments.toggle, Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    area.verticalScrollBar().setValue(0)
    assert not _shown_whole(w, AMENDMENTS[0][1])
    assert in_view(w, w.site_table)


def test_a_long_newest_amendment_is_cut_with_a_cue_and_shown_whole_at_a_click(
        make_window, qtbot, records, session, touch_sized):
    records.update_session(session.id, consent=True)
    records.sign_session(session.id)
    long_text = " ".join(f"Sentence {i} of a long late entry about the visit." for i in range(40))
    records.amend_session(session.id, "Late entry", long_text)
    w = _open(make_window, qtbot, session)
    amendments = w.session_panel.amendments
    shown = plain(amendments.newest)
    assert shown.endswith(ELLIPSIS) and len(shown) < len(long_text)
    assert shown.startswith("Amendment ") and "Late entry: Sentence 0 of" in shown
    assert long_text in amendments.newest.toolTip()
    # Cut to its lines at the label's width, whatever the column's width.
    label = amendments.newest
    assert line_count(label.text(), label.font(), label.contentsRect().width()) \
        == NEWEST_MOST_LINES
    assert label.height() < 6 * label.fontMetrics().lineSpacing()
    assert in_view(w, amendments.toggle)
    qtbot.mouseClick(amendments.toggle, Qt.MouseButton.LeftButton)
    assert long_text in plain(amendments.newest)


def test_a_single_amendment_that_fits_reads_as_before(make_window, qtbot, records, session):
    records.update_session(session.id, consent=True)
    records.sign_session(session.id)
    records.amend_session(session.id, "Wrong side", "Site 1 was on the right.")
    w = _open(make_window, qtbot, session)
    amendments = w.session_panel.amendments
    assert amendments.isVisible() and amendments.heading_row.isHidden()
    assert plain(amendments.newest).endswith("Wrong side: Site 1 was on the right.")


def test_cut_to_lines_keeps_the_words_line_breaks_and_markup_out(qapp):
    font = QLabel().font()
    html, cut = cut_to_lines(AmendmentWords("Amendment:", "short <b>"), font, 300, 2)
    assert not cut and "short &lt;b&gt;" in html and line_count(html, font, 300) == 1
    html, cut = cut_to_lines(AmendmentWords("Amendment:", "one\ntwo\nthree"), font, 300, 2)
    doc = QTextDocument()
    doc.setHtml(html)
    assert cut and doc.toPlainText() == "Amendment: one\ntwo" + ELLIPSIS


def test_the_list_opens_short_for_each_visit_and_stays_as_chosen_while_amended(
        make_window, qtbot, records, amended):
    """Shown all, the list stays so when one more amendment comes (here or from another
    room); another visit, and this one opened again, start short."""
    w = _open(make_window, qtbot, amended)
    amendments = w.session_panel.amendments
    qtbot.mouseClick(amendments.toggle, Qt.MouseButton.LeftButton)
    assert amendments.expanded
    records.amend_session(amended.id, "Addition", "Seen by the GP the same week.")
    assert amendments.expanded and "6" in amendments.heading.text()
    assert _shown_whole(w, AMENDMENTS[0][1]) and "Seen by the GP" in plain(amendments.newest)
    other = records.start_session(amended.patient_id)
    w.patients.select_session(other.id)
    assert amendments.isHidden()  # a draft: nothing amended
    w.patients.select_session(amended.id)
    assert amendments.isVisible() and not amendments.expanded
    assert not _shown_whole(w, AMENDMENTS[0][1])
