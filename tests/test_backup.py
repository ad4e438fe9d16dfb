"""Backups: the online copy, the rotation rule, verification, and `imsmap backup` / `restore`."""

from __future__ import annotations

import gzip
import io
import os
import sqlite3
import stat
import sys
from datetime import datetime, timedelta

import pytest

from imsmap.cli import main
from imsmap.services.context import build_context
from imsmap.services.records import Records
from imsmap.store import backup as bk
from imsmap.store import backup_sets
from imsmap.store import restore as rs
from imsmap.store.db import Database, StoreError
from support import chart_atlas, spot


# -- helpers -----------------------------------------------------------------------------
def open_clinic(path) -> Records:
    return build_context(Database.open(path), chart_atlas(), actor="test.physio",
                   clock=lambda: datetime(2026, 11, 20, 10, 0).astimezone()).records


def fill(recs: Records, chart: str = "C-1", sites: int = 2) -> int:
    patient = recs.create_patient(chart_number=chart, family_name="Nguyen", given_name="Anna")
    session = recs.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                 practitioner="J. Physio")
    for i in range(sites):
        view, x, y, muscle, side = spot(recs.atlas, i)
        recs.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=i % 4)
    return session.id


def count(path, table: str = "patients") -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def clinic(db_path):
    recs = open_clinic(db_path)
    fill(recs)
    yield recs
    recs.db.close()


# -- the rotation rule, with numbers ------------------------------------------------------
NOW = datetime(2026, 11, 20, 12, 0)


def _names(stamps):
    return [(f"b{i}", s) for i, s in enumerate(stamps)]


def test_rotation_keeps_everything_while_there_are_few():
    backups = _names(NOW - timedelta(hours=h) for h in range(10))
    assert bk.plan_rotation(backups, NOW) == set()


def test_rotation_keeps_the_last_ten_of_a_busy_day():
    backups = _names(NOW - timedelta(minutes=5 * i) for i in range(50))  # all today
    doomed = bk.plan_rotation(backups, NOW)
    assert len(doomed) == 40
    assert {f"b{i}" for i in range(10)}.isdisjoint(doomed)


def test_rotation_keeps_one_a_day_for_thirty_days():
    # one backup a day at 11:00 for 60 days (day 0 = today), three extra on each of the last 40
    stamps = [NOW - timedelta(days=d, hours=1) for d in range(60)]
    stamps += [NOW - timedelta(days=d, hours=h) for d in range(40) for h in (2, 3, 4)]
    backups = _names(stamps)
    kept = {name for name, _ in backups} - bk.plan_rotation(backups, NOW)
    kept_stamps = sorted((s for name, s in backups if name in kept), reverse=True)
    # the newest ten (today's four, then yesterday's...) plus the newest of days 0-29
    newest_ten = sorted(stamps, reverse=True)[:10]
    days = {s.date() for s in kept_stamps}
    assert days == {(NOW - timedelta(days=d)).date() for d in range(30)}
    assert set(newest_ten) <= set(kept_stamps)
    assert len(kept_stamps) == len(set(newest_ten) | {NOW - timedelta(days=d, hours=1)
                                                      for d in range(30)})
    assert len(kept_stamps) == 10 + 30 - 3  # days 0-2 are covered by the newest ten


def test_rotation_keeps_backups_dated_in_the_future():
    backups = _names([NOW + timedelta(days=400)] + [NOW - timedelta(days=100 + d)
                                                     for d in range(20)])
    doomed = bk.plan_rotation(backups, NOW)
    assert "b0" not in doomed
    assert len(doomed) == 21 - 10


def test_names_round_trip_and_foreign_names_are_not_ours():
    stamp = datetime(2026, 1, 2, 3, 4, 5)
    assert bk.parse_backup_name(bk.backup_name(stamp)) == stamp
    for reason in bk.BackupReason:
        name = bk.backup_name(stamp, reason)
        assert name == f"imsmap-backup-20260102-030405-{reason.value}.sqlite3"
        assert bk.parse_backup_name(name) == stamp
        assert bk.parse_backup_name(bk.backup_name(stamp, reason, 3)) == stamp
    assert bk.backup_name(stamp, copy=2) == "imsmap-backup-20260102-030405-2.sqlite3"
    for foreign in ("notes.txt", "imsmap-backup-.sqlite3", "imsmap-backup-20261399-000000.sqlite3",
                    "imsmap-backup-20260101-000000.sqlite3.bak", "x-imsmap-backup-20260101-"
                    "000000.sqlite3", "imsmap-backup-20260101-000000-Caps.sqlite3",
                    "clinic.sqlite3"):
        assert bk.parse_backup_name(foreign) is None, foreign


