"""Whose backup set is whose (store.backup_sets, the identity in a journal's start): two
databases whose backups land in one folder (the default folder is named after the file's stem)
each continue, restore and rotate only their own sets; a copy of a database gets sets of its
own, a moved database keeps its set, and a set made before sets had owners is continued by
no one."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from imsmap.services import database_files as files
from imsmap.services.checks import check_restorable
from imsmap.services.records import Records
from imsmap.store import backup as bk
from imsmap.store import backup_sets as sets
from imsmap.store import journal
from imsmap.store import restore as rs
from support import open_clinic
from test_backup_sets import DAY, dump, visit

WRITTEN, NO_SET = files.JournalOutcome.WRITTEN, files.JournalOutcome.NO_SET
FULL = sets.Scheduled.FULL


class Clinics:
    """The databases a test opens (the fixture `clinics`), each closed at the test's end,
    whether or not it closed one itself to copy or move its file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.opened: list[Records] = []

    def open(self, path: Path) -> Records:
        recs = open_clinic(path)
        self.opened.append(recs)
        return recs

    def at(self, folder: str, chart: str) -> Records:
        """A database named clinic.sqlite3 in `folder` (the same stem as the others: one
        backup folder), with one signed visit."""
        (self.root / folder).mkdir(parents=True, exist_ok=True)
        recs = self.open(self.root / folder / "clinic.sqlite3")
        visit(recs, chart)
        return recs


@pytest.fixture
def clinics(tmp_path):
    made = Clinics(tmp_path)
    yield made
    for recs in made.opened:
        recs.db.close()


def restored(made: Path, into: Path) -> dict[str, list]:
    """What the set of the full backup `made` (full + journal) gives back."""
    rs.restore(made, into, check=check_restorable)
    return dump(into)


def identity(path: Path) -> str | None:
    recs = open_clinic(path, readonly=True)
    try:
        return recs.repo.setting(sets.IDENTITY_SETTING)
    finally:
        recs.db.close()


def test_two_databases_in_one_backup_folder_each_restore_exactly_their_own(tmp_path, clinics):
    a, b = clinics.at("a", "A-1"), clinics.at("b", "B-1")
    assert bk.backup_dir(a.db) == bk.backup_dir(b.db)
    # Start-up of each, as the window does it (read-only connections of their own).
    first_a = sets.run_scheduled(a.db, now=DAY)
    first_b = files.scheduled_backup(b.db.path)
    assert (first_a.kind, first_b.kind) == (FULL, FULL)
    for n in range(2, 4):  # each signs in turn; a journal record at each signature
        visit(a, f"A-{n}")
        assert files.journal_backup(a.db.path) is WRITTEN
        visit(b, f"B-{n}")
        assert files.journal_backup(b.db.path) is WRITTEN
    assert identity(a.db.path) != identity(b.db.path)
    assert restored(first_a.file, tmp_path / "ra.sqlite3") == dump(a.db.path)
    assert restored(first_b.file, tmp_path / "rb.sqlite3") == dump(b.db.path)


def test_rotation_keeps_each_databases_own_sets(tmp_path, clinics):
    a, b = clinics.at("a", "A-1"), clinics.at("b", "B-1")
    for recs in (a, b):
        with recs.db.transaction():
            recs.repo.set_setting(sets.KEEP_FULLS_SETTING, "1")
    made = {}
    for day in (0, 8, 16):
        for name, recs in (("a", a), ("b", b)):
            now = DAY + timedelta(days=day, minutes=1 if name == "b" else 0)
            scheduled = sets.run_scheduled(recs.db, now=now)
            assert scheduled.kind is FULL
            made[name] = scheduled.file
    folder = bk.backup_dir(a.db)
    assert sorted(s.full for s in sets.sets(folder)) == sorted(made.values())
    for name, recs in (("a", a), ("b", b)):
        assert restored(made[name], tmp_path / f"r{name}.sqlite3") == dump(recs.db.path)


def test_a_copy_of_a_database_gets_its_own_identity_and_set(tmp_path, clinics, caplog):
    a = clinics.at("a", "A-1")
    first = sets.make_full(a.db, now=DAY)
    a.db.close()
    (tmp_path / "c").mkdir()
    copy_path = tmp_path / "c" / "clinic.sqlite3"
    shutil.copy(tmp_path / "a" / "clinic.sqlite3", copy_path)  # its settings, identity and all
    a, c = clinics.open(tmp_path / "a" / "clinic.sqlite3"), clinics.open(copy_path)
    journal_before = first.journal.read_bytes()
    visit(c, "C-2")
    # The copy's signature is not added to the original's set: it has no set yet.
    assert files.journal_backup(copy_path) is NO_SET
    assert first.journal.read_bytes() == journal_before
    assert identity(copy_path) not in (None, identity(a.db.path))
    (said,) = [r.getMessage() for r in caplog.records if "is a copy" in r.getMessage()]
    assert str(copy_path) in said and identity(a.db.path) not in said
    made = files.scheduled_backup(copy_path)
    assert made.kind is FULL
    visit(a, "A-2")
    assert files.journal_backup(a.db.path) is WRITTEN
    visit(c, "C-3")
    assert files.journal_backup(copy_path) is WRITTEN
    assert restored(first.full, tmp_path / "ra.sqlite3") == dump(a.db.path)
    assert restored(made.file, tmp_path / "rc.sqlite3") == dump(copy_path)


def test_a_moved_database_keeps_its_identity_and_its_set(tmp_path, clinics):
    a = clinics.at("a", "A-1")
    first = sets.make_full(a.db, now=DAY)
    own = dict(dump(a.db.path)["settings"]).get("backup.database_id")
    a.db.close()
    (tmp_path / "m").mkdir()
    moved = tmp_path / "m" / "clinic.sqlite3"
    os.rename(tmp_path / "a" / "clinic.sqlite3", moved)
    # Meanwhile another database of the same name made a newer set in the same folder.
    b = clinics.at("b", "B-1")
    other = sets.make_full(b.db, now=DAY + timedelta(hours=1))
    a = clinics.open(moved)
    visit(a, "A-2")
    assert files.journal_backup(moved) is WRITTEN
    assert len(journal.read(first.journal)) == 2 and len(journal.read(other.journal)) == 1
    assert own and identity(moved) == own
    assert restored(first.full, tmp_path / "ra.sqlite3") == dump(moved)


def test_a_set_made_before_sets_had_owners_is_continued_by_no_database(clinics):
    a = clinics.at("a", "A-1")
    legacy = sets.make_full(a.db, now=DAY)
    # As an earlier imsmap wrote it: a start record with no identity and no path.
    body = json.loads(legacy.journal.read_bytes().split(b" ", 1)[1])
    body.pop("identity", None), body.pop("path", None)
    text = json.dumps(body, separators=(",", ":")).encode()
    legacy.journal.write_bytes(hashlib.sha256(text).hexdigest().encode() + b" " + text + b"\n")
    assert journal.read(legacy.journal)[0].full == legacy.full.name
    before = legacy.journal.read_bytes()
    b = clinics.at("b", "B-1")
    visit(b, "B-2")
    assert files.journal_backup(b.db.path) is NO_SET  # never B's rows in that journal
    visit(a, "A-2")
    assert files.journal_backup(a.db.path) is NO_SET  # nor A's: whose it is is unknown
    assert legacy.journal.read_bytes() == before
    assert files.scheduled_backup(b.db.path).kind is FULL
    assert files.scheduled_backup(a.db.path).kind is FULL
    assert legacy.full.exists()  # kept until rotation lets it go, like a plain backup
