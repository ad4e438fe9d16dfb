"""The session PDF's site table names a site's layer in words: a quadratus lumborum site on the
anterior chart's posterior wall printed "posterior_wall layer", the chart's id for it."""

from __future__ import annotations

from datetime import UTC, datetime

import pypdf
import pytest

from imsmap.report.session_pdf import write_session_pdf

GENERATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("language, words", [("en", "posterior wall layer"),
                                             ("fr_CA", "couche de la paroi postérieure")])
def test_a_layer_is_named_in_words(qapp, records, session, tmp_path, language, words):
    region = next(r for r in records.atlas.view("anterior").regions
                  if r.layer == "posterior_wall" and r.muscle == "quadratus_lumborum")
    records.add_site(session.id, "anterior", *region.label, muscle_id=region.muscle,
                     side=region.side, layer=region.layer, grasp=1)
    out = write_session_pdf(records, session.id, tmp_path / "layer.pdf", generated=GENERATED,
                            language=language)
    text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages)
                    .split())
    assert words in text, text
    assert "posterior_wall" not in text, text
