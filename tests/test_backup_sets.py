"""Full backups with a journal (store.backup_sets, store.journal): restored together they give
back every row; a kill mid-backup or mid-append loses nothing and publishes nothing half-made."""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from imsmap.cli import main
from imsmap.services.checks import check_restorable
from imsmap.services.records import Records
from imsmap.store import backup as bk
from imsmap.store import backup_sets as sets
from imsmap.store import journal
from imsmap.store import restore as rs
from imsmap.store.db import Database, StoreError
from support import open_clinic, spot

DAY = datetime(2026, 11, 20, 8, 0)


def visit(recs: Records, chart: str, sites: int = 3, sign: bool = True) -> int:
    found = recs.repo.patient_by_chart_number(chart)
    patient = found or recs.create_patient(chart_number=chart, family_name="Nguyen",
                                           given_name="Anna")
    session = recs.start_session(patient.id, practitioner="J. Physio")
    for i in range(sites):
        view, x, y, muscle, side = spot(recs.atlas, i + len(chart))
        recs.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=i % 4)
    if sign:
        recs.sign_session(session.id)
    return session.id


def dump(path) -> dict[str, list]:
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in journal.tables_of(conn)}
    finally:
        conn.close()


@pytest.fixture
def clinic(db_path):
    recs = open_clinic(db_path)
    visit(recs, "C-1")
    yield recs
    recs.db.close()


def test_every_table_of_the_schema_is_journalled(clinic):
    assert set(journal.tables_of(clinic.db.conn)) == set(journal.TABLES) | set(journal.DERIVED)
    # (photos added by amendment, and their bytes, are applied after their amendment)
    assert set(journal.APPLY_ORDER) == set(journal.TABLES) | set(journal.BY_AMENDMENT)
    assert {t.split()[0] for t in journal.BY_AMENDMENT} <= set(journal.TABLES)


def test_full_and_journal_give_back_every_row(clinic, db_path, tmp_path):
    made = sets.make_full(clinic.db, now=DAY)
    assert made.full.name == "imsmap-backup-20261120-080000-full.sqlite3.gz"
    assert sets.append(clinic.db) is None  # nothing written since
    # After the full backup: a new patient, a draft changed and signed, a site removed, an
    # amendment, a finding, a settings change; a record at each signature, as the window does.
    draft = visit(clinic, "C-2", sign=False)
    site = clinic.repo.sites_for_session(draft)[0]
    clinic.update_site(site.id, grasp=3, notes="tight band")
    clinic.remove_site(clinic.repo.sites_for_session(draft)[1].id)
    clinic.add_finding(draft, "shortening", "L5", "R")
    clinic.sign_session(draft)
    first = sets.append(clinic.db)
    assert first is not None and first.signed == (draft,)
    signed = visit(clinic, "C-1")
    clinic.amend_session(signed, "typo", "Grasp was 2, not 3.")
    # An amendment that corrects sites: its corrections (schema 7) travel with it.
    corrected = clinic.repo.sites_for_session(signed)
    clinic.amend_session(signed, "grade", "", [(corrected[2].id, "grasp", 3),
                                               (corrected[1].id, "in_error", True)])
    with clinic.db.transaction():
        clinic.repo.set_setting("clinic.name", "Harbour Physio")
    sets.append(clinic.db)
    assert len(journal.read(made.journal)) == 3  # start + two records
    restored = tmp_path / "restored.sqlite3"
    result = rs.restore(made.full, restored, check=check_restorable)
    assert result.info.journal_records == 2
    assert dump(restored) == dump(db_path)
    assert len(dump(restored)["site_corrections"]) == 2


def test_a_restore_names_an_amendment_whose_corrections_it_lacks(clinic, db_path, tmp_path):
    from imsmap.store.restore_losses import restore_losses
    from support import outside_edit

    signed = visit(clinic, "C-3")
    site = clinic.repo.sites_for_session(signed)[0]
    clinic.amend_session(signed, "grade", "", [(site.id, "grasp", 3)])
    copy = tmp_path / "copy.sqlite3"
    bk.backup_to(clinic.db, copy)
    assert not restore_losses(db_path, copy)
    outside_edit(copy, "DELETE FROM site_corrections")  # the amendment kept, its correction not
    (missing,) = restore_losses(db_path, copy).amendments
    assert (missing.reason, missing.corrections) == ("grade", 1)


