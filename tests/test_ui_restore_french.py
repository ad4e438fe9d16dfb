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


def test_the_restores_message_never_parts_a_number_from_its_noun(qtbot, tmp_path, french):
    """After a restore the message box wrapped « … restaurée : 3 » / « patients, 5 séances. »
    (first-day walk, 7 December): each number is bound to its noun, and the date's day to its
    month, by a no-break space; the path of the records set aside keeps its plain spaces (a
    user copies it)."""
    from imsmap.ui import restore_backup
    from test_ui_support import answer_boxes

    _old, usb = old_computer(tmp_path)
    new = tmp_path / "new folder" / "imsmap.sqlite3"
    dialog = RestoreDialog(new)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(usb))
    dialog.look()
    point = dialog.point
    assert point is not None
    assert "• 2\xa0patients, 2\xa0séances (2\xa0signées, 0\xa0brouillon)" in dialog.holds.text()
    new.parent.mkdir()
    seen: list[str] = []
    timer = answer_boxes(["OK"], seen)
    try:
        said = restore_backup.run_restore(restore_backup.RestoreRequest(point, point.losses),
                                          new)
    finally:
        timer.stop()
    assert said is not None and seen[0].startswith(said)
    assert said.endswith("\xa0: 2\xa0patients, 2\xa0séances."), said
    assert re.search("\\d+\xa0décembre\xa02026, \\d+\xa0h\xa0\\d+ a été", said), said
