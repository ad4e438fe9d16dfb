"""The day the disk dies: restoring on a new computer from the backup folder copied from a USB
drive, through the real store, services and command line, and what goes wrong on the way (a
journal missing or not of its full backup, a full disk, a restore killed halfway)."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from imsmap.cli import main
from imsmap.services import restore_points
from imsmap.services.checks import check_restorable
from imsmap.store import backup as bk
from imsmap.store import backup_sets as sets
from imsmap.store import restore as rs
from imsmap.store.db import StoreError
from support import open_clinic
from test_backup_sets import DAY, dump, visit


def _clinic(path: Path, chart: str = "C-1"):
    recs = open_clinic(path)
    visit(recs, chart)
    return recs


def _usb(made: sets.BackupSet, tmp_path: Path) -> Path:
    """The backup folder as copied onto another drive."""
    usb = tmp_path / "usb"
    shutil.copytree(made.full.parent, usb)
    return usb


def _sessions(path: Path) -> set[int]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT id FROM sessions")}
    finally:
        conn.close()


def test_a_full_backup_without_its_journal_is_found_and_said(tmp_path, capsys):
    """The damaged journal's refusal says to move the journal out and restore the full backup
    alone; done, the folder then held 'no imsmap backup' for the window and the command."""
    recs = _clinic(tmp_path / "old.sqlite3")
    made = sets.make_full(recs.db, now=DAY)
    before = _sessions(tmp_path / "old.sqlite3")
    late = visit(recs, "C-2")
    sets.append(recs.db)
    recs.db.close()
    usb = _usb(made, tmp_path)
    (usb / made.journal.name).rename(tmp_path / made.journal.name)  # moved out

    point = restore_points.newest(usb)
    assert point.path == usb / made.full.name and point.journal_missing
    assert point.journal == usb / made.journal.name
    assert point.taken_at == DAY  # as of the full backup

    new = tmp_path / "new" / "clinic.sqlite3"
    new.parent.mkdir()
    assert main(["restore", "--db", str(new), str(usb)]) == 0
    out = capsys.readouterr().out
    assert f"Its journal, {made.journal.name}, is not beside it" in out
    assert _sessions(new) == before and late not in _sessions(new)
    assert "Not restored: anything written after 2026-11-20 08:00" in out


def test_the_command_says_what_it_restored_and_what_no_backup_holds(tmp_path, capsys):
    recs = _clinic(tmp_path / "old.sqlite3")
    made = sets.make_full(recs.db, now=DAY)
    visit(recs, "C-2")
    visit(recs, "C-3", sign=False)
    sets.append(recs.db)
    recs.db.close()
    usb = _usb(made, tmp_path)
    new = tmp_path / "new.sqlite3"
    assert main(["restore", "--db", str(new), str(usb / made.full.name)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "In the restored records: signed sessions: 2, drafts: 1, amendments: 0, " \
           "photos: 0." in lines
    assert any(line.startswith("The last signed session: chart C-2, signed ") for line in lines)
    assert any(line.startswith("Not restored: anything written after ") and
               "a session that was not signed by then is not in any backup" in line
               for line in lines)
    assert "1 draft session comes back as it was then, not signed: check it before you " \
           "sign." in lines


def _named(recs, name: str) -> None:
    from imsmap.services import clinic

    clinic.write_values(recs, {"clinic.name_json": json.dumps(name)})


def test_whose_records_a_folder_restores_is_said(tmp_path, capsys):
    """A USB drive's folder holding another clinic's backups too: its newest was restored,
    said as 'N patients, M sessions' only, with nothing to tell whose they were."""
    ours = _clinic(tmp_path / "ours.sqlite3")
    _named(ours, "Harbour Physio")
    made = sets.make_full(ours.db, now=DAY)
    ours.db.close()
    theirs = _clinic(tmp_path / "theirs.sqlite3", "T-1")
    _named(theirs, "Riverside Physiotherapy")
    sets.make_full(theirs.db, now=DAY.replace(hour=9))
    theirs_folder = bk.backup_dir(theirs.db)
    theirs.db.close()
    usb = _usb(made, tmp_path)
    for path in theirs_folder.iterdir():
        shutil.copy(path, usb / path.name)  # the other clinic's set, newer, in the same folder
    new = tmp_path / "new.sqlite3"
    assert main(["restore", "--db", str(new), str(usb)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "It holds the records of Riverside Physiotherapy." in out
    assert "The restored records are those of Riverside Physiotherapy." in out


def test_a_journal_beside_another_clinics_full_backup_is_refused_in_one_sentence(tmp_path):
    ours = _clinic(tmp_path / "ours.sqlite3")
    made = sets.make_full(ours.db, now=DAY)
    visit(ours, "C-2")
    sets.append(ours.db)
    ours.db.close()
    theirs = open_clinic(tmp_path / "theirs.sqlite3")
    for chart in ("T-1", "T-2", "T-3"):
        visit(theirs, chart)
    other = tmp_path / "other.sqlite3"
    bk.backup_to(theirs.db, other)
    theirs.db.close()
    usb = _usb(made, tmp_path)
    # The other clinic's full backup under our name, beside our journal.
    other_full = sets.make_full(open_clinic(other).db, now=DAY).full
    shutil.copyfile(other_full, usb / made.full.name)
    new = tmp_path / "new.sqlite3"
    with pytest.raises(StoreError) as refused:
        rs.restore(usb / made.full.name, new, check=check_restorable)
    said = str(refused.value)
    assert f"The backup journal {made.journal.name} does not belong with the full backup " \
           f"{made.full.name}" in said and "\n" not in said
    assert not new.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# A full disk for real, without mounting anything: the command runs in a child process whose
# files may not grow past a limit (RLIMIT_FSIZE, SIGXFSZ ignored), as in test_output_files.
CHILD = textwrap.dedent("""
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    from imsmap.cli import main
    sys.exit(main(sys.argv[2:]))
