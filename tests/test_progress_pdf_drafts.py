"""The progress report's charts compare signed visits (report.progress_charts): a draft chosen
stays in the sessions table, labelled "DRAFT", and is drawn on no chart as a visit "before" the
latest; the latest chosen, when it is a draft (a clinician previewing before signing), is drawn on
top as itself, labelled "draft, not signed", and summed in no heat map. One short line over the
charts says which drafts they leave out. Read through the real PDF's text, on the SQLite file."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from tests.support import pdf_text
from tests.test_progress_pdf import interior_points, text_of, write

from imsmap.domain.vocabulary import GRASP_LABELS
from imsmap.report.progress_charts import HeatChart, heat_chart_blocks
from imsmap.report.progress_pdf import load_history

pytest.importorskip("pypdf")

START = datetime(2026, 10, 5, 9, 0)


@pytest.fixture
def visits(records, patient):
    """Weekly visits 1-4, one site each on its own muscle: 1, 2 and 4 signed, 3 left a draft
    (a strong grasp nobody signed)."""
    points = interior_points(records.atlas)
    ids = []
    for k, grade in enumerate((3, 2, 3, 1)):
        s = records.start_session(patient.id, started_at=START + timedelta(days=7 * k),
                                  practitioner="J. Physio", pain_before=6 - k)
        vid, region, x, y = points[k]
        records.add_site(s.id, vid, x, y, muscle_id=region.muscle, side=region.side,
                         layer=region.layer, grasp=grade)
        if k != 2:
            records.sign_session(s.id)
        ids.append(s.id)
    return ids


def charts(records, patient_id) -> list[HeatChart]:
    _patient, history = load_history(records, patient_id)
    blocks = heat_chart_blocks(records, history, GRASP_LABELS, 180.0)
    return [c for b in blocks for c in getattr(b, "charts", ())]


def earlier(charts_: list[HeatChart]) -> set[tuple[int, int]]:
    """(session, age) of the sites drawn faded under the latest session's, on every chart."""
    return {(m.session_id, m.age) for c in charts_ for m in c.earlier}


def test_a_draft_before_the_latest_signed_visit_is_not_the_one_before(
        qapp, records, patient, visits, tmp_path):
    first, second, draft, last = visits
    drawn = charts(records, patient.id)
    assert {s.session_id for c in drawn for s in c.latest} == {last}
    # visit 2 is "the one before" visit 4, visit 1 two before; the draft is not drawn
    assert earlier(drawn) == {(second, 1), (first, 2)}
    assert all(s.session_id != draft for c in drawn for s in c.heat_sites)
    out = write(records, patient.id, tmp_path)
    flat = text_of(out)[1]
    assert "Not on the charts: 1 draft, not signed (visit 3)." in flat
    assert "DRAFT" in flat and "1 draft, not signed" in flat  # the table and status say it
    assert "is a draft, not signed: drawn on top" not in flat
    assert re.search(r"Sites: +latest session +the one before", pdf_text(out))
    # signed, it is a visit like the others: the one before, and no line
    records.sign_session(draft)
    assert earlier(charts(records, patient.id)) == {(draft, 1), (second, 2), (first, 3)}
    again = text_of(write(records, patient.id, tmp_path, name="signed.pdf"))[1]
    assert "Not on the charts" not in again and "all signed" in again


