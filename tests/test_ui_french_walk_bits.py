"""Small faults of wording the French walk of the window found (6 December), each through the
real widgets, in English and in French:
- the site list marked twitch and e-stimulation with the English keys' letters (« T », « E »
  beside the buttons « Secousse » and « Électrostim. »), and its hint named only C;
- a signed session's findings showed the add-entry fields' examples (« Région ou segment,
  p. ex. L5 », « Mesure prise »), greyed, as though written;
- a finding on both sides showed no side word in the findings list;
- the practitioner's example was cut at 1366 x 768 (« nom, comme dans la liste des prati… »).
(The set-up wizard's paths, once followed by a period: tests/test_first_run_paths.py.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from imsmap import i18n
from support import site_on
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures


@pytest.fixture(params=["en", "fr_CA"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


FLAG_MARKS = {"en": "C T E", "fr_CA": "C S É"}
KEYS_SAID = {"en": ("C cramp", "T twitch", "E e-stim"),
             "fr_CA": ("C crampe", "T secousse (S)", "E électrostim. (É)")}


def test_the_site_list_marks_its_flags_in_the_language_and_its_hint_names_each_key(
        language, make_window, records, session, qtbot):
    window = make_window(patient_id=session.patient_id, session_id=session.id)
    table = window.session_panel.sites
    site_on(records, session, "gluteus_medius")
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    table.selectRow(0)
    table.setFocus()
    for key in (Qt.Key.Key_C, Qt.Key.Key_T, Qt.Key.Key_E):  # the keys stay C, T and E
        qtbot.keyClick(table, key)
    qtbot.waitUntil(lambda: table.item(0, 4).text() == FLAG_MARKS[language])
    saved = records.session_record(session.id).sites[0]
    assert saved.cramp and saved.twitch and saved.estim
    for hint in (window.session_panel.sites_hint.text(), table.toolTip()):
        assert all(said in hint for said in KEYS_SAID[language]), hint
    marks = table.item(0, 4).toolTip()
    assert all(mark in marks for mark in FLAG_MARKS[language].split()), marks


def test_a_signed_session_hides_the_rows_that_add_findings_and_events(
        language, make_window, records, session):
    window = make_window(patient_id=session.patient_id, session_id=session.id)
    details = window.details
    rows = (details.finding_where, details.event_action, details.finding_side,
            details.event_kind)
    assert all(w.isVisibleTo(details) and w.isEnabled() for w in rows)
    examples = [details.finding_where.placeholderText(), details.event_action.placeholderText()]
    assert all(examples)

    records.sign_session(session.id)

    assert not any(w.isVisibleTo(details) for w in rows)
    assert details.findings.isVisibleTo(details) and details.events.isVisibleTo(details)


def test_a_finding_on_both_sides_says_so_in_the_findings_list(language, make_window, session,
                                                              qtbot):
    window = make_window(patient_id=session.patient_id, session_id=session.id)
    details = window.details
    for side, word in (("M", {"en": "both / midline", "fr_CA": "bilatéral / médian"}),
                       ("R", {"en": "right", "fr_CA": "droite"})):
        details.finding_side.setCurrentIndex(details.finding_side.findData(side))
        qtbot.keyClicks(details.finding_where, "L4-L5")
        qtbot.keyClick(details.finding_where, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda w=word: details.findings.count() and
                        details.findings.item(details.findings.count() - 1).text()
                        .endswith(f"L4-L5 {w[language]}"))


@pytest.mark.parametrize("open_session", [False, True], ids=["no-session", "session"])
def test_the_practitioner_example_is_whole_at_1366_px(language, make_window, session, qtbot,
                                                      open_session):
    window = make_window(patient_id=session.patient_id,
                         session_id=session.id if open_session else None)
    window.resize(1366, 768)
    field = window.session_panel.practitioner
    field.clear()
    qtbot.wait(20)
    example = field.placeholderText()
    # the text's room: the field less its frame and Qt's text margins (2 px a side, and 2 more)
    room = field.width() - 2 * field.style().pixelMetric(
        field.style().PixelMetric.PM_DefaultFrameWidth) - 8
    assert field.fontMetrics().horizontalAdvance(example) <= room, (example, room)
    assert ("clinic's list of practitioners" if language == "en" else
            "liste des praticiens de la clinique") in field.toolTip()