""")


def _limited(limit: int, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CHILD, str(limit), *args],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=300, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="POSIX file size limit")
def test_a_full_disk_is_said_as_such_never_as_a_damaged_backup(tmp_path):
    """Restoring onto a disk too small said the clinic's only good backup was damaged."""
    recs = _clinic(tmp_path / "old.sqlite3")
    for chart in ("C-2", "C-3", "C-4"):
        visit(recs, chart, sites=12)
    made = sets.make_full(recs.db, now=DAY)
    size = (tmp_path / "old.sqlite3").stat().st_size
    recs.db.close()
    usb = _usb(made, tmp_path)
    folder = tmp_path / "new"
    folder.mkdir()
    result = _limited(size // 2, "restore", "--db", str(folder / "clinic.sqlite3"), str(usb))
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert lines == [f"imsmap: The disk of {folder} is full: there is no room for the restored "
                     "records. Nothing was changed and the backup is fine; free some space on "
                     "that disk, or restore into a folder on another disk."]
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_folder_that_cannot_be_written_is_one_sentence(tmp_path, capsys):
    """Looking in the backup folder expands the backup beside the database: a read-only
    folder there stopped the command with a traceback."""
    from test_output_files import _lock, _unlock

    recs = _clinic(tmp_path / "old.sqlite3")
    made = sets.make_full(recs.db, now=DAY)
    recs.db.close()
    usb = _usb(made, tmp_path)
    folder = tmp_path / "locked"
    folder.mkdir()
    if not _lock(folder):
        _unlock(folder)
        pytest.skip("no way to make a folder unwritable for this user here")
    try:
        assert main(["restore", "--db", str(folder / "clinic.sqlite3"), str(usb)]) == 2
    finally:
        _unlock(folder)
    said = capsys.readouterr().err.strip().splitlines()
    assert len(said) == 1 and said[0].startswith(
        f"imsmap: The restored records cannot be written in {folder} ("), said
    assert said[0].endswith("Nothing was changed and the backup is fine; choose a folder you "
                            "can write to.")
    assert list(folder.iterdir()) == []


def _private_tmpfs_works() -> bool:
    """A small disk of its own for one command: a tmpfs mounted in a private mount namespace
    (unshare -m), gone with the command; needs root (CAP_SYS_ADMIN), else skipped."""
    if not shutil.which("unshare") or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True, timeout=30)
    return probe.returncode == 0