def test_names_written_before_the_reasons_were_typed_still_read():
    """Files named by the free-text reasons of earlier versions are still our backups (listed,
    rotated), and the words the app wrote are the enum's values."""
    stamp = datetime(2025, 6, 7, 8, 9, 10)
    for word in ("startup", "signed", "manual", "setup", "manual-2", "before-import", "2"):
        assert bk.parse_backup_name(f"imsmap-backup-20250607-080910-{word}.sqlite3") == stamp
    for word in ("startup", "signed", "manual", "setup"):
        assert bk.BackupReason(word).value == word
    with pytest.raises(ValueError):
        bk.BackupReason("Before import!")


def test_rotate_deletes_only_its_own_backup_files(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    for d in range(60):
        (folder / bk.backup_name(NOW - timedelta(days=d))).write_bytes(b"x")
    foreign = ["notes.txt", "imsmap-backup-20200101-000000.sqlite3.bak", "clinic.sqlite3",
               "imsmap-backup-2020.sqlite3", ".imsmap-backup-20200101-000000.sqlite3.1.partial"]
    for name in foreign:
        (folder / name).write_bytes(b"keep me")
    sub = folder / bk.backup_name(NOW - timedelta(days=300))
    sub.mkdir()  # a folder named like a backup is not a backup
    outside = tmp_path / bk.backup_name(NOW - timedelta(days=300))
    outside.write_bytes(b"not in the folder")
    deleted = bk.rotate(folder, now=NOW)
    assert len(deleted) == 30
    assert all(p.parent == folder and bk.parse_backup_name(p.name) for p in deleted)
    for name in foreign:
        assert (folder / name).read_bytes() == b"keep me"
    assert sub.is_dir() and outside.exists()
    assert len(bk.own_backups(folder)) == 30


# -- making and checking backups -----------------------------------------------------------
def test_backup_now_writes_a_private_verified_copy(clinic):
    path = bk.backup_now(clinic.db, bk.BackupReason.MANUAL)
    assert path.parent == bk.backup_dir(clinic.db)
    assert bk.parse_backup_name(path.name) is not None
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    info = bk.verify_backup(path)
    assert (info.patients, info.sessions) == (1, 1)
    assert count(path, "sites") == 2
    # one self-contained file: no journal beside it, no stray temporary files
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def opens_alone(data: bytes) -> bool:
    """An SQLite file's header says whether it opens alone (bytes 18-19: 1, a rollback journal)
    or needs the -wal file beside it (2)."""
    return data[:16] == b"SQLite format 3\x00" and data[18:20] == b"\x01\x01"


def test_every_copy_of_the_database_opens_alone_out_of_wal(db_path, tmp_path):
    """A backup, a set's full backup and the database a restore sets aside are each one file,
    out of WAL, as the database itself is not (store.backup.copy_database)."""
    recs = open_clinic(db_path)
    fill(recs)
    try:
        assert not opens_alone(db_path.read_bytes())
        backup = bk.backup_to(recs.db, tmp_path / "copy.sqlite3")
        full = backup_sets.make_full(recs.db).full
    finally:
        recs.db.close()
    replaced = rs.restore(backup, db_path, force=True).replaced
    assert replaced is not None
    for data in (backup.read_bytes(), gzip.decompress(full.read_bytes()), replaced.read_bytes()):
        assert opens_alone(data)


def test_backup_dir_setting_overrides_the_default(clinic, tmp_path):
    elsewhere = tmp_path / "usb" / "imsmap"
    elsewhere.mkdir(parents=True)  # a chosen folder exists (the settings refuse one that does not)
    with clinic.db.transaction():
        clinic.repo.set_setting("backup.dir", str(elsewhere))
    path = bk.backup_now(clinic.db, bk.BackupReason.STARTUP)
    assert path.parent == elsewhere and path.name.endswith("-startup.sqlite3")


def test_backup_now_rotates_old_backups(clinic):
    folder = bk.backup_dir(clinic.db)
    folder.mkdir(parents=True)
    old = [folder / bk.backup_name(datetime.now() - timedelta(days=100 + d)) for d in range(15)]
    for p in old:
        p.write_bytes(b"old")
    new = bk.backup_now(clinic.db)
    remaining = {p for p, _ in bk.own_backups(folder)}
    assert new in remaining and len(remaining) == 10  # the new one plus the 9 newest old ones


def test_two_backups_in_the_same_second_get_two_files(clinic):
    now = datetime(2026, 11, 20, 12, 0, 0)
    a = bk.backup_now(clinic.db, bk.BackupReason.MANUAL, now=now)
    b = bk.backup_now(clinic.db, bk.BackupReason.MANUAL, now=now)
    assert a != b and a.exists() and b.exists()
    assert (a.name, b.name) == ("imsmap-backup-20261120-120000-manual.sqlite3",
                                "imsmap-backup-20261120-120000-manual-2.sqlite3")


def test_backup_is_online_while_another_program_writes(clinic, db_path, tmp_path):
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO settings (key, value) VALUES ('x', 'uncommitted')")
        target = bk.backup_to(clinic.db, tmp_path / "copy.sqlite3")
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert bk.verify_backup(target).patients == 1


def test_backup_refuses_an_existing_file(clinic, tmp_path):
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(b"precious")
    with pytest.raises(StoreError, match="already exists"):
        bk.backup_to(clinic.db, target)
    assert target.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


def test_verify_refuses_what_is_not_a_usable_imsmap_backup(clinic, tmp_path):
    text = tmp_path / "notes.sqlite3"
    text.write_text("hello")
    with pytest.raises(StoreError, match="not an SQLite file"):
        bk.verify_backup(text)
    foreign = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not an imsmap one"):
        bk.verify_backup(foreign)
    newer = bk.backup_to(clinic.db, tmp_path / "newer.sqlite3")
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(StoreError, match="schema 999") as err:
        bk.verify_backup(newer)
    assert f"reads schema {bk.SCHEMA_VERSION}" in str(err.value)
    with pytest.raises(StoreError, match="no backup file"):
        bk.verify_backup(tmp_path / "missing.sqlite3")


def test_verify_refuses_a_damaged_backup(clinic, tmp_path):
    path = bk.backup_to(clinic.db, tmp_path / "copy.sqlite3")
    data = bytearray(path.read_bytes())
    page = 4096
    for p in range(1, len(data) // page):  # every page but the header page
        data[p * page + 8: p * page + 200] = os.urandom(192)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged"):
        bk.verify_backup(path)


# -- imsmap backup / imsmap restore ----------------------------------------------------------
def test_cli_backup_writes_the_file_and_refuses_to_overwrite(clinic, db_path, tmp_path, capsys):
    out = tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(db_path), "--out", str(out)]) == 0
    assert "Backed up" in capsys.readouterr().out
    assert bk.verify_backup(out).patients == 1
    before = out.read_bytes()
    assert main(["backup", "--db", str(db_path), "--out", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_bytes() == before


def test_cli_backup_without_out_uses_the_backup_folder(clinic, db_path, capsys):
    from imsmap.store import backup_sets

    assert main(["backup", "--db", str(db_path)]) == 0
    made = backup_sets.sets(bk.backup_dir(clinic.db))  # a full backup and its new journal
    assert len(made) == 1 and str(made[0].full) in capsys.readouterr().out
    assert bk.verify_backup(made[0].full).patients == 1


def test_cli_backup_of_a_missing_database_says_so(tmp_path, capsys):
    assert main(["backup", "--db", str(tmp_path / "nope.sqlite3"), "--out",
                 str(tmp_path / "x.sqlite3")]) == 2
    assert "no database" in capsys.readouterr().err
    assert not (tmp_path / "nope.sqlite3").exists()


def test_cli_restore_refuses_to_replace_without_force(clinic, db_path, tmp_path, capsys):
    backup = bk.backup_to(clinic.db, tmp_path / "copy.sqlite3")
    before = db_path.read_bytes()
    assert main(["restore", "--db", str(db_path), str(backup)]) == 2
    assert "--force" in capsys.readouterr().err
    assert db_path.read_bytes() == before


def test_cli_restore_with_force_keeps_the_replaced_database(db_path, tmp_path, capsys):
    recs = open_clinic(db_path)
    fill(recs, "C-1")
    backup = bk.backup_to(recs.db, tmp_path / "copy.sqlite3")
    fill(recs, "C-2")  # made after the backup: it must survive in the file set aside
    recs.db.close()
    assert main(["restore", "--db", str(db_path), str(backup), "--force"]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "kept as" in out
    aside = [p for p in tmp_path.iterdir() if ".replaced-" in p.name and
             p.name.endswith(".sqlite3")]
    assert len(aside) == 1
    assert count(db_path) == 1
    assert count(aside[0]) == 2  # nothing lost: the newer records are in the file set aside
    if sys.platform != "win32":
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    with Database.open(db_path) as db:  # the restored database opens and works
        assert db.query_one("SELECT chart_number FROM patients")[0] == "C-1"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".restoring")]


def test_cli_restore_names_the_signed_records_the_backup_lacks(db_path, tmp_path, capsys):
    """Restoring an older backup replaced a session signed since, and an amendment, with one
    line: "Restored ... (1 patients, 1 sessions)". They are in the file set aside, but the
    clinician must be told which records are no longer in the database."""
    recs = open_clinic(db_path)
    first = fill(recs, "C-1")
    recs.sign_session(first)
    backup = bk.backup_to(recs.db, tmp_path / "copy.sqlite3")
    recs.amend_session(first, "Grade corrected", "Site 1 grasped 2.")
    later = fill(recs, "C-2")
    recs.sign_session(later)
    recs.db.close()
    assert main(["restore", "--db", str(db_path), str(backup), "--force"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    aside = next(p for p in tmp_path.iterdir() if ".replaced-" in p.name)
    assert "Not in the restored database" in out and str(aside) in out
    assert "1 signed session: C-2 2026-11-20 09:30" in out
    assert "1 amendment: C-1 2026-11-20 09:30, Grade corrected" in out
    assert "1 patient: C-2" in out


class _Terminal(io.StringIO):
    """A clinician at a terminal, who will type these lines."""

    def isatty(self) -> bool:
        return True


def _backup_before_a_signature(db_path, tmp_path):
    """A backup made before patient C-2's session was signed (and after C-1's)."""
    recs = open_clinic(db_path)
    recs.sign_session(fill(recs, "C-1"))
    backup = bk.backup_to(recs.db, tmp_path / "copy.sqlite3")
    recs.sign_session(fill(recs, "C-2"))
    recs.db.close()
    return backup


def test_at_a_terminal_restore_names_what_the_backup_lacks_and_no_keeps_the_database(
        db_path, tmp_path, capsys, monkeypatch):
    """--force said "replace it", not "take out a session signed since": at a terminal the
    clinician reads what the backup lacks, before anything changes, and can stop."""
    backup = _backup_before_a_signature(db_path, tmp_path)
    before = db_path.read_bytes()
    monkeypatch.setattr(sys, "stdin", _Terminal("no\n"))
    assert main(["restore", "--db", str(db_path), str(backup), "--force"]) == 2
    out, err = capsys.readouterr()
    out = " ".join(out.split())
    assert "The backup lacks these records of" in out
    assert "1 signed session: C-2 2026-11-20 09:30" in out and "Type yes to restore" in out
    assert "Nothing was restored" in err
    assert db_path.read_bytes() == before  # the database as it was, nothing set aside
    assert not [p for p in tmp_path.iterdir() if ".replaced-" in p.name or
                p.name.endswith(".restoring")]


def test_at_a_terminal_yes_restores_and_the_list_is_not_said_twice(db_path, tmp_path, capsys,
                                                                   monkeypatch):
    backup = _backup_before_a_signature(db_path, tmp_path)
    monkeypatch.setattr(sys, "stdin", _Terminal("yes\n"))
    assert main(["restore", "--db", str(db_path), str(backup), "--force"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert out.count("1 signed session: C-2") == 1 and "Restored" in out
    assert count(db_path) == 1  # C-2 came after the backup
    aside = next(p for p in tmp_path.iterdir() if ".replaced-" in p.name)
    assert count(aside) == 2


def test_cli_restore_names_a_draft_changed_since_the_backup(db_path, tmp_path, capsys):
    """A draft in both files, but graded and given a site since the backup: the restored
    database holds it as it was then, and said nothing of the work it takes out."""
    recs = open_clinic(db_path)
    draft = fill(recs, "C-1")
    fill(recs, "C-2")  # a draft not changed since
    backup = bk.backup_to(recs.db, tmp_path / "copy.sqlite3")
    view, x, y, muscle, side = spot(recs.atlas, 5)
    recs.add_site(draft, view, x, y, muscle_id=muscle, side=side, grasp=3)
    recs.db.close()
    assert main(["restore", "--db", str(db_path), str(backup), "--force"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "1 draft session changed since the backup (restored as it was): C-1" in out
    assert "C-2" not in out.split("(restored as it was):")[1]


def test_cli_restore_of_the_newest_backup_says_nothing_is_missing(db_path, tmp_path, capsys):
    recs = open_clinic(db_path)
    recs.sign_session(fill(recs, "C-1"))
    backup = bk.backup_to(recs.db, tmp_path / "copy.sqlite3")
    recs.db.close()
    assert main(["restore", "--db", str(db_path), str(backup), "--force"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Every patient, session and amendment of the replaced database is in the " \
        "restored one." in out


def test_cli_restore_over_a_new_empty_clinic_does_not_say_records_were_kept(tmp_path, capsys):
    """A new computer: the first start made an empty clinic file, the old one's backup goes
    over it. The file set aside holds nothing: it is said as an empty file, not as records."""
    old = open_clinic(tmp_path / "old.sqlite3")
    old.sign_session(fill(old, "C-1"))
    backup = bk.backup_to(old.db, tmp_path / "copy.sqlite3")
    old.db.close()
    new = tmp_path / "new" / "imsmap.sqlite3"
    new.parent.mkdir()
    open_clinic(new).db.close()  # the new, empty clinic
    assert main(["restore", "--db", str(new), str(backup), "--force"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "kept as" not in out and "Every patient" not in out
    (aside,) = new.parent.glob("imsmap.replaced-*.sqlite3")  # set aside all the same
    assert f"The empty database it replaced (no patient, no session) was set aside as: " \
        f"{aside}" in out and f"{aside}." not in out  # no period after the path
    assert count(new) == 1 and count(aside) == 0
    # A file holding a patient (no session yet) is records: said as kept, as before.
    recs = open_clinic(new)
    recs.create_patient(chart_number="C-9", family_name="Mensah")
    recs.db.close()
    assert main(["restore", "--db", str(new), str(backup), "--force"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "The database it replaced is kept as:" in out and "empty" not in out


def test_restore_into_a_new_place(clinic, tmp_path):
    backup = bk.backup_to(clinic.db, tmp_path / "copy.sqlite3")
    target = tmp_path / "new" / "clinic.sqlite3"
    target.parent.mkdir()
    result = rs.restore(backup, target)
    assert result.replaced is None and count(target) == 1


def test_restore_checks_the_backup_before_touching_anything(clinic, db_path, tmp_path,
                                                            capsys):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    before = db_path.read_bytes()
    assert main(["restore", "--db", str(db_path), str(bad), "--force"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(bad) in err
    assert db_path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if ".replaced-" in p.name]

    newer = bk.backup_to(clinic.db, tmp_path / "newer.sqlite3")
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    assert main(["restore", "--db", str(db_path), str(newer), "--force"]) == 2
    assert "newer imsmap" in capsys.readouterr().err
    assert db_path.read_bytes() == before


def test_restore_refuses_while_the_database_is_open_elsewhere(clinic, db_path, tmp_path):
    backup = bk.backup_to(clinic.db, tmp_path / "copy.sqlite3")
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreError, match="open in another"):
            rs.restore(backup, db_path, force=True)
        other.execute("ROLLBACK")
    finally:
        other.close()
    # idle, but open: restoring under it would send its next edits into the file set aside
    with pytest.raises(StoreError, match="open in another"):
        rs.restore(backup, db_path, force=True)
    assert count(db_path) == 1
    assert not [p for p in tmp_path.iterdir() if ".replaced-" in p.name]


def test_restore_replaces_a_damaged_database(clinic, db_path, tmp_path):
    backup = bk.backup_to(clinic.db, tmp_path / "copy.sqlite3")
    clinic.db.close()
    damaged = b"garbage, not a database" * 100
    db_path.write_bytes(damaged)
    result = rs.restore(backup, db_path, force=True)
    assert result.replaced.read_bytes() == damaged  # kept, never deleted
    assert count(db_path) == 1


def test_each_database_name_has_its_own_default_backup_folder(tmp_path):
    """Rotation and the restore offer never mix the demo's backups with the clinic's, and a
    database moved to another folder keeps finding its own."""
    clinic = bk.default_backup_dir(tmp_path / "one" / "imsmap.sqlite3")
    demo = bk.default_backup_dir(tmp_path / "demo" / "imsmap-demo.sqlite3")
    assert clinic != demo and clinic.parent == demo.parent
    assert bk.default_backup_dir(tmp_path / "moved" / "imsmap.sqlite3") == clinic


# -- `imsmap restore` given the backup folder ------------------------------------------------
def _two_backups(db_path):
    """C-1 in the older backup, C-1 and C-2 in the newer, C-3 written after both."""
    recs = open_clinic(db_path)
    fill(recs, "C-1")
    older = bk.backup_now(recs.db, bk.BackupReason.MANUAL, now=datetime(2026, 11, 20, 10, 0))
    fill(recs, "C-2")
    newer = bk.backup_now(recs.db, bk.BackupReason.MANUAL, now=datetime(2026, 11, 20, 11, 0))
    fill(recs, "C-3")
    recs.db.close()
    return older, newer


def test_cli_restore_of_a_folder_takes_its_newest_backup(db_path, capsys):
    # The clinic's new PC, the USB drive plugged in: the folder is what they know, not which
    # of its files is the newest good one.
    older, newer = _two_backups(db_path)
    assert older.parent == newer.parent
    assert main(["restore", "--db", str(db_path), str(newer.parent), "--force"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert f"The newest backup in {newer.parent} that passes the checks: {newer.name}" in out
    assert count(db_path) == 2  # C-1 and C-2; C-3 is in the database set aside, and named
    assert "C-3" in out


def test_cli_restore_of_a_folder_passes_over_a_damaged_newest_backup(db_path, capsys):
    older, newer = _two_backups(db_path)
    newer.write_bytes(b"not a database" * 100)
    assert main(["restore", "--db", str(db_path), str(newer.parent), "--force"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert f"Passed over {newer.name}" in out
    assert f"passes the checks: {older.name}" in out
    assert count(db_path) == 1


def test_cli_restore_of_a_folder_without_backups_changes_nothing(clinic, db_path, tmp_path,
                                                                  capsys):
    empty = tmp_path / "usb"
    empty.mkdir()
    before = db_path.read_bytes()
    assert main(["restore", "--db", str(db_path), str(empty), "--force"]) == 2
    assert "There is no imsmap backup in" in " ".join(capsys.readouterr().err.split())
    assert db_path.read_bytes() == before


def test_a_file_appearing_under_the_backup_name_is_never_replaced(clinic, tmp_path, monkeypatch):
    """The file system has no hard links (a USB stick's FAT) and a file is given the backup's
    name after the check that it is free, before the copy is put there: it is kept, the
    backup refused in a sentence, no partial copy left."""
    import errno

    target = tmp_path / "out" / "copy.sqlite3"
    target.parent.mkdir()
    real_verify = bk.verify_backup

    def verify_then_another_writer(path, **kwargs):
        info = real_verify(path, **kwargs)
        target.write_bytes(b"precious")  # another program, between the check and the rename
        return info

    def no_links(src, dst, *args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(bk, "verify_backup", verify_then_another_writer)
    monkeypatch.setattr(os, "link", no_links)
    with pytest.raises(StoreError, match="already exists"):
        bk.backup_to(clinic.db, target)
    assert target.read_bytes() == b"precious"
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.sqlite3"]
