"""A practitioner's own login on the clinic server, with psql, changing a draft's finding, adverse
event and photo caption AND writing an audit entry of that session in the same transaction, one
that says something else: the server's record of writes (schema 15) sees each write beside an
entry of its session and names nothing, but the rows no longer say what their trail says, and
`imsmap check --dsn` names each by its content (services/detail_origins.py, as on a file: tests/
test_detail_origins.py). Rows written by imsmap itself are never named."""

from __future__ import annotations

from datetime import datetime

from live_support import audit

from imsmap.cli import main
from imsmap.services import checks
from imsmap.services.context import open_server_context
from imsmap.services.photos import Photos
from imsmap.store.postgres.connection import connect
from photo_support import png_bytes, write

ORIGINS = "Drafts and sites as their audit trail recorded them"
AROUND = "written around imsmap"


def _section(report, title: str):
    return next(s for s in report.sections if title in str(s.title))


def test_a_change_with_an_entry_about_something_else_is_named_by_its_content(
        people, capsys, tmp_path):
    anna_dsn = people["practitioner"][1]
    ben_dsn = people["practitioner2"][1]
    anna = open_server_context(anna_dsn)
    try:
        records = anna.records
        p = records.create_patient(chart_number="C-8", family_name="Gagnon")
        session = records.start_session(p.id, started_at=datetime(2026, 11, 27, 9, 30))
        finding = records.add_finding(session.id, "tender_paraspinals", "L4-L5", "R",
                                      "worse on the right")
        removed = records.add_finding(session.id, "hair_loss", "shin", "L")
        records.remove_finding(removed.id)
        event = records.add_adverse_event(session.id, "dizziness", "mild", "lay flat")
        photos = Photos(records)
        photo = photos.add_file(session.id, write(tmp_path / "a.png", png_bytes()), "Before")
        photos.set_caption(photo.id, "Standing, before needling")
        report = checks.full_check(records, keep=None)
        assert report.ok, report.problems  # imsmap's own rows: nothing named
        assert "4 findings, adverse events and photos" in str(_section(report, ORIGINS).checked)

        with connect(ben_dsn) as psql:  # Ben, by hand, in Anna's draft: one transaction
            psql.execute("UPDATE findings SET notes = 'no tenderness' WHERE id = %s",
                         (finding.id,))
            psql.execute("UPDATE adverse_events SET severity = 'severe' WHERE id = %s",
                         (event.id,))
            psql.execute("UPDATE photos SET caption = 'After needling' WHERE id = %s",
                         (photo.id,))
            psql.execute("UPDATE findings SET deleted_at = NULL, deleted_by = NULL"
                         " WHERE id = %s", (removed.id,))
            audit(psql, "update", "session", session.id, session.id,
                  '{"plan":["","Review next week"]}')
            psql.execute("UPDATE sessions SET plan = 'Review next week' WHERE id = %s",
                         (session.id,))
            psql.commit()

        report = checks.full_check(records, keep=None)
        assert not report.ok
        # The record of writes sees each write beside an entry of its session: silent.
        assert not [p for p in report.problems if AROUND in str(p)]
        named = [str(p) for p in _section(report, ORIGINS).problems]
        assert len(named) == 4, named
        where = f"session {session.id} (chart C-8, "
        assert all(p.startswith(where) for p in named), named
        assert any(f", finding {finding.id} (Tender paraspinals): notes is 'no tenderness' on "
                   "the clinic server, but audit entry" in p for p in named), named
        assert any(f", adverse event {event.id} (Dizziness / fainting): severity is 'severe' on the "
                   "clinic server" in p for p in named), named
        assert any(f", photo {photo.id}: caption is 'After needling' on the clinic server, but "
                   "the newest change of it that its audit trail records" in p for p in named), \
            named
        assert any(f", finding {removed.id} (Local hair loss): it is not marked removed on the "
                   "clinic server, but audit entry" in p for p in named), named
    finally:
        anna.close()

    capsys.readouterr()
    assert main(["check", "--dsn", anna_dsn]) != 0
    out = capsys.readouterr().out
    assert ORIGINS in out
    for said in ("notes is 'no tenderness' on the clinic server",
                 "severity is 'severe' on the clinic server",
                 "caption is 'After needling' on the clinic server"):
        assert said in out, out


def test_a_clinic_moved_onto_the_server_passes(tmp_path, clinic_dsn, capsys):
    """`imsmap server migrate` copies the rows and their entries as they are: a file's findings,
    adverse events and photos (added, removed, a caption changed, one added by amendment:
    clinic_files.make_clinic) pass on the server as on the file."""
    from clinic_files import make_clinic, open_file

    from imsmap.store import witnesses
    from imsmap.store.postgres.database import ServerDatabase

    path = make_clinic(tmp_path / "clinic.sqlite3")
    recs = open_file(path)
    try:
        patient = recs.create_patient(chart_number="P-2", family_name="Moved")
        draft = recs.start_session(patient.id)
        gone = recs.add_finding(draft.id, "autonomic", "C6 dermatome", "L")
        recs.remove_finding(gone.id)
        photos = Photos(recs)
        photo = photos.add_file(draft.id, write(tmp_path / "b.png", png_bytes()), "Posture")
        photos.set_caption(photo.id, "Posture, standing")
        assert checks.full_check(recs).ok
    finally:
        recs.db.close()
    assert main(["server", "migrate", "--db", str(path), "--dsn", clinic_dsn]) == 0
    capsys.readouterr()
    db = ServerDatabase.connect(clinic_dsn, readonly=True)
    try:
        found = checks.Problems("", keep=None)
        with witnesses.one_moment(db):
            checked = str(checks.drafts_and_sites(db, found, lambda _done: None))
    finally:
        db.close()
    assert found.kept == [], found.kept
    assert "findings, adverse events and photos" in checked and \
        " 0 findings" not in checked, checked