def test_a_signed_session_after_the_last_full_survives_the_loss_of_the_database(tmp_path):
    db_path = tmp_path / "clinic.sqlite3"
    recs = open_clinic(db_path)
    visit(recs, "C-1")
    made = sets.make_full(recs.db, now=DAY)
    late = visit(recs, "C-9", sites=4)
    sets.append(recs.db)
    digest = recs.repo.session(late).content_hash
    recs.db.close()
    for p in tmp_path.glob("clinic.sqlite3*"):
        # the disk holding the records is lost (their holds folder too: store.file_holds);
        # the backup folder is elsewhere
        if p.is_dir():
            shutil.rmtree(p)
        else:
            p.unlink()
    rs.restore(made.full, db_path, check=check_restorable)
    back = open_clinic(db_path)
    try:
        session = back.repo.session(late)
        assert session.is_signed and session.content_hash == digest
        assert len(back.repo.sites_for_session(late)) == 4
    finally:
        back.db.close()


def test_the_copy_is_one_moment_while_another_connection_writes(clinic, db_path, monkeypatch):
    monkeypatch.setattr(sets, "STEP_PAGES", 1)  # many steps, a write between two of them
    other = open_clinic(db_path)
    wrote = []
    original = sets.checkpoint

    def write_between(cancel):
        if not wrote:
            wrote.append(visit(other, "C-7"))
        original(cancel)

    monkeypatch.setattr(sets, "checkpoint", write_between)
    reader = Database.open(db_path, create=False, readonly=True)
    try:
        made = sets.make_full(reader, now=DAY)
    finally:
        reader.close()
    start = journal.read(made.journal)[0]
    info = bk.verify_backup(made.full)
    assert info.sessions == 1 and start.marks["sessions"] == 1  # the moment before the write
    monkeypatch.setattr(sets, "checkpoint", original)
    assert sets.append(clinic.db).signed == (wrote[0],)  # the journal has the write
    other.db.close()


