"""The session PDF reads as the medico-legal record was written: the signed session's content
(its own photos included) and its signature first, then the amendments in order, each with all
it did. A photo added by amendment was printed among the session's own photos, before the
Signature block; an amendment that only corrected a site had an empty Amendment cell."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pypdf
import pytest
from PySide6.QtGui import QPdfWriter

from imsmap.i18n.records import speaking, translate
from imsmap.report.layout import Heading
from imsmap.report.photo_pages import PhotoGrid
from imsmap.report.session_pdf import render_session_pdf, write_session_pdf
from imsmap.report.table import Table
from imsmap.services import clinic
from imsmap.services.photo_amending import add_file_by_amendment
from imsmap.services.photos import Photos
from photo_support import phone_jpeg, png_bytes, write
from support import site_on

GENERATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def amended(records, session, tmp_path):
    """A signed session with a photo of its own, then three amendments: words; a photo (its
    caption written with a full stop); a site's grade corrected, with no words."""
    site = site_on(records, session, "gluteus_medius")
    records.update_site(site.id, grasp=2)
    photos = Photos(records)
    photos.add_file(session.id, write(tmp_path / "own.png", png_bytes()), "Posture standing")
    records.sign_session(session.id)
    records.amend_session(session.id, "Late entry", "Patient phoned: ache settled by evening.")
    add_file_by_amendment(photos, session.id,
                          write(tmp_path / "later.jpg", phone_jpeg(width=900, height=600)),
                          "Bruise the next morning", "Bruise below site 1.")
    records.amend_session(session.id, "Grade misread", "", [(site.id, "grasp", 3)])
    return records.session_record(session.id)


def _words(path) -> str:
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)
    return " ".join(text.replace("\xa0", " ").split())


def _headings(prepared) -> list[str]:
    return [b.text for b in prepared.blocks if isinstance(b, Heading)]


@pytest.mark.parametrize("printed", [False, True])
@pytest.mark.parametrize("language", ["en", "fr_CA"])
def test_what_amendments_added_comes_after_the_signature(qapp, records, amended, tmp_path,
                                                         language, printed):
    clinic.save(records, replace(clinic.load(records), photos_in_pdf=printed))
    writer = QPdfWriter(str(tmp_path / "blocks.pdf"))
    prepared = render_session_pdf(records, amended, writer, generated=GENERATED,
                                  language=language)
    with speaking(language):
        photos_heading = translate("PhotoPages", "Photos")
        added_heading = translate("PhotoPages", "Photos added by amendment")
        signature = translate("SessionPdf", "Signature")
        amendments = translate("SessionPdf", "Amendments")
        said = [translate("SessionSections", "Photo %1 added: %2.").replace("%1", "2")
                .replace("%2", "Bruise below site 1"),
                translate("SessionSections", "Site %1: %2.").replace("%1", "1").replace(
                    "%2", translate("SiteTable", "%1 %2 → %3").replace(
                        "%1", translate("SiteTable", "grade")).replace("%2", "2").replace(
                        "%3", "3"))]
    headings = _headings(prepared)
    # the order of the blocks: own photos, signature, amendments, what they added
    assert headings.index(photos_heading) < headings.index(signature) \
        < headings.index(amendments) < headings.index(added_heading), headings
    at = [i for i, b in enumerate(prepared.blocks) if isinstance(b, Heading)]
    own = prepared.blocks[at[headings.index(photos_heading)]:at[headings.index(signature)]]
    later = prepared.blocks[at[headings.index(added_heading)]:]
    if printed:
        assert [c.photo.seq for b in own if isinstance(b, PhotoGrid) for c in b.cells] == [1]
        assert [c.photo.seq for b in later if isinstance(b, PhotoGrid) for c in b.cells] == [2]
    else:
        assert [r[0].text for b in own if isinstance(b, Table) for r in b.rows] == ["1"]
        assert [r[0].text for b in later if isinstance(b, Table) for r in b.rows] == ["2"]
    # the amendments' table: each amendment's row says what it did, in order
    with speaking(language):
        table = next(b for b in prepared.blocks if isinstance(b, Table)
                     and b.title == translate("SessionSections", "Amendments"))
    assert [row[3].text for row in table.rows] == [
        "Patient phoned: ache settled by evening.", said[0], said[1]]

    # and the text of the PDF reads in that order
    text = _words(write_session_pdf(records, amended.session.id, tmp_path / "s.pdf",
                                    generated=GENERATED, language=language))
    said = [x.replace("\xa0", " ") for x in said]
    order = [text.index("Posture standing"), text.index(signature + " "),
             text.index(said[0]), text.index(said[1]),
             text.index(added_heading), text.rindex("Bruise below site 1")]
    assert order == sorted(order), (order, text)
    assert text.count("Bruise below site 1") == 2  # the table's row and the photo's own
    assert "site 1.." not in text and "site 1. ." not in text
