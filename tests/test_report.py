"""The session PDF: content, PDF/A basics (XMP id, embedded fonts, no transparency), and a marker
where the layout says it is."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from datetime import UTC, datetime

import pytest

pypdf = pytest.importorskip("pypdf")

GENERATED = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def region_point(region):
    """A point well inside a region: the centre of its bbox if inside, else a polygon vertex
    pulled towards the centroid."""
    x0, y0, x1, y1 = region.bbox
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    if region.contains(cx, cy):
        return cx, cy
    pts = region.polygon
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    for t in (0.5, 0.7, 0.3, 0.85):
        for px, py in pts:
            x, y = mx + (px - mx) * t, my + (py - my) * t
            if region.contains(x, y):
                return x, y
    pytest.skip(f"no interior point found for {region.id}")


def pick_regions(atlas, count_per_view=3, views=2):
    """(view id, region) pairs on the first ``views`` views that have regions, distinct muscles."""
    out = []
    for vid, view in atlas.views.items():
        if not view.regions:
            continue
        seen = set()
        for r in view.regions:
            if r.muscle in seen or r.layer != view.layer_ids[0]:
                continue
            try:
                atlas.muscle(r.muscle)
            except Exception:  # noqa: BLE001 - a region naming a muscle the catalogue lacks
                continue
            seen.add(r.muscle)
            out.append((vid, r))
            if len(seen) == count_per_view:
                break
        if len({v for v, _ in out}) == views:
            break
    if len({v for v, _ in out}) < 2:
        pytest.skip("the atlas has fewer than two views with regions")
    return out


@pytest.fixture
def filled(records, session):
    atlas = records.atlas
    sites = []
    for i, (vid, region) in enumerate(pick_regions(atlas)):
        x, y = region_point(region)
        sites.append(records.add_site(session.id, vid, x, y, muscle_id=region.muscle,
                                      side=region.side, layer=region.layer,
                                      grasp=(i % 4) if i != 1 else None, cramp=i == 2,
                                      depth_mm=20 + i, notes="Referred ache" if i == 0 else ""))
    records.update_session(session.id, pain_before=7, pain_after=3,
                           notes="All needles accounted for.")
    return sites


def write(records, session_id, tmp_path, name="out.pdf", **kw):
    from imsmap.report.session_pdf import write_session_pdf

    return write_session_pdf(records, session_id, tmp_path / name, generated=GENERATED, **kw)


def text_of(path):
    reader = pypdf.PdfReader(str(path))
    return reader, "\n".join(page.extract_text() or "" for page in reader.pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_pdf_holds_the_record(qapp, records, session, patient, filled, tmp_path):
    records.repo.db.conn.execute("INSERT INTO settings (key, value) VALUES ('clinic.name', "
                                 "'Harbourside Physiotherapy')")
    out = write(records, session.id, tmp_path)
    assert out.exists() and out.read_bytes().startswith(b"%PDF-")
    reader, text = text_of(out)
    flat = squash(text)
    assert patient.chart_number in flat
    assert "Nguyen, Anna" in flat
    assert "1970-04-12" in flat
    assert "2026-11-20 09:30" in flat
    assert "Harbourside Physiotherapy" in flat
    assert "Low back pain" in flat
    assert "7/10" in flat and "3/10" in flat
    assert f"Page 1 of {len(reader.pages)}" in flat
    for site in filled:
        name = records.atlas.muscle(site.muscle_id).name
        assert name.split()[0] in flat, name
        assert re.search(rf"(^|\s){site.seq}\s", text), site.seq
    assert "0 none" in flat or "1 mild" in flat
    assert "DRAFT" in flat  # not signed yet
    assert "Segmental summary" in flat
    # A generated-at time and a document id in every footer.
    assert flat.count("Document IMS-") == len(reader.pages)
    assert reader.metadata.title and patient.chart_number in reader.metadata.title
    assert reader.metadata.creator.startswith("imsmap")


def test_signed_session_shows_signature_hash_and_amendments(qapp, records, session, filled,
                                                            tmp_path):
    signed = records.sign_session(session.id)
    records.amend_session(session.id, "Pain after corrected", "Pain after was 4/10.")
    out = write(records, session.id, tmp_path)
    _reader, text = text_of(out)
    flat = squash(text)
    assert "Signed electronically by test.physio" in flat
    assert signed.content_hash in flat.replace(" ", "")
    assert "match the signed hash and the audit trail" in flat
    assert "Pain after corrected" in flat and "Pain after was 4/10." in flat
    assert "DRAFT" not in flat
    assert f"IMS-{session.id}-{signed.content_hash[:12]}" in flat


def test_first_page_says_the_signed_record_was_amended(qapp, records, session, filled,
                                                       tmp_path):
    """The amendments are printed after the signature, pages after the site table and the note
    they correct: the first page's status says there are some, or a reader of it (or of the
    site table) takes the signed values as the last word."""
    records.sign_session(session.id)
    _reader, text = text_of(write(records, session.id, tmp_path))
    first = squash(_reader.pages[0].extract_text())
    assert "amend" not in first.lower()
    records.amend_session(session.id, "Grade corrected", "Site 1 grasped 2, not 1.")
    records.amend_session(session.id, "Plan added", "Review in two weeks.")
    reader, _text = text_of(write(records, session.id, tmp_path, name="again.pdf"))
    first = squash(reader.pages[0].extract_text())
    assert "2 amendments, below" in first


def test_pdfa_identification_fonts_and_no_transparency(qapp, records, session, filled, tmp_path):
    out = write(records, session.id, tmp_path)
    reader = pypdf.PdfReader(str(out))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")1", xmp)
    assert re.search(r"pdfaid:conformance(>|=\")B", xmp)
    fonts = 0
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            targets = [d.get_object() for d in descendants] if descendants else [font]
            for target in targets:
                descriptor = target["/FontDescriptor"].get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), \
                    target.get("/BaseFont")
                fonts += 1
        for gs in resources.get("/ExtGState", {}).values():
            gs = gs.get_object()
            assert "/SMask" not in gs or gs["/SMask"] == "/None"
            assert float(gs.get("/CA", 1)) >= 1 and float(gs.get("/ca", 1)) >= 1
        for xobj in resources.get("/XObject", {}).values():
            assert "/SMask" not in xobj.get_object()
    assert fonts >= 2
    assert b"/SMask" not in out.read_bytes().replace(b"/SMask /None", b"")


def test_letter_paper(qapp, records, session, filled, tmp_path):
    out = write(records, session.id, tmp_path, paper="Letter")
    box = pypdf.PdfReader(str(out)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_unknown_session_writes_nothing(qapp, records, tmp_path):
    from imsmap.domain.errors import NotFoundError

    with pytest.raises(NotFoundError, match="There is no session with id 999."):
        write(records, 999, tmp_path)
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*tmp")) == []


def test_missing_folder_is_a_plain_error(qapp, records, session, tmp_path):
    from imsmap.report.session_pdf import ReportError, write_session_pdf

    with pytest.raises(ReportError, match="does not exist"):
        write_session_pdf(records, session.id, tmp_path / "nope" / "x.pdf")


def test_session_without_sites(qapp, records, session, tmp_path):
    out = write(records, session.id, tmp_path)
    _reader, text = text_of(out)
    assert "No sites were recorded" in squash(text)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_marker_is_drawn_where_the_layout_put_it(qapp, records, session, filled, tmp_path):
    from PySide6.QtGui import QImage

    from imsmap.render.style import LIGHT
    from imsmap.report import session_pdf as sp

    # Find where the first chart's first marker sits on page 1, as the painter placed it.
    captured = {}
    original = sp.ChartBlock.paint

    def spy(self, doc, painter, x, y, width):
        captured.setdefault("first", (self, doc, x, y, width))
        return original(self, doc, painter, x, y, width)

    sp.ChartBlock.paint = spy
    try:
        again = write(records, session.id, tmp_path)
    finally:
        sp.ChartBlock.paint = original
    block, doc, x, y, width = captured["first"]
    positions = block.marker_positions(doc, x, y, width)
    seq, (px, py) = min(positions.items())
    site = next(s for s in filled if s.seq == seq)
    dpi = 100
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1", "-singlefile",
                    str(again), str(tmp_path / "page")], check=True, timeout=60)
    image = QImage(str(tmp_path / "page.png"))
    assert not image.isNull()
    k = dpi / sp.DPI
    # The marker's centre shows its number; its fill shows in a ring around it.
    radius_px = doc.mm(sp.MIN_MARKER_MM) * k
    expected = LIGHT.grasp_fill(site.grasp)
    found = []
    for angle in range(0, 360, 15):
        for frac in (0.62, 0.72, 0.8):
            qx = px * k + math.cos(math.radians(angle)) * radius_px * frac
            qy = py * k + math.sin(math.radians(angle)) * radius_px * frac
            c = image.pixelColor(round(qx), round(qy))
            found.append(abs(c.red() - expected.red()) + abs(c.green() - expected.green())
                         + abs(c.blue() - expected.blue()))
    assert min(found) < 40, (seq, site.grasp, min(found))
    # And far from any marker the page is not that colour (the test is not vacuous).
    c = image.pixelColor(5, 5)
    assert (c.red(), c.green(), c.blue()) == (255, 255, 255)


def test_a_long_session_exports(qapp, records, session, tmp_path):
    """40 sites over several views: the table wraps onto more pages with its header repeated."""
    regions = [(vid, r) for vid, view in records.atlas.views.items() for r in view.regions
               if r.layer == view.layer_ids[0]]
    for i in range(40):
        vid, region = regions[(i * 7) % len(regions)]
        x, y = region_point(region)
        records.add_site(session.id, vid, x, y, layer=region.layer, grasp=i % 4,
                         notes="Strong release after ten seconds" if i % 3 == 0 else "")
    out = write(records, session.id, tmp_path)
    reader, text = text_of(out)
    assert len(reader.pages) >= 3
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in squash(text)
    # The table header is repeated on each page the table runs over.
    assert squash(text).count("Needle mm") >= 2
    assert "Insertion sites (continued)" in squash(text)


# ------------------------------------------------------------------ the complete clinical record
def _save_settings(records, **changes):
    from dataclasses import replace

    from imsmap.services import clinic

    return clinic.save(records, replace(clinic.load(records), **changes))


def _alpha_png(qapp) -> bytes:
    """A 120 x 60 logo with a transparent background and a half-transparent disc."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(120, 60, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(20, 90, 140, 255))
    painter.drawEllipse(5, 5, 50, 50)
    painter.setBrush(QColor(200, 60, 40, 100))
    painter.drawEllipse(45, 5, 50, 50)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def _thoracic_region(atlas):
    for vid, view in atlas.views.items():
        for r in view.regions:
            if r.layer != view.layer_ids[0] or r.level:
                continue
            try:
                muscle = atlas.muscle(r.muscle)
            except Exception:  # noqa: BLE001 - a region naming a muscle the catalogue lacks
                continue
            if muscle.thorax_risk(r.level) == "high" and muscle.region != "paraspinal":
                return vid, r
    pytest.skip("the atlas has no muscle over the thorax")


