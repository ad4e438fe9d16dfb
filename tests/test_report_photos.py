"""The session PDF's Photos section (issue 18 item 4): listed always, printed when the clinic
says so (off by default), opaque for PDF/A-1b, embedded at print resolution."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from imsmap.services import clinic
from imsmap.services.photos import Photos
from photo_support import phone_jpeg, png_bytes, write
from support import spot

GENERATED = datetime(2026, 11, 20, 12, 0).astimezone()


@pytest.fixture
def with_photos(records, session, tmp_path):
    view_id, x, y, _m, _s = spot(records.atlas, 4)
    site = records.add_site(session.id, view_id, x, y)
    photos = Photos(records)
    made = [photos.add_file(session.id, write(tmp_path / "a.jpg", phone_jpeg()),
                            "Bruising 2 cm below the insertion, day 2", site.id),
            photos.add_file(session.id, write(tmp_path / "b.png", png_bytes()), "Posture"),
            photos.add_file(session.id, write(tmp_path / "c.jpg", phone_jpeg(orientation=1)))]
    return made, site


def _pdf(records, session, tmp_path, name="out.pdf"):
    from imsmap.report.session_pdf import write_session_pdf

    path = write_session_pdf(records, session.id, tmp_path / name, generated=GENERATED)
    reader = pypdf.PdfReader(str(path))
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    images = [x.get_object() for page in reader.pages
              for x in page["/Resources"].get("/XObject", {}).values()
              if x.get_object().get("/Subtype") == "/Image"]
    return path, " ".join(text.split()), images


def test_by_default_the_pdf_lists_the_photos_without_printing_them(
        qapp, records, session, with_photos, tmp_path):
    photos, site = with_photos
    assert clinic.load(records).photos_in_pdf is False
    _path, text, images = _pdf(records, session, tmp_path)
    assert "Photos 3 photos" in text
    for p in photos:
        assert p.sha256[:16] in text
    assert "Bruising 2 cm below the insertion, day 2" in text and f"site {site.seq}:" in text
    assert "does not print them in session PDFs" in text
    assert images == []


def test_with_the_setting_on_the_photos_are_printed_opaque_at_print_resolution(
        qapp, records, session, with_photos, tmp_path):
    photos, _site = with_photos
    clinic.save(records, replace(clinic.load(records), photos_in_pdf=True))
    assert clinic.load(records).photos_in_pdf is True
    path, text, images = _pdf(records, session, tmp_path)
    assert "Photo 1: Bruising 2 cm below the insertion, day 2" in text
    assert "does not print them" not in text
    assert len(images) == 3
    for image in images:
        assert "/SMask" not in image  # PDF/A-1b: no transparency
        assert int(image["/Width"]) <= 700  # 200 dpi for about 85 mm, not 2048 px
    assert b"/SMask" not in path.read_bytes().replace(b"/SMask /None", b"")
    assert path.stat().st_size < 2_000_000



def test_a_french_pdfs_printed_photo_titles_write_the_colon_as_french_does(
        qapp, records, session, with_photos, tmp_path):
    """The printed photo's title in a French PDF: « Photo 1 : légende », with the non-breaking
    space before the colon as the rest of the French record writes it (it was "Photo 1:",
    the English colon added outside the catalogue)."""
    from imsmap.report.session_pdf import write_session_pdf

    clinic.save(records, replace(clinic.load(records), photos_in_pdf=True))
    path = write_session_pdf(records, session.id, tmp_path / "fr.pdf", generated=GENERATED,
                             language="fr_CA")
    text = " ".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)
    words = " ".join(text.split())  # (the no-break space splits like a space)
    assert "Photo 1 : Bruising 2 cm below the insertion, day 2" in words
    assert "Photo 1:" not in words and "Photo 2 : Posture" in words

def test_no_photos_no_section(qapp, records, session, tmp_path):
    _path, text, _images = _pdf(records, session, tmp_path)
    assert "Photos" not in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_the_printed_photo_is_upright_on_the_page(qapp, records, session, tmp_path):
    view_id, x, y, _m, _s = spot(records.atlas, 4)
    records.add_site(session.id, view_id, x, y)  # tables (filled header rows) paint first
    Photos(records).add_file(session.id, write(tmp_path / "a.jpg", phone_jpeg()), "upright")
    clinic.save(records, replace(clinic.load(records), photos_in_pdf=True))
    path, _text, _images = _pdf(records, session, tmp_path)
    out = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(out)], check=True)
    reds, blues = [], []
    for png in sorted(tmp_path.glob("page-*.png")):  # the page that holds the photo
        page = Image.open(png).convert("RGB")
        pixels = [(x, y, page.getpixel((x, y))) for y in range(page.height)
                  for x in range(page.width)]
        reds = [(x, y) for x, y, (r, _g, b) in pixels if r > 170 and b < 80]
        blues = [(x, y) for x, y, (r, _g, b) in pixels if b > 170 and r < 80]
        if len(reds) > 100:
            break
    assert reds and blues
    left, right = min(x for x, _ in reds), max(x for x, _ in reds)
    top, bottom = min(y for _, y in reds), max(y for _, y in reds)
    assert bottom - top > right - left  # portrait: turned upright
    bx = sum(x for x, _ in blues) / len(blues)
    by = sum(y for _, y in blues) / len(blues)
    assert bx > (left + right) / 2 and by < (top + bottom) / 2  # the band: top right


def test_a_small_photo_is_not_blown_up_to_the_frame(qapp, records, session, tmp_path):
    """A 60 x 40 px picture (a thumbnail, a cropped screenshot) was stretched to the frame's
    85 mm, 18 pixels to the inch: a blur that reads like the record's photo of the site. It is
    printed at no less than MIN_PRINT_DPI, small and plainly what it is; a phone photo still
    fills its frame."""
    if shutil.which("pdfimages") is None:
        pytest.fail("pdfimages (poppler-utils) is needed to read the PDF back")
    from imsmap.report.photo_pages import MIN_PRINT_DPI

    photos = Photos(records)
    photos.add_file(session.id, write(tmp_path / "small.png", png_bytes(60, 40)), "Small")
    photos.add_file(session.id, write(tmp_path / "phone.jpg", phone_jpeg()), "Phone")
    clinic.save(records, replace(clinic.load(records), photos_in_pdf=True))
    path, _text, _images = _pdf(records, session, tmp_path)
    rows = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True,
                          text=True).stdout.splitlines()[2:]
    listed = [(int(r.split()[3]), int(r.split()[12])) for r in rows]  # width, x-ppi
    small = [ppi for width, ppi in listed if width == 60]
    assert small and small[0] >= MIN_PRINT_DPI - 1
    assert any(width > 300 and ppi == 200 for width, ppi in listed)  # the phone photo as before



def _left_edges(png: Path) -> list[int]:
    """Where each run of the red photos' pixels starts across the page (pixels: points at
    72 dpi; a gap of a few pixels, the blue band's edge, is no new run), one per photo side by
    side; none on a page without them."""
    page = Image.open(png).convert("RGB")
    red = {x for y in range(0, page.height, 2) for x in range(page.width)
           if (lambda r, g, b: r > 170 and g < 80 and b < 80)(*page.getpixel((x, y)))}
    return [x for x in sorted(red) if not red & set(range(x - 6, x))] if len(red) > 100 else []


@pytest.mark.parametrize("language", ["en", "fr_CA"])
def test_a_portrait_photo_starts_where_its_caption_does(qapp, records, session, tmp_path,
                                                        language):
    """A portrait photo was centred in its landscape frame while its caption and details,
    under it, start at the frame's left: two columns of their own. The photo now starts where
    its caption does, in either column of the row."""
    from imsmap.report.session_pdf import write_session_pdf

    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        pytest.fail("pdftoppm and pdftotext (poppler-utils) are needed to read the PDF back")
    photos = Photos(records)
    for name, size in (("a.jpg", (3000, 2000)), ("b.jpg", (2400, 1600))):  # turned upright
        photos.add_file(session.id, write(tmp_path / name, phone_jpeg(6, *size)),
                        "Bruise, day 2")
    clinic.save(records, replace(clinic.load(records), photos_in_pdf=True))
    path = write_session_pdf(records, session.id, tmp_path / f"{language}.pdf",
                             generated=GENERATED, language=language)
    subprocess.run(["pdftoppm", "-r", "72", "-png", str(path), str(tmp_path / "page")],
                   check=True)
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True,
                           capture_output=True, text=True).stdout.split("<page ")[1:]
    for png, words in zip(sorted(tmp_path.glob("page-*.png")), boxes, strict=True):
        lefts = _left_edges(png)
        if not lefts:
            continue
        titles = sorted(float(x) for x, w in re.findall(
            r'xMin="([\d.]+)"[^>]*>([^<]*)</word>', words) if w == "Photo")
        assert len(lefts) == 2 and len(titles) == 2, (lefts, titles)
        for left, title in zip(lefts, titles):
            assert abs(left - title) <= 2, f"the photo at {left} pt, its caption at {title:.0f}"
        return
    raise AssertionError("no page shows the photos")
