"""A French session PDF's site table in the words of a Quebec physiotherapist (the PDF walk of
6 December): a list separated by « ; » in the nerve text and by « ; » in the response beside it
(docs/translating.md: no space before `;`, as the rest of the records write it); « tissu :
normale », an adjective agreeing with the window's « texture » printed after « tissu »; « couche
paroi postérieure »; an amended grade « cote 1 → 3 » where every other place says
« préhension »."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from imsmap.report.session_pdf import write_session_pdf
from support import FRENCH_SITE_TABLE, SITE_TABLE, pdf_text, site_on, table_cells

GENERATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _pdf(records, session, tmp_path, language="fr_CA"):
    return write_session_pdf(records, session.id, tmp_path / f"{language}.pdf",
                             generated=GENERATED, language=language)


def _rows(pdf, language="fr_CA") -> list[str]:
    """Each site's row, its cells' words one after another (pdftotext's words: a no-break
    space is a space; a word broken at its hyphen is whole again)."""
    cells = table_cells(pdf, SITE_TABLE if language == "en" else FRENCH_SITE_TABLE)
    return [" ".join(row).replace("\u00a0", " ").replace("- ", "-") for row in cells[1:]]


@pytest.mark.parametrize("feel, french", [
    ("normal", "tissu normal"),
    ("gritty-fibrotic", "tissu granuleux-fibreux"),
    ("grasp", "tissu : préhension"),
    ("bone contact", "tissu : contact osseux"),
])
def test_the_tissue_feel_agrees_with_tissu(qapp, records, session, tmp_path, feel, french):
    site = site_on(records, session, "gluteus_medius")
    records.update_site(site.id, grasp=1, cramp=True, tissue_feel=feel)
    (row,) = _rows(_pdf(records, session, tmp_path))
    assert f"crampe; {french}" in row, row
    assert not re.search(r"tissu\W+(normale|granuleuse)", row), row


def test_no_space_before_a_semicolon_in_the_site_table(qapp, records, session, tmp_path):
    # The trapezius's nerve (the atlas's French) printed « (NC XI) ; branches », the response
    # beside it « crampe; tissu ».
    site = site_on(records, session, "trapezius_upper")
    records.update_site(site.id, grasp=2, cramp=True, twitch=True, tissue_feel="normal")
    (row,) = _rows(_pdf(records, session, tmp_path))
    assert "(NC XI); branches" in row, row
    assert "crampe; secousse; tissu normal" in row, row
    assert " ;" not in row, row
    text = pdf_text(_pdf(records, session, tmp_path))
    assert re.search(r"\S[ \u00a0\u202f];", text) is None, text


def test_an_amended_grade_is_a_prehension(qapp, records, session, tmp_path):
    site = site_on(records, session, "gluteus_medius")
    records.update_site(site.id, grasp=1)
    records.sign_session(session.id)
    records.amend_session(session.id, "Cote mal lue", "", [(site.id, "grasp", 3)])
    (row,) = _rows(_pdf(records, session, tmp_path))
    assert "préhension 1 → 3, addenda du" in row, row
    assert "cote 1" not in row, row
    (english,) = _rows(_pdf(records, session, tmp_path, "en"), "en")
    assert "grade 1 → 3, amended" in english, english


@pytest.mark.parametrize("language, words, title", [
    ("en", "posterior wall layer", "Anterior view — posterior wall layer"),
    ("fr_CA", "couche de la paroi postérieure", "Vue antérieure — couche de la paroi postérieure"),
])
def test_a_layer_named_by_a_noun_follows_couche_with_de_la(qapp, records, session, tmp_path,
                                                           language, words, title):
    region = next(r for r in records.atlas.view("anterior").regions
                  if r.layer == "posterior_wall" and r.muscle == "quadratus_lumborum")
    records.add_site(session.id, "anterior", *region.label, muscle_id=region.muscle,
                     side=region.side, layer=region.layer, grasp=1)
    pdf = _pdf(records, session, tmp_path, language)
    (row,) = _rows(pdf, language)
    assert words in row, row
    text = " ".join(pdf_text(pdf).replace("\u00a0", " ").split())
    assert title in text, text
    assert "couche paroi" not in text, text
