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
