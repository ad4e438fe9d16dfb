"""The progress report tells its reader (a referring doctor, an insurer) which visits took photos
and what they show: a line under the sessions table, and at the end a row per photo (visit, date,
number, caption, chart site); small copies of the photos only where the clinic prints photos in
its PDFs (the clinic's setting, off by default). A withdrawn draft's photos are no visit's."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

import pypdf
import pytest

from imsmap.services import clinic, retractions
from imsmap.services.photos import Photos
from photo_support import phone_jpeg, png_bytes, write
from support import spot

GENERATED = datetime(2026, 11, 20, 12, 0).astimezone()
BRUISE = "Bruising 2 cm below the insertion, day 2"


@pytest.fixture
def visits(records, patient, tmp_path):
    """Three signed visits: photos at the first (two, one tied to a site) and the third (one);
    and a withdrawn draft with a photo."""
    photos = Photos(records)
    view_id, x, y, _m, _s = spot(records.atlas, 4)
    made = []
    for k in range(3):
        s = records.start_session(patient.id, started_at=datetime(2026, 9, 7 + 7 * k, 9, 0),
                                  practitioner="J. Physio", pain_before=6 - k, pain_after=4 - k)
        site = records.add_site(s.id, view_id, x, y, grasp=2)
        if k == 0:
            photos.add_file(s.id, write(tmp_path / "a.jpg", phone_jpeg()), BRUISE, site.id)
            photos.add_file(s.id, write(tmp_path / "b.png", png_bytes()), "")
        if k == 2:
            photos.add_file(s.id, write(tmp_path / "c.png", png_bytes(800, 600)), "Posture")
        records.sign_session(s.id)
        made.append((s, site))
    draft = records.start_session(patient.id, started_at=datetime(2026, 9, 30, 9, 0))
    records.add_site(draft.id, view_id, x, y, grasp=3)
    photos.add_file(draft.id, write(tmp_path / "d.jpg", phone_jpeg(orientation=1)),
                    "Wrong patient's shoulder")
    retractions.withdraw_draft(records, draft.id, "Opened on the wrong chart")
    return made


def _report(records, patient, tmp_path, name="progress.pdf", **kw):
    from imsmap.report.progress_pdf import write_progress_pdf

    path = write_progress_pdf(records, patient.id, tmp_path / name, generated=GENERATED, **kw)
    reader = pypdf.PdfReader(str(path))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))
    images = [x.get_object() for page in reader.pages
              for x in page["/Resources"].get("/XObject", {}).values()
              if x.get_object().get("/Subtype") == "/Image"]
    return text, images


def test_the_progress_report_lists_each_visits_photos_with_caption_and_site(
        qapp, records, patient, visits, tmp_path):
    (first, site), _second, (third, _s3) = visits
    text, _images = _report(records, patient, tmp_path)
    # under the sessions table, before the charts: which visits took photos
    assert "3 photos taken at 2 visits (1, 3): listed under Photos, at the end of this report." \
        in text
    tail = text[text.index("Photos 3 photos, at 2 visits"):]
    assert f"1 {first.started_at:%Y-%m-%d} 1 {BRUISE} site {site.seq}: " in tail
    assert f"1 {first.started_at:%Y-%m-%d} 2 — —" in tail
    assert f"3 {third.started_at:%Y-%m-%d} 1 Posture —" in tail
    assert "this clinic does not print them in its PDFs (clinic setting)" in tail
    # the withdrawn draft is no visit of the course, and its photo is in no list
    assert "Wrong patient's shoulder" not in text


def test_small_copies_only_where_the_clinic_prints_photos(qapp, records, patient, visits,
                                                          tmp_path):
    _text, charts_only = _report(records, patient, tmp_path, "off.pdf")
    clinic.save(records, replace(clinic.load(records), photos_in_pdf=True))
    text, images = _report(records, patient, tmp_path, "on.pdf")
    assert len(images) == len(charts_only) + 3  # the withdrawn draft's photo is not one
    small = [i for i in images if int(i["/Width"]) <= 256 and int(i["/Height"]) <= 256]
    assert len(small) >= 3  # the stored thumbnails, not the 2048 px photos
    for image in images:
        assert "/SMask" not in image  # PDF/A-1b: no transparency
    assert "Small copies. Each photo is printed whole in its visit's session record" in text
    assert "does not print them" not in text


def test_no_photos_no_section(qapp, records, patient, tmp_path):
    view_id, x, y, _m, _s = spot(records.atlas, 4)
    s = records.start_session(patient.id, started_at=datetime(2026, 9, 7, 9, 0))
    records.add_site(s.id, view_id, x, y, grasp=1)
    text, _images = _report(records, patient, tmp_path)
    assert "Photos" not in text and "photo" not in text


def test_the_french_report_lists_the_photos_in_french(qapp, records, patient, visits,
                                                      tmp_path):
    (first, site), _second, _third = visits
    text, _images = _report(records, patient, tmp_path, language="fr_CA")
    assert "3 photos lors de 2 visites (1, 3) : voir Photos" in text
    assert "Photos 3 photos, lors de 2 visites" in text
    assert "Visite Date Photo Légende Point du schéma" in text  # « Visite » was cut "Visit|e"
    # (the text's white space squashed: the no-break space before the colon reads as a space)
    assert f"1 {first.started_at:%Y-%m-%d} 1 {BRUISE} point {site.seq} : " in text
    assert "ne les imprime pas dans ses PDF" in text
