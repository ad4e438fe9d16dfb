"""The restore dialog over records whose backups share a folder with another database's
(test_restore_own's two clinics): it shows the newest backup of the records open now, names the
other database's newer one, and lists every backup in the folder, whose each is, for the clinic
to choose another explicitly; a folder of the other database's backups only chooses nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from imsmap.ui import restore_backup
from imsmap.ui.restore_backup import RestoreDialog
from test_restore_own import _charts, two_clinics
from test_ui_support import answer_boxes


def _looked(qtbot, db: Path, folder: Path) -> RestoreDialog:
    dialog = RestoreDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.folder, str(folder))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    return dialog


def _restore(dialog: RestoreDialog, db: Path) -> list[str]:
    """Restore, Restore the backup (what the records open now lack is asked about), then the
    restore itself and its OK."""
    seen: list[str] = []
    timer = answer_boxes(["Restore the backup", "OK"], seen)
    try:
        dialog.restore_button.click()
        assert dialog.request is not None
        assert restore_backup.run_restore(dialog.request, db, dialog)
    finally:
        timer.stop()
    return seen


def test_the_dialog_shows_the_open_records_own_newest_and_lists_the_other(qtbot, tmp_path):
    ours, theirs, folder, their_full = two_clinics(tmp_path)
    dialog = _looked(qtbot, ours, folder)
    said = dialog.holds.text()
    assert said.startswith("The newest backup in this folder of the records open now holds "
                           "the records of Harbour Physio as they were on "), said
    # each path ends its line, no period after it: a user copies what is shown
    assert f"It was backed up from:\n{ours.resolve()}\n" in said
    assert (f"1\xa0newer backup in this folder, of another database, not chosen (to restore it "
            f"instead, choose it in the list of backups):\n{their_full.name}, as of ") in said
    assert f", backed up from {theirs.resolve()}\n" in said, said
    assert dialog.point is not None and dialog.point.path.parent == folder
    assert dialog.point.path != their_full and dialog.restore_button.isEnabled()
    items = [dialog.backups.itemText(i) for i in range(dialog.backups.count())]
    assert len(items) == 2 and dialog.backups.isVisible()
    assert items[0].endswith(f" — another database, backed up from {theirs.resolve()} — "
                             f"{their_full.name}")
    assert items[1].endswith(" — the records open now — " + dialog.point.path.name)
    assert dialog.backups.currentIndex() == 1

    # The other database's, chosen explicitly in the list (the key Up on it).
    dialog.backups.setFocus()
    qtbot.keyClick(dialog.backups, Qt.Key.Key_Up)
    assert dialog.point is not None and dialog.point.path == their_full
    said = dialog.holds.text()
    assert said.startswith("The backup chosen holds the records of Riverside Physiotherapy as "
                           "they were on "), said
    assert ("It is a backup of another database, not of the records open now. It was backed "
            f"up from:\n{theirs.resolve()}\n") in said
    assert "3\xa0patients: A-1, A-2, A-9" in dialog.lacks.text() and dialog.lacks.isVisible()
    seen = _restore(dialog, ours)
    assert "Replace the records open now with the backup" in seen[0]
    assert _charts(ours) == ["B-1", "B-2"]


def test_a_folder_of_another_databases_backups_only_chooses_nothing(qtbot, tmp_path):
    ours, theirs, folder, their_full = two_clinics(tmp_path, ours_too=False)
    dialog = _looked(qtbot, ours, folder)
    refused = dialog.error.text()
    assert f"None of the backups in {folder} is of the records in {ours}" in refused
    assert f"backed up from {theirs.resolve()}" in refused
    assert "Choose one in the list of backups to see what it holds." in refused
    assert dialog.point is None and not dialog.restore_button.isEnabled()
    assert dialog.backups.count() == 1 and dialog.backups.currentIndex() == -1
    assert dialog.backups.isVisible()

    dialog.backups.setFocus()
    qtbot.keyClick(dialog.backups, Qt.Key.Key_Down)
    assert dialog.point is not None and dialog.point.path == their_full
    assert not dialog.error.isVisible() and dialog.restore_button.isEnabled()
    assert "It is a backup of another database" in dialog.holds.text()
    before = _charts(ours)
    assert "A-9" in before
    _restore(dialog, ours)
    assert _charts(ours) == ["B-1", "B-2"]
    (aside,) = ours.parent.glob("clinic.replaced-*.sqlite3")
    assert _charts(aside) == before


def test_a_new_computers_dialog_takes_the_newest_and_says_where_it_came_from(qtbot, tmp_path):
    _ours, theirs, folder, their_full = two_clinics(tmp_path)
    dialog = _looked(qtbot, tmp_path / "new.sqlite3", folder)
    said = dialog.holds.text()
    assert said.startswith("The newest backup in this folder holds the records of Riverside "
                           "Physiotherapy as they were on "), said
    assert f"It was backed up from:\n{theirs.resolve()}\n" in said, said
    assert "another database" not in said
    assert dialog.point is not None and dialog.point.path == their_full
    items = [dialog.backups.itemText(i) for i in range(dialog.backups.count())]
    assert items[0].endswith(f" — backed up from {theirs.resolve()} — {their_full.name}")
