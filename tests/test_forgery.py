"""Forgery by hand with the file (issue 12, H3, H4/M1): a signed session or an amendment
rewritten with sqlite3, its hash recomputed, must be named by `imsmap check` and by the record's
own integrity statement; amendments cannot be changed even by plain SQL."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from imsmap.cli import main
from imsmap.services import checks, signatures
from imsmap.services.records import content_hash
from support import outside_edit, spot


@pytest.fixture
def signed(records, patient):
    session = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30),
                                    practitioner="J. Physio", notes="L5 radiculopathy.")
    view, x, y, muscle, side = spot(records.atlas)
    records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=3)
    records.sign_session(session.id)
    records.amend_session(session.id, "Typo", "Grasp on the right was moderate.")
    return session.id


def full_problems(records) -> list[str]:
    return checks.full_check(records).problems


def test_the_untouched_record_passes(records, signed):
    assert full_problems(records) == []
    assert signatures.session_problems(records.db.conn, signed) == []


def test_plain_sql_cannot_change_an_amendment(records, signed, db_path):
    conn = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="never changed"):
            conn.execute("UPDATE amendments SET text = 'Nothing happened.', created_by = 'x'")
    finally:
        conn.close()
    assert records.repo.amendments(signed)[0].text == "Grasp on the right was moderate."


def test_an_amendment_rewritten_around_the_triggers_is_named(records, signed, db_path, capsys):
    outside_edit(db_path, "UPDATE amendments SET text = 'Nothing happened.', "
                          "created_by = 'someone.else'")
    problems = full_problems(records)
    assert any("amendment 1" in p and "text" in p and "created_by" in p for p in problems), \
        problems
    assert signatures.session_problems(records.db.conn, signed)
    assert main(["check", "--db", str(db_path)]) != 0
    assert "changed outside imsmap" in capsys.readouterr().out


def test_a_signed_site_changed_with_its_hash_recomputed_is_named(records, signed, db_path):
    outside_edit(db_path, "UPDATE sites SET grasp = 0")
    forged = content_hash(records.session_record(signed))
    outside_edit(db_path, f"UPDATE sessions SET content_hash = '{forged}'")
    problems = full_problems(records)
    assert any("not the one audit entry" in p and "rewritten outside imsmap" in p
               for p in problems), problems
    assert any("content hash" in p for p in signatures.session_problems(records.db.conn, signed))


def test_a_rewritten_signer_or_signing_time_is_named(records, signed, db_path):
    outside_edit(db_path, "UPDATE sessions SET signed_by = 'dr.other', "
                          "signed_at = '2020-01-01T10:00:00+00:00'")
    problems = " ".join(full_problems(records))
    assert "its signer (dr.other)" in problems and "signing time" in problems


def test_a_rewritten_sign_entry_breaks_the_chain(records, signed, db_path):
    """Rewriting the audit entry as well is named by the chain."""
    outside_edit(db_path, "UPDATE sites SET grasp = 0")
    forged = content_hash(records.session_record(signed))
    entry = records.db.query_one("SELECT id, changes FROM audit WHERE changes LIKE"
                                 " '%content_hash%'")
    new_changes = entry["changes"].replace(records.repo.session(signed).content_hash, forged)
    outside_edit(db_path, f"UPDATE sessions SET content_hash = '{forged}'",
                 f"UPDATE audit SET changes = '{new_changes}' WHERE id = {entry['id']}")
    problems = full_problems(records)
    assert any(p.startswith("Audit trail unbroken") for p in problems), problems


def test_a_signature_without_its_entry_is_named(records, patient, db_path):
    session = records.start_session(patient.id, started_at=datetime(2026, 11, 21, 9, 30))
    digest = content_hash(records.session_record(session.id))
    outside_edit(db_path, "UPDATE sessions SET status = 'signed', signed_by = 'x', "
                          f"signed_at = '2026-11-21T10:00:00', content_hash = '{digest}' "
                          f"WHERE id = {session.id}")
    assert any("no entry recording its signature" in p for p in full_problems(records))


def test_an_amendment_of_a_draft_is_refused_by_the_file(records, patient, db_path):
    session = records.start_session(patient.id, started_at=datetime(2026, 11, 21, 9, 30))
    conn = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="only a signed session"):
            conn.execute("INSERT INTO amendments (session_id, created_at, created_by, reason,"
                         f" text) VALUES ({session.id}, '2026-11-21', 'x', 'r', 't')")
    finally:
        conn.close()


def test_restore_refuses_a_backup_whose_signature_does_not_verify(records, signed, db_path,
                                                                   tmp_path, capsys):
    from imsmap.store.backup import backup_to

    backup = backup_to(records.db, tmp_path / "copy.sqlite3")
    outside_edit(backup, "UPDATE sites SET grasp = 0")
    target = tmp_path / "restored.sqlite3"
    assert main(["restore", "--db", str(target), str(backup)]) == 2
    err = capsys.readouterr().err
    assert "does not pass imsmap's checks" in err and "nothing was restored" in err
    assert not target.exists()
    before = records.repo.counts()
    assert main(["restore", "--db", str(db_path), "--force", str(backup)]) == 2
    assert records.repo.counts() == before
    assert full_problems(records) == []


def test_restore_takes_a_sound_backup(records, signed, tmp_path, capsys):
    from imsmap.store.backup import backup_to

    backup = backup_to(records.db, tmp_path / "copy.sqlite3")
    target = tmp_path / "restored.sqlite3"
    assert main(["restore", "--db", str(target), str(backup)]) == 0, capsys.readouterr().err
    assert main(["check", "--db", str(target)]) == 0


def _pdf_text(db_path, session_id, tmp_path) -> str:
    from pypdf import PdfReader

    out = tmp_path / f"s{session_id}.pdf"
    assert main(["pdf", "--db", str(db_path), "--session", str(session_id), "--out",
                 str(out), "--force"]) == 0
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(out).pages)


def test_the_pdf_warns_of_a_forged_amendment_and_prints_the_signing_link(records, signed,
                                                                         db_path, tmp_path):
    from imsmap.store import audit

    text = _pdf_text(db_path, signed, tmp_path)
    assert "match the signed hash and the audit trail" in text
    entry = signatures.seal(records.db.conn, signed).entry_id
    assert f"signed in entry {entry}" in text
    assert audit.link_at(records.db.conn, entry).hex()[:16] in text.replace(" ", "")
    outside_edit(db_path, "UPDATE amendments SET text = 'Nothing happened.'")
    text = _pdf_text(db_path, signed, tmp_path)
    assert "INTEGRITY WARNING" in text and "amendment 1" in text
    assert "match the signed hash and the audit trail" not in text
