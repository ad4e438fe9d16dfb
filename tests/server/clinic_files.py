"""Single-PC clinic files to move onto the server: every kind of record the file can hold."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from imsmap.services.context import open_context
from imsmap.services.export import export_document
from imsmap.services.importer import import_document
from imsmap.services.photo_amending import add_file_by_amendment
from imsmap.services.photos import Photos
from imsmap.services.records import Records
from photo_support import png_bytes, write
from support import spot
from test_migration_v4 import _v3_database

# Every character JSON escapes, and some it does not: the server must hash them as Python does.
AWKWARD = 'quote " backslash \\ newline \n tab \t é ☃ 😀 \u2028 </x> «»'


def open_file(path: Path, actor: str = "a.physio") -> Records:
    return open_context(path, actor=actor).records


def make_clinic(path: Path, *, extra_sites: int = 0, corrections: bool = True,
                photos: bool = True, photo_by_amendment: bool = True) -> Path:
    """A file begun at schema 3 (older audit entries: ISO times, full links), upgraded and used
    since: patients, signed and draft sessions, sites (one removed), findings, an adverse event,
    amendments (one correcting a site's grade, unless ``corrections`` is False: a clinic of the
    schema before them), settings, a protocol-free clinic's terms, a visit imported from
    another file (its audit trail kept) and, unless ``photos`` is False, a photo of the signed
    session taken before signing and, unless ``photo_by_amendment`` is False, one added after,
    by amendment (SQLite schema 10)."""
    _v3_database(path)
    other = path.with_name(path.stem + "-other.sqlite3")
    with_visit = open_file(other, actor="locum.physio")
    try:
        p = with_visit.create_patient(chart_number="X-9", family_name="Imported")
        s = with_visit.start_session(p.id, started_at=datetime(2026, 1, 5, 9, 0))
        view, x, y, muscle, side = spot(with_visit.atlas, 3)
        with_visit.add_site(s.id, view, x, y, muscle_id=muscle, side=side)
        with_visit.sign_session(s.id)
        doc = export_document(with_visit)
    finally:
        with_visit.db.close()
    recs = open_file(path)
    try:
        patient = recs.create_patient(chart_number="B-2", family_name="Dubois",
                                      given_name="Léa", notes=AWKWARD)
        signed = recs.start_session(patient.id, started_at=datetime(2026, 2, 1, 10, 0),
                                    complaint="Neck, C6 " + AWKWARD)
        for i in range(6 + extra_sites):
            view, x, y, muscle, side = spot(recs.atlas, i % 40)
            site = recs.add_site(signed.id, view, x, y, muscle_id=muscle, side=side)
        first = recs.repo.sites_for_session(signed.id)[0]
        recs.remove_site(site.id)
        recs.add_finding(signed.id, "shortening", "C6", "L", "firm")
        recs.add_adverse_event(signed.id, "bruising", "mild", "ice")
        if photos:
            Photos(recs).add_file(signed.id, write(path.with_name("posture.png"), png_bytes()),
                                  "Posture «Gunn» é ☃ 😀", first.id)
        recs.sign_session(signed.id)
        recs.amend_session(signed.id, "typo", "C7, not C6. " + AWKWARD,
                           [(first.id, "grasp", 2)] if corrections else [])
        if photos and photo_by_amendment:
            add_file_by_amendment(Photos(recs), signed.id,
                                  write(path.with_name("bruise.png"), png_bytes(320, 200)),
                                  "Bruise the next morning " + AWKWARD, "Bruise", first.id)
        draft = recs.start_session(patient.id, started_at=datetime(2026, 2, 8, 10, 0))
        view, x, y, muscle, side = spot(recs.atlas, 7)
        recs.add_site(draft.id, view, x, y, muscle_id=muscle, side=side)
        with recs.write() as work:
            work.store.set_setting("clinic.name", '"Clinique «Gunn»"')
        import_document(recs, doc)
    finally:
        recs.db.close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
