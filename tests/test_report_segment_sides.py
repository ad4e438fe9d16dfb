"""The session PDF's segmental summary says each muscle's sites by side, as the Segments tab
does (« Gluteus maximus both »): "Gluteus maximus L 1, R 2". To 7 Dec 2026 its Muscles column
ran both sides' numbers together after the name ("Gluteus maximus 1, 2"), and which side each
was on had to be looked up in the site table."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.test_ui_segments_fit import add

from imsmap.report.session_pdf import write_session_pdf
from support import SEGMENT_TABLE, pdf_text, table_cells

GENERATED = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def test_each_muscles_sites_are_said_by_side(qapp, records, session, tmp_path):
    add(records, session, "gluteus_maximus", "L", 1, 1)
    add(records, session, "gluteus_maximus", "R", 1, 2)
    add(records, session, "multifidus", "R", 1, 0, "L5")
    pdf = write_session_pdf(records, session.id, tmp_path / "en.pdf", generated=GENERATED,
                            language="en")
    rows = {row[0]: row for row in table_cells(pdf, SEGMENT_TABLE)[1:]}
    assert rows["L5"][-1] == "Gluteus maximus L 1, R 2; Multifidus R 3"
    assert rows["S2"][-1] == "Gluteus maximus L 1, R 2"
    french = write_session_pdf(records, session.id, tmp_path / "fr.pdf", generated=GENERATED,
                               language="fr_CA")
    flat = " ".join(pdf_text(french).split())
    assert "Grand fessier G 1, D 2; Multifide D 3" in flat