@pytest.mark.skipif(not _private_tmpfs_works(), reason="needs root to mount a private tmpfs")
def test_no_room_to_keep_the_replaced_records_aside_replaces_nothing(tmp_path):
    """A disk really full (SQLite's 'database or disk is full'), the copy kept aside not
    fitting: it said 'X holds what could be copied' and left an empty clinic.replaced-… file,
    named as if the records had been replaced."""
    db = tmp_path / "clinic.sqlite3"
    recs = _clinic(db)
    copy = tmp_path / "small-backup.sqlite3"
    bk.backup_to(recs.db, copy)
    for n in range(12):
        visit(recs, f"C-{n + 2}", sites=20)
    recs.db.close()
    disk = tmp_path / "disk"
    disk.mkdir()
    size = db.stat().st_size + 3 * copy.stat().st_size + db.stat().st_size * 3 // 4
    script = textwrap.dedent(f"""
        set -e
        mount -t tmpfs -o size={size // 1024}k tmpfs {disk}
        cp {db} {copy} {disk}/
        set +e
        "{sys.executable}" -m imsmap restore --force --db {disk}/clinic.sqlite3 \\
            {disk}/small-backup.sqlite3 </dev/null 2>{tmp_path}/said
        echo "rc=$?" >{tmp_path}/rc
        ls -A {disk} >{tmp_path}/left
        cp {disk}/clinic.sqlite3 {tmp_path}/after.sqlite3
    """)
    subprocess.run(["unshare", "-m", "sh", "-c", script], timeout=300,
                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), check=True)
    assert (tmp_path / "rc").read_text().strip() == "rc=2"
    assert (tmp_path / "said").read_text().strip().splitlines() == [
        f"imsmap: The disk of {disk}/clinic.sqlite3 is full: there is no room to keep the "
        "records it holds aside before the backup replaces them. Nothing was replaced; free "
        "some space on that disk and try again."]
    assert dump(tmp_path / "after.sqlite3") == dump(db)  # the records as they were
    assert (tmp_path / "left").read_text().split() == ["clinic.sqlite3", "small-backup.sqlite3"]


KILLED = textwrap.dedent("""
    import os, signal, sys
    from imsmap.store import journal
    def die(*_args):  # killed halfway: the full backup expanded, its journal not yet applied
        os.kill(os.getpid(), signal.SIGKILL)
    journal.apply = die
    from imsmap.cli import main
    main(sys.argv[1:])
""")


def test_a_restore_killed_halfway_leaves_no_copy_of_the_records_behind(tmp_path):
    recs = _clinic(tmp_path / "old.sqlite3")
    made = sets.make_full(recs.db, now=DAY)
    visit(recs, "C-2")
    sets.append(recs.db)
    recs.db.close()
    usb = _usb(made, tmp_path)
    folder = tmp_path / "new"
    folder.mkdir()
    db = folder / "clinic.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for target in (str(usb), str(usb / made.full.name)):  # the folder's look, the file's
        proc = subprocess.run([sys.executable, "-c", KILLED, "restore", "--db", str(db),
                               target], env=env, capture_output=True, text=True, timeout=120)
        assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert not db.exists()
    left = sorted(p.name for p in folder.iterdir())  # each a whole copy of the records
    assert left[0].startswith(".clinic.sqlite3.") and left[0].endswith(".restoring")
    assert left[1].startswith(".imsmap-restore-check-")
    assert main(["restore", "--db", str(db), str(usb)]) == 0
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []
    assert dump(db) == dump(tmp_path / "old.sqlite3")


def test_an_older_schemas_file_is_backed_up_without_a_traceback(tmp_path, capsys):
    """`imsmap backup` of a file not yet upgraded stopped on a table of a later schema."""
    from test_migrations import _v1_database

    old = tmp_path / "old.sqlite3"
    _v1_database(old)
    assert main(["backup", "--db", str(old)]) == 0
    assert "Backed up" in capsys.readouterr().out
