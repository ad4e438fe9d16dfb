"""An examination finding on both sides is printed as the window offers it, « Bilatéral /
médian » (Both / midline): the session PDF printed « Ligne médiane » (Midline), a side the
clinician never chose, for tender paraspinals on both sides (French walk of 6 December)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from imsmap.report.session_pdf import write_session_pdf
from support import pdf_text

GENERATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("language, both, midline", [
    ("en", "Both", "Midline"),
    ("fr_CA", "Bilatéral", "Ligne médiane"),
])
def test_a_finding_on_both_sides_is_not_printed_as_midline(qapp, records, session, tmp_path,
                                                            language, both, midline):
    records.add_finding(session.id, "tender_paraspinals", "L4-L5", "M")
    records.add_finding(session.id, "shortening", "L5", "R")
    text = pdf_text(write_session_pdf(records, session.id, tmp_path / f"{language}.pdf",
                                      generated=GENERATED, language=language))
    assert both in text
    assert midline not in text
