"""What someone wrote (a reason, a caption) read inside a sentence of the PDFs keeps the
sentence one sentence: a reason typed with its full stop printed "...wrong patient's chart.
(marked by test.physio, ...)." in the session PDF of a session entered in error."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pypdf
import pytest

from imsmap.domain.text import clause
from imsmap.i18n.records import date_time, speaking
from imsmap.report.session_pdf import write_session_pdf
from imsmap.services import merging, retractions

GENERATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in
                             pypdf.PdfReader(str(path)).pages).split())


def _signed(records, patient):
    when = records.clock().replace(second=0, microsecond=0) - timedelta(days=1)
    s = records.start_session(patient.id, started_at=when)
    records.add_site(s.id, "posterior", 600, 1000, muscle_id="gluteus_medius", side="R",
                     grasp=2)
    return records.sign_session(s.id)


def test_a_clause_drops_the_full_stop_it_was_written_with():
    assert clause("Signed on the wrong patient's chart.") == "Signed on the wrong patient's chart"
    assert clause("Bruise below site 1. ") == "Bruise below site 1"
    assert clause("Consigné au mauvais dossier") == "Consigné au mauvais dossier"
    for kept in ("Same person?", "Same person!", "Same person...", "Same person…", ""):
        assert clause(kept) == kept


@pytest.mark.parametrize("language, said", [
    ("en", "is not this patient's treatment: Signed on the wrong patient's chart (marked by "
           "test.physio, "),
    ("fr_CA", "n'est pas un traitement de ce patient\xa0: Signed on the wrong patient's chart "
              "(marquée par test.physio, "),
])
def test_the_entered_in_error_statement_reads_as_one_sentence(qapp, records, patient, tmp_path,
                                                              language, said):
    s = _signed(records, patient)
    retractions.mark_entered_in_error(records, s.id, "Signed on the wrong patient's chart.")
    text = _text(write_session_pdf(records, s.id, tmp_path / "s.pdf", generated=GENERATED,
                                   language=language))
    assert said.replace("\xa0", " ") in text.replace("\xa0", " "), text
    assert not re.search(r"chart\. \(", text), text


@pytest.mark.parametrize("language, said", [
    ("en", "by test.physio, {}: Same person, birth date typed twice. This session"),
    ("fr_CA", "par test.physio, {}\xa0: Same person, birth date typed twice. Cette séance"),
])
def test_the_merge_statement_reads_as_one_sentence(qapp, records, patient, tmp_path, language,
                                                   said):
    twin = records.create_patient(chart_number="C-1002", family_name="Nguyen", given_name="Ana",
                                  birth_date="1970-04-21", sex="F")
    s = _signed(records, twin)
    merge = merging.merge_records(records, patient.id, twin.id,
                                  "Same person, birth date typed twice.")
    text = _text(write_session_pdf(records, s.id, tmp_path / "m.pdf", generated=GENERATED,
                                   language=language)).replace("\xa0", " ")
    assert "twice.." not in text
    with speaking(language):
        when = date_time(merge.created_at)
    assert said.format(when).replace("\xa0", " ") in text, text
