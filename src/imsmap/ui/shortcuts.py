"""The keyboard shortcuts dialog (F1): every shortcut of the window's actions, then the keys of
the chart itself. Imported when it is opened."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from imsmap.ui.chart_keys import KEY_HELP
from imsmap.ui.header_eliding import elide_headers

# Keys the chart and the site list handle themselves (not window actions): ui.chart_keys's
# KEY_HELP (T, E, Enter, Tab, Ctrl+F, ... were missing from a shorter list of this module's own),
# then the lock screen's.
OTHER_KEYS = (
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Enter (lock screen)"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Unlock with your PIN")),
)


WANTED = QSize(620, 640)  # the table's rows and its two columns whole where there is room
TITLE_ROOM = 40  # px of the screen's height left for the window manager's title bar


def opening_size(window: QWidget) -> QSize:
    """WANTED, no larger than the screen `window` is on (its title bar and the panels'
    room left): on a 960 x 540 screen it opened 640 px high, its Close button under the
    screen's edge (walk of 6 December). Its table scrolls to the rows it leaves out."""
    screen = window.screen()
    if screen is None:
        return WANTED
    room = screen.availableGeometry().size()
    return QSize(min(WANTED.width(), room.width()),
                 min(WANTED.height(), room.height() - TITLE_ROOM))


class ShortcutsDialog(QDialog):
    """Every shortcut of the window's actions, menu by menu in the menus' own order (sorted by
    name, "Chart: Anterior", "Chart: Feet, dorsal" ... put Ctrl+1, Ctrl+6, Ctrl+7 ... one after
    another), then the keys of the chart itself and of the lock screen."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(opening_size(window))
        sections = self._menu_sections(window)
        sections.append((self.tr("On the chart and the site list"),
                         [(QCoreApplication.translate("ChartKeys", keys),
                           QCoreApplication.translate("ChartKeys", text))
                          for keys, text in KEY_HELP]))
        sections.append((self.tr("Lock screen"),
                         [(self.tr(keys), self.tr(text)) for keys, text in OTHER_KEYS]))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Menus show these too. Keys on the chart act on the selected "
                                "site.")))
        self.table = QTableWidget(sum(len(rows) + 1 for _, rows in sections), 2)
        elide_headers(self.table)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setTabKeyNavigation(False)  # Tab goes on to Close (ui.focus_order)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._titles: list[int] = []
        r = 0
        for title, rows in sections:
            heading = QTableWidgetItem(title)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.table.setItem(r, 0, heading)
            self.table.setSpan(r, 0, 1, 2)
            self._titles.append(r)
            r += 1
            for keys, text in rows:
                self.table.setItem(r, 0, QTableWidgetItem(keys))
                self.table.setItem(r, 1, QTableWidgetItem(text))
                r += 1
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _menu_sections(self, window: QMainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
        """(menu title, its shortcuts in the menu's order, submenus' included), then the
        window's actions that are in no menu."""
        seen: set[tuple[str, str]] = set()

        def rows_of(actions: list[QAction]) -> list[tuple[str, str]]:
            rows = []
            for action in actions:
                if action.menu() is not None:
                    rows += rows_of(action.menu().actions())
                    continue
                row = self._row(action)
                if row is not None and row not in seen:
                    seen.add(row)
                    rows.append(row)
            return rows

        sections = []
        for top in window.menuBar().actions():
            if top.menu() is not None:
                rows = rows_of(top.menu().actions())
                if rows:
                    sections.append((plain_action_text(top), rows))
        others = rows_of(window.findChildren(QAction))
        if others:
            sections.append((self.tr("Elsewhere in the window"), others))
        return sections

    def _row(self, action: QAction) -> tuple[str, str] | None:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText)
                for k in action.shortcuts() if not k.isEmpty()]
        text = action.property(HELP_TEXT) or plain_action_text(action).rstrip("…").strip()
        return (self.tr(" or ").join(keys), text) if keys and text else None

    def rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) of every shortcut, in the table's order (no section titles)."""
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text())
                for r in range(self.table.rowCount()) if r not in self._titles]

    def section_titles(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in self._titles]


# An action whose text changes with what it would do (Undo: "Undo cramp of site 1") names
# itself in the table by this property's text instead.
HELP_TEXT = "shortcutsHelpText"


def plain_action_text(action: QAction) -> str:
    """An action's or menu's words as read: no accelerator mark ("&&" is a real "&"), no tab."""
    return action.text().split("\t")[0].replace("&&", "\0").replace("&", "") \
        .replace("\0", "&").strip()
