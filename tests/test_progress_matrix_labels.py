"""The progress report's matrices print a muscle's whole name: their label column, 46 mm, cut
« Longissimus du thorax (partie thoracique) D » to « Longissimus du thorax (partie thoraci… »
(which part of the muscle: the thoracic or the lumbar). It is as wide as its longest label
needs, while each visit's column keeps its least width."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pypdf
import pytest

from imsmap.report.progress_pdf import write_progress_pdf
from support import site_on

GENERATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("visits", [2, 12])
def test_a_long_muscle_name_is_printed_whole_in_the_matrix(qapp, records, patient, tmp_path,
                                                           visits):
    start = datetime(2026, 9, 1, 14, 0, tzinfo=UTC)
    for k in range(visits):
        session = records.start_session(patient.id, started_at=start + timedelta(weeks=k))
        site = site_on(records, session, "longissimus_thoracis")
        records.update_site(site.id, grasp=3 - k % 3)
        records.sign_session(session.id)
    out = write_progress_pdf(records, patient.id, tmp_path / "progress.pdf",
                             generated=GENERATED, language="fr_CA")
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages))
    name = records.atlas.muscle("longissimus_thoracis").display_name("fr_CA")
    assert len(name) > 35 and "…" not in text, text
    # its row in each matrix (grasp by muscle; the name with its side)
    assert re.search(re.escape(name) + r" [GD] \d", text), text
