"""Photos on the clinic server (PostgreSQL migration 2, mirroring SQLite schema 6): moved with
the clinic, row for row and byte for byte, and locked by the server as the file locks them."""

from __future__ import annotations

import sys
from pathlib import Path

import psycopg
import pytest
from clinic_files import make_clinic, open_file

from imsmap.cli import main
from imsmap.services.photos import Photos
from imsmap.store.postgres.connection import connect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from photo_support import phone_jpeg, png_bytes, write  # noqa: E402


def test_photos_move_with_the_clinic_and_the_server_locks_them(tmp_path, clinic_dsn, capsys):
    path = make_clinic(tmp_path / "clinic.sqlite3")
    recs = open_file(path)
    try:
        photos = Photos(recs)
        patient = recs.create_patient(chart_number="P-1", family_name="Photo")
        signed = recs.start_session(patient.id)
        kept = photos.add_file(signed.id, write(tmp_path / "a.jpg",
                                                phone_jpeg(width=640, height=480)), "bruise")
        recs.sign_session(signed.id)
        draft = recs.start_session(patient.id)
        open_photo = photos.add_file(draft.id, write(tmp_path / "b.png", png_bytes()))
        data = photos.data(kept.id)
    finally:
        recs.db.close()

    assert main(["server", "migrate", "--db", str(path), "--dsn", clinic_dsn]) == 0
    capsys.readouterr()
    with connect(clinic_dsn) as conn:
        # (make_clinic's two: one taken before signing, one added after by amendment)
        assert conn.execute("SELECT count(*) FROM photos").fetchone()[0] == 4
        by_amendment, its_session, amendment = conn.execute(
            "SELECT id, session_id, amendment_id FROM photos WHERE amendment_id IS NOT NULL"
        ).fetchone()
        stored = conn.execute("SELECT data FROM photo_blobs WHERE photo_id = %s",
                              (kept.id,)).fetchone()[0]
        assert bytes(stored) == data
    refused = [
        ("UPDATE photos SET caption = 'x' WHERE id = %s", kept.id, "signed session is locked"),
        ("UPDATE photos SET sha256 = repeat('0', 64) WHERE id = %s", open_photo.id,
         "never changed"),
        ("UPDATE photo_blobs SET data = '\\x00' WHERE photo_id = %s", open_photo.id,
         "never changed"),
        ("DELETE FROM photos WHERE id = %s", open_photo.id, "never deleted"),
        ("DELETE FROM photo_blobs WHERE photo_id = %s", open_photo.id, "never deleted"),
    ]
    # A photo added by amendment is as final as its amendment; a signed session takes a photo
    # only with an amendment written in the same transaction (the same time and author).
    refused += [
        ("UPDATE photos SET caption = 'x' WHERE id = %s", by_amendment, "signed session is locked"),
        ("UPDATE photos SET amendment_id = NULL WHERE id = %s", by_amendment, "never changed"),
        ("INSERT INTO photos (session_id, seq, sha256, mime, width, height, bytes, created_at,"
         " created_by) SELECT %s, 9, repeat('1', 64), 'image/png', 1, 1, 1, 'x', 'y'",
         its_session, "signed session is locked"),
        ("INSERT INTO photos (session_id, seq, sha256, mime, width, height, bytes, created_at,"
         f" created_by, amendment_id) SELECT %s, 9, repeat('2', 64), 'image/png', 1, 1, 1,"
         f" 'another time', 'someone', {amendment}", its_session, "with its amendment"),
    ]
    for sql, row_id, words in refused:
        with connect(clinic_dsn) as conn:
            with pytest.raises(psycopg.errors.IntegrityError, match=words):
                conn.execute(sql, (row_id,))
    with connect(clinic_dsn) as conn:  # a draft's caption still changes
        conn.execute("UPDATE photos SET caption = 'posture' WHERE id = %s", (open_photo.id,))
