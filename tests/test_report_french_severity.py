"""The French PDF writes an adverse event's severity under « Gravité », so the word agrees with
it: « légère », « modérée », « grave ». The first-day walk of 7 December read « Ecchymose |
léger | Glace appliquée » in a signed session's table of adverse events (/tmp/firstday/cmp/
s2-2.png), where the window says « Ecchymose (gravité légère) ». The FHIR export's text of the
severity is the same word. English as before."""

from __future__ import annotations

from datetime import UTC, datetime

import pypdf
import pytest

from imsmap.report.session_pdf import write_session_pdf

GENERATED = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(("language", "severity", "row"), [
    ("fr_CA", "mild", "Ecchymose légère Glace appliquée"),
    ("fr_CA", "moderate", "Ecchymose modérée Glace appliquée"),
    ("fr_CA", "severe", "Ecchymose grave Glace appliquée"),
    ("en", "mild", "Bruising mild Glace appliquée"),
])
def test_the_pdfs_adverse_event_says_its_severity_as_gravité_agrees(
        qapp, records, session, tmp_path, language, severity, row):
    records.add_adverse_event(session.id, "bruising", severity, "Glace appliquée")
    out = write_session_pdf(records, session.id, tmp_path / "seance.pdf", generated=GENERATED,
                            language=language)
    text = " ".join(" ".join(page.extract_text().split())
                    for page in pypdf.PdfReader(str(out)).pages)
    assert row in text, text
