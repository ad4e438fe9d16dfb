"""The damaged-file dialog offers the database's own backup (ui.recovery.latest_good_backup,
services.restore_points.offerable): two databases of one name back up into one folder, and the
newest backup there may be the other one's; offered for the damaged file, a restore would have
put another clinic's records in its place with one click and a confirmation."""

from __future__ import annotations

from datetime import timedelta

from imsmap.store import backup as bk
from imsmap.store import backup_sets as sets
from imsmap.ui.recovery import latest_good_backup
from test_backup_owners import clinics  # noqa: F401  (the fixture)
from test_backup_sets import DAY, visit


def _two_sets(clinics):  # noqa: F811
    """a's set, then b's newer one, in the folder both back up into."""
    a, b = clinics.at("a", "A-1"), clinics.at("b", "B-1")
    own = sets.run_scheduled(a.db, now=DAY).file
    visit(b, "B-2")
    newer = sets.run_scheduled(b.db, now=DAY + timedelta(hours=1)).file
    folder = bk.backup_dir(a.db)
    assert folder == bk.backup_dir(b.db)
    a.db.close()
    return a.db.path, own, newer, folder


def test_a_damaged_file_whose_identity_reads_is_offered_its_own_backup(clinics):  # noqa: F811
    path, own, newer, folder = _two_sets(clinics)
    info = latest_good_backup(folder, path)
    assert info is not None and info.path == own and info.path != newer


def test_an_emptied_file_is_offered_the_backup_made_from_its_path(clinics):  # noqa: F811
    path, own, newer, folder = _two_sets(clinics)
    path.write_bytes(b"")  # emptied by accident: no identity to read
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    info = latest_good_backup(folder, path)
    assert info is not None and info.path == own


def test_a_file_with_no_backup_of_its_own_is_offered_none_of_the_others(clinics,  # noqa: F811
                                                                       tmp_path):
    path, own, newer, folder = _two_sets(clinics)
    for leftover in folder.glob(own.name.split(".")[0] + "*"):
        leftover.unlink()  # a's set gone (moved away by hand): only b's is there
    assert not [s for s in sets.sets(folder) if s.full == own]
    assert latest_good_backup(folder, path) is None
