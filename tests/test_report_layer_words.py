"""The session PDF's site table names a site's layer in words: a quadratus lumborum site on the
anterior chart's posterior wall printed "posterior_wall layer", the chart's id for it."""

from __future__ import annotations

from datetime import UTC, datetime

import pypdf
import pytest
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

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


@pytest.fixture
def window_language(qapp, request):
    from imsmap import i18n

    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


@pytest.mark.parametrize("window_language", ["en", "fr_CA"], indirect=True)
def test_the_spinal_charts_deep_layer_is_named_as_its_button_names_it(
        window_language, make_window, records, session, tmp_path):
    """English printed "deep layer" under a site of the spinal chart's second layer, whose
    button, and the French PDF, name it « Semi-épineux, rotateurs et muscles courts »: the
    site table names a layer by the chart's name for it (the atlas's), in either language,
    as the window's layer buttons do."""
    from support import FRENCH_SITE_TABLE, SITE_TABLE, table_cells

    language = window_language
    region = next(r for r in records.atlas.view("spinal").regions
                  if r.layer == "deep" and r.contains(*r.label))
    records.add_site(session.id, "spinal", *region.label, muscle_id=region.muscle,
                     side=region.side, layer=region.layer, level=region.level, grasp=1)
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.chart.set_view("spinal")
    buttons = [b.text().replace("&", "") for b in w.chart.layer_group.buttons()]
    name = records.atlas.layer_name("spinal", "deep", language)
    assert name in buttons, buttons
    out = write_session_pdf(records, session.id, tmp_path / "spinal.pdf", generated=GENERATED,
                            language=language)
    cells = table_cells(out, SITE_TABLE if language == "en" else FRENCH_SITE_TABLE)
    muscle = cells[1][1]
    said = f"{name[0].lower()}{name[1:]} layer" if language == "en" else \
        f"couche {name[0].lower()}{name[1:]}"
    assert said in muscle, muscle
    assert "deep layer" not in muscle and "couche profonde" not in muscle, muscle
