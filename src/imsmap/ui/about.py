"""Help > About: the versions of imsmap, its atlas and the database's schema, and the database's
path, in selectable text with a Copy button (for a support call or a bug report)."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from imsmap.services import about
from imsmap.services.records import Records


def about_rows(records: Records) -> list[tuple[str, str]]:
    f = about.facts(records)
    if f.schema_version == f.schema_supported:
        schema = str(f.schema_version)
    else:
        schema = QCoreApplication.translate(
            "AboutDialog", "{version} (this imsmap reads and writes {supported})").format(
                version=f.schema_version, supported=f.schema_supported)
    return [(QCoreApplication.translate("AboutDialog", "imsmap version"), f.app_version),
            (QCoreApplication.translate("AboutDialog", "Atlas version"), f.atlas_version),
            (QCoreApplication.translate("AboutDialog", "Database schema"), schema),
            (QCoreApplication.translate("AboutDialog", "Database"),
             QCoreApplication.translate("AboutDialog", "{path} (read-only)").format(
                 path=f.db_path) if f.readonly else str(f.db_path)),
            ("Qt", f"{qVersion()} (PySide6 {pyside_version}, Python "
                   f"{platform.python_version()})")]


class AboutDialog(QDialog):
    def __init__(self, records: Records, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About imsmap"))
        self.rows = about_rows(records)
        layout = QVBoxLayout(self)
        title = QLabel(f"imsmap {self.rows[0][1]}")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("Body-chart records of IMS (intramuscular stimulation) "
                                "sessions.")))
        layout.addSpacing(6)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for name, value in self.rows:
            label = QLabel(value)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            form.addRow(self.tr("{name}:").format(name=name), label)
            self.values[name] = label
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def text(self) -> str:
        return "\n".join(f"{name}: {value}" for name, value in self.rows)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
