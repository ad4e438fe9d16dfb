"""The progress panel's visit chooser: which sessions its pages show.

Beside the pages (a window 1366 px wide or wider) it is a column: its label, Last 4 and Last 8
over All, the list of visits to tick. In a narrower window that column took 190 px of a 550 px
one, and the Segments page's sums by root showed five of eight visits at 960 x 540 (walk of
6 December): there the panel puts the chooser above its pages (`ProgressPanel`), on one row
(« Séances affichées  4 dernières  8 dernières  Toutes  Choisir… »), the list under it while
Choose… is down.

Every widget here is the chooser's child from the start and only moves inside it: shown or
hidden before it had a parent, a widget is a window of its own (the list, shown as the panel
was made, came up as one and took the window's activation: the chart then had no keyboard focus
after a tap, tests/test_ui_chooser_keys.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

__all__ = ["VisitChooser"]

LIST_LEAST_WIDTH = 170  # px: the list beside the pages
LIST_MOST_WIDTH = 240
LIST_MOST_HEIGHT = 150  # px: the list above the pages, under the row, while Choose… is down
WIDGETSIZE_MAX = 16777215  # (Qt's QWIDGETSIZE_MAX)


class VisitChooser(QWidget):
    """The label, the Last 4 / Last 8 / All buttons, the list of visits and, above the pages,
    Choose…; `set_narrow` places them for beside or above the pages."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # Made in the order Tab goes through them (the label takes no focus).
        self.label = QLabel(self.tr("Sessions shown"), self)
        self.last4 = QPushButton(self.tr("Last 4"), self)
        self.last8 = QPushButton(self.tr("Last 8"), self)
        self.all = QPushButton(self.tr("All"), self)
        self.pick = QPushButton(self.tr("Choose…"), self)
        self.pick.setCheckable(True)
        self.pick.setToolTip(self.tr("Show the list of sessions, to choose those shown"))
        for button in (self.last4, self.last8, self.all, self.pick):
            button.setAutoDefault(False)
        self.sessions = QListWidget(self)
        self.sessions.setAccessibleName(self.tr("Sessions shown"))
        # The withdrawn and entered-in-error sessions the list leaves out, said under it (the
        # progress report says them in one line; the list named none of them).
        self.left_out = QLabel(self)
        self.left_out.setObjectName("visitsLeftOut")
        self.left_out.setWordWrap(True)
        self.left_out.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.left_out.hide()
        self.pick.toggled.connect(self._pick_toggled)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.sessions, 1)
        self.box.addWidget(self.left_out)
        self.head: QLayout | None = None  # the label and the buttons, above the list
        self.narrow = False
        self._place()

    def set_narrow(self, narrow: bool) -> None:
        """Beside the pages (False): the label over the buttons on two rows (« 4 dernières »,
        « 8 dernières » / « Toutes »), no wider than the list, which fills the column's height.
        Above them (True): one row, Choose… at its end, the list under it while that is down."""
        if narrow != self.narrow:
            self.narrow = narrow
            self._place()

    def _place(self) -> None:
        narrow = self.narrow
        if self.head is not None:
            for w in (self.label, self.last4, self.last8, self.all, self.pick):
                self.head.removeWidget(w)  # (each stays the chooser's)
            self.box.removeItem(self.head)
            self.head.deleteLater()
        if narrow:
            row = QHBoxLayout()
            for w in (self.label, self.last4, self.last8, self.all, self.pick):
                row.addWidget(w)
            row.addStretch(1)
            self.head = row
            self.sessions.setMinimumWidth(0)
            self.sessions.setMaximumSize(WIDGETSIZE_MAX, LIST_MOST_HEIGHT)
        else:
            grid = QGridLayout()
            grid.addWidget(self.label, 0, 0, 1, 2)
            grid.addWidget(self.last4, 1, 0)
            grid.addWidget(self.last8, 1, 1)
            grid.addWidget(self.all, 2, 0, 1, 2)
            self.head = grid
            self.sessions.setMinimumWidth(LIST_LEAST_WIDTH)
            self.sessions.setMaximumSize(LIST_MOST_WIDTH, WIDGETSIZE_MAX)
        self.box.insertLayout(0, self.head)
        self.pick.setVisible(narrow)
        self._show_list(not narrow or self.pick.isChecked())

    def set_left_out(self, text: str) -> None:
        """Say the sessions the list leaves out ("": none)."""
        self.left_out.setText(text)
        self._show_list(not self.narrow or self.pick.isChecked())

    def _show_list(self, shown: bool) -> None:
        self.sessions.setVisible(shown)
        self.left_out.setVisible(shown and bool(self.left_out.text()))

    def _pick_toggled(self, down: bool) -> None:
        if self.narrow:
            self._show_list(down)