def test_pdf_completes_the_clinical_record(qapp, records, session, filled, tmp_path):
    vid, region = _thoracic_region(records.atlas)
    x, y = region_point(region)
    thoracic = records.add_site(session.id, vid, x, y, muscle_id=region.muscle,
                                side=region.side, layer=region.layer, grasp=2)
    records.update_session(session.id, practitioner_registration="PT-12345", consent=True,
                           pneumothorax_discussed=True, needle_count=9, needles_accounted=True,
                           tolerance="Tolerated well; mild ache afterwards.",
                           plan="Review in one week; home stretches for the hip flexors.")
    records.add_finding(session.id, "tender_paraspinals", "L4-L5", "R", "Worse on extension")
    records.add_finding(session.id, "trophedema", "lumbar", "M")
    records.add_adverse_event(session.id, "bruising", "mild", "Pressure for one minute.")
    records.add_adverse_event(session.id, "dizziness", "moderate", "Lay supine ten minutes.")
    flat = squash(text_of(write(records, session.id, tmp_path))[1])
    assert "J. Physio" in flat and "PT-12345" in flat
    assert "Examination findings" in flat
    assert "Tender paraspinals" in flat and "L4-L5" in flat and "Worse on extension" in flat
    assert "Trophedema (matchstick test)" in flat
    assert "Informed consent Obtained before needling." in flat
    assert "Pneumothorax risk Discussed with the patient." in flat
    muscle = records.atlas.muscle(thoracic.muscle_id).name
    listed = re.search(r"Muscles over the thorax needled: (.*?)\. ", flat).group(1)
    assert re.search(rf"{re.escape(muscle)} \([0-9, ]*\b{thoracic.seq}\)", listed), listed
    assert "Needles used 9" in flat
    assert "All needles accounted for and disposed of as sharps." in flat
    assert "Bruising mild Pressure for one minute." in flat
    assert "Dizziness / fainting moderate Lay supine ten minutes." in flat
    assert "Tolerated well; mild ache afterwards." in flat
    assert "Review in one week; home stretches for the hip flexors." in flat
    assert "NOT RECORDED" not in flat


