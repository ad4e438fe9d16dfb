"""Findings, adverse events and photo captions rewritten around the app (sqlite3 on the file,
the triggers dropped: a draft's rows are not locked). Their audit entries recorded what each
was created with, each change of a photo's caption or chart site, and each removal:
`imsmap check` compares every such row with them as it compares drafts and sites
(services.detail_origins; tests/test_row_origins.py for those). Every way imsmap itself
writes them passes."""

from __future__ import annotations

import pytest

from imsmap.services import checks, export, importer
from imsmap.services.context import open_context
from imsmap.services.photo_amending import add_file_by_amendment
from imsmap.services.photos import Photos
from imsmap.store import witnesses
from photo_support import phone_jpeg, png_bytes, write
from support import outside_edit, spot
from test_forgery_removals import check_in_another_process
from test_i18n_records_cli import english, french  # noqa: F401 - fixtures
from test_row_origins import Clock


@pytest.fixture
def records(db_path):
    context = open_context(db_path, actor="test.physio", clock=Clock())
    yield context.records
    context.close()


@pytest.fixture
def draft(records, tmp_path):
    """A draft with a site, two findings (one removed), two adverse events (one removed) and
    three photos: one captioned and tied to the site since, one removed, one as added."""
    patient = records.create_patient(chart_number="C-1001", family_name="Nguyen",
                                     given_name="Anna", birth_date="1970-04-12", sex="F")
    session = records.start_session(patient.id, practitioner="J. Physio")
    view, x, y, muscle, side = spot(records.atlas)
    site = records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=2)
    records.add_finding(session.id, "shortening", "L5 paraspinals", "R", "firm band")
    gone = records.add_finding(session.id, "tender_motor_points", "gluteus medius", "L")
    records.remove_finding(gone.id)
    records.add_adverse_event(session.id, "bruising", "mild", "ice")
    wrong = records.add_adverse_event(session.id, "soreness", "moderate")
    records.remove_adverse_event(wrong.id)
    photos = Photos(records)
    first = photos.add_file(session.id, write(tmp_path / "a.jpg", phone_jpeg()), "Before")
    photos.set_caption(first.id, "Posture before needling")
    photos.set_site(first.id, site.id)
    second = photos.add_file(session.id, write(tmp_path / "b.png", png_bytes()), "Blurred")
    photos.remove(second.id, confirmed=True)
    photos.add_file(session.id, write(tmp_path / "c.png", png_bytes(320, 240)))
    return session.id


def problems(records) -> str:
    return " | ".join(map(str, checks.full_check(records).problems))


def _id(records, sql: str) -> int:
    return int(records.db.conn.execute(sql).fetchone()[0])


def test_every_way_imsmap_writes_them_passes(records, draft, tmp_path):
    """Added, removed, a caption and a chart site changed, the draft signed, a photo added to
    it by amendment, the visit exported and imported into another file."""
    found = checks.full_check(records)
    assert found.ok, found.problems
    section = next(s for s in found.sections if "audit trail recorded them" in str(s.title))
    assert str(section.checked) == "1 draft, 1 site, 7 findings, adverse events and photos", \
        section.checked
    records.sign_session(draft)
    add_file_by_amendment(Photos(records), draft, write(tmp_path / "d.jpg", phone_jpeg(orientation=1)),
                          "Photo taken after signing", "After")
    assert checks.full_check(records).ok, problems(records)
    doc = export.export_document(records)
    other = open_context(tmp_path / "other.sqlite3", actor="other.physio", clock=Clock())
    try:
        counts = importer.import_document(other.records, doc)
        assert counts["findings"] == 1 and counts["adverse_events"] == 1, counts
        assert counts["photos"] == 3, counts
        found = checks.full_check(other.records)
        assert found.ok, found.problems
    finally:
        other.close()


def test_a_findings_text_rewritten_is_named(records, draft, db_path):
    finding = _id(records, "SELECT id FROM findings WHERE deleted_at IS NULL")
    outside_edit(db_path, f"UPDATE findings SET notes = 'no band' WHERE id = {finding}")
    found = problems(records)
    assert f"session {draft} (chart C-1001" in found and f", finding {finding} (Muscle shortening / taut bands)" \
        in found, found
    assert "notes is 'no band' in the file, but audit entry" in found and "created it " \
        "'firm band' and its audit trail records no change of it since: it was changed " \
        "outside imsmap" in found, found
    out = check_in_another_process(db_path)
    assert "notes is 'no band' in the file" in out, out


def test_an_adverse_events_severity_rewritten_is_named_after_signing_too(records, draft,
                                                                        db_path):
    event = _id(records, "SELECT id FROM adverse_events WHERE deleted_at IS NULL")
    outside_edit(db_path, f"UPDATE adverse_events SET severity = 'severe' WHERE id = {event}")
    said = "severity is 'severe' in the file, but audit entry"
    assert f", adverse event {event} (Bruising)" in problems(records)
    assert said in problems(records)
    # The window takes it for the draft and signs it as it stands: still named.
    records.sign_session(draft)
    assert said in problems(records)
    assert said in check_in_another_process(db_path)


