"""A photo added to a signed session by amendment (schema 10; server schema 9,
services/photo_amending.py): who, when and why with it; the signed session, its content hash and
its own photos unchanged; refused, with nothing written, without a reason, on a draft, on a
withdrawn draft or a session entered in error, for a bad or too large file."""

from __future__ import annotations

import sqlite3
from datetime import UTC

import pytest

from imsmap.cli import main
from imsmap.domain.errors import ReadOnlyError, ValidationError
from imsmap.services import merging, retractions
from imsmap.services.checks import full_check
from imsmap.services.photo_amending import ADDS_PHOTO, add_file_by_amendment
from imsmap.services.photos import Photos
from imsmap.services.records import content_hash
from photo_support import phone_jpeg, png_bytes, write

pytestmark = pytest.mark.both_backends


@pytest.fixture
def photos(records):
    return Photos(records)


def _counts(records) -> tuple[int, ...]:
    one = records.db.conn.execute
    return tuple(one(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("photos", "photo_blobs", "amendments", "audit"))


@pytest.fixture
def signed(records, session, photos, tmp_path):
    """A signed session with one photo of its own, taken before signing."""
    photos.add_file(session.id, write(tmp_path / "before.png", png_bytes()), "Posture")
    return records.sign_session(session.id)


def test_a_photo_is_added_to_a_signed_session_by_an_amendment(records, signed, photos,
                                                              tmp_path):
    hash_before = signed.content_hash
    amendment, photo = add_file_by_amendment(
        photos, signed.id, write(tmp_path / "bruise.jpg", phone_jpeg()),
        "Bruise at the insertion site the next morning", "Bruise, right gluteal")
    assert (amendment.reason, amendment.created_by) == (
        "Bruise at the insertion site the next morning", records.actor)
    assert photo.amendment_id == amendment.id and photo.by_amendment
    assert (photo.seq, photo.caption, photo.created_at) == (2, "Bruise, right gluteal",
                                                            amendment.created_at)
    # The signed session is as it was signed: the same row, the same content hash, which
    # still matches its content (the added photo is the amendment's).
    after = records.read.session(signed.id)
    assert after.content_hash == hash_before and after.is_signed
    assert content_hash(records.session_record(signed.id)) == hash_before
    shown = photos.for_session(signed.id)
    assert [(p.seq, p.by_amendment) for p in shown] == [(1, False), (2, True)]
    # The amendment's entry records the photo it adds; the photo's entry its sha256.
    entries = records.audit_entries(signed.id)
    amend = next(e for e in entries if e.action == "amend")
    assert amend.changes[ADDS_PHOTO] == [None, [2, photo.sha256]]
    created = [e for e in entries if e.action == "create" and e.entity == "photo"]
    assert created[-1].changes["sha256"] == [None, photo.sha256]
    assert created[-1].changes["amendment_id"] == [None, amendment.id]
    report = full_check(records)
    assert report.ok, report.problems


def test_refusals_write_nothing(records, session, photos, tmp_path, signed):
    jpeg = write(tmp_path / "b.jpg", phone_jpeg())
    before = _counts(records)
    with pytest.raises(ValidationError, match="reason"):
        add_file_by_amendment(photos, signed.id, jpeg, "   ")
    with pytest.raises(ValidationError, match="not a photo imsmap can read"):
        add_file_by_amendment(photos, signed.id, write(tmp_path / "notes.jpg", b"text\n"),
                              "Rash")
    huge = tmp_path / "huge.jpg"
    with huge.open("wb") as f:  # sparse: 200 MB without writing them
        f.truncate(200 * 1024 * 1024)
    with pytest.raises(ValidationError, match="200 MB"):
        add_file_by_amendment(photos, signed.id, huge, "Rash")
    with pytest.raises(ValidationError, match="already"):  # the photo it has already
        add_file_by_amendment(photos, signed.id, write(tmp_path / "a.png", png_bytes()),
                              "Again")
    # Without an amendment the signed session takes nothing.
    with pytest.raises(ReadOnlyError, match="only by an amendment"):
        photos.add_file(signed.id, jpeg)
    # A draft: its photos are attached directly.
    draft = records.start_session(session.patient_id, complaint="Next visit")
    with pytest.raises(ValidationError, match="is a draft"):
        add_file_by_amendment(photos, draft.id, jpeg, "Rash")
    assert _counts(records) == before[:3] + (_counts(records)[3],)  # (the draft's own entry)
    # A withdrawn draft and a session entered in error take no photo either way.
    retractions.withdraw_draft(records, draft.id, "Started twice")
    mid = _counts(records)
    with pytest.raises(ValidationError, match="withdrawn"):
        add_file_by_amendment(photos, draft.id, jpeg, "Rash")
    with pytest.raises(ReadOnlyError, match="withdrawn"):
        photos.add_file(draft.id, jpeg)
    retractions.mark_entered_in_error(records, signed.id, "Wrong patient")
    mid = _counts(records)
    with pytest.raises(ValidationError, match="entered in error"):
        add_file_by_amendment(photos, signed.id, jpeg, "Rash")
    assert _counts(records) == mid


def test_a_draft_of_a_record_merged_away_takes_no_photo(records, patient, photos, tmp_path):
    kept = records.create_patient(chart_number="C-2002", family_name="Nguyen",
                                  given_name="Anna", birth_date="1970-04-12", sex="F")
    draft = records.start_session(patient.id, complaint="Started on the duplicate")
    merging.merge_records(records, kept.id, patient.id, "Registered twice")
    before = _counts(records)
    with pytest.raises(ValidationError, match="merged into C-2002"):
        photos.add_file(draft.id, write(tmp_path / "a.png", png_bytes()))
    assert _counts(records) == before


@pytest.mark.sqlite_only("writes the SQLite file around the app (the server: test_server_photos)")
def test_the_file_refuses_a_photo_on_a_signed_session_but_with_its_amendment(
        records, signed, photos, tmp_path, db_path):
    amendment, photo = add_file_by_amendment(
        photos, signed.id, write(tmp_path / "b.jpg", phone_jpeg()), "Consent form scanned")
    other = records.amend_session(signed.id, "Later note", "Patient called: settled")
    conn = sqlite3.connect(db_path)
    row = "'image/png', 1, 1, 1"
    try:
        for sql in (
                # no amendment: the signed session is locked
                f"INSERT INTO photos (session_id, seq, sha256, mime, width, height, bytes,"
                f" created_at, created_by) VALUES ({signed.id}, 9, '{'0' * 64}', {row},"
                " '2026-11-20T10:00:00', 'x')",
                # an amendment written at another time (not in its transaction)
                f"INSERT INTO photos (session_id, seq, sha256, mime, width, height, bytes,"
                f" created_at, created_by, amendment_id) VALUES ({signed.id}, 9, '{'1' * 64}',"
                f" {row}, '2026-11-20T10:00:00', 'x', {other.id})",
                # the photo added by amendment is as final as it
                f"UPDATE photos SET caption = 'x' WHERE id = {photo.id}",
                f"UPDATE photos SET amendment_id = NULL WHERE id = {photo.id}",
                f"DELETE FROM photos WHERE id = {photo.id}"):
            with pytest.raises(sqlite3.DatabaseError, match="locked|never|with its amendment"):
                conn.execute(sql)
    finally:
        conn.close()


# -- imsmap photo add --session N --amend REASON ------------------------------------------
@pytest.mark.sqlite_only("the command is given the file (--db)")
def test_cli_refuses_a_signed_session_without_amend_and_adds_with_it(
        records, signed, tmp_path, db_path, capsys):
    jpeg = str(write(tmp_path / "rash.jpg", phone_jpeg()))
    before = _counts(records)
    assert main(["photo", "add", "--db", str(db_path), "--session", str(signed.id), jpeg]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "only by an amendment" in err and "--amend" in err
    assert main(["photo", "add", "--db", str(db_path), "--session", str(signed.id), jpeg,
                 "--amend", "  "]) == 2
    assert "reason" in capsys.readouterr().err
    assert _counts(records) == before
    assert main(["photo", "add", "--db", str(db_path), "--session", str(signed.id), jpeg,
                 "--caption", "Rash sent by the patient", "--amend",
                 "Photo the patient sent of a rash at the insertion site"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Photo 2 added to session {signed.id}: ")
    assert "\nAdded by amendment 1 (" in out and "rash at the insertion site\n" in out
    [amendment] = records.repo.amendments(signed.id)
    assert Photos(records).for_session(signed.id)[1].amendment_id == amendment.id


@pytest.mark.sqlite_only("the command is given the file (--db)")
def test_cli_amend_on_a_draft_or_a_withdrawn_draft_refuses(records, session, tmp_path,
                                                          db_path, capsys):
    jpeg = str(write(tmp_path / "rash.jpg", phone_jpeg()))
    before = _counts(records)
    assert main(["photo", "add", "--db", str(db_path), "--session", str(session.id), jpeg,
                 "--amend", "Rash"]) == 2
    assert "is a draft" in capsys.readouterr().err
    retractions.withdraw_draft(records, session.id, "Started twice")
    after_mark = _counts(records)
    assert after_mark[:3] == before[:3]
    for extra in ([], ["--amend", "Rash"]):
        assert main(["photo", "add", "--db", str(db_path), "--session", str(session.id), jpeg,
                     *extra]) == 2
        assert "withdrawn" in capsys.readouterr().err
    assert _counts(records) == after_mark


# -- backups: a full backup and its journal give the added photo back ----------------------
@pytest.mark.sqlite_only("the backup journal is the single-PC file's")
def test_a_photo_added_by_amendment_after_a_full_backup_comes_back_from_its_journal(
        records, signed, photos, tmp_path, db_path):
    from imsmap.services.checks import check_restorable
    from imsmap.store import backup_sets as sets
    from imsmap.store import journal
    from imsmap.store import restore as rs

    made = sets.make_full(records.db)
    add_file_by_amendment(photos, signed.id, write(tmp_path / "b.jpg", phone_jpeg()),
                          "Bruise the next morning", "Bruise")
    records.amend_session(signed.id, "Later note", "Settled by the next visit")
    add_file_by_amendment(photos, signed.id,
                          write(tmp_path / "c.jpg", phone_jpeg(width=900, height=600)),
                          "Consent form scanned at reception")
    assert sets.append(records.db) is not None
    restored = tmp_path / "restored.sqlite3"
    rs.restore(made.full, restored, check=check_restorable)

    def dump(path):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                    for t in journal.tables_of(conn)}
        finally:
            conn.close()

    back, now = dump(restored), dump(db_path)
    assert len(back["photo_blobs"]) == 3 and back["photos"] == now["photos"]
    assert back == now


# -- the JSON export and import, FHIR --------------------------------------------------------
@pytest.mark.sqlite_only("an export read into another file")
def test_export_and_import_keep_the_photo_with_its_amendment(records, signed, photos, tmp_path):
    import json

    from imsmap.services import export
    from imsmap.services.context import open_context
    from imsmap.services.importer import import_document

    amendment, added = add_file_by_amendment(
        photos, signed.id, write(tmp_path / "b.jpg", phone_jpeg()), "Consent form scanned",
        "Consent form")
    doc = json.loads(export.dumps(export.export_document(records)))
    [visit] = [v for p in doc["patients"] for v in p["visits"]]
    assert [p.get("amendment") for p in visit["photos"]] == [None, amendment.id]
    made = open_context(tmp_path / "other.sqlite3", actor="other.physio")
    try:
        target = made.records
        counts = import_document(target, doc)
        assert (counts["photos"], counts["amendments"]) == (2, 1)
        [session] = target.repo.sessions_for_patient(1)
        [there] = target.repo.amendments(session.id)
        back = Photos(target).for_session(session.id)
        assert [(p.sha256, p.amendment_id) for p in back] == [
            (photos.for_session(signed.id)[0].sha256, None), (added.sha256, there.id)]
        assert back[1].created_at == there.created_at == amendment.created_at
        assert session.content_hash == signed.content_hash
        report = full_check(target)
        assert report.ok, report.problems
    finally:
        made.close()


def test_fhir_says_a_photo_was_added_by_amendment(records, signed, photos, tmp_path):
    import fhir_reader
    from imsmap.services.fhir import fhir_bundle

    add_file_by_amendment(photos, signed.id, write(tmp_path / "b.jpg", phone_jpeg()),
                          "Rash the patient sent", "Rash")
    bundle = fhir_bundle(records)
    fhir_reader.parse(bundle)
    media = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Media"]
    assert [m["note"][-1]["text"] for m in media] == [
        "Posture", f"Added after signing, by the amendment of "
                   f"{media[1]['createdDateTime'][:10]} by {records.actor}: Rash the patient sent"]


def test_fhir_dates_the_amendment_of_a_photo_by_the_local_day(records, signed, photos, tmp_path):
    """The note's date is the day the clinic's clock read (domain.local_time), not the stored
    text's first ten characters: an amendment written on a UTC clock is read on a computer
    whose day differs from UTC's now; the note's time keeps the stored instant."""
    from datetime import datetime

    from imsmap.services.fhir import fhir_bundle
    from zone_support import another_day_than_utc, machine_zone, written_in

    with written_in("UTC"):
        add_file_by_amendment(photos, signed.id, write(tmp_path / "b.jpg", phone_jpeg()),
                              "Rash the patient sent", "Rash")
    [amendment] = records.repo.amendments(signed.id)
    with machine_zone(another_day_than_utc(amendment.created_at)):
        local_day = amendment.created_at.astimezone().date().isoformat()
        bundle = fhir_bundle(records)
    assert local_day != amendment.created_at.astimezone(UTC).date().isoformat()
    [note] = [e["resource"]["note"][-1] for e in bundle["entry"]
              if e["resource"]["resourceType"] == "Media" and len(e["resource"]["note"]) > 1]
    assert note["text"].startswith(f"Added after signing, by the amendment of {local_day} by ")
    assert datetime.fromisoformat(note["time"]) == amendment.created_at


# -- the session PDF and the progress report --------------------------------------------------
@pytest.mark.sqlite_only("the clinic settings are written by an admin on a server")
@pytest.mark.parametrize("printed", [False, True])
def test_the_pdfs_say_the_photo_was_added_by_amendment(qapp, records, signed, photos, patient,
                                                       tmp_path, printed):
    from dataclasses import replace

    from imsmap.services import clinic
    from test_progress_photos import _report
    from test_report_photos import _pdf

    clinic.save(records, replace(clinic.load(records), photos_in_pdf=printed))
    amendment, _photo = add_file_by_amendment(
        photos, signed.id, write(tmp_path / "b.jpg", phone_jpeg(width=900, height=600)),
        "Bruise at the insertion site the next morning", "Bruise below site 1")
    _path, text, images = _pdf(records, signed, tmp_path)
    assert "Added after signing by amendment:" in text
    assert f"{records.actor}: Bruise at the insertion site the next morning" in text
    assert "Photo 2 added: Bruise below site 1." in text  # the amendments' table
    assert "match the signed hash" in text  # the integrity check still holds
    assert len(images) == (2 if printed else 0)
    text, _images = _report(records, patient, tmp_path)
    assert "the next morning. Photo 2 added: Bruise below site 1." in text  # Amended visits
    assert "Bruise below site 1 Added after signing by amendment:" in text  # Photos


# -- two rooms (or windows) at once --------------------------------------------------------------
def test_a_photo_by_amendment_waits_for_another_rooms_amendment_then_lands(
        open_records_as, records, signed, photos, tmp_path):
    """As every amendment (services.amending): the session's row is held until COMMIT on a
    server (the whole file on SQLite); a second room adding a photo by amendment meanwhile
    waits, then writes after it, and neither is lost."""
    import threading
    import time

    other = open_records_as("test.physio").records
    held, done = threading.Event(), threading.Event()

    def amend_in_the_other_room() -> None:
        with other.write() as work:
            other.repo.lock_session(signed.id)
            held.set()
            time.sleep(0.8)
            aid = other.repo.insert_amendment(signed.id, work.at, work.actor, "First", "Words")
            work.audit("amend", "amendment", aid, signed.id,
                       changes={"reason": [None, "First"], "text": [None, "Words"]})
        done.set()

    worker = threading.Thread(target=amend_in_the_other_room)
    worker.start()
    assert held.wait(10)
    start = time.monotonic()
    amendment, photo = add_file_by_amendment(
        photos, signed.id, write(tmp_path / "b.jpg", phone_jpeg()), "Second, with a photo")
    waited = time.monotonic() - start
    worker.join(10)
    assert done.is_set() and waited > 0.3
    assert [a.reason for a in records.repo.amendments(signed.id)] == ["First",
                                                                       "Second, with a photo"]
    assert photo.amendment_id == amendment.id
    report = full_check(records)
    assert report.ok, report.problems


def test_fhirs_document_says_what_the_amendment_added(records, signed, photos, tmp_path):
    import base64

    import fhir_reader
    from imsmap.services.fhir import fhir_bundle

    amendment, _photo = add_file_by_amendment(
        photos, signed.id, write(tmp_path / "b.jpg", phone_jpeg()), "Rash the patient sent",
        "Rash")
    bundle = fhir_bundle(records, session_ids=[signed.id], document=True)
    fhir_reader.parse(bundle)
    [doc] = [e["resource"] for e in bundle["entry"]
             if e["resource"]["resourceType"] == "DocumentReference"
             and e["resource"].get("description") == "Rash the patient sent"]
    data = doc["content"][0]["attachment"]["data"]
    assert base64.b64decode(data).decode() == "Photo 2 added: Rash."


def test_a_photo_begun_before_another_rooms_amendment_is_refused_inside_its_write(
        open_records_as, records, signed, photos, tmp_path):
    """As any amendment (services.amending.check_unseen): ``seen``, the amendments the dialog
    was shown, read again with the session's row held; one added since refuses the photo,
    naming it, and nothing is written."""
    from imsmap.services.amending import AmendedMeanwhile

    seen = len(records.read.amendments(signed.id))  # the photo's dialog opens
    other = open_records_as("test.physio").records
    other.amend_session(signed.id, "Graded on the paper sheet", "Ben's words.")
    before = _counts(records)
    path = write(tmp_path / "b.jpg", phone_jpeg())
    with pytest.raises(AmendedMeanwhile) as refused:
        add_file_by_amendment(photos, signed.id, path, "Bruise next morning", seen=seen)
    assert "Graded on the paper sheet" in str(refused.value)
    assert "Add photo by amendment again" in str(refused.value)
    assert refused.value.amendments == 1
    assert _counts(records) == before  # no amendment, no photo, no audit entry
    amendment, photo = add_file_by_amendment(photos, signed.id, path, "Bruise next morning",
                                             seen=1)  # shown it: go on
    assert [a.reason for a in records.read.amendments(signed.id)] == [
        "Graded on the paper sheet", "Bruise next morning"]
    assert photo.amendment_id == amendment.id
    # Without `seen` (imsmap photo --amend, scripts), as before.
    add_file_by_amendment(photos, signed.id, write(tmp_path / "c.png", png_bytes(320, 240)),
                          "Scripted")
    assert len(records.read.amendments(signed.id)) == 3
