"""The session PDF's site table gives each column the width its rows need (report.column_widths).

- A muscle's name is never cut inside a word without a hyphen: the Muscle column, 27 mm,
  printed "Sternocleidomast / oid" and "Semimembranos / us" (« Intertransversaire / s » in
  French), a name being deliberately never hyphenated (report.hyphenation). Every name of the
  catalogue, in both languages, in the narrowest layout the table has (every column holding
  something, so none gives width away), fits its column word by word.
- A column with nothing in any row (no site has a note) gave none of its width away while the
  Response column wrapped into many lines: it keeps only its header's width now.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pypdf
import pytest
from PySide6.QtGui import QPdfWriter

from imsmap.domain.models import Side, Site
from imsmap.i18n.records import speaking, translate
from imsmap.report.document import DPI, MARGIN_X_MM, device_resolution
from imsmap.report.layout import Doc
from imsmap.report.session_pdf import render_session_pdf, write_session_pdf
from imsmap.report.site_table import site_table
from imsmap.report.table import Cell, Table
from support import site_on

GENERATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
A4_WIDTH_MM = 210.0
LANGUAGES = ("en", "fr_CA")


def _doc(tmp_path) -> tuple[Doc, float]:
    writer = QPdfWriter(str(tmp_path / "measure.pdf"))
    writer.setResolution(DPI)
    doc = Doc(writer, DPI)
    return doc, doc.mm(A4_WIDTH_MM - 2 * MARGIN_X_MM)


def _no_draw(*_args, **_kwargs) -> None:
    pass


def _cut_inside_a_word(doc: Doc, text: str, font, room: float) -> list[str]:
    """The lines of ``text`` laid out in ``room`` that end inside a word with no hyphen."""
    flow = doc.flow(text, font, room)
    ends = [*flow.starts[1:], len(flow.text)]
    cut = []
    for start, end in zip(flow.starts, ends):
        line = flow.text[start:end]
        follows = flow.text[end:end + 1]
        if line and follows and line[-1].isalnum() and follows.isalnum():
            cut.append(line)
    return cut


def _column(table: Table, title: str) -> int:
    return [c.title for c in table.columns].index(title)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_muscle_name_fits_its_column_word_by_word(qapp, records, tmp_path, language):
    """Each muscle of the catalogue in a row whose every column holds something (a note, a
    response, a layer), on A4 (the narrowest paper): the Muscle column is as wide as its widest
    word needs, and no line of a name ends inside a word."""
    doc, width = _doc(tmp_path)
    muscles = list(records.atlas.catalogue)
    sites = [Site(id=i, session_id=1, seq=i, muscle_id=m.id, side=Side.RIGHT,
                  view_id="anterior", x=0.0, y=0.0, layer="deep", needle_diameter_mm=0.3,
                  needle_length_mm=50, depth_mm=25, grasp=i % 4, cramp=True, twitch=True,
                  estim=True, notes="Referred ache to the lateral thigh")
             for i, m in enumerate(muscles, 1)]
    with speaking(language):
        table = site_table(records, sites, _no_draw)
        k = _column(table, translate("SiteTable", "Muscle"))
        widths = table.column_widths(doc, width)
        assert sum(widths) == pytest.approx(width)
        font = doc.font(table.size, bold=True, condensed=table.condensed)
        room = table.text_room(doc, Cell("", bold=True), widths[k])
        cut = {}
        for row in table.rows:
            name = row[k].text
            # (a compound breaks after its hyphen: « Sterno-cléido- / mastoïdien »)
            widest = max(doc.text_width(word, font) for word in re.split(r"\s+|(?<=-)", name))
            assert widest <= room, (name, widest, room)
            if lines := _cut_inside_a_word(doc, name, font, room):
                cut[name] = lines
    assert not cut, cut
    assert len(table.rows) == len(muscles) > 100


def _two_sites(records, session, muscle: str = "sternocleidomastoid"):
    """Two sites on ``muscle`` (sternocleidomastoid: the longest word of the catalogue's names
    in English)."""
    for _ in range(2):
        site = site_on(records, session, muscle)
        records.update_site(site.id, grasp=2)
    return records.session_record(session.id)


def _site_table(prepared) -> Table:
    return next(b for b in prepared.blocks if isinstance(b, Table)
                and translate("SiteTable", "Muscle") in [c.title for c in b.columns])


@pytest.mark.parametrize("language, muscle", [
    ("en", "sternocleidomastoid"), ("en", "semimembranosus"),
    ("fr_CA", "sternocleidomastoid"), ("fr_CA", "intertransversarii")])
def test_the_pdf_prints_a_long_name_whole(qapp, records, session, tmp_path, language, muscle):
    """The names the 27 mm column cut: "Sternocleidomast / oid", "Semimembranos / us",
    « Intertransversaire / s (des lombes) »; the French « Sterno-cléido-mastoïdien » breaks
    after a hyphen of its own, if at all."""
    record = _two_sites(records, session, muscle)
    name = records.atlas.muscle(muscle).display_name(language)
    out = write_session_pdf(records, session.id, tmp_path / "long.pdf", generated=GENERATED,
                            language=language)
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages)
    text = re.sub(r"[ \t\xa0]+", " ", text).replace("-\n", "-")
    # the site table's cells, a line each (pypdf): the name whole in both rows, its words
    # wrapped between them at most, never cut inside one
    whole = r"\s+".join(re.escape(word) for word in name.split())
    assert len(re.findall(rf"^{whole}( †)?$", text, flags=re.M)) == 2, text
    writer = QPdfWriter(str(tmp_path / "again.pdf"))
    with speaking(language):
        prepared = render_session_pdf(records, record, writer, generated=GENERATED,
                                      language=language)
        doc = Doc(writer, device_resolution(writer))
        table = _site_table(prepared)
        width = doc.mm(A4_WIDTH_MM - 2 * MARGIN_X_MM)
        widths = table.column_widths(doc, width)
        k = _column(table, translate("SiteTable", "Muscle"))
        font = doc.font(table.size, bold=True, condensed=table.condensed)
        room = table.text_room(doc, Cell(name, bold=True), widths[k])
        assert all(doc.text_width(word, font) <= room
                   for word in re.split(r"\s+|(?<=-)", name))


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_empty_notes_column_gives_its_width_to_the_others(qapp, records, session, tmp_path,
                                                              language):
    """No site has a note: the Notes column keeps its header's width, and the columns that
    wrap (the muscle's nerve, its response) are wider than their weights alone made them.
    With a note, the column has its own width again."""
    record = _two_sites(records, session)
    for site in record.sites:
        records.update_site(site.id, twitch=True, tissue_feel="gritty-fibrotic", release="partial",
                            sensation="referred", estim=True)
    record = records.session_record(session.id)
    writer = QPdfWriter(str(tmp_path / "empty.pdf"))
    with speaking(language):
        table = _site_table(render_session_pdf(records, record, writer, generated=GENERATED,
                                               language=language))
        doc = Doc(writer, device_resolution(writer))
        width = doc.mm(A4_WIDTH_MM - 2 * MARGIN_X_MM)
        widths = table.column_widths(doc, width)
        total = sum(c.weight for c in table.columns)
        weighted = [width * c.weight / total for c in table.columns]
        titles = [c.title for c in table.columns]
        notes = titles.index(translate("SiteTable", "Notes"))
        response = titles.index(translate("SiteTable", "Response"))
        nerve = titles.index(translate("SiteTable", "Nerve · roots"))
        header = doc.font(table.size * 0.92, bold=True, condensed=table.condensed)
        assert all(row[notes] == "" for row in table.rows)
        assert widths[notes] < doc.text_width(titles[notes], header) + doc.mm(4)
        assert widths[notes] < weighted[notes] / 2
        assert widths[response] > weighted[response] + doc.mm(3)
        assert widths[nerve] > weighted[nerve]
        assert sum(widths) == pytest.approx(width)
        # the response of each row takes fewer lines than in the width its weight gave
        font = doc.font(table.size, condensed=table.condensed)
        said = table.rows[0][response].text
        fewer = doc.flow(said, font, table.text_room(doc, Cell(said), widths[response]))
        before = doc.flow(said, font, table.text_room(doc, Cell(said), weighted[response]))
        assert len(fewer) < len(before), (said, len(fewer), len(before))

    records.update_site(record.sites[0].id, notes="Referred ache to the jaw")
    record = records.session_record(session.id)
    writer = QPdfWriter(str(tmp_path / "noted.pdf"))
    with speaking(language):
        table = _site_table(render_session_pdf(records, record, writer, generated=GENERATED,
                                               language=language))
        widths = table.column_widths(doc, width)
        assert widths[notes] > weighted[notes] - doc.mm(4)


def test_a_table_too_narrow_for_a_name_breaks_it_between_syllables_with_a_hyphen(qapp,
                                                                                 tmp_path):
    """Where the page cannot give a name its widest word (a table 20 mm wide), the name breaks
    between its syllables with a hyphen, as prose does, rather than after its last letter that
    fits; the prose column gives what it can first (down to its own widest word)."""
    from PySide6.QtGui import QPainter

    from imsmap.report.table import Column

    writer = QPdfWriter(str(tmp_path / "narrow.pdf"))
    writer.setResolution(DPI)
    doc = Doc(writer, DPI)
    table = Table((Column("Muscle", 1), Column("N", 1)),
                  [[Cell("Sternocleidomastoid", bold=True), Cell("ache", hyphens=True)]])
    width = doc.mm(20)
    widths = table.column_widths(doc, width)
    assert widths[0] > widths[1]  # the name took what the note could give
    painter = QPainter(writer)
    table.paint(doc, painter, doc.mm(20), doc.mm(20), width)
    painter.end()
    text = pypdf.PdfReader(str(tmp_path / "narrow.pdf")).pages[0].extract_text()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = next(i for i, line in enumerate(lines) if line.startswith("Ster"))
    last = next(i for i in range(first, len(lines)) if not lines[i].endswith("-"))
    pieces = lines[first:last + 1]  # "Ster-", "no-", "clei-"...
    assert "".join(p.rstrip("-") for p in pieces) == "Sternocleidomastoid", lines
    assert len(pieces) > 1 and all(len(p.rstrip("-")) >= 2 for p in pieces), pieces


def test_a_column_of_names_that_wraps_takes_the_room_the_others_leave():
    """Where the other columns have room beyond their longest line and their header's widest
    word, a column of names (not prose) that wraps gets all of its longest line, a line less a
    row; where they have less than it needs, where its cells are prose, or where prose wraps
    beside it, nothing moves."""
    from imsmap.report.column_widths import Need, fit_widths

    def need(line: float, header: float = 5.0, prose: bool = False) -> Need:
        return Need(header, min(line, 8.0), line, False, prose)

    # the practitioner (30 wide, its line 34) beside figures of 6 in columns of 20
    fitted = fit_widths(100.0, [30, 20, 20, 30], [need(34.0), need(6.0), need(6.0),
                                                   need(25.0)])
    assert fitted.widths[0] == pytest.approx(34.0)
    assert sum(fitted.widths) == pytest.approx(100.0)
    assert all(w >= n for w, n in zip(fitted.widths[1:], (6.0, 6.0, 25.0)))
    # the others' room (beyond their own lines and headers' words) is 3.5: short of the 4 it
    # needs
    fitted = fit_widths(100.0, [30, 20, 20, 30], [need(34.0), need(19.0, 19.0),
                                                   need(18.0, 18.0), need(29.5)])
    assert fitted.widths == pytest.approx([30.0, 20.0, 20.0, 30.0])
    # prose wraps anyway: it keeps its width; and beside prose that wraps (the site table's
    # Response makes its rows tall) a name's line would save nothing: nothing moves
    for needs in ([need(60.0, prose=True), need(6.0), need(6.0), need(25.0)],
                  [need(34.0), need(6.0), need(6.0), need(45.0, prose=True)]):
        fitted = fit_widths(100.0, [30, 20, 20, 30], needs)
        assert fitted.widths == pytest.approx([30.0, 20.0, 20.0, 30.0])


def test_the_sessions_table_prints_each_session_on_one_line(qapp, records, patient, tmp_path):
    """« Alex Démo, pht » wrapped on every row of the progress report's sessions table in
    French (demo patient 1: ten rows of two lines, and page 1 ended 38 mm blank, its plot on
    page 2): each row is one line now, the name beside its date."""
    import subprocess
    from datetime import timedelta

    from imsmap.report.progress_pdf import write_progress_pdf

    for week in range(4):
        s = records.start_session(patient.id, started_at=datetime(2026, 3, 2, 9, 0)
                                  + timedelta(weeks=week), practitioner="Alex Démo, pht",
                                  pain_before=6, pain_after=4)
        site_on(records, s, "gluteus_medius")
        records.sign_session(s.id)
    for language in ("en", "fr_CA"):
        pdf = write_progress_pdf(records, patient.id, tmp_path / f"{language}.pdf",
                                 language=language, paper="A4",
                                 generated=datetime(2026, 12, 1, 12, 0, tzinfo=UTC))
        html = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(pdf), "-"],
                              check=True, capture_output=True, text=True).stdout
        words = [(float(y), w) for y, w in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" '
                                                      r'yMax="[\d.]+">([^<]*)</word>', html)]
        dates = {y for y, w in words if re.fullmatch(r"2026-03-\d\d", w)}  # (the header's too)
        names = [y for y, w in words if w == "pht"]
        beside = [y for y in names if any(abs(y - d) < 1.0 for d in dates)]
        assert len(beside) == 4, (language, sorted(dates), names)  # a row's name by its date


def test_the_consent_tables_sentences_are_prose_and_keep_their_width(qapp, records, session,
                                                                      tmp_path):
    """The consent table's Record column holds sentences (the muscles over the thorax under
    « Discussed with the patient. »): prose, which wraps anyway. Taken for a column of names,
    it took the Item column's room for its longest line and re-wrapped the consent of old
    signed records (« Teres / major (6). »); the Item and Record columns keep their widths."""
    from dataclasses import replace

    from imsmap.report.session_sections import consent_table

    muscle = next(r.muscle for v in records.atlas.views.values() for r in v.regions
                  if r.side in ("L", "R")
                  and records.atlas.catalogue.get(r.muscle).thorax_risk() == "high")
    records.update_session(session.id, consent=True, pneumothorax_discussed=True)
    doc, width = _doc(tmp_path)
    weighed = [width * 42 / 178, width * 136 / 178]
    for _ in range(60):  # each site one number more: « Rhomboid major (1, 2, 3...) »
        site_on(records, session, muscle)
        table = consent_table(records, records.session_record(session.id))
        # the same table with its sentences taken for names
        as_names = Table(table.columns, [[replace(cell, hyphens=False) for cell in row]
                                         for row in table.rows], size=table.size, zebra=False)
        named = as_names.column_widths(doc, width)
        if named[0] < weighed[0] - doc.mm(1):  # the case: its longest line took Item's room
            break
    else:
        pytest.fail(f"{muscle}'s sites over the thorax never took the Item column's room")
    assert all(row[1].hyphens for row in table.rows)
    assert table.column_widths(doc, width) == pytest.approx(weighed)
