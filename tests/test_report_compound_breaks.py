"""A word's own hyphen or slash is no place to end a line where a reader would not (report.
hyphenation.unwanted_break): the site table's Response column printed "e- / stim" and "ache/ /
cramp" (Qt breaks after a hyphen or a slash); a short compound stays whole, a long one breaks
between two real parts (« Sterno-cléido- / mastoïdien »). And a long unbreakable token (a hash,
an address) in a column that is no prose took the other columns' width, down to their own
widest words: it claims none now, and breaks at its column's end."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime

import pypdf
import pytest
from PySide6.QtGui import QPdfWriter

from imsmap.i18n.records import speaking, translate
from imsmap.report.document import DPI, MARGIN_X_MM, device_resolution
from imsmap.report.layout import Doc
from imsmap.report.session_pdf import render_session_pdf, write_session_pdf
from imsmap.report.table import Table
from support import site_on

GENERATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
LANGUAGES = ("en", "fr_CA")
HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def test_which_breaks_a_reader_makes():
    from imsmap.report.hyphenation import unwanted_break

    def ends(text: str) -> list[str]:
        return [text[:at] for at in range(1, len(text)) if text[at - 1] in "-/"
                and not unwanted_break(text, at)]

    assert ends("e-stim") == [] and ends("ache/cramp") == [] and ends("sourde/crampe") == []
    assert ends("T1-T6*-T12") == [] and ends("L4-L5*-S1-S2-S3") == []  # no part of two left
    assert ends("Sterno-cléido-mastoïdien") == ["Sterno-", "Sterno-cléido-"]
    assert ends("electric/paraesthetic") == ["electric/"]
    assert ends("sensation: ache/cramp; e-stim") == []  # each word by itself


def _response_lines(text: str) -> list[tuple[str, str]]:
    """Each pair of lines of the PDF's text (pypdf: a cell's lines one after the other) where a
    line ends inside "e-stim", "ache/cramp" or « sourde/crampe »."""
    lines = [line.strip() for line in text.splitlines()]
    return [(a, b) for a, b in zip(lines, lines[1:])
            if re.search(r"(^|\s)(e-|ache/|sourde/)$", a) and re.match(r"(stim|cramp|crampe)\b", b)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_response_column_keeps_e_stim_and_ache_cramp_whole(qapp, records, session, tmp_path,
                                                               language):
    """Sites with every mix of what the Response column says, and notes of different lengths
    (the columns' widths follow them): no line of it ends inside "e-stim" or "ache/cramp"."""
    flags = list(itertools.product((False, True), repeat=3))
    feels = (None, "grasp", "gritty-fibrotic")
    for k, ((cramp, twitch, release), feel) in enumerate(itertools.product(flags, feels)):
        site = site_on(records, session, "gluteus_medius")
        records.update_site(site.id, grasp=k % 4, cramp=cramp, twitch=twitch, tissue_feel=feel,
                            release="partial" if release else None, sensation="ache/cramp",
                            estim=True, notes="Referred ache" if k % 3 else "")
    out = write_session_pdf(records, session.id, tmp_path / "sites.pdf", generated=GENERATED,
                            language=language)
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages)
    assert not _response_lines(text), _response_lines(text)
    assert text.count(translate("SiteTable", "e-stim") if language == "en" else "électrostim.") \
        >= 24


def _doc(tmp_path) -> tuple[Doc, float]:
    writer = QPdfWriter(str(tmp_path / "measure.pdf"))
    writer.setResolution(DPI)
    doc = Doc(writer, DPI)
    return doc, doc.mm(210.0 - 2 * MARGIN_X_MM)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_hash_in_a_findings_note_takes_no_width_from_the_other_columns(qapp, records, session,
                                                                         tmp_path, language):
    records.add_finding(session.id, "shortening", "Lumbar paraspinals", "R",
                        f"Photo {HASH} on file")
    writer = QPdfWriter(str(tmp_path / "findings.pdf"))
    record = records.session_record(session.id)
    with speaking(language):
        prepared = render_session_pdf(records, record, writer, generated=GENERATED,
                                      language=language)
        doc = Doc(writer, device_resolution(writer))
        table = next(b for b in prepared.blocks if isinstance(b, Table)
                     and translate("SessionSections", "Location") in [c.title for c in b.columns])
        width = doc.mm(210.0 - 2 * MARGIN_X_MM)
        widths = table.column_widths(doc, width)
        total = sum(c.weight for c in table.columns)
        weighted = [width * c.weight / total for c in table.columns]
    assert widths == pytest.approx(weighted), (widths, weighted)
    out = write_session_pdf(records, session.id, tmp_path / "hash.pdf", generated=GENERATED,
                            language=language)
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages)
    assert HASH in re.sub(r"\s+", "", text)  # every character, over two lines


