"""The French restore dialog names the backups' folder « répertoire » and the patients' records
« dossiers »: it said « dossier » for both (« La sauvegarde la plus récente de ce dossier
contient les dossiers… », walk of 6 December), and the glossary gives « dossier » to a patient's
record (docs/translating.md)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from imsmap import i18n
from imsmap.ui.restore_backup import RestoreDialog
from test_ui_restore_backup import old_computer


@pytest.fixture
def french(qapp):
    catalog = i18n.install(qapp, "fr_CA")
    yield catalog
    i18n.install(qapp, "en")


def test_the_french_restore_dialog_tells_the_folder_from_the_records(qtbot, tmp_path, french):
    _old, usb = old_computer(tmp_path)
    (journal_file,) = usb.glob("*-full.journal")  # its missing journal names the folder too
    journal_file.rename(tmp_path / journal_file.name)
    dialog = RestoreDialog(tmp_path / "new" / "imsmap.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.folder, str(usb))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    said = dialog.holds.text()
    assert said.startswith("La sauvegarde la plus récente de ce répertoire contient les dossiers "
                           "des patients tels qu'ils étaient le "), said
    assert "n'est pas dans le répertoire\xa0: les dossiers des patients reviennent" in said
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)]
    texts += [dialog.folder.placeholderText(), dialog.folder.accessibleName()]
    words = " ".join(texts)
    assert "Examiner ce répertoire" in words and "Répertoire de sauvegarde" in words
    # « dossier » is a patient's record only (« dossier C-2 », « dossier de patient »); the
    # folder is one, the records many
    for found in re.finditer(r"\bdossier\b(.{0,6})", words, re.IGNORECASE):
        assert found.group(1).startswith((" C-", " de p")), found.group(0)
    assert "dossiers des patients" in words
