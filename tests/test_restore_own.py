"""Whose backup a restore chooses (services.restore_points, `imsmap restore FOLDER`): two
databases back up into one folder (the same file name: the same default folder). Restored over
records with an identity, the newest backup of those records is chosen, and a newer one of the
other database is named with how to restore it explicitly, never chosen for them; where there
are no records (a new computer), the newest is chosen as before, and whose it is said."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from imsmap.cli import main
from imsmap.services import clinic, restore_points
from imsmap.store import backup as bk
from imsmap.store import backup_sets as sets
from support import open_clinic
from test_backup_sets import DAY, visit


def _charts(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT chart_number FROM patients ORDER BY 1")]
    finally:
        conn.close()


def two_clinics(tmp_path: Path, *, ours_too: bool = True):
    """Harbour Physio (a/clinic.sqlite3) backed up at DAY, then Riverside Physiotherapy
    (b/clinic.sqlite3) an hour later into the same folder; then a patient only Harbour's records
    hold (its disk fault: after its last backup). `ours_too` False: Harbour's set is not in the
    folder. Returns (Harbour's file, Riverside's file, the folder, Riverside's full backup)."""
    files = []
    made = []
    for name, chart, hours in (("a", "A-1", 0), ("b", "B-1", 1)):
        (tmp_path / name).mkdir()
        recs = open_clinic(tmp_path / name / "clinic.sqlite3")
        try:
            clinic.write_values(recs, {"clinic.name_json": json.dumps(
                "Harbour Physio" if name == "a" else "Riverside Physiotherapy")})
            visit(recs, chart)
            made.append(sets.make_full(recs.db, now=DAY + timedelta(hours=hours)))
            visit(recs, chart[0] + "-2")
            sets.append(recs.db, now=DAY + timedelta(hours=hours, minutes=30))  # signed
            folder = bk.backup_dir(recs.db)
        finally:
            recs.db.close()
        files.append(tmp_path / name / "clinic.sqlite3")
    recs = open_clinic(files[0])
    try:
        recs.create_patient(chart_number="A-9", family_name="Late")
    finally:
        recs.db.close()
    if not ours_too:
        made[0].full.unlink()
        made[0].journal.unlink()
    return files[0], files[1], folder, made[1].full


def test_the_command_restores_its_own_databases_newest_and_names_the_newer_other(
        tmp_path, capsys):
    ours, theirs, folder, their_full = two_clinics(tmp_path)
    assert main(["restore", "--db", str(ours), "--force", str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"The newest backup of {ours} in {folder} that passes the checks: " in out
    assert "It holds the records of Harbour Physio." in out
    assert f"It was backed up from:\n{ours.resolve()}\n" in out  # the path a line of its own
    assert "Newer backups in the folder, of another database, were not chosen:" in out
    assert f"  {their_full.name}, its records as of 2026-11-20 " in out
    assert f"backed up from {theirs.resolve()}" in out
    assert (f"To restore one of them in place of {ours}, name its file: imsmap restore "
            f"--db {ours} --force {their_full}") in out
    assert _charts(ours) == ["A-1", "A-2"]  # its own records, as of its backup
    (aside,) = ours.parent.glob("clinic.replaced-*.sqlite3")
    assert "A-9" in _charts(aside)
    point = restore_points.newest(folder, ours)  # the restored records: still their own
    assert point.whose is restore_points.Whose.OWN and point.clinic == "Harbour Physio"
    assert [o.path for o in point.others_newer] == [their_full]


def test_a_folder_of_another_databases_backups_only_restores_nothing(tmp_path, capsys):
    ours, theirs, folder, their_full = two_clinics(tmp_path, ours_too=False)
    before = _charts(ours)
    assert main(["restore", "--db", str(ours), "--force", str(folder)]) == 2
    said = capsys.readouterr()
    assert f"None of the backups in {folder} is of the records in {ours}" in said.err
    assert f"backed up from {theirs.resolve()}" in said.err
    assert (f"name its file: imsmap restore --db {ours} --force {their_full}") in said.out
    assert _charts(ours) == before and not list(ours.parent.glob("*.replaced-*"))

    # Named explicitly, it is restored, and said to be the other database's.
    assert main(["restore", "--db", str(ours), "--force", str(their_full)]) == 0
    out = capsys.readouterr().out
    assert (f"{their_full.name} is a backup of another database than:\n{ours}\nIt was backed up"
            f" from:\n{theirs.resolve()}\n") in out
    assert "The restored records are those of Riverside Physiotherapy." in out
    assert _charts(ours) == ["B-1", "B-2"]


def test_where_the_records_are_gone_the_newest_is_restored_and_its_origin_said(
        tmp_path, capsys):
    _ours, theirs, folder, their_full = two_clinics(tmp_path)
    new = tmp_path / "new" / "clinic.sqlite3"
    new.parent.mkdir()
    assert main(["restore", "--db", str(new), str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"The newest backup in {folder} that passes the checks: {their_full.name}" in out
    assert "It holds the records of Riverside Physiotherapy." in out
    assert f"It was backed up from:\n{theirs.resolve()}\n" in out
    assert "another database" not in out
    assert _charts(new) == ["B-1", "B-2"]


@pytest.mark.parametrize("empty", [True, False])
def test_records_without_identity_or_none_at_all_take_the_newest(tmp_path, empty):
    """An empty new clinic that has made a backup of its own (an identity, no records) and
    records that never backed up (no identity) both take the newest, as before owners."""
    ours, _theirs, folder, their_full = two_clinics(tmp_path)
    target = tmp_path / "c" / "clinic.sqlite3"
    target.parent.mkdir()
    recs = open_clinic(target)
    try:
        if empty:
            sets.make_full(recs.db, now=DAY - timedelta(days=1))  # into another folder
        else:
            recs.create_patient(chart_number="C-1", family_name="Lee")
    finally:
        recs.db.close()
    point = restore_points.newest(folder, target)
    assert point.path == their_full and point.mine is None and not point.others_newer


def test_the_command_says_it_in_french(tmp_path):
    """The command in a child process under LC_ALL=fr_CA: the refusal and the way to choose
    another database's backup explicitly, in the clinic's French."""
    ours, theirs, folder, their_full = two_clinics(tmp_path, ours_too=False)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "fr_CA.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "imsmap", "restore", "--db", str(ours),
                           "--force", str(folder)], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 2, done.stderr
    assert (f"Aucune des sauvegardes de {folder} n'est celle des dossiers de {ours}\u00a0: "
            "elles sont d'une autre base de données") in done.stderr
    assert f"faite à partir de {theirs.resolve()})" in done.stderr
    assert "Sauvegardes d'une autre base de données dans le répertoire\u00a0:" in done.stdout
    assert (f"Pour restaurer l'une d'elles à la place de {ours}, nommez son fichier\u00a0: "
            f"imsmap restore --db {ours} --force {their_full}") in done.stdout
    assert "A-9" in _charts(ours)


def test_another_databases_full_backup_without_its_journal_is_told_once_expanded(tmp_path,
                                                                                  capsys):
    """Whose a full backup is whose journal is not beside it is known only once it is
    expanded (its own setting): then it is not chosen for the records, only named."""
    ours, _theirs, folder, their_full = two_clinics(tmp_path)
    sets.journal_of(their_full).unlink()
    (listed, *_rest) = restore_points.listing(folder)
    assert listed.path == their_full and listed.identity == ""  # as of its name: 09:00
    point = restore_points.newest(folder, ours)
    assert point.whose is restore_points.Whose.OWN and point.path != their_full
    assert [o.path for o in point.others_newer] == [their_full]
    assert main(["restore", "--db", str(ours), "--force", str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"\n  {their_full.name}, its records as of 2026-11-20 09:00\n" in out