@pytest.mark.parametrize("language, compound", [("en", ("gritty", "fibrotic")),
                                                ("fr_CA", ("granuleux", "fibreux"))])
def test_a_compound_breaks_at_its_own_hyphen(qapp, records, session, tmp_path, language,
                                             compound):
    """« crampe; tissu granuleux-fibreux » in the narrow Response column broke as
    « granuleux-fi- / breux », between two syllables of its last part, where a reader breaks
    it at its own hyphen: « granuleux- / fibreux »."""
    for k in range(3):
        site = site_on(records, session, "gluteus_medius")
        records.update_site(site.id, grasp=k, cramp=k != 1, tissue_feel="gritty-fibrotic",
                            release="partial", sensation="ache/cramp",
                            notes=("Referred ache down the leg, eased after " * 3)[:120])
    out = write_session_pdf(records, session.id, tmp_path / "sites.pdf", generated=GENERATED,
                            language=language)
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    first, last = compound
    inside = [line for line in lines if re.search(rf"\b{first}-\w+-$", line)]
    assert not inside, inside
    at_hyphen = [(a, b) for a, b in zip(lines, lines[1:])
                 if a.endswith(f"{first}-") and b.startswith(last)]
    assert at_hyphen, lines


def _lines(flow) -> list[str]:
    """Each line of ``flow`` as printed: its soft hyphens gone, the one that ends it a hyphen."""
    ends = [*flow.starts[1:], len(flow.text)]
    out = []
    for a, b in zip(flow.starts, ends):
        line = flow.text[a:b].rstrip()
        out.append(line.replace("\u00ad", "") + ("-" if line.endswith("\u00ad") else ""))
    return out


@pytest.mark.parametrize("mm", [14.1, 14.5, 15.5, 16.4])
def test_a_compound_after_a_word_goes_to_the_next_line_to_break_at_its_hyphen(qapp, tmp_path,
                                                                                mm):
    """« tissu granuleux-fibreux » where « tissu granuleux- » does not fit the line broke in the
    compound's first part, « tissu granu- / leux-fibreux »: the compound's own hyphen is past
    the line's end, where the break at it (« granuleux-fi- / breux » made « granuleux- /
    fibreux ») looked for it no further than the line's start."""
    doc, _width = _doc(tmp_path)
    font = doc.font(7.5, condensed=True)
    lines = _lines(doc.flow("tissu granuleux-fibreux", font, doc.mm(mm), hyphens=True))
    assert lines == ["tissu", "granuleux-", "fibreux"], lines


@pytest.mark.parametrize("language, words", [("en", ("gritty", "fibrotic")),
                                             ("fr_CA", ("granuleux", "fibreux"))])
def test_a_response_that_starts_with_the_compound_breaks_it_at_its_hyphen(
        qapp, records, session, tmp_path, language, words):
    """A site with neither cramp nor twitch, whose Response starts « tissu granuleux-fibreux »,
    and a short note: the French Response column printed « tissu granu- / leux-fibreux »."""
    site = site_on(records, session, "gluteus_medius")
    records.update_site(site.id, grasp=2, tissue_feel="gritty-fibrotic", notes="Referred ache")
    out = write_session_pdf(records, session.id, tmp_path / "site.pdf", generated=GENERATED,
                            language=language)
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    first, last = words
    assert not [line for line in lines if re.search(rf"\b{first[:4]}\w*-$", line)
                and not line.endswith(f"{first}-")], lines
    assert f"{first}-{last}" in lines or any(
        a.endswith(f"{first}-") and b.startswith(last) for a, b in zip(lines, lines[1:])), lines