def test_a_latest_draft_is_drawn_as_itself_never_as_a_visit_before(
        qapp, records, patient, visits, tmp_path):
    """The clinician previews the report before signing today's visit: its sites on top,
    said to be a draft, not signed; the signed visits under it; the draft of visit 3 nowhere."""
    first, second, draft, last = visits
    points = interior_points(records.atlas)
    today = records.start_session(patient.id, started_at=START + timedelta(days=28),
                                  practitioner="J. Physio", pain_before=2)
    vid, region, x, y = points[4]
    records.add_site(today.id, vid, x, y, muscle_id=region.muscle, side=region.side,
                     layer=region.layer, grasp=2)
    drawn = charts(records, patient.id)
    assert {s.session_id for c in drawn for s in c.latest} == {today.id}
    assert earlier(drawn) == {(last, 1), (second, 2), (first, 3)}
    heat = {s.session_id for c in drawn for s in c.heat_sites}
    assert heat == {first, second, last}  # neither draft summed
    out = write(records, patient.id, tmp_path)
    flat = text_of(out)[1]
    assert ("Visit 5 is a draft, not signed: drawn on top as such, not in the heat map. "
            "Not on the charts: 1 draft, not signed (visit 3).") in flat
    # the key's row of sites calls the latest what it is
    assert re.search(r"Sites: +latest: draft, not signed +the one before", pdf_text(out))
    # Chosen alone with the visit before it, no line about visit 3: it is not in the report
    alone = text_of(write(records, patient.id, tmp_path, name="two.pdf",
                          session_ids=[last, today.id]))[1]
    assert "Visit 5 is a draft, not signed" in alone and "Not on the charts" not in alone
    french = text_of(write(records, patient.id, tmp_path, name="fr.pdf", language="fr_CA"))[1]
    french = french.replace("\u00a0", " ").replace("\u202f", " ")
    assert "La visite 5 est un brouillon non signé" in french
    assert "Hors des schémas : 1 brouillon non signé (visite 3)." in french


def change_section(flat: str) -> str:
    """The report's "Change since the first session", up to the body charts' heading."""
    return flat[flat.index("Change since the first session"):
                flat.index("Where it grasped")]


def test_the_change_since_the_first_session_compares_signed_visits(
        qapp, records, patient, visits, tmp_path):
    """First and latest are signed visits: today's draft (pain 1, previewed before signing)
    and the draft of visit 3 are compared with nothing, and said so in one line."""
    first, second, draft, last = visits
    points = interior_points(records.atlas)
    today = records.start_session(patient.id, started_at=START + timedelta(days=28),
                                  practitioner="J. Physio", pain_before=1)
    vid, region, x, y = points[4]
    records.add_site(today.id, vid, x, y, muscle_id=region.muscle, side=region.side,
                     layer=region.layer, grasp=2)
    change = change_section(text_of(write(records, patient.id, tmp_path))[1])
    assert change.startswith("Change since the first session visit 1 → visit 4 ")
    assert "Not compared: 2 drafts, not signed (visits 3, 5)." in change
    assert "Pain before treatment 6 3 −3 (−50%)" in change  # visit 4's 3, not the draft's 1
    assert "Muscles compared between visit 1 and visit 4" in change
    french = text_of(write(records, patient.id, tmp_path, name="fr.pdf", language="fr_CA"))[1]
    french = french.replace("\u00a0", " ").replace("\u202f", " ")
    assert "visite 1 → visite 4" in french
    assert "Non comparés : 2 brouillons non signés (visites 3, 5)." in french
    # one signed visit chosen with a draft: nothing compared, said so
    alone = change_section(text_of(write(records, patient.id, tmp_path, name="two.pdf",
                                         session_ids=[draft, last]))[1])
    assert ("Not compared: 1 draft, not signed (visit 3). Fewer than two signed visits: no "
            "change is given.") in alone
    assert "Pain before treatment" not in alone
    # all signed: no line
    for sid in (draft, today.id):
        records.sign_session(sid)
    signed = change_section(text_of(write(records, patient.id, tmp_path, name="s.pdf"))[1])
    assert signed.startswith("Change since the first session visit 1 → visit 5 ")
    assert "Not compared" not in signed and "Pain before treatment 6 1 −5" in signed


def trend_page(path) -> str:
    """The text of the page with the trend plot, its words in one line."""
    import pypdf

    reader = pypdf.PdfReader(str(path))
    pages = [re.sub(r"\s+", " ", p.extract_text() or "") for p in reader.pages]
    return next(p for p in pages if "Pain and grasp over the sessions" in p
                or "Douleur et préhension au fil des séances" in p)