def test_a_record_cut_short_is_ignored_and_taken_again_by_the_next(clinic, db_path, tmp_path):
    made = sets.make_full(clinic.db, now=DAY)
    first = visit(clinic, "C-2")
    sets.append(clinic.db)
    second = visit(clinic, "C-3")
    line = journal.line_of(journal.capture(clinic.db.conn, journal.last_record(made.journal)
                                           .marks, "now"))
    with open(made.journal, "ab") as fh:
        fh.write(line[: len(line) // 2])  # the process stopped mid-write
    assert len(journal.read(made.journal)) == 2  # the half record is not one
    rs.restore(made.full, tmp_path / "a.sqlite3", check=check_restorable)
    assert bk.verify_backup(tmp_path / "a.sqlite3").sessions == 2  # C-1 and C-2
    sets.append(clinic.db)  # the next record starts on a line of its own, from C-2's
    records = journal.read(made.journal)
    assert [r.signed for r in records[1:]] == [(first,), (second,)]
    rs.restore(made.full, tmp_path / "b.sqlite3", check=check_restorable)
    assert dump(tmp_path / "b.sqlite3") == dump(db_path)


def _child(script: str, db_path: Path) -> subprocess.CompletedProcess:
    code = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_backup_sets import open_clinic, visit
        from imsmap.store import backup_sets as sets, journal
        recs = open_clinic({str(db_path)!r})
    """) + textwrap.dedent(script)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env=os.environ)


def test_killed_mid_journal_append_loses_nothing(clinic, db_path, tmp_path):
    made = sets.make_full(clinic.db, now=DAY)
    clinic.db.close()
    proc = _child("""
        sid = visit(recs, "C-5")
        def half_then_die(fd, data):
            os.write(fd, bytes(data[: len(data) // 2]))
            os.kill(os.getpid(), signal.SIGKILL)
        journal._write = half_then_die
        sets.append(recs.db)
    """, db_path)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert len(journal.read(made.journal)) == 1  # only the start: the torn record is not one
    recs = open_clinic(db_path)
    try:
        late = recs.repo.sessions_for_patient(recs.repo.patient_by_chart_number("C-5").id)[0]
        assert late.is_signed  # committed before the journal was written
        record = sets.run_scheduled(recs.db, now=DAY + timedelta(hours=2))
        assert record == (sets.Scheduled.JOURNAL, made.journal)
        rs.restore(made.full, tmp_path / "r.sqlite3", check=check_restorable)
        assert dump(tmp_path / "r.sqlite3") == dump(db_path)
    finally:
        recs.db.close()


def test_killed_mid_full_backup_publishes_nothing_and_the_next_starts_again(clinic, db_path):
    old = sets.make_full(clinic.db, now=DAY)
    clinic.db.close()
    proc = _child("""
        visit(recs, "C-6")
        original = sets.compress
        def die_midway(source, target, cancel):
            with open(target, "wb") as fh:
                fh.write(b"half of it")
            os.kill(os.getpid(), signal.SIGKILL)
        sets.compress = die_midway
        from datetime import datetime
        sets.make_full(recs.db, now=datetime(2026, 11, 28, 8, 0))
    """, db_path)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    folder = old.full.parent
    assert sets.sets(folder) == [old]  # nothing published
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")]  # partials left
    assert bk.verify_backup(old.full).sessions == 1
    recs = open_clinic(db_path)
    try:
        new = sets.run_scheduled(recs.db, now=datetime(2026, 11, 28, 9, 0))
        assert new.kind is sets.Scheduled.FULL
        assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # cleaned
        assert new.file is not None and bk.verify_backup(new.file).sessions == 2
    finally:
        recs.db.close()


def test_killed_mid_copy_leaves_nothing_the_next_full_backup_does_not_clean(clinic, db_path):
    """Killed while SQLite copies the pages (kill -9, the power cut): the copy's journal or
    write-ahead files are beside its partial file; the next full backup removes them with it
    (they stayed for good). Found by the chaos driver (/work/notes/chaos/)."""
    old = sets.make_full(clinic.db, now=DAY)
    clinic.db.close()
    proc = _child("""
        for i in range(8):
            visit(recs, f"C-{i + 2}", sites=6)
        sets.STEP_PAGES = 1
        real = sets._PacedCopy.step
        def die_midway(self, *progress):
            real(self, *progress)
            if progress[1] < progress[2] // 2:  # half of the pages copied
                os.kill(os.getpid(), signal.SIGKILL)
        sets._PacedCopy.step = die_midway
        from datetime import datetime
        sets.make_full(recs.db, now=datetime(2026, 11, 28, 8, 0))
    """, db_path)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    folder = old.full.parent
    left = [p.name for p in folder.iterdir() if p.name.startswith(".")]
    assert any(name.endswith(("-journal", "-wal")) for name in left), left
    recs = open_clinic(db_path)
    try:
        new = sets.run_scheduled(recs.db, now=datetime(2026, 11, 28, 9, 0))
        assert new.kind is sets.Scheduled.FULL
        assert not [p.name for p in folder.iterdir() if p.name.startswith(".")]  # cleaned
    finally:
        recs.db.close()


def test_a_full_backup_reaches_the_disk_step_by_step_not_at_once(clinic, monkeypatch):
    """Left to the kernel, a decade's copy (gigabytes) was flushed whole at its end or by the
    writeback 30 s later, and the window's next commit waited behind it for up to 0.4 s
    (bench: click_during_backup_ms_p95's slowest tap). Each step of the copy, and every few
    chunks of the compressed file, is flushed as it is written."""
    for i in range(6):
        visit(clinic, f"C-{i + 2}", sites=4)
    monkeypatch.setattr(sets, "STEP_PAGES", 2)
    monkeypatch.setattr(sets, "CHUNK", 4096)
    flushed: list[tuple[str, int]] = []
    real = os.fsync

    def noting(fd: int) -> None:
        name = os.readlink(f"/proc/self/fd/{fd}")
        flushed.append((Path(name).name, os.fstat(fd).st_size))
        real(fd)

    monkeypatch.setattr(os, "fsync", noting)
    made = sets.make_full(clinic.db, now=DAY)
    pages = clinic.db.conn.execute("PRAGMA page_count").fetchone()[0]
    copy = [size for name, size in flushed if name.endswith(".copy.partial")]
    packed = [size for name, size in flushed if name.endswith(".partial")
              and not name.endswith(".copy.partial")]
    assert len(copy) >= pages // 2 - 1  # one flush a step, while the copy grows
    assert copy == sorted(copy) and copy[0] < copy[-1]
    assert len(packed) >= 2 and packed[0] < made.full.stat().st_size
    assert bk.verify_backup(made.full).sessions == 7


def test_an_abandoned_full_backup_publishes_nothing(clinic):
    cancel = threading.Event()
    original = sets.compress

    def close_meanwhile(source, target, cancel_):
        cancel.set()  # the window closes while the copy is compressed
        original(source, target, cancel_)

    sets.compress = close_meanwhile
    try:
        with pytest.raises(bk.Cancelled):
            sets.make_full(clinic.db, now=DAY, cancel=cancel)
    finally:
        sets.compress = original
    folder = bk.backup_dir(clinic.db)
    assert list(folder.iterdir()) == []


def test_policy_when_a_full_backup_is_due_and_what_rotation_keeps(clinic):
    folder = bk.backup_dir(clinic.db)
    folder.mkdir(parents=True)
    plain = folder / bk.backup_name(DAY - timedelta(days=40), bk.BackupReason.STARTUP)
    plain.write_bytes(b"an old plain backup")
    foreign = folder / "notes.txt"
    foreign.write_bytes(b"keep me")
    policy = sets.policy_of(clinic.db)
    assert (policy.full_every_days, policy.keep_fulls) == (7, 3)
    schema = clinic.db.schema_version
    assert sets.full_due(folder, policy, schema, DAY, None)
    made = [sets.run_scheduled(clinic.db, now=DAY + timedelta(days=d)).kind for d in range(22)]
    full, journal_ = sets.Scheduled.FULL, sets.Scheduled.JOURNAL
    assert made == ([full] + [journal_] * 6) * 3 + [full]
    kept = sets.sets(folder)
    assert [s.stamp for s in kept] == [DAY + timedelta(days=d) for d in (7, 14, 21)]
    assert not plain.exists() and foreign.read_bytes() == b"keep me"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [foreign.name] + [p.name for s in kept for p in (s.full, s.journal)])


def test_backup_policy_is_set_from_the_command_line_and_checked(clinic, db_path, capsys):
    assert main(["backup", "--db", str(db_path), "--keep-fulls", "5",
                 "--full-every-days", "2"]) == 0
    assert "every 2 days" in capsys.readouterr().out
    assert sets.policy_of(clinic.db) == sets.Policy(2, 5)
    assert main(["backup", "--db", str(db_path), "--keep-fulls", "0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Keep 1 to 20 full backups" in err
    assert sets.policy_of(clinic.db) == sets.Policy(2, 5)


def test_restore_refuses_a_damaged_set_with_one_sentence(clinic, db_path, tmp_path):
    made = sets.make_full(clinic.db, now=DAY)
    visit(clinic, "C-2")
    sets.append(clinic.db)
    visit(clinic, "C-3")
    sets.append(clinic.db)
    before = dump(db_path)
    lines = made.journal.read_bytes().split(b"\n")
    damaged = lines[1].replace(b'"sites"', b'"sitez"')
    made.journal.write_bytes(b"\n".join([lines[0], damaged] + lines[2:]))
    with pytest.raises(StoreError) as refused:
        rs.restore(made.full, db_path, force=True, check=check_restorable)
    assert "damaged at record 2 of 3" in str(refused.value)
    assert dump(db_path) == before
    data = made.full.read_bytes()
    made.full.write_bytes(data[: len(data) // 2])
    made.journal.unlink()
    with pytest.raises(StoreError) as refused:
        rs.restore(made.full, tmp_path / "new.sqlite3")
    assert "is damaged" in str(refused.value) and "\n" not in str(refused.value)
    assert not (tmp_path / "new.sqlite3").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_bringing_the_journal_up_to_date_says_what_it_did(clinic, db_path):
    """services.database_files.journal_backup, as the window calls it after a signature, on
    its own read-only connection: no set yet (a full backup is due; nothing is written), then
    nothing new, then the record of what a visit wrote."""
    from imsmap.services import database_files as files

    folder = bk.backup_dir(clinic.db)
    assert files.journal_backup(db_path) is files.JournalOutcome.NO_SET
    assert not folder.exists() or list(folder.iterdir()) == []
    made = sets.make_full(clinic.db, now=DAY)
    assert files.journal_backup(db_path) is files.JournalOutcome.NOTHING_NEW
    assert len(journal.read(made.journal)) == 1  # only its start
    visit(clinic, "C-2")
    assert files.journal_backup(db_path) is files.JournalOutcome.WRITTEN
    assert len(journal.read(made.journal)) == 2
    assert files.journal_backup(db_path) is files.JournalOutcome.NOTHING_NEW


def test_a_journal_record_searches_and_never_reads_a_growing_table_whole(clinic):
    """What a signature adds to the user's wait must not grow with ten years of records: every
    statement of a record reaches the sites, the audit trail, the sessions and their other rows
    through an index or the id, never by reading the table through (EXPLAIN QUERY PLAN of each
    statement as it ran: with OR and ORDER BY, SQLite once read all ten million sites)."""
    sets.make_full(clinic.db, now=DAY)
    for chart in ("C-2", "C-3", "C-4"):
        visit(clinic, chart)
    # imsmap keeps no ANALYZE statistics, so SQLite plans here as it does at ten million sites
    assert not clinic.db.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name LIKE 'sqlite_stat%'").fetchall()
    ran: list[str] = []
    clinic.db.conn.set_trace_callback(ran.append)
    try:
        record = sets.append(clinic.db)
    finally:
        clinic.db.conn.set_trace_callback(None)
    assert record is not None and len(record.signed) == 3
    growing = ("sites", "audit", "sessions", "patients", "findings", "adverse_events",
               "amendments", "photos", "photo_blobs", "imported_audit")
    scans = []
    for statement in ran:
        if not statement.lstrip().upper().startswith("SELECT"):
            continue
        for row in clinic.db.conn.execute("EXPLAIN QUERY PLAN " + statement):
            plan = row[3]  # e.g. "SEARCH sites USING INDEX sites_session (session_id=?)"
            words = plan.split()
            if len(words) < 2 or words[1] not in growing:
                continue
            # By id, or an index looked up by equality; a SCAN, or a range such as
            # "(session_id>?)" (what IS NOT NULL becomes) walks the table or its index through.
            # "SEARCH t" alone is max(id) read from the end of the table.
            if plan != f"SEARCH {words[1]}" and "INTEGER PRIMARY KEY" not in plan and \
                    not re.search(r"\(\w+=\?", plan):
                scans.append((plan, statement[:90]))
    assert not scans
    assert any("FROM sites" in s for s in ran)  # the check saw the statements that matter


def test_a_chosen_backup_folder_gone_with_its_drive_is_not_made_again_elsewhere(clinic, db_path,
                                                                              tmp_path):
    """The backups go to a USB drive; unplugged, its folder is gone. The next start made the
    folder again, on the records' own disk, and went on backing up there without a word: the
    clinic believed its copies were on the drive. Nothing is made; one sentence says why."""
    import shutil

    from imsmap.services import clinic as clinic_settings

    usb = tmp_path / "usb"
    folder = usb / "imsmap-backups"
    folder.mkdir(parents=True)
    clinic_settings.write_values(clinic, {bk.BACKUP_DIR_SETTING: str(folder)})
    sets.make_full(clinic.db, now=DAY)
    shutil.rmtree(usb)  # unplugged
    with pytest.raises(StoreError, match="is not there") as refused:
        sets.run_scheduled(clinic.db, now=DAY + timedelta(days=8))
    assert str(folder) in str(refused.value) and "connected" in str(refused.value)
    assert not usb.exists()
    # The data folder's default is still made when missing (the first backup ever).
    clinic_settings.write_values(clinic, {bk.BACKUP_DIR_SETTING: ""})
    assert sets.make_full(clinic.db, now=DAY).full.exists()