def test_missing_items_say_not_recorded(qapp, records, session, filled, tmp_path):
    vid, region = _thoracic_region(records.atlas)
    x, y = region_point(region)
    records.add_site(session.id, vid, x, y, muscle_id=region.muscle, side=region.side,
                     layer=region.layer, grasp=1)
    flat = squash(text_of(write(records, session.id, tmp_path))[1])
    assert "Informed consent NOT RECORDED" in flat
    assert "Pneumothorax risk NOT RECORDED" in flat
    assert "Needles used NOT RECORDED" in flat
    assert "Needles accounted for NOT RECORDED" in flat
    assert "No adverse events were recorded." in flat
    assert "No examination findings were recorded." in flat
    assert "Registration no. not recorded" in flat


def test_pneumothorax_line_only_with_thoracic_sites(qapp, records, session, tmp_path):
    flat = squash(text_of(write(records, session.id, tmp_path))[1])
    assert "Informed consent" in flat and "Pneumothorax" not in flat


def test_registration_from_the_clinic_settings(qapp, records, session, filled, tmp_path):
    from imsmap.services.clinic import Practitioner

    _save_settings(records, practitioners=(Practitioner("J. Physio", "CPTBC-0042"),))
    flat = squash(text_of(write(records, session.id, tmp_path))[1])
    assert "J. Physio Reg. no. CPTBC-0042" in flat
    # The session's own number wins over the list.
    records.update_session(session.id, practitioner_registration="PT-777")
    flat = squash(text_of(write(records, session.id, tmp_path, name="b.pdf"))[1])
    assert "PT-777" in flat and "CPTBC-0042" not in flat


