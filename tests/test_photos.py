"""Clinical photos (issue 18 items 4-5): stored upright and without metadata, their sha256 in
the audit trail, locked with a signed session by the file itself, checked by `imsmap check`."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import struct
import zlib

import pytest
from PIL import Image

from imsmap.cli import main
from imsmap.domain.errors import ReadOnlyError, ValidationError
from imsmap.services.checks import full_check
from imsmap.services.photo_files import MAX_FILE_BYTES, MAX_SIDE, THUMB_SIDE
from imsmap.services.photos import Photos
from photo_support import GPS_LATITUDE, SERIAL, metadata_left, phone_jpeg, png_bytes, write
from support import outside_edit, spot

pytestmark = pytest.mark.both_backends


@pytest.fixture
def photos(records):
    return Photos(records)


def _rows(records, table="photos") -> int:
    return records.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _audit_count(records) -> int:
    return records.db.conn.execute("SELECT count(*) FROM audit").fetchone()[0]


# -- a phone's photo -------------------------------------------------------------------------
def test_a_phone_photo_is_stored_upright_and_without_gps_serial_or_any_metadata(
        records, session, photos, tmp_path):
    raw = phone_jpeg(orientation=6)  # stored turned: shown rotated 90 degrees clockwise
    source = Image.open(io.BytesIO(raw))
    assert source.getexif().get_ifd(0x8825)[2] == GPS_LATITUDE  # the test file has its GPS
    path = write(tmp_path / "IMG_0042.jpg", raw)

    photo = photos.add_file(session.id, path, caption="Bruise after needling")

    data = photos.data(photo.id)
    assert metadata_left(data) == {}  # no EXIF (GPS, serial, maker note), XMP, ICC, comment
    for secret in (SERIAL.encode(), b"ExamplePhone", b"MAKERNOTE", b"GPS", b"xmpmeta",
                   b"taken at the clinic"):
        assert secret not in data
    stored = Image.open(io.BytesIO(data))
    assert stored.format == "JPEG" and photo.mime == "image/jpeg"
    # 3000 x 2000 turned upright is 2000 x 3000, capped at 2048 on the long side
    assert (photo.width, photo.height) == stored.size == (1365, MAX_SIDE)
    # the blue band along the picture's top-left edge is now down its right edge, at the top
    r, g, b = stored.convert("RGB").getpixel((stored.width - 8, 40))
    assert b > 180 and r < 80
    r, g, b = stored.convert("RGB").getpixel((8, 40))
    assert r > 160 and b < 80
    assert photo.sha256 == hashlib.sha256(data).hexdigest() and photo.bytes == len(data)
    thumb = Image.open(io.BytesIO(photos.thumbnail(photo.id)))
    assert max(thumb.size) == THUMB_SIDE and metadata_left(photos.thumbnail(photo.id)) == {}
    assert photo.caption == "Bruise after needling" and photo.seq == 1

    entry = records.audit_entries(session.id)[-1]
    assert (entry.action, entry.entity, entry.entity_id) == ("create", "photo", photo.id)
    assert entry.changes["sha256"] == [None, photo.sha256]


def test_a_png_stays_lossless_flattened_on_white_without_its_text_chunks(
        session, photos, tmp_path):
    photo = photos.add_file(session.id, write(tmp_path / "posture.png", png_bytes(alpha=True)))
    data = photos.data(photo.id)
    stored = Image.open(io.BytesIO(data))
    assert (stored.format, stored.mode, photo.mime) == ("PNG", "RGB", "image/png")
    assert metadata_left(data) == {} and b"Device owner" not in data
    r, g, b = stored.getpixel((5, 5))  # half-transparent green over white
    assert g > 190 and r > 120 and b > 120


# -- captions, sites, removal ----------------------------------------------------------------
def test_caption_and_site_are_audited_and_a_site_of_another_session_is_refused(
        records, session, patient, photos, tmp_path):
    view_id, x, y, _m, _s = spot(records.atlas, 3)
    site = records.add_site(session.id, view_id, x, y)
    photo = photos.add_file(session.id, write(tmp_path / "a.png", png_bytes()))
    photo = photos.set_caption(photo.id, "Skin reaction, left L5")
    photo = photos.set_site(photo.id, site.id)
    assert (photo.caption, photo.site_id) == ("Skin reaction, left L5", site.id)
    changes = [e.changes for e in records.audit_entries(session.id) if e.entity == "photo"]
    assert changes[-2] == {"caption": ["", "Skin reaction, left L5"]}
    assert changes[-1] == {"site_id": [None, site.id]}

    other = records.start_session(patient.id)
    elsewhere = records.add_site(other.id, view_id, x, y)
    before = _audit_count(records)
    with pytest.raises(ValidationError, match="only to a site of its own session"):
        photos.set_site(photo.id, elsewhere.id)
    with pytest.raises(ValidationError, match="caption"):
        photos.set_caption(photo.id, "line one\nline two")
    assert photos.photo(photo.id).site_id == site.id and _audit_count(records) == before


def test_the_same_photo_twice_in_a_session_is_refused(records, session, photos, tmp_path):
    path = write(tmp_path / "a.jpg", phone_jpeg(width=800, height=600))
    photos.add_file(session.id, path)
    before = _audit_count(records)
    with pytest.raises(ValidationError, match=r"attached to this session already \(photo 1\)"):
        photos.add_file(session.id, path)
    assert _rows(records) == 1 and _audit_count(records) == before


def test_removal_needs_confirmation_and_keeps_the_bytes(records, session, photos, tmp_path):
    photo = photos.add_file(session.id, write(tmp_path / "a.png", png_bytes()))
    with pytest.raises(ValidationError, match="when you confirm"):
        photos.remove(photo.id, confirmed=False)
    assert photos.for_session(session.id) == [photo]
    photos.remove(photo.id, confirmed=True)
    assert photos.for_session(session.id) == []
    assert _rows(records) == 1 and _rows(records, "photo_blobs") == 1  # marked, not deleted
    assert records.audit_entries(session.id)[-1].action == "remove"


# -- locked with a signed session --------------------------------------------------------------
@pytest.mark.sqlite_only("writes the SQLite file around the app (the server: test_server_photos)")
def test_a_signed_sessions_photos_are_locked_by_the_service_and_by_the_file(
        records, session, photos, tmp_path, db_path):
    photo = photos.add_file(session.id, write(tmp_path / "a.jpg", phone_jpeg()), "before")
    records.sign_session(session.id)
    before = (_rows(records), _audit_count(records))
    for attempt in (lambda: photos.add_file(session.id, write(tmp_path / "b.png", png_bytes())),
                    lambda: photos.set_caption(photo.id, "after"),
                    lambda: photos.remove(photo.id, confirmed=True)):
        with pytest.raises(ReadOnlyError, match="signed"):
            attempt()
    assert (_rows(records), _audit_count(records)) == before

    conn = sqlite3.connect(db_path)
    try:
        for sql in ("UPDATE photos SET caption = 'x' WHERE id = 1",
                    "DELETE FROM photos WHERE id = 1",
                    "UPDATE photo_blobs SET data = x'00' WHERE photo_id = 1",
                    "DELETE FROM photo_blobs WHERE photo_id = 1",
                    f"INSERT INTO photos (session_id, seq, sha256, mime, width, height, bytes,"
                    f" created_at, created_by) VALUES ({session.id}, 2, '{'0' * 64}',"
                    " 'image/png', 1, 1, 1, '2026-11-20T10:00:00', 'x')"):
            with pytest.raises(sqlite3.DatabaseError, match="locked|never"):
                conn.execute(sql)
    finally:
        conn.close()


@pytest.mark.sqlite_only("writes the SQLite file around the app (the server: test_server_photos)")
def test_a_photos_bytes_are_never_changed_or_deleted_even_on_a_draft(
        session, photos, tmp_path, db_path):
    photos.add_file(session.id, write(tmp_path / "a.png", png_bytes()))
    conn = sqlite3.connect(db_path)
    try:
        for sql in ("UPDATE photos SET sha256 = lower(hex(randomblob(32))) WHERE id = 1",
                    "UPDATE photo_blobs SET data = x'00' WHERE photo_id = 1",
                    "DELETE FROM photo_blobs WHERE photo_id = 1",
                    "DELETE FROM photos WHERE id = 1"):
            with pytest.raises(sqlite3.DatabaseError, match="never"):
                conn.execute(sql)
    finally:
        conn.close()


@pytest.mark.sqlite_only("edits the file's photo bytes around the app")
def test_the_signature_covers_the_photos_and_check_compares_their_bytes_with_the_trail(
        records, session, photos, tmp_path, db_path):
    view_id, x, y, _m, _s = spot(records.atlas, 1)
    site = records.add_site(session.id, view_id, x, y)
    photo = photos.add_file(session.id, write(tmp_path / "a.jpg", phone_jpeg()), "L5 area",
                            site.id)
    from imsmap.services.records import content_hash

    with_photo = content_hash(records.session_record(session.id))
    record = records.session_record(session.id)
    assert content_hash(type(record)(record.session, record.patient, record.sites)) != with_photo
    records.sign_session(session.id)
    report = full_check(records)
    assert report.ok, report.text()
    assert "1 photo" in report.text()

    outside_edit(db_path, "UPDATE photo_blobs SET data = CAST(data || x'00' AS BLOB) WHERE photo_id = "
                          f"{photo.id}")
    problems = full_check(records).problems
    assert any("Photos unchanged" in p and "changed outside imsmap" in p for p in problems)

    outside_edit(db_path, f"UPDATE photos SET caption = 'other' WHERE id = {photo.id}")
    problems = full_check(records).problems
    assert any("Signed sessions unchanged" in p for p in problems)


@pytest.mark.sqlite_only('writes the SQLite file around the app')
def test_a_photo_row_written_around_the_app_is_named_by_check(records, session, db_path):
    data = png_bytes()
    sha = hashlib.sha256(data).hexdigest()
    outside_edit(db_path,
                 "INSERT INTO photos (id, session_id, seq, sha256, mime, width, height, bytes,"
                 f" created_at, created_by) VALUES (7, {session.id}, 1, '{sha}', 'image/png',"
                 f" 640, 480, {len(data)}, '2026-11-20T10:00:00', 'x')",
                 f"INSERT INTO photo_blobs VALUES (7, x'00', x'{data.hex()}')")
    problems = full_check(records).problems
    assert any("photo 7" in p and "no entry recording its sha256" in p for p in problems)
    assert any("photos row 7 has no audit entry" in p for p in problems)


# -- bad input: one sentence each, nothing stored ---------------------------------------------
def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares width x height (and carries almost no data): a decompression bomb
    as far as its header goes."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


BAD_FILES = {
    "truncated": (lambda: phone_jpeg()[:20_000], "incomplete"),
    "bomb warning": (lambda: _png_header_only(10_000, 10_000), "larger than imsmap opens"),
    "bomb error": (lambda: _png_header_only(20_000, 20_000), "larger than imsmap opens"),
    "not an image": (lambda: b"%PDF-1.4\nthis is a letter, not a photo\n" * 40,
                     "not a photo imsmap can read"),
    # A copy or download that never finished: said as such, not as "not a photo".
    "empty": (lambda: b"", "is empty (0 bytes): its copy or download did not finish"),
    "postscript": (lambda: b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n",
                   "not a photo imsmap can read"),
    # An iPhone's photo (HEIC, its usual format), renamed .jpg as sharing often does: the
    # sentence names the format and how to get a JPEG, which is what the clinician can do.
    "heic": (lambda: b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200,
             "is a HEIC photo (an iPhone's usual format), which imsmap does not read; share it "
             "as JPEG (iPhone: Settings > Camera > Formats > Most Compatible)."),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_files_are_refused_with_one_sentence_and_nothing_stored(
        records, session, photos, tmp_path, case):
    make, words = BAD_FILES[case]
    path = write(tmp_path / "photo.jpg", make())
    before = (_rows(records), _rows(records, "photo_blobs"), _audit_count(records))
    with pytest.raises(ValidationError) as err:
        photos.add_file(session.id, path)
    message = err.value.message
    assert words in message and message.startswith("photo.jpg")
    assert message.count(". ") <= 1 and "\n" not in message and "Traceback" not in message
    assert (_rows(records), _rows(records, "photo_blobs"), _audit_count(records)) == before


def test_a_200_mb_file_is_refused_from_its_size_before_it_is_read(
        records, session, photos, tmp_path, monkeypatch):
    path = tmp_path / "huge.jpg"
    with path.open("wb") as f:  # sparse: 200 MB without writing them
        f.truncate(200 * 1024 * 1024)
    opened = []
    real_open = type(path).open
    monkeypatch.setattr(type(path), "open",
                        lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k))
    with pytest.raises(ValidationError, match=r"^huge.jpg is 200 MB; a photo may be at most "
                                              rf"{MAX_FILE_BYTES // 1_048_576} MB"):
        photos.add_file(session.id, path)
    assert opened == [] and _rows(records) == 0


def test_a_missing_file_or_a_folder_is_one_sentence(session, photos, tmp_path):
    with pytest.raises(ValidationError, match="There is no file"):
        photos.add_file(session.id, tmp_path / "nowhere.jpg")
    with pytest.raises(ValidationError, match="is not a file"):
        photos.add_file(session.id, tmp_path)


# -- imsmap photo add ------------------------------------------------------------------------
@pytest.mark.sqlite_only('the command is given the file (--db)')
def test_cli_photo_add_stores_the_photo_and_refuses_a_bad_file(
        records, session, tmp_path, db_path, capsys):
    good = write(tmp_path / "IMG_1.jpg", phone_jpeg())
    assert main(["photo", "add", "--db", str(db_path), "--session", str(session.id),
                 str(good), "--caption", "Posture, standing"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Photo 1 added to session {session.id}: 1365x2048 JPEG")
    assert Photos(records).for_session(session.id)[0].caption == "Posture, standing"

    bad = write(tmp_path / "notes.jpg", b"just some text\n")
    assert main(["photo", "add", "--db", str(db_path), "--session", str(session.id),
                 str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "notes.jpg is not a photo imsmap can read" in err
    assert len(Photos(records).for_session(session.id)) == 1
    audit = json.dumps([e.changes for e in records.audit_entries(session.id)])
    assert SERIAL not in audit


@pytest.mark.sqlite_only('the command is given the file (--db)')
def test_cli_photo_add_numbers_the_photo_as_the_record_does(
        records, session, tmp_path, db_path, capsys):
    """The number the command prints is the photo's number in its session, the one the window,
    the PDF ("Photo 1: caption") and the FHIR Media title give it, not a database row id: a
    first photo of a second session printed 'Photo 2' while its PDF said 'Photo 1'."""
    other = records.start_session(session.patient_id, complaint="Another visit")
    photos = Photos(records)
    photos.add_file(other.id, write(tmp_path / "a.jpg", phone_jpeg()))  # row 1, another session
    good = write(tmp_path / "IMG_1.jpg", phone_jpeg())
    assert main(["photo", "add", "--db", str(db_path), "--session", str(session.id),
                 str(good)]) == 0
    [photo] = photos.for_session(session.id)
    assert photo.id == 2 and photo.seq == 1
    assert capsys.readouterr().out.startswith(f"Photo 1 added to session {session.id}: ")


@pytest.mark.sqlite_only('the command is given the file (--db)')
def test_cli_photo_add_site_is_the_number_the_record_shows(
        records, session, tmp_path, db_path, capsys):
    """--site N is the site's number as the window, the site table and the PDF ("site 2:
    Multifidus") show it. It was a database row id, which nothing but the JSON export shows: the
    PDF's "site 2" was refused or, where row ids and numbers overlap, another site was tied."""
    view_id, x, y, muscle, side = spot(records.atlas)
    other = records.start_session(session.patient_id, complaint="Another visit")
    records.add_site(other.id, view_id, x, y, muscle_id=muscle, side=side)  # rows 1-2 elsewhere
    records.add_site(other.id, view_id, x, y, muscle_id=muscle, side=side)
    first = records.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side)
    second = records.add_site(session.id, view_id, x, y, muscle_id=muscle, side=side)
    assert (first.seq, second.seq) == (1, 2) and second.id == 4
    good = write(tmp_path / "IMG_1.jpg", phone_jpeg())
    assert main(["photo", "add", "--db", str(db_path), "--session", str(session.id),
                 "--site", "2", str(good)]) == 0
    [photo] = Photos(records).for_session(session.id)
    assert photo.site_id == second.id
    assert main(["photo", "add", "--db", str(db_path), "--session", str(session.id),
                 "--site", "3", str(write(tmp_path / "b.png", png_bytes()))]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"Session {session.id} has no site 3" in err
    assert len(Photos(records).for_session(session.id)) == 1


# -- backups: a full backup and its journal give the photos back ---------------------------
@pytest.mark.sqlite_only("the backup journal is the single-PC file's")
def test_photos_added_after_a_full_backup_come_back_from_its_journal(
        records, session, photos, tmp_path, db_path):
    from imsmap.services.checks import check_restorable
    from imsmap.store import backup_sets as sets
    from imsmap.store import journal
    from imsmap.store import restore as rs

    first = photos.add_file(session.id, write(tmp_path / "a.png", png_bytes()), "before")
    made = sets.make_full(records.db)
    photos.set_caption(first.id, "before treatment")  # a change to a photo in the full backup
    photos.add_file(session.id, write(tmp_path / "b.jpg", phone_jpeg(width=900, height=600)),
                    "after")
    records.sign_session(session.id)
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
    assert len(back["photo_blobs"]) == 2 and back["photos"] == now["photos"]
    assert back == now


def test_a_12_megapixel_phone_photo_is_decoded_small_and_kept_near_2048_px(
        session, photos, tmp_path):
    photo = photos.add_file(session.id, write(tmp_path / "big.jpg",
                                              phone_jpeg(orientation=1, width=4032, height=3024)))
    assert 2000 <= max(photo.width, photo.height) <= MAX_SIDE  # JPEG's 1/2 scale: 2016 px
    assert photo.width > photo.height


def test_the_window_and_its_start_up_check_start_without_pillow():
    # Pillow (10-40 ms to import) makes a photo fit for the record when one is added; the
    # window, the start-up structure check (which compares stored photos with their audit
    # entries) and the command line start without it. A fresh interpreter, so no other test's
    # import hides it.
    import subprocess
    import sys

    code = ("import sys\n"
            "import imsmap.cli, imsmap.ui.app, imsmap.ui.main_window, imsmap.services.checks\n"
            "print('PIL' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False"]
