"""The Consent tab at 960 x 540 (window 960 x 510): in French its sharps box, « Aiguilles
comptées, jetées dans le contenant à objets piquants », was 401 px in a 324 px column, so the
tab scrolled sideways and the sentence ran off the column's edge (walk of 6 December). Its words
now give way, cut after a whole word with "…", whole in its tooltip and its accessible name;
ticked, it is saved as before. On a laptop it shows whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_progress_fit import LAPTOP
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

NARROW = (960, 510)
SHARPS = {"fr_CA": "Aiguilles comptées, jetées dans le contenant à objets piquants",
          "en": "All needles accounted for, sharps disposed"}


@pytest.fixture(params=["fr_CA", "en"])
def language(request):
    if request.param == "fr_CA":
        request.getfixturevalue("french")
    return request.param


def consent_tab(make_window, qtbot, session, size):
    w = make_window()
    w.resize(*size)
    qtbot.wait(20)
    w.patients.select_patient(session.patient_id)
    w.patients.select_session(session.id)
    w.right_tabs.setCurrentIndex(1)
    qtbot.wait(30)
    page = w.right_tabs.currentWidget()
    area = page if isinstance(page, QScrollArea) else page.findChildren(QScrollArea)[0]
    return w, area


@pytest.mark.parametrize("size", [NARROW, LAPTOP])
def test_the_sharps_box_fits_its_column(language, size, make_window, qtbot, records, session):
    w, area = consent_tab(make_window, qtbot, session, size)
    box = w.details.needles_accounted
    assert box.isVisible()
    assert area.horizontalScrollBar().maximum() == 0, (area.widget().minimumSizeHint(),
                                                        area.viewport().width())
    whole = SHARPS[language]
    assert box.whole == whole and box.accessibleName() == whole
    text_room = box.width() - (box.sizeHint().width() - box.fontMetrics().horizontalAdvance(whole))
    assert box.fontMetrics().horizontalAdvance(box.text()) <= text_room
    if size == NARROW and language == "fr_CA":
        assert box.is_cut() and box.text().endswith("…")
        assert whole.startswith(box.text()[:-1].rstrip())  # cut after a whole word
        assert box.toolTip() == whole
    if size == LAPTOP:
        assert not box.is_cut() and box.text() == whole and box.toolTip() == ""
    # ticked with the mouse, it is saved as before
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: records.read.session(session.id).needles_accounted)
    assert box.isChecked()