def test_clinic_grasp_labels_and_name(qapp, records, session, filled, tmp_path):
    _save_settings(records, clinic_name="Harbourside Physiotherapy",
                   grasp_labels=("nil", "slight", "clear", "marked"))
    flat = squash(text_of(write(records, session.id, tmp_path))[1])
    assert "Harbourside Physiotherapy" in flat
    assert "Grasp graded 0 nil, 1 slight, 2 clear, 3 marked" in flat
    graded = [s.grasp for s in filled if s.grasp is not None]
    labels = ("nil", "slight", "clear", "marked")
    for g in graded:
        assert f"{g} {labels[g]}" in flat
    for default in ("0 none", "1 mild", "2 moderate", "3 strong"):
        assert default not in flat, default


def test_logo_is_drawn_opaque(qapp, records, session, filled, tmp_path):
    _save_settings(records, logo_png=_alpha_png(qapp))
    out = write(records, session.id, tmp_path)
    reader = pypdf.PdfReader(str(out))
    images = []
    for name, xobj in reader.pages[0]["/Resources"].get("/XObject", {}).items():
        xobj = xobj.get_object()
        if xobj.get("/Subtype") == "/Image":
            images.append(xobj)
            assert "/SMask" not in xobj and "/Mask" not in xobj, name
    assert images, "the logo is not on page 1"
    assert b"/SMask" not in out.read_bytes().replace(b"/SMask /None", b"")


def test_paper_defaults_to_the_clinic_setting(qapp, records, session, filled, tmp_path):
    _save_settings(records, paper="Letter")
    box = pypdf.PdfReader(str(write(records, session.id, tmp_path))).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    box = pypdf.PdfReader(str(write(records, session.id, tmp_path, name="a4.pdf",
                                    paper="A4"))).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_document_metadata(qapp, records, session, filled, tmp_path):
    out = write(records, session.id, tmp_path)
    reader = pypdf.PdfReader(str(out))
    meta = reader.metadata
    assert "C-1001" in meta.title and "2026-11-20 09:30" in meta.title
    assert meta.author == "J. Physio"
    assert "dry needling" in meta.subject and "C-1001" in meta.subject
    assert "draft" in meta.subject
    assert meta.creation_date == GENERATED
    # The XMP stream says the same (PDF/A-1b wants the two to agree).
    xmp = reader.xmp_metadata
    assert xmp.dc_title["x-default"] == meta.title
    assert xmp.dc_creator == [meta.author]
    assert xmp.dc_description["x-default"] == meta.subject
    assert xmp.xmp_create_date.replace(tzinfo=UTC) == GENERATED
    assert xmp.pdfaid_part if hasattr(xmp, "pdfaid_part") else True
    raw = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")1", raw)
    assert "/Filter" not in reader.trailer["/Root"]["/Metadata"].get_object()
