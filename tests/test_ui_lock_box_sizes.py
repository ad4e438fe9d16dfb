"""The lock's PIN panel over a message box of any size (ui.dialog_locks.LockCover). A message
box is sized to its text: a short one (« Enregistré. », a one-word question) was narrower
than the compact PIN panel, whose field ran to the box's edges and whose « Déverrouiller »
was cut in two, the box's own edge showing beside them. The box is now made as large as the
panel while it is locked, whatever its text, and given back its size once unlocked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from imsmap.services import lock
from imsmap.ui.dialog_locks import LockCover
from imsmap.ui.privacy_cover import COVER_COLOUR
from test_ui_french import french  # noqa: F401 - fixture
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

WORDS = ("Abandonner ce qui a été tapé ? Il n'est pas enregistré : fermer cette fenêtre "
         "maintenant le perd, et rien ne le garde ailleurs.")
RING = 3  # pixels round the box's edge that only the panel's dark may fill


def edge_pixels_not_dark(box: QWidget) -> int:
    image = box.grab().toImage()
    dark = QColor(COVER_COLOUR).rgb()
    w, h = image.width(), image.height()
    ring = [(x, y) for x in range(w) for y in (*range(RING), *range(h - RING, h))]
    ring += [(x, y) for y in range(h) for x in (*range(RING), *range(w - RING, w))]
    return sum(image.pixel(x, y) != dark for x, y in ring)


def inside(widget: QWidget, box: QWidget) -> bool:
    return QRect(0, 0, box.width(), box.height()).contains(
        QRect(widget.mapTo(box, widget.rect().topLeft()), widget.size()))


@pytest.mark.parametrize("length", [1, 8, 20, 60, 140])
@pytest.mark.parametrize("informative", [False, True])
def test_the_pin_panel_covers_a_french_message_box_whole(qtbot, french, window, records,
                                                         length, informative):
    lock.save(records, pin="2468", idle_minutes=0)
    window.screen_lock.apply_settings()
    box = QMessageBox(QMessageBox.Icon.Question, "Nouveau patient", WORDS[:length],
                      QMessageBox.StandardButton.Ok, window)
    if informative:
        box.setInformativeText(WORDS[:length])
    box.open()
    qtbot.waitExposed(box)
    own = box.size()
    window.menus.act_lock.trigger()
    qtbot.wait(30)  # a message box sets its own size again on its next layout
    cover = box.findChild(LockCover)
    panel = cover.lock_screen
    assert cover.covering and box.windowTitle() == "Verrouillé"
    for wrong in (False, True):
        if wrong:  # the line saying so takes no more room than was kept for it
            panel.pin.setText("1111")
            panel.try_unlock()
            qtbot.wait(30)
            assert panel.error.text()
        assert cover.geometry() == box.rect()
        assert inside(panel.pin, box) and inside(panel.button, box), (box.size(), wrong)
        assert edge_pixels_not_dark(box) == 0, (box.size(), wrong)
    panel.pin.setText("2468")
    panel.try_unlock()
    qtbot.wait(30)
    assert not window.locked and box.size() == own and box.windowTitle() == "Nouveau patient"
    box.close()


def test_a_box_locked_twice_in_its_exec_then_answered(qtbot, window, records):
    """Unlocked inside its exec() and then answered, a box's cover deleted later by Qt crashed
    the program in QWidget's destructor; it is kept hidden now, and covers the box again at
    the next lock: one cover however often it locks."""
    lock.save(records, pin="2468", idle_minutes=0)
    window.screen_lock.apply_settings()
    seen: list[tuple[bool, int]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, answer)
            return
        try:
            qtbot.waitExposed(box)
            for _ in range(2):
                window.menus.act_lock.trigger()
                panel = box.findChild(LockCover).lock_screen
                qtbot.keyClicks(panel.pin, "2468")
                qtbot.keyClick(panel.pin, Qt.Key.Key_Return)
                seen.append((window.locked, len(box.findChildren(LockCover))))
        finally:
            box.button(QMessageBox.StandardButton.Ok).click()

    QTimer.singleShot(0, answer)
    box = QMessageBox(QMessageBox.Icon.NoIcon, "imsmap", "Saved.",
                      QMessageBox.StandardButton.Ok, window)
    assert box.exec() == QMessageBox.StandardButton.Ok
    qtbot.wait(50)  # what Qt deletes later, deleted
    assert seen == [(False, 1), (False, 1)]
    assert window.isVisible()