def test_a_photo_caption_rewritten_is_named_by_its_newest_change(records, draft, db_path):
    photo = _id(records, "SELECT id FROM photos WHERE caption = 'Posture before needling'")
    outside_edit(db_path, f"UPDATE photos SET caption = 'Posture after' WHERE id = {photo}")
    found = problems(records)
    assert f", photo {photo}:" in found and "caption is 'Posture after' in the file, but the " \
        "newest change of it that its audit trail records (audit entry" in found and \
        "made it 'Posture before needling': it was changed outside imsmap" in found, found
    assert "caption is 'Posture after' in the file" in check_in_another_process(db_path)


def test_a_photo_never_captioned_since_its_creation_rewritten_is_named(records, draft,
                                                                      db_path):
    photo = _id(records, "SELECT id FROM photos WHERE caption = '' AND deleted_at IS NULL")
    outside_edit(db_path, f"UPDATE photos SET caption = 'Scar, left' WHERE id = {photo}")
    found = problems(records)
    assert f", photo {photo}:" in found and "caption is 'Scar, left' in the file, but audit " \
        "entry" in found and "created it (none)" in found, found


def test_removals_made_or_undone_around_the_app_are_named(records, draft, db_path):
    kept = _id(records, "SELECT id FROM findings WHERE deleted_at IS NULL")
    gone = _id(records, "SELECT id FROM adverse_events WHERE deleted_at IS NOT NULL")
    outside_edit(db_path,
                 f"UPDATE findings SET deleted_at = '2026-11-20T10:00:00+00:00',"
                 f" deleted_by = 'x' WHERE id = {kept}",
                 f"UPDATE adverse_events SET deleted_at = NULL, deleted_by = NULL"
                 f" WHERE id = {gone}")
    found = problems(records)
    assert f", removed finding {kept} (Muscle shortening / taut bands): it is marked removed in the file, but its " \
        "audit trail records no removal of it: it was removed outside imsmap" in found, found
    assert f", adverse event {gone} (Post-needling soreness): it is not marked removed in the file, but " \
        "audit entry" in found and "removed it: it was put back outside imsmap" in found, found


def test_a_finding_written_without_an_entry_or_moved_is_named(records, draft, db_path,
                                                             monkeypatch):
    """A row with no creating entry at all, and one moved to another session: in the same
    batch of sessions and across batches (then looked up in one more pass over the trail)."""
    patient = _id(records, f"SELECT patient_id FROM sessions WHERE id = {draft}")
    other = records.start_session(patient, practitioner="J. Physio").id
    finding = _id(records, "SELECT id FROM findings WHERE deleted_at IS NULL")
    outside_edit(db_path,
                 "INSERT INTO findings (session_id, sign, location, side, notes, created_at,"
                 f" created_by) VALUES ({draft}, 'trophedema', 'shin', 'L', '',"
                 " '2026-11-20T10:00:00+00:00', 'test.physio')",
                 f"UPDATE findings SET session_id = {other} WHERE id = {finding}")
    added = _id(records, "SELECT max(id) FROM findings")
    found = problems(records)
    assert f", finding {added} (Trophedema (matchstick test)): its audit trail records no creation of it: it " \
        "was written outside imsmap" in found, found
    moved = f"created it in session {draft}, and it is in session {other} now: it was moved"
    assert moved in found, found
    batches = witnesses.session_batches
    monkeypatch.setattr(witnesses, "session_batches", lambda db: batches(db, 1))
    found = problems(records)
    assert moved in found and found.count("moved outside imsmap") == 1, found
    assert "written outside imsmap" in found, found


def test_an_entry_with_a_false_value_before_is_named(records, draft, db_path):
    """A caption changed around the app with an entry of the photo that says it was something
    else before: the recorded changes do not follow on."""
    photo = _id(records, "SELECT id FROM photos WHERE caption = 'Posture before needling'")
    Photos(records).set_caption(photo, "Standing posture")
    last = _id(records, "SELECT max(id) FROM audit")
    changes = records.db.conn.execute(f"SELECT changes FROM audit WHERE id = {last}"
                                      ).fetchone()[0]
    forged = changes.replace("Posture before needling", "Posture")
    outside_edit(db_path, f"UPDATE audit SET changes = '{forged}' WHERE id = {last}")
    found = problems(records)
    assert "the changes of caption that its audit trail records do not follow on" in found, \
        found


def test_check_names_them_in_french(records, draft, db_path, french):  # noqa: F811
    finding = _id(records, "SELECT id FROM findings WHERE deleted_at IS NULL")
    gone = _id(records, "SELECT id FROM findings WHERE deleted_at IS NOT NULL")
    photo = _id(records, "SELECT id FROM photos WHERE deleted_at IS NOT NULL")
    outside_edit(db_path, f"UPDATE findings SET notes = 'aucune' WHERE id = {finding}",
                 f"UPDATE findings SET deleted_at = NULL WHERE id = {gone}",
                 f"UPDATE photos SET caption = 'Flou' WHERE id = {photo}")
    records.db.close()
    text = french("check", "--db", str(db_path), status=1)
    assert f", constat {finding} (Raccourcissement musculaire / bandes tendues)\u00a0: " \
        "notes vaut «\u00a0aucune\u00a0» dans le fichier" in text, text
    assert f", constat {gone} (Points moteurs sensibles)\u00a0: cet élément n'est pas marqué " \
        "retiré dans le fichier" in text, text
    assert f", photo retirée {photo}\u00a0: caption vaut «\u00a0Flou\u00a0»" in text, text
    assert "constats, événements indésirables et photos" in text, text
    assert not french.leftovers(text), text
