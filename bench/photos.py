"""Photo benchmark (issue 18 item 6): what a photo costs in the database and in its backups, and
that a database holding thousands of photos opens a history and searches as fast as without.

    python bench/photos.py [--quick] [--photos N] [--json OUT] [--workdir DIR]

Its own JSON (bench/run.py is another helper's; this is a separate benchmark):
- ``photo_ingest_ms``: a 12-megapixel phone JPEG (4032 x 3024, EXIF with GPS and orientation)
  made fit for the record (services.photo_files: decode, turn upright, strip, sRGB, 2048 px,
  re-encode, thumbnail), median and p95;
- ``bytes_per_photo``: the stored bytes (photo + thumbnail) per photo, and the growth of the
  database file per photo (rows, audit entry, pages);
- ``backup_bytes_per_photo``: the growth of a full compressed backup (store.backup_sets, gzip)
  per photo: JPEG does not compress, so a photo costs its own size in every full backup kept;
- ``history_open_ms`` / ``patient_search_ms_p95``: the store part of opening the heaviest
  patient's history (sessions, then all their sites) and search-as-you-type, on the benchmark
  clinic (bench/datagen.py QUICK) without photos and then with N photos (10,000 by default).

The test pictures are camera-like: sensor noise over gradients and shapes (a flat synthetic
picture would compress to a fraction of a real photo's size). The N photos are K distinct
pictures, each processed once by the real pipeline, attached through the store as the photo use
case does (a row, its bytes, its audit entry), 5 to a draft session: repetition changes neither
their size nor where SQLite keeps them.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import datagen  # noqa: E402
from common import median, ms, p95  # noqa: E402
from measure_store import typing_queries  # noqa: E402

PER_SESSION = 5
DISTINCT = 12


def camera_jpeg(seed: int) -> bytes:
    """A 12 MP JPEG as a phone writes it (quality 92, EXIF with GPS, turned by orientation 6),
    with a photo's noise and detail."""
    from PIL import ExifTags, Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    w, h = 4032, 3024
    base = Image.linear_gradient("L").resize((w, h)).convert("RGB")
    tint = Image.new("RGB", (w, h), (rng.randint(150, 230), rng.randint(110, 190),
                                     rng.randint(90, 170)))
    img = Image.blend(base, tint, 0.7)
    draw = ImageDraw.Draw(img)
    for _ in range(40):
        x, y = rng.randint(0, w), rng.randint(0, h)
        r = rng.randint(40, 600)
        draw.ellipse((x - r, y - r, x + r, y + r),
                     fill=(rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)))
    img = img.filter(ImageFilter.GaussianBlur(6))
    noise = Image.effect_noise((w, h), 28).convert("RGB")
    img = Image.blend(img, noise, 0.12)
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "BenchPhone"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (49.0, 15.0, float(seed))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=92, exif=exif)
    return out.getvalue()


def full_backup_bytes(db, folder: Path) -> int:
    """The size of a full compressed backup of `db` made into `folder` (emptied first)."""
    from imsmap.store import backup_sets
    from imsmap.store.backup import BACKUP_DIR_SETTING
    from imsmap.store.repository import Repository

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with db.transaction():
        Repository(db).set_setting(BACKUP_DIR_SETTING, str(folder))
    made = backup_sets.make_full(db)
    return made.full.stat().st_size


def store_timings(records, heavy_id: int, queries: list[str], reps: int) -> dict:
    repo = records.repo
    history = []
    for _ in range(reps + 1):
        t0 = time.perf_counter()
        sessions = repo.sessions_for_patient(heavy_id)
        repo.sites_for_sessions([s.id for s in sessions])
        history.append(time.perf_counter() - t0)
    for q in queries[:20]:
        repo.search_patients(q)
    search = []
    for q in queries:
        t0 = time.perf_counter()
        repo.search_patients(q)
        search.append(time.perf_counter() - t0)
    return {"history_open_ms": round(ms(median(history[1:])), 2),
            "patient_search_ms_p95": round(ms(p95(search)), 2),
            "sessions": len(sessions)}


