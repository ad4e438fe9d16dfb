"""`imsmap check` and the checks behind it, against records edited outside the app."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime

import pytest

from imsmap.cli import main
from imsmap.services import checks
from imsmap.services.context import build_context
from imsmap.store import integrity
from imsmap.store.db import Database, StoreError
from support import chart_atlas, outside_edit, spot


# -- helpers -----------------------------------------------------------------------------
@pytest.fixture
def clinic(db_path):
    """A draft session (2 sites) and a signed one (3 sites) for one patient."""
    recs = build_context(Database.open(db_path), chart_atlas(), actor="test.physio").records
    patient = recs.create_patient(chart_number="C-1001", family_name="Nguyen")
    ids = []
    for day, n in ((19, 3), (20, 2)):
        s = recs.start_session(patient.id, started_at=datetime(2026, 11, day, 9, 30))
        for i in range(n):
            view, x, y, muscle, side = spot(recs.atlas, i)
            recs.add_site(s.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
        ids.append(s.id)
    recs.sign_session(ids[0])
    recs.signed_id, recs.draft_id = ids
    yield recs
    recs.db.close()


def run_check(db_path, capsys, *extra: str) -> tuple[int, str]:
    code = main(["check", "--db", str(db_path), *extra])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out + captured.err


# -- a sound database -------------------------------------------------------------------------
def test_a_sound_database_passes(clinic, db_path, capsys):
    report = checks.full_check(clinic)
    assert report.ok, report.text()
    assert report.problems == []
    code, out = run_check(db_path, capsys)
    assert code == 0, out
    assert "All is well." in out and "1 signed session" in out
    assert run_check(db_path, capsys, "--quick")[0] == 0


def test_check_changes_nothing(clinic, db_path, capsys):
    clinic.db.close()  # everything folded into the main file
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    assert run_check(db_path, capsys)[0] == 0
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


# -- outside edits, each reported -------------------------------------------------------------
def test_a_signed_site_changed_outside_the_app_is_reported(clinic, db_path, capsys):
    outside_edit(db_path, f"UPDATE sites SET grasp = 0 WHERE session_id = {clinic.signed_id}"
                          " AND seq = 2")
    code, out = run_check(db_path, capsys)
    assert code == 1
    assert f"session {clinic.signed_id} (chart C-1001" in out
    assert "no longer matches the content hash" in out


def test_an_edited_audit_entry_is_reported(clinic, db_path, capsys):
    outside_edit(db_path, "UPDATE audit SET actor = 'someone.else' WHERE id = 3")
    code, out = run_check(db_path, capsys)
    assert code == 1
    # Compact entries store their link on every 16th entry: the change is found in its block.
    assert "altered" in out and re.search(r"audit entries \(1-\d+\)", out), out


def test_a_deleted_audit_entry_is_reported(clinic, db_path, capsys):
    outside_edit(db_path, "DELETE FROM audit WHERE id = 4")
    code, out = run_check(db_path, capsys)
    assert code == 1
    assert "audit entries 4-4 are missing" in out


def test_audit_entries_cut_off_the_end_are_reported(clinic, db_path, capsys):
    last = clinic.db.query_one("SELECT max(id) FROM audit")[0]
    # the newest entries: the draft's second site was created last
    outside_edit(db_path, f"DELETE FROM audit WHERE id >= {last - 1}")
    code, out = run_check(db_path, capsys)
    assert code == 1
    assert "no audit entry" in out


def test_every_problem_is_listed(clinic, db_path, capsys):
    outside_edit(db_path,
                 f"UPDATE sites SET grasp = 3 WHERE session_id = {clinic.signed_id}",
                 "UPDATE audit SET changes = '{}' WHERE id = 2",
                 "DELETE FROM audit WHERE id = 5",
                 "INSERT INTO terms (text) VALUES ('musculus_imaginarius')",
                 "UPDATE sites SET muscle_id = (SELECT id FROM terms WHERE text ="
                 f" 'musculus_imaginarius') WHERE session_id = {clinic.draft_id} AND seq = 1",
                 "INSERT INTO sites (session_id, seq, muscle_id, side, view_id, layer, x, y,"
                 " created_at, created_by) VALUES (999, 1, 1, 'L', 1, 1, 1, 1, 0, 1)")
    report = checks.full_check(clinic)
    assert not report.ok
    by_title = {s.title: s.problems for s in report.sections}
    signatures = by_title["Signed sessions unchanged since signing"]
    assert any("no longer matches" in p for p in signatures)
    chain = by_title["Audit trail unbroken"]
    assert any("audit entries (1-" in p and "altered" in p for p in chain)  # its block
    assert any("audit entries 5-5 are missing" in p for p in chain)
    assert any("musculus_imaginarius" in p for p in by_title["Muscles known to the atlas"])
    assert any("sites row" in p and "sessions row 999" in p
               for p in by_title["References between records (foreign keys)"])
    assert any("sites row" in p for p in by_title["Every record has its audit entry"])
    code, out = run_check(db_path, capsys)
    assert code == 1
    assert f"{len(report.problems)} problems found" in out
    for problem in report.problems:
        assert problem.split(": ", 1)[1] in out


def test_a_removed_site_with_an_unknown_muscle_is_not_a_problem(clinic, db_path):
    site = clinic.repo.sites_for_session(clinic.draft_id)[0]
    clinic.remove_site(site.id)
    outside_edit(db_path, "INSERT INTO terms (text) VALUES ('old_name')",
                 "UPDATE sites SET muscle_id = (SELECT id FROM terms WHERE text = 'old_name')"
                 f" WHERE id = {site.id}")
    by_title = {s.title: s for s in checks.full_check(clinic).sections}
    assert by_title["Muscles known to the atlas"].ok


# -- files that cannot be used -------------------------------------------------------------
def test_an_unusable_file_exits_2_with_one_sentence(tmp_path, capsys):
    garbage = tmp_path / "notes.sqlite3"
    garbage.write_text("this is not a database")
    code, out = run_check(garbage, capsys)
    assert code == 2 and "not an SQLite file" in out
    code, out = run_check(tmp_path / "missing.sqlite3", capsys)
    assert code == 2 and "no database" in out
    assert not (tmp_path / "missing.sqlite3").exists()
    code, out = run_check(tmp_path, capsys)
    assert code == 2 and "folder" in out


def test_a_damaged_file_is_reported_without_a_traceback(clinic, db_path, tmp_path, capsys):
    clinic.db.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    for p in range(2, len(data) // page):  # garbage in the middle, the header page intact
        data[p * page + 10: p * page + 400] = b"\xa5" * 390
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(bytes(data))
    code, out = run_check(damaged, capsys)
    assert code in (1, 2)
    assert "damaged" in out or "PROBLEM" in out
    if code == 1:
        assert "File structure" in out


def test_quick_check_on_a_damaged_file_raises_or_reports(clinic, db_path, tmp_path):
    clinic.db.close()
    data = bytearray(db_path.read_bytes())
    data[4096 * 3: 4096 * 3 + 2000] = b"\x00\xff" * 1000
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(bytes(data))
    try:
        db = Database.open(damaged, create=False, readonly=True)
    except StoreError as exc:
        assert "damaged" in str(exc)
        return
    try:
        problems = integrity.quick_check(db)
        assert problems, "garbage in the middle of the file went unnoticed"
    except StoreError as exc:
        assert "damaged" in str(exc)
    finally:
        db.close()
