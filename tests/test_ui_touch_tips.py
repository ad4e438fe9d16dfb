"""A finger has no hover: a long press shows what a widget says only in its tooltip (the thorax
prompt's whole list of muscles, a Segments cell, the Progress grid's cells, a photo's caption),
above the finger, and it stays once the finger lifts. A quick tap shows nothing; a long press on
the prompt's check box records nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from imsmap.domain.progress import Course
from imsmap.services.photos import Photos
from photo_support import png_bytes, write
from test_ui_progress import _catalogue, _history, matrix_widget  # noqa: F401 - fixture
from test_ui_small_screen import _thorax_site
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures


@pytest.fixture(scope="module")
def finger():
    return QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)


@pytest.fixture(autouse=True)
def no_tip_left():
    yield
    QToolTip.hideText()


def on_screen(widget, pos: QPoint) -> None:
    """Moves `widget`'s window so that `pos` is on the screen: the tests' offscreen screen is
    800 x 800, their window 1440 x 900, and a touch off the screen reaches no window."""
    screen = QApplication.primaryScreen().geometry()
    at = widget.mapToGlobal(pos)
    if not screen.contains(at):
        window = widget.window()
        window.move(window.pos() + screen.center() - at)
        QApplication.processEvents()
        assert screen.contains(widget.mapToGlobal(pos))


def hold(qtbot, finger, widget, pos: QPoint, ms: int | None = None) -> str:
    """A finger held on `widget` at `pos` for `ms` (Qt's press-and-hold time and a little), then
    lifted: the tooltip showing after the lift ("" for none)."""
    QToolTip.hideText()
    on_screen(widget, pos)
    qtbot.wait(20)
    QTest.touchEvent(widget, finger).press(0, pos, widget).commit()
    qtbot.wait(ms if ms is not None else
               QApplication.styleHints().mousePressAndHoldInterval() + 200)
    shown = QToolTip.text() if QToolTip.isVisible() else ""
    QTest.touchEvent(widget, finger).release(0, pos, widget).commit()
    qtbot.wait(50)
    after = QToolTip.text() if QToolTip.isVisible() else ""
    assert after == shown, (shown, after)  # the lift does not hide it
    return after


def test_a_long_press_on_the_thorax_prompt_shows_its_whole_list(qtbot, window, finger):
    _thorax_site(qtbot, window)
    prompt = window.details.thorax_banner
    text = prompt.text
    tip = hold(qtbot, finger, text, text.rect().center())
    assert tip == text.toolTip() and "Latissimus dorsi" in tip
    # above the finger, not under it
    label = next(w for w in QApplication.topLevelWidgets()
                 if w.inherits("QTipLabel") and w.isVisible())
    assert label.geometry().bottom() < text.mapToGlobal(text.rect().center()).y()
    # a quick tap says nothing
    assert hold(qtbot, finger, text, text.rect().center(), ms=100) == ""


def test_a_long_press_on_the_prompts_check_box_shows_the_list_and_records_nothing(
        qtbot, window, records, finger):
    _thorax_site(qtbot, window)
    check = window.details.thorax_check
    assert hold(qtbot, finger, check, check.rect().center()) == check.toolTip() != ""
    assert not check.isChecked()
    assert not records.repo.session(window.session_id).pneumothorax_discussed


def test_a_long_press_on_a_segments_cell_shows_its_sentence(qtbot, finger):
    from imsmap.ui.progress.segment_trend import SegmentTrend

    history = _history()
    widget = SegmentTrend()
    qtbot.addWidget(widget)
    widget.set_course(Course.of(history), _catalogue(), history.numbering)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    table = widget.roots
    item = table.item(0, 0)
    at = table.visualItemRect(item).center()
    assert hold(qtbot, finger, table.viewport(), at) == item.toolTip() != ""


def test_a_long_press_on_a_progress_grid_cell_shows_its_tip(qtbot, matrix_widget, finger):
    m = matrix_widget
    model = m.model()
    for column in range(model.columnCount()):
        index = model.index(0, column)
        tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
        rect = m.visualRect(index)
        if tip and m.viewport().rect().contains(rect.center()) and rect.width() > 10:
            break
    else:
        raise AssertionError("no cell with a tip in view")
    assert hold(qtbot, finger, m.viewport(), rect.center()) == tip


def test_a_long_press_on_a_photo_shows_its_caption(qtbot, window, session, tmp_path, finger):
    Photos(window.records).add_file(session.id, write(tmp_path / "a.png", png_bytes()))
    strip = window.photo_strip
    qtbot.waitUntil(lambda: strip.list.count() == 1)
    item = strip.list.item(0)
    at = strip.list.visualItemRect(item).center()
    assert hold(qtbot, finger, strip.list.viewport(), at) == item.toolTip()
    assert item.toolTip().startswith("Photo 1")
    assert strip.viewer is None or not strip.viewer.isVisible()  # not opened
