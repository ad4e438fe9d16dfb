"""Qt's own dialogs and menus in a French window (issue 19): Qt's qtbase catalog (from the PySide6
wheel) installed beside imsmap's, and the few words it lacks in imsmap's window catalog
(imsmap.ui.qt_words). The file dialog the window opens to attach photos said "Look in:" and
"Files of type:" in English; a text box's context menu is Qt's."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QTreeView
from tests.test_ui_french import (  # noqa: F401 - fixtures
    clinic_data,
    french,
    french_window,
)
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.ui.qt_words import qt_own_words

# Qt's English words that are not French words too ("type", "options", "pages" are both).
QT_ENGLISH = {"look", "in", "files", "of", "folder", "drive", "set", "per", "sheet", "order",
              "undo", "redo", "cut", "copy", "paste", "delete", "select", "all", "file", "name",
              "open", "cancel", "back", "forward", "directory", "create", "new", "view", "detail",
              "size", "modified", "print", "printer", "properties", "collate", "reverse",
              "current"}


def english_of_qt(text: str) -> list[str]:
    """The English words of Qt's own text."""
    return [w for w in re.findall(r"[^\W\d_]+", text.replace("&", "")) if w.lower() in QT_ENGLISH]


def test_qt_catalogs_come_from_the_installed_pyside6_wheel():
    """No network, no system Qt: the catalog is the wheel's own (the frozen app keeps it at the
    same place: packaging/imsmap.spec KEEP_TRANSLATIONS, checked by packaging/build.py)."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert "PySide6" in folder
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"  # English


def test_every_qt_word_imsmap_adds_has_its_french(french):
    assert qt_own_words() == ["&Voir dans\xa0:", "Fichiers de &type\xa0:", "Dossier", "Lecteur",
                              "&Série de pages\xa0:", "Pages &par feuille\xa0:",
                              "&Ordre des pages\xa0:", "%p\xa0%"]


def test_a_french_window_s_text_box_menu_is_french(french_window):
    search = french_window.findChild(QLineEdit, "chartSearch")
    assert search is not None
    menu = search.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    menu.deleteLater()
    assert "&Annuler" in texts and "Co&ller" in texts and "Tout sélectionner" in texts, texts
    assert not [t for t in texts if english_of_qt(t)], texts


def test_the_file_dialog_the_french_window_opens_is_french(french_window, qtbot):
    """Attach photos: Qt's own file dialog (not the desktop's: none under a test's offscreen
    platform, nor on a desktop without a file-chooser portal)."""
    strip = french_window.photo_strip
    seen: dict[str, list[str]] = {}

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, read_and_close)
            return
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        tree = dialog.findChild(QTreeView, "treeView")
        model = tree.model()
        seen["headers"] = [str(model.headerData(i, tree.header().orientation()))
                           for i in range(model.columnCount())]
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    strip.editable = True
    strip.choose_files()
    assert seen, "no file dialog opened"
    labels = seen["labels"]
    assert "&Voir dans\xa0:" in labels and "Fichiers de &type\xa0:" in labels, labels
    assert not [t for t in labels + seen["headers"] if english_of_qt(t)], seen


def test_the_print_dialog_s_words_are_french(french, qtbot):
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert "&Série de pages\xa0:" in labels, labels
    assert not [t for t in labels if english_of_qt(t)], labels
