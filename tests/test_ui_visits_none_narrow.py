"""The chart's visits row with no visit to step through, at 960 x 540 (window 960 x 510) in
French: « aucune visite encore » was cut to « aucune s » beside the "Earlier sessions and
visits" button of the folded bar (walk of 6 December, under Xvfb). Where the words do not fit
it says « aucune » / "none", whole, the whole words in its tooltip; where they fit, the whole
words."""

from __future__ import annotations

import pytest
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

NARROW = (960, 510)
WORDS = {"fr_CA": ("aucune visite encore", "aucune"), "en": ("no visits yet", "none")}


@pytest.fixture(params=["fr_CA", "en"])
def language(request):
    if request.param == "fr_CA":
        request.getfixturevalue("french")
    return request.param


def test_no_visits_said_whole(language, make_window, qtbot, patient):
    w = make_window()
    w.resize(*NARROW)
    qtbot.wait(20)
    w.patients.select_patient(patient.id)  # a patient with no session yet
    assert w.history_bar.folded  # a short chart: the bar folded, the visit said in brief
    qtbot.wait(30)
    label = w.history_bar.position
    assert label.isVisible()
    whole, brief = WORDS[language]
    assert label.text() in (whole, brief)
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
    assert label.toolTip() == whole
    # the case this is about: the whole words wider than the room, said in brief
    assert label.fontMetrics().horizontalAdvance(whole) > label.contentsRect().width()
    assert label.text() == brief
