"""What the French walk of 6 December found cut in the window at 1280 x 1024 and 1366 x 768:
the session's start time lost its last digit beside its calendar's arrow, and the muscle under
the pointer was cut off mid-word at the status bar's end."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

WIDTHS = [1280, 1366]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("in_french", [False, True])
def test_the_session_s_start_time_is_shown_whole(request, make_window, session,  # noqa: F811
                                                 qtbot, width, in_french):
    # Qt sizes a date-time box as a spin box by its first 18 characters; with its calendar
    # (a combo box's arrow, wider) « 2026-12-06 04 h 13 » showed « 2026-12-06 04 h 1 ».
    if in_french:
        request.getfixturevalue("french")
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.resize(width, 994)
    qtbot.wait(50)
    box = w.session_panel.started_at
    assert box.calendarPopup()  # a draft: editable, with its calendar
    edit = box.findChild(QLineEdit)
    text = edit.text()
    assert ("\xa0h\xa0" in text) == in_french, text
    room = edit.width() - 4  # QLineEdit's own margins, 2 px a side
    assert edit.fontMetrics().horizontalAdvance(text) <= room, (text, edit.width())


def test_the_muscle_under_the_pointer_is_cut_at_a_word_with_the_whole_in_a_tooltip(
        window, qtbot):
    whole = ("Upper trapezius, right · over the thorax: pneumothorax risk · Accessory nerve "
             "(CN XI); branches of the cervical plexus (C3-C4) · roots C2-C4 · dominant C3 · "
             "a long sentence that goes on past the status bar's room for it")
    window.chart.hoverText.emit(whole)
    label = window.hover_label
    shown = label.text()
    assert shown.endswith("…") and whole.startswith(shown[:-1]), shown
    assert whole[len(shown) - 1] in " ,;:-", shown  # cut where a word ends
    assert label.fontMetrics().horizontalAdvance(shown) <= label.maximumWidth()
    assert label.toolTip() == whole
    window.chart.hoverText.emit("Deltoid, left")
    assert label.text() == "Deltoid, left" and label.toolTip() == ""
