"""Cranial nerves in French (issue 19): English writes "CN11", French « NC11 » (nerf crânien).
The record stores and computes "CN11"; the window, the PDFs and the command line write the
abbreviation of their language."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pypdf
from tests.test_ui_french import french  # noqa: F401 - fixture

from imsmap.atlas.catalogue import format_roots
from imsmap.domain.segments import root_label, root_order
from imsmap.i18n.records import root_name, speaking
from imsmap.report.session_pdf import write_session_pdf
from support import site_on

GENERATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def test_a_cranial_nerve_takes_the_languages_abbreviation():
    assert root_label("CN11", "NC") == "NC11" and root_label("C5", "NC") == "C5"
    assert format_roots(("CN11", "C3", "C4"), "CN11", "NC") == "NC11*, C3-C4"
    assert format_roots(("CN11", "C3", "C4"), "CN11") == "CN11*, C3-C4"
    with speaking("fr_CA"):
        assert root_name("CN7") == "NC7" and root_name("L5") == "L5"
    with speaking("en"):
        assert root_name("CN7") == "CN7"
    # stored and sorted as before
    assert root_order("CN11") < root_order("C1")


def _pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_the_french_pdf_writes_nc_for_a_cranial_nerve(qapp, records, patient, tmp_path):
    session = records.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30))
    site = site_on(records, session, "trapezius_upper")
    records.update_site(site.id, grasp=2)
    french = _pdf_text(write_session_pdf(records, session.id, tmp_path / "fr.pdf",
                                         generated=GENERATED, language="fr_CA"))
    english = _pdf_text(write_session_pdf(records, session.id, tmp_path / "en.pdf",
                                          generated=GENERATED, language="en"))
    assert "NC11" in french and not re.search(r"\bCN\s?\d", french)
    assert "CN11" in english


def test_the_french_window_writes_nc_for_a_cranial_nerve(french, records):
    from imsmap.ui.chart_words import describe_region
    from imsmap.ui.wording import root_name as window_root_name

    region = next(r for view in records.atlas.views.values() for r in view.regions
                  if r.muscle == "sternocleidomastoid")
    text = describe_region(records.atlas, region)
    assert "NC11" in text and "CN" not in text, text
    assert window_root_name("CN5") == "NC5"
