"""The keyboard shortcuts dialog (F1): every shortcut of the window's actions, then the keys of
the chart itself. Imported when it is opened."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from imsmap.ui.chart_keys import KEY_HELP

# Keys the chart and the site list handle themselves (not window actions): ui.chart_keys's
# KEY_HELP (T, E, Enter, Tab, Ctrl+F, ... were missing from a shorter list of this module's own),
# then the lock screen's.
OTHER_KEYS = (
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Enter (lock screen)"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Unlock with your PIN")),
)


class ShortcutsDialog(QDialog):
    """Every shortcut of the window's actions, then the keys of the chart itself."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(620, 640)
        rows: list[tuple[str, str]] = []
        seen: set[tuple[str, str]] = set()
        for action in window.findChildren(QAction):
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText)
                    for k in action.shortcuts() if not k.isEmpty()]
            text = action.text().split("\t")[0].replace("&&", "\0").replace("&", "") \
                .replace("\0", "&").rstrip("…").strip()
            if not keys or not text:
                continue
            row = (self.tr(" or ").join(keys), text)
            if row not in seen:
                seen.add(row)
                rows.append(row)
        rows.sort(key=lambda r: r[1].lower())
        rows += [(QCoreApplication.translate("ChartKeys", keys),
                  QCoreApplication.translate("ChartKeys", text)) for keys, text in KEY_HELP]
        rows += [(self.tr(keys), self.tr(text)) for keys, text in OTHER_KEYS]
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Menus show these too. Keys on the chart act on the selected "
                                "site.")))
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for r, (keys, text) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(keys))
            self.table.setItem(r, 1, QTableWidgetItem(text))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text())
                for r in range(self.table.rowCount())]
