"""The keyboard shortcuts' dialog opens no larger than its screen: on a 960 x 540 screen it
opened 620 x 640, its Close button under the screen's edge (walk of 6 December, under Xvfb).
Its table then scrolls to the rows it cannot show; on a larger screen it opens as before."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QDialogButtonBox
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.ui.shortcuts import TITLE_ROOM, WANTED, ShortcutsDialog, opening_size


def test_the_dialog_fits_its_screen(make_window, qtbot):
    w = make_window()
    dialog = ShortcutsDialog(w)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    room = dialog.screen().availableGeometry().size()
    assert dialog.height() <= room.height() - TITLE_ROOM and dialog.width() <= room.width()
    assert dialog.size() == QSize(min(WANTED.width(), room.width()),
                                  min(WANTED.height(), room.height() - TITLE_ROOM))
    # its Close button inside it, and every row reachable by scrolling the table
    close = dialog.findChild(QDialogButtonBox)
    assert close.isVisible()
    assert dialog.rect().contains(close.geometry())
    table = dialog.table
    table.scrollToBottom()
    last = table.visualRect(table.model().index(table.rowCount() - 1, 1))
    assert table.viewport().rect().contains(last.topLeft() + QPoint(0, last.height() - 1))


def test_a_short_screen_gives_a_shorter_dialog(make_window, qtbot, monkeypatch):
    # The screen the window is on, as small as a 960 x 540 one: the size it opens at.
    w = make_window()
    screen = w.screen()
    small = screen.availableGeometry()
    small.setSize(QSize(960, 540))
    monkeypatch.setattr(type(screen), "availableGeometry", lambda _self: small)
    assert opening_size(w) == QSize(620, 540 - TITLE_ROOM)
    big = small.adjusted(0, 0, 960, 540)
    monkeypatch.setattr(type(screen), "availableGeometry", lambda _self: big)
    assert opening_size(w) == WANTED