def run(n_photos: int, workdir: Path, log=print) -> dict:
    from imsmap.services.changes import Action, Entity
    from imsmap.services.context import build_context
    from imsmap.services.photo_files import prepare_photo
    from imsmap.services.photos import PhotoFacts
    from imsmap.store.db import Database

    source, meta = datagen.ensure_database(workdir, datagen.QUICK, log=log)
    db_path = workdir / "photos-bench.sqlite3"
    for p in workdir.glob("photos-bench.sqlite3*"):
        p.unlink()
    shutil.copyfile(source, db_path)
    context = build_context(Database.open(db_path), actor="bench.physio")
    records, db = context.records, context.db
    heavy = int(meta.get("heavy_patient_id", 1))
    queries = typing_queries(records, 30)
    out: dict = {"photos": n_photos, "clinic": meta.get("counts", {})}

    # -- the pipeline on camera files --------------------------------------------------------
    log(f"processing {DISTINCT} 12 MP camera JPEGs...")
    raws = [camera_jpeg(i) for i in range(DISTINCT)]
    ingest, stored = [], []
    for raw in raws:
        t0 = time.perf_counter()
        photo = prepare_photo(raw, "bench.jpg")
        ingest.append(time.perf_counter() - t0)
        stored.append(photo)
    out["photo_ingest_ms"] = {"median": round(ms(median(ingest)), 1),
                              "p95": round(ms(p95(ingest)), 1),
                              "source_megapixels": 12.2,
                              "source_bytes_mean": round(sum(map(len, raws)) / len(raws))}
    data_mean = sum(len(p.data) for p in stored) / len(stored)
    thumb_mean = sum(len(p.thumbnail) for p in stored) / len(stored)

    # -- before ------------------------------------------------------------------------------
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size_before = db_path.stat().st_size
    before = store_timings(records, heavy, queries, 15)
    backup_dir = workdir / "photos-bench-backups"
    backup_before = full_backup_bytes(db, backup_dir)

    # -- N photos, 5 to a draft session, as the photo use case writes them ---------------------
    log(f"attaching {n_photos:,} photos...")
    patients = [r[0] for r in db.conn.execute("SELECT id FROM patients ORDER BY id")]
    t_attach = time.perf_counter()
    n = 0
    while n < n_photos:
        patient_id = patients[(n // PER_SESSION) % len(patients)]
        session = records.start_session(patient_id, practitioner="Bench, PT")
        with records.write() as work:
            for k in range(min(PER_SESSION, n_photos - n)):
                photo = stored[(n + k) % DISTINCT]
                photo_id = records.photo_store.insert(
                    session.id, sha256=photo.sha256, mime=photo.mime, width=photo.width,
                    height=photo.height, data=photo.data, thumbnail=photo.thumbnail,
                    caption=f"bench photo {n + k}", site_id=None, at=work.at,
                    actor=work.actor)
                facts = PhotoFacts(photo.sha256, photo.mime, photo.width, photo.height,
                                   len(photo.data))
                work.audit(Action.CREATE, Entity.PHOTO, photo_id, session.id,
                           facts.changes(f"bench photo {n + k}", None))
        n += PER_SESSION
    attach_s = time.perf_counter() - t_attach
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size_after = db_path.stat().st_size
    after = store_timings(records, heavy, queries, 15)
    t0 = time.perf_counter()
    record = records.session_record(session.id)  # a session with photos: rows, not bytes
    record_ms = ms(time.perf_counter() - t0)
    log("full backup with the photos...")
    t0 = time.perf_counter()
    backup_after = full_backup_bytes(db, backup_dir)
    backup_s = time.perf_counter() - t0
    shutil.rmtree(backup_dir, ignore_errors=True)
    out["bytes_per_photo"] = {
        "stored_photo_mean": round(data_mean), "thumbnail_mean": round(thumb_mean),
        "database_growth_per_photo": round((size_after - size_before) / n_photos),
        "database_bytes_before": size_before, "database_bytes_after": size_after}
    out["backup_bytes_per_photo"] = {
        "full_backup_growth_per_photo": round((backup_after - backup_before) / n_photos),
        "full_backup_bytes_before": backup_before, "full_backup_bytes_after": backup_after,
        "full_backup_s_with_photos": round(backup_s, 1),
        "note": "gzip (level 1) of the whole file; each full backup kept (3 by default) "
                "holds every photo again"}
    out["store_without_photos"] = before
    out["store_with_photos"] = after
    out["session_record_with_photos_ms"] = round(record_ms, 2)
    out["session_record_photos"] = len(record.photos)
    out["attach_s"] = round(attach_s, 1)
    context.close()
    for p in workdir.glob("photos-bench.sqlite3*"):
        p.unlink()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="1,000 photos instead of 10,000")
    ap.add_argument("--photos", type=int, default=None, help="how many photos to attach")
    ap.add_argument("--json", metavar="OUT", help="write the figures here too")
    ap.add_argument("--workdir", metavar="DIR",
                    default=str(Path(tempfile.gettempdir()) / "imsmap-bench-photos"))
    args = ap.parse_args(argv)
    os.environ.setdefault("IMSMAP_DATA_DIR", str(Path(args.workdir) / "data"))
    n = args.photos or (1_000 if args.quick else 10_000)
    result = run(n, Path(args.workdir), log=lambda m: print(m, file=sys.stderr, flush=True))
    text = json.dumps(result, indent=1)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
