"""The Consent tab at 960 x 540 (window 960 x 510): in French its sharps box, « Aiguilles
comptées, jetées dans le contenant à objets piquants », was 401 px in a 324 px column, so the
tab scrolled sideways and the sentence ran off the column's edge (walk of 6 December). Its words
now give way, cut after a whole word with "…", whole in its tooltip and its accessible name;
ticked, it is saved as before. On a laptop it shows whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QScrollArea, QStyle, QStyleOptionComboBox
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


def _painted_words(box) -> str:
    """What the box paints beside its arrow (ui.fitting_combo: the choice cut with "…")."""
    return box.shown_text()


@pytest.mark.parametrize("size", [NARROW, LAPTOP, (1920, 1050)])
def test_the_finding_choice_says_where_it_is_cut(language, size, make_window, qtbot, records,
                                                 session):
    # « Raccourcissement / bandes tendues » was cut at the arrow at 960 px, mid-word and
    # with nothing to say so (walk of 6 December): now « Raccourcissement / bandes… », whole
    # in the tip; where there is room, whole and no tip.
    w, area = consent_tab(make_window, qtbot, session, size)
    box = w.details.finding_sign
    area.ensureWidgetVisible(box)
    qtbot.wait(10)
    assert area.horizontalScrollBar().maximum() == 0
    cut_seen = False
    for i in range(box.count()):
        box.setCurrentIndex(i)
        whole = box.currentText()
        shown = _painted_words(box)
        if shown == whole:
            assert box.toolTip() == ""
            continue
        cut_seen = True
        assert shown.endswith("…") and whole.startswith(shown[:-1].rstrip()), (shown, whole)
        assert box.toolTip() == whole
    if size == NARROW:
        assert cut_seen  # the longest sign is cut at 960 px, in either language
    if size[0] >= 1366:
        box.setCurrentIndex(0)  # the first sign whole where there is room
        assert _painted_words(box) == box.currentText() and box.toolTip() == ""
    # the choice is saved as before: chosen by the keyboard, added with Enter in the text
    box.setCurrentIndex(0)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentIndex() == 1
    w.details.finding_where.setFocus()
    qtbot.keyClicks(w.details.finding_where, "L5")
    qtbot.keyClick(w.details.finding_where, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(records.repo.findings(session.id)) == 1)
    assert records.repo.findings(session.id)[0].sign == box.itemData(1)


def _painted(box, words: str):
    """`box` painted by its style with `words` as its choice, as a plain QComboBox paints."""
    image = QImage(box.size() * box.devicePixelRatio(), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(box.devicePixelRatio())
    image.fill(0)
    painter = QPainter(image)
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    box.style().drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option, painter, box)
    option.currentText = words
    box.style().drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option, painter, box)
    painter.end()
    return image


def test_the_cut_choice_is_painted_with_its_ellipsis(french, make_window, qtbot, session):
    w, area = consent_tab(make_window, qtbot, session, NARROW)
    box = w.details.finding_sign
    box.setCurrentIndex(0)
    assert box.is_cut()
    # (inside the rounded corners, where the grab shows the column's ground)
    inside = box.rect().adjusted(3, 3, -3, -3)
    shown = box.grab().toImage().convertToFormat(
        QImage.Format.Format_ARGB32_Premultiplied).copy(inside)
    # what the screen shows is the words cut with "…", not the whole words cut at the arrow
    assert shown == _painted(box, box.shown_text()).copy(inside)
    assert shown != _painted(box, box.currentText()).copy(inside)
