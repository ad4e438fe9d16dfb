"""A restore says which photos it leaves out, as it says the amendments (walk of 7 December: a
backup taken before two amendments that each added a photo was restored; the dialog named the
two amendments, not the two photos, and a photo added to a draft since the backup was not said
at all). Through the window's restore dialog (English and French), `imsmap restore`'s text, and
the comparison itself with a backup from before the photos' table."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from imsmap import i18n
from imsmap.cli import main
from imsmap.services import clinic
from imsmap.services.photo_amending import add_file_by_amendment
from imsmap.services.photos import Photos
from imsmap.store import backup as store_backup
from imsmap.store import backup_sets
from imsmap.store.restore_losses import restore_losses
from imsmap.ui.restore_backup import RestoreDialog
from photo_support import png_bytes, write
from support import open_clinic, spot


def photos_after_a_backup(tmp_path: Path) -> tuple[Path, Path, Path]:
    """C-1's session signed, C-2's a draft, then a full backup (and a plain copy); after it,
    two amendments to C-1's session that each add a photo, and a photo on C-2's draft. Returns
    (the database, the backups' folder, the plain copy)."""
    db = tmp_path / "clinic" / "imsmap.sqlite3"
    db.parent.mkdir()
    usb = tmp_path / "usb"
    usb.mkdir()
    recs = open_clinic(db)
    try:
        clinic.write_values(recs, {store_backup.BACKUP_DIR_SETTING: str(usb)})
        view, x, y, muscle, side = spot(recs.atlas)
        anna = recs.create_patient(chart_number="C-1", family_name="Nguyen")
        signed = recs.start_session(anna.id, started_at=datetime(2026, 11, 20, 9, 30))
        recs.add_site(signed.id, view, x, y, muscle_id=muscle, side=side, grasp=1)
        recs.sign_session(signed.id)
        ben = recs.create_patient(chart_number="C-2", family_name="Okafor")
        draft = recs.start_session(ben.id, started_at=datetime(2026, 12, 3, 10, 0))
        backup_sets.make_full(recs.db, now=datetime(2026, 12, 4, 8, 0))
        copy = store_backup.backup_to(recs.db, tmp_path / "copy.sqlite3")
        photos = Photos(recs)
        add_file_by_amendment(photos, signed.id, write(tmp_path / "bruise.png", png_bytes()),
                              "Bruise the next morning")
        add_file_by_amendment(photos, signed.id, write(tmp_path / "consent.png",
                                                       png_bytes(40, 30)), "Consent scanned")
        photos.add_file(draft.id, write(tmp_path / "neck.png", png_bytes(20, 20)), "Neck")
        backup_sets.append(recs.db)
    finally:
        recs.db.close()
    return db, usb, copy


def looked(qtbot, db: Path, usb: Path) -> str:
    dialog = RestoreDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.folder, str(usb))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    assert dialog.lacks.isVisible()
    return dialog.lacks.text()


def test_the_restore_dialog_names_the_photos_the_backup_lacks(qtbot, tmp_path):
    db, usb, _copy = photos_after_a_backup(tmp_path)
    # the newest backup of the folder is the full one: the journal after it is set aside
    (journal_file,) = usb.glob("*-full.journal")
    journal_file.rename(tmp_path / journal_file.name)
    said = looked(qtbot, db, usb)
    assert "2\xa0amendments:" in said, said
    (line,) = [line for line in said.splitlines() if "photo" in line]
    assert line.startswith("• 3\xa0photos: chart C-1, "), line
    assert line.count("added by amendment") == 2 and line.count("chart C-1") == 2, line
    assert "chart C-2, " in line and "added to the draft" in line, line


def test_a_backup_that_holds_the_photos_says_none_is_missing(qtbot, tmp_path):
    db, usb, _copy = photos_after_a_backup(tmp_path)  # the journal brings the photos back
    dialog = RestoreDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.folder, str(usb))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    assert "photo" not in dialog.lacks.text() and dialog.restore_button.isEnabled()


@pytest.fixture
def french(qapp):
    catalog = i18n.install(qapp, "fr_CA")
    yield catalog
    i18n.install(qapp, "en")


def test_the_french_restore_dialog_names_the_photos(qtbot, tmp_path, french):
    db, usb, _copy = photos_after_a_backup(tmp_path)
    (journal_file,) = usb.glob("*-full.journal")
    journal_file.rename(tmp_path / journal_file.name)
    said = looked(qtbot, db, usb)
    (line,) = [line for line in said.splitlines() if "photo" in line]
    assert line.startswith("• 3\xa0photos\xa0: dossier C-1, "), line
    assert line.count("ajoutée par addenda le ") == 2 and "ajoutée au brouillon le " in line, line


def test_cli_restore_names_each_photo_the_backup_lacks(tmp_path, capsys):
    db, _usb, copy = photos_after_a_backup(tmp_path)
    assert main(["restore", "--db", str(db), str(copy), "--force"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "2 amendments:" in out, out
    said = out.split("3 photos: ")[1]
    assert said.count("C-1 2026-11-20 09:30, added by amendment ") == 2, out
    assert "C-2 2026-12-03 10:00, added to the draft " in said, out
    aside = next(p for p in db.parent.iterdir() if ".replaced-" in p.name)
    assert [p.by_amendment for p in restore_losses(aside, db).photos] == [True, True, False]


def test_a_backup_from_before_the_photos_table_lacks_every_photo(tmp_path):
    """A backup from before schema 6 has no photos table: every photo is missing from it (and
    its amendments' photos are read from the amendment_id of schema 10)."""
    db, _usb, copy = photos_after_a_backup(tmp_path)
    conn = sqlite3.connect(copy)
    conn.executescript("DROP TABLE photo_blobs; DROP TABLE photos;")
    conn.close()
    photos = restore_losses(db, copy).photos
    assert [(p.chart_number, p.by_amendment, p.signed) for p in photos] == [
        ("C-1", True, True), ("C-1", True, True), ("C-2", False, False)]
    assert restore_losses(copy, db).photos == []