def test_the_trend_plot_marks_the_drafts_apart(qapp, records, patient, visits, tmp_path):
    """The drafts are plotted hollow and joined to no line, "draft" under their visit's label,
    the key saying so; signed, they are visits like the others and the key says nothing."""
    first, second, draft, last = visits
    page = trend_page(write(records, patient.id, tmp_path))
    assert "draft, not signed: hollow, not joined" in page
    assert re.search(r"#3 19 Oct draft #4 26 Oct(?! draft)", page), page
    french = trend_page(write(records, patient.id, tmp_path, name="fr.pdf", language="fr_CA"))
    french = french.replace("\u00a0", " ").replace("\u202f", " ")
    assert "brouillon non signé : creux, non relié" in french
    assert re.search(r"#3 19 oct\. brouillon #4", french), french
    records.sign_session(draft)
    signed = trend_page(write(records, patient.id, tmp_path, name="signed.pdf"))
    assert "draft" not in signed and "#3 19 Oct #4 26 Oct" in signed


def test_the_grasp_matrix_compares_signed_visits_and_marks_a_draft(qapp, records, patient,
                                                                     tmp_path):
    """First→last is between the first and the latest signed visits: a muscle graded 2, then 1,
    then 3 at a draft reads 2→1 (it was 2→3); the draft's column keeps its 3, "draft" in its
    header (as the Trend tab's grid says it: test_ui_progress_drafts_trend.py)."""
    vid, region, x, y = interior_points(records.atlas)[0]
    ids = []
    for k, grade in enumerate((2, 1, 3)):
        s = records.start_session(patient.id, started_at=START + timedelta(days=7 * k),
                                  practitioner="J. Physio", pain_before=6 - k)
        records.add_site(s.id, vid, x, y, muscle_id=region.muscle, side=region.side,
                         layer=region.layer, grasp=grade)
        if k < 2:
            records.sign_session(s.id)
        ids.append(s.id)

    def grid(flat: str) -> str:
        start = flat.index("Grasp by muscle and session strongest grasp per session")
        return flat[start:flat.index("graded fewer than twice", start)]

    section = grid(text_of(write(records, patient.id, tmp_path))[1])
    # the draft's "draft" in a fourth line under its date
    assert re.search(r"#1 5 Oct #2 12 #3 19 draft First→ last [^0-9]+ 2 1 3 2→1 ", section), \
        section
    assert "the first and the latest graded value of the signed visits (a draft, not signed, " \
        "is compared with nothing)" in section
    french = text_of(write(records, patient.id, tmp_path, name="fr.pdf", language="fr_CA"))[1]
    french = french.replace("\u00a0", " ").replace("\u202f", " ")
    assert re.search(r"#1 5 oct\. #2 12 #3 19 brouillon", french), french
    assert "des visites signées (un brouillon, non signé, n’est comparé à rien)" in french
    records.sign_session(ids[2])
    section = grid(text_of(write(records, patient.id, tmp_path, name="signed.pdf"))[1])
    assert " 2 1 3 2→3 " in section and "draft First" not in section


