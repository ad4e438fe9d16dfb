"""The languages part of the settings dialog: the window's language (this user's, on this
computer: window_settings.LANGUAGE) and, when the clinic's settings carry it, the records'
language (the PDFs' and exports' words: the clinic setting records_language)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from imsmap import i18n
from imsmap.ui.window_settings import LANGUAGE

# Each language by its own name, as a language menu shows them: whoever cannot read the window's
# language still finds theirs.
LANGUAGE_NAMES = {"en": "English", "fr_CA": "Français"}


class LanguageBox(QGroupBox):
    """Window: follow the system / English / Français (at the next start); records: one of
    i18n.SUPPORTED, when given."""

    def __init__(self, records_language: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Languages"))
        form = QFormLayout(self)
        self.window_language = QComboBox()
        self.window_language.setAccessibleName(self.tr("Language of the window"))
        system = LANGUAGE_NAMES[i18n.system_language()]
        self.window_language.addItem(self.tr("Follow the system ({language})").format(
            language=system), "")
        for code in i18n.SUPPORTED:
            self.window_language.addItem(LANGUAGE_NAMES[code], code)
        chosen = LANGUAGE.read()
        self.window_language.setCurrentIndex(max(0, self.window_language.findData(
            chosen if chosen in i18n.SUPPORTED else "")))
        self.window_language.setToolTip(self.tr(
            "Yours, on this computer; the window speaks it the next time imsmap starts"))
        form.addRow(self.tr("Window:"), self.window_language)
        self.records_language: QComboBox | None = None
        if records_language is not None:
            self.records_language = QComboBox()
            self.records_language.setAccessibleName(self.tr("Language of the records"))
            for code in i18n.SUPPORTED:
                self.records_language.addItem(LANGUAGE_NAMES[code], code)
            self.records_language.setCurrentIndex(max(0, self.records_language.findData(
                records_language)))
            self.records_language.setToolTip(self.tr(
                "The clinic's: the language of the session PDFs, progress reports and exports, "
                "whatever language each window speaks"))
            form.addRow(self.tr("Records:"), self.records_language)
        note = QLabel(self.tr("A new window language applies the next time imsmap starts."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        form.addRow(note)

    def chosen_records_language(self) -> str | None:
        return None if self.records_language is None else self.records_language.currentData()

    def save_window_language(self) -> bool:
        """Store the window's language for this user; True when it changed."""
        chosen = self.window_language.currentData()
        if chosen == LANGUAGE.read():
            return False
        LANGUAGE.write(chosen)
        return True
