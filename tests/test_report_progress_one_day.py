"""A progress report whose sessions were all on one day says that day once in the running header
of pages 2..N, as page 1's period does: the first-day walk of 7 December (two visits the same
day, a new clinic in French) read « Séances du 7 déc. au 7 déc. 2026 » over pages 2 and 3
(/tmp/firstday/pdf/p-2.png). Sessions on two days keep « du … au … »."""

from __future__ import annotations

from datetime import UTC, datetime

import pypdf
import pytest

from imsmap.report.progress_pdf import write_progress_pdf

GENERATED = datetime(2026, 12, 7, 18, 0, tzinfo=UTC)


def _visits(records, patient, days):
    for day, hour in days:
        session = records.start_session(patient.id, started_at=datetime(2026, 12, day, hour, 0))
        for view_id in ("posterior", "spinal", "lateral_right"):
            region = max(records.atlas.view(view_id).regions_on("superficial"),
                         key=lambda r: r.area)
            records.add_site(session.id, view_id, *region.label, layer="superficial", grasp=2)
        records.sign_session(session.id)


@pytest.mark.parametrize(("language", "days", "said", "not_said"), [
    ("fr_CA", [(6, 8), (6, 15)], "· Séances du 6 déc. 2026", "au 6 déc."),
    ("fr_CA", [(1, 9), (6, 15)], "· Séances du 1er déc. au 6 déc. 2026", None),
    ("en", [(6, 8), (6, 15)], "· Sessions on 2026-12-06", "to 2026-12-06"),
])
def test_the_running_header_says_one_day_once(qapp, records, patient, tmp_path, language, days,
                                              said, not_said):
    _visits(records, patient, days)
    out = write_progress_pdf(records, patient.id, tmp_path / "evolution.pdf",
                             generated=GENERATED, language=language)
    pages = [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(out)).pages]
    assert len(pages) > 1
    for page in pages[1:]:
        assert said in page, page[:200]
        assert not_said is None or not_said not in page, page[:200]