def test_adjacent_drafts_say_draft_without_running_into_each_other(qapp, records, patient,
                                                                   tmp_path):
    """18 weekly visits, drafts at 5-7, 12-13 and 18: in French, « brouillon » under a 6 mm
    column ran into its neighbour's (« brouillonbrouillonbrouillon »). A run of drafts whose
    word is wider than a column says it once, « brouillons », under the run; the words keep
    apart, and so do the English ones (each under its column, where "draft" fits)."""
    from PySide6.QtGui import QPdfWriter

    from imsmap.domain.progress import grasp_matrix
    from imsmap.i18n.records import speaking
    from imsmap.report.document import device_resolution
    from imsmap.report.layout import Doc
    from imsmap.report.progress_matrices import MatrixBlock, grasp_matrix_blocks

    vid, region, x, y = interior_points(records.atlas)[0]
    drafts = {4, 5, 6, 11, 12, 17}
    for k in range(18):
        s = records.start_session(patient.id, started_at=datetime(2026, 6, 1, 9)
                                  + timedelta(days=7 * k), practitioner="J. Physio")
        records.add_site(s.id, vid, x, y, muscle_id=region.muscle, side=region.side,
                         layer=region.layer, grasp=k % 4)
        if k not in drafts:
            records.sign_session(s.id)
    _patient, history = load_history(records, patient.id)
    gm = grasp_matrix(history, records.atlas.catalogue)
    writer = QPdfWriter(str(tmp_path / "doc.pdf"))
    doc = Doc(writer, device_resolution(writer))
    width = doc.mm(180.0)
    words = {}
    for language in ("fr_CA", "en"):
        with speaking(language):
            blocks = [b for b in grasp_matrix_blocks(records, history, gm, 180.0)
                      if isinstance(b, MatrixBlock)]
        assert len(blocks) == 1 and len(blocks[0].columns) == 18
        notes = blocks[0].draft_notes(doc, width)
        boxes = sorted((box for box, _word, _span in notes), key=lambda r: r.left())
        for a, b in zip(boxes, boxes[1:]):
            assert a.right() + doc.mm(1.0) <= b.left(), (language, [w for _b, w, _s in notes])
        words[language] = [(word, span) for _box, word, span in notes]
    assert words["fr_CA"] == [("brouillons", (4, 6)), ("brouillons", (11, 12)),
                              ("brouillon", None)]
    assert words["en"] == [("draft", None)] * 6
    # the report's own grid says it so
    flat = text_of(write(records, patient.id, tmp_path, name="fr.pdf", language="fr_CA"))[1]
    grid = flat[flat.index("Préhension par muscle et par séance"):]
    grid = grid[:grid.index("Première")]
    assert grid.split().count("brouillons") == 2 and grid.split().count("brouillon") == 1, grid


def test_adjacent_drafts_on_the_trend_plot_keep_their_labels_apart(qapp, records, patient,
                                                                  tmp_path):
    """The trend plot's x axis wrote every draft's label, so adjacent drafts' ran into each
    other where the slots are narrow (« brouillonbrouillon », « 17 août24 août »): the last
    visit, then the drafts from the latest back, then the axis's own step, none nearer than a
    label's width (render.plot.labelled, the window's plot alike). Their hollow points still
    mark every draft."""
    from imsmap.render.plot import labelled

    drafts = [k in {4, 5, 6, 11, 12, 17} for k in range(18)]
    assert labelled(18, 2, drafts) == [0, 2, 4, 6, 8, 10, 12, 14, 17]
    assert labelled(4, 1, [False, False, True, True]) == [0, 1, 2, 3]
    assert labelled(0, 3, []) == []
    vid, region, x, y = interior_points(records.atlas)[0]
    for k in range(18):
        s = records.start_session(patient.id, started_at=datetime(2026, 6, 1, 9)
                                  + timedelta(days=7 * k), practitioner="J. Physio",
                                  pain_before=8 - k // 3)
        records.add_site(s.id, vid, x, y, muscle_id=region.muscle, side=region.side,
                         layer=region.layer, grasp=k % 4)
        if not drafts[k]:
            records.sign_session(s.id)
    page = trend_page(write(records, patient.id, tmp_path, name="fr.pdf", language="fr_CA"))
    page = page.replace("\u00a0", " ")
    axis = page[page.index("#1 1 juin"):]
    assert re.search(r"#5 29 juin brouillon #7 13 juill\. brouillon #9", axis), axis
    assert "#6" not in axis and "#12" not in axis and "#18 28 sept. brouillon" in axis
